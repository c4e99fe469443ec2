// Replaces wasm-bindgen's imports of the crate's own JavaScript files
// (`import { a, b } from './snippets/<crate>-<hash>/src/dom/x.js';`) in the module given as
// argument by those files' code, without their `export` keywords, so the page loads one
// module. Fails when an import has a shape it does not know (renamed or default imports).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const file = process.argv[2];
let js = readFileSync(file, "utf8");
const pattern = /^import \{([^}]*)\} from '(\.\/snippets\/[^']+)';\n/gm;
let count = 0;
js = js.replace(pattern, (_, names, path) => {
  for (const name of names.split(",").map((n) => n.trim()).filter(Boolean)) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`inline-snippets: cannot inline "${name}" from ${path}`);
  }
  count++;
  return readFileSync(join(dirname(file), path), "utf8").replace(/^export (function|const|let|class) /gm, "$1 ");
});
if (/from '\.\/snippets\//.test(js)) throw new Error("inline-snippets: an import of a snippet is left");
writeFileSync(file, js);
console.log(`inline-snippets: ${count} file(s) inlined`);
