"""Responses coming home (app.forms.receive) on the real store: a good survey response and a
collaborator's report land once; every hostile response is refused with one Vietnamese line
and writes nothing."""

from __future__ import annotations

import json

import pytest
from pyrage import x25519

from app.collaborators import registry
from app.forms import receive, sealed, tokens
from app.forms.payload import MAX_ITEMS
from app.surveys import questionnaire as qn
from app.surveys.responses import load_responses
from tests.forms.conftest import active_collaborator, report_payload, seal, survey_payload


def _state(ctx) -> tuple:
    return tuple(ctx.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("survey_responses", "survey_answers", "opinion_inbox WHERE status = 'waiting'",
                           "form_receipts", "opinions"))


def _one(ctx, data: bytes, channel: str = "email") -> receive.Outcome:
    outcomes = receive.receive_many(ctx, [("phieu.age", data)], channel)
    assert len(outcomes) == 1
    return outcomes[0]


def test_survey_response_lands_once_with_its_channel(demo_ctx, survey_id) -> None:
    data = seal(demo_ctx, survey_payload(demo_ctx, survey_id))
    first = _one(demo_ctx, data)
    assert first.status == "imported", first.message
    stored = load_responses(demo_ctx, survey_id)
    assert len(stored) == 1
    assert stored[0].answers == {1: 1, 2: (1, 4), 3: 4, 5: "Cần họp dân trước khi sáp nhập"}
    assert stored[0].gender == "female" and stored[0].age_band == "30-44"
    assert receive.count_by_channel(demo_ctx, survey_id) == {"email": 1}
    before = _state(demo_ctx)
    again = _one(demo_ctx, data)
    assert again.status == "already"
    assert _state(demo_ctx) == before


def test_binary_and_armored_forms_of_one_response_are_one_response(demo_ctx, survey_id) -> None:
    payload = json.dumps(survey_payload(demo_ctx, survey_id)).encode()
    assert _one(demo_ctx, seal(demo_ctx, payload, armored=False)).status == "imported"
    assert _one(demo_ctx, seal(demo_ctx, payload)).status == "already"


def test_pasted_chat_with_several_responses(demo_ctx, survey_id) -> None:
    chat = (b"Nguyen: gui phieu\r\n" + seal(demo_ctx, survey_payload(demo_ctx, survey_id)).replace(b"\n", b"\r\n")
            + b"\r\nTran: phieu cua toi\r\n  " + seal(demo_ctx, survey_payload(demo_ctx, survey_id)) + b"ok\n")
    outcomes = receive.receive_many(demo_ctx, [("dán", chat)])
    assert [o.status for o in outcomes] == ["imported", "imported"]
    assert outcomes[1].source == "dán (phiếu 2)"


def _refused(ctx, data: bytes, words: str | tuple[str, ...]) -> None:
    before = _state(ctx)
    outcome = _one(ctx, data)
    assert outcome.status == "refused"
    assert any(w in outcome.message for w in ((words,) if isinstance(words, str) else words)), outcome.message
    assert "\n" not in outcome.message and "Traceback" not in outcome.message
    assert _state(ctx) == before


def test_foreign_office_response_refused(demo_ctx, survey_id) -> None:
    other = str(x25519.Identity.generate().to_public())
    _refused(demo_ctx, seal(other, survey_payload(demo_ctx, survey_id)), "không gửi cho đơn vị này")


def test_payload_for_another_unit_refused(demo_ctx, survey_id) -> None:
    _refused(demo_ctx, seal(demo_ctx, survey_payload(demo_ctx, survey_id, office="99999")), "đơn vị khác")


def test_truncated_and_tampered_refused(demo_ctx, survey_id) -> None:
    raw = seal(demo_ctx, survey_payload(demo_ctx, survey_id), armored=False)
    _refused(demo_ctx, raw[:-7], "bị cắt")
    flipped = raw[:-5] + bytes([raw[-5] ^ 0x01]) + raw[-4:]
    _refused(demo_ctx, flipped, "đã bị sửa")
    armored = seal(demo_ctx, survey_payload(demo_ctx, survey_id))
    _refused(demo_ctx, armored[:len(armored) // 2] + b"\n-----END AGE ENCRYPTED FILE-----\n", ("bị cắt", "hỏng"))


def test_oversized_refused_before_decrypting(demo_ctx, survey_id) -> None:
    big = seal(demo_ctx, survey_payload(demo_ctx, survey_id, pad="x" * (sealed.MAX_BYTES + 10)), armored=False)
    _refused(demo_ctx, big, "lớn quá")


@pytest.mark.parametrize("payload", [b"not json", b"[]", b'{"v": 2}', b'{"v": 1, "kind": "survey", "rid": "zz"}',
                                     b'{"v":1,"kind":"survey","office":"x","rid":"' + b"a" * 32 + b'","qhash":1}',
                                     b'{"v":1,"kind":"report","office":"x","rid":"' + b"a" * 32 + b'","token":"NaN"}',
                                     b"\xff\xfe", b'{"v": 1, "x": NaN}', b"[" * 100000])
def test_malformed_payloads_refused(demo_ctx, payload: bytes) -> None:
    _refused(demo_ctx, seal(demo_ctx, payload), "không")


def test_answers_broken_by_hand_refused(demo_ctx, survey_id) -> None:
    # Sealed by someone holding the public form: every rule of the questionnaire still holds.
    for answers, words in (({"1": 2, "2": [1]}, "phải bỏ trống"), ({"1": 1, "2": [9], "3": 4, "6": 1}, "phương án"),
                           ({"3": True}, "không đúng định dạng"), ({"1": 1, "2": [5], "3": 4}, "bắt buộc"),
                           ({"1": 2, "3": 4, "5": "x" * 600}, "câu trả lời ngắn"), ({"1": 2, "3": 4, "77": 1}, "không có câu")):
        _refused(demo_ctx, seal(demo_ctx, survey_payload(demo_ctx, survey_id, answers=answers)), words)
    _refused(demo_ctx, seal(demo_ctx, survey_payload(demo_ctx, survey_id, profile={"gender": "robot"})), "không hợp lệ")
    _refused(demo_ctx, seal(demo_ctx, survey_payload(demo_ctx, survey_id, extra=1)), "mục lạ")


def test_closed_survey_and_changed_questions_refused(demo_ctx, survey_id) -> None:
    stale = seal(demo_ctx, survey_payload(demo_ctx, survey_id))
    qn.add_question(demo_ctx, survey_id, "Câu hỏi thêm sau khi phát phiếu", "single", ["Có", "Không"])
    _refused(demo_ctx, stale, "bộ câu hỏi cũ")
    fresh = seal(demo_ctx, survey_payload(demo_ctx, survey_id, answers={"1": 2, "3": 4, "7": 1}))
    qn.update_survey(demo_ctx, survey_id, status="closed")
    _refused(demo_ctx, fresh, "đã kết thúc")


def test_unknown_survey_refused(demo_ctx, survey_id) -> None:
    _refused(demo_ctx, seal(demo_ctx, survey_payload(demo_ctx, survey_id, survey="01a0-nope")), "không có ở đơn vị")


def test_report_lands_in_the_inbox_not_in_the_counts(demo_ctx, token) -> None:
    opinions = _state(demo_ctx)[4]
    items = [{"summary": f"Ý kiến số {n} về đường giao thông nông thôn", "field": "economy", "tendency": "support",
              "area_code": None, "scale": "low", "proposal": "Đề nghị sửa đường"} for n in range(3)]
    outcome = _one(demo_ctx, seal(demo_ctx, report_payload(demo_ctx, token, items)))
    assert (outcome.status, outcome.kind, outcome.items) == ("imported", "report", 3)
    assert _state(demo_ctx)[2] == 3 and _state(demo_ctx)[4] == opinions
    who = demo_ctx.db.execute("SELECT DISTINCT collaborator_id FROM opinion_inbox WHERE status = 'waiting'").fetchall()
    assert who == [(active_collaborator(demo_ctx),)]


def test_report_with_unknown_revoked_or_departed_token_refused(demo_ctx, token) -> None:
    _refused(demo_ctx, seal(demo_ctx, report_payload(demo_ctx, "ab" * 32)), "không do đơn vị này phát")
    person = registry.get(demo_ctx, active_collaborator(demo_ctx))
    person.status = "paused"
    registry.update(demo_ctx, person)
    _refused(demo_ctx, seal(demo_ctx, report_payload(demo_ctx, token)), "không còn hoạt động")
    person = registry.get(demo_ctx, person.id)
    person.status = "active"
    registry.update(demo_ctx, person)
    assert tokens.revoke(demo_ctx, person.id) >= 1
    _refused(demo_ctx, seal(demo_ctx, report_payload(demo_ctx, token)), "thu hồi")


def test_report_items_checked_whole(demo_ctx, token) -> None:
    good = {"summary": "Lo lắng về giá điện", "field": "economy", "tendency": "concern", "area_code": None,
            "scale": "low", "proposal": None}
    for bad, words in (({**good, "field": "weather"}, "field"), ({**good, "summary": ""}, "thiếu nội dung"),
                       ({**good, "area_code": "NOWHERE"}, "địa bàn"), ({**good, "html": "<b>"}, "mục lạ")):
        _refused(demo_ctx, seal(demo_ctx, report_payload(demo_ctx, token, [good, bad])), words)
    _refused(demo_ctx, seal(demo_ctx, report_payload(demo_ctx, token, [good] * (MAX_ITEMS + 1))), "tối đa")
    _refused(demo_ctx, seal(demo_ctx, report_payload(demo_ctx, token, items=[])), "không có ý kiến")


def test_free_text_stays_plain_data(demo_ctx, token, survey_id) -> None:
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> =HYPERLINK(\"http://x\") \x00\x07"
    item = {"summary": hostile, "field": "other", "tendency": "concern", "area_code": None, "scale": "low",
            "proposal": "=1+1"}
    assert _one(demo_ctx, seal(demo_ctx, report_payload(demo_ctx, token, [item]))).status == "imported"
    stored = demo_ctx.db.execute("SELECT summary, proposal FROM opinion_inbox WHERE status = 'waiting'").fetchone()
    cleaned = hostile.replace("\x00", "").replace("\x07", "").strip()
    assert stored == (cleaned, "=1+1")
    answers = {"1": 2, "3": 4, "5": hostile}
    assert _one(demo_ctx, seal(demo_ctx, survey_payload(demo_ctx, survey_id, answers=answers))).status == "imported"
    assert load_responses(demo_ctx, survey_id)[0].answers[5] == cleaned


def test_folder_import_reads_responses_and_skips_other_files(demo_ctx, survey_id, tmp_path) -> None:
    tmp_path = tmp_path / "mail"
    tmp_path.mkdir()
    (tmp_path / "a.age").write_bytes(seal(demo_ctx, survey_payload(demo_ctx, survey_id), armored=False))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_bytes(seal(demo_ctx, survey_payload(demo_ctx, survey_id)))
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff" + b"0" * 100)
    arrivals, skipped = receive.arrivals_from([str(tmp_path)])
    assert skipped == 1 and [a[0] for a in arrivals] == ["a.age", "b.txt"]
    assert [o.status for o in receive.receive_many(demo_ctx, arrivals)] == ["imported", "imported"]


def test_cli_import_and_exit_status(cli, demo_ctx, demo_path, survey_id, tmp_path) -> None:
    good = tmp_path / "good.age"
    good.write_bytes(seal(demo_ctx, survey_payload(demo_ctx, survey_id)))
    bad = tmp_path / "bad.age"
    bad.write_bytes(seal(str(x25519.Identity.generate().to_public()), survey_payload(demo_ctx, survey_id)))
    demo_ctx.close()
    done = cli("--db", str(demo_path), "forms", "import", str(good))
    assert done.returncode == 0, done.stderr
    assert "Đã nhập 1 phiếu" in done.stdout
    again = cli("--db", str(demo_path), "forms", "import", str(good))
    assert again.returncode == 0 and "1 phiếu đã có" in again.stdout
    refused = cli("--db", str(demo_path), "forms", "import", str(bad))
    assert refused.returncode == 1
    assert refused.stderr.strip().count("\n") == 0 and "không gửi cho đơn vị này" in refused.stderr


def test_markup_in_an_answer_is_text_in_the_survey_report(demo_ctx, survey_id, tmp_path) -> None:
    """A response's free text reaches the PDF and DOCX report as the characters typed: reportlab's
    paragraph markup (<img src=…>, <b>) would otherwise load a file or change the layout."""
    from app.surveys import report
    from tests.pdfread import open_pdf

    hostile = "<img src=\"/etc/passwd\"/><b>Đậm</b> &amp; =1+1"
    for _ in range(2):
        answers = {"1": 2, "3": 4, "5": hostile}
        assert _one(demo_ctx, seal(demo_ctx, survey_payload(demo_ctx, survey_id, answers=answers))).status == "imported"
    pdf, docx = report.render(demo_ctx, survey_id, tmp_path)
    text = " ".join(open_pdf(pdf.read_bytes()).text().split())
    assert hostile in text
    from docx import Document as Docx

    assert any(hostile in p.text for p in Docx(str(docx)).paragraphs)


@pytest.mark.real_process
def test_cli_import_of_pasted_text_in_a_real_process(demo_ctx, demo_path, survey_id) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    chat = b"Zalo: phieu cua ba con\n" + seal(demo_ctx, survey_payload(demo_ctx, survey_id)) + b"cam on\n"
    demo_ctx.close()
    done = subprocess.run([sys.executable, "-m", "app", "--db", str(demo_path), "forms", "import", "-"], input=chat,
                          capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT, timeout=120)
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 0, err
    assert "nội dung dán vào: đã nhập phiếu điều tra" in out and "Traceback" not in out + err


def test_cli_make_forms_and_refusals(cli, demo_ctx, demo_path, survey_id, tmp_path) -> None:
    closed = next(s.id for s in qn.list_surveys(demo_ctx) if s.status == "closed")
    active = demo_ctx.db.execute("SELECT count(*) FROM collaborators WHERE status = 'active'").fetchone()[0]
    demo_ctx.close()
    done = cli("--db", str(demo_path), "forms", "make", "--survey", survey_id, "--out", str(tmp_path / "s"))
    assert done.returncode == 0 and "Đã làm phiếu điện tử" in done.stdout
    done = cli("--db", str(demo_path), "forms", "make", "--collaborators", "--out", str(tmp_path / "c"))
    assert done.returncode == 0 and len(list((tmp_path / "c").glob("*.html"))) == active
    refused = cli("--db", str(demo_path), "forms", "make", "--survey", closed, "--out", str(tmp_path / "x"))
    assert refused.returncode == 1 and "đã kết thúc" in refused.stderr and not (tmp_path / "x").exists()
    usage = cli("--db", str(demo_path), "forms", "make", "--out", str(tmp_path))
    assert usage.returncode == 2


def test_armor_rewrapped_by_a_chat_app_still_imports(demo_ctx, survey_id) -> None:
    armored = seal(demo_ctx, survey_payload(demo_ctx, survey_id)).decode()
    joined = " ".join(armored.split("\n"))            # every line break turned into a space
    indented = "\n".join("    " + line for line in armored.split("\n"))
    assert _one(demo_ctx, ("Tin nhắn: " + joined).encode()).status == "imported"
    assert _one(demo_ctx, indented.encode()).status == "already"
    cut = armored.replace(armored.split("\n")[2], armored.split("\n")[2][:-4], 1)
    _refused(demo_ctx, cut.encode(), ("hỏng", "bị cắt", "bị sửa"))


def test_unreadable_or_missing_file_is_one_refused_line_among_good_ones(demo_ctx, survey_id, tmp_path) -> None:
    good = tmp_path / "good.age"
    good.write_bytes(seal(demo_ctx, survey_payload(demo_ctx, survey_id)))
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (receive.MAX_TEXT_INPUT + 1))
    arrivals, _ = receive.arrivals_from([str(tmp_path / "missing.age"), str(big), str(good)])
    outcomes = receive.receive_many(demo_ctx, arrivals)
    assert [o.status for o in outcomes] == ["refused", "refused", "imported"]
    assert "Không tìm thấy tệp" in outcomes[0].message and "lớn quá" in outcomes[1].message
