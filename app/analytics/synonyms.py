"""The synonym table: built-in groups from resources/analytics/synonyms.txt plus the office's own
groups, kept in the encrypted settings table (key "analytics_synonyms") so they travel with the
database backups and never sit in a plaintext file."""

from __future__ import annotations

from app import auth, settings
from app.analytics.textproc import Processor, builtin_groups, parse_groups
from app.context import Ctx
from app.errors import ValidationError

KEY = "analytics_synonyms"


def user_lines(ctx: Ctx) -> list[str]:
    """The office's own groups as typed ('cụm từ chính = cách nói khác = ...')."""
    value = settings.get(ctx, KEY)
    return list(value) if isinstance(value, list) else []


def builtin_lines() -> list[str]:
    return [" = ".join(g) for g in builtin_groups()]


def add(ctx: Ctx, line: str) -> str:
    """Add a group; one clear message when it is not 'A = B' with two different phrases."""
    auth.require(ctx, "enter")
    groups = parse_groups([line])
    if not groups or len({p for p in groups[0]}) < 2:
        raise ValidationError("Nhóm từ đồng nghĩa cần ít nhất hai cụm từ khác nhau, cách nhau bằng dấu '=', "
                              "ví dụ: đền bù = bồi thường.", field="synonyms")
    text = " = ".join(groups[0])
    lines = user_lines(ctx)
    if text in lines:
        raise ValidationError("Nhóm từ đồng nghĩa này đã có.", field="synonyms")
    settings.put(ctx, KEY, lines + [text])
    return text


def remove(ctx: Ctx, line: str) -> None:
    auth.require(ctx, "enter")
    lines = user_lines(ctx)
    if line not in lines:
        raise ValidationError("Không tìm thấy nhóm từ đồng nghĩa này.", field="synonyms")
    settings.put(ctx, KEY, [x for x in lines if x != line])


_PROCESSORS: dict[tuple[str, ...], Processor] = {}


def processor(ctx: Ctx) -> Processor:
    """The text processor with this office's table; user groups come first so they can override."""
    lines = tuple(user_lines(ctx))
    proc = _PROCESSORS.get(lines)
    if proc is None:
        proc = Processor(parse_groups(list(lines)) + builtin_groups())
        _PROCESSORS.clear()
        _PROCESSORS[lines] = proc
    return proc


