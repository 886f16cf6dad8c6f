//! 绩效指标: the indicator tree of any depth. Groups show their subtotal; leaves their rule's
//! fields (only those the kind needs), completion, score and 偏差原因.

use super::fields::{button, dom_id, messages, row_keys, seek_button, select, shown, Field};
use super::i18n::{kind_label, t};
use super::{use_ctx, Ctx, Host};
use crate::edit::{Dir, Edit};
use crate::state::Action;
use jixiao_core::model::{Group, Leaf, Node, RuleKind};
use jixiao_core::number::as_percent;
use jixiao_core::path::{FieldPath, NodeField, RuleField, Section, StepField};
use jixiao_core::scoring::{Cursor, LeafResult};
use jixiao_core::Num;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The results, handed out in document order as the tree is drawn (joined by position, so
/// repeated ids still get their own results).
struct Results<'a> {
    cursor: RefCell<Cursor<'a>>,
    /// (id, label) of the surveys, for the satisfaction rule's choice.
    surveys: Rc<Vec<(String, String)>>,
}

fn raw(n: &Option<Num>) -> String {
    n.as_ref().map(|n| n.raw().to_string()).unwrap_or_default()
}

#[function_component(IndicatorEditor)]
pub fn indicator_editor() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let doc = ctx.state.doc.clone();
    let eval = ctx.state.eval.clone();
    let results = Results {
        cursor: RefCell::new(Cursor::new(&eval)),
        surveys: Rc::new(
            doc.surveys
                .iter()
                .map(|s| {
                    (
                        s.id.clone(),
                        if s.name.is_empty() {
                            s.id.clone()
                        } else {
                            format!("{} {}", s.id, s.name)
                        },
                    )
                })
                .collect(),
        ),
    };
    let section = FieldPath::Section(Section::Indicators);
    let place = |i: usize| Place {
        depth: 0,
        first: i == 0,
        last: i.saturating_add(1) == doc.indicators.len(),
    };
    let keys = row_keys(doc.indicators.iter().map(Node::id));
    let tree: Vec<Html> = doc
        .indicators
        .iter()
        .zip(keys)
        .enumerate()
        .map(|(i, (n, key))| node(&ctx, &results, n, place(i), key))
        .collect();
    html! {
        <div id={dom_id(&section)} tabindex="-1" onpaste={super::files::on_paste(&ctx, Edit::PasteIndicators)}>
            <h2>{ t(lang, "绩效指标", "Indicators") }</h2>
            <p class="hint">{ t(lang, "可从 Excel、WPS 或 Word 表格复制若干行（可连同表头）粘贴到这里，成为新的指标行。",
                "Copy rows from Excel, WPS or a Word table (with their header, if you like) and paste them here to add indicators.") }</p>
            { messages(&ctx, &section) }
            <ul class="tree">{ for tree }</ul>
            <div class="add-row">
                <button type="button" class="button" onclick={ctx.on(|_: MouseEvent| Action::Edit(Edit::AddNode { parent: None, group: true }))}>
                    { t(lang, "＋ 一级指标（分组）", "+ First-level group") }
                </button>
                <button type="button" class="button" onclick={ctx.on(|_: MouseEvent| Action::Edit(Edit::AddNode { parent: None, group: false }))}>
                    { t(lang, "＋ 指标", "+ Indicator") }
                </button>
            </div>
        </div>
    }
}

/// Where a node stands among its siblings (for indentation and the ↑ ↓ buttons).
#[derive(Clone, Copy, PartialEq)]
struct Place {
    depth: usize,
    first: bool,
    last: bool,
}

fn node(ctx: &Ctx, results: &Results, n: &Node, place: Place, key: String) -> Html {
    match n {
        Node::Group(g) => group(ctx, results, g, place, key),
        Node::Leaf(l) => {
            let result = results.cursor.borrow_mut().leaf().cloned();
            html! {
                <LeafRow {key} leaf={l.clone()} {place} {result}
                    host={ctx.for_indicator(&l.id)} surveys={results.surveys.clone()} />
            }
        }
    }
}

/// One leaf of the tree. Its props are its own data, result and findings, so typing in one
/// leaf renders that leaf again, not the thousand others.
#[derive(Properties, PartialEq)]
struct LeafProps {
    leaf: Leaf,
    place: Place,
    result: Option<LeafResult>,
    host: Host,
    surveys: Rc<Vec<(String, String)>>,
}

#[function_component(LeafRow)]
fn leaf_row(props: &LeafProps) -> Html {
    leaf(
        &props.host,
        props.result.as_ref(),
        &props.leaf,
        props.place,
        &props.surveys,
    )
}

/// ↑ ↓ 删除 for a node.
fn node_actions(ctx: &Host, name: &str, id: &str, place: Place) -> Html {
    let lang = ctx.lang();
    let (up, down, delete) = (id.to_string(), id.to_string(), id.to_string());
    html! {
        <span class="row-actions">
            { button("↑", format!("{} {name}", t(lang, "上移", "Move up")),
                ctx.on(move |_: MouseEvent| Action::Edit(Edit::MoveNode(up.clone(), Dir::Up))), place.first) }
            { button("↓", format!("{} {name}", t(lang, "下移", "Move down")),
                ctx.on(move |_: MouseEvent| Action::Edit(Edit::MoveNode(down.clone(), Dir::Down))), place.last) }
            { button(t(lang, "删除", "Delete"), format!("{} {name}", t(lang, "删除", "Delete")),
                ctx.on(move |_: MouseEvent| Action::Edit(Edit::RemoveNode(delete.clone()))), false) }
        </span>
    }
}

fn display_name<'a>(id: &'a str, name: &'a str) -> String {
    if name.is_empty() {
        id.to_string()
    } else {
        format!("{id} {name}")
    }
}

fn group(ctx: &Ctx, results: &Results, g: &Group, place: Place, key: String) -> Html {
    let lang = ctx.lang();
    let collapsed = ctx.state.collapsed.contains(&g.id);
    let result = results.cursor.borrow_mut().group();
    let base = FieldPath::Node(g.id.clone(), None);
    let name = display_name(&g.id, &g.name);
    let id = g.id.clone();
    let (add_leaf, add_group) = (Some(g.id.clone()), Some(g.id.clone()));
    let count = g.children.len();
    let children: Vec<Html> = if collapsed {
        results.cursor.borrow_mut().skip(&g.children);
        Vec::new()
    } else {
        let keys = row_keys(g.children.iter().map(Node::id));
        g.children
            .iter()
            .zip(keys)
            .enumerate()
            .map(|(i, (child, key))| {
                let place = Place {
                    depth: place.depth.saturating_add(1),
                    first: i == 0,
                    last: i.saturating_add(1) == count,
                };
                node(ctx, results, child, place, key)
            })
            .collect()
    };
    html! {
        <li {key} class={classes!("group", format!("depth-{}", place.depth.saturating_add(1).min(4)))}>
            <div class="group-head" id={dom_id(&base)} tabindex="-1">
                <button type="button" class="toggle" aria-expanded={(!collapsed).to_string()}
                    aria-label={format!("{} {name}", if collapsed { t(lang, "展开", "Expand") } else { t(lang, "折叠", "Collapse") })}
                    onclick={ctx.on(move |_: MouseEvent| Action::ToggleCollapse(id.clone()))}>
                    { if collapsed { "▸" } else { "▾" } }
                </button>
                <span class="node-id">{ g.id.clone() }</span>
                { Field::new(&FieldPath::node(&g.id, NodeField::Name), t(lang, "分组名称", "Group name"), &g.name).in_table()
                    .edit(ctx) }
                <span class="subtotal" data-testid={format!("subtotal-{}", g.id)}>
                    { t(lang, "小计 ", "Subtotal ") }
                    <strong>{ shown(result.map(|r| r.score)) }</strong>{ " / " }{ shown(result.map(|r| r.points)) }
                </span>
                { button(t(lang, "＋指标", "+ Indicator"), format!("{} {name}", t(lang, "添加指标到", "Add an indicator to")),
                    ctx.on(move |_: MouseEvent| Action::Edit(Edit::AddNode { parent: add_leaf.clone(), group: false })), false) }
                { button(t(lang, "＋分组", "+ Group"), format!("{} {name}", t(lang, "添加分组到", "Add a group to")),
                    ctx.on(move |_: MouseEvent| Action::Edit(Edit::AddNode { parent: add_group.clone(), group: true })), false) }
                { node_actions(ctx, &name, &g.id, place) }
            </div>
            { messages(ctx, &base) }
            if !collapsed {
                <ul class="tree">{ for children }</ul>
            }
        </li>
    }
}

fn leaf(
    ctx: &Host,
    result: Option<&LeafResult>,
    l: &Leaf,
    place: Place,
    surveys: &[(String, String)],
) -> Html {
    let lang = ctx.lang();
    let base = FieldPath::Node(l.id.clone(), None);
    let at = |field| FieldPath::node(&l.id, field);
    let name = display_name(&l.id, &l.name);
    let kinds: Vec<(&str, &str)> = RuleKind::ALL
        .iter()
        .map(|k| (k.name(), kind_label(lang, k.name())))
        .collect();
    let applicable_path = at(NodeField::Applicable);
    let applicable_id = dom_id(&applicable_path);
    let outcome = match result {
        Some(r) if !r.applicable => {
            html! { <span class="outcome na">{ t(lang, "不适用，不计分", "Not applicable") }</span> }
        }
        Some(r) => html! {
            <span class={classes!("outcome", (!r.valid).then_some("invalid"))} data-testid={format!("leaf-{}", l.id)}>
                { t(lang, "完成率 ", "Completion ") }
                <strong data-testid={format!("completion-{}", l.id)}>{ format!("{}%", shown(Some(as_percent(r.completion)))) }</strong>
                { t(lang, "　得分 ", "  Score ") }
                <strong data-testid={format!("score-{}", l.id)}>{ shown(Some(r.score)) }</strong>
                { " / " }{ shown(Some(r.points)) }
                if !r.valid { <span class="badge error">{ t(lang, "有错误，记 0 分", "has errors, scores 0") }</span> }
            </span>
        },
        None => Html::default(),
    };
    html! {
        <li class={classes!("leaf", (!l.applicable).then_some("not-applicable"))}>
            <div class="leaf-head" id={dom_id(&base)} tabindex="-1">
                <span class="node-id">{ l.id.clone() }</span>
                { Field::new(&at(NodeField::Name), t(lang, "指标名称", "Indicator name"), &l.name).in_table()
                    .edit(ctx) }
                { outcome }
                { node_actions(ctx, &name, &l.id, place) }
            </div>
            { messages(ctx, &base) }
            <div class="leaf-body">
                { Field::new(&at(NodeField::Points), t(lang, "分值", "Points"), &raw(&l.points)).number().edit(ctx) }
                { select(ctx, &FieldPath::rule(&l.id, RuleField::Kind), t(lang, "计分方式", "Rule"), &l.rule.kind, &kinds) }
                <div class="field checkbox">
                    <input type="checkbox" id={applicable_id.clone()} checked={!l.applicable}
                        onchange={ctx.on(move |e: Event| {
                            let not_applicable = e.target_unchecked_into::<HtmlInputElement>().checked();
                            Action::Edit(Edit::Set(applicable_path.clone(), (!not_applicable).to_string()))
                        })} />
                    <label for={applicable_id}>{ t(lang, "不适用", "Not applicable") }</label>
                </div>
                { rule_fields(ctx, l, surveys) }
            </div>
            { steps(ctx, l) }
            <div class="leaf-reason">
                { Field::new(&at(NodeField::Reason), t(lang, "偏差原因分析及改进措施", "Reason for deviation and remedy"), &l.reason).area()
                    .edit(ctx) }
            </div>
        </li>
    }
}

/// The fields the rule's kind needs, and no others.
fn rule_fields(ctx: &Host, l: &Leaf, surveys: &[(String, String)]) -> Html {
    let lang = ctx.lang();
    let r = &l.rule;
    let field = |f: RuleField, label: &str, value: String, number: bool| {
        let path = FieldPath::rule(&l.id, f);
        let field = Field::new(&path, label, &value);
        let field = if number { field.number() } else { field };
        field.edit(ctx)
    };
    let choice = |f: RuleField, label: &str, value: &str, options: &[(&str, &str)]| {
        select(ctx, &FieldPath::rule(&l.id, f), label, value, options)
    };
    // 年度指标值 shows what was written (`≥95%`); typing it sets the rule (edit.rs).
    let shown_target = l.target_text.clone().unwrap_or_else(|| raw(&r.target));
    let target = |label| field(RuleField::Target, label, shown_target.clone(), false);
    let actual = |label| field(RuleField::Actual, label, raw(&r.actual), true);
    let unit = || {
        Field::new(
            &FieldPath::node(&l.id, NodeField::Unit),
            t(lang, "计量单位", "Unit"),
            l.unit(),
        )
        .edit(ctx)
    };
    let seek = || seek_button(ctx, &FieldPath::rule(&l.id, RuleField::Actual), &l.name);
    match r.kind() {
        Some(RuleKind::AtLeast) => html! { <>
            { target(t(lang, "年度指标值", "Target")) }{ actual(t(lang, "实际完成值", "Actual")) }{ unit() }{ seek() }
        </> },
        Some(RuleKind::AtMost) => html! { <>
            { target(t(lang, "年度指标值（上限）", "Target (maximum)")) }{ actual(t(lang, "实际完成值", "Actual")) }{ unit() }{ seek() }
            { choice(RuleField::Formula, t(lang, "反向计分公式", "Formula"), r.formula.as_deref().unwrap_or("ratio"),
                &[("ratio", t(lang, "目标/实际（A/B）", "target / actual")), ("linear", t(lang, "1 −（实际−目标）/目标", "1 − (actual − target) / target"))]) }
        </> },
        Some(RuleKind::Equal) => html! { <>
            { target(t(lang, "年度指标值", "Target")) }{ actual(t(lang, "实际完成值", "Actual")) }
            { field(RuleField::Tolerance, t(lang, "允许偏差", "Tolerance"), raw(&r.tolerance), true) }{ unit() }
        </> },
        Some(RuleKind::Deadline) => html! { <>
            { field(RuleField::Target, t(lang, "计划完成日期", "Due date"), raw(&r.target), false) }
            { field(RuleField::Actual, t(lang, "实际完成日期", "Completed on"), raw(&r.actual), false) }
        </> },
        Some(RuleKind::Qualitative) => html! { <>
            { choice(RuleField::Tier, t(lang, "评价档次", "Tier"), r.tier.as_deref().unwrap_or(""),
                &[("", t(lang, "（请选择）", "(choose)")),
                  ("achieved", t(lang, "达成（80%–100%）", "Achieved (80–100%)")),
                  ("partial", t(lang, "部分达成并具有一定效果（60%–80%）", "Partly achieved (60–80%)")),
                  ("missed", t(lang, "未达成且效果较差（0–60%）", "Missed (0–60%)"))]) }
            { field(RuleField::Fraction, t(lang, "得分比例（0–1）", "Fraction (0–1)"), raw(&r.fraction), true) }
        </> },
        Some(RuleKind::Manual) => field(
            RuleField::Score,
            t(lang, "得分", "Score"),
            raw(&r.score),
            true,
        ),
        Some(RuleKind::BudgetExecution) | Some(RuleKind::FundArrival) => {
            let rule = FieldPath::node(&l.id, NodeField::Rule(None));
            html! {
                <p class="hint" id={dom_id(&rule)} tabindex="-1">
                    { t(lang, "按预算明细自动计算。", "Computed from the budget lines.") }
                    { messages(ctx, &rule) }
                </p>
            }
        }
        Some(RuleKind::Satisfaction) => {
            let mut options: Vec<(&str, &str)> = vec![("", t(lang, "（请选择）", "(choose)"))];
            options.extend(surveys.iter().map(|(a, b)| (a.as_str(), b.as_str())));
            html! { <>
                { choice(RuleField::Survey, t(lang, "满意度调查", "Survey"), r.survey.as_deref().unwrap_or(""), &options) }
                { target(t(lang, "目标满意度（%）", "Target (%)")) }
            </> }
        }
        None => Html::default(),
    }
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
