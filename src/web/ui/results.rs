//! The results, always in view: total of maximum, percent, grade (word and colour), first-level
//! subtotals, execution rate, satisfaction, and the findings (click one to go to its field).

use super::fields::{shown, Mark, LISTED_FINDINGS};
use super::i18n::t;
use super::use_ctx;
use crate::state::Action;
use jixiao_core::Cursor;
use jixiao_core::Node;
use jixiao_core::Section;
use jixiao_core::{FieldPath, Lang, Level, Message};
use std::rc::Rc;
use yew::prelude::*;

/// The grade's position among the bands, for its colour (1 best).
fn grade_class(grades: &[(String, jixiao_core::Decimal)], grade: Option<&str>) -> String {
    match grade.and_then(|g| grades.iter().position(|(l, _)| l == g)) {
        Some(i) => format!("grade grade-{}", i.saturating_add(1).min(4)),
        None => "grade grade-none".into(),
    }
}

#[function_component(ResultsPanel)]
pub(crate) fn results_panel() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let doc = ctx.state.doc.clone();
    let eval = ctx.state.eval.clone();
    let grade = eval.grade.clone();
    // On a phone the panel is a summary bar (总分, 等级) that expands into the whole panel.
    let expanded = use_state(|| false);
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    // First-level rows joined to their results by position (ids may repeat).
    let mut cursor = Cursor::new(&eval);
    let first_level: Vec<Html> = doc.indicators.iter().map(|n| {
        let (points, score, valid) = match n {
            Node::Group(g) => {
                let r = cursor.group();
                cursor.skip(&g.children);
                r.map_or((None, None, true), |r| (Some(r.points), Some(r.score), true))
            }
            // Red only for a real error, not for a field still to fill.
            Node::Leaf(l) => cursor.leaf().map_or((None, None, true), |r| {
                (
                    Some(r.points),
                    Some(r.score),
                    r.valid || !ctx.findings.for_indicator(&l.id).row_has_error(),
                )
            }),
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
    let counts = ctx.findings.counts;
    let hidden = eval.findings.len().saturating_sub(LISTED_FINDINGS);
    // The listed findings grouped by the section they are about, in the findings' order within.
    let mut by_section: Vec<(Section, Vec<Html>)> = Vec::new();
    for (i, f) in eval.findings.iter().take(LISTED_FINDINGS).enumerate() {
        let Some(listed) = ctx.findings.listed(i) else {
            continue;
        };
        let path = f.path.clone();
        let mark = listed.mark;
        let icon = match mark {
            Mark::Found(Level::Error) => "×",
            Mark::Found(Level::Warning) => "!",
            Mark::Found(Level::Info) => "i",
            Mark::ToFill => "○",
        };
        let item = html! {
            <li>
                <button type="button" class={format!("finding {}", mark.name())} data-testid="finding" data-code={f.code()}
                    data-path={f.path.to_string()} data-level={mark.name()}
                    onclick={ctx.on(move |_: MouseEvent| Action::Focus(path.clone()))}>
                    <span class="icon" aria-hidden="true">{ icon }</span>
                    <strong>{ mark.label().get(lang) }</strong>
                    <span class="finding-field">{ listed.field.clone() }</span>
                    <span class="finding-text">{ listed.message.clone() }</span>
                </button>
            </li>
        };
        let section = f.path.section();
        match by_section.iter_mut().find(|(s, _)| *s == section) {
            Some((_, items)) => items.push(item),
            None => by_section.push((section, vec![item])),
        }
    }
    let count_text = {
        let mut parts = vec![
            format!("{} {}", t(lang, "错误", "errors:"), counts.errors),
            format!("{} {}", t(lang, "警告", "warnings:"), counts.warnings),
        ];
        if counts.notes > 0 {
            parts.push(format!("{} {}", t(lang, "提示", "notes:"), counts.notes));
        }
        if counts.to_fill > 0 {
            parts.push(format!(
                "{} {}",
                t(lang, "待填写", "to fill:"),
                counts.to_fill
            ));
        }
        format!(
            "{}{}{}",
            t(lang, "（", " ("),
            parts.join(t(lang, "，", ", ")),
            t(lang, "）", ")")
        )
    };
    let percent = |v: Option<jixiao_core::Decimal>| {
        v.map_or("—".to_string(), |v| format!("{}%", shown(Some(v))))
    };
    html! {
        <aside class={classes!("results", expanded.then_some("expanded"))} aria-label={t(lang, "计算结果", "Results")}>
            <h2 class="sr-only">{ t(lang, "计算结果", "Results") }</h2>
            <button type="button" class="summary-toggle" data-testid="summary-toggle" aria-expanded={expanded.to_string()}
                aria-controls="results-detail" onclick={toggle}>
                { if *expanded { t(lang, "收起 ▾", "Less ▾") } else { t(lang, "详情 ▴", "More ▴") } }
            </button>
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
                    // While fields are still to fill (and nothing is wrong), the grade is provisional.
                    <span class={classes!(grade_class(&eval.policy.grades, grade.as_deref()),
                            (ctx.findings.counts.to_fill > 0 && ctx.findings.counts.errors == 0).then_some("provisional"))}
                        title={(ctx.findings.counts.to_fill > 0).then(|| t(lang, "尚有待填写项，得分不完整", "some fields are still to fill: the score is incomplete"))}
                        data-testid="grade">
                        { grade.clone().unwrap_or_else(|| "—".into()) }
                    </span>
                </div>
            </div>
            if let Some(against) = jixiao_core::AgainstDeclared::of(&eval) {
                <div class="declared-score" data-testid="declared-score" title={against.text(lang)}>
                    <span class="label">{ t(lang, "按申报目标", "Against the declared targets") }</span>
                    <strong data-testid="declared-total">{ shown(Some(against.total)) }</strong>
                    <span class={grade_class(&eval.policy.grades, against.grade.as_deref())} data-testid="declared-grade">
                        { against.grade.clone().unwrap_or_else(|| "—".into()) }
                    </span>
                    if against.changed > 0 {
                        <span class="hint" data-testid="declared-changed">
                            { format!("{}{}{}", t(lang, "（申报后调整 ", " ("), against.changed, t(lang, " 处）", " changed)")) }
                        </span>
                    }
                </div>
            }
            if ctx.state.tab == crate::state::Tab::Monitoring {
                <Forecast />
            }
            <div class="results-detail" id="results-detail">
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
                    <span class="counts" data-testid="finding-counts">{ count_text }</span>
                </h3>
                if let Some(verdict) = jixiao_core::Verdict::of(&doc, &eval) {
                    <p class={if verdict.differing == 0 { "ok" } else { "hint" }} data-testid="printed-verdict">{ verdict.text(lang) }</p>
                }
                if eval.findings.is_empty() {
                    <p class="ok">{ t(lang, "✓ 没有发现问题", "✓ Nothing to fix") }</p>
                }
                if counts.to_fill > 0 {
                    <p class="hint to-fill-note">
                        { t(lang, "“待填写”是尚未填写的必填项；在某一行输入后，该行的空项即作为错误显示。",
                            "\"To fill\" marks required fields not filled in yet; once you type in a row, its empty fields show as errors.") }
                        <button type="button" class="small" data-testid="check-all" onclick={ctx.on(|_: MouseEvent| Action::CheckAll)}>
                            { t(lang, "全部检查", "Check everything") }
                        </button>
                    </p>
                }
                { for by_section.into_iter().map(|(section, items)| html! {
                    <section class="finding-group" data-section={section.key()}>
                        <h4>{ section_label(lang, section) }</h4>
                        <ul>{ for items }</ul>
                    </section>
                }) }
                if hidden > 0 {
                    <p class="hint">{ MoreFindings(hidden).text(lang) }</p>
                }
            </section>
            </div>
        </aside>
    }
}

/// The section's heading in the findings list.
fn section_label(lang: Lang, section: Section) -> &'static str {
    match section {
        Section::Budget => t(lang, "预算明细", "Budget lines"),
        Section::Indicators => t(lang, "绩效指标", "Indicators"),
        Section::Surveys => t(lang, "满意度调查", "Surveys"),
        Section::Settings => t(lang, "设置与项目信息", "Settings and project"),
        Section::Claimed => t(
            lang,
            "报告或表中印出的数字",
            "Figures printed in the report or form",
        ),
        Section::Monitoring => t(lang, "绩效运行监控", "Monitoring"),
        Section::Funds => t(lang, "项目资金（申报）", "Funds requested"),
        Section::Declared => t(lang, "申报目标", "Declared targets"),
    }
}

/// 失分分析: where the points went, most first.
#[function_component(LostPoints)]
fn lost_points() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let lost = {
        let (doc, eval) = (ctx.state.doc.clone(), ctx.state.eval.clone());
        // Keyed by the evaluation (by pointer): a change that does not rescore keeps it.
        use_memo(Rc::as_ptr(&ctx.state.eval) as usize, move |_| {
            jixiao_core::lost_points(&doc, &eval)
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

/// How many findings the panel leaves unlisted.
struct MoreFindings(usize);

impl Message for MoreFindings {
    fn zh(&self) -> String {
        format!("另有 {} 条未列出（全部见“报告”）。", self.0)
    }

    fn en(&self) -> String {
        format!("{} more not listed here (all are in the report).", self.0)
    }
}

/// The year-end score as forecast by the round shown (while the 监控 tab is open), beside the
/// year-end one, and where the forecast loses its points.
#[function_component(Forecast)]
fn forecast() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let as_of = ctx.state.shown_round().map(|r| r.as_of.clone());
    // A large document's forecast (the whole document scored again) follows it a moment after
    // typing stops, as its report does.
    let large = ctx.state.eval.leaves.len() > crate::layout::LARGE_DOCUMENT_LEAVES;
    let settled =
        super::hooks::use_settled(ctx.state.doc.clone(), ctx.state.revision, large, false);
    let (doc, behind) = settled.unwrap_or_else(|| (ctx.state.doc.clone(), false));
    // Keyed by the document (by pointer) and the round shown: a render that changes neither
    // (another finding focused, the language) does not score the year again.
    let forecast = {
        use_memo(
            (Rc::as_ptr(&doc) as usize, as_of.clone()),
            move |(_, as_of)| {
                let round = doc
                    .monitoring
                    .iter()
                    .find(|r| Some(&r.as_of) == as_of.as_ref())?;
                let f = jixiao_core::forecast(&doc, round);
                let lost: Vec<_> = jixiao_core::lost_points(&f.doc, &f.eval)
                    .into_iter()
                    .take(5)
                    .collect();
                Some((f, lost))
            },
        )
    };
    let (Some(as_of), Some((f, lost))) = (as_of, forecast.as_ref()) else {
        return html! {};
    };
    let grade = f.eval.grade.clone();
    html! {
        <div class="forecast-card" data-testid="forecast" aria-live="polite">
            <div class="total">
                <span class="label">{ format!("{}（{}）", t(lang, "全年预计", "Forecast"), as_of) }</span>
                <strong data-testid="forecast-total">{ shown(Some(f.eval.total)) }</strong>
                <span class={grade_class(&f.eval.policy.grades, grade.as_deref())} data-testid="forecast-grade">
                    { grade.clone().unwrap_or_else(|| "—".into()) }
                </span>
            </div>
            if behind {
                <p class="hint" data-testid="forecast-behind">{ t(lang, "停止输入后更新。", "Updated when typing stops.") }</p>
            }
            if f.extrapolated {
                <p class="hint">{ t(lang, "未填全年预计执行数的资金按当前进度推算。", "Spending without a forecast is carried on at the pace so far.") }</p>
            }
            if !lost.is_empty() {
                <p class="forecast-lost" data-testid="forecast-lost">
                    { t(lang, "预计失分：", "Forecast points lost: ") }
                    { lost.iter().map(|l| format!("{} −{}", l.name, shown(Some(l.lost)))).collect::<Vec<_>>().join(t(lang, "；", "; ")) }
                </p>
            }
        </div>
    }
}
