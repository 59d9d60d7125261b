"""A commune's signed package changes only what that commune owns (DESIGN §3: "a row is only
ever changed by its origin office"). Real signed, encrypted packages from enrolled senders try
to reach rows they do not own: another origin's rows, the province's catalogue of offices,
other communes' areas, tables that never travel, tombstones for others' rows. Each attempt is
refused whole (one Vietnamese line, nothing written) or ignored, never applied."""

from __future__ import annotations

import random
from datetime import date

import pytest

from app.demo.commune_packages import Sender, build_package, first_tables, month_tables
from app.errors import ImportRefused
from app.exchange import importer, keys
from app.ids import utc_now, uuid7
from app.office import add_unit


def _sender(province, code: str) -> Sender:
    s = Sender(code, f"Xã {code}")
    add_unit(province, s.code, s.name, "commune", province.origin)
    keys.enrol(province, s.card())
    return s


def _import(province, tmp_path, s: Sender, tables: dict) -> importer.ImportResult:
    path = tmp_path / f"{s.code}-{s.seq + 1}.dlxh"
    path.write_bytes(build_package(s, province.origin, keys.ensure_keys(province).age_recipient, tables))
    return importer.import_package(province, path, receipt_dir=tmp_path / "bien-nhan")


def _refused(province, tmp_path, s: Sender, tables: dict, match: str) -> None:
    before = _snapshot(province)
    with pytest.raises(ImportRefused, match=match) as caught:
        _import(province, tmp_path, s, tables)
    assert "\n" not in caught.value.message
    assert _snapshot(province) == before  # all or nothing


def _snapshot(ctx) -> dict[str, list[tuple]]:
    return {t: ctx.db.execute(f"SELECT * FROM [{t}] ORDER BY 1").fetchall()
            for t in ("units", "opinions", "topics", "collaborators", "inbox", "guidance")}


def _unit(ctx, code: str) -> tuple | None:
    return ctx.db.execute("SELECT name, level, parent_code, origin FROM units WHERE code = ?", [code]).fetchone()


def _row(code: str, name: str, level: str, origin: str, parent: str | None = None, version: int = 9) -> dict:
    return {"code": code, "name": name, "level": level, "parent_code": parent, "origin": origin,
            "version": version, "updated_at": utc_now()}


@pytest.fixture
def two(province, tmp_path):
    """Two enrolled communes, each with its first package (collaborators, topics, a month) in."""
    a, b = _sender(province, "X001"), _sender(province, "X002")
    for s, seed in ((a, 1), (b, 2)):
        rng = random.Random(seed)
        tables = first_tables(s, rng)
        tables.update(month_tables(s, rng, date(2026, 9, 1), 3))
        tables["units"].append(_row(f"{s.code}-A01", "Ấp Một", "hamlet", s.code, s.code, 1))
        assert _import(province, tmp_path, s, tables).status == "imported"
    return a, b


def test_a_row_of_another_origin_is_refused(province, tmp_path, two) -> None:
    a, b = two
    theirs = dict(province.db.query("SELECT * FROM opinions WHERE origin = ? LIMIT 1", [b.code]).__next__())
    theirs.update(version=theirs["version"] + 5, summary="Sửa ý kiến của xã khác")
    _refused(province, tmp_path, a, {"opinions": [theirs]}, "không thuộc đơn vị này")


@pytest.mark.parametrize("target", ["other commune", "province", "own commune"])
def test_the_catalogue_row_of_an_office_is_never_changed_by_a_package(province, tmp_path, two, target) -> None:
    a, b = two
    code = {"other commune": b.code, "province": province.origin, "own commune": a.code}[target]
    before = _unit(province, code)
    level = "province" if target == "province" else "commune"
    rows = {"units": [_row(code, "Tên bị đổi", level, a.code, None, 99)]}
    if target == "other commune":  # no genuine commune sends one: refused
        _refused(province, tmp_path, a, rows, "chỉ tỉnh quản lý danh mục xã, phường")
    else:  # every genuine package carries its own row and its province's: left as they are here
        assert _import(province, tmp_path, a, rows).status == "imported"
    assert _unit(province, code) == before


def test_a_commune_that_no_office_holds_yet_is_not_added_by_a_commune(province, tmp_path, two) -> None:
    a, _ = two
    _refused(province, tmp_path, a, {"units": [_row("X003", "Xã giả", "commune", a.code, province.origin)]},
             "danh mục")
    assert _unit(province, "X003") is None


def test_a_province_row_the_province_does_not_hold_is_ignored(province, tmp_path, two) -> None:
    a, _ = two
    _import(province, tmp_path, a, {"units": [_row("99", "Tỉnh khác", "province", a.code)]})
    assert _unit(province, "99") is None


@pytest.mark.parametrize("parent", ["X002", "X002-A01", "PROVINCE"])
def test_an_area_under_a_unit_the_sender_does_not_own_is_refused(province, tmp_path, two, parent) -> None:
    a, _ = two
    parent = province.origin if parent == "PROVINCE" else parent
    _refused(province, tmp_path, a, {"units": [_row("X001-A02", "Ấp Lạ", "hamlet", a.code, parent)]},
             "danh mục")
    assert _unit(province, "X001-A02") is None


def test_an_area_in_another_offices_code_space_is_refused(province, tmp_path, two) -> None:
    a, b = two
    squat = f"{b.code}-A02"  # the code X002's next hamlet will get
    _refused(province, tmp_path, a, {"units": [_row(squat, "Ấp Chiếm Mã", "hamlet", a.code, a.code)]}, "danh mục")
    assert _unit(province, squat) is None


def test_an_area_under_the_senders_own_area_is_accepted(province, tmp_path, two) -> None:
    a, _ = two
    rows = [_row("X001-TV01", "Chi hội Một", "member", a.code, "X001-A01", 1),
            _row("X001-A03", "Ấp Mới", "hamlet", a.code, a.code, 1)]
    assert _import(province, tmp_path, a, {"units": rows}).status == "imported"
    assert _unit(province, "X001-TV01") == ("Chi hội Một", "member", "X001-A01", a.code)
    assert _unit(province, "X001-A03") == ("Ấp Mới", "hamlet", a.code, a.code)


@pytest.mark.parametrize("table", ["peers", "settings", "users", "office", "inbox", "audit_log"])
def test_a_table_that_never_travels_is_refused(province, tmp_path, two, table) -> None:
    a, _ = two
    row = {"unit_code": a.code, "key": "x", "value": "y", "name": "admin", "origin": a.code, "version": 1}
    _refused(province, tmp_path, a, {table: [row]}, f"bảng «{table}» không được gửi qua gói")


def test_guidance_from_a_commune_is_refused(province, tmp_path, two) -> None:
    a, _ = two
    row = {"id": uuid7(), "origin": a.code, "version": 1, "updated_at": utc_now(), "title": "Chỉ đạo giả", "kind": "note",
           "issued_on": "2026-10-01"}
    _refused(province, tmp_path, a, {"guidance": [row]}, "«guidance»")


def test_tombstones_for_rows_the_sender_does_not_own_remove_nothing(province, tmp_path, two) -> None:
    a, b = two
    theirs = province.db.execute("SELECT id FROM opinions WHERE origin = ? LIMIT 1", [b.code]).fetchone()[0]
    their_topic = province.db.execute("SELECT id FROM topics WHERE origin = ? LIMIT 1", [b.code]).fetchone()[0]
    before = _snapshot(province)
    deletions = [{"table": "opinions", "id": theirs}, {"table": "topics", "id": their_topic},
                 {"table": "units", "id": b.code}, {"table": "units", "id": a.code},
                 {"table": "units", "id": province.origin}, {"table": "units", "id": f"{b.code}-A01"},
                 {"table": "peers", "id": b.code}]
    _import(province, tmp_path, a, {"_deleted": deletions})
    after = _snapshot(province)
    assert {k: v for k, v in after.items() if k != "inbox"} == {k: v for k, v in before.items() if k != "inbox"}
    assert province.db.execute("SELECT count(*) FROM peers WHERE unit_code = ?", [b.code]).fetchone()[0] == 1


@pytest.mark.parametrize("code", ["28789", "01"])
def test_an_official_commune_code_is_not_an_area_but_a_short_local_code_is(province, tmp_path, two, code) -> None:
    a, _ = two
    rows = {"units": [_row(code, "Cơ quan Một", "agency", a.code, None, 1)]}
    if code == "01":   # an agency an office numbered itself
        assert _import(province, tmp_path, a, rows).status == "imported"
        assert _unit(province, code) == ("Cơ quan Một", "agency", None, a.code)
    else:              # a commune of the province: its code cannot become X001's agency
        _refused(province, tmp_path, a, rows, "thuộc đơn vị khác")
