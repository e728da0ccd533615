#!/usr/bin/python3
"""Deficiency follow-up end to end, through the accessibility tree, with the server started at a
date past a deficiency's due date:

1. clerk1 opens the tracker (F8), sees the navigation entry count the overdue material, chooses
   the overdue view, finds the MR-001 case overdue in words, and records the address proof as
   supplied by scanning it from SANE's test device; the server then holds the deficiency supplied
   by scan with the PDF stored as an attachment of the case.
2. supervisor1 waives the HF-001 labour contract with a reason, which the case's audit trail shows.
"""
import os
import sys
import tempfile
import time

import pyatspi

import e2elib

from e2elib import (api_call, check, dump, enabled, find, find_prefix, find_showing, key, labelled, press, set_text,
                    shot, sign_in, start_client, summary, text_of, token_of, type_text, wait_for)

SERVER, CLIENT = sys.argv[1], sys.argv[2]
LANG = os.environ.get("E2E_LANG", "en_US.UTF-8")
N = {
    "en": {"username": "Username", "password": "Password", "sign_in": "Sign in", "navigation": "Navigation",
           "tracker": "Deficiency tracker", "table": "Deficient materials", "overdue_by": "Overdue by",
           "scan": "Record supply by scan", "waive": "Waive", "reason": "Reason for waiving",
           "scan_page": "Scan page", "upload": "Upload and record", "scanner": "Scanner",
           "open": "Open case", "history": "Deficiencies and their history", "supplied_scan": "supplied as a scan",
           "close": "Close"},
    "zh": {"username": "用户名", "password": "密码", "sign_in": "登录", "navigation": "导航",
           "tracker": "容缺跟踪", "table": "容缺材料", "overdue_by": "逾期",
           "scan": "登记扫描补交", "waive": "免交", "reason": "免交理由",
           "scan_page": "扫描一页", "upload": "上传并登记", "scanner": "扫描仪",
           "open": "打开办件", "history": "容缺材料及其经过", "supplied_scan": "已补交扫描件", "close": "关闭"},
}["zh" if LANG.startswith("zh") else "en"]


SCAN_TITLE = ("扫描补交：办件 {} 的住所（经营场所）使用证明" if LANG.startswith("zh")
              else "Supplied by scan: 住所（经营场所）使用证明 of case {}")
CASE_TITLE = "办件 {}" if LANG.startswith("zh") else "Case {}"
WAIVE_TITLE = "免交 劳动合同" if LANG.startswith("zh") else "Waive 劳动合同"


def start_server(tmp, today, config):
    return e2elib.start_server(SERVER, tmp, today, config=config)


def sample_intake(url, token, matter, applicant, deficient):
    _, m = api_call(url, "GET", "/matters/" + matter, token)
    form = {}
    for f in m["fields"]:
        form[f["key"]] = {"id_number": applicant["idNumber"], "phone": applicant["phone"], "money": "5000",
                          "number": "5000", "date": "2026-11-01",
                          "credit_code": "91512081MA62K0260E", "registered_capital": "100",
                          "business_scope": "C1742；F5132",
                          "property_certificate": "苏(2026)吴江区不动产权第0001234号",
                          "birth_certificate": "X320101001"}.get(f["type"], "盛泽测试")
    materials = [{"code": x["code"], "provided": "deficient" if x["code"] == deficient else "paper"}
                 for x in m["materials"]]
    return {"matters": [matter], "applicant": applicant, "center": "SZ", "form": form, "materials": materials}


def create_cases(url):
    token = token_of(url, "clerk1")
    import uuid
    made = {}
    for matter, applicant, deficient in (
            ("MR-001", {"kind": "person", "name": "王五", "idNumber": "440524188001010014", "phone": "13900139000"},
             "ADDRESS_PROOF"),
            ("HF-001", {"kind": "person", "name": "张三", "idNumber": "11010519491231002X", "phone": "13800138000"},
             "LABOR_CONTRACT")):
        body = sample_intake(url, token, matter, applicant, deficient)
        request_token = token
        import json
        import urllib.request
        request = urllib.request.Request(url + "/api/v1/cases", method="POST", data=json.dumps(body).encode())
        request.add_header("Content-Type", "application/json")
        request.add_header("Authorization", "Bearer " + request_token)
        request.add_header("Idempotency-Key", str(uuid.uuid4()))
        with urllib.request.urlopen(request, timeout=30) as response:
            made[matter] = json.loads(response.read())
    return made


def open_tracker(app, user):
    sign_in(app, N, user, "OneWindow-demo-1")
    navigation = wait_for(lambda: find(app(), N["navigation"], "list"))
    check(navigation is not None, f"{user}'s workbench opened")
    key("F8")
    return wait_for(lambda: find_showing(app(), N["table"], "table"))


def clerk_supplies_by_scan(url, tmp, sane_config, cases):
    home = tempfile.mkdtemp(dir=tmp)
    proc, app = start_client(CLIENT, url, home, LANG, {"SANE_CONFIG_DIR": sane_config})
    try:
        table = open_tracker(app, "clerk1")
        check(table is not None, "F8 opened the deficiency tracker")
        navigation = find(app(), N["navigation"], "list")
        entry = wait_for(lambda: next((navigation.getChildAtIndex(i) for i in range(navigation.childCount)
                                       if navigation.getChildAtIndex(i).name.startswith(N["tracker"])
                                       and any(ch.isdigit() for ch in navigation.getChildAtIndex(i).name)), None))
        check(entry is not None and "1" in entry.name,
              "the navigation entry counts what is owed and what is overdue" + (f": {entry.name!r}" if entry else ""))
        # The view is where F8 puts the keyboard: Home, then down to Overdue (the fourth).
        key("Home")
        key("Down", 3)
        overdue = wait_for(lambda: (lambda t: t if t.queryTable().nRows == 1 and N["overdue_by"] in
                                    t.queryTable().getAccessibleAt(0, 3).name else None)(table))
        check(overdue is not None, "the overdue view lists the MR-001 case, overdue in words" +
              (f" ({table.queryTable().getAccessibleAt(0, 3).name})" if table.queryTable().nRows else ""))
        check(table.queryTable().nRows and table.queryTable().getAccessibleAt(0, 0).name == cases["MR-001"]["number"],
              "it is the MR-001 case")
        shot("tracker-overdue")

        scan = find_showing(app(), N["scan"], "push button")
        check(scan is not None, f"the tracker has a button {N['scan']!r}")
        press(scan)
        scan_page = wait_for(lambda: find_showing(app(), N["scan_page"], "push button"))
        check(scan_page is not None, "the scanning dialog opened")
        if scan_page is None:
            dump(app())
            return
        device = wait_for(lambda: labelled(app(), N["scanner"], "combo box"))
        check(device is not None and "test" in device.name, "SANE's test device is offered" +
              (f" ({device.name})" if device else ""))
        press(scan_page)
        upload = wait_for(lambda: enabled(app(), N["upload"]), timeout=60)
        check(upload is not None, "a page was scanned and can be uploaded")
        shot("tracker-scan", window=SCAN_TITLE.format(cases["MR-001"]["number"]))
        if upload is None:
            return
        press(upload)
        # The server holds it: supplied by scan, the PDF stored with the case.
        token = token_of(url, "clerk1")
        case_id = cases["MR-001"]["id"]
        supplied = wait_for(lambda: api_call(url, "GET", "/cases/" + case_id, token)[1]["deficiencies"][0]
                            if api_call(url, "GET", "/cases/" + case_id, token)[1]["deficiencies"][0]["status"]
                            == "supplied" else None, timeout=60)
        check(supplied is not None and supplied["provided"] == "scan" and supplied["attachmentId"],
              "the server holds the address proof supplied by scan, with its attachment")
        status, attachments = api_call(url, "GET", f"/cases/{case_id}/attachments", token)
        items = attachments.get("items", [])
        check(status == 200 and len(items) == 1 and items[0]["mediaType"] == "application/pdf"
              and supplied is not None and items[0]["id"] == supplied["attachmentId"],
              "exactly one attachment, a PDF, is stored")

        # The case view: nothing owed any more; the history says overdue, reminded, supplied by scan.
        # The keyboard is back on the view: Supplied is the fifth.
        key("Home")
        key("Down", 4)
        check(wait_for(lambda: table.queryTable().nRows == 1 and
                       table.queryTable().getAccessibleAt(0, 0).name == cases["MR-001"]["number"]),
              "the supplied view lists the case")
        press(find_showing(app(), N["open"], "push button"))
        history = wait_for(lambda: find_showing(app(), N["history"]))
        check(history is not None, "Open case shows the deficiencies with their history")
        if history is not None:
            lines = [history.getChildAtIndex(i).name for i in range(history.childCount)]
            check(any(N["supplied_scan"] in line for line in lines),
                  "the history says it was supplied as a scan")
            shot("case-view", window=CASE_TITLE.format(cases["MR-001"]["number"]))
            press(find_showing(app(), N["close"], "push button"))
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def supervisor_waives(url, tmp, cases):
    home = tempfile.mkdtemp(dir=tmp)
    proc, app = start_client(CLIENT, url, home, LANG)
    reason = "劳动关系已由社保缴费记录证明，无需再交合同"
    try:
        table = open_tracker(app, "supervisor1")
        check(table is not None, "F8 opened the tracker for the supervisor")
        row = wait_for(lambda: table.queryTable().nRows >= 1 and
                       table.queryTable().getAccessibleAt(0, 0).name == cases["HF-001"]["number"])
        check(row, "the outstanding HF-001 labour contract is listed")
        waive = find_showing(app(), N["waive"], "push button")
        check(waive is not None, "a supervisor has a Waive button")
        press(waive)
        text = wait_for(lambda: find_showing(app(), N["reason"]))
        check(text is not None, "the waiver asks for a reason")
        if text is None:
            return
        set_text(text, reason)
        shot("tracker-waive", window=WAIVE_TITLE)
        dialog_ok = wait_for(lambda: (lambda d: d if d and d.getState().contains(pyatspi.STATE_ENABLED) else None)(
            pyatspi.findDescendant(app(), lambda n: n is not None and n.name == N["waive"]
                                   and n.getRoleName() == "push button" and n.parent is not None
                                   and n.parent.getRoleName() != "filler" and n.getState().contains(pyatspi.STATE_SHOWING)
                                   and n != waive, breadth_first=True)))
        check(dialog_ok is not None, "with a reason, the dialog's Waive button is enabled")
        if dialog_ok is None:
            dump(app())
            return
        press(dialog_ok)
        token = token_of(url, "supervisor1")
        case_id = cases["HF-001"]["id"]
        waived = wait_for(lambda: api_call(url, "GET", "/cases/" + case_id, token)[1]["deficiencies"][0]["status"]
                          == "waived", timeout=30)
        check(waived, "the server holds the labour contract as waived")
        status, audit = api_call(url, "GET", f"/cases/{case_id}/audit", token)
        check(status == 200 and reason in str(audit), "the reason is in the case's audit trail")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "server.properties")
        with open(config, "w") as f:
            f.write("jobs.intervalSeconds = 0\n")
        # SANE's virtual test device, without touching /etc.
        sane = os.path.join(tmp, "sane")
        os.makedirs(sane)
        with open(os.path.join(sane, "dll.conf"), "w") as f:
            f.write("test\n")
        with open(os.path.join(sane, "test.conf"), "w") as f:
            f.write("number_of_devices 1\nmode Gray\ndepth 8\nresolution 75.0\ntest-picture \"Grid\"\n"
                    "tl_x 0.0\ntl_y 0.0\nbr_x 210.0\nbr_y 297.0\n")

        server, url = start_server(tmp, "2026-11-27", config)
        try:
            cases = create_cases(url)
        finally:
            server.terminate()
            server.wait(timeout=30)
        # Thursday 3 December: the address proof (due the 2nd) is overdue; the contract is due on the 4th.
        server, url = start_server(tmp, "2026-12-03", config)
        try:
            status, ran = api_call(url, "POST", "/jobs/run", token_of(url, "admin"), body={})
            check(status == 200 and ran.get("overdue", 0) >= 1, f"the job found the overdue material ({ran})")
            clerk_supplies_by_scan(url, tmp, sane, cases)
            supervisor_waives(url, tmp, cases)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return summary("e2e deficiency")


if __name__ == "__main__":
    sys.exit(main())
