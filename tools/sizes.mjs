// Prints what a page must download from dist/ (JS + wasm): raw, gzip -9 and brotli sizes.
// With --check, fails when the gzip total exceeds the ceiling in tools/size-ceiling.txt:
// the guard in `make test` that keeps size from regressing silently.
import { readFileSync } from "node:fs";
import { gzip, brotli } from "./compress.mjs";

const files = ["dist/incident-banner.js", "dist/incident-banner_bg.wasm"];
let total = { raw: 0, gzip: 0, brotli: 0 };
for (const f of files) {
  const b = readFileSync(f);
  const s = { raw: b.length, gzip: gzip(b).length, brotli: brotli(b).length };
  for (const k in total) total[k] += s[k];
  console.log(`${f.padEnd(30)} ${String(s.raw).padStart(8)} B raw ${String(s.gzip).padStart(8)} B gzip -9 ${String(s.brotli).padStart(8)} B brotli`);
}
console.log(`${"total".padEnd(30)} ${String(total.raw).padStart(8)} B raw ${String(total.gzip).padStart(8)} B gzip -9 ${String(total.brotli).padStart(8)} B brotli`);
if (process.argv.includes("--check")) {
  const ceiling = Number(readFileSync(new URL("size-ceiling.txt", import.meta.url), "utf8").match(/^\d+/m)[0]);
  if (total.gzip > ceiling) {
    console.error(`size guard: ${total.gzip} B gzip exceeds the ceiling of ${ceiling} B (tools/size-ceiling.txt)`);
    process.exit(1);
  }
  console.log(`size guard: ${total.gzip} B gzip ≤ ceiling ${ceiling} B`);
}
