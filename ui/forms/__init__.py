"""Widgets of the "Phiếu điện tử" page (ui/pages/forms.py)."""
