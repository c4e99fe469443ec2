// The page's colour mode, as design systems declare it (issue 29, item 3), in Chromium: KRDS's
// `data-krds-mode` (high contrast; the system's), Bootstrap 5.3's `data-bs-theme`, Tailwind's
// `dark` class, on `<html>` or the nearest ancestor; the element's `theme` still wins; a
// change at runtime re-themes the widget within a frame, with no poll.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { startFaultServer, ok, feedBody } from "./faults.mjs";
import { LAUNCH, contrast } from "./helpers.mjs";

let fs, browser;
before(async () => {
  fs = await startFaultServer();
  browser = await chromium.launch(LAUNCH);
  fs.script("/feed/modes.json", [ok(feedBody({ title: "정부24 장애" }))]);
});
after(async () => { await browser?.close(); fs?.close(); });

/**
 * A banner in a page whose `<html>` has `attrs` (and, inside `wrapper`, an ancestor with
 * `inner`), with the system `dark` or not: what a reader sees of it.
 */
async function banner({ attrs = {}, inner = null, theme = null, dark = false }) {
  const page = await browser.newPage({ colorScheme: dark ? "dark" : "light" });
  await page.goto(`${fs.base}/pages/blank.html`);
  await page.evaluate(({ attrs, inner, theme, src }) => {
    for (const [k, v] of Object.entries(attrs)) document.documentElement.setAttribute(k, v);
    const el = document.createElement("incident-banner");
    el.setAttribute("src", src);
    el.setAttribute("now", "2023-11-19T18:40:00+09:00");
    if (theme) el.setAttribute("theme", theme);
    let parent = document.querySelector("#slot");
    if (inner) {
      const wrapper = document.createElement("div");
      for (const [k, v] of Object.entries(inner)) wrapper.setAttribute(k, v);
      parent.append(wrapper);
      parent = wrapper;
    }
    parent.append(el);
  }, { attrs, inner, theme, src: "/feed/modes.json" });
  await page.waitForFunction(() => document.querySelector("incident-banner")?.shadowRoot?.querySelector(".title"), null, { timeout: 10000 });
  return page;
}

/** In the page: the banner's classes, background and title colour. */
const seen = (page) => page.evaluate(() => {
  const root = document.querySelector("incident-banner").shadowRoot;
  const content = root.querySelector(".content");
  const style = (s) => getComputedStyle(root.querySelector(s));
  return { dark: content.classList.contains("dark"), contrast: content.classList.contains("contrast"),
    bg: style(".banner").backgroundColor, title: style(".title").color, badge: style(".badge").color, badgeBg: style(".badge").backgroundColor };
});

test("KRDS high contrast: black, text at least 7:1, badges at least 7:1", async () => {
  const page = await banner({ attrs: { "data-krds-mode": "high-contrast" } });
  const s = await seen(page);
  assert.equal(s.contrast, true);
  assert.equal(s.bg, "rgb(0, 0, 0)");
  assert.ok(contrast(s.title, s.bg) >= 7, `title ${s.title} on ${s.bg}`);
  assert.ok(contrast(s.badge, s.badgeBg) >= 7, `badge ${s.badge} on ${s.badgeBg}`);
  assert.ok(contrast(s.badgeBg, s.bg) >= 3, `badge ${s.badgeBg} against the page ${s.bg}`);
  await page.close();
});

test("KRDS's system-colour mode follows the system; its light mode stays light", async () => {
  for (const [dark, mode, expected] of [[true, "theme", true], [false, "theme", false], [true, "light", false]]) {
    const page = await banner({ attrs: { "data-krds-mode": mode }, dark });
    const s = await seen(page);
    assert.equal(s.dark, expected, `${mode}, system ${dark ? "dark" : "light"}`);
    assert.equal(s.contrast, false);
    await page.close();
  }
});

test("Bootstrap's data-bs-theme and Tailwind's dark class, on <html> or the nearest ancestor; theme= still wins", async () => {
  for (const [setup, expected] of [
    [{ attrs: { "data-bs-theme": "dark" } }, true],
    [{ attrs: { "data-bs-theme": "light" }, dark: true }, false],
    [{ attrs: { class: "dark" } }, true],
    // The nearest ancestor that declares a mode decides.
    [{ attrs: { "data-bs-theme": "dark" }, inner: { "data-bs-theme": "light" } }, false],
    [{ attrs: { "data-bs-theme": "light" }, inner: { "data-bs-theme": "dark" } }, true],
    [{ attrs: { "data-bs-theme": "dark" }, theme: "light" }, false],
    [{ attrs: {} , dark: true }, false],
  ]) {
    const page = await banner(setup);
    assert.equal((await seen(page)).dark, expected, JSON.stringify(setup));
    await page.close();
  }
});

test("a mode switched at runtime re-themes the widget within a frame", async () => {
  const page = await banner({ attrs: { "data-bs-theme": "light" } });
  assert.equal((await seen(page)).dark, false);
  const frames = await page.evaluate(() => new Promise((resolve) => {
    document.documentElement.setAttribute("data-bs-theme", "dark");
    const content = document.querySelector("incident-banner").shadowRoot.querySelector(".content");
    let frames = 0;
    const check = () => (content.classList.contains("dark") || frames > 10 ? resolve(frames) : (frames++, requestAnimationFrame(check)));
    check();
  }));
  assert.ok(frames <= 1, `dark after ${frames} frames`);
  assert.equal((await seen(page)).dark, true);
  // KRDS's toggle on <html>: high contrast, then back.
  await page.evaluate(() => { document.documentElement.removeAttribute("data-bs-theme"); document.documentElement.setAttribute("data-krds-mode", "high-contrast"); });
  await page.waitForFunction(() => document.querySelector("incident-banner").shadowRoot.querySelector(".content.contrast"), null, { timeout: 1000 });
  await page.evaluate(() => document.documentElement.setAttribute("data-krds-mode", "light"));
  await page.waitForFunction(() => !document.querySelector("incident-banner").shadowRoot.querySelector(".content.dark"), null, { timeout: 1000 });
  await page.close();
});

test("--ib-font sets the typeface; times use tabular figures", async () => {
  const page = await banner({});
  const font = () => page.evaluate(() => {
    const root = document.querySelector("incident-banner").shadowRoot;
    const title = getComputedStyle(root.querySelector(".title"));
    return { family: title.fontFamily, figures: getComputedStyle(root.querySelector(".timing")).fontVariantNumeric };
  });
  assert.equal((await font()).figures, "tabular-nums");
  await page.evaluate(() => document.querySelector("incident-banner").style.setProperty("--ib-font", "monospace"));
  assert.equal((await font()).family, "monospace");
  await page.close();
});
