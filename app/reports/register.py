"""The report register: numbers per type over the term, the status flow with role checks,
rendering and signing, new versions of signed reports, and on-time/late.

draft → submitted → approved → signed → sent, by the one table in app/reports/transitions.py
(approving and signing need the head's role; a signed report is frozen and editing it starts
a new version). The number
is given when the report is signed (or typed earlier by the clerk, and changeable until it
is signed), in the same transaction as the signature and the status change: a signature
that fails leaves the number unused.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime

from app import audit, records
from app.context import Ctx
from app.errors import ValidationError
from app.reports import figures_check, numbering, store, transitions

# The renderers (python-docx, reportlab) cost ~0.4 s to import; the register is also used by
# the Overview at start-up, so they are imported where a document is actually rendered.


def next_number(ctx: Ctx, doc_code: str = "BC", on: date | None = None) -> int:
    """The number to propose: one more than the highest of this type in the term of `on`."""
    return numbering.next_number(ctx, doc_code, on)


def set_number(ctx: Ctx, report_id: str, number: int, issued_on: date | None = None) -> store.Report:
    """Give the report its number (and issue date) before it is signed; a number already used
    in the term is refused. The new numbering travels to the province with the next package."""
    report = transitions.load(ctx, report_id, "number")
    issued = issued_on or (date.fromisoformat(report.issued_on) if report.issued_on else date.today())
    with ctx.transaction():
        term = numbering.check_free(ctx, report_id, report.doc_code, number, issued)
        records.update(ctx, "reports", report_id,
                       {"number": number, "number_year": term.key, "issued_on": issued.isoformat()},
                       action="number")
    return store.get(ctx, report_id)


def _move(ctx: Ctx, report: store.Report, action: str, extra: dict | None = None) -> store.Report:
    status = transitions.RULES[action].target
    assert status, action  # only the actions that move a report come here
    records.update(ctx, "reports", report.id, {"status": status, **(extra or {})}, action=f"status:{status}")
    return store.get(ctx, report.id)


def submit(ctx: Ctx, report_id: str) -> store.Report:
    report = transitions.load(ctx, report_id, "submit")
    return _move(ctx, report, "submit", {"submitted_on": date.today().isoformat()})


def approve(ctx: Ctx, report_id: str) -> store.Report:
    report = transitions.load(ctx, report_id, "approve")
    return _move(ctx, report, "approve", {"approved_on": date.today().isoformat()})


def return_to_draft(ctx: Ctx, report_id: str) -> store.Report:
    """The head sends a submitted or approved report back for changes."""
    report = transitions.load(ctx, report_id, "return")
    return _move(ctx, report, "return", {"approved_on": None})


def render_files(ctx: Ctx, report_id: str, today: date | None = None) -> tuple[bytes, bytes]:
    """(docx, pdf) of the report as it stands; a signed report gives its signed PDF."""
    from app.reports.compose import document_for

    report = store.get(ctx, report_id)
    doc = document_for(ctx, report, today)
    signed = store.get_file(ctx, report_id, "signed_pdf") if report.status in store.FROZEN else None
    docx = store.get_file(ctx, report_id, "docx") if signed else None
    from app.reports.render_docx import render_docx
    from app.reports.render_pdf import render_pdf

    if docx and signed:
        return docx, signed
    scales: list[float] = []
    pdf = render_pdf(doc, scales)     # the DOCX places its charts at the scales the PDF found
    return render_docx(doc, scales), signed or pdf


def sign(ctx: Ctx, report_id: str, signer=None, progress=None, signer_name: str | None = None,
         figures_confirmed: bool = False) -> store.Report:
    """Render the approved report with its number, sign the PDF (office certificate, or a token
    signer), and only then, in one transaction, record number, signer, files and the status.
    `signer_name`: the person signing, when the draft did not name one (defaults: settings,
    then the signed-in head). When the data changed since drafting, signing raises
    figures_check.FiguresChanged unless `figures_confirmed` (the signer saw what changed)."""
    from app import office
    from app.reports import signing
    from app.reports.document import signer_title
    from app.reports.signer import signing_name

    report = transitions.load(ctx, report_id, "sign")
    moved = figures_check.changes(ctx, report)
    if moved and not figures_confirmed:
        raise figures_check.FiguresChanged(moved)
    name = signing_name(ctx, report.signer_name, signer_name)
    if not name:
        raise ValidationError("Chưa có họ tên người ký; hãy nhập người ký trước khi ký số.")
    issued = date.fromisoformat(report.issued_on) if report.issued_on else date.today()
    number = report.number or next_number(ctx, report.doc_code, issued)
    term = numbering.check_free(ctx, report_id, report.doc_code, number, issued)
    title = signer_title(office.get_office(ctx).body_name, report.signer_mode)
    report.signer_name, report.number, report.issued_on = name, number, issued.isoformat()
    from app.reports.compose import document_for

    doc = document_for(ctx, report)
    if progress:
        progress(1, 4)
    from app.reports.render_docx import render_docx
    from app.reports.render_pdf import render_pdf_anchored

    scales: list[float] = []
    pdf, anchors = render_pdf_anchored(doc, scales)
    docx = render_docx(doc, scales)
    if progress:
        progress(2, 4)
    signed = signing.sign_pdf(ctx, pdf, anchors[0] if anchors else None, name, title, signer=signer)
    if progress:
        progress(3, 4)
    with ctx.transaction():
        numbering.check_free(ctx, report_id, report.doc_code, number, issued)
        store.put_file(ctx, report_id, "docx", docx)
        store.put_file(ctx, report_id, "signed_pdf", signed)
        report = _move(ctx, report, "sign", {
            "number": number, "number_year": term.key, "issued_on": issued.isoformat(), "signer_name": name,
            "signer_title": title, "pdf_sha256": hashlib.sha256(signed).hexdigest(),
            "signed_at": datetime.now(UTC).isoformat(timespec="seconds")})
    if progress:
        progress(4, 4)
    return report


def mark_sent(ctx: Ctx, report_id: str, sent_on: date | None = None) -> store.Report:
    report = transitions.load(ctx, report_id, "send")
    return _move(ctx, report, "send", {"sent_on": (sent_on or date.today()).isoformat()})


def new_version(ctx: Ctx, report_id: str) -> store.Report:
    """A signed report stays as it was issued; changes go into a new draft that supersedes it."""
    old = transitions.load(ctx, report_id, "version")
    copy = store.Report(kind=old.kind, period_start=old.period_start, period_end=old.period_end, title=old.title,
                        sections=old.sections, recipients=old.recipients, due_on=old.due_on,
                        signer_name=old.signer_name, signer_title=old.signer_title, doc_code=old.doc_code,
                        confidentiality=old.confidentiality, signer_mode=old.signer_mode, supersedes=old.id,
                        survey_id=old.survey_id, survey_weight=old.survey_weight)
    new = store.create(ctx, copy)
    audit.record(ctx, "new_version", "reports", new.id, {"supersedes": old.id})
    return new


def update_details(ctx: Ctx, report_id: str, *, title: str | None = None, recipients: list[str] | None = None,
                   signer_name: str | None = None, signer_mode: str | None = None,
                   confidentiality: str | None = None) -> store.Report:
    """Edit the register fields of a draft (subject, recipients, signer, mark)."""
    from app import office
    from app.reports.document import signer_title, valid_mark

    report = transitions.load(ctx, report_id, "edit")
    if title is not None:
        if not title.strip():
            raise ValidationError("Trích yếu báo cáo không được để trống.")
        report.title = title.strip()
    if recipients is not None:
        report.recipients = [r.strip() for r in recipients if r.strip()]
    if signer_name is not None:
        report.signer_name = signer_name.strip()
    if signer_mode is not None:
        if signer_mode not in ("tm", "kt"):
            raise ValidationError("Hình thức ký phải là T/M hoặc K/T.")
        report.signer_mode = signer_mode
        report.signer_title = signer_title(office.get_office(ctx).body_name, signer_mode)
    if confidentiality is not None:
        if not valid_mark(confidentiality):
            raise ValidationError("Độ mật, độ khẩn không hợp lệ.")
        report.confidentiality = confidentiality
    return store.save(ctx, report)


@dataclass(frozen=True)
class Deadline:
    code: str  # on_time | late | pending | overdue | none
    label: str


def deadline(report: store.Report, today: date | None = None) -> Deadline:
    """On time / late once sent; pending / overdue before that."""
    if not report.due_on:
        return Deadline("none", "Không có hạn")
    due = date.fromisoformat(report.due_on)
    if report.sent_on:
        sent = date.fromisoformat(report.sent_on)
        return Deadline("on_time", "Đúng hạn") if sent <= due else Deadline("late", f"Trễ {(sent - due).days} ngày")
    today = today or date.today()
    if today > due:
        return Deadline("overdue", f"Quá hạn {(today - due).days} ngày")
    return Deadline("pending", f"Còn {(due - today).days} ngày")
