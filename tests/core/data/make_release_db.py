"""Make tests/core/data/release_district.db with the PREVIOUS release's code (schema 8, before
office kinds): run from a checkout of that release, e.g.
    PYTHONPATH=/path/to/old/checkout python tests/core/data/make_release_db.py OUT.db
A small district office: communes, an agency, collaborators, an item, a drafted monthly
report with its rendered document. Passphrase: release-pass."""

import sys
from datetime import date
from pathlib import Path

from app import records
from app.collaborators import registry
from app.ids import uuid7
from app.office import add_unit, init_office

out = Path(sys.argv[1])
ctx, _ = init_office(out, unit_code="TVH-CL", name="Huyện Càng Long", role="district", parent_code="TVH",
                     parent_name="Tỉnh Trà Vinh", passphrase="release-pass")
add_unit(ctx, "TVH-CL-X01", "Xã Nhị Long Phú", "commune", "TVH-CL", 8200)
add_unit(ctx, "TVH-CL-X02", "Thị trấn Càng Long", "commune", "TVH-CL", 14200)
add_unit(ctx, "TVH-CL-CQ01", "Công an huyện", "agency", "TVH-CL")
person = registry.Collaborator(full_name="Nguyễn Văn An", gender="male", area_code="TVH-CL-X01", stratum="farmer",
                               sector="farmers_union", phone="0901234567")
cid = registry.create(ctx, person).id
records.bulk_insert(ctx, "opinions", [{
    "id": uuid7(), "received_on": "2025-05-12", "collaborator_id": cid, "channel": "direct",
    "area_code": "TVH-CL-X01", "field": "economy", "summary": "Bà con quan tâm giá lúa.", "tendency": "concern",
    "scale": "medium", "hotspot_risk": "none", "handling": "new"}], note="fixture")
from app.reports import draft  # noqa: E402

draft.draft_report(ctx, "monthly", date(2025, 5, 1))
ctx.close()
