#!/usr/bin/python3
"""A village centre without the network, end to end, through the accessibility tree.

1. agent1 signs in once with the server: this PC keeps a verifier of the password and the centre's
   reserved case numbers.
2. The server stops. agent1 signs in again, offline: the status bar says so, the pages that need
   the server say so, and the intake works from the saved catalog. The accepted intake gets a
   reserved number at once; its acceptance notice prints that number and 受理信息待上传.
3. The server comes back at the same address: the client asks agent1 to sign in, sends the
   intake, and the status bar says everything was sent. The server holds the case once, under
   the printed number, accepted when it was taken in.
4. agent1 sends the case's paper materials to the hall (F11) and saves the manifest; clerk1 at
   the hall scans its QR code (the scanner types it) and records the arrival.

E2E_LANG=zh_CN.UTF-8 runs it in Chinese; E2E_SHOTS=DIR saves screenshots for the guide.
"""
import glob
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

import pyatspi

from e2elib import (api_call, check, find, find_prefix, find_showing, free_port, key, labelled, press, set_text,
                    shot, sign_in, dump, focus, start_client, start_server, summary, text_of, text_value, token_of, wait_for)

SERVER, CLIENT = sys.argv[1], sys.argv[2]
LANG = os.environ.get("E2E_LANG", "en_US.UTF-8")
PASSWORD = "OneWindow-demo-1"

NAMES = {
    "en": {
        "username": "Username", "password": "Password", "sign_in": "Sign in", "navigation": "Navigation",
        "read_card": "Read ID card", "phone": "Phone", "next": "Next", "find_matter": "Find a matter",
        "matters": "Matters", "choose": "Choose matter", "accept": "Accept", "bar": "Applicant and matter",
        "offline": "○ Offline: intake only", "needs_server": "(needs the server)",
        "taken": "Taken in offline: case ", "save_pdf": "Save as PDF", "file_name": "File name",
        "waiting": "⇅ 1 intake taken in offline, sent when the server is back", "all_sent": "✓ Intakes taken in offline: all sent",
        "back": "The server can be reached again", "outbox": "Intakes taken in offline", "sent": "Sent",
        "licences": "Electronic licences cannot be checked offline",
        "to_send": "Cases of my centre to send", "send_papers": "Send to the hall", "batch": "Batch ",
        "save_manifest": "Save the manifest as PDF", "manifest_code": "Manifest code", "items": "Items of the batch",
        "record_arrival": "Record the arrival", "arrived": "Arrival recorded",
    },
    "zh": {
        "username": "用户名", "password": "密码", "sign_in": "登录", "navigation": "导航",
        "read_card": "读取身份证", "phone": "电话", "next": "下一步", "find_matter": "查找事项",
        "matters": "事项", "choose": "选择事项", "accept": "受理", "bar": "申请人与事项",
        "offline": "○ 离线：仅可受理", "needs_server": "（需连接服务器）",
        "taken": "离线受理：办件编号 ", "save_pdf": "另存为 PDF", "file_name": "文件名",
        "waiting": "⇅ 1 件离线受理，待服务器恢复后上传", "all_sent": "✓ 离线受理已全部上传",
        "back": "服务器已恢复连接", "outbox": "离线受理的办件", "sent": "已上传",
        "licences": "离线时无法核验电子证照",
        "to_send": "本中心待送件办件", "send_papers": "送往大厅", "batch": "清单 ",
        "save_manifest": "流转清单另存为 PDF", "manifest_code": "清单编号", "items": "流转材料明细",
        "record_arrival": "登记接收", "arrived": "已登记接收",
    },
}
N = NAMES["zh" if LANG.startswith("zh") else "en"]


def showing(app, name, role=None, timeout=30):
    return wait_for(lambda: find_showing(app(), name, role), timeout=timeout)


def local_store(home, query, parameters=()):
    """A count read from this PC's local store (0 while there is none)."""
    stores = glob.glob(os.path.join(home, ".local/share/OneWindow/onewindow/onewindow.sqlite"))
    if not stores:
        return 0
    try:
        with sqlite3.connect("file:%s?mode=ro" % stores[0], uri=True) as db:
            return db.execute(query, parameters).fetchone()[0]
    except sqlite3.Error:
        return 0


def reserved_numbers(home):
    return local_store(home, "SELECT COUNT(*) FROM reserved_numbers WHERE taken_by IS NULL")


def take_in_offline(app, tmp):
    """F2, the card, HF-001 from the saved catalog, both materials on paper, accept; returns the number."""
    key("F2")
    press(showing(app, N["read_card"], "push button"))
    licences = wait_for(lambda: find_prefix(app(), N["licences"]))
    check(licences is not None, "offline, the intake says electronic licences cannot be checked")
    if licences is None:
        dump(app())
    set_text(showing(app, N["phone"], "text"), "13800138000")
    press(showing(app, N["next"], "push button"))
    set_text(showing(app, N["find_matter"]), "HF-001")
    table = showing(app, N["matters"], "table")
    check(wait_for(lambda: table.queryTable().nRows == 1), "the saved catalog finds HF-001 offline")
    press(showing(app, N["choose"], "push button"))
    check(wait_for(lambda: "HF-001" in (text_of(find(app(), N["bar"])) or "")), "HF-001 is chosen")
    for label, value in {"工作单位名称": "盛泽纺织有限公司", "月缴存基数": "5000"}.items():
        set_text(showing(app, label), value)
    press(showing(app, N["next"], "push button"))
    # Both on paper: the first choice after "not provided".
    for material, tabs in (("居民身份证", 0), ("劳动合同", 1)):
        combo = wait_for(lambda: labelled(app(), material, "combo box"))
        check(combo is not None, f"the materials step lists {material}")
        key("Tab", tabs)
        key("Down")
    press(showing(app, N["next"], "push button"))
    press(showing(app, N["accept"], "push button"))
    result = wait_for(lambda: find_prefix(app(), N["taken"]))
    check(result is not None, "the intake is taken in offline under a reserved number")
    if result is None:
        return None
    number = re.match(r"[A-Z0-9-]+", result.name[len(N["taken"]):]).group(0)
    print("  case number:", number)
    shot("village-offline-accepted")
    return number


def save_acceptance_notice(app, tmp):
    pdf = os.path.join(tmp, "offline-acceptance.pdf")
    press(showing(app, N["save_pdf"], "push button"))
    dialog = wait_for(lambda: find_showing(app(), N["save_pdf"], "dialog"))
    name_field = dialog and wait_for(lambda: find_prefix(dialog, N["file_name"], "text"))
    check(name_field is not None, "the save dialog asks for a file name")
    if name_field is None:
        return ""
    set_text(name_field, pdf)
    key("Return")
    check(wait_for(lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 0), "the acceptance notice was written")
    return subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout \
        if os.path.exists(pdf) else ""


def send_papers(app, tmp, number, url, token):
    """F11: the case chosen, sent as one batch, its manifest saved; answers the manifest's QR text."""
    key("F11")
    table = showing(app, N["to_send"], "table")
    check(table is not None and wait_for(lambda: table.queryTable().nRows >= 1), "F11 lists the centre's cases")
    if table is None:
        return None
    focus(table)
    key("Home")
    press(showing(app, N["send_papers"], "push button"))
    sent = wait_for(lambda: find_prefix(app(), N["batch"]))
    check(sent is not None, "the batch is sent" + (f" ({sent.name})" if sent else ""))
    shot("village-papers-sent")
    pdf = os.path.join(tmp, "manifest.pdf")
    press(showing(app, N["save_manifest"], "push button"))
    dialog = wait_for(lambda: find_showing(app(), N["save_manifest"], "dialog"))
    name_field = dialog and wait_for(lambda: find_prefix(dialog, N["file_name"], "text"))
    if name_field is not None:
        set_text(name_field, pdf)
        key("Return")
    check(wait_for(lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 0), "the manifest was written")
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout \
        if os.path.exists(pdf) else ""
    check("代办材料流转清单" in text and (number or "?") in text and "劳动合同" in text,
          "the manifest lists the case and its paper materials")
    batches = api_call(url, "GET", "/transfers?state=in_transit", token)[1].get("items", [])
    check(len(batches) == 1 and batches[0]["code"] in text, "the server holds the batch printed")
    return batches[0]["qr"] if batches else None


def receive_papers(url, tmp, qr):
    """The hall's clerk scans the manifest (the scanner types its text and Enter) and records the arrival."""
    home = tempfile.mkdtemp(dir=tmp)
    proc, app = start_client(CLIENT, url, home, LANG)
    try:
        sign_in(app, N, "clerk1", PASSWORD)
        check(wait_for(lambda: find(app(), N["navigation"], "list")) is not None, "clerk1's workbench opened")
        key("F11")
        code = showing(app, N["manifest_code"], "text")
        check(code is not None, "F11 puts the clerk on the manifest's code")
        if code is None:
            return
        set_text(code, qr)
        focus(code)
        key("Return")
        items = showing(app, N["items"], "table")
        check(items is not None and wait_for(lambda: items.queryTable().nRows >= 2),
              "the batch's items are listed for checking")
        shot("hall-papers-arrived")
        press(showing(app, N["record_arrival"], "push button"))
        recorded = wait_for(lambda: find_prefix(app(), N["arrived"]))
        check(recorded is not None, "the arrival is recorded")
        token = token_of(url, "clerk1")
        batches = api_call(url, "GET", "/transfers?state=arrived", token)[1].get("items", [])
        check(len(batches) == 1 and batches[0]["receivedBy"] == "clerk1", "the server holds the batch as arrived")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        if os.environ.get("E2E_KEEP"):
            tmp = tempfile.mkdtemp()
            print("  keeping", tmp)
        card = os.path.join(tmp, "card.json")
        with open(card, "w", encoding="utf-8") as f:
            json.dump({"name": "张三", "idNumber": "11010519491231002X", "sex": "女", "nation": "汉",
                       "birthDate": "1949-12-31", "address": "北京市朝阳区", "issuer": "北京市公安局朝阳分局",
                       "validFrom": "2016-01-01", "validTo": "2036-01-01"}, f, ensure_ascii=False)
        port = free_port()
        server, url = start_server(SERVER, tmp, port=port)
        home = tempfile.mkdtemp(dir=tmp)
        env = {"ONEWINDOW_ID_CARD_FILE": card}

        # 1. Online once: the verifier and the reserved numbers.
        proc, app = start_client(CLIENT, url, home, LANG, env)
        try:
            sign_in(app, N, "agent1", PASSWORD)
            check(wait_for(lambda: find(app(), N["navigation"], "list")) is not None, "agent1's workbench opened")
            check(wait_for(lambda: reserved_numbers(home) >= 20, timeout=60),
                  f"the centre's reserved numbers are on this PC ({reserved_numbers(home)})")
            check(wait_for(lambda: local_store(home, "SELECT COUNT(*) FROM kv WHERE key = ?", ("offline/agent1",)) == 1),
                  "this PC keeps agent1's offline verifier")
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        server.terminate()
        server.wait(timeout=30)

        # 2. Offline.
        qr = None
        proc, app = start_client(CLIENT, url, home, LANG, env)
        try:
            sign_in(app, N, "agent1", PASSWORD)
            opened = wait_for(lambda: find(app(), N["navigation"], "list"))
            check(opened is not None, "agent1 signed in without the server")
            if opened is None:
                dump(app())
                return summary("e2e village")
            status = wait_for(lambda: find_prefix(app(), N["offline"]))
            check(status is not None, "the status bar says the session is offline")
            navigation = find(app(), N["navigation"], "list")
            entries = [navigation.getChildAtIndex(i).name for i in range(navigation.childCount)]
            check(any(N["needs_server"] in e for e in entries) and not any(N["needs_server"] in e for e in entries[:1]),
                  f"the pages that need the server say so; the intake does not ({entries})")
            number = take_in_offline(app, tmp)
            text = save_acceptance_notice(app, tmp) if number else ""
            check(number is not None and number in text and "受理信息待上传" in text and "受理通知书" in text,
                  "the acceptance notice prints the reserved number and 受理信息待上传")
            waiting = wait_for(lambda: find_prefix(app(), N["waiting"]))
            check(waiting is not None, "the status bar says one intake waits for the server")

            # 3. The server is back at the same address.
            server, url2 = start_server(SERVER, tmp, port=port)
            check(url2 == url, "the server is back at the same address")
            message = wait_for(lambda: pyatspi.findDescendant(
                app(), lambda n: n is not None and (n.description or "").startswith(N["back"])), timeout=60)
            check(message is not None, "the client asks to sign in now that the server is back")
            shot("village-server-back")
            password = wait_for(lambda: find_showing(app(), N["password"], "password text"))
            check(password is not None, "the sign-in dialog has the password field")
            if password is not None:
                set_text(password, PASSWORD)
                press(showing(app, N["sign_in"], "push button"))
            sent = wait_for(lambda: find(app(), N["all_sent"]), timeout=60)
            check(sent is not None, "the status bar says every intake taken in offline was sent")
            key("F10")
            table = showing(app, N["outbox"], "table")
            listed = table is not None and wait_for(lambda: table.queryTable().nRows == 1
                                                    and table.queryTable().getAccessibleAt(0, 3).name == N["sent"])
            check(listed, "the sync page lists the intake as sent")
            if not listed:
                dump(app())
            shot("village-sync-page")
            token = token_of(url, "agent1")
            found = api_call(url, "GET", "/cases?number=" + (number or "none"), token)[1].get("items", [])
            check(len(found) == 1, f"the server holds one case under {number} ({len(found)})")
            if found:
                check(found[0]["acceptedAt"].startswith("2026-11-27") and found[0]["status"] == "accepted",
                      f"accepted when it was taken in ({found[0]['acceptedAt']}, {found[0]['status']})")

            # 4. The papers go to the hall with their manifest.
            qr = send_papers(app, tmp, number, url, token)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        try:
            if qr:
                receive_papers(url, tmp, qr)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return summary("e2e village")


if __name__ == "__main__":
    sys.exit(main())
