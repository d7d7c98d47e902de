# Two commands a newcomer needs: `make demo` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench install clean

install: $(STAMP)

# Reinstall only when the dependency list changes.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	bash .ci/system-deps
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/notices demo

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 --dist worksteal -q

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP)
	$(BIN)/python bench/store.py
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/clean.py
	$(BIN)/python bench/crawl.py
	$(BIN)/python bench/reparse.py
	$(BIN)/python bench/nightly.py
	$(BIN)/python bench/distributed.py

clean:
	rm -rf $(VENV) data build *.egg-info
