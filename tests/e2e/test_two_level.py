"""Issue 15 "Done means", end to end on real encrypted stores and the real CLI: a commune
office made from its official code exchanges packages with the provincial Ban Tuyên giáo và
Dân vận made from its official code, and the province imports them.

Other parts of the same path are tested on their own, and chained with this one in
tests/e2e/test_chain.py:
- the collaborator list with pre-reform names (mapped, previewed, applied):
  tests/e2e/test_import_prereform.py;
- the rendered monthly report's header ("ĐẢNG BỘ TỈNH VĨNH LONG / ĐẢNG ỦY XÃ CÀNG LONG / * /
  Số 01-BC/ĐU", "T/M ĐẢNG ỦY / BÍ THƯ"): tests/reports/test_office_documents.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app import records
from app.cli import main
from app.office import areas, get_office, open_ctx, save_unit


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def offices(tmp_path: Path, passphrase_env, capsys):
    commune_db, province_db = tmp_path / "xa.db", tmp_path / "tinh.db"
    assert _cli(capsys, "--db", str(commune_db), "init", "--kind", "commune", "--unit", "29266")[0] == 0
    assert _cli(capsys, "--db", str(province_db), "init", "--kind", "province", "--unit", "86")[0] == 0
    return commune_db, province_db


def test_unknown_code_is_one_line_naming_the_nearest(tmp_path, passphrase_env, capsys):
    code, _out, err = _cli(capsys, "--db", str(tmp_path / "x.db"), "init", "--kind", "commune", "--unit", "29267")
    assert code == 1 and err.count("\n") == 1 and "29266 (Xã Càng Long)" in err
    assert not (tmp_path / "x.db").exists()


def test_commune_exchanges_with_province_made_from_official_codes(offices, tmp_path, capsys):
    commune_db, province_db = offices
    xa = open_ctx(commune_db)
    me = get_office(xa)
    assert (me.kind, me.unit_code, me.name, me.province_name) == ("commune", "29266", "Xã Càng Long",
                                                                  "Tỉnh Vĩnh Long")
    assert (me.superior_name, me.body_name, me.body_code, me.place_name) == (
        "ĐẢNG BỘ TỈNH VĨNH LONG", "ĐẢNG ỦY XÃ CÀNG LONG", "ĐU", "Càng Long")
    # The commune's areas are its hamlets, typed; items are recorded against them.
    for kind, name in (("ấp", "Ấp Mỹ Cẩm A"), ("khóm", "Khóm 1")):
        save_unit(xa, "", name, "hamlet", 1500, kind)
    hamlet = next(u for u in areas(xa) if u.name == "Khóm 1")
    assert hamlet.code.startswith("29266-A") and hamlet.area_type == "khóm"
    for i in range(5):
        records.insert(xa, "opinions", {"received_on": f"2026-11-{i + 3:02d}", "field": "economy",
                                        "tendency": "concern", "area_code": hamlet.code,
                                        "summary": f"Nhân dân quan tâm giá lúa vụ mùa, ý kiến {i}"})
    xa.close()
    tinh = open_ctx(province_db)
    prov = get_office(tinh)
    assert (prov.kind, prov.superior_name, prov.body_name, prov.body_code) == (
        "province", "TỈNH ỦY VĨNH LONG", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "BTGDVTU")
    assert "29266" in {u.code for u in areas(tinh)} and len(areas(tinh)) == 124   # preloaded communes
    tinh.close()

    cards, usb = tmp_path / "cards", tmp_path / "usb"
    cards.mkdir()
    usb.mkdir()
    for db, name in ((commune_db, "xa.json"), (province_db, "tinh.json")):
        assert _cli(capsys, "--db", str(db), "identity", "export", str(cards / name))[0] == 0
    code, out, _ = _cli(capsys, "--db", str(province_db), "identity", "import", str(cards / "xa.json"), "--yes")
    assert code == 0 and "Đảng ủy xã, phường, đặc khu" in out
    assert _cli(capsys, "--db", str(commune_db), "identity", "import", str(cards / "tinh.json"), "--yes")[0] == 0

    code, out, err = _cli(capsys, "--db", str(commune_db), "export", "--to", str(usb))
    assert code == 0, err
    package = next(usb.glob("*.dlxh"))
    code, out, err = _cli(capsys, "--db", str(province_db), "import", str(package))
    assert code == 0, err

    tinh = open_ctx(province_db)
    try:
        peer = tinh.db.execute("SELECT role, kind FROM peers WHERE unit_code = '29266'").fetchone()
        assert tuple(peer) == ("district", "commune")
        got = tinh.db.execute("SELECT count(*) FROM opinions WHERE origin = '29266'").fetchone()[0]
        assert got == 5
        kept = {(m, f): n for m, f, n in tinh.db.execute("SELECT month, field, n FROM opinion_month_counts") if n}
        assert kept == {("2026-11", "economy"): 5}   # the overview chart's counts follow the import
        area = tinh.db.execute("SELECT level, area_type, parent_code FROM units WHERE code = ?",
                               [hamlet.code]).fetchone()
        assert tuple(area) == ("hamlet", "khóm", "29266")
        commune = tinh.db.execute("SELECT name, level FROM units WHERE code = '29266'").fetchone()
        assert tuple(commune) == ("Xã Càng Long", "commune")
    finally:
        tinh.close()
