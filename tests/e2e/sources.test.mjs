// Several publishers in one widget: `src` takes several URLs (any mix of formats), the
// timeline merges them, a failing feed is named without hiding the others, and `services`
// filters to the services a page cares about.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { startFaultServer, feedBody, ok, status } from "./faults.mjs";
import { LAUNCH } from "./helpers.mjs";

let fs, browser;
before(async () => { fs = await startFaultServer(); browser = await chromium.launch(LAUNCH); });
after(async () => { await browser?.close(); fs?.close(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Shows a timeline with `attrs`; waits for `titles` incidents (and an error line if `error`). */
async function show(attrs, { titles = 1, error = false } = {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${fs.base}/pages/blank.html`);
  await page.evaluate((attrs) => {
    const el = document.createElement("incident-timeline");
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    document.querySelector("#slot").append(el);
  }, attrs);
  const read = () => page.evaluate(() => {
    const root = document.querySelector("incident-timeline").shadowRoot;
    const all = (s) => [...(root?.querySelectorAll(s) ?? [])].map((n) => n.textContent);
    return { titles: all("h3"), errors: all(".error"), services: all("tbody th") };
  });
  let seen;
  for (let i = 0; i < 200; i++) {
    seen = await read();
    if (seen.titles.length >= titles && (!error || seen.errors.length)) break;
    await sleep(25);
  }
  return { page, seen, errors };
}

test("our feed and a Statuspage document merge into one timeline", async () => {
  fs.script("/feed/ministry.json", [ok(feedBody({ title: "행정전산망 장애" }))]);
  const { page, seen, errors } = await show({ src: "/feed/ministry.json /fixtures/statuspage/incidents.json", now: "2023-11-19T18:40:00+09:00" }, { titles: 3 });
  assert.deepEqual(seen.titles, ["행정전산망 장애", "PC login failures", "Message delivery delays"], "newest first across feeds");
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("one failing feed is named and does not hide the others", async () => {
  fs.script("/feed/up.json", [ok(feedBody({ title: "살아 있는 피드" }))]);
  fs.script("/feed/down.json", [status(503)]);
  const { page, seen } = await show({ src: "/feed/up.json /feed/down.json" }, { error: true });
  assert.deepEqual(seen.titles, ["살아 있는 피드"]);
  assert.equal(seen.errors.length, 1);
  assert.match(seen.errors[0], /^127\.0\.0\.1:\d+\/feed\/down\.json: 장애 정보를 불러오지 못했습니다 \(서버 응답 503\)\.$/);
  await page.close();
});

test("services= keeps only the chosen services (ours or Statuspage component ids)", async () => {
  const { page, seen } = await show({ src: "/fixtures/statuspage/summary.json", services: "daum", now: "2023-07-18T12:00:00+09:00" });
  assert.deepEqual(seen.titles, ["PC login failures"]);
  assert.deepEqual(seen.services, ["Daum portal login"]);
  await page.close();
});
