"""The wizard's last step: the recovery key, shown whole (two lines of groups, nothing
scrolled out of view), copyable, and printable on a sheet that names the office, the date
and who keeps it, with a signature line. Enter finishes once "kept the key" is ticked, also
when it is pressed while the tick is still landing."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QKeyEvent, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ui.enter_keys import ENTER_KEYS

GROUPS_PER_LINE = 7


def key_lines(code: str) -> list[str]:
    """The code's groups in short lines, so it fits a narrow window and a hand copy."""
    groups = code.split("-")
    return ["-".join(groups[i:i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE)]


def sheet_document(code: str, office: str, on: date) -> QTextDocument:
    """The printed recovery sheet: the office it opens, the date, the key, where it is used
    and a signature line for whoever keeps it."""
    doc = QTextDocument()
    key = "<br>".join(escape(line) for line in key_lines(code))
    doc.setHtml(
        "<h2>DLXH – Khóa khôi phục cơ sở dữ liệu</h2>"
        f"<p><b>Đơn vị:</b> {escape(office)}<br><b>Ngày tạo:</b> {on.strftime('%d/%m/%Y')}</p>"
        f"<p style='font-family: monospace; font-size: 16pt'>{key}</p>"
        "<p>Cất giữ nơi an toàn, tách riêng khỏi máy tính. Dùng khi máy hỏng hoặc mất kho khóa: "
        "<i>dlxh recover --code …</i>. Ai có khóa này đều mở được dữ liệu của đơn vị.</p>"
        "<br><br><table width='100%'><tr><td width='50%'></td><td align='center'>"
        "<b>Người giữ khóa</b><br><i>(ký, ghi rõ họ tên)</i><br><br><br><br>"
        "................................................</td></tr></table>"
    )
    return doc


class RecoveryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Khóa khôi phục")
        self.setSubTitle("Khóa này chỉ hiện một lần. In hoặc chép tay, cất ở nơi an toàn: khi máy hỏng hoặc mất "
                         "kho khóa, đây là cách duy nhất để mở lại dữ liệu.")
        self.recovery_code = ""
        self.office_label = ""
        box = QVBoxLayout(self)
        self.code = QLabel()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(13)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.code.setFont(font)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.code.setAccessibleName("Khóa khôi phục")
        box.addWidget(self.code)
        buttons = QHBoxLayout()
        copy = QPushButton("Sao chép")
        copy.setToolTip("Chép khóa vào bộ nhớ tạm để dán vào nơi cất giữ an toàn")
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.recovery_code))
        buttons.addWidget(copy)
        print_button = QPushButton("In khóa khôi phục…")
        print_button.clicked.connect(self.print_code)
        buttons.addWidget(print_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.kept = QCheckBox("Tôi đã in hoặc &ghi lại khóa khôi phục")
        self.kept.toggled.connect(self.completeChanged)
        box.addWidget(self.kept)
        box.addStretch(1)

    def show_code(self, code: str, office_label: str) -> None:
        self.recovery_code = code
        self.office_label = office_label
        self.code.setText("\n".join(key_lines(code)))
        self.kept.setChecked(False)   # a new office (after Back) has a new key to keep

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.kept.isChecked()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Alt+G ticks the box with Qt's animated click, which changes it 100 ms later. In a
        real window an Enter typed in that time (queued behind the slow creation of the
        office) found Hoàn tất still disabled and was lost: the wizard stayed open. Such an
        Enter now finishes as soon as the tick lands."""
        if event.key() in ENTER_KEYS and self.kept.isDown():
            self.kept.clicked.connect(self._finish_if_kept, Qt.ConnectionType.SingleShotConnection)
            event.accept()
            return
        super().keyPressEvent(event)

    def _finish_if_kept(self) -> None:
        if self.isComplete() and self.wizard() is not None:
            self.wizard().button(QWizard.WizardButton.FinishButton).click()

    def print_code(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec():
            sheet_document(self.recovery_code, self.office_label, date.today()).print_(printer)
