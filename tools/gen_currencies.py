#!/usr/bin/env python3
"""Generate crates/kommun-intl/data/currencies.tsv.

Sources:
  * The set of currency codes and their English names come from the
    `isodata.tsv` file shipped with the Rust crate `iso_currency` 0.7.1
    (the data its build.rs turns into `iso_currency::Currency`), so the
    generated table covers exactly the codes that enum knows, including the
    ones that crate flags as superseded.
  * Swedish names come from CLDR via the Python package `babel`
    (`babel.numbers.get_currency_name(code, locale="sv")`), with CLDR's
    casing kept as is. Where CLDR has no Swedish name for a code, the
    English name is used and the code is reported on stderr.

Output: UTF-8, tab-separated, header `code<TAB>name_en<TAB>name_sv`, one
line per code, sorted by code.

How to run (from the repository root; babel lives in a throwaway venv):

    cargo fetch
    python3 -m venv /tmp/babelvenv && /tmp/babelvenv/bin/pip install babel
    /tmp/babelvenv/bin/python tools/gen_currencies.py \\
        ~/.cargo/registry/src/*/iso_currency-0.7.1/isodata.tsv \\
        crates/kommun-intl/data/currencies.tsv

The output path is optional and defaults to
crates/kommun-intl/data/currencies.tsv relative to the repository root.
"""

import argparse
import csv
import sys
from pathlib import Path

import babel
from babel import Locale
from babel.numbers import get_currency_name

DEFAULT_OUT = (
    Path(__file__).resolve().parent.parent
    / "crates" / "kommun-intl" / "data" / "currencies.tsv"
)


def read_iso_data(path):
    """Return {code: english_name} from iso_currency's isodata.tsv."""
    names = {}
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header[:3] != ["alpha3", "numeric", "name"]:
            sys.exit(f"{path}: unexpected header {header!r}")
        for row in reader:
            if not row:
                continue
            code, name = row[0].strip(), row[2].strip()
            if len(code) != 3 or not code.isascii() or not code.isupper():
                sys.exit(f"{path}: bad currency code {code!r}")
            if code in names:
                sys.exit(f"{path}: duplicate currency code {code}")
            names[code] = name
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("isodata", help="path to iso_currency-0.7.1/isodata.tsv")
    ap.add_argument("out", nargs="?", default=str(DEFAULT_OUT),
                    help="output TSV (default: %(default)s)")
    args = ap.parse_args()

    english = read_iso_data(args.isodata)
    sv_known = Locale.parse("sv").currencies

    rows, missing = [], []
    for code in sorted(english):
        name_en = english[code]
        if code in sv_known:
            name_sv = get_currency_name(code, locale="sv")
        else:
            name_sv = name_en
            missing.append(code)
        for field in (code, name_en, name_sv):
            if "\t" in field or "\n" in field or not field:
                sys.exit(f"{code}: unusable field {field!r}")
        rows.append((code, name_en, name_sv))

    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("code\tname_en\tname_sv\n")
        for row in rows:
            f.write("\t".join(row) + "\n")

    print(f"wrote {len(rows)} codes to {args.out} (babel {babel.__version__})",
          file=sys.stderr)
    print("no Swedish CLDR name (English used): "
          + (", ".join(missing) if missing else "none"), file=sys.stderr)


if __name__ == "__main__":
    main()
