"""An opinion field's Vietnamese label is declared once (app/opinions/items.LABELS) and shows
identically in the entry form, the refusals, the CLI's help, the list page and the Excel
export's headers (both read the list declared in items.LIST)."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout

from app import catalog, cli
from app.errors import ValidationError
from app.opinions import export, items
from ui.opinion.entry import EntryForm
from ui.tasks import TaskRunner

# CLI option of `dlxh opinions add` → the field it fills
CLI_OPTIONS = {"--summary": "summary", "--field": "field", "--tendency": "tendency", "--date": "received_on",
               "--area": "area_code", "--channel": "channel", "--scale": "scale", "--risk": "hotspot_risk",
               "--topic": "topic_id", "--proposal": "proposal"}


def test_the_entry_form_rows_are_the_declared_labels(qtbot, office) -> None:
    form = EntryForm(office, tasks=TaskRunner(synchronous=True))
    qtbot.addWidget(form)
    rows: QFormLayout = form.layout().itemAt(0).layout()
    shown = [rows.itemAt(i, QFormLayout.ItemRole.LabelRole).widget().text() for i in range(rows.rowCount())
             if rows.itemAt(i, QFormLayout.ItemRole.LabelRole)]
    shown = [text for text in shown if text]
    expected = [items.LABELS[k] for k in ("received_on", "collaborator_id", "channel", "field", "area_code",
                                          "topic_id", "tendency", "summary", "proposal", *items.ENTRY_TAIL)]
    assert items.ENTRY_TAIL[:2] == ("scale", "hotspot_risk")
    assert shown == expected


def test_the_cli_help_starts_with_each_declared_label() -> None:
    parser = cli.build_parser()
    opinions = next(a for a in parser._subparsers._group_actions[0].choices["opinions"]._actions
                    if a.dest == "opinions_command")
    add = opinions.choices["add"]
    helps = {opt: a.help for a in add._actions for opt in a.option_strings}
    for option, key in CLI_OPTIONS.items():
        assert helps[option].startswith(items.LABELS[key].lower()), option


def test_the_export_headers_are_the_declared_labels(office, tmp_path) -> None:
    items.create(office, items.Opinion(received_on=date.today().isoformat(), field="economy",
                                       summary="Giá phân bón tăng", tendency="concern"))
    path = tmp_path / "ds.xlsx"
    export.export_xlsx(office, items.OpinionFilter(), path)
    header = [c.value for c in next(load_workbook(path).active.iter_rows(max_row=1))]
    assert header == ["STT", *(items.LIST.label(c) for c in items.LIST.columns)]
    assert header[1:] == [items.LABELS[c.field] for c in items.LIST.columns]


def test_the_list_page_headers_are_the_declared_list_headers(qtbot, office) -> None:
    """The page shows the columns the list declares, each headed by its field's label or the
    short header declared with it; no header is typed in the page."""
    from ui.pages.opinions import Page
    from ui.tasks import TaskRunner

    page = Page(office, TaskRunner(synchronous=True))
    qtbot.addWidget(page)
    model = page.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == [c.header or items.LABELS[c.field] for c in items.LIST.columns]
    assert [h for h, c in zip(headers, items.LIST.columns, strict=True) if not c.header] == \
        ["Lĩnh vực", "Xu hướng", "Địa bàn", "Vấn đề", "Cộng tác viên"]


def test_a_listed_row_reads_its_codes_as_labels_and_its_dates_the_vietnamese_way(office) -> None:
    made = items.create(office, items.Opinion(received_on="2026-03-02", field="economy", summary="Giá phân\nbón tăng",
                                              tendency="concern", scale="high"))
    row = items.list_opinions(office)[0]
    assert row.id == made.id
    text = {c.field: items.LIST.text(row, c) for c in items.LIST.columns}
    assert text["received_on"] == "02/03/2026" and text["summary"] == "Giá phân bón tăng"
    assert text["field"] == catalog.FIELDS["economy"] and text["scale"] == catalog.SCALES["high"]
    assert text["handling"] == catalog.HANDLING["new"] and text["collaborator_id"] == ""
    assert items.LIST.text(row, "summary", one_line=False) == "Giá phân\nbón tăng"


@pytest.mark.parametrize("key", ["summary", "tendency", "received_on"])
def test_refusals_name_the_field_by_its_declared_label(office, key) -> None:
    values = dict(received_on=date.today().isoformat(), field="economy", summary="Giá phân bón tăng",
                  tendency="concern")
    values[key] = ""
    with pytest.raises(ValidationError) as caught:
        items.create(office, items.Opinion(**values))
    assert str(caught.value).startswith(items.LABELS[key])


def test_the_audit_log_names_each_field_by_its_declared_label() -> None:
    from app import audit_labels

    for key, label in items.LABELS.items():
        assert audit_labels.field_label(key, "opinions") == label.lower(), key
    assert audit_labels.field_label("due_on", "reports") == "hạn"   # a report's deadline keeps its own word


def test_the_topic_form_and_refusals_use_the_declared_labels(qtbot, office) -> None:
    from app.opinions import topics
    from ui.pages.topics import NewTopicDialog

    dialog = NewTopicDialog(office, TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    rows: QFormLayout = dialog.layout()
    shown = [rows.itemAt(i, QFormLayout.ItemRole.LabelRole).widget().text() for i in range(rows.rowCount())
             if rows.itemAt(i, QFormLayout.ItemRole.LabelRole)]
    assert shown == [topics.LABELS["title"], topics.LABELS["field"]]
    with pytest.raises(ValidationError) as caught:
        topics.create(office, topics.Topic(title="Giá phân bón", field="economy", opened_on="31/02/2026"))
    assert str(caught.value).startswith(topics.LABELS["opened_on"]) and caught.value.field == "opened_on"


def test_the_audit_log_shows_each_declared_choice_by_its_label(office) -> None:
    from app import audit_labels, kinds

    for key, choices in {**items.CHOICES, **kinds.HANDLING_CHOICES}.items():
        code, label = next(iter(choices.items()))
        assert audit_labels.value_text(office, key, code, {}) == label, key
