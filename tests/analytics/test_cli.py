"""`dlxh topics suggest|add|streams` and `dlxh opinions similar` as users call them."""

from datetime import date


def test_topics_suggest_add_streams_and_similar(demo_path, cli):
    db = str(demo_path)
    got = cli("--db", db, "topics", "suggest", "Tiền đền bù giải phóng mặt bằng làm đường quá thấp")
    assert got.returncode == 0, got.stderr
    lines = got.stdout.strip().splitlines()
    assert "Bồi thường" in lines[0].split(" | ")[1]
    scores = [float(line.split(" | ")[0]) for line in lines]
    assert scores == sorted(scores, reverse=True)

    added = cli("--db", db, "topics", "add", "Giá điện tăng mùa nắng nóng", "--field", "kinh tế", "--status", "hot")
    assert added.returncode == 0, added.stderr
    assert "Đã tạo vấn đề" in added.stdout and len(added.stdout.strip().splitlines()[-1]) == 36
    bad = cli("--db", db, "topics", "add", "X", "--field", "không có")
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1 and "Lĩnh vực" in bad.stderr

    month = date.today().strftime("%Y-%m")
    streams = cli("--db", db, "topics", "streams", "--month", month)
    assert streams.returncode == 0, streams.stderr and "luồng" in streams.stdout
    wrong = cli("--db", db, "topics", "streams", "--month", "2026-13")
    assert wrong.returncode == 1 and "Tháng không hợp lệ" in wrong.stderr

    from app.office import open_ctx

    with open_ctx(demo_path) as ctx:
        item = ctx.db.execute("SELECT id FROM opinions WHERE summary LIKE '%tiền điện tăng vọt%'").fetchone()[0]
    near = cli("--db", db, "opinions", "similar", item, "--limit", "3")
    assert near.returncode == 0, near.stderr
    assert len(near.stdout.strip().splitlines()) == 3 and "điện" in near.stdout and item not in near.stdout
    missing = cli("--db", db, "opinions", "similar", "khong-co")
    assert missing.returncode == 1 and len(missing.stderr.strip().splitlines()) == 1


def test_opinions_add_stops_at_a_likely_duplicate_of_the_same_meeting(demo_path, cli):
    from app.office import open_ctx

    ctx = open_ctx(demo_path)
    earlier, summary, meeting = ctx.db.execute(
        "SELECT id, summary, meeting_id FROM opinions WHERE meeting_id IS NOT NULL AND summary NOT GLOB '*[0-9]*' "
        "LIMIT 1").fetchone()
    total = ctx.db.execute("SELECT count(*) FROM opinions").fetchone()[0]
    ctx.close()
    base = ["--db", str(demo_path), "opinions", "add", "--summary", summary + " ", "--field", "kinh tế",
            "--tendency", "lo", "--meeting", meeting]
    stopped = cli(*base)
    assert stopped.returncode == 1 and "có thể trùng" in stopped.stderr and f"--merge-into {earlier}" in stopped.stderr
    assert len(stopped.stderr.strip().splitlines()) == 1
    merged = cli(*base, "--merge-into", earlier, "--proposal", "Đề nghị kiểm tra sớm")
    assert merged.returncode == 0 and "Đã gộp" in merged.stdout and merged.stdout.strip().endswith(earlier)
    kept = cli(*base, "--separate")
    assert kept.returncode == 0 and "Đã thêm" in kept.stdout
    ctx = open_ctx(demo_path)
    assert ctx.db.execute("SELECT count(*) FROM opinions").fetchone()[0] == total + 1
    assert ctx.db.execute("SELECT proposal FROM opinions WHERE id = ?", [earlier]).fetchone()[0].endswith(
        "Đề nghị kiểm tra sớm")
    assert ctx.db.execute("SELECT count(*) FROM audit_log WHERE action = 'merge' AND row_id = ?", [earlier]).fetchone()[0]
    ctx.close()
