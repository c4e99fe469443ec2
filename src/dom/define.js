// incident-banner: the element classes. The build appends this file to wasm-bindgen's
// module, so one `<script type="module">` both loads the wasm and defines the elements.

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
// The wasm request goes out first (`__wbg_init` sends it before its first await).
const wasmReady = __wbg_init();
wasmReady.catch(() => {}); // awaited below
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
  await wasmReady;
  const OBSERVED = ["src", "lang", "time-zone", "now", "horizon", "poll", "services", "dismissible", "variant", "theme", "view", "chart"];
  // `element.feed`: a feed the page already holds, shown with no URL. Kept here until the
  // element connects; a value set before the element was upgraded is taken over too.
  const GIVEN = Symbol("feed");
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
  class IncidentElement extends HTMLElement {
    static get observedAttributes() { return OBSERVED; }
    get feed() { return this.isConnected ? elementFeed(this) : (this[GIVEN] ?? null); }
    set feed(value) {
      this[GIVEN] = value;
      if (this.isConnected) elementSetFeed(this, value);
    }
    connectedCallback() {
      if (Object.prototype.hasOwnProperty.call(this, "feed")) {
        const value = this.feed;
        delete this.feed;
        this[GIVEN] = value;
      }
      elementConnected(this, this[GIVEN]);
      this[ESCAPE] ??= escape.bind(this.shadowRoot);
      this.shadowRoot?.addEventListener("keydown", this[ESCAPE]);
      this[COPY] ??= copy.bind(this.shadowRoot);
      this.shadowRoot?.addEventListener("click", this[COPY]);
    }
    disconnectedCallback() {
      elementDisconnected(this);
      this.shadowRoot?.removeEventListener("keydown", this[ESCAPE]);
      this.shadowRoot?.removeEventListener("click", this[COPY]);
    }
    attributeChangedCallback(name, before, after) {
      // Setting `src` after `feed` switches to fetching.
      if (name === "src") delete this[GIVEN];
      if (before !== after && this.isConnected) elementAttributeChanged(this, name);
    }
  }
  for (const name of ["incident-banner", "incident-timeline"]) {
    if (!customElements.get(name)) customElements.define(name, class extends IncidentElement {});
  }
  // Head-snippet mode: <script type="module" src=".../incident-banner.js" data-feed="...">.
  for (const script of document.querySelectorAll("script[data-feed]")) {
    if (script.src === import.meta.url) autoBanner(script.dataset.feed);
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
