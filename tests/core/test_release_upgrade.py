"""A database made by the previous release (schema 8, a district office) upgrades to office
kinds and keeps every row: the fixture was made by that release's code
(tests/core/data/make_release_db.py); the test works on a copy."""

import shutil
from pathlib import Path

import sqlcipher3

from app import office
from app.exchange.keys import my_card
from db import keys
from db.migrate import latest_version
from db.store import open_existing

FIXTURE = Path(__file__).parent / "data" / "release_district.db"
PASS = "release-pass"


def _counts(path: Path) -> dict[str, int]:
    key = keys.existing_key(path, PASS)
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f'PRAGMA key = "{key.pragma_value()}"')
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'")]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    counts = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    conn.close()
    counts["_version"] = version
    return counts


def test_previous_release_district_db_upgrades_and_keeps_every_row(tmp_path):
    copy = tmp_path / "old.db"
    shutil.copy(FIXTURE, copy)
    before = _counts(copy)
    assert before["_version"] == 8 and before["units"] == 5 and before["reports"] == 1
    db = open_existing(copy, PASS)
    db.conn.close()
    after = _counts(copy)
    assert after["_version"] == latest_version()
    for table, n in before.items():
        if table != "_version":
            assert after[table] == n, table
    ctx = office.open_ctx(copy, PASS)
    me = office.get_office(ctx)
    assert (me.kind, me.role, me.body_code, me.superior_name) == ("district", "district", "BTGHU",
                                                                    "HUYỆN ỦY CÀNG LONG")
    assert [u.name for u in office.areas(ctx)] == ["Thị trấn Càng Long", "Xã Nhị Long Phú"]
    assert [u.name for u in office.agencies(ctx)] == ["Công an huyện"]
    assert ctx.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert ctx.db.execute("PRAGMA foreign_key_check").fetchall() == []
    card = my_card(ctx)
    assert card.office_kind == "district" and card.role == "district"
    ctx.close()
