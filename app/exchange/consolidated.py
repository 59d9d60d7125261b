"""The province's consolidated monthly report, drafted from every lower office's imported data
(communes, wards, agency committees, legacy districts) and rendered by the reports
capability's DOCX/PDF renderers (one layout, FORMAT.md). Figures: consolidated_facts;
wording: consolidated_text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app import catalog, office
from app.context import Ctx
from app.exchange import consolidated_facts as cf
from app.exchange import consolidated_text as ct
from app.exchange import province, safezip
from app.reports.document import Chart, Document, Header, Heading, Table, number_text, signature, text_blocks
from app.reports.period import Period, period_of
from app.text import vn_date_line, vn_number

RECIPIENTS = ["Ban Tuyên giáo và Dân vận Trung ương", "Thường trực Tỉnh ủy", "Các đảng ủy xã, phường, đặc khu",
              "Lưu VT"]


def _month_period(month: str) -> Period:
    return period_of("monthly", date.fromisoformat(f"{month}-01"))


def _unit_table(f: cf.ProvinceFacts) -> Table:
    rows = [[u.name, vn_number(u.total), vn_number(u.negative), vn_number(u.high_risk), vn_number(u.overdue),
             province.STATUS_LABELS.get(u.status, "")] for u in f.units]
    rows.append(["Tổng cộng", vn_number(f.total), vn_number(sum(u.negative for u in f.units)),
                 vn_number(sum(u.high_risk for u in f.units)), vn_number(sum(u.overdue for u in f.units)), ""])
    return Table(["Đơn vị", "Số ý kiến", "Bức xúc, trái chiều", "Nguy cơ điểm nóng", "Quá hạn xử lý", "Báo cáo tháng"],
                 rows, widths_mm=[50, 22, 26, 26, 22, 19], caption="Bảng 1. Ý kiến, phản ánh theo đơn vị",
                 bold_last_row=True)


def _paragraphs(lines: list[str]) -> list:
    return text_blocks("\n".join(lines))


def draft(ctx: Ctx, month: str, today: date | None = None) -> Document:
    """A Document for `month` ('YYYY-MM') over all lower offices' items held at the province."""
    today = today or date.today()
    me = office.get_office(ctx)
    p = _month_period(month)
    f = cf.gather(ctx, p, today)
    cells = f.cells
    blocks: list = [
        Heading(1, "I. TÌNH HÌNH CHUNG"),
        *_paragraphs(ct.overview(f, p.label, p.previous_label)),
        _unit_table(f),
        Heading(1, "II. DƯ LUẬN XÃ HỘI THEO LĨNH VỰC"),
        *_paragraphs(ct.by_field(f, p.previous_label)),
        Table(
            ["Lĩnh vực", *catalog.TENDENCIES.values(), "Cộng"],
            [[label, *(vn_number(cells.get((code, t), 0)) for t in catalog.TENDENCIES),
              vn_number(sum(cells.get((code, t), 0) for t in catalog.TENDENCIES))]
             for code, label in catalog.FIELDS.items()],
            widths_mm=[45, 24, 24, 24, 24, 24],
            caption="Bảng 2. Ý kiến theo lĩnh vực và xu hướng",
        ),
        Chart("Biểu đồ 1. Ý kiến theo lĩnh vực và xu hướng", list(catalog.FIELDS.values()),
              list(catalog.TENDENCIES.values()),
              [[cells.get((fl, t), 0) for fl in catalog.FIELDS] for t in catalog.TENDENCIES]),
        Heading(1, "III. NHỮNG VẤN ĐỀ DƯ LUẬN QUAN TÂM"),
        *_paragraphs(ct.topics(f, p.previous_label)),
        Heading(1, "IV. ĐIỂM NÓNG, VIỆC XỬ LÝ VÀ BÁO CÁO CỦA CÁC ĐƠN VỊ"),
        *_paragraphs(ct.watch_list(f)),
        Heading(1, "V. ĐỀ XUẤT, KIẾN NGHỊ"),
        *_paragraphs(ct.proposals(f, p.label)),
    ]
    return Document(
        header=Header(superior=me.superior_name, body=me.body_name, number=number_text(None, "BC", me.body_code),
                      date_line=vn_date_line(me.place_name, today)),
        doc_type="BÁO CÁO",
        subject=f"tổng hợp tình hình dư luận xã hội các xã, phường, đặc khu {p.label}",
        blocks=blocks,
        recipients=RECIPIENTS,
        signatures=[signature(me.body_name, "tm", "")],
        title_meta=f"Báo cáo tổng hợp dư luận xã hội {p.label}",
    )


def render(ctx: Ctx, month: str, folder: Path, today: date | None = None) -> tuple[Path, Path]:
    """Write the consolidated report as PDF and DOCX into `folder`; returns both paths."""
    from app.reports.render_docx import render_docx
    from app.reports.render_pdf import render_pdf

    doc = draft(ctx, month, today)
    stem = f"bao-cao-tong-hop-{month}"
    scales: list[float] = []
    pdf = safezip.atomic_write(Path(folder) / f"{stem}.pdf", render_pdf(doc, scales))
    docx = safezip.atomic_write(Path(folder) / f"{stem}.docx", render_docx(doc, scales))
    return pdf, docx
