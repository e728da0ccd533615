#!/usr/bin/env python3
"""Check recorded API traffic against the OpenAPI contract.

Usage: check_contract.py SPEC.yaml TRAFFIC.jsonl

Each line of TRAFFIC.jsonl is one real response recorded by the server tests:

    {"method": "GET", "path": "/api/v1/cases/3f2a...?status=x", "status": 200,
     "contentType": "application/json", "headers": {"ETag": "..."}, "body": <JSON or null>}

For every line the path (without the server prefix and the query) is matched against the
spec's path templates, then the operation by method and the response by status (exact, then
`4XX`-style ranges, then `default`). The content type, the body (JSON Schema 2020-12, with date
and date-time formats checked; for a non-JSON media type such as application/pdf only the type)
and the required response headers are checked. Undocumented
paths, methods and statuses are failures; the exceptions are a 405 problem for a method a
documented path does not list, checked against components/responses/MethodNotAllowed, and a 404
problem for an unknown path, checked against components/responses/NotFound, and a 403 problem
for an operation behind a session that does not list 403, checked against
components/responses/PasswordChangeRequired.

Prints one line per failing response, how many responses each operation had, the documented
operations no traffic exercised, and last `contract: N passed, M failed`. Exit status: 0 if all
passed, 1 if any failed or the traffic file is empty, 2 if the spec or the files are unusable.

Needs only Debian 12's python3-yaml and python3-jsonschema (4.10); newer jsonschema works too.
"""

import collections
import datetime
import json
import re
import sys
import urllib.parse

import jsonschema
import yaml
from jsonschema import Draft202012Validator

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
PROBLEM_MEDIA_TYPE = "application/problem+json"
MAX_MESSAGES_PER_RESPONSE = 10
MAX_MESSAGE_LENGTH = 300


class SpecError(Exception):
    """The spec cannot be used (an unresolvable $ref, a malformed structure)."""


# ------------------------------------------------------------------ JSON pointers and $refs

def escape_token(token):
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer_to_fragment(pointer):
    """A JSON pointer ("/paths/~1cases/get") as a URI fragment ("#/paths/~1cases/get")."""
    return "#" + urllib.parse.quote(pointer, safe="/~")


def resolve_pointer(document, ref):
    """The node a local reference ("#/components/schemas/Case") points at."""
    if not isinstance(ref, str) or not ref.startswith("#"):
        raise SpecError(f"only local $refs are supported: {ref!r}")
    pointer = urllib.parse.unquote(ref[1:])
    node = document
    if pointer == "":
        return node
    if not pointer.startswith("/"):
        raise SpecError(f"$ref is not a JSON pointer: {ref!r}")
    for raw in pointer[1:].split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise SpecError(f"$ref does not resolve: {ref!r}")
    return node


def deref(spec, node, pointer):
    """Follow OpenAPI-level $refs (responses, parameters, headers); returns (node, pointer)."""
    seen = set()
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if ref in seen:
            raise SpecError(f"$ref cycle at {ref!r}")
        seen.add(ref)
        node = resolve_pointer(spec, ref)
        pointer = urllib.parse.unquote(ref[1:])
    return node, pointer


def check_all_refs(spec):
    """Every $ref in the spec is local and resolves; returns the list of problems."""
    problems = []

    def walk(node, where):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                try:
                    resolve_pointer(spec, ref)
                except SpecError as error:
                    problems.append(f"{where}: {error}")
            for key, value in node.items():
                walk(value, f"{where}/{escape_token(key)}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    walk(spec, "#")
    return problems


# ------------------------------------------------------------------ formats

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_TIME_RE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})")


def build_format_checker():
    """The validator's own format checker, with date and date-time made strict (RFC 3339).

    Python 3.11's date.fromisoformat also takes "20261128" and "2026-W48-6", and Debian's
    jsonschema 4.10 has no date-time check at all without rfc3339-validator, so both are
    checked here by pattern and by parsing, and additionally by the library where it can.
    """
    base = getattr(Draft202012Validator, "FORMAT_CHECKER", None)
    if base is None:
        base = jsonschema.draft202012_format_checker
    checker = jsonschema.FormatChecker(formats=())
    checker.checkers = dict(base.checkers)
    library = dict(base.checkers)

    def also_library(name, instance):
        if name in library:
            func, raises = library[name]
            try:
                if not func(instance):
                    raise ValueError(f"not a valid {name}")
            except raises as error:
                raise ValueError(str(error) or f"not a valid {name}") from error

    def strict_date(instance):
        if not isinstance(instance, str):
            return True
        if not _DATE_RE.fullmatch(instance):
            raise ValueError("not YYYY-MM-DD")
        datetime.date.fromisoformat(instance)
        also_library("date", instance)
        return True

    def strict_date_time(instance):
        if not isinstance(instance, str):
            return True
        if not _DATE_TIME_RE.fullmatch(instance):
            raise ValueError("not an RFC 3339 date-time with an offset")
        text = instance[:-1] + "+00:00" if instance[-1] in "Zz" else instance
        datetime.datetime.fromisoformat(text[:10] + "T" + text[11:])
        also_library("date-time", instance)
        return True

    checker.checks("date", raises=ValueError)(strict_date)
    checker.checks("date-time", raises=ValueError)(strict_date_time)
    return checker


# ------------------------------------------------------------------ the contract

def is_json_media_type(media_type):
    """application/json, application/problem+json and the like; not files such as application/pdf."""
    return media_type == "application/json" or media_type.endswith("+json")


class Contract:
    def __init__(self, spec):
        if not isinstance(spec, dict) or not isinstance(spec.get("paths"), dict):
            raise SpecError("the spec has no paths")
        problems = check_all_refs(spec)
        if problems:
            raise SpecError("unresolvable $refs:\n  " + "\n  ".join(problems))
        self.spec = spec
        self.prefix = self._server_prefix(spec)
        self.format_checker = build_format_checker()
        self._validators = {}
        self.templates = []
        for template, item in spec["paths"].items():
            if not template.startswith("/"):
                raise SpecError(f"path {template!r} does not start with /")
            segments = template.split("/")[1:]
            kinds = [re.fullmatch(r"\{[^{}/]+\}", segment) is not None for segment in segments]
            self.templates.append((template, segments, kinds))

    @staticmethod
    def _server_prefix(spec):
        servers = spec.get("servers") or [{"url": "/"}]
        url = servers[0].get("url", "/")
        return urllib.parse.urlsplit(url).path.rstrip("/")

    def operations(self):
        """Every documented (method, template, operationId)."""
        for template, item in self.spec["paths"].items():
            item, _ = deref(self.spec, item, "/paths/" + escape_token(template))
            for method in HTTP_METHODS:
                if isinstance(item.get(method), dict):
                    yield method.upper(), template, item[method].get("operationId")

    def match_path(self, path):
        """The best matching path template: literal segments beat {templates}, left first."""
        segments = path.split("/")[1:]
        best = None
        for template, tsegments, kinds in self.templates:
            if len(tsegments) != len(segments):
                continue
            rank = []
            for segment, tsegment, is_param in zip(segments, tsegments, kinds):
                if is_param:
                    if segment == "":
                        break
                    rank.append(1)
                elif urllib.parse.unquote(segment) == tsegment:
                    rank.append(0)
                else:
                    break
            else:
                if best is None or rank < best[0]:
                    best = (rank, template)
        return None if best is None else best[1]

    def validator(self, schema_pointer):
        """A validator whose root is the whole spec, so every #/components/... $ref resolves."""
        validator = self._validators.get(schema_pointer)
        if validator is None:
            root = dict(self.spec)
            root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
            root["$ref"] = pointer_to_fragment(schema_pointer)
            validator = Draft202012Validator(root, format_checker=self.format_checker)
            self._validators[schema_pointer] = validator
        return validator

    # -------------------------------------------------------------- one traffic record

    def check(self, record):
        """Returns (operation key or None, list of failure messages)."""
        method = str(record.get("method", "")).upper()
        raw_path = record.get("path")
        status = record.get("status")
        if not method or not isinstance(raw_path, str) or not isinstance(status, int):
            return None, ["record lacks method, path or an integer status"]

        path = urllib.parse.urlsplit(raw_path).path
        if self.prefix:
            if path != self.prefix and not path.startswith(self.prefix + "/"):
                return None, [f"path is outside the server prefix {self.prefix}"]
            path = path[len(self.prefix):] or "/"

        template = self.match_path(path)
        if template is None:
            # An unknown route is answered 404 not_found, as documented in components/responses.
            responses = self.spec.get("components", {}).get("responses", {})
            if status == 404 and "NotFound" in responses:
                key = ("(other)", "(unknown route)", "404 for an undocumented path")
                response, pointer = deref(self.spec, responses["NotFound"], "/components/responses/NotFound")
                return key, self._check_response(record, status, response, pointer)
            return None, [f"undocumented path {path}"]
        item_pointer = "/paths/" + escape_token(template)
        item, item_pointer = deref(self.spec, self.spec["paths"][template], item_pointer)

        operation = item.get(method.lower()) if method.lower() in HTTP_METHODS else None
        if not isinstance(operation, dict):
            documented = [m.upper() for m in HTTP_METHODS if isinstance(item.get(m), dict)]
            responses = self.spec.get("components", {}).get("responses", {})
            if status == 405 and "MethodNotAllowed" in responses:
                key = ("(other)", template, "405 for an undocumented method")
                response, pointer = deref(self.spec, responses["MethodNotAllowed"],
                                          "/components/responses/MethodNotAllowed")
                return key, self._check_response(record, status, response, pointer)
            return None, [f"undocumented method {method} for {template} "
                          f"(documented: {', '.join(documented) or 'none'})"]

        key = (method, template, operation.get("operationId"))
        op_pointer = f"{item_pointer}/{method.lower()}"
        responses = operation.get("responses") or {}
        responses = {str(code): value for code, value in responses.items()}
        for candidate in (str(status), f"{str(status)[0]}XX", "default"):
            if candidate in responses:
                response, pointer = deref(self.spec, responses[candidate],
                                          f"{op_pointer}/responses/{escape_token(candidate)}")
                return key, self._check_response(record, status, response, pointer)
        # Any operation behind a session answers 403 password_change_required to a user who must
        # change their password first, as documented once in components/responses.
        component = self.spec.get("components", {}).get("responses", {}).get("PasswordChangeRequired")
        if status == 403 and component is not None and operation.get("security", [None]) != []:
            response, pointer = deref(self.spec, component, "/components/responses/PasswordChangeRequired")
            return key, self._check_response(record, status, response, pointer)
        return key, [f"undocumented status {status} for {method} {template} "
                     f"(documented: {', '.join(sorted(responses))})"]

    def _check_response(self, record, status, response, pointer):
        failures = []
        content = response.get("content") or {}
        body = record.get("body")
        media_type = str(record.get("contentType") or "").split(";")[0].strip().lower()

        if not content:
            if body is not None:
                failures.append(f"a {status} response is documented without a body, but one was sent")
        else:
            documented = {str(name).lower(): name for name in content}
            if status >= 400 and media_type != PROBLEM_MEDIA_TYPE:
                failures.append(f"content type {media_type or '(none)'}: problem responses must "
                                f"be {PROBLEM_MEDIA_TYPE}")
            elif media_type not in documented:
                failures.append(f"content type {media_type or '(none)'} is not documented "
                                f"(documented: {', '.join(sorted(documented))})")
            else:
                name = documented[media_type]
                media = content[name]
                if not is_json_media_type(media_type):
                    pass  # a file (e.g. application/pdf): its bytes are not JSON, only the type is checked
                elif body is None:
                    failures.append("the response has no JSON body")
                elif "schema" in media:
                    schema_pointer = f"{pointer}/content/{escape_token(name)}/schema"
                    failures.extend(self._validate(body, schema_pointer))

        failures.extend(self._check_headers(record, response, pointer))
        return failures

    def _check_headers(self, record, response, pointer):
        failures = []
        received = {str(name).lower(): value
                    for name, value in (record.get("headers") or {}).items()}
        for name, header in (response.get("headers") or {}).items():
            if str(name).lower() == "content-type":
                continue  # OpenAPI ignores a declared Content-Type header
            header, header_pointer = deref(self.spec, header,
                                           f"{pointer}/headers/{escape_token(name)}")
            value = received.get(str(name).lower())
            if value is None:
                if header.get("required"):
                    failures.append(f"required header {name} is missing")
                continue
            if "schema" in header:
                for message in self._validate(value, f"{header_pointer}/schema"):
                    failures.append(f"header {name}: {message}")
        return failures

    def _validate(self, instance, schema_pointer):
        validator = self.validator(schema_pointer)
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        messages = []
        for error in errors:
            messages.extend(describe(error))
        return messages


# ------------------------------------------------------------------ readable messages

def _is_discriminating(error):
    """A failure on a branch's `const`/`type` of a direct property: the wrong branch, not a bug."""
    return error.validator in ("const", "type", "enum") and len(error.relative_path) <= 1


def leaf_errors(error):
    """For oneOf/anyOf, the errors of the branch the instance was evidently meant for."""
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        return [error]
    branches = collections.defaultdict(list)
    for sub in error.context:
        branches[sub.relative_schema_path[0]].append(sub)
    scored = sorted(
        ((any(_is_discriminating(e) for e in errs), len(errs)), index)
        for index, errs in branches.items())
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return [error]  # no branch stands out; report the oneOf/anyOf itself
    result = []
    for sub in branches[scored[0][1]]:
        result.extend(leaf_errors(sub))
    return result


def describe(error):
    messages = []
    for leaf in leaf_errors(error):
        where = leaf.json_path if hasattr(leaf, "json_path") else \
            "$" + "".join(f"[{p!r}]" for p in leaf.absolute_path)
        message = leaf.message
        if len(message) > MAX_MESSAGE_LENGTH:
            message = message[:MAX_MESSAGE_LENGTH] + "..."
        messages.append(f"{where}: {message}")
    return messages


# ------------------------------------------------------------------ main

def read_traffic(path):
    """Yields (line number, record or None, problem) for every non-blank line."""
    with open(path, encoding="utf-8") as traffic:
        for number, line in enumerate(traffic, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield number, None, f"unreadable traffic line: {error}"
                continue
            if not isinstance(record, dict):
                yield number, None, "traffic line is not a JSON object"
                continue
            yield number, record, None


def main(argv):
    if len(argv) != 3:
        print("usage: check_contract.py SPEC.yaml TRAFFIC.jsonl", file=sys.stderr)
        return 2
    spec_path, traffic_path = argv[1], argv[2]
    try:
        with open(spec_path, encoding="utf-8") as spec_file:
            contract = Contract(yaml.safe_load(spec_file))
    except (OSError, yaml.YAMLError, SpecError) as error:
        print(f"contract: cannot use the spec {spec_path}: {error}", file=sys.stderr)
        return 2

    passed = failed = 0
    checked = collections.defaultdict(collections.Counter)
    try:
        records = list(read_traffic(traffic_path))
    except OSError as error:
        print(f"contract: cannot read the traffic {traffic_path}: {error}", file=sys.stderr)
        return 2

    for number, record, problem in records:
        if record is None:
            failures, key = [problem], None
            label = f"line {number}"
        else:
            try:
                key, failures = contract.check(record)
            except SpecError as error:
                key, failures = None, [f"spec error: {error}"]
            label = (f"{str(record.get('method', '?')).upper()} {record.get('path', '?')} "
                     f"{record.get('status', '?')} (line {number})")
        if key is not None:
            checked[key][record.get("status")] += 1
        if failures:
            failed += 1
            shown = failures[:MAX_MESSAGES_PER_RESPONSE]
            if len(failures) > len(shown):
                shown.append(f"... and {len(failures) - len(shown)} more")
            print(f"FAIL {label}: " + "; ".join(shown))
        else:
            passed += 1

    if not records:
        print(f"contract: {traffic_path} has no traffic lines; the server tests recorded no "
              f"responses, so nothing was checked")
        print("contract: 0 passed, 0 failed")
        return 1

    documented = list(contract.operations())
    print("responses checked per operation:")
    for method, template, operation_id in documented:
        counts = checked.get((method, template, operation_id))
        if counts:
            statuses = ", ".join(f"{s}: {n}" for s, n in sorted(counts.items()))
            print(f"  {operation_id or '-':24} {method:6} {template}  "
                  f"{sum(counts.values())} ({statuses})")
    for key, counts in sorted(checked.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if key[0] == "(other)":
            print(f"  {'-':24} {'other':6} {key[1]}  {sum(counts.values())} ({key[2]})")

    unexercised = [(m, t, o) for m, t, o in documented if (m, t, o) not in checked]
    if unexercised:
        print(f"not exercised by any traffic ({len(unexercised)}, informational):")
        for method, template, operation_id in unexercised:
            print(f"  {operation_id or '-':24} {method:6} {template}")

    print(f"contract: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
