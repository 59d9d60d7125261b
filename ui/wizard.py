"""First run: the office's unit and role, the key, and the recovery code to print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.context import Ctx
from app.errors import DlxhError
from app.office import init_office
from db.keys import keyring_available
from ui.errors import show_error


class OfficePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Thông tin đơn vị")
        self.setSubTitle("Khai báo đơn vị sử dụng phần mềm. Có thể sửa tên hiển thị sau trong Cài đặt.")
        form = QFormLayout(self)
        self.role = QComboBox()
        self.role.addItem("Ban Tuyên giáo huyện, thị, thành ủy", "district")
        self.role.addItem("Ban Tuyên giáo Tỉnh ủy", "province")
        self.code = QLineEdit()
        self.code.setPlaceholderText("ví dụ TVH-CL")
        self.name = QLineEdit()
        self.name.setPlaceholderText("ví dụ Huyện Càng Long")
        self.parent_code = QLineEdit()
        self.parent_name = QLineEdit()
        self.parent_name.setPlaceholderText("ví dụ Tỉnh Trà Vinh")
        form.addRow("Cấp:", self.role)
        form.addRow("Mã đơn vị:", self.code)
        form.addRow("Tên đơn vị:", self.name)
        form.addRow("Mã tỉnh (cấp trên):", self.parent_code)
        form.addRow("Tên tỉnh:", self.parent_name)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        if not keyring_available():
            form.addRow(QLabel("Máy này không có kho khóa của hệ điều hành: hãy đặt mật khẩu cơ sở dữ liệu "
                               "(ít nhất 8 ký tự)."))
            form.addRow("Mật khẩu:", self.passphrase)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return bool(self.code.text().strip() and self.name.text().strip())


class RecoveryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Khóa khôi phục")
        self.setSubTitle("Khóa này chỉ hiện một lần. In hoặc chép tay, cất ở nơi an toàn: khi máy hỏng hoặc mất "
                         "kho khóa, đây là cách duy nhất để mở lại dữ liệu.")
        box = QVBoxLayout(self)
        self.code = QLineEdit()
        self.code.setReadOnly(True)
        self.code.setStyleSheet("font-family: monospace; font-size: 13pt;")
        box.addWidget(self.code)
        copy = QPushButton("Sao chép")
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.code.text()))
        box.addWidget(copy)
        print_button = QPushButton("In khóa khôi phục…")
        print_button.clicked.connect(self.print_code)
        box.addWidget(print_button)
        self.kept = QCheckBox("Tôi đã in hoặc ghi lại khóa khôi phục")
        self.kept.toggled.connect(self.completeChanged)
        box.addWidget(self.kept)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.kept.isChecked()

    def print_code(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec():
            doc = QTextDocument()
            doc.setHtml("<h2>DLXH – Khóa khôi phục cơ sở dữ liệu</h2>"
                        f"<p style='font-family: monospace; font-size: 16pt'>{self.code.text()}</p>"
                        "<p>Cất giữ nơi an toàn. Dùng khi máy hỏng hoặc mất kho khóa: "
                        "<i>dlxh recover --code …</i></p>")
            doc.print_(printer)


class FirstRunWizard(QWizard):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.ctx: Ctx | None = None
        self.setWindowTitle("DLXH – Khởi tạo lần đầu")
        self.office = OfficePage()
        self.recovery = RecoveryPage()
        self.addPage(self.office)
        self.addPage(self.recovery)
        self.setButtonText(QWizard.WizardButton.NextButton, "Tiếp theo")
        self.setButtonText(QWizard.WizardButton.BackButton, "Quay lại")
        self.setButtonText(QWizard.WizardButton.FinishButton, "Hoàn tất")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Hủy")

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt API
        if self.currentPage() is self.office and self.ctx is None:
            o = self.office
            try:
                self.ctx, code = init_office(
                    self.path, unit_code=o.code.text(), name=o.name.text(), role=o.role.currentData(),
                    parent_code=o.parent_code.text().strip() or None, parent_name=o.parent_name.text().strip() or None,
                    passphrase=o.passphrase.text() or None)
            except DlxhError as exc:
                show_error(self, exc)
                return False
            self.recovery.code.setText(code)
        return True


def run_first_run(path: Path) -> Ctx | None:
    wizard = FirstRunWizard(path)
    wizard.exec()
    return wizard.ctx
