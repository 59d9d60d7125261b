"""Import of the collaborator lists offices already keep in Excel.

Two steps so nothing is written by surprise: `preview(ctx, path)` reads the workbook and
says, row by row, what would be created, what is wrong and what is a duplicate (same
name + birth year + area, within the file or already in the registry); `apply(ctx, preview)`
writes every good row in ONE transaction. A file that cannot be a collaborator list at all
is refused with one Vietnamese message (ImportRefused) and nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app import audit, auth, records, validate
from app.collaborators import excel_areas as ea
from app.collaborators import excel_rows as kinds
from app.collaborators import excel_values as ev
from app.collaborators.excel_headers import FIELD_LABELS, HeaderMap, find_header, norm
from app.collaborators.excel_reader import read_sheet
from app.collaborators.registry import Collaborator, clean
from app.context import Ctx
from app.errors import ImportRefused, ValidationError
from app.text import fold

Progress = Callable[[int, int], None]


@dataclass
class PreviewRow:
    """One data row of the sheet and what the import would do with it."""

    row: int                                   # Excel row number, as the user sees it
    collaborator: Collaborator | None
    problems: list[str] = field(default_factory=list)   # the row is not imported
    warnings: list[str] = field(default_factory=list)   # imported; a value was set aside in the notes
    duplicate: str | None = None               # why it is a duplicate (not imported)
    name: str = ""                             # the name and area as written, shown for rejected rows
    area: str = ""
    area_key: str | None = None                # the AreaMapping this row takes its area from

    @property
    def ok(self) -> bool:
        return self.collaborator is not None and not self.problems and self.duplicate is None


@dataclass
class ImportPreview:
    source: str
    sheet: str
    header_row: int
    columns: dict[str, str]                    # field -> header text found
    ignored_columns: list[str]
    rows: list[PreviewRow]
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (row, kind, text) never imported
    titles: list[str] = field(default_factory=list)    # the lines above the header ("HUYỆN ỦY CÀNG LONG")
    other_lists: list[str] = field(default_factory=list)  # other sheets that look like lists (not read)
    areas: list[ea.AreaMapping] = field(default_factory=list)  # one per distinct area name, in file order

    @property
    def pending_areas(self) -> list[ea.AreaMapping]:
        """Names still waiting for a decision (add / assign / leave empty): apply refuses until none."""
        return [m for m in self.areas if m.needs_choice]

    def mapping(self, raw: str) -> ea.AreaMapping:
        return next(m for m in self.areas if m.raw == raw)

    def choose(self, raw: str, choice: str, target: str | None = None) -> None:
        """Change what one area name means (the preview's choice boxes, the CLI's --add-areas);
        every row using the name follows."""
        m = self.mapping(raw)
        if choice == ea.MAP and not target:
            raise ValidationError(f"Hãy chọn địa bàn để gán cho '{raw}'.")
        m.choice, m.target = choice, (target if choice == ea.MAP else None)
        for item in self.rows:
            if item.area_key == raw and item.collaborator is not None:
                item.collaborator.area_code = m.target

    def add_unknown_areas(self) -> None:
        """--add-areas: every name still undecided is added to the catalogue."""
        for m in self.pending_areas:
            self.choose(m.raw, ea.ADD)

    @property
    def good(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.ok]

    @property
    def with_problems(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.problems]

    @property
    def duplicates(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.duplicate and not r.problems]

    @property
    def missing_columns(self) -> list[str]:
        return [label for key, label in FIELD_LABELS.items() if key not in self.columns]

    def skipped_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for _, kind, _ in self.skipped:
            counts[kind] = counts.get(kind, 0) + 1
        return counts

    def skipped_text(self) -> str:
        """"Bỏ qua 3 dòng tiêu đề mục, 1 dòng tổng cộng, 4 dòng ký tên." (empty when none)."""
        counts = self.skipped_counts()
        parts = [f"{counts[k]} {label}" for k, label in kinds.SKIPPED_LABELS.items() if counts.get(k)]
        return ("Bỏ qua " + ", ".join(parts) + " (không phải người).") if parts else ""

    def summary(self) -> str:
        waiting = sum(m.rows for m in self.pending_areas)
        return (f"Sẽ thêm {len(self.good)} cộng tác viên; {len(self.with_problems)} dòng có lỗi; "
                f"{len(self.duplicates)} dòng trùng (không thêm)."
                + (f" {waiting} dòng chờ chọn địa bàn cho {len(self.pending_areas)} tên chưa có trong danh mục."
                   if self.pending_areas else ""))


@dataclass(frozen=True)
class ImportResult:
    created: int
    duplicates: int
    rejected: int
    ids: tuple[str, ...]
    areas_added: tuple[str, ...] = ()


def preview(ctx: Ctx, path: Path, progress: Progress | None = None, *,
            old_district: str | None = None) -> ImportPreview:
    """Read the workbook and decide row by row; writes nothing. Every row that `apply` would
    refuse is already marked here (the same validation runs), so the preview is what happens."""
    path = Path(path)
    data = read_sheet(path)
    rows = data.rows
    header = find_header(rows)
    assert header is not None  # read_sheet only returns sheets with a header
    titles = [t for r in rows[:header.row_index] for t in (ev.text(c) for c in r) if t]
    resolver = ea.for_office(ctx, [*titles, data.title], old_district)
    existing = _existing_keys(ctx)
    seen: dict[tuple, int] = {}
    out: list[PreviewRow] = []
    skipped: list[tuple[int, str, str]] = []
    current_area: str | None = None            # the raw name of the section heading above
    in_signature = False
    body = rows[header.data_start:]
    for offset, row in enumerate(body):
        number = header.data_start + offset + 1
        if progress and offset % 200 == 0:
            progress(offset, len(body))
        kind = kinds.classify(row, header, in_signature)
        if kind != kinds.DATA:
            skipped.append((number, kind, " | ".join(ev.text(c) or "" for _, c in kinds.cells_of(row))[:120]))
            in_signature = in_signature or kind == kinds.SIGNATURE
            if kind == kinds.SECTION:
                current_area = _section_area(resolver, kinds.section_text(row, header) or "")
            continue
        in_signature = False
        item = _read_row(number, row, header, resolver, current_area)
        if item.collaborator and not item.problems:
            try:
                clean(item.collaborator)
            except ValidationError as exc:
                item.problems.append(exc.message)
        if item.collaborator and not item.problems:
            key = dup_key(item.collaborator.full_name, item.collaborator.birth_year,
                          item.collaborator.area_code or item.area_key)
            if key in seen:
                item.duplicate = f"Trùng với dòng {seen[key]} trong tệp (cùng họ tên, năm sinh, địa bàn)."
            elif key in existing:
                item.duplicate = f"Đã có trong danh sách cộng tác viên: {existing[key]}."
            else:
                seen[key] = number
        out.append(item)
    if progress:
        progress(len(body), len(body))
    result = ImportPreview(path.name, data.title, header.row_index + 1,
                           {k: v for k, v in header.headers.items() if k != "seq"}, header.ignored, out,
                           skipped, titles, data.other_lists, list(resolver.found.values()))
    if not result.good and not result.duplicates:
        if not out:
            raise ImportRefused("Có dòng tiêu đề nhưng không có dòng dữ liệu nào bên dưới; không nhập.")
        first = result.with_problems[0]
        raise ImportRefused(f"Không có dòng nào nhập được: {len(out)} dòng đều có lỗi (dòng {first.row}: "
                            f"{first.problems[0]}).")
    return result


def apply(ctx: Ctx, pv: ImportPreview, progress: Progress | None = None) -> ImportResult:
    """Write every good row of a preview in one transaction (all or nothing). Rows that became
    duplicates since the preview (someone added them meanwhile) are skipped, not doubled."""
    auth.require(ctx, "import")
    if pv.pending_areas:
        raise ImportRefused(pending_message(pv))
    good = pv.good
    rows: list[dict] = []
    skipped = 0
    with ctx.transaction():
        added = {m.raw: ea.add_area(ctx, m.raw) for m in pv.areas if m.choice == ea.ADD and m.rows}
        existing = _existing_keys(ctx)
        for index, item in enumerate(good):
            c = item.collaborator
            assert c is not None
            if item.area_key in added:
                c = replace(c, area_code=added[item.area_key])
            key = dup_key(c.full_name, c.birth_year, c.area_code)
            if key in existing:
                skipped += 1
                continue
            existing[key] = c.full_name
            try:
                rows.append(clean(c))
            except ValidationError as exc:
                raise ImportRefused(f"Dòng {item.row}: {exc.message} Không nhập dòng nào.") from exc
            if progress and index % 200 == 0:
                progress(index, len(good) + 1)
        # One multi-row insert (sqlite-utils per-row inserts cost ~1.5 ms each), then one
        # audit line per person so each collaborator's history starts with its import.
        ids = records.bulk_insert(ctx, "collaborators", rows, note="import")
        for row_id, row in zip(ids, rows, strict=True):
            audit.record(ctx, "create", "collaborators", row_id,
                         {"full_name": row["full_name"], "area_code": row["area_code"], "source": pv.source})
        audit.record(ctx, "import", "collaborators", None,
                     {"file": pv.source, "sheet": pv.sheet, "created": len(ids), "areas_added": len(added),
                      "duplicates": len(pv.duplicates) + skipped, "rejected": len(pv.with_problems)})
    if progress:
        progress(len(good) + 1, len(good) + 1)
    return ImportResult(len(ids), len(pv.duplicates) + skipped, len(pv.with_problems), tuple(ids),
                        tuple(added.values()))


def pending_message(pv: ImportPreview) -> str:
    """The one line that refuses an import while area names wait for a decision."""
    names = ", ".join(f"'{m.raw}'" for m in pv.pending_areas[:8]) + (" …" if len(pv.pending_areas) > 8 else "")
    return (f"Có {len(pv.pending_areas)} địa bàn chưa có trong danh mục hoặc chưa rõ: {names}; chạy lại với "
            "--add-areas để thêm vào danh mục (hoặc chọn trong cửa sổ xem trước); chưa nhập dòng nào.")


def import_file(ctx: Ctx, path: Path, *, dry_run: bool = False, add_areas: bool = False,
                old_district: str | None = None) -> tuple[ImportPreview, ImportResult | None]:
    """Preview and, unless dry_run, apply: what the CLI does. `add_areas` decides every unknown
    area name as "add to the catalogue"; without it such names refuse the import (apply)."""
    pv = preview(ctx, path, old_district=old_district)
    if add_areas:
        pv.add_unknown_areas()
    return pv, (None if dry_run else apply(ctx, pv))


def dup_key(name: str, birth_year: int | None, area_code: str | None) -> tuple:
    return (" ".join(fold(name).split()), birth_year, area_code)


def _existing_keys(ctx: Ctx) -> dict[tuple, str]:
    out = {}
    for r in ctx.db.query("SELECT c.full_name, c.birth_year, c.area_code, u.name AS area FROM collaborators c "
                          "LEFT JOIN units u ON u.code = c.area_code"):
        label = ", ".join(str(x) for x in (r["full_name"], r["birth_year"], r["area"]) if x)
        out[dup_key(r["full_name"], r["birth_year"], r["area_code"])] = label
    return out


def _cell(row: tuple, header: HeaderMap, name: str) -> Any:
    col = header.columns.get(name)
    return row[col] if col is not None and col < len(row) else None


def _section_area(resolver: ea.AreaResolver, value: str) -> str | None:
    """The area name a section heading gives the rows below it. Every heading is shown with its
    mapping; one that is plainly not a place ("KHỐI ĐOÀN THỂ") lends no area."""
    value = " ".join(value.split())
    if not value:
        return None
    mapping = resolver.resolve(value)
    mapping.sections += 1
    if mapping.how == "unknown" and not norm(value).startswith(ea.PLACE_WORDS):
        resolver.forget(value)
        return None
    return mapping.raw


def _read_row(number: int, row: tuple, header: HeaderMap, resolver: ea.AreaResolver,
              current_area: str | None) -> PreviewRow:
    """Turn one sheet row into a Collaborator, collecting every problem rather than the first."""
    item = PreviewRow(number, None)
    notes: list[str] = []

    def get(name: str) -> Any:
        return _cell(row, header, name)

    def attempt(fn: Callable[[], Any], soft: str | None = None, raw: Any = None) -> Any:
        """Hard problems keep the row out; soft ones (contact details) keep the original text in the notes."""
        try:
            return fn()
        except ValidationError as exc:
            if soft is None:
                item.problems.append(exc.message)
            else:
                item.warnings.append(exc.message + " Giá trị gốc được ghi vào phần ghi chú.")
                notes.append(f"{soft} (gốc): {ev.text(raw)}")
            return None

    name = ev.text(get("full_name"))
    item.name, item.area = name or "", ev.text(get("area")) or ""
    if not name:
        item.problems.append("Thiếu họ và tên.")
    elif not re.search(r"[^\W\d_]", name) or re.search(r"\d", name) or len(name) > 80:
        item.problems.append(f"Họ và tên không hợp lệ: {name[:40]}.")
    elif name.isupper():
        name = name.title()
    gender = attempt(lambda: ev.parse_gender(get("gender")))
    birth = attempt(lambda: ev.parse_birth_year(get("birth")))
    if header.gender_split:
        male, female = (row[c] if c < len(row) else None for c in header.gender_split)
        if male not in (None, ""):
            birth, gender = attempt(lambda: ev.parse_birth_year(male)), "male"
        elif female not in (None, ""):
            birth, gender = attempt(lambda: ev.parse_birth_year(female)), "female"
    written = ev.text(get("area")) or current_area
    area = None
    if written:
        mapping = resolver.resolve(written)
        mapping.rows += 1
        item.area_key = mapping.raw
        area = mapping.target if mapping.choice == ea.MAP else None
    phone = attempt(lambda: ev.parse_phone(get("phone")), "Số điện thoại", get("phone"))
    zalo_raw = get("zalo")
    if ev.is_yes_mark(zalo_raw):
        zalo = phone  # "x" in the Zalo column: Zalo on the same number
    else:
        zalo = attempt(lambda: ev.parse_phone(zalo_raw, "Số Zalo"), "Zalo", zalo_raw)
    email = attempt(lambda: validate.email(ev.text(get("email"))), "Thư điện tử", get("email"))
    decision_no = ev.text(get("decision_no"))
    decision_date = attempt(lambda: ev.parse_date(get("decision_date"), "Ngày quyết định"))
    if decision_no and not decision_date:
        # "125-QĐ/HU ngày 12/3/2023" in one cell.
        match = re.search(r"ng[àa]y\s+(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4})", decision_no, re.IGNORECASE)
        if match:
            decision_date = attempt(lambda: ev.parse_date(match.group(1), "Ngày quyết định"))
            decision_no = decision_no[:match.start()].strip(" ,;")
    joined = attempt(lambda: ev.parse_date(get("joined_on"), "Ngày tham gia"))
    party = attempt(lambda: ev.parse_yes(get("party_member"), "Đảng viên"))
    status = attempt(lambda: ev.match_status(get("status"))) or "active"
    left_on = attempt(lambda: ev.parse_date(get("left_on"), "Ngày thôi"))
    left_reason = ev.text(get("left_reason"))
    if status == "left" and not left_on:
        item.problems.append("Người đã thôi tham gia cần có ngày thôi (cột 'Ngày thôi').")
    stratum = attempt(lambda: ev.match_stratum(get("stratum")))
    sector = attempt(lambda: ev.match_sector(get("sector")))
    if item.problems or not name:
        return item
    note_text = "; ".join(x for x in [ev.text(get("notes")), *notes] if x) or None
    item.collaborator = Collaborator(
        full_name=name, area_code=area, gender=gender, birth_year=birth, ethnicity=ev.text(get("ethnicity")),
        religion=ev.text(get("religion")), party_member=bool(party), position=ev.text(get("position")),
        workplace=ev.text(get("workplace")), sector=sector, stratum=stratum, phone=phone,
        email=email, zalo=zalo, decision_no=decision_no, decision_date=decision_date,
        joined_on=joined, notes=note_text, status=status, left_on=left_on if status == "left" else None,
        left_reason=left_reason if status != "active" else None,
    )
    return item
