#!/usr/bin/env bash
# The client has one "today": models::ServerClock. Nothing else in client/, models/ or plugins/
# reads this PC's clock (QDate::currentDate, QDateTime::currentDateTime, QTime::currentTime);
# timestamps that are not business dates go through ServerClock::pcNow(). Prints what it finds.
set -euo pipefail
cd "${1:?usage: check_one_clock.sh SOURCE_DIR}"
found=$(grep -rnE 'QDate::currentDate|QDateTime::currentDateTime|QDateTime::currentDateTimeUtc|QTime::currentTime|QDateTime::currentMSecsSinceEpoch|QDateTime::currentSecsSinceEpoch' \
    client models plugins | grep -v '^models/serverclock\.cpp:' || true)
readers=$(grep -rn 'QDateTime::currentDateTime' models/serverclock.cpp | wc -l)
echo "PC clock read in models/serverclock.cpp: $readers place(s)"
if [ "$readers" -ne 1 ]; then
    echo "FAIL: ServerClock::pcNow() should be the one place that reads the PC's clock"
    exit 1
fi
if [ -n "$found" ]; then
    echo "FAIL: the PC's clock read outside models/serverclock.cpp (ask the ServerClock instead):"
    echo "$found"
    exit 1
fi
echo "PASS: no other place in client/, models/ or plugins/ reads the PC's clock"
