"""Building a survey in a real store for the tests (no mocks: the SQLCipher store itself)."""

from __future__ import annotations

from app.context import Ctx
from app.office import add_unit, get_office
from app.surveys import questionnaire as qn
from app.surveys.model import SkipRule

COMMUNES = {"T01": ("Xã Tân An", 6000), "T02": ("Xã Tân Bình", 3000), "T03": ("Thị trấn Tân Lập", 1000)}


def add_communes(ctx: Ctx) -> None:
    parent = get_office(ctx).unit_code
    for code, (name, pop) in COMMUNES.items():
        add_unit(ctx, code, name, "commune", parent, population=pop, adults=pop)


def build_survey(ctx: Ctx) -> str:
    """The questionnaire of tests/surveys/conftest.py, stored."""
    sid = qn.create_survey(ctx, "Thăm dò về sắp xếp thôn, tổ dân phố", "Nắm dư luận trước khi sắp xếp",
                           "paper", "01/11/2026", "20/11/2026")
    qn.add_question(ctx, sid, "Anh/chị có biết chủ trương sắp xếp thôn, tổ dân phố không?", "single",
                    ["Có", "Không"])
    qn.add_question(ctx, sid, "Anh/chị biết qua kênh nào?", "multiple",
                    ["Ti vi, đài", "Báo in", "Loa truyền thanh", "Họp thôn", "Mạng xã hội"], skip=SkipRule(1, 1))
    qn.add_question(ctx, sid, "Mức độ đồng tình với chủ trương", "likert")
    qn.add_question(ctx, sid, "Số người trong hộ", "number", required_=False)
    qn.add_question(ctx, sid, "Kiến nghị của anh/chị", "text", required_=False)
    qn.add_question(ctx, sid, "Thông tin trên mạng xã hội có đáng tin không?", "single", ["Có", "Không", "Không rõ"],
                    skip=SkipRule(2, 5))
    return sid
