// Prints what a page downloads from dist/, per module (JS + wasm): raw, gzip -9 and brotli.
// With --check, fails when a module's gzip total exceeds its ceiling in
// tools/size-ceiling.txt: the guard in `make test` that keeps size from regressing silently.
import { readFileSync } from "node:fs";
import { gzip, brotli } from "./compress.mjs";

// The banner module is what every reader of a page with a banner downloads before it shows;
// the second module is fetched only for a timeline, `check()` or the `feed` getter.
const modules = { banner: "dist/incident-banner", more: "dist/incident-banner-more" };
const ceilings = Object.fromEntries(
  [...readFileSync(new URL("size-ceiling.txt", import.meta.url), "utf8").matchAll(/^(\w+) (\d+)/gm)].map((m) => [m[1], Number(m[2])]),
);
const row = (name, s) => `${name.padEnd(34)} ${String(s.raw).padStart(8)} B raw ${String(s.gzip).padStart(8)} B gzip -9 ${String(s.brotli).padStart(8)} B brotli`;
let failed = false;
for (const [module, base] of Object.entries(modules)) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of [`${base}.js`, `${base}_bg.wasm`]) {
    const b = readFileSync(f);
    const s = { raw: b.length, gzip: gzip(b).length, brotli: brotli(b).length };
    for (const k in total) total[k] += s[k];
    console.log(row(f, s));
  }
  console.log(row(`${module} module total`, total));
  if (process.argv.includes("--check")) {
    const ceiling = ceilings[module];
    if (!ceiling) throw new Error(`tools/size-ceiling.txt has no line "${module} <bytes>"`);
    if (total.gzip > ceiling) {
      console.error(`size guard: the ${module} module, ${total.gzip} B gzip, exceeds its ceiling of ${ceiling} B (tools/size-ceiling.txt)`);
      failed = true;
    } else console.log(`size guard: ${module} module ${total.gzip} B gzip ≤ ceiling ${ceiling} B`);
  }
}
if (failed) process.exit(1);
