"""Skip rules and the checks of one form, as a clerk keys it."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.surveys import entry
from app.surveys.model import Question, Questionnaire, Response, SkipRule
from app.surveys.skip import applicable, check_rules


def test_skip_rule_chain(questionnaire):
    # Knows (Q1=1) and heard on social media (5 in Q2): Q2 and Q6 are asked.
    assert applicable(questionnaire, {1: 1, 2: (1, 5)}) == {1, 2, 3, 4, 5, 6}
    # Knows but not via social media: Q6 skipped.
    assert applicable(questionnaire, {1: 1, 2: (3,)}) == {1, 2, 3, 4, 5}
    # Does not know: Q2 skipped, and Q6 with it even if a stray Q2 answer says 5.
    assert applicable(questionnaire, {1: 2, 2: (5,)}) == {1, 3, 4, 5}


def test_check_rules_refuses_bad_rules():
    q = Questionnaire("x", [Question(1, "a", "single", ["Có", "Không"]), Question(2, "b", "text"),
                            Question(3, "c", "single", ["x"], skip=SkipRule(2, 1))])
    with pytest.raises(ValidationError, match="không phải câu lựa chọn"):
        check_rules(q)
    q.questions[2].skip = SkipRule(1, 3)
    with pytest.raises(ValidationError, match="không có phương án 3"):
        check_rules(q)
    q.questions[2].skip = SkipRule(4, 1)
    with pytest.raises(ValidationError, match="câu đứng trước"):
        check_rules(q)
    q.questions[2].skip = SkipRule(1, 2)
    check_rules(q)


def test_parse_typed_option_numbers(questionnaire):
    q1, q2, q3, q4, q5 = (questionnaire.question(n) for n in range(1, 6))
    assert entry.parse_typed(q1, " 2 ") == 2
    assert entry.parse_typed(q1, "") is None
    assert entry.parse_typed(q2, "13") == (1, 3)
    assert entry.parse_typed(q2, "5,1 1") == (1, 5)
    assert entry.parse_typed(q3, "4") == 4
    assert entry.parse_typed(q4, "1.250") == 1250
    assert entry.parse_typed(q4, "2,5") == 2.5
    assert entry.parse_typed(q5, " Cần họp dân ") == "Cần họp dân"
    with pytest.raises(ValidationError, match="từ 1 đến 2"):
        entry.parse_typed(q1, "3")
    with pytest.raises(ValidationError, match="chỉ được chọn một"):
        entry.parse_typed(q1, "1 2")
    with pytest.raises(ValidationError, match="từ 1 đến 5"):
        entry.parse_typed(q3, "6")
    with pytest.raises(ValidationError, match="không phải là số"):
        entry.parse_typed(q4, "năm")


def test_validate_full_form(questionnaire):
    ok = Response("farmer", None, "30-44", "female", {1: 1, 2: (2, 5), 3: 4, 6: 1})
    assert entry.validate(questionnaire, ok) is ok


def test_validate_lists_every_problem(questionnaire):
    bad = Response("astronaut", None, "30-44", "female", {1: 2, 2: (1,), 6: 1})
    with pytest.raises(entry.ResponseInvalid) as exc:
        entry.validate(questionnaire, bad)
    fields = [f for f, _ in exc.value.problems]
    assert fields == ["stratum", "q2", "q3", "q6"]
    assert "Câu 2 phải bỏ trống (chỉ hỏi nếu câu 1 = 1)" in exc.value.message
    assert "Câu 3 bắt buộc trả lời" in exc.value.message


def test_validate_area_against_catalogue(questionnaire):
    resp = Response(None, "X99", None, None, {1: 2, 3: 3})
    with pytest.raises(entry.ResponseInvalid, match="Địa bàn"):
        entry.validate(questionnaire, resp, {"X01", "X02"})
    resp.area_code = "X01"
    entry.validate(questionnaire, resp, {"X01", "X02"})


def test_parse_row_collects_problems(questionnaire):
    with pytest.raises(entry.ResponseInvalid) as exc:
        entry.parse_row(questionnaire, {1: "3", 3: "9", 4: "abc"})
    assert [f for f, _ in exc.value.problems] == ["q1", "q3", "q4"]
    assert entry.parse_row(questionnaire, {1: "1", 2: "2 4", 3: "5"}) == {1: 1, 2: (2, 4), 3: 5}


def test_parse_keyed_form_profile_numbers(questionnaire):
    areas = {"X01": "Xã Một", "X02": "Xã Hai"}
    resp = entry.parse_keyed_form(questionnaire, {"form_no": " 17 ", "gender": "2", "age_band": "4", "stratum": "3",
                                                  "area_code": "2", "q1": "1", "q2": "35", "q3": "4", "q6": "2"}, areas)
    assert (resp.form_no, resp.gender, resp.age_band, resp.stratum, resp.area_code) == \
        ("17", "female", "60+", "farmer", "X02")
    assert resp.answers == {1: 1, 2: (3, 5), 3: 4, 6: 2}
    with pytest.raises(entry.ResponseInvalid) as exc:
        entry.parse_keyed_form(questionnaire, {"gender": "3", "area_code": "9", "q1": "2", "q3": ""}, areas)
    assert [f for f, _ in exc.value.problems] == ["gender", "area_code"]
    with pytest.raises(entry.ResponseInvalid) as exc:
        entry.parse_keyed_form(questionnaire, {"q1": "2", "q3": ""}, areas)
    assert [f for f, _ in exc.value.problems] == ["q3"]


def test_keyed_cells_round_trip(questionnaire):
    areas = {"X01": "Xã Một", "X02": "Xã Hai"}
    resp = Response("veteran", "X01", "45-59", "male", {1: 1, 2: (2, 3), 3: 2, 4: 2.5, 5: "Ý kiến, có dấu phẩy"},
                    "A-7")
    cells = entry.keyed_cells(questionnaire, resp, areas)
    assert cells["gender"] == "1" and cells["q2"] == "2 3" and cells["q4"] == "2,5"
    back = entry.parse_keyed_form(questionnaire, cells, areas)
    assert (back.profile(), back.answers, back.form_no) == (resp.profile(), resp.answers, resp.form_no)
