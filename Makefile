# claret-harness — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/claret-harness
APT_PACKAGES := libmicrohttpd-dev libsqlite3-dev libyaml-dev pkg-config
BENCH_PACKAGES := wrk

.PHONY: deps build release run demo serve test tsan stress lint format bench clean help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

deps: ## Install the Debian packages the build needs (skipped when already present)
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
		echo "Installing $(APT_PACKAGES)"; \
		$(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
		$(if $(filter 0,$(shell id -u)),,sudo) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi

build: deps ## Debug build
	$(SWIFT) build

release: deps ## Release build of the claret-harness binary
	$(SWIFT) build -c release --product claret-harness

run: release ## Replay the bundled scenarios against the embedded mock: a line per scenario and a summary
	$(BIN) run scenarios

demo: release ## Start the mock on the demo tenant, walk through token → import → read-back with curl, keep serving
	@./scripts/run-demo.sh $(BIN)

serve: release ## Start the mock in the foreground (ARGS="--port 0 ...")
	$(BIN) serve $(ARGS)

test: deps ## Build and run every test
	$(SWIFT) build --build-tests
	SWIFT="$(SWIFT)" ./scripts/test.sh

tsan: deps ## Run the server, store and runner tests under ThreadSanitizer
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build/tsan
	$(SWIFT) test --skip-build --sanitize=thread --scratch-path .build/tsan \
		--filter "ClaretServerTests|ClaretStoreTests|ClaretScenariosTests"

stress: deps ## Stop servers of every thread mode 3000 times under traffic (shutdown races show only over many cycles)
	$(SWIFT) build --build-tests
	CLARET_STOP_CYCLES=$${CLARET_STOP_CYCLES:-3000} SWIFT="$(SWIFT)" ./scripts/test.sh --filter stopUnderTraffic

lint: ## Check formatting with the toolchain's swift format
	$(SWIFT) format lint --strict --recursive --configuration .swift-format Sources Tests Package.swift

format: ## Reformat the sources in place
	$(SWIFT) format format --in-place --recursive --configuration .swift-format Sources Tests Package.swift

bench: release ## Measure a 1000-record JSON import and other hot paths (needs wrk)
	@dpkg -s $(BENCH_PACKAGES) >/dev/null 2>&1 || ($(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq $(BENCH_PACKAGES) >/dev/null)
	@./scripts/bench.sh $(BIN)

clean: ## Remove build products
	$(SWIFT) package clean
