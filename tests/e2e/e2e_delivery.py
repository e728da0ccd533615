#!/usr/bin/python3
"""Results handed out and rated end to end, through the accessibility tree:

1. clerk1 accepts a case and approver-hf decides it and records its result (through the API);
2. clerk2, at another window, opens Results to hand out (F9), types the case number as a barcode
   gun does, reads the applicant's ID card, has the signature drawn on the customer screen's pad,
   and hands the result out;
3. the customer window shows the five rating buttons and takes key 2 (不满意);
4. supervisor1 opens the rating follow-ups (F9), sees the open follow-up, writes the call-back
   note and closes it with the resolution and the second rating;
5. supervisor1 opens the hall's figures (F7): the result handed out and the rating are counted;
   Enter on the figure lists the case behind it.
"""
import json
import os
import sys
import tempfile

import e2elib
from e2elib import (accept_sample_case, api_call, approve_with_result, check, drag, enabled, find, find_prefix,
                    find_showing, focus, key, press, set_text, shot, start_server, summary, text_value, token_of,
                    type_text, wait_for)

SERVER, CLIENT = sys.argv[1], sys.argv[2]
LANG = os.environ.get("E2E_LANG", "en_US.UTF-8")
N = {
    "en": {"username": "Username", "password": "Password", "sign_in": "Sign in", "navigation": "Navigation",
           "waiting": "Results to hand out", "find": "Find a result", "read_card": "Read ID card",
           "id_number": "Recipient's ID number", "sign": "Sign on the customer screen", "pad": "Signature pad",
           "signed_done": "Signature done", "signed": "signed", "hand_out": "Hand out",
           "print": "Print delivery receipt", "levels": ["Very satisfied", "Satisfied", "Fairly satisfied",
                                                          "Dissatisfied", "Very dissatisfied"],
           "thanks": "Thank you!", "screen": "Customer screen", "follow_ups": "Follow-ups",
           "details": "Follow-up details", "note": "Call-back note", "add_note": "Add note",
           "resolution": "Resolution", "close": "Close follow-up", "dialog_title": "Hand out case {}",
           "figures": "Figures", "handed_out": "Results handed out", "satisfied": "Satisfied (basically satisfied and better)",
           "chart": "Chart of cases per centre", "export": "Export CSV", "report": "Print report",
           "cases_of": "Cases: Results handed out", "behind": "Cases behind the figure"},
    "zh": {"username": "用户名", "password": "密码", "sign_in": "登录", "navigation": "导航",
           "waiting": "待出件", "find": "查找待领取结果", "read_card": "读身份证",
           "id_number": "领取人身份证号", "sign": "在客户屏上签名", "pad": "签名板",
           "signed_done": "签名完成", "signed": "已签名", "hand_out": "出件",
           "print": "打印出件签收单", "levels": ["非常满意", "满意", "基本满意", "不满意", "非常不满意"],
           "thanks": "感谢您的评价！", "screen": "客户评价屏", "follow_ups": "差评回访",
           "details": "回访详情", "note": "回访记录", "add_note": "添加记录",
           "resolution": "整改结果", "close": "办结回访", "dialog_title": "办件 {} 出件",
           "figures": "数据看板", "handed_out": "已出件", "satisfied": "满意率（基本满意及以上）",
           "chart": "各中心受理件数图", "export": "导出 CSV", "report": "打印报表",
           "cases_of": "办件：已出件", "behind": "该项数据对应的办件"},
}["zh" if LANG.startswith("zh") else "en"]


def signed_in(url, tmp, user, extra_env=None):
    return e2elib.signed_in(CLIENT, url, tmp, N, user, LANG, extra_env)


def clerk2_hands_out(url, tmp, case):
    card = os.path.join(tmp, "card.json")
    with open(card, "w") as f:
        json.dump({"name": "张三", "idNumber": "11010519491231002X", "sex": "女", "nation": "汉"}, f)
    with signed_in(url, tmp, "clerk2", {"ONEWINDOW_ID_CARD_FILE": card}) as app:
        key("F9")
        table = wait_for(lambda: find_showing(app(), N["waiting"], "table"))
        check(table is not None, "F9 opens the results to hand out")
        check(wait_for(lambda: find_prefix(app(), case["number"]) is not None), "the case accepted by clerk1 is waiting")
        shot("delivery-list")
        # The barcode gun types the number into the find field (where F9 puts the focus) and Enter.
        find_field = wait_for(lambda: find_showing(app(), N["find"]))
        focus(find_field)
        type_text(case["number"])
        key("Return")
        hand_out = wait_for(lambda: enabled(app(), N["hand_out"]))
        check(hand_out is not None, "the scanned number opens the case, ready to hand out")
        press(find_showing(app(), N["read_card"], "push button"))
        id_field = find_showing(app(), N["id_number"])
        check(wait_for(lambda: text_value(id_field) == "11010519491231002X"), "the ID card read fills the recipient")
        shot("delivery-dialog", N["dialog_title"].format(case["number"]))
        press(find_showing(app(), N["sign"], "push button"))
        pad = wait_for(lambda: find_showing(app(), N["pad"]))
        check(pad is not None, "the customer screen shows the signature pad")
        drag(pad, [(0.15, 0.7), (0.3, 0.4), (0.45, 0.7), (0.6, 0.35), (0.85, 0.6)])
        done = wait_for(lambda: enabled(app(), N["signed_done"]))
        check(done is not None, "a drawn signature can be confirmed")
        shot("customer-screen-signature", N["screen"])
        press(done)
        check(wait_for(lambda: find_showing(app(), N["signed"])) is not None, "the signature is stored with the case")
        press(find_showing(app(), N["hand_out"], "push button"))
        check(wait_for(lambda: enabled(app(), N["print"])) is not None, "handed out: the receipt can be printed")
        token = token_of(url, "clerk2")
        _, c = api_call(url, "GET", "/cases/" + case["id"], token)
        check(c.get("status") == "delivered", f"the server holds the case delivered ({c.get('status')})")
        _, d = api_call(url, "GET", "/cases/" + case["id"] + "/delivery", token)
        check(d.get("deliveredBy") == "clerk2" and d.get("signature"), "delivered by clerk2, signed")

        # The customer window ends the service with the five ratings; the keypad's 2 is 不满意.
        buttons = wait_for(lambda: [enabled(app(), name) for name in N["levels"]]
                           if all(enabled(app(), name) for name in N["levels"]) else None)
        check(buttons is not None, "the customer window shows the five rating buttons")
        shot("customer-screen-rating", N["screen"])
        focus(buttons[0])
        key("2")
        check(wait_for(lambda: find_showing(app(), N["thanks"])) is not None, "the customer window thanks the citizen")
        ratings = wait_for(lambda: api_call(url, "GET", "/cases/" + case["id"] + "/evaluations", token)[1]["items"])
        check(ratings is not None and ratings[0]["level"] == 2 and ratings[0]["channel"] == "counter",
              f"the rating 2 is on record from the counter ({ratings})")
        check(wait_for(lambda: find_showing(app(), N["thanks"]) is None, timeout=15.0), "and clears")


def supervisor_closes(url, tmp, case):
    with signed_in(url, tmp, "supervisor1") as app:
        key("F9")
        check(wait_for(lambda: find_showing(app(), N["follow_ups"], "table")) is not None,
              "F9 opens the supervisor's rating follow-ups")
        check(wait_for(lambda: find_prefix(app(), case["number"]) is not None), "the open follow-up of the case is listed")
        details = wait_for(lambda: find_showing(app(), N["details"]))
        check(details is not None and case["number"] in text_value(details), "its details name the case")
        set_text(find_showing(app(), N["note"]), "电话回访：已向群众致歉，说明出件流程")
        press(find_showing(app(), N["add_note"], "push button"))
        check(wait_for(lambda: "电话回访" in text_value(find_showing(app(), N["details"]))), "the call-back note is on record")
        set_text(find_showing(app(), N["resolution"]), "已整改窗口服务流程")
        shot("follow-ups")
        press(find_showing(app(), N["close"], "push button"))
        token = token_of(url, "supervisor1")
        closed = wait_for(lambda: [f for f in api_call(url, "GET", "/follow-ups?state=closed", token)[1]["items"]
                                   if f["caseId"] == case["id"]])
        check(closed is not None and closed[0]["resolution"] == "已整改窗口服务流程" and len(closed[0]["notes"]) == 1,
              "the server holds the follow-up closed with its note and resolution")


def figure(table, label):
    """The value a screen reader reads beside a figure's label in the figures table."""
    cells = table.queryTable()
    for row in range(cells.nRows):
        if cells.getAccessibleAt(row, 0).name == label:
            return cells.getAccessibleAt(row, 1).name
    return None


def supervisor_reads_figures(url, tmp, case):
    with signed_in(url, tmp, "supervisor1") as app:
        key("F7")
        table = wait_for(lambda: find_showing(app(), N["figures"], "table"))
        check(table is not None, "F7 opens the hall's figures")
        check(wait_for(lambda: figure(table, N["handed_out"]) == "1"),
              f"the result handed out is counted ({figure(table, N['handed_out'])})")
        check(figure(table, N["satisfied"]) in ("0.0%", "0.0 %"),
              f"the one rating, dissatisfied, makes the satisfaction rate 0 ({figure(table, N['satisfied'])})")
        for name in ("chart", "export", "report"):
            check(find_showing(app(), N[name]) is not None, f"the page has {N[name]!r}")
        shot("figures")
        # Enter on the figure lists the case behind it: the figures table has the keyboard when
        # the page opens, on its first row.
        cells = table.queryTable()
        row = next(r for r in range(cells.nRows) if cells.getAccessibleAt(r, 0).name == N["handed_out"])
        key("Down", row)
        key("Return")
        listed = wait_for(lambda: (lambda t: t if t is not None and t.queryTable().nRows == 1 else None)(
            find_showing(app(), N["behind"], "table")))
        check(listed is not None and case["number"] in [listed.queryTable().getAccessibleAt(0, c).name
                                                         for c in range(listed.queryTable().nColumns)],
              f"Enter on {N['handed_out']!r} lists the case handed out in {N['cases_of']!r}")
        shot("figure-cases", N["cases_of"])
        key("Escape")
        check(wait_for(lambda: find_showing(app(), N["behind"], "table") is None), "Escape closes the list")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        server, url = start_server(SERVER, tmp)
        try:
            case = accept_sample_case(url, "clerk1")
            approve_with_result(url, case, "approver-hf")
            clerk2_hands_out(url, tmp, case)
            supervisor_closes(url, tmp, case)
            supervisor_reads_figures(url, tmp, case)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return summary("e2e delivery")


if __name__ == "__main__":
    sys.exit(main())
