// Shared set-up for the end-to-end tests: the demo server on a free port, Debian's
// Chromium through playwright-core, and helpers that read what a person sees.
import { chromium } from "playwright-core";
import { start } from "../../tools/serve.mjs";
import { fileURLToPath } from "node:url";

export const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
/** Launch options for Debian's Chromium. */
export const LAUNCH = { executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ARGS };

/** Starts the server and the browser; returns { base, browser, close }. */
export async function setUp() {
  const server = await start(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch(LAUNCH);
  return { base, browser, close: async () => { await browser.close(); server.close(); } };
}

/**
 * Opens `path` in a fresh context and records every console message, page error, dialog
 * and CSP violation, so tests can assert the page stayed quiet.
 */
export async function open(env, path, { lang = "ko-KR", timezoneId, now } = {}) {
  const context = await env.browser.newContext({ locale: lang, timezoneId, viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  // A page with no `now` attribute to pin (the head snippet) reads the clock: pinned here, so
  // what it says ("…째") and its screenshot stay the same from run to run. Timers still run.
  if (now) await page.clock.setFixedTime(new Date(now));
  const log = { console: [], errors: [], dialogs: [] };
  page.on("console", (m) => log.console.push({ type: m.type(), text: m.text(), url: m.location().url }));
  page.on("pageerror", (e) => log.errors.push(e.message));
  page.on("dialog", (d) => { log.dialogs.push(d.message()); d.dismiss(); });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(env.base + path);
  return { page, log, response, close: () => context.close() };
}

/** Waits until the element matching `selector` has rendered something in its shadow root. */
export async function rendered(page, selector) {
  await page.waitForFunction((s) => {
    const el = document.querySelector(s);
    return el && el.shadowRoot && el.shadowRoot.querySelector("section, .error, .notice:not(:empty)") &&
      !el.shadowRoot.textContent.includes("불러오는 중") && !el.shadowRoot.textContent.includes("Loading");
  }, selector, { timeout: 10000 });
}

/** Text of every node matching `inner` inside the shadow root of `host`. */
export function shadowTexts(page, host, inner) {
  return page.evaluate(([h, i]) => [...document.querySelector(h).shadowRoot.querySelectorAll(i)].map((n) => n.textContent), [host, inner]);
}

/** Console messages that are errors or warnings. */
export function noisy(log) {
  return log.console.filter((m) => m.type === "error" || m.type === "warning");
}

/** WCAG's contrast ratio of two `rgb(…)` colours. */
export function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
