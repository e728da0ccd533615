#!/usr/bin/python3
"""Intake end to end, through the accessibility tree, as a screen reader user would do it: the
real client against a real --demo server, keys pressed through the accessibility bus.

1. clerk1 takes in HF-001 for 11010519491231002X with the simulated ID card, marks the labour
   contract deficient and accepts; the server then holds the case as accepted_with_deficiency.
2. clerk1 takes in HF-002 for an applicant without electronic licences, leaves the ID card and
   the bank card out and is refused: the one-time notice lists both, on screen and printed.
3. clerk1 is half-way through an intake when the client is killed; started again, it offers the
   draft, and resuming it brings back the applicant, the matter and the typed form.

The accessible names used here are the ones docs/user-guide.md lists. With E2E_SHOTS=DIR the
driver also saves a screenshot of each wizard step (xwd and ImageMagick), for the documentation;
E2E_LANG=zh_CN.UTF-8 runs it in Chinese.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import pyatspi

from e2elib import (check, enabled, find, find_prefix, find_showing, focus, key, press, set_text, shot, sign_in, start_client,
                    start_server, summary, text_of, text_value, type_text, wait_for, dump, labelled)

SERVER, CLIENT = sys.argv[1], sys.argv[2]
LANG = os.environ.get("E2E_LANG", "en_US.UTF-8")

NAMES = {
    "en": {
        "username": "Username", "password": "Password", "sign_in": "Sign in", "navigation": "Navigation", "cases": "Cases", "steps": "Intake steps",
        "read_card": "Read ID card", "applicant_name": "Applicant name", "id_number": "ID number", "phone": "Phone",
        "next": "Next", "find_matter": "Find a matter", "matters": "Matters", "choose": "Choose matter", "accept": "Accept",
        "bar": "Applicant and matter", "result_accepted": "Accepted: case ", "resume": "Resume",
        "provision": "Provision of {}", "save_pdf": "Save as PDF", "paper": "Document to print",
        "notice_label": "One-time notice would list:", "licences": "Electronic licences: ",
        "file_name": "File name", "save": "Save", "due": "{} due by ",
        "bundle_label": "Or a one-thing bundle:", "chosen": "Chosen: ", "saves": "The bundle saves",
        "screen_material": "劳动合同: to be brought by", "very_satisfied": "Very satisfied",
        "screen": "Customer screen",
        "produced": "Not asked for, provided within the bundle:", "licence": "营业执照",
        "capital": "Registered capital (10,000 yuan)", "add_shareholder": "Add shareholder", "shareholders": "Shareholders",
        "contributions": "Contributions", "add_up": "1 shareholder(s); the contributions add up to 100",
    },
    "zh": {
        "username": "用户名", "password": "密码", "sign_in": "登录", "navigation": "导航", "cases": "办件", "steps": "受理步骤",
        "read_card": "读取身份证", "applicant_name": "申请人姓名", "id_number": "身份证号码", "phone": "电话",
        "next": "下一步", "find_matter": "查找事项", "matters": "事项", "choose": "选择事项", "accept": "受理",
        "bar": "申请人与事项", "result_accepted": "已受理：办件编号 ", "resume": "继续",
        "provision": "{}的提供方式", "save_pdf": "另存为 PDF", "paper": "打印文书",
        "notice_label": "一次性告知书将列出：", "licences": "电子证照：",
        "file_name": "文件名", "save": "保存", "due": "{}补正期限 ",
        "bundle_label": "或选择一件事套餐：", "chosen": "已选：", "saves": "少填",
        "screen_material": "劳动合同：", "very_satisfied": "非常满意", "screen": "客户评价屏",
        "produced": "以下材料无需提交", "licence": "营业执照",
        "capital": "注册资本（万元）", "add_shareholder": "添加股东", "shareholders": "股东",
        "contributions": "出资情况", "add_up": "股东 1 名，认缴出资额合计 100 万元",
    },
}
N = NAMES["zh" if LANG.startswith("zh") else "en"]
PASSWORD = "OneWindow-demo-1"


def api(url, method, path, token=None, body=None):
    request = urllib.request.Request(url + "/api/v1" + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"{}")


def server_token(url, user="clerk1"):
    return api(url, "POST", "/sessions", body={"username": user, "password": PASSWORD})["token"]


def open_intake(app):
    """Signs in and opens New intake with F2, as the clerk does."""
    sign_in(app, N, "clerk1", PASSWORD)
    check(wait_for(lambda: find(app(), N["navigation"], "list")) is not None, "the workbench opened")
    # F3 the cases, F2 back to a new intake: the workbench from the keyboard.
    key("F3")
    check(wait_for(lambda: find_showing(app(), N["cases"], "table")) is not None, "F3 shows the cases")
    key("F2")
    button = wait_for(lambda: find_showing(app(), N["read_card"], "push button"))
    check(button is not None, "F2 opened the intake on the applicant step")


def showing(app, name, role=None, timeout=30):
    return wait_for(lambda: find_showing(app(), name, role), timeout=timeout)


def choose_matter(app, code, shot_name=None):
    press(showing(app, N["next"], "push button"))
    search = showing(app, N["find_matter"])
    check(search is not None, f"the matter step has a search field named {N['find_matter']!r}")
    # Typing filters the catalog (from the local cache); the matter shows in the table.
    set_text(search, code)
    table = showing(app, N["matters"], "table")
    found = wait_for(lambda: table.queryTable().nRows >= 1 and table.queryTable().nRows < 5)
    check(found, f"searching {code!r} finds it in the matters table")
    if shot_name:
        shot(shot_name)
    press(showing(app, N["choose"], "push button"))
    bar = wait_for(lambda: (lambda n: n if n and code in text_of(n) else None)(find(app(), N["bar"])))
    check(bar is not None, f"the applicant bar names {code} after choosing it")


def fill_form(app, values):
    for label, value in values.items():
        field = showing(app, label)
        check(field is not None, f"the form has a field named {label!r}")
        if field is not None:
            set_text(field, value)


def choose_provision(app, material, key_name, tabs=0):
    """Next put the keyboard on the first material's choice; Tab goes down the list, and a key moves
    the choice, as the clerk does. (A screen reader on Linux names a combo box by its label: its own
    name is its current text.)"""
    combo = wait_for(lambda: labelled(app(), material, "combo box"))
    check(combo is not None, f"the materials step has a choice labelled {material!r}")
    if combo is None:
        return
    key("Tab", tabs)
    check(wait_for(lambda: combo.getState().contains(pyatspi.STATE_FOCUSED), timeout=5),
          f"the keyboard is on the choice for {material!r}")
    key(key_name)


def intake_with_deficiency(url, tmp, card):
    home = tempfile.mkdtemp(dir=tmp)
    proc, app = start_client(CLIENT, url, home, LANG, {"ONEWINDOW_ID_CARD_FILE": card})
    try:
        open_intake(app)
        press(showing(app, N["read_card"], "push button"))
        id_field = showing(app, N["id_number"], "text")
        check(wait_for(lambda: text_value(id_field) == "11010519491231002X"),
              "reading the simulated card filled the ID number")
        licences = wait_for(lambda: find_prefix(app(), N["licences"]))
        check(licences is not None and "ID_CARD" in licences.name,
              "the applicant's electronic licences are shown" + (f" ({licences.name})" if licences else ""))
        set_text(showing(app, N["phone"], "text"), "13800138000")
        shot("intake-1-applicant")

        choose_matter(app, "HF-001", "intake-2-matter")
        form_name = showing(app, "申请人姓名", "text")
        check(form_name is not None and text_value(form_name) == "张三", "the shared field came from the card")
        fill_form(app, {"工作单位名称": "盛泽纺织有限公司", "月缴存基数": "5000"})
        shot("intake-3-form")

        press(showing(app, N["next"], "push button"))
        # Not provided, paper, scan, deficient: End takes the last, "deficient".
        choose_provision(app, "劳动合同", "End", tabs=1)
        due = wait_for(lambda: find_prefix(app(), N["due"].format("劳动合同")))
        check(due is not None,
              "the deficient contract shows its due date" + (f" ({due.name})" if due else ""))
        shot("intake-4-materials")

        press(showing(app, N["next"], "push button"))
        shot("intake-5-decision")
        # The customer screen (F12 on a PC with one monitor) follows the intake in large type.
        key("F12")
        following = wait_for(lambda: pyatspi.findDescendant(
            app(), lambda n: n is not None and n.name and N["screen_material"] in n.name, breadth_first=True))
        check(following is not None and "张三" in following.name,
              "the customer screen shows the applicant and the material still to bring"
              + (f" ({following.name!r})" if following else ""))
        shot("customer-screen-intake", N["screen"])
        press(showing(app, N["accept"], "push button"))
        result = wait_for(lambda: find_prefix(app(), N["result_accepted"]))
        check(result is not None, "the decision step says the case was accepted")
        if result is None:
            return
        number = result.name[len(N["result_accepted"]):].split(" ")[0].split("（")[0]
        print("  case number:", number)
        shot("intake-6-accepted")
        token = server_token(url)
        cases = api(url, "GET", "/cases?number=" + number, token)["items"]
        check(len(cases) == 1 and cases[0]["status"] == "accepted_with_deficiency",
              f"the server holds {number} as accepted_with_deficiency")
        if cases:
            detail = api(url, "GET", "/cases/" + cases[0]["id"], token)
            deficient = [d["material"] for d in detail["deficiencies"]]
            check(deficient == ["LABOR_CONTRACT"], f"the labour contract is the deficiency ({deficient})")
            # The service ends with the citizen's rating of the intake on the customer screen.
            five = wait_for(lambda: enabled(app(), N["very_satisfied"]))
            check(five is not None, "the customer screen asks the citizen to rate the intake")
            if five is not None:
                focus(five)
                key("5")
                rated = wait_for(lambda: api(url, "GET", "/cases/" + cases[0]["id"] + "/evaluations", token)["items"])
                check(rated is not None and rated[0]["event"] == "intake" and rated[0]["level"] == 5,
                      f"key 5 on the customer screen rates the intake 非常满意 ({rated})")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def refusal_with_notice(url, tmp):
    home = tempfile.mkdtemp(dir=tmp)
    proc, app = start_client(CLIENT, url, home, LANG)
    try:
        open_intake(app)
        set_text(showing(app, N["applicant_name"], "text"), "王五")
        set_text(showing(app, N["id_number"], "text"), "440524188001010014")
        set_text(showing(app, N["phone"], "text"), "13900139000")
        choose_matter(app, "HF-002")
        fill_form(app, {"提取原因": "购买自住住房", "提取金额": "80000", "开户银行": "中国工商银行盛泽支行",
                        "银行账号": "6222020000000000"})
        press(showing(app, N["next"], "push button"))
        # The purchase contract is there on paper; the ID card and the bank card are not.
        choose_provision(app, "房屋买卖合同", "Down", tabs=2)
        notice = wait_for(lambda: find_prefix(app(), N["notice_label"]))
        check(notice is not None and "居民身份证" in notice.name and "本人银行借记卡" in notice.name,
              "the materials step shows, live, what the one-time notice would list")
        shot("intake-4-materials-missing")
        press(showing(app, N["next"], "push button"))
        press(showing(app, N["accept"], "push button"))
        refused = wait_for(lambda: showing_label_with(app, "本人银行借记卡", N["notice_label"]))
        check(refused is not None and "居民身份证" in refused.name,
              "the server's refusal lists both missing core materials")
        shot("intake-6-refused")

        # The one-time notice, saved as a PDF through the file dialog, lists both.
        pdf = os.path.join(tmp, "one-time-notice.pdf")
        save = showing(app, N["save_pdf"], "push button")
        check(save is not None and save.getState().contains(pyatspi.STATE_ENABLED),
              "the one-time notice can be printed")
        press(save)
        dialog = wait_for(lambda: find_showing(app(), N["save_pdf"], "dialog"))
        check(dialog is not None, "the save dialog opened")
        name_field = dialog and wait_for(lambda: find_prefix(dialog, N["file_name"], "text"))
        check(name_field is not None, "the save dialog asks for a file name")
        if name_field is not None:
            set_text(name_field, pdf)
            key("Return")
            check(wait_for(lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 0), "the PDF was written")
            text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout \
                if os.path.exists(pdf) else ""
            check("一次性告知书" in text and "居民身份证" in text and "本人银行借记卡" in text,
                  "the printed one-time notice lists the ID card and the bank card")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def showing_label_with(app, needle, not_prefix):
    def match(n):
        return (n is not None and n.getRoleName() == "label" and n.name and needle in n.name
                and not n.name.startswith(not_prefix) and n.getState().contains(pyatspi.STATE_SHOWING))
    return pyatspi.findDescendant(app(), match, breadth_first=True)


def kill_and_resume(url, tmp, card):
    home = tempfile.mkdtemp(dir=tmp)
    proc, app = start_client(CLIENT, url, home, LANG, {"ONEWINDOW_ID_CARD_FILE": card})
    open_intake(app)
    press(showing(app, N["read_card"], "push button"))
    wait_for(lambda: text_value(find_showing(app(), N["id_number"], "text")) == "11010519491231002X")
    set_text(showing(app, N["phone"], "text"), "13800138000")
    choose_matter(app, "HF-001")
    fill_form(app, {"工作单位名称": "盛泽纺织有限公司"})
    time.sleep(1.5)  # the draft is written on its own thread as the clerk types
    proc.kill()
    proc.wait(timeout=10)
    check(proc.returncode == -9, "the client was killed mid-intake")

    proc, app = start_client(CLIENT, url, home, LANG, {"ONEWINDOW_ID_CARD_FILE": card})
    try:
        open_intake(app)
        resume = showing(app, N["resume"], "push button")
        check(resume is not None, "the restarted client offers to resume the intake")
        if resume is None:
            return
        shot("intake-0-resume")
        press(resume)
        company = showing(app, "工作单位名称", "text")
        check(company is not None and text_value(company) == "盛泽纺织有限公司",
              "resuming returns to the form with what was typed")
        bar = find(app(), N["bar"])
        check(bar is not None and "HF-001" in text_of(bar) and "张三" in text_of(bar),
              "the applicant and the matter are back")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def current_step(app):
    steps = find(app(), N["steps"], "list")
    for i in range(steps.childCount):
        if steps.getChildAtIndex(i).getState().contains(pyatspi.STATE_SELECTED):
            return i
    return None


def fill_shareholders(app):
    """The market regulation plugin's page of the company's establishment, from the keyboard: the
    registered capital, and one shareholder subscribing all of it."""
    capital = wait_for(lambda: find_showing(app(), N["capital"], "text"))
    check(capital is not None, f"the form step shows the market regulation page's {N['capital']!r}")
    set_text(capital, "100")
    table = find_showing(app(), N["shareholders"], "table")
    press(find_showing(app(), N["add_shareholder"], "push button"))
    # Once the press is handled the table has its row, and the keyboard is in its name cell's
    # editor: type, commit, then to the contribution's cell.
    check(table is not None and wait_for(lambda: table.queryTable().nRows == 1, timeout=10),
          "adding a shareholder adds a row to the table")
    type_text("Li Si")
    key("Return")
    key("Right", 2)
    type_text("100")
    key("Return")
    status = find_showing(app(), N["contributions"], "label")
    said = status is not None and wait_for(lambda: text_of(status).startswith(N["add_up"]), timeout=10)
    shot("intake-bundle-shareholders")
    check(bool(said), "the page says the contributions add up to the registered capital"
          + (f" ({text_of(status)!r})" if status is not None else ""))


def bundle_savings(url, tmp):
    """B-OPEN-RESTAURANT, chosen from the keyboard: one intake, and the wizard says what it saved."""
    home = tempfile.mkdtemp(dir=tmp)
    proc, app = start_client(CLIENT, url, home, LANG)
    try:
        open_intake(app)
        press(showing(app, N["next"], "push button"))
        check(showing(app, N["find_matter"]) is not None, "the matter step is shown")
        bundles = wait_for(lambda: labelled(app(), N["bundle_label"], "combo box"))
        check(bundles is not None, f"the matter step has a bundle choice labelled {N['bundle_label']!r}")
        # From the search field: the Choose button, the table, then the bundles; End takes the last.
        key("Tab", 3)
        check(wait_for(lambda: bundles.getState().contains(pyatspi.STATE_FOCUSED), timeout=5),
              "the keyboard is on the bundle choice")
        key("End")
        chosen = wait_for(lambda: find_prefix(app(), N["chosen"] + "B-OPEN-RESTAURANT"))
        check(chosen is not None, "the restaurant bundle is chosen" + (f" ({chosen.name})" if chosen else ""))
        for step in range(2, 5):
            if step == 3:
                fill_shareholders(app)
            press(showing(app, N["next"], "push button"))
            check(wait_for(lambda: current_step(app) == step, timeout=10), f"Next goes to step {step + 1}")
            if step == 3:
                # The business licence comes with the company's establishment: not asked for.
                produced = wait_for(lambda: showing_label_with(app, N["licence"], "#"))
                check(produced is not None and produced.name.startswith(N["produced"]),
                      "the materials step says the business licence comes from within the bundle"
                      + (f": {produced.name!r}" if produced else ""))
                check(find_showing(app(), N["provision"].format(N["licence"]), "combo box") is None,
                      "no choice is offered for the business licence")
                shot("intake-bundle-materials")
        summary_label = wait_for(lambda: showing_label_with(app, "MR-001, MR-002, MR-003", "#"))
        check(summary_label is not None and N["saves"] in summary_label.name,
              "the decision step says what the bundle saved" + (f": {summary_label.name!r}" if summary_label else ""))
        if summary_label is None:
            dump(app())
        shot("intake-bundle")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        card = os.path.join(tmp, "card.json")
        with open(card, "w", encoding="utf-8") as f:
            json.dump({"name": "张三", "idNumber": "11010519491231002X", "sex": "女", "nation": "汉",
                       "birthDate": "1949-12-31", "address": "北京市朝阳区", "issuer": "北京市公安局朝阳分局",
                       "validFrom": "2016-01-01", "validTo": "2036-01-01"}, f, ensure_ascii=False)
        server, url = start_server(SERVER, tmp)
        try:
            for scenario in (lambda: intake_with_deficiency(url, tmp, card), lambda: refusal_with_notice(url, tmp),
                             lambda: kill_and_resume(url, tmp, card), lambda: bundle_savings(url, tmp)):
                scenario()
        finally:
            server.terminate()
            server.wait(timeout=30)
    return summary("e2e intake")


if __name__ == "__main__":
    sys.exit(main())
