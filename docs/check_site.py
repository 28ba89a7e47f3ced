#!/usr/bin/env python3
"""Checks the built documentation site (`make docs`, after `mkdocs build --strict`): every
schema's `$id`, and every profile schema's for Lidköping, is a file of the site with the
schema's own text, and every rule's `url` (`kommun-intl rules --format json`, the core's
`Rule::url`, which SARIF's `helpUri` uses too) is a page of the site.

Usage: docs/check_site.py --cli target/debug/kommun-intl build/docs/site
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE_URI = "https://kommun-intl.github.io/kommun-intl/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", type=Path, required=True)
    parser.add_argument("site", type=Path)
    args = parser.parse_args()
    failed: list[str] = []
    passed = 0

    def resolve(url: str) -> Path:
        if not url.startswith(SITE_URI):
            failed.append(f"{url} is not under {SITE_URI}")
        rel = url.removeprefix(SITE_URI)
        return args.site / (rel + "index.html" if rel.endswith("/") else rel)

    with tempfile.TemporaryDirectory(prefix="docs-check-") as tmp:
        profile = ROOT / "crates/kommun-intl/data/profile-lidkoping.json"
        subprocess.run(
            [str(args.cli), "schema", "--write", tmp, "--profile", str(profile)],
            check=True,
            capture_output=True,
        )
        schemas = sorted((ROOT / "schemas").glob("*.schema.json")) + sorted(
            Path(tmp).glob("*.schema.json")
        )
        for path in schemas:
            text = path.read_text(encoding="utf-8")
            target = resolve(json.loads(text)["$id"])
            if not target.is_file():
                failed.append(f"{path.name}: its $id has no file {target}")
            elif target.read_text(encoding="utf-8") != text:
                failed.append(f"{path.name}: {target} differs from it")
            else:
                passed += 1
    rules = json.loads(
        subprocess.run(
            [str(args.cli), "rules", "--format", "json"], check=True, capture_output=True
        ).stdout
    )
    for rule in rules:
        if resolve(rule["url"]).is_file():
            passed += 1
        else:
            failed.append(f"{rule['code']}: no page at {rule['url']}")
    for line in failed:
        print(f"docs/check_site.py: {line}")
    print(f"site: {passed} passed, {len(failed)} failed")
    if failed or not passed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
