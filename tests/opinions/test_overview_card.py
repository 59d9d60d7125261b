"""The Overview cards of the opinions desk on the demo office (which surges in the last 14 days)."""

from app.opinions import handling
from app.overview_cards.opinions import cards


def test_warning_card_gives_reasons_in_words_and_overdue_count(demo_ctx):
    warning, overdue = cards(demo_ctx)
    assert warning.level == "warning" and warning.title == "Cảnh báo sớm điểm nóng dư luận"
    text = " ".join(label for label, _ in warning.rows)
    assert "Ô nhiễm môi trường" in text and "lan ra" in text and "trong 14 ngày qua" in text
    assert overdue.rows[0] == ("Số thông tin, vấn đề quá hạn", str(handling.overdue_count(demo_ctx)))


def test_no_warning_card_on_an_empty_office(empty_ctx):
    (overdue,) = cards(empty_ctx)
    assert overdue.level == "info" and overdue.rows == [("Số thông tin, vấn đề quá hạn", "0")]
