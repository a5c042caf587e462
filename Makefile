# onrecord: set-up and the everyday commands.
#
#   make run     install into .venv, store the examples in out/onrecord.db, serve the web app on 127.0.0.1:$(PORT)
#   make demo    the same without a server, for scripts: extract the examples, show who said what, store, query
#   make test    install into .venv, lint (ruff, mypy, the shape gate; LINT=0 skips), run the test suite
#   make lint    ruff (src, tests, bench, tools), mypy (strict, src/) and tools/shape.py (attribution/ size limits)
#   make eval    score onrecord on the dev splits in ../shared, and speakers on PolNeAR train (data/speakers, all parts pooled); skips what is absent
#   make bench   throughput figures (full extraction vs bare spaCy vs textacy)
#   make bench-scale    corpus-scale figures: 1 vs 2 workers, Dask vs local, RSS over 20k docs, a 10k-page WARC
#   make bench-profile  where extraction spends its time (cProfile)
#   make bench-web      the web app under load (bench/web_load.py)
#
# Installation happens once: .venv/.installed is rebuilt only when pyproject.toml changes.

SHELL   := /bin/bash
PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SHARED  ?= $(or $(ONRECORD_SHARED),../shared)
PORT    ?= 8000
EXAMPLES := $(sort $(wildcard examples/*.txt examples/*.html examples/*.jsonl))
PYTEST_ARGS ?=
# 1 (the default): make test runs make lint (ruff, mypy, the shape gate) before pytest and fails when it fails.
# (make has a built-in LINT = lint, which ?= would keep: so set it unless the command line or environment did.)
ifeq ($(origin LINT),default)
LINT := 1
endif

export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: all install run demo lint test eval bench bench-scale bench-web bench-profile clean distclean

all: demo

$(STAMP): pyproject.toml
	@# (a .venv left half made by an interrupted run, without pip, is made again)
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,accurate]'
	@touch $@

install: $(STAMP)

# The web app over the examples: Ctrl-C stops it. Writes (paste an article) need the token printed here.
run: $(STAMP)
	@mkdir -p out
	$(BIN)/onrecord ingest examples/ --db out/onrecord.db --no-progress
	@token=$${ONRECORD_TOKEN:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(12))')}; \
	  echo; echo "=== open http://127.0.0.1:$(PORT)/  (articles, speakers, search, stats; Ctrl-C stops the server)"; \
	  echo "=== to paste an article, sign in with the token: $$token"; echo; \
	  ONRECORD_TOKEN="$$token" exec $(BIN)/onrecord serve --db out/onrecord.db --host 127.0.0.1 --port $(PORT)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/onrecord extract examples/ -o out/examples.jsonl
	@for f in $(EXAMPLES); do \
	  case "$$f" in \
	    *.jsonl) ids=$$($(BIN)/python -c 'import json, sys; [print(json.loads(l)["id"]) for l in open(sys.argv[1]) if l.strip()]' "$$f");; \
	    *) ids=-;; \
	  esac; \
	  for id in $$ids; do \
	    if [ "$$id" = - ]; then \
	      echo; echo "=== $$f"; $(BIN)/onrecord show "$$f" || exit $$?; \
	    else \
	      echo; echo "=== $$f ($$id)"; $(BIN)/onrecord show "$$f" --id "$$id" || exit $$?; \
	    fi; \
	  done; \
	done
	@echo; echo "=== the record: ingest the examples into out/onrecord.db (SQLite), then ask it things"
	$(BIN)/onrecord ingest examples/ --db out/onrecord.db --no-progress
	$(BIN)/onrecord speakers --db out/onrecord.db --limit 8
	@top=$$($(BIN)/onrecord speakers --db out/onrecord.db --json --limit 1 | \
	  $(BIN)/python -c 'import json, sys; print(json.load(sys.stdin)[0]["name"])') && \
	  echo "$$ onrecord speaker \"$$top\"" && $(BIN)/onrecord speaker "$$top" --db out/onrecord.db
	$(BIN)/onrecord stats --db out/onrecord.db --top 3

# ruff reads src, tests, bench and tools; mypy checks src/ strictly (both configured in pyproject.toml);
# tools/shape.py holds attribution/ to functions under 60 lines and modules of at most 500.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python tools/shape.py

# pytest exits 5 when it collects no tests; that is not a failure of the set-up, so say so and pass.
test: $(STAMP) $(if $(filter 1,$(LINT)),lint)
	@$(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests (exit 5), treated as success"; exit 0; fi; \
	exit $$rc

# The last two runs score speakers on PolNeAR train with the resolved names of data/speakers/ (every part pooled: 345 documents, parts a-o).
eval: $(STAMP)
	@for g in polnear/dev.jsonl.gz:all:phrase:fast polnear/dev.jsonl.gz:quotes:phrase:fast ggt/dev.jsonl:quotes:word:fast \
	          polnear/dev.jsonl.gz:all:phrase:accurate ggt/dev.jsonl:quotes:word:accurate \
	          polnear/train.jsonl.gz:all:phrase:fast:data/speakers \
	          polnear/train.jsonl.gz:all:phrase:accurate:data/speakers; do \
	  IFS=: read -r corpus scope cue mode speakers <<< "$$g"; f="$(SHARED)/data/$$corpus"; \
	  if [ -f "$$f" ]; then \
	    echo "=== $$f (--scope $$scope --cue-span $$cue --mode $$mode$${speakers:+ --speakers $$speakers})"; \
	    $(BIN)/onrecord eval "$$f" --scope "$$scope" --cue-span "$$cue" --mode "$$mode" \
	      $${speakers:+--speakers "$$speakers"} || exit $$?; \
	  else \
	    echo "=== $$f: absent, skipped"; \
	  fi; \
	done
	@echo "=== data/news/dev.jsonl (invented hard-case news: direct and mixed quotations, their speakers)"; \
	  $(BIN)/onrecord eval data/news/dev.jsonl --types direct,mixed --cue-span word --no-progress
	@echo "=== data/news2/dev.jsonl (invented wire and newspaper copy: direct and mixed quotations, their speakers)"; \
	  $(BIN)/onrecord eval data/news2/dev.jsonl --types direct,mixed --cue-span word --no-progress
	@echo "=== data/news3/dev.jsonl (invented news weighted to what real news showed: direct and mixed quotations, their speakers)"; \
	  $(BIN)/onrecord eval data/news3/dev.jsonl --types direct,mixed --cue-span word --no-progress; \
	echo "=== data/news4/dev.jsonl (invented news weighted to who speaks: direct and mixed quotations, their speakers)"; \
	  $(BIN)/onrecord eval data/news4/dev.jsonl --types direct,mixed --cue-span word --no-progress
	@echo "=== data/realnews/dev.jsonl (the saved real pages of ../shared/data/html: direct and mixed quotations, their speakers)"; \
	  if [ -f "$(SHARED)/data/html/manifest.jsonl" ]; then \
	    $(BIN)/onrecord eval data/realnews/dev.jsonl --types direct,mixed --cue-span word --no-progress; \
	    echo "=== data/realnews/dev.jsonl --quoted (the quoted words themselves, as a Quotebank-style user reads them)"; \
	    $(BIN)/onrecord eval data/realnews/dev.jsonl --quoted --cue-span word --no-progress; \
	  else echo "absent, skipped"; fi
	@echo "=== data/provenance (the provenance flags, dev stories)"; $(BIN)/onrecord eval data/provenance --split dev
	@echo "=== data/quotes (quote families on PolNeAR train+dev)"; $(BIN)/onrecord eval data/quotes
	@echo "=== data/gender (speaker gender, GGT dev)"; $(BIN)/onrecord eval data/gender/ggt-dev.jsonl --no-progress
	@echo "=== data/sourcing (sourcing signals, PolNeAR dev)"; $(BIN)/onrecord eval data/sourcing/polnear-dev.jsonl --no-progress

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/store_overhead.py
	$(BIN)/python bench/speaker_linking.py
	$(BIN)/python bench/provenance.py

bench-scale: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/scale.py all

# the web app under load: a generated store of 100k articles / 1M statements, 16 clients for 60 s, SQLite and PostgreSQL
bench-web: $(STAMP)
	$(BIN)/python bench/web_load.py

bench-profile: $(STAMP)
	$(BIN)/python bench/profile_extract.py

clean:
	rm -rf out .pytest_cache .hypothesis .mypy_cache .ruff_cache

distclean: clean
	rm -rf $(VENV)

# The fuzz suite's long run: the Hypothesis profile "long" (random, 20 times the examples `make test` runs, failures
# kept in .hypothesis/ and tried first next time); about an hour on two cores. See docs/testing.md.
.PHONY: fuzz
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest tests/fuzz -p no:cacheprovider --hypothesis-show-statistics $(PYTEST_ARGS)
