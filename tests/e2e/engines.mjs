// The three browser engines behind one small interface, for the tests that must hold in
// every engine (engines.test.mjs):
// - Chromium (Debian's) and Firefox ESR through puppeteer-core: it speaks the DevTools
//   protocol to Chromium and WebDriver BiDi to stock Firefox, so one library drives two
//   engines with the same calls (playwright-core needs its own patched Firefox builds).
// - WebKitGTK's MiniBrowser through selenium-webdriver and WebKitWebDriver under xvfb-run
//   (MiniBrowser has no headless mode). WebKitGTK is not Safari, but Safari's engine family.
// What WebDriver classic cannot do (scripts before the page's own, console capture, a pinned
// clock) the site does instead, the same way in every engine: every HTML page it serves gets
// /__probe.js first in <head> (same origin, so the pages' strict CSP allows it).
import { spawn } from "node:child_process";
import { createServer, request } from "node:http";
import { writeFileSync } from "node:fs";
import puppeteer from "puppeteer-core";
import { Builder, Key } from "selenium-webdriver";
import { start } from "../../tools/serve.mjs";
import { startFaultServer } from "./faults.mjs";

/** The engines every cross-engine test runs in; `ENGINES=firefox,webkit` narrows them. */
export const ENGINES = (process.env.ENGINES ?? "chromium,firefox,webkit").split(",");

/**
 * Runs in each page before the page's own scripts: records console errors and warnings,
 * uncaught errors, dialogs and CSP violations in `window.__probe`, and pins the clock when
 * the page's address has `?now=` (time then runs on from that instant).
 */
const PROBE = `(() => {
  const probe = window.__probe = { console: [], errors: [], dialogs: [], csp: [] };
  for (const type of ["error", "warn"]) {
    const original = console[type];
    console[type] = function (...args) { probe.console.push({ type, text: args.map(String).join(" ") }); return original.apply(this, args); };
  }
  addEventListener("error", (e) => probe.errors.push(e.message));
  addEventListener("unhandledrejection", (e) => probe.errors.push(String(e.reason)));
  document.addEventListener("securitypolicyviolation", (e) => probe.csp.push(e.violatedDirective + " " + e.blockedURI));
  for (const name of ["alert", "confirm", "prompt"]) window[name] = (m) => { probe.dialogs.push(String(m)); };
  const now = new URLSearchParams(location.search).get("now");
  if (now) {
    const RealDate = Date, realNow = Date.now.bind(Date), offset = RealDate.parse(now) - realNow();
    window.Date = class extends RealDate {
      constructor(...args) { if (args.length === 0) super(realNow() + offset); else super(...args); }
      static now() { return realNow() + offset; }
    };
  }
})();`;

/**
 * The demo site (www/ and dist/) and the fault server's scripted feeds (/feed/…) on one
 * origin, with the probe in every page. `hold(path)` leaves requests for `path` unanswered,
 * `refuse(path)` answers them 404; `release()` undoes both.
 */
export async function startSite() {
  const demos = await start(0);
  const faults = await startFaultServer();
  const held = new Set();
  const refused = new Set();
  const pending = new Set();
  const fromFaults = ["/feed/", "/adversarial/", "/pages/"];
  const upstream = (path) => (fromFaults.some((p) => path.startsWith(p)) ? faults.base : `http://127.0.0.1:${demos.address().port}`);
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://localhost").pathname;
    if (path === "/__probe.js") return res.writeHead(200, { "Content-Type": "text/javascript" }).end(PROBE);
    if (path === "/__frame.html") return res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(frame(new URL(req.url, "http://localhost").searchParams));
    if (held.has(path)) { pending.add(res); return; }
    if (refused.has(path)) return res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    const headers = { ...req.headers };
    delete headers["accept-encoding"]; // plain bodies, so pages can be read and changed here
    const forward = request(upstream(path) + req.url, { method: req.method, headers }, (up) => {
      const type = up.headers["content-type"] ?? "";
      if (!type.startsWith("text/html")) { res.writeHead(up.statusCode, up.headers); up.pipe(res); return; }
      const chunks = [];
      up.on("data", (c) => chunks.push(c));
      up.on("end", () => {
        const html = Buffer.concat(chunks).toString("utf8").replace(/<head>/i, '<head><script src="/__probe.js"></script>');
        const out = { ...up.headers };
        delete out["content-length"];
        res.writeHead(up.statusCode, out).end(html);
      });
    });
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    script: faults.script,
    hold(path) { held.add(path); },
    refuse(path) { refused.add(path); },
    release() { held.clear(); refused.clear(); for (const r of pending) r.destroy(); pending.clear(); },
    close() { for (const r of pending) r.destroy(); server.close(); demos.close(); faults.close(); },
  };
}

/**
 * A page holding `src` in a frame `width`×`height` CSS px: WebKitGTK's MiniBrowser will not
 * make its window narrower than about 450 px, and a frame is a viewport of its own (its media
 * queries, `innerWidth` and layout follow the frame's size).
 */
function frame(params) {
  const [src, width, height] = ["src", "width", "height"].map((k) => params.get(k));
  const attr = (v) => String(v).replace(/[&"<]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html><body style="margin:0"><iframe src="${attr(src)}" style="border:0;display:block;width:${Number(width)}px;height:${Number(height)}px"></iframe></body></html>`;
}

/** The narrowest window MiniBrowser makes; narrower pages are framed (see `frame`). */
const WEBKIT_MIN_WIDTH = 460;

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

/**
 * Launches `engine`, in the dark colour scheme with `dark`; resolves to
 * { name, open(url, size), close() }.
 */
export async function launch(engine, { dark = false } = {}) {
  if (engine === "webkit") return launchWebKit(dark);
  const browser = engine === "firefox"
    ? await puppeteer.launch({ browser: "firefox", executablePath: process.env.FIREFOX ?? "/usr/bin/firefox-esr", headless: true,
      extraPrefsFirefox: { "intl.accept_languages": "ko-KR, ko, en", ...(dark ? { "layout.css.prefers-color-scheme.content-override": 0 } : {}) } })
    : await puppeteer.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
  const pages = new Set();
  return {
    name: engine,
    async open(url, { width = 1000, height = 800 } = {}) {
      const context = await browser.createBrowserContext();
      const close = () => { pages.delete(close); return context.close().catch(() => {}); };
      pages.add(close);
      const page = await context.newPage();
      await page.setViewport({ width, height });
      // Firefox takes the scheme from the preference above; this call needs the DevTools protocol.
      if (dark && engine === "chromium") await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
      await page.goto(url);
      return wrap({
        run: (source) => page.evaluate(source),
        inject: (source) => page.evaluate(source),
        size: (w, h) => page.setViewport({ width: w, height: h }),
        press: (key) => page.keyboard.press(key),
        screenshot: (path, fullPage) => page.screenshot({ path, fullPage }),
        goto: (u) => page.goto(u),
        close,
      });
    },
    /** Closes the pages a failed test left open. */
    closePages: () => Promise.all([...pages].map((close) => close())),
    close: () => browser.close(),
  };
}

/** `promise`, or an error naming `what` after `ms`: a driver that stops answering fails the test instead of hanging it. */
function within(promise, what, ms = 30000) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`webkit: no answer to ${what} in ${ms} ms`)), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function launchWebKit(dark) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  // Its own process group, so closing ends xvfb-run, Xvfb and the driver together.
  const driver = spawn("xvfb-run", ["-a", "-s", "-screen 0 1400x1200x24", process.env.WEBKIT_DRIVER ?? "WebKitWebDriver", `--port=${port}`],
    // The GTK theme's dark variant is what WebKitGTK reports as `prefers-color-scheme: dark`.
    { stdio: "ignore", detached: true, env: dark ? { ...process.env, GTK_THEME: "Adwaita:dark" } : process.env });
  const binary = process.env.MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
  const capabilities = { browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary, args: ["--automation"] } };
  const session = async () => {
    for (let i = 0; ; i++) {
      try {
        return await within(new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(capabilities).build(), "a new session");
      } catch (e) {
        if (i > 50) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };
  const stop = () => { try { process.kill(-driver.pid, "SIGTERM"); } catch { /* already gone */ } };
  const keys = { Enter: Key.ENTER, Escape: Key.ESCAPE, Tab: Key.TAB };
  // WebKitWebDriver holds one session at a time: the open page's.
  const pages = new Set();
  return {
    name: "webkit",
    async open(url, { width = 1000, height = 800 } = {}) {
      // A session per page, as a fresh context is per page in the other engines.
      const raw = await session();
      const close = () => { pages.delete(close); return within(raw.quit(), "quit", 10000).catch(() => {}); };
      pages.add(close);
      // Every command with a deadline.
      const d = {
        manage: () => ({ window: () => ({ setRect: (r) => within(raw.manage().window().setRect(r), "setRect") }) }),
        executeScript: (...a) => within(raw.executeScript(...a), "executeScript"),
        get: (u) => within(raw.get(u), `get ${u}`),
        switchTo: () => ({ frame: (n) => within(raw.switchTo().frame(n), "switchTo") }),
        actions: () => ({ sendKeys: (k) => ({ perform: () => within(raw.actions().sendKeys(k).perform(), "sendKeys") }) }),
        takeScreenshot: () => within(raw.takeScreenshot(), "takeScreenshot"),
      };
      const resize = async (w, h) => {
        await d.manage().window().setRect({ width: w, height: h });
        const inner = await d.executeScript("return [innerWidth, innerHeight]");
        await d.manage().window().setRect({ width: 2 * w - inner[0], height: 2 * h - inner[1] });
      };
      if (width >= WEBKIT_MIN_WIDTH) {
        await resize(width, height);
        await d.get(url);
      } else {
        await resize(WEBKIT_MIN_WIDTH, height);
        const { origin, pathname, search } = new URL(url);
        await d.get(`${origin}/__frame.html?${new URLSearchParams({ src: pathname + search, width, height })}`);
        await d.switchTo().frame(0);
        for (let i = 0; i < 100 && !(await d.executeScript("return !!window.__probe && document.readyState !== 'loading'")); i++) {
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      return wrap({
        run: (source) => d.executeScript(`return ${source}`),
        inject: (source) => d.executeScript(source),
        size: (w, h) => {
          if (width < WEBKIT_MIN_WIDTH || w < WEBKIT_MIN_WIDTH) throw new Error("webkit: open a page narrower than its window at that size instead");
          return resize(w, h);
        },
        press: (key) => d.actions().sendKeys(keys[key] ?? key).perform(),
        screenshot: async (path, fullPage) => {
          // WebDriver shoots the window: for a full page, make the window as tall as the page.
          if (fullPage) {
            const [w, h, now] = await d.executeScript("return [innerWidth, document.documentElement.scrollHeight, innerHeight]");
            if (h > now) await resize(w, Math.min(h, 4000));
          }
          writeFileSync(path, Buffer.from(await d.takeScreenshot(), "base64"));
        },
        goto: (u) => d.get(u),
        close,
      });
    },
    closePages: () => Promise.all([...pages].map((close) => close())),
    close: async () => stop(),
  };
}

/** The page interface the tests use, the same in every engine. */
function wrap(p) {
  /** Runs `fn(arg)` in the page (`arg` as JSON) and resolves to its (awaited) JSON value. */
  const evaluate = (fn, arg) => p.run(`(${fn})(${JSON.stringify(arg) ?? ""})`);
  return {
    ...p,
    eval: evaluate,
    /** Polls `fn(arg)` in the page until it is truthy; throws with `what` after `timeout` ms. */
    async waitFor(fn, arg, what = String(fn), timeout = 10000) {
      const until = Date.now() + timeout;
      for (;;) {
        const value = await p.run(`(async () => !!(await (${fn})(${JSON.stringify(arg) ?? ""})))()`);
        if (value) return value;
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** What the probe recorded: console errors and warnings, uncaught errors, dialogs, CSP violations. */
    probe: () => evaluate(() => window.__probe),
  };
}
