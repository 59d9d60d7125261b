"""Read the official unit tables shipped by the `vietnamadminunits` package (pinned in
pyproject), without importing its code.

Why this route: the package is the maintained source of the 2025 list (34 provinces, 3,321
communes with their GSO codes) AND of the pre-reform (63-province) tables and the old→new
mapping, offline. Its Python code imports shapely and geopy at import time for address
geocoding DLXH never does, so we locate the package with importlib.util.find_spec (which
does not execute it) and read its `data/dataset.db` (plain SQLite of public data, opened
read-only), `data/converter_2025.json` and `data/parser_legacy.json` directly. The PyInstaller
bundle then needs only those three data files, not the geometry stack.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import sys
from functools import cache
from pathlib import Path

PACKAGE = "vietnamadminunits"


class UnitsDataMissing(RuntimeError):
    """The official list is not installed (a broken install): said once in Vietnamese."""


def data_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)   # PyInstaller: packaging/dlxh.spec collects the data files only
    if bundle and (Path(bundle) / PACKAGE / "data" / "dataset.db").exists():
        return Path(bundle) / PACKAGE / "data"
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise UnitsDataMissing("Thiếu danh mục đơn vị hành chính chính thức (gói vietnamadminunits); "
                               "hãy cài lại DLXH.")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def _query(sql: str) -> list[tuple]:
    path = data_dir() / "dataset.db"
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@cache
def current_rows() -> tuple[tuple[str, str, str, str, str, str, str], ...]:
    """(provinceCode, province, provinceKey, wardCode, ward, wardType, wardKey) of the 2025 list."""
    return tuple(_query(
        "SELECT DISTINCT provinceCode, province, provinceKey, wardCode, ward, wardType, wardKey "
        "FROM admin_units ORDER BY provinceCode, wardCode"))


@cache
def legacy_rows() -> tuple[tuple[str, ...], ...]:
    """(provinceCode, province, provinceKey, districtCode, district, districtKey, wardCode, ward, wardKey)
    of the pre-reform list (before 1/7/2025)."""
    return tuple(_query(
        "SELECT DISTINCT provinceCode, province, provinceKey, districtCode, district, districtKey, "
        "COALESCE(wardCode, ''), COALESCE(ward, ''), COALESCE(wardKey, '') FROM admin_units_legacy "
        "ORDER BY provinceCode, districtCode, wardCode"))


@cache
def converter() -> dict:
    with open(data_dir() / "converter_2025.json", encoding="utf-8") as fh:
        return json.load(fh)


@cache
def legacy_aliases() -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    """(provinceKey, districtKey, wardKey, keywords) of the pre-reform list, from the package's
    parser table. Its keywords carry the names a ward had before the 1/1/2025 rearrangement
    ("xadienhai"/"dienhai" for Phường Phong Hải): the converter reaches those through them."""
    with open(data_dir() / "parser_legacy.json", encoding="utf-8") as fh:
        table = json.load(fh)["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"]
    return tuple((pkey, dkey, wkey, tuple(info.get("wardKeywords", ())))
                 for pkey, districts in table.items() for dkey, wards in districts.items()
                 for wkey, info in wards.items())
