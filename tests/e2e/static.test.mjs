// The command-line tool's static HTML (`incident-banner render`, for pages that run no
// script) in a browser: on a phone its services table is stacked like the widget's, and it
// never makes the page wider than the window.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { setUp } from "./helpers.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
let env, html;
before(async () => {
  env = await setUp();
  html = execFileSync("cargo", ["run", "--quiet", "--bin", "incident-banner", "--", "render", "--lang", "ko",
    "--now", "2023-11-19T18:40:00+09:00", "www/feeds/mois-2023-11.json"], { cwd: root, encoding: "utf8" });
});
after(async () => { await env?.close(); });

for (const width of [360, 1000]) {
  test(`static HTML at ${width} px: the page is no wider than the window, every service's recovery in sight`, async () => {
    const context = await env.browser.newContext({ locale: "ko-KR", viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.setContent(`<!doctype html><meta name="viewport" content="width=device-width"><body style="margin:8px">${html}</body>`);
    const seen = await page.evaluate(() => {
      const table = document.querySelector(".ib-static table");
      const row = table.querySelector("tbody tr");
      return { pageWidth: document.documentElement.scrollWidth, display: getComputedStyle(row).display,
        recovery: [getComputedStyle(row.children[3], "::before").content, row.children[3].textContent],
        recoveryRight: row.children[3].getBoundingClientRect().right };
    });
    assert.ok(seen.pageWidth <= width, `page ${seen.pageWidth} px wide in a ${width} px window`);
    assert.ok(seen.recoveryRight <= width, `recovery cell ends at ${seen.recoveryRight} px`);
    assert.equal(seen.recovery[1], "복구 중");
    if (width < 480) {
      assert.equal(seen.display, "block", "rows stacked");
      assert.equal(seen.recovery[0], '"복구 (KST)"', "the value after its column's name");
    } else {
      assert.equal(seen.display, "table-row", "a table on a wide window");
    }
    await context.close();
  });
}
