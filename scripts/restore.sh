#!/usr/bin/env bash
# Restores what scripts/backup.sh wrote, into a stopped server's database (docs/deployment.md,
# "Backup and restore"). Everything written after the backup is lost.
#
#   scripts/restore.sh --from DIR --database URL [--key-from DIR] [--audit-key FILE]
#                      [--checkpoints FILE] [--replace]
#
# SQLite: the file is written from the copy; an existing file is refused unless --replace (its
# -wal and -shm files go with it). PostgreSQL: the database must exist and be empty (createdb);
# pg_restore fills it in one transaction. The audit key (from --key-from) and the checkpoints
# go where the server reads them: beside a SQLite file by default; for PostgreSQL name them.
set -euo pipefail

from="" database="" key_from="" key="" checkpoints="" replace=no
while [ $# -gt 0 ]; do
  case "$1" in
    --from) from="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    --key-from) key_from="$2"; shift 2 ;;
    --audit-key) key="$2"; shift 2 ;;
    --checkpoints) checkpoints="$2"; shift 2 ;;
    --replace) replace=yes; shift ;;
    *) echo "restore.sh: unknown argument $1 (see the head of this script)" >&2; exit 2 ;;
  esac
done
if [ -z "$from" ] || [ -z "$database" ]; then
  echo "restore.sh: --from DIR and --database URL are needed" >&2
  exit 2
fi
[ -f "$from/BACKUP" ] || { echo "restore.sh: $from is not a backup (no BACKUP file)" >&2; exit 1; }
# The files are as they were backed up.
(cd "$from" && tail -n +3 BACKUP | sha256sum --check --quiet) || {
  echo "restore.sh: the backup's files do not match their checksums" >&2; exit 1; }
umask 077

case "$database" in
  sqlite:*)
    file="${database#sqlite:}"
    [ -f "$from/onewindow.db" ] || { echo "restore.sh: $from holds no SQLite copy" >&2; exit 1; }
    if [ -e "$file" ] && [ "$replace" != yes ]; then
      echo "restore.sh: $file exists; stop the server and give --replace to overwrite it" >&2
      exit 1
    fi
    key="${key:-$file.audit-key}"
    checkpoints="${checkpoints:-$file.audit-checkpoints}"
    rm -f "$file" "$file-wal" "$file-shm"
    mkdir -p "$(dirname "$file")"
    cp "$from/onewindow.db" "$file.restoring"
    mv "$file.restoring" "$file"
    ;;
  postgresql:*|postgres:*)
    [ -f "$from/onewindow.pgdump" ] || { echo "restore.sh: $from holds no PostgreSQL dump" >&2; exit 1; }
    tables=$(psql --no-psqlrc --tuples-only --no-align --dbname="$database" \
      --command="SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
    if [ "$tables" != 0 ]; then
      echo "restore.sh: the database is not empty ($tables tables); restore into a new one" >&2
      exit 1
    fi
    pg_restore --no-owner --exit-on-error --single-transaction --dbname="$database" "$from/onewindow.pgdump"
    ;;
  *) echo "restore.sh: not a database URL: $database" >&2; exit 2 ;;
esac

if [ -f "$from/audit-checkpoints" ] && [ -n "$checkpoints" ]; then
  cp "$from/audit-checkpoints" "$checkpoints"
fi
if [ -n "$key_from" ]; then
  [ -n "$key" ] || { echo "restore.sh: where does the audit key go? give --audit-key" >&2; exit 1; }
  cp "$key_from/audit-key" "$key"
  chmod 600 "$key"
fi
echo "restored $database from $from"
