"""`dlxh forms import`: responses come home. Each response is decrypted, checked (this office,
a survey still collecting whose questions have not changed, or a valid collaborator token,
every answer by the questionnaire's rules) and stored whole or not at all; one already
imported is a no-op; a refused one leaves one Vietnamese line and nothing written.

Survey answers become survey responses (channel "email" for a file or pasted text, "online"
for a served form); collaborators' items wait in the opinion inbox (app/forms/inbox.py).
A batch runs in one transaction with a savepoint per response, so 1,000 responses cost one
commit and a refused one undoes only itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app import auth, catalog, filekinds
from app.context import Ctx
from app.errors import DlxhError, ImportRefused, NotFoundError
from app.exchange.keys import ensure_keys
from app.forms import sealed, tokens
from app.forms.payload import ReportPayload, SurveyPayload, parse
from app.forms.survey_form import structure_hash
from app.ids import utc_now, uuid7
from app.office import areas, get_office
from app.surveys import entry, responses
from app.surveys import questionnaire as qn
from app.surveys.model import Questionnaire, Response

MAX_TEXT_INPUT = 16 * 1024 * 1024  # pasted text or a saved chat with many responses


@dataclass(frozen=True)
class Outcome:
    source: str
    status: str  # imported | already | refused
    message: str
    kind: str | None = None  # survey | report
    items: int = 0  # opinion items put in the inbox (reports)

    def line(self) -> str:
        return f"{self.source}: {self.message}"


class _Session:
    """What a batch looks up once: the identity, the office, its areas, loaded questionnaires."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.identity = ensure_keys(ctx).age_identity
        self.office = get_office(ctx).unit_code
        self.area_codes = {u.code for u in areas(ctx)}
        self.questionnaires: dict[str, Questionnaire] = {}

    def questionnaire(self, survey_id: str) -> Questionnaire:
        if survey_id not in self.questionnaires:
            try:
                survey = qn.get_survey(self.ctx, survey_id)
            except NotFoundError:
                raise ImportRefused("Phiếu của một cuộc điều tra không có ở đơn vị này: không nhập.") from None
            if survey.status == "closed":
                raise ImportRefused("Cuộc điều tra đã kết thúc: không nhận thêm phiếu.")
            self.questionnaires[survey_id] = qn.load(self.ctx, survey_id)
        return self.questionnaires[survey_id]


def _store_survey(s: _Session, p: SurveyPayload, channel: str) -> Outcome:
    questionnaire = s.questionnaire(p.survey_id)
    if p.qhash != structure_hash(questionnaire):
        raise ImportRefused("Phiếu được làm từ bộ câu hỏi cũ (phiếu hỏi đã thay đổi sau khi phát): không nhập.")
    response = Response(answers=p.answers, **{k: p.profile.get(k) for k in ("stratum", "area_code", "age_band",
                                                                          "gender")})
    try:
        entry.validate(questionnaire, response, s.area_codes or None)
    except entry.ResponseInvalid as exc:
        raise ImportRefused(f"Phiếu không hợp lệ ({exc.message}): không nhập.") from None
    responses.save_many(s.ctx, questionnaire, [response], channel, date.today().isoformat())
    return Outcome("", "imported", f"đã nhập phiếu điều tra “{questionnaire.title}”.", "survey")


def _item_problem(item: dict, codes: set[str]) -> str | None:
    if not item["summary"]:
        return "thiếu nội dung"
    for key, options in (("field", catalog.FIELDS), ("tendency", catalog.TENDENCIES), ("scale", catalog.SCALES)):
        if item[key] not in options:
            return f"{key} không hợp lệ"
    if item["area_code"] is not None and item["area_code"] not in codes:
        return "địa bàn không có trong danh mục"
    return None


def _store_report(s: _Session, p: ReportPayload, channel: str, digest: str, collaborator_id: str) -> Outcome:
    for n, item in enumerate(p.items, start=1):
        problem = _item_problem(item, s.area_codes)
        if problem:
            raise ImportRefused(f"Ý kiến {n} trong phiếu không hợp lệ ({problem}): không nhập phiếu.")
    today = date.today().isoformat()
    s.ctx.db.conn.executemany(
        "INSERT INTO opinion_inbox (id, receipt_sha256, collaborator_id, received_on, channel, summary, field, "
        "tendency, area_code, scale, proposal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [[uuid7(), digest, collaborator_id, today, channel, i["summary"], i["field"], i["tendency"], i["area_code"],
          i["scale"], i["proposal"]] for i in p.items])
    return Outcome("", "imported", f"đã nhận {len(p.items)} ý kiến của cộng tác viên, chờ duyệt.", "report",
                   len(p.items))


def _one(s: _Session, block: bytes, channel: str) -> Outcome:
    data = sealed.open_sealed(block, s.identity)
    digest = hashlib.sha256(data).hexdigest()
    if s.ctx.db.execute("SELECT 1 FROM form_receipts WHERE payload_sha256 = ?", [digest]).fetchone():
        return Outcome("", "already", "phiếu này đã nhập trước đây, bỏ qua.")
    payload = parse(data)
    if payload.office != s.office:
        raise ImportRefused("Phiếu này làm cho đơn vị khác: không nhập.")
    with s.ctx.transaction():
        if isinstance(payload, SurveyPayload):
            outcome = _store_survey(s, payload, channel)
            survey_id, collaborator_id = payload.survey_id, None
        else:
            survey_id, collaborator_id = None, tokens.collaborator_of(s.ctx, payload.token)
            outcome = _store_report(s, payload, channel, digest, collaborator_id)
        s.ctx.db.execute("INSERT INTO form_receipts (payload_sha256, kind, survey_id, collaborator_id, channel, "
                         "imported_at) VALUES (?, ?, ?, ?, ?, ?)",
                         [digest, outcome.kind, survey_id, collaborator_id, channel, utc_now()])
    return outcome


def receive_many(ctx: Ctx, arrivals: Iterable[tuple[str, bytes | DlxhError]], channel: str = "email") -> list[Outcome]:
    """Import (source label, bytes) arrivals; one Outcome per response found, in order. An
    arrival that is already a refusal (a file that could not be read) is reported as such."""
    auth.require(ctx, "import")
    s = _Session(ctx)
    outcomes: list[Outcome] = []
    with ctx.transaction():
        for source, data in arrivals:
            if isinstance(data, DlxhError):
                outcomes.append(Outcome(source, "refused", data.message))
                continue
            try:
                found = sealed.blocks(data)
            except DlxhError as exc:
                outcomes.append(Outcome(source, "refused", exc.message))
                continue
            for n, block in enumerate(found, start=1):
                label = source if len(found) == 1 else f"{source} (phiếu {n})"
                try:
                    outcome = _one(s, block, channel)
                except DlxhError as exc:
                    outcomes.append(Outcome(label, "refused", exc.message))
                else:
                    outcomes.append(Outcome(label, outcome.status, outcome.message, outcome.kind, outcome.items))
    return outcomes


def _read(path: Path) -> bytes:
    """A response file, capped whatever size it reports (a FIFO or /dev/zero is refused, not read)."""
    size = path.stat().st_size if path.is_file() else 0
    if size > MAX_TEXT_INPUT:
        raise sealed.too_large(size)
    return filekinds.read_capped(path, MAX_TEXT_INPUT, sealed.too_large(MAX_TEXT_INPUT + 1024).message, "tệp phiếu")


def _read_or_refusal(path: Path) -> bytes | DlxhError:
    """One unreadable file (missing, a FIFO, too large) is a refused line, not the end of the batch."""
    try:
        return _read(path)
    except DlxhError as exc:
        return exc


def _looks_sealed(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    return head.startswith(sealed.MAGIC) or b"BEGIN AGE ENCRYPTED FILE" in head


def arrivals_from(paths: list[str], stdin: bytes | None = None) -> tuple[list[tuple[str, bytes | DlxhError]], int]:
    """(source, bytes) for each named file, each response-looking file of a named folder, and
    `-` (pasted text); plus how many files of the folders were not responses (skipped)."""
    found: list[tuple[str, bytes | DlxhError]] = []
    skipped = 0
    for raw in paths:
        if raw == "-":
            found.append(("nội dung dán vào", stdin or b""))
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _looks_sealed(child):
                    found.append((child.name, _read_or_refusal(child)))
                else:
                    skipped += 1
        else:
            found.append((path.name, _read_or_refusal(path)))
    return found, skipped


def count_by_channel(ctx: Ctx, survey_id: str) -> dict[str, int]:
    rows = ctx.db.execute("SELECT channel, count(*) FROM survey_responses WHERE survey_id = ? GROUP BY channel",
                          [survey_id]).fetchall()
    return {r[0]: r[1] for r in rows}
