// The demo pages as a reader sees them: banner and timeline texts, roles, languages,
// zones, the head snippet, no console noise, and the page's strict CSP obeyed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { setUp, open, rendered, shadowTexts, noisy, SCREENSHOTS } from "./helpers.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

test("agency page: critical outage banner with duration, services, expected end", async () => {
  const { page, log, response, close } = await open(env, "/agency.html");
  assert.match(response.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  await rendered(page, "incident-banner");
  await rendered(page, "incident-timeline");
  const role = await page.evaluate(() => document.querySelector("incident-banner").shadowRoot.querySelector(".head").getAttribute("role"));
  assert.equal(role, "alert");
  assert.deepEqual(await shadowTexts(page, "incident-banner", ".badge, .title, .timing"),
    ["심각 · 장애", "행정전산망 장애: 민원서류 발급 차질", "2일 10시간째"]);
  const facts = await shadowTexts(page, "incident-banner", "dd");
  assert.equal(facts[0], "새올행정시스템, 렌트홈");
  assert.equal(facts[1], "2023년 11월 20일 (월) 오전 9시 KST · 월요일 중 정상화 목표");
  assert.match(facts[2], /^11월 19일 오후 2시 45분 — 정보관리원에/);
  const rows = await page.evaluate(() => [...document.querySelector("incident-timeline").shadowRoot.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows[1], ["정부24", "접속 불가", "오후 1시 55분", "11월 18일 오전 9시", "19시간 5분"]);
  const visible = await page.locator("incident-banner .title").isVisible();
  assert.ok(visible, "banner title is visible");
  await page.screenshot({ path: SCREENSHOTS + "agency.png", fullPage: true });
  assert.deepEqual(noisy(log), []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await close();
});

test("news page: the seed tables, newest first, with recurrence", async () => {
  const { page, log, close } = await open(env, "/news.html");
  await rendered(page, "incident-timeline");
  // The timeline shows each feed as it arrives; wait for the second publisher's.
  await page.waitForFunction(() => document.querySelector("incident-timeline").shadowRoot.querySelectorAll("article").length === 3);
  assert.deepEqual(await shadowTexts(page, "incident-timeline", "h2"), ["2023년 7월 18일 (화)", "2023년 5월 8일 (월)"]);
  assert.deepEqual(await shadowTexts(page, "incident-timeline", "h3"),
    ["카카오톡 PC버전·다음 로그인 장애", "고용24·워크넷·고용보험 접속 장애", "카카오톡 메시지 송수신 지연 (5월, 데모용 요약)"]);
  const rows = await page.evaluate(() => [...document.querySelector("incident-timeline").shadowRoot.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows[0], ["카카오톡 PC버전지난 90일 동안 2번째 장애", "일부 장애", "오전 10시 54분", "오후 12시 20분", "1시간 26분"]);
  assert.deepEqual(rows[2], ["고용24", "접속 불가", "오전 9시 15분", "오전 11시 57분", "2시간 42분"]);
  const publishers = await page.evaluate(() => [...document.querySelector("incident-timeline").shadowRoot.querySelectorAll("article")]
    .map((a) => [...a.querySelectorAll("dl.facts div")].find((d) => d.firstChild.textContent === "발표").lastChild.textContent));
  assert.deepEqual(publishers, ["카카오 (데모)", "고용노동부 (데모)", "카카오 (데모)"], "two publishers' feeds merged, each labelled");
  const workarounds = await shadowTexts(page, "incident-timeline", ".workarounds li");
  assert.ok(workarounds.some((w) => w.includes("수기로 접수")), workarounds.join("|"));
  // The chronology: one running story across both publishers, in time order.
  await page.waitForFunction(() => document.querySelector("incident-timeline[view=chronology]").shadowRoot?.querySelectorAll(".entry").length > 8);
  const story = await page.evaluate(() => [...document.querySelector("incident-timeline[view=chronology]").shadowRoot.querySelectorAll("section.day")]
    .map((d) => [d.querySelector("h2").textContent, [...d.querySelectorAll(".entry")].map((e) =>
      [e.querySelector("time").textContent, e.querySelector(".status").textContent, e.querySelector(".about").textContent, e.querySelector(".by").textContent])]));
  assert.deepEqual(story.map(([day]) => day), ["2023년 5월 8일 (월)", "2023년 7월 18일 (화)"]);
  const july = story[1][1];
  const at = (time, what, incident) => july.findIndex(([t, w, i]) => t === time && w === what && i === incident);
  const told = [at("오전 9시 15분", "장애 시작", "고용24·워크넷·고용보험 접속 장애"), at("오전 10시 54분", "장애 시작", "카카오톡 PC버전·다음 로그인 장애"),
    at("오전 11시 57분", "복구", "고용24·워크넷·고용보험 접속 장애"), at("오후 12시 20분", "복구", "카카오톡 PC버전·다음 로그인 장애")];
  assert.ok(told.every((i) => i >= 0) && told.every((i, k) => k === 0 || i > told[k - 1]), `${JSON.stringify(july)}`);
  assert.equal(july[told[0]][3], "고용노동부 (데모)", "who said it");
  await page.screenshot({ path: SCREENSHOTS + "news.png", fullPage: true });
  assert.deepEqual(noisy(log), []);
  await close();
});

test("maintenance page: upcoming work is announced as a status, with start and end", async () => {
  const { page, log, close } = await open(env, "/agency-maintenance.html");
  await rendered(page, "incident-banner");
  const role = await page.evaluate(() => document.querySelector("incident-banner").shadowRoot.querySelector(".head").getAttribute("role"));
  assert.equal(role, "status");
  assert.deepEqual(await shadowTexts(page, "incident-banner", ".badge, .timing"),
    ["경미 · 정기 점검", "시작 예정: 2023년 11월 25일 (토) 오전 12시 KST"]);
  assert.deepEqual((await shadowTexts(page, "incident-banner", "dd")).slice(0, 2), ["정부24, 새올행정시스템", "2023년 11월 25일 (토) 오전 6시 KST"]);
  await page.screenshot({ path: SCREENSHOTS + "agency-maintenance.png", fullPage: true });
  assert.deepEqual(noisy(log), []);
  await close();
});

test("English page and attribute changes re-render: lang, time-zone", async () => {
  const { page, log, close } = await open(env, "/agency-en.html");
  await rendered(page, "incident-banner");
  await rendered(page, "incident-timeline");
  assert.deepEqual(await shadowTexts(page, "incident-banner", ".badge, .title, .timing"),
    ["Critical · Outage", "Government network outage: civil documents delayed", "for 2 d 10 h"]);
  assert.equal((await shadowTexts(page, "incident-timeline", "h2"))[0], "Fri 17 Nov 2023");
  await page.screenshot({ path: SCREENSHOTS + "agency-en.png", fullPage: true });

  await page.evaluate(() => document.querySelector("incident-timeline").setAttribute("time-zone", "America/Los_Angeles"));
  assert.equal((await shadowTexts(page, "incident-timeline", "h2"))[0], "Thu 16 Nov 2023", "8:40 AM KST is 3:40 PM PST the day before");
  const head = await shadowTexts(page, "incident-timeline", "thead th");
  assert.equal(head[2], "Failed (PST)");

  await page.evaluate(() => document.querySelector("incident-banner").setAttribute("lang", "ko"));
  assert.deepEqual(await shadowTexts(page, "incident-banner", ".badge"), ["심각 · 장애"]);

  await page.evaluate(() => document.querySelector("incident-timeline").setAttribute("time-zone", "Not/AZone"));
  assert.equal((await shadowTexts(page, "incident-timeline", "h2"))[0], "Fri 17 Nov 2023", "invalid zone falls back to the publisher's");
  assert.deepEqual(noisy(log).map((m) => m.text), ['incident-banner: unknown time-zone "Not/AZone"; using the feed\'s zone']);
  await close();
});

test("time-zone=local reads times in the reader's zone", async () => {
  const { page, close } = await open(env, "/agency-en.html", { lang: "en-US", timezoneId: "Europe/London" });
  await rendered(page, "incident-timeline");
  await page.evaluate(() => document.querySelector("incident-timeline").setAttribute("time-zone", "local"));
  const head = await shadowTexts(page, "incident-timeline", "thead th");
  assert.equal(head[2], "Failed (GMT)");
  const rows = await page.evaluate(() => [...document.querySelector("incident-timeline").shadowRoot.querySelectorAll("tbody tr")].map((tr) => tr.children[2].textContent));
  assert.equal(rows[0], "11:40 PM", "08:40 KST is 23:40 GMT the day before");
  await close();
});

test("archive page: a year shown a page at a time; past two pages the newest folds away and back", async () => {
  const { page, log, close } = await open(env, "/archive.html");
  await rendered(page, "incident-timeline");
  // No scroll anchoring, as in Safari: the widget must place the reader itself.
  await page.evaluate(() => { document.documentElement.style.overflowAnchor = "none"; });
  // The newest incident, read from the feed itself: the timeline's first.
  const feed = JSON.parse(readFileSync(new URL("../../www/feeds/archive.json", import.meta.url), "utf8"));
  const start = (i) => Date.parse(i.started_at ?? i.scheduled.from);
  const newest = [...feed.incidents].sort((a, b) => start(b) - start(a)).map((i) => i.title.ko);
  const state = () => page.evaluate(() => {
    const root = document.querySelector("incident-timeline").shadowRoot;
    return { titles: [...root.querySelectorAll("h3")].map((h) => h.textContent),
      more: root.querySelector("[data-more]")?.textContent ?? null, newer: root.querySelector("[data-newer]")?.textContent ?? null,
      focused: root.activeElement?.getAttribute("part") ?? null,
      // The focused incident's title, and where it is in the window (px from the top).
      focusedTitle: root.activeElement?.querySelector("h3")?.textContent ?? null,
      focusedTop: root.activeElement?.getBoundingClientRect().top,
      // Where its day's heading is, when the incident is the first of its day.
      headingTop: root.activeElement?.previousElementSibling?.localName === "h2"
        ? root.activeElement.previousElementSibling.getBoundingClientRect().top : null };
  });
  const press = async (button, expectFirst) => {
    await page.evaluate((b) => document.querySelector("incident-timeline").shadowRoot.querySelector(`[data-${b}]`).focus(), button);
    await page.keyboard.press("Enter");
    if (expectFirst !== undefined) {
      await page.waitForFunction((t) => document.querySelector("incident-timeline").shadowRoot.querySelector("h3")?.textContent === t, expectFirst);
    }
    return state();
  };
  const first = await state();
  const n = first.titles.length;
  assert.ok(n > 5 && n <= 20, `a page of ${n}`);
  assert.deepEqual(first.titles, newest.slice(0, n), "newest first");
  assert.equal(first.more, `더 보기 (${60 - n}건 남음)`);
  assert.equal(first.newer, null);

  // Reading goes on at the first incident a button brings: focused, at the top of the window,
  // or just under its day's heading when it is the first of that day.
  const readingAt = (s, title, what, header = 0) => {
    assert.equal(s.focused, "incident", what);
    assert.equal(s.focusedTitle, title, what);
    const top = s.headingTop ?? s.focusedTop;
    assert.ok(Math.abs(top - header) < 1, `${what}: ${top} px from the top (heading at ${s.headingTop})`);
  };
  await press("more");
  await page.waitForFunction((m) => document.querySelector("incident-timeline").shadowRoot.querySelectorAll("h3").length > m, n);
  const two = await state();
  assert.deepEqual(two.titles.slice(0, n), first.titles, "a second page below the first");
  assert.equal(two.newer, null);
  readingAt(two, newest[n], "the second page's first incident");
  const third = await press("more", newest[n]);
  assert.deepEqual(third.titles[0], newest[n], "the first page folded away");
  assert.equal(third.newer, `최근 사건 보기 (${n}건 남음)`);
  readingAt(third, newest[two.titles.length], "the third page's first incident, not the end of that page");
  await page.evaluate(() => document.querySelector("incident-timeline").shadowRoot.querySelector("[data-newer]").scrollIntoView());
  await page.screenshot({ path: SCREENSHOTS + "archive.png" });

  const back = await press("newer", newest[0]);
  assert.deepEqual(back.titles, two.titles, "back to the first two pages");
  assert.equal(back.newer, null);
  readingAt(back, newest[0], "the newest incident, back on top");
  assert.equal(await page.evaluate(() => document.querySelector("incident-timeline").shadowRoot.querySelector(".live").textContent),
    `1–${back.titles.length}번째 사건 표시 중 (모두 60건)`, "a screen reader hears what is shown now");
  // Under a fixed header, the README's --ib-scroll-margin keeps the incident, and the day's
  // heading over it, clear of the header.
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync("incident-timeline { --ib-scroll-margin: 64px; }");
    document.adoptedStyleSheets = [sheet];
  });
  const under = await press("more", newest[n]);
  readingAt(under, newest[two.titles.length], "under a fixed header", 64);
  assert.deepEqual(noisy(log), []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await close();
});

test("on a phone the services table is a block per service, each value after its column's name", async () => {
  const { page, close } = await open(env, "/agency.html");
  await page.setViewportSize({ width: 360, height: 740 });
  await rendered(page, "incident-timeline");
  const table = await page.evaluate(() => {
    const t = document.querySelector("incident-timeline").shadowRoot.querySelector("table.impacts");
    t.scrollIntoView();
    const row = t.querySelector("tbody tr");
    return { sideways: t.scrollWidth - t.parentElement.clientWidth, service: row.querySelector("th").textContent,
      // What a person reads in each cell: the column's name (drawn before it), then the value.
      cells: [...row.querySelectorAll("td")].map((td) => [getComputedStyle(td, "::before").content, td.textContent]),
      stacked: [...row.children].every((c, i, all) => i === 0 || c.getBoundingClientRect().top > all[i - 1].getBoundingClientRect().top) };
  });
  assert.equal(table.sideways, 0, "nothing hidden off to the side");
  assert.equal(table.service, "새올행정시스템");
  // Drawn before each value with empty alternative text: seen, not heard.
  assert.deepEqual(table.cells, [['"상태" / ""', "접속 불가"], ['"장애 시작 (KST)" / ""', "오전 8시 40분"], ['"복구 (KST)" / ""', "복구 중"], ['"지속 시간" / ""', "2일 10시간째"]]);
  assert.ok(table.stacked, "one line each, top to bottom");
  // What a screen reader gets: still a table, each value a cell under its column's header
  // (heard once from there), not "상태접속 불가".
  const heard = await page.locator("incident-timeline table.impacts").first().ariaSnapshot();
  assert.match(heard, /- columnheader "상태"/);
  assert.match(heard, /- rowheader "새올행정시스템"\n\s+- cell "접속 불가"\n\s+- cell "오전 8시 40분"/);
  assert.doesNotMatch(heard, /상태접속|"상태 접속/);
  await page.screenshot({ path: SCREENSHOTS + "agency-phone.png" });
  // A long service name and an unbroken value wrap instead of pushing the table wider.
  assert.equal(await page.evaluate(() => {
    const t = document.querySelector("incident-timeline").shadowRoot.querySelector("table.impacts");
    t.querySelector("tbody th").firstChild.textContent = "새올 행정 시스템 및 지방 행정 공통 기반 통합 인증 서비스 (GPKI 연계)";
    t.querySelector("tbody td").textContent = "https://example.org/a-very-long-unbroken-status-text-that-goes-on";
    return t.scrollWidth - t.parentElement.clientWidth;
  }), 0);
  // A desktop window keeps the table.
  await page.setViewportSize({ width: 1000, height: 800 });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("incident-timeline").shadowRoot.querySelector("tbody tr")).display), "table-row");
  await close();
});

test("head snippet inserts a banner only when there is something to announce", async () => {
  const active = await open(env, "/snippet.html", { now: "2023-11-19T18:40:00+09:00" });
  await active.page.evaluate(() => {
    window.__shift = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shift += e.value; }).observe({ type: "layout-shift", buffered: true });
    window.__h1 = document.querySelector("h1").getBoundingClientRect().top;
  });
  await active.page.waitForFunction(() => document.body.firstElementChild?.localName === "incident-banner", null, { timeout: 10000 });
  await rendered(active.page, "incident-banner");
  // Docked over the bottom of the window: the page did not move, and the banner is in view.
  const placed = await active.page.evaluate(() => {
    const r = document.querySelector("incident-banner").getBoundingClientRect();
    return { bottom: r.bottom, height: r.height, window: innerHeight, h1: document.querySelector("h1").getBoundingClientRect().top, before: window.__h1, shift: window.__shift };
  });
  assert.equal(placed.bottom, placed.window, "docked to the bottom of the window");
  assert.ok(placed.height > 40 && placed.height <= placed.window / 2, `height ${placed.height}`);
  assert.equal(placed.h1, placed.before, "the page's heading did not move");
  assert.ok(placed.shift < 0.01, `layout shift ${placed.shift}`);
  assert.deepEqual(await shadowTexts(active.page, "incident-banner", ".badge"), ["심각 · 장애"]);
  assert.deepEqual(await shadowTexts(active.page, "incident-banner", ".timing"), ["2일 10시간째"], "counted from the pinned clock");
  await active.page.screenshot({ path: SCREENSHOTS + "snippet.png" });
  // In the dark scheme the whole docked box is dark, its corners too, not only the banner.
  await active.page.evaluate(() => document.querySelector("incident-banner").setAttribute("theme", "dark"));
  await active.page.waitForFunction(() => document.querySelector("incident-banner").shadowRoot.querySelector(".content.dark"));
  const box = await active.page.evaluate(() => {
    const host = document.querySelector("incident-banner");
    const content = host.shadowRoot.querySelector(".content");
    const [h, c] = [host, content].map((e) => e.getBoundingClientRect());
    return { background: getComputedStyle(content).backgroundColor, covers: c.top <= h.top && c.bottom >= h.bottom - 1 && c.width === h.width };
  });
  assert.deepEqual(box, { background: "rgb(22, 27, 34)", covers: true });
  await active.page.screenshot({ path: SCREENSHOTS + "snippet-dark.png" });
  assert.deepEqual(noisy(active.log), []);
  await active.close();

  const quiet = await open(env, "/snippet-quiet.html");
  await quiet.page.waitForLoadState("networkidle");
  await quiet.page.waitForTimeout(300);
  assert.equal(await quiet.page.evaluate(() => document.querySelectorAll("incident-banner").length), 0);
  assert.equal(await quiet.page.evaluate(() => customElements.get("incident-banner") !== undefined), true, "the module did load");
  await quiet.close();
});

test("removing and re-adding an element renders it again", async () => {
  const { page, log, close } = await open(env, "/agency.html");
  await rendered(page, "incident-banner");
  await page.evaluate(() => { const el = document.querySelector("incident-banner"); el.remove(); document.body.append(el); });
  await rendered(page, "incident-banner");
  assert.deepEqual(await shadowTexts(page, "incident-banner", ".badge"), ["심각 · 장애"]);
  assert.deepEqual(noisy(log), []);
  await close();
});

test("an element's own content is its fallback: shown while there is no feed, with the error line, hidden once a feed is shown", async () => {
  const { page, log, close } = await open(env, "/fallback.html");
  await rendered(page, "#live");
  await page.waitForFunction(() => document.querySelector("#unreachable").shadowRoot?.querySelector(".error"));
  const seen = await page.evaluate(() => {
    const fallback = (id) => document.querySelector(`#${id} .static-notice`);
    const visible = (n) => n.getClientRects().length > 0;
    const root = (id) => document.querySelector(`#${id}`).shadowRoot;
    return {
      liveFallback: visible(fallback("live")),
      liveTitle: root("live").querySelector(".title")?.textContent,
      unreachableFallback: visible(fallback("unreachable")),
      unreachableError: root("unreachable").querySelector(".error")?.textContent,
      fallbackBelowError: fallback("unreachable").getBoundingClientRect().top >= root("unreachable").querySelector(".error").getBoundingClientRect().bottom,
    };
  });
  assert.equal(seen.liveFallback, false, "a shown feed hides the page's own content: nothing is said twice");
  assert.equal(seen.liveTitle, "행정전산망 장애: 민원서류 발급 차질");
  assert.equal(seen.unreachableFallback, true, "the page's own content stays when the feed cannot be had");
  assert.match(seen.unreachableError, /불러오지 못했습니다/);
  assert.ok(seen.fallbackBelowError, "the error is a short line with the fallback, not instead of it");
  await page.screenshot({ path: SCREENSHOTS + "fallback.png" });
  assert.deepEqual(log.errors, []);
  await close();

  // While the feed is on its way, the fallback shows instead of "불러오는 중".
  // (A fresh context: no feed stored by the visit above.)
  const context = await env.browser.newContext();
  const slow = await context.newPage();
  await slow.route("**/feeds/mois-2023-11.json", () => {}); // never answered
  await slow.goto(env.base + "/fallback.html");
  await slow.waitForFunction(() => document.querySelector("#unreachable").shadowRoot?.querySelector(".error"));
  const waiting = await slow.evaluate(() => ({
    fallback: document.querySelector("#live .static-notice").getClientRects().length > 0,
    text: document.querySelector("#live").shadowRoot.textContent,
  }));
  assert.equal(waiting.fallback, true);
  assert.doesNotMatch(waiting.text, /불러오는 중/);
  await context.close();
});

test("in an engine without constructable stylesheets (Safari < 16.4) the page's own content stays, never an unstyled widget", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
  await page.addInitScript(() => { delete ShadowRoot.prototype.adoptedStyleSheets; delete Document.prototype.adoptedStyleSheets; });
  await page.goto(env.base + "/fallback.html");
  await page.waitForFunction(() => document.readyState === "complete");
  for (let i = 0; i < 100 && !warnings.length; i++) await new Promise((r) => setTimeout(r, 20));
  const seen = await page.evaluate(() => ({
    defined: customElements.get("incident-banner") !== undefined,
    shadow: document.querySelector("#live").shadowRoot !== null,
    fallback: document.querySelector("#live .static-notice").getClientRects().length > 0,
  }));
  assert.deepEqual(seen, { defined: false, shadow: false, fallback: true });
  assert.ok(warnings.some((w) => w.includes("could not start")), warnings.join("\n"));
  await context.close();
});

test("closing the banner by keyboard leaves focus on what follows it; Escape closes it too", async () => {
  // Enter on the close button: focus goes to the page's next link, not to <body>.
  const first = await open(env, "/agency.html");
  await rendered(first.page, "incident-banner");
  await first.page.evaluate(() => document.querySelector("incident-banner").shadowRoot.querySelector("[data-dismiss]").focus());
  await first.page.keyboard.press("Enter");
  await first.page.waitForFunction(() => !document.querySelector("incident-banner").shadowRoot.querySelector(".title"));
  assert.equal(await first.page.evaluate(() => document.activeElement?.textContent), "행정안전부 (데모)", "the site's first link after the banner");
  await first.close();

  // Escape while reading inside the banner (on its link) closes it the same way.
  const second = await open(env, "/agency.html");
  await rendered(second.page, "incident-banner");
  await second.page.evaluate(() => document.querySelector("incident-banner").shadowRoot.querySelector("a").focus());
  await second.page.keyboard.press("Escape");
  await second.page.waitForFunction(() => !document.querySelector("incident-banner").shadowRoot.querySelector(".title"));
  assert.equal(await second.page.evaluate(() => document.activeElement?.textContent), "행정안전부 (데모)");
  // The timeline has nothing to close: Escape there changes nothing.
  await second.page.evaluate(() => document.querySelector("incident-timeline").shadowRoot.querySelector("a").focus());
  await second.page.keyboard.press("Escape");
  assert.ok(await second.page.evaluate(() => document.querySelector("incident-timeline").shadowRoot.querySelector("h3")));
  await second.close();
});

test("a link to one incident (#incident-<id>) opens the page of the archive that holds it", async () => {
  const feed = JSON.parse(readFileSync(new URL("../../www/feeds/archive.json", import.meta.url), "utf8"));
  const start = (i) => Date.parse(i.started_at ?? i.scheduled.from);
  const sorted = [...feed.incidents].sort((a, b) => start(b) - start(a));
  const oldest = sorted[sorted.length - 1];
  const { page, log, close } = await open(env, `/archive.html#incident-${encodeURIComponent(oldest.id)}`);
  await page.waitForFunction((id) => document.querySelector("incident-timeline").shadowRoot?.activeElement?.getAttribute("data-incident") === id, oldest.id);
  const seen = await page.evaluate(() => {
    const root = document.querySelector("incident-timeline").shadowRoot;
    const a = root.activeElement;
    return { title: a.querySelector("h3").textContent, top: a.getBoundingClientRect().top, bottom: a.getBoundingClientRect().bottom,
      link: a.querySelector("a.permalink").getAttribute("href"), name: a.querySelector("a.permalink").getAttribute("aria-label") };
  });
  assert.equal(seen.title, oldest.title.ko ?? oldest.title);
  assert.ok(seen.top >= 0 && seen.top < 800, `in view: ${seen.top}`);
  assert.equal(seen.link, `#incident-${encodeURIComponent(oldest.id)}`, "the incident offers its own link");
  assert.equal(seen.name, `이 사건으로 바로 가는 링크: ${seen.title}`);
  // Another incident's link, followed later: brought into view too.
  await page.evaluate((id) => { location.hash = `incident-${encodeURIComponent(id)}`; }, sorted[0].id);
  await page.waitForFunction((id) => document.querySelector("incident-timeline").shadowRoot.activeElement?.getAttribute("data-incident") === id, sorted[0].id);
  assert.deepEqual(noisy(log), []);
  await close();
});
