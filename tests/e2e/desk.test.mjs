// The publisher's desk (www/desk.html) as a press officer uses it at 2 a.m.: start a feed,
// open an outage, post an update, record the recoveries, see the real widget render the
// draft, get each refusal at its field, undo and redo, download the file, find the draft
// again after closing the tab, switch to English, and axe-core finds nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { setUp, open, noisy, SCREENSHOTS } from "./helpers.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const ready = (page) => page.waitForFunction(() => !document.querySelector("#desk").hasAttribute("aria-busy"));
const preview = (page, id, sel) => page.evaluate(([i, s]) => [...(document.getElementById(i)?.shadowRoot?.querySelectorAll(s) ?? [])].map((n) => n.textContent), [id, sel]);

test("an outage from the first report to recovery, with the preview following and the file saved", async () => {
  const { page, log, close } = await open(env, "/desk.html");
  await ready(page);
  await page.fill("#publisher", "고용노동부");
  await page.click("#start-new button");
  // 1. New outage, with a day that does not exist first: refused at its field.
  await page.fill("#new-id", "work24");
  await page.fill("#new-title", "고용24 접속 장애");
  await page.selectOption("#new-severity", "critical");
  await page.fill("#new-services", "고용24, 워크넷");
  await page.fill("#new-at", "2023-11-31 08:40");
  await page.click("#new button");
  assert.equal(await page.textContent("#new-problem"), '"2023-11-31 08:40"은(는) 없는 시각입니다: 2023-11-17 08:40 처럼 쓰세요');
  assert.equal(await page.getAttribute("#new-at", "aria-invalid"), "true");
  assert.equal(await page.getAttribute("#new-at", "aria-describedby"), "new-problem");
  assert.equal(await page.evaluate(() => document.activeElement.id), "new-at", "focus on the field to fix");
  await page.fill("#new-at", "2023-07-18 09:15");
  await page.fill("#new-text", "접속 장애 확인");
  await page.click("#new button");
  assert.equal(await page.textContent("#new-problem"), "");
  assert.equal(await page.getAttribute("#new-at", "aria-invalid"), null);
  await page.waitForFunction(() => document.getElementById("preview-timeline")?.shadowRoot?.querySelector("h3"));
  assert.deepEqual(await preview(page, "preview-timeline", "h3"), ["고용24 접속 장애"]);
  // The services declared are offered to pick from (or a new name is typed).
  assert.deepEqual(await page.$$eval("#services-list option", (o) => o.map((x) => [x.value, x.textContent])), [["고용24", "고용24"], ["워크넷", "워크넷"]]);
  assert.equal(await page.getAttribute("#resolve-services", "list"), "services-list");
  // 2. An update.
  await page.selectOption("#update-incident", "work24");
  await page.selectOption("#update-status", "identified");
  await page.fill("#update-text", "DB 서버 1대 멈춤");
  await page.fill("#update-at", "2023-07-18 11:00");
  await page.fill("#update-expected_text", "정오 전 정상화 목표");
  await page.fill("#update-workaround", "고용센터에서 수기로 접수");
  await page.click("#update button");
  await page.waitForFunction(() => /고용센터에서 수기로 접수/.test(document.getElementById("preview-timeline").shadowRoot.textContent));
  // 3. 워크넷 back, then the rest.
  await page.selectOption("#resolve-incident", "work24");
  await page.fill("#resolve-services", "워크넷");
  await page.fill("#resolve-at", "2023-07-18 11:50");
  await page.click("#resolve button");
  await page.fill("#resolve-at", "2023-07-18 11:57");
  await page.fill("#resolve-text", "정상 운영 재개");
  await page.click("#resolve button");
  await page.waitForFunction(() => /2시간 42분/.test(document.getElementById("preview-timeline").shadowRoot.textContent));
  const rows = await page.evaluate(() => [...document.getElementById("preview-timeline").shadowRoot.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows, [["고용24", "접속 불가", "오전 9시 15분", "오전 11시 57분", "2시간 42분"], ["워크넷", "접속 불가", "오전 9시 15분", "오전 11시 50분", "2시간 35분"]]);
  assert.deepEqual(await page.$$eval("#changes li", (l) => l.map((x) => x.textContent)), ["새 사건: 고용24 접속 장애", "발표 기관·서비스 정보 수정"]);
  assert.deepEqual(await page.$$eval("#problems li", (l) => l.map((x) => x.textContent)), ["없음"]);
  // Undo the last recovery and redo it.
  await page.click("#undo");
  assert.doesNotMatch(await page.inputValue("#json"), /정상 운영 재개/);
  await page.click("#redo");
  assert.match(await page.inputValue("#json"), /"ended_at": "2023-07-18T11:57:00\+09:00"/);
  // Anything the forms do not cover, in the JSON: a wrong edit is refused at the field.
  await page.click("#edit summary");
  const json = await page.inputValue("#json");
  await page.fill("#json", json.replace('"id": "work24",', '"id": "work24", "cause": "데이터베이스 서버 2대 중 1대 멈춤",').replace('"version": 1', '"version": 1, "x": {'));
  await page.click("#edit-json button");
  assert.equal(await page.getAttribute("#json", "aria-invalid"), "true");
  await page.fill("#json", json.replace('"id": "work24",', '"id": "work24", "cause": "데이터베이스 서버 2대 중 1대 멈춤",'));
  await page.click("#edit-json button");
  await page.waitForFunction(() => /데이터베이스 서버 2대 중 1대 멈춤/.test(document.getElementById("preview-timeline").shadowRoot.textContent));
  // Download: the file is the draft, valid, and the page no longer counts it unsaved.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  assert.equal(download.suggestedFilename(), "feed.json");
  const saved = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(saved.incidents[0].status, "resolved");
  assert.equal(saved.incidents[0].updates.length, 3);
  assert.deepEqual(await page.$$eval("#changes li", (l) => l.map((x) => x.textContent)), ["없음"]);
  await page.screenshot({ path: SCREENSHOTS + "desk.png", fullPage: true });
  assert.deepEqual(noisy(log), []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await close();
});

test("the draft survives closing the tab, can be discarded, and leaving with unsaved changes asks first", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.base + "/desk.html");
  await ready(page);
  await page.fill("#publisher", "행정안전부");
  await page.click("#start-new button");
  await page.fill("#new-id", "saeol");
  await page.fill("#new-title", "새올 장애");
  await page.click("#new button");
  // Leaving asks first.
  const dialogs = [];
  page.on("dialog", (d) => { dialogs.push(d.type()); d.dismiss(); });
  await page.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(dialogs, ["beforeunload"]);
  const again = await context.newPage();
  await again.goto(env.base + "/desk.html");
  await ready(again);
  assert.equal(await again.isVisible("#restored"), true, "the restored draft is said");
  assert.match(await again.inputValue("#json"), /새올 장애/);
  await again.click("#discard");
  assert.equal(await again.isVisible("#actions"), false);
  await again.reload();
  await ready(again);
  assert.equal(await again.isVisible("#restored"), false, "discarded for good");
  await context.close();
});

test("a published feed or a Statuspage document opens; English; axe-core finds nothing", async () => {
  const { page, log, close } = await open(env, "/desk.html");
  await ready(page);
  await page.fill("#url", env.base + "/feeds/mois-2023-11.json");
  await page.click("#open-url button");
  await page.waitForFunction(() => !document.querySelector("#actions").hidden);
  const options = await page.$$eval("#update-incident option", (o) => o.map((x) => x.value));
  assert.ok(options.length > 0, "its incidents to update");
  await page.setInputFiles("#file", { name: "summary.json", mimeType: "application/json",
    buffer: readFileSync(new URL("../fixtures/statuspage/summary.json", import.meta.url)) });
  await page.waitForFunction(() => /"version": 1/.test(document.querySelector("#json").value) && document.querySelector("#update-incident option"));
  assert.notDeepEqual(await page.$$eval("#update-incident option", (o) => o.map((x) => x.value)), options, "the converted document replaced it");
  // A file dropped on the page opens too.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File([JSON.stringify({ version: 1, publisher: { name: "끌어 놓은 피드" }, incidents: [] })], "feed.json", { type: "application/json" }));
    document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => /끌어 놓은 피드/.test(document.querySelector("#json").value));
  // Copy: the clipboard holds the feed as it will be saved.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.click("#copy");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.inputValue("#json"));
  await page.click("#lang");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.textContent("#new-h"), "2. New outage or maintenance");
  await page.click("#new button");
  assert.equal(await page.textContent("#new-problem"), "id is required");
  assert.equal(await page.getAttribute("#new-id", "aria-invalid"), "true");
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"], rules: { region: { enabled: false } } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
  });
  assert.deepEqual(result, []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(noisy(log).filter((m) => !m.text.includes("incident-banner:")), []);
  await close();
});

test("once loaded, the desk works offline; on a phone nothing scrolls sideways", async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(env.base + "/desk.html");
  await ready(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth), "no sideways scroll at 360 px");
  await page.screenshot({ path: SCREENSHOTS + "desk-phone.png" });
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await page.fill("#publisher", "행정안전부");
  await page.click("#start-new button");
  await page.fill("#new-id", "offline");
  await page.fill("#new-title", "오프라인에서 연 장애");
  await page.click("#new button");
  await page.waitForFunction(() => document.getElementById("preview-timeline")?.shadowRoot?.querySelector("h3")?.textContent === "오프라인에서 연 장애");
  await context.close();
});
