"""What stays together on a PDF page, kept as tight as the rule needs and no tighter.

reportlab's own keepWithNext glues a heading to the *whole* block after it, and the old
ending kept three whole paragraphs with the signature: a long paragraph after a heading, or a
long closing, moved whole to the next page and left up to three quarters of a page blank.
Here a heading (or a paragraph leading into a list) asks only for room for itself and the
first LINES_KEPT lines of what follows (a table: its caption, header and first rows; a chart:
the chart at its smallest scale; the closing block: all of it), as Word's keep-with-next does;
and the signature block keeps only the last LINES_KEPT lines of the text with it.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer
from reportlab.platypus import Paragraph as RLParagraph

LINES_KEPT = 2  # lines of a paragraph kept with its heading above, or with the signature below
_BIG = 1e6


def _height(flowable: Flowable, width: float) -> float:
    if isinstance(flowable, KeepTogether):     # its own wrap needs a canvas and answers "split me"
        return sum(_height(f, width) for f in flowable._content)
    return flowable.wrap(width, _BIG)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def _lines(para: RLParagraph, width: float) -> int:
    para.wrap(width, _BIG)
    return len(para.blPara.lines)


def _start_height(following: list[Flowable], width: float) -> float:
    """Height of the least of `following` that may stand at the foot of a page under a heading."""
    need = 0.0
    for flowable in following:
        start = getattr(flowable, "start_height", None)
        if start is not None:                   # a table's room check, a chart
            return need + start(width)
        if isinstance(flowable, CondPageBreak):
            continue
        if isinstance(flowable, Spacer):
            need += flowable.height
            continue
        if isinstance(flowable, RLParagraph):
            lines = min(_lines(flowable, width), LINES_KEPT)
            return need + flowable.getSpaceBefore() + lines * flowable.style.leading
        return need + _height(flowable, width)
    return need


class _RoomFor(CondPageBreak):
    """A new page unless the kept flowables and the start of what follows them fit here."""

    def __init__(self, kept: list[Flowable], following: list[Flowable]) -> None:
        super().__init__(0)
        self._kept, self._following = kept, following

    def wrap(self, avail_w: float, avail_h: float):
        self.height = sum(_height(f, avail_w) for f in self._kept) + _start_height(self._following, avail_w)
        return super().wrap(avail_w, avail_h)


def keep_heads(flow: list[Flowable]) -> list[Flowable]:
    """`flow` with each run of keep-with-next flowables preceded by a room check instead."""
    out: list[Flowable] = []
    index = 0
    while index < len(flow):
        end = index
        while end < len(flow) and flow[end].getKeepWithNext():
            end += 1
        if end == index:
            out.append(flow[index])
            index += 1
            continue
        kept = flow[index:end]
        for flowable in kept:
            flowable.__dict__["keepWithNext"] = 0
        out.append(_RoomFor(kept, flow[end:end + 3]))
        out.extend(kept)
        index = end
    return out


def closing_lines(flow: list[Flowable], width: float) -> list[Flowable]:
    """Take from the end of `flow` what moves with the signature block: the text's last
    LINES_KEPT lines (a paragraph is split there; one too short to leave two lines behind goes
    whole, and a one-line last paragraph takes the end of the one before it along)."""
    closing: list[Flowable] = []
    lines_taken = 0
    while lines_taken < LINES_KEPT and flow and isinstance(flow[-1], RLParagraph):
        last = flow.pop()
        lines = _lines(last, width)
        wanted = LINES_KEPT - lines_taken
        parts = []
        if lines - wanted >= LINES_KEPT:      # split: at least two lines stay behind
            head_height = last.getSpaceBefore() + (lines - wanted) * last.style.leading + 0.01
            parts = last.split(width, head_height)
        if len(parts) == 2:
            flow.append(parts[0])
            closing.insert(0, parts[1])
            break
        closing.insert(0, last)
        lines_taken += lines
    return closing
