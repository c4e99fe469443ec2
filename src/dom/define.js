// incident-banner: the loader and the element classes. The build appends this file to the
// banner module's wasm-bindgen glue, so one `<script type="module">` both loads the wasm and
// defines the elements.
//
// Two wasm builds of one crate (BENCHMARKS.md, issue 28): this module's (the banner: reading
// feeds, choosing, drawing, polling) and `incident-banner-more.js` (everything: the timeline,
// its chart and chronology, `check()`, the `feed` getter's serializer), fetched only when a
// page asks for it. A page that has an `<incident-timeline>` when this module runs loads the
// second one alone, for every element: one download instead of two, so its timeline comes
// no later than before the split.

// The feeds of the elements already in the page are requested now, while the wasm loads,
// instead of after it: the same cookie-free, uncached GET `src/dom/fetch.rs` sends first.
// Its first request for a URL takes the answer from here (`takePrefetched`).
const prefetched = new Map();
const PREREAD_MAX = 1 << 20;
function prefetch(src) {
  for (const part of (src ?? "").split(/\s+/)) {
    let url;
    try { url = new URL(part, document.baseURI); } catch { continue; }
    if (!part || !/^https?:$/.test(url.protocol) || prefetched.has(url.href)) continue;
    const controller = new AbortController();
    // The body is read now too: the page hands a body's bytes over only when its main
    // thread is free, and once the wasm arrives that thread is busy upgrading the elements,
    // so a feed read after that waited for all of it (a few ms to the banner). The widget's
    // `arrayBuffer()` then gets the bytes already read. A success is read ahead unless it
    // declares more than PREREAD_MAX bytes: then the widget checks `max-bytes` against the
    // declared length first, as before, and may refuse it unread.
    const response = fetch(url.href, { credentials: "omit", cache: "no-store", signal: controller.signal })
      .then((r) => {
        if (r.ok && !(Number(r.headers.get("content-length")) > PREREAD_MAX)) {
          const bytes = r.arrayBuffer();
          bytes.catch(() => {});
          r.arrayBuffer = () => bytes;
        }
        return r;
      });
    response.catch(() => {}); // a failure is reported by whoever takes it
    prefetched.set(url.href, { response, controller });
  }
}
function takePrefetched(url) {
  const p = prefetched.get(url);
  prefetched.delete(url);
  return p;
}
// Which build shows this page's elements (see the top of this file).
const fullPage = !!document.querySelector("incident-timeline");
// The wasm request goes out first (`__wbg_init` sends it before its first await).
const bannerReady = fullPage ? null : __wbg_init();
bannerReady?.catch(() => {}); // awaited below
// The banner build's entry points, called only once its wasm is ready.
const BANNER = { elementConnected, elementDisconnected, elementAttributeChanged, elementSetFeed, elementTexts, autoBanner };
// The second module: imported once, when first needed; `loaded` once it has started.
let more = null;
let loaded = null;
function loadMore() {
  more ??= import(new URL("./incident-banner-more.js", import.meta.url)).then(async (m) => {
    await m.start(takePrefetched);
    return (loaded = m);
  });
  return more;
}
// `ready()`: resolves once the second module has started (fetching it if it was not yet).
// After it, an `<incident-timeline>` a script adds is shown as soon as it is connected, as a
// banner is; before it, once the module arrives.
export function ready() {
  return loadMore().then(() => {});
}
// `check(feed, lang?)`: the command-line tool's rules, from the second module (fetched on the
// first call). Resolves to `{ errors, warnings }`; never rejects for a bad feed.
export async function check(feed, lang) {
  return (await loadMore()).check(feed, lang);
}
if (fullPage) loadMore().catch(() => {}); // awaited below, with the feeds already asked for
try {
  for (const el of document.querySelectorAll("incident-banner[src], incident-timeline[src]")) prefetch(el.getAttribute("src"));
  for (const script of document.querySelectorAll("script[data-feed]")) {
    if (script.src === import.meta.url) prefetch(script.dataset.feed);
  }
  // A page's first `localStorage` call loads its whole storage area from the browser process,
  // synchronously (~1 ms, more on a slow machine). The widget reads storage before its first
  // banner (the reader's dismissals, the last good feed), so that load happens now, while the
  // wasm downloads, instead of on the way to the banner.
  if (prefetched.size) localStorage.getItem("incident-banner:dismissed");
} catch {}
try {
  // Without constructable stylesheets (Safari before 16.4) the widget could only render
  // unstyled: leave the elements undefined, so what the page put inside them stays shown.
  if (!("adoptedStyleSheets" in ShadowRoot.prototype)) throw new Error("this browser has no constructable stylesheets");
  await (fullPage ? loadMore() : bannerReady);
  // The attributes whose change re-renders: checked against `src/attributes.rs`, which lists
  // every attribute once (a test there), as is the .d.ts.
  const OBSERVED = ["src", "lang", "time-zone", "now", "poll", "services", "variant", "theme", "horizon", "dismissible", "view", "chart"];
  // `element.feed`: a feed the page already holds, shown with no URL. Kept here until the
  // element connects; a value set before the element was upgraded is taken over too.
  const GIVEN = Symbol("feed");
  // The build showing the element: BANNER or the second module; unset while that loads.
  const ENGINE = Symbol("engine");
  // Escape closes a banner while focus is in it, as a click on its close button does.
  const ESCAPE = Symbol("escape");
  function escape(e) {
    if (e.key === "Escape") this.querySelector("[data-dismiss]")?.click();
  }
  // "링크 복사" puts the page's address with the incident's `#incident-<id>` on the clipboard
  // and says so in the live region. Where the clipboard is refused, the `#` link beside it
  // still holds the address.
  const COPY = Symbol("copy");
  async function copy(e) {
    const button = e.target.closest?.("[data-copy]");
    if (!button) return;
    try {
      await navigator.clipboard.writeText(new URL("#" + button.dataset.copy, location.href).href);
      const live = this.querySelector(".live");
      if (live) {
        live.textContent = "";
        live.textContent = button.dataset.copied;
      }
    } catch {}
  }
  // Banners are this module's own, unless the whole page went to the second module.
  const bannerBuild = (el) => !fullPage && el.localName === "incident-banner";
  class IncidentElement extends HTMLElement {
    static get observedAttributes() { return OBSERVED; }
    // The feed shown, as a plain object (`null` before there is one): a promise, since the
    // serializer is in the second module.
    get feed() {
      if (!this.isConnected) return Promise.resolve(this[GIVEN] ?? null);
      if (bannerBuild(this)) {
        const texts = BANNER.elementTexts(this);
        return loadMore().then((m) => m.feedOf(texts));
      }
      return loadMore().then((m) => (this.isConnected ? m.elementFeed(this) : this[GIVEN] ?? null));
    }
    set feed(value) {
      this[GIVEN] = value;
      if (this.isConnected) this[ENGINE]?.elementSetFeed(this, value);
    }
    connectedCallback() {
      if (Object.prototype.hasOwnProperty.call(this, "feed")) {
        const value = this.feed;
        delete this.feed;
        this[GIVEN] = value;
      }
      if (bannerBuild(this)) return this.use(BANNER);
      if (loaded) return this.use(loaded);
      loadMore().then((m) => { if (this.isConnected) this.use(m); },
        (e) => console.warn("incident-banner: could not load incident-banner-more.js", e));
    }
    use(engine) {
      this[ENGINE] = engine;
      engine.elementConnected(this, this[GIVEN]);
      this[ESCAPE] ??= escape.bind(this.shadowRoot);
      this.shadowRoot?.addEventListener("keydown", this[ESCAPE]);
      this[COPY] ??= copy.bind(this.shadowRoot);
      this.shadowRoot?.addEventListener("click", this[COPY]);
    }
    disconnectedCallback() {
      this[ENGINE]?.elementDisconnected(this);
      this[ENGINE] = undefined;
      this.shadowRoot?.removeEventListener("keydown", this[ESCAPE]);
      this.shadowRoot?.removeEventListener("click", this[COPY]);
    }
    attributeChangedCallback(name, before, after) {
      // Setting `src` after `feed` switches to fetching.
      if (name === "src") delete this[GIVEN];
      if (before !== after && this.isConnected) this[ENGINE]?.elementAttributeChanged(this, name);
    }
  }
  for (const name of ["incident-banner", "incident-timeline"]) {
    if (!customElements.get(name)) customElements.define(name, class extends IncidentElement {});
  }
  // Head-snippet mode: <script type="module" src=".../incident-banner.js" data-feed="...">.
  for (const script of document.querySelectorAll("script[data-feed]")) {
    if (script.src === import.meta.url) (fullPage ? loaded : BANNER).autoBanner(script.dataset.feed);
  }
  // Connecting started every request it needed (taking its answer from above) before this
  // runs; what is left belonged to elements that went away meanwhile.
  setTimeout(() => {
    for (const { controller } of prefetched.values()) controller.abort();
    prefetched.clear();
  });
} catch (e) {
  console.warn("incident-banner: could not start", e);
}
