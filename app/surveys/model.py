"""Pure data model of a questionnaire and a response (no database, no Qt).

The database layer loads into these dataclasses and the entry, import and tabulation
code works on them only, so every rule is testable without a store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Question kinds: code -> Vietnamese label.
KINDS: dict[str, str] = {
    "single": "Chọn một",
    "multiple": "Chọn nhiều",
    "likert": "Thang đo 5 mức",
    "number": "Số",
    "text": "Trả lời ngắn",
}

LIKERT_LABELS: tuple[str, ...] = (
    "Hoàn toàn không đồng ý",
    "Không đồng ý",
    "Phân vân",
    "Đồng ý",
    "Hoàn toàn đồng ý",
)

# Respondent profile: the only facts kept about a person. No name, phone or address,
# by design: responses are anonymous.
AGE_BANDS: dict[str, str] = {
    "18-29": "18–29 tuổi",
    "30-44": "30–44 tuổi",
    "45-59": "45–59 tuổi",
    "60+": "Từ 60 tuổi trở lên",
}
# Labels an older DLXH wrote for a band, still read from survey files ("Từ 60 tuổi" was half a
# phrase in a report's tables).
AGE_BAND_ALIASES: dict[str, str] = {"60+": "Từ 60 tuổi"}

PROFILE_FIELDS: dict[str, str] = {
    "stratum": "Giai tầng",
    "area_code": "Địa bàn",
    "age_band": "Độ tuổi",
    "gender": "Giới tính",
}

Answer = int | tuple[int, ...] | float | str


def age_band_for(age: int) -> str | None:
    """The band an age in years falls into; None under 18 (not surveyed)."""
    if age < 18:
        return None
    if age < 30:
        return "18-29"
    if age < 45:
        return "30-44"
    if age < 60:
        return "45-59"
    return "60+"


@dataclass(frozen=True)
class SkipRule:
    """Ask this question only if question `question_no` was answered with option `option_no`.

    For a multiple-choice controller the option only has to be among those ticked.
    """

    question_no: int
    option_no: int

    def describe(self) -> str:
        return f"Chỉ hỏi nếu câu {self.question_no} = {self.option_no}"


@dataclass
class Question:
    no: int  # 1-based order shown on the form
    text: str
    kind: str = "single"
    options: list[str] = field(default_factory=list)  # option 1 is options[0]
    required: bool = True
    skip: SkipRule | None = None
    id: str | None = None
    option_ids: list[str] = field(default_factory=list)

    @property
    def choices(self) -> list[str]:
        """Labels a respondent picks from: the options, or the five Likert levels."""
        if self.kind == "likert":
            return list(self.options) if len(self.options) == 5 else list(LIKERT_LABELS)
        return list(self.options)

    @property
    def has_choices(self) -> bool:
        return self.kind in ("single", "multiple", "likert")


@dataclass
class Questionnaire:
    title: str
    questions: list[Question] = field(default_factory=list)
    id: str | None = None

    def question(self, no: int) -> Question:
        for q in self.questions:
            if q.no == no:
                return q
        raise KeyError(no)

    def numbers(self) -> list[int]:
        return [q.no for q in self.questions]


@dataclass(slots=True)
class Response:
    """One completed form: the anonymous profile and the answers by question number (slots: a
    tabulation holds a million of them)."""

    stratum: str | None = None
    area_code: str | None = None
    age_band: str | None = None
    gender: str | None = None
    answers: dict[int, Answer] = field(default_factory=dict)
    form_no: str | None = None  # the number written on the paper form, for double entry
    id: str | None = None

    def profile(self) -> dict[str, str | None]:
        return {k: getattr(self, k) for k in PROFILE_FIELDS}
