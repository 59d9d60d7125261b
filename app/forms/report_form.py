"""A collaborator's personal form for reporting opinion items (summary, field, tendency, area,
scale, proposal; up to MAX_ITEMS per form), with their name and area filled in.

Each form carries a fresh token (app/forms/tokens.py) that names the collaborator to this
office only: it travels inside the sealed response, never in the file name or in clear.
"""

from __future__ import annotations

import re
import secrets

from app import catalog
from app.collaborators.registry import Collaborator
from app.context import Ctx
from app.exchange.keys import ensure_keys
from app.forms import tokens
from app.forms.page import esc, render
from app.forms.payload import MAX_ITEM_TEXT, MAX_ITEMS
from app.office import areas, get_office, unit_name
from app.text import fold


def _options(choices: dict[str, str], selected: str | None = None, blank: str = "— Chọn —") -> str:
    head = f'<option value="">{esc(blank)}</option>'
    return head + "".join(f'<option value="{esc(code)}"{" selected" if code == selected else ""}>{esc(label)}</option>'
                          for code, label in choices.items())


def _template(area_choices: dict[str, str], own_area: str | None) -> str:
    scales = "".join(f'<label class="opt"><input type="radio" value="{esc(code)}"> {esc(label)}</label>'
                     for code, label in catalog.SCALES.items())
    return f"""<template id="item-template"><fieldset class="item">
<legend class="item-head"><span class="item-no"></span></legend>
<label class="field" data-for="summary">Nội dung dư luận <span class="req" aria-hidden="true">*</span></label>
<textarea data-key="summary" data-id="summary" maxlength="{MAX_ITEM_TEXT}"></textarea>
<p class="hint">Mô tả luồng ý kiến của người dân; không ghi họ tên, số điện thoại của ai.</p>
<label class="field" data-for="field">Lĩnh vực <span class="req" aria-hidden="true">*</span></label>
<select data-key="field" data-id="field">{_options(catalog.FIELDS)}</select>
<label class="field" data-for="tendency">Xu hướng <span class="req" aria-hidden="true">*</span></label>
<select data-key="tendency" data-id="tendency">{_options(catalog.TENDENCIES)}</select>
<label class="field" data-for="area">Địa bàn</label>
<select data-key="area_code" data-id="area">{_options(area_choices, own_area, "— Không rõ —")}</select>
<fieldset class="scale"><legend>Mức độ quan tâm <span class="req" aria-hidden="true">*</span></legend>{scales}</fieldset>
<label class="field" data-for="proposal">Đề xuất, kiến nghị</label>
<textarea data-key="proposal" data-id="proposal" maxlength="{MAX_ITEM_TEXT}"></textarea>
<button type="button" class="remove secondary">Bỏ ý kiến này</button>
</fieldset></template>"""


def build(ctx: Ctx, collaborator: Collaborator, token: str, *, post: str | None = None) -> tuple[str, str]:
    """(file name, HTML) of one collaborator's form with the token already issued to them."""
    me = get_office(ctx)
    area_choices = {u.code: u.name for u in areas(ctx)}
    own = collaborator.area_code if collaborator.area_code in area_choices else None
    where = unit_name(ctx, collaborator.area_code) if collaborator.area_code else ""
    title = f"Phiếu báo cáo dư luận — {collaborator.full_name}"
    intro = (f"Cộng tác viên dư luận xã hội của {esc(me.name)}: <b>{esc(collaborator.full_name)}</b>"
             + (f", địa bàn {esc(where)}" if where else "") + ". Phiếu riêng của đồng chí, xin không chuyển cho người khác.")
    body = (_template(area_choices, own) + '<div id="items"></div>'
            '<button type="button" id="add-item" class="secondary">Thêm một ý kiến</button>')
    config = {"kind": "report", "office": me.unit_code, "office_name": me.name,
              "recipient": ensure_keys(ctx).age_recipient, "token": token, "title": title,
              "form_id": secrets.token_hex(8), "post": post, "max_items": MAX_ITEMS}
    slug = re.sub(r"[^a-z0-9]+", "-", fold(collaborator.full_name)).strip("-")[:40] or "ctv"
    return f"phieu-bao-cao-{slug}-{collaborator.id[-6:]}.html", render(title, intro, body, config, post=bool(post))


def issue_and_build(ctx: Ctx, collaborator: Collaborator, *, post: str | None = None) -> tuple[str, str]:
    return build(ctx, collaborator, tokens.issue(ctx, collaborator.id), post=post)
