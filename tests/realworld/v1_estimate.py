#!/usr/bin/env python3
"""How the real-world records would classify against the previous model (schema v1).

The "before" figure for tests/realworld/README.md. It reads what convert.py made (placement.json
and converted/) and the v1 schemas from git (commit c360c1e, the last one with v1), and asks of
every record:

- **does not fit** when v1 requires a value the converted record lacks (a partnership's
  `agreement_type`, its partner's `name` and `level`; a project's `title` and `status`), or when
  v1 has no place at all (a feedback scheme; a project fact with no place, as v1 projects had no
  `notes`);
- **prose** when a fact's v2 place does not exist in v1 (or holds a code v1 does not know), so
  that the fact could only go in the partnership's `notes`;
- **fits** otherwise.

A fact's v2 place counts in v1 when the same path exists in the v1 schema and the value there is
one v1 accepts (its code lists, its countries). Where v1 had the same thing under another shape
the place is translated: a former name went in `former_names`, a programme was a bare code, the
funder a bare `funder_type`, the grant one amount. The words (`as_written`), alternatives,
decisions, networks and stated counts had no place in v1. An estimate, not a conversion: v1 would
have needed a person to choose a code where the source's words give none.

Usage: python3 tests/realworld/v1_estimate.py   (standard library and git only)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
from convert import slug  # noqa: E402  (the ids convert.py gives records)
V1 = "c360c1e"
FITS, PROSE, MISFIT = "fits", "prose", "does not fit"
REQUIRED, NO_PLACE = "does not fit: a required value the source lacks", "does not fit: no place"
AREAS = ("partnerships", "projects", "feedback")


def v1_schema() -> Dict[str, Any]:
    text = subprocess.run(["git", "-C", str(ROOT), "show", f"{V1}:schemas/dataset.schema.json"],
                          capture_output=True, text=True, check=True).stdout
    schema: Dict[str, Any] = json.loads(text)
    return schema


def deref(root: Dict[str, Any], node: Dict[str, Any]) -> Dict[str, Any]:
    for _ in range(20):
        if "$ref" in node:
            node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
        elif "anyOf" in node:
            node = next(b for b in node["anyOf"] if b.get("type") != "null")
        else:
            break
    return node


def node_at(root: Dict[str, Any], pointer: str) -> Optional[Dict[str, Any]]:
    node = deref(root, root)
    for seg in pointer.split("/")[1:]:
        if seg.isdigit() and "items" in node:
            node = deref(root, node["items"])
        elif seg in node.get("properties", {}):
            node = deref(root, node["properties"][seg])
        else:
            return None
    return node


def accepts(root: Dict[str, Any], node: Dict[str, Any], value: Any) -> bool:
    """Whether v1's node takes the value: codes in its lists, objects field by field."""
    node = deref(root, node)
    if "enum" in node:
        return value in node["enum"]
    if isinstance(value, dict):
        props = node.get("properties")
        if props is None:
            return False
        return all(k in props and accepts(root, props[k], v) for k, v in value.items())
    if isinstance(value, list):
        items = node.get("items")
        return items is not None and all(accepts(root, items, v) for v in value)
    return True


def resolve(doc: Any, pointer: str) -> Tuple[bool, Any]:
    node = doc
    for seg in pointer.split("/")[1:]:
        if isinstance(node, dict) and seg in node:
            node = node[seg]
        elif isinstance(node, list) and seg.isdigit() and int(seg) < len(node):
            node = node[int(seg)]
        else:
            return False, None
    return True, node


def translate(pointer: str, value: Any) -> Tuple[str, Any]:
    """A v2 place as v1 had it, where v1 had the same thing in another shape."""
    parts = pointer.split("/")
    if len(parts) > 3 and parts[1] in ("partnerships", "projects"):
        base, rest = "/".join(parts[:3]), "/" + "/".join(parts[3:])
        if rest.startswith("/partner/names/") and isinstance(value, dict) \
                and value.get("kind") == "former":
            return base + "/partner/former_names/0", value["name"]
        if rest in ("/programme", "/programme/code") and isinstance(value, dict):
            return base + "/programme", value.get("code")
        if rest.startswith("/funders/") and isinstance(value, dict):
            return base + "/funder_type", value.get("type")
        if rest.startswith("/budget/grants/") and isinstance(value, dict) and "amount" in value:
            amount = value["amount"]
            return base + "/grant", {k: amount[k] for k in ("amount", "currency")}
    return pointer, value


def fact_fits_v1(root: Dict[str, Any], doc: Any, pointers: List[str]) -> bool:
    for pointer in pointers:
        if pointer.endswith("/notes") or "/as_written/" in pointer:
            continue
        found, value = resolve(doc, pointer)
        if not found:
            continue
        v1_pointer, v1_value = translate(pointer, value)
        node = node_at(root, v1_pointer)
        if node is not None and accepts(root, node, v1_value):
            return True
    return False


def classify(root: Dict[str, Any], area: str, doc: Any, key: str, record: Dict[str, Any],
             required: bool = True) -> str:
    if area == "feedback":
        return NO_PLACE
    facts = record["facts"]
    rec = next(r for r in doc[area] if r["id"] == slug(key))
    if not required:
        rec = {"agreement_type": 1, "partner": {"name": 1, "level": 1}, "title": 1, "status": 1}
    if area == "partnerships":
        partner = rec.get("partner", {})
        if "agreement_type" not in rec or "name" not in partner or "level" not in partner:
            return REQUIRED
    else:
        if "title" not in rec or "status" not in rec:
            return REQUIRED
    if all(fact_fits_v1(root, doc, f["at"]) for f in facts):
        return FITS
    return PROSE if area == "partnerships" else NO_PLACE


def main() -> int:
    root = v1_schema()
    placement = json.loads((HERE / "placement.json").read_text(encoding="utf-8"))
    docs: Dict[str, Any] = {}
    totals: Dict[str, Dict[str, int]] = {a: {FITS: 0, PROSE: 0, MISFIT: 0} for a in AREAS}
    reasons: Dict[str, Dict[str, int]] = {a: {REQUIRED: 0, NO_PLACE: 0} for a in AREAS}
    facts_only: Dict[str, Dict[str, int]] = {a: {FITS: 0, PROSE: 0, MISFIT: 0} for a in AREAS}
    for name, records in placement.items():
        area = name.split("/")[0]
        for key, record in records.items():
            path = record["output"]
            if path not in docs:
                docs[path] = json.loads((HERE / path).read_text(encoding="utf-8"))
            loose = classify(root, area, docs[path], key, record, required=False)
            facts_only[area][MISFIT if loose == NO_PLACE else loose] += 1
            cls = classify(root, area, docs[path], key, record)
            if cls in (REQUIRED, NO_PLACE):
                reasons[area][cls] += 1
                cls = MISFIT
            totals[area][cls] += 1
    grand = {FITS: 0, PROSE: 0, MISFIT: 0}
    print(f"Against the v1 schemas (commit {V1}):")
    for area in AREAS:
        t = totals[area]
        for k in grand:
            grand[k] += t[k]
        print(line(area, t))
    print(line("total", grand))
    for area in AREAS:
        r = reasons[area]
        print(f"  {area}: {r[REQUIRED]} lack a value v1 requires, {r[NO_PLACE]} have a fact v1 "
              "has no place for")
    print("Had v1 not required those values (its places for the facts only):")
    for area in AREAS:
        print(line(area, facts_only[area]))
    return 0


def line(label: str, t: Dict[str, int]) -> str:
    n = sum(t.values()) or 1
    return (f"  {label:<13} {sum(t.values()):>4} records: {t[FITS]:>4} fit ({100 * t[FITS] / n:5.1f} %),"
            f" {t[PROSE]:>3} prose ({100 * t[PROSE] / n:4.1f} %), {t[MISFIT]:>3} do not fit "
            f"({100 * t[MISFIT] / n:4.1f} %)")


if __name__ == "__main__":
    sys.exit(main())
