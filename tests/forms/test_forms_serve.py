"""The served form (app.forms.serve) over real HTTP on 127.0.0.1: only the form and bounded
POSTs of sealed responses, 404 for the rest, a per-client rate limit, one response per
browser for a survey, nothing to read back, no client address kept, tokens revoked at stop."""

from __future__ import annotations

import http.client
import re
from urllib.parse import urlsplit

import pytest

from app.collaborators.registry import CollaboratorFilter, list_collaborators
from app.errors import ValidationError
from app.forms import sealed, serve
from app.surveys.responses import load_responses
from tests.forms.conftest import active_collaborator, report_payload, seal, survey_payload


@pytest.fixture
def served(demo_ctx, survey_id):
    server = serve.FormServer(demo_ctx, survey_id=survey_id, bind="127.0.0.1", port=0, expected=30)
    server.start()
    yield server
    server.stop()


def _request(server, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    parts = urlsplit(server.url or server.links[0][1])
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response, data


def test_serves_the_form_at_its_session_path_and_nothing_else(served) -> None:
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/[\w-]{16}/", served.url)
    response, page = _request(served, "GET", served.base)
    assert response.status == 200 and response.getheader("Cache-Control") == "no-store"
    assert b"connect-src 'self'" in page and b"Content-Security-Policy" in page
    for method, path in (("GET", "/"), ("GET", served.base + "x"), ("GET", served.post_path), ("GET", "/etc/passwd"),
                         ("GET", served.base[:-1]), ("POST", served.base), ("PUT", served.post_path),
                         ("DELETE", served.base), ("GET", "/" + "a" * 16 + "/")):
        assert _request(served, method, path, b"x" if method != "GET" else None)[0].status == 404, (method, path)


def test_post_imports_once_counts_and_limits_repeat_per_browser(served, demo_ctx, survey_id) -> None:
    body = seal(demo_ctx, survey_payload(demo_ctx, survey_id))
    response, said = _request(served, "POST", served.post_path, body)
    assert response.status == 200 and "Đã nhận phiếu" in said.decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    assert cookie == f"dlxh-sent-{served.session}=1"
    again, said = _request(served, "POST", served.post_path, seal(demo_ctx, survey_payload(demo_ctx, survey_id)),
                           {"Cookie": cookie})
    assert again.status == 409 and "đã gửi một phiếu" in said.decode()
    assert served.counter.received == 1 and served.counter.text() == "Đã nhận 1 phiếu (số người dự: 30); từ chối 0."
    assert len(load_responses(demo_ctx, survey_id)) == 1
    channels = demo_ctx.db.execute("SELECT channel FROM survey_responses WHERE survey_id = ?", [survey_id]).fetchall()
    assert channels == [("online",)]
    # No way to read anything back: GET of the post path is 404, and the page is the same form.
    assert _request(served, "GET", served.post_path)[0].status == 404


def test_hostile_posts_refused(served, demo_ctx, survey_id) -> None:
    from pyrage import x25519

    foreign = seal(str(x25519.Identity.generate().to_public()), survey_payload(demo_ctx, survey_id))
    response, said = _request(served, "POST", served.post_path, foreign)
    assert response.status == 422 and "không gửi cho đơn vị này" in said.decode()
    response, _ = _request(served, "POST", served.post_path, b"x" * (sealed.MAX_BYTES + 1))
    assert response.status == 413
    assert served.counter.refused == 1 and load_responses(demo_ctx, survey_id) == []


def test_flood_is_rate_limited(served, demo_ctx, survey_id) -> None:
    codes = [_request(served, "POST", served.post_path, b"junk")[0].status for _ in range(serve.RATE_POSTS + 15)]
    assert codes[:serve.RATE_POSTS] == [422] * serve.RATE_POSTS
    assert set(codes[serve.RATE_POSTS:]) == {429}
    gets = [_request(served, "GET", served.base)[0].status for _ in range(serve.RATE_GETS + 5)]
    assert gets.count(429) == 5


def test_no_address_is_kept_and_bind_is_local_only(demo_ctx, survey_id) -> None:
    for address in ("8.8.8.8", "not-an-ip"):
        with pytest.raises(ValidationError) as info:
            serve.FormServer(demo_ctx, survey_id=survey_id, bind=address, port=0)
        assert "mạng nội bộ" in str(info.value) or "không hợp lệ" in str(info.value)
    tables = [r[0] for r in demo_ctx.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        columns = [r[1] for r in demo_ctx.db.execute(f"PRAGMA table_info([{table}])")]
        assert not any("ip" == c or c.endswith("_ip") or "address" in c for c in columns), (table, columns)


def test_collaborators_cannot_be_listed_each_form_only_at_its_own_address(demo_ctx) -> None:
    """Nobody on the Wi-Fi may list who reports to the office: no index, the session's path
    and guessed paths are 404, and each address serves that one collaborator's form."""
    server = serve.FormServer(demo_ctx, survey_id=None, bind="127.0.0.1", port=0)
    assert server.start() is None and server.url is None
    people = [p.full_name for p in list_collaborators(demo_ctx, CollaboratorFilter(status="active"))]
    try:
        assert sorted(name for name, _ in server.links) == sorted(people) and len(people) >= 2
        paths = [urlsplit(url).path for _, url in server.links]
        assert len(set(paths)) == len(paths)
        for path in paths:  # the random part alone carries 128 bits
            assert re.fullmatch(rf"{re.escape(server.base)}c/[\w-]{{22}}", path), path
        first = paths[0]
        guesses = ["/", server.base, server.base[:-1], server.base + "c/", server.base + "c", first[:-1],
                   first + "x", first.upper(), first + "/", server.base + "c/" + "A" * 22, "/index.html"]
        for path in guesses:
            response, body = _request(server, "GET", path)
            assert response.status == 404, path
            assert not any(name.encode() in body for name in people), path
        for name, url in server.links[:5]:  # a few: the per-client rate limit allows 60 GETs a minute
            response, page = _request(server, "GET", urlsplit(url).path)
            assert response.status == 200
            text = page.decode()
            assert [p for p in people if p in text] == [name]  # that collaborator's form and nobody else's
        token = re.search(r'"token": "([0-9a-f]{64})"', _request(server, "GET", first)[1].decode()).group(1)
        body = seal(demo_ctx, report_payload(demo_ctx, token))
        assert _request(server, "POST", server.post_path, body)[0].status == 200
    finally:
        server.stop()
    assert demo_ctx.db.execute("SELECT count(*) FROM opinion_inbox WHERE status = 'waiting'").fetchone()[0] == 1
    from app.forms import receive
    late = receive.receive_many(demo_ctx, [("x", seal(demo_ctx, report_payload(demo_ctx, token)))])[0]
    assert late.status == "refused" and "thu hồi" in late.message
    assert active_collaborator(demo_ctx)


def test_cli_serve_collaborators_prints_one_address_each(cli, demo_ctx, demo_path) -> None:
    people = sorted(p.full_name for p in list_collaborators(demo_ctx, CollaboratorFilter(status="active")))
    demo_ctx.close()
    done = cli("--db", str(demo_path), "forms", "serve", "--collaborators", "--bind", "127.0.0.1", "--port", "0",
               "--for", "0.2")
    assert done.returncode == 0, done.stderr
    lines = re.findall(r"^(.+): (http://127\.0\.0\.1:\d+/[\w-]{16}/c/[\w-]{22})$", done.stdout, re.M)
    assert sorted(name for name, _ in lines) == people
    assert len({url for _, url in lines}) == len(people)


def test_cli_serve_prints_its_address_and_stops(cli, demo_ctx, demo_path, survey_id) -> None:
    demo_ctx.close()
    done = cli("--db", str(demo_path), "forms", "serve", "--survey", survey_id, "--bind", "127.0.0.1", "--port", "0",
               "--for", "0.2")
    assert done.returncode == 0, done.stderr
    assert re.match(r"http://127\.0\.0\.1:\d+/[\w-]{16}/\n", done.stdout)
    assert "Đã dừng thu phiếu" in done.stdout


def test_port_taken_is_one_clear_line(served, demo_ctx, survey_id, cli, demo_path) -> None:
    taken = served.httpd.server_address[1]
    with pytest.raises(ValidationError) as info:
        serve.FormServer(demo_ctx, survey_id=survey_id, bind="127.0.0.1", port=taken)
    assert f"Không mở được cổng {taken}" in info.value.message
    valid = "SELECT count(*) FROM form_tokens WHERE revoked_at IS NULL"
    before = demo_ctx.db.execute(valid).fetchone()[0]
    done = cli("--db", str(demo_path), "forms", "serve", "--collaborators", "--bind", "127.0.0.1", "--port",
               str(taken), "--for", "0.1")
    assert done.returncode == 1 and "Không mở được cổng" in done.stderr and "Lỗi chương trình" not in done.stderr
    assert demo_ctx.db.execute(valid).fetchone()[0] == before  # the refused session's tokens do not stay valid
