"""What the lower offices' demo data needs besides the commune demo's topics: the result an
agency reports for each topic (indexed like content.TOPICS, so a result always answers its
own topic: a fertiliser complaint is never "resolved" by a compensation payment) and the
social strata of a commune's collaborators, with rough weights of a Mekong-delta commune.

A topic with no results (party building, the East Sea) is not forwarded to a commune agency:
its items are answered by information and orientation, not by an agency's decision.
"""

from __future__ import annotations

RESULTS: list[tuple[str, ...]] = [
    ("Ban Quản lý dự án đã tổ chức đối thoại với các hộ bị ảnh hưởng, công khai phương án bồi thường tại ấp.",
     "Đã chi trả dứt điểm tiền hỗ trợ cho các hộ đã bàn giao mặt bằng.",
     "Hội đồng bồi thường đã rà soát lại đơn giá, điều chỉnh cho các thửa đất định giá chưa sát thực tế."),
    ("Ủy ban nhân dân xã đã bố trí điểm tiếp nhận hồ sơ tại trụ sở cũ, hướng dẫn Nhân dân nộp hồ sơ trực tuyến.",
     "Đã giải quyết chế độ cho cán bộ dôi dư theo quy định, thông báo công khai tại trụ sở."),
    ("Đã phối hợp kiểm tra các đại lý vật tư nông nghiệp, xử lý cơ sở bán phân bón không rõ nguồn gốc.",
     "Đã kết nối hợp tác xã với doanh nghiệp bao tiêu lúa, hướng dẫn bà con ký hợp đồng tiêu thụ."),
    ("Đã bố trí xe chở nước ngọt, lắp bồn chứa nước tại các ấp thiếu nước sinh hoạt.",
     "Đã nạo vét kênh nội đồng, vận hành cống ngăn mặn theo lịch thông báo."),
    ("Công an xã đã tuyên truyền cách nhận biết cuộc gọi giả danh tại các cuộc họp ấp.",
     "Công an xã đã tiếp nhận trình báo, hướng dẫn người dân phong tỏa tài khoản và chuyển hồ sơ lên cấp trên."),
    ("Đã kiểm tra, lập biên bản, yêu cầu cơ sở chăn nuôi xây hầm biogas, xử lý nước thải trong 30 ngày.",
     "Đã yêu cầu các lò than củi ngừng đốt vào ban ngày, lập lộ trình di dời ra xa khu dân cư."),
    ("Trạm Y tế đã bổ sung thuốc thiết yếu, niêm yết quy trình khám chữa bệnh bảo hiểm y tế.",
     "Đã bố trí thêm buổi khám bệnh bảo hiểm y tế vào sáng thứ Bảy."),
    (),
    (),
    (),
]

# The commune agency each topic is forwarded to (indexes into places.AGENCIES): the project
# board for compensation, the public-service centre for the merged commune's paperwork, the
# economic office for fertiliser and the pig farms, the general-services centre for water,
# the police for fraud, the health station for insurance; the rest go to the People's Committee.
AGENCY: list[int] = [8, 7, 2, 3, 1, 2, 6, 0, 0, 0]

STRATA: dict[str, float] = {
    "farmer": 0.34, "cadre": 0.16, "retiree": 0.12, "veteran": 0.08, "business": 0.08, "worker": 0.07,
    "youth": 0.07, "religious": 0.04, "ethnic": 0.04,
}
