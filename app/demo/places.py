"""Place and agency names of the demo district (Càng Long, Trà Vinh: real commune names)."""

PROVINCE = ("TVH", "Tỉnh Trà Vinh")
DISTRICT = ("TVH-CL", "Huyện Càng Long")

COMMUNES = [
    ("Thị trấn Càng Long", 14200, "Kinh"),
    ("Xã An Trường", 12800, "Kinh"),
    ("Xã An Trường A", 9400, "Kinh"),
    ("Xã Bình Phú", 11300, "Kinh"),
    ("Xã Đại Phúc", 10100, "Khmer"),
    ("Xã Đại Phước", 9800, "Kinh"),
    ("Xã Đức Mỹ", 8700, "Khmer"),
    ("Xã Huyền Hội", 13600, "Khmer"),
    ("Xã Mỹ Cẩm", 10900, "Kinh"),
    ("Xã Nhị Long", 11700, "Kinh"),
    ("Xã Nhị Long Phú", 8200, "Kinh"),
    ("Xã Phương Thạnh", 12400, "Khmer"),
    ("Xã Tân An", 9100, "Kinh"),
    ("Xã Tân Bình", 10600, "Kinh"),
]

HAMLETS = ["ấp Một", "ấp Hai", "ấp Ba", "ấp Chợ", "ấp Bình Hòa", "ấp Tân Lập", "ấp Sóc Tro", "ấp Giồng Cao",
           "ấp Mỹ Hiệp", "ấp Phú Hưng"]

AGENCIES = [
    "Ủy ban nhân dân huyện",
    "Công an huyện",
    "Phòng Tài nguyên và Môi trường",
    "Phòng Nông nghiệp và Phát triển nông thôn",
    "Phòng Lao động – Thương binh và Xã hội",
    "Phòng Giáo dục và Đào tạo",
    "Trung tâm Y tế huyện",
    "Phòng Kinh tế và Hạ tầng",
    "Ban Quản lý dự án đầu tư xây dựng huyện",
    "Bảo hiểm xã hội huyện",
]

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
