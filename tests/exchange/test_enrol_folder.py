"""Enrolling many lower offices from a folder of identity cards: good cards enrolled, each bad
card refused with its own Vietnamese reason while the others still go in (not all-or-nothing)."""

from __future__ import annotations

import json

import pytest

from app.demo.commune_packages import Sender
from app.errors import ValidationError
from app.exchange import enrol_folder, identity, keys
from app.exchange import province as province_view
from app.office import add_unit


def _cards(folder, senders):
    folder.mkdir(exist_ok=True)
    for s in senders:
        (folder / f"{s.code}.dlxid").write_bytes(identity.card_bytes(s.card()))


def _tampered(folder, sender: Sender, other: Sender) -> None:
    """A card whose age key was swapped for someone else's: its fingerprint no longer matches."""
    doc = json.loads(identity.card_bytes(sender.card()))
    doc["age_recipient"] = str(other.age.to_public())
    (folder / f"{sender.code}-sua.dlxid").write_text(json.dumps(doc), encoding="utf-8")


def test_folder_enrols_good_cards_and_refuses_bad_ones(province, tmp_path):
    senders = [Sender(f"X{i:03d}", f"Xã Số {i}") for i in range(5)]
    folder = tmp_path / "the"
    _cards(folder, senders)
    (folder / "hong.dlxid").write_bytes(b"\x00 not a card")
    _tampered(folder, Sender("X900", "Xã Sửa Thẻ"), senders[0])
    (folder / "tinh.dlxid").write_bytes(identity.card_bytes(keys.my_card(province)))
    (folder / "ghi-chu.txt").write_text("không phải thẻ")

    found = enrol_folder.scan_folder(province, folder)
    assert [c.state for c in found].count(enrol_folder.NEW) == 5
    refused = {c.path.name: c.note for c in found if c.state == enrol_folder.REFUSED}
    assert set(refused) == {"hong.dlxid", "X900-sua.dlxid", "tinh.dlxid"}
    assert "không phải JSON" in refused["hong.dlxid"] and "không khớp" in refused["X900-sua.dlxid"]
    assert "chính đơn vị này" in refused["tinh.dlxid"]
    assert province.db.execute("SELECT count(*) FROM peers").fetchone()[0] == 0  # scanning writes nothing

    outcome = enrol_folder.enrol_cards(province, found)
    assert sorted(p.unit_code for p in outcome.enrolled) == [s.code for s in senders]
    assert len(outcome.refused) == 3
    assert enrol_folder.summary_line(outcome).startswith("Đã đăng ký 5 đơn vị; 3 thẻ không nhận: ")

    again = enrol_folder.scan_folder(province, folder)
    assert {c.state for c in again if c.card and c.card.unit_code.startswith("X0")} == {enrol_folder.SAME}
    # a new card for an enrolled office (it changed PC): flagged, never ticked by default
    senders[1].secret = type(senders[1].secret).generate()
    _cards(folder, [senders[1]])
    changed = [c for c in enrol_folder.scan_folder(province, folder) if c.state == enrol_folder.CHANGED]
    assert [c.card.unit_code for c in changed] == ["X001"] and "mã cũ" in changed[0].note


def test_not_enrolled_lists_the_province_communes_without_a_card(province, tmp_path):
    senders = [Sender(f"X{i:03d}", f"Xã Số {i}") for i in range(3)]
    for s in senders:
        add_unit(province, s.code, s.name, "commune", province.origin)
    add_unit(province, "X777", "Xã Chưa Có Thẻ", "commune", province.origin)
    _cards(tmp_path / "the", senders[:2])
    enrol_folder.enrol_cards(province, enrol_folder.scan_folder(province, tmp_path / "the"))
    assert [u.code for u in province_view.not_enrolled(province)] == ["X777", "X002"]  # by name
    assert [o.unit_code for o in province_view.offices(province)] == ["X000", "X001"]


def test_empty_or_missing_folder_is_refused_in_vietnamese(province, tmp_path):
    with pytest.raises(ValidationError, match="không có thẻ định danh"):
        enrol_folder.scan_folder(province, tmp_path)
    with pytest.raises(ValidationError, match="Không tìm thấy thư mục"):
        enrol_folder.scan_folder(province, tmp_path / "khong-co")


@pytest.mark.real_process
def test_cli_import_folder(province, tmp_path, cli):
    senders = [Sender(f"X{i:03d}", f"Xã Số {i}") for i in range(3)]
    folder = tmp_path / "the"
    _cards(folder, senders)
    (folder / "hong.dlxid").write_text("{}")
    db = str(province.path)
    province.close()
    res = cli("--db", db, "identity", "import-folder", str(folder))
    assert res.returncode == 1 and "--yes" in res.stderr and res.stderr.count("\n") == 1
    assert res.stdout.count("mã xác nhận") == 4  # the table shows every card first
    res = cli("--db", db, "identity", "import-folder", str(folder), "--yes")
    assert res.returncode == 1, res.stderr
    assert res.stderr.strip().splitlines() == [res.stderr.strip()] and "hong.dlxid" in res.stderr
    assert "Traceback" not in res.stderr
    assert "Đã đăng ký 3 đơn vị; 1 thẻ không nhận" in res.stdout
    res = cli("--db", db, "province", "status")
    assert res.returncode == 0 and res.stdout.count("báo cáo tháng —") == 3
