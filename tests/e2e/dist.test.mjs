// `make dist` is a complete package: the files package.json promises exist, npm would pack
// them, the .d.ts names every observed attribute and event, and the SRI hash in the embed
// snippet is the module's (a browser loads it; a wrong hash is refused).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { setUp } from "./helpers.mjs";

const dist = new URL("../../dist/", import.meta.url);
const read = (name) => readFileSync(new URL(name, dist), "utf8");
let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

test("package.json describes files that exist, and npm would pack them", () => {
  const pkg = JSON.parse(read("package.json"));
  assert.equal(pkg.name, "incident-banner");
  assert.equal(pkg.type, "module");
  for (const f of pkg.files) assert.ok(existsSync(new URL(f, dist)), f);
  for (const target of Object.values(pkg.exports)) {
    for (const f of typeof target === "string" ? [target] : Object.values(target)) assert.ok(existsSync(new URL(f, dist)), f);
  }
  const packed = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: dist, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  const names = packed[0].files.map((f) => f.path).sort();
  const module = (m) => [`${m}.js`, `${m}.js.br`, `${m}.js.gz`, `${m}_bg.wasm`, `${m}_bg.wasm.br`, `${m}_bg.wasm.gz`];
  assert.deepEqual(names, ["feed-v1.json", ...module("incident-banner-more"), "incident-banner.d.ts", ...module("incident-banner"),
    "package.json"].sort());
});

test("the precompressed files are the modules and their wasm, and a browser is sent them", async () => {
  const files = ["incident-banner.js", "incident-banner_bg.wasm", "incident-banner-more.js", "incident-banner-more_bg.wasm"];
  for (const name of files) {
    const original = readFileSync(new URL(name, dist));
    assert.deepEqual(gunzipSync(readFileSync(new URL(`${name}.gz`, dist))), original, `${name}.gz`);
    assert.deepEqual(brotliDecompressSync(readFileSync(new URL(`${name}.br`, dist))), original, `${name}.br`);
  }
  // The demo server sends them as nginx's gzip_static / brotli_static would.
  const page = await env.browser.newPage();
  const encodings = {};
  page.on("response", (r) => { if (r.url().includes("/dist/")) encodings[r.url().split("/").pop()] = r.headers()["content-encoding"]; });
  // A banner-only page loads the banner module; a page with a timeline, the second module.
  await page.goto(env.base + "/snippet.html");
  await page.waitForFunction(() => document.querySelector("incident-banner")?.shadowRoot?.querySelector(".title"));
  await page.goto(env.base + "/agency.html");
  await page.waitForFunction(() => document.querySelector("incident-banner").shadowRoot?.querySelector(".title"));
  for (const name of files) assert.match(encodings[name] ?? "", /^(br|gzip)$/, name);
  await page.close();
});

test("the .d.ts names every observed attribute and both events", () => {
  const dts = read("incident-banner.d.ts");
  const define = readFileSync(new URL("../../src/dom/define.js", import.meta.url), "utf8");
  const observed = JSON.parse(define.match(/OBSERVED = (\[[^\]]*\])/)[1]);
  for (const attr of observed) assert.ok(dts.includes(attr.includes("-") ? `"${attr}"` : `${attr}?`) || dts.includes(`${attr}:`), attr);
  for (const event of ["incident-banner:update", "incident-banner:error"]) assert.ok(dts.includes(event), event);
  assert.ok(dts.includes('"incident-banner": IncidentBannerElement'));
  // The JavaScript API: the `feed` property and the module's `check` export.
  assert.match(dts, /\n  get feed\(\): Promise<ShownFeed \| null>;/);
  assert.match(dts, /\n  set feed\(value: FeedV1 \| Record<string, unknown> \| null\);/);
  assert.match(dts, /export function check\(feed: unknown, lang\?: "ko" \| "en"\): Promise<CheckReport>;/);
  assert.match(dts, /export function ready\(\): Promise<void>;/);
  for (const name of ["check", "ready"]) {
    assert.match(read("incident-banner.js"), new RegExp(`export (async )?function ${name}\\b|export\\s*\\{[^}]*\\bas ${name}\\b`), `the module exports ${name}`);
  }
});

test("no wasm-bindgen name with a build hash is left in the module (tools/short-names.mjs)", () => {
  // Those names cost bytes in both files, and their hashes change with the dependency graph,
  // and with them the module's SRI hash, with no change of ours.
  const lifecycle = ["elementConnected", "elementDisconnected", "elementAttributeChanged", "elementSetFeed", "autoBanner"];
  for (const [file, own] of [["incident-banner.js", [...lifecycle, "elementTexts"]], ["incident-banner-more.js", [...lifecycle, "elementFeed", "feedOf", "check"]]]) {
    const js = read(file);
    assert.deepEqual(js.match(/\b(__wbg_\w+|wasm_bindgen__convert__\w+|__wbindgen_(malloc|realloc|start)\b)/g), null, file);
    for (const name of own) assert.ok(js.includes(`.${name}(`), `${file}: our own export ${name} keeps its name`);
  }
});

test("the SRI hash in the snippet is the module's, and browsers enforce it", async () => {
  const snippet = read("snippet.html");
  const integrity = snippet.match(/integrity="([^"]+)"/)[1];
  const actual = "sha384-" + createHash("sha384").update(readFileSync(new URL("incident-banner.js", dist))).digest("base64");
  assert.equal(integrity, actual);
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  assert.ok(readme.includes(`integrity="${integrity}"`),
    "README's embed snippet must carry this build's SRI hash: copy it from dist/snippet.html (make dist prints it)");
  for (const [hash, defined] of [[integrity, true], ["sha384-" + "A".repeat(64), false]]) {
    const page = await env.browser.newPage();
    await page.goto(env.base + "/index.html");
    await page.evaluate((h) => {
      const s = document.createElement("script");
      s.type = "module"; s.src = "/dist/incident-banner.js"; s.integrity = h;
      document.head.append(s);
    }, hash);
    await page.waitForTimeout(defined ? 0 : 500);
    const ok = await page.evaluate(() => Promise.race([customElements.whenDefined("incident-banner").then(() => true), new Promise((r) => setTimeout(() => r(false), 3000))]));
    assert.equal(ok, defined, `integrity ${hash.slice(0, 16)}…`);
    await page.close();
  }
});

test("the snippet's preload line is the module's own wasm request: one download, started with the module's", async () => {
  const snippet = read("snippet.html");
  const lines = snippet.trim().split("\n");
  assert.equal(lines.length, 2, "two lines a CMS can paste");
  assert.match(lines[0], /^<link rel="preload" href="[^"]+\/incident-banner_bg\.wasm" as="fetch" type="application\/wasm" crossorigin>$/);
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  assert.ok(readme.includes(lines[0]), "README shows the preload line");
  // The snippet as a page would carry it, the CDN's address replaced by the demo server's.
  const html = `<!doctype html><html lang="ko"><head><meta charset="utf-8">${snippet.replace(/https:\/\/cdn\.example\.org\/incident-banner@[^/]+\//g, "/dist/")}
    </head><body><incident-banner src="/feeds/mois-2023-11.json" now="2023-11-17T12:00:00+09:00"></incident-banner></body></html>`;
  const context = await env.browser.newContext();
  await context.route(env.base + "/snippet-page.html", (route) => route.fulfill({ contentType: "text/html", body: html }));
  const page = await context.newPage();
  const wasm = [], warnings = [];
  page.on("request", (r) => { if (r.url().endsWith("_bg.wasm")) wasm.push(r.url()); });
  page.on("console", (m) => { if (m.type() === "warning" || m.type() === "error") warnings.push(m.text()); });
  await page.goto(env.base + "/snippet-page.html");
  await page.waitForFunction(() => document.querySelector("incident-banner").shadowRoot?.querySelector(".title"));
  assert.deepEqual(wasm, [env.base + "/dist/incident-banner_bg.wasm"], "the wasm is requested once: the module took the preloaded response");
  assert.deepEqual(warnings, []);
  await context.close();
});
