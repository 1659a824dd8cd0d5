# newsflow: `make help` lists the targets.
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install demo run test test-unit lint bench bench-fetch bench-extract bench-clean kafka postgres schemas clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install newsflow with its test tools

demo: $(STAMP) ## Serve a sample site on loopback, run the embedded pipeline on it, print the store
	$(BIN)/newsflow demo

run: $(STAMP) ## Run the embedded pipeline once over config/feeds.yaml into SQLite
	$(BIN)/newsflow run --feeds config/feeds.yaml

kafka: ## Download the pinned Apache Kafka broker from Maven Central
	deploy/kafka.sh install

postgres: ## Install PostgreSQL from Debian's packages when missing
	deploy/postgres.sh install

test: $(STAMP) kafka postgres ## Lint, type-check and run every test (integration tests start Kafka and PostgreSQL)
	$(BIN)/ruff check newsflow services tests benchmarks examples
	$(BIN)/mypy
	$(BIN)/pytest -q

test-unit: $(STAMP) ## Run the tests that need no Kafka or PostgreSQL
	$(BIN)/pytest -q -m "not integration"

bench: $(STAMP) kafka postgres ## Pipeline benchmark on real Kafka + PostgreSQL (N pages, default 300); writes bench-results/pipeline.json
	$(BIN)/python -m benchmarks.pipeline --pages $(or $(N),300) --out bench-results/pipeline.json

bench-fetch: $(STAMP) kafka ## Fetch 10,000 pages from 200 loopback hosts into Kafka, per-host delay kept; writes bench-results/fetch.json
	$(BIN)/python -m benchmarks.fetch --pages $(or $(N),10000) --hosts 200 --out bench-results/fetch.json

bench-extract: $(STAMP) ## Extractor precision/recall on the hand-coded gold set, CPU per article vs the cleaner, peak RSS; writes bench-results/extract.json
	$(BIN)/python -m benchmarks.extract --out bench-results/extract.json

bench-clean: $(STAMP) ## Cleaner vs plain trafilatura on the 181 Scrapinghub pages (DATA=dir): F1/P/R, pages/s, metadata found; writes bench-results/clean.json
	$(BIN)/python -m benchmarks.clean --data $(or $(DATA),../shared/benchmarks/scrapinghub) --out bench-results/clean.json

schemas: $(STAMP) ## Regenerate the published JSON Schemas in schemas/
	$(BIN)/newsflow schemas --out schemas

clean: ## Remove the venv, caches and local databases
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache bench-results *.sqlite newsflow-demo.sqlite*
