// The feeds of elements already in the page are requested while the wasm is still loading
// (src/dom/define.js), once per URL, and the widget uses those answers instead of asking again.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { startFaultServer, feedBody, ok } from "./faults.mjs";
import { LAUNCH } from "./helpers.mjs";

let fs, browser;
before(async () => {
  fs = await startFaultServer();
  browser = await chromium.launch(LAUNCH);
});
after(async () => { await browser?.close(); fs?.close(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test("feeds in the page are fetched while the wasm loads, once per URL, and shown", async () => {
  fs.script("/feed/prefetch-a.json", [ok(feedBody({ title: "미리 받은 장애" }))]);
  fs.script("/feed/prefetch-b.json", [ok(feedBody({ title: "두 번째 기관 장애", id: "b" }))]);
  fs.script("/feed/prefetch-gone.json", [{ kind: "hang" }]);
  const context = await browser.newContext({ locale: "ko-KR" });
  const page = await context.newPage();
  const log = [];
  page.on("console", (m) => log.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => log.push(`pageerror: ${e.message}`));
  // When each feed's body was first asked for (in the page, by anyone).
  await page.addInitScript(() => {
    window.__bodyRead = {};
    const arrayBuffer = Response.prototype.arrayBuffer;
    Response.prototype.arrayBuffer = function () {
      window.__bodyRead[new URL(this.url).pathname] ??= Date.now();
      return arrayBuffer.call(this);
    };
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = function (key) {
      window.__storageRead ??= Date.now();
      return getItem.call(this, key);
    };
  });
  // Hold the wasm back for a while: the feeds must not wait for it.
  let wasmReleased = Infinity;
  await page.route("**/incident-banner_bg.wasm", async (route) => {
    await sleep(700);
    wasmReleased = Date.now();
    await route.continue();
  });
  await page.goto(`${fs.base}/pages/prefetch.html`);
  // The reader removes one element before the widget has started: its request is dropped.
  await page.evaluate(() => document.querySelector("#gone").remove());

  await page.waitForFunction(() => document.querySelector("incident-banner")?.shadowRoot?.querySelector(".title")?.textContent === "미리 받은 장애");
  await page.waitForFunction(() => document.querySelector("incident-timeline")?.shadowRoot?.querySelectorAll("article").length === 2);
  const [a, b] = [fs.requests("/feed/prefetch-a.json"), fs.requests("/feed/prefetch-b.json")];
  assert.equal(a.length, 1, "one request for a URL that two elements show");
  assert.equal(b.length, 1);
  assert.ok(a[0].at < wasmReleased && b[0].at < wasmReleased, "requested before the wasm arrived");
  // The bodies too are read while the wasm loads, so that the widget does not wait for the
  // page to hand them over once it is busy starting up.
  const read = await page.evaluate(() => window.__bodyRead);
  assert.ok(read["/feed/prefetch-a.json"] < wasmReleased && read["/feed/prefetch-b.json"] < wasmReleased,
    `bodies read before the wasm arrived (${JSON.stringify(read)}, wasm at ${wasmReleased})`);
  // And the page's storage area is loaded then (the first `localStorage` call of a page is a
  // synchronous load from the browser process), not on the way to the first banner.
  const storageRead = await page.evaluate(() => window.__storageRead);
  assert.ok(storageRead < wasmReleased, `storage first read at ${storageRead}, wasm at ${wasmReleased}`);
  assert.equal(a[0].headers.cookie, undefined, "no cookies, like every feed request");
  await sleep(300);
  assert.equal(fs.requests("/feed/prefetch-a.json").length, 1, "the answer was used, not asked for again");
  assert.deepEqual(log.filter((l) => l.startsWith("error") || l.startsWith("warning") || l.startsWith("pageerror")), []);
  await context.close();
});
