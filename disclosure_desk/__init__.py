"""Disclosure Desk: the active-disclosure catalogue, publication register and deadline tracker."""

__version__ = "0.1.0"
APP_NAME = "DisclosureDesk"
APP_DISPLAY_NAME = "政务公开台账"
