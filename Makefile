PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= marsad.db

.PHONY: install test demo bench bench-quality clean

$(BIN)/marsad: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(BIN)/marsad

install: $(BIN)/marsad

test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest

demo: install
	$(BIN)/marsad analyze src/marsad/data/sample --db $(DB)
	$(BIN)/marsad search "$$($(BIN)/python -c 'print("الحلف")')" --db $(DB) --limit 5
	@echo "Database: $(DB). Try: $(BIN)/marsad search <words> --db $(DB)"

bench: install
	$(BIN)/python bench/analyze.py
	$(BIN)/python bench/ner.py
	$(MAKE) bench-quality

bench-quality: install
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/dates_real.py
	$(BIN)/python bench/cleaning.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
