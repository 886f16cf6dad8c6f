//! The results, always in view: total of maximum, percent, grade (word and colour), first-level
//! subtotals, execution rate, satisfaction, and the findings (click one to go to its field).

use super::fields::{shown, LISTED_FINDINGS};
use super::i18n::t;
use super::use_ctx;
use crate::state::Action;
use jixiao_core::model::Node;
use jixiao_core::scoring::Cursor;
use jixiao_core::{FieldPath, Lang, Level};
use yew::prelude::*;

/// The grade's position among the bands, for its colour (1 best).
fn grade_class(grades: &[(String, jixiao_core::Decimal)], grade: Option<&str>) -> String {
    match grade.and_then(|g| grades.iter().position(|(l, _)| l == g)) {
        Some(i) => format!("grade grade-{}", i.saturating_add(1).min(4)),
        None => "grade grade-none".into(),
    }
}

#[function_component(ResultsPanel)]
pub fn results_panel() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let doc = ctx.state.doc.clone();
    let eval = ctx.state.eval.clone();
    let grade = eval.grade.clone();
    // First-level rows joined to their results by position (ids may repeat).
    let mut cursor = Cursor::new(&eval);
    let first_level: Vec<Html> = doc.indicators.iter().map(|n| {
        let (points, score, valid) = match n {
            Node::Group(g) => {
                let r = cursor.group();
                cursor.skip(&g.children);
                r.map_or((None, None, true), |r| (Some(r.points), Some(r.score), true))
            }
            Node::Leaf(_) => cursor
                .leaf()
                .map_or((None, None, true), |r| (Some(r.points), Some(r.score), r.valid)),
        };
        let name = if n.name().is_empty() {
            n.id().to_string()
        } else {
            n.name().to_string()
        };
        html! {
            <tr data-testid={format!("first-level-{}", n.id())}>
                <th scope="row">{ name }</th>
                <td class="figure">{ shown(points) }</td>
                <td class={classes!("figure", (!valid).then_some("invalid"))}>{ shown(score) }</td>
            </tr>
        }
    }).collect();
    let (errors, warnings) = (eval.errors(), eval.warnings());
    let hidden = eval.findings.len().saturating_sub(LISTED_FINDINGS);
    let findings = eval.findings.iter().take(LISTED_FINDINGS).enumerate().map(|(i, f)| {
        let path = f.path.clone();
        let field = ctx.findings.listed_field(i).to_string();
        let class = format!("finding {}", f.level().name());
        let word = f.level().label().get(lang);
        let icon = match f.level() {
            Level::Error => "×",
            Level::Warning => "!",
            Level::Info => "i",
        };
        html! {
            <li>
                <button type="button" class={class} data-testid="finding" data-code={f.code()} data-path={f.path.to_string()}
                    onclick={ctx.on(move |_: MouseEvent| Action::Focus(path.clone()))}>
                    <span class="icon" aria-hidden="true">{ icon }</span>
                    <strong>{ word }</strong>
                    <span class="finding-field">{ field }</span>
                    <span class="finding-text">{ f.message(lang) }</span>
                    <code class="finding-path">{ f.path.to_string() }</code>
                </button>
            </li>
        }
    });
    let percent = |v: Option<jixiao_core::Decimal>| {
        v.map_or("—".to_string(), |v| format!("{}%", shown(Some(v))))
    };
    html! {
        <aside class="results" aria-label={t(lang, "计算结果", "Results")}>
            <h2 class="sr-only">{ t(lang, "计算结果", "Results") }</h2>
            <div class="score-card" aria-live="polite">
                <div class="total">
                    <span class="label">{ t(lang, "总分", "Total") }</span>
                    <strong data-testid="total">{ shown(Some(eval.total)) }</strong>
                    <span class="of">{ " / " }<span data-testid="max">{ shown(Some(eval.max_points)) }</span></span>
                </div>
                <div class="percent">
                    <span class="label">{ t(lang, "得分率", "Percent") }</span>
                    <span data-testid="percent">{ format!("{}%", shown(Some(eval.percent))) }</span>
                </div>
                <div class="grade-line">
                    <span class="label">{ t(lang, "等级", "Grade") }</span>
                    <span class={grade_class(&eval.policy.grades, grade.as_deref())} data-testid="grade">
                        { grade.clone().unwrap_or_else(|| "—".into()) }
                    </span>
                </div>
            </div>
            <dl class="figures">
                <dt>{ t(lang, "预算执行率", "Execution rate") }</dt>
                <dd data-testid="execution-rate">{ percent(eval.budget.execution_rate) }</dd>
                <dt>{ t(lang, "资金到位率", "Arrival rate") }</dt>
                <dd data-testid="arrival-rate">{ percent(eval.budget.arrival_rate) }</dd>
                { for eval.surveys.iter().map(|s| html! { <>
                    <dt>{ format!("{} {}", t(lang, "满意度", "Satisfaction"), doc.surveys.iter().find(|d| d.id == s.id).map_or(s.id.as_str(), |d| if d.name.is_empty() { d.id.as_str() } else { d.name.as_str() })) }</dt>
                    <dd data-testid={format!("satisfaction-{}", s.id)}>{ shown(s.satisfaction) }</dd>
                </> }) }
            </dl>
            <table class="first-level">
                <caption>{ t(lang, "一级指标得分", "First-level subtotals") }</caption>
                <thead><tr>
                    <th scope="col">{ t(lang, "指标", "Indicator") }</th>
                    <th scope="col">{ t(lang, "分值", "Points") }</th>
                    <th scope="col">{ t(lang, "得分", "Score") }</th>
                </tr></thead>
                <tbody>{ for first_level }</tbody>
            </table>
            <LostPoints />
            <section class="findings" aria-label={t(lang, "问题清单", "Findings")}>
                <h3>
                    { t(lang, "问题清单", "Findings") }
                    <span class="counts" data-testid="finding-counts">
                        { match lang {
                            Lang::Zh => format!("（错误 {errors}，警告 {warnings}）"),
                            Lang::En => format!(" ({errors} errors, {warnings} warnings)"),
                        } }
                    </span>
                </h3>
                if eval.findings.is_empty() {
                    <p class="ok">{ t(lang, "✓ 没有发现问题", "✓ Nothing to fix") }</p>
                }
                <ul>{ for findings }</ul>
                if hidden > 0 {
                    <p class="hint">{ match lang {
                        Lang::Zh => format!("另有 {hidden} 条未列出（全部见“报告”）。"),
                        Lang::En => format!("{hidden} more not listed here (all are in the report)."),
                    } }</p>
                }
            </section>
        </aside>
    }
}

/// 失分分析: where the points went, most first.
#[function_component(LostPoints)]
fn lost_points() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let lost = {
        let (doc, eval) = (ctx.state.doc.clone(), ctx.state.eval.clone());
        use_memo(ctx.state.revision, move |_| {
            jixiao_core::whatif::lost_points(&doc, &eval)
        })
    };
    if lost.is_empty() {
        return Html::default();
    }
    html! {
        <table class="first-level lost" data-testid="lost-points">
            <caption>{ t(lang, "失分分析（失分最多的在前）", "Lost points (most first)") }</caption>
            <thead><tr>
                <th scope="col">{ t(lang, "指标", "Indicator") }</th>
                <th scope="col">{ t(lang, "失分", "Lost") }</th>
            </tr></thead>
            <tbody>
                { for lost.iter().take(8).map(|l| {
                    let path = FieldPath::Node(l.id.clone(), None);
                    html! { <tr>
                        <th scope="row">
                            <button type="button" class="link" onclick={ctx.on(move |_: MouseEvent| Action::Focus(path.clone()))}>
                                { l.name.clone() }
                            </button>
                            <span class="lost-group">{ l.groups.last().cloned().unwrap_or_default() }</span>
                        </th>
                        <td class="figure">{ shown(Some(l.lost)) }</td>
                    </tr> }
                }) }
            </tbody>
        </table>
    }
}
