// make bench: bytes, time to banner, heap and layout shift for our widget, the incumbent
// (@statuspage/status-widget 1.0.5) and a hand-written ~35-line baseline, on the same page
// shape and the same Statuspage summary.json, in headless Chromium via playwright-core.
//
// Four profiles, each a median of RUNS loads per variant, the variants taking turns:
// - cold, weak network: a first visit on a congested phone network (CDP
//   Network.emulateNetworkConditions: 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency);
// - returning reader, weak network: the same network after one priming visit, the code
//   served `max-age=31536000, immutable` (so taken from the HTTP cache), the feed fresh;
// - cold, unthrottled, and cold at 4× CPU throttling.
// Every file is served gzip -9 (as the incumbent's CDN does); a fifth profile, not a target,
// repeats the cold weak network with brotli. For our widget the run also
// prints the waterfall of its critical path in the median load of each profile: what was
// requested when, its first byte and its last, so the next person sees where the time goes.
// Ratios from one run are what counts on these noisy machines.
//
// Each load also counts, in the page, the code downloaded before the banner: the compressed
// bodies of the .js and .wasm files whose Resource Timing entries exist when the banner's
// text lands in the DOM (a file still arriving then does not count).
//
// A fifth page has a timeline (`ours-timeline.html`, the documented embed for it): time to
// the timeline's first incident, cold on the weak network and unthrottled. With
// BEFORE=<a dist/ built from an earlier commit>, the same page on that build runs beside
// it (`before-timeline.html`), so "no slower than before" is measured in the same run.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { gzip, brotli } from "../tools/compress.mjs";

const RUNS = Number(process.env.RUNS ?? 9);
const root = fileURLToPath(new URL("..", import.meta.url));
const incumbentJs = `${root}bench/node_modules/@statuspage/status-widget/dist/index.js`;
const summary = readFileSync(`${root}tests/fixtures/statuspage/summary.json`);
const TYPES = { html: "text/html; charset=utf-8", js: "text/javascript", wasm: "application/wasm", json: "application/json" };
const FEED = "/api/v2/summary.json";

// Files as served: compressed once, kept in memory. `encoding` is the profile's.
const served = new Map();
let encoding = "gzip";
function body(file) {
  if (!served.has(file)) {
    // Pages name the server's origin as %ORIGIN% (the incumbent takes an absolute URL).
    const raw = file === FEED ? summary
      : file.endsWith(".html") ? Buffer.from(readFileSync(file, "utf8").replaceAll("%ORIGIN%", base))
      : readFileSync(file);
    served.set(file, { raw, gzip: gzip(raw), br: brotli(raw) });
  }
  return served.get(file);
}

const server = createServer((req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  const file = path === FEED ? FEED
    : path === "/incumbent/index.js" ? incumbentJs
    : path.startsWith("/dist/") ? root + path.slice(1)
    : path.startsWith("/before/") && process.env.BEFORE ? `${process.env.BEFORE}/${path.slice("/before/".length)}`
    : path.startsWith("/pages/") ? `${root}bench${path}` : undefined;
  try {
    const b = body(file);
    const code = /\.(js|wasm)$/.test(file) && !file.includes("/pages/");
    const headers = {
      "Content-Type": TYPES[file.split(".").pop()] ?? "application/octet-stream",
      // Code is versioned in its URL on a CDN: cached for good. Pages and the feed never.
      "Cache-Control": code ? "public, max-age=31536000, immutable" : "no-store",
    };
    const accepted = new RegExp(`\\b${encoding}\\b`).test(req.headers["accept-encoding"] ?? "");
    if (accepted) headers["Content-Encoding"] = encoding;
    res.writeHead(200, headers);
    res.end(accepted ? b[encoding === "gzip" ? "gzip" : "br"] : b.raw);
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

// The timeline page: ours as built now and, with BEFORE, as built then.
const timelineVariants = [
  { name: "incident-banner, timeline page", page: "ours-timeline.html", ready: "incident-timeline h3" },
  ...(process.env.BEFORE ? [{ name: "incident-banner before (BEFORE), timeline page", page: "before-timeline.html", ready: "incident-timeline h3" }] : []),
];

const WEAK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const profiles = [
  { name: "cold, weak network", network: WEAK, cpu: 1 },
  { name: "returning reader, weak network", network: WEAK, cpu: 1, returning: true },
  { name: "cold, unthrottled", network: null, cpu: 1 },
  { name: "cold, 4× CPU", network: null, cpu: 4 },
  // Not a target profile: what brotli (which most CDNs send) changes on the weak network.
  { name: "cold, weak network, brotli on the wire", network: WEAK, cpu: 1, encoding: "br" },
];

function bytes(files) {
  const t = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const b = readFileSync(root + f);
    t.raw += b.length;
    t.gzip += gzip(b).length;
    t.brotli += brotli(b).length;
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
      // The code downloaded so far (same origin, so the sizes are visible).
      const code = performance.getEntriesByType("resource").filter((e) => /\.(js|wasm)$/.test(new URL(e.name).pathname));
      window.__bench.code = code.reduce((n, e) => n + e.encodedBodySize, 0);
      window.__bench.files = code.length;
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

// One visit of `v`'s page, until its text is shown (and 100 ms more, for late layout shifts).
async function visit(page, v) {
  // Waiting through a console message, not page.waitForFunction: that injects Playwright's
  // own script into the page, and parsing it (~16 ms) would land in the middle of the load.
  const announced = page.waitForEvent("console", { predicate: (m) => m.text() === "bench:ready", timeout: 60_000 });
  await page.goto(`${base}/pages/${v.page}`, { waitUntil: "commit" });
  await announced;
  await page.waitForTimeout(100);
  return page.evaluate(() => window.__bench);
}

async function load(v, profile) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await page.addInitScript(probe, v.ready);
  if (profile.returning) {
    await visit(page, v); // the priming visit: code into the HTTP cache, the feed into storage
    await page.goto("about:blank");
  } else {
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  }
  if (profile.network) await cdp.send("Network.emulateNetworkConditions", profile.network);
  if (profile.cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
  // The critical path, as the network saw it.
  const requests = new Map();
  cdp.on("Network.requestWillBeSent", (e) => requests.set(e.requestId, { url: e.request.url, sent: e.timestamp }));
  cdp.on("Network.responseReceived", (e) => {
    const r = requests.get(e.requestId);
    const t = e.response.timing; // the headers' arrival, on the same clock as `timestamp`
    const firstByte = t ? t.requestTime + t.receiveHeadersEnd / 1000 : e.timestamp;
    if (r) Object.assign(r, { firstByte, cached: e.response.fromDiskCache || e.response.fromMemoryCache });
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { done: e.timestamp, bytes: e.encodedDataLength });
  });
  const { ready, cls, code, files } = await visit(page, v);
  const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
  await context.close();
  const list = [...requests.values()].filter((r) => r.url.startsWith(base));
  const start = Math.min(...list.map((r) => r.sent));
  const waterfall = list.map((r) => ({
    path: new URL(r.url).pathname,
    sent: (r.sent - start) * 1000,
    firstByte: r.firstByte === undefined ? null : (r.firstByte - start) * 1000,
    done: r.done === undefined ? null : (r.done - start) * 1000,
    bytes: r.bytes ?? 0,
    // From the HTTP cache: flagged so, or finished with nothing on the wire.
    cached: r.cached || (r.done !== undefined && !r.bytes),
  }));
  return { ready, cls, code, files, heap, waterfall };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => n.toFixed(0);

const sizes = variants.map((v) => bytes(v.files));
const results = [];
for (const profile of profiles) {
  encoding = profile.encoding ?? "gzip";
  for (const v of variants) await load(v, profile); // warm the browser process itself, not the page
  // The variants take turns, load by load: the machine's speed drifts over a run, and a
  // drift then slows every variant alike instead of whichever ran last.
  const runs = variants.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, v] of variants.entries()) runs[k].push(await load(v, profile));
  }
  results.push({ profile, runs });
}
// The timeline page, cold: on the weak network and unthrottled.
const timelineResults = [];
for (const profile of profiles.filter((p) => !p.returning && p.cpu === 1 && !p.encoding)) {
  encoding = "gzip";
  for (const v of timelineVariants) await load(v, profile);
  const runs = timelineVariants.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, v] of timelineVariants.entries()) runs[k].push(await load(v, profile));
  }
  timelineResults.push({ profile, runs });
}
await browser.close();
server.close();

console.log(`Bytes of code (what each variant loads before its banner can show):\n`);
console.log("| variant | raw | gzip -9 | brotli |");
console.log("|---|---|---|---|");
for (const [k, v] of variants.entries()) console.log(`| ${v.name} | ${kb(sizes[k].raw)} | ${kb(sizes[k].gzip)} | ${kb(sizes[k].brotli)} |`);
console.log(`\nTime to banner: ${RUNS} loads per variant and profile, medians (ms from navigation start to the text in the DOM), gzip on the wire unless said; ratios are ours ÷ the incumbent's (target ≤ 0.80). CLS: the largest of the runs.\n`);
console.log(`| profile | ours | ${variants[1].name} | ${variants[2].name} | ours ÷ incumbent | ours ÷ baseline | CLS ours / incumbent / baseline |`);
console.log("|---|---|---|---|---|---|---|");
for (const { profile, runs } of results) {
  const t = runs.map((r) => median(r.map((x) => x.ready)));
  const cls = runs.map((r) => Math.max(...r.map((x) => x.cls)).toFixed(3));
  console.log(`| ${profile.name} | **${ms(t[0])}** | ${ms(t[1])} | ${ms(t[2])} | **${(t[0] / t[1]).toFixed(2)}×** | ${(t[0] / t[2]).toFixed(2)}× | ${cls.join(" / ")} |`);
}
console.log(`\nCode downloaded before the banner showed (Resource Timing in the page: compressed bodies of the .js and .wasm files complete when the text landed; median of the loads, cold weak network; target ≤ 35,000 B):\n`);
console.log("| variant | bytes | files |");
console.log("|---|---|---|");
for (const [k, v] of variants.entries()) {
  const cold = results[0].runs[k];
  console.log(`| ${v.name} | ${median(cold.map((x) => x.code)).toLocaleString("en")} | ${median(cold.map((x) => x.files))} |`);
}
console.log(`\nThe timeline page (time to its first incident's heading, ms, medians of ${RUNS}; code before it as above):\n`);
console.log(`| profile | ${timelineVariants.map((v) => v.name).join(" | ")} |${timelineVariants.length > 1 ? " now ÷ before |" : ""}`);
console.log(`|---|${timelineVariants.map(() => "---|").join("")}${timelineVariants.length > 1 ? "---|" : ""}`);
for (const { profile, runs } of timelineResults) {
  const t = runs.map((r) => median(r.map((x) => x.ready)));
  const code = runs.map((r) => median(r.map((x) => x.code)));
  console.log(`| ${profile.name} | ${t.map((x, k) => `**${ms(x)}** (${code[k].toLocaleString("en")} B)`).join(" | ")} |${t.length > 1 ? ` ${(t[0] / t[1]).toFixed(2)}× |` : ""}`);
}
console.log(`\nJS heap after the banner (median, cold unthrottled): ${variants.map((v, k) => `${v.name} ${kb(median(results[2].runs[k].map((x) => x.heap)))}`).join(", ")}.`);
for (const { profile, runs } of results) {
  const ours = [...runs[0]].sort((a, b) => a.ready - b.ready)[Math.floor(runs[0].length / 2)];
  console.log(`\nOur critical path, ${profile.name} (the median load; ms from the page's request; banner at ${ms(ours.ready)} ms):\n`);
  console.log("| request | sent | first byte | last byte | bytes on the wire |");
  console.log("|---|---|---|---|---|");
  for (const r of ours.waterfall.sort((a, b) => a.sent - b.sent)) {
    const at = (t) => (t === null ? "after the banner" : ms(t));
    console.log(`| ${r.path} | ${ms(r.sent)} | ${r.cached ? "from cache" : at(r.firstByte)} | ${at(r.done)} | ${r.cached ? "—" : r.done === null ? "" : r.bytes} |`);
  }
}
