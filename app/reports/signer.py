"""Who signs a new report by default: the name set in the report settings, else the first
active head of office; and the name a signature carries. Kept apart so the survey register
and the drafting do not import each other.

The stamp names the person the document is signed for (the report's "Người ký"), which may
not be the account that pressed "Ký số" (issue 25: the stamp named someone else, unexplained);
`sign_question` says so before signing."""

from __future__ import annotations

from app.context import Ctx
from app.reports.report_settings import setting

# What a draft shows under the title when nobody is named to sign it: a head reading the
# draft sees the name is missing (a blank line read as "no name needed"), and signing
# refuses until one is given (app.reports.register.sign).
NO_SIGNER = "[Họ và tên người ký]"


def default_signer(ctx: Ctx) -> str:
    name = setting(ctx, "report_signer_name")
    if name:
        return name
    row = ctx.db.execute("SELECT coalesce(full_name, name) FROM users WHERE role = 'head' AND active = 1 "
                         "ORDER BY created_at LIMIT 1").fetchone()
    return row[0] if row else ""


def signing_name(ctx: Ctx, report_signer: str | None, given: str | None = None) -> str:
    """The name the document and the stamp carry: `given`, else the report's signer, else the
    default, else the signed-in head."""
    return (given or report_signer or default_signer(ctx)
            or (ctx.user.full_name if ctx.user.role == "head" else "")).strip()


def sign_question(ctx: Ctx, report_signer: str | None) -> str:
    """The question before signing, naming whose name the stamp will carry and why."""
    name = signing_name(ctx, report_signer)
    me = ctx.user.full_name or ctx.user.name
    who = (f"Dấu chữ ký số sẽ ghi «Ký số bởi: {name}», người ký ghi trên văn bản (Thông tin văn bản › Người ký)"
           if name else "Chưa có họ tên người ký: hãy nhập ở Thông tin văn bản › Người ký")
    if name and name != me:
        who += f", không phải tài khoản đang đăng nhập ({me}); sổ nhật ký ghi {me} là người thực hiện ký"
    return (f"Ký số báo cáo bằng chứng thư số của đơn vị?\n\n{who}.\n\nSau khi ký, báo cáo không sửa được nữa.")
