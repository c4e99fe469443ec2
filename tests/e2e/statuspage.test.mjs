// Statuspage v2 documents in the browser: the same element reads them, detected from the
// document itself, and shows groups, maintenance, multi-line update bodies and unknown
// statuses the way it shows our own feed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { startFaultServer } from "./faults.mjs";
import { LAUNCH } from "./helpers.mjs";

let fs, browser;
before(async () => { fs = await startFaultServer(); browser = await chromium.launch(LAUNCH); });
after(async () => { await browser?.close(); fs?.close(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test("summary.json renders as banner and timeline", async () => {
  const page = await browser.newPage({ locale: "en-US" });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${fs.base}/pages/blank.html`);
  await page.evaluate(() => {
    for (const tag of ["incident-banner", "incident-timeline"]) {
      const el = document.createElement(tag);
      el.setAttribute("src", "/fixtures/statuspage/summary.json");
      el.setAttribute("lang", "en");
      el.setAttribute("now", "2023-07-18T12:00:00+09:00");
      document.querySelector("#slot").append(el);
    }
  });
  const read = () => page.evaluate(() => {
    const all = (t, s) => [...(document.querySelector(t).shadowRoot?.querySelectorAll(s) ?? [])].map((n) => n.textContent);
    return { banner: all("incident-banner", ".badge, .title, .timing, .more"), titles: all("incident-timeline", "h3"),
      statuses: all("incident-timeline", "header .status"), rows: all("incident-timeline", "tbody tr"),
      updates: all("incident-timeline", ".updates li") };
  });
  let seen;
  for (let i = 0; i < 200 && !(seen = await read()).titles.length; i++) await sleep(25);
  assert.deepEqual(seen.banner, ["Major · Outage", "PC login failures", "for 1 h 6 min", "+3 more"]);
  assert.ok(seen.titles.includes("Status we have never seen"));
  assert.ok(seen.statuses.includes("Other status"), `unknown status shown neutrally: ${seen.statuses}`);
  assert.ok(seen.rows.some((r) => r.startsWith("Messaging › KakaoTalk for PC")), seen.rows.join("|"));
  const multiline = await page.evaluate(() => {
    const li = [...document.querySelector("incident-timeline").shadowRoot.querySelectorAll(".updates li")].find((l) => l.textContent.includes("rerouting"));
    const span = li.querySelector("span:last-child");
    return { height: span.getBoundingClientRect().height, whiteSpace: getComputedStyle(span).whiteSpace };
  });
  assert.equal(multiline.whiteSpace, "pre-line", "update bodies keep their line breaks");
  assert.ok(multiline.height > 40, `several lines tall: ${multiline.height}`);
  assert.deepEqual(errors, []);
  await page.close();
});
