"""Before signing, the question says whose name the stamp carries and that it may not be the
signed-in account (issue 25: the stamp named a different person, unexplained)."""

from __future__ import annotations

import dataclasses

from app.context import User
from app.reports import register, store
from app.reports.signer import sign_question, signing_name


def test_the_question_names_the_stamp_and_the_account(demo_ctx) -> None:
    head = dataclasses.replace(demo_ctx, user=User("tb", "head", "Trần Văn Hùng"))
    text = sign_question(head, "Lê Thị Mai")
    assert "«Ký số bởi: Lê Thị Mai»" in text and "không phải tài khoản đang đăng nhập (Trần Văn Hùng)" in text
    same = sign_question(head, "Trần Văn Hùng")
    assert "«Ký số bởi: Trần Văn Hùng»" in same and "không phải" not in same


def test_the_stamp_carries_the_name_the_question_gave(demo_ctx) -> None:
    head = dataclasses.replace(demo_ctx, user=User("tb", "head", "Trần Văn Hùng"))
    rid = store.list_reports(demo_ctx)[0].id
    for step in (register.submit, register.approve):
        step(demo_ctx, rid)
    expected = signing_name(head, store.get(demo_ctx, rid).signer_name)
    assert f"«Ký số bởi: {expected}»" in sign_question(head, store.get(demo_ctx, rid).signer_name)
    assert register.sign(head, rid).signer_name == expected
