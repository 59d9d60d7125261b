"""Record kinds declared once (app/kinds.py): the four kinds write, read and refuse through the
kind's own create/update/get, and the handling block is one type validated the same way for items and
topics, on a real encrypted store."""

from __future__ import annotations

import dataclasses

import pytest

from app import kinds
from app.collaborators import registry
from app.context import User
from app.errors import PermissionDenied, ValidationError
from app.meetings import core as meetings
from app.opinions import items, topics
from tests.opinions.fixtures import make_office

KINDS = [items.KIND, topics.KIND, meetings.KIND, registry.KIND]


@pytest.fixture
def ctx(tmp_path):
    return make_office(tmp_path / "office.db")


def _sample(kind: kinds.Kind):
    return {
        "opinions": lambda: items.Opinion(received_on="2026-03-02", field="economy", summary="Giá phân bón tăng",
                                          tendency="concern"),
        "topics": lambda: topics.Topic(title="Đường liên xã xuống cấp", field="economy", opened_on="2026-03-01"),
        "meetings": lambda: meetings.Meeting(held_on="2026-03-05", place="Hội trường"),
        "collaborators": lambda: registry.Collaborator(full_name="Đặng Thị Mai"),
    }[kind.table]()


def test_each_kind_names_its_own_table_and_class() -> None:
    assert [k.table for k in KINDS] == ["opinions", "topics", "meetings", "collaborators"]
    assert len({k.cls for k in KINDS}) == 4


@pytest.mark.parametrize("module", [items, topics, meetings, registry], ids=lambda m: m.__name__)
def test_each_module_writes_and_reads_through_its_kind(module) -> None:
    """A capability's create/update/get are its kind's own, not a copy that could drift from it."""
    for name in ("create", "update", "get"):
        assert getattr(module, name) == getattr(module.KIND, name)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.table)
def test_generic_create_get_update_round_trip(ctx, kind) -> None:
    made = kind.create(ctx, _sample(kind))
    assert made.id and made.version == 1 and made.origin == ctx.origin
    assert kind.get(ctx, made.id) == made
    changed = kind.update(ctx, made)
    assert changed == made  # nothing changed: no new version
    rows = kind.select(ctx, f"SELECT * FROM {kind.table} WHERE id = ?", [made.id])
    assert rows == [made]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.table)
def test_update_without_id_is_refused_in_words(ctx, kind) -> None:
    with pytest.raises(ValidationError, match=f"^Thiếu mã {kind.noun}.$"):
        kind.update(ctx, _sample(kind))


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.table)
def test_an_account_without_entry_rights_cannot_write_any_kind(ctx, kind) -> None:
    outsider = dataclasses.replace(ctx, user=User("khach", "guest"))
    before = ctx.db[kind.table].count
    with pytest.raises(PermissionDenied, match="nhập liệu"):
        kind.create(outsider, _sample(kind))
    assert ctx.db[kind.table].count == before


def test_handling_block_is_one_type_for_items_and_topics() -> None:
    names = [f.name for f in dataclasses.fields(kinds.Handled)]
    assert names == list(kinds.HANDLING_LABELS)
    for cls in (items.Opinion, topics.Topic):
        assert issubclass(cls, kinds.Handled)
        own = {f.name for f in dataclasses.fields(cls)} - set(names)
        assert not own & set(kinds.HANDLING_LABELS)


@pytest.mark.parametrize("kind", [items.KIND, topics.KIND], ids=lambda k: k.table)
@pytest.mark.parametrize(("field", "value", "label"), [
    ("handling", "lost", "Tình trạng xử lý"),
    ("forwarded_on", "31/02/2026", "Ngày chuyển"),
    ("due_on", "hôm qua", "Hạn xử lý"),
    ("resolved_on", "2026-13-01", "Ngày giải quyết"),
    ("answered_on", "x", "Ngày phản hồi"),
])
def test_handling_block_is_validated_identically(ctx, kind, field, value, label) -> None:
    record = dataclasses.replace(_sample(kind), **{field: value})
    with pytest.raises(ValidationError) as caught:
        kind.create(ctx, record)
    assert caught.value.field == field
    assert str(caught.value).startswith(label)


@pytest.mark.parametrize("kind", [items.KIND, topics.KIND], ids=lambda k: k.table)
def test_handling_dates_are_stored_iso_for_both(ctx, kind) -> None:
    record = dataclasses.replace(_sample(kind), handling="forwarded", forwarded_to="H01CQ01",
                                 forwarded_on="03/03/2026", due_on="17/03/2026")
    made = kind.create(ctx, record)
    assert (made.forwarded_on, made.due_on, made.handling) == ("2026-03-03", "2026-03-17", "forwarded")
