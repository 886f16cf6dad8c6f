//! Labelled inputs that keep what was typed and show what is wrong with it, and the findings by
//! path. An input's DOM id is `f:` + the wire form of its [`FieldPath`] (`f:budget/b3/spent`).

use super::i18n::t;
use super::Host;
use crate::edit::Edit;
use crate::state::Action;
use jixiao_core::{Evaluation, FieldPath, Lang, Level};
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// How many findings the results panel lists (the rest are counted).
pub const LISTED_FINDINGS: usize = 100;

/// The findings of an evaluation, looked up by path, with messages in the page's language, and
/// the fields of the listed ones named in people's words (built once per evaluation, not per
/// render).
#[derive(PartialEq, Default)]
pub struct FindingIndex {
    by_path: HashMap<FieldPath, Vec<(Level, String)>>,
    /// The field of each listed finding, as people name it, in the findings' order.
    listed: Vec<String>,
    /// The same findings grouped by indicator id, for the rows of the tree.
    by_indicator: HashMap<String, std::rc::Rc<FindingIndex>>,
}

impl FindingIndex {
    pub fn new(doc: &jixiao_core::Document, eval: &Evaluation, lang: Lang) -> FindingIndex {
        let mut by_path: HashMap<FieldPath, Vec<(Level, String)>> = HashMap::new();
        let mut by_indicator: HashMap<String, FindingIndex> = HashMap::new();
        for f in &eval.findings {
            let entry = (f.level(), f.message(lang));
            if let Some(id) = f.path.indicator() {
                by_indicator
                    .entry(id.to_string())
                    .or_default()
                    .by_path
                    .entry(f.path.clone())
                    .or_default()
                    .push(entry.clone());
            }
            by_path.entry(f.path.clone()).or_default().push(entry);
        }
        let names = jixiao_core::path::Names::new(doc);
        let listed = eval
            .findings
            .iter()
            .take(LISTED_FINDINGS)
            .map(|f| names.describe(&f.path, lang))
            .collect();
        FindingIndex {
            by_path,
            listed,
            by_indicator: by_indicator
                .into_iter()
                .map(|(k, v)| (k, std::rc::Rc::new(v)))
                .collect(),
        }
    }

    /// The field of the `i`th listed finding, in people's words.
    pub fn listed_field(&self, i: usize) -> &str {
        self.listed.get(i).map_or("", String::as_str)
    }

    /// Only the findings about one indicator (shared, so it compares cheaply).
    pub fn for_indicator(&self, id: &str) -> std::rc::Rc<FindingIndex> {
        self.by_indicator.get(id).cloned().unwrap_or_default()
    }

    pub fn at(&self, path: &FieldPath) -> &[(Level, String)] {
        self.by_path.get(path).map_or(&[], Vec::as_slice)
    }

    pub fn has_error(&self, path: &FieldPath) -> bool {
        self.at(path).iter().any(|(l, _)| *l == Level::Error)
    }
}

pub fn dom_id(path: &FieldPath) -> String {
    format!("f:{path}")
}

fn message_id(path: &FieldPath) -> String {
    format!("m:{path}")
}

/// The messages of the findings at `path`, each with its level in words (colour is never the
/// only signal).
pub fn messages(ctx: &Host, path: &FieldPath) -> Html {
    let lang = ctx.lang();
    let found = ctx.findings.at(path);
    if found.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="messages" id={message_id(path)}>
            { for found.iter().map(|(level, text)| {
                let class = format!("msg {}", level.name());
                let word = level.label().get(lang);
                let colon = t(lang, "：", ": ");
                html! { <li class={class}><strong>{ word }</strong>{ colon }{ text.clone() }</li> }
            }) }
        </ul>
    }
}

/// How a field is typed in.
#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    Text,
    /// A number, typed as people type them: `inputmode=decimal`, no browser validation.
    Number,
    Area,
}

/// One input with its label: visible (`visible_label`) or for assistive technology only
/// (`aria-label`, in tables whose column headers show it).
pub struct Field<'a> {
    pub path: &'a FieldPath,
    pub label: &'a str,
    pub value: &'a str,
    pub kind: Kind,
    pub visible_label: bool,
    pub placeholder: &'a str,
}

impl<'a> Field<'a> {
    pub fn new(path: &'a FieldPath, label: &'a str, value: &'a str) -> Field<'a> {
        Field {
            path,
            label,
            value,
            kind: Kind::Text,
            visible_label: true,
            placeholder: "",
        }
    }

    pub fn number(mut self) -> Self {
        self.kind = Kind::Number;
        self
    }

    pub fn area(mut self) -> Self {
        self.kind = Kind::Area;
        self
    }

    pub fn in_table(mut self) -> Self {
        self.visible_label = false;
        self
    }

    pub fn placeholder(mut self, text: &'a str) -> Self {
        self.placeholder = text;
        self
    }

    /// The input, writing what is typed to its field.
    pub fn edit(self, ctx: &Host) -> Html {
        let path = self.path.clone();
        self.render(ctx, move |v| Action::Edit(Edit::Set(path.clone(), v)))
    }

    pub fn render(self, ctx: &Host, to_action: impl Fn(String) -> Action + 'static) -> Html {
        let id = dom_id(self.path);
        let found = ctx.findings.at(self.path);
        let invalid = ctx.findings.has_error(self.path);
        let warned = !found.is_empty() && !invalid;
        let described = (!found.is_empty()).then(|| message_id(self.path));
        let class = classes!(
            "field",
            invalid.then_some("invalid"),
            warned.then_some("warned"),
            (self.kind == Kind::Number).then_some("number")
        );
        let aria_label = (!self.visible_label).then(|| self.label.to_string());
        let onfocus = ctx.on(|_: FocusEvent| Action::Checkpoint);
        let input = match self.kind {
            Kind::Area => {
                let oninput = ctx.on(move |e: InputEvent| {
                    to_action(e.target_unchecked_into::<HtmlTextAreaElement>().value())
                });
                html! {
                    <textarea id={id.clone()} value={self.value.to_string()} {oninput} {onfocus}
                        aria-label={aria_label} aria-invalid={invalid.to_string()}
                        aria-describedby={described} placeholder={self.placeholder.to_string()} rows="2" />
                }
            }
            Kind::Text | Kind::Number => {
                let oninput = ctx.on(move |e: InputEvent| {
                    to_action(e.target_unchecked_into::<HtmlInputElement>().value())
                });
                let inputmode = (self.kind == Kind::Number).then_some("decimal");
                html! {
                    <input type="text" id={id.clone()} value={self.value.to_string()} {oninput} {onfocus} {inputmode}
                        aria-label={aria_label} aria-invalid={invalid.to_string()}
                        aria-describedby={described} placeholder={self.placeholder.to_string()}
                        autocomplete="off" spellcheck="false" />
                }
            }
        };
        html! {
            // Keyed by the field: when the fields around it change (another rule kind), the input
            // being typed in stays the same element and keeps the focus.
            <div class={class} key={format!("k:{}", self.path)}>
                if self.visible_label {
                    <label for={id}>{ self.label.to_string() }</label>
                }
                { input }
                { messages(ctx, self.path) }
            </div>
        }
    }
}

/// A labelled `<select>` writing the chosen value to its field.
pub fn select(
    ctx: &Host,
    path: &FieldPath,
    label: &str,
    value: &str,
    options: &[(&str, &str)],
) -> Html {
    let id = dom_id(path);
    let at = path.clone();
    let onchange = ctx.on(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::Edit(Edit::Set(at.clone(), value))
    });
    let invalid = ctx.findings.has_error(path);
    let known = options.iter().any(|(v, _)| *v == value);
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))} key={format!("k:{path}")}>
            <label for={id.clone()}>{ label.to_string() }</label>
            <select id={id} {onchange} aria-invalid={invalid.to_string()}
                aria-describedby={(!ctx.findings.at(path).is_empty()).then(|| message_id(path))}>
                if !known {
                    <option value={value.to_string()} selected=true>{ format!("（{value}）") }</option>
                }
                { for options.iter().map(|(v, text)| html! {
                    <option value={v.to_string()} selected={*v == value}>{ text.to_string() }</option>
                }) }
            </select>
            { messages(ctx, path) }
        </div>
    }
}

/// A small button with a visible text and an accessible name saying what it acts on.
pub fn button(text: &str, name: String, onclick: Callback<MouseEvent>, disabled: bool) -> Html {
    html! {
        <button type="button" class="small" aria-label={name} title={text.to_string()} {onclick} {disabled}>
            { text.to_string() }
        </button>
    }
}

/// Focuses the element of a path, or of the nearest enclosing path that has one, and scrolls
/// it into view.
pub fn focus_path(path: &FieldPath) {
    let document = gloo::utils::document();
    let mut candidate = Some(path.clone());
    while let Some(at) = candidate {
        if let Some(element) = document.get_element_by_id(&dom_id(&at)) {
            if let Ok(el) = element.clone().dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            element.scroll_into_view_with_scroll_into_view_options(&options);
            return;
        }
        candidate = at.parent();
    }
}

/// A decimal as shown: rounded half-up to 2 places, "—" when there is none.
pub fn shown(value: Option<jixiao_core::Decimal>) -> String {
    value.map_or("—".to_string(), jixiao_core::number::show2)
}

/// 需要多少: opens goal seeking for the field at `path`.
pub fn seek_button(ctx: &Host, path: &FieldPath, label: &str) -> Html {
    let lang = ctx.lang();
    let target = path.clone();
    html! {
        <button type="button" class="small seek-button" key={format!("seek:{path}")} data-testid={format!("seek-{path}")}
            aria-label={format!("{} {label}", t(lang, "需要多少：", "How much is needed:"))}
            onclick={ctx.on(move |_: MouseEvent| Action::SeekFor(target.clone()))}>
            { t(lang, "需要多少", "How much?") }
        </button>
    }
}

/// Keys for a list of rows by id, unique even where ids repeat (the core reports repeated ids, but
/// the rows must still be shown): the id, and for a repeat its occurrence (`b1`, `b1#2`).
pub fn row_keys<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    ids.map(|id| {
        let n = seen.entry(id).or_insert(0);
        *n = n.saturating_add(1);
        if *n == 1 {
            id.to_string()
        } else {
            format!("{id}#{n}")
        }
    })
    .collect()
}
