# newsflow: `make help` lists the targets.
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
#: The extractor compiled with mypyc, rebuilt whenever one of its sources changes.
COMPILED := $(VENV)/.compiled

.DEFAULT_GOAL := help
.PHONY: help install compile uncompile demo run test test-unit lint bench bench-fetch bench-extract bench-clean kafka postgres schemas clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

$(COMPILED): $(STAMP) deploy/compile_extractor.py $(wildcard services/extractor/*.py)
	$(BIN)/python deploy/compile_extractor.py
	touch $(COMPILED)

install: $(COMPILED) ## Create .venv, install newsflow with its test tools, compile the extractor

compile: $(COMPILED) ## Compile the extractor's rule modules with mypyc (about 1.6x faster, same output)

uncompile: ## Remove the compiled extractor modules: run the extractor from its sources
	$(BIN)/python deploy/compile_extractor.py --remove
	rm -f $(COMPILED)

demo: $(COMPILED) ## Serve a sample site on loopback, run the embedded pipeline on it, print the store
	$(BIN)/newsflow demo

run: $(COMPILED) ## Run the embedded pipeline once over config/feeds.yaml into SQLite
	$(BIN)/newsflow run --feeds config/feeds.yaml

kafka: ## Download the pinned Apache Kafka broker from Maven Central
	deploy/kafka.sh install

postgres: ## Install PostgreSQL from Debian's packages when missing
	deploy/postgres.sh install

test: $(COMPILED) kafka postgres ## Lint, type-check and run every test (integration tests start Kafka and PostgreSQL)
	$(BIN)/ruff check newsflow services tests benchmarks examples deploy
	$(BIN)/mypy
	$(BIN)/pytest -q

test-unit: $(COMPILED) ## Run the tests that need no Kafka or PostgreSQL
	$(BIN)/pytest -q -m "not integration"

bench: $(COMPILED) kafka postgres ## Pipeline benchmark on real Kafka + PostgreSQL (N pages, default 300); writes bench-results/pipeline.json
	$(BIN)/python -m benchmarks.pipeline --pages $(or $(N),300) --out bench-results/pipeline.json

bench-fetch: $(STAMP) kafka ## Fetch 10,000 pages from 200 loopback hosts into Kafka, per-host delay kept; writes bench-results/fetch.json
	$(BIN)/python -m benchmarks.fetch --pages $(or $(N),10000) --hosts 200 --out bench-results/fetch.json

bench-extract: $(COMPILED) ## Extractor precision/recall on the hand-coded gold set, CPU per article vs the cleaner, peak RSS; writes bench-results/extract.json
	$(BIN)/python -m benchmarks.extract --out bench-results/extract.json

bench-clean: $(COMPILED) ## Cleaner vs plain trafilatura on the 181 Scrapinghub pages (DATA=dir), F1/P/R also on each of the two 15-page held-out sets (HELDOUT="dir ..."), pages/s, metadata found; writes bench-results/clean.json
	$(BIN)/python -m benchmarks.clean --data $(or $(DATA),../shared/benchmarks/scrapinghub) $(foreach d,$(or $(HELDOUT),benchmarks/cleaner_heldout benchmarks/cleaner_heldout2),--heldout $(d)) --out bench-results/clean.json

schemas: $(COMPILED) ## Regenerate the published JSON Schemas in schemas/
	$(BIN)/newsflow schemas --out schemas

clean: ## Remove the venv, caches and local databases
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache bench-results *.sqlite newsflow-demo.sqlite*
	rm -f *__mypyc.*.so services/extractor/*.so
