"""`dlxh forms serve` and the GUI's "Thu phiếu tại hội nghị": the form on the office's own
network for the length of a meeting (http.server, no framework).

What it does, and nothing more: GET of the form page(s) at random paths; POST of one sealed
response (bounded size) to that session's path, imported at once with the same checks as a
file (channel "online"); 404 for everything else; a per-client rate limit
(the client's address lives only in memory, in the limiter, and is never logged or stored);
no response can be read back. A served survey lets each browser send once (a random cookie
plus, in the page, a localStorage flag; never the answers) and counts against the
attendance. It stops after its time, or when its owner stops it (the window closes).

Collaborators' personal forms have no index: nobody on the network may list who reports to
the office. Each form lives at its own unguessable path (128 random bits, `links`), which the
clerk hands to that collaborator alone (their QR code in the window, one line each from the
CLI); any other path, the session's own included, is 404.
"""

from __future__ import annotations

import ipaddress
import secrets
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from app import auth
from app.collaborators.registry import CollaboratorFilter, list_collaborators
from app.context import Ctx
from app.errors import ValidationError, os_reason
from app.forms import receive, report_form, sealed, survey_form, tokens
from app.ids import utc_now

RATE_POSTS = 10  # POSTs per client per minute: a phone sends one; a flood gets 429
RATE_GETS = 60
PATH_BYTES = 16  # a personal form's path: 128 random bits, not guessable by anyone on the Wi-Fi
MAX_CLIENTS = 4096  # limiter entries kept (a minute's worth); beyond, the oldest go


class _Limiter:
    """A sliding one-minute count per client address, in memory only."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], list[float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str, kind: str, limit: int) -> bool:
        now = time.monotonic()
        with self._lock:
            if len(self._seen) > MAX_CLIENTS:
                self._seen = {k: v for k, v in self._seen.items() if v and v[-1] > now - 60}
            stamps = [t for t in self._seen.get((client, kind), []) if t > now - 60]
            allowed = len(stamps) < limit
            if allowed:
                stamps.append(now)
            self._seen[(client, kind)] = stamps
            return allowed


@dataclass
class Counter:
    received: int = 0
    refused: int = 0
    expected: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def text(self) -> str:
        against = f" (số người dự: {self.expected})" if self.expected else ""
        return f"Đã nhận {self.received} phiếu{against}; từ chối {self.refused}."


def lan_address() -> str:
    """This PC's address on its local network (the route a LAN packet would take; nothing is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 9))
            return s.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def check_bind(address: str) -> None:
    """Refuse an address that is not this PC's own local network (or loopback)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        raise ValidationError(f"Địa chỉ “{address}” không hợp lệ (ví dụ 192.168.1.10).") from None
    if not (ip.is_private or ip.is_loopback or ip.is_unspecified):
        raise ValidationError(f"{address} không phải địa chỉ mạng nội bộ: chỉ thu phiếu trong mạng của cơ quan.")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # a room of phones sending at once, not the default backlog of 5


class FormServer:
    """One serving session. A survey has one address (`url`); collaborators' forms have one
    each (`links`: name and address, `url` is None). `stop()` ends the session and revokes the
    tokens it issued to collaborators' pages."""

    def __init__(self, ctx: Ctx, *, survey_id: str | None, bind: str, port: int, expected: int = 0,
                 on_change: Callable[[Counter], None] | None = None) -> None:
        auth.require(ctx, "import")
        check_bind(bind)
        self.ctx = ctx
        self.session = secrets.token_urlsafe(12)
        self.base = f"/{self.session}/"
        self.post_path = self.base + "r"
        self.counter = Counter(expected=expected)
        self.on_change = on_change
        self.limiter = _Limiter()
        self.issued: list[str] = []
        self.survey_id = survey_id
        self._named_paths: list[tuple[str, str]] = []
        self.pages: dict[str, bytes] = self._pages(survey_id)
        try:
            self.httpd = _Server((bind, port), _handler(self))
        except OSError as exc:  # port taken, address not on this PC: the user's to change, said in one line
            if self.issued:
                self._revoke_issued()
            raise ValidationError(f"Không mở được cổng {port} trên địa chỉ {bind} ({os_reason(exc)}): "
                                  "hãy chọn cổng khác (0: tự chọn) hoặc địa chỉ của máy này.") from None
        self.thread: threading.Thread | None = None
        host = lan_address() if bind in ("0.0.0.0", "") else bind
        origin = f"http://{host}:{self.httpd.server_address[1]}"
        self.url: str | None = None if self._named_paths else origin + self.base
        self.links: list[tuple[str, str]] = [(name, origin + path) for name, path in self._named_paths]

    def _pages(self, survey_id: str | None) -> dict[str, bytes]:
        with self.ctx.lock:
            if survey_id:
                _, page = survey_form.build(self.ctx, survey_id, post=self.post_path, form_id=self.session)
                return {self.base: page.encode("utf-8")}
            people = list_collaborators(self.ctx, CollaboratorFilter(status="active"))
            if not people:
                raise ValidationError("Chưa có cộng tác viên nào đang hoạt động.")
            pages = {}
            with self.ctx.transaction():
                for person in people:
                    token = tokens.issue(self.ctx, person.id)
                    self.issued.append(token)
                    path = f"{self.base}c/{secrets.token_urlsafe(PATH_BYTES)}"
                    pages[path] = report_form.build(self.ctx, person, token, post=self.post_path)[1].encode("utf-8")
                    self._named_paths.append((person.full_name, path))
            return pages

    def start(self) -> str | None:
        """Listen on a thread of its own; returns the survey's address (None for collaborators:
        see `links`)."""
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="dlxh-forms", daemon=True)
        self.thread.start()
        return self.url

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._revoke_issued()

    def _revoke_issued(self) -> None:
        """The tokens of this session's pages stop working with the session."""
        if self.issued:
            with self.ctx.lock, self.ctx.transaction():
                for token in self.issued:
                    self.ctx.db.execute("UPDATE form_tokens SET revoked_at = ? WHERE token_sha256 = ?",
                                        [utc_now(), tokens.digest(token)])
            self.issued = []

    def receive(self, data: bytes) -> receive.Outcome:
        with self.ctx.lock:
            outcome = receive.receive_many(self.ctx, [("", data)], channel="online")[0]
        with self.counter.lock:
            if outcome.status == "imported":
                self.counter.received += 1
            elif outcome.status == "refused":
                self.counter.refused += 1
        if self.on_change:
            self.on_change(self.counter)
        return outcome


def _handler(server: FormServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        timeout = 15  # a client that trickles its request is dropped
        server_version = "DLXH"
        sys_version = ""

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
            """No access log: it would hold the clients' addresses."""

        def _send(self, code: int, body: bytes, ctype: str = "text/plain; charset=utf-8",
                  extra: dict[str, str] | None = None) -> None:
            self.send_response(code)
            for key, value in {"Content-Type": ctype, "Content-Length": str(len(body)), "Cache-Control": "no-store",
                               "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                               **(extra or {})}.items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _not_found(self) -> None:
            self._send(404, "Không có trang này.".encode())

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if not server.limiter.allow(self.client_address[0], "get", RATE_GETS):
                return self._send(429, "Quá nhiều yêu cầu, xin thử lại sau ít phút.".encode())
            page = server.pages.get(self.path)
            if page is None:
                return self._not_found()
            self._send(200, page, "text/html; charset=utf-8")

        do_HEAD = do_GET

        def do_POST(self) -> None:  # noqa: N802
            if self.path != server.post_path:
                return self._not_found()
            if not server.limiter.allow(self.client_address[0], "post", RATE_POSTS):
                return self._send(429, "Quá nhiều phiếu từ máy này, xin thử lại sau ít phút.".encode())
            length = self.headers.get("Content-Length", "")
            if not length.isdigit():
                return self._send(411, "Thiếu độ dài phiếu.".encode())
            if int(length) > sealed.MAX_BYTES:
                self.close_connection = True
                return self._send(413, "Phiếu lớn quá.".encode())
            sent_flag = f"dlxh-sent-{server.session}=1"
            if server.survey_id and sent_flag in (self.headers.get("Cookie") or ""):
                return self._send(409, "Trình duyệt này đã gửi một phiếu. Cảm ơn anh/chị!".encode())
            data = self.rfile.read(int(length))
            outcome = server.receive(data)
            if outcome.status == "refused":
                return self._send(422, outcome.message.encode())
            cookie = {"Set-Cookie": f"{sent_flag}; Path={server.base}; Max-Age=86400; SameSite=Strict"}
            said = "Đã nhận phiếu. Cảm ơn anh/chị!" if outcome.status == "imported" else "Phiếu này đã được nhận."
            self._send(200, said.encode(), extra=cookie if server.survey_id else None)

        def _refuse_method(self) -> None:
            self._not_found()

        do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse_method

    return Handler


def run_cli(ctx: Ctx, *, survey_id: str | None, bind: str | None, port: int, seconds: float, expected: int = 0,
            say: Callable[[str], None] | None = None) -> int:
    """Serve for `seconds`, printing the address once listening and the counter as it moves."""
    from app.cli_support import out

    say = say or out
    last = [""]

    def changed(counter: Counter) -> None:
        text = counter.text()
        if text != last[0]:
            last[0] = text
            say(text)

    server = FormServer(ctx, survey_id=survey_id, bind=bind or lan_address(), port=port, expected=expected,
                        on_change=changed)
    say(server.start() or "Mỗi cộng tác viên mở địa chỉ riêng của mình (không chuyển cho người khác):")
    for name, url in server.links:
        say(f"{name}: {url}")
    try:
        time.sleep(max(0.0, seconds))
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    say(f"Đã dừng thu phiếu. {server.counter.text()}")
    return 0
