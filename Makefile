# geomap: `make demo` maps the shipped sample data; `make test` runs every test. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SOURCES ?= ../shared/gazetteer-sources
SAMPLES := geomap/data/samples

.PHONY: demo test setup setup-test lint bench eval gazetteer clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

setup: $(VENV)/.installed

setup-test: $(VENV)/.installed-test

demo: setup
	mkdir -p out
	$(BIN)/geomap map $(SAMPLES)/reports.jsonl $(SAMPLES)/incidents_acled.csv -o out/map.html --offline \
		--choropleth admin1 --title "حوادث من التقارير والجداول النموذجية" --overwrite
	$(BIN)/geomap incidents $(SAMPLES)/reports.jsonl $(SAMPLES)/incidents_acled.csv \
		-o out/incidents.geojson --layers-dir out/layers --overwrite
	@echo "open out/map.html in a browser; GeoJSON layers are in out/layers/"

test: setup-test
	$(BIN)/ruff check geomap bench tests
	$(BIN)/python -m pytest

lint: setup-test
	$(BIN)/ruff check geomap bench tests
	$(BIN)/ruff format --check geomap bench tests

eval: setup-test
	$(BIN)/python -m bench.eval_geoparse

bench: setup-test
	$(BIN)/python -m bench.run_all

gazetteer: setup-test
	$(BIN)/python -m geomap.build $(SOURCES)

clean:
	rm -rf out .pytest_cache tests/artifacts
