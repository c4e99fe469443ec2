#!/usr/bin/env bash
# Builds dist/, a CDN-ready folder publishable to npm as `incident-banner`:
# incident-banner.js (ES module: the banner build's wasm-bindgen glue + the loader and element
# definitions) with incident-banner_bg.wasm; incident-banner-more.js with
# incident-banner-more_bg.wasm (the full build, fetched on demand); incident-banner.d.ts, the
# feed schema, package.json, and snippet.html (the embed with its SRI hash). Prints sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
# Panic locations in dependencies would embed this machine's registry path; name it the same
# everywhere so two checkouts build the same wasm (and ~1 KB shorter).
registry="${CARGO_HOME:-$HOME/.cargo}/registry/src"
# The shipped wasm is built on a pinned nightly with std rebuilt for size and panics that abort
# at once (no panic messages or formatting): ~14 KB gzip less than stable (BENCHMARKS.md,
# issue 28). tools/setup.sh installs it; without it (by hand), stable builds the same code.
nightly=$(cat tools/nightly-toolchain.txt)
rm -rf dist && mkdir -p dist
# build NAME FOOTER [cargo args…]: the crate as one module of dist/ (NAME.js + NAME_bg.wasm),
# wasm-bindgen's glue with FOOTER appended and the crate's JavaScript snippets inlined.
build() {
  local name=$1 footer=$2; shift 2
  local target="target/$name"
  if rustup run "$nightly" rustc --print sysroot >/dev/null 2>&1 \
    && [ -d "$(rustup run "$nightly" rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
    RUSTFLAGS="${RUSTFLAGS:-} -Zunstable-options -Cpanic=immediate-abort --remap-path-prefix=$registry=/registry" \
      cargo "+$nightly" build --quiet --release --lib --target wasm32-unknown-unknown --no-default-features \
      -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size --target-dir "$target" "$@"
  else
    echo "dist: $nightly with rust-src not found; building $name on stable (larger)" >&2
    RUSTFLAGS="${RUSTFLAGS:-} --remap-path-prefix=$registry=/registry" \
      cargo build --quiet --release --lib --target wasm32-unknown-unknown --no-default-features \
      --target-dir "$target" "$@"
  fi
  wasm-bindgen --target web --no-typescript --out-dir dist --out-name "$name" \
    "$target/wasm32-unknown-unknown/release/incident_banner.wasm"
  # Shrink the wasm (and strip what wasm-bindgen no longer needs). Features: those rustc
  # enables. After -Oz, the control flow is flattened and rebuilt by binaryen's relooper,
  # then shrunk twice more: 408 B gzip less than -Oz alone, and no slower on the big feed.
  tools/node_modules/.bin/wasm-opt -Oz --converge --strip-debug --strip-producers \
    --enable-bulk-memory --enable-reference-types --enable-sign-ext --enable-nontrapping-float-to-int \
    --enable-multivalue --enable-mutable-globals --flatten --rereloop -Oz -Oz \
    "dist/${name}_bg.wasm" -o "dist/${name}_bg.wasm"
  grep -q "async function __wbg_init" "dist/$name.js" || {
    echo "wasm-bindgen output no longer defines __wbg_init; update $footer" >&2; exit 1; }
  cat "$footer" >> "dist/$name.js"
  # JavaScript the crate imports (`#[wasm_bindgen(module = "/src/...")]`) goes into the same
  # module: one file for the page to fetch. Each import line is replaced by its file's code.
  node tools/inline-snippets.mjs "dist/$name.js"
  rm -rf dist/snippets
  # Minify the module: 8.3 → 5.8 KB gzip, and less for the browser to parse before the wasm
  # request can go out. Property names are kept (the wasm's imports are looked up by name).
  tools/node_modules/.bin/terser "dist/$name.js" --module --compress --mangle -o "dist/$name.js"
  node tools/short-names.mjs "dist/${name}_bg.wasm" "dist/$name.js"
  # Precompressed beside them (.gz, .br), for servers that send those as they are.
  node tools/compress.mjs "dist/$name.js" "dist/${name}_bg.wasm"
}
# The banner module: what a page with only `<incident-banner>` downloads.
build incident-banner src/dom/define.js --features widget
# Everything else, loaded on demand by the banner module's loader (src/dom/define.js).
build incident-banner-more src/dom/define-more.js --features widget,timeline
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
    "./incident-banner-more.js": "./incident-banner-more.js",
    "./incident-banner-more_bg.wasm": "./incident-banner-more_bg.wasm",
    "./feed-v1.json": "./feed-v1.json"
  },
  "files": ["incident-banner.js", "incident-banner_bg.wasm", "incident-banner.d.ts", "feed-v1.json",
    "incident-banner.js.gz", "incident-banner.js.br", "incident-banner_bg.wasm.gz", "incident-banner_bg.wasm.br",
    "incident-banner-more.js", "incident-banner-more_bg.wasm", "incident-banner-more.js.gz", "incident-banner-more.js.br",
    "incident-banner-more_bg.wasm.gz", "incident-banner-more_bg.wasm.br"],
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
