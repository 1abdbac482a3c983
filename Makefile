# geomap: `make demo` maps the shipped sample data; `make test` runs every test. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SOURCES ?= ../shared/gazetteer-sources
SAMPLES := geomap/data/samples
# the wheel users install (its geoparser compiled by mypyc, setup.py), unpacked here for the tests and benchmarks;
# the editable .venv install stays pure Python (GEOMAP_PURE=1) so that an edited source is what runs
COMPILED := $(CURDIR)/build/compiled
# the wheel first on the path, the checkout after it (for tests/ and bench/), never the working folder before both
ON_COMPILED := GEOMAP_EXPECT_COMPILED=1 PYTHONSAFEPATH=1 PYTHONPATH=$(COMPILED):$(CURDIR)

.PHONY: demo test test-pure test-compiled compiled setup setup-test lint bench eval gazetteer clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml setup.py
	GEOMAP_PURE=1 $(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml setup.py
	GEOMAP_PURE=1 $(BIN)/python -m pip install --quiet -e '.[test]'
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

test:  # one after the other (both write tests/artifacts), even under make -j
	$(MAKE) test-pure
	$(MAKE) test-compiled

test-pure: setup-test
	$(BIN)/ruff check geomap bench tests setup.py
	$(BIN)/python -m pytest

compiled: setup-test
	rm -rf build  # setuptools would pack stale copies of removed modules left in build/lib
	$(BIN)/python -m pip wheel --quiet --no-deps . -w build/wheel
	$(BIN)/python -m zipfile -e build/wheel/geomap-*.whl $(COMPILED)

# every test again on the compiled build (importlib mode: the checkout is not put before it on the path)
test-compiled: compiled
	$(ON_COMPILED) $(BIN)/pytest --import-mode=importlib -p no:cacheprovider

lint: setup-test
	$(BIN)/ruff check geomap bench tests setup.py
	$(BIN)/ruff format --check geomap bench tests setup.py

eval: setup-test
	$(BIN)/python -m bench.eval_geoparse

bench: compiled
	$(ON_COMPILED) $(BIN)/python -m bench.run_all

gazetteer: setup-test
	$(BIN)/python -m geomap.build $(SOURCES)

clean:
	rm -rf out .pytest_cache tests/artifacts build
	rm -f geomap/geoparse/*.so geomap__mypyc*.so  # left by an editable install made without GEOMAP_PURE=1
