#!/usr/bin/env python3
"""Writes every operation of api/openapi.yaml as a C++ initializer line {"METHOD", "/api/v1/path"}:
the route table fuzz_router matches against, without a database to build the real one."""
import sys

import yaml

METHODS = ("get", "put", "post", "delete", "patch")

spec = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
base = spec["servers"][0]["url"].rstrip("/")
lines = []
for path, item in spec["paths"].items():
    for method in METHODS:
        if method in item:
            lines.append('{"%s", "%s%s"},' % (method.upper(), base, path))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("// Generated from api/openapi.yaml by fuzz/routes_from_openapi.py.\n")
    out.write("\n".join(lines) + "\n")
