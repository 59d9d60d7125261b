"""A small questionnaire shared by the survey tests (pure model, no store)."""

from __future__ import annotations

import pytest

from app.surveys.model import Question, Questionnaire, SkipRule


def sample_questionnaire() -> Questionnaire:
    return Questionnaire("Thăm dò về sắp xếp thôn, tổ dân phố", [
        Question(1, "Anh/chị có biết chủ trương sắp xếp thôn, tổ dân phố không?", "single", ["Có", "Không"]),
        Question(2, "Anh/chị biết qua kênh nào?", "multiple",
                 ["Ti vi, đài", "Báo in", "Loa truyền thanh", "Họp thôn", "Mạng xã hội"], skip=SkipRule(1, 1)),
        Question(3, "Mức độ đồng tình với chủ trương", "likert"),
        Question(4, "Số người trong hộ", "number", required=False),
        Question(5, "Kiến nghị của anh/chị", "text", required=False),
        Question(6, "Thông tin trên mạng xã hội có đáng tin không?", "single", ["Có", "Không", "Không rõ"],
                 skip=SkipRule(2, 5)),
    ])


@pytest.fixture
def questionnaire() -> Questionnaire:
    return sample_questionnaire()
