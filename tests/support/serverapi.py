"""The real server for tests written in Python: starting it, and calling its API the way a
client does (the end-to-end drivers, the installer's test)."""
import json
import os
import re
import subprocess
import threading
import urllib.error
import urllib.request
import uuid


def free_port():
    """A port free now on loopback, for a server that must come back at the same address."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(server_binary, tmp, today="2026-11-27", name="e2e.db", config=None, port=0):
    """A --demo server on SQLite in `tmp` (the same file again on a restart), on `port` (0: a free one)."""
    db = os.path.join(tmp, name)
    arguments = [server_binary, "--listen", "127.0.0.1:%d" % port, "--database", "sqlite:" + db, "--demo",
                 "--today", today]
    if config:
        arguments += ["--config", config]
    return start_server_command(arguments)


def start_server_command(arguments, env=None):
    """Runs the server's command line `arguments` (in `env`, else this environment) and waits for
    it to say where it listens: the process and its URL."""
    proc = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    for line in proc.stdout:
        m = re.search(r"listening on (http://[0-9.:]+)", line)
        if m:
            # Keep reading its output so that it never blocks on a full pipe.
            threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
            return proc, m.group(1)
    raise SystemExit("the server did not start")


def api_call(url, method, path, token=None, body=None, raw=None):
    """A call to the server's API, for setting up and checking what the client did."""
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(url + "/api/v1" + path, method=method, data=data)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            payload = response.read()
            return response.status, (json.loads(payload) if payload else {})
    except urllib.error.HTTPError as error:
        payload = error.read()
        return error.code, (json.loads(payload) if payload else {})


def token_of(url, user, password="OneWindow-demo-1"):
    return api_call(url, "POST", "/sessions", body={"username": user, "password": password})[1]["token"]


def post_with_key(url, path, token, body=None, raw=None, etag=None):
    """A creating POST or a change: with its Idempotency-Key (and If-Match when given)."""
    data = raw if raw is not None else json.dumps(body).encode()
    request = urllib.request.Request(url + "/api/v1" + path, method="POST", data=data)
    request.add_header("Content-Type", "application/json" if raw is None else "application/octet-stream")
    request.add_header("Authorization", "Bearer " + token)
    request.add_header("Idempotency-Key", str(uuid.uuid4()))
    if etag:
        request.add_header("If-Match", etag)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")
