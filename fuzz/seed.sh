#!/bin/sh
# Seeds fuzz/corpus/<target>/ from tests/corpus/ and examples/, at run time (the generated
# corpora are not committed). The `document`, `value` and `ndjson` targets read a selector byte
# first: the index of the kind in DocumentKind::ALL, which these seeds put in front.
set -eu
cd "$(dirname "$0")/.."
target=$1
out=fuzz/corpus/$target
mkdir -p "$out"

# The index of a kind in DocumentKind::ALL, read from the one registry of kinds (the
# `kinds!` block of crates/kommun-intl/src/document.rs, in its order).
KINDS=$(sed -n '/^kinds! {/,/^}/p' crates/kommun-intl/src/document.rs | sed -n 's/.*, "\([a-z-]*\)";$/\1/p')
index() {
    i=0
    for k in $KINDS; do
        if [ "$k" = "$1" ]; then echo $i; return; fi
        i=$((i + 1))
    done
    echo "unknown kind $1" >&2
    exit 1
}

# Every fixture and example as "<kind> <path>" lines.
documents() {
    for f in tests/corpus/valid/*/*.json tests/corpus/invalid/*/*.json; do
        case $f in *.expected.json) continue ;; esac
        kind=$(basename "$(dirname "$f")")
        echo "$kind $f"
    done
    echo "dataset examples/lidkoping.json"
    for f in examples/feedback*.json; do echo "feedback $f"; done
    echo "fault-report examples/fault-report.json"
}

# The Open311 readers: the crate's fixtures from public implementations and the CLI's samples.
case $target in
    open311_xml)
        for f in crates/kommun-intl-open311/tests/data/*/*.xml crates/kommun-intl-cli/tests/data/open311/*.xml; do
            cp "$f" "$out/$(echo "$f" | tr '/' '_')"
        done
        echo "seeded $out with $(ls "$out" | wc -l) file(s)"
        exit 0 ;;
    open311_response)
        cp crates/kommun-intl-open311/tests/data/codeforamerica--open311/post_service_request.xml "$out/post.xml"
        printf '[{"service_request_id": 293944, "service_notice": "x", "account_id": null}]' > "$out/post.json"
        printf '[{"token": "12345", "account_id": "a-1"}]' > "$out/token.json"
        echo "seeded $out with $(ls "$out" | wc -l) file(s)"
        exit 0 ;;
    open311_form)
        cp crates/kommun-intl-cli/tests/data/open311/request.form "$out/request.form"
        printf 'service_code=belysning&lat=58.5&long=13.1&attribute[a][]=x&attribute[a][]=y&attribute[b]=z&email=a%%40b.se' > "$out/answers.form"
        echo "seeded $out with $(ls "$out" | wc -l) file(s)"
        exit 0 ;;
esac

documents | while read -r kind f; do
    name=$(echo "$f" | tr '/' '_')
    byte=$(printf '\\%03o' "$(index "$kind")")
    case $target in
        locate) cp "$f" "$out/$name" ;;
        document | value) { printf "$byte"; cat "$f"; } > "$out/$name" ;;
        # report: the kind's index, then told (0x08) or not; and canary recipes (0x80).
        report)
            { printf "$byte"; cat "$f"; } > "$out/$name"
            told=$(printf '\\%03o' $(( $(index "$kind") | 8 )))
            { printf "$told"; cat "$f"; } > "$out/told_$name" ;;
        ndjson)
            # JSON strings hold no raw line break, so dropping them puts a document on one line.
            { printf "$byte"; tr -d '\r\n' < "$f"; echo; } > "$out/$name" ;;
        # sheets: its own seeds, below.
        sheets) ;;
        *) echo "unknown target $target" >&2; exit 1 ;;
    esac
done

# sheets: the CSV fixtures (selector 0, and 3 for tiny limits).
if [ "$target" = sheets ]; then
    for f in tests/corpus/sheets/*.csv tests/corpus/sheets/*/*.csv; do
        name=$(echo "$f" | tr '/' '_')
        { printf '\000'; cat "$f"; } > "$out/$name"
        { printf '\003'; cat "$f"; } > "$out/tiny_$name"
    done
fi

# report: canary recipes, and the hostile cases of tests/canary and the CLI's hostile tests.
if [ "$target" = report ]; then
    i=0
    while [ $i -lt 64 ]; do
        head -c 48 /dev/urandom > "$out/recipe_$i.bin.tmp"
        { printf '\200'; cat "$out/recipe_$i.bin.tmp"; } > "$out/recipe_$i"
        rm "$out/recipe_$i.bin.tmp"
        i=$((i + 1))
    done
    for f in tests/canary/*.json tests/canary/*.ndjson; do
        { printf '\005'; cat "$f"; } > "$out/canary_$(basename "$f")"
    done
    printf '\005[}' > "$out/array_closed_by_brace"
fi

# NDJSON: each kind's valid documents together, one a line, with a blank line and a bad one.
if [ "$target" = ndjson ]; then
    for dir in tests/corpus/valid/*/; do
        kind=$(basename "$dir")
        byte=$(printf '\\%03o' "$(index "$kind")")
        {
            printf "$byte"
            for f in "$dir"*.json; do tr -d '\r\n' < "$f"; echo; done
            printf '\r\n{"x": 1\n'
        } > "$out/all_$kind"
    done
fi
echo "seeded $out with $(ls "$out" | wc -l) file(s)"
