"""Báo cáo: the report register (number, period, status, due date, on time or late), drafting
a new report from the data, and the panel to edit, approve, sign, preview and open it."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QSplitter, QTableView

from app import deletion
from app.months import parse_month
from app.office import Office
from app.reports import drafts, glyphs, register, store
from app.validate import iso_date
from ui import deleting
from ui.errors import show_error
from ui.models import Column, RowsModel, sortable
from ui.pages.base import PageBase
from ui.report.panel import ReportPanel, _vn, load_report
from ui.report.settings_dialog import ReportSettingsDialog
from ui.widgets import fit_columns, setup_table

DRAFT_KINDS = [("monthly", "Báo cáo tháng"), ("quarterly", "Báo cáo quý"), ("half_year", "Báo cáo 6 tháng"),
               ("annual", "Báo cáo năm"), ("adhoc", "Báo cáo đột xuất"), ("thematic", "Báo cáo chuyên đề")]


def _months(n: int = 24) -> list[tuple[str, str]]:
    first = date.today().replace(day=1)
    out = []
    for _ in range(n):
        out.append((f"{first.year:04d}-{first.month:02d}", f"Tháng {first.month}/{first.year}"))
        first = (first - timedelta(days=1)).replace(day=1)
    return out


def warm_up() -> None:
    """Read on the worker while the window is idle (ui/preload.py): the PDF font's character set,
    which the first report shown needs; read with that report, 60-100 ms of reportlab kept the
    GUI thread waiting for the interpreter's lock and the first opening froze 52-60 ms."""
    glyphs.load_coverage()


class Page(PageBase):
    title = "Báo cáo"
    needs_office = True

    def __init__(self, ctx, tasks, parent=None, office: Office | None = None) -> None:
        super().__init__(ctx, tasks, parent)
        self.chosen: str | None = None   # a report to select once the register has reloaded
        bar = QHBoxLayout()
        self.kind = QComboBox()
        for code, label in DRAFT_KINDS:
            self.kind.addItem(label, code)
        self.month = QComboBox()
        for code, label in _months():
            self.month.addItem(label, code)
        self.month.setCurrentIndex(1)  # last month: the report being written now
        self.date_from, self.date_to, self.topic = QLineEdit(), QLineEdit(), QLineEdit()
        self.date_from.setPlaceholderText("từ ngày dd/mm/yyyy")
        self.date_to.setPlaceholderText("đến ngày dd/mm/yyyy")
        self.topic.setPlaceholderText("vấn đề báo cáo")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        make = QPushButton("Soạn dự thảo từ số liệu")
        make.clicked.connect(self.make_draft)
        for w in (QLabel("Soạn:"), self.kind, self.month, self.date_from, self.date_to, self.topic, make):
            bar.addWidget(w)
        bar.addStretch(1)
        setup = QPushButton("Cài đặt báo cáo…")
        setup.clicked.connect(self.edit_settings)
        bar.addWidget(setup)
        self.layout_.addLayout(bar)
        self._kind_changed()

        self.model = RowsModel([
            Column("Số", lambda r: f"{r.number}-{r.doc_code}" if r.number else "—",
                   sort_key=lambda r: (r.number_year or 0, r.number or 0)),
            Column("Loại", lambda r: store.KINDS.get(r.kind, r.kind)),
            Column("Kỳ", lambda r: f"{_vn(r.period_start)} – {_vn(r.period_end)}", sort_key=lambda r: r.period_start),
            Column("Trạng thái", lambda r: store.STATUSES[r.status]),
            Column("Hạn gửi", lambda r: _vn(r.due_on), sort_key=lambda r: r.due_on or ""),
            Column("Tiến độ", lambda r: register.deadline(r).label),
            Column("Trích yếu", lambda r: r.title),
        ])
        # The splitter is put in the page before it is filled: a widget tree built apart and
        # then moved into the page is restyled once per move under the app's style sheet.
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.layout_.addWidget(splitter, 1)
        self.view = QTableView()
        splitter.addWidget(self.view)
        self.view.setModel(sortable(self.model, self))
        setup_table(self.view)
        self.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        fit_columns(self.view, content=(0, 1, 2, 3, 4, 5))   # dates and status whole; Trích yếu takes the rest
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.panel = ReportPanel(ctx, tasks, self, office=office)
        splitter.addWidget(self.panel)
        splitter.setSizes([230, 520])
        self.deleting = deleting.attach(self, ctx=ctx, tasks=tasks, view=self.view, selected=self._selected_row,
                                        delete=deletion.delete_draft_report, table="reports", what="dự thảo")
        bar.insertWidget(bar.count() - 1, self.deleting.button())

    def edit_settings(self) -> None:
        """The settings dialog, window-modal (open, not exec): it saves through the runner."""
        self.settings_dialog = ReportSettingsDialog(self.ctx, self.tasks, self.panel.office, self)
        self.settings_dialog.open()

    def _kind_changed(self) -> None:
        periodic = self.kind.currentData() in ("monthly", "quarterly", "half_year", "annual")
        self.month.setVisible(periodic)
        for w in (self.date_from, self.date_to, self.topic):
            w.setVisible(not periodic)

    def refresh(self, select_id: str | None = None) -> None:
        """The register is read on the worker; the report shown before (or `select_id`, or a
        draft just made: `chosen`, kept until a list showing it has arrived) stays."""
        if isinstance(select_id, str):
            self.chosen = select_id
        current = self.chosen or (self.panel.report.id if self.panel.report else None)
        self.tasks.query(lambda: store.list_reports(self.ctx), lambda rows: self._show_list(rows, current),
                         parent=self)

    def _show_list(self, rows: list, current: str | None) -> None:
        if current == self.chosen:
            self.chosen = None
        self.model.set_rows(rows)
        self.select(current or (rows[0].id if rows else None))

    def select(self, report_id: str | None) -> None:
        proxy = self.view.model()
        for row in range(proxy.rowCount()):
            source = proxy.mapToSource(proxy.index(row, 0))
            if self.model.row_at(source.row()).id == report_id:
                self.view.selectRow(row)
                self._selected()
                return
        self.panel.set_report(None)

    def _selected_row(self) -> tuple[str, str] | None:
        indexes = self.view.selectionModel().selectedRows()
        if not indexes:
            return None
        report = self.model.row_at(self.view.model().mapToSource(indexes[0]).row())
        return report.id, report.title

    def _selected(self) -> None:
        indexes = self.view.selectionModel().selectedRows()
        if not indexes:
            return
        report = self.model.row_at(self.view.model().mapToSource(indexes[0]).row())
        if not self.panel.report or self.panel.report.id != report.id or \
                self.panel.report.version != report.version:
            self.tasks.query(lambda: load_report(self.ctx, report.id), self.panel.set_report, parent=self)

    def print_document(self) -> None:
        """Ctrl+P: the selected report, through the print preview."""
        self.panel.print_document()

    def make_draft(self) -> None:
        """One draft per kind and period: an open one (looked for on the worker) is offered
        instead of a second copy. The draft is an op on 'reports': the register reloads from
        `changed` and shows the new draft."""
        kind = self.kind.currentData()
        try:
            if kind in ("adhoc", "thematic"):
                start, end = (iso_date(w.text(), label) for w, label in ((self.date_from, "Ngày đầu kỳ"),
                                                                         (self.date_to, "Ngày cuối kỳ")))
                start, end = (date.fromisoformat(d) if d else None for d in (start, end))
                args = {"start": start, "end": end, "topic": self.topic.text()}
            else:
                args = {"anchor": parse_month(self.month.currentData())}
            p = drafts.draft_period(kind, args.get("anchor"), args.get("start"), args.get("end"))
        except Exception as exc:  # noqa: BLE001 - bad dates: a Vietnamese message
            show_error(self, exc)
            return
        ctx = self.ctx
        self.tasks.query(lambda: drafts.existing_draft(ctx, kind, p, args.get("topic")) if p else None,
                         lambda found: self._offer(found, kind, args), parent=self)

    def _offer(self, found: store.Report | None, kind: str, args: dict) -> None:
        new = False
        if found is not None:
            box = QMessageBox(QMessageBox.Icon.Question, "Đã có dự thảo", drafts.exists_message(found),
                              parent=self)
            open_btn = box.addButton("Mở dự thảo đó", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("Soạn phiên bản khác", QMessageBox.ButtonRole.DestructiveRole)
            cancel = box.addButton("Hủy", QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(open_btn)
            box.exec()
            if box.clickedButton() is cancel:
                return
            if box.clickedButton() is open_btn:
                self.refresh(found.id)
                return
            new = True
        ctx = self.ctx
        job = lambda: drafts.start_draft(ctx, kind, new=new, **args).report  # noqa: E731
        self.tasks.op(job, tables={"reports"}, on_done=lambda r: setattr(self, "chosen", r.id),
                      label="Đang soạn dự thảo báo cáo…", parent=self)
