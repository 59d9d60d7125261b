"""The consolidated report's prose, parts IV–VI: opinion by social group, the communes'
handling results, the collaborator network, the forecast and the proposals (to the
Ban Tuyên giáo và Dân vận Trung ương, the provincial standing committee, the provincial
People's Committee and the communes).

A clause whose figure is zero is left out; when every figure of a sentence is zero the
sentence says so in words. The overdue stock carries its date. A month not yet due gets no
forecast drawn from partial data.
"""

from __future__ import annotations

from app import catalog
from app.reports import wording
from app.reports.consolidated.facts import ProvinceFacts
from app.reports.consolidated.topics import in_sentence
from app.reports.consolidated.wording import compact, period_words, ranked_list
from app.reports.prose.words import count, join, lower_first, n2, pct, tendency, upper_first
from app.reports.wording import as_of
from app.text import vn_sort_key

MIN_GROUP = 10   # a social group is compared only with at least this many items


def groups(f: ProvinceFacts) -> list[str]:
    """The groups with the highest share of frustration and of support, ranked from the
    figures of the groups' table itself among the groups with at least MIN_GROUP items (the
    threshold is said); a smaller group is named apart with its figures, never silently
    skipped — 2 of 8 is 25 % but says little."""
    if not f.groups:
        return []
    sizes = {s: sum(c.values()) for s, c in f.groups.items()}
    known = sum(sizes.values())
    sized = [s for s in f.groups if sizes[s] >= MIN_GROUP]
    small = sorted((s for s in f.groups if sizes[s] < MIN_GROUP), key=lambda s: -sizes[s])
    lines = [f"Theo giai tầng của cộng tác viên phản ánh ({count(known, 'ý kiến')} rõ người phản ánh; "
             f"so sánh tỷ lệ giữa các nhóm có từ {count(MIN_GROUP, 'ý kiến')} trở lên):"]
    for tend, what in (("frustration", "bức xúc, phản đối"), ("support", "đồng tình, ủng hộ")):
        rates = {s: f.groups[s].get(tend, 0) / sizes[s] for s in sized if f.groups[s].get(tend, 0)}
        if not rates:
            continue
        top = max(rates.values())
        best = sorted((s for s, r in rates.items() if r == top), key=lambda s: -sizes[s])
        named = join(f"{lower_first(catalog.label(catalog.STRATA, s))} "
                     f"({pct(f.groups[s][tend], sizes[s])}, {n2(f.groups[s][tend])}/{count(sizes[s], 'ý kiến')})"
                     for s in best)
        lines.append(f"- Tỷ lệ ý kiến {what} cao nhất ở nhóm {named}.")
    if small:
        shown = "; ".join(f"{lower_first(catalog.label(catalog.STRATA, s))} ({count(sizes[s], 'ý kiến')}"
                          + (f", {n2(f.groups[s]['frustration'])} bức xúc, phản đối" if f.groups[s].get("frustration")
                             else "") + ")" for s in small)
        lines.append(f"- Nhóm có dưới {count(MIN_GROUP, 'ý kiến')}, chưa đủ để so sánh tỷ lệ: {shown}.")
    return lines if len(lines) > 1 else []


def handling(f: ProvinceFacts) -> list[str]:
    h = f.handling
    parts = [f"chuyển {count(h.forwarded, 'ý kiến')} đến cơ quan có thẩm quyền" if h.forwarded else "",
             f"nhận kết quả giải quyết {count(h.resolved, 'ý kiến')}" if h.resolved else "",
             f"phản hồi {count(h.answered, 'ý kiến')} cho người phản ánh" if h.answered else ""]
    done = [p for p in parts if p]
    lines = []
    if done:
        lines.append(f"Trong {period_words(f)}, các đơn vị đã {join(done)}.")
    elif f.total:
        lines.append(f"Trong số liệu đã nhận, các đơn vị không ghi nhận việc chuyển xử lý, giải quyết hay phản hồi "
                     f"ý kiến nào trong {period_words(f)}.")
    late = sorted((u for u in f.units if u.overdue), key=lambda u: (-u.overdue, vn_sort_key(u.name)))
    if h.counted == 0:
        return lines + [f"Chưa có số liệu về ý kiến quá hạn xử lý {period_words(f)}: chưa đơn vị nào gửi báo cáo "
                        "của kỳ này."]
    scope = f", ở {count(h.counted, 'đơn vị')} đã gửi báo cáo {h.counted_in or period_words(f)}" \
        if h.counted is not None else ""
    if h.overdue:
        names = ranked_list(late, lambda u: u.overdue, "ý kiến")
        lines.append(f"{upper_first(as_of(h.as_of))}{scope}, còn {count(h.overdue, 'ý kiến')} đã chuyển nhưng quá hạn chưa có kết quả "
                     f"giải quyết, ở {count(len(late), 'đơn vị')}: {names}.")
        if h.topics:
            lines.append("Ý kiến quá hạn thuộc nhiều nhất các vấn đề: " + "; ".join(
                f"{in_sentence(t)} ({count(n, 'ý kiến')})" for t, n in h.topics[:3]) + ".")
    else:
        lines.append(f"{upper_first(as_of(h.as_of))}{scope}, không có ý kiến nào đã chuyển mà quá hạn chưa có kết quả giải quyết.")
    return lines


def network(f: ProvinceFacts) -> list[str]:
    n = f.network
    if not n.active:
        return ["Các đơn vị chưa gửi danh sách cộng tác viên dư luận xã hội về Ban."]
    # Not "toàn tỉnh": only the offices that sent their list are counted, and they are named as such.
    lines = [f"Ở {count(n.communes_with, 'đơn vị')} đã gửi danh sách cộng tác viên về Ban (trong "
             f"{count(len(f.units), 'đơn vị')} đã đăng ký trao đổi dữ liệu), có {count(n.active, 'cộng tác viên')} "
             "dư luận xã hội đang hoạt động."]
    with_items = sum(1 for u in f.units if u.total)
    moves = [f"{count(n.reporters, 'cộng tác viên')} của {count(with_items, 'đơn vị')} có số liệu gửi thông tin"
             if n.reporters else "",
             f"{count(n.joined, 'người')} mới tham gia" if n.joined else "",
             f"{count(n.left, 'người')} thôi tham gia" if n.left else ""]
    if any(moves):
        lines.append(f"Trong {period_words(f)}, " + join([m for m in moves if m]) + ".")
    without = [u.name for u in f.units if not u.collaborators]
    if without:
        lines.append(f"Còn {count(len(without), 'đơn vị')} chưa gửi danh sách cộng tác viên về Ban: "
                     f"{compact(without, 20)}.")
    return lines


def forecast(f: ProvinceFacts) -> list[str]:
    if f.not_yet_due or not f.topics:
        return ["Ban sẽ dự báo tình hình khi nhận đủ báo cáo của các đơn vị."]
    lead = f.topics[0]
    text = f"Thời gian tới, dư luận tiếp tục quan tâm đến {in_sentence(lead.title)}"
    rising = [t for t in f.topics[1:8] if t.prev and t.now_like > t.prev][:3]
    if rising:
        text += (f"; cần theo dõi các vấn đề tăng so với {f.period.previous_label}: "
                 + "; ".join(in_sentence(t.title) for t in rising))
    hot = [t for t in f.topics if t.is_hot_spot]
    if hot:
        text += f". Có nguy cơ phát sinh khiếu kiện, tụ tập đông người ở {compact(hot[0].hot_units, 6)} liên quan đến " \
                f"{in_sentence(hot[0].title)} nếu không được giải quyết kịp thời"
    return [text + "."]


def proposals(f: ProvinceFacts) -> list[str]:
    lines = []
    label = period_words(f)
    # the Central Ban is asked only with something to pass on: several items from several communes
    distorted = sorted((t for t in f.topics if t.tendency.get("distortion", 0) >= wording.FEW_ITEMS
                        and t.tendency_units.get("distortion", 0) >= 2),
                       key=lambda t: (-t.tendency["distortion"], t.title))
    if distorted:
        t = distorted[0]
        lines.append(f"- Đề nghị Ban Tuyên giáo và Dân vận Trung ương kịp thời cung cấp thông tin định hướng về "
                     f"{in_sentence(t.title)}: trong {label} có {count(t.tendency['distortion'], 'ý kiến')} "
                     f"{tendency('distortion')} về vấn đề này, ở {count(t.tendency_units['distortion'], 'đơn vị')}.")
    elif f.topics and not f.not_yet_due:
        t = f.topics[0]
        lines.append(f"- Đề nghị Ban Tuyên giáo và Dân vận Trung ương tiếp tục cung cấp thông tin định hướng về "
                     f"{in_sentence(t.title)}, vấn đề được dư luận ở {count(len(t.units), 'đơn vị')} quan tâm nhiều "
                     f"nhất trong {label}.")
    for t in [t for t in f.topics if t.is_hot_spot][:3]:     # each topic with its own communes
        lines.append(f"- Đề nghị Thường trực Tỉnh ủy chỉ đạo cấp ủy, chính quyền {compact(t.hot_units, 12)} tập trung "
                     f"giải quyết {in_sentence(t.title)}, không để phát sinh điểm nóng.")
    if f.handling.overdue:
        late = sorted((u for u in f.units if u.overdue), key=lambda u: (-u.overdue, vn_sort_key(u.name)))
        lines.append(f"- Đề nghị Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành và chính quyền {compact([u.name for u in late], 12)} "
                     f"sớm trả lời {count(f.handling.overdue, 'ý kiến')} đã quá hạn giải quyết "
                     f"({as_of(f.handling.as_of)}).")
    if f.not_yet_due or not lines:
        lines += _completeness(f)
    # Nothing to ask of anyone: said as such, not dressed as a proposal (FORMAT: a proposal names a body).
    return lines or [f"Ban chưa có đề xuất, kiến nghị khi chưa tổng hợp được thông tin dư luận xã hội {label} "
                     "của các đơn vị."]


def _completeness(f: ProvinceFacts) -> list[str]:
    """What keeps the province's report short of data, asked of the standing committee (the report
    goes to it and the Central; the communes are not its readers): the communes not enrolled for
    the exchange and those that sent no collaborator list. A month not yet due has nothing else."""
    lines = []
    if f.not_enrolled:
        lines.append(f"- Đề nghị Thường trực Tỉnh ủy chỉ đạo Đảng ủy {count(len(f.not_enrolled), f.kinds)} chưa đăng ký "
                     "trao đổi dữ liệu với Ban hoàn thành việc đăng ký, để báo cáo dư luận xã hội của tỉnh được tổng "
                     "hợp từ tất cả các đơn vị.")
    without = [u.name for u in f.units if not u.collaborators]
    if without:
        lines.append(f"- Đề nghị Thường trực Tỉnh ủy chỉ đạo Đảng ủy {compact(without, 8)} gửi danh sách cộng tác "
                     "viên dư luận xã hội về Ban.")
    return lines
