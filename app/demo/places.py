"""Places and agencies of the demo commune: Xã Càng Long, tỉnh Vĩnh Long (formed on 1/7/2025
from Thị trấn Càng Long, Xã Mỹ Cẩm and Xã Nhị Long Phú of the former Huyện Càng Long, Trà Vinh).

The commune and province come from the official list (app/units), never typed here. Hamlets
are not in any official list (each commune keeps its own): the demo's are illustrative.
`hamlets_of` and `agencies_of` also serve any other commune a demo generates.
"""

from __future__ import annotations

from app import units

PROVINCE_CODE = "86"
COMMUNE_CODE = "29266"
PROVINCE = (PROVINCE_CODE, units.province(PROVINCE_CODE).name)      # ("86", "Tỉnh Vĩnh Long")
COMMUNE = (COMMUNE_CODE, units.commune(COMMUNE_CODE).name)          # ("29266", "Xã Càng Long")

# (area type, name, population, main ethnicity): 14 areas, as the demo content expects.
HAMLETS = [
    ("khóm", "Khóm 1", 2150, "Kinh"),
    ("khóm", "Khóm 2", 1980, "Kinh"),
    ("khóm", "Khóm 3", 2310, "Kinh"),
    ("khóm", "Khóm 4", 1720, "Kinh"),
    ("khóm", "Khóm 5", 1640, "Khmer"),
    ("ấp", "Ấp Mỹ Cẩm A", 1830, "Kinh"),
    ("ấp", "Ấp Mỹ Cẩm B", 1560, "Khmer"),
    ("ấp", "Ấp Ba Se A", 1420, "Kinh"),
    ("ấp", "Ấp Ba Se B", 1310, "Khmer"),
    ("ấp", "Ấp Thanh Bình", 1650, "Kinh"),
    ("ấp", "Ấp Nhị Long Phú", 1590, "Kinh"),
    ("ấp", "Ấp Đại Phước", 1480, "Khmer"),
    ("ấp", "Ấp Sóc Tro", 1370, "Khmer"),
    ("ấp", "Ấp Giồng Cao", 1440, "Kinh"),
]

# The commune-level bodies items are forwarded to; "{xa}" is the commune ("xã Càng Long").
# Index order matters: content.DemoTopic.agency points into it.
AGENCIES = [
    "Ủy ban nhân dân {xa}",
    "Công an {xa}",
    "Phòng Kinh tế {xa}",
    "Trung tâm Dịch vụ tổng hợp {xa}",
    "Phòng Văn hóa – Xã hội {xa}",
    "Trường Trung học cơ sở {ten}",
    "Trạm Y tế {xa}",
    "Trung tâm Phục vụ hành chính công {xa}",
    "Ban Quản lý dự án đầu tư xây dựng khu vực {ten}",
    "Bảo hiểm xã hội cơ sở {ten}",
    "Ủy ban Kiểm tra Đảng ủy {xa}",
]


def hamlets_of(commune_code: str) -> list[tuple[str, str, int, str]]:
    """The demo areas of a commune: the named list for the demo commune, numbered ấp elsewhere."""
    if commune_code == COMMUNE_CODE:
        return list(HAMLETS)
    return [("ấp", f"Ấp {n}", 1200 + (int(commune_code or 0) * 37 + n * 131) % 1500, "Kinh")
            for n in range(1, len(HAMLETS) + 1)]


def agencies_of(commune_name: str) -> list[str]:
    """AGENCIES filled for a commune named like 'Xã Càng Long' / 'Phường 1'."""
    short = units.strip_type(commune_name)
    lower = " ".join(commune_name.split())
    lower = lower[: len(lower) - len(short)].lower() + short
    return [a.format(xa=lower, ten=short) for a in AGENCIES]


FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
          "Phan", "Trương", "Đoàn"]
KHMER_FAMILY = ["Thạch", "Kim", "Sơn", "Lâm", "Trà"]
MIDDLE_M = ["Văn", "Minh", "Hoàng", "Quốc", "Hữu", "Thanh", "Công", "Đức"]
MIDDLE_F = ["Thị", "Ngọc", "Thị Kim", "Thanh", "Thị Mỹ", "Thị Bích"]
GIVEN_M = ["Hùng", "Dũng", "Phúc", "Tâm", "Sang", "Tuấn", "Bình", "Lực", "Trung", "Khánh", "Sơn", "Phước", "Vũ",
           "Thành", "Đạt", "Hiếu", "Nghĩa", "Lộc", "Quang", "Tài"]
GIVEN_F = ["Lan", "Hoa", "Thảo", "Hạnh", "Nga", "Hiền", "Mai", "Yến", "Trang", "Loan", "Phượng", "Diễm", "Nhung",
           "Thủy", "Xuân"]
KHMER_GIVEN = ["Sa Rươl", "Sóc Khanh", "Thị Sa Vân", "Chanh Đa", "Thị Sa Ly", "Sô Phol", "Ry Na", "Kim Sên"]
