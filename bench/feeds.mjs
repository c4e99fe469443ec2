// make bench, part two: how the widget copes with big feeds and with long life on a page.
//
// 1. Big feed: 10,000 incidents, 100,000 updates. Time to the timeline's first article in
//    the DOM, from the feed's last byte arriving (resource timing's responseEnd) and from
//    the body being in the widget's hands (its `arrayBuffer()` resolved: what is left is
//    parse + render; before that, DevTools, which Playwright always attaches, copies and
//    decodes the body for its Network panel on the page's main thread), against JSON.parse
//    alone on the same text in the same page; shadow-DOM node count; wasm memory
//    (linear memory only grows, so its size is its peak) and JS heap after the render.
// 2. Steady state: 1,000 polls of an unchanged feed under Playwright's fake clock, once
//    answered 304 (ETag) and once 200 with the same bytes (no validators: parsed every time).
//    JS heap (after a forced GC) and wasm memory before and after, and every DOM mutation
//    in the document and the widgets' shadow roots during the 1,000 polls.
import { chromium } from "playwright-core";
import { startFaultServer, ok, bigFeed, feedBody } from "../tests/e2e/faults.mjs";

const RUNS = Number(process.env.BIG_RUNS ?? 5);
const POLLS = Number(process.env.POLLS ?? 1000);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"] });
const fs = await startFaultServer();
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;

// Before any page script: keep the wasm memory reachable, count mutations on demand, and
// note when the first timeline article appears.
const probe = () => {
  window.__probe = { memory: null, mutations: 0, counting: false, article: null, body: null };
  const arrayBuffer = Response.prototype.arrayBuffer;
  Response.prototype.arrayBuffer = async function () {
    const bytes = await arrayBuffer.call(this);
    if (this.url.endsWith("/feed/big.json")) window.__probe.body ??= performance.now();
    return bytes;
  };
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const result = await original.apply(WebAssembly, args);
      window.__probe.memory = (result.instance ?? result).exports.memory;
      return result;
    };
  }
  const seen = (records) => {
    if (window.__probe.counting) window.__probe.mutations += records.length;
    if (window.__probe.article === null && document.querySelector("incident-timeline")?.shadowRoot?.querySelector("article")) {
      window.__probe.article = performance.now();
    }
  };
  const observe = (node) => new MutationObserver(seen).observe(node, { childList: true, subtree: true, characterData: true, attributes: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const root = attach.call(this, init); observe(root); return root; };
  observe(document);
};

async function heap(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  return (await cdp.send("Runtime.getHeapUsage")).usedSize;
}

async function bigFeedRun(body) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.addInitScript(probe);
  await page.goto(`${fs.base}/pages/blank.html`);
  await page.waitForFunction(() => customElements.get("incident-timeline"));
  await page.evaluate(() => {
    const el = document.createElement("incident-timeline");
    el.setAttribute("src", "/feed/big.json"); el.setAttribute("max-bytes", String(64 * 1024 * 1024)); el.setAttribute("poll", "0");
    document.querySelector("#slot").append(el);
  });
  await page.waitForFunction(() => window.__probe.article !== null, null, { timeout: 120_000 });
  const result = await page.evaluate(async () => {
    const entry = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/feed/big.json"));
    const nodes = document.querySelector("incident-timeline").shadowRoot.querySelectorAll("*").length;
    const text = await (await fetch("/feed/big.json", { cache: "no-store" })).text();
    const parses = [];
    for (let i = 0; i < 5; i++) { const t = performance.now(); JSON.parse(text); parses.push(performance.now() - t); }
    parses.sort((a, b) => a - b);
    return { ours: window.__probe.article - entry.responseEnd, inHand: window.__probe.article - window.__probe.body, parse: parses[2], nodes, wasm: window.__probe.memory?.buffer.byteLength ?? 0 };
  });
  result.heap = await heap(cdp);
  await context.close();
  return result;
}

async function steady(name, answer) {
  const path = `/feed/steady-${name}.json`;
  fs.script(path, [answer]);
  const context = await browser.newContext({ locale: "ko-KR" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.addInitScript(probe);
  await page.clock.install({ time: new Date("2023-11-19T10:00:00Z") });
  await page.goto(`${fs.base}/pages/blank.html`);
  await page.waitForFunction(() => customElements.get("incident-banner"));
  // `now` pins the clock the view reads, so durations do not tick: an unchanged feed
  // should then change nothing at all. (With a live clock, the duration text changes once a
  // minute, as it should.)
  await page.evaluate((src) => {
    for (const tag of ["incident-banner", "incident-timeline"]) {
      const el = document.createElement(tag);
      el.setAttribute("src", src); el.setAttribute("poll", "15"); el.setAttribute("now", "2023-11-19T19:00:00+09:00");
      // The fake clock jumps 15 s per poll; should the machine be slow to read an answer,
      // the default 10 s timeout would fire in fake time and show a (real) failure line.
      el.setAttribute("timeout", "120");
      document.querySelector("#slot").append(el);
    }
  }, path);
  const poll = async () => {
    const before = fs.requests(path).length;
    await page.clock.runFor(15_000);
    for (let i = 0; fs.requests(path).length === before; i++) {
      if (i % 20 === 19) await page.clock.runFor(1_000);
      await sleep(1);
      if (i > 4000) throw new Error(`${name}: no poll after ${before} requests`);
    }
    await sleep(3); // let the answer be read and rendered
  };
  for (let i = 0; i < 20; i++) await poll();
  await page.waitForFunction(() => document.querySelector("incident-banner").shadowRoot?.querySelector(".title"));
  await sleep(200);
  const first = { heap: await heap(cdp), wasm: await page.evaluate(() => window.__probe.memory.buffer.byteLength), requests: fs.requests(path).length };
  await page.evaluate(() => { window.__probe.counting = true; });
  for (let i = 0; i < POLLS; i++) await poll();
  await sleep(200);
  const mutations = await page.evaluate(() => window.__probe.mutations);
  const last = { heap: await heap(cdp), wasm: await page.evaluate(() => window.__probe.memory.buffer.byteLength), requests: fs.requests(path).length };
  const title = await page.evaluate(() => document.querySelector("incident-banner").shadowRoot.querySelector(".title").textContent);
  await context.close();
  return { name, polls: last.requests - first.requests, first, last, mutations, title };
}

const body = bigFeed();
fs.script("/feed/big.json", [ok(body)]);
await bigFeedRun(body); // warm the browser process
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await bigFeedRun(body));
const ratio = (key) => median(runs.map((r) => r[key] / r.parse)).toFixed(2);
console.log(`Big feed: 10,000 incidents, 100,000 updates, ${mb(body.length)} (${RUNS} runs, medians; a ratio is the median of the runs' ratios).\n`);
console.log("| from the last byte (ours) | from the body in hand: parse + first render (ours) | JSON.parse alone | ratio, last byte | ratio, parse + render (target ≤ 2×) | shadow-DOM nodes (≤ 2,000) | wasm memory (peak) | JS heap after |");
console.log("|---|---|---|---|---|---|---|---|");
console.log(`| ${median(runs.map((r) => r.ours)).toFixed(0)} ms | ${median(runs.map((r) => r.inHand)).toFixed(0)} ms | ${median(runs.map((r) => r.parse)).toFixed(0)} ms | ${ratio("ours")}× | **${ratio("inHand")}×** | ${Math.max(...runs.map((r) => r.nodes))} | ${mb(Math.max(...runs.map((r) => r.wasm)))} | ${mb(median(runs.map((r) => r.heap)))} |`);

const answers = [["304", ok(feedBody())], ["200", ok(feedBody(), { etag: false })]];
const results = [];
for (const [name, answer] of answers) results.push(await steady(name, answer));
console.log(`\nSteady state: ${POLLS} polls of an unchanged feed (banner + timeline on one source), after 20 to warm up.\n`);
console.log("| answer | polls | JS heap before → after (after GC) | wasm memory before → after | DOM mutations |");
console.log("|---|---|---|---|---|");
for (const r of results) {
  const kbs = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`| ${r.name === "304" ? "304 Not Modified" : "200, same bytes, no ETag"} | ${r.polls} | ${kbs(r.first.heap)} → ${kbs(r.last.heap)} (${r.last.heap - r.first.heap >= 0 ? "+" : ""}${((r.last.heap - r.first.heap) / 1024).toFixed(1)} KB) | ${kbs(r.first.wasm)} → ${kbs(r.last.wasm)} | **${r.mutations}** |`);
}
await browser.close();
fs.close();
