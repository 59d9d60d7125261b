"""Excel export of every table of a survey: method, plan, frequencies and the cross-tabs
by each respondent group, with numbers as numbers (so offices can re-use them)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from app import excel_text
from app.surveys import tabulate as tb
from app.surveys.report_text import method_rows

BOLD = Font(bold=True)
PCT = "0.0"


def _title(ws: Worksheet, text: str) -> None:
    ws.append([text])
    ws.cell(ws.max_row, 1).font = Font(bold=True, size=12)


def _header(ws: Worksheet, cells: list[str]) -> None:
    ws.append(cells)
    for c in range(1, len(cells) + 1):
        cell = ws.cell(ws.max_row, c)
        cell.font = BOLD
        cell.alignment = Alignment(horizontal="center", wrap_text=True)


def _append(ws: Worksheet, cells: list, pct_cols: tuple[int, ...] = ()) -> None:
    ws.append(cells)
    for c in pct_cols:
        ws.cell(ws.max_row, c).number_format = PCT


def _frequencies(ws: Worksheet, data: tb.SurveyData) -> None:
    weighted = " (gia quyền)" if data.weighted else ""
    for q in data.questionnaire.questions:
        _title(ws, f"Câu {q.no}. {q.text}")
        if q.has_choices:
            f = tb.frequency(data, q)
            _header(ws, ["Phương án", f"Số phiếu{weighted}", "Tỷ lệ (%)", "Sai số ± (điểm %)"])
            for row in f.rows:
                _append(ws, [f"{row.key}. {row.label}", round(row.count, 1), row.percent, row.moe], (3, 4))
            _append(ws, ["Số người trả lời", f.n])
            if q.kind == "likert":
                s = tb.likert(data, q)
                _append(ws, ["Điểm trung bình (1–5)", round(s.mean, 2), "± " + f"{s.moe_mean:.2f}"])
        elif q.kind == "number":
            s = tb.number_summary(data, q)
            _header(ws, ["Số trả lời", "Trung bình", "Trung vị", "Nhỏ nhất", "Lớn nhất"])
            if s:
                _append(ws, [s.n, round(s.mean, 2), s.median, s.low, s.high])
        else:
            _header(ws, ["Câu trả lời"])
            for text in tb.texts(data, q):
                _append(ws, [text])
        ws.append([])


def _crosstabs(ws: Worksheet, data: tb.SurveyData, by: str) -> None:
    groups = tb.group_categories(data, by)
    for q in tb.choice_questions(data):
        ct = tb.crosstab(data, q, by)
        _title(ws, f"Câu {q.no}. {q.text} — theo {tb.BY[by].lower()} (% theo cột)")
        _header(ws, ["Phương án", *[name for _, name in groups], "Chung"])
        cols = tuple(range(2, len(groups) + 3))
        for r, (key, label) in enumerate(ct.row_cats):
            _append(ws, [f"{key}. {label}", *[ct.col_percent(r, c) for c in range(len(groups))],
                         ct.row_percent_total(r)], cols)
        _append(ws, ["Số người trả lời", *ct.col_n, sum(ct.col_n)])
        _append(ws, ["Sai số tối đa ± (điểm %)", *[ct.col_moe(c) for c in range(len(groups))]], cols)
        ws.append([])


def _plan(ws: Worksheet, data: tb.SurveyData) -> None:
    plan = data.plan
    _title(ws, "Kế hoạch mẫu và tiến độ thu phiếu")
    if plan is None:
        ws.append(["Chưa lập kế hoạch mẫu."])
        return
    _header(ws, ["Ô mẫu", "Số người từ 18 tuổi", "Chỉ tiêu", "Đã thu", "Đạt (%)", "Trọng số"])
    weights = data.weighting.weights if data.weighting else {}
    for cell in plan.cells:
        w = weights.get(cell.key)
        _append(ws, [cell.label, cell.population, cell.quota, cell.collected, cell.done_percent,
                     round(w, 3) if w is not None else None], (5,))
    _append(ws, ["Tổng", plan.population, plan.sample_size, plan.collected,
                 100 * plan.collected / plan.sample_size if plan.sample_size else 0.0], (5,))
    ws.cell(ws.max_row, 1).font = BOLD


def export_xlsx(data: tb.SurveyData, path: Path) -> Path:
    """Write the workbook; returns its path."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Phương pháp"
    _title(ws, data.survey.title)
    for name, value in method_rows(data):
        ws.append([name, value])
    _plan(wb.create_sheet("Kế hoạch mẫu"), data)
    _frequencies(wb.create_sheet("Tần suất"), data)
    for by, name in tb.BY.items():
        if len(tb.group_categories(data, by)) > 1:
            _crosstabs(wb.create_sheet(f"Theo {name.lower()}"), data, by)
    for sheet in wb.worksheets:
        sheet.column_dimensions["A"].width = 48
        for col in "BCDEFGHIJKLMNOP":
            sheet.column_dimensions[col].width = 14
    excel_text.defuse(wb)
    path = Path(path)
    wb.save(path)
    return path
