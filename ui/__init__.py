"""PySide6 user interface: thin views over app/ functions (no SQL here; a test enforces it)."""
