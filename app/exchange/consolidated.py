"""The province's consolidated monthly report, drafted from every district's imported data
and rendered by the reports capability's DOCX/PDF renderers (one layout, FORMAT.md)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from app import catalog, office
from app.context import Ctx
from app.exchange import province, safezip
from app.reports.document import (
    Chart,
    Document,
    Header,
    Heading,
    Paragraph,
    Table,
    number_text,
    signature,
)
from app.reports.period import Period, period_of
from app.text import vn_date_line, vn_number

RECIPIENTS = ["Ban Tuyên giáo Trung ương", "Thường trực Tỉnh ủy", "Ban Tuyên giáo các huyện, thị, thành ủy", "Lưu VT"]


def _month_period(month: str) -> Period:
    return period_of("monthly", date.fromisoformat(f"{month}-01"))


def _per_district(ctx: Ctx, p: Period) -> list[tuple[str, str, int, int, int]]:
    return ctx.db.execute(
        "SELECT d.unit_code, d.name, "
        " (SELECT count(*) FROM opinions o WHERE o.origin = d.unit_code AND o.received_on BETWEEN ? AND ?), "
        " (SELECT count(*) FROM opinions o WHERE o.origin = d.unit_code AND o.received_on BETWEEN ? AND ? "
        "    AND o.tendency IN ('frustration', 'distortion')), "
        " (SELECT count(*) FROM opinions o WHERE o.origin = d.unit_code AND o.received_on BETWEEN ? AND ? "
        "    AND o.hotspot_risk = 'high') "
        "FROM peers d WHERE d.role = 'district' ORDER BY d.name",
        [p.start.isoformat(), p.end.isoformat()] * 3,
    ).fetchall()


def draft(ctx: Ctx, month: str, today: date | None = None) -> Document:
    """A Document for `month` ('YYYY-MM') over all districts' items held at the province."""
    today = today or date.today()
    me = office.get_office(ctx)
    p = _month_period(month)
    between = [p.start.isoformat(), p.end.isoformat()]
    rows = _per_district(ctx, p)
    total = sum(r[2] for r in rows)
    prev = p.previous()
    prev_total = ctx.db.execute(
        "SELECT count(*) FROM opinions WHERE origin != ? AND received_on BETWEEN ? AND ?",
        [me.unit_code, prev.start.isoformat(), prev.end.isoformat()],
    ).fetchone()[0]
    timely = {t.unit_code: t.cells[month] for t in province.timeliness(ctx, [month], today)}
    sent = sum(1 for r in rows if r[2])
    cells = {
        (f, t): n
        for f, t, n in ctx.db.execute(
            "SELECT field, tendency, count(*) FROM opinions WHERE origin != ? AND received_on BETWEEN ? AND ? "
            "GROUP BY field, tendency",
            [me.unit_code, *between],
        ).fetchall()
    }
    trend = "tăng" if total > prev_total else "giảm" if total < prev_total else "bằng"
    blocks: list = [
        Heading(1, "I. TÌNH HÌNH CHUNG"),
        Paragraph(
            f"Trong {p.label}, Ban Tuyên giáo Tỉnh ủy nhận dữ liệu của {sent}/{len(rows)} đơn vị cấp huyện, "
            f"tổng hợp {vn_number(total)} ý kiến, phản ánh của cán bộ, đảng viên và Nhân dân "
            f"({trend} so với {p.previous_label}: {vn_number(prev_total)} ý kiến)."
        ),
        Table(
            ["Đơn vị", "Số ý kiến", "Bức xúc, trái chiều", "Nguy cơ điểm nóng", "Báo cáo tháng"],
            [
                [
                    name,
                    vn_number(n),
                    vn_number(bad),
                    vn_number(hot),
                    province.STATUS_LABELS[timely.get(code, (province.MISSING, ""))[0]],
                ]
                for code, name, n, bad, hot in rows
            ]
            + [
                [
                    "Tổng cộng",
                    vn_number(total),
                    vn_number(sum(r[3] for r in rows)),
                    vn_number(sum(r[4] for r in rows)),
                    "",
                ]
            ],
            widths_mm=[55, 25, 30, 30, 25],
            caption="Bảng 1. Ý kiến, phản ánh theo đơn vị",
            bold_last_row=True,
        ),
        Heading(1, "II. DƯ LUẬN XÃ HỘI THEO LĨNH VỰC"),
        Table(
            ["Lĩnh vực", *catalog.TENDENCIES.values(), "Cộng"],
            [
                [
                    label,
                    *(vn_number(cells.get((code, t), 0)) for t in catalog.TENDENCIES),
                    vn_number(sum(cells.get((code, t), 0) for t in catalog.TENDENCIES)),
                ]
                for code, label in catalog.FIELDS.items()
            ],
            widths_mm=[45, 24, 24, 24, 24, 24],
            caption="Bảng 2. Ý kiến theo lĩnh vực và xu hướng",
        ),
        Chart(
            "Ý kiến theo lĩnh vực và xu hướng",
            list(catalog.FIELDS.values()),
            list(catalog.TENDENCIES.values()),
            [[cells.get((f, t), 0) for f in catalog.FIELDS] for t in catalog.TENDENCIES],
        ),
        Heading(1, "III. NHỮNG VẤN ĐỀ DƯ LUẬN QUAN TÂM"),
        *_topics(ctx, me.unit_code, between),
        Heading(1, "IV. ĐỀ XUẤT, KIẾN NGHỊ"),
        *_proposals(ctx, me.unit_code, between),
    ]
    return Document(
        header=Header(
            superior=me.superior_name,
            body=me.body_name,
            number=number_text(None, "BC", me.body_code),
            date_line=vn_date_line(me.place_name, today),
        ),
        doc_type="BÁO CÁO",
        subject=f"tổng hợp tình hình dư luận xã hội các huyện, thị xã, thành phố {p.label}",
        blocks=blocks,
        recipients=RECIPIENTS,
        signatures=[signature(me.body_name, "tm", "")],
        title_meta=f"Báo cáo tổng hợp dư luận xã hội {p.label}",
    )


def _topics(ctx: Ctx, me: str, between: list[str]) -> list:
    rows = ctx.db.execute(
        "SELECT t.title, count(*), count(DISTINCT o.origin), group_concat(DISTINCT u.name) FROM opinions o "
        "JOIN topics t ON t.id = o.topic_id LEFT JOIN units u ON u.code = o.origin "
        "WHERE o.origin != ? AND o.received_on BETWEEN ? AND ? GROUP BY t.title ORDER BY count(*) DESC LIMIT 5",
        [me, *between],
    ).fetchall()
    if not rows:
        return [Paragraph("Trong kỳ, các đơn vị chưa phản ánh vấn đề nổi lên theo chủ đề.")]
    return [
        Paragraph(f"{n}. {title}: {vn_number(count)} ý kiến tại {units} đơn vị ({names}).")
        for n, (title, count, units, names) in enumerate(rows, 1)
    ]


def _proposals(ctx: Ctx, me: str, between: list[str]) -> list:
    found = Counter(
        r[0].strip().rstrip(".;")
        for r in ctx.db.execute(
            "SELECT proposal FROM opinions WHERE origin != ? AND received_on BETWEEN ? AND ? "
            "AND coalesce(proposal, '') != ''",
            [me, *between],
        ).fetchall()
    )
    if not found:
        return [Paragraph("Chưa có đề xuất, kiến nghị mới từ các đơn vị.")]
    return [Paragraph(f"- {text} ({n} ý kiến).") for text, n in found.most_common(5)]


def render(ctx: Ctx, month: str, folder: Path, today: date | None = None) -> tuple[Path, Path]:
    """Write the consolidated report as PDF and DOCX into `folder`; returns both paths."""
    from app.reports.render_docx import render_docx
    from app.reports.render_pdf import render_pdf

    doc = draft(ctx, month, today)
    stem = f"bao-cao-tong-hop-{month}"
    pdf = safezip.atomic_write(Path(folder) / f"{stem}.pdf", render_pdf(doc))
    docx = safezip.atomic_write(Path(folder) / f"{stem}.docx", render_docx(doc))
    return pdf, docx
