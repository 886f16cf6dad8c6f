//! 绩效指标: the indicator tree of any depth. Groups show their subtotal; leaves their rule's
//! fields (only those the kind needs), completion, score and 偏差原因.

use super::fields::{button, dom_id, messages, seek_button, select, shown, Field};
use super::i18n::{kind_label, t};
use super::{use_ctx, Ctx, Host};
use crate::edit::{Dir, Edit, LeafField};
use crate::state::Action;
use jixiao_core::model::{Group, Leaf, Node, RuleKind};
use jixiao_core::scoring::{GroupResult, LeafResult};
use jixiao_core::{Decimal, Num};
use std::collections::HashMap;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

struct Results<'a> {
    leaves: HashMap<&'a str, &'a LeafResult>,
    groups: HashMap<&'a str, &'a GroupResult>,
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
        leaves: eval.leaves.iter().map(|l| (l.id.as_str(), l)).collect(),
        groups: eval.groups.iter().map(|g| (g.id.as_str(), g)).collect(),
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
    let count = doc.indicators.len();
    html! {
        <div id={dom_id("indicators")} tabindex="-1">
            <h2>{ t(lang, "绩效指标", "Indicators") }</h2>
            { messages(&ctx, "indicators") }
            <ul class="tree">
                { for doc.indicators.iter().enumerate().map(|(i, n)| node(&ctx, &results, n, vec![i], count)) }
            </ul>
            <div class="add-row">
                <button type="button" class="button" onclick={ctx.on(|_: MouseEvent| Action::Edit(Edit::AddNode { parent: vec![], group: true }))}>
                    { t(lang, "＋ 一级指标（分组）", "+ First-level group") }
                </button>
                <button type="button" class="button" onclick={ctx.on(|_: MouseEvent| Action::Edit(Edit::AddNode { parent: vec![], group: false }))}>
                    { t(lang, "＋ 指标", "+ Indicator") }
                </button>
            </div>
        </div>
    }
}

fn node(ctx: &Ctx, results: &Results, n: &Node, path: Vec<usize>, siblings: usize) -> Html {
    match n {
        Node::Group(g) => group(ctx, results, g, path, siblings),
        Node::Leaf(l) => html! {
            <LeafRow key={l.id.clone()} leaf={l.clone()} {path} {siblings}
                result={results.leaves.get(l.id.as_str()).map(|r| (*r).clone())}
                host={ctx.for_indicator(&l.id)} surveys={results.surveys.clone()} />
        },
    }
}

/// One leaf of the tree. Its props are its own data, result and findings, so typing in one
/// leaf renders that leaf again, not the thousand others.
#[derive(Properties, PartialEq)]
struct LeafProps {
    leaf: Leaf,
    path: Vec<usize>,
    siblings: usize,
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
        props.path.clone(),
        props.siblings,
        &props.surveys,
    )
}

/// ↑ ↓ 删除 for a node.
fn node_actions(ctx: &Host, name: &str, path: &[usize], siblings: usize) -> Html {
    let lang = ctx.lang();
    let last = *path.last().unwrap_or(&0);
    let (up, down, delete) = (path.to_vec(), path.to_vec(), path.to_vec());
    html! {
        <span class="row-actions">
            { button("↑", format!("{} {name}", t(lang, "上移", "Move up")),
                ctx.on(move |_: MouseEvent| Action::Edit(Edit::MoveNode(up.clone(), Dir::Up))), last == 0) }
            { button("↓", format!("{} {name}", t(lang, "下移", "Move down")),
                ctx.on(move |_: MouseEvent| Action::Edit(Edit::MoveNode(down.clone(), Dir::Down))), last + 1 == siblings) }
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

fn group(ctx: &Ctx, results: &Results, g: &Group, path: Vec<usize>, siblings: usize) -> Html {
    let lang = ctx.lang();
    let collapsed = ctx.state.collapsed.contains(&g.id);
    let result = results.groups.get(g.id.as_str());
    let base = format!("indicators/{}", g.id);
    let name = display_name(&g.id, &g.name);
    let id = g.id.clone();
    let name_path = path.clone();
    let (add_leaf, add_group) = (path.clone(), path.clone());
    let count = g.children.len();
    html! {
        <li class={classes!("group", format!("depth-{}", path.len().min(4)))}>
            <div class="group-head" id={dom_id(&base)} tabindex="-1">
                <button type="button" class="toggle" aria-expanded={(!collapsed).to_string()}
                    aria-label={format!("{} {name}", if collapsed { t(lang, "展开", "Expand") } else { t(lang, "折叠", "Collapse") })}
                    onclick={ctx.on(move |_: MouseEvent| Action::ToggleCollapse(id.clone()))}>
                    { if collapsed { "▸" } else { "▾" } }
                </button>
                <span class="node-id">{ g.id.clone() }</span>
                { Field::new(&format!("{base}/name"), t(lang, "分组名称", "Group name"), &g.name).in_table()
                    .render(ctx, move |v| Action::Edit(Edit::NodeName(name_path.clone(), v))) }
                <span class="subtotal" data-testid={format!("subtotal-{}", g.id)}>
                    { t(lang, "小计 ", "Subtotal ") }
                    <strong>{ shown(result.map(|r| r.score)) }</strong>{ " / " }{ shown(result.map(|r| r.points)) }
                </span>
                { button(t(lang, "＋指标", "+ Indicator"), format!("{} {name}", t(lang, "添加指标到", "Add an indicator to")),
                    ctx.on(move |_: MouseEvent| Action::Edit(Edit::AddNode { parent: add_leaf.clone(), group: false })), false) }
                { button(t(lang, "＋分组", "+ Group"), format!("{} {name}", t(lang, "添加分组到", "Add a group to")),
                    ctx.on(move |_: MouseEvent| Action::Edit(Edit::AddNode { parent: add_group.clone(), group: true })), false) }
                { node_actions(ctx, &name, &path, siblings) }
            </div>
            { messages(ctx, &base) }
            if !collapsed {
                <ul class="tree">
                    { for g.children.iter().enumerate().map(|(i, child)| {
                        let mut child_path = path.clone();
                        child_path.push(i);
                        node(ctx, results, child, child_path, count)
                    }) }
                </ul>
            }
        </li>
    }
}

fn leaf(
    ctx: &Host,
    result: Option<&LeafResult>,
    l: &Leaf,
    path: Vec<usize>,
    siblings: usize,
    surveys: &[(String, String)],
) -> Html {
    let lang = ctx.lang();
    let base = format!("indicators/{}", l.id);
    let name = display_name(&l.id, &l.name);
    let field = |key: &str, label: &str, value: String, number: bool, f: LeafField| {
        let p = path.clone();
        let fpath = format!("{base}/{key}");
        let field = Field::new(&fpath, label, &value);
        let field = if number { field.number() } else { field };
        field.render(ctx, move |v| Action::Edit(Edit::Leaf(p.clone(), f, v)))
    };
    let kinds: Vec<(&str, &str)> = RuleKind::ALL
        .iter()
        .map(|k| (k.name(), kind_label(lang, k.name())))
        .collect();
    let kind_path = path.clone();
    let applicable_path = path.clone();
    let name_path = path.clone();
    let reason_path = path.clone();
    let outcome = match result {
        Some(r) if !r.applicable => {
            html! { <span class="outcome na">{ t(lang, "不适用，不计分", "Not applicable") }</span> }
        }
        Some(r) => html! {
            <span class={classes!("outcome", (!r.valid).then_some("invalid"))} data-testid={format!("leaf-{}", l.id)}>
                { t(lang, "完成率 ", "Completion ") }
                <strong data-testid={format!("completion-{}", l.id)}>{ format!("{}%", shown(Some(r.completion * Decimal::ONE_HUNDRED))) }</strong>
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
                { Field::new(&format!("{base}/name"), t(lang, "指标名称", "Indicator name"), &l.name).in_table()
                    .render(ctx, move |v| Action::Edit(Edit::NodeName(name_path.clone(), v))) }
                { outcome }
                { node_actions(ctx, &name, &path, siblings) }
            </div>
            { messages(ctx, &base) }
            <div class="leaf-body">
                { field("points", t(lang, "分值", "Points"), raw(&l.points), true, LeafField::Points) }
                { select(ctx, &format!("{base}/rule/kind"), t(lang, "计分方式", "Rule"), &l.rule.kind, &kinds,
                    move |v| Action::Edit(Edit::RuleKind(kind_path.clone(), v))) }
                <div class="field checkbox">
                    <input type="checkbox" id={dom_id(&format!("{base}/applicable"))} checked={!l.applicable}
                        onchange={ctx.on(move |e: Event| Action::Edit(Edit::Applicable(applicable_path.clone(),
                            !e.target_unchecked_into::<HtmlInputElement>().checked())))} />
                    <label for={dom_id(&format!("{base}/applicable"))}>{ t(lang, "不适用", "Not applicable") }</label>
                </div>
                { rule_fields(ctx, l, &path, &base, surveys) }
            </div>
            { steps(ctx, l, &path, &base) }
            <div class="leaf-reason">
                { Field::new(&format!("{base}/reason"), t(lang, "偏差原因分析及改进措施", "Reason for deviation and remedy"), &l.reason).area()
                    .render(ctx, move |v| Action::Edit(Edit::Leaf(reason_path.clone(), LeafField::Reason, v))) }
            </div>
        </li>
    }
}

/// The fields the rule's kind needs, and no others.
fn rule_fields(
    ctx: &Host,
    l: &Leaf,
    path: &[usize],
    base: &str,
    surveys: &[(String, String)],
) -> Html {
    let lang = ctx.lang();
    let r = &l.rule;
    let field = |key: &str, label: &str, value: String, number: bool, f: LeafField| {
        let p = path.to_vec();
        let fpath = format!("{base}/{key}");
        let field = Field::new(&fpath, label, &value);
        let field = if number { field.number() } else { field };
        field.render(ctx, move |v| Action::Edit(Edit::Leaf(p.clone(), f, v)))
    };
    let choice = |key: &str, label: &str, value: &str, options: &[(&str, &str)], f: LeafField| {
        let p = path.to_vec();
        select(
            ctx,
            &format!("{base}/{key}"),
            label,
            value,
            options,
            move |v| Action::Edit(Edit::Leaf(p.clone(), f, v)),
        )
    };
    let target = |label| {
        field(
            "rule/target",
            label,
            raw(&r.target),
            true,
            LeafField::Target,
        )
    };
    let actual = |label| {
        field(
            "rule/actual",
            label,
            raw(&r.actual),
            true,
            LeafField::Actual,
        )
    };
    let unit = || {
        field(
            "unit",
            t(lang, "计量单位", "Unit"),
            l.unit().to_string(),
            false,
            LeafField::Unit,
        )
    };
    let seek = || seek_button(ctx, &format!("{base}/rule/actual"), &l.name);
    match r.kind() {
        Some(RuleKind::AtLeast) => html! { <>
            { target(t(lang, "年度指标值", "Target")) }{ actual(t(lang, "实际完成值", "Actual")) }{ unit() }{ seek() }
        </> },
        Some(RuleKind::AtMost) => html! { <>
            { target(t(lang, "年度指标值（上限）", "Target (maximum)")) }{ actual(t(lang, "实际完成值", "Actual")) }{ unit() }{ seek() }
            { choice("rule/formula", t(lang, "反向计分公式", "Formula"), r.formula.as_deref().unwrap_or("ratio"),
                &[("ratio", t(lang, "目标/实际（A/B）", "target / actual")), ("linear", t(lang, "1 −（实际−目标）/目标", "1 − (actual − target) / target"))],
                LeafField::Formula) }
        </> },
        Some(RuleKind::Equal) => html! { <>
            { target(t(lang, "年度指标值", "Target")) }{ actual(t(lang, "实际完成值", "Actual")) }
            { field("rule/tolerance", t(lang, "允许偏差", "Tolerance"), raw(&r.tolerance), true, LeafField::Tolerance) }{ unit() }
        </> },
        Some(RuleKind::Deadline) => html! { <>
            { field("rule/target", t(lang, "计划完成日期", "Due date"), raw(&r.target), false, LeafField::Target) }
            { field("rule/actual", t(lang, "实际完成日期", "Completed on"), raw(&r.actual), false, LeafField::Actual) }
        </> },
        Some(RuleKind::Qualitative) => html! { <>
            { choice("rule/tier", t(lang, "评价档次", "Tier"), r.tier.as_deref().unwrap_or(""),
                &[("", t(lang, "（请选择）", "(choose)")),
                  ("achieved", t(lang, "达成（80%–100%）", "Achieved (80–100%)")),
                  ("partial", t(lang, "部分达成并具有一定效果（60%–80%）", "Partly achieved (60–80%)")),
                  ("missed", t(lang, "未达成且效果较差（0–60%）", "Missed (0–60%)"))],
                LeafField::Tier) }
            { field("rule/fraction", t(lang, "得分比例（0–1）", "Fraction (0–1)"), raw(&r.fraction), true, LeafField::Fraction) }
        </> },
        Some(RuleKind::Manual) => field(
            "rule/score",
            t(lang, "得分", "Score"),
            raw(&r.score),
            true,
            LeafField::Score,
        ),
        Some(RuleKind::BudgetExecution) | Some(RuleKind::FundArrival) => html! {
            <p class="hint" id={dom_id(&format!("{base}/rule"))} tabindex="-1">
                { t(lang, "按预算明细自动计算。", "Computed from the budget lines.") }
                { messages(ctx, &format!("{base}/rule")) }
            </p>
        },
        Some(RuleKind::Satisfaction) => {
            let mut options: Vec<(&str, &str)> = vec![("", t(lang, "（请选择）", "(choose)"))];
            options.extend(surveys.iter().map(|(a, b)| (a.as_str(), b.as_str())));
            html! { <>
                { choice("rule/survey", t(lang, "满意度调查", "Survey"), r.survey.as_deref().unwrap_or(""), &options, LeafField::Survey) }
                { target(t(lang, "目标满意度（%）", "Target (%)")) }
            </> }
        }
        None => Html::default(),
    }
}

/// 区间计分: optional for rate-based rules.
fn steps(ctx: &Host, l: &Leaf, path: &[usize], base: &str) -> Html {
    let lang = ctx.lang();
    if !l.rule.kind().is_some_and(RuleKind::takes_steps) {
        return Html::default();
    }
    let toggle_path = path.to_vec();
    let check_id = dom_id(&format!("{base}/rule/steps"));
    let on = l.rule.steps.is_some();
    let rows = l.rule.steps.iter().flatten().enumerate().map(|(i, s)| {
        let (pm, pf, pr) = (path.to_vec(), path.to_vec(), path.to_vec());
        html! {
            <li class="step">
                { Field::new(&format!("{base}/rule/steps/{i}/min"), t(lang, "完成率不低于（%）", "From rate (%)"), &raw(&s.min)).number()
                    .render(ctx, move |v| Action::Edit(Edit::StepMin(pm.clone(), i, v))) }
                { Field::new(&format!("{base}/rule/steps/{i}/fraction"), t(lang, "得分比例", "Fraction"), &raw(&s.fraction)).number()
                    .render(ctx, move |v| Action::Edit(Edit::StepFraction(pf.clone(), i, v))) }
                { button(t(lang, "删除", "Delete"), format!("{} {}", t(lang, "删除区间", "Delete step"), i + 1),
                    ctx.on(move |_: MouseEvent| Action::Edit(Edit::RemoveStep(pr.clone(), i))), false) }
            </li>
        }
    });
    let add_path = path.to_vec();
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
