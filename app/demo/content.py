"""What the demo commune talks about: topics with their monthly shape and the sentences
a clerk would write. Items describe opinion streams; no sentence names a citizen."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoTopic:
    title: str
    field: str
    status: str
    # relative weight per month, oldest first (12 values), and tendency mix
    curve: tuple[float, ...]
    tendencies: dict[str, float]
    statements: tuple[str, ...]
    proposals: tuple[str, ...]
    agency: int | None  # index into places.AGENCIES; None: no commune body holds it (reflected upward)
    communes: tuple[int, ...] = ()  # where it concentrates (indexes into places.HAMLETS); empty = everywhere
    surge_days: int = 0  # a recent surge in the last N days (drives the early warning)
    results: tuple[str, ...] = ()  # what the agency did about it, written for this topic


SUBJECTS = [
    "Bà con nông dân", "Nhiều hộ dân", "Một bộ phận quần chúng nhân dân", "Cán bộ hưu trí", "Đoàn viên thanh niên",
    "Hội viên Hội Cựu chiến binh", "Tiểu thương chợ", "Hội viên phụ nữ", "Cán bộ, đảng viên", "Người lao động",
    "Đồng bào Khmer", "Phụ huynh học sinh", "Nhân dân",
]

TOPICS: list[DemoTopic] = [
    DemoTopic(
        "Bồi thường, giải phóng mặt bằng dự án nâng cấp Quốc lộ 53", "economy", "hot",
        (2, 2, 3, 3, 4, 4, 5, 6, 7, 8, 9, 10),
        {"support": 0.2, "concern": 0.35, "frustration": 0.4, "distortion": 0.05},
        ("cho rằng đơn giá bồi thường đất nông nghiệp thấp hơn giá chuyển nhượng thực tế",
         "phản ánh việc kiểm đếm tài sản trên đất còn chậm, chưa công khai đầy đủ",
         "băn khoăn về mức bồi thường, vị trí và thời gian bố trí tái định cư",
         "đồng tình với chủ trương nâng cấp tuyến đường, mong sớm thi công để đi lại thuận tiện",
         "bức xúc vì đã bàn giao mặt bằng nhưng chưa nhận đủ tiền hỗ trợ"),
        ("Đề nghị công khai phương án bồi thường tại ấp, tổ chức đối thoại với hộ dân bị ảnh hưởng.",
         "Đề nghị rà soát lại đơn giá đất nông nghiệp, chi trả dứt điểm tiền hỗ trợ."),
        8, (0, 1, 9, 10),
        results=("Ban Quản lý dự án đã tổ chức đối thoại với các hộ dân, giải thích căn cứ đơn giá bồi thường.",
                 "Đã chi trả bổ sung tiền hỗ trợ cho các hộ đã bàn giao mặt bằng.",
                 "Đã niêm yết công khai phương án bồi thường tại nhà văn hóa ấp."),
    ),
    DemoTopic(
        "Sắp xếp đơn vị hành chính cấp xã, tinh gọn bộ máy", "politics", "watch",
        (1, 2, 4, 6, 8, 7, 5, 4, 3, 3, 2, 2),
        {"support": 0.55, "concern": 0.4, "frustration": 0.03, "distortion": 0.02},
        ("đồng tình với chủ trương sắp xếp, cho rằng bộ máy gọn nhẹ sẽ hoạt động hiệu quả hơn",
         "băn khoăn về việc đi lại làm thủ tục hành chính khi trụ sở xã mới ở xa",
         "quan tâm đến chế độ, chính sách đối với cán bộ không đủ tuổi tái cử, nghỉ hưu trước tuổi",
         "mong tên gọi đơn vị mới giữ được yếu tố lịch sử, truyền thống của địa phương"),
        ("Đề nghị tăng cường dịch vụ công trực tuyến, bố trí điểm tiếp nhận hồ sơ tại các điểm trụ sở cũ.",
         "Đề nghị giải quyết kịp thời chế độ cho cán bộ dôi dư sau sắp xếp."),
        0,
        results=("Đã bố trí điểm tiếp nhận hồ sơ tại trụ sở cũ, hướng dẫn người dân nộp hồ sơ trực tuyến.",
                 "Đã giải quyết chế độ, chính sách cho cán bộ dôi dư theo quy định."),
    ),
    DemoTopic(
        "Giá phân bón, vật tư nông nghiệp và đầu ra của lúa", "economy", "watch",
        (6, 6, 5, 4, 3, 3, 4, 5, 6, 5, 4, 4),
        {"support": 0.1, "concern": 0.7, "frustration": 0.2, "distortion": 0.0},
        ("lo lắng giá phân bón, thuốc bảo vệ thực vật tăng trong khi giá lúa thu hoạch giảm",
         "phản ánh thương lái ép giá lúa tươi vào thời điểm thu hoạch rộ",
         "băn khoăn về chất lượng phân bón bán trôi nổi tại một số đại lý"),
        ("Đề nghị tăng cường kiểm tra chất lượng phân bón, xử lý nghiêm hàng giả, kém chất lượng.",
         "Đề nghị có giải pháp liên kết tiêu thụ lúa, bình ổn giá vật tư nông nghiệp."),
        3,
        results=("Đã phối hợp kiểm tra các đại lý vật tư nông nghiệp, thu hồi phân bón không rõ nguồn gốc.",
                 "Đã thông tin giá lúa, kết nối doanh nghiệp thu mua lúa theo hợp đồng liên kết."),
    ),
    DemoTopic(
        "Xâm nhập mặn, thiếu nước ngọt sinh hoạt mùa khô", "culture_society", "closed",
        (1, 1, 3, 7, 9, 6, 2, 1, 0, 0, 0, 0),
        {"support": 0.15, "concern": 0.6, "frustration": 0.25, "distortion": 0.0},
        ("lo lắng độ mặn tăng cao, ảnh hưởng đến lúa và cây ăn trái",
         "phản ánh một số ấp thiếu nước sinh hoạt, phải mua nước ngọt với giá cao",
         "đồng tình với việc chính quyền vận hành cống ngăn mặn, cấp nước miễn phí cho hộ khó khăn"),
        ("Đề nghị mở rộng tuyến ống cấp nước sạch về các ấp vùng sâu.",
         "Đề nghị hỗ trợ bồn chứa nước cho hộ nghèo, hộ cận nghèo."),
        3, (4, 6, 7, 11),
        results=("Đã vận hành cống ngăn mặn, chở nước ngọt cấp miễn phí cho hộ khó khăn.",
                 "Đã hỗ trợ bồn chứa nước cho hộ nghèo, hộ cận nghèo."),
    ),
    DemoTopic(
        "Lừa đảo chiếm đoạt tài sản qua mạng, cuộc gọi giả danh cơ quan chức năng", "defense_security", "watch",
        (2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7),
        {"support": 0.15, "concern": 0.75, "frustration": 0.1, "distortion": 0.0},
        ("lo lắng tình trạng giả danh công an, cán bộ thuế gọi điện yêu cầu chuyển tiền, cài ứng dụng lạ",
         "phản ánh xuất hiện tin nhắn mời làm cộng tác viên bán hàng online, nhiều người bị mất tiền",
         "đồng tình với việc công an xã tuyên truyền cách nhận biết thủ đoạn lừa đảo tại các ấp"),
        ("Đề nghị đẩy mạnh tuyên truyền trên loa truyền thanh ấp và nhóm Zalo về thủ đoạn lừa đảo.",),
        1,
        results=("Công an xã đã tuyên truyền trên loa truyền thanh ấp, hướng dẫn người dân nhận biết thủ đoạn lừa đảo.",
                 "Công an xã đã tiếp nhận tin báo, hướng dẫn người bị hại trình báo, phối hợp ngân hàng tạm khóa tài khoản nghi vấn."),
    ),
    DemoTopic(
        "Ô nhiễm môi trường từ cơ sở chăn nuôi heo và lò than củi", "culture_society", "hot",
        (1, 1, 1, 1, 2, 1, 1, 2, 2, 2, 3, 3),
        {"support": 0.05, "concern": 0.3, "frustration": 0.65, "distortion": 0.0},
        ("bức xúc vì mùi hôi, nước thải từ trại chăn nuôi heo xả ra kênh thủy lợi",
         "phản ánh khói từ lò than củi ảnh hưởng sức khỏe, nhất là người già và trẻ em",
         "cho rằng việc xử lý vi phạm môi trường còn chậm, chưa dứt điểm"),
        ("Đề nghị kiểm tra, xử lý dứt điểm các cơ sở gây ô nhiễm, công khai kết quả cho nhân dân biết.",),
        2, (3, 5, 8, 12), 14,
        results=("Đã kiểm tra, lập biên bản vi phạm, yêu cầu cơ sở chăn nuôi khắc phục trong 30 ngày.",
                 "Đã yêu cầu chủ lò than củi lắp đặt ống khói, hệ thống xử lý khói; thông báo kết quả tại cuộc họp ấp."),
    ),
    DemoTopic(
        "Khám chữa bệnh bảo hiểm y tế tại trạm y tế xã", "culture_society", "watch",
        (3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3),
        {"support": 0.35, "concern": 0.55, "frustration": 0.1, "distortion": 0.0},
        ("phản ánh trạm y tế xã thiếu một số loại thuốc bảo hiểm y tế",
         "đồng tình với việc triển khai khám chữa bệnh bằng căn cước công dân gắn chip",
         "băn khoăn về mức đóng bảo hiểm y tế hộ gia đình tăng"),
        ("Đề nghị bảo đảm đủ thuốc thiết yếu cho trạm y tế xã.",),
        6,
        results=("Trạm Y tế đã bổ sung thuốc thiết yếu, niêm yết danh mục thuốc bảo hiểm y tế.",
                 "Đã giải thích mức đóng bảo hiểm y tế hộ gia đình tại cuộc họp ấp."),
    ),
    DemoTopic(
        "Công tác phòng, chống tham nhũng, tiêu cực", "party_building", "watch",
        (2, 2, 2, 3, 3, 2, 2, 3, 3, 2, 2, 2),
        {"support": 0.85, "concern": 0.1, "frustration": 0.0, "distortion": 0.05},
        ("đồng tình, đánh giá cao việc xử lý nghiêm cán bộ sai phạm, không có vùng cấm",
         "mong công tác phòng, chống tham nhũng được thực hiện quyết liệt cả ở cơ sở",
         "tin tưởng vào sự lãnh đạo của Đảng trong công tác xây dựng, chỉnh đốn Đảng"),
        ("Đề nghị tiếp tục công khai kết quả xử lý các vụ việc để nhân dân giám sát.",),
        10,
        results=("Ủy ban Kiểm tra Đảng ủy xã đã tiếp nhận, xác minh và thông báo kết quả tại hội nghị chi bộ.",),
    ),
    DemoTopic(
        "Thông tin xuyên tạc trên mạng xã hội về công tác nhân sự đại hội Đảng các cấp", "party_building", "watch",
        (0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 2, 2),
        {"support": 0.3, "concern": 0.3, "frustration": 0.0, "distortion": 0.4},
        ("ghi nhận trên mạng xã hội xuất hiện một số bài viết suy diễn, xuyên tạc về công tác nhân sự",
         "đồng tình với việc chủ động cung cấp thông tin chính thống, phản bác luận điệu sai trái",
         "băn khoăn trước một số thông tin chưa được kiểm chứng lan truyền trong các nhóm Zalo"),
        ("Đề nghị kịp thời cung cấp thông tin chính thống, định hướng dư luận trên không gian mạng.",),
        None,
        results=(),
    ),
    DemoTopic(
        "Tình hình Biển Đông", "foreign_affairs", "watch",
        (1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1),
        {"support": 0.7, "concern": 0.3, "frustration": 0.0, "distortion": 0.0},
        ("ủng hộ lập trường kiên quyết, kiên trì bảo vệ chủ quyền biển, đảo bằng biện pháp hòa bình",
         "quan tâm theo dõi hoạt động của tàu nước ngoài trên Biển Đông"),
        ("Đề nghị tăng cường thông tin về tình hình Biển Đông qua các buổi sinh hoạt chi bộ.",),
        None,
        results=(),
    ),
]

SCALE_WEIGHTS = {"low": 0.5, "medium": 0.38, "high": 0.12}
CHANNEL_WEIGHTS = {"direct": 0.3, "meeting": 0.3, "phone": 0.15, "zalo": 0.15, "cyberspace": 0.06, "press": 0.04}


MEETING_AGENDAS = [
    "Thông tin tình hình thời sự trong nước, quốc tế; định hướng tuyên truyền; nắm tình hình dư luận tháng.",
    "Quán triệt chủ trương sắp xếp đơn vị hành chính; nắm dư luận về việc triển khai nghị quyết đại hội Đảng bộ các cấp.",
    "Thông tin tình hình kinh tế – xã hội của xã; dư luận về công tác bồi thường dự án Quốc lộ 53.",
]
