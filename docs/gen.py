#!/usr/bin/env python3
"""Writes the documentation site's sources (`make docs`): the hand-written pages of
docs/pages/ and the pages generated from the project itself, into one directory that
`mkdocs build --strict` reads (docs/mkdocs.yml). Nothing generated is committed, so nothing
can drift: every build makes the pages anew from

- the rule catalogue (`kommun-intl rules --format json`): one page per rule in English and
  Swedish, with the invalid and valid fixtures of tests/corpus/ that `kommun-intl explain`
  shows, and what `kommun-intl validate` says about the invalid one in each language;
- the schemas (schemas/*.schema.json): the data model, every field with its description and
  every code list with both labels; the schemas themselves are copied to the path their `$id`
  names (schemas/v2/<kind>.schema.json, and Lidköping's profile schemas under
  schemas/v2/profiles/<id>/);
- `kommun-intl --help` and each subcommand's `--help`: the CLI reference;
- the stubs' docstrings (bindings/python/python/kommun_intl/_native.pyi): the Python API.

Usage: docs/gen.py --cli target/debug/kommun-intl --out build/docs/src
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "docs" / "pages"
SCHEMAS = ROOT / "schemas"
STUBS = ROOT / "bindings" / "python" / "python" / "kommun_intl" / "_native.pyi"
SITE_URI = "https://kommun-intl.github.io/kommun-intl/"

SCHEMA_SENTENCE = {
    "JSON text": (
        "nothing: the rule is about the JSON text itself (encoding, syntax, size, duplicate "
        "keys), below what a schema validator sees",
        "inget: regeln gäller själva JSON-texten (teckenkodning, syntax, storlek, dubbla "
        "nycklar), under det en schemavalidator ser",
    ),
    "structure": (
        "the document's structure (`type`, `required`, `additionalProperties`, `enum`)",
        "dokumentets struktur (`type`, `required`, `additionalProperties`, `enum`)",
    ),
    "x-rules": (
        "listed in `x-rules` on the node it concerns (JSON Schema cannot express it)",
        "nämnd i `x-rules` på den nod den gäller (JSON Schema kan inte uttrycka den)",
    ),
}


def run(cli: Path, *args: str, check: bool = True) -> str:
    done = subprocess.run(
        [str(cli), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"NO_COLOR": "1", "COLUMNS": "100", "PATH": "/usr/bin:/bin"},
    )
    if check and done.returncode != 0:
        raise SystemExit(f"{cli} {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def cell(text: str) -> str:
    """Text for a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def write(out: Path, rel: str, text: str) -> None:
    path = out / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Rules


def rule_page(cli: Path, rule: dict[str, Any]) -> str:
    code = rule["code"]
    schema = rule["schema"]
    en_where, sv_where = SCHEMA_SENTENCE.get(
        schema, (f"the `{schema}` keyword", f"nyckelordet `{schema}`")
    )
    params = ", ".join(f"`{{{p}}}`" for p in rule["params"])
    severity_sv = {"error": "fel", "warning": "varning"}[rule["severity"]]
    lines = [
        f"# `{code}`",
        "",
        f"**{rule['severity']}** · schema: `{schema}`",
        "",
        "## English",
        "",
        f"> {rule['en']}",
        "",
        f"Severity: {rule['severity']}. In the JSON Schema: {en_where}.",
        f"Message parameters: {params or 'none'}.",
        "",
        "## Svenska",
        "",
        f"> {rule['sv']}",
        "",
        f"Allvarlighet: {severity_sv}. I JSON-schemat: {sv_where}.",
        f"Parametrar i meddelandet: {params or 'inga'}.",
        "",
    ]
    examples = rule.get("examples")
    if not examples:
        lines += [
            "## Examples / Exempel",
            "",
            "No fixture in `tests/corpus/` raises this code. / "
            "Inget dokument i `tests/corpus/` ger den här koden.",
            "",
        ]
        return "\n".join(lines)
    bad = examples["invalid"]
    lines += [f"## Invalid example / Ogiltigt exempel: `{bad['path']}`", ""]
    if bad.get("description"):
        lines += [f"*{bad['description']}*", ""]
    # A spreadsheet is read as a register, whatever --kind says: none is given.
    args = ["validate", "--format", "json"]
    if bad["kind"] != "sheet":
        args += ["--kind", bad["kind"]]
    if bad.get("profile"):
        args += ["--profile", bad["profile"]]
        lines += [f"Validated with `--profile {bad['profile']}`.", ""]
    if bad.get("reference_date"):
        args += ["--reference-date", bad["reference_date"]]
        lines += [f"Validated with `--reference-date {bad['reference_date']}`.", ""]
    # Fixtures of the JSON-text rules may not be UTF-8 (shown with U+FFFD for the bad bytes).
    # A spreadsheet fixture is a CSV file (shown as text) or a workbook (binary: not shown).
    if bad.get("workbook"):
        lines += ["A workbook (binary): `kommun-intl explain " + code + "` lists its cells. / "
                  "En arbetsbok (binär): `kommun-intl explain " + code + "` visar dess celler.", ""]
    else:
        text = (ROOT / bad["path"]).read_bytes().decode("utf-8", errors="replace")
        fence = "text" if bad["kind"] == "sheet" else "json"
        lines += [f"```{fence}", text.rstrip("\n"), "```", ""]
    for lang, heading in (("en", "`kommun-intl validate` says"), ("sv", "`kommun-intl validate` säger")):
        report = json.loads(run(cli, *args, "--lang", lang, bad["path"], check=False))
        codes = [i["code"] for f in report["files"] for i in f["issues"]]
        if code not in codes:
            raise SystemExit(f"{bad['path']} does not raise {code} (it raises {codes})")
        lines += [f"{heading} (`--lang {lang}`):", ""]
        for file in report["files"]:
            for issue in file["issues"]:
                mark = "**" if issue["code"] == code else ""
                if issue.get("cell"):
                    where = f"cell {issue['cell']['ref']}"
                elif issue.get("line") is None:
                    where = "the whole file" if lang == "en" else "hela filen"
                else:
                    where = f"line {issue['line']}" if lang == "en" else f"rad {issue['line']}"
                lines.append(
                    f"- {where}, `{issue['pointer'] or '/'}`: {mark}`{issue['code']}`{mark} "
                    f"{issue['message']}"
                )
        lines.append("")
    good = examples.get("valid")
    if good:
        text = (ROOT / good["path"]).read_text(encoding="utf-8-sig")
        lines += [
            f"## Valid example / Giltigt exempel: `{good['path']}`",
            "",
            "```text" if good["path"].endswith(".csv") else "```json",
            text.rstrip("\n"),
            "```",
            "",
        ]
    return "\n".join(lines)


def rules_pages(cli: Path, out: Path) -> list[dict[str, Any]]:
    rules = json.loads(run(cli, "rules", "--format", "json"))
    index = [
        "# Rules / Regler",
        "",
        f"Every issue code of `kommun-intl validate`, {len(rules)} in all, with its messages in "
        "English and Swedish. Each page shows an invalid document from `tests/corpus/` that "
        "raises it and a valid one (as `kommun-intl explain CODE` does).",
        "",
        "| code | severity | schema | message |",
        "| --- | --- | --- | --- |",
    ]
    for rule in rules:
        code = rule["code"]
        assert rule["url"] == f"{SITE_URI}rules/{code}/", rule["url"]
        write(out, f"rules/{code}.md", rule_page(cli, rule))
        index.append(
            f"| [`{code}`]({code}.md) | {rule['severity']} | `{rule['schema']}` | "
            f"{cell(rule['en'])} |"
        )
    write(out, "rules/index.md", "\n".join(index) + "\n")
    return rules


# ---------------------------------------------------------------------------------------------
# The data model


def anchor(name: str) -> str:
    return "def-" + re.sub(r"[^A-Za-z0-9_-]", "-", name)


def type_of(s: Any) -> str:
    if s is True:
        return "anything"
    if not isinstance(s, dict):
        return "nothing"
    if "$ref" in s:
        name = s["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{anchor(name)})" if s["$ref"].startswith("#/$defs/") else "this document"
    if "const" in s:
        return f"`{json.dumps(s['const'], ensure_ascii=False)}`"
    if "enum" in s:
        return "one of " + ", ".join(f"`{v}`" for v in s["enum"][:8]) + (
            ", ..." if len(s["enum"]) > 8 else ""
        )
    for key in ("anyOf", "oneOf"):
        if key in s:
            parts = [type_of(b) for b in s[key]]
            return " or ".join(dict.fromkeys(parts))
    t = s.get("type")
    if isinstance(t, list):
        return " or ".join(type_of({**s, "type": one}) for one in t)
    if t == "array":
        return "list of " + type_of(s.get("items", True))
    if t == "object" and isinstance(s.get("additionalProperties"), dict):
        return "map of " + type_of(s["additionalProperties"])
    return t or "see below"


def constraints(s: dict[str, Any]) -> list[str]:
    out = []
    for key, word in (
        ("minLength", "at least {} characters"),
        ("maxLength", "at most {} characters"),
        ("minimum", "at least {}"),
        ("maximum", "at most {}"),
        ("minItems", "at least {} items"),
        ("maxItems", "at most {} items"),
    ):
        if key in s:
            out.append(word.format(s[key]))
    if s.get("uniqueItems"):
        out.append("no duplicates")
    if "format" in s:
        out.append(f"format `{s['format']}`")
    if s.get("x-personal-data"):
        out.append("**personal data**")
    return out


def rule_links(s: dict[str, Any], prefix: str) -> str:
    return ", ".join(f"[`{r}`]({prefix}rules/{r}.md)" for r in s.get("x-rules", []))


def fields_table(s: dict[str, Any], prefix: str) -> list[str]:
    props = s.get("properties", {})
    if not props:
        return []
    required = set(s.get("required", []))
    lines = ["| field | type | required | description |", "| --- | --- | --- | --- |"]
    for name, prop in props.items():
        extra = constraints(prop) if isinstance(prop, dict) else []
        desc = prop.get("description", "") if isinstance(prop, dict) else ""
        if isinstance(prop, dict) and "default" in prop:
            extra.append(f"default `{json.dumps(prop['default'], ensure_ascii=False)}`")
        if isinstance(prop, dict) and prop.get("x-rules"):
            extra.append("checked by " + rule_links(prop, prefix))
        text = cell(desc) + ("" if not extra else " (" + "; ".join(extra) + ")")
        lines.append(
            f"| `{name}` | {cell(type_of(prop))} | {'yes' if name in required else ''} | {text} |"
        )
    return lines + [""]


def codes_table(s: dict[str, Any]) -> list[str]:
    labels = s.get("x-labels", {})
    lines = ["| code | English | Svenska |", "| --- | --- | --- |"]
    for code in s["enum"]:
        label = labels.get(code, {})
        lines.append(f"| `{code}` | {cell(label.get('en', ''))} | {cell(label.get('sv', ''))} |")
    aliases = s.get("x-aliases", {})
    if aliases:
        lines += [
            "",
            "Also understood (hints): "
            + ", ".join(f"`{a}` → `{c}`" for a, c in sorted(aliases.items())),
        ]
    return lines + [""]


def node_section(s: dict[str, Any], prefix: str) -> list[str]:
    lines: list[str] = []
    if s.get("description"):
        lines += [s["description"], ""]
    facts = constraints(s)
    if s.get("type") and not s.get("properties") and "enum" not in s:
        facts.insert(0, f"type: {type_of(s)}")
    if facts:
        lines += ["- " + f for f in facts] + [""]
    if "pattern" in s:
        lines += [f"Pattern: `{s['pattern']}`" if len(s["pattern"]) < 80 else "Pattern: (long)", ""]
        if "patternErrorMessage" in s:
            lines += [f"When it does not match: {s['patternErrorMessage']}", ""]
    if s.get("x-rules"):
        lines += ["Checked beyond the schema: " + rule_links(s, prefix), ""]
    if "enum" in s:
        lines += codes_table(s)
    for key in ("anyOf", "oneOf"):
        if key in s and not s.get("properties"):
            lines += ["One of:", ""]
            for b in s[key]:
                desc = b.get("description", "") if isinstance(b, dict) else ""
                lines.append(f"- {type_of(b)}" + (f": {cell(desc)}" if desc else ""))
                if isinstance(b, dict) and b.get("properties"):
                    lines += [""] + fields_table(b, prefix)
            lines.append("")
    lines += fields_table(s, prefix)
    return lines


def model_pages(out: Path) -> list[str]:
    kinds = []
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        kind = path.name.removesuffix(".schema.json")
        kinds.append(kind)
        lines = [
            f"# {schema.get('title', kind)} (`{kind}`)",
            "",
            f"Schema: [`{path.name}`](../schemas/v2/{path.name}) (`$id` `{schema['$id']}`).",
            "",
        ]
        root = {k: v for k, v in schema.items() if k != "$defs"}
        lines += node_section(root, "../")
        for name, d in schema.get("$defs", {}).items():
            lines += [f"## {name} {{ #{anchor(name)} }}", ""]
            lines += node_section(d, "../")
        write(out, f"model/{kind}.md", "\n".join(lines))
    index = [
        "# The data model",
        "",
        "One page per document kind, generated from its JSON Schema (`schemas/`): every field "
        "with its description, every code list with its English and Swedish labels, and the "
        "rules the library checks beyond the schema.",
        "",
    ] + [f"- [`{k}`]({k}.md)" for k in kinds]
    write(out, "model/index.md", "\n".join(index) + "\n")
    return kinds


def copy_schemas(cli: Path, out: Path) -> None:
    """Each schema at the path of its `$id` below the site's root."""
    paths = list(SCHEMAS.glob("*.schema.json"))
    with tempfile.TemporaryDirectory(prefix="docs-profile-") as tmp:
        run(cli, "schema", "--write", tmp, "--profile", "crates/kommun-intl/data/profile-lidkoping.json")
        paths += list(Path(tmp).glob("*.schema.json"))
        for path in paths:
            schema_id = json.loads(path.read_text(encoding="utf-8"))["$id"]
            assert schema_id.startswith(SITE_URI), schema_id
            target = out / schema_id.removeprefix(SITE_URI)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


# ---------------------------------------------------------------------------------------------
# CLI and Python


def cli_page(cli: Path, out: Path) -> None:
    top = run(cli, "--help")
    commands = re.findall(r"^  ([a-z][a-z0-9-]*)\s", top.split("Commands:", 1)[1], flags=re.M)
    lines = ["# Command line", "", "The `--help` of `kommun-intl` and of each subcommand.", ""]
    lines += ["```text", "$ kommun-intl --help", top.rstrip(), "```", ""]
    for command in commands:
        if command == "help":
            continue
        lines += [f"## `kommun-intl {command}`", ""]
        lines += ["```text", f"$ kommun-intl {command} --help", run(cli, command, "--help").rstrip()]
        lines += ["```", ""]
    write(out, "cli.md", "\n".join(lines))


def signature(f: ast.FunctionDef, owner: str | None) -> str:
    args = ast.unparse(f.args)
    if owner and args.startswith("self"):
        args = args.removeprefix("self").removeprefix(", ")
    ret = f" -> {ast.unparse(f.returns)}" if f.returns else ""
    name = f"{owner}.{f.name}" if owner else f.name
    return f"{name}({args}){ret}"


def doc_of(node: ast.AST) -> list[str]:
    doc = ast.get_docstring(node)  # type: ignore[arg-type]
    return [doc, ""] if doc else []


def python_page(out: Path) -> None:
    tree = ast.parse(STUBS.read_text(encoding="utf-8"))
    lines = [
        "# Python API",
        "",
        "`import kommun_intl`: the classes and functions of the binding, from its type stubs "
        "(`kommun_intl/_native.pyi`, checked against the built module by `mypy.stubtest`). The "
        "document classes' fields are in [the data model](model/index.md).",
        "",
    ]
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            lines += ["```python", signature(node, None), "```", ""] + doc_of(node)
        elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            bases = ", ".join(ast.unparse(b) for b in node.bases)
            lines += [f"## `{node.name}`" + (f"({bases})" if bases else ""), ""] + doc_of(node)
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and (
                    not item.name.startswith("_") or item.name in ("__init__", "__iter__", "__len__")
                ):
                    is_prop = any(ast.unparse(d) == "property" for d in item.decorator_list)
                    sig = signature(item, node.name)
                    if is_prop:
                        sig = f"{node.name}.{item.name}: " + (
                            ast.unparse(item.returns) if item.returns else "Any"
                        )
                    lines += ["```python", sig, "```", ""] + doc_of(item)
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    lines += ["```python", f"{node.name}.{item.target.id}: {ast.unparse(item.annotation)}", "```", ""]
    seen: set[str] = set()
    # Overloads repeat a name; keep the first block of each signature only.
    deduped = []
    for block in "\n".join(lines).split("\n\n"):
        if block.startswith("```python") and block in seen:
            continue
        seen.add(block)
        deduped.append(block)
    write(out, "python.md", "\n\n".join(deduped) + "\n")


def readme_section(heading: str) -> str:
    """A `### heading` section of the README, up to the next heading of any level."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    body = text.split(f"\n### {heading}\n", 1)[1]
    return re.split(r"\n#{1,3} ", body, maxsplit=1)[0].strip()


REPOSITORY = "https://github.com/kommun-intl/kommun-intl"


def readme_part(heading: str) -> str:
    """A `## heading` or `### heading` section of the README, up to the next heading of its
    level or above, with its links into the repository (files, the README's own anchors)
    made absolute, since the site does not hold those files."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(rf"^(#{{2,3}}) {re.escape(heading)}\n", text, flags=re.M)
    if found is None:
        raise SystemExit(f"docs/gen.py: the README has no section `{heading}`")
    level = len(found.group(1))
    kept, fenced = [], False
    for line in text[found.end():].split("\n"):
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(rf"#{{1,{level}}} ", line):
            break
        kept.append(line)
    body = "\n".join(kept).strip()
    body = re.sub(r"\]\(#([^)]+)\)", rf"]({REPOSITORY}#\1)", body)
    return re.sub(r"\]\((?!https?:|mailto:)([^)#]+)\)", rf"]({REPOSITORY}/blob/main/\1)", body)


#: The guides that are the README's own sections (one text, two places): file, title, heading.
README_GUIDES = [
    ("spreadsheets.md", "Spreadsheets", "For data stewards: keep the register in a spreadsheet"),
    ("open311.md", "Open311", "Open311"),
    ("publishing.md", "Publishing", "Publishing"),
    ("configuration.md", "Configuration", "Configuration"),
]


def readme_guides(out: Path) -> None:
    for file, title, heading in README_GUIDES:
        write(out, f"guides/{file}", f"# {title}\n\n{readme_part(heading)}\n")


def editors_page(out: Path) -> None:
    """The README's own words on editors and standard validators (one text, two places)."""
    lines = [
        "# Editors and validators",
        "",
        "## Editors",
        "",
        readme_section("Editors"),
        "",
        "## Standard validators",
        "",
        readme_section("Standard validators"),
        "",
    ]
    write(out, "guides/editors.md", "\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", type=Path, required=True, help="the kommun-intl binary")
    parser.add_argument("--out", type=Path, required=True, help="the directory to write")
    args = parser.parse_args()
    cli = args.cli.resolve()
    out: Path = args.out
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(PAGES, out)
    rules = rules_pages(cli, out)
    kinds = model_pages(out)
    copy_schemas(cli, out)
    cli_page(cli, out)
    python_page(out)
    editors_page(out)
    readme_guides(out)
    print(f"docs/gen.py: {len(rules)} rule pages, {len(kinds)} model pages into {out}")


if __name__ == "__main__":
    main()
