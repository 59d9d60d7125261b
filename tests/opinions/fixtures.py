"""A small real office for the opinions and meetings tests: encrypted store, communes,
agencies, collaborators and two topics; shared by both test packages."""

from __future__ import annotations

from pathlib import Path

from app.collaborators import registry
from app.context import Ctx
from app.office import add_unit, init_office
from app.opinions import topics

COMMUNES = [("H01TT", "Thị trấn Phong Điền"), ("H01PA", "Xã Phong An"), ("H01PH", "Xã Phong Hiền"),
            ("H01PS", "Xã Phong Sơn"), ("H01DH", "Xã Điền Hòa")]
AGENCIES = [("H01CQ01", "Phòng Tài nguyên và Môi trường"), ("H01CQ02", "Công an huyện")]
PEOPLE = [("Nguyễn Văn Bình", "H01TT"), ("Trần Thị Hoa", "H01PA"), ("Lê Văn Nam", "H01PH"),
          ("Phạm Thị Lan", "H01PS"), ("Hoàng Văn Tư", "H01DH")]
PASSPHRASE = "test-passphrase-4"


def make_office(path: Path) -> Ctx:
    ctx, _ = init_office(path, unit_code="H01", name="Huyện Phong Điền", role="district", parent_code="T46",
                         parent_name="Tỉnh Thừa Thiên Huế", passphrase=PASSPHRASE)
    for code, name in COMMUNES:
        add_unit(ctx, code, name, "commune", "H01")
    for code, name in AGENCIES:
        add_unit(ctx, code, name, "agency", "H01")
    for name, area in PEOPLE:
        registry.create(ctx, registry.Collaborator(full_name=name, area_code=area))
    topics.create(ctx, topics.Topic(title="Ô nhiễm môi trường từ lò than củi", field="culture_society",
                                    opened_on="2026-01-05"))
    topics.create(ctx, topics.Topic(title="Giá phân bón tăng", field="economy", opened_on="2026-02-01"))
    return ctx
