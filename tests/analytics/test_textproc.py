"""Text processing: synonyms meet, accents never create false synonyms, stop words drop out."""

from app.analytics.textproc import Processor


def test_synonyms_meet_with_and_without_accents():
    proc = Processor()
    assert "boi thuong" in proc.canonical("Tiền đền bù quá thấp")
    assert "boi thuong" in proc.canonical("tien den bu qua thap")
    assert "giai phong mat bang" in proc.canonical("Công tác GPMB chậm")
    assert "tin dung den" in proc.canonical("nạn cho vay nặng lãi")


def test_single_syllable_synonym_needs_its_accents():
    proc = Processor()
    assert "gia ca" in proc.canonical("giá tăng")              # "giá" is "giá cả"
    assert "gia ca" not in proc.canonical("gia đình khó khăn")  # "gia" is not


def test_stop_words_and_pairs():
    proc = Processor()
    toks = proc.tokens("Người dân phản ánh về việc bồi thường")
    assert toks == ["boi", "thuong"]
    assert "boi_thuong" in proc.features("Người dân phản ánh về việc bồi thường")


def test_user_group_extends_the_table():
    proc = Processor([["nước sạch", "nước máy"]])
    assert "nuoc sach" in proc.canonical("nước máy bị đục")
