"""Dialogs: values in, values out; the caller saves through the store."""
