"""Tổng hợp: a question's frequencies (with 95 % margins) or its cross-tab by stratum,
area, age band or gender, weighted when the plan calls for it, with a bar chart; Excel
export of every table and the survey report."""

from __future__ import annotations

import math

from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.surveys import tabulate as tb
from app.surveys.report_text import method_rows, pct, reading
from app.text import vn_number
from ui.errors import show_error
from ui.files import choose_folder, save_file
from ui.flow import FlowLayout
from ui.icons import icon
from ui.refusal import refusal

WEIGHTS = {"auto": "Gia quyền: tự động", "yes": "Gia quyền: có", "no": "Gia quyền: không (số thô)"}


def percent_axis(peak: float) -> tuple[int, int]:
    """(top, step) of a percentage axis: round ticks (0/20/40/…/100, never 0/22/45/67/90),
    at most six of them, with room above the highest bar for its label."""
    need = min(100.0, peak + 5)
    for step in (2, 5, 10, 20):
        top = min(100, math.ceil(need / step) * step)
        if top // step <= 5:
            return max(top, step), step
    return 100, 20


# The survey's files are written on the worker, and the libraries that write them (openpyxl,
# python-docx, reportlab: 0.2-0.5 s of imports) are imported there when first used, not on
# the GUI thread while the page opens.
def _export_xlsx(ctx, sid: str, weight: str, path: str):
    """Read again with every text answer (the tabulation on screen keeps only their count)."""
    from app.surveys.excel_export import export_xlsx

    return export_xlsx(tb.load_data(ctx, sid, weight, texts=True), path)


def _render_report(ctx, sid: str, folder, weight):
    from app.surveys import report

    return report.render(ctx, sid, folder, weight=weight)


def _register_report(ctx, sid: str, weight):
    from app.surveys import registered

    return registered.register_report(ctx, sid, weight)


def _item(text: str, right: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class TabulateView(QWidget):
    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.sid: str | None = None
        self.data: tb.SurveyData | None = None
        self.registering = False   # the report is being saved to the register
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.question = QComboBox()
        self.question.setMinimumWidth(300)
        self.by = QComboBox()
        self.by.addItem("Không phân tổ (tần suất)", None)
        for code, name in tb.BY.items():
            self.by.addItem(f"Theo {name.lower()}", code)
        self.weight = QComboBox()
        for code, name in WEIGHTS.items():
            self.weight.addItem(name, code)
        for combo in (self.by, self.weight):    # short enough to show whole; the question gets the rest
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            # (contents length counts wide "x"s: three quarters of the letters is the text's width)
            combo.setMinimumContentsLength(max(len(combo.itemText(i)) for i in range(combo.count())) * 3 // 4)
        for label, w in (("Câu hỏi:", self.question), ("Bảng:", self.by), ("", self.weight)):
            if label:
                bar.addWidget(QLabel(label))
            bar.addWidget(w, 1 if w is self.question else 0)   # the question's text gets the room
        self.question.currentIndexChanged.connect(lambda _: self._show_table())
        self.by.currentIndexChanged.connect(lambda _: self._show_table())
        self.weight.currentIndexChanged.connect(lambda _: self._reload())
        layout.addLayout(bar)
        bar = FlowLayout()             # the actions on their own, wrapping row: the page must fit 1280 px
        for text, slot, name, key in (("Xuất Excel mọi bảng…", self._export, "export", "export"),
                                      ("Báo cáo PDF, DOCX…", self._report, "reports", "report"),
                                      ("Lưu vào sổ báo cáo", self._register, "save", "register")):
            b = QPushButton(icon(name), text)
            b.setObjectName(key)
            b.clicked.connect(slot)
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.method = QLabel()
        self.method.setWordWrap(True)
        layout.addWidget(self.method)
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableWidget()
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        split.addWidget(self.table)
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(160)
        split.addWidget(self.chart_view)
        split.setSizes([240, 420])
        self.split = split
        layout.addWidget(split, 1)
        self.reading = QLabel()
        self.reading.setWordWrap(True)
        layout.addWidget(self.reading)

    def show_survey(self, sid: str) -> None:
        self.sid = sid
        self._reload()

    def _reload(self) -> None:
        """Read and tabulate the responses on the worker (a refusal is shown by the runner)."""
        sid, ctx, weight = self.sid, self.ctx, self.weight.currentData()
        self.tasks.query(lambda: tb.load_data(ctx, sid, weight),
                         lambda data: self._show_data(data) if sid == self.sid else None, parent=self)

    def _show_data(self, data) -> None:
        self.data = data
        current = self.question.currentData()
        self.question.blockSignals(True)
        self.question.clear()
        for q in tb.choice_questions(self.data):
            self.question.addItem(f"Câu {q.no}. {q.text}", q.no)
        self.question.setCurrentIndex(max(0, self.question.findData(current)))
        self.question.blockSignals(False)
        self.method.setText(" · ".join(f"{k}: {v}" for k, v in method_rows(self.data)))
        self._show_table()

    def _show_table(self) -> None:
        if self.data is None or self.question.currentData() is None:
            self.table.setRowCount(0)
            return
        q = self.data.questionnaire.question(self.question.currentData())
        by = self.by.currentData()
        if by is None:
            self._frequency(q)
        else:
            self._crosstab(q, by)
        self.reading.setText(reading(self.data, q))
        QTimer.singleShot(0, self, self._fit_split)     # once the method and reading lines have wrapped

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_split)

    def _fit_split(self) -> None:
        """The table shows every row when up to 60 % of the room allows, the chart the rest: at
        1280x720 a fixed split left the table one and a half rows under a tall chart."""
        total = sum(self.split.sizes())
        if total <= 0:
            return
        header = self.table.horizontalHeader().height() or self.table.horizontalHeader().sizeHint().height()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        scroll = self.table.horizontalScrollBar()
        need = header + rows + 2 * self.table.frameWidth() + (scroll.sizeHint().height() if scroll.isVisible() else 0)
        table = min(need, int(total * 0.6), total - self.chart_view.minimumHeight())
        self.split.setSizes([max(table, 0), total - max(table, 0)])

    def _frequency(self, q) -> None:
        f = tb.frequency(self.data, q)
        self.table.setColumnCount(4)
        counted = "Số phiếu (có trọng số)" if self.data.weighted else "Số phiếu"
        self.table.setHorizontalHeaderLabels(["Phương án", counted, "Tỷ lệ", "Sai số ±"])
        self.table.setRowCount(len(f.rows) + 1)
        for r, row in enumerate(f.rows):
            count = vn_number(row.count, 1) if self.data.weighted else vn_number(row.count)
            for c, item in enumerate((_item(f"{row.key}. {row.label}", False), _item(count), _item(pct(row.percent)),
                                      _item(vn_number(row.moe, 1)))):
                self.table.setItem(r, c, item)
        self.table.setItem(len(f.rows), 0, _item("Số người trả lời", False))
        self.table.setItem(len(f.rows), 1, _item(vn_number(f.n)))
        self.table.resizeColumnsToContents()
        self._chart(f"Câu {q.no}: tỷ lệ (%)", [r.label for r in f.rows], [("Tỷ lệ (%)", [r.percent for r in f.rows])])

    def _crosstab(self, q, by: str) -> None:
        ct = tb.crosstab(self.data, q, by)
        groups = [name for _, name in ct.col_cats]
        self.table.setColumnCount(len(groups) + 2)
        self.table.setHorizontalHeaderLabels(["Phương án", *groups, "Chung"])
        self.table.setRowCount(len(ct.row_cats) + 2)
        for r, (key, label) in enumerate(ct.row_cats):
            self.table.setItem(r, 0, _item(f"{key}. {label}", False))
            for c in range(len(groups)):
                self.table.setItem(r, c + 1, _item(pct(ct.col_percent(r, c))))
            self.table.setItem(r, len(groups) + 1, _item(pct(ct.row_percent_total(r))))
        n_row = len(ct.row_cats)
        self.table.setItem(n_row, 0, _item("Số người trả lời", False))
        self.table.setItem(n_row + 1, 0, _item("Sai số tối đa ±", False))
        for c in range(len(groups)):
            self.table.setItem(n_row, c + 1, _item(vn_number(ct.col_n[c])))
            self.table.setItem(n_row + 1, c + 1, _item(vn_number(ct.col_moe(c), 1)))
        self.table.setItem(n_row, len(groups) + 1, _item(vn_number(sum(ct.col_n))))
        self.table.resizeColumnsToContents()
        series = [(label, [ct.col_percent(r, c) for c in range(len(groups))])
                  for r, (_, label) in enumerate(ct.row_cats)]
        self._chart(f"Câu {q.no} theo {tb.BY[by].lower()} (% theo cột)", groups, series)

    def _chart(self, title: str, categories: list[str], series: list[tuple[str, list[float]]]) -> None:
        # A fresh chart each time: reusing one left the old axes' labels drawn under the new ones.
        old, self.chart = self.chart, QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        # Numbers on the chart the way the table writes them: 76,8% (not 76.8).
        self.chart.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        self.chart.setLocalizeNumbers(True)
        self.chart_view.setChart(self.chart)
        old.deleteLater()
        bars = QBarSeries()
        for name, values in series:
            bar_set = QBarSet(name)
            bar_set.append([round(v, 1) for v in values])
            bars.append(bar_set)
        bars.setLabelsVisible(len(series) * len(categories) <= 30)
        bars.setLabelsFormat("@value%")
        bars.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        for bar_set in bars.barSets():
            bar_set.setLabelColor(QColor("black"))
        self.chart.addSeries(bars)
        x = QBarCategoryAxis()
        x.append([c if len(c) <= 22 else c[:21] + "…" for c in categories])
        y = QValueAxis()
        peak = max((v for _, values in series for v in values), default=0)
        top, step = percent_axis(peak)
        y.setRange(0, top)
        y.setTickCount(top // step + 1)
        y.setLabelFormat("%.0f")
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(x)
        bars.attachAxis(y)
        self.chart.setTitle(title)
        self.chart.legend().setVisible(len(series) > 1)

    def _export(self) -> None:
        path = save_file(self, "Xuất Excel", "tong-hop-tham-do.xlsx", "Excel (*.xlsx)")
        if path:
            sid, ctx, weight = self.sid, self.ctx, self.weight.currentData()
            self.tasks.run(lambda: _export_xlsx(ctx, sid, weight, path), label="Đang xuất Excel…", parent=self,
                           on_done=lambda p: QMessageBox.information(self, "Đã xuất", str(p)))

    def _report(self) -> None:
        folder = choose_folder(self, "Chọn thư mục lưu báo cáo")
        if folder:
            weight = self.weight.currentData()
            self.tasks.run(lambda: _render_report(self.ctx, self.sid, folder, weight),
                           label="Đang tạo báo cáo…", parent=self,
                           on_done=lambda files: QMessageBox.information(
                               self, "Đã tạo báo cáo", "\n".join(str(f) for f in files)))

    def _register(self) -> None:
        """Keep the report in the register as a draft: numbered, approved and signed on the Reports page."""
        if self.registering:
            return   # one copy per click: a second click while it is being saved is ignored
        self.registering = True
        ctx, sid, weight = self.ctx, self.sid, self.weight.currentData()
        self.tasks.op(lambda: _register_report(ctx, sid, weight), tables={"reports"},
                      label="Đang lưu vào sổ báo cáo…", parent=self, on_done=self._registered,
                      on_failed=self._not_registered)

    def _registered(self, saved) -> None:
        self.registering = False
        QMessageBox.information(self, "Đã lưu vào sổ báo cáo",
                                f"Đã lưu dự thảo “{saved.title}” vào sổ báo cáo. Mở trang Báo cáo để sửa nội "
                                "dung, trình, duyệt và ký số.")

    def _not_registered(self, exc: BaseException) -> None:
        self.registering = False
        show_error(self, refusal(exc))   # a bug is raised again by refusal()
