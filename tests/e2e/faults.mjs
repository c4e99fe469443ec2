// A fault-injection feed server for the end-to-end tests, on 127.0.0.1, started and stopped
// by the tests. Each feed path follows a script of answers, one per request (the last one
// repeats): a good feed (answering 304 to a matching If-None-Match), HTTP errors with
// Retry-After, a trickled body, a connection reset, a hang, an HTML page, a truncated body,
// bytes that are not UTF-8.
// It also serves dist/ and tests/e2e/pages/ under the same strict CSP as the demos.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CSP } from "../../tools/serve.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8" };

/** A valid feed whose one active outage has `n` updates and the title `title`. */
export function feedBody({ title = "행정전산망 장애", updates = 1, severity = "critical", id = "outage" } = {}) {
  const list = Array.from({ length: updates }, (_, i) => ({
    at: `2023-11-19T1${i % 10}:00:00+09:00`, status: "identified", text: `업데이트 ${i + 1}`,
  }));
  return JSON.stringify({
    version: 1,
    publisher: { name: "행정안전부 (테스트)", time_zone: "Asia/Seoul" },
    services: [{ id: "gov24", name: "정부24" }],
    incidents: [{ id, kind: "outage", severity, status: "identified", title,
      started_at: "2023-11-19T08:00:00+09:00", impacts: [{ service: "gov24", status: "down" }], updates: list }],
  });
}

/** 10,000 incidents with 10 updates each, one per hour back from November 2023 (tests and `make bench`). */
export function bigFeed(incidents = 10_000, updatesEach = 10) {
  const start = Date.parse("2023-11-19T00:00:00Z");
  const list = [];
  for (let i = 0; i < incidents; i++) {
    const at = (t) => new Date(t).toISOString().replace(".000Z", "Z");
    const t0 = start - i * 3_600_000;
    list.push({ id: `i${i}`, kind: "outage", severity: ["critical", "major", "minor"][i % 3], status: "resolved",
      title: `장애 ${i}`, started_at: at(t0), ended_at: at(t0 + 1_800_000),
      impacts: [{ service: `s${i % 50}`, status: "down" }],
      updates: Array.from({ length: updatesEach }, (_, u) => ({ at: at(t0 + u * 60_000), status: "identified", text: `업데이트 ${u}` })) });
  }
  const services = Array.from({ length: 50 }, (_, i) => ({ id: `s${i}`, name: `서비스 ${i}` }));
  return JSON.stringify({ version: 1, publisher: { name: "p", time_zone: "Asia/Seoul" }, services, incidents: list });
}

export async function startFaultServer() {
  const scripts = new Map();   // path → [step…]
  const requests = [];         // { path, headers, at }
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    // One request per connection: Chrome silently retries a GET whose reused keep-alive
    // socket is reset, which would hide the "reset" answer from the widget.
    res.setHeader("Connection", "close");
    if (url.pathname === "/favicon.ico") return res.writeHead(204).end();
    if (url.pathname.startsWith("/feed/")) return answer(url.pathname, req, res);
    const file = url.pathname.startsWith("/dist/") ? join(root, url.pathname)
      : url.pathname.startsWith("/adversarial/") || url.pathname.startsWith("/fixtures/") ? join(root, "tests", url.pathname)
      : join(root, "tests/e2e", url.pathname);
    try {
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      const headers = { "Content-Type": type, "Cache-Control": "no-store" };
      if (type.startsWith("text/html")) {
        headers["Content-Security-Policy"] = url.searchParams.has("tt") ? `${CSP}; require-trusted-types-for 'script'` : CSP;
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  server.on("connection", (s) => { sockets.add(s); s.on("close", () => sockets.delete(s)); });

  function answer(path, req, res) {
    requests.push({ path, headers: req.headers, at: Date.now() });
    const steps = scripts.get(path) ?? [{ status: 404 }];
    const step = steps.length > 1 ? steps.shift() : steps[0];
    const base = { "Content-Type": "application/json; charset=utf-8" };
    switch (step.kind ?? "status") {
      case "feed": {
        const etag = step.etag === false ? undefined : `"${Buffer.from(step.body).length}-${hash(step.body)}"`;
        if (etag && req.headers["if-none-match"] === etag) return res.writeHead(304, { ETag: etag, ...(step.headers ?? {}) }).end();
        const headers = { ...base, ...(etag ? { ETag: etag } : {}), ...(step.headers ?? {}) };
        return res.writeHead(200, headers).end(step.body);
      }
      case "status": {
        const headers = step.retryAfter !== undefined ? { "Retry-After": String(step.retryAfter) } : {};
        return res.writeHead(step.status, { "Content-Type": "text/plain", ...headers }).end(`error ${step.status}`);
      }
      case "html": return res.writeHead(200, { "Content-Type": "text/html" }).end("<!doctype html><h1>502 Bad Gateway</h1>");
      case "truncated": return res.writeHead(200, base).end(step.body.slice(0, Math.floor(step.body.length / 2)));
      case "invalid-utf8": return res.writeHead(200, base).end(Buffer.concat([Buffer.from('{"version":1,"x":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]));
      case "reset": return req.socket.destroy();
      case "hang": return; // never answers
      case "trickle": {
        res.writeHead(200, base);
        const bytes = Buffer.from(step.body);
        let i = 0;
        const timer = setInterval(() => {
          if (i >= bytes.length) { clearInterval(timer); res.end(); return; }
          res.write(bytes.subarray(i, i + step.chunk)); i += step.chunk;
        }, step.every);
        return;
      }
      default: throw new Error(`unknown step ${JSON.stringify(step)}`);
    }
  }

  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    /** Sets the answers for `path`, in order; the last repeats. */
    script(path, steps) { scripts.set(path, [...steps]); },
    /** Requests received for `path`. */
    requests(path) { return requests.filter((r) => r.path === path); },
    close() { for (const s of sockets) s.destroy(); server.close(); },
  };
}

function hash(s) { let h = 0; for (const c of s) h = (h * 31 + c.codePointAt(0)) >>> 0; return h.toString(16); }

export const ok = (body, extra = {}) => ({ kind: "feed", body, ...extra });
export const status = (code, retryAfter) => ({ status: code, retryAfter });
