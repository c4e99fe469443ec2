// The adversarial corpus (tests/adversarial/cases.json) in the browser: for each case, what a
// reader sees in the banner and the timeline, with no script run, no unsafe link, no
// uncaught exception, and the host page untouched.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { startFaultServer, ok } from "./faults.mjs";
import { LAUNCH } from "./helpers.mjs";

const cases = JSON.parse(readFileSync(new URL("../adversarial/cases.json", import.meta.url)));
let fs, browser;
before(async () => {
  fs = await startFaultServer();
  browser = await chromium.launch(LAUNCH);
  fs.script("/feed/huge-title.json", [ok(JSON.stringify({ version: 1, publisher: { name: "p" }, incidents: [{
    id: "a", kind: "outage", severity: "critical", status: "identified", title: "장애".repeat(50_000 / 3), started_at: "2023-11-19T16:00:00+09:00" }] }))]);
});
after(async () => { await browser?.close(); fs?.close(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

for (const c of cases) {
  // What the widget does: as `check` says, except that an unreadable incident is left out
  // (`widget: "skips"`).
  const renders = c.renders;
  test(`adversarial ${c.file}: ${c.why ?? (renders ? "renders" : "shows an error")}`, async () => {
    const page = await browser.newPage();
    const errors = [], dialogs = [], warnings = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
    page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
    await page.goto(`${fs.base}/pages/blank.html`);
    await page.evaluate(() => Promise.all(["incident-banner", "incident-timeline"].map((t) => customElements.whenDefined(t))));
    const src = c.file === "huge-title" ? "/feed/huge-title.json" : `/adversarial/${c.file}`;
    await page.evaluate((src) => {
      const slot = document.querySelector("#slot");
      for (const tag of ["incident-banner", "incident-timeline"]) {
        const el = document.createElement(tag);
        el.setAttribute("src", src);
        el.setAttribute("now", "2023-11-19T18:40:00+09:00");
        slot.append(el);
      }
      const p = document.createElement("p"); p.id = "host-text"; p.textContent = "host page"; slot.append(p);
    }, src);
    const read = () => page.evaluate(() => {
      const root = (t) => document.querySelector(t).shadowRoot;
      const all = (t, s) => [...(root(t)?.querySelectorAll(s) ?? [])];
      return {
        bannerTitle: all("incident-banner", ".title").map((n) => n.textContent),
        timelineTitle: all("incident-timeline", "h3").map((n) => n.textContent),
        errors: [...all("incident-banner", ".error"), ...all("incident-timeline", ".error")].map((n) => n.textContent),
        // Feed URLs made links (each incident's own #incident-<id> link aside, checked below).
        hrefs: [...all("incident-banner", "a:not(.permalink)"), ...all("incident-timeline", "a:not(.permalink)")].map((a) => a.getAttribute("href")),
        permalinks: all("incident-timeline", "a.permalink").map((a) => a.getAttribute("href")),
        dangerous: [...all("incident-banner", "img,script,style,iframe"), ...all("incident-timeline", "img,script,style,iframe")].length,
        bannerHeight: document.querySelector("incident-banner").getBoundingClientRect().height,
        host: document.querySelector("#host-text")?.textContent,
      };
    });
    let seen;
    for (let i = 0; i < 200; i++) {
      seen = await read();
      if (seen.timelineTitle.length || seen.errors.length >= 2) break;
      await sleep(25);
    }
    if (c.widget === "skips") {
      assert.equal(seen.errors.length, 2, "both widgets say an entry is not shown");
      for (const e of seen.errors) assert.ok(e.includes(c.note), `"${e}" should include "${c.note}"`);
      assert.deepEqual(seen.timelineTitle, [], "the unreadable incident is not shown");
      // The developer is told which entry and why (src/dom/source.rs, `log_skipped`).
      const path = c.error.replace(/[()]/g, "");
      assert.ok(warnings.some((w) => w.includes("entry left out") && w.includes(path)), `console names ${path}: ${warnings}`);
    } else if (renders) {
      assert.deepEqual(seen.errors, [], "no error message");
      if (c.title) assert.equal(seen.timelineTitle[0], c.title, "timeline title shown literally");
      if (c.title && c.banner !== false) assert.equal(seen.bannerTitle[0], c.title, "banner title shown literally");
      if (c.links) assert.deepEqual([...new Set(seen.hrefs)], c.links);
      assert.ok(seen.hrefs.every((h) => /^https?:\/\//i.test(h)), `only http(s) links: ${seen.hrefs}`);
      assert.ok(seen.permalinks.every((h) => /^#incident-[A-Za-z0-9%._~-]*$/.test(h)), `own links are fragments: ${seen.permalinks}`);
      if (c.file === "huge-title") assert.ok(seen.bannerHeight > 0 && seen.bannerHeight < 300, `banner clamped: ${seen.bannerHeight}px`);
      if (c.file === "bidi-override.json") {
        const bidi = await page.evaluate(() => getComputedStyle(document.querySelector("incident-banner").shadowRoot.querySelector(".title")).unicodeBidi);
        assert.equal(bidi, "isolate");
      }
      if (c.warning) {
        // Warnings are logged in a task after the render (src/dom/source.rs, `keep`): wait for it.
        for (let i = 0; i < 200 && !warnings.some((w) => w.includes(c.warning)); i++) await sleep(25);
        assert.ok(warnings.some((w) => w.includes(c.warning)), `console warning "${c.warning}": ${warnings}`);
      }
    } else {
      assert.equal(seen.errors.length, 2, "both widgets say so");
      for (const e of seen.errors) assert.ok(e.includes(c.error), `"${e}" should include "${c.error}"`);
    }
    assert.equal(seen.dangerous, 0, "no element made from feed text");
    assert.deepEqual(dialogs, [], "no script from the feed ran");
    assert.deepEqual(errors, [], "no uncaught exception");
    assert.equal(seen.host, "host page", "host page untouched");
    await page.close();
  });
}
