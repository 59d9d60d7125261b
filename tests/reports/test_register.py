"""Register: numbering over the term, status flow with role checks, signing, deadlines."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.context import User
from app.errors import PermissionDenied, ValidationError
from app.reports import draft, register, signing, store


@pytest.fixture
def report(empty_ctx):
    return draft.draft_report(empty_ctx, "monthly", date(2026, 9, 1))


def test_numbers_count_over_the_term_not_the_year(empty_ctx, report):
    assert register.next_number(empty_ctx, "BC", date(2026, 1, 5)) == 1
    register.set_number(empty_ctx, report.id, 15, date(2026, 10, 5))
    assert register.next_number(empty_ctx, "BC", date(2026, 11, 1)) == 16
    assert register.next_number(empty_ctx, "BB", date(2026, 11, 1)) == 1
    assert register.next_number(empty_ctx, "BC", date(2027, 1, 2)) == 16  # same term 2025–2030: no restart
    assert register.next_number(empty_ctx, "BC", date(2030, 7, 1)) == 1  # the next term starts at 01
    other = draft.draft_report(empty_ctx, "monthly", date(2026, 10, 1))
    with pytest.raises(ValidationError, match="nhiệm kỳ 2025–2030 đã được dùng.*đề xuất số 16"):
        register.set_number(empty_ctx, other.id, 15, date(2027, 1, 5))
    numbered = register.set_number(empty_ctx, other.id, 15, date(2030, 8, 5))
    assert numbered.number_year == 203007  # the series of the term from 1/7/2030


def test_term_start_is_a_setting_and_old_yearly_numbers_still_count(empty_ctx, report):
    from app import records
    from app.reports import report_settings

    # a number given by the previous release: number_year was the calendar year
    records.update(empty_ctx, "reports", report.id, {"number": 7, "number_year": 2026, "issued_on": "2026-03-02"})
    assert register.next_number(empty_ctx, "BC", date(2026, 9, 1)) == 8
    report_settings.save_settings(empty_ctx, {"term_start": "2026-06-01"})
    assert register.next_number(empty_ctx, "BC", date(2026, 9, 1)) == 1  # a new term began on 1/6/2026
    report_settings.save_settings(empty_ctx, {"term_start": "1/7/2026"})   # typed as every date is: dd/mm/yyyy
    assert report_settings.setting(empty_ctx, "term_start") == "2026-07-01"
    with pytest.raises(ValidationError, match="Ngày bắt đầu nhiệm kỳ không đúng định dạng ngày"):
        report_settings.save_settings(empty_ctx, {"term_start": "đầu nhiệm kỳ"})
    with pytest.raises(ValidationError, match="ngày 31/06/2026 không có"):
        report_settings.save_settings(empty_ctx, {"term_start": "31/06/2026"})


def test_failed_signature_leaves_the_number_unused(empty_ctx, report):
    head = replace(empty_ctx, user=User("tb", "head", "Nguyễn Văn An"))
    register.submit(head, report.id)
    register.approve(head, report.id)

    class BrokenToken:
        """A USB token that fails while signing."""

        def __getattr__(self, name):
            raise RuntimeError("token rút ra giữa chừng")

    with pytest.raises(Exception):  # noqa: B017 - any failure of the token
        register.sign(head, report.id, signer=BrokenToken())
    after = store.get(empty_ctx, report.id)
    assert after.status == "approved" and after.number is None and after.issued_on is None
    assert store.get_file(empty_ctx, report.id, "signed_pdf") is None
    assert register.next_number(empty_ctx, "BC", date.today()) == 1
    signed = register.sign(head, report.id)
    assert signed.number == 1 and signed.status == "signed" and signed.signer_title == "Trưởng ban"


def test_flow_with_roles(empty_ctx, report):
    staff = replace(empty_ctx, user=User("nv", "staff", "Nhân viên"))
    head = replace(empty_ctx, user=User("tb", "head", "Nguyễn Văn An"))
    submitted = register.submit(staff, report.id)
    assert submitted.status == "submitted" and submitted.number is None  # numbered when signed
    with pytest.raises(ValidationError):
        draft.edit_section(staff, report.id, "forecast", "x")
    with pytest.raises(PermissionDenied):
        register.approve(staff, report.id)
    register.approve(head, report.id)
    with pytest.raises(PermissionDenied):
        register.sign(staff, report.id)
    signed = register.sign(head, report.id)
    assert signed.status == "signed" and signed.signer_name == "Nguyễn Văn An" and signed.pdf_sha256
    assert signed.number == 1
    pdf = store.get_file(empty_ctx, report.id, "signed_pdf")
    assert signing.verify_pdf(empty_ctx, pdf).valid
    docx, rendered = register.render_files(empty_ctx, report.id)
    assert rendered == pdf and docx[:2] == b"PK"
    sent = register.mark_sent(staff, report.id, date(2026, 10, 19))
    assert register.deadline(sent).code == "on_time"


def test_return_to_draft_and_deadlines(empty_ctx, report):
    register.submit(empty_ctx, report.id)
    back = register.return_to_draft(empty_ctx, report.id)
    assert back.status == "draft"
    assert register.deadline(back, date(2026, 10, 21)).label == "Quá hạn 1 ngày"
    assert register.deadline(back, date(2026, 10, 18)).label == "Còn 2 ngày"
    late = replace(back, sent_on="2026-10-23")
    assert register.deadline(late).label == "Trễ 3 ngày"
    with pytest.raises(ValidationError):
        register.sign(empty_ctx, report.id)


def test_details_and_mark(empty_ctx, report):
    changed = register.update_details(empty_ctx, report.id, signer_mode="kt", confidentiality="tuyet_mat,thuong_khan",
                                      recipients=["Thường trực Huyện ủy", " ", "Lưu VT"])
    assert changed.signer_title == "Phó Trưởng ban" and changed.recipients == ["Thường trực Huyện ủy", "Lưu VT"]
    from app.reports.compose import document_for

    doc = document_for(empty_ctx, changed)
    assert doc.header.mark == "TUYỆT MẬT\nTHƯỢNG KHẨN" and doc.signatures[0].authority == "K/T TRƯỞNG BAN"
    assert doc.header.number == "Số      -BC/BTGHU"  # a draft: the number left blank to write by hand
    with pytest.raises(ValidationError):
        register.update_details(empty_ctx, report.id, confidentiality="mat,toi_mat")
    with pytest.raises(ValidationError):
        register.update_details(empty_ctx, report.id, title="  ")


def test_overview_card(demo_ctx):
    from app.overview_cards import reports as card_module

    today = date.today()
    card = card_module.cards(demo_ctx, today)[0]
    period, due = card_module.next_monthly(demo_ctx, today)
    assert card.rows[0][0] == f"Báo cáo {period.label}" and due.day == 20
    overdue = [r for r in store.list_reports(demo_ctx) if register.deadline(r, today).code == "overdue"]
    assert len([row for row in card.rows if row[0].startswith("Chưa gửi")]) == min(len(overdue), 5)
    assert any(row[0].startswith("Gửi trễ hạn") for row in card.rows) == (
        any(register.deadline(r).code == "late" and r.sent_on[:4] == str(today.year)
            for r in store.list_reports(demo_ctx) if r.sent_on))
    assert card.level == ("warning" if overdue or (due - today).days <= 3 else "info")


def test_report_settings_are_checked(empty_ctx):
    from app.reports.report_settings import save_settings, setting

    save_settings(empty_ctx, {"monthly_report_due_day": "15", "report_recipients": ["A", " ", "B"]})
    assert setting(empty_ctx, "monthly_report_due_day") == 15 and setting(empty_ctx, "report_recipients") == ["A", "B"]
    for bad in ({"monthly_report_due_day": 31}, {"report_signer_mode": "xx"}, {"unknown": 1}):
        with pytest.raises(ValidationError):
            save_settings(empty_ctx, bad)
    with pytest.raises(PermissionDenied):
        save_settings(replace(empty_ctx, user=User("nv", "staff")), {"report_signer_name": "X"})
    report = draft.draft_report(empty_ctx, "monthly", date(2026, 1, 1))
    assert report.due_on == "2026-02-15" and report.recipients == ["A", "B"]


def test_register_lists_own_reports_only(empty_ctx, report):
    empty_ctx.db["reports"].insert({"id": "imported-1", "origin": "TVH-TC", "kind": "monthly",
                                    "period_start": "2026-09-01", "period_end": "2026-09-30",
                                    "title": "báo cáo của huyện khác", "status": "sent", "version": 1,
                                    "updated_at": "2026-10-01T00:00:00Z"})
    assert [r.id for r in store.list_reports(empty_ctx)] == [report.id]
    assert {r.id for r in store.list_reports(empty_ctx, own=False)} == {report.id, "imported-1"}
