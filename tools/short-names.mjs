// Shortens the names of the wasm's imports and internal exports, in the wasm and in the JS
// module together.
//
// Imports: wasm-bindgen names every import `__wbg_<method>_<16 hex digits>` and writes each
// name twice: in the wasm's import section and as a key of the JS imports object. Those ~120
// random-looking names cost 4.4 KB gzip of a ~99 KB bundle. Each is renamed to `a`, `b`, …
// `ba`, … in both files. A name is renamed only when the JS has it exactly once, as an object
// key.
//
// Exports: wasm-bindgen's own (`__wbindgen_malloc`, used a dozen times, …) and its closure
// shims, `wasm_bindgen__convert__closures_____invoke__h<16 hex digits>`, whose hashes change
// whenever the dependency graph does, and with them the module and its SRI hash. They are
// renamed likewise, when every use in the JS is a property access (`R.name`). Our own
// exports (`elementConnected`, …) and `memory` keep their names.
//
// Anything else is left as it is (the e2e tests load the result in Chromium).
//
// Usage: node tools/short-names.mjs dist/incident-banner_bg.wasm dist/incident-banner.js
import { readFileSync, writeFileSync } from "node:fs";

const [wasmPath, jsPath] = process.argv.slice(2);
const wasm = readFileSync(wasmPath);
let js = readFileSync(jsPath, "utf8");

function readLeb(pos) {
  let n = 0, shift = 0, byte;
  do { byte = wasm[pos++]; n += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return [n, pos];
}
function leb(n) {
  const out = [];
  do { let b = n % 128; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n);
  return Buffer.from(out);
}
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
function shortName(i) {
  let s = "";
  do { s = LETTERS[i % LETTERS.length] + s; i = Math.floor(i / LETTERS.length); } while (i);
  return s;
}
const occurrences = (text, needle) => text.split(needle).length - 1;

const INTERNAL_EXPORT = /^(__wbindgen_\w+|__externref_\w+|wasm_bindgen__convert__closures_____invoke__h[0-9a-f]{16})$/;
// Names matched above are word characters only: no escaping needed in the pattern.
const accesses = (name) => new RegExp(`\\.${name}(?![\\w$])`, "g");

const renamed = new Map();
const exported = new Map();
const out = [wasm.subarray(0, 8)];
let pos = 8;
while (pos < wasm.length) {
  const id = wasm[pos];
  const [size, start] = readLeb(pos + 1);
  const end = start + size;
  if (id === 7) { // the export section: name, kind, index
    let [count, p] = readLeb(start);
    const body = [leb(count)];
    for (let i = 0; i < count; i++) {
      let len;
      [len, p] = readLeb(p); const name = wasm.subarray(p, p += len).toString();
      const description = p;
      p++; [, p] = readLeb(p);
      let newName = name;
      const uses = occurrences(js, name);
      if (INTERNAL_EXPORT.test(name) && uses > 0 && (js.match(accesses(name)) ?? []).length === uses) {
        newName = shortName(exported.size);
        exported.set(name, newName);
      }
      const bytes = Buffer.from(newName);
      body.push(leb(bytes.length), bytes, wasm.subarray(description, p));
    }
    const section = Buffer.concat(body);
    out.push(Buffer.from([7]), leb(section.length), section);
    pos = end;
    continue;
  }
  if (id !== 2) { out.push(wasm.subarray(pos, end)); pos = end; continue; }
  // The import section: module, name, then a description whose shape depends on its kind.
  let [count, p] = readLeb(start);
  const body = [leb(count)];
  for (let i = 0; i < count; i++) {
    let len;
    [len, p] = readLeb(p); const module = wasm.subarray(p, p += len);
    [len, p] = readLeb(p); const name = wasm.subarray(p, p += len).toString();
    const description = p;
    const kind = wasm[p++];
    if (kind === 0) [, p] = readLeb(p); // function: type index
    else if (kind === 1 || kind === 2) { // table (element type first) or memory: limits
      if (kind === 1) p++;
      const flags = wasm[p++]; [, p] = readLeb(p); if (flags & 1) [, p] = readLeb(p);
    } else if (kind === 3) p += 2; // global: value type, mutability
    else throw new Error(`${wasmPath}: unknown import kind ${kind}`);
    let newName = name;
    if (occurrences(js, `${name}:`) === 1) {
      newName = shortName(renamed.size);
      renamed.set(name, newName);
    }
    const bytes = Buffer.from(newName);
    body.push(leb(module.length), module, leb(bytes.length), bytes, wasm.subarray(description, p));
  }
  const section = Buffer.concat(body);
  out.push(Buffer.from([2]), leb(section.length), section);
  pos = end;
}
for (const [name, short] of renamed) js = js.replace(`${name}:`, `${short}:`);
for (const [name, short] of exported) js = js.replace(accesses(name), `.${short}`);
writeFileSync(wasmPath, Buffer.concat(out));
writeFileSync(jsPath, js);
console.log(`short-names: ${renamed.size} import and ${exported.size} export names shortened`);
