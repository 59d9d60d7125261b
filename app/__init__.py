"""DLXH domain core: no Qt here (a test enforces it)."""
