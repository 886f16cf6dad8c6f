//! 绩效指标 laid out like the 自评表: one row per indicator with the tree's names (indented,
//! groups collapsible with their subtotals), 计分方式, 年度指标值, 实际完成值, 单位, 分值, 得分,
//! 完成率 and 偏差原因; the rare fields (steps, tolerance, tier, survey, 不适用) in a detail row
//! opened under its row. Spreadsheet keys come from [`super::sheet`].

use super::fields::indicator_row;
use super::fields::{
    button, dom_id, messages, raw, row_keys, seek_button, select, select_cell, shown, Field,
};
use super::i18n::{kind_label, kind_short, t, tier_short};
use super::window::{use_window, Span, TableFind};
use super::{sheet, use_ctx, Ctx, Host};
use crate::edit::{Dir, Edit};
use crate::state::Action;
use jixiao_core::as_percent;
use jixiao_core::Decimal;
use jixiao_core::{Cursor, GroupResult, LeafResult};
use jixiao_core::{FieldPath, NodeField, RuleField, Section, StepField};
use jixiao_core::{Group, Leaf, Node, RuleKind, Tier};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The table's columns.
const COLUMNS: usize = 10;

/// A row of an indicator table (this tab's or the 目标 tab's): its node's id, and how it is
/// drawn at its place among the rows, called only for the rows in the window.
pub(crate) struct TreeRow<'a> {
    pub(crate) id: &'a str,
    pub(crate) draw: Box<dyn FnOnce(usize) -> Html + 'a>,
}

/// Where a focus request goes among `rows`: its sequence number and its row's place.
pub(crate) fn tree_focus(ctx: &Ctx, rows: &[TreeRow]) -> Option<(u64, usize)> {
    let (seq, path) = ctx.state.focus.as_ref()?;
    let id = indicator_row(path)?;
    Some((*seq, rows.iter().position(|r| r.id == id)?))
}

/// The rows in the window drawn, with the spacers for the others.
pub(crate) fn draw_tree(span: Span, rows: Vec<TreeRow>, columns: usize) -> Html {
    // The rows next to the window's edges (their ids outlive the rows, which are drawn below).
    let edges = [span.first.checked_sub(1), Some(span.end)]
        .map(|at| at.and_then(|i| Some((i, rows.get(i)?.id))));
    let row_path = |i: usize| {
        let (_, id) = edges.iter().flatten().find(|(at, _)| *at == i)?;
        Some(FieldPath::Node((*id).to_string(), None).to_string())
    };
    let drawn = rows
        .into_iter()
        .enumerate()
        .skip(span.first)
        .take(span.end.saturating_sub(span.first))
        .map(|(i, row)| (row.draw)(i));
    span.rows(columns, row_path, drawn)
}

/// The columns of the table; a cell's control carries its number (`data-col`) for the keys.
mod col {
    pub(crate) const NAME: usize = 0;
    pub(crate) const KIND: usize = 1;
    pub(crate) const TARGET: usize = 2;
    pub(crate) const ACTUAL: usize = 3;
    pub(crate) const UNIT: usize = 4;
    pub(crate) const POINTS: usize = 5;
    pub(crate) const SCORE: usize = 6;
    pub(crate) const REASON: usize = 8;
    pub(crate) const DETAIL: usize = 9;
    /// A group row's buttons: past every leaf column, so ↑/↓ from a leaf's cell passes them by.
    pub(crate) const GROUP_BUTTONS: usize = 20;
}

/// The column headings, in order (also each cell's label on a phone, where rows stack).
fn headings(lang: jixiao_core::Lang) -> [&'static str; 10] {
    [
        t(lang, "指标", "Indicator"),
        t(lang, "计分方式", "Rule"),
        t(lang, "年度指标值", "Target"),
        t(lang, "实际完成值", "Actual"),
        t(lang, "单位", "Unit"),
        t(lang, "分值", "Points"),
        t(lang, "得分", "Score"),
        t(lang, "完成率", "Completion"),
        t(lang, "偏差原因", "Reason for deviation"),
        t(lang, "详情", "Details"),
    ]
}

/// What the rows need besides their own data: the surveys to link, and the figures that
/// budget- and survey-based rules take as their actual value.
struct Sources<'a> {
    surveys: Rc<Vec<(String, String)>>,
    eval: &'a jixiao_core::Evaluation,
}

impl Sources<'_> {
    /// The figure a leaf's actual value comes from, if it is not typed.
    fn figure(&self, leaf: &Leaf) -> Option<Decimal> {
        match leaf.rule.kind()? {
            RuleKind::BudgetExecution => self.eval.budget.execution_rate,
            RuleKind::FundArrival => self.eval.budget.arrival_rate,
            RuleKind::Satisfaction => {
                let id = leaf.rule.survey.as_deref()?.trim();
                self.eval.surveys.iter().find(|s| s.id == id)?.satisfaction
            }
            _ => None,
        }
    }
}

#[function_component(IndicatorEditor)]
pub(crate) fn indicator_editor() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let doc = ctx.state.doc.clone();
    let eval = ctx.state.eval.clone();
    let sources = Sources {
        surveys: Rc::new(
            doc.surveys
                .iter()
                .map(|s| {
                    let label = if s.name.is_empty() {
                        s.id.clone()
                    } else {
                        format!("{} {}", s.id, s.name)
                    };
                    (s.id.clone(), label)
                })
                .collect(),
        ),
        eval: &eval,
    };
    let mut rows = Vec::new();
    let mut cursor = Cursor::new(&eval);
    rows_of(&ctx, &sources, &mut cursor, &doc.indicators, 0, &mut rows);
    let body = use_node_ref();
    let span = use_window(body.clone(), rows.len(), tree_focus(&ctx, &rows));
    let rowcount = rows.len().saturating_add(1).to_string();
    let section = FieldPath::Section(Section::Indicators);
    let heads = headings(lang);
    html! {
        <div id={dom_id(&section)} tabindex="-1" onpaste={super::files::on_paste(&ctx, Edit::PasteIndicators)}>
            <h2>{ t(lang, "绩效指标", "Indicators") }</h2>
            <p class="hint">{ t(lang,
                "Enter 下移，Shift+Enter 上移，Tab 右移，Ctrl+Enter 在下方插入一行，Alt+↑/↓ 移动行。可从 Excel、WPS 或 Word 表格复制若干行（可连同表头）粘贴到这里，成为新的指标行。",
                "Enter moves down, Shift+Enter up, Tab across, Ctrl+Enter inserts a row below, Alt+↑/↓ moves a row. Copy rows from Excel, WPS or a Word table (with their header, if you like) and paste them here to add indicators.") }</p>
            { messages(&ctx, &section) }
            <TableFind />
            <div class="table-wrap sheet-wrap">
                <table class="sheet indicator-table" aria-rowcount={rowcount} onkeydown={sheet::keys(&ctx)} onpaste={sheet::paste(&ctx)}>
                    <colgroup>
                        <col class="c-name" /><col class="c-kind" /><col class="c-target" /><col class="c-actual" />
                        <col class="c-unit" /><col class="c-points" /><col class="c-score" /><col class="c-rate" />
                        <col class="c-reason" /><col class="c-detail" />
                    </colgroup>
                    <thead><tr aria-rowindex="1">
                        { for heads.iter().take(9).map(|h| html! { <th scope="col">{ *h }</th> }) }
                        <th scope="col"><span class="sr-only">{ heads[9] }</span></th>
                    </tr></thead>
                    <tbody ref={body}>
                        { draw_tree(span, rows, COLUMNS) }
                    </tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="5">{ t(lang, "合计", "Total") }</th>
                        <td class="figure" data-label={heads[5]}>{ shown(Some(eval.max_points)) }</td>
                        <td class="figure" data-label={heads[6]} data-testid="table-total">{ shown(Some(eval.total)) }</td>
                        <td class="figure" data-label={heads[7]}>{ format!("{}%", shown(Some(eval.percent))) }</td>
                        <td colspan="2"></td>
                    </tr></tfoot>
                </table>
            </div>
            { add_buttons(&ctx) }
        </div>
    }
}

/// ＋ 一级指标 and ＋ 指标 under an indicator table (this tab's and the 目标 tab's).
pub(crate) fn add_buttons(ctx: &Host) -> Html {
    let lang = ctx.lang();
    html! {
        <div class="add-row">
            <button type="button" class="button" onclick={ctx.on(|_: MouseEvent| Action::Edit(Edit::AddNode { parent: None, group: true }))}>
                { t(lang, "＋ 一级指标（分组）", "+ First-level group") }
            </button>
            <button type="button" class="button" onclick={ctx.on(|_: MouseEvent| Action::Edit(Edit::AddNode { parent: None, group: false }))}>
                { t(lang, "＋ 指标", "+ Indicator") }
            </button>
        </div>
    }
}

/// Where a node stands among its siblings (for the indentation and the ↑ ↓ buttons).
#[derive(Clone, Copy, PartialEq)]
struct Place {
    depth: usize,
    first: bool,
    last: bool,
}

/// The rows of `nodes` and their open descendants, in document order, joined to their results
/// by position (repeated ids still get their own results); each drawn only if it is in the
/// window (given its place among the rows).
fn rows_of<'a>(
    ctx: &'a Ctx,
    sources: &'a Sources,
    cursor: &mut Cursor<'a>,
    nodes: &'a [Node],
    depth: usize,
    rows: &mut Vec<TreeRow<'a>>,
) {
    let count = nodes.len();
    let keys = row_keys(nodes.iter().map(Node::id));
    for (i, (n, key)) in nodes.iter().zip(keys).enumerate() {
        let place = Place {
            depth,
            first: i == 0,
            last: i.saturating_add(1) == count,
        };
        match n {
            Node::Group(g) => {
                let collapsed = ctx.state.collapsed.contains(&g.id);
                let result = cursor.group();
                rows.push(TreeRow {
                    id: &g.id,
                    draw: Box::new(move |index| {
                        group_row(ctx, g, result.cloned(), place, collapsed, key, index)
                    }),
                });
                if collapsed {
                    cursor.skip(&g.children);
                } else {
                    rows_of(
                        ctx,
                        sources,
                        cursor,
                        &g.children,
                        depth.saturating_add(1),
                        rows,
                    );
                }
            }
            Node::Leaf(l) => {
                let result = cursor.leaf();
                rows.push(TreeRow {
                    id: &l.id,
                    draw: Box::new(move |index| {
                        html! {
                            <LeafRow {key} {index} leaf={l.clone()} {place} result={result.cloned()}
                                open={ctx.state.detail.as_deref() == Some(l.id.as_str())}
                                figure={sources.figure(l)}
                                host={ctx.for_indicator(&l.id)} surveys={sources.surveys.clone()} />
                        }
                    }),
                });
            }
        }
    }
}

/// ↑ ↓ 删除 for a node.
fn node_actions(ctx: &Host, name: &str, id: &str, place: Place, first_col: Option<usize>) -> Html {
    let lang = ctx.lang();
    let (up, down, delete) = (id.to_string(), id.to_string(), id.to_string());
    let col = |n: usize| first_col.map(|c| c.saturating_add(n).to_string());
    html! {
        <span class="row-actions">
            <button type="button" class="small" data-col={col(2)} aria-label={format!("{} {name}", t(lang, "上移", "Move up"))}
                title={t(lang, "上移（Alt+↑）", "Move up (Alt+↑)")} disabled={place.first}
                onclick={ctx.on(move |_: MouseEvent| Action::Edit(Edit::MoveNode(up.clone(), Dir::Up)))}>{ "↑" }</button>
            <button type="button" class="small" data-col={col(3)} aria-label={format!("{} {name}", t(lang, "下移", "Move down"))}
                title={t(lang, "下移（Alt+↓）", "Move down (Alt+↓)")} disabled={place.last}
                onclick={ctx.on(move |_: MouseEvent| Action::Edit(Edit::MoveNode(down.clone(), Dir::Down)))}>{ "↓" }</button>
            <button type="button" class="small" data-col={col(4)} aria-label={format!("{} {name}", t(lang, "删除", "Delete"))}
                onclick={ctx.on(move |_: MouseEvent| Action::Edit(Edit::RemoveNode(delete.clone())))}>{ t(lang, "删除", "Delete") }</button>
        </span>
    }
}

fn display_name(id: &str, name: &str) -> String {
    if name.is_empty() {
        id.to_string()
    } else {
        format!("{id} {name}")
    }
}

/// The indentation of a row's first cell: 0.3 rem and 1.2 rem a level, in tenths of a rem
/// (whole numbers: formatting a float would bring 10 KB of float printing into the page).
fn indent(depth: usize) -> String {
    let tenths = depth.min(8).saturating_mul(12).saturating_add(3);
    format!(
        "padding-left:{}.{}rem",
        tenths.checked_div(10).unwrap_or(0),
        tenths.checked_rem(10).unwrap_or(0)
    )
}

fn group_row(
    ctx: &Ctx,
    g: &Group,
    result: Option<GroupResult>,
    place: Place,
    collapsed: bool,
    key: String,
    index: usize,
) -> Html {
    let lang = ctx.lang();
    let heads = headings(lang);
    let base = FieldPath::Node(g.id.clone(), None);
    let name = display_name(&g.id, &g.name);
    let (toggle, add_leaf, add_group) = (g.id.clone(), Some(g.id.clone()), Some(g.id.clone()));
    let rate = result
        .as_ref()
        .filter(|r| !r.points.is_zero())
        .and_then(|r| r.score.checked_div(r.points).map(as_percent));
    html! {
        <tr {key} class={classes!("group-row", format!("depth-{}", place.depth.min(4)))}
            data-row={base.to_string()} id={dom_id(&base)} tabindex="-1" aria-rowindex={index.saturating_add(2).to_string()}>
            <td colspan="5" class={indent(place.depth)} data-label={heads[0]}>
                <div class="name-line">
                    <button type="button" class="toggle" aria-expanded={(!collapsed).to_string()}
                        aria-label={format!("{} {name}", if collapsed { t(lang, "展开", "Expand") } else { t(lang, "折叠", "Collapse") })}
                        onclick={ctx.on(move |_: MouseEvent| Action::ToggleCollapse(toggle.clone()))}>
                        { if collapsed { "▸" } else { "▾" } }
                    </button>
                    <span class="node-id">{ g.id.clone() }</span>
                    { Field::new(&FieldPath::node(&g.id, NodeField::Name), t(lang, "分组名称", "Group name"), &g.name)
                        .cell(col::NAME).edit(ctx) }
                    if collapsed {
                        <span class="hint count">{ format!("（{} {}）", g.children.len(), t(lang, "项", "items")) }</span>
                    }
                </div>
                { messages(ctx, &base) }
            </td>
            <td class="figure" data-label={heads[5]}>{ shown(result.as_ref().map(|r| r.points)) }</td>
            <td class="figure subtotal" data-label={heads[6]} data-testid={format!("subtotal-{}", g.id)}>
                <strong>{ shown(result.as_ref().map(|r| r.score)) }</strong>
            </td>
            <td class="figure" data-label={heads[7]}>{ rate.map_or(String::new(), |r| format!("{}%", shown(Some(r)))) }</td>
            <td colspan="2" class="group-actions">
                <button type="button" class="small" data-col={col::GROUP_BUTTONS.to_string()}
                    aria-label={format!("{} {name}", t(lang, "添加指标到", "Add an indicator to"))}
                    onclick={ctx.on(move |_: MouseEvent| Action::Edit(Edit::AddNode { parent: add_leaf.clone(), group: false }))}>
                    { t(lang, "＋指标", "+ Indicator") }
                </button>
                <button type="button" class="small" data-col={col::GROUP_BUTTONS.saturating_add(1).to_string()}
                    aria-label={format!("{} {name}", t(lang, "添加分组到", "Add a group to"))}
                    onclick={ctx.on(move |_: MouseEvent| Action::Edit(Edit::AddNode { parent: add_group.clone(), group: true }))}>
                    { t(lang, "＋分组", "+ Group") }
                </button>
                { node_actions(ctx, &name, &g.id, place, Some(col::GROUP_BUTTONS)) }
            </td>
        </tr>
    }
}

/// One leaf's row (and its detail row when open). Its props are its own data, result and
/// findings, so typing in one leaf renders that leaf again, not the others.
#[derive(Properties, PartialEq)]
struct LeafProps {
    /// The row's place in the table (`aria-rowindex` is one more, after the heading).
    index: usize,
    leaf: Leaf,
    place: Place,
    result: Option<LeafResult>,
    /// The figure a budget- or survey-based rule takes as its actual value.
    figure: Option<Decimal>,
    open: bool,
    host: Host,
    surveys: Rc<Vec<(String, String)>>,
}

#[function_component(LeafRow)]
fn leaf_row(props: &LeafProps) -> Html {
    let ctx = &props.host;
    let lang = ctx.lang();
    let l = &props.leaf;
    let heads = headings(lang);
    let base = FieldPath::Node(l.id.clone(), None);
    let at = |field| FieldPath::node(&l.id, field);
    let rule_at = |field| FieldPath::rule(&l.id, field);
    let kind = l.rule.kind();
    let kinds: Vec<(&str, &str)> = RuleKind::ALL
        .iter()
        .map(|k| (k.name(), kind_short(Some(*k)).get(lang)))
        .collect();
    let result = props.result.as_ref();
    let row_error = ctx.findings.row_has_error();
    let applicable = result.is_none_or(|r| r.applicable);
    // 得分: typed for an expert score, computed otherwise; an error scores 0 and says so.
    let score = match (kind, result) {
        (Some(RuleKind::Manual), _) => {
            Field::new(&rule_at(RuleField::Score), heads[6], &raw(&l.rule.score))
                .cell(col::SCORE)
                .number()
                .edit(ctx)
        }
        (_, Some(r)) if !r.applicable => {
            html! { <span class="na">{ t(lang, "不适用", "n/a") }</span> }
        }
        (_, Some(r)) if !r.valid && !row_error => html! {
            <span class="todo-mark" title={t(lang, "待填写", "to fill")} data-testid={format!("score-{}", l.id)}>{ "—" }</span>
        },
        (_, Some(r)) => html! { <>
            <strong data-testid={format!("score-{}", l.id)}>{ shown(Some(r.score)) }</strong>
            if !r.valid { <span class="badge error" title={t(lang, "有错误，记 0 分", "has errors, scores 0")}>{ "×" }<span class="sr-only">{ t(lang, "有错误，记 0 分", "has errors, scores 0") }</span></span> }
        </> },
        (_, None) => Html::default(),
    };
    let completion = match result {
        Some(r) if r.applicable && (r.valid || row_error) => {
            html! { <span data-testid={format!("completion-{}", l.id)}>{ format!("{}%", shown(Some(as_percent(r.completion)))) }</span> }
        }
        _ => Html::default(),
    };
    let detail_id = format!("detail:{}", l.id);
    let toggle = l.id.clone();
    let name = display_name(&l.id, &l.name);
    html! { <>
        <tr class={classes!("leaf-row", (!applicable).then_some("not-applicable"), props.open.then_some("open"))}
            data-row={base.to_string()} id={dom_id(&base)} tabindex="-1" data-testid={format!("leaf-{}", l.id)}
            aria-rowindex={props.index.saturating_add(2).to_string()}>
            <td class={indent(props.place.depth)} data-label={heads[0]}>
                <div class="name-line">
                    <span class="node-id">{ l.id.clone() }</span>
                    { Field::new(&at(NodeField::Name), t(lang, "指标名称", "Indicator name"), &l.name).cell(col::NAME).edit(ctx) }
                </div>
                { messages(ctx, &base) }
                { messages(ctx, &FieldPath::node(&l.id, NodeField::Rule(None))) }
            </td>
            <td data-label={heads[1]}>{ select_cell(ctx, &rule_at(RuleField::Kind), heads[1], &l.rule.kind, &kinds, col::KIND) }</td>
            <td data-label={heads[2]}>{ target_cell(ctx, l) }</td>
            <td data-label={heads[3]}>{ actual_cell(ctx, l, props.figure) }</td>
            <td data-label={heads[4]}>{
                if kind.is_some_and(|k| matches!(k, RuleKind::AtLeast | RuleKind::AtMost | RuleKind::Equal | RuleKind::Satisfaction)) {
                    Field::new(&at(NodeField::Unit), heads[4], l.unit()).cell(col::UNIT).edit(ctx)
                } else { Html::default() }
            }</td>
            <td data-label={heads[5]}>{ Field::new(&at(NodeField::Points), heads[5], &raw(&l.points)).cell(col::POINTS).number().edit(ctx) }</td>
            <td class="figure score-cell" data-label={heads[6]}>{ score }</td>
            <td class="figure" data-label={heads[7]}>{ completion }</td>
            <td class="reason-cell" data-label={heads[8]}>{
                Field::new(&at(NodeField::Reason), t(lang, "偏差原因分析及改进措施", "Reason for deviation and remedy"), &l.reason)
                    .cell(col::REASON).area().edit(ctx)
            }</td>
            <td class="detail-cell">
                <button type="button" class="small detail-toggle" data-col={col::DETAIL.to_string()}
                    aria-expanded={props.open.to_string()} aria-controls={detail_id.clone()}
                    aria-label={format!("{} {name}", t(lang, "详情：", "Details:"))} title={t(lang, "更多设置（区间计分、档次、不适用……）", "More (steps, tier, not applicable…)")}
                    onclick={ctx.on(move |_: MouseEvent| Action::ToggleDetail(toggle.clone()))}>
                    { if props.open { "▴" } else { "⋯" } }
                </button>
            </td>
        </tr>
        if props.open {
            <tr class="detail-row" id={detail_id} data-detail={l.id.clone()}>
                <td colspan="10">{ detail(ctx, l, props.place, &props.surveys) }</td>
            </tr>
        }
    </> }
}

/// 年度指标值: what was written (`≥95%`; typing it sets the rule, see edit.rs), a due date, or
/// where the figure comes from.
fn target_cell(ctx: &Host, l: &Leaf) -> Html {
    let lang = ctx.lang();
    let path = FieldPath::rule(&l.id, RuleField::Target);
    match l.rule.kind() {
        Some(RuleKind::AtLeast | RuleKind::AtMost | RuleKind::Equal | RuleKind::Satisfaction) => {
            let shown_target = l.target_text.clone().unwrap_or_else(|| raw(&l.rule.target));
            Field::new(&path, t(lang, "年度指标值", "Target"), &shown_target)
                .cell(col::TARGET)
                .edit(ctx)
        }
        Some(RuleKind::Deadline) => Field::new(
            &path,
            t(lang, "计划完成日期", "Due date"),
            &raw(&l.rule.target),
        )
        .cell(col::TARGET)
        .placeholder("2022-11-30")
        .edit(ctx),
        Some(RuleKind::BudgetExecution | RuleKind::FundArrival) => {
            html! { <span class="computed">{ t(lang, "按预算明细", "from the budget") }</span> }
        }
        _ => html! { <span class="computed">{ "—" }</span> },
    }
}

/// 实际完成值: typed, a date, the tier chosen (opens the detail row), or the figure it comes from.
fn actual_cell(ctx: &Host, l: &Leaf, figure: Option<Decimal>) -> Html {
    let lang = ctx.lang();
    let path = FieldPath::rule(&l.id, RuleField::Actual);
    match l.rule.kind() {
        Some(RuleKind::AtLeast | RuleKind::AtMost | RuleKind::Equal) => {
            let shown_actual = l
                .actual_text
                .clone()
                .filter(|_| l.rule.actual.is_none())
                .unwrap_or_else(|| raw(&l.rule.actual));
            Field::new(&path, t(lang, "实际完成值", "Actual"), &shown_actual)
                .cell(col::ACTUAL)
                .number()
                .edit(ctx)
        }
        Some(RuleKind::Deadline) => Field::new(
            &path,
            t(lang, "实际完成日期", "Completed on"),
            &raw(&l.rule.actual),
        )
        .cell(col::ACTUAL)
        .placeholder("2022-10-01")
        .edit(ctx),
        Some(RuleKind::Qualitative) => {
            let tier =
                tier_short(l.rule.tier.as_deref().and_then(|t| Tier::parse(t.trim()))).get(lang);
            let tier_path = FieldPath::rule(&l.id, RuleField::Tier);
            let to_fill = ctx.findings.only_to_fill(&tier_path);
            let wrong = ctx.findings.has_error(&tier_path);
            html! {
                <button type="button" class={classes!("small", "tier-button", to_fill.then_some("todo"), wrong.then_some("invalid"))}
                    data-col={col::ACTUAL.to_string()}
                    aria-label={format!("{}：{}", t(lang, "评价档次", "Tier"), tier)}
                    onclick={ctx.on(move |_: MouseEvent| Action::Focus(tier_path.clone()))}>
                    { tier }
                </button>
            }
        }
        Some(RuleKind::BudgetExecution | RuleKind::FundArrival | RuleKind::Satisfaction) => html! {
            <span class="computed">{ figure.map_or("—".to_string(), |v| format!("{}%", shown(Some(v)))) }</span>
        },
        _ => Html::default(),
    }
}

/// The detail row: 不适用, the rule's rare fields, 区间计分, 需要多少 and the row's ↑ ↓ 删除.
fn detail(ctx: &Host, l: &Leaf, place: Place, surveys: &[(String, String)]) -> Html {
    let lang = ctx.lang();
    let applicable_path = FieldPath::node(&l.id, NodeField::Applicable);
    let applicable_id = dom_id(&applicable_path);
    let close = l.id.clone();
    let name = display_name(&l.id, &l.name);
    let seekable = l
        .rule
        .kind()
        .is_some_and(|k| matches!(k, RuleKind::AtLeast | RuleKind::AtMost | RuleKind::Equal));
    html! {
        <div class="detail">
            <div class="detail-fields">
                <div class="field checkbox">
                    <input type="checkbox" id={applicable_id.clone()} checked={!l.applicable}
                        onchange={ctx.on(move |e: Event| {
                            let not_applicable = e.target_unchecked_into::<HtmlInputElement>().checked();
                            Action::Edit(Edit::Set(applicable_path.clone(), (!not_applicable).to_string()))
                        })} />
                    <label for={applicable_id}>{ t(lang, "不适用（不计入总分与满分）", "Not applicable (left out of total and maximum)") }</label>
                </div>
                { rare_fields(ctx, l, surveys) }
            </div>
            { messages(ctx, &FieldPath::rule(&l.id, RuleField::Inferred)) }
            { steps(ctx, l) }
            <div class="detail-actions">
                if seekable { { seek_button(ctx, &FieldPath::rule(&l.id, RuleField::Actual), &l.name) } }
                { node_actions(ctx, &name, &l.id, place, None) }
                { button(t(lang, "收起", "Close"), format!("{} {name}", t(lang, "收起详情：", "Close the details of")),
                    ctx.on(move |_: MouseEvent| Action::ToggleDetail(close.clone())), false) }
            </div>
        </div>
    }
}

/// The fields a kind needs beyond its row: 反向计分公式, 允许偏差, 档次 and 得分比例, the survey.
fn rare_fields(ctx: &Host, l: &Leaf, surveys: &[(String, String)]) -> Html {
    let lang = ctx.lang();
    let r = &l.rule;
    let path = |f| FieldPath::rule(&l.id, f);
    let kind_note = html! {
        <p class="hint">{ format!("{}：{}", t(lang, "计分方式", "Rule"), kind_label(r.kind()).get(lang)) }</p>
    };
    let fields = match r.kind() {
        Some(RuleKind::AtMost) => select(
            ctx,
            &path(RuleField::Formula),
            t(lang, "反向计分公式", "Formula"),
            r.formula.as_deref().unwrap_or("ratio"),
            &[
                ("ratio", t(lang, "目标/实际（A/B）", "target / actual")),
                (
                    "linear",
                    t(
                        lang,
                        "1 −（实际−目标）/目标",
                        "1 − (actual − target) / target",
                    ),
                ),
            ],
        ),
        Some(RuleKind::Equal) => Field::new(
            &path(RuleField::Tolerance),
            t(lang, "允许偏差", "Tolerance"),
            &raw(&r.tolerance),
        )
        .number()
        .edit(ctx),
        Some(RuleKind::Qualitative) => html! { <>
            { select(ctx, &path(RuleField::Tier), t(lang, "评价档次", "Tier"), r.tier.as_deref().unwrap_or(""),
                &[("", t(lang, "（请选择）", "(choose)")),
                  ("achieved", t(lang, "达成（80%–100%）", "Achieved (80–100%)")),
                  ("partial", t(lang, "部分达成并具有一定效果（60%–80%）", "Partly achieved (60–80%)")),
                  ("missed", t(lang, "未达成且效果较差（0–60%）", "Missed (0–60%)"))]) }
            { Field::new(&path(RuleField::Fraction), t(lang, "得分比例（0–1）", "Fraction (0–1)"), &raw(&r.fraction)).number().edit(ctx) }
        </> },
        Some(RuleKind::Satisfaction) => {
            let mut options: Vec<(&str, &str)> = vec![("", t(lang, "（请选择）", "(choose)"))];
            options.extend(surveys.iter().map(|(a, b)| (a.as_str(), b.as_str())));
            select(
                ctx,
                &path(RuleField::Survey),
                t(lang, "满意度调查", "Survey"),
                r.survey.as_deref().unwrap_or(""),
                &options,
            )
        }
        _ => Html::default(),
    };
    html! { <>{ kind_note }{ fields }</> }
}

/// 区间计分: optional for rate-based rules.
fn steps(ctx: &Host, l: &Leaf) -> Html {
    let lang = ctx.lang();
    if !l.rule.kind().is_some_and(RuleKind::takes_steps) {
        return Html::default();
    }
    let toggle_path = l.id.clone();
    let check_id = format!(
        "{}/steps",
        dom_id(&FieldPath::node(&l.id, NodeField::Rule(None)))
    );
    let on = l.rule.steps.is_some();
    let rows = l.rule.steps.iter().flatten().enumerate().map(|(i, s)| {
        let remove = l.id.clone();
        html! {
            <li class="step">
                { Field::new(&FieldPath::rule(&l.id, RuleField::Step(i, StepField::Min)), t(lang, "完成率不低于（%）", "From rate (%)"), &raw(&s.min)).number()
                    .edit(ctx) }
                { Field::new(&FieldPath::rule(&l.id, RuleField::Step(i, StepField::Fraction)), t(lang, "得分比例", "Fraction"), &raw(&s.fraction)).number()
                    .edit(ctx) }
                { button(t(lang, "删除", "Delete"), format!("{} {}", t(lang, "删除区间", "Delete step"), i.saturating_add(1)),
                    ctx.on(move |_: MouseEvent| Action::Edit(Edit::RemoveStep(remove.clone(), i))), false) }
            </li>
        }
    });
    let add_path = l.id.clone();
    html! {
        <div class="steps">
            <div class="field checkbox">
                <input type="checkbox" id={check_id.clone()} checked={on}
                    onchange={ctx.on(move |e: Event| Action::Edit(Edit::UseSteps(toggle_path.clone(),
                        e.target_unchecked_into::<HtmlInputElement>().checked())))} />
                <label for={check_id}>{ t(lang, "区间计分（按完成率分档得分）", "Score by steps of the rate") }</label>
            </div>
            if on {
                <ol class="step-list">{ for rows }</ol>
                <button type="button" class="small" onclick={ctx.on(move |_: MouseEvent| Action::Edit(Edit::AddStep(add_path.clone())))}>
                    { t(lang, "＋ 区间", "+ Step") }
                </button>
            }
        </div>
    }
}
