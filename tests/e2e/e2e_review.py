#!/usr/bin/python3
"""The back office end to end, through the accessibility tree:

1. approver-hf opens the queue (F4), opens the first case (Enter), sees its attached PDF in the
   viewer, and returns it for correction with two reasons;
2. clerk1 sees it under Returned cases (F7) with both reasons and resubmits it, the contract
   rescanned;
3. approver-hf approves it (Ctrl+Enter) and records the result (certificate number);
4. approver-mr never sees it: not in the MR queue, and 404 for the case itself.
"""
import os
import sys
import tempfile
import time
import uuid

import e2elib

from e2elib import (accept_sample_case, api_call, check, enabled, find, find_prefix, find_showing, key, press, set_text, shot,
                    start_server, summary, token_of, wait_for)

SERVER, CLIENT = sys.argv[1], sys.argv[2]
LANG = os.environ.get("E2E_LANG", "en_US.UTF-8")
N = {
    "en": {"username": "Username", "password": "Password", "sign_in": "Sign in", "navigation": "Navigation",
           "queue": "Review queue", "approve": "Approve", "viewer": "Attachment viewer",
           "return": "Return for correction", "typed": "Other items, one per line", "ok": "OK",
           "decided": "Decision recorded", "returned": "Returned cases", "asked": "What the departments asked for",
           "note": "Note", "resubmit": "Resubmit", "result": "Record result", "certificate": "Certificate number",
           "recorded": "Result recorded", "review_title": "Review case {}", "return_title": "Return for correction",
           "resubmit_title": "Resubmit a returned case"},
    "zh": {"username": "用户名", "password": "密码", "sign_in": "登录", "navigation": "导航",
           "queue": "审批队列", "approve": "批准", "viewer": "附件查看",
           "return": "退回补正", "typed": "其他事项，每行一项", "ok": "确定",
           "decided": "审批意见已登记", "returned": "退回补正的办件", "asked": "各部门要求补正的内容",
           "note": "备注", "resubmit": "重新提交", "result": "登记结果", "certificate": "证书编号",
           "recorded": "结果已登记", "review_title": "审查办件 {}", "return_title": "退回补正",
           "resubmit_title": "重新提交退回的办件"},
}["zh" if LANG.startswith("zh") else "en"]


def one_page_pdf(text):
    """A small valid PDF of one A4 page with a line of text, its cross-reference table computed."""
    stream = b"BT /F1 24 Tf 72 760 Td (" + text.encode() + b") Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += str(i).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 " + str(len(objects) + 1).encode() + b"\n0000000000 65535 f \n"
    for offset in offsets:
        out += ("%010d 00000 n \n" % offset).encode()
    out += b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" /Root 1 0 R >>\nstartxref\n"
    out += str(xref).encode() + b"\n%%EOF\n"
    return out


def create_case(url):
    case = accept_sample_case(url, "clerk1")
    token = token_of(url, "clerk1")
    import urllib.request
    request = urllib.request.Request(url + "/api/v1/cases/" + case["id"] + "/attachments?filename=contract.pdf",
                                     method="POST", data=one_page_pdf("Labour contract"))
    request.add_header("Authorization", "Bearer " + token)
    request.add_header("Idempotency-Key", str(uuid.uuid4()))
    with urllib.request.urlopen(request, timeout=30) as response:
        check(response.status == 201, "the contract's scan is attached to the case")
    return case


def signed_in(url, tmp, user):
    return e2elib.signed_in(CLIENT, url, tmp, N, user, LANG)


def dialog_button(app, name):
    return wait_for(lambda: find_showing(app(), name, "push button"))


def approver_returns(url, tmp, case):
    with signed_in(url, tmp, "approver-hf") as app:
        key("F4")
        table = wait_for(lambda: find_showing(app(), N["queue"], "table"))
        check(table is not None, "F4 opens the review queue")
        check(wait_for(lambda: find_prefix(app(), case["number"]) is not None), "the case is in the queue")
        shot("review-queue")
        key("Return")
        approve = wait_for(lambda: enabled(app(), N["approve"]))
        check(approve is not None, "Enter opens the case for review, ready to decide")
        viewer = wait_for(lambda: find_showing(app(), N["viewer"]))
        check(viewer is not None and "contract.pdf" in (viewer.description or ""),
              "the attached PDF is in the viewer" + (f" ({viewer.description!r})" if viewer else ""))
        shot("review-case", N["review_title"].format(case["number"]))
        press(find_showing(app(), N["return"], "push button"))
        typed = wait_for(lambda: find_showing(app(), N["typed"]))
        check(typed is not None, "returning asks for the items to correct")
        set_text(typed, "劳动合同缺少单位盖章\n缴存基数与合同不符")
        press(dialog_button(app, N["ok"]))
        recorded = wait_for(lambda: find_prefix(app(), N["decided"]))
        check(recorded is not None, "the decision is confirmed in words")
        token = token_of(url, "approver-hf")
        _, c = api_call(url, "GET", "/cases/" + case["id"], token)
        check(c.get("status") == "returned_for_correction", f"the server holds the case returned ({c.get('status')})")
        _, parts = api_call(url, "GET", "/cases/" + case["id"] + "/parts", token)
        check(parts["items"][0]["reasons"] == ["劳动合同缺少单位盖章", "缴存基数与合同不符"],
              f"both reasons are on record ({parts['items'][0]['reasons']})")


def clerk_resubmits(url, tmp, case):
    with signed_in(url, tmp, "clerk1") as app:
        key("F7")
        table = wait_for(lambda: find_showing(app(), N["returned"], "table"))
        check(table is not None, "F7 opens the returned cases")
        check(wait_for(lambda: find_prefix(app(), case["number"]) is not None), "the returned case is listed")
        key("Return")
        asked = wait_for(lambda: find_showing(app(), N["asked"]))
        check(asked is not None, "Enter opens the case with what the departments asked for")
        check(wait_for(lambda: find(app(), "缴存基数与合同不符") is not None), "every reason is shown")
        set_text(find_showing(app(), N["note"]), "已补盖章，基数已更正")
        shot("resubmit", N["resubmit_title"])
        press(dialog_button(app, N["resubmit"]))
        token = token_of(url, "clerk1")
        check(wait_for(lambda: api_call(url, "GET", "/cases/" + case["id"], token)[1].get("status") == "under_review"),
              "the server holds the case under review again")


def approver_approves(url, tmp, case):
    with signed_in(url, tmp, "approver-hf") as app:
        key("F4")
        check(wait_for(lambda: find_prefix(app(), case["number"]) is not None), "the resubmitted case is back")
        key("Return")
        approve = wait_for(lambda: enabled(app(), N["approve"]))
        check(approve is not None, "the case opens ready to decide")
        press(approve)
        check(wait_for(lambda: find_prefix(app(), N["decided"]) is not None), "the approval is confirmed")
        result = wait_for(lambda: enabled(app(), N["result"]))
        check(result is not None, "an approved case offers to record its result")
        press(result)
        number = wait_for(lambda: find_showing(app(), N["certificate"]))
        check(number is not None, "the result asks for the certificate number")
        set_text(number, "苏公积金证字第2026-0001号")
        press(dialog_button(app, N["ok"]))
        check(wait_for(lambda: find_prefix(app(), N["recorded"]) is not None), "the result is confirmed")
        token = token_of(url, "approver-hf")
        _, c = api_call(url, "GET", "/cases/" + case["id"], token)
        check(c.get("status") == "result_ready", f"the server holds the result ready ({c.get('status')})")
        _, r = api_call(url, "GET", "/cases/" + case["id"] + "/result", token)
        check(r.get("certificateNumber") == "苏公积金证字第2026-0001号", "the certificate number is on record")


def other_department_sees_nothing(url, tmp, case):
    with signed_in(url, tmp, "approver-mr") as app:
        key("F4")
        check(wait_for(lambda: find_showing(app(), N["queue"], "table")) is not None, "approver-mr has a queue")
        time.sleep(1.0)
        check(find_prefix(app(), case["number"]) is None, "the HF case is not in the MR queue")
        status, _ = api_call(url, "GET", "/cases/" + case["id"], token_of(url, "approver-mr"))
        check(status == 404, f"the HF case does not exist for approver-mr ({status})")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        server, url = start_server(SERVER, tmp)
        try:
            case = create_case(url)
            approver_returns(url, tmp, case)
            clerk_resubmits(url, tmp, case)
            approver_approves(url, tmp, case)
            other_department_sees_nothing(url, tmp, case)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return summary("e2e review")


if __name__ == "__main__":
    sys.exit(main())
