# The one task file: people, the pre-commit hook and CI (.ci/run) all call these targets.

CARGO ?= cargo

.PHONY: test lint fmt test-rust test-python test-editor test-browser test-libreoffice docs schemas \
	check-generated bench cli-debug realworld realworld-update

## test: everything CI checks: formatting, clippy, every Rust test (unit, integration, doc),
## the Python bindings' tests, the editor test, then the real-world corpus (`realworld`).
## CI (.ci/run) builds the documentation site (`docs`) and the published artefacts (`dist`) after it.
test: lint test-rust test-python test-editor realworld
	@echo "make test: all passed: lint, Rust tests, Python tests (the wheel and its hooks too), editor test, real-world corpus."

## lint: rustfmt and clippy (pedantic, warnings are errors), the fuzz targets too (so they
## keep compiling; `make fuzz` runs them).
lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings
	$(CARGO) clippy --manifest-path fuzz/Cargo.toml --all-targets --locked -- -D warnings

## test-rust: the workspace's tests, including the README's Rust examples (doc tests).
test-rust:
	$(CARGO) test --workspace --locked

## test-python: build the extension into .venv/ (made if missing, with the tools pinned in
## bindings/python/requirements-test.txt, and the JSON-Schema-Test-Suite from the sdist of the
## jsonschema pinned there), then pytest, mypy.stubtest and mypy --strict.
VENV ?= .venv
NODE_TOOLS := node_modules/.installed.stamp
PYTHON ?= python3
PY := $(VENV)/bin/python
SUITE := $(VENV)/json-schema-test-suite
test-python: $(VENV)/.requirements-test.stamp $(SUITE)/.stamp $(NODE_TOOLS)
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

## The Node tools, pinned in package.json and package-lock.json (the one place): VS Code's
## JSON language service for test-editor, ajv-cli and ajv-formats for the README's validator
## command (bindings/python/tests/test_readme_validators.py). `npm ci`, into node_modules/.
$(NODE_TOOLS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## test-editor: a data file and our schema in vscode-json-languageservice: completion of codes
## with their labels, hover, and the rule's message for a pattern failure (tests/editor/).
test-editor: $(NODE_TOOLS)
	node --test tests/editor/

## docs: the documentation site into build/docs/site/: docs/gen.py writes the pages (rules,
## data model, CLI, Python API, generated; guides from docs/pages/) and copies the schemas to
## the paths of their `$id`s, `mkdocs build --strict` fails on any warning (broken links and
## anchors among them), and docs/check_site.py checks that every `$id` and every rule's `url`
## is a file of the built site.
DOCS := build/docs
docs: cli-debug $(VENV)/.requirements-test.stamp
	$(PY) docs/gen.py --cli "$(KOMMUN_INTL_BIN)" --out $(DOCS)/src
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict -f docs/mkdocs.yml
	$(PY) docs/check_site.py --cli "$(KOMMUN_INTL_BIN)" $(DOCS)/site

## realworld: convert the real-world corpus (tests/realworld/raw/) into the model with
## tests/realworld/convert.py, validate every converted document with the CLI's debug build,
## print per raw file how many records fit, are prose or do not fit (and the prose facts), and
## fail on a validation error, on a converted file that differs from the committed
## tests/realworld/converted/ (drift), or on a record that classifies worse than in
## tests/realworld/baseline.json. Takes seconds; tests/realworld/README.md explains the classes.
## realworld-update: rewrite converted/, placement.json and baseline.json; review the diff.
KOMMUN_INTL_BIN = $(or $(CARGO_TARGET_DIR),target)/debug/kommun-intl
realworld: cli-debug
	$(PYTHON) tests/realworld/convert.py --check --cli "$(KOMMUN_INTL_BIN)"

realworld-update: cli-debug
	$(PYTHON) tests/realworld/convert.py --update --cli "$(KOMMUN_INTL_BIN)"

## cli-debug: the CLI's debug build that `realworld` runs (test-rust builds it too, so after
## it this is a no-op).
cli-debug:
	$(CARGO) build --quiet --locked -p kommun-intl-cli

## dist: what gets published, built and checked: the release abi3 wheel (the Python package
## with the `kommun-intl` command inside) and the sdist in dist/, `twine check --strict` on
## both, the sdist built into a wheel again (debug profile: it proves the sdist is whole), and
## `cargo package` of each publishable crate, verified by building it from its packaged files
## (a path-only dependency or a file outside the crate fails here). About 10 minutes; .ci/run
## runs it after `make test`.
DIST ?= dist
.PHONY: dist
dist: $(VENV)/.requirements-test.stamp
	rm -rf $(DIST) && mkdir -p $(DIST)/check
	cd bindings/python && "$(abspath $(PY))" -m maturin build --release --locked --quiet --out "$(abspath $(DIST))"
	cd bindings/python && "$(abspath $(PY))" -m maturin sdist --out "$(abspath $(DIST))"
	$(PY) -m twine check --strict $(DIST)/*.whl $(DIST)/*.tar.gz
	PATH="$(abspath $(VENV))/bin:$$PATH" MATURIN_PEP517_ARGS="--profile dev" $(PY) -m pip wheel --quiet --disable-pip-version-check \
		--no-deps --no-build-isolation -w $(DIST)/check $(DIST)/*.tar.gz
	ls -l $(DIST)/*.whl $(DIST)/*.tar.gz $(DIST)/check/*.whl
	# Cargo unpacks the packaged crates from a local registry into $$CARGO_HOME/registry/src/-HASH/
	# and reuses an unpacked copy that is already there (sources/registry/local.rs), so a copy
	# left by an earlier `make dist` of the same checkout would be verified instead of today's.
	rm -rf "$${CARGO_HOME:-$$HOME/.cargo}"/registry/src/-*/kommun-intl-*
	# Its builds of them too: the packaged crates are built in the workspace's target directory,
	# and a registry crate's build is reused by name and version, so a kommun-intl built by an
	# earlier `make dist` was linked to today's CLI (seen 2026-12-03).
	rm -rf "$${CARGO_TARGET_DIR:-target}"/debug/.fingerprint/kommun-intl* \
		"$${CARGO_TARGET_DIR:-target}"/debug/deps/*kommun_intl*
	$(CARGO) package --locked --workspace --exclude kommun-intl-python --exclude kommun-intl-bench

## test-browser: the rendered pages in headless Chromium (tests/browser/): axe-core finds no
## WCAG 2.1 AA violation, lang attributes are right in both languages, the page prints without
## its navigation; screenshots in target/browser/screenshots/. Renders examples/lidkoping.json,
## the publish crate's fixture and every register of tests/realworld/converted/ in sv and en:
## several minutes, so not part of `make test`; .ci/run calls it. Skips (with the reason) where
## Node.js or Chromium is missing, except under CI=true.
test-browser:
	CARGO="$(CARGO)" tests/browser/run.sh

## test-libreoffice: the workbooks (templates and exports, xlsx and ODS) converted by headless
## LibreOffice and read back; needs `soffice` on PATH (Debian: libreoffice-calc-nogui), so the
## tests are ignored in a plain `cargo test` and fail here when it is missing. .ci/run calls it.
test-libreoffice:
	$(CARGO) test -p kommun-intl-sheets --test libreoffice --locked -- --ignored

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
FUZZ_TARGETS ?= document ndjson locate value report sheets open311_xml open311_form open311_response
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
