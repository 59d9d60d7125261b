"""Đăng ký nhiều đơn vị từ thư mục thẻ: every card of a folder in one table with its
fingerprint to confirm by phone, a tick per card (new cards ticked, a key change never
ticked by default, refused cards not tickable, each with its reason), and one button that
enrols the ticked ones. A refused card does not stop the others (app.exchange.enrol_folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout

from app.context import Ctx
from app.exchange import enrol_folder
from ui import palette
from ui.models import Column, RowsModel
from ui.tasks import TaskRunner
from ui.widgets import setup_table

ROLE_LABELS = {"district": "Cấp huyện (cũ)", "province": "Cấp tỉnh", "commune": "Cấp xã", "agency": "Đảng ủy trực thuộc"}


class CardsModel(RowsModel):
    """Column 0 is a check box: checked rows are the cards to enrol."""

    def __init__(self, parent=None) -> None:
        super().__init__(
            [
                Column("Đăng ký", lambda c: ""),
                Column("Mã", lambda c: c.card.unit_code if c.card else ""),
                Column("Tên đơn vị", lambda c: c.card.name if c.card else c.path.name),
                Column("Cấp", lambda c: ROLE_LABELS.get(c.card.role, c.card.role) if c.card else ""),
                Column("Mã xác nhận (đọc qua điện thoại)", lambda c: c.card.fingerprint if c.card else ""),
                Column("Tình trạng", lambda c: enrol_folder.STATE_LABELS[c.state]),
                Column("Ghi chú", lambda c: c.note or c.path.name),
            ],
            parent,
        )
        self.checked: set[int] = set()

    def set_cards(self, cards: list[enrol_folder.CardFile]) -> None:
        self.checked = {i for i, c in enumerate(cards) if c.state == enrol_folder.NEW}
        self.set_rows(cards)

    def flags(self, index):
        base = super().flags(index)
        if index.column() == 0 and self.rows[index.row()].enrollable:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        card = self.rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0 and card.enrollable:
            return Qt.CheckState.Checked if index.row() in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole:
            if card.state == enrol_folder.REFUSED:
                return palette.brush("bad_bg")
            if card.state == enrol_folder.CHANGED:
                return palette.brush("doubt_bg")
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0 and self.rows[index.row()].enrollable:
            state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
            (self.checked.add if state == Qt.CheckState.Checked else self.checked.discard)(index.row())
            self.dataChanged.emit(index, index, [role])
            return True
        return False

    def set_all(self, on: bool) -> None:
        self.checked = {i for i, c in enumerate(self.rows) if c.enrollable} if on else set()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))

    def chosen(self) -> list[enrol_folder.CardFile]:
        return [self.rows[i] for i in sorted(self.checked)]


class EnrolDialog(QDialog):
    """The cards of a folder, read on the worker by whoever opens the dialog; enrolling the
    chosen ones is an op declaring 'peers' (the page reloads from `changed`). A refusal is said
    over the dialog, which stays open."""

    def __init__(self, ctx: Ctx, tasks: TaskRunner, folder: Path, cards: list[enrol_folder.CardFile],
                 parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.outcome: enrol_folder.Outcome | None = None
        self.setWindowTitle("Đăng ký các đơn vị từ thư mục thẻ định danh")
        self.resize(1200, 620)
        box = QVBoxLayout(self)
        self.cards = cards
        new = sum(c.state == enrol_folder.NEW for c in self.cards)
        bad = sum(c.state == enrol_folder.REFUSED for c in self.cards)
        head = QLabel(
            f"Thư mục {folder}: {len(self.cards)} thẻ, {new} đơn vị chưa đăng ký, {bad} thẻ không nhận được. "
            "Gọi điện cho từng đơn vị, đề nghị họ đọc mã xác nhận của mình và đối chiếu với cột mã xác nhận; "
            "bỏ đánh dấu những thẻ có mã không khớp."
        )
        head.setWordWrap(True)
        box.addWidget(head)
        self.model = CardsModel(self)
        self.model.set_cards(self.cards)
        self.view = QTableView()
        self.view.setModel(self.model)
        setup_table(self.view)
        self.view.setSortingEnabled(False)
        for col, width in enumerate((70, 70, 240, 110, 330, 170)):
            self.view.setColumnWidth(col, width)
        box.addWidget(self.view, 1)
        row = QHBoxLayout()
        for text, on in (("Chọn tất cả", True), ("Bỏ chọn tất cả", False)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, on=on: self.model.set_all(on))
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        buttons = QDialogButtonBox()
        self.enrol_button = buttons.addButton("Đăng ký các đơn vị đã chọn", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.enrol)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def enrol(self) -> None:
        ctx, chosen = self.ctx, self.model.chosen()
        self.tasks.op(lambda: enrol_folder.enrol_cards(ctx, chosen), tables={"peers", "trusted_certificates"},
                      on_done=self._enrolled, parent=self, label="Đang đăng ký các đơn vị…")

    def _enrolled(self, outcome: enrol_folder.Outcome) -> None:
        self.outcome = outcome
        self.accept()
