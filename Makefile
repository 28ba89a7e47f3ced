# The one task file: people, the pre-commit hook and CI (.ci/run) all call these targets.

CARGO ?= cargo

.PHONY: test lint fmt test-rust test-python schemas check-generated bench

## test: everything CI checks: formatting, clippy, every Rust test (unit, integration, doc),
## then the Python bindings' tests.
test: lint test-rust test-python

## lint: rustfmt and clippy (pedantic, warnings are errors).
lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

## test-rust: the workspace's tests, including the README's Rust examples (doc tests).
test-rust:
	$(CARGO) test --workspace --locked

## test-python: build the extension into .venv/ (made if missing, with the tools pinned in
## bindings/python/requirements-test.txt, and the JSON-Schema-Test-Suite from the sdist of the
## jsonschema pinned there), then pytest, mypy.stubtest and mypy --strict.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
SUITE := $(VENV)/json-schema-test-suite
test-python: $(VENV)/.requirements-test.stamp $(SUITE)/.stamp
	cd bindings/python && VIRTUAL_ENV="$(abspath $(VENV))" "$(abspath $(PY))" -m maturin develop --quiet
	KOMMUN_INTL_TEST_SUITE="$(abspath $(SUITE))/tests/draft2020-12" $(PY) -m pytest -q bindings/python
	cd bindings/python && "$(abspath $(PY))" -m mypy.stubtest kommun_intl --allowlist stubtest-allowlist.txt
	$(PY) -m mypy --strict bindings/python/python/kommun_intl bindings/python/tests/test_typing.py bindings/python/tools/generate.py

$(VENV)/.requirements-test.stamp: bindings/python/requirements-test.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r bindings/python/requirements-test.txt
	touch $@

# The official JSON-Schema-Test-Suite is on no registry by itself; the sdist of the jsonschema
# pinned in requirements-test.txt carries it (json/tests/), so it is pinned in that one place.
$(SUITE)/.stamp: bindings/python/requirements-test.txt $(VENV)/.requirements-test.stamp
	rm -rf $(SUITE) && mkdir -p $(SUITE)/sdist
	$(PY) -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
		-d $(SUITE)/sdist "$$(grep -oE '^jsonschema==[^ ]+' bindings/python/requirements-test.txt)"
	tar -xzf $(SUITE)/sdist/jsonschema-*.tar.gz -C $(SUITE) --strip-components=2 \
		--wildcards '*/json/tests/draft2020-12/*'
	touch $@

## fmt: format the code.
fmt:
	$(CARGO) fmt --all

## schemas: regenerate schemas/ and the README's rule table from the code.
schemas:
	$(CARGO) run --quiet -- schema --write schemas/
	KOMMUN_INTL_UPDATE=1 $(CARGO) test --quiet -p kommun-intl --test integration -- readme

## check-generated: fail when schemas/ differs from what the code generates.
check-generated:
	$(CARGO) run --quiet -- schema --check schemas/

## bench: every benchmark against the peers (Rust, Python, CLI memory), then BENCHMARKS.md.
## Creates .venv-bench/ (pinned tools, bench/requirements.txt) and bench-data/ (generated).
bench:
	CARGO="$(CARGO)" bench/run.sh

## fuzz: run every fuzz target (fuzz/fuzz_targets/) for FUZZ_SECONDS each (default 600, one
## target at a time), seeded from tests/corpus/ and examples/; installs cargo-fuzz if missing.
## Stable Rust is enough: RUSTC_BOOTSTRAP=1 lets it take the flags cargo-fuzz passes. A crash
## stops the run and leaves its input in fuzz/artifacts/<target>/. Not part of `make test`.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= document ndjson locate value report open311_xml open311_form
FUZZ_SANITIZER ?= none
.PHONY: fuzz
fuzz:
	$(CARGO) fuzz --version >/dev/null 2>&1 || $(CARGO) install cargo-fuzz --locked
	set -e; for target in $(FUZZ_TARGETS); do \
		sh fuzz/seed.sh $$target; \
		RUSTC_BOOTSTRAP=1 $(CARGO) fuzz run --sanitizer $(FUZZ_SANITIZER) $$target \
			fuzz/corpus/$$target -- -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
			-rss_limit_mb=2048 -dict=fuzz/json.dict; \
	done
