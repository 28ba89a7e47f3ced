# The one task file: people, the pre-commit hook and CI (.ci/run) all call these targets.

CARGO ?= cargo

.PHONY: test lint fmt test-rust schemas check-generated

## test: everything CI checks: formatting, clippy, then every Rust test (unit, integration, doc).
test: lint test-rust

## lint: rustfmt and clippy (pedantic, warnings are errors).
lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

## test-rust: the workspace's tests, including the README's Rust examples (doc tests).
test-rust:
	$(CARGO) test --workspace --locked

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
