"""Widgets of the Reports page."""
