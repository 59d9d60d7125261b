"""Top-level windows and dialogs are deleted by Qt's event loop, never by Python's garbage collector.

A widget created in Python without a parent belongs to its Python wrapper: when the last
reference goes, PySide deletes the C++ object at once, wherever that happens — inside one of
the widget's own signals (the idle lock's dialog, dropped in its `finished` handler), or while
Qt may still refer to it as the window that had the focus (the sign-in dialog, freed as sign-out
returned). Qt's own rule is `deleteLater()`; with a Python owner that is not enough, because
the wrapper's death deletes the object before the deferred delete comes. `dispose` keeps the
wrapper until Qt has deleted the object in its event loop.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QWidget

_KEPT: list[QWidget] = []   # wrappers waiting for their deferred delete


def dispose(widget: QWidget) -> None:
    """Hide `widget` and let Qt delete it when control returns to the event loop."""
    _KEPT[:] = [w for w in _KEPT if shiboken6.isValid(w)]   # those Qt has deleted since
    if any(w is widget for w in _KEPT):
        return
    widget.hide()
    widget.deleteLater()
    _KEPT.append(widget)
