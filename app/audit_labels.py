"""Vietnamese for the audit log: every action, table and detail field by its label, values in
their display form (catalogue labels, dd/mm/yyyy dates, "có/không", "(trống)"), and records
by their human name (a collaborator's name, an item's first words, a report's number and
title) instead of UUIDs. A head reads the log without knowing the schema."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from app import catalog, kinds
from app.collaborators import registry as _collaborators  # noqa: F401  (declares its kind in kinds.ALL)
from app.collaborators.training import COMMENDATION_LEVELS
from app.context import Ctx
from app.kinds import HANDLING_CHOICES
from app.meetings import core as _meetings  # noqa: F401  (declares its kind's labels in kinds.ALL)
from app.opinions.items import CHOICES

ACTIONS = {
    "create": "Tạo mới", "update": "Sửa", "delete": "Xóa", "upsert": "Cập nhật", "status": "Đổi trạng thái",
    "login": "Đăng nhập", "login_failed": "Đăng nhập thất bại", "logout": "Đăng xuất", "lock": "Khóa màn hình",
    "backup": "Sao lưu", "backup_failed": "Sao lưu tự động không được", "switch": "Đổi người dùng",
    "restore": "Khôi phục", "export": "Xuất dữ liệu", "import": "Nhập dữ liệu",
    "settings": "Cài đặt", "init": "Khởi tạo", "password": "Đổi mật khẩu", "disable": "Vô hiệu hóa",
    "enable": "Kích hoạt", "role": "Đổi vai trò", "approve": "Phê duyệt", "sign": "Ký số", "print": "In",
    "attendance": "Điểm danh", "demo": "Tạo dữ liệu mẫu", "keys": "Tạo khóa và chứng thư", "number": "Cấp số văn bản",
    "merge": "Gộp ý kiến trùng",
    "make_form": "Làm phiếu điện tử", "revoke_forms": "Thu hồi phiếu báo cáo", "accept_inbox": "Duyệt ý kiến gửi về",
    "reject_inbox": "Bỏ ý kiến gửi về",
}
STATUS_WORDS = {"draft": "dự thảo", "submitted": "trình duyệt", "approved": "phê duyệt", "signed": "ký số",
                "sent": "đã gửi", "active": "đang hoạt động", "paused": "tạm nghỉ", "left": "đã thôi",
                "watch": "theo dõi", "hot": "nổi cộm", "closed": "kết thúc", "open": "đang thu phiếu"}
TABLES = {
    "collaborators": "Cộng tác viên", "meetings": "Hội nghị giao ban", "meeting_attendance": "Điểm danh",
    "topics": "Vấn đề nổi cộm", "opinions": "Thông tin dư luận", "reports": "Báo cáo", "users": "Người dùng",
    "settings": "Cài đặt", "units": "Đơn vị, địa bàn", "office": "Thông tin cơ quan", "surveys": "Điều tra",
    "commendations": "Khen thưởng", "trainings": "Tập huấn", "training_attendance": "Dự tập huấn",
    "replacement_proposals": "Đề xuất thay thế CTV", "office_certificates": "Chứng thư số của cơ quan",
    "office_keys": "Khóa trao đổi dữ liệu", "peers": "Đơn vị trao đổi", "guidance": "Hướng dẫn của cấp trên",
    "survey_check_entries": "Nhập kiểm tra phiếu (lần 2)", "survey_options": "Phương án trả lời",
    "survey_plan_cells": "Ô hạn ngạch mẫu", "survey_plans": "Kế hoạch mẫu", "survey_questions": "Câu hỏi điều tra",
    "survey_responses": "Phiếu trả lời", "survey_answers": "Câu trả lời", "report_files": "Tệp báo cáo",
    "entry_drafts": "Bản nháp", "outbox": "Gói đã xuất", "inbox": "Gói đã nhận",
    "opinion_inbox": "Ý kiến chờ duyệt",
}
FIELDS = {
    "full_name": "họ tên", "name": "tên", "gender": "giới tính", "birth_year": "năm sinh", "ethnicity": "dân tộc",
    "religion": "tôn giáo", "party_member": "đảng viên", "position": "chức vụ", "workplace": "đơn vị công tác",
    "sector": "ngành, đoàn thể", "stratum": "giai tầng", "phone": "điện thoại", "email": "thư điện tử",
    "zalo": "Zalo", "decision_no": "số quyết định", "decision_date": "ngày quyết định", "joined_on": "ngày tham gia",
    "status": "trạng thái", "left_on": "ngày thôi", "left_reason": "lý do thôi", "replaced_by": "người thay thế",
    "notes": "ghi chú", "kind": "loại", "held_on": "ngày tổ chức", "place": "địa điểm", "chair": "chủ trì",
    "agenda": "nội dung hội nghị", "minutes": "biên bản", "title": "tiêu đề", "opened_on": "ngày mở",
    "closed_on": "ngày kết thúc", "due_on": "hạn", "number": "số", "number_year": "năm cấp số", "doc_code": "ký hiệu",
    "period_start": "từ ngày", "period_end": "đến ngày", "sections": "các phần",
    "drafted_figures": "số liệu lúc soạn", "recipients": "nơi nhận", "signer_name": "người ký",
    "signer_title": "chức vụ người ký", "signer_mode": "thể thức ký", "confidentiality": "độ mật",
    "submitted_on": "ngày trình", "approved_on": "ngày duyệt", "signed_at": "thời điểm ký", "sent_on": "ngày gửi",
    "supersedes": "thay thế báo cáo", "pdf_sha256": "mã kiểm tra PDF", "survey_id": "cuộc điều tra",
    "question_id": "câu hỏi", "plan_id": "kế hoạch mẫu", "response_id": "phiếu", "form_no": "số phiếu",
    "answers": "câu trả lời", "age_band": "độ tuổi", "entered_by": "người nhập", "entered_on": "thời điểm nhập",
    "mismatches": "chỗ lệch", "data": "dữ liệu", "label": "nội dung phương án", "no": "số thứ tự", "text": "nội dung",
    "required": "bắt buộc", "skip_option_no": "rẽ nhánh theo phương án", "skip_question_id": "rẽ tới câu",
    "population": "dân số", "adults": "dân số từ 18 tuổi", "quota": "hạn ngạch", "confidence": "độ tin cậy (%)",
    "margin": "sai số", "minimum_per_cell": "tối thiểu mỗi ô", "sample_size": "cỡ mẫu", "dimension": "chia theo",
    "method": "cách thu", "purpose": "mục đích", "starts_on": "ngày bắt đầu", "ends_on": "ngày kết thúc",
    "survey_weight": "trọng số", "organiser": "đơn vị tổ chức", "topic": "chủ đề", "added": "thêm", "removed": "bớt",
    "awarded_on": "ngày khen thưởng", "issued_on": "ngày cấp", "level": "cấp", "key_id": "mã khóa", "reason": "lý do",
    "proposed_on": "ngày đề xuất", "subject": "nội dung", "rows": "số dòng", "file": "tệp",
    "contacts": "kèm liên lạc", "old": "cũ", "new": "mới", "role": "vai trò", "folder": "thư mục",
    "size": "dung lượng (byte)", "by": "người thực hiện", "reset": "đặt lại", "from": "từ tệp",
    "taken_at": "thời điểm sao lưu", "active": "đang dùng", "counts": "số bản ghi", "presence": "có mặt",
    "parent_code": "đơn vị cấp trên", "code": "mã", "area_type": "loại địa bàn",
    "area_code": "địa bàn", "collaborator_id": "cộng tác viên", "meeting_id": "hội nghị",   # other tables' links
}
# A declared kind's fields (opinions, topics, meetings, collaborators) are named by that kind's
# labels (field_label with the row's table, through app/kinds.ALL); FIELDS covers the rest.
HIDDEN = {"id", "origin", "version", "updated_at"}   # bookkeeping every row has
VALUES: dict[str, dict[str, str]] = {
    **CHOICES, **HANDLING_CHOICES,      # an item's catalogue fields, as app/opinions/items.py declares them
    "gender": catalog.GENDERS, "stratum": catalog.STRATA, "sector": catalog.SECTORS,
    "level": {**catalog.UNIT_LEVELS, **COMMENDATION_LEVELS},
    "presence": {"present": "có mặt", "absent": "vắng", "excused": "vắng có lý do"},
    "kind": {"regular": "định kỳ", "extraordinary": "đột xuất", "monthly": "tháng", "quarterly": "quý",
             "half_year": "6 tháng", "annual": "năm", "adhoc": "đột xuất", "thematic": "chuyên đề",
             "single": "một lựa chọn", "multi": "nhiều lựa chọn", "text": "câu hỏi mở", "scale": "thang điểm"},
    "status": STATUS_WORDS, "method": {"paper": "phiếu giấy", "phone": "điện thoại", "online": "trực tuyến"},
    "dimension": {"area": "địa bàn", "stratum": "giai tầng"}, "role": {"staff": "cán bộ", "head": "lãnh đạo ban",
                                                                      "admin": "quản trị"},
}
# detail key -> table its id points to (for human names)
REFS = {"collaborator_id": "collaborators", "meeting_id": "meetings", "topic_id": "topics", "survey_id": "surveys",
        "question_id": "survey_questions", "skip_question_id": "survey_questions", "response_id": "survey_responses", "plan_id": "survey_plans",
        "replaced_by": "collaborators", "supersedes": "reports", "area_code": "units", "forwarded_to": "units",
        "parent_code": "units"}
NAME_SQL = {
    "collaborators": "SELECT full_name FROM collaborators WHERE id = ?",
    "opinions": "SELECT summary FROM opinions WHERE id = ?",
    "topics": "SELECT title FROM topics WHERE id = ?",
    "surveys": "SELECT title FROM surveys WHERE id = ?",
    "survey_questions": "SELECT 'Câu ' || no || ': ' || text FROM survey_questions WHERE id = ?",
    "survey_responses": "SELECT 'Phiếu số ' || form_no FROM survey_responses WHERE id = ?",
    "survey_check_entries": "SELECT 'Phiếu số ' || form_no FROM survey_check_entries WHERE id = ?",
    "commendations": "SELECT c.full_name FROM commendations m JOIN collaborators c ON c.id = m.collaborator_id "
                     "WHERE m.id = ?",
    "meetings": "SELECT 'Hội nghị ngày ' || held_on FROM meetings WHERE id = ?",
    "reports": "SELECT COALESCE('Số ' || number || '-' || doc_code || ' – ', '') || title FROM reports WHERE id = ?",
    "trainings": "SELECT topic FROM trainings WHERE id = ?",
    "survey_plans": "SELECT 'Kế hoạch mẫu: ' || s.title FROM survey_plans p JOIN surveys s ON s.id = p.survey_id "
                    "WHERE p.id = ?",
    "units": "SELECT name FROM units WHERE code = ?",
}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def action_label(action: str) -> str:
    if action.startswith("status:"):
        word = action.split(":", 1)[1]
        return f"Đổi trạng thái: {STATUS_WORDS.get(word, word)}"
    return ACTIONS.get(action, action)


def table_label(table: str | None) -> str:
    return TABLES.get(table or "", table or "")


def field_label(key: str, table: str | None = None) -> str:
    """A detail field's label: the one its table's kind declares (app/kinds.ALL), else the log's own."""
    kind = kinds.ALL.get(table or "")
    if kind is not None and key in kind.labels:
        return kind.labels[key].lower()
    return FIELDS.get(key, key.replace("_", " "))


def shorten(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _iso_date(text: str) -> str:
    return f"{text[8:10]}/{text[5:7]}/{text[:4]}"


def record_name(ctx: Ctx, table: str | None, row_id: str | None, cache: dict | None = None) -> str:
    """A record's human name (or "" when it has none or is gone)."""
    if not table or not row_id or table not in NAME_SQL:
        return ""
    key = (table, row_id)
    if cache is not None and key in cache:
        return cache[key]
    row = ctx.db.execute(NAME_SQL[table], [row_id]).fetchone()
    name = ""
    if row and row[0]:
        name = str(row[0])
        if table == "meetings":
            name = name[: -10] + _iso_date(name[-10:])
        name = shorten(name)
    if cache is not None:
        cache[key] = name
    return name


def value_text(ctx: Ctx, key: str, value: Any, cache: dict | None = None) -> str:
    """One detail value as a person would write it."""
    if value is None or value == "":
        return "(trống)"
    if isinstance(value, str) and value[:1] in "[{":
        try:
            value = json.loads(value)   # structured values stored as JSON text
        except ValueError:
            return "(dữ liệu chi tiết)"   # stored shortened, no longer whole JSON
        else:
            if isinstance(value, list):
                return f"{len(value)} mục" if value else "không có"
    if key in ("entered_by", "by", "user") and value == "system":
        return "Hệ thống"
    if isinstance(value, bool) or (key in ("party_member", "required", "contacts", "active") and value in (0, 1)):
        return "có" if value else "không"
    if isinstance(value, list | tuple):
        return ", ".join(value_text(ctx, key, v, cache) for v in value) or "(trống)"
    if isinstance(value, dict):
        return f"{len(value)} mục"
    if key in REFS and isinstance(value, str):
        return record_name(ctx, REFS[key], value, cache) or "(bản ghi đã xóa)"
    if key in VALUES and isinstance(value, str):
        return VALUES[key].get(value, value)
    if isinstance(value, int | float):
        from app.text import vn_number

        return vn_number(value, 0 if float(value).is_integer() else 2)
    text = str(value)
    if _DATE.match(text):
        return _iso_date(text)
    if _STAMP.match(text):
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone().strftime("%d/%m/%Y %H:%M")
        except ValueError:
            return text
    return shorten(text, 12)


def detail_text(ctx: Ctx, detail: Any, cache: dict | None = None, width: int = 300,
                table: str | None = None) -> str:
    """`trường: cũ → mới; …` for changes, `trường: giá trị` otherwise; bookkeeping left out.
    `table` (the row's) names its fields by that kind's declared labels."""
    if not detail:
        return ""
    if not isinstance(detail, dict):
        return shorten(str(detail), 20)
    parts = []
    for key, value in detail.items():
        if key in HIDDEN:
            continue
        if key == "reason" and isinstance(value, str):
            parts.append(f"lý do: {REASONS.get(value, value)}")
        elif isinstance(value, list) and len(value) == 2 and key not in ("recipients", "answers", "mismatches"):
            parts.append(f"{field_label(key, table)}: {value_text(ctx, key, value[0], cache)} → "
                         f"{value_text(ctx, key, value[1], cache)}")
        elif key == "field" and isinstance(value, str) and value not in catalog.FIELDS:
            parts.append(f"trường: {field_label(value, table)}")
        else:
            parts.append(f"{field_label(key, table)}: {value_text(ctx, key, value, cache)}")
    text = "; ".join(parts)
    return text if len(text) <= width else text[: width - 1] + "…"


REASONS = {"wrong_password": "sai mật khẩu", "unknown_user": "không có tài khoản này",
           "disabled": "tài khoản đã bị vô hiệu hóa", "locked": "tài khoản đang tạm khóa",
           "manual": "sao lưu thủ công", "exit": "tự động khi thoát", "daily": "tự động hằng ngày"}
