"""The command-line contract (DESIGN.md §2), run as users run it: in a subprocess."""

import pytest

from tests.conftest import PASSPHRASE

ENV = {"DLXH_PASSPHRASE": PASSPHRASE}


def parse(stdout: str) -> dict[str, str]:
    return dict(line.split(": ", 1) for line in stdout.splitlines() if ": " in line)


@pytest.mark.real_process
def test_init_then_info(cli, tmp_path):
    db = str(tmp_path / "p.db")
    r = cli("--db", db, "init", "--role", "province", "--unit", "TVH", "--name", "Tỉnh Trà Vinh", env=ENV)
    assert r.returncode == 0, r.stderr
    assert "Khóa khôi phục" in r.stdout
    info = parse(cli("--db", db, "info", env=ENV).stdout)
    assert info["role"] == "province"
    assert info["encrypted"] == "yes"
    assert info["opinions"] == "0"
    assert info["schema_version"] == info["schema_latest"]


def test_demo_then_info_prints_counts(cli, tmp_path):
    db = str(tmp_path / "d.db")
    r = cli("--db", db, "demo", env=ENV)
    assert r.returncode == 0, r.stderr
    info = parse(cli("--db", db, "info", env=ENV).stdout)
    assert int(info["opinions"]) > 1000
    assert int(info["collaborators"]) >= 55
    assert info["office"] == "Xã Càng Long (29266)" and info["kind"] == "commune" and info["areas"] == "14"
    assert info["role"] == "lower"            # a commune office is not a "district"
    said = parse(r.stdout)                    # demo and info give one count of each thing
    assert said["opinions"] == info["opinions"] and said["collaborators"] == info["collaborators"]


@pytest.mark.real_process
def test_usage_error_exits_2_with_one_vietnamese_line(cli):
    r = cli("init", "--role", "city")
    assert r.returncode == 2
    assert r.stderr.startswith("Lỗi cú pháp lệnh")
    assert len(r.stderr.strip().splitlines()) == 1


def test_refusals_exit_1_without_traceback(cli, tmp_path):
    missing = cli("--db", str(tmp_path / "none.db"), "info", env=ENV)
    assert missing.returncode == 1
    assert "Không tìm thấy cơ sở dữ liệu" in missing.stderr
    assert "Traceback" not in missing.stderr
    no_key = cli("--db", str(tmp_path / "k.db"), "init", "--role", "district", "--unit", "X", "--name", "Huyện X")
    assert no_key.returncode == 1
    assert "DLXH_PASSPHRASE" in no_key.stderr and "Traceback" not in no_key.stderr


def test_wrong_passphrase_exit_1(cli, tmp_path):
    db = str(tmp_path / "w.db")
    assert cli("--db", db, "init", "--role", "district", "--unit", "X", "--name", "Huyện X", env=ENV).returncode == 0
    r = cli("--db", db, "info", env={"DLXH_PASSPHRASE": "another-passphrase"})
    assert r.returncode == 1 and "Sai mật khẩu cơ sở dữ liệu" in r.stderr


def test_screenshot_of_a_page(cli, demo_path, tmp_path):
    png = tmp_path / "shot.png"
    r = cli("--db", str(demo_path), "gui", "--screenshot", str(png), "--page", "opinions",
            env={**ENV, "QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 0, r.stderr
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (1366, 768)
    r = cli("--db", str(demo_path), "gui", "--screenshot", str(png), "--page", "topics",
            "--size", "1920x1080", env={**ENV, "QT_QPA_PLATFORM": "offscreen"})
    data = png.read_bytes()
    assert r.returncode == 0 and (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (1920, 1080)
    wrong = cli("--db", str(demo_path), "gui", "--screenshot", str(png), "--size", "to", env=ENV)
    assert wrong.returncode == 2 and "kích thước 'to' không hợp lệ" in wrong.stderr
    bad = cli("--db", str(demo_path), "gui", "--screenshot", str(png), "--page", "nowhere",
              env={**ENV, "QT_QPA_PLATFORM": "offscreen"})
    assert bad.returncode == 2 and "Không có trang" in bad.stderr


def test_help_and_usage_errors_are_vietnamese(cli):
    help_text = cli("--help").stdout
    assert help_text.startswith("Cách dùng: dlxh")
    assert "tùy chọn" in help_text and "show this help" not in help_text
    assert cli("report", "draft", "--help").stdout.startswith("Cách dùng: dlxh report draft")
    for args, words in ((["init"], "thiếu đối số bắt buộc"), (["nosuch"], "không hợp lệ"),
                        (["demo", "--seed", "abc"], "không đúng kiểu")):
        r = cli(*args)
        assert r.returncode == 2 and words in r.stderr, r.stderr


def test_each_command_module_holds_its_own_commands_and_says_where_they_are_listed():
    """One module per command under app/commands (a grab-bag module hid topics and meetings in
    opinions.py, users and audit in trust.py); each declares its ORDER, so `dlxh --help` lists
    the commands by what a clerk does, whatever the files are called."""
    import argparse

    from app import cli as app_cli
    from app import discovery

    modules = discovery.submodules("app.commands")
    assert all(isinstance(getattr(m, "ORDER", None), int) for m in modules), "a command module without ORDER"
    assert len({m.ORDER for m in modules}) == len(modules)
    for name in ("opinions", "topics", "meetings", "backup", "restore", "users", "audit", "bench"):
        owner = [m.__name__ for m in modules if name in _commands_of(m)]
        assert owner == [f"app.commands.{name}"], (name, owner)
    top = next(a for a in app_cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert list(top.choices) == [
        "collaborators", "init", "demo", "info", "recover", "identity", "export", "import", "receipts", "province",
        "guidance", "forms", "gui", "opinions", "topics", "meetings", "report", "survey", "backup", "backup-settings",
        "restore", "users", "audit", "bench"]


def _commands_of(module) -> set[str]:
    import argparse

    sub = argparse.ArgumentParser().add_subparsers()
    module.register(sub)
    return set(sub.choices)


def test_list_commands_answer_an_empty_list_with_one_sentence_and_a_full_one_line_by_line(cli, tmp_path):
    """The list commands share one shape (cli_support.print_rows): nothing found is one sentence
    and exit 0, never an empty screen; found rows are one line each, notes indented under them."""
    db = str(tmp_path / "x.db")
    assert cli("--db", db, "init", "--kind", "commune", "--unit", "29266", env=ENV).returncode == 0
    for args, sentence in ((["survey", "list"], "Chưa có cuộc điều tra nào."),
                           (["opinions", "inbox"], "Không có ý kiến nào chờ duyệt."),
                           (["collaborators", "inactive"], "Không có cộng tác viên nào cần chú ý."),
                           (["audit", "--table", "surveys"], "Không có mục nào trong nhật ký khớp điều kiện.")):
        r = cli("--db", db, *args, env=ENV)
        assert (r.returncode, r.stdout) == (0, sentence + "\n"), (args, r.stderr)
    listed = cli("--db", db, "audit", "--table", "office", env=ENV)
    lines = listed.stdout.splitlines()
    assert listed.returncode == 0 and lines and all(line.count("\t") == 5 for line in lines)
