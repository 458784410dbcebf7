# The two commands: `make demo` serves the demo cluster, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
DEV := DJANGO_SETTINGS_MODULE=redesign.settings.dev

.PHONY: demo test install install-test bench bench-import bench-theme bench-health bench-interaction lint format check clean

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required")'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e .
	@touch $@

# Playwright's package never fetches a browser here: the browser tests drive Debian's Chromium.
$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(PIP) install --quiet -e ".[test]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

demo: install
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py load_demo_cluster --port $(PORT)
	$(DEV) $(PY) manage.py runserver $(HOST):$(PORT)

test: install-test
	$(VENV)/bin/pytest -n 2 -q

bench: install-test
	$(PY) scripts/bench_render.py

bench-import: install-test
	$(PY) scripts/bench_import.py

bench-theme: install-test
	$(PY) scripts/bench_theme_weight.py

bench-health: install-test
	$(PY) scripts/bench_health.py

# The message board's form over HTTP: BENCH_DB=postgres for a throwaway PostgreSQL database.
BENCH_DB ?= sqlite
bench-interaction: install-test
	$(PY) scripts/bench_interaction.py --database $(BENCH_DB)

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install-test
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) static_collected .pytest_cache
