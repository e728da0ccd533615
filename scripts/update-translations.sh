#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources (keeps existing translations). Run after adding or
# changing user-visible strings, then translate what lupdate marks unfinished.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate || true)
[ -n "$lupdate" ] || lupdate=/usr/lib/qt6/bin/lupdate
"$lupdate" -locations relative -no-obsolete models client forms plugins \
  -ts translations/onewindow_zh_CN.ts translations/onewindow_en.ts
