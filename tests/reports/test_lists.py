"""Lists of places and units in a report read as a head expects: a list cut short never hides a
single name behind "và 01 … khác" (naming it takes the same room); a tie across kinds of unit
("phường A" and "các xã B, C" with the same figure) is one group, not two entries split by ";";
and the province's "nhiều nhất là …" names only communes that lead every other one — not
every commune of a topic reported by three, not one picked from a tie."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from app.reports import wording
from app.reports.consolidated.facts import UnitFacts
from app.reports.consolidated.topics import CrossTopic
from app.reports.consolidated.wording import _where, compact, tied


@given(st.integers(1, 30), st.integers(1, 6))
def test_a_cut_list_never_hides_one_name(n, named):
    names = [f"ấp {i}" for i in range(n)]
    text = wording.spread(names, {"ấp": n}, {"ấp": 200}, named=named)
    assert "01 địa bàn khác" not in text
    assert "01 đơn vị khác" not in compact([f"Xã {i}" for i in range(n)], limit=named)


def test_four_areas_are_all_named():
    assert wording.spread(["ấp A", "ấp B", "ấp C", "ấp D"], {"ấp": 4}, {"ấp": 14}) == "ở ấp A, ấp B, ấp C và ấp D"


def test_a_tie_across_kinds_is_one_group():
    units = [UnitFacts("1", "Xã Hưng Mỹ", negative=4), UnitFacts("2", "Phường Đông Thành", negative=2),
             UnitFacts("3", "Xã An Định", negative=2), UnitFacts("4", "Xã An Hiệp", negative=2)]
    groups = tied(units, lambda u: u.negative, "ý kiến bức xúc")
    assert groups == ["xã Hưng Mỹ (04 ý kiến bức xúc)",
                      "phường Đông Thành và các xã An Định, An Hiệp (cùng 02 ý kiến bức xúc)"]
    assert all(";" not in g for g in groups)


def _topic(units: list[tuple[str, int]]) -> CrossTopic:
    return CrossTopic("Lừa đảo", "defense_security", sum(n for _, n in units), 0, units, {}, 0, [], [])


def test_three_communes_are_named_not_ranked():
    text = _where(_topic([("Xã Càng Long", 30), ("Xã Long Thành", 5), ("Xã An Bình", 2)]))
    assert "nhiều nhất" not in text and "Càng Long" in text and "An Bình" in text


@given(st.lists(st.integers(1, 20), min_size=2, max_size=20))
def test_the_communes_said_to_lead_lead_every_other(values):
    units = [(f"Xã {chr(65 + i)}", n) for i, n in enumerate(sorted(values, reverse=True))]
    text = _where(_topic(units))
    m = re.search(r"nhiều nhất là (.+)$", text)
    if m:
        named = [f"Xã {n.strip()}" for n in re.sub(r"^(các )?xã ", "", m.group(1)).split(",")]
        counts = dict(units)
        rest = [n for u, n in units if u not in named]
        assert rest and min(counts[u] for u in named) > max(rest)


def test_two_kinds_in_a_sentence_are_joined_not_split():
    assert compact(["Phường Duyên Hải", "Xã Đôn Châu"]) == "phường Duyên Hải và xã Đôn Châu"
    assert ";" in compact(["Phường A", "Xã B", "Đặc khu C"])


def _units(values: list[int]) -> list[UnitFacts]:
    return [UnitFacts(str(i), f"Xã {chr(65 + i // 26)}{chr(65 + i % 26)}", total=v, overdue=v) for i, v in
            enumerate(values)]


def test_a_wide_tie_below_a_leader_is_said_after_it():
    """Oct 2026: one commune with 132 items, eight tied at 18: not 'Có 01 đơn vị cùng nhiều ý kiến
    nhất, mỗi đơn vị 132 ý kiến'."""
    from types import SimpleNamespace

    from app.reports.consolidated.wording import busiest

    (line, *_) = busiest(SimpleNamespace(units=_units([132, *[18] * 8, 17])))
    assert "Có 01 đơn vị" not in line and "mỗi đơn vị 132" not in line
    assert line.startswith("Các đơn vị có nhiều ý kiến nhất: xã AA (132 ý kiến); tiếp đến là 08 đơn vị cùng 18 ý kiến")


@given(st.lists(st.integers(1, 12), min_size=1, max_size=50))
def test_a_ranked_list_cuts_only_between_ties(values):
    from app.reports.consolidated.wording import ranked_list

    units = _units(values)
    text = ranked_list(units, lambda u: u.overdue, "ý kiến")
    shown = {u.name[3:] for u in units if re.search(rf"\b{u.name[3:]}\b", text)}
    for u in units:  # every unit with the figure of one shown is shown
        if any(v.overdue == u.overdue and v.name[3:] in shown for v in units):
            assert u.name[3:] in shown, (values, text)
    assert " và " not in text.split("(")[-1]


def test_a_list_cut_short_has_no_semicolon():
    text = compact([f"Xã {c}" for c in "ABCDE"] + ["Phường Z"] + [f"Xã Y{i}" for i in range(27)], 12)
    assert ";" not in text and text.endswith("và 21 đơn vị khác")


def test_the_rest_of_a_list_gives_its_range_once():
    from app.reports.consolidated.wording import ranked_list

    text = ranked_list(_units([11, 5, 5, 4, 4, *[2] * 4, *[1] * 35]), lambda u: u.overdue, "ý kiến")
    assert text.endswith("39 đơn vị khác (từ 01 đến 02 ý kiến mỗi đơn vị)"), text


def test_the_table_of_busiest_units_never_cuts_a_tie():
    """October: 132, eight at 18, seven at 17 — a top ten would pick one of the seven at random."""
    from types import SimpleNamespace

    from app.reports.consolidated.wording import top_units

    shown = top_units(SimpleNamespace(units=_units([132, *[18] * 8, *[17] * 7])))
    assert [u.total for u in shown] == [132, *[18] * 8]
    assert len(top_units(SimpleNamespace(units=_units([*[5] * 30])))) == 10   # one wide tie: still a table
