"""A stored ISO date reads dd/mm/yyyy through one helper, app.text.vn_iso: pages and dialogs
do not parse and format dates themselves (ten private copies of it had grown in ui/, each
with its own idea of a timestamp or an empty value)."""

from __future__ import annotations

import re
from pathlib import Path

from app.text import vn_iso

UI = Path(__file__).resolve().parents[2] / "ui"
# date.fromisoformat(x).strftime("%d/%m/%Y") and vn_date(date.fromisoformat(x)): ISO in, dd/mm/yyyy out.
HAND_MADE = re.compile(r"fromisoformat\([^()]*(\([^()]*\))?[^()]*\)\s*\.strftime\(\s*['\"]%d/%m/%Y|"
                       r"vn_date\(\s*(date\.)?fromisoformat\(")


def test_no_page_turns_an_iso_date_into_dd_mm_yyyy_by_hand() -> None:
    found = [f"{path.relative_to(UI.parent)}:{n}: {line.strip()}"
             for path in sorted(UI.rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if HAND_MADE.search(line)]
    assert found == [], "use app.text.vn_iso:\n" + "\n".join(found)


def test_the_one_helper_reads_dates_timestamps_and_nothing() -> None:
    assert vn_iso("2026-03-02") == "02/03/2026"
    assert vn_iso("2026-03-02T07:15:00+00:00") == "02/03/2026"
    assert vn_iso(None) == vn_iso("") == ""


def test_the_pattern_finds_what_it_forbids() -> None:
    for line in ('x = date.fromisoformat(stamp[:10]).strftime("%d/%m/%Y")', "vn_date(date.fromisoformat(iso))",
                 "return vn_date(date.fromisoformat(iso[:10])) if iso else ''"):
        assert HAND_MADE.search(line), line
    assert not HAND_MADE.search('QLineEdit(date.today().strftime("%d/%m/%Y"))')
