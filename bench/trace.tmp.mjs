import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
const root = fileURLToPath(new URL("..", import.meta.url));
const summary = readFileSync(`${root}tests/fixtures/statuspage/summary.json`);
const TYPES = { html: "text/html; charset=utf-8", js: "text/javascript", wasm: "application/wasm" };
const server = createServer((req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  const file = path.startsWith("/dist/") ? (process.env.DIST ?? root) + path.slice(1) : `${root}bench${path}`;
  try { const body = readFileSync(file); res.writeHead(200, { "Content-Type": TYPES[file.split(".").pop()], "Cache-Control": "no-store" }); res.end(body); } catch { res.writeHead(404).end(); }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"] });
const probe = () => {
  window.__t = {};
  const mark = (k) => { if (!(k in window.__t)) window.__t[k] = performance.now(); };
  const is = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (...a) => { mark("instStart"); const r = await is.apply(WebAssembly, a); mark("instEnd"); return r; };
  const def = customElements.define.bind(customElements);
  customElements.define = (...a) => { mark("define"); return def(...a); };
  const check = () => { const el = document.querySelector("incident-banner"); if (el?.shadowRoot?.querySelector(".title")?.textContent.trim()) mark("ready"); };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (i) { const r = attach.call(this, i); mark("shadow"); new MutationObserver(check).observe(r, { childList: true, subtree: true, characterData: true }); return r; };
};
const N = Number(process.env.N ?? 10); const all = [];
for (let i = 0; i < N + 1; i++) {
  const context = await browser.newContext(); const page = await context.newPage();
  const cdp = await context.newCDPSession(page); await cdp.send("Network.enable"); await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (process.env.LATENCY) await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: Number(process.env.LATENCY), downloadThroughput: 4e6 / 8, uploadThroughput: 1e6 / 8 });
  await context.route("https://status.example.com/api/v2/summary.json", (route) => route.fulfill({ status: 200, body: summary, headers: { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*" } }));
  await page.addInitScript(probe);
  if (i === N && process.env.PROFILE) { await cdp.send("Profiler.enable"); await cdp.send("Profiler.setSamplingInterval", { interval: 50 }); await cdp.send("Profiler.start"); }
  if (i === N && !process.env.PROFILE) await browser.startTracing(page, { path: "/tmp/tr/trace.json", categories: ["devtools.timeline", "v8", "disabled-by-default-devtools.timeline", "blink.user_timing", "loading", "v8.execute"] });
  await page.goto(`${base}/pages/ours.html`);
  await page.waitForFunction(() => window.__t.ready);
  const r = await page.evaluate(() => { const o = { ...window.__t }; for (const e of performance.getEntriesByType("resource")) { const n = e.name.split("/").pop(); o[n + ".start"] = e.startTime; o[n + ".end"] = e.responseEnd; } const nav = performance.getEntriesByType("navigation")[0]; o.domInteractive = nav.domInteractive; return o; });
  if (i === N && process.env.PROFILE) { const { profile } = await cdp.send("Profiler.stop"); (await import("node:fs")).writeFileSync("/tmp/tr/prof.json", JSON.stringify(profile)); }
  else if (i === N) await browser.stopTracing();
  if (i) all.push(r);
  await context.close();
}
const keys = Object.keys(all[0]);
const med = (k) => { const s = all.map((r) => r[k]).sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const k of keys.sort((a, b) => med(a) - med(b))) console.log(k.padEnd(30), med(k).toFixed(1));
await browser.close(); server.close();
