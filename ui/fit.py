"""Pages fit a 1280×720 screen: nothing on a page may ask for more width than the window has.

A page's minimum width is the widest row it lays out; two things in the app made rows wide
whatever the window: combos sized to their longest entry (a survey question, a unit name) and
status or hint labels that never wrapped ("62 cộng tác viên; 4 người cần chú ý …", the empty
survey page's hint). The main window applies `fit_page` to every page it builds, so a new page
gets the same treatment without remembering to. Labels of a form row (they have a buddy) and
the page title stay on one line; every other label wraps at word boundaries.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

# What a page may ask for at 1280×720 beside the 220 px navigation and the window frame.
PAGE_MAX_WIDTH = 1280 - 220 - 20
COMBO_MIN_CHARS = 10


def narrow_combos(page: QWidget) -> None:
    """A combo sized to its longest entry would widen the whole window past the screen; size
    combos by a short minimum, the layout stretches them."""
    for combo in page.findChildren(QComboBox):
        if combo.sizeAdjustPolicy() != QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(max(combo.minimumContentsLength(), COMBO_MIN_CHARS))


def _is_form_label(label: QLabel) -> bool:
    if label.buddy() is not None:
        return True
    parent = label.parentWidget()
    layout = parent.layout() if parent is not None else None
    if isinstance(layout, QFormLayout):
        index = layout.indexOf(label)
        if index >= 0:
            return layout.getItemPosition(index)[1] == QFormLayout.ItemRole.LabelRole
    return False


def wrap_labels(page: QWidget) -> None:
    """Every free label wraps, so a long status line or hint grows down, not sideways."""
    for label in page.findChildren(QLabel):
        if label.objectName() == "pageTitle" or label.wordWrap() or _is_form_label(label):
            continue
        label.setWordWrap(True)


def fit_page(page: QWidget) -> None:
    narrow_combos(page)
    wrap_labels(page)
