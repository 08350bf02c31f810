"""The main window's panels, one class per module."""
