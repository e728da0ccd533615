#!/usr/bin/python3
"""Administration end to end, through the accessibility tree: the real client against a real
--demo server.

1. admin opens Matters and versions, makes a draft of HF-001 from the version in effect, adds a
   material (婚姻状况证明) in the draft's editor, and publishes it from today; the preview shows it.
2. clerk1's next intake of HF-001 asks for the new material on its materials step; a case
   accepted before keeps its two materials and version 1.
3. secadmin creates a clerk (clerk9) on the Users page and reads the one-time password from the
   box that shows it; clerk9 signs in with it and must choose a password before the workbench
   opens; the server then knows clerk9 by the new password only.

E2E_LANG=zh_CN.UTF-8 runs it in Chinese; E2E_SHOTS=DIR saves screenshots.
"""
import os
import re
import sys
import tempfile

from e2elib import (accept_sample_case, api_call, check, enabled, find, find_prefix, find_showing, focus, key, labelled,
                    press, set_text, shot, sign_in, start_client, start_server, summary, text_of, token_of,
                    wait_for)

SERVER, CLIENT = sys.argv[1], sys.argv[2]
LANG = os.environ.get("E2E_LANG", "en_US.UTF-8")
PASSWORD = "OneWindow-demo-1"

NAMES = {
    "en": {
        "username": "Username", "password": "Password", "sign_in": "Sign in", "navigation": "Navigation",
        "matters": "Matters", "new_draft": "New draft", "edit_draft": "Edit the draft", "add_material": "Add a material",
        "material_code": "Material code", "material_name": "Material name", "keep_material": "Keep the material",
        "save_draft": "Save the draft", "publish_draft": "Publish the draft", "publish": "Publish",
        "preview_materials": "Materials the counter asks for", "published": "Version 2 of HF-001 published",
        "read_card": "Read ID card", "applicant_name": "Applicant name", "id_number": "ID number", "phone": "Phone",
        "next": "Next", "find_matter": "Find a matter", "choose": "Choose matter", "cases": "Cases",
        "users": "Users", "new_user": "New user", "user_name": "Name", "centre": "Centre", "create_user": "Create the user",
        "one_time": "The one-time password of clerk9 is:", "ok": "OK",
        "current_password": "Current password", "new_password": "New password", "again": "New password again",
        "change_password": "Change password",
        "t_material": "New material", "t_draft": "Draft version 2 of HF-001", "t_new_user": "New user",
        "t_one_time": "One-time password", "t_change": "Change password",
    },
    "zh": {
        "username": "用户名", "password": "密码", "sign_in": "登录", "navigation": "导航",
        "matters": "事项", "new_draft": "新建草稿", "edit_draft": "编辑草稿", "add_material": "添加材料",
        "material_code": "材料编码", "material_name": "材料名称", "keep_material": "确定材料",
        "save_draft": "保存草稿", "publish_draft": "发布草稿", "publish": "发布",
        "preview_materials": "窗口收取的材料", "published": "HF-001 第 2 版已发布",
        "read_card": "读取身份证", "applicant_name": "申请人姓名", "id_number": "身份证号码", "phone": "电话",
        "next": "下一步", "find_matter": "查找事项", "choose": "选择事项", "cases": "办件",
        "users": "用户管理", "new_user": "新建用户", "user_name": "姓名", "centre": "中心", "create_user": "创建用户",
        "one_time": "clerk9 的一次性密码是：", "ok": "OK",
        "current_password": "当前密码", "new_password": "新密码", "again": "再次输入新密码",
        "change_password": "修改密码",
        "t_material": "新建材料", "t_draft": "HF-001 的草稿版本 2", "t_new_user": "新建用户",
        "t_one_time": "一次性密码", "t_change": "修改密码",
    },
}
N = NAMES["zh" if LANG.startswith("zh") else "en"]
NEW_MATERIAL = "婚姻状况证明"


def showing(app, name, role=None, timeout=30):
    return wait_for(lambda: find_showing(app(), name, role), timeout=timeout)


def publish_new_version(url, tmp):
    home = tempfile.mkdtemp(dir=tmp)
    proc, app = start_client(CLIENT, url, home, LANG)
    try:
        sign_in(app, N, "admin", PASSWORD)
        check(wait_for(lambda: find(app(), N["navigation"], "list")) is not None, "admin's workbench is open")
        key("F3")
        table = showing(app, N["matters"], "table")
        check(table is not None, f"F3 shows the table {N['matters']!r}")
        check(wait_for(lambda: table.queryTable().nRows >= 6), "every matter is listed")
        # HF-001 is the first by code: the keyboard on the table, Home chooses it.
        focus(table)
        key("Home")
        preview = wait_for(lambda: find_showing(app(), N["preview_materials"]))
        check(preview is not None and "身份证" in text_of(preview) and NEW_MATERIAL not in text_of(preview),
              "the preview of version 1 lists its materials, not the new one")

        press(wait_for(lambda: enabled(app(), N["new_draft"])))
        edit = wait_for(lambda: enabled(app(), N["edit_draft"]))
        check(edit is not None, "a draft is made and can be edited")
        press(edit)
        add = showing(app, N["add_material"], "push button")
        check(add is not None, "the draft's editor opens with its materials")
        press(add)
        code = showing(app, N["material_code"], "text")
        check(code is not None, "the material's form opens")
        set_text(code, "MARRIAGE_PROOF")
        set_text(showing(app, N["material_name"], "text"), NEW_MATERIAL)
        shot("admin-material", N["t_material"])
        press(showing(app, N["keep_material"], "push button"))
        check(wait_for(lambda: find_showing(app(), N["material_code"], "text") is None), "the material is kept")
        shot("admin-draft", N["t_draft"])
        press(showing(app, N["save_draft"], "push button"))
        check(wait_for(lambda: (lambda n: n is not None and NEW_MATERIAL in text_of(n))(
            find_showing(app(), N["preview_materials"]))), "the draft's preview lists the new material")
        shot("admin-matters")

        press(wait_for(lambda: enabled(app(), N["publish_draft"])))
        publish = showing(app, N["publish"], "push button")
        check(publish is not None, "publishing asks for the day it takes effect (today by default)")
        press(publish)
        message = wait_for(lambda: find_prefix(app(), N["published"]))
        check(message is not None, "the page says the version is published" + (f" ({message.name})" if message else ""))
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def next_intake_asks_for_it(url, tmp, older_case):
    token = token_of(url, "clerk1")
    status, matter = api_call(url, "GET", "/matters/HF-001", token)
    check(status == 200 and [m["code"] for m in matter["materials"]][-1:] == ["MARRIAGE_PROOF"] and matter["version"] == 2,
          "the server's HF-001 is version 2 with the new material")
    status, case = api_call(url, "GET", "/cases/" + older_case, token)
    materials = [m["code"] for m in case.get("materials", [])]
    check(status == 200 and materials == ["ID_CARD", "LABOR_CONTRACT"],
          f"the case accepted before keeps its two materials ({materials})")
    versions = [m.get("version") for m in case.get("matters", [])]
    check(versions == [1], f"and the version it was accepted under ({versions})")

    home = tempfile.mkdtemp(dir=tmp)
    proc, app = start_client(CLIENT, url, home, LANG)
    try:
        sign_in(app, N, "clerk1", PASSWORD)
        check(wait_for(lambda: find(app(), N["navigation"], "list")) is not None, "clerk1's workbench is open")
        key("F2")
        check(showing(app, N["read_card"], "push button") is not None, "F2 opens a new intake")
        set_text(showing(app, N["applicant_name"], "text"), "王五")
        set_text(showing(app, N["id_number"], "text"), "110101199003070935")
        set_text(showing(app, N["phone"], "text"), "13800138000")
        press(showing(app, N["next"], "push button"))
        search = showing(app, N["find_matter"])
        set_text(search, "HF-001")
        table = showing(app, N["matters"], "table")
        check(wait_for(lambda: 1 <= table.queryTable().nRows < 5), "HF-001 is found")
        press(showing(app, N["choose"], "push button"))
        for label, value in {"工作单位名称": "盛泽纺织有限公司", "月缴存基数": "5000"}.items():
            field = showing(app, label)
            check(field is not None, f"the form has {label!r}")
            if field is not None:
                set_text(field, value)
        press(showing(app, N["next"], "push button"))
        asked = wait_for(lambda: labelled(app(), NEW_MATERIAL, "combo box"))
        check(asked is not None, f"the materials step asks for {NEW_MATERIAL}")
        shot("admin-intake-asks")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def new_clerk_changes_the_password(url, tmp):
    home = tempfile.mkdtemp(dir=tmp)
    proc, app = start_client(CLIENT, url, home, LANG)
    one_time = None
    try:
        sign_in(app, N, "secadmin", PASSWORD)
        check(wait_for(lambda: find(app(), N["navigation"], "list")) is not None, "secadmin's workbench is open")
        key("F3")
        check(showing(app, N["users"], "table") is not None, "F3 shows the users")
        press(showing(app, N["new_user"], "push button"))
        create = wait_for(lambda: enabled(app(), N["create_user"]))
        check(create is not None, "the account form opens, its lists loaded")
        set_text(showing(app, N["username"], "text"), "clerk9")
        set_text(showing(app, N["user_name"], "text"), "周敏")
        centre = labelled(app(), N["centre"], "combo box")
        check(centre is not None, "the form has a centre to choose")
        # The list opened as a screen reader user opens it (its ShowMenu action); the popup
        # takes the keys: the first centre after "none" is the hall, SZ.
        centre.queryAction().doAction(0)
        key("Down")
        key("Return")
        chosen = wait_for(lambda: (lambda c: c if c is not None and (c.name or "").startswith("SZ ") else None)(
            labelled(app(), N["centre"], "combo box")))
        check(chosen is not None, "the hall is chosen" + (f" ({chosen.name})" if chosen else ""))
        shot("admin-new-user", N["t_new_user"])
        press(create)
        box = wait_for(lambda: find_prefix(app(), N["one_time"]))
        check(box is not None, "the one-time password is shown to hand over")
        if box is not None:
            match = re.search(r"\n\n(\S+)\n\n", text_of(box) or box.name)
            one_time = match.group(1) if match else None
        check(one_time is not None and len(one_time) >= 16, "it can be read from the box")
        shot("admin-one-time-password", N["t_one_time"])
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    if not one_time:
        return

    home = tempfile.mkdtemp(dir=tmp)
    proc, app = start_client(CLIENT, url, home, LANG)
    try:
        sign_in(app, N, "clerk9", one_time)
        current = showing(app, N["current_password"], "password text")
        check(current is not None, "before anything else, clerk9 must choose a password")
        check(find(app(), N["navigation"], "list") is None, "the workbench is not open yet")
        set_text(current, one_time)
        set_text(showing(app, N["new_password"], "password text"), "Counter-Window-2026")
        set_text(showing(app, N["again"], "password text"), "Counter-Window-2026")
        shot("admin-change-password", N["t_change"])
        press(showing(app, N["change_password"], "push button"))
        check(wait_for(lambda: find(app(), N["navigation"], "list")) is not None,
              "with the password changed, clerk9's workbench opens")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    status, _ = api_call(url, "POST", "/sessions", body={"username": "clerk9", "password": one_time})
    check(status == 401, "the one-time password is spent")
    status, session = api_call(url, "POST", "/sessions", body={"username": "clerk9", "password": "Counter-Window-2026"})
    check(status == 201 and not session["user"]["mustChangePassword"], "clerk9 signs in with the password chosen")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        server, url = start_server(SERVER, tmp)
        try:
            older = accept_sample_case(url)["id"]
            publish_new_version(url, tmp)
            next_intake_asks_for_it(url, tmp, older)
            new_clerk_changes_the_password(url, tmp)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return summary("e2e administration")


if __name__ == "__main__":
    sys.exit(main())
