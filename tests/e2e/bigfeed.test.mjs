// A feed of 10,000 incidents and 100,000 updates: the timeline renders a page at a time, so
// the shadow DOM stays under 2,000 nodes whatever the feed's size; "더 보기" (by keyboard)
// adds one page, only at the reader's request.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { startFaultServer, ok } from "./faults.mjs";
import { LAUNCH } from "./helpers.mjs";

let fs, browser;
before(async () => { fs = await startFaultServer(); browser = await chromium.launch(LAUNCH); });
after(async () => { await browser?.close(); fs?.close(); });

/** 10,000 incidents with 10 updates each, one per hour back from November 2023. */
export function bigFeed(incidents = 10_000, updatesEach = 10) {
  const start = Date.parse("2023-11-19T00:00:00Z");
  const list = [];
  for (let i = 0; i < incidents; i++) {
    const at = (t) => new Date(t).toISOString().replace(".000Z", "Z");
    const t0 = start - i * 3_600_000;
    list.push({ id: `i${i}`, kind: "outage", severity: ["critical", "major", "minor"][i % 3], status: "resolved",
      title: `장애 ${i}`, started_at: at(t0), ended_at: at(t0 + 1_800_000),
      impacts: [{ service: `s${i % 50}`, status: "down" }],
      updates: Array.from({ length: updatesEach }, (_, u) => ({ at: at(t0 + u * 60_000), status: "identified", text: `업데이트 ${u}` })) });
  }
  return JSON.stringify({ version: 1, publisher: { name: "p", time_zone: "Asia/Seoul" }, incidents: list });
}

test("10,000 incidents: bounded DOM, paginated, keyboard-operable", async () => {
  const body = bigFeed();
  fs.script("/feed/big.json", [ok(body)]);
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${fs.base}/pages/blank.html`);
  await page.evaluate(() => {
    const el = document.createElement("incident-timeline");
    el.setAttribute("src", "/feed/big.json"); el.setAttribute("max-bytes", String(64 * 1024 * 1024)); el.setAttribute("poll", "0");
    document.querySelector("#slot").append(el);
  });
  await page.waitForFunction(() => document.querySelector("incident-timeline").shadowRoot?.querySelector("article"), null, { timeout: 60_000 });
  const count = () => page.evaluate(() => {
    const root = document.querySelector("incident-timeline").shadowRoot;
    return { nodes: root.querySelectorAll("*").length, articles: root.querySelectorAll("article").length,
      more: root.querySelector("[data-more]")?.textContent };
  });
  const first = await count();
  assert.ok(body.length > 5_000_000, `a big feed: ${body.length} bytes`);
  assert.equal(first.articles, 20);
  assert.equal(first.more, "더 보기 (9,980건 남음)");
  assert.ok(first.nodes <= 2000, `DOM bounded: ${first.nodes} nodes`);
  console.log(`first page: ${first.nodes} shadow-DOM nodes for a ${body.length}-byte feed`);

  await page.evaluate(() => document.querySelector("incident-timeline").shadowRoot.querySelector("[data-more]").focus());
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("incident-timeline").shadowRoot.querySelectorAll("article").length === 40);
  const second = await count();
  assert.equal(second.more, "더 보기 (9,960건 남음)");
  assert.ok(second.nodes - first.nodes <= first.nodes, `one more page only: ${first.nodes} → ${second.nodes} nodes`);
  const focused = await page.evaluate(() => document.querySelector("incident-timeline").shadowRoot.activeElement?.hasAttribute("data-more"));
  assert.equal(focused, true, "focus stays on the button");
  assert.deepEqual(errors, []);
  await page.close();
});
