# Developer entry points. `make test` is what CI runs (.ci/run).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install test demo schemas lint bench clean distclean

install: $(VENV)/.installed

# Re-install only when the dependencies may have changed.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# pgmatrix (PostgreSQL 16 and 17 wheels) only where it installs; tests needing it skip.
	$(BIN)/pip install -e '.[dev,pgmatrix]' || $(BIN)/pip install -e '.[dev]'
	touch $@

# pytest exits 5 when it collects no tests: that is a failure here, never hidden.
test: install
	$(BIN)/python -m pytest -n 2 -q

demo: install
	$(BIN)/python scripts/demo.py

# Documents the database named in the current directory's pgdoc config.
schemas: install
	$(BIN)/pgdoc sync

lint: install
	$(BIN)/ruff check pgdoc tests
	$(BIN)/mypy pgdoc

bench: install
	$(BIN)/python bench/bench.py

clean:
	rm -rf build .tmp .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
