"""Offline Vietnamese text analytics on the office's own items: topic suggestion, similar items,
new-stream early warning and keywords. Nothing leaves the PC and nothing is cached on disk:
vectors live in memory and are rebuilt when the data changes (see model.py)."""
