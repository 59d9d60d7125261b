"""Office identity, catalogue units and numeric settings: validated, audited, role-checked."""

import pytest

from app import audit, settings
from app.context import User
from app.errors import PermissionDenied, ValidationError
from app.office import get_office, save_unit, units, update_office


def test_update_office_upper_cases_names_and_audits(empty_ctx):
    office = update_office(empty_ctx, superior_name="huyện ủy càng long", place_name="  Càng   Long ")
    assert office.superior_name == "HUYỆN ỦY CÀNG LONG"
    assert office.place_name == "Càng Long"
    assert audit.entries(empty_ctx, table="office")[0].action == "update"
    with pytest.raises(ValidationError, match="không được để trống"):
        update_office(empty_ctx, body_code=" ")
    assert get_office(empty_ctx).body_code == "BTGHU"


def test_numeric_settings_are_range_checked(empty_ctx):
    assert settings.get(empty_ctx, "inactive_days") == 60
    assert settings.put_number(empty_ctx, "inactive_days", "45") == 45
    assert settings.put_number(empty_ctx, "warning_factor", "2,5") == 2.5
    assert settings.get(empty_ctx, "warning_factor") == 2.5
    with pytest.raises(ValidationError, match="khoảng"):
        settings.put_number(empty_ctx, "monthly_report_due_day", "31")
    with pytest.raises(ValidationError, match="cần nhập một số"):
        settings.put_number(empty_ctx, "inactive_days", "sáu mươi")
    assert settings.get(empty_ctx, "inactive_days") == 45


def test_catalogue_units(empty_ctx):
    save_unit(empty_ctx, "X01", "Xã An Trường", "commune", 12800)
    save_unit(empty_ctx, "CQ1", "Công an huyện", "agency")
    assert [u.name for u in units(empty_ctx, level="commune")] == ["Xã An Trường"]
    save_unit(empty_ctx, "X01", "Xã An Trường A", "commune", 9400)
    assert [(u.name, u.population) for u in units(empty_ctx, level="commune")] == [("Xã An Trường A", 9400)]
    with pytest.raises(ValidationError):
        save_unit(empty_ctx, "P", "Tỉnh khác", "province")


def test_staff_cannot_change_settings(empty_ctx):
    empty_ctx.user = User("clerk", "staff")
    with pytest.raises(PermissionDenied):
        settings.put_number(empty_ctx, "inactive_days", "30")
    with pytest.raises(PermissionDenied):
        update_office(empty_ctx, place_name="Nơi khác")
    with pytest.raises(PermissionDenied):
        save_unit(empty_ctx, "X9", "Xã Mới", "commune")
