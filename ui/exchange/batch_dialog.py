"""Kết quả nhập nhiều gói: one row per file — imported, already imported or refused with its
reason — so a clerk with 168 packages sees at once which communes must send again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout

from app.exchange import import_batch
from ui import palette
from ui.models import Column, RowsModel, sortable
from ui.widgets import setup_table

STATE_LABELS = {
    import_batch.IMPORTED: "Đã nhập",
    import_batch.ALREADY: "Đã nhập từ trước",
    import_batch.REFUSED: "Không nhập",
    import_batch.SKIPPED: "Bỏ qua",
}
_REFUSED = palette.brush("bad_bg")


def _sender(o: import_batch.FileOutcome, names: dict[str, str]) -> str:
    if not o.result:
        return ""
    name = names.get(o.result.sender)
    return f"{name} ({o.result.sender})" if name else o.result.sender


class OutcomesModel(RowsModel):
    def __init__(self, names: dict[str, str], parent=None) -> None:
        super().__init__(
            [
                Column("Tệp", lambda o: o.name),
                Column("Đơn vị gửi", lambda o: _sender(o, names)),
                Column("Số gói", lambda o: o.result.seq if o.result else "", align_right=True,
                       sort_key=lambda o: o.result.seq if o.result else 0),
                # refused files sort first: they are what the clerk has to act on
                Column("Kết quả", lambda o: STATE_LABELS[o.state],
                       sort_key=lambda o: (o.state != import_batch.REFUSED, o.state, o.name)),
                Column("Chi tiết", lambda o: o.message),
            ],
            parent,
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole:
            return _REFUSED if self.rows[index.row()].state == import_batch.REFUSED else None
        return super().data(index, role)


class BatchOutcomeDialog(QDialog):
    def __init__(self, outcomes: list[import_batch.FileOutcome], names: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Kết quả nhập các gói")
        self.resize(1100, 560)
        box = QVBoxLayout(self)
        refused = sum(o.state == import_batch.REFUSED for o in outcomes)
        head = QLabel(import_batch.summary(outcomes) + (
            " Các gói không nhập được tô màu đỏ, kèm lý do: đề nghị đơn vị gửi kiểm tra và gửi lại."
            if refused else ""))
        head.setWordWrap(True)
        box.addWidget(head)
        self.model = OutcomesModel(names, self)
        self.model.set_rows(outcomes)
        self.view = QTableView()
        self.view.setModel(sortable(self.model, self.view))
        setup_table(self.view)
        self.view.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        for col, width in enumerate((190, 230, 70, 130)):
            self.view.setColumnWidth(col, width)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(True)
        self.view.resizeRowsToContents()  # a refusal's reason may take two lines
        box.addWidget(self.view, 1)
        buttons = QDialogButtonBox()
        buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        box.addWidget(buttons)
