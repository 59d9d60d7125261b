"""Cộng tác viên: the registry (filters, accent-insensitive search, sortable columns, editor,
status changes, replacement, Excel import with preview and export), the structure coverage
matrix, the activity flags with "propose replacement", and training sessions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import catalog, deletion
from app.collaborators import excel_export
from app.collaborators.registry import LIST, CollaboratorFilter, list_collaborators
from app.office import agencies, communes
from app.text import vn_number
from ui import deleting, palette
from ui.collab.activity_view import ActivityView, flag_texts
from ui.collab.coverage_view import CoverageView
from ui.collab.detail import DetailDialog
from ui.collab.editor import EditorDialog
from ui.collab.import_dialog import ImportPreviewDialog, start_import
from ui.collab.status_dialog import ReplaceDialog, StatusDialog
from ui.collab.training_view import TrainingView
from ui.feedback import notify
from ui.files import open_file, save_file
from ui.flow import FlowLayout
from ui.lazy_tabs import LazyTabs, tab_view
from ui.models import RowsModel, listed_columns
from ui.pages.base import PageBase
from ui.refusal import refusal
from ui.widgets import CodeCombo, SearchBox, compact_columns, sorted_table

FLAG_COLOR = palette.qcolor("doubt_bg")
STRETCHED = (3, 4)     # sector, and position with workplace: they share what is left


class FlaggedRowsModel(RowsModel):
    """Rows of people needing attention get a pale yellow background and say why in the
    tooltip of every cell (a column for it made the table scroll sideways at 1366 px)."""

    def __init__(self, columns, parent=None) -> None:
        super().__init__(columns, parent)
        self.attention: dict[str, str] = {}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        why = self.attention.get(self.rows[index.row()].id) if index.isValid() else None
        if role == Qt.ItemDataRole.BackgroundRole and why:
            return QBrush(FLAG_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and why:
            own = super().data(index, role)
            return (own + "\n" if own else "") + f"Cần chú ý: {why}"
        return super().data(index, role)


class Page(PageBase):
    title = "Cộng tác viên dư luận xã hội"
    tables = frozenset({"collaborators", "units", "meetings", "meeting_attendance", "opinions",
                        "replacement_proposals", "trainings", "settings"})

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(ctx, tasks, parent)
        # A tab's view is built when the tab is first opened (ui/lazy_tabs.py).
        self.tabs = LazyTabs()
        self.layout_.addWidget(self.tabs, 1)
        self.dialog = None
        self.tabs.add(self._build_registry, "Danh sách")
        for view, name in ((CoverageView, "Cơ cấu"), (ActivityView, "Hoạt động"), (TrainingView, "Tập huấn")):
            self.tabs.add(lambda view=view: view(ctx, tasks), name)
        self.tabs.currentChanged.connect(lambda _: self.refresh())

    coverage, activity, training = (tab_view(i) for i in (1, 2, 3))

    def _build_registry(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.area_names: dict[str, str] = {}   # read with the list, on the worker
        bar = QHBoxLayout()
        self.search = SearchBox("Tìm theo tên, đơn vị, chức vụ, địa bàn, điện thoại (gõ không dấu cũng được)…")
        self.search.search.connect(lambda _: self.refresh_list())
        layout.addWidget(self.search)
        self.area = CodeCombo("Mọi địa bàn", [])
        self.sector = CodeCombo("Mọi ngành, đoàn thể", catalog.SECTORS)
        self.stratum = CodeCombo("Mọi giai tầng", catalog.STRATA)
        self.status = CodeCombo("Mọi trạng thái", catalog.COLLABORATOR_STATUSES)
        self.party = CodeCombo("Đảng viên và quần chúng", [("yes", "Đảng viên"), ("no", "Không là đảng viên")])
        for combo in (self.area, self.sector, self.stratum, self.status, self.party):
            combo.currentIndexChanged.connect(lambda _: self.refresh_list())
            combo.setMaximumWidth(260)
            bar.addWidget(combo, 1)
        layout.addLayout(bar)
        # At 1366 px the table is about 1 070 px wide: names, years, phones and statuses whole,
        # the long texts share the rest (elided, whole in the tooltip). Gender and stratum are
        # filters and in the detail, and why a person needs attention is the yellow row's
        # tooltip, not columns: with them the table scrolled sideways.
        self.model = FlaggedRowsModel(listed_columns(
            LIST, values={"area_code": lambda c: self.area_names.get(c.area_code, "")}))
        self.view = sorted_table(self.model, self)
        self.view.doubleClicked.connect(lambda _: self.open_detail())
        layout.addWidget(self.view, 1)
        buttons = FlowLayout()   # wraps at 1280 px instead of widening the window
        for text, slot in (("Thêm…", self.add), ("Sửa…", self.edit), ("Xem chi tiết…", self.open_detail),
                           ("Đổi trạng thái…", self.change_status), ("Thay thế…", self.replace),
                           ("Nhập từ Excel…", self.choose_import_file), ("Xuất Excel…", self.choose_export_file),
                           ("Xuất danh bạ…", lambda: self.choose_export_file(contacts=True))):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        self.deleting = deleting.attach(self, ctx=self.ctx, tasks=self.tasks, view=self.view,
                                        selected=self._selected_row, delete=deletion.delete_collaborator,
                                        table="collaborators", what="cộng tác viên")
        buttons.addWidget(self.deleting.button("Xóa (nhập nhầm)…"))
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.count = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        return tab

    # -- list -------------------------------------------------------------------------------
    def current_filter(self) -> CollaboratorFilter:
        party = {"yes": True, "no": False}.get(self.party.code() or "")
        return CollaboratorFilter(text=self.search.text(), area_code=self.area.code(), sector=self.sector.code(),
                                  stratum=self.stratum.code(), status=self.status.code(), party_member=party)

    def refresh(self) -> None:
        if self.tabs.currentIndex() > 0:
            self.tabs.currentWidget().refresh()
        else:
            self.refresh_list()

    def refresh_list(self) -> None:
        """Reload the rows on the worker; the person selected before stays selected (after a
        dialog, a filter)."""
        chosen, flt, ctx = self._current_id(), self.current_filter(), self.ctx
        self.tasks.query(lambda: (list_collaborators(ctx, flt), flag_texts(ctx),
                                  {u.code: u.name for u in communes(ctx) + agencies(ctx)}),
                         lambda loaded: self._show_list(*loaded, chosen), parent=self)

    def _show_list(self, rows: list, attention: dict, areas: dict[str, str], chosen: str | None) -> None:
        if areas != self.area_names:   # the area filter's choices, the chosen one kept
            self.area_names = areas
            self.area.set_choices(list(areas.items()))
        if attention != self.model.attention:
            self.model.attention = attention
            self.model.set_rows(rows)
            compact_columns(self.view, stretch=STRETCHED)
        elif self.model.replace_rows(rows):   # the same people, the same flags: nothing to refit
            compact_columns(self.view, stretch=STRETCHED)
        self._reselect(chosen)
        flagged = sum(1 for c in rows if c.id in self.model.attention)
        self.count.setText(f"{vn_number(len(rows))} cộng tác viên" +
                           (f"; {flagged} người cần chú ý (tô vàng; đưa chuột lên dòng để xem lý do)" if flagged else ""))

    def _current_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(self.view.model().mapToSource(rows[0]).row()).id if rows else None

    def _reselect(self, collaborator_id: str | None) -> None:
        proxy = self.view.model()
        for row in range(proxy.rowCount()):
            if collaborator_id and self.model.row_at(proxy.mapToSource(proxy.index(row, 0)).row()).id == collaborator_id:
                self.view.selectRow(row)
                self.view.scrollTo(proxy.index(row, 0))
                return

    def open_link(self, link) -> None:
        """Follow an app.overview.Link: a tab (activity, coverage), or one person selected in
        the unfiltered list with the detail open."""
        tab = {"activity": 2, "coverage": 1}.get(link.tab or "")
        self.tabs.setCurrentIndex(tab or 0)
        if tab is not None or not link.record_id:
            return
        for combo in (self.area, self.sector, self.stratum, self.status, self.party):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.refresh_list()
        self._reselect(link.record_id)
        if self._current_id() == link.record_id:
            self.open_detail()

    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.message.setText("Hãy chọn một cộng tác viên trong danh sách trước.")
            return None
        return self.model.row_at(self.view.model().mapToSource(rows[0]).row())

    def _selected_row(self) -> tuple[str, str] | None:
        person = self.selected()
        return (person.id, person.full_name) if person else None

    def _open(self, dialog) -> None:
        """Window-modal, not exec: the dialogs save through the runner, the list reloads from `changed`."""
        self.dialog = dialog
        dialog.open()

    # -- actions ----------------------------------------------------------------------------
    def add(self) -> None:
        self._open(EditorDialog(self.ctx, self.tasks, None, self))

    def edit(self) -> None:
        c = self.selected()
        if c:
            self._open(EditorDialog(self.ctx, self.tasks, c.id, self))

    def open_detail(self) -> None:
        c = self.selected()
        if c:
            self._open(DetailDialog(self.ctx, c.id, self.tasks, self))

    def change_status(self) -> None:
        c = self.selected()
        if c and c.status == "left":
            self.message.setText("Người này đã thôi tham gia; muốn công nhận lại, hãy thêm mới với quyết định mới.")
        elif c:
            self._open(StatusDialog(self.ctx, self.tasks, c, self))

    def replace(self) -> None:
        c = self.selected()
        if c:
            self._open(ReplaceDialog(self.ctx, self.tasks, c, self))

    def choose_import_file(self) -> None:
        path = open_file(self, "Chọn danh sách cộng tác viên (Excel)", "Tệp Excel (*.xlsx);;Mọi tệp (*)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Read the workbook in the worker, then show the preview; nothing is written yet."""
        self.message.setText(f"Đang đọc {path.name}…")
        start_import(self.ctx, self.tasks, path, self, self._show_preview, self._refused)

    def _show_preview(self, pv) -> None:
        self.message.setText("")
        dialog = ImportPreviewDialog(self.ctx, self.tasks, pv, self)
        dialog.imported.connect(lambda r: self.message.setText(
            f"Đã thêm {r.created} cộng tác viên; {r.duplicates} dòng trùng, {r.rejected} dòng lỗi không nhập."))
        self._open(dialog)

    def _refused(self, exc: BaseException) -> None:
        self.message.setText(refusal(exc).message)

    def choose_export_file(self, contacts: bool = False) -> None:
        name = "danh-ba-ctv.xlsx" if contacts else "danh-sach-ctv.xlsx"
        path = save_file(self, "Lưu tệp Excel", name, "Tệp Excel (*.xlsx)")
        if path:
            self.export_file(Path(path), contacts)

    def print_contacts(self) -> None:
        """Ctrl+P: the contact sheet of the filtered list, printed from memory (no file). Read on
        the worker as an op: showing phone numbers is audited."""
        ctx, flt = self.ctx, self.current_filter()
        self.tasks.op(lambda: excel_export.contact_sheet(ctx, flt), tables={"audit_log"},
                      on_done=lambda sheet: self._print_sheet(*sheet), on_failed=self._refused, parent=self)

    def _print_sheet(self, heading: str, headers: list[str], rows: list[list[str]]) -> None:
        from html import escape

        from ui.printing import preview_html

        cells = "".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>" for row in rows)
        html = (f"<h3 style='text-align:center'>{escape(heading)}</h3><table border='1' cellspacing='0' "
                "cellpadding='3' width='100%'><tr>" + "".join(f"<th>{escape(h)}</th>" for h in headers) +
                f"</tr>{cells}</table>")
        if preview_html(self, html, "Danh bạ cộng tác viên"):
            notify(self, f"Đã gửi danh bạ {len(rows)} cộng tác viên tới máy in.")

    def export_file(self, path: Path, contacts: bool = False) -> None:
        flt = self.current_filter()

        def done(n: int) -> None:
            self.message.setText(f"Đã xuất {n} cộng tác viên ra {path.name}. {excel_export.PRIVACY_NOTE}")
            notify(self, f"Đã xuất {n} cộng tác viên ra {path}.")

        self.tasks.run(lambda: excel_export.export(self.ctx, path, flt, contacts=contacts), on_done=done,
                       on_failed=self._refused, label="Đang xuất tệp Excel…", parent=self)
