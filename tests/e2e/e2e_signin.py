#!/usr/bin/python3
"""End to end, through the accessibility tree: the real client against a real --demo server.

1. clerk1 signs in and sees the clerk workbench;
2. a wrong password shows its error in the dialog;
3. three more wrong passwords for one account from this PC, and the next try is told to wait, in
   words and in the dialog's language (sign-in throttling);
4. under LANG=zh_CN.UTF-8 the dialog speaks Chinese (登录) and the workbench too.
"""
import os
import sys
import tempfile

import time

from e2elib import check, find, press, shot, sign_in, start_client, start_server, summary, text_of, wait_for

SERVER, CLIENT = sys.argv[1], sys.argv[2]


def scenario(url, lang, names, tmp):
    home = tempfile.mkdtemp(dir=tmp)
    proc, app = start_client(CLIENT, url, home, lang)
    try:
        # A wrong password is answered in the dialog, in words.
        sign_in(app, names, "clerk1", "not-the-password")
        error = wait_for(lambda: (lambda n: n if n and text_of(n) else None)(find(app(), names["error"])))
        check(error is not None and text_of(error) == names["wrong_password"],
              f"wrong password reads {names['wrong_password']!r}" + (f" (got {text_of(error)!r})" if error else ""))

        # Guessing one account's password: after three failures from this PC the next try waits,
        # and the dialog says for how long.
        throttled = None
        for _ in range(6):
            sign_in(app, names, names["guessed"], "still-not-the-password")
            time.sleep(1.5)
            node = find(app(), names["error"])
            if node is not None and text_of(node).startswith(names["throttled"]):
                throttled = text_of(node)
                break
        check(throttled is not None, f"guessing {names['guessed']}'s password is told to wait ({throttled!r})")
        shot("sign-in-throttled-" + names["tag"])

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
        server, url = start_server(SERVER, tmp)
        try:
            scenario(url, "en_US.UTF-8", {
                "username": "Username", "password": "Password", "sign_in": "Sign in", "error": "Sign-in error",
                "wrong_password": "Wrong username or password, or the session has ended.",
                "guessed": "agent1", "throttled": "Too many failed sign-ins from this computer. Wait",
                "tag": "en",
                "navigation": "Navigation", "entries": ["New intake", "Cases", "Deficiency tracker", "Matter catalog"],
                "cases_table": "Cases"}, tmp)
            scenario(url, "zh_CN.UTF-8", {
                "username": "用户名", "password": "密码", "sign_in": "登录", "error": "登录错误",
                "wrong_password": "用户名或密码错误，或登录已失效。",
                "guessed": "clerk2", "throttled": "本机登录失败次数过多，请等待",
                "tag": "zh",
                "navigation": "导航", "entries": ["新建受理", "办件", "容缺跟踪", "事项目录"],
                "cases_table": "办件"}, tmp)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return summary("e2e sign-in")


if __name__ == "__main__":
    sys.exit(main())
