// The published JSON Schema agrees with the Rust parser: it accepts every demo feed and
// rejects every feed in tests/fixtures/invalid/ (which `cargo test` also rejects).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = new URL("../../", import.meta.url);
const schema = JSON.parse(readFileSync(new URL("www/schema/feed-v1.json", root)));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const jsonFiles = (dir) => readdirSync(new URL(dir, root)).filter((f) => f.endsWith(".json")).map((f) => new URL(dir + f, root));

test("the schema accepts every demo feed", () => {
  const feeds = jsonFiles("www/feeds/");
  assert.ok(feeds.length >= 3);
  for (const file of feeds) {
    assert.ok(validate(JSON.parse(readFileSync(file))), `${file.pathname}: ${ajv.errorsText(validate.errors)}`);
  }
});

test("the schema rejects every invalid fixture", () => {
  const bad = jsonFiles("tests/fixtures/invalid/");
  assert.ok(bad.length >= 10);
  for (const file of bad) {
    assert.equal(validate(JSON.parse(readFileSync(file))), false, `${file.pathname} should be rejected`);
  }
});
