//! 情景: the base and its scenarios side by side, recording a new scenario from edits, and
//! 需要多少 (goal seeking) for any numeric field. What they change are the page's own actions,
//! undo included.

use super::context::{use_ctx, Ctx, Same, Scored};
use super::fields::button;
use super::i18n::t;
use crate::edit::Edit;
use crate::state::Action;
use jixiao_core::shown;
use jixiao_core::Names;
use jixiao_core::{compare_scenario, numeric_paths, scenario_diff, seek};
use jixiao_core::{Decimal, FieldPath, Lang, Message};
use jixiao_core::{Goal, ScenarioSummary, Seek, SeekError, SeekText};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The 情景 tab, over the page's document and evaluation.
#[function_component(ScenarioEditor)]
pub(crate) fn scenario_editor() -> Html {
    let ctx = use_ctx();
    let state = &ctx.state;
    // While a scenario is recorded: how many fields differ from the base (once per change).
    let recording = {
        let (base, doc) = (state.scenario_base.clone(), state.doc.clone());
        let key = (
            Same(Rc::clone(&state.doc)),
            state.scenario_base.clone().map(Same),
        );
        *use_memo(key, move |_| {
            base.as_ref().map(|b| scenario_diff(b, &doc).len())
        })
    };
    html! {
        <ScenarioView scored={ctx.scored()} lang={state.lang}
            {recording} seek_path={state.seek_path.clone()} />
    }
}

#[derive(Properties, PartialEq)]
struct ScenarioProps {
    scored: Scored,
    lang: Lang,
    /// While a scenario is being recorded: how many fields differ from the base so far.
    recording: Option<usize>,
    /// The field 需要多少 was last asked for (from an indicator or budget row).
    seek_path: Option<FieldPath>,
}

/// A field as the user knows it: `预算明细第3行“残疾人职业技能培训”的执行数`.
fn path_label(names: &Names, path: &FieldPath, lang: Lang) -> String {
    names.describe(path, lang)
}

fn summary_rows(lang: Lang, base: &ScenarioSummary, others: &[&ScenarioSummary]) -> Html {
    let all: Vec<&ScenarioSummary> = std::iter::once(base)
        .chain(others.iter().copied())
        .collect();
    let row = |label: String, cells: Vec<String>| {
        html! {
            <tr><th scope="row">{ label }</th>{ for cells.into_iter().map(|c| html! { <td class="figure">{ c }</td> }) }</tr>
        }
    };
    let mut rows = vec![
        row(
            t(lang, "总分", "Total").into(),
            all.iter().map(|s| shown(Some(s.total))).collect(),
        ),
        row(
            t(lang, "得分率", "Percent").into(),
            all.iter()
                .map(|s| format!("{}%", shown(Some(s.percent))))
                .collect(),
        ),
        row(
            t(lang, "等级", "Grade").into(),
            all.iter()
                .map(|s| s.grade.clone().unwrap_or_default())
                .collect(),
        ),
    ];
    for (i, (_, name, ..)) in base.first_level.iter().enumerate() {
        rows.push(row(
            name.clone(),
            all.iter()
                .map(|s| {
                    s.first_level.get(i).map_or("—".into(), |f| {
                        format!("{} / {}", shown(Some(f.3)), shown(Some(f.2)))
                    })
                })
                .collect(),
        ));
    }
    rows.push(row(
        t(lang, "预算执行率", "Execution rate").into(),
        all.iter()
            .map(|s| {
                s.execution_rate
                    .map_or("—".into(), |r| format!("{}%", shown(Some(r))))
            })
            .collect(),
    ));
    for (i, (id, _)) in base.satisfaction.iter().enumerate() {
        rows.push(row(
            format!("{} {id}", t(lang, "满意度", "Satisfaction")),
            all.iter()
                .map(|s| shown(s.satisfaction.get(i).and_then(|x| x.1)))
                .collect(),
        ));
    }
    html! { { for rows } }
}

fn delta_text(d: Decimal) -> String {
    let shown = shown(Some(d));
    if d > Decimal::ZERO {
        format!("+{shown}")
    } else {
        shown
    }
}

/// The scenarios beside the base, and 需要多少.
#[function_component(ScenarioView)]
fn scenario_view(props: &ScenarioProps) -> Html {
    let ctx = use_ctx();
    let lang = props.lang;
    let Scored { doc, eval } = props.scored.clone();
    // Comparing rescoring the document once per change: only when the document changes.
    let compared = {
        let (doc, eval) = (doc.clone(), eval.clone());
        use_memo(Same(Rc::clone(&props.scored.doc)), move |_| {
            let base = ScenarioSummary::of(&doc, &eval);
            let outcomes: Vec<_> = doc
                .scenarios
                .iter()
                .map(|s| compare_scenario(&doc, &eval, s))
                .collect();
            (base, outcomes)
        })
    };
    let (base, outcomes) = (&compared.0, &compared.1);
    let names = Names::new(&doc);
    let summaries: Vec<&ScenarioSummary> = outcomes
        .iter()
        .filter_map(|o| o.as_ref().ok())
        .map(|o| &o.summary)
        .collect();
    let recording = props.recording;
    html! {
        <div id="f:scenarios" tabindex="-1">
            <h2>{ t(lang, "情景比较", "Scenarios") }</h2>
            <p class="hint">{ t(lang,
                "情景是对当前文档的一组假设修改（例如“只花 80 万元”）。点“新建情景”后照常修改各项数据，再回到这里保存；原文档不变。",
                "A scenario is a named set of changes to this document. Start one, edit as usual, then save it here; the base stays as it was.") }</p>
            <div class="add-row">
                if let Some(changes) = recording {
                    <ScenarioSave {changes} {lang} />
                } else {
                    <button type="button" class="button" data-testid="start-scenario" onclick={ctx.on(|_: MouseEvent| Action::StartScenario)}>
                        { t(lang, "＋ 新建情景（记录接下来的修改）", "+ New scenario (record the next edits)") }
                    </button>
                }
            </div>
            if !doc.scenarios.is_empty() {
                <div class="table-wrap">
                    <table class="scenarios" data-testid="scenario-table">
                        <thead><tr>
                            <th scope="col">{ t(lang, "项目", "Figure") }</th>
                            <th scope="col">{ t(lang, "基准", "Base") }</th>
                            { for doc.scenarios.iter().enumerate().map(|(i, s)| html! {
                                <th scope="col">
                                    <input type="text" value={s.name.clone()} aria-label={format!("{} {}", t(lang, "情景名称", "Scenario name"), i.saturating_add(1))}
                                        oninput={ctx.on(move |e: InputEvent| Action::Edit(Edit::ScenarioName(i, e.target_unchecked_into::<HtmlInputElement>().value())))} />
                                    <span class="row-actions">
                                        { button(t(lang, "设为基准", "Apply"), format!("{} {}", t(lang, "把情景应用到基准", "Apply to the base:"), s.name),
                                            ctx.on(move |_: MouseEvent| Action::Edit(Edit::ApplyScenario(i))), false) }
                                        { button(t(lang, "删除", "Delete"), format!("{} {}", t(lang, "删除情景", "Delete scenario"), s.name),
                                            ctx.on(move |_: MouseEvent| Action::Edit(Edit::RemoveScenario(i))), false) }
                                    </span>
                                </th>
                            }) }
                        </tr></thead>
                        <tbody>{ summary_rows(lang, base, &summaries) }</tbody>
                    </table>
                </div>
                { for doc.scenarios.iter().zip(outcomes).map(|(s, o)| match o {
                    Ok(o) => html! {
                        <section class="scenario-changes" data-testid="scenario-changes">
                            <h3>{ format!("{}：{} {}", s.name, t(lang, "总分变化", "total change"), delta_text(o.delta)) }</h3>
                            <table>
                                <thead><tr>
                                    <th scope="col">{ t(lang, "修改的字段", "Field") }</th><th scope="col">{ t(lang, "原值", "Old") }</th>
                                    <th scope="col">{ t(lang, "新值", "New") }</th><th scope="col">{ t(lang, "得分变化（单独）", "Score change (alone)") }</th>
                                </tr></thead>
                                <tbody>{ for o.changes.iter().map(|c| html! { <tr>
                                    <td>{ path_label(&names, &c.path, lang) }</td><td class="figure">{ c.old.clone() }</td>
                                    <td class="figure">{ c.new.clone() }</td><td class="figure">{ delta_text(c.delta) }</td>
                                </tr> }) }</tbody>
                            </table>
                        </section>
                    },
                    Err(e) => html! { <p class="msg error">{ format!("{}：{}", s.name, e.text(lang)) }</p> },
                }) }
            }
            <SeekPanel scored={props.scored.clone()} {lang} recording={props.recording} seek_path={props.seek_path.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SaveProps {
    changes: usize,
    lang: Lang,
}

#[function_component(ScenarioSave)]
fn scenario_save(props: &SaveProps) -> Html {
    let ctx = use_ctx();
    let (lang, changes) = (props.lang, props.changes);
    let name = use_state(String::new);
    let save = {
        let name = name.clone();
        ctx.on(move |_: MouseEvent| Action::SaveScenario((*name).clone()))
    };
    html! {
        <div class="scenario-save" role="group" aria-label={t(lang, "保存情景", "Save the scenario")}>
            <span>{ format!("{}{changes}{}", t(lang, "情景记录中：已修改 ", "Recording: "), t(lang, " 处", " changes")) }</span>
            <label for="scenario-name">{ t(lang, "情景名称", "Scenario name") }</label>
            <input id="scenario-name" type="text" value={(*name).clone()}
                oninput={let name = name.clone(); Callback::from(move |e: InputEvent| name.set(e.target_unchecked_into::<HtmlInputElement>().value()))} />
            <button type="button" class="button" data-testid="save-scenario" onclick={save}>{ t(lang, "保存为情景", "Save as scenario") }</button>
            <button type="button" class="button" onclick={ctx.on(|_: MouseEvent| Action::DiscardScenario)}>{ t(lang, "放弃修改", "Discard") }</button>
        </div>
    }
}

#[function_component(SeekPanel)]
fn seek_panel(props: &ScenarioProps) -> Html {
    let ctx = use_ctx();
    let lang = props.lang;
    let doc = props.scored.doc.clone();
    let paths = {
        let doc = doc.clone();
        use_memo(Same(Rc::clone(&props.scored.doc)), move |_| {
            numeric_paths(&doc)
        })
    };
    let names = Names::new(&doc);
    let path = use_state(|| props.seek_path.clone().or_else(|| paths.first().cloned()));
    {
        let path = path.clone();
        use_effect_with(props.seek_path.clone(), move |wanted| {
            if let Some(p) = wanted {
                path.set(Some(p.clone()));
            }
        });
    }
    let goal = use_state(|| "full".to_string());
    let total = use_state(|| "90".to_string());
    // Seeking rescoring the document many times: only when the document or the question changes.
    let sought = {
        let doc = doc.clone();
        use_memo(
            (
                Same(Rc::clone(&props.scored.doc)),
                (*path).clone(),
                (*goal).clone(),
                (*total).clone(),
            ),
            move |(_, path, goal, total)| {
                let goal = read_goal(goal, total)?;
                Ok(path.as_ref().map(|p| seek(&doc, p, &goal)))
            },
        )
    };
    let answer = seek_answer(&ctx, lang, &names, (*path).as_ref(), &sought);
    let grades: Vec<String> = props
        .scored
        .eval
        .policy
        .grades
        .iter()
        .map(|g| g.0.clone())
        .collect();
    html! {
        <section class="seek" id="seek" aria-label={t(lang, "需要多少", "Goal seek")}>
            <h2>{ t(lang, "需要多少？", "How much is needed?") }</h2>
            <p class="hint">{ t(lang, "选择一个数值字段和目标，其他数据不变，求出达到目标所需的值。",
                "Pick a numeric field and a goal; with everything else fixed, find the value that reaches it.") }</p>
            <div class="seek-form">
                <div class="field">
                    <label for="seek-path">{ t(lang, "字段", "Field") }</label>
                    <select id="seek-path" onchange={let path = path.clone(); Callback::from(move |e: Event| {
                        path.set(e.target_unchecked_into::<HtmlSelectElement>().value().parse().ok())
                    })}>
                        { for paths.iter().map(|p| html! {
                            <option value={p.to_string()} selected={Some(p) == (*path).as_ref()}>{ path_label(&names, p, lang) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="seek-goal">{ t(lang, "目标", "Goal") }</label>
                    <select id="seek-goal" onchange={let goal = goal.clone(); Callback::from(move |e: Event| goal.set(e.target_unchecked_into::<HtmlSelectElement>().value()))}>
                        <option value="full" selected={*goal == "full"}>{ t(lang, "相关指标得满分", "Full marks on its indicators") }</option>
                        { for grades.iter().map(|g| html! { <option value={format!("grade:{g}")} selected={*goal == format!("grade:{g}")}>{ format!("{}{g}", t(lang, "等级达到 ", "Grade ")) }</option> }) }
                        <option value="total" selected={*goal == "total"}>{ t(lang, "总分达到…", "Total of at least…") }</option>
                    </select>
                </div>
                if *goal == "total" {
                    <div class="field number">
                        <label for="seek-total">{ t(lang, "目标总分", "Target total") }</label>
                        <input id="seek-total" type="text" inputmode="decimal" value={(*total).clone()}
                            oninput={let total = total.clone(); Callback::from(move |e: InputEvent| total.set(e.target_unchecked_into::<HtmlInputElement>().value()))} />
                    </div>
                }
            </div>
            <div class="seek-answer" data-testid="seek-answer" aria-live="polite">{ answer }</div>
        </section>
    }
}

/// The goal as chosen in the form; a target total that is not a number is said so.
fn read_goal(goal: &str, total: &str) -> Result<Goal, ()> {
    Ok(match goal.split_once(':') {
        Some(("grade", g)) => Goal::Grade(g.to_string()),
        _ if goal == "total" => Goal::Total(jixiao_core::parse_decimal(total).map_err(|_| ())?),
        _ => Goal::Full,
    })
}

/// The answer for the chosen field and goal, with a button to use the value.
fn seek_answer(
    ctx: &Ctx,
    lang: Lang,
    names: &Names,
    path: Option<&FieldPath>,
    sought: &Result<Option<Result<Seek, SeekError>>, ()>,
) -> Html {
    let (path, answer) = match (path, sought) {
        (_, Err(())) => {
            return html! { <p class="msg error">{ SeekText::TotalNotANumber.text(lang) }</p> }
        }
        (Some(path), Ok(Some(answer))) => (path, answer),
        _ => return Html::default(),
    };
    match answer {
        Err(e) => {
            html! { <p class="msg error">{ e.text(lang) }</p> }
        }
        Ok(Seek::Unreachable { best_total }) => html! {
            <p class="msg warning"><strong>{ SeekText::NotReached.text(lang) }</strong>
                { SeekText::BestIs { best_total: *best_total }.text(lang) }</p>
        },
        Ok(Seek::Found {
            value,
            direction,
            method,
            precision,
            already,
            total,
            grade,
            ..
        }) => {
            let how = SeekText::How {
                method: *method,
                precision: *precision,
            };
            let with = SeekText::WithIt {
                total: *total,
                grade: grade.as_deref(),
                already: *already,
            };
            let (p, v) = (path.clone(), value.to_string());
            html! { <>
                <p>
                    <strong>{ path_label(names, path, lang) }</strong>{ format!(" {} ", direction.text(lang)) }
                    <strong data-testid="seek-value">{ value.to_string() }</strong>
                    { format!("（{}）", how.text(lang)) }
                </p>
                <p>{ with.text(lang) }</p>
                <button type="button" class="button" data-testid="seek-apply"
                    onclick={ctx.on(move |_: MouseEvent| Action::Edit(Edit::Set(p.clone(), v.clone())))}>
                    { t(lang, "采用此值", "Use this value") }
                </button>
            </> }
        }
    }
}
