// Banner first (issue 28), in Chromium: a page with only `<incident-banner>` downloads the
// banner module and never the second one; a page with a timeline downloads the second module
// once (and not the banner's wasm); `check()` and the `feed` getter fetch the second module on
// demand on a banner-only page, and work.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { startFaultServer, ok } from "./faults.mjs";
import { LAUNCH } from "./helpers.mjs";

const incident = { id: "a", kind: "outage", severity: "critical", status: "identified", title: "정부24 장애",
  started_at: "2023-11-19T08:00:00+09:00", updates: [{ at: "2023-11-19T09:00:00+09:00", text: "확인 중" }] };
const feed = { version: 1, publisher: { name: "행정안전부", time_zone: "Asia/Seoul" }, incidents: [incident] };

let fs, browser;
before(async () => {
  fs = await startFaultServer();
  browser = await chromium.launch(LAUNCH);
  fs.script("/feed/split.json", [ok(JSON.stringify(feed))]);
});
after(async () => { await browser?.close(); fs?.close(); });

/** One of the split pages (tests/e2e/pages/split-*.html), with the code it requests recorded. */
async function open(name) {
  const page = await browser.newPage();
  const code = [];
  const errors = [];
  page.on("request", (r) => { if (r.url().includes("/dist/")) code.push(new URL(r.url()).pathname); });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${fs.base}/pages/split-${name}.html`);
  return { page, code, errors };
}

const bannerTitle = (page) => page.waitForFunction(
  () => document.querySelector("incident-banner")?.shadowRoot?.querySelector(".title")?.textContent, null, { timeout: 10000 });

test("a page with only a banner downloads the banner module and never the second one", async () => {
  const { page, code, errors } = await open("banner");
  assert.equal(await (await bannerTitle(page)).jsonValue(), "정부24 장애");
  await page.waitForTimeout(500); // anything requested late would show by now
  assert.deepEqual(code.sort(), ["/dist/incident-banner.js", "/dist/incident-banner_bg.wasm"]);
  assert.deepEqual(errors, []);
  await page.close();
});

// Without preloads, and with the README's (the second module's wasm preloaded, its JS
// modulepreloaded): each file once, so the preloads are the very requests the loader makes.
for (const name of ["timeline", "timeline-preloaded"]) {
  test(`a page with a timeline downloads the second module once, and not the banner's wasm (${name})`, async () => {
    const { page, code, errors } = await open(name);
    assert.equal(await (await bannerTitle(page)).jsonValue(), "정부24 장애");
    await page.waitForFunction(() => document.querySelector("incident-timeline").shadowRoot?.querySelector("h3"), null, { timeout: 10000 });
    await page.waitForTimeout(300);
    assert.deepEqual(code.sort(), ["/dist/incident-banner-more.js", "/dist/incident-banner-more_bg.wasm", "/dist/incident-banner.js"]);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("on a banner-only page, check(), the feed getter and a timeline added later fetch the second module once, and work", async () => {
  const { page, code, errors } = await open("banner");
  await bannerTitle(page);
  assert.ok(!code.some((c) => c.includes("more")), "not before it is asked for");
  const got = await page.evaluate(async () => {
    const { check } = await import("/dist/incident-banner.js");
    const report = await check({ version: 1, publisher: { name: "p" }, incidents: [{ id: "x", kind: "earthquake" }] }, "en");
    const shown = await document.querySelector("incident-banner").feed;
    const t = document.createElement("incident-timeline");
    t.setAttribute("src", "/feed/split.json");
    t.setAttribute("now", "2023-11-19T18:40:00+09:00");
    document.body.append(t);
    return { errors: report.errors.map((e) => e.path), proto: Object.getPrototypeOf(shown) === Object.prototype,
      title: shown.incidents[0].title, publisher: shown.publisher.name };
  });
  assert.deepEqual(got, { errors: ["incidents[0].kind"], proto: true, title: "정부24 장애", publisher: "행정안전부" });
  await page.waitForFunction(() => document.querySelector("incident-timeline").shadowRoot?.querySelector("h3")?.textContent === "정부24 장애", null, { timeout: 10000 });
  assert.equal(code.filter((c) => c === "/dist/incident-banner-more.js").length, 1, code.join(" "));
  assert.equal(code.filter((c) => c === "/dist/incident-banner-more_bg.wasm").length, 1, code.join(" "));
  // The banner stays shown by its own module.
  assert.equal(await page.evaluate(() => document.querySelector("incident-banner").shadowRoot.querySelector(".title").textContent), "정부24 장애");
  assert.deepEqual(errors, []);
  await page.close();
});
