"""Overview cards, one module per capability (see app/overview.py)."""
