"""`Report` and `Issue` (src/report.rs)."""

from __future__ import annotations

import json

import kommun_intl

BAD = b'{"category": "praise", "description": " Bra! ", "channel": "webb",\n "submitted_at": "2026-11-28T09:30:00"}'


def test_a_report_is_an_iterable_of_issues() -> None:
    report = kommun_intl.validate(BAD, "feedback")
    assert list(report) == report.issues
    assert report.errors == report.issues and report.warnings == []
    assert (report.error_count, report.warning_count, report.truncated) == (3, 0, 0)
    assert not report.is_valid and not report.is_clean


def test_issue_fields() -> None:
    issue = kommun_intl.validate(BAD, "feedback").issues[1]
    assert issue.code == "structure.unknown_code"
    assert issue.severity == "error"
    assert issue.pointer == "/channel"
    assert (issue.line, issue.column) == (1, 60)
    assert issue.params == {
        "value": "webb",
        "suggestion": "web",
        "allowed": "web, email, phone, letter, visit, app, sms, fax, social_media, third_party",
    }
    assert issue.rule == kommun_intl.rule("structure.unknown_code")
    assert issue.message("en") == (
        "`webb` is not a known code here. Did you mean `web`? The codes here are: web, email, "
        "phone, letter, visit, app, sms, fax, social_media, third_party."
    )
    assert issue.message("sv").startswith("`webb` är ingen känd kod här.")


def test_to_dict_is_the_cli_json_shape() -> None:
    report = kommun_intl.validate(BAD, "feedback", lang="sv")
    d = report.to_dict()
    assert list(d) == ["kind", "valid", "issues", "truncated"]
    assert d["kind"] == "feedback" and d["valid"] is False and d["truncated"] == 0
    first = d["issues"][0]
    assert list(first) == [
        "code", "severity", "pointer", "line", "column", "offset", "message", "params", "url", "cell"
    ]
    assert first["url"] == f"https://kommun-intl.github.io/kommun-intl/rules/{first['code']}/"
    assert first["cell"] is None  # set for a register read from a spreadsheet
    assert first["message"] == report.issues[0].message("sv")
    assert report.to_dict("en")["issues"][0]["message"] == report.issues[0].message("en")
    json.dumps(d)  # plain JSON values


def test_str_and_repr() -> None:
    report = kommun_intl.validate(BAD, "feedback", max_issues=2)
    lines = str(report).splitlines()
    assert lines[0] == (
        "1:39: error[text.untrimmed] at /description: "
        "The text starts or ends with white space."
    )
    assert lines[-1] == "... and 1 more issue"
    assert repr(report) == (
        "Report(kind='feedback', valid=False, errors=3, warnings=0, truncated=1)"
    )
    assert repr(report.issues[0]) == (
        "Issue(code='text.untrimmed', severity='error', pointer='/description', line=1, column=39)"
    )
    from_dict = kommun_intl.validate(json.loads(BAD), "feedback").issues[0]
    assert str(from_dict).startswith("error[text.untrimmed] at /description")
    assert "line=None" in repr(from_dict)


def test_reports_compare_by_value() -> None:
    a = kommun_intl.validate(BAD, "feedback")
    assert a == kommun_intl.validate(BAD, "feedback")
    assert a != kommun_intl.validate(b"{}", "feedback")
    assert a.issues[0] != a.issues[1] and a != "report"


def test_to_records_is_flat_and_names_the_file(tmp_path: object) -> None:
    import pathlib

    path = pathlib.Path(str(tmp_path)) / "tyck-till.json"
    path.write_bytes(BAD)
    report = kommun_intl.validate(path, "feedback")
    assert report.file == str(path)
    records = report.to_records()
    assert [list(r) for r in records] == [
        ["file", "sheet", "cell", "header", "pointer", "line", "column", "code", "severity",
         "message"]
    ] * 3
    assert records[1] == {
        "file": str(path), "sheet": None, "cell": None, "header": None,
        "pointer": "/channel", "line": 1, "column": 60,
        "code": "structure.unknown_code", "severity": "error",
        "message": report.issues[1].message(),
    }
    assert records[1]["message"] != report.to_records(lang="sv")[1]["message"]
    # From text there is no file; NDJSON from a file names it in every report.
    assert kommun_intl.validate(BAD, "feedback").to_records()[0]["file"] is None
    ndjson = pathlib.Path(str(tmp_path)) / "in.ndjson"
    ndjson.write_bytes(BAD.replace(b"\n", b"") + b"\n" + BAD.replace(b"\n", b"") + b"\n")
    assert {r["file"] for rep in kommun_intl.validate_many(ndjson, "feedback")
            for r in rep.to_records()} == {str(ndjson)}
