"""Trao đổi dữ liệu: identity cards, enrolled peers, export and import of packages with a
progress bar (on the worker thread), receipts, and the lists of packages sent and received."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
)

from app.errors import os_reason
from app.exchange import guidance, safezip, status
from app.office import Office, get_office
from app.text import vn_iso
from ui import feedback
from ui.errors import show_error
from ui.exchange.guidance_view import GuidanceView
from ui.files import choose_folder, open_file, open_files, save_file
from ui.models import Column, RowsModel, sortable
from ui.pages.base import PageBase
from ui.widgets import setup_table

if TYPE_CHECKING:   # the exchange's signing and encryption load OpenSSL and age (10 MiB): on use, on the worker
    from app.exchange import identity, import_batch

ROLE_LABELS = {"district": "Cấp cơ sở", "province": "Cấp tỉnh"}
CARD_CERT_LINE = "Thẻ kèm chứng thư số ký báo cáo; mã xác nhận bao gồm cả chứng thư này."
CARD_NO_CERT_LINE = "Thẻ định dạng cũ, không kèm chứng thư số ký báo cáo."


def imported_tables(results) -> set[str]:
    """What package imports wrote: the tables their rows went to, and this PC's record of them."""
    return {"inbox", "report_arrivals"} | {table for r in results if r is not None for table in r.rows}


class Page(PageBase):
    title = "Trao đổi dữ liệu"
    needs_office = True

    def __init__(self, ctx, tasks, parent=None, office: Office | None = None) -> None:
        super().__init__(ctx, tasks, parent)
        me = office or get_office(ctx)
        self.is_province = me.role == "province"

        ident = QGroupBox("Định danh của đơn vị")
        grid = QGridLayout(ident)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("fingerprint")
        grid.addWidget(QLabel(f"{me.name} ({me.unit_code}) — mã xác nhận đọc qua điện thoại:"), 0, 0, 1, 3)
        grid.addWidget(self.fingerprint, 1, 0, 1, 3)
        for col, (text, slot) in enumerate(
            (("Xuất thẻ định danh…", self.export_card), ("Nhập thẻ của đơn vị kia…", self.import_card))
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            grid.addWidget(button, 2, col)
        self.layout_.addWidget(ident)

        send = QGroupBox(
            "Gửi gói hướng dẫn cho xã, phường" if self.is_province else "Gửi dữ liệu lên Ban Tuyên giáo và Dân vận Tỉnh ủy"
        )
        row = QHBoxLayout(send)
        self.recipient = QComboBox()
        self.recipient.setVisible(self.is_province)
        row.addWidget(self.recipient)
        self.contacts = QCheckBox("Kèm số điện thoại, email, Zalo của cộng tác viên")
        self.contacts.setVisible(not self.is_province)
        row.addWidget(self.contacts)
        row.addStretch(1)
        self.send_buttons: dict[str, QPushButton] = {}
        actions = [("Xuất gói…", self.export_package), ("Nhập gói…", self.import_package)]
        if self.is_province:
            actions.append(("Nhập cả thư mục gói…", self.import_folder))
        actions.append(("Nhập biên nhận…", self.import_receipt))
        for text, slot in actions:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.send_buttons[text] = button
        self.export_button = self.send_buttons["Xuất gói…"]
        self.layout_.addWidget(send)
        # A commune cannot export before it knows the province's keys: say so here, with the
        # way out, rather than after a folder has been chosen.
        self.need_card = QGroupBox()
        need = QHBoxLayout(self.need_card)
        self.need_card_text = QLabel(
            "Cần nhập thẻ định danh của Ban Tuyên giáo và Dân vận Tỉnh ủy trước khi xuất gói: gói được mã hóa "
            "bằng khóa trên thẻ đó. Nhận tệp .dlxid từ tỉnh, nhập vào đây và đối chiếu mã xác nhận qua điện thoại.")
        self.need_card_text.setWordWrap(True)
        need.addWidget(self.need_card_text, 1)
        self.need_card_button = QPushButton("Nhập thẻ định danh của tỉnh…")
        self.need_card_button.clicked.connect(self.import_card)
        need.addWidget(self.need_card_button)
        self.need_card.setObjectName("needCard")
        self.need_card.setVisible(False)
        self.layout_.addWidget(self.need_card)

        tabs = self.tabs = QTabWidget()
        self.views: list[QTableView] = []
        self._unsized: set[QTableView] = set()   # columns fitted when the tab is first shown
        self.peers = RowsModel(
            [
                Column("Mã đơn vị", lambda p: p.unit_code),
                Column("Tên đơn vị", lambda p: p.name),
                Column("Cấp", lambda p: ROLE_LABELS.get(p.role, p.role)),
                Column("Mã xác nhận", lambda p: p.fingerprint),
                Column("Ngày đăng ký", lambda p: vn_iso(p.enrolled_on), sort_key=lambda p: p.enrolled_on),
            ]
        )
        self.sent = RowsModel(
            [
                Column("Số gói", lambda s: s.seq, align_right=True),
                Column("Gửi", lambda s: s.recipient),
                Column("Ngày lập", lambda s: vn_iso(s.created_at), sort_key=lambda s: s.created_at),
                Column("Số dòng", lambda s: s.rows, align_right=True),
                Column("Tệp", lambda s: s.file_name),
                Column("Biên nhận", lambda s: f"Đã nhận {vn_iso(s.acked_on)}" if s.acked_on else "Chờ biên nhận"),
            ]
        )
        self.received = RowsModel(
            [
                Column("Đơn vị gửi", lambda r: r.sender),
                Column("Số gói", lambda r: r.seq, align_right=True),
                Column("Ngày lập", lambda r: vn_iso(r.created_at), sort_key=lambda r: r.created_at),
                Column("Ngày nhập", lambda r: vn_iso(r.imported_on), sort_key=lambda r: r.imported_on),
                Column("Số dòng", lambda r: r.rows, align_right=True),
                Column("Biên nhận", lambda r: r.receipt_file),
            ]
        )
        for model, label in (
            (self.peers, "Đơn vị đã đăng ký"),
            (self.sent, "Gói đã gửi"),
            (self.received, "Gói đã nhận"),
        ):
            view = QTableView()
            view.setModel(sortable(model, view))
            setup_table(view)
            self.views.append(view)
            tabs.addTab(view, label)
        self.guidance = GuidanceView(ctx, tasks, self.is_province)
        tabs.addTab(self.guidance, "Hướng dẫn của tỉnh" if not self.is_province else "Hướng dẫn gửi xã, phường")
        tabs.currentChanged.connect(lambda _i: self._fit_current())
        self.layout_.addWidget(tabs, 1)
        again = QHBoxLayout()
        self.save_receipt_button = QPushButton("Ghi lại biên nhận của gói đã chọn…")
        self.save_receipt_button.setToolTip("Khi tệp biên nhận gửi lại cho đơn vị gửi bị mất: chọn gói trong thẻ "
                                            "«Gói đã nhận» rồi ghi lại biên nhận đã ký")
        self.save_receipt_button.clicked.connect(self.save_receipt_again)
        again.addWidget(self.save_receipt_button)
        again.addStretch(1)
        self.layout_.addLayout(again)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.layout_.addWidget(self.status)

    def refresh(self) -> None:
        """Read the key, the peers, what was sent and received and the guidance on the worker."""
        ctx = self.ctx

        def load() -> tuple:
            from app.exchange import keys  # OpenSSL and age (10 MiB): loaded when the page first loads

            return (keys.my_fingerprint(ctx), keys.peers(ctx), status.sent(ctx), status.received(ctx),
                    guidance.list_guidance(ctx))

        self.tasks.query(load, lambda loaded: self._show(*loaded), parent=self)

    def _show(self, fingerprint: str, peers: list, sent: list, received: list, notes: list) -> None:
        self.fingerprint.setText(fingerprint)
        missing = not self.is_province and not any(p.role == "province" for p in peers)
        self.need_card.setVisible(missing)
        self.export_button.setEnabled(not missing)
        self.export_button.setToolTip("Nhập thẻ định danh của tỉnh trước" if missing else "")
        self.peers.set_rows(peers)
        self.sent.set_rows(sent)
        self.received.set_rows(received)
        self._unsized = set(self.views)   # fitting every tab's columns at open reads every cell
        self._fit_current()
        self.guidance.show_rows(notes)
        current = self.recipient.currentData()
        self.recipient.clear()
        for p in peers:
            if p.role == "district":
                self.recipient.addItem(f"{p.name} ({p.unit_code})", p.unit_code)
        if current:
            self.recipient.setCurrentIndex(max(0, self.recipient.findData(current)))

    def _fit_current(self) -> None:
        view = self.tabs.currentWidget()
        if view in self._unsized:
            self._unsized.discard(view)
            view.resizeColumnsToContents()

    # --- identity cards -------------------------------------------------------------------
    def export_card(self) -> None:
        ctx = self.ctx

        def card() -> identity.Card:
            from app.exchange import keys

            return keys.my_card(ctx)

        self.tasks.query(card, self._save_card, parent=self)

    def _save_card(self, card: identity.Card) -> None:
        from app.exchange import identity

        name = save_file(self, "Lưu thẻ định danh", f"{card.unit_code}.dlxid", "Thẻ định danh DLXH (*.dlxid)")
        if name:
            safezip.atomic_write(Path(name), identity.card_bytes(card))
            self.status.setText(f"Đã lưu thẻ định danh: {name}. Mã xác nhận: {card.fingerprint}")

    def import_card(self) -> None:
        name = open_file(self, "Chọn thẻ định danh", "Thẻ định danh DLXH (*.dlxid);;Mọi tệp (*)")
        if name:
            self.enrol_from(Path(name))

    def enrol_from(self, path: Path, confirm: bool = True) -> None:
        """The card is read and confirmed here; the enrolment is an op on 'peers' (the lists
        reload from `changed`)."""
        from app.exchange import identity, keys
        from app.exchange.importer import read_file

        try:
            card = identity.parse_card(read_file(path, limit=identity.MAX_CARD_BYTES))
            if confirm:
                if not feedback.confirm(
                    self,
                    "Đối chiếu mã xác nhận",
                    f"{card.name} ({card.unit_code}), {ROLE_LABELS.get(card.role, card.role).lower()}.\n\n"
                    f"{CARD_CERT_LINE if card.certificate_pem else CARD_NO_CERT_LINE}\n\n"
                    f"Mã xác nhận trên thẻ:\n{card.fingerprint}\n\n"
                    "Gọi điện cho đơn vị đó và đề nghị họ đọc mã xác nhận của mình. Mã có khớp từng chữ số không?",
                    "Mã khớp, đăng ký đơn vị này", "Chưa khớp, không đăng ký",
                ):
                    self.status.setText("Chưa đăng ký: mã xác nhận chưa được xác nhận.")
                    return
        except Exception as exc:  # noqa: BLE001 - shown to the user; DlxhError carries Vietnamese
            show_error(self, exc)
            return
        ctx = self.ctx
        self.tasks.op(lambda: keys.enrol(ctx, card), tables={"peers", "trusted_certificates"}, parent=self, on_done=lambda peer: self.status.setText(
            f"Đã đăng ký đơn vị {peer.unit_code} — {peer.name}. {identity.certificate_note(card)}"))

    # --- packages ---------------------------------------------------------------------------
    def export_package(self) -> None:
        folder = choose_folder(self, "Chọn thư mục hoặc USB để ghi gói")
        if folder:
            self.start_export(Path(folder))

    def start_export(self, folder: Path) -> None:
        recipient = self.recipient.currentData() if self.is_province else None
        contacts = self.contacts.isChecked()
        ctx = self.ctx

        def work(progress):
            from app.exchange import export

            return export.export_package(ctx, folder, recipient=recipient, include_contacts=contacts,
                                         progress=progress)

        self._in_background(
            work,
            self._exported,
            "Đang lập, ký và mã hóa gói…",
            {"outbox"},
        )

    def _exported(self, res) -> None:
        total = sum(v for k, v in res.rows.items() if not k.startswith("_"))
        self.status.setText(f"Đã ghi gói số {res.seq} gửi {res.recipient} ({total} dòng, {res.files} tệp): {res.path}")

    def import_package(self) -> None:
        names = open_files(self, "Chọn gói cần nhập (có thể chọn nhiều gói)", "Gói DLXH (*.dlxh);;Mọi tệp (*)")
        if len(names) == 1:
            self.start_import(Path(names[0]))
        elif names:
            self.start_import_many([Path(n) for n in names])

    def import_folder(self) -> None:
        folder = choose_folder(self, "Chọn thư mục chứa các gói .dlxh của xã, phường")
        if folder:
            self.start_import_many([Path(folder)])

    def start_import_many(self, paths: list[Path]) -> None:
        """Many packages in one go (import_batch): a bad file never stops the others; the
        outcome of every file is listed when it is done."""
        ctx = self.ctx

        def work(progress):
            from app.exchange import import_batch, keys

            outcomes = import_batch.import_files(ctx, paths, progress=progress)
            return outcomes, {p.unit_code: p.name for p in keys.peers(ctx)}

        self._in_background(work, lambda done: self._imported_many(*done), "Đang kiểm tra và nhập các gói…",
                            lambda done: imported_tables(o.result for o in done[0]))

    def _imported_many(self, outcomes: list[import_batch.FileOutcome], senders: dict[str, str]) -> None:
        from app.exchange import import_batch  # loaded already: the import ran on the worker
        from ui.exchange.batch_dialog import BatchOutcomeDialog

        self.status.setText(import_batch.summary(outcomes))
        self.last_outcomes = BatchOutcomeDialog(outcomes, senders, self)
        self.last_outcomes.open()

    def save_receipt_again(self) -> None:
        view = self.views[2]
        rows = view.selectionModel().selectedRows() if view.selectionModel() else []
        if not rows:
            self.tabs.setCurrentWidget(view)
            self.status.setText("Chọn một gói trong thẻ «Gói đã nhận» rồi bấm lại nút «Ghi lại biên nhận…».")
            return
        item, ctx = self.received.rows[view.model().mapToSource(rows[0]).row()], self.ctx
        self.tasks.query(lambda: status.receipt_bytes(ctx, item.sender, item.seq),
                         lambda data: self._save_receipt(item, data), parent=self)

    def _save_receipt(self, item, data: bytes | None) -> None:
        if data is None:
            self.status.setText(f"Gói số {item.seq} của {item.sender} không có biên nhận lưu lại.")
            return
        name = save_file(self, "Ghi lại biên nhận", item.receipt_file, "Biên nhận DLXH (*.dlxr)")
        if not name:
            return
        try:
            safezip.atomic_write(Path(name), data)
        except OSError as exc:
            QMessageBox.warning(self, "Không thực hiện được", f"Không ghi được biên nhận vào {name}: {os_reason(exc)}.")
            return
        self.status.setText(f"Đã ghi lại biên nhận gói số {item.seq} cho {item.sender}: {name}")

    def _in_background(self, work, on_done, label: str, tables) -> None:
        """Long exchange work is an op on the worker thread with a progress bar (a refusal is
        shown); the lists reload from `changed`."""
        self.tasks.op(work, tables=tables, on_done=on_done, label=label, parent=self, with_progress=True)

    def start_import(self, path: Path) -> None:
        ctx = self.ctx

        def work(progress):
            from app.exchange import importer

            return importer.import_package(ctx, path, progress=progress)

        self._in_background(
            work,
            self._imported,
            "Đang kiểm tra và nhập gói…",
            lambda res: imported_tables([res]),
        )

    def _imported(self, res) -> None:
        text = res.said()
        if res.receipt_path:
            text += f" Biên nhận gửi lại cho {res.sender}: {res.receipt_path}"
        self.status.setText(text)

    def import_receipt(self) -> None:
        name = open_file(self, "Chọn biên nhận", "Biên nhận DLXH (*.dlxr);;Mọi tệp (*)")
        if name:
            self.apply_receipt(Path(name))

    def apply_receipt(self, path: Path) -> None:
        ctx = self.ctx

        def work() -> str:
            from app.exchange import receipts

            return receipts.import_receipt(ctx, path)

        self.tasks.op(work, tables={"outbox"}, on_done=self.status.setText,
                      parent=self)
