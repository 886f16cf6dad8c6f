//! The page's one state and the actions that change it: the document, its evaluation (rescored
//! on every change), undo and redo, the language, the open tab and what to focus.
//! Pure Rust, tested natively; the Yew reducer is a thin wrapper over [`AppState::apply`].

use crate::edit::Edit;
use crate::layout::{in_detail_row, opening_collapsed, opening_folded, row_ids};
use crate::notices::Said;
use jixiao_core::template;
use jixiao_core::ReadSummary;
use jixiao_core::{audit, read_str, Document, Evaluation, Lang};
use jixiao_core::{FieldPath, LineField, NodeField, RuleField, Section};
use std::collections::HashSet;
use std::rc::Rc;

/// How many steps undo remembers.
pub(crate) const UNDO_LIMIT: usize = 200;

/// Imported files larger than this are refused before they are read (8 MiB).
pub(crate) const MAX_IMPORT_BYTES: f64 = 8.0 * 1024.0 * 1024.0;

/// The editor shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tab {
    /// 目标: the 绩效目标申报表.
    Targets,
    Budget,
    Indicators,
    Surveys,
    Settings,
    Scenarios,
    Report,
    Monitoring,
}

impl Tab {
    /// The tab that holds a finding's field.
    pub(crate) fn of_path(path: &FieldPath) -> Tab {
        match path.section() {
            Section::Budget => Tab::Budget,
            Section::Surveys => Tab::Surveys,
            Section::Settings => Tab::Settings,
            Section::Indicators | Section::Claimed => Tab::Indicators,
            Section::Monitoring => Tab::Monitoring,
            Section::Funds | Section::Declared => Tab::Targets,
        }
    }

    /// The tab a finding's field is shown on: `current` when that tab shows it too (the 目标
    /// tab shows the leaves' targets, units and points), else [`Tab::of_path`]; the header
    /// fields of the 申报表 are on the 目标 tab.
    pub(crate) fn for_path(current: Tab, path: &FieldPath) -> Tab {
        match path {
            FieldPath::Meta(key) if TARGET_HEADER.contains(&key.as_str()) => Tab::Targets,
            FieldPath::Node(
                _,
                None | Some(NodeField::Name | NodeField::Unit | NodeField::Points),
            )
            | FieldPath::Node(
                _,
                Some(NodeField::Rule(None | Some(RuleField::Target | RuleField::Kind))),
            ) if current == Tab::Targets => Tab::Targets,
            _ => Tab::of_path(path),
        }
    }
}

/// A field written once the year has happened: an actual value, a tier, a fraction, an expert's
/// score, the spending and arrival of a budget line, a survey's answers.
fn happens_in_the_year(path: &FieldPath) -> bool {
    matches!(
        path,
        FieldPath::Node(
            _,
            Some(NodeField::Rule(Some(
                RuleField::Actual | RuleField::Tier | RuleField::Fraction | RuleField::Score
            )))
        ) | FieldPath::Line(_, Some(LineField::Spent | LineField::Received))
            | FieldPath::Survey(..)
    )
}

/// Whether the review of a plan reads this field of `meta` (the header of the 申报表 and the
/// 自评表's 预期目标, which stands for the year's goal).
fn reviewed_header(key: &str) -> bool {
    key == "goal" || jixiao_core::TARGET_META.iter().any(|(k, _)| *k == key)
}

/// The fields of the 申报表's header shown on the 目标 tab (the title and the unit are in the
/// project block above every tab).
pub(crate) const TARGET_HEADER: [&str; 7] = [
    "nature",
    "category",
    "department",
    "start",
    "end",
    "overall_goal",
    "annual_goal",
];

impl Tab {}

pub(crate) use crate::notices::Notice;

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Action {
    Edit(Edit),
    /// Replace the whole document (新建, clear): undoable.
    Replace(Rc<Document>, Notice),
    /// The text of an imported file: replaces the document if it reads, else only a message.
    Import {
        name: String,
        text: String,
    },
    /// A form workbook read by the form reader: replaces the document (undoably) and says what
    /// was read.
    ImportForm {
        name: String,
        doc: Rc<Document>,
        summary: ReadSummary,
        /// From the 目标 tab: a 申报表 recorded as the open document's declaration.
        record: bool,
    },
    /// 记录为申报目标: the targets as they stand, recorded as declared on this date.
    Declare(String),
    /// 生成下一年度: the document for this year replaces the work (undoably).
    NextYear(i32),
    Notify(Notice),
    Dismiss,
    Undo,
    Redo,
    /// The user moved to another field: the next edit starts a new undo step.
    Checkpoint,
    SetLang(Lang),
    SetTab(Tab),
    ToggleCollapse(String),
    /// Fold or unfold a survey (its questions hidden or shown).
    ToggleSurvey(String),
    /// Open or close the detail row of an indicator (the rare fields).
    ToggleDetail(String),
    /// Close the open detail row (Escape).
    CloseDetail,
    /// Show every finding as what it is, "to fill" ones too (the user asked for a check).
    CheckAll,
    /// A new row right below this one (Ctrl+Enter), its first cell focused.
    InsertBelow(FieldPath),
    /// A share link's document, to open if the user agrees ("打开链接中的文档？").
    Offer(Rc<Document>),
    /// The user keeps their work instead.
    DeclineOffer,
    /// A share link was made (and whether it was copied to the clipboard).
    Shared(String, bool),
    CloseShared,
    /// Show the field of a finding: open its tab, expand its groups, focus it.
    Focus(FieldPath),
    /// Start recording a scenario: later edits are kept apart from the base.
    StartScenario,
    /// Save the edits made since `StartScenario` as a named scenario of the base.
    SaveScenario(String),
    /// Drop those edits and return to the base.
    DiscardScenario,
    /// Open 需要多少 for a field.
    SeekFor(FieldPath),
    /// Show the monitoring round of this date.
    PickRound(String),
}

#[derive(Clone, Debug)]
pub(crate) struct AppState {
    pub doc: Rc<Document>,
    pub eval: Rc<Evaluation>,
    pub undo: Vec<Rc<Document>>,
    pub redo: Vec<Rc<Document>>,
    /// The merge key of the last edit, so that typing in one field is one undo step.
    last_edit: Option<String>,
    pub lang: Lang,
    pub tab: Tab,
    /// The monitoring round shown (its date); the latest when none is picked or it is gone.
    pub round: Option<String>,
    pub collapsed: Rc<HashSet<String>>,
    /// The surveys folded: their questions are not drawn.
    pub folded: Rc<HashSet<String>>,
    /// The rows (budget lines, indicators, surveys) the user has typed in: until then an empty
    /// required field there is shown as "to fill", not as an error.
    pub touched: Rc<HashSet<FieldPath>>,
    /// The user asked for a check: every finding shows as what it is.
    pub checking: bool,
    /// The indicator whose detail row is open.
    pub detail: Option<String>,
    /// A share link's document, waiting for the user to open it or not.
    pub offer: Option<Rc<Document>>,
    /// The share link just made, and whether it was copied.
    pub shared: Option<(String, bool)>,
    pub notice: Option<Notice>,
    /// A request to focus a field: (sequence number, path).
    pub focus: Option<(u64, FieldPath)>,
    /// Bumped whenever the document changes (the autosave effect watches it).
    pub revision: u64,
    /// While a scenario is being recorded: the base it will be saved into.
    pub scenario_base: Option<Rc<Document>>,
    /// The field 需要多少 was opened for.
    pub seek_path: Option<FieldPath>,
}

/// Two states are the same when they show the same revision of the same document with the same
/// view: a cheap comparison (no document, evaluation or undo history is compared deeply).
impl PartialEq for AppState {
    fn eq(&self, other: &AppState) -> bool {
        fn same<T>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
        }
        self.revision == other.revision
            && Rc::ptr_eq(&self.doc, &other.doc)
            && Rc::ptr_eq(&self.eval, &other.eval)
            && self.undo.len() == other.undo.len()
            && self.redo.len() == other.redo.len()
            && self.last_edit == other.last_edit
            && self.lang == other.lang
            && self.tab == other.tab
            && Rc::ptr_eq(&self.collapsed, &other.collapsed)
            && Rc::ptr_eq(&self.folded, &other.folded)
            && Rc::ptr_eq(&self.touched, &other.touched)
            && self.checking == other.checking
            && self.detail == other.detail
            && same(&self.offer, &other.offer)
            && self.shared == other.shared
            && self.notice == other.notice
            && self.focus == other.focus
            && same(&self.scenario_base, &other.scenario_base)
            && self.seek_path == other.seek_path
    }
}

impl AppState {
    pub(crate) fn new(doc: Document, lang: Lang) -> AppState {
        let eval = Rc::new(audit(&doc));
        AppState {
            collapsed: Rc::new(opening_collapsed(&doc)),
            folded: Rc::new(opening_folded(&doc)),
            touched: Rc::new(HashSet::new()),
            checking: false,
            detail: None,
            offer: None,
            shared: None,
            doc: Rc::new(doc),
            eval,
            undo: Vec::new(),
            redo: Vec::new(),
            last_edit: None,
            lang,
            tab: Tab::Indicators,
            round: None,
            notice: None,
            focus: None,
            revision: 0,
            scenario_base: None,
            seek_path: None,
        }
    }

    /// The state after `action`.
    pub(crate) fn apply(&self, action: Action) -> AppState {
        let mut next = self.clone();
        match action {
            Action::Edit(edit) => {
                match &edit {
                    Edit::Set(path, _) => next.touch(path),
                    Edit::SetMany(fields) => fields.iter().for_each(|(path, _)| next.touch(path)),
                    _ => {}
                }
                let key = edit.merge_key();
                let edit_kind = match &edit {
                    Edit::Set(path, _) => Some(path.clone()),
                    _ => None,
                };
                let mut doc = (*self.doc).clone();
                edit.apply(&mut doc);
                let merge = key.is_some() && key == self.last_edit;
                // The project's name, unit, year and goals do not enter the scoring; in a plan,
                // the 申报表's header does enter its review.
                let rescore = match &edit_kind {
                    Some(FieldPath::Meta(key)) => {
                        reviewed_header(key) && jixiao_core::is_plan(&doc)
                    }
                    _ => true,
                };
                next.replace_doc(doc, !merge, rescore);
                next.last_edit = key;
            }
            Action::Replace(doc, notice) => {
                next.set_doc((*doc).clone(), true);
                next.opened();
                next.offer = None;
                next.notice = Some(notice);
            }
            Action::Import { name, text } => match import(&name, &text) {
                Ok(doc) => {
                    next.set_doc(doc, true);
                    next.opened();
                    next.notice = Some(Notice::Imported { name });
                }
                Err(e) => {
                    next.notice = Some(Notice::CannotImport {
                        name,
                        why: Said::of(&e),
                    })
                }
            },
            // A monitoring form read while a document is open is that document's round (matched
            // by the indicators' names), not a new document.
            Action::ImportForm {
                name,
                doc,
                summary,
                record: true,
            } if summary.declaration => {
                let mut into = (*self.doc).clone();
                if let Some(said) = jixiao_core::record_declaration(&mut into, &doc) {
                    next.set_doc(into, true);
                    next.tab = Tab::Targets;
                    next.notice = Some(Notice::DeclarationRead {
                        name,
                        said: Said::of(&said),
                    });
                }
            }
            Action::ImportForm {
                name, doc, summary, ..
            } if summary.round.is_some() && !self.doc.indicators.is_empty() => {
                let mut merged = (*self.doc).clone();
                let said = jixiao_core::merge_round(&mut merged, &doc);
                next.set_doc(merged, true);
                next.tab = Tab::Monitoring;
                next.notice = Some(Notice::RoundRead {
                    name,
                    merged: said.iter().map(|m| Said::of(m)).collect(),
                });
            }
            Action::ImportForm {
                name, doc, summary, ..
            } => {
                let monitored = summary.round.is_some();
                next.set_doc(Rc::unwrap_or_clone(doc), true);
                next.opened();
                if monitored {
                    next.tab = Tab::Monitoring;
                } else if summary.declaration {
                    next.tab = Tab::Targets;
                }
                next.notice = Some(Notice::FormRead {
                    name,
                    report: summary.report,
                    declaration: summary.declaration,
                    summary: Said::of(&summary),
                });
            }
            Action::Declare(date) => {
                let mut doc = (*self.doc).clone();
                let declared = jixiao_core::declare(&doc, Some(date.clone()));
                let count = declared.targets.len();
                doc.declared = Some(declared);
                next.set_doc(doc, true);
                next.notice = Some(Notice::Declared { count, date });
            }
            Action::NextYear(year) => {
                let made = jixiao_core::next_year(&self.doc, &self.eval, year);
                next.set_doc(made.doc, true);
                next.opened();
                next.tab = Tab::Targets;
                next.notice = Some(Notice::NextYear {
                    year,
                    reconsider: made.reconsider.iter().map(|r| Said::of(r)).collect(),
                });
            }
            Action::Notify(notice) => next.notice = Some(notice),
            Action::Dismiss => next.notice = None,
            Action::Undo => {
                if let Some(doc) = next.undo.pop() {
                    next.redo.push(self.doc.clone());
                    next.show(doc);
                }
            }
            Action::Redo => {
                if let Some(doc) = next.redo.pop() {
                    next.undo.push(self.doc.clone());
                    next.show(doc);
                }
            }
            Action::Checkpoint => next.last_edit = None,
            Action::StartScenario => {
                next.scenario_base = Some(self.doc.clone());
                next.notice = Some(Notice::RecordingScenario);
            }
            Action::SaveScenario(name) => {
                if let Some(base) = self.scenario_base.clone() {
                    let changes = jixiao_core::scenario_diff(&base, &self.doc);
                    let count = changes.len();
                    let mut doc = (*base).clone();
                    let name = if name.trim().is_empty() {
                        format!("情景 {}", doc.scenarios.len().saturating_add(1))
                    } else {
                        name
                    };
                    doc.scenarios.push(jixiao_core::Scenario {
                        name: name.clone(),
                        changes,
                        extra: Default::default(),
                    });
                    next.set_doc(doc, true);
                    next.scenario_base = None;
                    next.tab = Tab::Scenarios;
                    next.notice = Some(Notice::ScenarioSaved { name, count });
                }
            }
            Action::DiscardScenario => {
                if let Some(base) = self.scenario_base.clone() {
                    next.set_doc((*base).clone(), true);
                    next.scenario_base = None;
                }
            }
            Action::SeekFor(path) => {
                next.seek_path = Some(path);
                next.tab = Tab::Scenarios;
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::SetTab(tab) => next.tab = tab,
            Action::PickRound(as_of) => next.round = Some(as_of),
            Action::ToggleCollapse(id) => {
                next.collapsed = toggled(&self.collapsed, id);
            }
            Action::ToggleSurvey(id) => next.folded = toggled(&self.folded, id),
            Action::ToggleDetail(id) => {
                next.detail = if self.detail.as_deref() == Some(id.as_str()) {
                    None
                } else {
                    Some(id)
                };
            }
            Action::CloseDetail => next.detail = None,
            Action::Offer(doc) => next.offer = Some(doc),
            Action::DeclineOffer => {
                next.offer = None;
                next.notice = Some(Notice::LinkDeclined);
            }
            Action::Shared(link, copied) => next.shared = Some((link, copied)),
            Action::CloseShared => next.shared = None,
            Action::CheckAll => next.checking = true,
            Action::InsertBelow(row) => {
                let (edit, place) = match &row {
                    FieldPath::Node(id, None) => {
                        (Edit::InsertNodeBelow(id.clone()), Section::Indicators)
                    }
                    FieldPath::Line(id, None) => {
                        (Edit::InsertLineBelow(id.clone()), Section::Budget)
                    }
                    _ => return next,
                };
                let before = row_ids(&self.doc, place);
                let mut doc = (*self.doc).clone();
                edit.apply(&mut doc);
                let new = row_ids(&doc, place)
                    .into_iter()
                    .find(|id| !before.contains(id))
                    .map(str::to_string);
                if let FieldPath::Node(id, None) = &row {
                    next.collapsed = without(&self.collapsed, [id.as_str()]);
                }
                next.set_doc(doc, true);
                if let Some(new) = new {
                    let first_cell = match place {
                        Section::Budget => FieldPath::line(&new, LineField::Name),
                        _ => FieldPath::node(&new, NodeField::Name),
                    };
                    next.focus_on(first_cell);
                }
            }
            Action::Focus(path) => {
                next.tab = Tab::for_path(self.tab, &path);
                if let FieldPath::Round(as_of, _) = &path {
                    next.round = Some(as_of.clone());
                }
                if let FieldPath::Node(id, Some(field)) = &path {
                    if in_detail_row(field) {
                        next.detail = Some(id.clone());
                    }
                }
                let id = match &path {
                    FieldPath::Claim(jixiao_core::ClaimField::Figure(
                        jixiao_core::What::LeafScore(id),
                    )) => Some(id.as_str()),
                    other => other.indicator(),
                };
                if let Some(id) = id {
                    let open = self.doc.ancestors(id).unwrap_or_default();
                    next.collapsed = without(&self.collapsed, open.iter().map(|g| g.id.as_str()));
                }
                if let FieldPath::Survey(id, Some(_)) = &path {
                    next.folded = without(&self.folded, [id.as_str()]);
                }
                next.focus_on(path);
            }
        }
        next
    }

    /// Whether `action` would change nothing (so the page need not render again).
    pub(crate) fn is_noop(&self, action: &Action) -> bool {
        matches!(action, Action::Checkpoint) && self.last_edit.is_none()
    }

    /// Asks the page to focus `path` (a new request each time, even for the same path).
    fn focus_on(&mut self, path: FieldPath) {
        let seq = self.focus.as_ref().map_or(1, |(n, _)| n.wrapping_add(1));
        self.focus = Some((seq, path));
    }

    /// The row of `path` has been typed in.
    fn touch(&mut self, path: &FieldPath) {
        if let Some(row) = path.row() {
            if !self.touched.contains(&row) {
                let mut touched = (*self.touched).clone();
                touched.insert(row);
                self.touched = Rc::new(touched);
            }
        }
    }

    /// Another document was opened: a calm start again (nothing touched, no check asked for),
    /// its large groups collapsed, no detail row open.
    fn opened(&mut self) {
        self.last_edit = None;
        self.collapsed = Rc::new(opening_collapsed(&self.doc));
        self.folded = Rc::new(opening_folded(&self.doc));
        self.touched = Rc::new(HashSet::new());
        self.checking = false;
        self.detail = None;
    }

    /// Whether a finding is shown as "to fill" (neutral) rather than as what it is: only
    /// something not filled in yet, in a row the user has not typed in, before a check.
    /// In a plan, what only the year brings (an actual value, a tier, the spending, the survey's
    /// answers) stays "to fill" in a row typed in too.
    pub(crate) fn to_fill(&self, finding: &jixiao_core::Finding) -> bool {
        !self.checking
            && finding.problem.is_unfilled()
            && (!finding
                .path
                .row()
                .is_some_and(|row| self.touched.contains(&row))
                || (self.eval.plan && happens_in_the_year(&finding.path)))
    }

    /// A new document from an edit: remembered for undo unless it continues the last edit.
    fn set_doc(&mut self, doc: Document, remember: bool) {
        self.replace_doc(doc, remember, true);
    }

    /// A new document; scored again unless the change cannot alter the scores (`rescore` false:
    /// the evaluation of the previous document stands).
    fn replace_doc(&mut self, doc: Document, remember: bool, rescore: bool) {
        if remember {
            self.undo.push(self.doc.clone());
            if self.undo.len() > UNDO_LIMIT {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        if rescore {
            self.show(Rc::new(doc));
        } else {
            self.doc = Rc::new(doc);
            self.last_edit = None;
            self.revision = self.revision.wrapping_add(1);
        }
    }

    fn show(&mut self, doc: Rc<Document>) {
        self.eval = Rc::new(audit(&doc));
        self.doc = doc;
        self.last_edit = None;
        self.revision = self.revision.wrapping_add(1);
    }
}

/// Reads an imported file. A build with the `panic-test` feature (for the browser tests only)
/// panics on a file whose name contains `panic-test`, to show what the user sees if reading ever
/// panicked; no other build has the trigger.
#[cfg_attr(feature = "panic-test", allow(clippy::panic))] // The trigger is the point of the feature.
fn import(name: &str, text: &str) -> Result<Document, jixiao_core::LoadError> {
    #[cfg(feature = "panic-test")]
    if name.contains("panic-test") {
        panic!("panic-test: importing {name}");
    }
    let _ = name;
    read_str(text)
}

/// The document a first visit starts with.
pub(crate) fn starting_document() -> Document {
    template("standard").unwrap_or_default()
}

impl AppState {
    /// The monitoring round shown: the one picked, else the latest.
    pub(crate) fn shown_round(&self) -> Option<&jixiao_core::Round> {
        self.round
            .as_deref()
            .and_then(|d| self.doc.monitoring.iter().find(|r| r.as_of == d))
            .or_else(|| jixiao_core::monitoring_round(&self.doc, None))
    }
}

/// `set` with `id` taken out if it is in, put in if it is not.
fn toggled(set: &Rc<HashSet<String>>, id: String) -> Rc<HashSet<String>> {
    let mut set = (**set).clone();
    if !set.remove(&id) {
        set.insert(id);
    }
    Rc::new(set)
}

/// `set` without `ids` (groups expanded, surveys unfolded): the same set where none is in it, so
/// that what compares sets by pointer sees no change.
fn without<'a>(
    set: &Rc<HashSet<String>>,
    ids: impl IntoIterator<Item = &'a str>,
) -> Rc<HashSet<String>> {
    let ids: Vec<&str> = ids.into_iter().filter(|id| set.contains(*id)).collect();
    if ids.is_empty() {
        return Rc::clone(set);
    }
    let mut set = (**set).clone();
    for id in ids {
        set.remove(id);
    }
    Rc::new(set)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_core::show2;
    use jixiao_core::{LineField, RuleField, SurveyField};

    fn kunming() -> AppState {
        AppState::new(template("kunming-2022").unwrap(), Lang::Zh)
    }

    #[test]
    fn a_fresh_template_starts_calm_until_a_row_is_typed_in_or_a_check_is_asked_for() {
        let state = AppState::new(starting_document(), Lang::Zh);
        assert_eq!(show2(state.eval.total), "0.00");
        assert!(state.eval.findings.iter().all(|f| state.to_fill(f)));
        // Typing in O11's name: that row's empty target is now an error, the others still to
        // fill; its actual too, while the document is a plan (the year has not happened yet).
        let state = state.apply(Action::Edit(Edit::Set(
            FieldPath::node("O11", NodeField::Name),
            "培训人次".into(),
        )));
        assert!(state.eval.plan);
        let o11: Vec<(String, bool)> = state
            .eval
            .findings
            .iter()
            .filter(|f| f.path.indicator() == Some("O11"))
            .map(|f| (f.path.to_string(), state.to_fill(f)))
            .collect();
        assert_eq!(
            o11,
            [
                ("indicators/O11/rule/target".to_string(), false),
                ("indicators/O11/rule/actual".to_string(), true)
            ]
        );
        // Once an actual is written anywhere, the document is no plan: the row's empty actual
        // is an error.
        let with_actual = state.apply(Action::Edit(Edit::Set(
            FieldPath::rule("O21", RuleField::Actual),
            "5".into(),
        )));
        assert!(!with_actual.eval.plan);
        assert!(with_actual.eval.findings.iter().any(|f| f.path
            == FieldPath::rule("O11", RuleField::Actual)
            && !with_actual.to_fill(f)));
        assert!(state
            .eval
            .findings
            .iter()
            .filter(|f| f.path.indicator() == Some("O21"))
            .all(|f| state.to_fill(f)));
        let checked = state.apply(Action::CheckAll);
        assert!(checked.eval.findings.iter().all(|f| !checked.to_fill(f)));
        // A written mistake is never merely "to fill".
        let wrong = state.apply(Action::Edit(Edit::Set(
            FieldPath::line("b1", LineField::Planned),
            "-3".into(),
        )));
        assert!(wrong
            .eval
            .findings
            .iter()
            .any(|f| f.code() == "negative-money" && !wrong.to_fill(f)));
        // Opening another document starts calm again.
        let reopened = checked.apply(Action::Replace(
            Rc::new(starting_document()),
            Notice::LinkOpened,
        ));
        assert!(!reopened.checking && reopened.touched.is_empty());
    }

    #[test]
    fn a_linked_document_is_offered_opened_with_undo_or_declined() {
        let state = kunming();
        let linked = Rc::new(starting_document());
        let offered = state.apply(Action::Offer(linked.clone()));
        assert_eq!(
            offered.doc, state.doc,
            "nothing is replaced before the user agrees"
        );
        let declined = offered.apply(Action::DeclineOffer);
        assert!(declined.offer.is_none());
        assert_eq!(declined.doc, state.doc);
        let opened = offered.apply(Action::Replace(linked.clone(), Notice::LinkOpened));
        assert_eq!(*opened.doc, *linked);
        assert!(opened.offer.is_none());
        assert_eq!(
            *opened.apply(Action::Undo).doc,
            *state.doc,
            "undo brings the work back"
        );
    }

    #[test]
    fn typing_the_projects_name_keeps_the_evaluation_and_anything_else_rescores() {
        let state = kunming();
        let named = state.apply(Action::Edit(Edit::Set(
            "meta/title".parse().unwrap(),
            "新名称".into(),
        )));
        assert!(
            Rc::ptr_eq(&named.eval, &state.eval),
            "the name does not enter the scores"
        );
        assert_eq!(named.doc.meta_text("title"), "新名称");
        assert_eq!(
            *named.eval,
            audit(&named.doc),
            "and the kept evaluation is the right one"
        );
        let changed = named.apply(Action::Edit(Edit::Set(
            FieldPath::rule("C112", RuleField::Actual),
            "30".into(),
        )));
        assert!(!Rc::ptr_eq(&changed.eval, &named.eval));
    }

    #[test]
    fn a_large_document_opens_with_its_large_groups_collapsed() {
        let leaf = |n: usize| {
            serde_json::json!({"id": format!("L{n}"), "name": "x", "points": "0.1",
            "rule": {"kind": "manual", "score": "0.1"}})
        };
        let groups: Vec<serde_json::Value> = (0..10)
            .map(|g| {
                serde_json::json!({"id": format!("G{g}"), "name": "g",
                "children": (0..30).map(|i| leaf(g * 100 + i)).collect::<Vec<_>>()})
            })
            .collect();
        let doc =
            read_str(&serde_json::json!({"format": "jixiao/1", "indicators": groups}).to_string())
                .unwrap();
        let state = AppState::new(doc, Lang::Zh);
        assert_eq!(
            state.collapsed.len(),
            10,
            "300 leaves: each group of 30 opens collapsed"
        );
        assert!(
            kunming().collapsed.is_empty(),
            "a form-sized document opens expanded"
        );
    }

    #[test]
    fn surveys_of_many_questions_open_folded_but_the_first_and_a_focus_unfolds_its_survey() {
        let survey = |s: usize| {
            serde_json::json!({"id": format!("s{s}"), "name": "问卷",
            "options": [{"label": "满意", "weight": "100"}, {"label": "不满意", "weight": "0"}],
            "questions": (0..30).map(|q| serde_json::json!({"id": format!("q{q}"), "text": "题",
                "counts": ["1", "0"]})).collect::<Vec<_>>()})
        };
        let doc = read_str(
            &serde_json::json!({"format": "jixiao/1", "indicators": [],
            "surveys": (0..4).map(survey).collect::<Vec<_>>()})
            .to_string(),
        )
        .unwrap();
        let state = AppState::new(doc, Lang::Zh);
        let mut folded: Vec<&str> = state.folded.iter().map(String::as_str).collect();
        folded.sort_unstable();
        assert_eq!(
            folded,
            ["s1", "s2", "s3"],
            "120 questions: all but the first folded"
        );
        assert!(
            kunming().folded.is_empty(),
            "a form-sized document opens unfolded"
        );
        let count = FieldPath::survey("s2", SurveyField::Question("q3".into(), None));
        let state = state.apply(Action::Focus(count));
        assert!(
            !state.folded.contains("s2"),
            "a finding's focus unfolds its survey"
        );
        assert_eq!(state.tab, Tab::Surveys);
        let state = state.apply(Action::ToggleSurvey("s0".into()));
        assert!(state.folded.contains("s0"));
        assert!(!state
            .apply(Action::ToggleSurvey("s0".into()))
            .folded
            .contains("s0"));
    }

    #[test]
    fn ctrl_enter_adds_a_row_and_focuses_its_first_cell_and_a_detail_field_opens_its_row() {
        let state = kunming().apply(Action::InsertBelow(FieldPath::Node("C112".into(), None)));
        let (_, path) = state.focus.clone().unwrap();
        assert_eq!(path.to_string(), "indicators/C115/name");
        let state = state.apply(Action::InsertBelow(FieldPath::Line(
            state.doc.budget[0].id.clone(),
            None,
        )));
        let (_, path) = state.focus.clone().unwrap();
        assert!(path.to_string().starts_with("budget/") && path.to_string().ends_with("/name"));
        let state = state.apply(Action::Focus(FieldPath::rule("C112", RuleField::Tier)));
        assert_eq!(state.detail.as_deref(), Some("C112"));
        let state = state.apply(Action::CloseDetail);
        assert_eq!(state.detail, None);
        let state = state.apply(Action::ToggleDetail("A11".into()));
        assert_eq!(state.detail.as_deref(), Some("A11"));
        assert_eq!(state.apply(Action::ToggleDetail("A11".into())).detail, None);
    }

    fn typed(state: AppState, id: &str, field: RuleField, text: &str) -> AppState {
        // One action per keystroke, as the page sends them.
        let mut state = state;
        for end in 1..=text.chars().count() {
            let prefix: String = text.chars().take(end).collect();
            state = state.apply(Action::Edit(Edit::Set(FieldPath::rule(id, field), prefix)));
        }
        state
    }

    #[test]
    fn every_edit_rescores() {
        let state = kunming();
        assert_eq!(show2(state.eval.total), "92.00");
        // C111 举办培训期数: target 3, actual 4 → 1.
        let state = state.apply(Action::Edit(Edit::Set(
            FieldPath::rule("C111", RuleField::Actual),
            "1".into(),
        )));
        assert_eq!(show2(state.eval.total), "89.33");
        assert_eq!(state.revision, 1);
    }

    #[test]
    fn typing_in_a_field_is_one_undo_step() {
        let state = typed(kunming(), "C112", RuleField::Actual, "30");
        assert_eq!(state.undo.len(), 1);
        let state = typed(state, "C112", RuleField::Target, "45");
        assert_eq!(state.undo.len(), 2);
        let back = state.apply(Action::Undo).apply(Action::Undo);
        assert_eq!(back.doc, kunming().doc);
        let again = back.apply(Action::Redo);
        assert_eq!(again.undo.len(), 1);
        assert_eq!(again.redo.len(), 1);
    }

    #[test]
    fn moving_to_another_field_starts_a_new_undo_step() {
        let state = typed(kunming(), "C112", RuleField::Actual, "30");
        assert!(!state.is_noop(&Action::Checkpoint));
        let state = state.apply(Action::Checkpoint);
        assert!(state.is_noop(&Action::Checkpoint));
        let state = typed(state, "C112", RuleField::Actual, "5");
        assert_eq!(state.undo.len(), 2);
        let back = state.apply(Action::Undo);
        assert_eq!(show2(back.eval.total), "90.00");
    }

    #[test]
    fn deleting_a_group_and_clearing_can_be_undone() {
        let state = kunming();
        let gone = state.apply(Action::Edit(Edit::RemoveNode("C".into())));
        assert_eq!(show2(gone.eval.total), "39.00");
        assert_eq!(gone.apply(Action::Undo).doc, state.doc);
        let blank = Rc::new(template("blank").unwrap());
        let cleared = state.apply(Action::Replace(blank, Notice::LinkOpened));
        assert!(cleared.doc.indicators.is_empty());
        assert_eq!(cleared.apply(Action::Undo).doc, state.doc);
    }

    #[test]
    fn a_broken_import_leaves_the_work_untouched() {
        let state = kunming().apply(Action::Edit(Edit::Set(
            FieldPath::line("b1", LineField::Name),
            "改".into(),
        )));
        let after = state.apply(Action::Import {
            name: "bad.json".into(),
            text: "{\"format\": \"jixiao/1\", ".into(),
        });
        assert_eq!(after.doc, state.doc);
        assert_eq!(after.undo.len(), state.undo.len());
        let notice = after.notice.unwrap();
        assert!(notice.is_error());
        assert!(jixiao_core::Message::zh(&notice).contains("当前内容未改动"));
    }

    #[test]
    fn a_good_import_replaces_and_can_be_undone() {
        let state = AppState::new(starting_document(), Lang::En);
        let text = jixiao_core::template_text("kunming-2022")
            .unwrap()
            .to_string();
        let after = state.apply(Action::Import {
            name: "k.json".into(),
            text,
        });
        assert_eq!(show2(after.eval.total), "92.00");
        assert_eq!(after.apply(Action::Undo).doc, state.doc);
    }

    #[test]
    fn edits_become_a_scenario_and_the_base_comes_back() {
        let state = kunming().apply(Action::StartScenario);
        let state = typed(state, "C112", RuleField::Actual, "45");
        assert_eq!(show2(state.eval.total), "91.00");
        let saved = state.apply(Action::SaveScenario("少招学员".into()));
        assert_eq!(show2(saved.eval.total), "92.00", "the base is back");
        assert_eq!(saved.doc.scenarios.len(), 1);
        let change = &saved.doc.scenarios[0].changes[0];
        assert_eq!(
            (change.path.as_str(), change.value.as_str()),
            ("indicators/C112/rule/actual", "45")
        );
        assert!(saved.scenario_base.is_none());
        // Applying it makes it the base.
        let applied = saved.apply(Action::Edit(Edit::ApplyScenario(0)));
        assert_eq!(show2(applied.eval.total), "91.00");
        assert!(applied.doc.scenarios.is_empty());
        // Discarding returns to the base.
        let discarded = kunming()
            .apply(Action::StartScenario)
            .apply(Action::Edit(Edit::Set(
                FieldPath::line("b3", LineField::Spent),
                "1".into(),
            )))
            .apply(Action::DiscardScenario);
        assert_eq!(discarded.doc, kunming().doc);
    }

    #[test]
    fn focus_opens_the_tab_and_the_groups() {
        let state = kunming()
            .apply(Action::ToggleCollapse("C".into()))
            .apply(Action::SetTab(Tab::Budget));
        assert!(state.collapsed.contains("C"));
        let actual = FieldPath::rule("C111", RuleField::Actual);
        let state = state.apply(Action::Focus(actual.clone()));
        assert_eq!(state.tab, Tab::Indicators);
        assert!(!state.collapsed.contains("C"));
        assert_eq!(state.focus, Some((1, actual)));
        let state = state.apply(Action::Focus(FieldPath::line("b3", LineField::Spent)));
        assert_eq!((state.tab, state.focus.unwrap().0), (Tab::Budget, 2));
    }
}
