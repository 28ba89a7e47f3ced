#!/usr/bin/env bash
# `make test-browser`: renders registers with `kommun-intl render` in both languages and checks
# every page in headless Chromium (check.mjs: axe-core WCAG 2.1 AA, lang attributes, print,
# screenshots). The registers: examples/lidkoping.json, the publish crate's fixture and every
# register of tests/realworld/converted/ (an invalid one renders nothing and is counted).
# Skips, with the reason, when Node.js or Chromium is missing, except under CI=true, where
# .ci/run installs Chromium and a missing one fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
CARGO=${CARGO:-cargo}
OUT=${BROWSER_OUT:-target/browser}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

missing() {
    if [ "${CI:-}" = true ]; then echo "FAIL: browser tests: $1" >&2; exit 1; fi
    echo "SKIP: browser tests: $1"
    exit 0
}
command -v node >/dev/null 2>&1 || missing "Node.js is not installed"
[ -x "$CHROMIUM" ] || missing "no Chromium at $CHROMIUM (apt-get install chromium)"

(cd tests/browser && npm ci --no-audit --no-fund --silent)
$CARGO build --quiet --locked -p kommun-intl-cli --bin kommun-intl
target=$($CARGO metadata --format-version 1 --no-deps --offline |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
bin="$target/debug/kommun-intl"

rm -rf "$OUT/sites" && mkdir -p "$OUT/sites"
registers=(examples/lidkoping.json crates/kommun-intl-publish/tests/data/full.json)
if [ -d tests/realworld/converted ]; then
    while IFS= read -r f; do registers+=("$f"); done < <(
        grep -rl --include='*.json' '"municipality"' tests/realworld/converted | sort)
fi
rendered=0 invalid=0
for register in "${registers[@]}"; do
    name=$(echo "${register%.json}" | sed 's|^tests/realworld/converted/|realworld-|; s|^examples/||; s|^crates/kommun-intl-publish/tests/data/|fixture-|; s|/|-|g')
    for lang in sv en; do
        status=0
        "$bin" render "$register" --lang "$lang" --out "$OUT/sites/$name-$lang" >/dev/null 2>&1 || status=$?
        case $status in
            0) rendered=$((rendered + 1)) ;;
            1) invalid=$((invalid + 1)) ;;
            *) echo "FAIL: kommun-intl render $register --lang $lang exited $status" >&2; exit 1 ;;
        esac
    done
done
for must in lidkoping fixture-full; do
    for lang in sv en; do
        [ -f "$OUT/sites/$must-$lang/index.html" ] || { echo "FAIL: $must-$lang did not render" >&2; exit 1; }
    done
done
echo "rendered $rendered pages ($invalid renders of invalid registers wrote nothing)"

# The checker fails where it should.
if SHOTS="$OUT/self-test" node tests/browser/check.mjs tests/browser/broken-sv >/dev/null 2>&1; then
    echo "FAIL: check.mjs passed tests/browser/broken-sv, which breaks every check" >&2
    exit 1
fi
SHOTS="$OUT/screenshots" node tests/browser/check.mjs "$OUT"/sites/*
