#!/bin/sh
# Rebuild resources/i18n/qtbase_vi.qm from the hand-kept qtbase_vi.ts (Qt's own dialog strings
# in Vietnamese; Qt ships none). Run after editing the .ts; commit both files.
set -e
cd "$(dirname "$0")/.."
LRELEASE="${LRELEASE:-.venv/bin/pyside6-lrelease}"
[ -x "$LRELEASE" ] || LRELEASE=pyside6-lrelease
"$LRELEASE" resources/i18n/qtbase_vi.ts -qm resources/i18n/qtbase_vi.qm
