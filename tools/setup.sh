#!/usr/bin/env bash
# Installs what the build (and, with `test`, the tests) need, skipping what is already here.
# Usage: tools/setup.sh build|test
set -euo pipefail
cd "$(dirname "$0")/.."
need=${1:-build}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# The pinned nightly the shipped wasm is built on (tools/dist.sh): std rebuilt for size.
nightly=$(cat tools/nightly-toolchain.txt)
if ! rustup run "$nightly" rustc --version >/dev/null 2>&1 \
  || ! rustup component list --toolchain "$nightly" --installed | grep -qx rust-src \
  || ! rustup target list --toolchain "$nightly" --installed | grep -qx wasm32-unknown-unknown; then
  rustup toolchain install "$nightly" --profile minimal --component rust-src --target wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen version in Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "installing wasm-bindgen-cli $want (found: ${have:-none})"
  cargo install wasm-bindgen-cli --version "$want"
fi

# wasm-opt from npm's binaryen and the terser minifier (pinned in tools/package.json).
if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -x tools/node_modules/.bin/terser ]; then
  (cd tools && npm ci --no-audit --no-fund --silent 2>/dev/null || npm install --no-audit --no-fund --silent)
fi

if [ "$need" = test ]; then
  if cargo +nightly --version >/dev/null 2>&1 && ! command -v cargo-fuzz >/dev/null; then
    cargo install cargo-fuzz
  fi
  # The three engines of the end-to-end tests: Chromium, Firefox ESR, and WebKitGTK's
  # MiniBrowser through WebKitWebDriver (no headless mode: it runs under xvfb-run).
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK" \
    || ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v xvfb-run >/dev/null; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk \
      firefox-esr webkit2gtk-driver xvfb xauth >/dev/null
  fi
  # The wasm-bindgen browser tests run in Firefox too, through geckodriver (about 3 min to build).
  if ! command -v geckodriver >/dev/null; then
    cargo install geckodriver --version 0.37.1
  fi
  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/puppeteer-core ] || [ ! -d tests/e2e/node_modules/selenium-webdriver ]; then
    (cd tests/e2e && npm ci --no-audit --no-fund --silent)
  fi
fi
