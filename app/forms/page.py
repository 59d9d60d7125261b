"""The shell every form page shares: one self-contained HTML file, no network request.

The page's CSS, our script (resources/forms/form.js) and the age bundle are inlined; a strict
Content-Security-Policy allows exactly those (by SHA-256 hash) and nothing else: no fetch
(except, on a served form, a POST back to the same origin), no images from anywhere, no
frames, no form posting elsewhere. What the office typed (titles, options, names) is escaped
with html.escape; the page's data travels as JSON inside a non-executed script element.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from functools import cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "forms"
MAX_PAGE_BYTES = 300 * 1024


@cache
def _resource(name: str) -> str:
    return (RESOURCES / name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _json_for_script(data: dict) -> str:
    # "</script>" or "<!--" inside a string must not end the element: escape every "<".
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


DONE_SECTION = """
<section id="done" hidden aria-live="polite">
  <h2 id="done-title"></h2>
  <div id="by-file" hidden>
    <p>Gửi phiếu cho đơn vị bằng <b>một trong hai cách</b>:</p>
    <p>1. Gửi <b>tệp phiếu</b> qua Zalo hoặc thư điện tử:</p>
    <a id="download" class="button" href="#">Tải tệp phiếu về máy</a>
    <button type="button" id="share" class="secondary" hidden>Chia sẻ tệp phiếu (Zalo, thư…)</button>
    <p>2. Hoặc sao chép <b>khối chữ</b> dưới đây và dán vào tin nhắn:</p>
    <label class="field" for="armored">Phiếu đã mã hóa</label>
    <textarea id="armored" readonly spellcheck="false"></textarea>
    <button type="button" id="copy" class="secondary">Sao chép khối chữ</button>
    <p id="copied" class="hint" aria-live="polite"></p>
  </div>
  <button type="button" id="again" class="secondary">Điền một phiếu mới</button>
</section>"""


def render(title: str, intro: str, body: str, config: dict, *, post: bool = False) -> str:
    """The whole page. `body` is the form's fields (already escaped HTML); `config` the data
    form.js reads; `post` allows the one same-origin POST a served form makes."""
    css, script, bundle = _resource("form.css"), _resource("form.js"), _resource("age-seal.min.js")
    connect = "'self'" if post else "'none'"
    csp = (f"default-src 'none'; script-src {_hash(bundle)} {_hash(script)}; style-src {_hash(css)}; "
           f"img-src data:; connect-src {connect}; form-action 'none'; base-uri 'none'")
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{esc(title)}</title>
<style>{css}</style>
</head>
<body>
<main>
<header><h1>{esc(title)}</h1><p>{intro}</p></header>
<form id="dlxh-form" autocomplete="off" novalidate>
{body}
<p id="status" class="err" role="status" aria-live="polite"></p>
<button type="submit" id="submit">Gửi phiếu</button>
</form>
{DONE_SECTION}
<footer>Phiếu được mã hóa ngay trên máy này (chuẩn age, X25519) trước khi gửi: chỉ đơn vị nhận mở được.
Trang không gửi gì lên Internet và không lưu câu trả lời trên máy.</footer>
</main>
<script type="application/json" id="dlxh-config">{_json_for_script(config)}</script>
<script>{bundle}</script>
<script>{script}</script>
</body>
</html>
"""
