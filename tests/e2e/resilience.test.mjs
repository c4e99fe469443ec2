// Live updates and resilience, end to end: the widget polls a fault-injection server through
// good → down → back sequences while Playwright's clock stands in for time; at each step we
// assert what the reader sees, what the origin received, and that it recovers by itself.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { startFaultServer, feedBody, ok, status, bigFeed } from "./faults.mjs";
import { LAUNCH } from "./helpers.mjs";

let fs, browser;
before(async () => {
  fs = await startFaultServer();
  browser = await chromium.launch(LAUNCH);
});
after(async () => { await browser?.close(); fs?.close(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const T0 = new Date("2023-11-19T10:00:00Z");

/** Retries `check` in real time until it stops throwing. */
async function eventually(check, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    try { return await check(); } catch (e) { if (Date.now() > end) throw e; await sleep(25); }
  }
}

/**
 * A fresh page (own storage unless `context` is given) with `html` in it and a fake clock,
 * paused at `time` + 1 s: the page's timers fire only when a test runs the clock. Left to run
 * in real time, the widget's first poll (at a random point of its interval, to spread the
 * load) could come before the test's first step, a few times in a hundred.
 */
async function pageWith(html, { context, time = T0, query = "", file = "blank.html" } = {}) {
  const ctx = context ?? await browser.newContext({ locale: "ko-KR" });
  const page = await ctx.newPage();
  const log = { console: [], errors: [] };
  page.on("console", (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on("pageerror", (e) => log.errors.push(e.message));
  await page.clock.install({ time });
  await page.clock.pauseAt(new Date(time.getTime() + 1000));
  await page.goto(`${fs.base}/pages/${file}${query}`);
  if (html) await page.evaluate((h) => {
    // The Trusted Types page forbids plain strings in innerHTML, for tests too.
    const policy = window.trustedTypes?.createPolicy(`test${Math.random()}`, { createHTML: (s) => s });
    document.querySelector("#slot").innerHTML = policy ? policy.createHTML(h) : h;
  }, html);
  return { page, log, context: ctx };
}

const texts = (page, host, inner) =>
  page.evaluate(([h, i]) => [...(document.querySelector(h)?.shadowRoot?.querySelectorAll(i) ?? [])].map((n) => n.textContent), [host, inner]);

/** Runs the fake clock in steps until `path` has been requested once more. */
async function nextRequest(page, path, maxMs = 20 * 60_000, stepMs = 5_000) {
  const before = fs.requests(path).length;
  for (let t = 0; t <= maxMs; t += stepMs) {
    await page.clock.runFor(stepMs);
    for (let i = 0; i < 4 && fs.requests(path).length === before; i++) await sleep(10);
    if (fs.requests(path).length > before) return t + stepMs;
  }
  throw new Error(`no request for ${path} within ${maxMs} ms`);
}

test("good → down (503, Retry-After) → 500 → back: last good data stays, then recovers by itself", async () => {
  const path = "/feed/recover.json";
  fs.script(path, [ok(feedBody({ title: "장애 v1" })), status(503, 300), status(500), ok(feedBody({ title: "장애 v2", updates: 2 }))]);
  const { page, log, context } = await pageWith(`<incident-banner id="b" src="/feed/recover.json" poll="60" now="2023-11-19T18:40:00+09:00"></incident-banner>`);
  await eventually(async () => assert.deepEqual(await texts(page, "#b", ".title"), ["장애 v1"]));

  const waited = await nextRequest(page, path);
  assert.ok(waited <= 60_000, `first poll within one interval (jittered), took ${waited} ms`);
  await eventually(async () => assert.match((await texts(page, "#b", ".error"))[0] ?? "", /^마지막 확인: .+ · 업데이트 실패 \(서버 응답 503\)$/));
  assert.deepEqual(await texts(page, "#b", ".title"), ["장애 v1"], "last good data stays on screen");

  const afterRetry = await nextRequest(page, path);
  assert.ok(afterRetry >= 300_000, `Retry-After: 300 honoured (waited ${afterRetry} ms)`);
  await eventually(async () => assert.match((await texts(page, "#b", ".error"))[0] ?? "", /업데이트 실패 \(서버 응답 500\)$/));

  await nextRequest(page, path);
  await eventually(async () => assert.deepEqual(await texts(page, "#b", ".title"), ["장애 v2"]));
  assert.deepEqual(await texts(page, "#b", ".error"), [], "stale line gone after recovery");
  assert.deepEqual(await texts(page, "#b", ".live"), ["업데이트: 업데이트 2"], "announced once, politely");
  assert.equal(await page.evaluate(() => document.querySelector("#b").shadowRoot.querySelector(".live").getAttribute("aria-live")), "polite");
  assert.deepEqual(log.errors, []);
  assert.equal(log.console.filter((m) => m.type === "error").length, 2, "only the browser's own 503/500 resource errors");
  await context.close();
});

test("304 and unchanged bodies cause no DOM mutations; requests are conditional and cookieless", async () => {
  const path = "/feed/steady.json";
  fs.script(path, [ok(feedBody())]);
  // Both elements in the page when the module runs (pages/steady.html): one module shows both.
  const { page, context } = await pageWith("", { file: "steady.html" });
  await context.addCookies([{ name: "session", value: "secret", url: fs.base }]);
  await eventually(async () => assert.equal((await texts(page, "#b", ".title")).length, 1));
  await eventually(async () => assert.equal((await texts(page, "#t", "h3")).length, 1));
  assert.equal(fs.requests(path).length, 1, "banner and timeline share one request");
  await page.evaluate(() => {
    window.__mutations = 0;
    for (const id of ["#b", "#t"]) {
      new MutationObserver((list) => { window.__mutations += list.length; })
        .observe(document.querySelector(id).shadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });
    }
  });
  for (let i = 0; i < 5; i++) await nextRequest(page, path);
  await sleep(100);
  const polls = fs.requests(path).slice(1);
  assert.ok(polls.every((r) => r.headers["if-none-match"]), "If-None-Match sent");
  assert.ok(fs.requests(path).every((r) => !r.headers.cookie), "no cookies sent");
  assert.equal(await page.evaluate(() => window.__mutations), 0, "no DOM mutations for 304s");

  fs.script(path, [ok(feedBody(), { etag: false })]);
  for (let i = 0; i < 2; i++) await nextRequest(page, path);
  await sleep(100);
  assert.equal(await page.evaluate(() => window.__mutations), 0, "no DOM mutations for an unchanged body");
  await context.close();
});

test("every kind of bad answer keeps the last good data and says why", async () => {
  const path = "/feed/faults.json";
  const good = feedBody({ title: "장애 v1" });
  fs.script(path, [ok(good), { kind: "html" }, { kind: "truncated", body: good }, { kind: "invalid-utf8" }, { kind: "reset" }, status(404), status(429, 30),
    { kind: "hang" }, ok(good + " ".repeat(5000), { etag: false }), ok("{\"version\": 1,", { etag: false }), { kind: "trickle", body: good, chunk: 200, every: 20 }]);
  const { page, log, context } = await pageWith(`<incident-banner id="b" src="/feed/faults.json" poll="15" max-bytes="2500" now="2023-11-19T18:40:00+09:00"></incident-banner>`);
  await eventually(async () => assert.deepEqual(await texts(page, "#b", ".title"), ["장애 v1"]));
  const reasons = ["형식 오류", "형식 오류", "형식 오류", "네트워크 오류", "서버 응답 404", "서버 응답 429", "응답 시간 초과", "파일이 너무 큼", "형식 오류"];
  for (const reason of reasons) {
    await nextRequest(page, path);
    if (reason === "응답 시간 초과") await page.clock.runFor(10_000);
    await eventually(async () => assert.match((await texts(page, "#b", ".error"))[0] ?? "", new RegExp(`업데이트 실패 \\(${reason}\\)$`)), 8000);
    assert.deepEqual(await texts(page, "#b", ".title"), ["장애 v1"], `still showing good data after: ${reason}`);
  }
  await nextRequest(page, path);
  await eventually(async () => assert.deepEqual(await texts(page, "#b", ".error"), []), 8000);
  assert.deepEqual(log.errors, [], "no uncaught exceptions");
  assert.ok(log.console.filter((m) => m.type === "warning").length >= reasons.length, "one console warning per failure");
  await context.close();
});

test("a fresh page load with the origin down shows the stored feed at once, marked stale", async () => {
  const path = "/feed/cached.json";
  fs.script(path, [ok(feedBody({ title: "저장된 장애" })), status(503)]);
  const first = await pageWith(`<incident-banner id="b" src="/feed/cached.json" poll="0" now="2023-11-19T18:40:00+09:00"></incident-banner>`);
  await eventually(async () => assert.deepEqual(await texts(first.page, "#b", ".title"), ["저장된 장애"]));
  // The good body is stored in a task of its own, after the banner.
  await first.page.clock.runFor(1000);
  await first.page.close();

  // 3½ minutes after T0; the first page's clock stood at T0 + 2 s.
  const later = new Date(T0.getTime() + 3.5 * 60_000);
  const { page } = await pageWith(`<incident-banner id="b" src="/feed/cached.json" poll="0" now="2023-11-19T18:40:00+09:00"></incident-banner>`, { context: first.context, time: later });
  await eventually(async () => assert.deepEqual(await texts(page, "#b", ".error"), ["마지막 확인: 3분 전 · 업데이트 실패 (서버 응답 503)"]));
  assert.deepEqual(await texts(page, "#b", ".title"), ["저장된 장애"]);
  await first.context.close();
});

test("no good data ever: a clear localised message", async () => {
  fs.script("/feed/never.json", [status(500)]);
  const { page, context } = await pageWith(`<incident-timeline id="t" src="/feed/never.json" lang="en"></incident-timeline>`);
  await eventually(async () => assert.deepEqual(await texts(page, "#t", ".error"), ["Could not load incident information (server answered 500)."]));
  await context.close();
});

test("a hidden tab does not poll; coming back refreshes at once", async () => {
  const path = "/feed/hidden.json";
  fs.script(path, [ok(feedBody())]);
  const { page, context } = await pageWith(`<incident-banner id="b" src="/feed/hidden.json" poll="60"></incident-banner>`);
  await eventually(async () => assert.equal((await texts(page, "#b", ".title")).length, 1));
  const setHidden = (h) => page.evaluate((hidden) => {
    Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
    document.dispatchEvent(new Event("visibilitychange"));
  }, h);
  await setHidden(true);
  const before = fs.requests(path).length;
  await page.clock.runFor(10 * 60_000);
  await sleep(100);
  assert.equal(fs.requests(path).length, before, "no requests while hidden");
  await setHidden(false);
  await eventually(() => assert.equal(fs.requests(path).length, before + 1, "refreshed on return"));
  await context.close();
});

test("removing the element stops its polling and drops its listeners (no leaks)", async () => {
  const path = "/feed/removed.json";
  fs.script(path, [ok(feedBody())]);
  const { page, context } = await pageWith(`<incident-banner id="b" src="/feed/removed.json" poll="15"></incident-banner>`);
  await eventually(async () => assert.equal((await texts(page, "#b", ".title")).length, 1));
  await nextRequest(page, path);
  const cdp = await context.newCDPSession(page);
  const listeners = async () => {
    const { result } = await cdp.send("Runtime.evaluate", { expression: "window.__root" });
    const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
    return listeners.map((l) => l.type);
  };
  await page.evaluate(() => { window.__root = document.querySelector("#b").shadowRoot; });
  assert.deepEqual(await listeners(), ["click", "click", "keydown"],
    "delegated listeners while connected: the widget's clicks, the copy button's, Escape");
  await page.evaluate(() => document.querySelector("#b").remove());
  assert.deepEqual(await listeners(), [], "no listener left after removal");
  const before = fs.requests(path).length;
  await page.clock.runFor(30 * 60_000);
  await sleep(100);
  assert.equal(fs.requests(path).length, before, "no requests after removal");
  const pending = await page.evaluate(() => document.querySelector("#slot").childElementCount);
  assert.equal(pending, 0);
  await context.close();
});

test("dismissal by keyboard is remembered per incident and update; critical can be kept", async () => {
  const path = "/feed/dismiss.json";
  fs.script(path, [ok(feedBody({ severity: "major" }))]);
  const { page, context } = await pageWith(`<incident-banner id="b" src="/feed/dismiss.json" poll="15" now="2023-11-19T18:40:00+09:00"></incident-banner>`);
  await eventually(async () => assert.equal((await texts(page, "#b", ".title")).length, 1));
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.querySelector("#b").shadowRoot.activeElement?.getAttribute("aria-label"));
  assert.equal(focused, "배너 닫기", "the close button is reachable by keyboard");
  await page.keyboard.press("Enter");
  await eventually(async () => assert.deepEqual(await texts(page, "#b", ".title"), []));
  // A reload: the old page must not poll on behind our back (its clock runs in real time).
  await page.close();

  const second = await pageWith(`<incident-banner id="b" src="/feed/dismiss.json" poll="15" now="2023-11-19T18:40:00+09:00"></incident-banner>`, { context });
  await eventually(() => assert.ok(fs.requests(path).length >= 2));
  await sleep(200);
  assert.deepEqual(await texts(second.page, "#b", ".title"), [], "still dismissed after reload");
  fs.script(path, [ok(feedBody({ severity: "major", updates: 2 }))]);
  await nextRequest(second.page, path);
  await eventually(async () => assert.equal((await texts(second.page, "#b", ".title")).length, 1, "a new update brings it back"));

  fs.script("/feed/critical.json", [ok(feedBody())]);
  const third = await pageWith(`<incident-banner id="c" src="/feed/critical.json" dismissible="non-critical"></incident-banner>`, { context });
  await eventually(async () => assert.equal((await texts(third.page, "#c", ".title")).length, 1));
  assert.deepEqual(await texts(third.page, "#c", "button"), [], "critical outage: no close button");
  await context.close();
});

test("strict CSP with Trusted Types enforced, two widgets with different feeds on one page", async () => {
  fs.script("/feed/one.json", [ok(feedBody({ title: "첫째 피드" }))]);
  fs.script("/feed/two.json", [ok(feedBody({ title: "둘째 피드", severity: "minor" }))]);
  const { page, log, context } = await pageWith(
    `<incident-banner id="one" src="/feed/one.json"></incident-banner><incident-banner id="two" src="/feed/two.json"></incident-banner>`,
    { query: "?tt" });
  await eventually(async () => assert.deepEqual(await texts(page, "#one", ".title"), ["첫째 피드"]));
  await eventually(async () => assert.deepEqual(await texts(page, "#two", ".badge"), ["경미 · 장애"]));
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => /trusted|Content Security Policy/i.test(m.text)), []);
  await context.close();
});

test("Cache-Control: max-age longer than the poll interval is respected", async () => {
  const path = "/feed/max-age.json";
  fs.script(path, [ok(feedBody(), { headers: { "Cache-Control": "public, max-age=600" } })]);
  const { page, context } = await pageWith(`<incident-banner id="b" src="/feed/max-age.json" poll="60"></incident-banner>`);
  await eventually(async () => assert.equal((await texts(page, "#b", ".title")).length, 1));
  await nextRequest(page, path, 20 * 60_000, 10_000);
  const waited = await nextRequest(page, path, 20 * 60_000, 10_000);
  assert.ok(waited >= 600_000, `waited ${waited} ms, max-age asks for 600 s`);
  assert.equal(fs.requests(path).at(-1).headers["if-none-match"] !== undefined, true, "answered by 304s carrying max-age");
  await context.close();
});

test("three pages into a timeline: a feed that shrinks shows its last pages and counts from there; another src starts at the newest", async () => {
  const path = "/feed/shrinking.json";
  fs.script(path, [ok(bigFeed(80, 1)), ok(bigFeed(26, 1)), ok(bigFeed(81, 1))]);
  fs.script("/feed/another.json", [ok(bigFeed(80, 1))]);
  const { page, log, context } = await pageWith(`<incident-timeline id="t" src="${path}" poll="60"></incident-timeline>`);
  const state = () => page.evaluate(() => {
    const root = document.querySelector("#t").shadowRoot;
    const ids = [...root.querySelectorAll("article")].map((a) => a.dataset.incident);
    return { top: ids[0], count: ids.length, newer: !!root.querySelector("[data-newer]"), more: !!root.querySelector("[data-more]") };
  });
  await eventually(async () => assert.ok((await state()).count > 0));
  const n = (await state()).count; // a page
  // Each incident is a day of its own here, with its chart: 13 at least (26 make two pages).
  assert.ok(n >= 13 && n <= 20, `a page of ${n}`);
  for (let i = 0; i < 2; i++) await page.evaluate(() => document.querySelector("#t").shadowRoot.querySelector("[data-more]").click());
  assert.deepEqual(await state(), { top: `i${n}`, count: 2 * n, newer: true, more: true }, "pages 2 and 3");

  // The next poll brings 26 incidents (two pages): both shown, nothing to go back to.
  await nextRequest(page, path);
  await eventually(async () => assert.deepEqual(await state(), { top: "i0", count: 26, newer: false, more: false }));
  // And when it grows again, the reader stays where the shrunk feed left them (its two
  // pages), not on the page reached before.
  await nextRequest(page, path);
  await eventually(async () => assert.deepEqual(await state(), { top: "i0", count: 2 * n, newer: false, more: true }));

  // Another feed: its first page, not the page the reader had reached on this one.
  await page.evaluate(() => document.querySelector("#t").setAttribute("src", "/feed/another.json"));
  await eventually(async () => assert.deepEqual(await state(), { top: "i0", count: n, newer: false, more: true }));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("an unknown time-zone is reported once, not at every poll or page", async () => {
  const path = "/feed/zone.json";
  fs.script(path, [ok(bigFeed(40, 1)), ok(bigFeed(41, 1))]);
  const { page, log, context } = await pageWith(`<incident-timeline id="t" src="${path}" poll="15" time-zone="Not/AZone"></incident-timeline>`);
  await eventually(async () => assert.ok((await texts(page, "#t", "article h3")).length > 0));
  for (let i = 0; i < 3; i++) await nextRequest(page, path); // a new body, then two unchanged
  await page.evaluate(() => document.querySelector("#t").shadowRoot.querySelector("[data-more]").click());
  await sleep(100);
  const zone = (m) => m.text.includes("time-zone");
  assert.deepEqual(log.console.filter(zone).map((m) => m.text), ['incident-banner: unknown time-zone "Not/AZone"; using the feed\'s zone']);
  // Another unknown name is news.
  await page.evaluate(() => document.querySelector("#t").setAttribute("time-zone", "Not/Another"));
  await eventually(() => assert.equal(log.console.filter(zone).length, 2));
  assert.match(log.console.filter(zone)[1].text, /"Not\/Another"/);
  await context.close();
});
