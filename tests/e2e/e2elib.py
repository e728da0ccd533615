"""What every end-to-end driver shares: the checks, finding controls by accessible name, pressing
keys as a user would, and starting the real server and client."""
import contextlib
import os
import re
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from serverapi import api_call, free_port, post_with_key, start_server, token_of  # noqa: E402,F401

PASSED = 0
FAILED = 0

KEYS = {"F2": 0xFFBF, "F3": 0xFFC0, "F4": 0xFFC1, "F7": 0xFFC4, "F8": 0xFFC5, "F9": 0xFFC6, "F10": 0xFFC7, "F11": 0xFFC8, "F12": 0xFFC9,
        "1": 0x31, "2": 0x32, "3": 0x33, "4": 0x34, "5": 0x35, "Up": 0xFF52, "End": 0xFF57, "Home": 0xFF50, "Return": 0xFF0D, "Tab": 0xFF09, "Down": 0xFF54,
        "Left": 0xFF51, "Right": 0xFF53, "Escape": 0xFF1B}


def check(condition, what):
    global PASSED, FAILED
    if condition:
        PASSED += 1
        print(f"PASS: {what}", flush=True)
    else:
        FAILED += 1
        print(f"FAIL: {what}", flush=True)
    return condition


def summary(name):
    print(f"{name}: {PASSED} passed, {FAILED} failed", flush=True)
    return 1 if FAILED or not PASSED else 0


def wait_for(predicate, timeout=30.0, step=0.2):
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = predicate()
        except Exception:  # the tree changes under us while windows open and close
            value = None
        if value:
            return value
        time.sleep(step)
    return None


def find(root, name, role=None):
    def match(node):
        return node is not None and node.name == name and (role is None or node.getRoleName() == role)
    return pyatspi.findDescendant(root, match, breadth_first=True)


def find_showing(root, name, role=None):
    """A control the user can see now (pages of a stack that are not shown do not count)."""
    def match(node):
        return (node is not None and node.name == name and (role is None or node.getRoleName() == role)
                and node.getState().contains(pyatspi.STATE_SHOWING))
    return pyatspi.findDescendant(root, match, breadth_first=True)


def find_prefix(root, prefix, role=None):
    def match(node):
        return (node is not None and node.name and node.name.startswith(prefix)
                and (role is None or node.getRoleName() == role))
    return pyatspi.findDescendant(root, match, breadth_first=True)


def application(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def set_text(node, text):
    node.queryEditableText().setTextContents(text)


def text_value(node):
    t = node.queryText()
    return t.getText(0, t.characterCount)


def press(node):
    node.queryAction().doAction(0)


def focus(node):
    node.queryComponent().grabFocus()


def key(name, times=1):
    for _ in range(times):
        pyatspi.Registry.generateKeyboardEvent(KEYS[name], None, pyatspi.KEY_SYM)
        time.sleep(0.15)


def text_of(node):
    """What a screen reader reads of a label: its text interface, else its description."""
    try:
        text = text_value(node)
        if text:
            return text
    except NotImplementedError:
        pass
    return node.description


def start_client(client_binary, url, home, lang, extra_env=None):
    env = dict(os.environ, HOME=home, LANG=lang, LC_ALL=lang, LANGUAGE="")
    env.pop("XDG_CONFIG_HOME", None)
    env.pop("XDG_DATA_HOME", None)
    env.update(extra_env or {})
    log_path = os.path.join(home, "client-%d.log" % time.time_ns())
    with open(log_path, "w") as log:
        proc = subprocess.Popen([client_binary, "--server", url], env=env, stdout=log, stderr=subprocess.STDOUT)
    # A debug build starting beside other tests on a busy machine may take a while.
    appeared = wait_for(lambda: application(proc.pid) or proc.poll() is not None, timeout=90.0)
    if not appeared or proc.poll() is not None:
        state = "still running" if proc.poll() is None else "exited with %s" % proc.returncode
        proc.kill()
        with open(log_path, errors="replace") as f:
            tail = f.read()[-3000:]
        xvfb = os.environ.get("E2E_XVFB_PID", "")
        display = os.environ.get("DISPLAY", "")
        socket = "/tmp/.X11-unix/X" + display.lstrip(":")
        alive = bool(xvfb) and os.path.exists("/proc/" + xvfb)
        raise SystemExit("the client did not appear on the accessibility bus (%s; Xvfb %s, %s %s); its output:\n%s"
                         % (state, "running" if alive else "gone", socket,
                            "exists" if os.path.exists(socket) else "missing", tail))
    # The client's tree grows after it first appears on the bus: always look it up afresh.
    return proc, lambda: application(proc.pid)


def sign_in(app, names, user, password):
    username = wait_for(lambda: find(app(), names["username"]))
    check(username is not None, f"the sign-in dialog has a field named {names['username']!r}")
    set_text(username, user)
    set_text(find(app(), names["password"]), password)
    button = find(app(), names["sign_in"], "push button")
    check(button is not None, f"the sign-in dialog has a button named {names['sign_in']!r}")
    press_afresh(lambda: find(app(), names["sign_in"], "push button"), button)


def press_afresh(lookup, node=None, attempts=5):
    """Presses `node`, or what `lookup` finds: a node the client dropped meanwhile (its object gone from the
    bus while the dialog redraws) is looked up again, a few times, before failing."""
    for attempt in range(attempts):
        try:
            press(node if node is not None else lookup())
            return
        except Exception:
            if attempt == attempts - 1:
                raise
            time.sleep(0.3)
            node = None


@contextlib.contextmanager
def signed_in(client_binary, url, tmp, names, user, lang, extra_env=None):
    """A client of its own (its own home) signed in as `user`, its workbench open; ended on leaving."""
    import tempfile
    home = tempfile.mkdtemp(dir=tmp)
    proc, app = start_client(client_binary, url, home, lang, extra_env)
    try:
        sign_in(app, names, user, "OneWindow-demo-1")
        check(wait_for(lambda: find(app(), names["navigation"], "list")) is not None, f"{user}'s workbench is open")
        yield app
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def dump(root, depth=0, showing_only=True):
    """Prints the tree as a screen reader sees it (to see why a control was not found)."""
    if root is None or depth > 40:
        return
    try:
        if showing_only and depth > 1 and not root.getState().contains(pyatspi.STATE_SHOWING):
            return
        print("  " * depth + f"{root.getRoleName()}: {root.name!r}", flush=True)
        for i in range(root.childCount):
            dump(root.getChildAtIndex(i), depth + 1, showing_only)
    except Exception:
        return


def labelled(root, label_text, role=None):
    """The control a showing label names (its buddy): how a screen reader on Linux names a combo box,
    whose own name is its current text. A label's mnemonic, as in "套餐(O)：", may follow the text."""
    def match(node):
        return (node is not None and node.getRoleName() == "label" and node.name
                and node.name.replace("(", "").startswith(label_text.rstrip(":："))
                and node.getState().contains(pyatspi.STATE_SHOWING))
    for label in pyatspi.findAllDescendants(root, match):
        for relation in label.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABEL_FOR and relation.getNTargets() > 0:
                target = relation.getTarget(0)
                if role is None or target.getRoleName() == role:
                    return target
    return None


def focused(root):
    return pyatspi.findDescendant(root, lambda n: n is not None and n.getState().contains(pyatspi.STATE_FOCUSED),
                                  breadth_first=True)


def type_text(text):
    """Types as on a keyboard, into whatever has the focus."""
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
    time.sleep(0.3)


def accept_sample_case(url, clerk="clerk1"):
    """An HF-001 case of 张三 accepted at SZ by `clerk` through the API, every material on paper."""
    token = token_of(url, clerk)
    _, m = api_call(url, "GET", "/matters/HF-001", token)
    form = {f["key"]: {"id_number": "11010519491231002X", "phone": "13800138000", "money": "5000",
                       "number": "5000", "date": "2026-11-01"}.get(f["type"], "盛泽测试") for f in m["fields"]}
    body = {"matters": ["HF-001"], "center": "SZ", "form": form,
            "applicant": {"kind": "person", "name": "张三", "idNumber": "11010519491231002X", "phone": "13800138000"},
            "materials": [{"code": x["code"], "provided": "paper"} for x in m["materials"]]}
    status, case = post_with_key(url, "/cases", token, body)
    check(status == 201, f"{clerk} accepted a sample case through the API ({status})")
    return case


def approve_with_result(url, case, approver="approver-hf"):
    """The approver approves the case and records its result: result_ready."""
    import urllib.request
    token = token_of(url, approver)

    def etag():
        request = urllib.request.Request(url + "/api/v1/cases/" + case["id"])
        request.add_header("Authorization", "Bearer " + token)
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.headers["ETag"]
    post_with_key(url, "/cases/" + case["id"] + "/decisions", token, {"matter": "HF-001", "decision": "approve"},
                  etag=etag())
    status, c = post_with_key(url, "/cases/" + case["id"] + "/result", token,
                              {"certificateNumber": "苏公积金证字第2026-0002号", "issuedOn": "2026-11-27"}, etag=etag())
    check(c.get("status") == "result_ready", f"{approver} decided the case and recorded its result ({status})")
    return c


def shot(name, window=None):
    """The screen, or one window by its title (a dialog does not show in the screen's image), saved
    as NAME.png in the folder E2E_SHOTS names, for the guides; nothing when it names none."""
    folder = os.environ.get("E2E_SHOTS")
    if not folder:
        return
    time.sleep(0.8)  # let the screen settle
    os.makedirs(folder, exist_ok=True)
    out = os.path.join(folder, name + ".png")
    xwd = subprocess.run(["xwd", "-silent"] + (["-name", window] if window else ["-root"]),
                         capture_output=True, check=True).stdout
    subprocess.run(["convert", "xwd:-", "-trim", out], input=xwd, check=True)
    print("  screenshot", out, flush=True)


def drag(node, points):
    """Draws with the mouse across `node`: points in fractions of its width and height."""
    x, y, w, h = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    at = [(int(x + w * fx), int(y + h * fy)) for fx, fy in points]
    pyatspi.Registry.generateMouseEvent(at[0][0], at[0][1], "abs")
    time.sleep(0.1)
    pyatspi.Registry.generateMouseEvent(at[0][0], at[0][1], "b1p")
    for px, py in at[1:]:
        time.sleep(0.05)
        pyatspi.Registry.generateMouseEvent(px, py, "abs")
    time.sleep(0.1)
    pyatspi.Registry.generateMouseEvent(at[-1][0], at[-1][1], "b1r")
    time.sleep(0.3)


def enabled(root, name, role="push button"):
    """The showing control named `name` once it is enabled, else None."""
    node = find_showing(root, name, role)
    return node if node is not None and node.getState().contains(pyatspi.STATE_ENABLED) else None

