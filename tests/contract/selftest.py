#!/usr/bin/env python3
"""Self-test of the contract checker against the real api/openapi.yaml.

1. Lints the spec: it loads as YAML, holds only JSON values, every $ref resolves, every schema
   is a valid JSON Schema 2020-12, operationIds are unique, every operation has a summary and
   responses, and every path {parameter} is declared.
2. Runs check_contract.py on a two-line traffic file (one valid Case, one with an undocumented
   field) and asserts it reports exactly one failure, naming that field.
3. Runs it on an empty traffic file and asserts it fails.

Usage: selftest.py [SPEC.yaml]   (default: api/openapi.yaml of this repository)
"""

import copy
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml
from jsonschema import Draft202012Validator

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CHECKER = os.path.join(HERE, "check_contract.py")
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
import check_contract  # noqa: E402

METHODS = check_contract.HTTP_METHODS


def lint(spec):
    problems = list(check_contract.check_all_refs(spec))

    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                if not isinstance(key, str):
                    problems.append(f"{where}: key {key!r} is not a string (quote it)")
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")
        elif isinstance(node, (datetime.date, datetime.datetime)):
            problems.append(f"{where}: YAML read {node!r} as a date (quote it)")

    walk(spec, "#")

    def string_enums(node, where):
        if isinstance(node, dict):
            if isinstance(node.get("enum"), list) and "string" in (
                    node.get("type") if isinstance(node.get("type"), list) else [node.get("type")]):
                for value in node["enum"]:
                    if value is not None and not isinstance(value, str):
                        problems.append(f"{where}: enum value {value!r} is not a string")
            for key, value in node.items():
                string_enums(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                string_enums(value, f"{where}/{index}")

    string_enums(spec, "#")

    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        try:
            Draft202012Validator.check_schema(schema)
        except Exception as error:  # jsonschema.SchemaError
            problems.append(f"schema {name}: {error.message}")

    seen_ids = {}
    for template, item in spec["paths"].items():
        declared_here = {check_contract.deref(spec, p, "")[0].get("name")
                         for p in item.get("parameters", [])
                         if check_contract.deref(spec, p, "")[0].get("in") == "path"}
        for method in METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            where = f"{method.upper()} {template}"
            operation_id = operation.get("operationId")
            if not operation_id:
                problems.append(f"{where}: no operationId")
            elif operation_id in seen_ids:
                problems.append(f"{where}: operationId {operation_id} also on {seen_ids[operation_id]}")
            else:
                seen_ids[operation_id] = where
            if not operation.get("summary"):
                problems.append(f"{where}: no summary")
            if not operation.get("responses"):
                problems.append(f"{where}: no responses")
            declared = declared_here | {
                check_contract.deref(spec, p, "")[0].get("name")
                for p in operation.get("parameters", [])
                if check_contract.deref(spec, p, "")[0].get("in") == "path"}
            for name in re.findall(r"\{([^}]+)\}", template):
                if name not in declared:
                    problems.append(f"{where}: path parameter {name} is not declared")
    return problems


VALID_CASE = {
    "id": "3f2a6c1e-8b4d-4e7a-9c1f-2d5b8e0a7c13",
    "number": "SZ-20261128-00001",
    "status": "accepted_with_deficiency",
    "matters": [{"code": "M-0101", "name": "食品经营许可", "department": "SCJG", "version": 3}],
    "bundle": None,
    "applicant": {"kind": "person", "name": "张三", "idNumber": "110105********002X",
                  "phone": "13800000000"},
    "center": "SZ",
    "clerk": "clerk1",
    "channel": "counter",
    "greenChannel": False,
    "form": {"shopName": "张三小吃"},
    "acceptedAt": "2026-11-28T09:15:00+08:00",
    "promisedDueDate": "2026-12-04",
    "legalDueDate": "2026-12-25",
    "materials": [
        {"code": "MAT-1", "name": "营业执照", "core": True, "required": True, "provided": "e_license"},
        {"code": "MAT-2", "name": "场地证明", "core": False, "required": True, "provided": "deficient"},
    ],
    "clockPauses": [{"start": "2026-11-28", "end": None, "workingDays": None,
                     "reason": "deficient material outstanding: 场地证明"}],
    "terminatedAt": None,
    "deficiencies": [
        {"id": "d1", "material": "MAT-2", "materialName": "场地证明", "dueDate": "2026-12-03",
         "status": "outstanding", "suppliedAt": None, "provided": None, "suppliedBy": None,
         "attachmentId": None, "overdueAt": None, "terminatesAfter": "2026-12-08", "waivedAt": None,
         "waivedBy": None, "waiveReason": None,
         "reminders": [{"kind": "due_soon", "status": "sent", "createdAt": "2026-12-01T09:00:00+08:00",
                        "sentAt": "2026-12-01T09:00:01+08:00"}]},
    ],
    "overdue": False,
    "internalDueDate": None,
    "refusal": None,
    "version": 1,
    "updatedAt": "2026-11-28T09:15:00+08:00",
}


def run_checker(spec_path, lines):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
        traffic = f.name
    try:
        result = subprocess.run([sys.executable, CHECKER, spec_path, traffic],
                                capture_output=True, text=True, check=False)
    finally:
        os.unlink(traffic)
    return result


def main(argv):
    spec_path = argv[1] if len(argv) > 1 else os.path.join(REPO, "api", "openapi.yaml")
    with open(spec_path, encoding="utf-8") as spec_file:
        spec = yaml.safe_load(spec_file)

    problems = lint(spec)
    for problem in problems:
        print(f"lint: {problem}")
    assert not problems, f"{len(problems)} lint problems in {spec_path}"
    print(f"lint: {spec_path} is clean")

    invalid_case = copy.deepcopy(VALID_CASE)
    invalid_case["internalNote"] = "undocumented"
    headers = {"ETag": '"case-1"'}
    path = "/api/v1/cases/" + VALID_CASE["id"]
    traffic = [
        {"method": "GET", "path": path, "status": 200, "contentType": "application/json",
         "headers": headers, "body": VALID_CASE},
        {"method": "GET", "path": path + "?x=1", "status": 200,
         "contentType": "application/json; charset=utf-8", "headers": headers,
         "body": invalid_case},
    ]
    # A file's content: only its media type is checked, its bytes are not JSON.
    content = "/api/v1/cases/" + VALID_CASE["id"] + "/attachments/a1/content"
    traffic.append({"method": "GET", "path": content, "status": 200, "contentType": "application/pdf",
                    "headers": {"ETag": '"' + "0" * 64 + '"'}, "body": None})
    result = run_checker(spec_path, traffic)
    print(result.stdout, end="")
    print(result.stderr, end="", file=sys.stderr)
    fail_lines = [line for line in result.stdout.splitlines() if line.startswith("FAIL ")]
    assert result.returncode == 1, f"exit status {result.returncode}, expected 1"
    assert result.stdout.splitlines()[-1] == "contract: 2 passed, 1 failed", "wrong summary"
    assert len(fail_lines) == 1, f"{len(fail_lines)} failure lines, expected 1"
    assert "internalNote" in fail_lines[0], "the failure does not name the undocumented field"

    empty = run_checker(spec_path, [])
    assert empty.returncode == 1, f"empty traffic: exit status {empty.returncode}, expected 1"
    assert "no traffic lines" in empty.stdout, "empty traffic: no explanation printed"

    print("selftest: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
