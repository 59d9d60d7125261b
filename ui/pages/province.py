"""Các xã, phường (province role): the lower offices enrolled and what each sent, the
province's communes not enrolled yet, enrolment of many offices from a folder of cards,
the monthly reports' timeliness matrix, the items of all offices with an office filter,
and the consolidated monthly report. Built for 38–168 communes with a year of data:
table models over rows that app/ aggregates in SQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.exchange import enrol_folder, province
from app.overview import Link
from app.reports import store
from app.reports.draft import PERIODIC
from app.text import vn_iso, vn_number
from ui.files import choose_folder
from ui.models import Column, RowsModel, sortable
from ui.pages.base import PageBase
from ui.province.enrol_dialog import ROLE_LABELS, EnrolDialog
from ui.province.items_view import ItemsView
from ui.province.timeliness_view import TimelinessView
from ui.widgets import compact_columns, fit_columns, setup_table


def _period_words(report: store.Report) -> str:
    """'Tháng 11/2026', 'Quý IV/2026', 'Năm 2026'."""
    from app.reports import draft, drafts

    words = drafts.period_words(draft.period_for(report))
    return words[:1].upper() + words[1:]


class Page(PageBase):
    title = "Các xã, phường và đơn vị trực thuộc"
    navigate = Signal(object)    # app.overview.Link: the drafted consolidated report on the Báo cáo page

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(ctx, tasks, parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.layout_.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.layout_.addWidget(self.tabs, 1)
        self.tabs.addTab(self._offices_tab(), "Đơn vị")
        self.timeliness = TimelinessView(ctx, tasks)
        self.tabs.addTab(self.timeliness, "Báo cáo đúng hạn")
        self.items = ItemsView(ctx, tasks)
        self.tabs.addTab(self.items, "Thông tin dư luận các đơn vị")
        self.tabs.addTab(self._report_tab(), "Báo cáo tổng hợp")
        self.tabs.currentChanged.connect(lambda _i: self._load_current())
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.layout_.addWidget(self.note)

    def _offices_tab(self) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        bar = QHBoxLayout()
        self.which = QComboBox()
        self.which.addItem("Đã đăng ký", "enrolled")
        self.which.addItem("Chưa đăng ký", "missing")
        self.which.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.which.setMinimumContentsLength(20)
        self.which.currentIndexChanged.connect(lambda i: self.lists.setCurrentIndex(i))
        bar.addWidget(QLabel("Hiển thị:"))
        bar.addWidget(self.which)
        bar.addStretch(1)
        button = QPushButton("Đăng ký từ thư mục thẻ định danh…")
        button.clicked.connect(self.enrol_folder)
        bar.addWidget(button)
        box.addLayout(bar)
        self.offices = RowsModel(
            [
                Column("Mã", lambda d: d.unit_code),
                Column("Đơn vị", lambda d: d.name),
                Column("Cấp", lambda d: ROLE_LABELS.get(d.role, d.role)),
                Column("Số gói đã nhận", lambda d: d.packages, align_right=True),
                Column(
                    "Ngày nhập gần nhất",
                    lambda d: vn_iso(d.last_imported_on) or "—",
                    sort_key=lambda d: d.last_imported_on or "",
                ),
                Column("Ý kiến", lambda d: vn_number(d.opinions), align_right=True, sort_key=lambda d: d.opinions),
                Column("CTV đang hoạt động", lambda d: d.collaborators, align_right=True),
                Column("Báo cáo đã nhận", lambda d: d.reports, align_right=True),
            ]
        )
        self.missing = RowsModel([Column("Mã", lambda u: u.code), Column("Xã, phường, đặc khu chưa đăng ký", lambda u: u.name)])
        self.lists = QStackedWidget()
        self.office_view = self._table(self.offices, (80, 200, 90, 140, 160, 80, 160))
        self.office_view.doubleClicked.connect(self._show_items)
        self.lists.addWidget(self.office_view)
        self.lists.addWidget(self._table(self.missing, (80,)))
        box.addWidget(self.lists, 1)
        return holder

    def _report_tab(self) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        box = QHBoxLayout()
        column.addLayout(box)
        self.month = QComboBox()
        self.draft_button = QPushButton("Soạn báo cáo tổng hợp")
        self.draft_button.clicked.connect(self.start_report)
        box.addWidget(QLabel("Kỳ báo cáo:"))
        box.addWidget(self.month)
        box.addWidget(self.draft_button)
        box.addStretch(1)
        hint = QLabel("Báo cáo tổng hợp được soạn vào sổ Báo cáo như mọi báo cáo: xem trước, sửa, trình, "
                      "phê duyệt, ký số và gửi ở trang Báo cáo. Kỳ mặc định là tháng gần nhất có báo cáo "
                      "của các xã, phường gửi về.")
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.drafted = RowsModel([
            Column("Kỳ", _period_words, sort_key=lambda r: (r.period_start, r.period_end)),
            Column("Số", lambda r: f"{r.number:02d}-{r.doc_code}" if r.number else "chưa số"),
            Column("Trạng thái", lambda r: store.STATUSES[r.status]),
            Column("Trích yếu", lambda r: r.title, tip=True),
        ])
        self.drafted_view = self._table(self.drafted, (110, 90, 110))
        self.drafted_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.drafted_view.doubleClicked.connect(self._open_drafted)
        column.addWidget(QLabel("Báo cáo tổng hợp trong sổ (nhấp đúp để mở ở trang Báo cáo):"))
        column.addWidget(self.drafted_view, 1)
        return holder

    def _show_drafted(self) -> None:
        """The register's consolidated reports (every periodic kind), read on the worker."""
        def show(rows: list[store.Report]) -> None:
            self.drafted.set_rows(rows)
            fit_columns(self.drafted_view, content=(0, 1, 2))

        self.tasks.query(lambda: [r for r in store.list_reports(self.ctx) if r.kind in PERIODIC], show, parent=self)

    def _open_drafted(self, index) -> None:
        report = self.drafted.row_at(self.drafted_view.model().mapToSource(index).row())
        self.navigate.emit(Link("reports", record_id=report.id))

    def _fill_months(self, latest: str | None) -> None:
        """The last 12 months, newest first; the default is the newest month some commune sent."""
        months = province.recent_months(date.today(), 12)
        if latest and latest not in months:
            months.append(latest)
        self.month.clear()
        for m in sorted(months, reverse=True):
            self.month.addItem(f"Tháng {int(m[5:])}/{m[:4]}", m)
        self.month.setCurrentIndex(max(0, self.month.findData(latest)) if latest else 0)

    def _table(self, model: RowsModel, widths: tuple[int, ...]) -> QTableView:
        view = QTableView()
        view.setModel(sortable(model, view))
        setup_table(view)
        for col, width in enumerate(widths):
            view.setColumnWidth(col, width)
        return view

    def refresh(self) -> None:
        """The offices, those not enrolled and the newest month reported are read on the worker."""
        ctx = self.ctx
        self.tasks.query(lambda: (province.offices(ctx), province.not_enrolled(ctx), province.latest_reported_month(ctx)),
                         lambda got: self._show(*got), parent=self)

    def _show(self, rows: list, missing: list, latest: str | None) -> None:
        self.offices.set_rows(rows)
        # The name takes the room; numbers and dates fit their headers ("Báo cáo đã nhận" was cut
        # at the left, scrolled out of a 1280 px window).
        compact_columns(self.office_view, stretch=1)
        self.missing.set_rows(missing)
        self.which.setItemText(0, f"Đã đăng ký ({len(rows)})")
        self.which.setItemText(1, f"Chưa đăng ký ({len(missing)})")
        sent = sum(1 for d in rows if d.packages)
        self.summary.setText(
            f"{len(rows)} đơn vị đã đăng ký ({sent} đã gửi dữ liệu), {len(missing)} xã, phường chưa đăng ký; "
            f"{vn_number(sum(d.packages for d in rows))} gói đã nhận; "
            f"{vn_number(sum(d.opinions for d in rows))} ý kiến, phản ánh."
        )
        # The other tabs load when first shown: at 168 communes and a year of items, loading
        # them all made the page miss its 300 ms at open.
        self._office_rows = rows
        self._fill_months(latest)
        self._show_drafted()
        self._stale = {self.timeliness, self.items}
        self._load_current()

    def _load_current(self) -> None:
        tab = self.tabs.currentWidget()
        if tab not in getattr(self, "_stale", ()):
            return
        self._stale.discard(tab)
        if tab is self.timeliness:
            self.timeliness.refresh()
        else:
            self.items.set_offices(self._office_rows)

    def _show_items(self, index) -> None:
        source = self.office_view.model().mapToSource(index)
        if self.items in self._stale:
            self._stale.discard(self.items)
            self.items.set_offices(self._office_rows)
        self.items.select_office(self.offices.row_at(source.row()).unit_code)
        self.tabs.setCurrentWidget(self.items)

    def enrol_folder(self) -> None:
        folder = choose_folder(self, "Chọn thư mục chứa thẻ định danh (.dlxid) của các đơn vị")
        if folder:
            self.open_enrol_dialog(Path(folder))

    def open_enrol_dialog(self, folder: Path) -> None:
        """The folder's cards are read and checked on the worker (a refusal is said), then the
        dialog opens window-modal; the page reloads from `changed` after the enrolment."""
        ctx = self.ctx
        self.tasks.query(lambda: enrol_folder.scan_folder(ctx, folder), lambda cards: self._ask_enrol(folder, cards),
                         parent=self, label="Đang đọc các thẻ định danh…")

    def _ask_enrol(self, folder: Path, cards: list[enrol_folder.CardFile]) -> None:
        self.enrol_dialog = EnrolDialog(self.ctx, self.tasks, folder, cards, self)
        self.enrol_dialog.accepted.connect(lambda: self._enrolled(self.enrol_dialog))
        self.enrol_dialog.open()

    def _enrolled(self, dialog: EnrolDialog) -> None:
        if dialog.outcome is not None:
            self.note.setText(enrol_folder.summary_line(dialog.outcome))

    def start_report(self) -> None:
        """Draft the month's consolidated report in the register (or open its draft) and show it
        on the Báo cáo page, where it is previewed, submitted, approved, signed and sent."""
        from app.months import parse_month
        from app.reports import drafts

        anchor, ctx = parse_month(self.month.currentData()), self.ctx
        self.tasks.op(
            lambda: drafts.start_draft(ctx, "monthly", anchor),
            tables={"reports"},
            on_done=self._drafted,
            label="Đang soạn báo cáo tổng hợp…",
            parent=self,
        )

    def _drafted(self, started) -> None:
        what = "Mở dự thảo đã có" if started.existing else "Đã soạn dự thảo"
        self.note.setText(f"{what}: {started.report.title}.")
        self.navigate.emit(Link("reports", record_id=started.report.id))
