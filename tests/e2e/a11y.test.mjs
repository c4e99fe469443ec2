// Accessibility as a test: axe-core (injected through the DevTools protocol, which the pages'
// CSP does not govern) on every state of the widget — banner, timeline, error, stale, dark,
// compact — with zero violations, WCAG AA contrast included.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { setUp, open, rendered, SCREENSHOTS } from "./helpers.mjs";
import { startFaultServer, feedBody, ok, status } from "./faults.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let env, fs;
before(async () => { env = await setUp(); fs = await startFaultServer(); });
after(async () => { await env?.close(); fs?.close(); });

/** Runs axe on the widget elements only (the demo pages around them are not ours to judge). */
async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const hosts = [...document.querySelectorAll("incident-banner, incident-timeline")];
    const r = await window.axe.run({ include: hosts }, {
      runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
      // Rules about the whole page judge the demo page, not the widget.
      rules: { "page-has-heading-one": { enabled: false }, "landmark-one-main": { enabled: false }, region: { enabled: false } },
    });
    // Nodes inside a shadow root have a nested target: ["incident-banner", ".title"].
    const contrast = r.passes.find((p) => p.id === "color-contrast")?.nodes ?? [];
    return {
      violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`).join(", ")}`),
      passes: r.passes.length,
      shadowContrast: contrast.filter((n) => Array.isArray(n.target[0])).length,
    };
  });
  assert.ok(result.passes > 5, `axe ran its checks (${result.passes} passed)`);
  assert.ok(result.shadowContrast > 0, "axe checked contrast inside the shadow roots");
  return result.violations;
}

for (const [name, path, options] of [
  ["agency banner and timeline", "/agency.html", {}],
  ["news timeline", "/news.html", {}],
  ["upcoming maintenance", "/agency-maintenance.html", {}],
  ["English page", "/agency-en.html", {}],
  ["dark scheme", "/agency.html", { dark: true }],
  ["compact variant", "/agency.html", { compact: true }],
  ["error messages", "/hostile.html", {}],
  ["archive, three pages in", "/archive.html", { more: 2 }],
  ["on a phone (360 px wide)", "/agency.html", { phone: true }],
]) {
  test(`axe: ${name} has no violations`, async () => {
    const { page, close } = await open(env, path);
    if (options.phone) await page.setViewportSize({ width: 360, height: 740 });
    if (options.dark) {
      await page.emulateMedia({ colorScheme: "dark" });
      // A page that can be dark: the widget follows the system there (theme="auto").
      await page.evaluate(() => { const s = new CSSStyleSheet(); s.replaceSync(":root { color-scheme: light dark }"); document.adoptedStyleSheets = [s]; });
    }
    for (const sel of await page.evaluate(() => [...document.querySelectorAll("incident-banner[id], incident-timeline[id]")].map((e) => "#" + e.id))) await rendered(page, sel);
    for (const tag of ["incident-banner", "incident-timeline"]) {
      if (await page.evaluate((t) => !!document.querySelector(`${t}:not([id])`), tag)) await rendered(page, tag);
    }
    if (options.compact) await page.evaluate(() => document.querySelectorAll("incident-banner, incident-timeline").forEach((e) => e.setAttribute("variant", "compact")));
    // "더 보기" pressed: the page rendered in the click's own task.
    for (let i = 0; i < (options.more ?? 0); i++) {
      await page.evaluate(() => document.querySelector("incident-timeline").shadowRoot.querySelector("[data-more]").click());
    }
    if (options.more) await page.waitForFunction(() => document.querySelector("incident-timeline").shadowRoot.querySelector("[data-newer]"));
    assert.deepEqual(await axe(page), []);
    if (options.dark) await page.screenshot({ path: SCREENSHOTS + "agency-dark.png", fullPage: true });
    if (options.compact) await page.screenshot({ path: SCREENSHOTS + "agency-compact.png", fullPage: true });
    await close();
  });
}

test("axe: stale data after a failed update has no violations", async () => {
  fs.script("/feed/a11y-stale.json", [ok(feedBody()), status(503)]);
  const page = await env.browser.newPage();
  await page.clock.install({ time: new Date("2023-11-19T10:00:00Z") });
  await page.goto(`${fs.base}/pages/blank.html`);
  await page.evaluate(() => {
    const el = document.createElement("incident-banner");
    el.setAttribute("src", "/feed/a11y-stale.json"); el.setAttribute("poll", "15");
    document.querySelector("#slot").append(el);
  });
  for (let i = 0; i < 100; i++) {
    await page.clock.runFor(5000);
    const stale = await page.evaluate(() => document.querySelector("incident-banner").shadowRoot?.querySelector(".error")?.textContent);
    if (stale) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.match(await page.evaluate(() => document.querySelector("incident-banner").shadowRoot.querySelector(".error").textContent), /업데이트 실패/);
  assert.deepEqual(await axe(page), []);
  await page.close();
});

test("events: update and error reach the host page", async () => {
  fs.script("/feed/events-ok.json", [ok(feedBody({ title: "이벤트 장애" }))]);
  fs.script("/feed/events-bad.json", [status(500)]);
  const page = await env.browser.newPage();
  await page.goto(`${fs.base}/pages/blank.html`);
  await page.evaluate(() => {
    window.__events = [];
    for (const type of ["incident-banner:update", "incident-banner:error"]) {
      document.addEventListener(type, (e) => window.__events.push({ type, target: e.target.id, detail: e.detail }));
    }
    for (const [id, src, tag] of [["ok", "/feed/events-ok.json", "incident-banner"], ["tl", "/feed/events-ok.json", "incident-timeline"], ["bad", "/feed/events-bad.json", "incident-banner"]]) {
      const el = document.createElement(tag);
      el.id = id; el.setAttribute("src", src);
      document.querySelector("#slot").append(el);
    }
  });
  // Until each event the test reads has come (counting events alone raced: on a slow machine
  // the failing element's error could come after three other events).
  const complete = (es) => es.some((e) => e.target === "ok" && e.detail.visible) && es.some((e) => e.target === "tl")
    && es.some((e) => e.type === "incident-banner:error");
  let events = [];
  for (let i = 0; i < 200 && !complete(events); i++) {
    events = await page.evaluate(() => window.__events.filter((e) => e.target !== "bad" || e.type.endsWith("error")));
    await new Promise((r) => setTimeout(r, 25));
  }
  const banner = events.find((e) => e.target === "ok" && e.type === "incident-banner:update" && e.detail.visible);
  assert.deepEqual(banner?.detail, { kind: "banner", visible: true, stale: false, id: "outage", title: "이벤트 장애", severity: "critical", role: "alert", more: null });
  const timeline = events.find((e) => e.target === "tl");
  assert.deepEqual(timeline?.detail.incidents, [{ id: "outage", title: "이벤트 장애", status: "원인 파악" }]);
  const error = events.find((e) => e.type === "incident-banner:error");
  assert.equal(error?.target, "bad");
  assert.match(error.detail.url, /\/feed\/events-bad\.json$/);
  assert.equal(error.detail.message, "장애 정보를 불러오지 못했습니다 (서버 응답 500).");
  await page.close();
});
