//! The widget's stylesheet: one constructable sheet shared by every shadow root, so pages
//! whose CSP forbids inline styles still work and host CSS never reaches inside.

use std::cell::OnceCell;
use web_sys::{CssStyleSheet, ShadowRoot};

/// `:host` declarations are `!important` on purpose: inside a shadow tree's own context,
/// important declarations beat even a host page's `* { display: none !important }`.
const CSS: &str = r#"
:host{all:initial!important;display:block!important;position:relative!important;visibility:visible!important;opacity:1!important;
font:15px/1.5 system-ui,-apple-system,"Apple SD Gothic Neo","Malgun Gothic","Noto Sans KR","Noto Sans CJK KR",sans-serif!important;
color:#1b1f24!important;text-align:start!important;
--ib-critical:#b3261e;--ib-major:#c2410c;--ib-minor:#8a6100;--ib-info:#1f5fa8;--ib-maintenance:#5b3fa0;--ib-radius:8px}
*{box-sizing:border-box;margin:0;padding:0}
.tone-critical{--tone:var(--ib-critical)}.tone-major{--tone:var(--ib-major)}.tone-minor{--tone:var(--ib-minor)}
.tone-info{--tone:var(--ib-info)}.tone-maintenance{--tone:var(--ib-maintenance)}
.banner{border:1px solid var(--tone);border-inline-start:6px solid var(--tone);border-radius:var(--ib-radius);
background:#fff;color:#1b1f24;padding:10px 44px 10px 14px;display:grid;gap:4px;position:relative}
.dismiss{position:absolute;top:6px;inset-inline-end:6px;width:32px;height:32px;border:1px solid transparent;border-radius:6px;
background:transparent;color:#3d444d;font:20px/1 system-ui,sans-serif;cursor:pointer}
.dismiss:hover{border-color:#8c959f}
.dismiss:focus-visible{outline:3px solid #0b57a4;outline-offset:1px}
.live{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.head{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline}
.badge{background:var(--tone);color:#fff;font-weight:700;font-size:13px;border-radius:4px;padding:1px 7px;white-space:nowrap}
.title{font-weight:700;font-size:16px;color:#1b1f24;overflow-wrap:anywhere;
display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden}
.title,.timing,dd,td,th,h3,.summary,li>span,li>a{unicode-bidi:isolate}
.timing,.more{color:#3d444d;font-size:14px}
.more{font-weight:600}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;font-size:14px}
dl.facts>div{display:contents}
dl.facts dt{color:#3d444d;font-weight:600}
dl.facts dd{overflow-wrap:anywhere}
a{color:#0b57a4;text-decoration:underline}
a:focus-visible{outline:3px solid #0b57a4;outline-offset:2px}
.timeline{display:grid;gap:18px;color:#1b1f24;background:#fff}
.day h2{font-size:15px;color:#3d444d;border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-bottom:10px}
.incident{border-inline-start:5px solid var(--tone);padding:4px 0 4px 14px;display:grid;gap:8px;margin-bottom:14px}
.incident header{display:flex;flex-wrap:wrap;gap:4px 8px;align-items:center}
.incident h3{font-size:17px;flex-basis:100%;overflow-wrap:anywhere}
.status{font-size:13px;border:1px solid #8c959f;border-radius:4px;padding:0 6px;color:#3d444d}
.summary,.updates li>span:last-child{overflow-wrap:anywhere;white-space:pre-line}
h4{font-size:14px;color:#3d444d}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;font-size:14px;min-width:100%}
th,td{border-bottom:1px solid #d0d7de;padding:4px 8px;text-align:start;vertical-align:top}
th{color:#3d444d;font-weight:600;white-space:nowrap}
.recurrence{display:block;font-size:12px;color:var(--ib-critical)}
ul,ol{padding-inline-start:20px;display:grid;gap:2px;font-size:14px}
.updates time{font-variant-numeric:tabular-nums;color:#3d444d;margin-inline-end:6px}
.updates .status{margin-inline-end:6px}
.notice{font-size:14px;color:#3d444d}
.error{white-space:pre-line;font-size:14px;color:#8c1d18;background:#fdecea;border-radius:6px;padding:6px 10px;margin-top:4px}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
"#;

thread_local! {
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// Adopts the shared stylesheet into `root`.
pub fn adopt(root: &ShadowRoot) {
    SHEET.with(|cell| {
        let sheet = cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CSS).ok()?;
            Some(sheet)
        });
        if let Some(sheet) = sheet {
            root.set_adopted_style_sheets(&js_sys::Array::of1(sheet));
        }
    });
}
