"""Report settings: due days, default signer and recipients, the USB token (PKCS#11).

The office row comes from the page (the window read it at start), the stored values are a query
and the save an op declaring 'settings': nothing here reads the store on the GUI thread, and a
refusal stays in the open dialog's red line with what was typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.context import Ctx
from app.office import Office
from app.reports import report_settings
from app.reports.document import sign_mode_labels
from app.text import vn_iso
from ui import palette
from ui.errors import refusal_in
from ui.tasks import TaskRunner
from ui.widgets import show_text

SPINS = [("monthly_report_due_day", "Hạn báo cáo tháng: ngày … của tháng sau"),
         ("consolidated_report_due_day", "Hạn báo cáo tổng hợp tháng của Ban: ngày … của tháng sau"),
         ("quarterly_report_due_days", "Hạn báo cáo quý: số ngày sau cuối kỳ"),
         ("half_year_report_due_days", "Hạn báo cáo 6 tháng: số ngày sau cuối kỳ"),
         ("annual_report_due_days", "Hạn báo cáo năm: số ngày sau cuối kỳ")]
TEXTS = [("report_signer_name", "Người ký mặc định"),
         ("term_start", "Ngày bắt đầu nhiệm kỳ (số văn bản đếm lại từ 01; dd/mm/yyyy)"),
         ("pkcs11_module", "Thư viện PKCS#11 của USB token (để trống: ký bằng chứng thư của đơn vị)"),
         ("pkcs11_token_label", "Tên token"), ("pkcs11_key_label", "Nhãn khóa"), ("pkcs11_cert_label", "Nhãn chứng thư")]
OTHERS = ("report_signer_mode", "report_recipients")


def stored(ctx: Ctx, keys: list[str]) -> dict[str, Any]:
    """The settings the dialog shows, defaults filled in (read on the worker)."""
    return {key: report_settings.setting(ctx, key) for key in keys}


class ReportSettingsDialog(QDialog):
    def __init__(self, ctx: Ctx, tasks: TaskRunner, office: Office, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.setWindowTitle("Cài đặt báo cáo")
        form = QFormLayout(self)
        self.spins: dict[str, QSpinBox] = {}
        for key, label in SPINS:
            if key == "consolidated_report_due_day" and office.role != "province":
                continue   # only a province office sums the communes' reports up
            spin = QSpinBox()
            spin.setRange(1, 28 if key.endswith("_due_day") else 120)
            self.spins[key] = spin
            form.addRow(label, spin)
        self.texts: dict[str, QLineEdit] = {}
        for key, label in TEXTS:
            edit = QLineEdit()
            self.texts[key] = edit
            form.addRow(label, edit)
        self.mode = QComboBox()
        for mode, label in sign_mode_labels(office.body_name).items():
            self.mode.addItem(label, mode)
        form.addRow("Hình thức ký mặc định", self.mode)
        self.recipients = QPlainTextEdit()
        form.addRow("Nơi nhận mặc định (mỗi dòng một nơi)", self.recipients)
        self.error = QLabel()   # a refusal, in the dialog's own red line
        palette.set_tone(self.error, "error")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Lưu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)   # until the stored values are in: no blank form saved over them
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        keys = [*self.spins, *self.texts, *OTHERS]
        tasks.query(lambda: stored(ctx, keys), self._fill, parent=self)

    def _fill(self, values: dict[str, Any]) -> None:
        for key, spin in self.spins.items():
            spin.setValue(int(values[key]))
        for key, edit in self.texts.items():
            show_text(edit, vn_iso(values[key]) if key == "term_start" else str(values[key] or ""))
        self.mode.setCurrentIndex(max(0, self.mode.findData(values["report_signer_mode"])))
        self.recipients.setPlainText("\n".join(values["report_recipients"]))
        self.save_button.setEnabled(True)

    def save(self) -> None:
        values: dict[str, Any] = {k: s.value() for k, s in self.spins.items()}
        values.update({k: e.text() for k, e in self.texts.items()})
        values["report_signer_mode"] = self.mode.currentData()
        values["report_recipients"] = self.recipients.toPlainText().splitlines()
        ctx = self.ctx
        self.tasks.op(lambda: report_settings.save_settings(ctx, values), tables={"settings"},
                      on_done=lambda _: self.accept(), on_failed=refusal_in(self.error), parent=self)
