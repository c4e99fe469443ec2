// A hostile page: a stylesheet that hides and repaints everything, feeds carrying markup
// and script URLs, and feeds that are broken. The widget stays visible, shows text as
// text, and explains failures in the reader's language.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, open, rendered, shadowTexts, SCREENSHOTS } from "./helpers.mjs";

let env, page, log, close;
before(async () => {
  env = await setUp();
  ({ page, log, close } = await open(env, "/hostile.html"));
  for (const id of ["#xss", "#xss-timeline", "#not-json", "#no-offset", "#missing"]) await rendered(page, id);
});
after(async () => { await close?.(); await env?.close(); });

test("hostile host CSS neither hides nor repaints the widget", async () => {
  const box = await page.locator("#xss").boundingBox();
  assert.ok(box && box.height > 40 && box.width > 200, `banner box ${JSON.stringify(box)}`);
  const style = await page.evaluate(() => {
    const title = document.querySelector("#xss").shadowRoot.querySelector(".title");
    const s = getComputedStyle(title);
    return { color: s.color, fontSize: s.fontSize, display: s.display, visible: title.checkVisibility() };
  });
  assert.equal(style.color, "rgb(27, 31, 36)");
  assert.ok(parseFloat(style.fontSize) >= 15, `readable size, not the hostile 4px: ${style.fontSize}`);
  assert.equal(style.visible, true);
  await page.screenshot({ path: SCREENSHOTS + "hostile.png", fullPage: true });
});

test("feed markup is shown literally and never executed", async () => {
  assert.deepEqual(await shadowTexts(page, "#xss", ".title"), ["<img src=x onerror=alert(1)>"]);
  const elements = await page.evaluate(() => ["#xss", "#xss-timeline"].map((s) => document.querySelector(s).shadowRoot.querySelectorAll("img, script, style, b").length));
  assert.deepEqual(elements, [0, 0]);
  assert.ok((await shadowTexts(page, "#xss-timeline", ".updates li")).some((t) => t.includes("<a href=javascript:alert(3)>클릭</a>")));
  assert.deepEqual(log.dialogs, [], "no alert() ran");
});

test("only http(s) URLs become links", async () => {
  const hrefs = await page.evaluate(() => ["#xss", "#xss-timeline"].flatMap((s) => [...document.querySelector(s).shadowRoot.querySelectorAll("a:not(.permalink)")].map((a) => a.getAttribute("href"))));
  // Each incident's own link is a fragment, whatever its id holds.
  const own = await page.evaluate(() => [...document.querySelector("#xss-timeline").shadowRoot.querySelectorAll("a.permalink")].map((a) => a.getAttribute("href")));
  assert.ok(own.length > 0 && own.every((h) => /^#incident-[A-Za-z0-9%._~-]+$/.test(h)), own.join(" "));
  assert.deepEqual(hrefs, ["https://www.gov.kr"]);
  assert.ok((await shadowTexts(page, "#xss-timeline", ".links li")).includes("JaVaScRiPt 링크"), "unsafe link kept as text");
});

test("broken feeds show a short localised message and one console warning each", async () => {
  assert.deepEqual(await shadowTexts(page, "#not-json", ".error"), ["장애 정보 형식이 올바르지 않습니다."]);
  assert.deepEqual(await shadowTexts(page, "#no-offset", ".error"), ["1건의 항목을 표시하지 못했습니다"]);
  assert.deepEqual(await shadowTexts(page, "#missing", ".error"), ["Could not load incident information (server answered 404)."]);
  const warnings = log.console.filter((m) => m.type === "warning").map((m) => m.text);
  assert.equal(warnings.filter((w) => w.includes("not-json.html")).length, 1);
  assert.ok(warnings.some((w) => w.includes("no-offset.json") && w.includes("has no UTC offset")), warnings.join("\n"));
  assert.ok(warnings.some((w) => w.includes("does-not-exist.json: server answered HTTP 404")));
  assert.deepEqual(log.errors, [], "no uncaught exceptions");
  const unexpected = log.console.filter((m) => m.type === "error" && !m.url.endsWith("does-not-exist.json"));
  assert.deepEqual(unexpected, []);
});

test("the page's strict CSP is obeyed", async () => {
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
});
