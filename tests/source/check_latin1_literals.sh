#!/usr/bin/env bash
# QLatin1String and QLatin1Char read their bytes as Latin-1: a Chinese character in one comes out
# garbled (、 shows as "ã\x80\x81"). Text that is not ASCII goes in QStringLiteral or tr().
# Prints what it finds.
set -euo pipefail
cd "${1:?usage: check_latin1_literals.sh SOURCE_DIR}"
found=$(grep -rnP "QLatin1(String|StringView|Char)\((\"[^\"]*[^\x00-\x7F]|'[^\x00-\x7F])" \
    --include='*.cpp' --include='*.h' client models plugins domain logging || true)
if [ -n "$found" ]; then
    echo "FAIL: text that is not ASCII in a Latin-1 literal (use QStringLiteral):"
    echo "$found"
    exit 1
fi
echo "PASS: every Latin-1 literal in client/, models/, plugins/, domain/ and logging/ is ASCII"
