"""Fixed catalogues of the domain: stored as short English codes, shown with Vietnamese labels.

Keeping codes in the DB (not labels) lets a label be reworded without a migration and
keeps exchange packages independent of spelling.
"""

from __future__ import annotations

FIELDS: dict[str, str] = {
    "politics": "Chính trị",
    "economy": "Kinh tế",
    "culture_society": "Văn hóa – xã hội",
    "defense_security": "Quốc phòng – an ninh",
    "foreign_affairs": "Đối ngoại",
    "party_building": "Xây dựng Đảng và hệ thống chính trị",
    "other": "Khác",
}

TENDENCIES: dict[str, str] = {
    "support": "Đồng tình, ủng hộ",
    "concern": "Băn khoăn, lo lắng",
    "frustration": "Bức xúc, phản đối",
    "distortion": "Trái chiều, xuyên tạc",
}

SCALES: dict[str, str] = {
    "low": "Ít",
    "medium": "Nhiều",
    "high": "Rất nhiều",
}

CHANNELS: dict[str, str] = {
    "direct": "Trực tiếp",
    "meeting": "Hội nghị giao ban",
    "phone": "Điện thoại",
    "email": "Thư điện tử",
    "zalo": "Zalo",
    "cyberspace": "Không gian mạng",
    "press": "Báo chí",
    "survey": "Điều tra, thăm dò",
}

HOTSPOT_RISKS: dict[str, str] = {
    "none": "Không",
    "low": "Thấp",
    "high": "Cao",
}

HANDLING: dict[str, str] = {
    "new": "Mới tiếp nhận",
    "verifying": "Đang xác minh",
    "forwarded": "Đã chuyển xử lý",
    "resolved": "Đã giải quyết",
    "answered": "Đã phản hồi",
}

TOPIC_STATUSES: dict[str, str] = {
    "watch": "Theo dõi",
    "hot": "Nổi cộm",
    "closed": "Đã kết thúc",
}

COLLABORATOR_STATUSES: dict[str, str] = {
    "active": "Đang hoạt động",
    "paused": "Tạm dừng",
    "left": "Đã thôi",
}

STRATA: dict[str, str] = {
    "cadre": "Cán bộ, công chức, viên chức",
    "worker": "Công nhân",
    "farmer": "Nông dân",
    "intellectual": "Trí thức",
    "business": "Doanh nhân, tiểu thương",
    "youth": "Thanh niên, học sinh, sinh viên",
    "veteran": "Cựu chiến binh",
    "retiree": "Cán bộ hưu trí",
    "religious": "Tín đồ tôn giáo",
    "religious_dignitary": "Chức sắc, chức việc tôn giáo",
    "ethnic": "Đồng bào dân tộc thiểu số",
    "ethnic_prestige": "Người có uy tín trong đồng bào dân tộc thiểu số",
    "armed_forces": "Lực lượng vũ trang",
    "other": "Khác",
}

SECTORS: dict[str, str] = {
    "party": "Khối Đảng",
    "government": "Khối chính quyền",
    "front": "Mặt trận Tổ quốc",
    "women": "Hội Liên hiệp Phụ nữ",
    "farmers_union": "Hội Nông dân",
    "youth_union": "Đoàn Thanh niên",
    "veterans_union": "Hội Cựu chiến binh",
    "labour": "Liên đoàn Lao động",
    "education": "Giáo dục",
    "health": "Y tế",
    "police": "Công an",
    "military": "Quân sự",
    "business": "Doanh nghiệp",
    "other": "Khác",
}

GENDERS: dict[str, str] = {"male": "Nam", "female": "Nữ"}

ROLES: dict[str, str] = {"district": "Cấp cơ sở", "province": "Cấp tỉnh"}

UNIT_LEVELS: dict[str, str] = {
    "province": "Tỉnh, thành phố",
    "district": "Huyện (trước 7/2025)",
    "commune": "Xã, phường, đặc khu",
    "agency": "Cơ quan",
    "hamlet": "Thôn, ấp, tổ dân phố",
    "member": "Cơ quan, đơn vị trực thuộc",
}


def label(catalogue: dict[str, str], code: str | None) -> str:
    """Vietnamese label for a code; the code itself if unknown, "" for None."""
    if code is None:
        return ""
    return catalogue.get(code, code)


# What a tight table (the opinions list, the collaborators' coverage matrix) shows for a long label; the cell's tooltip, an
# export and every document keep the whole label. The abbreviations are the ones offices
# write in their own spreadsheets (VH – XH, QP – AN).
SHORT: dict[str, str] = {
    "Văn hóa – xã hội": "VH – XH",
    "Quốc phòng – an ninh": "QP – AN",
    "Xây dựng Đảng và hệ thống chính trị": "XD Đảng, HTCT",
    "Đồng tình, ủng hộ": "Đồng tình",
    "Băn khoăn, lo lắng": "Băn khoăn",
    "Bức xúc, phản đối": "Bức xúc",
    "Trái chiều, xuyên tạc": "Trái chiều",
    "Mới tiếp nhận": "Mới",
    "Đang xác minh": "Xác minh",
    "Đã chuyển xử lý": "Đã chuyển",
    "Cán bộ, công chức, viên chức": "CB, CC, VC",
    "Doanh nhân, tiểu thương": "Kinh doanh",
    "Thanh niên, học sinh, sinh viên": "Thanh niên, HS, SV",
    "Cán bộ hưu trí": "CB hưu trí",
    "Chức sắc, chức việc tôn giáo": "Chức sắc tôn giáo",
    "Đồng bào dân tộc thiểu số": "Đồng bào DTTS",
    "Người có uy tín trong đồng bào dân tộc thiểu số": "Người có uy tín",
    "Lực lượng vũ trang": "LLVT",
    "Mặt trận Tổ quốc": "MTTQ",
    "Hội Liên hiệp Phụ nữ": "Hội LHPN",
    "Hội Nông dân": "Hội ND",
    "Đoàn Thanh niên": "Đoàn TN",
    "Hội Cựu chiến binh": "Hội CCB",
    "Liên đoàn Lao động": "LĐLĐ",
    "Doanh nghiệp": "DN",
}


def short(label: str) -> str:
    """A label as a tight table shows it (SHORT), else the label itself."""
    return SHORT.get(label, label)
