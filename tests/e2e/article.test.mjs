// Articles that never go blank: a timeline whose feed is written into the page as a data
// block (`incident-banner render --snapshot`, www/article.html). It shows at once, is
// replaced by the live feed when that loads, stays (marked stale) when the live feed is
// gone, reads alone with no request at all, and without JavaScript the fallback HTML shows.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, open, rendered, shadowTexts, noisy, SCREENSHOTS } from "./helpers.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const TITLES = ["카카오톡 PC버전·다음 로그인 장애", "고용24·워크넷·고용보험 접속 장애", "카카오톡 메시지 송수신 지연 (5월, 데모용 요약)"];

test("the archived article shows its copy, with no CSP violation and the fallback hidden", async () => {
  const { page, log, close } = await open(env, "/article.html");
  await rendered(page, "incident-timeline");
  assert.deepEqual(await shadowTexts(page, "incident-timeline", "h3"), TITLES);
  assert.equal(await page.evaluate(() => document.querySelector("incident-timeline .ib-static").getClientRects().length), 0, "shown once");
  await page.screenshot({ path: SCREENSHOTS + "article.png", fullPage: true });
  assert.deepEqual(noisy(log), []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await close();
});

test("with the feed server gone, the copy stays, with the note that it could not be updated", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const asked = [];
  await page.route("**/feeds/news-2023-07-18.json", (route) => { asked.push(route.request().url()); route.fulfill({ status: 404, body: "gone" }); });
  await page.goto(env.base + "/article.html");
  await page.waitForFunction(() => /업데이트 실패/.test(document.querySelector("incident-timeline").shadowRoot?.querySelector(".error")?.textContent ?? ""));
  assert.equal(asked.length, 1, "the live feed was asked for");
  assert.deepEqual(await page.evaluate(() => [...document.querySelector("incident-timeline").shadowRoot.querySelectorAll("h3")].map((h) => h.textContent)), TITLES);
  // As of the copy's own date (its updated_at), not "just now".
  assert.match(await page.evaluate(() => document.querySelector("incident-timeline").shadowRoot.querySelector(".error").textContent),
    /^마지막 확인: .+ 전 · 업데이트 실패 \(서버 응답 404\)$/);
  await context.close();
});

test("without JavaScript the article shows the fallback HTML", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.base + "/article.html");
  // (With scripts on, the widget would hide this fallback once it shows the copy.)
  assert.ok(await page.locator("incident-timeline .ib-static").isVisible());
  const text = await page.locator("incident-timeline .ib-static").innerText();
  for (const title of TITLES) assert.ok(text.includes(title), title);
  assert.match(text, /2시간 42분/);
  await page.screenshot({ path: SCREENSHOTS + "article-no-js.png", fullPage: true });
  await context.close();
});

test("a data block alone is read once and never fetched; a wrong one says so", async () => {
  const { page, log, close } = await open(env, "/article.html");
  await rendered(page, "incident-timeline");
  // The article's own timeline fetches its live feed: let that request be done first.
  await page.waitForLoadState("networkidle");
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.evaluate(() => {
    const copy = document.querySelector("incident-timeline script").textContent;
    for (const [id, text, tag] of [["alone", copy, "incident-timeline"], ["broken", '{"version":1,"publisher":{"name":"p"},"incidents":{}}', "incident-banner"]]) {
      const el = document.createElement(tag);
      el.id = id;
      el.setAttribute("now", "2023-07-18T10:00:00+09:00");
      const block = document.createElement("script");
      block.type = "application/json";
      block.textContent = text;
      el.append(block);
      document.querySelector("main").prepend(el);
    }
  });
  await rendered(page, "#alone");
  await rendered(page, "#broken");
  assert.deepEqual(await shadowTexts(page, "#alone", "h3"), TITLES);
  assert.match((await shadowTexts(page, "#broken", ".error"))[0], /형식이 올바르지 않습니다/);
  await page.waitForTimeout(300);
  assert.deepEqual(requests, [], "no request for a data block");
  assert.ok(noisy(log).some((m) => m.text.includes("data block is not a valid feed")), "one warning for the wrong one");
  await close();
});
