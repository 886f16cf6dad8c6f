//! Labelled inputs that keep what was typed and show what is wrong with it, and the findings by
//! path. An input's DOM id is `f:` + the wire form of its [`FieldPath`] (`f:budget/b3/spent`).

use super::i18n::t;
use super::Host;
use crate::edit::Edit;
use crate::state::Action;
pub(crate) use jixiao_core::shown;
use jixiao_core::Text;
use jixiao_core::{Evaluation, FieldPath, Lang, Level};
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// A small button with a visible text and an accessible name saying what it acts on.
pub(crate) fn button(
    text: &str,
    name: String,
    onclick: Callback<MouseEvent>,
    disabled: bool,
) -> Html {
    html! {
        <button type="button" class="small" aria-label={name} title={text.to_string()} {onclick} {disabled}>
            { text.to_string() }
        </button>
    }
}

/// How many findings the results panel lists (the rest are counted).
pub(crate) const LISTED_FINDINGS: usize = 100;

/// How a finding is shown: as what it is, or, while the user has not worked on its row yet,
/// as a neutral "to fill" (an empty required field of a fresh template is not a mistake).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Mark {
    Found(Level),
    ToFill,
}

impl Mark {
    /// The class and `data-level` name: `error`, `warning`, `info`, `todo`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Mark::Found(level) => level.name(),
            Mark::ToFill => "todo",
        }
    }

    /// The word shown before the message (colour is never the only signal).
    pub(crate) fn label(self) -> Text {
        match self {
            Mark::Found(level) => level.label(),
            Mark::ToFill => Text("待填写", "to fill"),
        }
    }

    pub(crate) fn is_error(self) -> bool {
        self == Mark::Found(Level::Error)
    }
}

/// One listed finding as the results panel shows it.
#[derive(PartialEq)]
pub(crate) struct Listed {
    pub mark: Mark,
    /// The field, as people name it (`预算明细第1行“项目资金”的执行数`).
    pub field: String,
    /// The message, in the page's language.
    pub message: String,
}

/// The findings of an evaluation, looked up by path, with messages in the page's language and
/// their marks, and the fields of the listed ones named in people's words (built once per
/// evaluation and calm-start state, not per render). The findings about a row (an indicator, a
/// budget line, a survey) are kept by row, each row's shared; a row whose findings are the same
/// as in the index before keeps that index's (its messages are not written again, and its
/// drawn row compares equal), so a keystroke formats the messages of the rows it changed only.
#[derive(PartialEq, Default)]
pub(crate) struct FindingIndex {
    /// The findings at each field, of no row (in a row's own index: of that row).
    by_path: HashMap<FieldPath, Vec<(Mark, String)>>,
    /// The listed findings, in the findings' order.
    listed: Vec<Listed>,
    /// How many findings are shown as errors, warnings, notes and "to fill".
    pub counts: Counts,
    /// The findings about each row.
    by_row: HashMap<RowKey, std::rc::Rc<FindingIndex>>,
    /// A row's findings as found, to tell whether the next index can keep the row's messages
    /// (empty in the whole document's index).
    found: Vec<(Mark, jixiao_core::Finding)>,
    /// The language of the messages.
    lang: Option<Lang>,
}

/// How many findings of each mark.
#[derive(PartialEq, Default, Clone, Copy)]
pub(crate) struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub to_fill: usize,
}

impl FindingIndex {
    /// `to_fill` says which findings are shown as "to fill" for now; `before` is the index of
    /// the evaluation before, whose rows are kept where their findings are the same.
    pub(crate) fn new(
        doc: &jixiao_core::Document,
        eval: &Evaluation,
        lang: Lang,
        to_fill: impl Fn(&jixiao_core::Finding) -> bool,
        before: Option<&FindingIndex>,
    ) -> FindingIndex {
        let mut by_path: HashMap<FieldPath, Vec<(Mark, String)>> = HashMap::new();
        let mut rows: HashMap<RowKey, Vec<(Mark, &jixiao_core::Finding)>> = HashMap::new();
        let mut counts = Counts::default();
        let mut marks = Vec::with_capacity(eval.findings.len());
        for f in &eval.findings {
            let mark = if to_fill(f) {
                Mark::ToFill
            } else {
                Mark::Found(f.level())
            };
            let n = match mark {
                Mark::Found(Level::Error) => &mut counts.errors,
                Mark::Found(Level::Warning) => &mut counts.warnings,
                Mark::Found(Level::Info) => &mut counts.notes,
                Mark::ToFill => &mut counts.to_fill,
            };
            *n = n.saturating_add(1);
            marks.push(mark);
            match RowKey::of(&f.path) {
                Some(key) => rows.entry(key).or_default().push((mark, f)),
                None => by_path
                    .entry(f.path.clone())
                    .or_default()
                    .push((mark, f.message(lang))),
            }
        }
        let before = before.filter(|b| b.lang == Some(lang));
        let by_row = rows
            .into_iter()
            .map(|(key, found)| {
                let kept = before
                    .and_then(|b| b.by_row.get(&key))
                    .filter(|row| same_findings(&row.found, &found))
                    .cloned();
                let row = kept.unwrap_or_else(|| std::rc::Rc::new(FindingIndex::row(&found, lang)));
                (key, row)
            })
            .collect();
        let names = jixiao_core::Names::new(doc);
        let listed = eval
            .findings
            .iter()
            .zip(&marks)
            .take(LISTED_FINDINGS)
            .map(|(f, mark)| Listed {
                mark: *mark,
                field: names.describe(&f.path, lang),
                message: f.message(lang),
            })
            .collect();
        FindingIndex {
            by_path,
            listed,
            counts,
            by_row,
            found: Vec::new(),
            lang: Some(lang),
        }
    }

    /// The index of one row's findings.
    fn row(found: &[(Mark, &jixiao_core::Finding)], lang: Lang) -> FindingIndex {
        let mut by_path: HashMap<FieldPath, Vec<(Mark, String)>> = HashMap::new();
        for (mark, f) in found {
            by_path
                .entry(f.path.clone())
                .or_default()
                .push((*mark, f.message(lang)));
        }
        FindingIndex {
            by_path,
            found: found.iter().map(|(m, f)| (*m, (*f).clone())).collect(),
            lang: Some(lang),
            ..FindingIndex::default()
        }
    }

    /// The `i`th listed finding.
    pub(crate) fn listed(&self, i: usize) -> Option<&Listed> {
        self.listed.get(i)
    }

    /// Only the findings about one indicator, its fields and its reports in the rounds (shared,
    /// so it compares cheaply).
    pub(crate) fn for_indicator(&self, id: &str) -> std::rc::Rc<FindingIndex> {
        self.for_row(&RowKey::Indicator(id.to_string()))
    }

    /// Only the findings about one row (an indicator's or a budget line's).
    pub(crate) fn for_row(&self, key: &RowKey) -> std::rc::Rc<FindingIndex> {
        self.by_row.get(key).cloned().unwrap_or_default()
    }

    pub(crate) fn at(&self, path: &FieldPath) -> &[(Mark, String)] {
        let found = match self.by_path.get(path) {
            Some(found) => Some(found),
            None if !self.by_row.is_empty() => RowKey::of(path)
                .and_then(|key| self.by_row.get(&key))
                .and_then(|row| row.by_path.get(path)),
            None => None,
        };
        found.map_or(&[], Vec::as_slice)
    }

    pub(crate) fn has_error(&self, path: &FieldPath) -> bool {
        self.at(path).iter().any(|(m, _)| m.is_error())
    }

    /// Whether everything found at `path` is only "to fill".
    pub(crate) fn only_to_fill(&self, path: &FieldPath) -> bool {
        let found = self.at(path);
        !found.is_empty() && found.iter().all(|(m, _)| *m == Mark::ToFill)
    }

    /// Whether anything under the indicator's row (any of its fields) is an error.
    pub(crate) fn row_has_error(&self) -> bool {
        self.by_path.values().flatten().any(|(m, _)| m.is_error())
    }
}

/// A number as typed (empty when there is none), the value of its field.
pub(crate) fn raw(n: &Option<jixiao_core::Num>) -> String {
    n.as_ref().map(|n| n.raw().to_string()).unwrap_or_default()
}

pub(crate) fn dom_id(path: &FieldPath) -> String {
    format!("f:{path}")
}

fn message_id(path: &FieldPath) -> String {
    format!("m:{path}")
}

/// The messages of the findings at `path`, each with its level in words (colour is never the
/// only signal). Fields only "to fill" say so by their look and placeholder, not by a message.
pub(crate) fn messages(ctx: &Host, path: &FieldPath) -> Html {
    let lang = ctx.lang();
    let found = ctx.findings.at(path);
    if found.is_empty() || ctx.findings.only_to_fill(path) {
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
pub(crate) enum Kind {
    Text,
    /// A number, typed as people type them: `inputmode=decimal`, no browser validation.
    Number,
    Area,
}

/// One input with its label: visible (`visible_label`) or for assistive technology only
/// (`aria-label`, in tables whose column headers show it).
pub(crate) struct Field<'a> {
    pub path: &'a FieldPath,
    pub label: &'a str,
    pub value: &'a str,
    pub kind: Kind,
    pub visible_label: bool,
    pub placeholder: &'a str,
    /// The column of a spreadsheet-like table the input is a cell of (`data-col`), for the keys
    /// that move between cells.
    pub col: Option<usize>,
}

impl<'a> Field<'a> {
    pub(crate) fn new(path: &'a FieldPath, label: &'a str, value: &'a str) -> Field<'a> {
        Field {
            path,
            label,
            value,
            kind: Kind::Text,
            visible_label: true,
            placeholder: "",
            col: None,
        }
    }

    /// A cell of a spreadsheet-like table, in column `col`.
    pub(crate) fn cell(mut self, col: usize) -> Self {
        self.visible_label = false;
        self.col = Some(col);
        self
    }

    pub(crate) fn number(mut self) -> Self {
        self.kind = Kind::Number;
        self
    }

    pub(crate) fn area(mut self) -> Self {
        self.kind = Kind::Area;
        self
    }

    pub(crate) fn in_table(mut self) -> Self {
        self.visible_label = false;
        self
    }

    pub(crate) fn placeholder(mut self, text: &'a str) -> Self {
        self.placeholder = text;
        self
    }

    /// The input, writing what is typed to its field.
    pub(crate) fn edit(self, ctx: &Host) -> Html {
        let path = self.path.clone();
        self.render(ctx, move |v| Action::Edit(Edit::Set(path.clone(), v)))
    }

    pub(crate) fn render(self, ctx: &Host, to_action: impl Fn(String) -> Action + 'static) -> Html {
        let id = dom_id(self.path);
        let found = ctx.findings.at(self.path);
        let to_fill = ctx.findings.only_to_fill(self.path);
        let invalid = ctx.findings.has_error(self.path);
        let warned = !found.is_empty() && !invalid && !to_fill;
        let described = (!found.is_empty() && !to_fill).then(|| message_id(self.path));
        let class = classes!(
            "field",
            invalid.then_some("invalid"),
            warned.then_some("warned"),
            to_fill.then_some("todo"),
            (self.kind == Kind::Number).then_some("number")
        );
        let placeholder = if self.placeholder.is_empty() && to_fill {
            Mark::ToFill.label().get(ctx.lang()).to_string()
        } else {
            self.placeholder.to_string()
        };
        let col = self.col.map(|c| c.to_string());
        let aria_label = (!self.visible_label).then(|| self.label.to_string());
        let onfocus = ctx.on(|_: FocusEvent| Action::Checkpoint);
        let input = match self.kind {
            Kind::Area => {
                let oninput = ctx.on(move |e: InputEvent| {
                    to_action(e.target_unchecked_into::<HtmlTextAreaElement>().value())
                });
                html! {
                    <textarea id={id.clone()} value={self.value.to_string()} {oninput} {onfocus}
                        aria-label={aria_label} aria-invalid={invalid.to_string()} data-col={col}
                        aria-describedby={described} {placeholder} rows={if self.col.is_some() { "1" } else { "2" }} />
                }
            }
            Kind::Text | Kind::Number => {
                let oninput = ctx.on(move |e: InputEvent| {
                    to_action(e.target_unchecked_into::<HtmlInputElement>().value())
                });
                let inputmode = (self.kind == Kind::Number).then_some("decimal");
                html! {
                    <input type="text" id={id.clone()} value={self.value.to_string()} {oninput} {onfocus} {inputmode}
                        aria-label={aria_label} aria-invalid={invalid.to_string()} data-col={col}
                        aria-describedby={described} {placeholder}
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
pub(crate) fn select(
    ctx: &Host,
    path: &FieldPath,
    label: &str,
    value: &str,
    options: &[(&str, &str)],
) -> Html {
    choice(ctx, path, label, value, options, None)
}

/// The same `<select>` as a cell of a spreadsheet-like table (column `col`, label for assistive
/// technology only).
pub(crate) fn select_cell(
    ctx: &Host,
    path: &FieldPath,
    label: &str,
    value: &str,
    options: &[(&str, &str)],
    col: usize,
) -> Html {
    choice(ctx, path, label, value, options, Some(col))
}

fn choice(
    ctx: &Host,
    path: &FieldPath,
    label: &str,
    value: &str,
    options: &[(&str, &str)],
    col: Option<usize>,
) -> Html {
    let id = dom_id(path);
    let at = path.clone();
    let onchange = ctx.on(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::Edit(Edit::Set(at.clone(), value))
    });
    let invalid = ctx.findings.has_error(path);
    let to_fill = ctx.findings.only_to_fill(path);
    let known = options.iter().any(|(v, _)| *v == value);
    let in_table = col.is_some();
    html! {
        <div class={classes!("field", invalid.then_some("invalid"), to_fill.then_some("todo"))} key={format!("k:{path}")}>
            if !in_table {
                <label for={id.clone()}>{ label.to_string() }</label>
            }
            <select id={id} {onchange} aria-invalid={invalid.to_string()} data-col={col.map(|c| c.to_string())}
                aria-label={in_table.then(|| label.to_string())}
                aria-describedby={(!ctx.findings.at(path).is_empty() && !to_fill).then(|| message_id(path))}>
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

/// Focuses the element of a path, or of the nearest enclosing path that has one, and scrolls
/// it into view.
pub(crate) fn focus_path(path: &FieldPath) {
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

/// 需要多少: opens goal seeking for the field at `path`.
pub(crate) fn seek_button(ctx: &Host, path: &FieldPath, label: &str) -> Html {
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
pub(crate) fn row_keys<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<String> {
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

/// The indicator whose row a path lies in: its own fields, or its report in a round.
pub(crate) fn indicator_row(path: &FieldPath) -> Option<&str> {
    match path {
        FieldPath::Round(_, Some(jixiao_core::RoundField::Leaf(id, _))) => Some(id),
        _ => path.indicator(),
    }
}

/// The budget line whose row a path lies in: its own fields, or its report in a round.
pub(crate) fn line_row(path: &FieldPath) -> Option<&str> {
    match path {
        FieldPath::Round(_, Some(jixiao_core::RoundField::Line(id, _)))
        | FieldPath::Line(id, _) => Some(id),
        _ => None,
    }
}

/// Whether a row's findings are those it had (the same findings, marked the same, in order).
fn same_findings(
    had: &[(Mark, jixiao_core::Finding)],
    now: &[(Mark, &jixiao_core::Finding)],
) -> bool {
    had.len() == now.len()
        && had
            .iter()
            .zip(now)
            .all(|((m, f), (n, g))| m == n && f == *g)
}

/// The row of a table a finding is drawn in: an indicator's or a budget line's (on the tab of
/// its fields, and on the 监控 tab for its report in a round), or a survey's.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) enum RowKey {
    Indicator(String),
    Line(String),
    Survey(String),
}

impl RowKey {
    fn of(path: &FieldPath) -> Option<RowKey> {
        indicator_row(path)
            .map(|id| RowKey::Indicator(id.to_string()))
            .or_else(|| line_row(path).map(|id| RowKey::Line(id.to_string())))
            .or_else(|| match path {
                FieldPath::Survey(id, _) => Some(RowKey::Survey(id.clone())),
                _ => None,
            })
    }
}
