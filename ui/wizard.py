"""First run: the office's kind, its unit from the official 2025 list, the key, and the
recovery code to print. A thin view over app.units / app.office_setup / app.office.

A real wizard: the office is created when the clerk leaves the office step (the recovery key
needs it), and taken back when the clerk goes back and changes a choice (then made again
from the new one) or cancels; nothing is left behind but what Hoàn tất confirmed. The office
is made on the session's worker (issue 23: a province's, with its communes, takes a while),
the wizard waiting in `TaskRunner.call` behind the delayed progress dialog; meanwhile a second
Tiếp theo or Enter does nothing and Hủy waits for the office, to take it back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWizard, QWizardPage

from app.context import Ctx
from app.errors import DlxhError
from app.office import get_office, init_office
from app.office_kinds import KINDS
from app.office_setup import OfficeSpec, discard_office
from ui.errors import show_error
from ui.tasks import TaskRunner
from ui.wizard_office import OfficePage
from ui.wizard_recovery import RecoveryPage


class KindPage(QWizardPage):
    """Step 1: which kind of office (office_kinds.KINDS); a commune Party committee by default."""

    CHOICES = ("commune", "agency", "province")

    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Đơn vị sử dụng phần mềm")
        self.setSubTitle("Từ 01/7/2025 chính quyền địa phương có hai cấp: tỉnh và xã. Chọn loại đơn vị của mình.")
        box = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        for n, kind in enumerate(self.CHOICES):
            button = QRadioButton(KINDS[kind])
            button.setProperty("kind", kind)
            self.group.addButton(button, n)
            box.addWidget(button)
        self.group.button(0).setChecked(True)
        note = QLabel("Đảng ủy xã, phường, đặc khu: Ban Xây dựng Đảng hoặc Văn phòng Đảng ủy làm công tác dư luận "
                      "xã hội, báo cáo Ban Tuyên giáo và Dân vận Tỉnh ủy.\nĐảng ủy trực thuộc Tỉnh ủy: ví dụ Đảng ủy "
                      "các cơ quan Đảng tỉnh.\nBan Tuyên giáo và Dân vận Tỉnh ủy, Thành ủy: tổng hợp từ các xã, "
                      "phường.")
        note.setWordWrap(True)
        box.addWidget(note)
        box.addStretch(1)

    def kind(self) -> str:
        return self.group.checkedButton().property("kind")


CREATING = "Đang khởi tạo cơ sở dữ liệu của đơn vị…"


class FirstRunWizard(QWizard):
    def __init__(self, path: Path, tasks: TaskRunner | None = None) -> None:
        super().__init__()
        self.path = path
        self.tasks = tasks or TaskRunner(self)
        self.creating = False
        self.ctx: Ctx | None = None
        self.made_from: tuple[OfficeSpec, str | None] | None = None
        self.setWindowTitle("DLXH – Khởi tạo lần đầu")
        self.kind = KindPage()
        self.office = OfficePage(self.kind)
        self.recovery = RecoveryPage()
        self.addPage(self.kind)
        self.addPage(self.office)
        self.addPage(self.recovery)
        self.setButtonText(QWizard.WizardButton.NextButton, "&Tiếp theo")
        self.setButtonText(QWizard.WizardButton.BackButton, "&Quay lại")
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Hoàn tất")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Hủy")
        # Tab never lands on Hủy: a space typed after a Tab (a name with two words) would
        # press it and close the program. The mouse and Esc still cancel.
        cancel = self.button(QWizard.WizardButton.CancelButton)
        cancel.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        cancel.setToolTip("Hủy khởi tạo (Esc)")

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt API
        if self.currentPage() is not self.office:
            return True
        if self.creating:   # Enter again while the office is being made
            return False
        spec, passphrase = self.office.spec(), self.office.chosen_passphrase()
        if spec is None:
            return False
        if self.ctx is not None and self.made_from == (spec, passphrase):
            return True                      # back and forth without a change: same office, same key
        self._discard()
        path = self.path

        def create() -> tuple[Ctx, str, str]:
            ctx, code = init_office(path, **spec.as_kwargs(), passphrase=passphrase)
            return ctx, code, get_office(ctx).style.office_label

        self.creating = True
        try:
            self.ctx, code, label = self.tasks.call(create, label=CREATING, parent=self)
        except DlxhError as exc:
            show_error(self, exc)
            return False
        finally:
            self.creating = False
        self.made_from = (spec, passphrase)
        self.recovery.show_code(code, label)
        return True

    def _discard(self) -> None:
        if self.ctx is not None:
            discard_office(self.ctx)
            self.ctx = None
            self.made_from = None

    def done(self, result: int) -> None:
        """Cancel (or closing the window) takes back an office already made: the next start
        runs the wizard again instead of opening an office whose key nobody kept. While the office
        is being made nothing closes: it would be left behind, made after the wizard had gone."""
        if self.creating:
            return
        if result != QWizard.DialogCode.Accepted:
            self._discard()
        super().done(result)


def run_first_run(path: Path, tasks: TaskRunner | None = None) -> Ctx | None:
    wizard = FirstRunWizard(path, tasks)
    wizard.exec()
    return wizard.ctx
