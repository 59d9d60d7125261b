"""Demo: an online survey still collecting responses through its electronic form, and three
collaborators' electronic reports waiting in the opinion inbox. Every response is sealed to
the office's age recipient and brought in by the real import (app.forms.receive), the path a
file from Zalo or e-mail takes. Deterministic in its content (age's random keys aside)."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import pyrage
from pyrage import x25519

from app.collaborators.registry import CollaboratorFilter, list_collaborators
from app.context import Ctx
from app.exchange.keys import ensure_keys
from app.forms import receive, tokens
from app.forms.survey_form import structure_hash
from app.office import areas, get_office
from app.surveys import questionnaire as qn
from app.surveys.model import SkipRule

TITLE = "Lấy ý kiến nhân dân về xây dựng xã nông thôn mới nâng cao (phiếu điện tử)"
IDEAS = ["Cần thêm đèn chiếu sáng đường liên ấp", "Nên công khai các khoản đóng góp", "Ưu tiên nước sạch cho ấp xa",
         "Hỗ trợ bà con chuyển đổi cây trồng", "Sớm sửa cầu ở ấp Trung Hưng"]
REPORTS = [
    [("Bà con ấp Đại Phước lo lắng giá lúa giảm trong khi giá phân bón tăng", "economy", "concern", "high"),
     ("Người dân đồng tình với việc làm đường bê tông liên ấp", "economy", "support", "medium")],
    [("Một số người chia sẻ trên mạng xã hội thông tin sai về việc thu hồi đất làm khu công nghiệp", "politics",
      "distortion", "medium"),
     ("Phụ huynh băn khoăn về các khoản thu đầu năm học ở trường tiểu học", "culture_society", "concern", "medium")],
    [("Ông Trần Văn Tám ở ấp 4 phản ánh chậm cấp giấy chứng nhận quyền sử dụng đất", "economy", "frustration", "low"),
     ("Cử tri đề nghị tăng cường tuần tra an ninh trật tự ban đêm", "defense_security", "concern", "medium")],
]


def _seal(recipient: str, payload: dict) -> bytes:
    return pyrage.encrypt(json.dumps(payload, ensure_ascii=False).encode("utf-8"),
                          [x25519.Recipient.from_str(recipient)])


def _survey(ctx: Ctx, today: date) -> str:
    sid = qn.create_survey(ctx, TITLE, "Nắm ý kiến, nguyện vọng của nhân dân về các tiêu chí nông thôn mới nâng cao "
                           "qua phiếu điện tử gửi qua Zalo và thu tại các hội nghị ấp", "online",
                           (today - timedelta(days=50)).isoformat(), (today + timedelta(days=10)).isoformat())
    qn.add_question(ctx, sid, "Anh/chị có biết xã đang xây dựng nông thôn mới nâng cao không?", "single",
                    ["Có", "Không"])
    qn.add_question(ctx, sid, "Anh/chị biết qua những kênh nào?", "multiple",
                    ["Họp ấp", "Loa truyền thanh", "Zalo của ấp", "Cán bộ đến nhà"], skip=SkipRule(1, 1))
    qn.add_question(ctx, sid, "Anh/chị hài lòng ở mức nào với đường giao thông, chiếu sáng nơi mình sống?", "likert")
    qn.add_question(ctx, sid, "Hộ anh/chị có bao nhiêu người?", "number", required_=False)
    qn.add_question(ctx, sid, "Đề xuất của anh/chị", "text", required_=False)
    qn.update_survey(ctx, sid, status="open")
    return sid


def populate(ctx: Ctx, rng: random.Random, today: date) -> None:
    recipient = ensure_keys(ctx).age_recipient
    office = get_office(ctx).unit_code
    sid = _survey(ctx, today)
    qhash = structure_hash(qn.load(ctx, sid))
    codes = [u.code for u in areas(ctx)]
    arrivals = []
    for n in range(36):
        knows = rng.random() < 0.8
        answers: dict = {"1": 1 if knows else 2, "3": rng.choices([1, 2, 3, 4, 5], [5, 12, 25, 38, 20])[0]}
        if knows:
            answers["2"] = sorted(rng.sample([1, 2, 3, 4], rng.randint(1, 3)))
        if rng.random() < 0.6:
            answers["4"] = rng.randint(1, 8)
        if rng.random() < 0.3:
            answers["5"] = rng.choice(IDEAS)
        profile = {"area_code": rng.choice(codes) if codes else None, "gender": rng.choice(["male", "female"]),
                   "age_band": rng.choice(["18-29", "30-44", "45-59", "60+"])}
        payload = {"v": 1, "kind": "survey", "office": office, "survey": sid, "qhash": qhash,
                   "rid": f"{rng.getrandbits(128):032x}", "profile": profile, "answers": answers}
        arrivals.append((f"phieu-{n + 1:02d}.age", _seal(recipient, payload)))
    receive.receive_many(ctx, arrivals[:24], channel="email")
    receive.receive_many(ctx, arrivals[24:], channel="online")
    people = list_collaborators(ctx, CollaboratorFilter(status="active"))[:len(REPORTS)]
    for person, report in zip(people, REPORTS, strict=False):
        with ctx.transaction():
            token = tokens.issue(ctx, person.id)
        items = [{"summary": s, "field": f, "tendency": t, "area_code": person.area_code if person.area_code in codes
                  else None, "scale": sc, "proposal": None} for s, f, t, sc in report]
        payload = {"v": 1, "kind": "report", "office": office, "token": token, "rid": f"{rng.getrandbits(128):032x}",
                   "items": items}
        receive.receive_many(ctx, [("baocao.age", _seal(recipient, payload))], channel="email")
