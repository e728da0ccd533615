#!/usr/bin/env python3
"""Backup and restore as docs/deployment.md describes them: scripts/backup.sh while the server
runs, the database (and the audit key and checkpoints) wiped, scripts/restore.sh, the server
started again; the cases of the backup are back, the one accepted after it is not, the audit
trail verifies, the counters go on; and every answer of the restored server is checked against
api/openapi.yaml by the contract checker.

Usage: test_backup_restore.py SERVER_BINARY SOURCE_DIR sqlite|postgresql
PostgreSQL needs the database of scripts/test-services.sh (ONEWINDOW_TEST_PG_URL); without it the
test is skipped (77).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from serverapi import start_server_command  # noqa: E402

SKIP = 77
FAILED = []
PASSWORD = "OneWindow-demo-1"


def check(condition, what):
    print(("PASS: " if condition else "FAIL: ") + what, flush=True)
    if not condition:
        FAILED.append(what)
    return condition


class Api:
    """Calls to one server; with `traffic`, every answer is recorded for the contract checker."""

    def __init__(self, url, traffic=None):
        self.url = url
        self.traffic = traffic

    def call(self, method, path, token=None, body=None, key=False, etag=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + "/api/v1" + path, method=method, data=data)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", "Bearer " + token)
        if key:
            request.add_header("Idempotency-Key", str(uuid.uuid4()))
        if etag:
            request.add_header("If-Match", etag)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, headers, payload = response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            status, headers, payload = error.code, dict(error.headers), error.read()
        answer = json.loads(payload) if payload else None
        if self.traffic is not None:
            content_type = headers.get("Content-Type", "").split(";")[0]
            self.traffic.append({"method": method, "path": "/api/v1" + path, "status": status,
                                 "contentType": content_type, "headers": headers, "body": answer})
        return status, answer

    def token(self, user):
        return self.call("POST", "/sessions", body={"username": user, "password": PASSWORD})[1]["token"]

    def intake(self, clerk, matter, deficient=()):
        _, m = self.call("GET", "/matters/" + matter, clerk)
        samples = {"id_number": "11010519491231002X", "phone": "13800138000", "money": "5000", "number": "5000",
                   "date": "2026-11-01"}
        body = {"matters": [matter], "center": "SZ",
                "form": {f["key"]: samples.get(f["type"], "盛泽测试") for f in m["fields"]},
                "applicant": {"kind": "person", "name": "张三", "idNumber": "11010519491231002X",
                              "phone": "13800138000"},
                "materials": [{"code": x["code"], "provided": "deficient" if x["code"] in deficient else "paper"}
                              for x in m["materials"]]}
        status, case = self.call("POST", "/cases", clerk, body, key=True)
        check(status == 201, f"{matter} accepted ({status}): {case.get('number') if case else ''}")
        return case


def run(arguments, env=None):
    result = subprocess.run(arguments, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        print(result.stdout, result.stderr)
    return result


def main():
    if len(sys.argv) != 4 or sys.argv[3] not in ("sqlite", "postgresql"):
        raise SystemExit(__doc__)
    server_binary, source, kind = sys.argv[1:]
    scripts = os.path.join(source, "scripts")
    tmp = tempfile.mkdtemp(prefix="onewindow-backup-")
    env = dict(os.environ, HOME=tmp)
    data = os.path.join(tmp, ".local", "share", "onewindow")
    admin_url = None
    if kind == "sqlite":
        database = "sqlite:" + os.path.join(tmp, "hall", "onewindow.db")
        os.makedirs(os.path.join(tmp, "hall"))
        key, checkpoints = database[len("sqlite:"):] + ".audit-key", database[len("sqlite:"):] + ".audit-checkpoints"
        extra = []
    else:
        admin_url = os.environ.get("ONEWINDOW_TEST_PG_URL")
        if not admin_url:
            print("SKIP: no PostgreSQL (ONEWINDOW_TEST_PG_URL): run through test.sh")
            return SKIP
        name = "backup_%d" % os.getpid()
        database = admin_url.rsplit("/", 1)[0] + "/" + name
        key, checkpoints = os.path.join(data, "audit.key"), os.path.join(data, "audit-checkpoints")
        extra = ["--audit-key", key, "--checkpoints", checkpoints]

    def psql(command):
        return run(["psql", "--no-psqlrc", "--quiet", "--dbname=" + admin_url, "--command=" + command])

    def start():
        return start_server_command([server_binary, "--listen", "127.0.0.1:0", "--database", database, "--demo",
                                     "--today", "2026-11-27"], env=env)

    server = None
    try:
        if admin_url:
            check(psql(f"CREATE DATABASE {name}").returncode == 0, f"a new PostgreSQL database {name}")
        server, url = start()
        api = Api(url)
        clerk = api.token("clerk1")
        kept = [api.intake(clerk, "HF-001", deficient=("LABOR_CONTRACT",)), api.intake(clerk, "HF-002")]

        backup, keys = os.path.join(tmp, "backup"), os.path.join(tmp, "keys")
        made = run([os.path.join(scripts, "backup.sh"), "--database", database, "--to", backup, "--key-to", keys]
                   + extra, env=env)
        check(made.returncode == 0, "backup.sh while the server runs: " + made.stdout.strip())
        check(os.path.exists(os.path.join(keys, "audit-key")) and not os.path.exists(os.path.join(backup, "audit-key")),
              "the audit key is backed up apart from the database")
        lost = api.intake(clerk, "HF-004")

        server.terminate()
        server.wait(timeout=60)
        server = None
        # Wiped: the database, its key and its checkpoints.
        if kind == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(database[len("sqlite:"):] + suffix):
                    os.remove(database[len("sqlite:"):] + suffix)
        else:
            check(psql(f"DROP DATABASE {name}").returncode == 0 and psql(f"CREATE DATABASE {name}").returncode == 0,
                  "the database dropped and created again, empty")
        for path in (key, checkpoints):
            if os.path.exists(path):
                os.remove(path)

        restored = run([os.path.join(scripts, "restore.sh"), "--from", backup, "--database", database,
                        "--key-from", keys] + extra, env=env)
        check(restored.returncode == 0, "restore.sh: " + restored.stdout.strip())
        again = run([os.path.join(scripts, "restore.sh"), "--from", backup, "--database", database] + extra, env=env)
        check(again.returncode != 0 and ("exists" in again.stderr or "not empty" in again.stderr),
              "restore.sh refuses to write over a database: " + again.stderr.strip())

        traffic = []
        server, url = start()
        api = Api(url, traffic)
        clerk = api.token("clerk1")
        for case in kept:
            status, back = api.call("GET", "/cases/" + case["id"], clerk)
            check(status == 200 and back["number"] == case["number"] and back["status"] == case["status"],
                  f"{case['number']} is back, {case['status']}")
        status, _ = api.call("GET", "/cases/" + lost["id"], clerk)
        check(status == 404, f"{lost['number']}, accepted after the backup, is not ({status})")
        status, deficiencies = api.call("GET", "/deficiencies?status=outstanding", clerk)
        check(status == 200 and any(d["caseId"] == kept[0]["id"] for d in deficiencies["items"]),
              "the deficiency of the first case is outstanding again")
        status, verified = api.call("GET", "/audit/verify", api.token("auditor"))
        check(status == 200 and verified["valid"], f"the audit trail verifies with the restored key: {verified}")
        after = api.intake(clerk, "HF-001")
        check(after["number"] not in (kept[0]["number"], kept[1]["number"]),
              "a new intake is numbered after the restored cases: " + after["number"])

        path = os.path.join(tmp, "traffic.jsonl")
        with open(path, "w") as f:
            for line in traffic:
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
        contract = run([sys.executable, os.path.join(source, "tests", "contract", "check_contract.py"),
                        os.path.join(source, "api", "openapi.yaml"), path])
        check(contract.returncode == 0, "the restored server's answers keep the contract: "
              + (contract.stdout.strip().splitlines() or [""])[-1])
    finally:
        if server:
            server.terminate()
            server.wait(timeout=60)
        if admin_url:
            psql(f"DROP DATABASE IF EXISTS {name}")
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(FAILED)} failed" if FAILED else "all passed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
