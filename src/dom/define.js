// incident-banner: the element classes. The build appends this file to wasm-bindgen's
// module, so one `<script type="module">` both loads the wasm and defines the elements.
try {
  await __wbg_init();
  const OBSERVED = ["src", "lang", "time-zone", "now", "horizon", "poll", "services", "dismissible", "variant"];
  class IncidentElement extends HTMLElement {
    static get observedAttributes() { return OBSERVED; }
    connectedCallback() { elementConnected(this); }
    disconnectedCallback() { elementDisconnected(this); }
    attributeChangedCallback(name, before, after) {
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
} catch (e) {
  console.warn("incident-banner: could not start", e);
}
