//! The desk's state: the draft, the version it started from, and undo and redo. Pure, so the
//! page's buttons are tested natively.

use crate::i18n::Lang;
use serde_json::Value;

/// How many steps back undo reaches.
const UNDO_STEPS: usize = 100;

/// A draft feed and its history.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The feed as it is now.
    pub doc: Value,
    /// As it was loaded (or last saved): what "changed since" compares with.
    pub base: Value,
    undo: Vec<Value>,
    redo: Vec<Value>,
}

impl Draft {
    /// A draft of `doc`, unchanged.
    pub fn new(doc: Value) -> Self {
        Draft {
            base: doc.clone(),
            doc,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// A draft restored after a crash: `doc` as it was, changed since `base`.
    pub fn restored(doc: Value, base: Value) -> Self {
        Draft {
            doc,
            base,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// Takes the result of an action: undo brings the current version back.
    pub fn apply(&mut self, next: Value) {
        let before = core::mem::replace(&mut self.doc, next);
        self.undo.push(before);
        if self.undo.len() > UNDO_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Back one action; false when there is none.
    pub fn undo(&mut self) -> bool {
        match self.undo.pop() {
            Some(before) => {
                self.redo.push(core::mem::replace(&mut self.doc, before));
                true
            }
            None => false,
        }
    }

    /// Forward again after undo; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        match self.redo.pop() {
            Some(after) => {
                self.undo.push(core::mem::replace(&mut self.doc, after));
                true
            }
            None => false,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// True when the draft differs from what was loaded or saved.
    pub fn dirty(&self) -> bool {
        self.doc != self.base
    }

    /// The draft was saved (downloaded or copied): it is the new base.
    pub fn saved(&mut self) {
        self.base = self.doc.clone();
    }

    /// What changed since the base, one line each, for a person to read before publishing.
    pub fn changes(&self, lang: Lang) -> Vec<String> {
        changes(&self.base, &self.doc, lang)
    }
}

/// What changed from `before` to `after`: incidents opened, updates posted, status
/// changes, services back, incidents ended, other edits.
pub fn changes(before: &Value, after: &Value, lang: Lang) -> Vec<String> {
    let ko = lang == Lang::Ko;
    let list = |doc: &Value| {
        doc.get("incidents")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let (old, new) = (list(before), list(after));
    let find = |id: &str| {
        old.iter()
            .find(|i| i.get("id").and_then(Value::as_str) == Some(id))
    };
    let mut lines = Vec::new();
    for inc in &new {
        let id = inc.get("id").and_then(Value::as_str).unwrap_or("");
        let title = title_of(inc, lang);
        let Some(was) = find(id) else {
            lines.push(if ko {
                format!("새 사건: {title}")
            } else {
                format!("new incident: {title}")
            });
            continue;
        };
        if was == inc {
            continue;
        }
        let count = |i: &Value, key: &str| i.get(key).and_then(Value::as_array).map_or(0, Vec::len);
        let posted = count(inc, "updates").saturating_sub(count(was, "updates"));
        if posted > 0 {
            lines.push(if ko {
                format!("{title}: 업데이트 {posted}건")
            } else {
                format!("{title}: {posted} update(s) posted")
            });
        }
        let status = |i: &Value| {
            i.get("status")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        if status(was) != status(inc) {
            lines.push(if ko {
                format!("{title}: 상태 {} → {}", status(was), status(inc))
            } else {
                format!("{title}: status {} → {}", status(was), status(inc))
            });
        }
        let back = |i: &Value| {
            i.get("impacts")
                .and_then(Value::as_array)
                .map(|l| {
                    l.iter()
                        .filter(|imp| imp.get("until").is_some_and(|u| !u.is_null()))
                        .filter_map(|imp| {
                            imp.get("service").and_then(Value::as_str).map(String::from)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        };
        let recovered: Vec<String> = back(inc)
            .into_iter()
            .filter(|s| !back(was).contains(s))
            .collect();
        if !recovered.is_empty() {
            lines.push(if ko {
                format!("{title}: 복구 {}", recovered.join(", "))
            } else {
                format!("{title}: back: {}", recovered.join(", "))
            });
        }
        if posted == 0 && status(was) == status(inc) && recovered.is_empty() {
            lines.push(if ko {
                format!("{title}: 내용 수정")
            } else {
                format!("{title}: edited")
            });
        }
    }
    for inc in &old {
        let id = inc.get("id").and_then(Value::as_str);
        if !new
            .iter()
            .any(|i| i.get("id").and_then(Value::as_str) == id)
        {
            let title = title_of(inc, lang);
            lines.push(if ko {
                format!("삭제된 사건: {title}")
            } else {
                format!("removed: {title}")
            });
        }
    }
    let rest = |doc: &Value| {
        let mut d = doc.clone();
        if let Some(m) = d.as_object_mut() {
            m.remove("incidents");
        }
        d
    };
    if rest(before) != rest(after) {
        lines.push(if ko {
            "발표 기관·서비스 정보 수정".into()
        } else {
            "publisher or services edited".into()
        });
    }
    lines
}

/// An incident's title in `lang` (plain, or `{ko, en}`), else its id.
fn title_of(inc: &Value, lang: Lang) -> String {
    super::text_in(inc.get("title"), lang)
        .or_else(|| inc.get("id").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn undo_and_redo_walk_the_actions() {
        let mut d = Draft::new(json!({ "incidents": [] }));
        assert!(!d.dirty() && !d.can_undo());
        d.apply(json!({ "incidents": [{ "id": "a" }] }));
        d.apply(json!({ "incidents": [{ "id": "a" }, { "id": "b" }] }));
        assert!(d.dirty());
        assert!(d.undo());
        assert_eq!(d.doc, json!({ "incidents": [{ "id": "a" }] }));
        assert!(d.redo());
        assert_eq!(d.doc["incidents"].as_array().unwrap().len(), 2);
        assert!(!d.redo(), "nothing left to redo");
        assert!(d.undo() && d.undo() && !d.undo());
        assert!(!d.dirty(), "back where it started");
        d.apply(json!({ "incidents": [{ "id": "c" }] }));
        assert!(!d.can_redo(), "a new action drops what was undone");
        d.saved();
        assert!(!d.dirty());
    }

    #[test]
    fn changes_since_loading_read_as_a_person_would_say_them() {
        let before = json!({ "publisher": { "name": "p" }, "incidents": [
            { "id": "work24", "status": "identified", "title": { "ko": "고용24 장애", "en": "Work24 outage" },
              "impacts": [{ "service": "worknet" }, { "service": "work24" }], "updates": [{}] },
            { "id": "old", "status": "resolved", "title": "지난 장애" }] });
        let after = json!({ "publisher": { "name": "p" }, "incidents": [
            { "id": "work24", "status": "monitoring", "title": { "ko": "고용24 장애", "en": "Work24 outage" },
              "impacts": [{ "service": "worknet", "until": "x" }, { "service": "work24" }], "updates": [{}, {}] },
            { "id": "old", "status": "resolved", "title": "지난 장애" },
            { "id": "new", "status": "investigating", "title": "카카오톡 장애" }] });
        assert_eq!(
            changes(&before, &after, Lang::Ko),
            [
                "고용24 장애: 업데이트 1건",
                "고용24 장애: 상태 identified → monitoring",
                "고용24 장애: 복구 worknet",
                "새 사건: 카카오톡 장애"
            ]
        );
        assert_eq!(
            changes(&before, &after, Lang::En)[0],
            "Work24 outage: 1 update(s) posted"
        );
        assert!(changes(&before, &before, Lang::Ko).is_empty());
    }
}
