# The one task file: people, the pre-commit hook and CI (.ci/run) all call these targets.

CARGO ?= cargo

.PHONY: test lint fmt test-rust test-python schemas check-generated

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
## bindings/python/requirements-test.txt), then pytest, mypy.stubtest and mypy --strict.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
test-python: $(VENV)/.requirements-test.stamp
	cd bindings/python && VIRTUAL_ENV="$(abspath $(VENV))" "$(abspath $(PY))" -m maturin develop --quiet
	$(PY) -m pytest -q bindings/python
	cd bindings/python && "$(abspath $(PY))" -m mypy.stubtest kommun_intl --allowlist stubtest-allowlist.txt
	$(PY) -m mypy --strict bindings/python/python/kommun_intl bindings/python/tests/test_typing.py bindings/python/tools/generate.py

$(VENV)/.requirements-test.stamp: bindings/python/requirements-test.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r bindings/python/requirements-test.txt
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
