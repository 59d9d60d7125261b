"""Hypothesis strategies shared by the fuzz tests, and the one rule every refusal must keep."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from app.errors import DlxhError

VIETNAMESE = set("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")

# Printable text, Vietnamese-heavy, no surrogates or control characters (Excel cannot hold those).
LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
text = st.one_of(
    st.text(alphabet=LETTERS + " .,-/()0123456789", max_size=60),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40),
)
maybe_text = st.one_of(st.none(), text)

date_texts = st.one_of(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(lambda d: d.strftime("%d/%m/%Y")),
    st.from_regex(r"\A\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\Z"),
    text,
)
maybe_date = st.one_of(st.none(), date_texts)

phones = st.one_of(st.from_regex(r"\A(0|\+84|84)?[0-9 .\-]{0,14}\Z"), text)
emails = st.one_of(st.emails().map(str), st.from_regex(r"\A[a-z.]{0,8}@?[a-z]{0,6}\.?[a-z]{0,4}\Z"), text)


def mostly(valid: st.SearchStrategy, junk: st.SearchStrategy, odds: int = 6) -> st.SearchStrategy:
    """`valid` about odds/(odds+1) of the time, else `junk` (so whole forms pass often enough
    for acceptance to be exercised too, not only refusals)."""
    return st.integers(0, odds).flatmap(lambda i: junk if i == 0 else valid)


def code_or_junk(catalogue: dict[str, str]) -> st.SearchStrategy:
    return mostly(st.sampled_from(sorted(catalogue)),
                  st.one_of(st.none(), st.sampled_from(sorted(catalogue.values())), text))


past_dates = st.dates(min_value=date(2000, 1, 1), max_value=date.today()).map(date.isoformat)


def assert_clear_refusal(exc: BaseException) -> None:
    """A refusal is a DlxhError whose message is a Vietnamese sentence, not a trace."""
    assert isinstance(exc, DlxhError), f"unhandled {type(exc).__name__}: {exc!r}"
    message = exc.message
    assert message and message.strip() == message, repr(message)
    assert VIETNAMESE & set(message.lower()), f"not Vietnamese: {message!r}"
    assert "Traceback" not in message and "Error" not in message.split(":")[0]
