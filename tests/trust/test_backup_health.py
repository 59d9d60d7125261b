"""Automatic backups never fail silently (issue 25): a passphrase typed at start-up is enough
to back up on a PC without an OS keyring, and a backup that cannot run is said on exit and
shown on the overview until one succeeds."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QMessageBox, QWidget

from app import backup, overview, settings
from app.backup import health
from app.office import open_ctx
from tests.trust.conftest import PASSPHRASE
from tests.ui.helpers import when_modal
from ui.auto_backup import AutoBackup


@pytest.fixture
def no_keyring(monkeypatch):
    """A PC with no OS keyring and no DLXH_PASSPHRASE: the passphrase was typed at start-up."""
    monkeypatch.delenv("DLXH_PASSPHRASE", raising=False)
    keyring.set_keyring(fail.Keyring())


def test_exit_backup_works_with_a_typed_passphrase_and_no_keyring(office, no_keyring) -> None:
    path = office.path
    office.close()
    ctx = open_ctx(path, passphrase=PASSPHRASE)
    try:
        made = backup.auto_backup(ctx, "exit")
        assert made is not None and made.exists()
        assert backup.check_file(made, ctx.key).lines()
    finally:
        ctx.close()


def _backup_card(ctx):
    return [c for c in overview.build(ctx) if "sao lưu" in c.title.lower()]


def test_a_failed_backup_is_said_on_exit_and_shown_until_one_succeeds(office, qtbot, tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    settings.put(office, "backup_dir", str(blocker / "backups"))     # cannot be created
    holder = QWidget()
    qtbot.addWidget(holder)
    runner = AutoBackup(office, parent=holder)
    runner.timer.stop()
    said: list[str] = []
    when_modal(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    runner.on_quit()
    message = health.status(office).failure
    assert len(said) == 1 and said[0].startswith("Chưa sao lưu được khi thoát: Không tạo được thư mục sao lưu")
    assert "Cách khắc phục" in said[0]
    card, = _backup_card(office)
    assert card.title == "Sao lưu tự động không chạy được" and card.level == "warning"
    assert message in card.note and "Sao lưu ngay" in card.note
    settings.put(office, "backup_dir", str(tmp_path / "backups"))
    assert runner.run("daily") is None
    assert _backup_card(office) == []


def test_two_days_without_a_backup_is_shown(office, tmp_path) -> None:
    from datetime import datetime, timedelta

    from app.overview_cards import backup as card

    assert card.cards(office) == []                                  # a new office: its first backup comes on exit
    settings.put(office, "backup_dir", str(tmp_path / "backups"))
    backup.make_backup(office)
    assert card.cards(office) == []
    late, = card.cards(office, now=datetime.now() + timedelta(days=3))
    assert late.title == "Đã lâu chưa có bản sao lưu" and "Sao lưu ngay" in late.note
