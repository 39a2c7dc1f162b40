# SPDX-License-Identifier: MIT
# Two commands on a fresh Debian 12 machine:
#   make run    installs missing Debian packages, builds, runs the guided demo
#   make test   the same set-up, then the whole test suite
# `make` alone builds build/stride.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
WERROR ?= OFF
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60

.PHONY: all build deps test-deps configure run test demo asan fuzz bench clean

all: build

deps:
	@bash scripts/deps.sh

# The npm packages pinned in package-lock.json: uPlot for the dashboard (embedded at build time) and the test
# tools (the FIT SDK oracle, Playwright). Reinstalled when the lock changes.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

test-deps:
	@bash scripts/deps.sh --test

$(BUILD_DIR)/build.ninja: node_modules/.package-lock.json
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DSTRIDE_WERROR=$(WERROR) $(CMAKE_FLAGS)

configure: $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: deps build
	@bash scripts/demo.sh $(BUILD_DIR)/stride

test: deps test-deps build
	@bash scripts/test.sh $(BUILD_DIR)

# Tests under AddressSanitizer and UBSan (CI runs this after `make test`).
asan: deps test-deps
	$(MAKE) BUILD_DIR=build-asan BUILD_TYPE=RelWithDebInfo CMAKE_FLAGS="-DSTRIDE_SANITIZE=ON" build
	@bash scripts/test.sh build-asan

# libFuzzer targets (clang), each run briefly; CI runs this too.
fuzz: test-deps
	@bash scripts/fuzz.sh $(FUZZ_SECONDS)

# Benchmarks against peer tools; results go to docs/benchmarks.md by hand.
bench: deps
	@bash scripts/deps.sh --all
	$(MAKE) BUILD_DIR=build-bench CMAKE_FLAGS="-DSTRIDE_BUILD_BENCH=ON" build

clean:
	rm -rf build build-asan build-fuzz
