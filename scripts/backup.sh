#!/usr/bin/env bash
# Backs up a OneWindow server's database, with its audit trail's checkpoints, while the server
# runs; the audit key, when asked for, to a folder of its own (docs/deployment.md, "Backup and
# restore"). Restore with scripts/restore.sh.
#
#   scripts/backup.sh --database URL --to DIR [--key-to DIR] [--audit-key FILE] [--checkpoints FILE]
#
# URL is the server's: sqlite:PATH (an online copy with sqlite3's .backup, checked with
# PRAGMA integrity_check) or postgresql://... (pg_dump, custom format). The key and the
# checkpoints default to the server's own defaults beside a SQLite file (PATH.audit-key,
# PATH.audit-checkpoints); for PostgreSQL name them. DIR must not exist yet.
set -euo pipefail

database="" to="" key_to="" key="" checkpoints=""
while [ $# -gt 0 ]; do
  case "$1" in
    --database) database="$2"; shift 2 ;;
    --to) to="$2"; shift 2 ;;
    --key-to) key_to="$2"; shift 2 ;;
    --audit-key) key="$2"; shift 2 ;;
    --checkpoints) checkpoints="$2"; shift 2 ;;
    *) echo "backup.sh: unknown argument $1 (see the head of this script)" >&2; exit 2 ;;
  esac
done
if [ -z "$database" ] || [ -z "$to" ]; then
  echo "backup.sh: --database URL and --to DIR are needed" >&2
  exit 2
fi
if [ -e "$to" ]; then
  echo "backup.sh: $to exists already; a backup goes to a new folder" >&2
  exit 2
fi
umask 077
mkdir -p "$to"

case "$database" in
  sqlite:*)
    file="${database#sqlite:}"
    [ -f "$file" ] || { echo "backup.sh: no database file $file" >&2; exit 1; }
    key="${key:-$file.audit-key}"
    checkpoints="${checkpoints:-$file.audit-checkpoints}"
    # .backup copies a consistent state page by page while the server goes on writing.
    sqlite3 "$file" ".backup '$to/onewindow.db'"
    check=$(sqlite3 "$to/onewindow.db" "PRAGMA integrity_check;")
    [ "$check" = ok ] || { echo "backup.sh: the copy fails its integrity check: $check" >&2; exit 1; }
    kind=sqlite
    ;;
  postgresql:*|postgres:*)
    pg_dump --format=custom --no-owner --file="$to/onewindow.pgdump" "$database"
    kind=postgresql
    ;;
  *) echo "backup.sh: not a database URL: $database" >&2; exit 2 ;;
esac

if [ -n "$checkpoints" ] && [ -f "$checkpoints" ]; then
  cp -p "$checkpoints" "$to/audit-checkpoints"
fi
if [ -n "$key_to" ]; then
  [ -f "$key" ] || { echo "backup.sh: no audit key $key (give --audit-key)" >&2; exit 1; }
  mkdir -p "$key_to"
  cp -p "$key" "$key_to/audit-key"
fi
sums=$(cd "$to" && sha256sum -- *)
printf 'database: %s\ntaken: %s\n%s\n' "$kind" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$sums" > "$to/BACKUP"
echo "backed up to $to${key_to:+ (audit key in $key_to)}"
