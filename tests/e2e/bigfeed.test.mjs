// A feed of 10,000 incidents and 100,000 updates: the timeline renders a page at a time, so
// the shadow DOM stays under 2,000 nodes whatever the feed's size; "더 보기" (by keyboard)
// adds one page, only at the reader's request, and past two pages drops the top one, which
// "최근 사건 보기" brings back. Incidents with enormous lists are cut short
// too (the latest updates, the first services), and pages of such incidents hold fewer.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { startFaultServer, ok, bigFeed } from "./faults.mjs";
import { LAUNCH, SCREENSHOTS } from "./helpers.mjs";

let fs, browser;
before(async () => { fs = await startFaultServer(); browser = await chromium.launch(LAUNCH); });
after(async () => { await browser?.close(); fs?.close(); });

/** A blank page with a non-polling timeline on `src` (up to 64 MB), once it shows an article.
 * `page.on` listeners are set by `listen` before anything loads. */
async function timelineOn(src, listen = () => {}) {
  const page = await browser.newPage();
  listen(page);
  await page.goto(`${fs.base}/pages/blank.html`);
  await page.evaluate((s) => {
    const el = document.createElement("incident-timeline");
    el.setAttribute("src", s); el.setAttribute("max-bytes", String(64 * 1024 * 1024)); el.setAttribute("poll", "0");
    document.querySelector("#slot").append(el);
  }, src);
  await page.waitForFunction(() => document.querySelector("incident-timeline").shadowRoot?.querySelector("article"), null, { timeout: 60_000 });
  return page;
}

test("10,000 incidents: bounded DOM, paginated, keyboard-operable", async () => {
  const body = bigFeed();
  fs.script("/feed/big.json", [ok(body)]);
  const errors = [];
  const page = await timelineOn("/feed/big.json", (p) => p.on("pageerror", (e) => errors.push(e.message)));
  const count = () => page.evaluate(() => {
    const root = document.querySelector("incident-timeline").shadowRoot;
    return { nodes: root.querySelectorAll("*").length, articles: root.querySelectorAll("article").length,
      top: root.querySelector("article")?.dataset.incident,
      more: root.querySelector("[data-more]")?.textContent, newer: root.querySelector("[data-newer]")?.textContent ?? null,
      live: root.querySelector(".live")?.textContent ?? null,
      // The focused incident's id, or which button or the timeline has focus.
      focused: root.activeElement?.dataset.incident ?? (root.activeElement?.hasAttribute("data-more") ? "more"
        : root.activeElement?.hasAttribute("data-newer") ? "newer" : root.activeElement?.classList.contains("timeline") ? "timeline" : null) };
  });
  const left = (n) => n.toLocaleString("en-US");
  /** Presses Enter on the button `which` ("more" or "newer") and waits for the top incident `top`. */
  const press = async (which, top) => {
    await page.evaluate((w) => document.querySelector("incident-timeline").shadowRoot.querySelector(`[data-${w}]`).focus(), which);
    await page.keyboard.press("Enter");
    await page.waitForFunction((t) =>
      document.querySelector("incident-timeline").shadowRoot.querySelector("article")?.dataset.incident === t, top);
    return count();
  };
  const first = await count();
  assert.ok(body.length > 5_000_000, `a big feed: ${body.length} bytes`);
  const n = first.articles; // one page
  assert.ok(n >= 5 && n <= 20, `a page: ${n} incidents`);
  assert.equal(first.top, "i0", "newest first");
  assert.equal(first.more, `더 보기 (${left(10_000 - n)}건 남음)`);
  assert.equal(first.newer, null);
  assert.ok(first.nodes <= 2000, `DOM bounded: ${first.nodes} nodes`);
  console.log(`first page: ${first.nodes} shadow-DOM nodes for a ${body.length}-byte feed`);

  await page.evaluate(() => document.querySelector("incident-timeline").shadowRoot.querySelector("[data-more]").focus());
  await page.keyboard.press("Enter");
  await page.waitForFunction((m) => document.querySelector("incident-timeline").shadowRoot.querySelectorAll("article").length === m, 2 * n);
  const second = await count();
  assert.equal(second.more, `더 보기 (${left(10_000 - 2 * n)}건 남음)`);
  assert.equal(second.top, "i0", "two pages: the newest still on top");
  assert.ok(second.nodes <= 2000, `two pages bounded: ${second.nodes} nodes`);
  assert.equal(second.focused, `i${n}`, "reading goes on at the second page's first incident");

  // A third page: the first is dropped from the top and offered back.
  const third = await press("more", `i${n}`);
  assert.equal(third.articles, 2 * n);
  assert.equal(third.newer, `최근 사건 보기 (${n}건 남음)`);
  assert.equal(third.more, `더 보기 (${left(10_000 - 3 * n)}건 남음)`);
  assert.equal(third.focused, `i${2 * n}`);
  assert.equal(third.live, `${n + 1}–${3 * n}번째 사건 표시 중 (모두 10,000건)`, "the live region says what is shown");
  // However often the reader presses it, the same bound.
  let last = third;
  for (let p = 4; p <= 8; p++) last = await press("more", `i${(p - 2) * n}`);
  assert.ok(last.nodes <= 2000, `eight pages read, DOM bounded: ${last.nodes} nodes`);
  assert.equal(last.newer, `최근 사건 보기 (${6 * n}건 남음)`);

  // Back towards the newest: focus goes to the top incident, the first of the page brought back.
  const back = await press("newer", `i${5 * n}`);
  assert.equal(back.newer, `최근 사건 보기 (${5 * n}건 남음)`);
  assert.equal(back.focused, `i${5 * n}`);
  for (let p = 6; p >= 3; p--) last = await press("newer", `i${(p - 2) * n}`);
  const newest = await press("newer", "i0");
  assert.equal(newest.newer, null);
  assert.equal(newest.articles, 2 * n);
  assert.equal(newest.focused, "i0");
  assert.equal(newest.live, `1–${2 * n}번째 사건 표시 중 (모두 10,000건)`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a mistake repeated in every incident logs ten warnings and a count, not one per incident", async () => {
  const feed = JSON.parse(bigFeed(200, 1));
  delete feed.services; // every impact now names an undeclared service
  fs.script("/feed/undeclared.json", [ok(JSON.stringify(feed))]);
  const warnings = [];
  const page = await timelineOn("/feed/undeclared.json", (p) => p.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); }));
  // Warnings come in a task after the render; wait for them, then a moment for any extra.
  for (let i = 0; i < 200 && warnings.length < 11; i++) await page.waitForTimeout(25);
  await page.waitForTimeout(200);
  assert.equal(warnings.length, 11, warnings.slice(-2).join("\n"));
  assert.match(warnings[0], /incidents\[0\]\.impacts\[0\]\.service: service "s0" is not declared/);
  assert.match(warnings[10], /190 more warnings \(incident-banner check lists them all\)$/);
  await page.close();
});

test("incidents with huge lists: each list cut short with a count, pages within the budget", async () => {
  const rows = (n, f) => Array.from({ length: n }, (_, i) => f(i));
  const at = (i) => new Date(Date.parse("2023-11-19T00:00:00Z") + i * 1000).toISOString().replace(".000Z", "Z");
  const crowded = (id, n) => ({ id: `c${id}`, kind: "outage", severity: "major", status: "identified", title: `붐비는 장애 ${id}`,
    started_at: at(-id * 3600), impacts: rows(n, (i) => ({ service: `s${i}`, status: "down" })),
    workarounds: rows(n, (i) => ({ text: `방법 ${i}` })), links: rows(n, (i) => ({ title: `자료 ${i}`, url: `https://example.org/${i}` })),
    updates: rows(n, (i) => ({ at: at(-id * 3600 + i), status: "identified", text: `업데이트 ${i}` })) });
  // One incident with 20,000 of everything, then 100 with 60 of everything.
  const incidents = [crowded(0, 20_000), ...rows(100, (i) => crowded(i + 1, 60))];
  fs.script("/feed/crowded.json", [ok(JSON.stringify({ version: 1, publisher: { name: "p", time_zone: "Asia/Seoul" }, incidents }))]);
  const errors = [];
  const page = await timelineOn("/feed/crowded.json", (p) => p.on("pageerror", (e) => errors.push(e.message)));
  const state = () => page.evaluate(() => {
    const root = document.querySelector("incident-timeline").shadowRoot;
    const first = root.querySelector("article");
    return { nodes: root.querySelectorAll("*").length, articles: root.querySelectorAll("article").length,
      lines: [...first.querySelectorAll(".not-shown")].map((p) => p.textContent),
      updates: [...first.querySelectorAll(".updates li")].map((li) => li.lastChild.textContent),
      start: first.querySelector(".updates").start,
      more: root.querySelector("[data-more]")?.textContent };
  });
  const first = await state();
  assert.deepEqual(first.lines, rows(4, () => "19,980건 더 있음 (표시하지 않음)"), "services, workarounds, updates, links");
  assert.equal(first.updates.length, 20);
  assert.equal(first.updates.at(-1), "업데이트 19999", "the latest updates are the ones shown");
  assert.equal(first.start, 19_981, "numbered on from the updates left out");
  assert.ok(first.nodes <= 2000, `DOM bounded: ${first.nodes} nodes`);
  assert.ok(first.articles < 20, `a page of crowded incidents holds fewer: ${first.articles}`);
  assert.equal(first.more, `더 보기 (${101 - first.articles}건 남음)`);
  await page.setViewportSize({ width: 900, height: 700 });
  await page.evaluate(() => document.querySelector("incident-timeline").shadowRoot.querySelector("article .not-shown").scrollIntoView());
  await page.screenshot({ path: SCREENSHOTS + "crowded-incident.png" });

  await page.evaluate(() => document.querySelector("incident-timeline").shadowRoot.querySelector("[data-more]").click());
  await page.waitForFunction((n) => document.querySelector("incident-timeline").shadowRoot.querySelectorAll("article").length > n, first.articles);
  const second = await state();
  assert.ok(second.nodes <= 2000, `two pages, bounded: ${first.nodes} → ${second.nodes} nodes`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("an outage naming 40,000 services: the banner names 20 and counts the rest", async () => {
  const n = 40_000;
  const services = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `서비스${i}` }));
  const impacts = services.map((s) => ({ service: s.id, status: "down" }));
  const feed = { version: 1, publisher: { name: "p", time_zone: "Asia/Seoul" }, services,
    incidents: [{ id: "wide", kind: "outage", severity: "critical", status: "identified", title: "광범위 장애",
      started_at: new Date(Date.now() - 3_600_000).toISOString(), impacts }] };
  fs.script("/feed/wide.json", [ok(JSON.stringify(feed))]);
  const errors = [];
  const page = await browser.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${fs.base}/pages/blank.html`);
  await page.evaluate(() => {
    const el = document.createElement("incident-banner");
    el.setAttribute("src", "/feed/wide.json"); el.setAttribute("poll", "0");
    document.querySelector("#slot").append(el);
  });
  await page.waitForFunction(() => document.querySelector("incident-banner").shadowRoot?.querySelector(".banner"));
  const facts = await page.evaluate(() => Object.fromEntries([...document.querySelector("incident-banner").shadowRoot
    .querySelectorAll("dl.facts dt")].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])));
  const listed = Array.from({ length: 20 }, (_, i) => `서비스${i}`).join(", ");
  assert.equal(facts["영향 서비스"], `${listed} 외 39,980개`);
  assert.deepEqual(errors, []);
  await page.close();
});
