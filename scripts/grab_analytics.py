"""Grab the text-analytics screens on the commune demo (Đảng ủy xã Càng Long, as `dlxh demo`
builds it) at 1366x768 into docs/screenshots/analytics-*.png: the topic suggestion in the
entry form, the "Ý kiến tương tự" dialog, the duplicate question at save, and the streams
card on Tổng quan.

How to run (offscreen, no display needed, about 15 s):

    .venv/bin/python scripts/grab_analytics.py             # into docs/screenshots
    .venv/bin/python scripts/grab_analytics.py /tmp/shots  # elsewhere

A dialog is painted centred over the main window it opens from, as the clerk sees it. The
demo is built with the fixed seed 2026 and dated today; window settings go to a throw-away
QSettings folder. Look at every PNG after regenerating them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint, QSettings  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.analytics import similar  # noqa: E402
from app.context import User  # noqa: E402
from app.demo import build_demo  # noqa: E402
from app.opinions import drafts  # noqa: E402
from ui.app import make_app  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

SIZE = (1366, 768)
SEED = 2026


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def over(window: QWidget, *dialogs: QWidget) -> QPixmap:
    """The window with each dialog painted centred on it (each over the previous), framed."""
    shot = window.grab()
    painter = QPainter(shot)
    for i, dialog in enumerate(dialogs):
        dialog.show()
        settle()
        top = dialog.grab()
        at = QPoint((shot.width() - top.width()) // 2 + 24 * i, (shot.height() - top.height()) // 2 + 24 * i)
        painter.fillRect(at.x() - 2, at.y() - 2, top.width() + 4, top.height() + 4, QColor("#5a6b7b"))
        painter.drawPixmap(at, top)
    painter.end()
    return shot


def main(argv: list[str] | None = None) -> int:
    from ui.opinion.duplicate_dialog import DuplicateDialog
    from ui.opinion.entry import EntryDialog
    from ui.opinion.similar_dialog import SimilarDialog

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    out = Path(parser.parse_args(argv).out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(tmp) / "settings"))
        make_app()
        ctx, _code, _ = build_demo(Path(tmp) / "demo.db", seed=SEED, today=date.today(), passphrase="grab-pages-123")
        ctx.user = User("quantri", "admin", "Quản trị hệ thống")
        tasks = TaskRunner(synchronous=True)
        try:
            window = MainWindow(ctx, tasks)
            window.resize(*SIZE)
            window.show()

            overview = window.show_page("overview")
            settle()
            card = next(c for c in overview.card_widgets if "Luồng dư luận mới" in c.findChild(type(
                overview.action_status)).text())
            overview.area.ensureWidgetVisible(card, 0, 0)
            settle()
            save(window.grab(), out / "analytics-streams.png")

            window.show_page("opinions")
            settle()
            entry = EntryDialog(ctx, parent=window, tasks=tasks)
            form = entry.form
            form.fields_["tendency"].set_code("concern")
            form.summary.setText("Bà con chưa đồng ý mức đền bù đất khi mở rộng đường, đề nghị công khai đơn giá")
            form.suggestion.show_suggestion()
            save(over(window, entry), out / "analytics-suggestion.png")
            entry.close()

            item = ctx.db.execute("SELECT id FROM opinions WHERE summary LIKE '%tiền điện tăng vọt%'").fetchone()[0]
            near = SimilarDialog(ctx, tasks, item, window)
            save(over(window, near), out / "analytics-similar.png")
            near.close()

            earlier, summary, person = ctx.db.execute(
                "SELECT o.id, o.summary, o.collaborator_id FROM opinions o JOIN collaborators c ON c.id = o.collaborator_id "
                "WHERE c.status = 'active' AND o.summary NOT GLOB '*[0-9]*' ORDER BY o.received_on DESC LIMIT 1").fetchone()
            drafts.clear(ctx, "opinion_entry:none")      # the suggestion's form left its draft
            entry = EntryDialog(ctx, collaborator_id=person, parent=window, tasks=tasks)
            entry.form.fields_["field"].set_code("culture_society")
            entry.form.fields_["tendency"].set_code("concern")
            typed = summary.rstrip(".") + " nữa."
            entry.form.summary.setText(typed)
            found = similar.duplicates(ctx, typed, person, None)
            assert found and found[0].id == earlier
            question = DuplicateDialog(found[0], typed, entry)
            save(over(window, entry, question), out / "analytics-duplicate.png")
            window.close()
        finally:
            ctx.close()
    return 0


def save(pixmap: QPixmap, path: Path) -> None:
    pixmap.save(str(path))
    print(path)


if __name__ == "__main__":
    raise SystemExit(main())
