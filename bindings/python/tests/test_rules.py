"""The rule catalogue (src/rules.rs): every code, with severity, schema check and messages."""

from __future__ import annotations

import re

import kommun_intl
from conftest import ROOT


def test_the_catalogue_is_the_readme_table() -> None:
    """The README's rule table is generated from the same catalogue by the Rust tests."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- rules:start -->")[1].split("<!-- rules:end -->")[0]
    codes = re.findall(r"^\| `([a-z0-9_.]+)` \|", table, flags=re.M)
    assert codes == [r.code for r in kommun_intl.rules()]


def test_rules_have_both_messages_with_their_params() -> None:
    for r in kommun_intl.rules():
        assert r.severity in ("error", "warning")
        assert r.check in ("text", "structure", "sheet", "keyword", "rule")
        assert (r.keyword is not None) == (r.check == "keyword")
        for lang in ("sv", "en"):
            placeholders = set(re.findall(r"\{(\w+)\}", r.template(lang)))
            assert placeholders <= set(r.params), (r.code, lang)
        assert r.template("sv") != r.template("en") or r.code.startswith("json.")


def test_lookup_and_identity() -> None:
    r = kommun_intl.rule("partnership.end_before_start")
    assert r is not None and set(r.params) == {"end", "start"}
    assert kommun_intl.rule("no.such_rule") is None
    assert r == kommun_intl.rule("partnership.end_before_start")
    assert len({hash(x) for x in kommun_intl.rules()}) == len(kommun_intl.rules())
    assert repr(r) == "Rule(code='partnership.end_before_start', severity='error')"


def test_x_rules_in_the_schemas_are_the_rule_checks() -> None:
    listed: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            listed.update(node.get("x-rules", []))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(kommun_intl.schemas())
    assert listed == {r.code for r in kommun_intl.rules() if r.check == "rule"}
