// gzip -9 and brotli (quality 11): how the bundle is measured (tools/sizes.mjs) and, run as
// `node tools/compress.mjs FILE…`, the precompressed FILE.gz and FILE.br that `make dist`
// ships beside the module and the wasm, for servers that send a file's precompressed form
// (nginx `gzip_static` / `brotli_static`, Caddy `precompressed`; tools/serve.mjs does too).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

/** `bytes` gzipped at the highest level. */
export const gzip = (bytes) => gzipSync(bytes, { level: 9 });

/** `bytes` in brotli at the highest quality, sized for the whole input at once. */
export const brotli = (bytes) => brotliCompressSync(bytes, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
});

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) {
    const bytes = readFileSync(file);
    writeFileSync(`${file}.gz`, gzip(bytes));
    writeFileSync(`${file}.br`, brotli(bytes));
  }
}
