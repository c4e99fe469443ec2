//! The widget's stylesheet: one constructable sheet shared by every shadow root, so pages
//! whose CSP forbids inline styles still work and host CSS never reaches inside.

use super::local::Local;

use core::cell::OnceCell;
use web_sys::{CssStyleSheet, ShadowRoot};

/// On a phone (a window up to 480 px wide) the services table becomes one block per service,
/// each value after its column's name (`data-label`): five columns do not fit, and sideways
/// scrolling hid the recovery time and duration. The header row stays for screen readers,
/// and the table keeps its roles in the markup (engines drop a `display: block` table's), so
/// each value is heard once with its column's header; the label drawn before it has empty
/// alternative text (`/ ""`), so it is not heard a second time, run into the value.
///
/// `:host` declarations are `!important` on purpose: inside a shadow tree's own context,
/// important declarations beat even a host page's `* { display: none !important }`. That
/// also beats a page's own `min-height`, so reserving space goes through `--ib-min-height`.
///
/// Times and durations use tabular figures where the font has them.
///
/// Sizes are in `em` of the surrounding text (15 px where it is 16 px), so a page's text-size
/// control and the reader's default font size enlarge the widget with the page; never below
/// 15 px, so a page's small print (or hostile CSS: `* { font-size: 4px }`) cannot shrink it
/// out of reading. `--ib-font-size` still sets it outright. When the banner is narrow for its text (under
/// 20 em: a phone at large text), each fact's label goes above its value instead of
/// squeezing it into a sliver; Korean words are kept whole (`keep-all`), and only tokens too
/// long for a line break anywhere. Under forced colours (Windows high contrast) the
/// badges and labels keep a border, since their background is removed; `prefers-contrast:
/// more` makes muted text and borders full strength.
///
/// Dark colours apply under the content's `dark` class, set by `scheme.rs` from the `theme`
/// attribute, the page's mode (KRDS, Bootstrap, Tailwind), its colour scheme and the system's
/// (`view::scheme`), not by a media query alone: a light article in a dark system keeps a
/// light widget. A page in KRDS's high-contrast mode adds `contrast`: black, white text and
/// borders, bright tones with black badge text (text at least 7:1, the rest at least 3:1).
///
/// A `docked` banner (the head snippet's) sits over the bottom of the window, at most half its
/// height, so that arriving after the first paint it moves nothing on the page. Its content
/// carries the background, so a dark scheme (a class of the content, out of the host's
/// reach) darkens all of it, the banner's rounded corners included.
///
/// The banner's title is never clamped: it is the one line saying what is down (the view
/// model bounds a pathological one). The last fact, the latest update, is clamped to three
/// lines instead; the timeline has it whole.
///
/// A day's chart is a container, so the axis's labels thin out (ranks 1 and 2 hidden below 36
/// and 18 `em`, the numbers `view::chart` tests its labels against) before they could collide
/// at any width or text size. Bars differ in height and carry their words beside them, not
/// colour alone; under forced colours they are drawn in the text colour.
///
/// On paper (`@media print`) nothing is cut: no clamped update, no scrolling table, a docked
/// banner back in the flow; buttons are left out, links print their address, and incidents
/// and charts are not split across pages.
///
/// An incident a page button brings is scrolled to the top of the window, below
/// `--ib-scroll-margin` (a page's fixed header) and, when it opens its day, below the day's
/// heading too. A page's own `::part(incident) { scroll-margin-top }` would replace the
/// heading's share, hence the property.
/// What a banner needs: the host, colours, the banner, messages, docking, print and forced
/// colours for its parts.
const BANNER_CSS: &str = r#"
:host{all:initial!important;display:block!important;min-height:var(--ib-min-height,0)!important;visibility:visible!important;opacity:1!important;position:relative!important;
font:var(--ib-font-size,max(.9375em,15px))/1.5 var(--ib-font,system-ui,-apple-system,"Apple SD Gothic Neo","Malgun Gothic","Noto Sans KR","Noto Sans CJK KR",sans-serif)!important;
color:var(--ib-fg,#1b1f24)!important;text-align:start!important;word-break:keep-all!important;
--_bg:var(--ib-bg,#fff);--_fg:var(--ib-fg,#1b1f24);--_muted:var(--ib-muted,#3d444d);--_border:var(--ib-border,#d0d7de);
--_link:var(--ib-link,#0b57a4);--_gap:var(--ib-gap,10px);--_radius:var(--ib-radius,8px);
--_critical:var(--ib-critical,#b3261e);--_major:var(--ib-major,#b93a0b);--_minor:var(--ib-minor,#7a5600);
--_info:var(--ib-info,#1f5fa8);--_maintenance:var(--ib-maintenance,#5b3fa0);--_error-fg:#8c1d18;--_error-bg:#fdecea}
.dark{color:var(--ib-fg,#e6edf3);color-scheme:dark;
--_bg:var(--ib-bg,#161b22);--_fg:var(--ib-fg,#e6edf3);--_muted:var(--ib-muted,#aeb8c2);--_border:var(--ib-border,#3d444d);
--_link:var(--ib-link,#7cb7ff);--_error-fg:#ffb4ab;--_error-bg:#3b1512}
.contrast{color:var(--ib-fg,#fff);--_bg:var(--ib-bg,#000);--_fg:var(--ib-fg,#fff);--_muted:var(--ib-muted,#fff);--_border:var(--ib-border,#fff);
--_link:var(--ib-link,#ffd400);--_critical:#ff6b6b;--_major:#ff9e57;--_minor:#ffd400;--_info:#7cb7ff;--_maintenance:#c4a5ff;--_error-fg:#fff;--_error-bg:#000}
.contrast .badge{color:#000}.contrast .error{border:1px solid #fff}
*{box-sizing:border-box;margin:0;padding:0}
.tone-critical{--tone:var(--_critical)}.tone-major{--tone:var(--_major)}.tone-minor{--tone:var(--_minor)}
.tone-info{--tone:var(--_info)}.tone-maintenance{--tone:var(--_maintenance)}
.banner{border:1px solid var(--tone);border-inline-start:6px solid var(--tone);border-radius:var(--_radius);
background:var(--_bg);color:var(--_fg);padding:var(--_gap) calc(2.2em + 12px) var(--_gap) 14px;display:grid;gap:4px;position:relative;
container-type:inline-size}
.dismiss{position:absolute;top:6px;inset-inline-end:6px;width:2.2em;height:2.2em;border:1px solid transparent;border-radius:6px;
background:transparent;color:var(--_muted);font:1.333em/1 system-ui,sans-serif;cursor:pointer}
.dismiss:hover{border-color:var(--_border)}
.dismiss:focus-visible{outline:3px solid var(--_link);outline-offset:1px}
.live{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.head{display:flex;flex-wrap:wrap;gap:4px var(--_gap);align-items:baseline}
.badge{background:var(--tone);color:#fff;font-weight:700;font-size:.867em;border-radius:4px;padding:1px 7px;white-space:nowrap}
.title{font-weight:700;font-size:1.07em;color:var(--_fg);overflow-wrap:anywhere}
.banner .facts>div:last-child>dd{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden}
.title,.timing,dd,td,th,h3,.summary,li>span,li>a{unicode-bidi:isolate}
.timing,.more{color:var(--_muted);font-size:.93em}.timing{font-variant-numeric:tabular-nums}
.more{font-weight:600}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px var(--_gap);font-size:.93em}
dl.facts>div{display:contents}
dl.facts dt{color:var(--_muted);font-weight:600}
dl.facts dd{overflow-wrap:anywhere}
@container (max-width:20em){dl.facts{grid-template-columns:1fr;gap:0}dl.facts dd{margin-bottom:4px}}
a{color:var(--_link);text-decoration:underline}
a:focus-visible{outline:3px solid var(--_link);outline-offset:2px}
.notice,.not-shown{font-size:.93em;color:var(--_muted)}
.error{white-space:pre-line;font-size:.93em;color:var(--_error-fg);background:var(--_error-bg);border-radius:6px;padding:6px 10px;margin-top:4px}
:host([docked]){position:fixed!important;left:0!important;right:0!important;bottom:0!important;z-index:2147483646!important;
max-height:50vh!important;overflow:auto!important;box-shadow:0 -2px 10px rgba(0,0,0,.3)!important;background:var(--_bg)!important}
:host([docked]) .content{background:var(--_bg)}
slot.fallback[hidden]{display:none!important}
:host([variant=compact]){--ib-font-size:.875em;--ib-gap:6px}
:host([variant=compact]) .banner dl.facts{display:none}
@media (forced-colors:active){.badge{border:1px solid CanvasText}.banner{border-color:CanvasText}
.dismiss{border-color:ButtonText}a:focus-visible,.dismiss:focus-visible{outline-color:Highlight}}
@media print{:host{position:static!important;max-height:none!important;overflow:visible!important;box-shadow:none!important}
.dismiss{display:none}.banner .facts>div:last-child>dd{display:block;-webkit-line-clamp:none;overflow:visible}
a[href^="http"]:after{content:" <" attr(href) ">";font-size:.867em;overflow-wrap:anywhere}
*{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
@media (prefers-contrast:more){:host{--_muted:var(--ib-muted,var(--_fg));--_border:var(--ib-border,currentColor)}}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
"#;

/// The timeline, chronology and chart: only in the module that draws them (the banner
/// module's sheet is ~1.5 KB gzip smaller without them). Appended to [`BANNER_CSS`].
#[cfg(feature = "timeline")]
const TIMELINE_CSS: &str = r#"
.timeline{display:grid;gap:18px;color:var(--_fg);background:var(--_bg)}
.day h2{font-size:1em;color:var(--_muted);border-bottom:1px solid var(--_border);padding-bottom:4px;margin-bottom:var(--_gap)}
.day>h2+article{scroll-margin-top:calc(var(--ib-scroll-margin,0px) + 1.5em + 5px + var(--_gap))}
.incident{border-inline-start:5px solid var(--tone);padding:4px 0 4px 14px;display:grid;gap:8px;margin-bottom:14px;scroll-margin-top:var(--ib-scroll-margin,0px)}
.incident header{display:flex;flex-wrap:wrap;gap:4px 8px;align-items:center}
.incident h3{font-size:1.13em;flex-basis:100%;overflow-wrap:anywhere}
.permalink{color:var(--_muted);text-decoration:none;font-size:.93em;padding:0 4px}
.permalink:hover{text-decoration:underline}
.status{font-size:.867em;border:1px solid var(--_border);border-radius:4px;padding:0 6px;color:var(--_muted);white-space:nowrap}
.summary,.updates li>span:last-child{overflow-wrap:anywhere;white-space:pre-line}
h4{font-size:.93em;color:var(--_muted)}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;font-size:.93em;min-width:100%}
caption{text-align:start;color:var(--_muted);font-weight:600;padding-bottom:2px}
th,td{border-bottom:1px solid var(--_border);padding:4px 8px;text-align:start;vertical-align:top}
th{color:var(--_muted);font-weight:600;white-space:nowrap}td{font-variant-numeric:tabular-nums}
tbody th{color:var(--_fg)}
.recurrence{display:block;font-size:.8em;color:var(--_critical);white-space:normal}
ul,ol{padding-inline-start:20px;display:grid;gap:2px;font-size:.93em}
.updates time{font-variant-numeric:tabular-nums;color:var(--_muted);margin-inline-end:6px}
.chronology{display:grid;gap:14px;color:var(--_fg);background:var(--_bg)}
.entries{list-style:none;padding:0;gap:6px}
.entry{border-inline-start:4px solid var(--tone);padding-inline-start:10px;display:flex;flex-wrap:wrap;gap:2px 8px;align-items:baseline}
.entry time{font-variant-numeric:tabular-nums;font-weight:600;min-width:5.5em}
.entry .text{flex-basis:100%;overflow-wrap:anywhere;white-space:pre-line}
.entry .services,.entry .by{color:var(--_muted);font-size:.93em}
.entry .by:before{content:"— "}
.updates .status{margin-inline-end:6px}
.chart{display:grid;gap:3px;margin-bottom:14px;font-size:.93em;container-type:inline-size;--_track:#eef1f4}
.plot{position:relative;display:grid;gap:3px}.grid{position:absolute;inset:0;width:100%;height:100%;pointer-events:none;overflow:visible}
.chart-group>strong,.lane>strong,.lane>span{position:relative;background:var(--_bg)}
.dark .chart{--_track:#21262d}
.chart-group{margin-top:4px;border-inline-start:4px solid var(--tone);padding-inline-start:8px;overflow-wrap:anywhere}
.lane{display:flex;flex-wrap:wrap;gap:0 .5em;align-items:baseline}
.lane .service{font-weight:600;overflow-wrap:anywhere}
.lane .window{color:var(--_muted);font-size:.93em}
.track{display:block;flex-basis:100%;width:100%;height:.9em;background:var(--_track);border-radius:2px}
.bar{fill:var(--_critical)}.level-partial{fill:var(--_major)}.level-degraded{fill:var(--_minor)}
.level-maintenance{fill:var(--_maintenance);fill-opacity:.55;stroke:var(--_maintenance);stroke-dasharray:6 3;vector-effect:non-scaling-stroke}
.dark .bar{fill:#ff8a80}.dark .level-partial{fill:#ffab70}.dark .level-degraded{fill:#e3b341}.dark .level-maintenance{fill:#b79cff;stroke:#b79cff}
.bar.ongoing{fill-opacity:.75}
.midnight{stroke:var(--_muted);stroke-dasharray:3 2}.now{stroke:var(--_fg);stroke-width:2}.update{stroke:var(--_fg);stroke-width:2}
.axis{display:block;width:100%;height:2.2em;font-size:.8em;fill:var(--_muted)}
.axis line{stroke:var(--_muted)}.axis .day{font-weight:700;fill:var(--_fg)}
@container (max-width:36em){.axis .r1{display:none}}
@container (max-width:18em){.axis .r2{display:none}}
.chart-zone{color:var(--_muted);font-size:.867em}
.charts{display:grid;gap:14px;color:var(--_fg);background:var(--_bg)}
.copy{font:inherit;font-size:.867em;color:var(--_link);background:transparent;border:1px solid var(--_border);border-radius:4px;padding:0 6px;cursor:pointer}
.copy:focus-visible{outline:3px solid var(--_link);outline-offset:2px}
.updates[start]{list-style-position:inside;padding-inline-start:0}
.more-button{justify-self:start;font:inherit;font-weight:600;color:var(--_link);background:var(--_bg);border:1px solid var(--_border);
border-radius:6px;padding:6px 14px;cursor:pointer}
.more-button:focus-visible{outline:3px solid var(--_link);outline-offset:2px}
:host([variant=compact]) .summary,:host([variant=compact]) .updates,
:host([variant=compact]) h4,:host([variant=compact]) .workarounds,:host([variant=compact]) .links{display:none}
.dark .recurrence{color:#ff9b8f}
.contrast .chart{--_track:#000}.contrast .track{border:1px solid #fff}.contrast .bar{fill:#ff6b6b}.contrast .level-partial{fill:#ff9e57}
.contrast .level-degraded{fill:#ffd400}.contrast .level-maintenance{fill:#c4a5ff;stroke:#c4a5ff}.contrast .recurrence{color:#ff6b6b}
@media (forced-colors:active){.status{border:1px solid CanvasText}.incident{border-color:CanvasText}
.more-button:focus-visible,.copy:focus-visible{outline-color:Highlight}
.bar{fill:CanvasText}.track{border:1px solid CanvasText}.axis{fill:CanvasText}.axis line,.midnight,.now,.update{stroke:CanvasText}}
@media print{.more-button,.copy,.permalink{display:none}
.table-wrap{overflow:visible}.incident,.chart,.entry{break-inside:avoid}h2,h3{break-after:avoid}
.track{background:none;border:1px solid #8c959f}}
@media (max-width:480px){.impacts,.impacts caption,.impacts tbody,.impacts tr,.impacts th,.impacts td{display:block}
.impacts thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.impacts tr{border-bottom:1px solid var(--_border);padding:4px 0}.impacts th,.impacts td{border:0;padding:0;white-space:normal;overflow-wrap:anywhere}
.impacts td:before{content:attr(data-label);content:attr(data-label) / "";color:var(--_muted);margin-inline-end:.5em}}
"#;

static SHEET: Local<OnceCell<Option<CssStyleSheet>>> = Local::new(OnceCell::new());

/// Adopts the shared stylesheet into `root`.
pub fn adopt(root: &ShadowRoot) {
    SHEET.with(|cell| {
        let sheet = cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            #[cfg(feature = "timeline")]
            let css = &[BANNER_CSS, TIMELINE_CSS].concat();
            #[cfg(not(feature = "timeline"))]
            let css = BANNER_CSS;
            sheet.replace_sync(css).ok()?;
            Some(sheet)
        });
        if let Some(sheet) = sheet {
            root.set_adopted_style_sheets(&js_sys::Array::of1(sheet));
        }
    });
}
