"""Main window: left navigation, one page per capability, built lazily on first show."""

from __future__ import annotations

import importlib
import inspect
import logging

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import Ctx
from app.office import Office, get_office
from ui.fit import fit_page
from ui.icons import icon
from ui.menus import Menus
from ui.pages.base import PageBase
from ui.preload import preload
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)
GEOMETRY_KEY = "window/geometry"   # size, place and maximised state only: no report contents
# After the first page has drawn, its slow cards included, so start-up is not slowed: the
# worker's imports held the interpreter lock while the GUI thread built the new-streams card,
# which came 0.2-0.4 s later when the pages were preloaded at 0.5 s.
WARM_AFTER_MS = 1500


FIRST_SIZE = (1280, 800)
FRAME_ALLOWANCE = 40     # title bar and borders the window manager adds around the window
SMALL_SCREEN = (1440, 900)   # up to this, a first start fills the screen (1366x768 laptops)


def fit_first_size(window: QMainWindow) -> None:
    """The size of a first start: 1280×800, or less on a smaller screen (at 1366×768 the
    bottom rows and the status bar were below the screen's edge). A size the clerk chose is
    restored afterwards (restore_geometry); MainWindow.show_at_start maximises a first start
    on a laptop-sized screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    width, height = FIRST_SIZE
    if room is not None:
        width = min(width, room.width())
        height = min(height, room.height() - FRAME_ALLOWANCE)
    window.resize(width, height)


def small_screen(window: QWidget) -> bool:
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return False
    room = screen.availableGeometry()
    return room.width() <= SMALL_SCREEN[0] or room.height() <= SMALL_SCREEN[1]


def restore_geometry(window: QMainWindow) -> None:
    saved = QSettings().value(GEOMETRY_KEY)
    if saved is not None:
        window.restoreGeometry(saved)


def save_geometry(window: QMainWindow) -> None:
    QSettings().setValue(GEOMETRY_KEY, window.saveGeometry())

# DESIGN.md §7, in this order; the province role adds its consolidated view.
NAV: list[tuple[str, str]] = [
    ("overview", "Tổng quan"),
    ("collaborators", "Cộng tác viên"),
    ("meetings", "Giao ban"),
    ("opinions", "Thông tin dư luận"),
    ("topics", "Vấn đề nổi cộm"),
    ("surveys", "Điều tra"),
    ("forms", "Phiếu điện tử"),
    ("reports", "Báo cáo"),
    ("exchange", "Trao đổi dữ liệu"),
    ("catalog", "Danh mục"),
    ("settings", "Cài đặt"),
    ("audit", "Nhật ký"),
]
PROVINCE_NAV = ("province", "Các xã, phường")
# Pages a province office sees in its own form (the communes' rows merged), by navigation key.
PROVINCE_PAGES = {"topics": "ui.province.topics_page"}


class MainWindow(QMainWindow):
    closed = Signal()  # the window was closed (the session's idle lock stops watching)

    def __init__(self, ctx: Ctx, tasks: TaskRunner | None = None, office: Office | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.tasks = tasks or TaskRunner(self)
        # Read once here (or handed over: read on the session's worker at start-up, the old
        # window's after switching user); pages that show the office's names get this row
        # instead of reading it on the GUI thread, and a settings save re-reads it on the worker.
        self.office = office = office or get_office(ctx)
        self.tasks.changed.connect(self._office_changed)
        style = office.style
        self.setWindowTitle(f"DLXH – {style.office_label}")
        fit_first_size(self)
        self.first_start = QSettings().value(GEOMETRY_KEY) is None
        self.nav_items = list(NAV)
        if office.role == "province":
            self.nav_items.insert(1, PROVINCE_NAV)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        side = QWidget()
        side.setObjectName("sidebar")
        side_layout = QHBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        column = QWidget()
        col_layout = QVBoxLayout(column)
        col_layout.setContentsMargins(0, 12, 0, 12)
        brand = QLabel(f"<b>DLXH</b><br><span style='font-size:9pt'>{style.office_label}<br>"
                       f"{office.province_name if office.kind in ('commune', 'agency') else ''}</span>")
        brand.setObjectName("brand")   # looks: resources/style.qss
        brand.setWordWrap(True)        # a long office name wraps instead of widening the sidebar
        col_layout.addWidget(brand)
        self.nav = QListWidget()
        self.nav.setFixedWidth(220)
        self.nav.setIconSize(QSize(20, 20))
        for key, label in self.nav_items:
            item = QListWidgetItem(icon(key), label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        col_layout.addWidget(self.nav, 1)
        column.setFixedWidth(self.nav.width())
        side_layout.addWidget(column)
        row.addWidget(side)
        self.stack = QStackedWidget()
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.pages: dict[str, PageBase] = {}
        self.user_label = QLabel(f"Người dùng: {ctx.user.full_name or ctx.user.name}")
        self.statusBar().addPermanentWidget(self.user_label)
        self.menus = Menus(self)
        self.nav.currentRowChanged.connect(self._on_nav)
        self.nav.setCurrentRow(0)
        restore_geometry(self)
        # The topic model for suggestions built on the worker once the window is up, then the
        # other pages' modules imported there: a first opening then only builds the page.
        self._warmed = False
        QTimer.singleShot(WARM_AFTER_MS, self, self._warm_up)

    def show_at_start(self) -> None:
        """Show the window as the program starts: maximised the first time on a laptop-sized
        screen (1366×768: a 1280 px window left a strip unused), else as it was left."""
        if self.first_start and small_screen(self):
            self.showMaximized()
        else:
            self.show()

    def _warm_up(self) -> None:
        if not self.isVisible():       # closed before the timer fired (its store may be closed too)
            return
        from ui.opinion.model_warmup import warmer

        warmer(self.ctx, self.tasks).build()
        rest = [key for key, _ in self.nav_items if key not in self.pages]
        preload(self.tasks, [self._page_module(key) for key in rest], then=lambda: self._build_idle(rest))
        self._warmed = self.tasks.synchronous   # tests and scripts: nothing is preloaded or built

    def warmed_up(self) -> bool:
        """Whether the warm-up after start has ended: the topic model, the page modules and the
        pages built (for the benchmarks, which measure a session as a clerk's first click finds it)."""
        return self._warmed

    def _build_idle(self, keys: list[str]) -> None:
        """Build the pages not opened yet, one per turn of the event loop while the clerk has
        not clicked yet, so a first opening only shows a built page: building and polishing
        the opinions or reports page took 40-60 ms of a first click's frozen window."""
        keys = [k for k in keys if k not in self.pages]
        if not keys or not self.isVisible():
            self._warmed = True
            return
        self.page(keys[0]).ensurePolished()
        QTimer.singleShot(0, self, lambda: self._build_idle(keys[1:]))

    def _office_changed(self, tables: frozenset[str]) -> None:
        if "office" in tables:
            self.tasks.query(lambda: get_office(self.ctx), lambda row: setattr(self, "office", row), parent=self)

    def _on_nav(self, row: int) -> None:
        if row >= 0:
            self.show_page(self.nav_items[row][0])

    def page(self, key: str) -> PageBase:
        if key not in self.pages:
            cls = importlib.import_module(self._page_module(key)).Page
            extra = {"office": self.office} if cls.needs_office else {}
            # Built inside the stack, not moved into it after: moving a built page sends every
            # widget in it a style change under the app's style sheet (each table's header
            # measured again through Python), ~4 ms of the first opening's frozen window.
            page = cls(self.ctx, self.tasks, parent=self.stack, **extra)
            fit_page(page)
            if hasattr(page, "navigate"):
                page.navigate.connect(self.open_link)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def _page_module(self, key: str) -> str:
        if self.nav_items[1:2] == [PROVINCE_NAV] and key in PROVINCE_PAGES:
            return PROVINCE_PAGES[key]
        return f"ui.pages.{key}"

    def show_page(self, key: str) -> PageBase:
        keys = [k for k, _ in self.nav_items]
        if key not in keys:
            raise KeyError(key)
        page = self.page(key)
        if self.nav.currentRow() != keys.index(key):
            self.nav.setCurrentRow(keys.index(key))  # re-enters via _on_nav
            return page
        self.stack.setCurrentWidget(page)
        page.refresh()
        self.menus.page_changed(key)
        return page

    def open_link(self, link) -> PageBase | None:
        """Follow an app.overview.Link: show its page, then let the page open the record or
        filter (its `open_link`), or select the record through `refresh(select_id)`."""
        if link.page not in dict(self.nav_items):
            return None
        page = self.show_page(link.page)
        opener = getattr(page, "open_link", None)
        if opener is not None:
            opener(link)
        elif link.record_id and "select_id" in inspect.signature(page.refresh).parameters:
            page.refresh(select_id=link.record_id)
        return page

    def current_key(self) -> str:
        page = self.stack.currentWidget()
        return next((k for k, p in self.pages.items() if p is page), "overview")

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        save_geometry(self)
        super().closeEvent(event)
        if event.isAccepted():
            self.tasks.settle(10000)   # the pages' loads end before anyone closes their store
            self.closed.emit()
