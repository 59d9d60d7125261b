"""Excel export of the (filtered) registry, and the contact sheet used for phone and e-mail
surveys. The full list uses the same headers the importer reads, so an exported file can
be edited and imported back (rows already present are reported as duplicates).

Contact data is personal: every export is audited, and callers warn the user that the file
is not encrypted and must stay on the office PC.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app import audit, auth, catalog, excel_text
from app.collaborators.registry import LABELS, Collaborator, CollaboratorFilter, list_collaborators
from app.context import Ctx
from app.errors import DlxhError, os_reason
from app.office import get_office, unit_name

PRIVACY_NOTE = ("Tệp có số điện thoại, thư điện tử của cộng tác viên và không được mã hóa: chỉ lưu trên máy của "
                "cơ quan, không gửi qua mạng, xóa khi dùng xong.")

# Headers are the declared labels (registry.LABELS), which the importer's synonyms recognise.
_WIDTHS: dict[str, int] = {
    "full_name": 24, "birth_year": 9, "gender": 8, "ethnicity": 9, "religion": 12, "party_member": 9,
    "position": 24, "workplace": 26, "area_code": 20, "sector": 20, "stratum": 22, "phone": 14, "email": 24,
    "zalo": 14, "decision_no": 14, "decision_date": 12, "joined_on": 12, "status": 14, "left_on": 12,
    "left_reason": 24, "notes": 30,
}
FULL_COLUMNS: list[tuple[str, int]] = [("STT", 5), *((LABELS[key], width) for key, width in _WIDTHS.items())]
CONTACT_COLUMNS: list[tuple[str, int]] = [
    ("STT", 5), *((LABELS[key], width) for key, width in
                  (("full_name", 26), ("area_code", 22), ("phone", 15), ("email", 28), ("zalo", 15))),
]


def _full_row(ctx: Ctx, n: int, c: Collaborator, areas: dict[str, str]) -> list:
    return [n, c.full_name, c.birth_year, catalog.label(catalog.GENDERS, c.gender), c.ethnicity, c.religion,
            "x" if c.party_member else None, c.position, c.workplace, areas.get(c.area_code or "", ""),
            catalog.label(catalog.SECTORS, c.sector), catalog.label(catalog.STRATA, c.stratum), c.phone, c.email,
            c.zalo, c.decision_no, _date(c.decision_date), _date(c.joined_on),
            catalog.label(catalog.COLLABORATOR_STATUSES, c.status), _date(c.left_on), c.left_reason, c.notes]


def _contact_row(ctx: Ctx, n: int, c: Collaborator, areas: dict[str, str]) -> list:
    return [n, c.full_name, areas.get(c.area_code or "", ""), c.phone, c.email, c.zalo]


def contact_sheet(ctx: Ctx, flt: CollaboratorFilter | None = None) -> tuple[str, list[str], list[list]]:
    """The contact sheet for printing: (heading, column titles, rows) of people still active
    or paused. Audited like the Excel export, since it shows phone numbers."""
    auth.require(ctx, "export")
    people = [c for c in list_collaborators(ctx, flt) if c.status != "left"]
    areas = {r[0]: r[1] for r in ctx.db.execute("SELECT code, name FROM units").fetchall()}
    office = get_office(ctx)
    audit.record(ctx, "print", "collaborators", None, {"rows": len(people), "contacts": True})
    heading = (f"DANH BẠ CỘNG TÁC VIÊN DƯ LUẬN XÃ HỘI – {unit_name(ctx, office.unit_code)}, "
               f"lập ngày {date.today().strftime('%d/%m/%Y')}, {len(people)} người")
    rows = [["" if v is None else str(v) for v in _contact_row(ctx, n, c, areas)] for n, c in enumerate(people, 1)]
    return heading, [name for name, _ in CONTACT_COLUMNS], rows


def export(ctx: Ctx, path: Path, flt: CollaboratorFilter | None = None, *, contacts: bool = False) -> int:
    """Write the filtered list (or its contact sheet) to an .xlsx file; returns the row count."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

    auth.require(ctx, "export")
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise DlxhError("Tên tệp xuất phải có đuôi .xlsx.")
    people = list_collaborators(ctx, flt)
    if contacts:
        people = [c for c in people if c.status != "left"]
    columns, make = (CONTACT_COLUMNS, _contact_row) if contacts else (FULL_COLUMNS, _full_row)
    areas = {r[0]: r[1] for r in ctx.db.execute("SELECT code, name FROM units").fetchall()}
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Danh bạ CTV" if contacts else "Danh sách CTV"
    office = get_office(ctx)
    title = "DANH BẠ CỘNG TÁC VIÊN DƯ LUẬN XÃ HỘI" if contacts else "DANH SÁCH CỘNG TÁC VIÊN DƯ LUẬN XÃ HỘI"
    ws.append([f"{office.body_name} {office.superior_name}"])
    ws.append([title])
    ws.append([f"{unit_name(ctx, office.unit_code)} – lập ngày {date.today().strftime('%d/%m/%Y')}, "
               f"{len(people)} người"])
    last = openpyxl.utils.get_column_letter(len(columns))
    for row in (1, 2, 3):
        ws.merge_cells(f"A{row}:{last}{row}")
        ws[f"A{row}"].alignment = Alignment(horizontal="center")
    ws["A1"].font = Font(bold=True)
    ws["A2"].font = Font(bold=True, size=14)
    ws["A3"].font = Font(italic=True)
    ws.append([])
    ws.append([name for name, _ in columns])
    thin = Side(style="thin")
    for col, (_, width) in enumerate(columns, start=1):
        cell = ws.cell(row=5, column=col)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[openpyxl.utils.get_column_letter(col)].width = width
    for n, c in enumerate(people, start=1):
        ws.append(make(ctx, n, c, areas))
    # Named styles: setting a style object per cell makes openpyxl hash it each time (slow at 5,000 rows).
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    book.add_named_style(NamedStyle(name="ctv", border=border))
    book.add_named_style(NamedStyle(name="ctv_date", border=border, number_format="DD/MM/YYYY"))
    date_columns = {i for i, (name, _) in enumerate(columns) if name.startswith("Ngày")}
    for row in ws.iter_rows(min_row=6, max_row=5 + len(people)):
        for i, cell in enumerate(row):
            cell.style = "ctv_date" if i in date_columns else "ctv"
    for cell in ws[5]:
        cell.border = border
    ws.freeze_panes = "C6"
    excel_text.defuse(book)
    try:
        book.save(path)
    except OSError as exc:
        raise DlxhError(f"Không ghi được tệp {path}: {os_reason(exc)}.") from exc
    audit.record(ctx, "export", "collaborators", None,
                 {"file": path.name, "rows": len(people), "contacts": contacts})
    return len(people)


def _date(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None
