"""Demo: one completed survey on the district's merger of hamlets (sáp nhập ấp, khóm),
with a plan by commune, about 400 anonymous paper forms that miss some quotas (so the
tables are weighted), and a double-entry check of a sample of forms. Deterministic."""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.context import Ctx
from app.surveys import double_entry, entry, plan
from app.surveys import questionnaire as qn
from app.surveys.model import Response, SkipRule
from app.surveys.responses import save_many

STRATA_MIX = [("farmer", 38), ("worker", 12), ("business", 10), ("cadre", 8), ("youth", 12), ("retiree", 6),
              ("veteran", 4), ("ethnic", 7), ("other", 3)]
AGE_MIX = [("18-29", 24), ("30-44", 32), ("45-59", 27), ("60+", 17)]
# Base agreement (mean of the 1-5 scale) by stratum: paperwork and distance worry traders and farmers.
SUPPORT = {"cadre": 4.3, "veteran": 4.1, "retiree": 4.0, "youth": 3.8, "worker": 3.6, "farmer": 3.4,
           "ethnic": 3.3, "business": 3.0, "other": 3.5}
SUGGESTIONS = [
    "Giữ tên ấp cũ để bà con dễ nhớ",
    "Cần họp dân giải thích rõ trước khi sáp nhập",
    "Bố trí điểm tiếp nhận hồ sơ gần dân",
    "Sửa đường liên ấp trước mùa mưa",
    "Giữ lại nhà văn hóa ấp cũ làm điểm sinh hoạt",
    "Chế độ cho cán bộ ấp dôi dư cần rõ ràng",
    "Đề nghị công khai phương án sáp nhập trên loa truyền thanh",
]


def _pick(rng: random.Random, mix: list[tuple[str, int]]) -> str:
    return rng.choices([k for k, _ in mix], weights=[w for _, w in mix])[0]


def _questions(sid: str, ctx: Ctx) -> None:
    add = qn.add_question
    add(ctx, sid, "Anh/chị có biết chủ trương sáp nhập ấp, khóm trên địa bàn xã không?", "single",
        ["Có", "Không"])
    add(ctx, sid, "Anh/chị biết chủ trương này qua những kênh nào?", "multiple",
        ["Họp ấp, khóm", "Loa truyền thanh", "Ti vi, báo, đài", "Mạng xã hội", "Cán bộ đến nhà"], skip=SkipRule(1, 1))
    add(ctx, sid, "Anh/chị đồng tình với chủ trương sáp nhập ấp, khóm ở mức nào?", "likert")
    add(ctx, sid, "Khi sáp nhập, anh/chị còn băn khoăn về những điều gì? (có thể chọn nhiều phương án)", "multiple",
        ["Đi lại làm giấy tờ xa hơn", "Sắp xếp cán bộ ấp", "Tên gọi ấp mới", "Đầu tư hạ tầng", "Không băn khoăn"])
    add(ctx, sid, "Ý kiến của người dân có được lấy trước khi sáp nhập không?", "single",
        ["Có, đầy đủ", "Có nhưng còn hình thức", "Không", "Không biết"])
    add(ctx, sid, "Anh/chị mong muốn ưu tiên đầu tư hạng mục nào?", "single",
        ["Đường giao thông", "Nhà văn hóa ấp", "Chiếu sáng", "Nước sạch"], skip=SkipRule(4, 4))
    add(ctx, sid, "Kiến nghị khác của anh/chị", "text", required_=False)


def _answers(rng: random.Random, stratum: str) -> dict:
    knows = rng.random() < (0.92 if stratum in ("cadre", "veteran", "retiree") else 0.74)
    answers: dict = {1: 1 if knows else 2}
    if knows:
        channels = {c for c, p in ((1, 0.55), (2, 0.45), (3, 0.35), (4, 0.4 if stratum == "youth" else 0.2),
                                   (5, 0.15)) if rng.random() < p}
        answers[2] = tuple(sorted(channels or {1}))
    mean = SUPPORT[stratum] + (0.25 if knows else -0.35)
    answers[3] = max(1, min(5, round(rng.gauss(mean, 0.95))))
    worries = {c for c, p in ((1, 0.45 if stratum in ("farmer", "business", "ethnic") else 0.2), (2, 0.15),
                              (3, 0.2), (4, 0.3)) if rng.random() < p}
    answers[4] = tuple(sorted(worries)) if worries else (5,)
    answers[5] = rng.choices([1, 2, 3, 4], weights=[48, 22, 10, 20] if knows else [15, 15, 20, 50])[0]
    if 4 in answers[4]:
        answers[6] = rng.choices([1, 2, 3, 4], weights=[50, 15, 20, 15])[0]
    if rng.random() < 0.22:
        answers[7] = rng.choice(SUGGESTIONS)
    return answers


def populate(ctx: Ctx, rng: random.Random, today: date) -> None:
    starts, ends = today - timedelta(days=45), today - timedelta(days=25)
    sid = qn.create_survey(
        ctx, "Thăm dò dư luận xã hội về chủ trương sáp nhập ấp, khóm trên địa bàn xã",
        "Nắm tâm trạng, ý kiến của nhân dân về chủ trương sáp nhập ấp, khóm để tham mưu cấp ủy chỉ đạo công tác "
        "tuyên truyền, giải thích và giải quyết những băn khoăn của nhân dân", "paper",
        starts.isoformat(), ends.isoformat())
    _questions(sid, ctx)
    pops = plan.catalogue_populations(ctx)
    the_plan = plan.save_plan(ctx, sid, "area", pops, 95, 0.05, minimum=15, sample_size=400)
    questionnaire = qn.load(ctx, sid)
    forms: list[Response] = []
    for cell in the_plan.cells:
        # Some communes fell short of their quota, others went over: weighting corrects it.
        collected = max(5, round(cell.quota * rng.uniform(0.7, 1.3)))
        for _ in range(collected):
            stratum = _pick(rng, STRATA_MIX)
            resp = Response(stratum, cell.area_code, _pick(rng, AGE_MIX), rng.choice(["male", "female"]),
                            _answers(rng, stratum), f"{len(forms) + 1:04d}")
            forms.append(entry.validate(questionnaire, resp))
    save_many(ctx, questionnaire, forms, "paper", ends.isoformat())
    for i, form_no in enumerate(double_entry.sample_forms(ctx, sid, 0.05, seed=1)):
        second = next(f for f in forms if f.form_no == form_no)
        second = Response(second.stratum, second.area_code, second.age_band, second.gender, dict(second.answers),
                          form_no)
        if i % 7 == 3:  # the second clerk read a 4 where the first keyed a 3 (or the reverse)
            second.answers[3] = 4 if second.answers[3] != 4 else 3
        double_entry.record_check(ctx, sid, second)
    qn.update_survey(ctx, sid, status="closed")   # after the check keying: a closed survey takes no entry
