# sohoa: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
CARGO ?= cargo
SOHOA := target/release/sohoa
# Seconds per fuzz target in `make fuzz`.
FUZZ_SECONDS ?= 60
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CORPUS_FOLDERS := $(sort $(notdir $(patsubst %/,%,$(wildcard corpus/*/))))

.PHONY: setup build run test python-test fixtures baseline fixture-tools bench bench-speed bench-isolation fuzz

## setup: the Debian tools sohoa calls at run time (PDF text, page images, OCR), when missing
setup:
	@missing=""; \
	command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	command -v tesseract >/dev/null || missing="$$missing tesseract-ocr"; \
	tesseract --list-langs 2>/dev/null | grep -x vie >/dev/null || missing="$$missing tesseract-ocr-vie"; \
	if [ -n "$$missing" ]; then \
		echo "make setup: installing$$missing"; \
		$(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

## build: the release binary target/release/sohoa
build:
	$(CARGO) build --release -p sohoa-cli

## run: convert every corpus folder into out/<folder>/ and score the seeds against fixtures/gold
run: setup build
	@for d in $(CORPUS_FOLDERS); do \
		echo "== corpus/$$d -> out/$$d"; \
		$(SOHOA) convert corpus/$$d --out out/$$d; status=$$?; \
		if [ $$status -eq 1 ]; then echo "(some files of corpus/$$d gave error records: see out/$$d)"; \
		elif [ $$status -ne 0 ]; then exit $$status; fi; \
	done
	@echo "== scores of out/seeds against fixtures/gold"
	$(SOHOA) eval --gold fixtures/gold --pred out/seeds
	@echo "== scores of out/real against fixtures/gold/real (five real documents)"
	$(SOHOA) eval --gold fixtures/gold/real --pred out/real
	@echo "== scores of out/real against fixtures/gold/real/annex-only (real 12's annex)"
	$(SOHOA) eval --gold fixtures/gold/real/annex-only --pred out/real --scope annex

## test: formatting (rustfmt.toml), every test of the workspace (the tidy test included), then clippy with the workspace lint table and warnings as errors
test: setup
	$(CARGO) fmt --all --check
	cd fuzz && $(CARGO) fmt --check
	cd crates/sohoa-py && $(CARGO) fmt --check
	$(CARGO) test --workspace
	$(CARGO) clippy --workspace --all-targets -- -D warnings

## python-test: build the Python wheel (crates/sohoa-py) into a fresh venv, install pytest, ray[data], pyarrow, pandas, run its tests
python-test: setup
	bash scripts/python_test.sh

## fixtures: regenerate every expected output (review the git diff before committing); never touches score baselines
fixtures: setup fixture-tools
	UPDATE_EXPECT=1 $(CARGO) test --workspace

## baseline: rewrite fixtures/gold/baseline/ with today's scores (a deliberate step: the diff shows every figure that moved)
baseline: setup
	UPDATE_BASELINE=1 $(CARGO) test -p sohoa-cli --test gold_gate every_gold_set_scores_at_least_its_baseline

## fixture-tools: Python packages used only by the fixture-making scripts
fixture-tools:
	@if [ -f scripts/requirements.txt ]; then python3 -m pip install -q -r scripts/requirements.txt; fi

## bench: every scripts/bench_*.sh
bench: setup build
	@found=0; for s in scripts/bench_*.sh; do \
		[ -f "$$s" ] || continue; found=1; echo "== $$s"; bash "$$s" || exit $$?; \
	done; [ $$found = 1 ] || echo "make bench: no scripts/bench_*.sh yet"

## bench-isolation: scripts/bench_isolation.sh alone (issue 11: the cost of worker processes on corpus/real and corpus/seeds)
bench-isolation: setup build
	bash scripts/bench_isolation.sh

## bench-speed: scripts/bench_speed.sh alone (about 2 minutes; ARCHIVE_FILES=10000 for the archive issue's bench), then the map-stage criterion bench
bench-speed: setup build
	bash scripts/bench_speed.sh
	$(CARGO) bench -p sohoa-map --bench map

## fuzz: every cargo-fuzz target for FUZZ_SECONDS each (see fuzz/README.md)
fuzz:
	@command -v cargo-fuzz >/dev/null || { echo "make fuzz: needs cargo-fuzz (cargo install cargo-fuzz); see fuzz/README.md"; exit 2; }
	cd fuzz && for t in $$(RUSTC_BOOTSTRAP=1 $(CARGO) fuzz list); do \
		mkdir -p corpus/$$t && RUSTC_BOOTSTRAP=1 $(CARGO) fuzz run $$t corpus/$$t seeds/$$t -- \
			-max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=30 -max_len=262144 || exit $$?; \
	done
