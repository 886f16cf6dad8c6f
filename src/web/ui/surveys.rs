//! 满意度调查: options with weights (and the two presets), questions with a count per option,
//! per-question shares and satisfaction, the weakest question marked.

use super::fields::RowKey;
use super::fields::{button, dom_id, messages, raw, row_keys, select, shown, Field};
use super::i18n::t;
use super::{use_ctx, Host};
use crate::edit::{Dir, Edit, PRESETS};
use crate::state::Action;
use jixiao_core::Survey;
use jixiao_core::SurveyResult;
use jixiao_core::{FieldPath, QuestionField, Section, SurveyField};
use yew::prelude::*;

#[function_component(SurveyEditor)]
pub(crate) fn survey_editor() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let doc = ctx.state.doc.clone();
    let eval = ctx.state.eval.clone();
    html! {
        <div id={dom_id(&FieldPath::Section(Section::Surveys))} tabindex="-1">
            <h2>{ t(lang, "满意度调查", "Satisfaction surveys") }</h2>
            { for doc.surveys.iter().enumerate().map(|(i, s)| html! {
                <SurveyCard key={s.id.clone()} survey={s.clone()} result={eval.surveys.get(i).cloned()}
                    folded={ctx.state.folded.contains(&s.id)}
                    host={ctx.for_row(&RowKey::Survey(s.id.clone()))} />
            }) }
            <button type="button" class="button" onclick={ctx.on(|_: MouseEvent| Action::Edit(Edit::AddSurvey))}>
                { t(lang, "＋ 添加调查问卷", "+ Add a survey") }
            </button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SurveyProps {
    survey: Survey,
    result: Option<SurveyResult>,
    /// Folded: its head and satisfaction shown, its questions not drawn.
    folded: bool,
    host: Host,
}

/// One survey: its props are its own data, result and findings, so typing a count draws this
/// survey again and not the others.
#[function_component(SurveyCard)]
fn survey_card(props: &SurveyProps) -> Html {
    survey(
        &props.host,
        &props.survey,
        props.result.as_ref(),
        props.folded,
    )
}

fn survey(ctx: &Host, s: &Survey, result: Option<&SurveyResult>, folded: bool) -> Html {
    let lang = ctx.lang();
    let base = FieldPath::Survey(s.id.clone(), None);
    let at = |field| FieldPath::survey(&s.id, field);
    let sid = || s.id.clone();
    let share = s.method.as_deref() == Some("share");
    let n_options = s.options.len();
    let n_questions = s.questions.len();
    let weakest = result.and_then(|r| r.weakest.clone());
    let header = s.options.iter().enumerate().map(|(j, o)| {
        let label_path = at(SurveyField::OptionLabel(j));
        let weight_path = at(SurveyField::OptionWeight(j));
        let survey_id = sid();
        let n = j.saturating_add(1);
        html! {
            <th scope="col">
                { Field::new(&label_path, &format!("{} {n}", t(lang, "选项", "Option")), &o.label).in_table()
                    .edit(ctx) }
                if !share {
                    { Field::new(&weight_path, &format!("{} {n} {}", t(lang, "选项", "Option"), t(lang, "权重（%）", "weight (%)")), &raw(&o.weight))
                        .in_table().number().edit(ctx) }
                }
                { button("×", format!("{} {n}", t(lang, "删除选项", "Delete option")),
                    ctx.on(move |_: MouseEvent| Action::Edit(Edit::RemoveOption(survey_id.clone(), j))), n_options <= 1) }
            </th>
        }
    });
    let keys = row_keys(s.questions.iter().map(|q| q.id.as_str()));
    let rows = s.questions.iter().zip(keys).enumerate().map(|(q, (question, key))| {
        let question_at = |field| at(SurveyField::Question(question.id.clone(), field));
        let qpath = question_at(None);
        let number = q.saturating_add(1);
        let (up, down, remove) = (
            (sid(), question.id.clone()),
            (sid(), question.id.clone()),
            (sid(), question.id.clone()),
        );
        let qresult = result.and_then(|r| r.questions.get(q));
        let is_weakest = weakest.as_deref() == Some(question.id.as_str());
        let cells = question.counts.iter().enumerate().map(|(j, count)| {
            let path = question_at(Some(QuestionField::Count(j)));
            let share = qresult.and_then(|r| r.shares.get(j).copied().flatten());
            let option = s.options.get(j).map_or(String::new(), |o| o.label.clone());
            html! {
                <td>
                    { Field::new(&path, &format!("{} {number} {option}", t(lang, "第", "Question")), count.raw()).cell(j.saturating_add(1)).number()
                        .edit(ctx) }
                    <span class="share">{ share.map_or(String::new(), |v| format!("{}%", shown(Some(v)))) }</span>
                </td>
            }
        });
        html! {
            <tr {key} id={dom_id(&qpath)} tabindex="-1" class={classes!(is_weakest.then_some("weakest"))} data-row={qpath.to_string()}
                data-weakest={is_weakest.to_string()} data-testid={format!("question-{}", question.id)}>
                <th scope="row">
                    <span class="node-id">{ number }</span>
                    { Field::new(&question_at(Some(QuestionField::Text)), &format!("{} {number}", t(lang, "题目", "Question")), &question.text).cell(0)
                        .edit(ctx) }
                    { messages(ctx, &qpath) }
                    { messages(ctx, &question_at(Some(QuestionField::Counts))) }
                </th>
                { for cells }
                <td class="figure">{ qresult.map_or(0, |r| r.responses) }</td>
                <td class="figure" data-testid={format!("satisfaction-{}-{}", s.id, question.id)}>
                    { shown(qresult.and_then(|r| r.satisfaction)) }
                    if is_weakest { <span class="badge weakest">{ t(lang, "▼ 最低", "▼ lowest") }</span> }
                </td>
                <td class="row-actions">
                    { button("↑", format!("{} {number}", t(lang, "上移题目", "Move up question")),
                        ctx.on(move |_: MouseEvent| Action::Edit(Edit::MoveQuestion(up.0.clone(), up.1.clone(), Dir::Up))), q == 0) }
                    { button("↓", format!("{} {number}", t(lang, "下移题目", "Move down question")),
                        ctx.on(move |_: MouseEvent| Action::Edit(Edit::MoveQuestion(down.0.clone(), down.1.clone(), Dir::Down))), number == n_questions) }
                    { button(t(lang, "删除", "Delete"), format!("{} {number}", t(lang, "删除题目", "Delete question")),
                        ctx.on(move |_: MouseEvent| Action::Edit(Edit::RemoveQuestion(remove.0.clone(), remove.1.clone()))), false) }
                </td>
            </tr>
        }
    });
    let method_options = [
        (
            "weighted",
            t(lang, "加权平均（按选项权重）", "Weighted by option weights"),
        ),
        (
            "share",
            t(
                lang,
                "满意率（满意人数 / 有效人数）",
                "Share of satisfied answers",
            ),
        ),
    ];
    let weakest_text = weakest.as_ref().and_then(|w| {
        let q = s.questions.iter().position(|q| &q.id == w)?;
        Some(format!(
            "{}{}{}",
            t(lang, "第 ", "question "),
            q.saturating_add(1),
            t(lang, " 题", "")
        ))
    });
    html! {
        <section class="survey" id={dom_id(&base)} tabindex="-1" aria-label={format!("{} {}", t(lang, "调查", "Survey"), s.name)}>
            <div class="survey-head">
                { Field::new(&at(SurveyField::Name), t(lang, "问卷名称", "Survey name"), &s.name).edit(ctx) }
                { Field::new(&at(SurveyField::Respondents), t(lang, "有效调查人数", "Respondents"), &raw(&s.respondents)).number()
                    .edit(ctx) }
                { select(ctx, &at(SurveyField::Method), t(lang, "计算方法", "Method"), s.method.as_deref().unwrap_or("weighted"), &method_options) }
                if share {
                    { Field::new(&at(SurveyField::SatisfiedOptions), t(lang, "计为满意的前几项", "Satisfied options (first n)"), &raw(&s.satisfied_options))
                        .number().placeholder("2")
                        .edit(ctx) }
                }
                <div class="presets" role="group" aria-label={t(lang, "选项预设", "Option presets")}>
                    { for PRESETS.iter().enumerate().map(|(p, preset)| {
                        let label = preset.iter().map(|(_, w)| *w).collect::<Vec<_>>().join("/");
                        let survey_id = sid();
                        html! { <button type="button" class="small" onclick={ctx.on(move |_: MouseEvent| Action::Edit(Edit::Preset(survey_id.clone(), p)))}>
                            { format!("{} {label}", t(lang, "预设", "Preset")) }
                        </button> }
                    }) }
                </div>
                { button(t(lang, "删除问卷", "Delete survey"), format!("{} {}", t(lang, "删除问卷", "Delete survey"), s.id),
                    { let survey_id = sid(); ctx.on(move |_: MouseEvent| Action::Edit(Edit::RemoveSurvey(survey_id.clone()))) }, false) }
            </div>
            { messages(ctx, &base) }
            <p class="survey-result" data-testid={format!("survey-satisfaction-{}", s.id)}>
                { t(lang, "满意度 ", "Satisfaction ") }<strong>{ shown(result.and_then(|r| r.satisfaction)) }</strong>
                if let Some(w) = weakest_text {
                    { format!("　{}{}", t(lang, "得分最低：", "lowest: "), w) }
                }
            </p>
            <button type="button" class="small toggle-survey" aria-expanded={(!folded).to_string()}
                aria-controls={format!("questions-{}", s.id)} data-testid={format!("fold-{}", s.id)}
                onclick={ { let survey_id = sid(); ctx.on(move |_: MouseEvent| Action::ToggleSurvey(survey_id.clone())) } }>
                { if folded {
                    format!("▸ {}（{n_questions} {}）", t(lang, "展开题目", "Show the questions"), t(lang, "题", "questions"))
                } else {
                    format!("▾ {}", t(lang, "收起题目", "Hide the questions"))
                } }
            </button>
            if !folded {
            <div class="table-wrap" id={format!("questions-{}", s.id)}>
                <table class="survey-table sheet" onkeydown={super::sheet::keys(ctx)} onpaste={super::sheet::paste(ctx)}>
                    <thead><tr>
                        <th scope="col">{ t(lang, "题目", "Question") }</th>
                        { for header }
                        <th scope="col">{ t(lang, "合计人数", "Answers") }</th>
                        <th scope="col">{ t(lang, "满意度", "Satisfaction") }</th>
                        <th scope="col"><span class="sr-only">{ t(lang, "操作", "Actions") }</span></th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <div class="add-row">
                <button type="button" class="small" onclick={ { let survey_id = sid(); ctx.on(move |_: MouseEvent| Action::Edit(Edit::AddQuestion(survey_id.clone()))) } }>
                    { t(lang, "＋ 题目", "+ Question") }
                </button>
                <button type="button" class="small" onclick={ { let survey_id = sid(); ctx.on(move |_: MouseEvent| Action::Edit(Edit::AddOption(survey_id.clone()))) } }>
                    { t(lang, "＋ 选项", "+ Option") }
                </button>
            </div>
            }
        </section>
    }
}
