"""Danh mục: the office's areas by its kind (a commune's thôn, ấp, tổ dân phố with their type;
a province's communes; an agency's member organisations — with population, used by survey
quotas and coverage) and agencies (the handling loop forwards items to them); fixed
catalogues shown for reference."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import catalog
from app.office import Office, Unit, get_office, save_unit, units
from app.office_kinds import AREA_TYPES, default_area_type
from app.text import vn_number
from app.validate import UNIT_NAME_MAX, limit_hint
from ui.lazy_tabs import LazyTabs, tab_view
from ui.models import Column, RowsModel, sortable
from ui.pages.base import PageBase
from ui.widgets import compact_columns, setup_table

FIXED = [
    ("Lĩnh vực", catalog.FIELDS), ("Xu hướng", catalog.TENDENCIES), ("Mức độ quan tâm", catalog.SCALES),
    ("Kênh tiếp nhận", catalog.CHANNELS), ("Giai tầng xã hội", catalog.STRATA), ("Ngành, đoàn thể", catalog.SECTORS),
]


class UnitTab(QWidget):
    """A list of units of one level with a small add/rename form under it."""

    def __init__(self, page: Page, level: str, with_population: bool) -> None:
        super().__init__()
        self.page, self.level = page, level
        box = QVBoxLayout(self)
        columns = [Column("Mã", lambda u: u.code), Column("Tên", lambda u: u.name)]
        if level == "hamlet":
            columns.insert(1, Column("Loại", lambda u: u.area_type or ""))
        if with_population:
            columns.append(Column("Dân số", lambda u: vn_number(u.population) if u.population else "",
                                  sort_key=lambda u: u.population or 0, align_right=True))
            columns.append(Column("Từ 18 tuổi", lambda u: vn_number(u.adults) if u.adults else "",
                                  sort_key=lambda u: u.adults or 0, align_right=True))
        self.model = RowsModel(columns)
        self.view = QTableView()
        self.view.setModel(sortable(self.model, self))
        setup_table(self.view)
        self.view.clicked.connect(self._pick)
        box.addWidget(self.view, 1)
        form_box = QGroupBox("Thêm mới hoặc sửa (chọn một dòng để sửa)")
        form = QFormLayout(form_box)
        self.code, self.name = QLineEdit(), QLineEdit()
        self.name.setPlaceholderText(limit_hint(UNIT_NAME_MAX))
        self.area_type: QComboBox | None = None
        if level == "hamlet":
            self.area_type = QComboBox()
            self.area_type.addItems(AREA_TYPES)
            # a phường's areas are tổ dân phố, a xã's thôn: the usual choice comes first
            self.default_area_type = default_area_type(page.office.name)
            self.area_type.setCurrentText(self.default_area_type)
            form.addRow("Loại địa bàn:", self.area_type)
        if level in ("hamlet", "member"):
            self.code.setPlaceholderText("để trống: phần mềm tự đặt mã nội bộ")
        form.addRow("Mã:", self.code)
        form.addRow("Tên:", self.name)
        for edit in (self.code, self.name):
            edit.returnPressed.connect(self.save)      # Enter saves, as in every form
        self.population: QSpinBox | None = None
        self.adults = QSpinBox()
        if with_population:
            self.population = QSpinBox()
            self.population.setRange(0, 10_000_000)
            self.population.setGroupSeparatorShown(True)
            form.addRow("Dân số:", self.population)
            # A survey samples adults: its frame is this figure, not the whole population.
            self.adults.setRange(0, 10_000_000)
            self.adults.setGroupSeparatorShown(True)
            form.addRow("Số người từ 18 tuổi:", self.adults)
        buttons = QHBoxLayout()
        save = QPushButton("Lưu")
        save.clicked.connect(self.save)
        clear = QPushButton("Nhập mới")
        clear.clicked.connect(self.clear)
        buttons.addWidget(save)
        buttons.addWidget(clear)
        buttons.addStretch(1)
        form.addRow(buttons)
        box.addWidget(form_box)

    def refresh(self) -> None:
        """The units are read on the worker; the table is filled when they arrive."""
        ctx, level = self.page.ctx, self.level
        self.page.tasks.query(lambda: units(ctx, level=level), self._show, parent=self)

    def _show(self, rows: list[Unit]) -> None:
        self.model.set_rows(rows)
        names = [c.header for c in self.model.columns].index("Tên")
        compact_columns(self.view, stretch=names)     # the name takes the room, not the population

    def _pick(self, index) -> None:
        unit: Unit = self.model.row_at(self.view.model().mapToSource(index).row())
        self.code.setText(unit.code)
        self.name.setText(unit.name)
        if self.area_type is not None and unit.area_type:
            self.area_type.setCurrentText(unit.area_type)
        if self.population is not None:
            self.population.setValue(unit.population or 0)
            self.adults.setValue(unit.adults or 0)

    def clear(self) -> None:
        self.code.clear()
        self.name.clear()
        if self.area_type is not None:
            self.area_type.setCurrentText(self.default_area_type)
        if self.population is not None:
            self.population.setValue(0)
            self.adults.setValue(0)

    def save(self) -> None:
        """An op on 'units': the page reloads from `changed`, then says what was saved."""
        ctx, code, name, level = self.page.ctx, self.code.text(), self.name.text(), self.level
        population = self.population.value() or None if self.population is not None else None
        area_type = self.area_type.currentText() if self.area_type is not None else None
        adults = self.adults.value() or None if self.population is not None else None
        self.page.tasks.op(lambda: save_unit(ctx, code, name, level, population, area_type, adults), tables={"units"},
                           on_done=lambda _: QMessageBox.information(self, "Đã lưu", f"Đã lưu: {name.strip()}."),
                           parent=self)


class Page(PageBase):
    title = "Danh mục"
    needs_office = True

    def __init__(self, ctx, tasks, parent=None, office: Office | None = None) -> None:
        super().__init__(ctx, tasks, parent)
        self.office = office or get_office(ctx)
        style = self.office.style
        # A tab's view is built when the tab is first opened (ui/lazy_tabs.py), and read then.
        self.tabs = LazyTabs()
        self.layout_.addWidget(self.tabs, 1)
        self.tabs.add(lambda: UnitTab(self, style.area_level, with_population=True),
                      f"Địa bàn ({style.area_label.lower()})")
        self.tabs.add(lambda: UnitTab(self, "agency", with_population=False), "Cơ quan tiếp nhận, xử lý")
        self.tabs.add(_fixed_lists, "Danh mục cố định")
        self.tabs.add(lambda: _synonyms_tab(ctx, tasks), "Từ đồng nghĩa")
        self._read: set[int] = set()   # the tabs whose list has been asked for
        self.tabs.currentChanged.connect(self._tab_opened)

    communes, agencies, synonyms = tab_view(0), tab_view(1), tab_view(3)

    def _tab_opened(self, index: int) -> None:
        """A tab opened the first time reads its list; later it keeps what it shows (its selection)."""
        if index in READ_TABS and index not in self._read:
            self._read.add(index)
            self.tabs.view(index).refresh()

    def refresh(self) -> None:
        """Shown, or a write announced by `changed`: every list built is read again on the worker."""
        for index in READ_TABS:
            if self.tabs.is_built(index):
                self._read.add(index)
                self.tabs.view(index).refresh()


READ_TABS = (0, 1, 3)   # the tabs that read the store: the areas, the agencies, the synonyms


def _fixed_lists() -> QTextBrowser:
    fixed = QTextBrowser()
    fixed.setHtml("".join(
        f"<h3>{title}</h3><ul>" + "".join(f"<li>{label}</li>" for label in values.values()) + "</ul>"
        for title, values in FIXED))
    return fixed


def _synonyms_tab(ctx, tasks) -> QWidget:
    from ui.synonyms_tab import SynonymsTab

    return SynonymsTab(ctx, tasks)
