// incident-banner-more: the second module's entry. The build appends this file to the full
// build's wasm-bindgen glue (`--features timeline`); `incident-banner.js` imports it when a
// page first needs the timeline, `check()` or the `feed` getter, and calls `start` with its
// own prefetched requests, so a feed asked for while the wasm loaded is not asked twice.

let take = () => undefined;
// The glue's import of `takePrefetched` (see `src/dom/fetch.rs`).
function takePrefetched(url) {
  return take(url);
}
export async function start(prefetched) {
  take = prefetched;
  await __wbg_init();
}
