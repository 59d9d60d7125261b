"""The consolidated annual report's closing part: the Ban's direction and tasks for the next
year, drawn from the year's figures as the commune annual report draws its own
(app.reports.prose.review.directions): the topics to watch, the overdue items to follow up,
the collaborator network and the communes still outside the exchange, the reporting
discipline. A task is only written when a figure calls for it, and its figure is stated.
"""

from __future__ import annotations

from app.exchange import province
from app.reports.consolidated.facts import ProvinceFacts
from app.reports.consolidated.topics import in_sentence
from app.reports.consolidated.wording import compact
from app.reports.wording import as_of, count, join


def title(f: ProvinceFacts) -> str:
    return f"Phương hướng, nhiệm vụ năm {f.period.start.year + 1}"


def directions(f: ProvinceFacts) -> list[str]:
    year = f.period.start.year + 1
    tasks = []
    hot = [t for t in f.topics if t.is_hot_spot]
    watch = hot[:3] or f.topics[:2]
    if watch:
        tasks.append(f"Tiếp tục nắm chắc tình hình tư tưởng, dư luận xã hội trong tỉnh, nhất là về "
                     f"{join(in_sentence(t.title) for t in watch)}; kịp thời báo cáo, đề xuất Thường trực Tỉnh ủy "
                     "biện pháp xử lý, không để hình thành điểm nóng.")
    if f.by_tendency.get("distortion", 0):
        tasks.append("Chủ động cung cấp thông tin chính thống, định hướng dư luận; đấu tranh, phản bác các thông tin "
                     f"sai trái, xuyên tạc ({count(f.by_tendency['distortion'], 'ý kiến')} trái chiều, xuyên tạc "
                     f"trong năm {f.period.start.year}).")
    if f.handling.overdue:
        tasks.append(f"Phối hợp các sở, ngành và chính quyền các đơn vị đôn đốc giải quyết dứt điểm "
                     f"{count(f.handling.overdue, 'ý kiến')} đã chuyển nhưng quá hạn ({as_of(f.handling.as_of)}); "
                     "thông tin kết quả đến nơi phản ánh.")
    without = [u.name for u in f.units if not u.collaborators]
    network = "Hướng dẫn các đơn vị kiện toàn đội ngũ cộng tác viên dư luận xã hội, tập huấn, bồi dưỡng nghiệp vụ"
    if without:
        network += f"; đôn đốc {count(len(without), 'đơn vị')} chưa gửi danh sách cộng tác viên ({compact(without, 8)})"
    tasks.append(network + ".")
    if f.not_enrolled:
        tasks.append(f"Hướng dẫn {count(len(f.not_enrolled), f.kinds)} chưa đăng ký trao đổi dữ liệu với Ban "
                     f"hoàn thành việc đăng ký, để báo cáo năm {year} tổng hợp được từ tất cả các đơn vị.")
    late = f.with_status(province.LATE, province.MISSING)
    tasks.append("Thực hiện nghiêm chế độ báo cáo định kỳ, đột xuất gửi Ban Tuyên giáo và Dân vận Trung ương và "
                 "Thường trực Tỉnh ủy" + (f"; đôn đốc các đơn vị gửi báo cáo đúng hạn ({count(len(late), 'đơn vị')} "
                                          f"gửi muộn hoặc chưa gửi báo cáo {f.period.label})" if late and not
                                          f.not_yet_due else "") + ".")
    return [f"Năm {year}, Ban Tuyên giáo và Dân vận Tỉnh ủy tập trung thực hiện các nhiệm vụ sau:",
            *(f"- {task}" for task in tasks)]   # "1. …" lines under 160 characters would print as headings
