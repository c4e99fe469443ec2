#!/usr/bin/env bash
# Builds dist/, a CDN-ready folder publishable to npm as `incident-banner`:
# incident-banner.js (ES module: wasm-bindgen glue + element definitions),
# incident-banner_bg.wasm, incident-banner.d.ts, the feed schema, package.json, and
# snippet.html (the one-line embed with its SRI hash). Prints sizes and the snippet.
set -euo pipefail
cd "$(dirname "$0")/.."
# Panic locations in dependencies would embed this machine's registry path; name it the same
# everywhere so two checkouts build the same wasm (and ~1 KB shorter).
registry="${CARGO_HOME:-$HOME/.cargo}/registry/src"
RUSTFLAGS="${RUSTFLAGS:-} --remap-path-prefix=$registry=/registry" \
  cargo build --quiet --release --lib --target wasm32-unknown-unknown --no-default-features
rm -rf dist && mkdir -p dist
wasm-bindgen --target web --no-typescript --out-dir dist --out-name incident-banner \
  target/wasm32-unknown-unknown/release/incident_banner.wasm
# Shrink the wasm (and strip what wasm-bindgen no longer needs). Features: those rustc enables.
# After -Oz, the control flow is flattened and rebuilt by binaryen's relooper, then shrunk
# twice more: 408 B gzip less than -Oz alone, and no slower on the big feed (BENCHMARKS.md).
tools/node_modules/.bin/wasm-opt -Oz --converge --strip-debug --strip-producers \
  --enable-bulk-memory --enable-reference-types --enable-sign-ext --enable-nontrapping-float-to-int \
  --enable-multivalue --enable-mutable-globals --flatten --rereloop -Oz -Oz \
  dist/incident-banner_bg.wasm -o dist/incident-banner_bg.wasm
grep -q "async function __wbg_init" dist/incident-banner.js || {
  echo "wasm-bindgen output no longer defines __wbg_init; update src/dom/define.js" >&2; exit 1; }
cat src/dom/define.js >> dist/incident-banner.js
# JavaScript the crate imports (`#[wasm_bindgen(module = "/src/...")]`) goes into the same
# module: one file for the page to fetch. Each import line is replaced by its file's code.
node tools/inline-snippets.mjs dist/incident-banner.js
rm -rf dist/snippets
# Minify the module: 8.3 → 5.8 KB gzip, and less for the browser to parse before the wasm
# request can go out. Property names are kept (the wasm's imports are looked up by name).
tools/node_modules/.bin/terser dist/incident-banner.js --module --compress --mangle \
  -o dist/incident-banner.js
node tools/short-names.mjs dist/incident-banner_bg.wasm dist/incident-banner.js
# Precompressed beside them (.gz, .br), for servers that send those as they are.
node tools/compress.mjs dist/incident-banner.js dist/incident-banner_bg.wasm
cp www/schema/feed-v1.json src/dom/incident-banner.d.ts dist/
# The publisher's desk (www/desk.html): its own wasm, with the desk's model and serde_json,
# built in its own target directory so the widget's release build is not redone each time.
RUSTFLAGS="${RUSTFLAGS:-} --remap-path-prefix=$registry=/registry" \
  cargo build --quiet --release --lib --target wasm32-unknown-unknown --no-default-features \
  --features desk-page --target-dir target/desk
wasm-bindgen --target web --no-typescript --out-dir dist/desk --out-name desk \
  target/desk/wasm32-unknown-unknown/release/incident_banner.wasm
tools/node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-reference-types --enable-sign-ext --enable-nontrapping-float-to-int \
  --enable-multivalue --enable-mutable-globals dist/desk/desk_bg.wasm -o dist/desk/desk_bg.wasm
# The module starts the desk when the page loads it (#[wasm_bindgen(start)] runs on init).
echo '__wbg_init();' >> dist/desk/desk.js
# The desk page itself, to host beside a feed (an intranet is typical): paths made relative.
sed -e 's|/dist/desk/desk.js|./desk.js|; s|/dist/incident-banner.js|../incident-banner.js|' www/desk.html > dist/desk/index.html
cp www/demo.css www/desk.css www/desk-sw.js dist/desk/
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
cat > dist/package.json <<JSON
{
  "name": "incident-banner",
  "version": "$version",
  "description": "Outage and maintenance banner and timeline web components (Rust + WebAssembly), Korean and English",
  "type": "module",
  "main": "./incident-banner.js",
  "module": "./incident-banner.js",
  "types": "./incident-banner.d.ts",
  "exports": {
    ".": { "types": "./incident-banner.d.ts", "default": "./incident-banner.js" },
    "./incident-banner_bg.wasm": "./incident-banner_bg.wasm",
    "./feed-v1.json": "./feed-v1.json"
  },
  "files": ["incident-banner.js", "incident-banner_bg.wasm", "incident-banner.d.ts", "feed-v1.json",
    "incident-banner.js.gz", "incident-banner.js.br", "incident-banner_bg.wasm.gz", "incident-banner_bg.wasm.br"],
  "sideEffects": true,
  "license": "MIT OR Apache-2.0",
  "keywords": ["outage", "status", "incident", "banner", "web-component", "custom-element", "wasm"]
}
JSON
sri="sha384-$(openssl dgst -sha384 -binary dist/incident-banner.js | openssl base64 -A)"
# Two lines: the wasm is requested with the module instead of after it (one round trip less
# on a slow network; `crossorigin` makes it the same request as the module's own fetch).
cdn="https://cdn.example.org/incident-banner@$version"
printf '<link rel="preload" href="%s/incident-banner_bg.wasm" as="fetch" type="application/wasm" crossorigin>\n<script type="module" src="%s/incident-banner.js" integrity="%s" crossorigin="anonymous"></script>\n' "$cdn" "$cdn" "$sri" > dist/snippet.html
node tools/sizes.mjs
echo "embed:"; cat dist/snippet.html
