"""A collaborator's field labels are declared once (app/collaborators/registry.LABELS, next to
its kind): the form, the refusals, the Excel export headers, the importer's report of missing
columns, the list page's and the import preview's headers and the audit log say each field the
same way (real store, real widgets, real files).
The importer still recognises the headers older exports wrote ("Email")."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFormLayout

from app import audit_labels, audit_view, kinds
from app.collaborators import excel_export, excel_headers, registry
from app.context import User
from app.errors import ValidationError
from ui.collab.editor import CollaboratorForm

BOOKKEEPING = {"id", "origin", "version", "updated_at"}


def test_the_kind_carries_its_labels_and_the_registry_knows_it() -> None:
    assert registry.KIND.labels is registry.LABELS and kinds.ALL["collaborators"] is registry.KIND
    fields = set(registry.Collaborator.__dataclass_fields__)
    assert set(registry.LABELS) == fields - BOOKKEEPING


def test_the_form_shows_each_field_by_its_declared_label(qtbot, office) -> None:
    form = CollaboratorForm()
    qtbot.addWidget(form)
    shown = {}
    for column in (form.layout().itemAt(0).layout(), form.layout().itemAt(1).layout()):
        for row in range(column.rowCount()):
            label = column.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
            shown[column.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()] = label.removesuffix(" *")
    on_form = {key: shown[getattr(form, key)] for key in registry.LABELS if getattr(form, key, None) in shown}
    assert len(on_form) >= 18
    assert on_form == {key: registry.LABELS[key] for key in on_form}


@pytest.mark.parametrize("key, value", [("full_name", ""), ("gender", "x"), ("birth_year", 1700),
                                        ("joined_on", "31/02/2026"), ("status", "x")])
def test_refusals_name_the_field_by_its_declared_label(office, key, value) -> None:
    c = registry.Collaborator(full_name="Đặng Thị Mai")
    setattr(c, key, value)
    with pytest.raises(ValidationError) as caught:
        registry.create(office, c)
    assert str(caught.value).startswith(registry.LABELS[key])


@pytest.mark.parametrize("contacts", [False, True])
def test_export_headers_are_the_labels_and_the_importer_reads_them_back(office, tmp_path, contacts) -> None:
    registry.create(office, registry.Collaborator(full_name="Đặng Thị Mai", phone="0912345678"))
    path = tmp_path / "ctv.xlsx"
    excel_export.export(office, path, contacts=contacts)
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    header = next(row for row in rows if row and row[0] == "STT")
    assert set(header[1:]) <= set(registry.LABELS.values())
    found = excel_headers.find_header(rows)
    assert found is not None and len(found.columns) == len(header)   # every column read back
    for name in set(found.columns) - {"seq"}:
        assert excel_headers.FIELD_LABELS[name] == header[found.columns[name]]


def test_old_exports_headers_are_still_recognised() -> None:
    assert excel_headers.match_header("Email") == "email"
    assert excel_headers.match_header("Điện thoại") == "phone"
    assert excel_headers.match_header(registry.LABELS["email"]) == "email"


def test_the_audit_log_names_a_collaborators_fields_by_its_labels(office) -> None:
    made = registry.create(office, registry.Collaborator(full_name="Đặng Thị Mai"))
    changed = dict(full_name="Đặng Thị Mai Anh", birth_year=1980, gender="female", ethnicity="Kinh",
                   religion="Không", party_member=True, position="Bí thư chi bộ", workplace="Thôn 1",
                   sector="women", stratum="farmer", phone="0912345678", email="mai@example.vn",
                   zalo="0912345678", decision_no="125-QĐ/HU", decision_date="2025-01-02",
                   joined_on="2025-01-03", notes="Ghi chú")
    registry.update(office, registry.Collaborator(**{**made.__dict__, **changed}))
    office.user = User("quantri", "admin", "Quản trị")
    entry = next(e for e in audit_view.entries(office, table="collaborators") if e.action == "update")
    text = audit_view.detail_text(office, entry, {}, width=5000)
    for key in changed:
        assert f"{registry.LABELS[key].lower()}: " in text, key
    for key, label in registry.LABELS.items():
        assert audit_labels.field_label(key, "collaborators") == label.lower()


def test_the_export_commands_filter_help_reads_the_declared_labels() -> None:
    from app import cli

    parser = cli.build_parser()
    group = next(a for a in parser._subparsers._group_actions[0].choices["collaborators"]._actions
                 if a.dest == "collaborators_command")
    helps = {opt: a.help for a in group.choices["export"]._actions for opt in a.option_strings}
    for option, key in {"--status": "status", "--stratum": "stratum", "--sector": "sector", "--area": "area_code",
                        "--party-member": "party_member"}.items():
        assert registry.LABELS[key].lower() in helps[option], option
    for key in ("full_name", "area_code", "phone", "email"):
        assert registry.LABELS[key].lower() in helps["--contacts"], key


def test_the_list_and_the_import_preview_head_their_columns_with_the_labels(qtbot, office, tmp_path) -> None:
    """Every column of the registry's list is headed by its field's label (or the one short
    header declared with the list), the phone column included; so is the import preview."""
    from openpyxl import Workbook
    from PySide6.QtCore import Qt

    from app.collaborators import excel_import
    from ui.collab.import_dialog import ImportPreviewDialog
    from ui.pages.collaborators import Page
    from ui.tasks import TaskRunner

    tasks = TaskRunner(synchronous=True)
    page = Page(office, tasks)
    qtbot.addWidget(page)
    model = page.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == [registry.LIST.header(c) for c in registry.LIST.columns]
    assert registry.LABELS["phone"] in headers and "Điện thoại" not in headers
    assert [h for h, c in zip(headers, registry.LIST.columns, strict=True) if c.header] == ["Chức vụ, đơn vị"]

    book = Workbook()
    book.active.append(["STT", "Họ và tên", "Năm sinh", "Số điện thoại"])
    book.active.append([1, "Đặng Thị Mai", 1980, "0912345678"])
    book.save(tmp_path / "ctv.xlsx")
    dialog = ImportPreviewDialog(office, tasks, excel_import.preview(office, tmp_path / "ctv.xlsx"))
    qtbot.addWidget(dialog)
    shown = [dialog.table.horizontalHeaderItem(i).text() for i in range(dialog.table.columnCount())]
    assert shown[1:-1] == [registry.LABELS[k] for k in ("full_name", "birth_year", "area_code", "phone")]
    assert dialog.table.item(0, 4).text() == "0912345678"


def test_the_list_sorts_by_given_name_and_searches_the_declared_fields(office) -> None:
    for name, phone in (("Trần Văn Bình", "0912000111"), ("Lê Thị An", None), ("Nguyễn Anh Chi", None)):
        registry.create(office, registry.Collaborator(full_name=name, phone=phone))
    assert [c.full_name for c in registry.list_collaborators(office)] == ["Lê Thị An", "Trần Văn Bình",
                                                                          "Nguyễn Anh Chi"]
    found = registry.list_collaborators(office, registry.CollaboratorFilter(text="0912000"))
    assert [c.full_name for c in found] == ["Trần Văn Bình"]
    assert "phone" in registry.LIST.search
