#!/usr/bin/env python3
"""Generate the ISO 3166 tables in crates/kommun-intl/data/.

Source: the PyPI package `pycountry`, at the version pinned in
bindings/python/requirements-test.txt. It ships Debian's iso-codes data
(`databases/iso3166-{1,2,3}.json`) and iso-codes' gettext translations,
whose Swedish catalogues (`locales/sv/LC_MESSAGES/iso3166-{1,2,3}.mo`) give
the Swedish names. A name without a Swedish translation keeps the English
(ISO) name.

iso-codes lags behind ISO 3166-2 where a reform is recent. `CHANGES` below
lists the changes that ISO 3166-2 has made and the pinned iso-codes does not
have yet, each with its source; the generator applies them and says so on
stderr. A change the source already has is an error: drop it from
`CHANGES` when upgrading pycountry.

ISO 3166-1 leaves some codes to its users; `ADDITIONS` lists the user-assigned codes that
real sources use (Kosovo's `XK`), each with who uses it, and the generator adds them to part 1.

Output (UTF-8, tab-separated, one header line naming the columns, sorted by
code; the Rust side reads columns by their header name, so a column can be
added without breaking it):

  iso3166-1.tsv  alpha2, alpha3, numeric, name_en, name_sv
                 (`numeric` is empty for a user-assigned code)
  iso3166-2.tsv  code, type, name, name_sv, withdrawn
                 (`name_sv` is empty where Swedish uses the name as it is;
                 `withdrawn` is the date a dissolved subdivision ceased to
                 exist, empty for a current one; iso-codes holds current
                 subdivisions only, so every dissolved row comes from
                 `CHANGES`)
  iso3166-3.tsv  alpha4, alpha2, name_en, name_sv, withdrawn

How to run (from the repository root):

    .venv/bin/python tools/gen_iso3166.py            # write the tables
    .venv/bin/python tools/gen_iso3166.py --check    # exit 1 if they differ

`make test-python` runs bindings/python/tests/test_code_tables.py, which
fails when the committed tables differ from what this script makes.
"""

from __future__ import annotations

import argparse
import gettext
import json
import sys
from importlib import metadata
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parent.parent / "crates" / "kommun-intl" / "data"

# ISO 3166-2 changes newer than the pinned iso-codes.
CHANGES = [
    {
        # Norway's regional reform in force on 1 January 2024 split three counties of the 2020
        # reform; ISO 3166-2:NO took the new codes and deleted the old ones in 2024.
        "source": "ISO 3166-2:NO, change of 2024 (the Norwegian county reform of 2024-01-01)",
        "withdraw": {"NO-30": "2024-01-01", "NO-38": "2024-01-01", "NO-54": "2024-01-01"},
        "add": [
            ("NO-31", "County", "Østfold"),
            ("NO-32", "County", "Akershus"),
            ("NO-33", "County", "Buskerud"),
            ("NO-39", "County", "Vestfold"),
            ("NO-40", "County", "Telemark"),
            ("NO-55", "County", "Troms"),
            ("NO-56", "County", "Finnmark"),
        ],
    },
]


# ISO 3166-1 codes that are not in the standard but that real sources use, each with who uses
# it. ISO 3166-1 reserves `XK` as user-assigned; the European Union, the European Commission's
# style guide and most international bodies write Kosovo as `XK` (ICLD's tables list Swedish
# partnerships in Kosovo), so a register needs it. User-assigned codes have no ISO alpha-3 or
# numeric code: `XKX` is an alpha-3 in wide use (the World Bank's), the numeric field is empty.
# An addition the source already has is an error: drop it from `ADDITIONS` then.
ADDITIONS = [
    {
        "source": "user-assigned XK, as the European Union uses it for Kosovo",
        "row": ["XK", "XKX", "", "Kosovo", "Kosovo"],
    },
]


def database(name: str) -> list[dict[str, str]]:
    path = Path(pycountry.DATABASE_DIR) / f"iso{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))[name]


def swedish(domain: str) -> gettext.NullTranslations:
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["sv"])


def clean(field: str, what: str) -> str:
    if not field or field != field.strip() or any(c in field for c in "\t\n\r"):
        sys.exit(f"{what}: unusable field {field!r}")
    return field


def render(header: list[str], rows: list[list[str]]) -> str:
    lines = ["\t".join(header)]
    lines += ["\t".join(row) for row in rows]
    return "\n".join(lines) + "\n"


def part1(report: list[str]) -> str:
    sv = swedish("iso3166-1")
    rows = []
    for c in database("3166-1"):
        code = c["alpha_2"]
        rows.append([
            clean(code, code),
            clean(c["alpha_3"], code),
            clean(c["numeric"], code),
            clean(c["name"], code),
            clean(sv.gettext(c["name"]), code),
        ])
    for addition in ADDITIONS:
        row = addition["row"]
        if any(r[0] == row[0] for r in rows):
            sys.exit(f"{row[0]}: already in the source; drop it from ADDITIONS")
        rows.append(row)
        report.append(f"added: {addition['source']}")
    return render(["alpha2", "alpha3", "numeric", "name_en", "name_sv"], sorted(rows))


def part2(report: list[str]) -> str:
    sv = swedish("iso3166-2")
    rows = {
        s["code"]: [s["code"], s["type"], s["name"], sv.gettext(s["name"]), ""]
        for s in database("3166-2")
    }
    # Most subdivisions have no Swedish name of their own: an empty `name_sv` means `name`.
    rows = {
        code: [*row[:3], "" if row[3] == row[2] else row[3], row[4]] for code, row in rows.items()
    }
    for change in CHANGES:
        for code, when in change["withdraw"].items():
            if code not in rows:
                sys.exit(f"{code}: not in the source; drop it from CHANGES")
            rows[code][4] = when
        for code, kind, name in change["add"]:
            if code in rows:
                sys.exit(f"{code}: already in the source; drop it from CHANGES")
            rows[code] = [code, kind, name, "", ""]
        report.append(f"applied: {change['source']}")
    out = [[clean(f, row[0]) if i < 3 else f for i, f in enumerate(row)] for row in rows.values()]
    return render(["code", "type", "name", "name_sv", "withdrawn"], sorted(out))


def part3() -> str:
    sv = swedish("iso3166-3")
    rows = []
    for c in database("3166-3"):
        code = c["alpha_4"]
        rows.append([
            clean(code, code),
            clean(c["alpha_2"], code),
            clean(c["name"], code),
            clean(sv.gettext(c["name"]), code),
            clean(c["withdrawal_date"], code),
        ])
    return render(["alpha4", "alpha2", "name_en", "name_sv", "withdrawn"], sorted(rows))


def tables(report: list[str]) -> dict[str, str]:
    return {
        "iso3166-1.tsv": part1(report),
        "iso3166-2.tsv": part2(report),
        "iso3166-3.tsv": part3(),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    ap.add_argument("--out", type=Path, default=DATA, help="directory (default: %(default)s)")
    args = ap.parse_args()
    report: list[str] = []
    stale = []
    for name, text in tables(report).items():
        path = args.out / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8", newline="\n")
    version = metadata.version("pycountry")
    for line in report:
        print(line, file=sys.stderr)
    if stale:
        print(f"out of date (pycountry {version}): {', '.join(stale)}; "
              "run `python tools/gen_iso3166.py`", file=sys.stderr)
        return 1
    print(f"{'checked' if args.check else 'wrote'} the ISO 3166 tables (pycountry {version})",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
