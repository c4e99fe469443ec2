// make bench: bytes, time to banner, heap and layout shift for our widget, the incumbent
// (@statuspage/status-widget 1.0.5) and a hand-written ~35-line baseline, on the same page
// shape and the same Statuspage summary.json, in headless Chromium via playwright-core.
// Cold loads (fresh context, cache disabled), median of RUNS, with and without 4× CPU
// throttling. Ratios from one run are what counts on these noisy machines.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const RUNS = Number(process.env.RUNS ?? 20);
const root = fileURLToPath(new URL("..", import.meta.url));
const incumbentJs = `${root}bench/node_modules/@statuspage/status-widget/dist/index.js`;
const summary = readFileSync(`${root}tests/fixtures/statuspage/summary.json`);
const TYPES = { html: "text/html; charset=utf-8", js: "text/javascript", wasm: "application/wasm", json: "application/json" };

const server = createServer((req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  const file = path === "/status/api/v2/summary.json" ? null
    : path === "/incumbent/index.js" ? incumbentJs
    : path.startsWith("/dist/") ? root + path.slice(1)
    : path.startsWith("/pages/") ? `${root}bench${path}` : undefined;
  try {
    const body = file === null ? summary : readFileSync(file);
    res.writeHead(200, { "Content-Type": TYPES[(file ?? ".json").split(".").pop()] ?? "application/octet-stream", "Cache-Control": "no-store" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;
if (process.argv.includes("--serve")) {
  console.log(`serving the bench pages at ${base}/pages/ (ours.html, incumbent.html, vanilla.html)`);
  await new Promise(() => {});
}

const variants = [
  { name: "incident-banner (ours)", page: "ours.html", files: ["dist/incident-banner.js", "dist/incident-banner_bg.wasm"], ready: "incident-banner .title" },
  { name: "@statuspage/status-widget 1.0.5", page: "incumbent.html", files: [incumbentJs.slice(root.length)], ready: "statuspage-widget .status-text" },
  { name: "hand-written baseline", page: "vanilla.html", files: ["bench/pages/vanilla.js"], ready: "#vanilla-banner .title" },
];

function bytes(files) {
  const t = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const b = readFileSync(root + f);
    t.raw += b.length;
    t.gzip += gzipSync(b, { level: 9 }).length;
    t.brotli += brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return t;
}

// Runs in every page before its scripts: records the first moment the variant's text is in the
// DOM (a MutationObserver on the document and on every shadow root created), and layout shifts.
const probe = (ready) => {
  const [host, inner] = ready.split(" ");
  window.__bench = { ready: null, cls: 0 };
  const check = () => {
    if (window.__bench.ready !== null) return;
    const el = document.querySelector(host);
    const target = el?.shadowRoot?.querySelector(inner);
    if (target && target.textContent.trim()) {
      window.__bench.ready = performance.now();
      console.debug("bench:ready"); // tells the harness without a waitForFunction (see load)
    }
  };
  const observe = (node) => new MutationObserver(check).observe(node, { childList: true, subtree: true, characterData: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const r = attach.call(this, init); observe(r); return r; };
  observe(document);
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__bench.cls += e.value; })
    .observe({ type: "layout-shift", buffered: true });
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"] });

async function load(v, throttle) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (throttle > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  // Every variant reads the same document from the same (routed) origin.
  await context.route("https://status.example.com/api/v2/summary.json", (route) =>
    route.fulfill({ status: 200, body: summary, headers: { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*" } }));
  await page.addInitScript(probe, v.ready);
  // Waiting through a console message, not page.waitForFunction: that injects Playwright's
  // own script into the page, and parsing it (~16 ms) would land in the middle of the load.
  const announced = page.waitForEvent("console", { predicate: (m) => m.text() === "bench:ready", timeout: 30_000 });
  await page.goto(`${base}/pages/${v.page}`, { waitUntil: "commit" });
  await announced;
  await page.waitForTimeout(100);
  const { ready, cls } = await page.evaluate(() => window.__bench);
  const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
  await context.close();
  return { ready, cls, heap };
}

const stats = (xs) => { const s = [...xs].sort((a, b) => a - b); return { min: s[0], median: s[Math.floor(s.length / 2)], max: s.at(-1) }; };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => n.toFixed(0);

// The variants take turns, load by load: the machine's speed drifts over a run (other work,
// CPU frequency), and a drift then slows every variant alike instead of whichever ran last,
// which is what a ratio needs.
const rows = variants.map((v) => ({ v, bytes: bytes(v.files) }));
for (const throttle of [1, 4]) {
  for (const v of variants) await load(v, throttle); // warm the browser process itself, not the page
  const runs = variants.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, v] of variants.entries()) runs[k].push(await load(v, throttle));
  }
  for (const [k, r] of rows.entries()) {
    r[throttle] = { time: stats(runs[k].map((x) => x.ready)), heap: stats(runs[k].map((x) => x.heap)).median, cls: Math.max(...runs[k].map((x) => x.cls)) };
  }
}
await browser.close();
server.close();

console.log(`Cold loads: ${RUNS} per variant and setting; times from navigation start to the text in the DOM (ms).\n`);
console.log("| variant | raw | gzip -9 | brotli | time to banner min / median / max | at 4× CPU throttling | JS heap (median) | CLS |");
console.log("|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  const t1 = r[1].time, t4 = r[4].time;
  console.log(`| ${r.v.name} | ${kb(r.bytes.raw)} | ${kb(r.bytes.gzip)} | ${kb(r.bytes.brotli)} | ${ms(t1.min)} / **${ms(t1.median)}** / ${ms(t1.max)} | ${ms(t4.min)} / **${ms(t4.median)}** / ${ms(t4.max)} | ${kb(r[1].heap)} | ${r[1].cls.toFixed(3)} |`);
}
const [ours, incumbent] = rows;
console.log(`\nRatios, ours ÷ incumbent: bytes gzip ${(ours.bytes.gzip / incumbent.bytes.gzip).toFixed(2)}× (target ≤ 0.70), ` +
  `time to banner ${(ours[1].time.median / incumbent[1].time.median).toFixed(2)}× (target ≤ 0.80), ` +
  `at 4× throttling ${(ours[4].time.median / incumbent[4].time.median).toFixed(2)}×.`);
