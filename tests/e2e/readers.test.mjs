// Readers' settings: the widget's text follows the page's text size, and forced colours keep
// the severity badge a visible box.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, open, rendered, SCREENSHOTS } from "./helpers.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

/** The banner title's and badge's font sizes in px on /agency.html with `css` added. */
async function sizes(css, viewport) {
  const { page, close } = await open(env, "/agency.html");
  if (viewport) await page.setViewportSize(viewport);
  await page.addStyleTag({ content: css }).catch(() => {}); // the page's CSP forbids inline styles:
  await page.evaluate((css) => { // ... so the rule goes in through a constructable sheet
    const sheet = new CSSStyleSheet(); sheet.replaceSync(css); document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
  await rendered(page, "incident-banner");
  const seen = await page.evaluate(() => {
    const root = document.querySelector("incident-banner").shadowRoot;
    const px = (s) => parseFloat(getComputedStyle(root.querySelector(s)).fontSize);
    const dd = root.querySelector("dl.facts dd").getBoundingClientRect().width;
    const banner = root.querySelector(".banner").getBoundingClientRect();
    return { title: px(".title"), badge: px(".badge"), scrollWidth: document.scrollingElement.scrollWidth, width: innerWidth,
      factWidth: dd / banner.width, bannerHeight: banner.height };
  });
  return { ...seen, page, close };
}

test("the widget's text follows the page's text size (root at 200 %, body text at 24px)", async () => {
  const base = await sizes("");
  await base.close();
  const root = await sizes("html { font-size: 200% } body { font-size: 1rem }");
  await root.close();
  const body = await sizes("body { font-size: 24px }");
  await body.close();
  // The demo page's text is 17px: the banner's title is about 17 × .9375 × 1.07 px.
  assert.ok(Math.abs(base.title - 17 * 0.9375 * 1.07) < 0.5, `title ${base.title}px`);
  assert.ok(Math.abs(root.title / base.title - 32 / 17) < 0.05, `root 200 %: ${root.title}px against ${base.title}px`);
  assert.ok(Math.abs(body.title / base.title - 24 / 17) < 0.05, `body 24px: ${body.title}px against ${base.title}px`);
  assert.ok(Math.abs(root.badge / base.badge - 32 / 17) < 0.05, `badge ${root.badge}px against ${base.badge}px`);
  // Small print around it does not shrink it below 15px.
  const small = await sizes("body { font-size: 10px }");
  await small.close();
  assert.ok(Math.abs(small.title - 15 * 1.07) < 0.5, `small print around: ${small.title}px`);
  // Still set outright by the custom property.
  const fixed = await sizes("incident-banner { --ib-font-size: 20px }");
  await fixed.close();
  assert.ok(Math.abs(fixed.title - 20 * 1.07) < 0.5, `--ib-font-size: ${fixed.title}px`);
});

test("at 200 % text on a 320 px wide window the page does not scroll sideways, and facts keep their width", async () => {
  const narrow = await sizes("html { font-size: 200% } body { font-size: 1rem }", { width: 320, height: 640 });
  await narrow.page.screenshot({ path: SCREENSHOTS + "agency-200-percent-320px.png" });
  await narrow.close();
  assert.ok(narrow.scrollWidth <= narrow.width, `scroll width ${narrow.scrollWidth} > ${narrow.width}`);
  // Each fact's value keeps most of the banner's width (its label above it), instead of a
  // sliver that breaks words into syllables.
  assert.ok(narrow.factWidth > 0.6, `a fact's value is ${Math.round(narrow.factWidth * 100)} % of the banner's width`);
  assert.ok(narrow.bannerHeight < 1500, `banner ${narrow.bannerHeight}px tall`);
});

test("under forced colours the severity badge keeps a visible border", async () => {
  const { page, close } = await open(env, "/agency.html");
  await page.emulateMedia({ forcedColors: "active" });
  await rendered(page, "incident-banner");
  const badge = await page.evaluate(() => {
    const s = getComputedStyle(document.querySelector("incident-banner").shadowRoot.querySelector(".badge"));
    return { width: s.borderTopWidth, style: s.borderTopStyle, color: s.borderTopColor, background: s.backgroundColor };
  });
  await page.screenshot({ path: SCREENSHOTS + "agency-forced-colors.png" });
  await close();
  assert.equal(badge.style, "solid");
  assert.equal(badge.width, "1px");
  assert.notEqual(badge.color, badge.background, "the border differs from the (forced) background");
});
