"""Shared fixtures: offscreen Qt, an in-memory keyring, and a demo office built once per
session and copied per test (Anki's template-DB idea), all on the real SQLCipher store."""

from __future__ import annotations

import os

# Before any Qt import: without a display pytest-qt would abort the interpreter.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Subprocesses (CLI tests) must never touch a developer's real keyring.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("DLXH_PASSPHRASE", None)

import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from app.context import Ctx  # noqa: E402
from tests.off_gui_thread import store_file_off_gui_thread, store_off_gui_thread  # noqa: E402, F401 - fixtures for every folder

ROOT = Path(__file__).resolve().parent.parent

# Speed goals live in benchmarks, never in tests: Hypothesis's own timing checks (a deadline per
# example, "input generation is slow") fail on a loaded machine, not on a defect.
settings.register_profile("dlxh", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("dlxh")
PASSPHRASE = "test-passphrase-123"
DEMO_TODAY = date.today()


class MemoryKeyring(KeyringBackend):
    """An explicit in-memory backend: tests never fall into a real or a plain-file keyring."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow (crash, fuzz) tests first, otherwise in file order: on a few cores the longest tests
    start at once and the quick ones fill in around them, instead of a long test ending the run."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Before any fixture of the test closes its store, the worker jobs its windows left running
    or queued end. Fixtures are torn down in the reverse order of their set-up, so a fixture that
    closes windows after `office` is torn down after the store has closed: a page load then ran
    on a closed connection (a segfault in sqlite3's execute, about 1 run in 25)."""
    tasks = sys.modules.get("ui.tasks")
    if tasks is not None:
        import shiboken6
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        for owner in [app, *QApplication.topLevelWidgets()] if app is not None else ():
            for runner in owner.findChildren(tasks.TaskRunner) if shiboken6.isValid(owner) else ():
                runner.wait()
    yield


@pytest.fixture(scope="session", autouse=True)
def private_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Window size and last folders (QSettings) go to a temporary place, not the tester's home."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path_factory.mktemp("qsettings")))


@pytest.fixture(autouse=True)
def qsettings_forgotten_after_each_test(private_qsettings) -> Iterator[None]:
    """What a test's windows saved (geometry, maximised, last folders) does not reach the next
    test: a window left maximised by one test opened the next test's window maximised at the
    offscreen screen's 800×600, and a 1280-px fit test failed only in that order."""
    yield
    from PySide6.QtCore import QSettings

    QSettings().clear()


@pytest.fixture(scope="session", autouse=True)
def derived_keys_remembered() -> None:
    """Each (passphrase, salt) is run through scrypt once per test process, not once per open.

    derive_key is a pure function built to cost ~0.1 s (db/keys.py), and the suite opens stores
    hundreds of times with the same pair: every copy of the demo template has the template's
    salt. The first derivation of a pair is the real scrypt; a repeat returns those same bytes,
    so every store is still opened with its real key by the real SQLCipher code (a wrong
    passphrase is a new pair, derived and refused as before). A too-short passphrase still
    raises (exceptions are not remembered). Subprocesses (run_cli, the GUI) derive as always."""
    from functools import cache

    from db import keys

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keys, "derive_key", cache(keys.derive_key))
        yield


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture(autouse=True)
def no_idle_lock_left_watching() -> Iterator[None]:
    """After each test, no idle lock of a window the test left open still filters the whole
    application's events: the next test's main window would be built under that filter, the
    pattern that crashed shiboken (ui/idle_lock.IdleLock), seen as a segfault of an xdist worker."""
    yield
    idle_lock = sys.modules.get("ui.idle_lock")
    if idle_lock is None:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    for widget in app.topLevelWidgets() if app is not None else ():
        for lock in widget.findChildren(idle_lock.IdleLock):
            lock.stop()


@pytest.fixture
def passphrase_env(monkeypatch: pytest.MonkeyPatch) -> str:
    """Select passphrase mode (as on a headless machine) for this test."""
    monkeypatch.setenv("DLXH_PASSPHRASE", PASSPHRASE)
    return PASSPHRASE


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.demo import build_demo

    path = tmp_path_factory.mktemp("template") / "demo.db"
    ctx, _code, _summary = build_demo(path, seed=2026, today=DEMO_TODAY, passphrase=PASSPHRASE)
    ctx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.close()
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path, passphrase_env: str) -> Path:
    """A private copy of the demo office; DLXH_PASSPHRASE is set so the CLI and app open it."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture
def demo_ctx(demo_path: Path) -> Ctx:
    from app.office import open_ctx

    ctx = open_ctx(demo_path)
    yield ctx
    ctx.close()


def build_template(tmp_path_factory: pytest.TempPathFactory, name: str, make) -> Path:
    """The office `make(path)` creates, built once per test process for a fixture that copies it
    per test (like the demo template): one file, WAL checkpointed into it, store closed."""
    path = tmp_path_factory.mktemp(f"template-{name}") / f"{name}.db"
    ctx = make(path)
    ctx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.close()
    return path


def copy_of(template: Path, path: Path) -> Path:
    shutil.copyfile(template, path)
    return path


@contextmanager
def opened_copy(template: Path, path: Path, passphrase: str) -> Iterator[Ctx]:
    """A copy of a template office at `path`, open for one test and closed after it."""
    from app.office import open_ctx

    ctx = open_ctx(copy_of(template, path), passphrase)
    try:
        yield ctx
    finally:
        ctx.close()


def _make_empty(path: Path, passphrase: str | None = None) -> Ctx:
    from app.office import init_office

    ctx, _code = init_office(path, unit_code="TVH-CL", name="Huyện Càng Long", role="district",
                             parent_code="TVH", parent_name="Tỉnh Trà Vinh", passphrase=passphrase)
    return ctx


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """empty_ctx's office, made once per test process in keyring mode, and its key (hex) as
    init_office left it in the keyring."""
    ring, saved = MemoryKeyring(), keyring.get_keyring()
    keyring.set_keyring(ring)
    try:
        path = build_template(tmp_path_factory, "empty", _make_empty)
    finally:
        keyring.set_keyring(saved)
    ((_service_user, key),) = ring.store.items()
    return path, key


@pytest.fixture
def empty_ctx(empty_template: tuple[Path, str], tmp_path: Path, memory_keyring: MemoryKeyring) -> Ctx:
    """A fresh district office with no data (key in the in-memory keyring): a copy of the
    session's template, its key put in this test's keyring under the copy's path, as
    init_office does. With DLXH_PASSPHRASE already set (a demo fixture came first),
    init_office would make a passphrase office: then it is made here exactly so."""
    from app.office import open_ctx
    from db import keys

    path = tmp_path / "empty.db"
    if keys.passphrase_from_env():
        ctx = _make_empty(path)
    else:
        template, key = empty_template
        memory_keyring.set_password(keys.SERVICE, str(copy_of(template, path).resolve()), key)
        ctx = open_ctx(path)
    yield ctx
    ctx.close()


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    """Run `python -m app ...` in a subprocess, the way users and scripts call it.

    Every run of the suite, refusals included, is checked for a Python traceback (issue 14,
    done means: `grep -r Traceback` over the output of every refusal is empty)."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    done = subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=full_env,
                          cwd=ROOT, timeout=timeout)
    assert "Traceback" not in done.stdout + done.stderr, (args, done.stdout, done.stderr)
    return done


def run_cli_in_process(*args: str, env: dict[str, str] | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    """The same `dlxh` entry point (app.cli.main) called in this process, as a subprocess would
    see it: the environment with `env` added, the failing keyring (passphrase mode), stdin not
    a terminal, stdout/stderr captured, SystemExit turned into the exit status. Saves the
    interpreter start and imports (~0.6 s) per call; run_cli stays the real-process smoke, and
    the GUI (Qt event loop, exit 134 without a display) always runs as its own process."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    import keyring.backends.fail

    from app.cli import main

    rest = list(args)
    while rest[:1] == ["--db"]:
        rest = rest[2:]
    if not rest or rest[0] == "gui":  # the GUI starts Qt's event loop: always its own process
        return run_cli(*args, env=env, timeout=timeout)
    saved_env, saved_ring, saved_stdin = dict(os.environ), keyring.get_keyring(), sys.stdin
    out, err = io.StringIO(), io.StringIO()
    os.environ.update(env or {})
    keyring.set_keyring(keyring.backends.fail.Keyring())
    sys.stdin = io.StringIO()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
                if isinstance(exc.code, str):
                    print(exc.code, file=sys.stderr)
    finally:
        sys.stdin = saved_stdin
        keyring.set_keyring(saved_ring)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["dlxh", *args], code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli(request: pytest.FixtureRequest):
    """`dlxh` in this process (output, exit status); a test marked `real_process` (one smoke
    test per command family) runs every call as its own `python -m app` process instead."""
    return run_cli if request.node.get_closest_marker("real_process") else run_cli_in_process


@pytest.fixture
def app_style(qapp):
    """The app's own style sheet (header padding, bold headers), for tests of what fits on screen;
    the plain Qt look is given back after the test."""
    from ui.app import apply_style

    before = qapp.styleSheet()
    apply_style(qapp)
    yield qapp
    qapp.setStyleSheet(before)


@pytest.fixture
def main_window(demo_ctx: Ctx, qtbot):
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    window = MainWindow(demo_ctx, TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    return window
