// What a reader sees, in Chromium, Firefox and WebKit (WebKitGTK: Safari's engine family):
// the demo pages' texts, durations, roles and zones in Korean and English, the strict CSP,
// the hostile stylesheet and feeds, the head snippet, keyboard dismissal, the stale notice,
// the timeline's page buttons, the phone layout, the fallback, text size, one huge string,
// and axe-core. Screenshots of each engine go to screenshots/<page>-<engine>.png.
//
// The other test files go deeper in Chromium alone, where playwright-core can also fake the
// clock (polling, back-off and the resilience sequences) and emulate forced colours; the
// drivers used here for Firefox (WebDriver BiDi) and WebKit (WebDriver classic) cannot, so
// those stay Chromium-only. Here a pinned clock is the probe's (see engines.mjs).
import { describe, test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { ENGINES, launch, startSite } from "./engines.mjs";
import { SCREENSHOTS } from "./helpers.mjs";
import { feedBody, ok, status } from "./faults.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** In the page: has the element matching `s` rendered something other than "loading"? */
const rendered = (s) => {
  const root = document.querySelector(s)?.shadowRoot;
  return !!root && !!root.querySelector("section, .error, .notice:not(:empty)") && !/불러오는 중|Loading/.test(root.textContent);
};
/** In the page: the texts of `inner` in the shadow root of `host`. */
const texts = ([host, inner]) => [...document.querySelector(host).shadowRoot.querySelectorAll(inner)].map((n) => n.textContent);
/** In the page: the services tables' rows, cell by cell. */
const rows = (host) => [...document.querySelector(host).shadowRoot.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent));

/**
 * In the page: the first chart of the timeline with cards, as a reader sees it: its role and
 * name, each service's bar in px from the axis's left end (and the axis's width), and the
 * axis labels shown, with their left and right edges.
 */
const chartGeometry = () => {
  const chart = document.querySelector("incident-timeline:not([view])").shadowRoot.querySelector("figure.chart");
  chart.scrollIntoView();
  const axis = chart.querySelector("svg.axis").getBoundingClientRect();
  const bars = [...chart.querySelectorAll(".lane")].filter((l) => l.querySelector(".service")).map((l) => {
    const r = l.querySelector("rect").getBoundingClientRect();
    return [l.querySelector(".service").textContent, Math.round(r.left - axis.left), Math.round(r.right - axis.left)];
  });
  const labels = [...chart.querySelectorAll("svg.axis text")].filter((t) => getComputedStyle(t).display !== "none")
    .map((t) => { const r = t.getBoundingClientRect(); return [t.textContent, r.left - axis.left, r.right - axis.left]; });
  return { role: chart.getAttribute("role"), name: chart.getAttribute("aria-label"), width: axis.width, bars, labels,
    sideways: document.scrollingElement.scrollWidth - innerWidth };
};

/** Nothing went wrong on the page: no console errors, uncaught errors, dialogs or CSP violations. */
async function quiet(page, { warnings = false } = {}) {
  const probe = await page.probe();
  assert.deepEqual(probe.errors, [], "uncaught errors");
  assert.deepEqual(probe.dialogs, [], "dialogs (a feed's script ran)");
  assert.deepEqual(probe.csp, [], "CSP violations");
  assert.deepEqual(probe.console.filter((m) => m.type === "error" || (!warnings && m.type === "warn")), [], "console");
}

for (const engine of ENGINES) {
  describe(engine, () => {
    let browser, site;
    before(async () => { site = await startSite(); browser = await launch(engine); });
    after(async () => { await browser?.close(); site?.close(); });
    // A failed assertion skips its test's page.close(): the next test needs the session.
    afterEach(async () => { await browser?.closePages(); site?.release(); });
    const open = async (path, size) => browser.open(site.base + path, size);
    const shot = (page, name, fullPage = true) => page.screenshot(`${SCREENSHOTS}${name}-${engine}.png`, fullPage);

    test("agency page: the critical outage's banner and timeline", async () => {
      const page = await open("/agency.html");
      await page.waitFor(rendered, "incident-banner");
      await page.waitFor(rendered, "incident-timeline");
      assert.deepEqual(await page.eval(texts, ["incident-banner", ".badge, .title, .timing"]),
        ["심각 · 장애", "행정전산망 장애: 민원서류 발급 차질", "2일 10시간째"]);
      assert.equal(await page.eval(() => document.querySelector("incident-banner").shadowRoot.querySelector(".head").getAttribute("role")), "alert");
      const facts = await page.eval(texts, ["incident-banner", "dd"]);
      assert.equal(facts[0], "새올행정시스템, 렌트홈");
      assert.equal(facts[1], "2023년 11월 20일 (월) 오전 9시 KST · 월요일 중 정상화 목표");
      assert.match(facts[2], /^11월 19일 오후 2시 45분 — 정보관리원에/);
      assert.deepEqual((await page.eval(rows, "incident-timeline"))[1], ["정부24", "접속 불가", "오후 1시 55분", "11월 18일 오전 9시", "19시간 5분"]);
      assert.deepEqual(await page.eval(texts, ["incident-timeline", "thead th"]),
        ["서비스", "상태", "장애 시작 (KST)", "복구 (KST)", "지속 시간"]);
      // Seen, not only present: the title has a box and is not hidden.
      assert.ok(await page.eval(() => document.querySelector("incident-banner").shadowRoot.querySelector(".title").getClientRects().length > 0));
      await shot(page, "agency");
      await quiet(page);
      await page.close();
    });

    test("news page: two publishers' feeds merged, newest first, with recurrence", async () => {
      const page = await open("/news.html");
      await page.waitFor(() => document.querySelector("incident-timeline")?.shadowRoot?.querySelectorAll("article").length === 3, null, "three incidents");
      assert.deepEqual(await page.eval(texts, ["incident-timeline", "h2"]), ["2023년 7월 18일 (화)", "2023년 5월 8일 (월)"]);
      assert.deepEqual(await page.eval(texts, ["incident-timeline", "h3"]),
        ["카카오톡 PC버전·다음 로그인 장애", "고용24·워크넷·고용보험 접속 장애", "카카오톡 메시지 송수신 지연 (5월, 데모용 요약)"]);
      const table = await page.eval(rows, "incident-timeline");
      assert.deepEqual(table[0], ["카카오톡 PC버전지난 90일 동안 2번째 장애", "일부 장애", "오전 10시 54분", "오후 12시 20분", "1시간 26분"]);
      assert.deepEqual(table[2], ["고용24", "접속 불가", "오전 9시 15분", "오전 11시 57분", "2시간 42분"]);
      // Each incident is named by its heading.
      assert.deepEqual(await page.eval(() => [...document.querySelector("incident-timeline").shadowRoot.querySelectorAll("article")]
        .map((a) => a.getRootNode().getElementById(a.getAttribute("aria-labelledby"))?.textContent)),
      ["카카오톡 PC버전·다음 로그인 장애", "고용24·워크넷·고용보험 접속 장애", "카카오톡 메시지 송수신 지연 (5월, 데모용 요약)"]);
      // The chronology beside it: one story across both publishers, in time order.
      await page.waitFor(() => document.querySelector("incident-timeline[view=chronology]")?.shadowRoot?.querySelectorAll(".entry").length > 8, null, "the chronology");
      const july = await page.eval(() => [...document.querySelector("incident-timeline[view=chronology]").shadowRoot.querySelectorAll("section.day")][1]
        .querySelectorAll(".entry")[0].querySelector("time").textContent);
      assert.equal(july, "오전 9시 15분");
      await shot(page, "news");
      await quiet(page);
      await page.close();
    });

    test("news page: the chart puts 고용24 (09:15–11:57) and KakaoTalk (10:54–12:20) on one axis; its labels never collide", async () => {
      const large = "html { font-size: 200% } body { font-size: 1rem }";
      for (const [name, size, css] of [["wide", undefined, ""], ["phone", { width: 360, height: 740 }, ""], ["phone-200-percent", { width: 360, height: 740 }, large]]) {
        const page = await open("/news.html", size);
        if (css) await page.eval((c) => { const s = new CSSStyleSheet(); s.replaceSync(c); document.adoptedStyleSheets = [s]; }, css);
        await page.waitFor(rendered, "incident-timeline");
        // Each feed is drawn as it arrives: wait for both publishers' incidents.
        await page.waitFor(() => document.querySelector("incident-timeline").shadowRoot.querySelectorAll("article").length === 3, null, "three incidents");
        const g = await page.eval(chartGeometry);
        assert.equal(g.role, "img");
        assert.match(g.name, /^장애 시간 그래프 \(KST 기준\)\. .*고용24 접속 불가 · 오전 9시 15분~오전 11시 57분 · 2시간 42분; .*카카오톡 PC버전 일부 장애 · 오전 10시 54분~오후 12시 20분 · 1시간 26분/);
        // The axis runs 09:00–13:00: 240 minutes.
        const at = (minutes) => (minutes / 240) * g.width;
        const bar = (service) => g.bars.find(([s]) => s === service);
        for (const [service, from, until] of [["고용24", 15, 177], ["카카오톡 PC버전", 114, 200]]) {
          const [, left, right] = bar(service);
          assert.ok(Math.abs(left - at(from)) <= 2 && Math.abs(right - at(until)) <= 2,
            `${name}: ${service} drawn ${left}–${right}px, expected ${Math.round(at(from))}–${Math.round(at(until))}px of ${g.width}px`);
        }
        assert.equal(g.bars.length, 7, "five services of 고용노동부, two of Kakao");
        assert.ok(g.labels.length >= 2, `${name}: ${JSON.stringify(g.labels)}`);
        assert.deepEqual(g.labels.map(([t]) => t).filter((t) => t === "9시" || t === "13시"), ["9시", "13시"], `${name}: both ends labelled`);
        g.labels.forEach(([text, left, right], i) => {
          assert.ok(left >= -2 && right <= g.width + 2, `${name}: ${text} (${left}–${right}) leaves the chart (${g.width}px)`);
          if (i > 0) assert.ok(left >= g.labels[i - 1][2], `${name}: ${text} collides with ${g.labels[i - 1][0]}: ${JSON.stringify(g.labels)}`);
        });
        assert.ok(g.sideways <= 0, `${name}: the page scrolls sideways by ${g.sideways}px`);
        if (name !== "wide") await page.eval(() => document.querySelector("incident-timeline:not([view])").shadowRoot.querySelector("figure.chart").scrollIntoView());
        await shot(page, `news-chart-${name}`, false);
        await quiet(page);
        await page.close();
      }
    });

    test("maintenance page: upcoming work is a polite status with its start and end", async () => {
      const page = await open("/agency-maintenance.html");
      await page.waitFor(rendered, "incident-banner");
      assert.equal(await page.eval(() => document.querySelector("incident-banner").shadowRoot.querySelector(".head").getAttribute("role")), "status");
      assert.deepEqual(await page.eval(texts, ["incident-banner", ".badge, .timing"]),
        ["경미 · 정기 점검", "시작 예정: 2023년 11월 25일 (토) 오전 12시 KST"]);
      assert.deepEqual((await page.eval(texts, ["incident-banner", "dd"])).slice(0, 2), ["정부24, 새올행정시스템", "2023년 11월 25일 (토) 오전 6시 KST"]);
      await quiet(page);
      await page.close();
    });

    test("English, and every time with its zone, the same in each engine's Intl", async () => {
      const page = await open("/agency-en.html");
      await page.waitFor(rendered, "incident-banner");
      await page.waitFor(rendered, "incident-timeline");
      assert.deepEqual(await page.eval(texts, ["incident-banner", ".badge, .title, .timing"]),
        ["Critical · Outage", "Government network outage: civil documents delayed", "for 2 d 10 h"]);
      assert.equal((await page.eval(texts, ["incident-timeline", "h2"]))[0], "Fri 17 Nov 2023");
      // Other zones' names come from the engine's Intl: they must read the same everywhere.
      for (const [zone, day, head, lang] of [
        ["America/Los_Angeles", "Thu 16 Nov 2023", "Failed (PST)", "en"],
        ["Europe/London", "Thu 16 Nov 2023", "Failed (GMT)", "en"],
        ["America/Los_Angeles", "2023년 11월 16일 (목)", "장애 시작 (PST)", "ko"],
        ["Asia/Kolkata", "2023년 11월 17일 (금)", "장애 시작 (UTC+5:30)", "ko"],
      ]) {
        await page.eval(([z, l]) => { const el = document.querySelector("incident-timeline"); el.setAttribute("lang", l); el.setAttribute("time-zone", z); }, [zone, lang]);
        assert.equal((await page.eval(texts, ["incident-timeline", "h2"]))[0], day, zone);
        assert.equal((await page.eval(texts, ["incident-timeline", "thead th"]))[2], head, zone);
      }
      await shot(page, "agency-en");
      await quiet(page);
      await page.close();
    });

    test("hostile page: host CSS cannot hide the widget, feed markup stays text, broken feeds say why", async () => {
      const page = await open("/hostile.html");
      for (const id of ["#xss", "#xss-timeline", "#not-json", "#no-offset", "#missing"]) await page.waitFor(rendered, id);
      const seen = await page.eval(() => {
        const root = document.querySelector("#xss").shadowRoot;
        const s = getComputedStyle(root.querySelector(".title"));
        const box = document.querySelector("#xss").getBoundingClientRect();
        return { color: s.color, size: parseFloat(s.fontSize), height: box.height, width: box.width,
          dangerous: ["#xss", "#xss-timeline"].map((h) => document.querySelector(h).shadowRoot.querySelectorAll("img, script, style, b").length),
          hrefs: ["#xss", "#xss-timeline"].flatMap((h) => [...document.querySelector(h).shadowRoot.querySelectorAll("a:not(.permalink)")].map((a) => a.getAttribute("href"))) };
      });
      assert.equal(seen.color, "rgb(27, 31, 36)");
      assert.ok(seen.size >= 15, `font size ${seen.size}`);
      assert.ok(seen.height > 40 && seen.width > 200, `banner ${seen.width}×${seen.height}`);
      assert.deepEqual(seen.dangerous, [0, 0]);
      assert.deepEqual(seen.hrefs, ["https://www.gov.kr"]);
      assert.deepEqual(await page.eval(texts, ["#xss", ".title"]), ["<img src=x onerror=alert(1)>"]);
      assert.deepEqual(await page.eval(texts, ["#not-json", ".error"]), ["장애 정보 형식이 올바르지 않습니다."]);
      assert.deepEqual(await page.eval(texts, ["#no-offset", ".error"]), ["1건의 항목을 표시하지 못했습니다"]);
      assert.deepEqual(await page.eval(texts, ["#missing", ".error"]), ["Could not load incident information (server answered 404)."]);
      const warnings = (await page.probe()).console.filter((m) => m.type === "warn").map((m) => m.text);
      assert.ok(warnings.some((w) => w.includes("no-offset.json") && w.includes("has no UTC offset")), warnings.join("\n"));
      await shot(page, "hostile");
      await quiet(page, { warnings: true });
      await page.close();
    });

    test("head snippet: docked over the bottom of the window when there is something to announce", async () => {
      const page = await open(`/snippet.html?now=${encodeURIComponent("2023-11-19T18:40:00+09:00")}`);
      await page.waitFor(() => document.body.firstElementChild?.localName === "incident-banner", null, "the inserted banner");
      await page.waitFor(rendered, "incident-banner");
      const placed = await page.eval(() => ({ bottom: document.querySelector("incident-banner").getBoundingClientRect().bottom, window: innerHeight }));
      assert.ok(Math.abs(placed.bottom - placed.window) < 1, `docked: ${JSON.stringify(placed)}`);
      assert.deepEqual(await page.eval(texts, ["incident-banner", ".badge, .timing"]), ["심각 · 장애", "2일 10시간째"]);
      await shot(page, "snippet", false);
      await quiet(page);
      await page.goto(site.base + "/snippet-quiet.html");
      await page.waitFor(() => customElements.get("incident-banner") !== undefined, null, "the module loaded");
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(await page.eval(() => document.querySelectorAll("incident-banner").length), 0, "nothing to announce: no banner");
      await page.close();
    });

    test("closing the banner by keyboard: Enter on the button, or Escape inside it; focus goes on", async () => {
      for (const [start, key] of [["[data-dismiss]", "Enter"], ["a", "Escape"]]) {
        const page = await open("/agency.html");
        await page.waitFor(rendered, "incident-banner");
        await page.eval((s) => document.querySelector("incident-banner").shadowRoot.querySelector(s).focus(), start);
        await page.press(key);
        await page.waitFor(() => !document.querySelector("incident-banner").shadowRoot.querySelector(".title"), null, `closed by ${key}`);
        assert.equal(await page.eval(() => document.activeElement?.textContent), "행정안전부 (데모)", `after ${key}`);
        await page.close();
      }
    });

    test("a failing update keeps the last good data on screen, marked stale", async () => {
      const path = `/feed/stale-${engine}.json`;
      site.script(path, [ok(feedBody({ title: "저장된 장애" }))]);
      const page = await open("/pages/blank.html");
      const add = (src) => {
        const el = document.createElement("incident-banner");
        el.setAttribute("src", src); el.setAttribute("now", "2023-11-19T18:40:00+09:00");
        document.querySelector("#slot").append(el);
      };
      await page.eval(add, path);
      await page.waitFor(rendered, "incident-banner");
      assert.deepEqual(await page.eval(texts, ["incident-banner", ".title"]), ["저장된 장애"]);
      // The next visit finds the feed failing: the stored data stays, with a note saying so.
      site.script(path, [status(503)]);
      await page.goto(site.base + "/pages/blank.html");
      await page.eval(add, path);
      // First the stored feed, with a note that it is being checked; then the failure.
      await page.waitFor(() => /업데이트 실패|불러오지 못했습니다/.test(document.querySelector("incident-banner")?.shadowRoot?.querySelector(".error")?.textContent),
        null, "the note that the update failed");
      assert.deepEqual(await page.eval(texts, ["incident-banner", ".title"]), ["저장된 장애"]);
      assert.match((await page.eval(texts, ["incident-banner", ".error"]))[0], /업데이트 실패|불러오지 못했습니다/);
      await page.close();
    });

    test("archive page: the page buttons by keyboard", async () => {
      const page = await open("/archive.html");
      await page.waitFor(rendered, "incident-timeline");
      const count = () => page.eval(() => document.querySelector("incident-timeline").shadowRoot.querySelectorAll("h3").length);
      const first = await count();
      assert.ok(first > 5 && first <= 20, `a page of ${first}`);
      const press = async (button) => {
        await page.eval((b) => document.querySelector("incident-timeline").shadowRoot.querySelector(`[data-${b}]`).focus(), button);
        await page.press("Enter");
      };
      await press("more");
      await page.waitFor((n) => document.querySelector("incident-timeline").shadowRoot.querySelectorAll("h3").length > n, first, "a second page");
      assert.equal(await page.eval(() => document.querySelector("incident-timeline").shadowRoot.activeElement?.getAttribute("part")), "incident",
        "reading goes on at the second page's first incident");
      await press("more");
      await page.waitFor(() => document.querySelector("incident-timeline").shadowRoot.querySelector("[data-newer]"), null, "the newer button");
      assert.equal(await page.eval(texts, ["incident-timeline", "[data-newer]"]).then((t) => t[0]), `최근 사건 보기 (${first}건 남음)`);
      await press("newer");
      await page.waitFor(() => !document.querySelector("incident-timeline").shadowRoot.querySelector("[data-newer]"), null, "back to the newest");
      assert.equal(await count(), 2 * first);
      await quiet(page);
      await page.close();
    });

    test("on a phone: the services table is a block per service, and nothing scrolls sideways", async () => {
      const page = await open("/agency.html", { width: 360, height: 740 });
      await page.waitFor(rendered, "incident-timeline");
      const table = await page.eval(() => {
        const t = document.querySelector("incident-timeline").shadowRoot.querySelector("table.impacts");
        t.scrollIntoView();
        const row = t.querySelector("tbody tr");
        return { sideways: t.scrollWidth - t.parentElement.clientWidth, page: document.scrollingElement.scrollWidth - innerWidth,
          labels: [...row.querySelectorAll("td")].map((td) => getComputedStyle(td, "::before").content),
          stacked: [...row.children].every((c, i, all) => i === 0 || c.getBoundingClientRect().top > all[i - 1].getBoundingClientRect().top) };
      });
      assert.equal(table.sideways, 0);
      assert.ok(table.page <= 0, `the page scrolls sideways by ${table.page}px`);
      assert.ok(table.stacked, "one line each, top to bottom");
      // Each value's column name drawn before it, with empty alternative text. Chromium and
      // WebKit compute the label (`"상태" / ""`); Firefox reports the rule (`attr(data-label) / ""`).
      table.labels.forEach((l, i) => assert.match(l,
        new RegExp(`^("${["상태", "장애 시작 \\(KST\\)", "복구 \\(KST\\)", "지속 시간"][i]}"|attr\\(data-label\\)) / ""$`), l));
      await shot(page, "agency-phone", false);
      await page.close();
    });

    test("the element's own content is its fallback while there is no feed", async () => {
      const page = await open("/fallback.html");
      await page.waitFor(rendered, "#live");
      await page.waitFor(() => document.querySelector("#unreachable").shadowRoot?.querySelector(".error"), null, "the error line");
      const seen = await page.eval(() => {
        const fallback = (id) => document.querySelector(`#${id} .static-notice`);
        const root = (id) => document.querySelector(`#${id}`).shadowRoot;
        return { live: fallback("live").getClientRects().length > 0, unreachable: fallback("unreachable").getClientRects().length > 0,
          below: fallback("unreachable").getBoundingClientRect().top >= root("unreachable").querySelector(".error").getBoundingClientRect().bottom };
      });
      assert.deepEqual(seen, { live: false, unreachable: true, below: true });
      await shot(page, "fallback");
      await page.close();
      // While the feed is on its way (never answered here), the fallback shows, not "불러오는 중".
      site.hold("/feeds/mois-2023-11.json");
      const slow = await open("/fallback.html");
      await slow.waitFor(() => document.querySelector("#unreachable").shadowRoot?.querySelector(".error"), null, "the error line");
      assert.equal(await slow.eval(() => document.querySelector("#live .static-notice").getClientRects().length > 0), true);
      assert.doesNotMatch(await slow.eval(() => document.querySelector("#live").shadowRoot.textContent), /불러오는 중/);
      await slow.close();
      site.release();
      // When the wasm cannot be had, the elements are never defined: the page's content stays.
      site.refuse("/dist/incident-banner_bg.wasm");
      const broken = await open("/fallback.html");
      await broken.waitFor(() => window.__probe.console.some((m) => m.text.includes("could not start")), null, "the module's warning");
      assert.deepEqual(await broken.eval(() => ({ defined: !!customElements.get("incident-banner"), shadow: !!document.querySelector("#live").shadowRoot,
        fallback: document.querySelector("#live .static-notice").getClientRects().length > 0 })), { defined: false, shadow: false, fallback: true });
      await broken.close();
      site.release();
    });

    test("an archived article: the copy in its data block, kept when the live feed is gone", async () => {
      site.refuse("/feeds/news-2023-07-18.json");
      const page = await open("/article.html");
      await page.waitFor(() => /업데이트 실패/.test(document.querySelector("incident-timeline")?.shadowRoot?.querySelector(".error")?.textContent ?? ""),
        null, "the note that the live feed failed");
      assert.deepEqual(await page.eval(texts, ["incident-timeline", "h3"]),
        ["카카오톡 PC버전·다음 로그인 장애", "고용24·워크넷·고용보험 접속 장애", "카카오톡 메시지 송수신 지연 (5월, 데모용 요약)"]);
      assert.equal(await page.eval(() => document.querySelector("incident-timeline .ib-static").getClientRects().length), 0, "the fallback hidden");
      await shot(page, "article");
      await quiet(page, { warnings: true });
      await page.close();
    });

    test("text follows the page's size; at 200 % on 320 px nothing scrolls sideways", async () => {
      const sizes = async (css, size) => {
        const page = await open("/agency.html", size);
        await page.eval((c) => { const s = new CSSStyleSheet(); s.replaceSync(c); document.adoptedStyleSheets = [s]; }, css);
        await page.waitFor(rendered, "incident-banner");
        const seen = await page.eval(() => {
          const root = document.querySelector("incident-banner").shadowRoot;
          const banner = root.querySelector(".banner").getBoundingClientRect();
          return { title: parseFloat(getComputedStyle(root.querySelector(".title")).fontSize), sideways: document.scrollingElement.scrollWidth - innerWidth,
            fact: root.querySelector("dl.facts dd").getBoundingClientRect().width / banner.width, height: banner.height };
        });
        return { ...seen, page };
      };
      const base = await sizes("");
      await base.page.close();
      const large = await sizes("html { font-size: 200% } body { font-size: 1rem }");
      await large.page.close();
      assert.ok(Math.abs(large.title / base.title - 32 / 17) < 0.05, `200 %: ${large.title}px against ${base.title}px`);
      const body = await sizes("body { font-size: 24px }");
      await body.page.close();
      assert.ok(Math.abs(body.title / base.title - 24 / 17) < 0.05, `body 24px: ${body.title}px against ${base.title}px`);
      const narrow = await sizes("html { font-size: 200% } body { font-size: 1rem }", { width: 320, height: 640 });
      assert.ok(narrow.sideways <= 0, `the page scrolls sideways by ${narrow.sideways}px`);
      assert.ok(narrow.fact > 0.6, `a fact's value is ${Math.round(narrow.fact * 100)} % of the banner's width`);
      await shot(narrow.page, "agency-200-percent-320px", false);
      await narrow.page.close();
    });

    test("a 50,000-character title and a 70,000-character update: a bounded banner, within a second", async () => {
      const title = "가".repeat(50_000);
      const body = JSON.parse(feedBody({ title }));
      body.incidents[0].updates[0].text = "업데이트".repeat(70_000 / 4);
      site.script("/feed/huge.json", [ok(JSON.stringify(body))]);
      const page = await open("/pages/blank.html");
      await page.eval(() => customElements.whenDefined("incident-banner"));
      const took = await page.eval(async () => {
        const t0 = performance.now();
        for (const tag of ["incident-banner", "incident-timeline"]) {
          const el = document.createElement(tag);
          el.setAttribute("src", "/feed/huge.json"); el.setAttribute("now", "2023-11-19T18:40:00+09:00");
          document.querySelector("#slot").append(el);
        }
        const done = () => ["incident-banner", "incident-timeline"].every((t) => document.querySelector(t).shadowRoot?.querySelector(".title, h3"));
        while (!done()) await new Promise((r) => setTimeout(r, 5));
        // ... and laid out.
        document.body.getBoundingClientRect();
        return performance.now() - t0;
      });
      assert.ok(took < 1000, `rendered in ${Math.round(took)} ms`);
      const seen = await page.eval(() => ({
        banner: document.querySelector("incident-banner").getBoundingClientRect().height,
        sideways: document.scrollingElement.scrollWidth - innerWidth,
        timelineTitle: document.querySelector("incident-timeline").shadowRoot.querySelector("h3").textContent.length,
      }));
      assert.ok(seen.banner < 400, `banner ${seen.banner}px tall`);
      assert.ok(seen.sideways <= 0, `the page scrolls sideways by ${seen.sideways}px`);
      assert.equal(seen.timelineTitle, 50_000, "the whole title is reachable in the timeline");
      await page.close();
    });

    test("dark scheme: a light page keeps a light widget; a page that can be dark gets dark colours and a visible focus ring", async () => {
      const dark = await launch(engine, { dark: true });
      try {
        const page = await dark.open(site.base + "/agency.html");
        await page.waitFor(rendered, "incident-banner");
        await page.waitFor(rendered, "incident-timeline");
        const background = () => page.eval(() => getComputedStyle(document.querySelector("incident-banner").shadowRoot.querySelector(".banner")).backgroundColor);
        // The agency page says nothing of colour schemes: a dark widget in it would look broken.
        assert.equal(await background(), "rgb(255, 255, 255)", "light in a light page, whatever the system");
        await page.eval(() => document.querySelector("incident-banner").setAttribute("theme", "dark"));
        await page.waitFor(() => getComputedStyle(document.querySelector("incident-banner").shadowRoot.querySelector(".banner")).backgroundColor === "rgb(22, 27, 34)", null, "theme=dark");
        await page.eval(() => document.querySelector("incident-banner").setAttribute("theme", "light"));
        await page.eval(() => { const s = new CSSStyleSheet(); s.replaceSync(":root { color-scheme: light dark }"); document.adoptedStyleSheets = [s]; });
        await page.waitFor(() => getComputedStyle(document.querySelector("incident-banner").shadowRoot.querySelector(".banner")).backgroundColor === "rgb(255, 255, 255)", null, "theme=light");
        // A page that can be dark, and theme="auto" (the default): the system's dark.
        await page.eval(() => { document.querySelector("incident-banner").removeAttribute("theme"); document.querySelector("incident-timeline").setAttribute("theme", "auto"); });
        await page.eval(() => document.querySelector("incident-banner").shadowRoot.querySelector("[data-dismiss]").focus());
        const seen = await page.eval(() => {
          const root = document.querySelector("incident-banner").shadowRoot;
          const button = root.querySelector("[data-dismiss]");
          const s = getComputedStyle(button);
          return { dark: matchMedia("(prefers-color-scheme: dark)").matches,
            banner: getComputedStyle(root.querySelector(".banner")).backgroundColor,
            title: getComputedStyle(root.querySelector(".title")).color,
            timeline: getComputedStyle(document.querySelector("incident-timeline").shadowRoot.querySelector(".timeline")).backgroundColor,
            focused: root.activeElement === button, ring: [s.outlineStyle, parseFloat(s.outlineWidth)] };
        });
        assert.equal(seen.dark, true, "the browser is in the dark scheme");
        assert.equal(seen.banner, "rgb(22, 27, 34)");
        assert.equal(seen.title, "rgb(230, 237, 243)");
        assert.equal(seen.timeline, "rgb(22, 27, 34)");
        assert.equal(seen.focused, true);
        assert.deepEqual(seen.ring, ["solid", 3], "the focus ring is drawn");
        await shot(page, "agency-dark", false);
        await page.close();
      } finally {
        await dark.close();
      }
    });

    test("page modes: KRDS high contrast and Bootstrap's dark, followed when the page switches", async () => {
      const page = await open("/agency.html");
      await page.waitFor(rendered, "incident-banner");
      await page.waitFor(rendered, "incident-timeline");
      const colours = () => page.eval(() => {
        const style = (host, s) => getComputedStyle(document.querySelector(host).shadowRoot.querySelector(s));
        return [style("incident-banner", ".banner").backgroundColor, style("incident-banner", ".title").color,
          style("incident-timeline", ".timeline").backgroundColor];
      });
      const background = (colour) => page.waitFor((c) => getComputedStyle(document.querySelector("incident-banner").shadowRoot.querySelector(".banner")).backgroundColor === c, colour, colour);
      assert.deepEqual(await colours(), ["rgb(255, 255, 255)", "rgb(27, 31, 36)", "rgb(255, 255, 255)"]);
      await page.eval(() => document.documentElement.setAttribute("data-krds-mode", "high-contrast"));
      await background("rgb(0, 0, 0)");
      assert.deepEqual(await colours(), ["rgb(0, 0, 0)", "rgb(255, 255, 255)", "rgb(0, 0, 0)"], "high contrast: white on black");
      await shot(page, "agency-high-contrast", false);
      await page.eval(() => { document.documentElement.removeAttribute("data-krds-mode"); document.documentElement.setAttribute("data-bs-theme", "dark"); });
      await background("rgb(22, 27, 34)");
      await page.eval(() => document.documentElement.setAttribute("data-bs-theme", "light"));
      await background("rgb(255, 255, 255)");
      await quiet(page);
      await page.close();
    });

    for (const [name, path, size] of [["agency", "/agency.html"], ["news", "/news.html"], ["phone", "/agency.html", { width: 360, height: 740 }]]) {
      test(`axe-core: ${name} page, no violations`, async () => {
        const page = await open(path, size);
        await page.waitFor(() => [...document.querySelectorAll("incident-banner, incident-timeline")].every((e) =>
          e.shadowRoot?.querySelector("section, .error") && !/불러오는 중/.test(e.shadowRoot.textContent)), null, "every widget rendered");
        await page.inject(axeSource);
        const result = await page.eval(async () => {
          const r = await window.axe.run({ include: [...document.querySelectorAll("incident-banner, incident-timeline")] }, {
            runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
            rules: { "page-has-heading-one": { enabled: false }, "landmark-one-main": { enabled: false }, region: { enabled: false } },
          });
          return { violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`), passes: r.passes.length };
        });
        assert.ok(result.passes > 5, `axe ran (${result.passes} passed)`);
        assert.deepEqual(result.violations, []);
        await page.close();
      });
    }
  });
}
