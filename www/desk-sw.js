// The desk keeps working offline once loaded: this service worker keeps a copy of the page,
// its styles and the modules (the desk's and the widget's two, for the preview), and answers
// from the network first, from the copy when the network is gone. It lives beside the page
// (www/ for the demos, dist/desk/ when hosted), so it tries both layouts' paths.
const CACHE = "incident-banner-desk-v2";
const FILES = [
  "desk.html", "index.html", "desk.css", "demo.css",
  "dist/desk/desk.js", "dist/desk/desk_bg.wasm", "dist/incident-banner.js", "dist/incident-banner_bg.wasm",
  "dist/incident-banner-more.js", "dist/incident-banner-more_bg.wasm",
  "desk.js", "desk_bg.wasm", "../incident-banner.js", "../incident-banner_bg.wasm",
  "../incident-banner-more.js", "../incident-banner-more_bg.wasm",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) =>
    Promise.allSettled(FILES.map((f) => cache.add(new URL(f, self.registration.scope)))))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  }).catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? Response.error())));
});
