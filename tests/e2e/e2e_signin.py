#!/usr/bin/python3
"""End to end, through the accessibility tree: the real client against a real --demo server.

1. clerk1 signs in and sees the clerk workbench;
2. a wrong password shows its error in the dialog;
3. under LANG=zh_CN.UTF-8 the dialog speaks Chinese (登录) and the workbench too.
"""
import os
import re
import subprocess
import sys
import tempfile
import time

import pyatspi

SERVER, CLIENT = sys.argv[1], sys.argv[2]
PASSED = FAILED = 0


def check(condition, what):
    global PASSED, FAILED
    if condition:
        PASSED += 1
        print(f"PASS: {what}")
    else:
        FAILED += 1
        print(f"FAIL: {what}")
    return condition


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


def press(node):
    node.queryAction().doAction(0)


def text_of(node):
    """What a screen reader reads of a label: its text interface, else its description."""
    try:
        t = node.queryText()
        text = t.getText(0, t.characterCount)
        if text:
            return text
    except NotImplementedError:
        pass
    return node.description


def start_server(tmp):
    db = os.path.join(tmp, "e2e.db")
    proc = subprocess.Popen([SERVER, "--listen", "127.0.0.1:0", "--database", "sqlite:" + db, "--demo",
                             "--today", "2026-11-27"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in proc.stdout:
        m = re.search(r"listening on (http://[0-9.:]+)", line)
        if m:
            return proc, m.group(1)
    raise SystemExit("the server did not start")


def start_client(url, home, lang):
    env = dict(os.environ, HOME=home, LANG=lang, LC_ALL=lang, LANGUAGE="")
    env.pop("XDG_CONFIG_HOME", None)
    env.pop("XDG_DATA_HOME", None)
    proc = subprocess.Popen([CLIENT, "--server", url], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not wait_for(lambda: application(proc.pid)):
        proc.kill()
        raise SystemExit("the client did not appear on the accessibility bus")
    # The client's tree grows after it first appears on the bus: always look it up afresh.
    return proc, lambda: application(proc.pid)


def sign_in(app, names, user, password):
    username = wait_for(lambda: find(app(), names["username"]))
    check(username is not None, f"the sign-in dialog has a field named {names['username']!r}")
    set_text(username, user)
    set_text(find(app(), names["password"]), password)
    button = find(app(), names["sign_in"], "push button")
    check(button is not None, f"the sign-in dialog has a button named {names['sign_in']!r}")
    press(button)


def scenario(url, lang, names, tmp):
    home = tempfile.mkdtemp(dir=tmp)
    proc, app = start_client(url, home, lang)
    try:
        # A wrong password is answered in the dialog, in words.
        sign_in(app, names, "clerk1", "not-the-password")
        error = wait_for(lambda: (lambda n: n if n and text_of(n) else None)(find(app(), names["error"])))
        check(error is not None and text_of(error) == names["wrong_password"],
              f"wrong password reads {names['wrong_password']!r}" + (f" (got {text_of(error)!r})" if error else ""))

        # The right one opens the clerk workbench.
        sign_in(app, names, "clerk1", "OneWindow-demo-1")
        navigation = wait_for(lambda: find(app(), names["navigation"], "list"))
        check(navigation is not None, f"the main window has a list named {names['navigation']!r}")
        if navigation:
            entries = [navigation.getChildAtIndex(i).name for i in range(navigation.childCount)]
            print("  navigation:", entries)
            for entry in names["entries"]:
                check(any(e.startswith(entry) for e in entries), f"the workbench offers {entry!r}")
        cases = wait_for(lambda: find(app(), names["cases_table"], "table"))
        check(cases is not None, f"the cases page shows a table named {names['cases_table']!r}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        server, url = start_server(tmp)
        try:
            scenario(url, "en_US.UTF-8", {
                "username": "Username", "password": "Password", "sign_in": "Sign in", "error": "Sign-in error",
                "wrong_password": "Wrong username or password, or the session has ended.",
                "navigation": "Navigation", "entries": ["New intake", "Cases", "Deficiency tracker", "Matter catalog"],
                "cases_table": "Cases"}, tmp)
            scenario(url, "zh_CN.UTF-8", {
                "username": "用户名", "password": "密码", "sign_in": "登录", "error": "登录错误",
                "wrong_password": "用户名或密码错误，或登录已失效。",
                "navigation": "导航", "entries": ["新建受理", "办件", "容缺跟踪", "事项目录"],
                "cases_table": "办件"}, tmp)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"e2e: {PASSED} passed, {FAILED} failed")
    return 1 if FAILED or not PASSED else 0


if __name__ == "__main__":
    sys.exit(main())
