"""A fixed sample document for the renderer tests (no database needed)."""

from __future__ import annotations

from app.reports.document import Chart, Document, Header, Heading, Paragraph, Signature, Table, signature

FIELDS = ["Chính trị", "Kinh tế", "Văn hóa – xã hội", "Quốc phòng – an ninh", "Đối ngoại",
          "Xây dựng Đảng và hệ thống chính trị", "Khác"]
TENDENCIES = ["Đồng tình, ủng hộ", "Băn khoăn, lo lắng", "Bức xúc, phản đối", "Trái chiều, xuyên tạc"]


def sample_document(pages: int = 2, mark: str = "") -> Document:
    blocks = [Heading(1, "I. Tình hình tư tưởng, tâm trạng chung"),
              Paragraph("Trong tháng 10 năm 2026, tình hình tư tưởng, tâm trạng của cán bộ, đảng viên và Nhân dân "
                        "trên địa bàn xã cơ bản ổn định; đa số đồng tình, ủng hộ các chủ trương của Đảng, "
                        "chính sách, pháp luật của Nhà nước."),
              Table(["Lĩnh vực", "Tháng này", "Tháng trước", "Tăng, giảm"],
                    [[f, str(10 + i), str(8 + i), "+2"] for i, f in enumerate(FIELDS)] + [["Tổng cộng", "91", "77", "+14"]],
                    widths_mm=[75, 30, 30, 30], caption="Bảng 1. Số thông tin dư luận theo lĩnh vực", bold_last_row=True),
              Chart("Biểu đồ 1. Thông tin dư luận theo lĩnh vực và xu hướng", FIELDS, TENDENCIES,
                    [[12, 30, 8, 4, 1, 6, 2], [3, 9, 5, 1, 0, 2, 1], [1, 4, 2, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1, 0]]),
              Heading(1, "II. Dư luận xã hội về các vấn đề nổi bật"),
              Heading(2, "1. Về kinh tế"),
              Heading(3, "a) Giá cả thị trường")]
    for i in range(pages * 4):
        blocks.append(Paragraph(f"Đoạn {i + 1}: dư luận quan tâm đến việc điều chỉnh giá điện, giá xăng dầu và các mặt "
                                "hàng thiết yếu; một bộ phận Nhân dân băn khoăn, lo lắng về thu nhập, việc làm, nhất là "
                                "lao động tự do ở các xã Phong Hiền, Phong An, Phong Sơn."))
    header = Header("ĐẢNG BỘ TỈNH VĨNH LONG", "ĐẢNG ỦY XÃ CÀNG LONG", "Số 01-BC/ĐU",
                    "Càng Long, ngày 20 tháng 10 năm 2026", mark=mark)
    return Document(header, "BÁO CÁO", "tình hình tư tưởng, tâm trạng và dư luận xã hội tháng 10 năm 2026", blocks,
                    ["Ban Tuyên giáo và Dân vận Tỉnh ủy (để báo cáo)", "Thường trực Đảng ủy", "Lưu Văn phòng Đảng ủy"],
                    [signature("ĐẢNG ỦY XÃ CÀNG LONG", "tm", "Nguyễn Văn An")])


def sample_minutes() -> Document:
    header = Header("ĐẢNG BỘ TỈNH VĨNH LONG", "ĐẢNG ỦY XÃ CÀNG LONG", "Số 03-BB/ĐU",
                    "Càng Long, ngày 05 tháng 02 năm 2026")
    blocks = [Paragraph("Thời gian: 8 giờ 00, ngày 05 tháng 02 năm 2026."), Paragraph("Địa điểm: Hội trường Đảng ủy.")]
    return Document(header, "BIÊN BẢN", "Hội nghị giao ban cộng tác viên dư luận xã hội tháng 01 năm 2026", blocks, [],
                    [Signature("", "NGƯỜI GHI BIÊN BẢN", "Trần Thị Bình"),
                     Signature("", "CHỦ TRÌ HỘI NGHỊ", "Nguyễn Văn An")])
