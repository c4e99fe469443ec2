# The two commands of the README: `make demo` and `make test`. Both install what is missing.
PORT ?= 8080
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: demo test dist setup-build setup-test test-native test-browser test-e2e lint

demo: dist
	PORT=$(PORT) node tools/serve.mjs

dist: setup-build
	tools/dist.sh

test: setup-test lint test-native test-browser dist test-e2e

setup-build:
	tools/setup.sh build

setup-test:
	tools/setup.sh test

lint:
	cargo fmt --check
	cargo clippy --quiet --all-targets -- -D warnings
	cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test --quiet

test-browser:
	cargo test --target wasm32-unknown-unknown --test browser

test-e2e:
	node --test --test-concurrency=1 tests/e2e/
