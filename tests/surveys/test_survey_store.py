"""Questionnaire, responses, import and plan on the real encrypted store."""

from __future__ import annotations

import pytest

from app.errors import ImportRefused, ValidationError
from app.surveys import file_import
from app.surveys import plan as plan_mod
from app.surveys import questionnaire as qn
from app.surveys import responses as rs
from app.surveys.counts import Profile, profiles
from app.surveys.entry import ResponseInvalid
from app.surveys.model import Response, SkipRule

from .conftest import sample_questionnaire
from .store_helpers import add_communes, build_survey


@pytest.fixture
def survey(empty_ctx):
    add_communes(empty_ctx)
    return empty_ctx, build_survey(empty_ctx)


def test_stored_questionnaire_equals_model(survey):
    ctx, sid = survey
    loaded = qn.load(ctx, sid)
    expected = sample_questionnaire()
    for got, want in zip(loaded.questions, expected.questions, strict=True):
        assert (got.no, got.text, got.kind, got.options, got.required, got.skip) == \
            (want.no, want.text, want.kind, want.options, want.required, want.skip)
    assert qn.list_surveys(ctx)[0].title == expected.title


def test_reorder_keeps_skip_rules_pointing_back(survey):
    ctx, sid = survey
    q = qn.load(ctx, sid)
    # Moving Q2 above its controller Q1 is refused and nothing changes.
    with pytest.raises(ValidationError, match="câu đứng trước"):
        qn.move_question(ctx, q.question(2).id, -1)
    assert [x.no for x in qn.load(ctx, sid).questions] == [1, 2, 3, 4, 5, 6]
    # Moving Q3 (no rule) to the top renumbers; Q2's rule follows its controller (now Q2 -> Q3 = 1).
    qn.move_question(ctx, q.question(3).id, -2)
    moved = qn.load(ctx, sid)
    assert moved.question(1).text == "Mức độ đồng tình với chủ trương"
    assert moved.question(3).skip == SkipRule(2, 1)
    assert moved.question(6).skip == SkipRule(3, 5)


def test_delete_controller_refused_then_allowed(survey):
    ctx, sid = survey
    q = qn.load(ctx, sid)
    with pytest.raises(ValidationError, match="Câu 6 đang dùng"):
        qn.delete_question(ctx, q.question(2).id)
    qn.delete_question(ctx, q.question(6).id)
    qn.delete_question(ctx, q.question(2).id)
    assert [x.text for x in qn.load(ctx, sid).questions][1] == "Mức độ đồng tình với chủ trương"


def test_save_and_load_response_round_trip(survey):
    ctx, sid = survey
    resp = Response("farmer", "T01", "30-44", "female", {1: 1, 2: (2, 5), 3: 4, 4: 5, 5: "Cần họp dân", 6: 3}, "P01")
    rid = rs.save_response(ctx, sid, resp)
    (back,) = rs.load_responses(ctx, sid)
    assert back.id == rid
    assert (back.stratum, back.area_code, back.age_band, back.gender, back.form_no) == \
        ("farmer", "T01", "30-44", "female", "P01")
    assert back.answers == resp.answers
    with pytest.raises(ValidationError, match="đã được nhập"):
        rs.save_response(ctx, sid, Response(answers={1: 2, 3: 1}, form_no="P01"))


def test_invalid_response_is_refused_and_not_stored(survey):
    ctx, sid = survey
    with pytest.raises(ResponseInvalid, match="Câu 2 phải bỏ trống"):
        rs.save_response(ctx, sid, Response(answers={1: 2, 2: (1,), 3: 3}))
    with pytest.raises(ResponseInvalid, match="Địa bàn"):
        rs.save_response(ctx, sid, Response(area_code="ZZ", answers={1: 2, 3: 3}))
    assert rs.load_responses(ctx, sid) == []


def test_structure_frozen_once_responses_exist(survey):
    ctx, sid = survey
    rs.save_response(ctx, sid, Response(answers={1: 2, 3: 3}))
    q = qn.load(ctx, sid).question(1)
    with pytest.raises(ValidationError, match="chỉ sửa được lời văn"):
        qn.update_question(ctx, q.id, options=["Có", "Không", "Không rõ"])
    with pytest.raises(ValidationError, match="chỉ sửa được lời văn"):
        qn.add_question(ctx, sid, "Câu mới", "text")
    qn.update_question(ctx, q.id, text="Anh/chị đã nghe về chủ trương này chưa?", options=["Đã nghe", "Chưa nghe"])
    reloaded = qn.load(ctx, sid).question(1)
    assert reloaded.text.startswith("Anh/chị đã nghe") and reloaded.options == ["Đã nghe", "Chưa nghe"]


def test_import_all_or_nothing(survey, tmp_path):
    ctx, sid = survey
    good = tmp_path / "good.csv"
    good.write_text("Số phiếu;Địa bàn;Giới tính;Câu 1;Câu 2;Câu 3;Câu 6\n"
                    "A1;Tân An;Nữ;1;5;4;1\nA2;Xã Tân Bình;Nam;2;;2;\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("Số phiếu;Địa bàn;Câu 1;Câu 3\nB1;Tân An;2;4\nB2;Hà Nội;2;4\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="Dòng 3: Địa bàn không nhận ra"):
        file_import.import_file(ctx, sid, bad)
    assert rs.load_responses(ctx, sid) == []
    result = file_import.import_file(ctx, sid, good)
    assert result.imported == 2
    assert [r.area_code for r in rs.load_responses(ctx, sid)] == ["T01", "T02"]
    # Same forms again: refused as a whole, each row whose form number is already keyed named.
    with pytest.raises(ImportRefused, match="2 lỗi.*Dòng 2: Phiếu số A1 đã được nhập.*Dòng 3: Phiếu số A2"):
        file_import.import_file(ctx, sid, good)
    assert len(rs.load_responses(ctx, sid)) == 2


def test_plan_quotas_progress_and_weights(survey):
    ctx, sid = survey
    pops = plan_mod.catalogue_populations(ctx)
    assert pops == {("T01", None): 6000, ("T02", None): 3000, ("T03", None): 1000}
    pops = {k: pops[k] for k in sorted(pops)}
    plan = plan_mod.save_plan(ctx, sid, "area", pops, 95, 0.05, minimum=60)
    # n = 384.16 / (1 + 383.16 / 10000) = 369.98 -> 370 ; T03 gets its minimum 60 (prop. 37);
    # the other 310 split 6000:3000 -> 206.67 / 103.33 -> 207 + 103.
    assert plan.sample_size == 370
    assert [(c.area_code, c.quota) for c in plan.cells] == [("T01", 207), ("T02", 103), ("T03", 60)]
    for i in range(3):
        rs.save_response(ctx, sid, Response(area_code="T01", answers={1: 2, 3: 4}, form_no=f"a{i}"))
    rs.save_response(ctx, sid, Response(area_code="T03", answers={1: 2, 3: 1}, form_no="c1"))
    plan = plan_mod.get_plan(ctx, sid)
    assert [c.collected for c in plan.cells] == [3, 0, 1]
    # Covered cells T01 (6000) and T03 (1000): shares 6/7 and 1/7 ; sample 3/4 and 1/4.
    w, weighting = plan_mod.weights(plan, profiles(ctx, sid))
    assert weighting.uncovered == [("T02", None)]
    assert w == pytest.approx({Profile(None, "T01", None, None): (6 / 7) / (3 / 4),
                               Profile(None, "T03", None, None): (1 / 7) / (1 / 4)})
    assert plan_mod.needs_weighting(plan, profiles(ctx, sid))


def test_correcting_a_form_replaces_answers_and_bumps_version(survey):
    ctx, sid = survey
    rid = rs.save_response(ctx, sid, Response("farmer", "T01", "30-44", "male", {1: 2, 3: 3}, "K1"))
    rs.replace_answers(ctx, rid, Response("farmer", "T02", "30-44", "male", {1: 1, 2: (4,), 3: 5}, "K1"))
    (back,) = rs.load_responses(ctx, sid)
    assert back.area_code == "T02" and back.answers == {1: 1, 2: (4,), 3: 5}
    row = ctx.db.execute("SELECT version FROM survey_responses WHERE id = ?", [rid]).fetchone()
    assert row[0] == 2
    with pytest.raises(ResponseInvalid):
        rs.replace_answers(ctx, rid, Response(answers={1: 1, 3: 5}))  # Q2 now required: refused, unchanged
    assert rs.load_responses(ctx, sid)[0].answers == {1: 1, 2: (4,), 3: 5}


def test_responses_are_anonymous_by_schema_and_import(survey, tmp_path):
    ctx, sid = survey
    cols = {r[1] for r in ctx.db.execute("PRAGMA table_info(survey_responses)")}
    assert cols & {"name", "full_name", "phone", "address", "email"} == set()
    path = tmp_path / "with_names.csv"
    path.write_text("Họ và tên,Số điện thoại,Địa chỉ,Câu 1,Câu 3\nNguyễn Văn Bình,0912345678,ấp Chợ,2,4\n",
                    encoding="utf-8")
    result = file_import.import_file(ctx, sid, path)
    assert [c.target for c in result.preview.columns] == [None, None, None, "q1", "q3"]
    dump = "\n".join(str(row) for table in ("survey_responses", "survey_answers", "audit_log")
                     for row in ctx.db.execute(f"SELECT * FROM {table}"))
    for secret in ("Nguyễn Văn Bình", "0912345678", "ấp Chợ"):
        assert secret not in dump
