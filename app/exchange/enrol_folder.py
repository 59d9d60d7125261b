"""Enrol many offices at once from a folder of identity cards (a province with 38–168 communes).

Each card stands on its own: a damaged, altered or wrong-level card is refused with its own
Vietnamese line and the other cards are still enrolled (one bad file among 168 must not
block the rest, and nothing half-done is left: each card is enrolled in its own
transaction by `keys.enrol`). The fingerprints are shown in one table for the user to
confirm by phone before anything is written; a card that would replace the keys of an
office already enrolled is never ticked by default.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import office
from app.context import Ctx
from app.errors import DlxhError, ValidationError
from app.exchange import identity, keys
from app.exchange.importer import read_file

CARD_SUFFIX = ".dlxid"
NEW, CHANGED, SAME, REFUSED = "new", "changed", "same", "refused"
STATE_LABELS = {
    NEW: "Chưa đăng ký",
    CHANGED: "Đã đăng ký, khóa khác",
    SAME: "Đã đăng ký, trùng khớp",
    REFUSED: "Không nhận",
}


@dataclass(frozen=True)
class CardFile:
    path: Path
    card: identity.Card | None
    state: str
    note: str  # why refused, or what enrolling would change

    @property
    def enrollable(self) -> bool:
        return self.card is not None and self.state in (NEW, CHANGED)


@dataclass(frozen=True)
class Outcome:
    enrolled: list[keys.Peer]
    refused: list[tuple[Path, str]]  # file and the Vietnamese reason


def scan_folder(ctx: Ctx, folder: Path) -> list[CardFile]:
    """Read every card in `folder` (not its subfolders), sorted by office name; writes nothing."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(f"Không tìm thấy thư mục {folder}.")
    me = office.get_office(ctx)
    enrolled = dict(ctx.db.execute("SELECT unit_code, fingerprint FROM peers").fetchall())
    found = []
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() == CARD_SUFFIX and p.is_file()):
        found.append(_check(path, me, enrolled))
    if not found:
        raise ValidationError(f"Thư mục {folder} không có thẻ định danh nào (tệp {CARD_SUFFIX}).")
    return sorted(found, key=lambda c: (c.state == REFUSED, c.card.name if c.card else c.path.name))


def _check(path: Path, me: office.Office, enrolled: dict[str, str]) -> CardFile:
    try:
        card = identity.parse_card(read_file(path, limit=identity.MAX_CARD_BYTES))
    except DlxhError as exc:
        return CardFile(path, None, REFUSED, exc.message)
    if card.unit_code == me.unit_code:
        return CardFile(path, card, REFUSED, "Thẻ của chính đơn vị này.")
    if card.role == me.role:
        return CardFile(path, card, REFUSED, "Thẻ cùng cấp với đơn vị đang dùng: chỉ trao đổi giữa cấp dưới và cấp tỉnh.")
    had = enrolled.get(card.unit_code)
    if had is None:
        return CardFile(path, card, NEW, "")
    if had == card.fingerprint:
        return CardFile(path, card, SAME, "Đã đăng ký với đúng mã xác nhận này; không cần làm gì.")
    return CardFile(path, card, CHANGED, f"Thay khóa đã đăng ký (mã cũ {had}): chỉ chọn khi đơn vị đó đã đổi máy.")


def enrol_cards(ctx: Ctx, chosen: list[CardFile]) -> Outcome:
    """Enrol the cards the user confirmed; refusals are collected, never raised, so the rest go on."""
    enrolled, refused = [], []
    for item in chosen:
        if item.card is None or not item.enrollable:
            refused.append((item.path, item.note or "Thẻ không đăng ký được."))
            continue
        try:
            enrolled.append(keys.enrol(ctx, item.card))
        except DlxhError as exc:
            refused.append((item.path, exc.message))
    return Outcome(enrolled, refused)


def summary_line(outcome: Outcome) -> str:
    line = f"Đã đăng ký {len(outcome.enrolled)} đơn vị"
    if outcome.refused:
        line += f"; {len(outcome.refused)} thẻ không nhận: " + "; ".join(
            f"{path.name}: {reason.rstrip('.')}" for path, reason in outcome.refused
        )
    return line + "."
