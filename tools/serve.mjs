// A static server for the demos and the end-to-end tests: www/ at /, dist/ at /dist/.
// Every page is sent with a strict Content-Security-Policy, so every demo proves the
// widget needs neither inline scripts nor inline styles.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8", ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".png": "image/png", ".svg": "image/svg+xml",
};

function fileFor(pathname) {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  if (clean.startsWith("/dist/")) return join(root, clean);
  return join(root, "www", clean.endsWith("/") ? clean + "index.html" : clean);
}

/**
 * The file as the client takes it: its precompressed `.br` or `.gz` beside it when the client
 * accepts that encoding (as nginx's `brotli_static` / `gzip_static` do), else as it is.
 */
async function precompressed(file, accepted) {
  for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
    if (!new RegExp(`\\b${encoding}\\b`).test(accepted)) continue;
    try {
      return { body: await readFile(file + suffix), encoding };
    } catch {
      // Not precompressed: try the next encoding, then the file itself.
    }
  }
  return { body: await readFile(file), encoding: null };
}

/** Starts the server on 127.0.0.1:`port` (0 = any free port); resolves to the server. */
export function start(port = 8080) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (url.pathname === "/favicon.ico") { res.writeHead(204).end(); return; }
    const file = fileFor(url.pathname);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      const headers = { "Content-Type": type, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
      if (type.startsWith("text/html")) headers["Content-Security-Policy"] = CSP;
      const { body, encoding } = await precompressed(file, req.headers["accept-encoding"] ?? "");
      if (encoding) Object.assign(headers, { "Content-Encoding": encoding, Vary: "Accept-Encoding" });
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await start(Number(process.env.PORT ?? 8080));
  console.log(`incident-banner demos at http://127.0.0.1:${server.address().port}/`);
}
