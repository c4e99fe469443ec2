// The newsroom's picture and paper, in Chromium: the chart as one image with a text
// alternative, `chart="none"` and `view="chart"`, its colours in the dark scheme, the static
// chart with JavaScript off, an incident's "링크 복사" button, the print stylesheet, and the
// chronology's update event.
// (Where the bars fall and whether labels collide is checked in all three engines, in
// engines.test.mjs.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, open, rendered, noisy, contrast, SCREENSHOTS } from "./helpers.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.close(); });

const CARDS = "incident-timeline:not([view])";

/**
 * Waits until the timeline with cards shows both of news.html's feeds: it draws each feed as it
 * arrives, so a first render can hold one feed's incidents only.
 */
const bothFeeds = (page) => page.waitForFunction((s) =>
  document.querySelector(s)?.shadowRoot?.querySelectorAll("article").length === 3, CARDS, { timeout: 10000 });

/** In the page: what the timeline with cards holds (charts, articles) and its charts' names. */
const seen = (s) => {
  const root = document.querySelector(s).shadowRoot;
  return { charts: root.querySelectorAll("figure.chart").length, articles: root.querySelectorAll("article").length,
    days: [...root.querySelectorAll("section.day > h2")].map((h) => h.textContent) };
};

test("the chart is one image named by what it shows; chart=none leaves it out; view=chart shows it alone", async () => {
  const { page, log, close } = await open(env, "/news.html");
  await rendered(page, CARDS);
  await bothFeeds(page);
  const image = page.getByRole("img", { name: /고용24 접속 불가 · 오전 9시 15분~오전 11시 57분/ });
  assert.equal(await image.count(), 1, "one image for the 18 July story, named by its services and windows");
  // Its drawn words are not read a second time: an image's children are presentational.
  assert.equal(await page.getByRole("img").count(), 2, "18 July, and the May incident's day");
  assert.deepEqual(await page.evaluate(seen, CARDS), { charts: 2, articles: 3, days: ["2023년 7월 18일 (화)", "2023년 5월 8일 (월)"] });

  await page.evaluate((s) => document.querySelector(s).setAttribute("chart", "none"), CARDS);
  await page.waitForFunction((s) => !document.querySelector(s).shadowRoot.querySelector("figure.chart"), CARDS);
  assert.deepEqual(await page.evaluate(seen, CARDS), { charts: 0, articles: 3, days: ["2023년 7월 18일 (화)", "2023년 5월 8일 (월)"] });

  await page.evaluate((s) => {
    const el = document.querySelector(s);
    el.addEventListener("incident-banner:update", (e) => { window.__chartUpdate = e.detail; });
    el.removeAttribute("chart");
  }, CARDS);
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector("figure.chart"), CARDS);
  await page.evaluate((s) => {
    window.__chartUpdate = null;
    const el = document.querySelector(s);
    el.setAttribute("view", "chart");
    el.id = "alone";
  }, CARDS);
  await page.waitForFunction(() => document.querySelector("#alone").shadowRoot.querySelector("section.charts figure.chart"));
  // The charts alone say which incidents they draw, as the cards do.
  assert.deepEqual(await page.evaluate(() => window.__chartUpdate?.incidents.map((i) => i.id)),
    ["2023-07-18-kakao-login", "2023-07-18-moel-db", "2023-05-kakao"]);
  assert.deepEqual(await page.evaluate(seen, "#alone"), { charts: 2, articles: 0, days: ["2023년 7월 18일 (화)", "2023년 5월 8일 (월)"] });
  assert.equal(await page.evaluate(() => document.querySelector("#alone").shadowRoot.querySelector(".charts").getAttribute("aria-label")), "장애 시간 그래프");
  await page.evaluate(() => document.querySelector("#alone").scrollIntoView());
  await page.locator("#alone").screenshot({ path: SCREENSHOTS + "news-chart-alone.png" });
  assert.deepEqual(noisy(log), []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await close();
});

test("bars keep 3:1 against their track and the page, in the light and the dark scheme", async () => {
  const { page, close } = await open(env, "/news.html");
  await rendered(page, CARDS);
  await bothFeeds(page);
  const colours = () => page.evaluate((s) => {
    const root = document.querySelector(s).shadowRoot;
    const lane = (level) => root.querySelector(`rect.${level}`);
    const track = getComputedStyle(root.querySelector("svg.track")).backgroundColor;
    const bg = getComputedStyle(root.querySelector(".timeline")).backgroundColor;
    return { down: getComputedStyle(lane("level-down")).fill, partial: getComputedStyle(lane("level-partial")).fill,
      degraded: getComputedStyle(lane("level-degraded")).fill, track, bg,
      heights: ["level-down", "level-partial", "level-degraded"].map((l) => Math.round(lane(l).getBoundingClientRect().height * 10) / 10) };
  }, CARDS);
  const light = await colours();
  await page.evaluate((s) => document.querySelector(s).setAttribute("theme", "dark"), CARDS);
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector(".dark"), CARDS);
  const dark = await colours();
  assert.notEqual(dark.down, light.down, "the dark scheme has its own bar colours");
  for (const [scheme, c] of [["light", light], ["dark", dark]]) {
    for (const level of ["down", "partial", "degraded"]) {
      for (const against of ["track", "bg"]) {
        const ratio = contrast(c[level], c[against]);
        assert.ok(ratio >= 3, `${scheme}: ${level} bar ${c[level]} on ${against} ${c[against]}: ${ratio.toFixed(2)}:1`);
      }
    }
    // Levels differ in height too, not in colour alone.
    assert.ok(c.heights[0] > c.heights[1] && c.heights[1] > c.heights[2], `${scheme}: ${c.heights}`);
  }
  await page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector("figure.chart").scrollIntoView(), CARDS);
  await page.screenshot({ path: SCREENSHOTS + "news-chart-dark.png" });
  await close();
});

test("with JavaScript off, the article's fallback draws the same chart as SVG", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.base + "/article.html");
  const chart = page.locator("incident-timeline .ib-static figure.chart").first();
  assert.equal(await chart.getAttribute("role"), "img");
  assert.match(await chart.getAttribute("aria-label"), /카카오톡 PC버전 일부 장애 · 오전 10시 54분~오후 12시 20분 · 1시간 26분/);
  const bars = await chart.evaluate((f) => {
    const axis = f.querySelector("svg.axis").getBoundingClientRect();
    return [...f.querySelectorAll("rect")].map((r) => {
      const b = r.getBoundingClientRect();
      return [Math.round(((b.left - axis.left) / axis.width) * 240), Math.round(((b.right - axis.left) / axis.width) * 240), r.getAttribute("fill")];
    });
  });
  // In minutes after 09:00 on a 240-minute axis: 고용노동부's five, then Kakao's two.
  assert.deepEqual(bars.map(([a, b]) => [a, b]), [...Array(5).fill([15, 177]), [114, 200], [114, 200]]);
  assert.ok(bars.every(([, , fill]) => /^#[0-9a-f]{6}$/.test(fill)), "colours that need no stylesheet");
  assert.deepEqual(await chart.locator("svg.axis text").allTextContents(), ["9시", "10시", "11시", "12시", "13시"]);
  await chart.screenshot({ path: SCREENSHOTS + "article-no-js-chart.png" });
  await context.close();
});

test("링크 복사 puts the incident's address on the clipboard and says so", async () => {
  const { page, log, close } = await open(env, "/news.html");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.base });
  await rendered(page, CARDS);
  await bothFeeds(page);
  const button = page.getByRole("button", { name: "링크 복사: 고용24·워크넷·고용보험 접속 장애" });
  assert.equal(await button.count(), 1);
  await button.click();
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector(".live").textContent === "링크를 복사했습니다", CARDS);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${env.base}/news.html#incident-2023-07-18-moel-db`);
  // The copied address opens that incident, as a reader's browser would.
  await page.goto(copied);
  await rendered(page, CARDS);
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot.activeElement?.dataset.incident === "2023-07-18-moel-db", CARDS);
  assert.deepEqual(noisy(log), []);
  await close();
});

test("on paper: nothing cut, no buttons, links with their address", async () => {
  const { page, close } = await open(env, "/agency.html");
  await rendered(page, "incident-banner");
  await rendered(page, "incident-timeline");
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => {
    const banner = document.querySelector("incident-banner").shadowRoot;
    const timeline = document.querySelector("incident-timeline").shadowRoot;
    const shown = (e) => !!e && getComputedStyle(e).display !== "none";
    const link = timeline.querySelector('a[href^="http"]');
    const last = banner.querySelector(".banner .facts > div:last-child > dd");
    return { copy: shown(timeline.querySelector(".copy")), permalink: shown(timeline.querySelector(".permalink")),
      dismiss: shown(banner.querySelector(".dismiss")), clamp: getComputedStyle(last).webkitLineClamp,
      after: getComputedStyle(link, "::after").content.includes(link.getAttribute("href")),
      tableScroll: getComputedStyle(timeline.querySelector(".table-wrap")).overflowX };
  });
  assert.deepEqual(printed, { copy: false, permalink: false, dismiss: false, clamp: "none", after: true, tableScroll: "visible" });
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 10_000, "a printed page");
  await close();
});

test("the chronology tells the page its lines (incident-banner:update)", async () => {
  const { page, log, close } = await open(env, "/news.html");
  await rendered(page, CARDS);
  const detail = await page.evaluate(() => new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error("no update event in 10 s")), 10_000);
    const el = document.createElement("incident-timeline");
    el.setAttribute("view", "chronology");
    el.setAttribute("now", "2023-07-18T15:10:00+09:00");
    el.setAttribute("src", "/feeds/moel-2023-07-18.json /feeds/kakao-2023-07.json");
    el.addEventListener("incident-banner:update", (e) => resolve(e.detail), { once: true });
    document.body.append(el);
  }));
  assert.equal(detail.kind, "chronology");
  assert.equal(detail.stale, false);
  const july = detail.entries.filter((e) => e.at.startsWith("2023-07-18"));
  assert.deepEqual(july[0], { at: "2023-07-18T09:15:00+09:00", what: "장애 시작", incident: "고용24·워크넷·고용보험 접속 장애",
    services: "고용24, 워크넷, 고용보험, 직업훈련포털(HRD-Net), 외국인고용관리시스템(EPS)", publisher: "고용노동부 (데모)" });
  assert.deepEqual(july.map((e) => e.at.slice(11, 16)), ["09:15", "09:40", "10:54", "11:00", "11:10", "11:57", "11:57", "12:20", "12:20"]);
  assert.deepEqual(noisy(log), []);
  await close();
});
