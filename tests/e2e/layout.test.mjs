// Layout shift: with nothing to announce, the widget must not move the host page (CLS 0) on
// any demo page, from the first paint through the feed's arrival. Every feed is answered
// with an empty one, slowly, so the loading state is on screen for a while first.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp } from "./helpers.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const QUIET = JSON.stringify({ version: 1, publisher: { name: "행정안전부", time_zone: "Asia/Seoul" }, incidents: [] });
const PAGES = ["agency.html", "agency-en.html", "agency-maintenance.html", "news.html", "archive.html", "snippet.html", "snippet-quiet.html", "hostile.html"];

for (const path of PAGES) {
  test(`${path} with nothing to announce: no layout shift`, async () => {
    const context = await env.browser.newContext({ locale: "ko-KR", viewport: { width: 1000, height: 800 } });
    await context.route("**/feeds/**", async (route) => {
      await new Promise((ok) => setTimeout(ok, 300));
      await route.fulfill({ status: 200, body: QUIET, headers: { "Content-Type": "application/json" } });
    });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__shifts.push({ value: e.value, moved: e.sources.map((s) => s.node?.nodeName) });
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(`${env.base}/${path}`);
    await page.waitForLoadState("networkidle");
    // The feed arrived and was rendered: every element has left its loading state.
    await page.waitForFunction(() => [...document.querySelectorAll("incident-banner, incident-timeline")]
      .every((el) => el.shadowRoot && !el.shadowRoot.textContent.includes("불러오는")), null, { timeout: 10_000 });
    await page.waitForTimeout(300);
    const shifts = await page.evaluate(() => window.__shifts);
    assert.deepEqual(shifts, [], "no layout shift");
    const banners = await page.evaluate(() => [...document.querySelectorAll("incident-banner")].map((b) => b.getBoundingClientRect().height));
    assert.ok(banners.every((h) => h === 0), `a quiet banner takes no space: ${banners}`);
    await context.close();
  });
}

test("space reserved as the README says: a banner appears without moving the page", async () => {
  const context = await env.browser.newContext({ locale: "ko-KR", viewport: { width: 1000, height: 800 } });
  const reserve = "incident-banner { display: block; --ib-min-height: 260px; min-height: var(--ib-min-height); }";
  const html = (css) => `<!doctype html><html lang="ko"><head><meta charset="utf-8"><style>${css}</style>
    <script type="module" src="/dist/incident-banner.js"></script></head><body>
    <incident-banner src="/feeds/mois-2023-11.json" now="2023-11-19T18:40:00+09:00" poll="0"></incident-banner>
    <p id="after">기사 본문</p></body></html>`;
  await context.route("**/reserve*.html", (route) => route.fulfill({ status: 200, contentType: "text/html",
    body: html(route.request().url().includes("reserved") ? reserve : "") }));
  const shiftsOn = async (path) => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__cls += e.value; })
        .observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(`${env.base}/${path}`);
    await page.waitForFunction(() => document.querySelector("incident-banner").shadowRoot?.querySelector(".title"), null, { timeout: 10_000 });
    await page.waitForTimeout(300);
    const result = await page.evaluate(() => ({ cls: window.__cls, title: document.querySelector("incident-banner").shadowRoot.querySelector(".title").textContent,
      banner: document.querySelector("incident-banner").shadowRoot.querySelector(".banner").getBoundingClientRect().height }));
    await page.close();
    return result;
  };
  const plain = await shiftsOn("reserve.html");
  const reserved = await shiftsOn("reserve-reserved.html");
  assert.ok(plain.cls > 0, `without a reservation the banner pushes the page down (CLS ${plain.cls})`);
  assert.ok(reserved.banner <= 260, `the reservation is big enough for this banner (${reserved.banner}px)`);
  assert.equal(reserved.cls, 0, "with --ib-min-height reserved, no layout shift");
  assert.match(reserved.title, /행정전산망/);
  await context.close();
});
