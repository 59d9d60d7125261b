"""Widgets and dialogs of the collaborators page (issue 3)."""
