#!/usr/bin/env bash
# Builds dist/: incident-banner.js (ES module: wasm-bindgen glue + element definitions),
# incident-banner_bg.wasm and the feed schema; prints their sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release --lib --target wasm32-unknown-unknown
rm -rf dist && mkdir -p dist
wasm-bindgen --target web --no-typescript --out-dir dist --out-name incident-banner \
  target/wasm32-unknown-unknown/release/incident_banner.wasm
grep -q "async function __wbg_init" dist/incident-banner.js || {
  echo "wasm-bindgen output no longer defines __wbg_init; update src/dom/define.js" >&2; exit 1; }
cat src/dom/define.js >> dist/incident-banner.js
cp www/schema/feed-v1.json dist/
for f in dist/incident-banner.js dist/incident-banner_bg.wasm; do
  printf '%-32s %8d bytes raw %8d bytes gzip -9\n' "$f" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)"
done
