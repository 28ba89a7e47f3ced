"""Personal data never reaches any output, on any surface: one test over the canary documents
of ``tests/canary/`` and the canary strings of ``tests/canary/canaries.txt``.

The surfaces, each run on every document (every line of an NDJSON file):

- **Rust** ``Debug`` (``{:?}`` and ``{:#?}``) and ``Display`` of the parsed model, the
  ``Report``, each ``Issue`` and its parameters, the messages in both languages, ``Error``,
  ``validate_value``'s report and ``DocumentKind::detect``'s error. Python's ``repr`` and
  ``str`` do *not* delegate to these (the binding writes its own, in
  ``bindings/python/src/report.rs`` and ``documents.rs``; only a ``ValidationError``'s text
  starts with the core ``Error``'s ``Display``), so the test runs
  ``crates/kommun-intl/examples/canary_dump.rs``, which prints them all.
- **Python**: ``validate`` on bytes, str, dict and a path, ``validate_many``, ``load``,
  ``from_json`` and ``from_dict``; ``repr``, ``str`` and ``format`` of documents, reports and
  issues; issue parameters, messages and ``to_dict`` in Swedish and English; exception text,
  ``repr`` and traceback.
- **The CLI** ``kommun-intl``: ``validate`` in every format (human, json, github, sarif, junit,
  gitlab, jsonl) and
  language (sv, en), colour on and off, ``--quiet``, standard input; ``explain`` for every
  code the documents raise; ``fix --diff``; ``fix`` on a copy. Source snippets must be there,
  masked (letters as ``x``, digits as ``#``), with unknown keys readable.

No canary may appear in stdout or stderr, compared case-insensitively and with terminal colour
codes both kept and stripped. So that nothing passes for want of output, each document has an
expectation below (valid, or the pointers into personal fields that must get an issue), checked
on every surface that reports issues.

Keys are not personal data (``tests/canary/README.md``): the test checks that unknown keys
stay readable.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import kommun_intl
from conftest import ROOT, cargo_build

CANARY_DIR = ROOT / "tests" / "canary"
CANARIES = [
    line.strip()
    for line in (CANARY_DIR / "canaries.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


@dataclass(frozen=True)
class Expect:
    """What a canary document must yield: valid, or issues at these pointers (personal fields
    and unknown members) and with these codes."""

    valid: bool = False
    pointers: frozenset[str] = frozenset()
    codes: frozenset[str] = frozenset()


def expect(*pointers: str, codes: tuple[str, ...] = ()) -> Expect:
    return Expect(pointers=frozenset(pointers), codes=frozenset(codes))


CONTACT = ("/contact/name", "/contact/email", "/contact/phone")
EXPECTED: dict[str, Expect] = {
    "fault-report.invalid-utf8.json": expect(codes=("json.invalid_utf8",)),
    "fault-report.rules.json": expect("/description", *CONTACT, codes=("text.too_long",)),
    # A key that is no field name, nor near one, may be someone's: masked in pointers too.
    "fault-report.structure.json": expect("/description", "/contact", "/xxxxxxxxxxxxx"),
    "fault-report.valid.json": Expect(valid=True),
    "feedback.duplicate-key.json": expect(
        "/description", "/contact/name", codes=("json.duplicate_key",)
    ),
    "feedback.exports.ndjson:1": Expect(valid=True),
    "feedback.exports.ndjson:2": expect("/description", "/contact/email", "/contact/phone"),
    "feedback.exports.ndjson:3": expect("/description", "/contakt"),
    "feedback.exports.ndjson:5": expect(codes=("json.truncated",)),
    "feedback.exports.ndjson:6": expect("/description", codes=("json.duplicate_key",)),
    "feedback.raw-control.json": expect(codes=("json.syntax",)),
    "feedback.rules.json": expect("/description", *CONTACT, codes=("text.control_char",)),
    # Keys inside a personal value are masked; a misspelt field name outside one is not.
    "feedback.structure.json": expect(
        "/description", *CONTACT, "/contact/xxxx", "/kontakt", "/xxxxx"
    ),
    "feedback.keys.json": expect("/description", "/contact/xxxxxxxxxxxxxxx", "/xxxxxxxxxxx"),
    "feedback.truncated.json": expect(codes=("json.truncated",)),
    "feedback.unquoted.ndjson:1": expect(codes=("json.syntax",)),
    "feedback.unquoted.ndjson:2": expect(codes=("json.syntax",)),
    "feedback.unquoted.ndjson:3": expect(codes=("json.syntax",)),
    "feedback.valid.json": Expect(valid=True),
}

# Masked snippets the human output must show (the CLI also masks in `fix --diff`): the form
# of each value and the keys around it.
SNIPPETS = [
    '"name": " xxxxxxxxxxx xxxxxxxxxxxxxxx",',
    '"email": "xxxxxxxxxxx@@xxxxxxx.xx",',
    '"phone": "###-### ## ##"',
    '"description": "  xxxxxxxxxxxx (########-####) xxxxx xxx xxx \\x#### ",',
    '"phone": "+## xxxxxxxxxxxx"',
    '"name": "\\x###x[##xxxxxxxxxxxx",',
    '"kontakt": { "namn": "xxxxxxxxxxxxxxx", "xxxxxxxxxxxx": "########-####", '
    '"xxxxxxx": ########### },',
    '"contact": "xxxxxxxxxxxx xxxxxxxxxxx, ###-### ## ##",',
    '"contakt": {"namn": "xxxxxxxxxxx", "xxx": ###########}',
    'xxxxxxx", "xxxxxxxxxxxx": "########-####"',
    # Keys that may be someone's data: inside a personal value, or a fragment of a text.
    '"description": { "xxxxxxxxxxx xxxxxx": "xxxx" },',
    '"xxxxxxxxxxx": "xxxxxx"',
    '"description": "xxxxxxxxxxxx �� xxxxxxxxxxx ##########",',
    # Values that are not personal stay readable.
    '"channel": "web"',
]

def mask(text: str) -> str:
    """The CLI's masking (`kommun_intl::personal::mask`): letters as x, digits as #."""
    return "".join("#" if c.isnumeric() else "x" if c.isalpha() else c for c in text)


def leaks(text: str) -> list[str]:
    folded = (text.casefold(), ANSI.sub("", text).casefold())
    return [c for c in CANARIES if any(c.casefold() in t for t in folded)]


def assert_clean(what: str, text: str) -> None:
    found = leaks(text)
    if found:
        plain = ANSI.sub("", text)
        at = plain.casefold().find(found[0].casefold())
        context = plain[max(at - 120, 0) : at + 120] if at >= 0 else text[:240]
        pytest.fail(f"{what} shows {found}: ...{context}...")


# ---------------------------------------------------------------------------------------------
# The documents


@dataclass(frozen=True)
class Doc:
    path: Path
    kind: str
    text: bytes
    line: int | None = None  # the line of an NDJSON file

    @property
    def name(self) -> str:
        return self.path.name if self.line is None else f"{self.path.name}:{self.line}"

    @property
    def cls(self) -> Any:
        return kommun_intl.Feedback if self.kind == "feedback" else kommun_intl.FaultReport

    @property
    def repeats_a_key(self) -> bool:
        return "json.duplicate_key" in EXPECTED[self.name].codes

    def parsed(self) -> Any:
        """The document as Python values, or None when it is not JSON."""
        try:
            return json.loads(self.text)
        except ValueError:
            return None


def files() -> list[Path]:
    return sorted(p for p in CANARY_DIR.iterdir() if p.suffix in (".json", ".ndjson"))


def documents() -> list[Doc]:
    out = []
    for path in files():
        kind = path.name.split(".")[0]
        text = path.read_bytes()
        if path.suffix == ".ndjson":
            for n, line in enumerate(text.split(b"\n"), start=1):
                if line.strip():
                    out.append(Doc(path, kind, line, n))
        else:
            out.append(Doc(path, kind, text))
    return out


DOCS = documents()


def test_every_document_has_an_expectation_and_every_canary_is_used() -> None:
    assert sorted(d.name for d in DOCS) == sorted(EXPECTED)
    everything = b"".join(p.read_bytes() for p in files()).decode("utf-8", "replace").casefold()
    for canary in CANARIES:
        assert canary.casefold() in everything, f"no document holds the canary {canary!r}"


def check_against_expectation(
    what: str, name: str, valid: bool, pairs: set[tuple[str, str]]
) -> None:
    """`pairs`: the (code, pointer) of every issue a surface reported for the document."""
    want = EXPECTED[name]
    assert valid == want.valid, f"{what}: {name} valid={valid}, expected {want.valid}"
    if not want.valid:
        assert pairs, f"{what}: {name} has no issue"
        pointers = {p for _, p in pairs}
        codes = {c for c, _ in pairs}
        assert want.pointers <= pointers, f"{what}: {name} misses {want.pointers - pointers}"
        assert want.codes <= codes, f"{what}: {name} misses {want.codes - codes}"


# ---------------------------------------------------------------------------------------------
# Python


def check_report(what: str, report: kommun_intl.Report) -> None:
    assert_clean(f"{what}: repr(Report)", repr(report))
    assert_clean(f"{what}: str(Report)", str(report))
    assert_clean(f"{what}: format(Report)", f"{report} {report!r:>40}")
    for lang in ("sv", "en"):
        assert_clean(f"{what}: Report.to_dict({lang})", json.dumps(report.to_dict(lang)))
    for issue in [*report, *report.errors, *report.warnings]:
        assert_clean(f"{what}: repr(Issue)", repr(issue))
        assert_clean(f"{what}: str(Issue)", f"{issue} {issue!s:>30}")
        assert_clean(f"{what}: Issue.params", repr(issue.params) + "".join(issue.params.values()))
        assert_clean(f"{what}: Issue.suggestion", str(issue.suggestion))
        assert_clean(f"{what}: Issue.pointer", issue.pointer)
        for tag in ("sv", "en", None):
            assert_clean(f"{what}: Issue.message({tag})", issue.message(tag))
            assert_clean(f"{what}: Issue.to_dict({tag})", json.dumps(issue.to_dict(tag)))


def check_error(what: str, error: BaseException) -> None:
    assert_clean(f"{what}: str(exception)", str(error))
    assert_clean(f"{what}: repr(exception)", repr(error) + repr(error.args))
    assert_clean(f"{what}: traceback", "".join(traceback.format_exception(error)))
    report = getattr(error, "report", None)
    if report is not None:
        check_report(f"{what}: exception's report", report)


def pairs_of(report: kommun_intl.Report) -> set[tuple[str, str]]:
    return {(i.code, i.pointer) for i in report}


def check_document(what: str, doc: Doc, value: Any) -> None:
    """A loaded document: no personal value in its repr, but all of them in its data."""
    for text in (repr(value), str(value), f"{value!r:>10}", repr([value]), repr({"x": value})):
        assert_clean(f"{what}: repr of {type(value).__name__}", text)
    assert "description=<personal>" in repr(value)
    assert ("contact=<personal>" in repr(value)) == (value.contact is not None)
    check_report(f"{what}: .validate()", value.validate(lang="sv"))
    # Whoever asks for the data gets it.
    assert leaks(value.to_json()), "the data itself holds the canaries"
    assert leaks(str(value.description))
    if value.contact is not None:
        assert leaks(json.dumps(value.contact, ensure_ascii=False))


@pytest.mark.parametrize("doc", DOCS, ids=[d.name for d in DOCS])
def test_python_api(doc: Doc) -> None:
    parsed = doc.parsed()
    for lang in ("sv", "en"):
        report = kommun_intl.validate(doc.text, doc.kind, lang=lang)
        check_report(f"validate(bytes, lang={lang})", report)
        check_against_expectation("validate(bytes)", doc.name, report.is_valid, pairs_of(report))
        try:
            text = doc.text.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            check_report("validate(str)", kommun_intl.validate(text, doc.kind, lang=lang))
        if parsed is not None:
            report = kommun_intl.validate(parsed, doc.kind, lang=lang)
            check_report(f"validate(dict, lang={lang})", report)
            # Python's dict keeps only the last of a repeated key.
            if not doc.repeats_a_key:
                assert report.is_valid == EXPECTED[doc.name].valid
                assert EXPECTED[doc.name].pointers <= {i.pointer for i in report}

    loaders: list[tuple[str, Any]] = [
        ("load(bytes)", lambda: kommun_intl.load(doc.text, doc.kind, lang="sv")),
        ("from_json", lambda: doc.cls.from_json(doc.text)),
    ]
    if parsed is not None:
        loaders.append(("from_dict", lambda: doc.cls.from_dict(parsed, lang="sv")))
    for what, loader in loaders:
        try:
            value = loader()
        except kommun_intl.KommunIntlError as e:
            assert not EXPECTED[doc.name].valid, f"{what}: {e}"
            assert isinstance(e, kommun_intl.ValidationError)
            check_error(what, e)
        else:
            valid = EXPECTED[doc.name].valid or (what == "from_dict" and doc.repeats_a_key)
            assert valid, f"{what} loaded an invalid document"
            check_document(what, doc, value)


@pytest.mark.parametrize("path", files(), ids=[p.name for p in files()])
def test_python_api_on_files(path: Path) -> None:
    kind = path.name.split(".")[0]
    if path.suffix == ".ndjson":
        for lang in ("sv", "en"):
            reports = kommun_intl.validate_many(path, kind, lang=lang)
            assert reports, path
            for report in reports:
                check_report(f"validate_many({path.name})", report)
    else:
        check_one_file(path, kind)


def check_one_file(path: Path, kind: str) -> None:
    """`validate` with and without the kind, and `load`, on one JSON file."""
    check_report(f"validate({path.name})", kommun_intl.validate(path, kind, lang="sv"))
    # Without a kind, the kind comes from `$schema`, which a broken document may not tell.
    try:
        check_report(f"validate({path.name}) by $schema", kommun_intl.validate(path))
        value = kommun_intl.load(path)
    except kommun_intl.KommunIntlError as e:
        check_error(f"load({path.name})", e)
    else:
        check_document(f"load({path.name})", Doc(path, kind, path.read_bytes()), value)


# ---------------------------------------------------------------------------------------------
# Running the binaries


@pytest.fixture(scope="session")
def binaries() -> tuple[Path, Path]:
    """The CLI and the `canary_dump` example, built (a no-op after `cargo test`)."""
    built = cargo_build("-p", "kommun-intl-cli", "-p", "kommun-intl", "--bin", "kommun-intl",
                        "--example", "canary_dump")
    exe = ".exe" if os.name == "nt" else ""
    return built / f"kommun-intl{exe}", built / "examples" / f"canary_dump{exe}"


@dataclass
class Run:
    args: list[str]
    code: int
    stdout: str
    stderr: str
    extra: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return " ".join(self.args)


def run(exe: Path, args: list[str], cwd: Path = ROOT, stdin: bytes | None = None) -> Run:
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "LC_ALL", "LC_MESSAGES", "LANG", "CLICOLOR_FORCE")}
    env["TERM"] = "xterm"
    done = subprocess.run(
        [str(exe), *args], cwd=cwd, env=env, input=stdin, capture_output=True, timeout=120,
    )
    return Run(args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.fixture(scope="session")
def dump(binaries: tuple[Path, Path]) -> Run:
    args: list[str] = []
    for kind in ("feedback", "fault-report"):
        args += ["--kind", kind, *(rel(p) for p in files() if p.name.startswith(kind + "."))]
    r = run(binaries[1], args)
    assert r.code == 0, r.stderr
    return r


def test_rust_debug_and_display(dump: Run) -> None:
    assert_clean("canary_dump stdout", dump.stdout)
    assert_clean("canary_dump stderr", dump.stderr)
    results: dict[str, tuple[bool, bool, set[tuple[str, str]]]] = {}
    for line in dump.stdout.splitlines():
        if line.startswith("RESULT "):
            _, at, model, verdict, *issues = line.split(" ")
            pairs = {(i.split("@", 1)[0], i.split("@", 1)[1]) for i in issues}
            results[Path(at).name] = (model == "model=true", verdict == "valid=true", pairs)
    assert sorted(results) == sorted(EXPECTED)
    for name, (_, is_valid, pairs) in results.items():
        check_against_expectation("Rust", name, is_valid, pairs)
    # The models were printed, with the personal fields hidden.
    models = [line for line in dump.stdout.splitlines() if line.startswith("model: ")]
    assert len(models) == sum(r[0] for r in results.values()) >= 5
    assert all("description: Some(<personal>)" in m or "description: <personal>" in m
               for m in models), models


# The CLI runs, all at once (each start of the debug binary takes a while).
FORMATS = ("human", "json", "github", "sarif", "junit", "gitlab", "jsonl")
LANGS = ("sv", "en")


def cli_paths() -> list[str]:
    """The canary files, as the CLI is given them."""
    return [rel(p) for p in files()]


@pytest.fixture(scope="session")
def cli(binaries: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    exe = binaries[0]
    paths = cli_paths()
    jobs: dict[str, tuple[list[str], Path, bytes | None]] = {}
    for fmt in FORMATS:
        for lang in LANGS:
            args = ["validate", "--format", fmt, "--lang", lang, "--color", "never", *paths]
            jobs[f"{fmt}-{lang}"] = (args, ROOT, None)
    for lang in LANGS:
        args = ["validate", "--lang", lang, "--color", "always", "--reference-date", "2026-01-01"]
        jobs[f"human-{lang}-color"] = ([*args, *paths], ROOT, None)
    jobs["quiet"] = (["validate", "--quiet", "--color", "always", *paths], ROOT, None)
    ndjson = (CANARY_DIR / "feedback.exports.ndjson").read_bytes()
    jobs["stdin"] = (["validate", "--kind", "feedback", "--format", "json", "-"], ROOT, ndjson)
    # fix on copies of the directory: --diff must write nothing, fix must print nothing personal.
    diff_dir, fix_dir = tmp_path_factory.mktemp("diff"), tmp_path_factory.mktemp("fix")
    for d in (diff_dir, fix_dir):
        shutil.copytree(CANARY_DIR, d / "canary")
    jobs["fix-diff"] = (["fix", "--diff", "--color", "always", "canary"], diff_dir, None)
    jobs["fix"] = (["fix", "canary"], fix_dir, None)
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {k: pool.submit(run, exe, *job) for k, job in jobs.items()}
        runs = {k: f.result() for k, f in futures.items()}
        # `explain` for every code the documents raise, languages alternating.
        codes = sorted({i["code"] for f in json.loads(runs["json-en"].stdout)["files"]
                        for i in f.get("issues", [])})
        explains = {c: pool.submit(run, exe, ["explain", c, "--lang", LANGS[n % 2]])
                    for n, c in enumerate(codes)}
        for c, f in explains.items():
            runs[f"explain {c}"] = f.result()
    runs["fix-diff"].extra["dir"] = str(diff_dir)
    runs["fix"].extra["dir"] = str(fix_dir)
    return runs


def test_cli_prints_no_personal_value_anywhere(cli: dict[str, Run]) -> None:
    assert any(k.startswith("explain ") for k in cli)
    for name, r in cli.items():
        assert_clean(f"`{r}` stdout", r.stdout)
        assert_clean(f"`{r}` stderr", r.stderr)
        assert r.stdout.strip(), f"`{r}` printed nothing"
        want = 0 if name.startswith("explain ") else 1
        assert r.code == want, f"`{r}` exited {r.code}: {r.stderr}"


def cli_issues(out: dict[str, Any]) -> dict[str, tuple[bool, set[tuple[str, str]]]]:
    """The CLI's JSON output as {document name: (valid, {(code, pointer)})}."""
    docs: dict[str, tuple[bool, set[tuple[str, str]]]] = {}
    for f in out["files"]:
        name = Path(f["path"]).name
        stdin = f["path"] == "<stdin>"
        if f["path"].endswith(".ndjson") or stdin:
            name = "feedback.exports.ndjson" if stdin else name
            lines = [d.line for d in DOCS if d.path.name == name]
            for line in lines:
                pairs = {(i["code"], i["pointer"]) for i in f["issues"] if i["line"] == line}
                docs[f"{name}:{line}"] = (not any(
                    i["severity"] == "error" for i in f["issues"] if i["line"] == line), pairs)
        else:
            docs[name] = (f["valid"], {(i["code"], i["pointer"]) for i in f["issues"]})
    return docs


def test_cli_reports_every_document(cli: dict[str, Run]) -> None:
    expected = set(EXPECTED)
    for lang in LANGS:
        out = json.loads(cli[f"json-{lang}"].stdout)
        docs = cli_issues(out)
        assert set(docs) == expected
        for name, (valid, pairs) in docs.items():
            check_against_expectation(f"CLI json {lang}", name, valid, pairs)
        issues = sum(len(f["issues"]) for f in out["files"])
        sarif = json.loads(cli[f"sarif-{lang}"].stdout)
        assert len(sarif["runs"][0]["results"]) == issues
        github = [x for x in cli[f"github-{lang}"].stdout.splitlines() if x.startswith("::")]
        assert len(github) == issues
        assert len(json.loads(cli[f"gitlab-{lang}"].stdout)) == issues
        jsonl = [json.loads(x) for x in cli[f"jsonl-{lang}"].stdout.splitlines()]
        assert len([x for x in jsonl if "code" in x]) == issues
        junit = cli[f"junit-{lang}"].stdout
        assert junit.count("<failure ") + junit.count("warning[") == issues
    # NDJSON on standard input.
    stdin = cli_issues(json.loads(cli["stdin"].stdout))
    assert set(stdin) == {n for n in EXPECTED if n.startswith("feedback.exports.ndjson:")}
    for name, (valid, pairs) in stdin.items():
        check_against_expectation("CLI stdin", name, valid, pairs)


def test_cli_snippets_are_there_and_masked(cli: dict[str, Run]) -> None:
    for name in ("human-sv", "human-en", "human-sv-color", "human-en-color"):
        out = ANSI.sub("", cli[name].stdout)
        for snippet in SNIPPETS:
            assert snippet in out, f"{name}: no snippet {snippet!r}:\n{out}"
        # Every issue of the canary documents has its source line under it.
        assert out.count(" |\n") >= 1 and out.count("^") >= 20
    assert "\x1b[" in cli["human-sv-color"].stdout and "\x1b[" not in cli["human-sv"].stdout
    # The quiet lines have no source, and keys (not values) in their pointers.
    quiet = ANSI.sub("", cli["quiet"].stdout)
    assert " |" not in quiet and "(/kontakt)" in quiet


def test_fix_shows_the_form_and_keeps_the_values(cli: dict[str, Run]) -> None:
    diff = cli["fix-diff"]
    plain = ANSI.sub("", diff.stdout)
    assert "+++ b/canary/feedback.rules.json" in plain, plain
    assert f'+    "phone": "{mask("+46701234567")}"' in plain, plain
    assert f'-    "phone": "{mask("070-123 45 67")}"' in plain, plain
    for path in files():  # --diff wrote nothing
        assert (Path(diff.extra["dir"]) / "canary" / path.name).read_bytes() == path.read_bytes()
    fixed = cli["fix"]
    assert "fixed[phone]" in fixed.stdout, fixed.stdout
    text = (Path(fixed.extra["dir"]) / "canary" / "feedback.rules.json").read_text(encoding="utf-8")
    assert '"phone": "+46701234567"' in text and '"name": "Kanariesson Sjöfågelsdotter"' in text
    # The originals are untouched.
    assert '"phone": "070-123 45 67"' in (CANARY_DIR / "feedback.rules.json").read_text("utf-8")
