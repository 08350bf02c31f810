"""Pure-Python domain: no Qt, no SQL. Everything here can be lifted into a web service unchanged."""
