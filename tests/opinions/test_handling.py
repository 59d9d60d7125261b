"""The handling loop and the overdue view on a real store."""

from datetime import date, timedelta

import pytest

from app import settings
from app.errors import ValidationError
from app.opinions import handling, items, topics, warnings

TODAY = date(2026, 11, 20)


def add_item(ctx, days_ago=3, **kw):
    values = dict(received_on=(TODAY - timedelta(days=days_ago)).isoformat(), field="economy",
                  summary="Người dân lo lắng giá phân bón tăng", tendency="concern", area_code="H01PA")
    values.update(kw)
    return items.create(ctx, items.Opinion(**values))


def test_forward_resolve_answer_and_overdue_view(office):
    late = add_item(office, 40)
    on_time = add_item(office, 10)
    done = add_item(office, 40)
    handling.forward(office, "opinion", late.id, "H01CQ01", due_on=TODAY - timedelta(days=5),
                     forwarded_on=TODAY - timedelta(days=35), today=TODAY)
    handling.forward(office, "opinion", on_time.id, "H01CQ02", due_on=TODAY + timedelta(days=20),
                     forwarded_on=TODAY - timedelta(days=9), today=TODAY)
    handling.forward(office, "opinion", done.id, "H01CQ01", due_on=TODAY - timedelta(days=5),
                     forwarded_on=TODAY - timedelta(days=35), today=TODAY)
    handling.resolve(office, "opinion", done.id, "Đã kiểm tra, xử lý cơ sở vi phạm", TODAY - timedelta(days=8),
                     today=TODAY)
    handling.answer(office, "opinion", done.id, TODAY - timedelta(days=2), today=TODAY)

    rows = handling.overdue(office, TODAY)
    assert [(r.id, r.days_over, r.agency_name) for r in rows] == [(late.id, 5, "Phòng Tài nguyên và Môi trường")]
    assert handling.overdue_count(office, TODAY) == 1
    assert items.get(office, done.id).handling == "answered"
    assert items.get(office, late.id).version == 2

    fig = handling.figures(office, (TODAY - timedelta(days=30)).isoformat(), TODAY.isoformat())
    assert (fig.forwarded, fig.resolved, fig.answered, fig.overdue) == (1, 1, 1, 1)


def test_topic_can_be_forwarded_and_falls_overdue(office):
    topic = topics.list_topics(office)[0]
    handling.forward(office, "topic", topic.id, "H01CQ02", due_on=TODAY - timedelta(days=1),
                     forwarded_on=TODAY - timedelta(days=30), today=TODAY)
    (row,) = handling.overdue(office, TODAY)
    assert (row.kind, row.kind_label, row.text, row.days_over) == ("topic", "Vấn đề", topic.title, 1)
    assert topics.get(office, topic.id).handling == "forwarded"


@pytest.mark.parametrize("call, message", [
    (lambda c, i: handling.forward(c, "opinion", i, "H01PA", TODAY, today=TODAY), "cơ quan nhận xử lý"),
    (lambda c, i: handling.forward(c, "opinion", i, "H01CQ01", TODAY - timedelta(days=3), TODAY, today=TODAY),
     "Hạn xử lý phải sau ngày chuyển"),
    (lambda c, i: handling.forward(c, "opinion", i, "H01CQ01", TODAY + timedelta(days=9),
                                   TODAY + timedelta(days=1), today=TODAY), "không được ở tương lai"),
    (lambda c, i: handling.resolve(c, "opinion", i, "  ", today=TODAY), "Kết quả giải quyết không được để trống"),
    (lambda c, i: handling.answer(c, "opinion", i, today=TODAY), "trước khi ghi ngày phản hồi"),
])
def test_bad_handling_input_is_refused_and_changes_nothing(office, call, message):
    item = add_item(office)
    with pytest.raises(ValidationError) as exc:
        call(office, item.id)
    assert message in exc.value.message
    assert items.get(office, item.id).version == 1


def test_add_agency_makes_a_code_and_refuses_duplicates(office):
    unit = handling.add_agency(office, "Phòng Kinh tế và Hạ tầng")
    assert unit.level == "agency" and unit.code.startswith("H01-CQ")
    with pytest.raises(ValidationError):
        handling.add_agency(office, "phòng kinh tế và hạ tầng")


def test_item_validation_messages(office):
    with pytest.raises(ValidationError, match="Lĩnh vực không được để trống"):
        add_item(office, field="")
    with pytest.raises(ValidationError, match="tương lai"):
        add_item(office, days_ago=-400)


def test_topic_warnings_read_the_store_and_settings(office):
    topic = topics.list_topics(office)[0]
    today = date.today()
    for k, area in enumerate(["H01PA", "H01PH", "H01PS", "H01DH"]):
        items.create(office, items.Opinion(received_on=(today - timedelta(days=k)).isoformat(), field="economy",
                                           summary="Khói lò than gây bức xúc", tendency="frustration",
                                           area_code=area, topic_id=topic.id))
    (flag,) = warnings.topic_warnings(office)
    assert [r.code for r in flag.reasons] == ["spread"]
    assert "Xã Phong An" in flag.reason_text
    settings.put(office, "warning_min_items", 4)
    settings.put(office, "warning_spread_communes", 5)
    (flag,) = warnings.topic_warnings(office)
    assert [r.code for r in flag.reasons] == ["surge"]
    topics.update(office, topics.Topic(**{**topic.__dict__, "status": "closed", "closed_on": today.isoformat()}))
    assert warnings.topic_warnings(office) == []
