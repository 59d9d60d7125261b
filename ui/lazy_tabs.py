"""A tab widget whose tabs' widgets are built the first time they are shown or asked for.

Contract: `add(factory, label)` adds a tab holding an empty placeholder; `factory()` makes the
tab's real widget, once, when that tab first becomes current (before any slot connected to
`currentChanged` after this widget was made runs, so such a slot finds it built) or when code
asks for it with `view(index)`. The built widget fills the placeholder (no margins); the main
window's `fit_page` is applied to it as it is to a whole page. `currentWidget`,
`setCurrentWidget`, `widget` and `indexOf` speak of the built widgets, so callers never see a
placeholder: `tabs.setCurrentWidget(page.entry)` and `tabs.currentWidget() is page.builder`
work as on a plain QTabWidget.

Why: the survey page built its four tabs' views at once when first opened (~25 ms of its
~60 ms of frozen window, widget creation and re-parenting under the app's style sheet),
where only the tab shown is needed; as Qt applications do, a hidden tab's widgets wait
until the tab is opened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.fit import fit_page


def tab_view(index: int) -> property:
    """A page attribute for the widget of its `tabs`' tab `index` (built on first use), so
    code and tests name a tab's view as they did when it was built with the page."""
    return property(lambda page: page.tabs.view(index))


class LazyTabs(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factories: list[Callable[[], QWidget] | None] = []
        self._views: list[QWidget | None] = []
        self.currentChanged.connect(self._build_shown)   # connected first: runs before the owner's slots

    def add(self, factory: Callable[[], QWidget], label: str) -> int:
        """A tab whose widget `factory` makes when first needed; returns its index."""
        holder = QWidget()
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self._factories.append(factory)
        self._views.append(None)
        index = self.addTab(holder, label)   # the first tab becomes current here, and is built
        return index

    def view(self, index: int) -> QWidget:
        """The widget of tab `index`, built now if it was not yet."""
        built = self._views[index]
        if built is not None:
            return built
        factory = self._factories[index]
        assert factory is not None
        self._factories[index] = None
        built = self._views[index] = factory()
        fit_page(built)
        holder = super().widget(index)
        holder.layout().addWidget(built)
        built.show()   # now, not from the event loop as a layout shows a widget added to a shown parent
        return built

    def is_built(self, index: int) -> bool:
        return self._views[index] is not None

    def _build_shown(self, index: int) -> None:
        if 0 <= index < len(self._views):
            self.view(index)

    # The QTabWidget calls Python code makes, answered with the built widgets.
    def widget(self, index: int) -> QWidget | None:
        return self.view(index) if 0 <= index < len(self._views) else None

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - Qt API
        return self.widget(self.currentIndex())

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802 - Qt API
        return next((i for i, v in enumerate(self._views) if v is widget), super().indexOf(widget))

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt API
        index = self.indexOf(widget)
        if index >= 0:
            self.setCurrentIndex(index)
