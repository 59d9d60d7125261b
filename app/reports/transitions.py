"""The report's status rules in one table: which action is allowed from which status, with
which permission, and the one Vietnamese sentence that says why not.

draft → submitted → approved → signed → sent; a submitted or approved report can be returned
to draft; a signed or sent report is frozen (a change is a new version). The register's
guards and editing (`load`: permission, then the row, then its status), deletion
(app/deletion.py, `state_refusal`) and the report panel's buttons and tooltips
(`allowed`/`refusal`) all read this table, so a rule changed here changes everywhere at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from app import auth
from app.context import Ctx
from app.errors import ValidationError
from app.reports.store import FROZEN, Report, get


class HasStatus(Protocol):
    status: str


@dataclass(frozen=True)
class Rule:
    """An action on a report: the statuses it starts from, the status it leads to (None when it
    does not move the report), the permission it needs and the refusals in words."""

    permission: str
    sources: tuple[str, ...]
    target: str | None
    wrong_state: str                 # the report is not in a status the action starts from
    not_permitted: str               # the account lacks the permission (the panel's tooltip)
    frozen: str | None = None        # a more exact refusal when the report is signed or sent


_NO_DRAFTING = "Tài khoản của bạn không soạn báo cáo."
_HEAD_ONLY = "Chỉ lãnh đạo ban mới {} được."

RULES: dict[str, Rule] = {
    "submit": Rule("draft", ("draft",), "submitted",
                   "Chỉ trình duyệt được báo cáo đang ở trạng thái dự thảo.", _NO_DRAFTING),
    "approve": Rule("approve", ("submitted",), "approved",
                    "Chỉ phê duyệt được báo cáo đã trình.", _HEAD_ONLY.format("phê duyệt")),
    "return": Rule("approve", ("submitted", "approved"), "draft",
                   "Chỉ trả lại được báo cáo đã trình hoặc đã duyệt (chưa ký).", _HEAD_ONLY.format("trả lại dự thảo")),
    "sign": Rule("sign", ("approved",), "signed",
                 "Chỉ ký số được báo cáo đã phê duyệt.", _HEAD_ONLY.format("ký số")),
    "send": Rule("export", ("signed",), "sent",
                 "Chỉ gửi được báo cáo đã ký số.", "Tài khoản của bạn không có quyền gửi báo cáo."),
    "version": Rule("draft", FROZEN, None,
                    "Báo cáo chưa ký: hãy sửa trực tiếp, không cần tạo phiên bản mới.", _NO_DRAFTING),
    "edit": Rule("draft", ("draft",), None,
                 "Báo cáo đã trình duyệt; hãy trả lại dự thảo trước khi sửa.", _NO_DRAFTING,
                 frozen="Báo cáo đã ký, không sửa được; hãy tạo phiên bản mới để chỉnh sửa."),
    "number": Rule("draft", ("draft", "submitted", "approved"), None,
                   "Báo cáo đã ký, không đổi được số (số đã in trong văn bản ký số).", _NO_DRAFTING),
    "delete": Rule("draft", ("draft",), None,
                   "Chỉ xóa được dự thảo; báo cáo đã trình, ký hoặc gửi thì giữ lại "
                   "(hãy tạo phiên bản mới nếu cần sửa).", _NO_DRAFTING),
}


def state_refusal(status: str, action: str) -> str:
    """Why `action` cannot start from `status` ("" when it can); the permission aside (a
    tombstone from another office is judged by its status alone)."""
    rule = RULES[action]
    if status in rule.sources:
        return ""
    return rule.frozen if rule.frozen and status in FROZEN else rule.wrong_state


def refusal(ctx: Ctx, report: HasStatus, action: str) -> str:
    """Why this account cannot do `action` on this report now ("" when it can)."""
    if not auth.can(ctx, RULES[action].permission):
        return RULES[action].not_permitted
    return state_refusal(report.status, action)


def allowed(ctx: Ctx, report: HasStatus, action: str) -> bool:
    return not refusal(ctx, report, action)


def require(ctx: Ctx, report: HasStatus, action: str) -> None:
    """Raise PermissionDenied (the account) or ValidationError (the status) unless allowed."""
    auth.require(ctx, RULES[action].permission)
    why = state_refusal(report.status, action)
    if why:
        raise ValidationError(why)


def load(ctx: Ctx, report_id: str, action: str) -> Report:
    """The report `action` is about, once the account may do it (checked before the row is
    read) and its status allows it."""
    auth.require(ctx, RULES[action].permission)
    report = get(ctx, report_id)
    require(ctx, report, action)
    return report
