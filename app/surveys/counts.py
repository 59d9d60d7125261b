"""A survey's responses read from the store as grouped counts, never as a list of responses.

Contract: `read(ctx, questionnaire)` returns `SurveyCounts`: the respondents per profile
(stratum, area, age band, gender) and, per question, the respondents per (profile, answer),
where an answer is an option number, the tuple of options ticked in a multiple choice, or a
number; text questions give their count and most frequent answers (all of them on request,
for the Excel export). Everything a tabulation prints (weighted or not) is a sum over these
groups, so memory is bounded by the number of distinct groups, not of responses.

Why the rows are counted in Python (collections.Counter, in C, as the cursor yields them) and not
with SQL GROUP BY: SQLite has no hash aggregation, its GROUP BY sorts every row first, and
SQLCipher keeps that sort in memory. Measured at 1,000,000 responses: GROUP BY 12.6 s and 306 MiB
peak, counting the cursor 5.8 s and 122 MiB (mostly the page cache).

Answers are as the app writes them (responses._answer_rows): one row per answered single,
Likert, number or text question, one row per ticked option of a multiple choice.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from app.context import Ctx
from app.surveys.model import Questionnaire
from app.text import fold

TOP_TEXTS = 5  # most frequent text answers kept: those the report quotes


class Profile(NamedTuple):
    """What is known of a respondent (all a weight or a group of a cross-tab depends on)."""

    stratum: str | None
    area_code: str | None
    age_band: str | None
    gender: str | None


@dataclass
class TextAnswers:
    count: int = 0
    common: list[str] = field(default_factory=list)  # up to TOP_TEXTS, most frequent first
    all: list[str] | None = None  # every answer in the order keyed, only when asked for


@dataclass
class SurveyCounts:
    profiles: dict[Profile, int]
    answers: dict[int, dict[tuple[Profile, Any], int]]  # question no -> (profile, answer) -> respondents
    texts: dict[int, TextAnswers]

    @property
    def n(self) -> int:
        return sum(self.profiles.values())


def profiles(ctx: Ctx, survey_id: str) -> dict[Profile, int]:
    """Respondents per profile."""
    rows = Counter(ctx.db.execute("SELECT stratum, area_code, age_band, gender FROM survey_responses "
                                  "WHERE survey_id = ?", [survey_id]))
    return {Profile(*key): n for key, n in rows.items()}


def _answer_sql(numbers: list[str], multiples: list[str]) -> str:
    """One pass over the survey's answers, each with its respondent's profile. The CROSS JOIN keeps
    the responses as the outer loop (the survey's index), the answers found by response. A
    multiple choice gives its options (in order, "2,4") on its first row and NULL on the others,
    so it counts once per respondent; its options are looked up by response ("+" keeps SQLite
    from scanning the whole question's answers through the question index for each form)."""
    which = "CASE a.question_id " + " ".join(f"WHEN ? THEN {i}" for i in range(len(numbers))) + " END"
    answer = "a.option_no"
    if multiples:
        answer = (f"CASE WHEN a.question_id NOT IN ({', '.join('?' * len(multiples))}) THEN a.option_no "
                  "WHEN EXISTS (SELECT 1 FROM survey_answers b WHERE b.response_id = a.response_id "
                  "AND b.question_id = a.question_id AND b.rowid < a.rowid) THEN NULL "
                  "ELSE (SELECT group_concat(option_no) FROM (SELECT c.option_no FROM survey_answers c "
                  "WHERE c.response_id = a.response_id AND +c.question_id = a.question_id ORDER BY c.option_no)) END")
    return (f"SELECT r.stratum, r.area_code, r.age_band, r.gender, {which}, {answer}, a.value_num "
            "FROM survey_responses r CROSS JOIN survey_answers a ON a.response_id = r.id "
            "WHERE r.survey_id = ? AND (a.option_no IS NOT NULL OR a.value_num IS NOT NULL)")


def _answers(ctx: Ctx, questionnaire: Questionnaire) -> dict[int, dict[tuple[Profile, Any], int]]:
    asked = [q for q in questionnaire.questions if q.kind != "text"]
    out: dict[int, dict[tuple[Profile, Any], int]] = {q.no: {} for q in asked}
    if not asked:
        return out
    multiples = [q.id for q in asked if q.kind == "multiple"]
    sql = _answer_sql([q.id for q in asked], multiples)  # type: ignore[misc]
    rows = Counter(ctx.db.execute(sql, [*(q.id for q in asked), *multiples, questionnaire.id]))
    for (stratum, area, age, gender, i, option, number), n in rows.items():
        if i is None:
            continue  # an answer to a question no longer in the questionnaire
        q = asked[i]
        if q.kind == "number":
            answer: Any = float(number)
        elif q.kind == "multiple":
            if option is None:
                continue  # not the first row of its respondent's options
            answer = tuple(int(v) for v in str(option).split(","))
        else:
            answer = option
        key = (Profile(stratum, area, age, gender), answer)
        out[q.no][key] = out[q.no].get(key, 0) + n
    return out


def _texts(ctx: Ctx, question_id: str, keep_all: bool) -> TextAnswers:
    """Answers in the order of their forms; the most frequent compared without accents, case or
    final full stop, each quoted as first written, ties in the order first met."""
    found = TextAnswers(all=[] if keep_all else None)
    seen: dict[str, list] = {}  # folded text -> [count, first text]
    for (text,) in ctx.db.execute("SELECT value_text FROM survey_answers WHERE question_id = ? "
                                  "AND value_text IS NOT NULL ORDER BY response_id", [question_id]):
        found.count += 1
        if found.all is not None:
            found.all.append(text)
        entry = seen.setdefault(fold(text).strip(" ."), [0, text])
        entry[0] += 1
    found.common = [t for _, t in sorted(seen.values(), key=lambda e: -e[0])[:TOP_TEXTS]]
    return found


def read(ctx: Ctx, questionnaire: Questionnaire, texts: bool = False) -> SurveyCounts:
    """The survey's counts; `texts` keeps every text answer too (the Excel export lists them)."""
    return SurveyCounts(profiles(ctx, questionnaire.id), _answers(ctx, questionnaire),  # type: ignore[arg-type]
                        {q.no: _texts(ctx, q.id, texts) for q in questionnaire.questions  # type: ignore[arg-type]
                         if q.kind == "text"})
