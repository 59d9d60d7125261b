"""Resolve what a clerk types (a code, a Vietnamese label, with or without accents, or a
unique start of it) to a catalogue code. Shared by the CLI options and the entry form's
completion, so "ktế", "kinh te" and "Kinh tế" all mean 'economy'."""

from __future__ import annotations

from app.errors import ValidationError
from app.text import fold


def matches(options: dict[str, str], typed: str) -> list[str]:
    """Codes whose code or label matches `typed`: exact first, then prefix, then word prefix,
    then initials ("vhxh" → Văn hóa – xã hội), then substring (all accent-insensitive)."""
    key = fold(typed).strip()
    if not key:
        return []
    folded = {code: fold(label) for code, label in options.items()}
    for test in (lambda c, f: key in (fold(c), f),
                 lambda c, f: f.startswith(key) or fold(c).startswith(key),
                 lambda c, f: any(w.startswith(key) for w in _words(f)),
                 lambda c, f: len(key) > 1 and "".join(w[0] for w in _words(f)).startswith(key.replace(" ", "")),
                 lambda c, f: key in f):
        found = [c for c, f in folded.items() if test(c, f)]
        if found:
            return found
    return []


def _words(folded: str) -> list[str]:
    return [w for w in folded.replace(",", " ").replace("–", " ").replace("-", " ").split() if w]


def resolve(options: dict[str, str], typed: str | None, label: str, field: str | None = None,
            required: bool = True) -> str | None:
    """The single code meant by `typed`, or a Vietnamese ValidationError listing the choices."""
    if not typed or not typed.strip():
        if required:
            raise ValidationError(f"{label} không được để trống.", field=field)
        return None
    found = matches(options, typed)
    if len(found) == 1:
        return found[0]
    if not found:
        choices = "; ".join(options.values()) if len(options) <= 12 else f"{len(options)} lựa chọn"
        raise ValidationError(f"{label} không hợp lệ: “{typed}”. Chọn một trong: {choices}.", field=field)
    names = "; ".join(options[c] for c in found[:6])
    raise ValidationError(f"{label} “{typed}” chưa rõ, có thể là: {names}.", field=field)
