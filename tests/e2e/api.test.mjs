// The JavaScript API, in Chromium: `element.feed` (a feed the page already holds, no URL),
// the module's `check()` export, event details as plain objects, and the rule that one
// unreadable incident is left out while the others render.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { startFaultServer, ok, feedBody } from "./faults.mjs";
import { LAUNCH } from "./helpers.mjs";

const NOW = "2023-11-19T18:40:00+09:00";
const good = (id, title) => ({ id, kind: "outage", severity: "critical", status: "identified", title,
  started_at: "2023-11-19T08:00:00+09:00", updates: [{ at: "2023-11-19T09:00:00+09:00", text: "확인 중" }] });
const feed = (...incidents) => ({ version: 1, publisher: { name: "행정안전부", time_zone: "Asia/Seoul" }, incidents });
// The second incident's start has no offset: it cannot be read.
const oneBad = feed(good("a", "정부24 장애"), { ...good("b", "새올 장애"), started_at: "2023-11-19T08:00:00" }, good("c", "렌트홈 장애"));

let fs, browser;
before(async () => {
  fs = await startFaultServer();
  browser = await chromium.launch(LAUNCH);
  fs.script("/feed/one-bad.json", [ok(JSON.stringify(oneBad))]);
  fs.script("/feed/good.json", [ok(feedBody({ title: "고용24 장애" }))]);
});
after(async () => { await browser?.close(); fs?.close(); });

/** A blank page with the module loaded and the elements defined; records what goes wrong. */
async function blank() {
  const page = await browser.newPage();
  const log = { errors: [], warnings: [] };
  page.on("pageerror", (e) => log.errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "warning") log.warnings.push(m.text()); });
  await page.goto(`${fs.base}/pages/blank.html`);
  await page.evaluate(() => Promise.all(["incident-banner", "incident-timeline"].map((t) => customElements.whenDefined(t))));
  // Timelines are shown by the module loaded on demand: these tests connect them and read
  // them at once, so it is loaded first (split.test.mjs tests the loading itself).
  await page.evaluate(async () => (await import("/dist/incident-banner.js")).ready());
  return { page, log };
}

const texts = (page, host, inner) => page.evaluate(([h, i]) =>
  [...document.querySelector(h).shadowRoot.querySelectorAll(i)].map((n) => n.textContent), [host, inner]);

async function until(page, fn, arg) {
  await page.waitForFunction(fn, arg, { timeout: 10000 });
}

test("element.feed renders a feed the page holds, with no URL; reading it gives a plain object", async () => {
  const { page, log } = await blank();
  await page.evaluate(([f, now]) => {
    for (const tag of ["incident-banner", "incident-timeline"]) {
      const el = document.createElement(tag);
      el.id = tag;
      el.setAttribute("now", now);
      el.feed = f; // set before the element is in the page
      document.querySelector("#slot").append(el);
    }
  }, [feed(good("a", "정부24 장애")), NOW]);
  await until(page, () => document.querySelector("#incident-timeline").shadowRoot.querySelector("h3"));
  assert.deepEqual(await texts(page, "#incident-banner", ".title"), ["정부24 장애"]);
  assert.deepEqual(await texts(page, "#incident-timeline", "h3"), ["정부24 장애"]);
  const read = await page.evaluate(async () => {
    const f = await document.querySelector("#incident-banner").feed;
    return { proto: Object.getPrototypeOf(f) === Object.prototype, id: f.incidents[0].id, title: f.incidents[0].title,
      started: f.incidents[0].started_at, publisher: f.publisher.name, json: JSON.stringify(f).length > 50 };
  });
  assert.deepEqual(read, { proto: true, id: "a", title: "정부24 장애", started: "2023-11-19T08:00:00+09:00", publisher: "행정안전부", json: true });
  // A new object re-renders; a Statuspage document is read as well.
  await page.evaluate(([f]) => { document.querySelector("#incident-timeline").feed = f; }, [feed(good("a", "정부24 장애"), good("z", "고용24 장애"))]);
  await until(page, () => document.querySelector("#incident-timeline").shadowRoot.querySelectorAll("h3").length === 2);
  assert.equal(fs.requests("/feed/good.json").length, 0, "nothing fetched");
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("a wrong element.feed gets the visible, localised error and no exception; the last good feed stays", async () => {
  const { page, log } = await blank();
  const events = await page.evaluate(([f, now]) => {
    const el = document.createElement("incident-timeline");
    el.id = "t";
    el.setAttribute("now", now);
    document.querySelector("#slot").append(el);
    const seen = [];
    el.addEventListener("incident-banner:error", (e) => seen.push(e.detail));
    el.feed = { publisher: { name: "p" }, incidents: [] }; // no version
    const first = el.shadowRoot.querySelector(".error")?.textContent;
    el.feed = f;
    el.feed = 42;
    const plain = seen.every((d) => Object.getPrototypeOf(d) === Object.prototype && Array.isArray(d.entries));
    return { first, seen, plain, after: el.shadowRoot.querySelector(".error")?.textContent, titles: [...el.shadowRoot.querySelectorAll("h3")].map((h) => h.textContent) };
  }, [feed(good("a", "정부24 장애")), NOW]);
  assert.equal(events.first, "장애 정보 형식이 올바르지 않습니다. (version)");
  assert.deepEqual(events.titles, ["정부24 장애"], "the good feed stays on screen");
  assert.match(events.after, /마지막 확인: 방금 · 업데이트 실패 \(형식 오류\)/, "marked stale");
  assert.equal(events.seen.length, 2);
  assert.ok(events.plain, "event details are plain objects");
  assert.deepEqual(events.seen[0].entries.map((e) => e.path), ["version"]);
  assert.deepEqual(events.seen[1].entries, [{ path: "", message: "expected an object, found a number" }]);
  assert.deepEqual(log.errors, [], "no exception");
  await page.close();
});

test("setting src after element.feed switches to fetching", async () => {
  const { page } = await blank();
  await page.evaluate(([f, now]) => {
    const el = document.createElement("incident-banner");
    el.id = "b";
    el.setAttribute("now", now);
    el.feed = f;
    document.querySelector("#slot").append(el);
  }, [feed(good("a", "정부24 장애")), NOW]);
  await until(page, () => document.querySelector("#b").shadowRoot.querySelector(".title"));
  await page.evaluate(() => document.querySelector("#b").setAttribute("src", "/feed/good.json"));
  await until(page, () => document.querySelector("#b").shadowRoot.querySelector(".title")?.textContent === "고용24 장애");
  assert.ok(fs.requests("/feed/good.json").length >= 1);
  assert.equal(await page.evaluate(async () => (await document.querySelector("#b").feed).incidents[0].title), "고용24 장애");
  await page.close();
});

test("one unreadable incident is left out: the others render, the reader is told, the developer learns which and why", async () => {
  const { page, log } = await blank();
  const details = await page.evaluate((now) => {
    const seen = { errors: [], updates: [] };
    document.addEventListener("incident-banner:error", (e) => seen.errors.push(e.detail));
    document.addEventListener("incident-banner:update", (e) => seen.updates.push(e.detail));
    window.__seen = seen;
    for (const tag of ["incident-banner", "incident-timeline"]) {
      const el = document.createElement(tag);
      el.id = tag;
      el.setAttribute("src", "/feed/one-bad.json");
      el.setAttribute("now", now);
      document.querySelector("#slot").append(el);
    }
  }, NOW);
  await until(page, () => document.querySelector("#incident-timeline").shadowRoot.querySelectorAll("h3").length === 2);
  assert.deepEqual(await texts(page, "#incident-timeline", "h3"), ["정부24 장애", "렌트홈 장애"]);
  assert.deepEqual(await texts(page, "#incident-timeline", ".error"), ["1건의 항목을 표시하지 못했습니다"]);
  assert.deepEqual(await texts(page, "#incident-banner", ".error"), ["1건의 항목을 표시하지 못했습니다"]);
  assert.ok((await texts(page, "#incident-banner", ".title"))[0].length > 0, "the banner still announces");
  const seen = await page.evaluate(() => window.__seen);
  const error = seen.errors.find((d) => d.url.endsWith("/feed/one-bad.json"));
  assert.deepEqual(error.entries.map((e) => e.path), ["incidents[1].started_at"]);
  assert.match(error.entries[0].message, /has no UTC offset/);
  assert.equal(error.message, "1건의 항목을 표시하지 못했습니다");
  // Event details are plain objects.
  const banner = seen.updates.find((d) => d.kind === "banner" && d.visible);
  assert.deepEqual(Object.keys(banner).sort(), ["id", "kind", "more", "role", "severity", "stale", "title", "visible"]);
  assert.equal(banner.more, "외 1건");
  const timeline = seen.updates.find((d) => d.kind === "timeline");
  assert.deepEqual(timeline.incidents.map((i) => i.id), ["a", "c"]);
  assert.ok(log.warnings.some((w) => w.includes("entry left out: incidents[1].started_at")), log.warnings.join("\n"));
  assert.deepEqual(log.errors, []);
  await page.close();
});

test("check() lists every bad incident with its path, and the warnings, in Korean or English", async () => {
  const { page, log } = await blank();
  const bad = { ...oneBad, incidents: [...oneBad.incidents, { ...good("d", "x"), kind: "earthquake" }, { ...good("a", "again") }] };
  const reports = await page.evaluate(async ([bad]) => {
    const { check } = await import("/dist/incident-banner.js");
    return {
      ko: await check(bad, "ko"),
      en: await check(JSON.stringify(bad), "en"),
      top: await check({ version: 1, incidents: 5 }, "en"),
      text: await check("<html>", "en"),
    };
  }, [bad]);
  assert.deepEqual(reports.ko.errors.map((e) => e.path), ["incidents[1].started_at", "incidents[3].kind"]);
  assert.match(reports.ko.errors[0].message, /시간대 오프셋이 없습니다/);
  assert.match(reports.ko.errors[0].fix, /\+09:00/);
  assert.deepEqual(reports.en.errors.map((e) => e.path), ["incidents[1].started_at", "incidents[3].kind"]);
  assert.match(reports.en.errors[1].message, /"earthquake" is not one of: outage, maintenance, notice/);
  assert.deepEqual(reports.en.warnings.map((w) => w.path), ["incidents[4].id"]);
  assert.deepEqual(reports.top.errors.map((e) => e.path), ["publisher", "incidents"]);
  assert.equal(reports.top.errors[1].message, "expected an array, found a number");
  assert.equal(reports.text.errors.length, 1);
  assert.equal(reports.text.errors[0].path, "");
  assert.match(reports.text.errors[0].message, /not valid JSON/);
  assert.deepEqual(log.errors, []);
  await page.close();
});
