"""Catalogue and settings pages drive the same app/ functions with real widgets."""

from PySide6.QtWidgets import QMessageBox

from app import settings
from app.office import get_office, units


def test_settings_page_saves(main_window, demo_ctx, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    page = main_window.show_page("settings")
    assert page.office_edits["body_code"].text() == "ĐU"
    page.office_edits["place_name"].setText("Càng Long, Vĩnh Long")
    page.number_edits["inactive_days"].setText("45")
    page.save()
    assert get_office(demo_ctx).place_name == "Càng Long, Vĩnh Long"
    assert settings.get(demo_ctx, "inactive_days") == 45


def test_settings_page_refuses_bad_number_and_saves_nothing(main_window, demo_ctx, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    page = main_window.show_page("settings")
    page.office_edits["place_name"].setText("Nơi mới")
    page.number_edits["monthly_report_due_day"].setText("40")
    page.save()
    assert shown and "khoảng" in shown[0]
    assert get_office(demo_ctx).place_name == "Càng Long"  # one transaction: nothing saved


def test_catalog_page_adds_a_hamlet(main_window, demo_ctx, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    page = main_window.show_page("catalog")
    before = page.communes.model.rowCount()
    page.communes.code.setText("")            # a local code is given
    page.communes.area_type.setCurrentText("tổ dân phố")
    page.communes.name.setText("Tổ dân phố Tân Hòa")
    page.communes.population.setValue(7500)
    page.communes.save()
    assert page.communes.model.rowCount() == before + 1
    added = next(u for u in units(demo_ctx, level="hamlet") if u.name == "Tổ dân phố Tân Hòa")
    assert added.code == "29266-A15" and added.area_type == "tổ dân phố"
