"""Report settings: due days, default signer and recipients, the USB token (PKCS#11)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit, QSpinBox

from app import office
from app.reports import period
from app.reports.document import sign_mode_labels
from ui.errors import show_error

SPINS = [("monthly_report_due_day", "Hạn báo cáo tháng: ngày … của tháng sau"),
         ("consolidated_report_due_day", "Hạn báo cáo tổng hợp tháng của Ban: ngày … của tháng sau"),
         ("quarterly_report_due_days", "Hạn báo cáo quý: số ngày sau cuối kỳ"),
         ("half_year_report_due_days", "Hạn báo cáo 6 tháng: số ngày sau cuối kỳ"),
         ("annual_report_due_days", "Hạn báo cáo năm: số ngày sau cuối kỳ")]
TEXTS = [("report_signer_name", "Người ký mặc định"),
         ("term_start", "Ngày bắt đầu nhiệm kỳ (số văn bản đếm lại từ 01; YYYY-MM-DD)"),
         ("pkcs11_module", "Thư viện PKCS#11 của USB token (để trống: ký bằng chứng thư của đơn vị)"),
         ("pkcs11_token_label", "Tên token"), ("pkcs11_key_label", "Nhãn khóa"), ("pkcs11_cert_label", "Nhãn chứng thư")]


class ReportSettingsDialog(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Cài đặt báo cáo")
        form = QFormLayout(self)
        self.spins: dict[str, QSpinBox] = {}
        province = office.get_office(ctx).role == "province"
        for key, label in SPINS:
            if key == "consolidated_report_due_day" and not province:
                continue   # only a province office sums the communes' reports up
            spin = QSpinBox()
            spin.setRange(1, 28 if key.endswith("_due_day") else 120)
            spin.setValue(int(period.setting(ctx, key)))
            self.spins[key] = spin
            form.addRow(label, spin)
        self.texts: dict[str, QLineEdit] = {}
        for key, label in TEXTS:
            edit = QLineEdit(str(period.setting(ctx, key) or ""))
            self.texts[key] = edit
            form.addRow(label, edit)
        self.mode = QComboBox()
        for mode, label in sign_mode_labels(office.get_office(ctx).body_name).items():
            self.mode.addItem(label, mode)
        self.mode.setCurrentIndex(max(0, self.mode.findData(period.setting(ctx, "report_signer_mode"))))
        form.addRow("Hình thức ký mặc định", self.mode)
        self.recipients = QPlainTextEdit("\n".join(period.setting(ctx, "report_recipients")))
        form.addRow("Nơi nhận mặc định (mỗi dòng một nơi)", self.recipients)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        values = {k: s.value() for k, s in self.spins.items()}
        values.update({k: e.text() for k, e in self.texts.items()})
        values["report_signer_mode"] = self.mode.currentData()
        values["report_recipients"] = self.recipients.toPlainText().splitlines()
        try:
            period.save_settings(self.ctx, values)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.accept()
