//! Where inside a JavaScript value a reading problem lies (`updates[1].at`), found by reading
//! changed copies of the value again.
//!
//! Natively serde_path_to_error tracks the path while reading. In the wasm that wrapper
//! instantiates the whole reader a second time for every type read (13.6 KB gzip;
//! BENCHMARKS.md), for the rare entry that does not fit. Here the path is searched only then,
//! with the reader that is already there:
//!
//! - a value error (a wrong type, an unknown `kind`, a bad timestamp) is inside the member
//!   whose removal makes it go away: serde reports value errors before missing fields, so
//!   removing any other member leaves the same message. Arrays are halved, not scanned.
//! - a missing field `x` is in the object that lacks `x` and whose `x`, once added, changes
//!   the message.
//!
//! When two places fail with the same message the search may name either, or stop at the
//! entry itself; the message is right either way.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// One step into a value: a member of an object or an element of an array.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(u32),
}

/// Reads a value as the entry's type, giving the reader's message when it does not fit.
pub type Read<'a> = &'a dyn Fn(JsValue) -> Option<String>;

/// Probes per entry at most: a hostile entry cannot make the search long.
const MAX_PROBES: usize = 200;

/// The path inside `root` of the problem `message` (`""` for the value itself).
pub fn locate(root: &JsValue, message: &str, read: Read) -> String {
    let mut probes = 0;
    let mut fails_the_same = |v: JsValue| {
        probes += 1;
        probes > MAX_PROBES || read(v).as_deref() == Some(message)
    };
    let path = match missing_field(message) {
        Some(field) => lacking(root, field, &mut Vec::new(), root, &mut fails_the_same),
        None => holding(root, &mut fails_the_same),
    };
    render(&path.unwrap_or_default())
}

fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}

/// The path of the member whose removal makes the problem go away, followed down.
fn holding(root: &JsValue, fails_the_same: &mut dyn FnMut(JsValue) -> bool) -> Option<Vec<Step>> {
    let mut path = Vec::new();
    loop {
        let node = at(root, &path);
        let step = if Array::is_array(&node) {
            let items: Array = node.unchecked_into();
            let (mut lo, mut hi) = (0, items.length());
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                let probe = changed(root, &path, &|n| without_range(n, lo, mid));
                if fails_the_same(probe) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let probe = changed(root, &path, &|n| without_range(n, lo, lo + 1));
            (hi > lo && !fails_the_same(probe)).then_some(Step::Index(lo))
        } else if is_object(&node) {
            keys(&node)
                .into_iter()
                .find(|k| {
                    let probe = changed(root, &path, &|n| without_key(n, k));
                    !fails_the_same(probe)
                })
                .map(Step::Key)
        } else {
            None
        };
        match step {
            Some(step) => path.push(step),
            None => return Some(path),
        }
    }
}

/// The path of the object that lacks `field` and, given it, fails differently.
fn lacking(
    root: &JsValue,
    field: &str,
    path: &mut Vec<Step>,
    node: &JsValue,
    fails_the_same: &mut dyn FnMut(JsValue) -> bool,
) -> Option<Vec<Step>> {
    if Array::is_array(node) {
        let items: Array = node.clone().unchecked_into();
        for i in 0..items.length() {
            path.push(Step::Index(i));
            let found = lacking(root, field, path, &items.get(i), fails_the_same);
            path.pop();
            if found.is_some() {
                return found;
            }
        }
        return None;
    }
    if !is_object(node) {
        return None;
    }
    if !has(node, field) {
        let probe = changed(root, path, &|n| with_key(n, field, &JsValue::NULL));
        if !fails_the_same(probe) {
            return Some(path.clone());
        }
    }
    for k in keys(node) {
        let child = Reflect::get(node, &JsValue::from_str(&k)).unwrap_or_default();
        path.push(Step::Key(k));
        let found = lacking(root, field, path, &child, fails_the_same);
        path.pop();
        if found.is_some() {
            return found;
        }
    }
    None
}

fn is_object(v: &JsValue) -> bool {
    v.is_object() && !Array::is_array(v)
}

fn keys(v: &JsValue) -> Vec<String> {
    Object::keys(v.unchecked_ref::<Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect()
}

fn has(v: &JsValue, key: &str) -> bool {
    Reflect::has(v, &JsValue::from_str(key)).unwrap_or(false)
}

fn get(v: &JsValue, step: &Step) -> JsValue {
    match step {
        Step::Key(k) => Reflect::get(v, &JsValue::from_str(k)),
        Step::Index(i) => Reflect::get_u32(v, *i),
    }
    .unwrap_or_default()
}

/// The value at `path` inside `root`.
fn at(root: &JsValue, path: &[Step]) -> JsValue {
    path.iter().fold(root.clone(), |v, step| get(&v, step))
}

/// A shallow copy of an object or array.
fn copy(v: &JsValue) -> JsValue {
    if Array::is_array(v) {
        Array::from(v).into()
    } else {
        Object::assign(&Object::new(), v.unchecked_ref()).into()
    }
}

/// `root` with the value at `path` replaced by `change` of it; `root` itself is not changed
/// (each object or array on the way is copied).
fn changed(root: &JsValue, path: &[Step], change: &dyn Fn(&JsValue) -> JsValue) -> JsValue {
    match path.split_first() {
        None => change(root),
        Some((step, rest)) => {
            let out = copy(root);
            let inner = changed(&get(root, step), rest, change);
            let _ = match step {
                Step::Key(k) => Reflect::set(&out, &JsValue::from_str(k), &inner),
                Step::Index(i) => Reflect::set_u32(&out, *i, &inner),
            };
            out
        }
    }
}

fn without_key(v: &JsValue, key: &str) -> JsValue {
    let out = copy(v);
    let _ = Reflect::delete_property(out.unchecked_ref::<Object>(), &JsValue::from_str(key));
    out
}

fn with_key(v: &JsValue, key: &str, value: &JsValue) -> JsValue {
    let out = copy(v);
    let _ = Reflect::set(&out, &JsValue::from_str(key), value);
    out
}

/// An array without its elements `from..to`.
fn without_range(v: &JsValue, from: u32, to: u32) -> JsValue {
    let items: &Array = v.unchecked_ref();
    let out = Array::new();
    for i in (0..items.length()).filter(|i| *i < from || *i >= to) {
        out.push(&items.get(i));
    }
    out.into()
}

fn render(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Index(i) => out.push_str(&format!("[{i}]")),
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
        }
    }
    out
}
