PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= marsad.db
PORT ?= 8000

.PHONY: install test demo bench bench-quality clean

$(BIN)/marsad: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(BIN)/marsad

install: $(BIN)/marsad

test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest

demo: install
	$(BIN)/marsad analyze src/marsad/data/sample --db $(DB)
	$(BIN)/marsad search "$$($(BIN)/python -c 'print("الحلف")')" --db $(DB) --limit 5
	@echo "Database: $(DB). Try: $(BIN)/marsad search <words> --db $(DB)"
	@echo "Starting the web UI (Ctrl-C stops it):"
	$(BIN)/marsad serve --db $(DB) --port $(PORT)

bench: install
	$(BIN)/python bench/analyze.py
	$(BIN)/python bench/ner.py
	$(BIN)/python bench/watch.py
	$(BIN)/python bench/linking_speed.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/web.py
	$(BIN)/python bench/stories.py
	$(MAKE) bench-quality

bench-quality: install
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/dates_real.py
	$(BIN)/python bench/cleaning.py
	$(BIN)/python bench/linking.py
	$(BIN)/python bench/quotes.py --skip-speed
	$(BIN)/python bench/name_pairs.py
	$(BIN)/python bench/stories.py --quick

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
