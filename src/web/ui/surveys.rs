//! 满意度调查: options with weights (and the two presets), questions with a count per option,
//! per-question shares and satisfaction, the weakest question marked.

use super::fields::{button, dom_id, messages, select, shown, Field};
use super::i18n::t;
use super::{use_ctx, Ctx};
use crate::edit::{Dir, Edit, SurveyField, PRESETS};
use crate::state::Action;
use jixiao_core::model::Survey;
use jixiao_core::scoring::survey::SurveyResult;
use jixiao_core::Num;
use yew::prelude::*;

fn raw(n: &Option<Num>) -> String {
    n.as_ref().map(|n| n.raw().to_string()).unwrap_or_default()
}

#[function_component(SurveyEditor)]
pub fn survey_editor() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let doc = ctx.state.doc.clone();
    let eval = ctx.state.eval.clone();
    html! {
        <div id={dom_id("surveys")} tabindex="-1">
            <h2>{ t(lang, "满意度调查", "Satisfaction surveys") }</h2>
            { for doc.surveys.iter().enumerate().map(|(i, s)| survey(&ctx, i, s, eval.surveys.get(i))) }
            <button type="button" class="button" onclick={ctx.on(|_: MouseEvent| Action::Edit(Edit::AddSurvey))}>
                { t(lang, "＋ 添加调查问卷", "+ Add a survey") }
            </button>
        </div>
    }
}

fn survey(ctx: &Ctx, i: usize, s: &Survey, result: Option<&SurveyResult>) -> Html {
    let lang = ctx.lang();
    let base = format!("surveys/{}", s.id);
    let share = s.method.as_deref() == Some("share");
    let n_options = s.options.len();
    let n_questions = s.questions.len();
    let weakest = result.and_then(|r| r.weakest.clone());
    let header = s.options.iter().enumerate().map(|(j, o)| {
        let label_path = format!("{base}/options/{j}/label");
        let weight_path = format!("{base}/options/{j}/weight");
        html! {
            <th scope="col">
                { Field::new(&label_path, &format!("{} {}", t(lang, "选项", "Option"), j + 1), &o.label).in_table()
                    .render(ctx, move |v| Action::Edit(Edit::OptionLabel(i, j, v))) }
                if !share {
                    { Field::new(&weight_path, &format!("{} {} {}", t(lang, "选项", "Option"), j + 1, t(lang, "权重（%）", "weight (%)")), &raw(&o.weight))
                        .in_table().number().render(ctx, move |v| Action::Edit(Edit::OptionWeight(i, j, v))) }
                }
                { button("×", format!("{} {}", t(lang, "删除选项", "Delete option"), j + 1),
                    ctx.on(move |_: MouseEvent| Action::Edit(Edit::RemoveOption(i, j))), n_options <= 1) }
            </th>
        }
    });
    let rows = s.questions.iter().enumerate().map(|(q, question)| {
        let qpath = format!("{base}/questions/{}", question.id);
        let qresult = result.and_then(|r| r.questions.get(q));
        let is_weakest = weakest.as_deref() == Some(question.id.as_str());
        let cells = question.counts.iter().enumerate().map(|(j, count)| {
            let path = format!("{qpath}/counts/{j}");
            let share = qresult.and_then(|r| r.shares.get(j).copied().flatten());
            let option = s.options.get(j).map_or(String::new(), |o| o.label.clone());
            html! {
                <td>
                    { Field::new(&path, &format!("{} {} {}", t(lang, "第", "Question"), q + 1, option), count.raw()).in_table().number()
                        .render(ctx, move |v| Action::Edit(Edit::Count(i, q, j, v))) }
                    <span class="share">{ share.map_or(String::new(), |v| format!("{}%", shown(Some(v)))) }</span>
                </td>
            }
        });
        html! {
            <tr id={dom_id(&qpath)} tabindex="-1" class={classes!(is_weakest.then_some("weakest"))}
                data-weakest={is_weakest.to_string()} data-testid={format!("question-{}", question.id)}>
                <th scope="row">
                    <span class="node-id">{ q + 1 }</span>
                    { Field::new(&format!("{qpath}/text"), &format!("{} {}", t(lang, "题目", "Question"), q + 1), &question.text).in_table()
                        .render(ctx, move |v| Action::Edit(Edit::QuestionText(i, q, v))) }
                    { messages(ctx, &qpath) }
                    { messages(ctx, &format!("{qpath}/counts")) }
                </th>
                { for cells }
                <td class="figure">{ qresult.map_or(0, |r| r.responses) }</td>
                <td class="figure" data-testid={format!("satisfaction-{}-{}", s.id, question.id)}>
                    { shown(qresult.and_then(|r| r.satisfaction)) }
                    if is_weakest { <span class="badge weakest">{ t(lang, "▼ 最低", "▼ lowest") }</span> }
                </td>
                <td class="row-actions">
                    { button("↑", format!("{} {}", t(lang, "上移题目", "Move up question"), q + 1),
                        ctx.on(move |_: MouseEvent| Action::Edit(Edit::MoveQuestion(i, q, Dir::Up))), q == 0) }
                    { button("↓", format!("{} {}", t(lang, "下移题目", "Move down question"), q + 1),
                        ctx.on(move |_: MouseEvent| Action::Edit(Edit::MoveQuestion(i, q, Dir::Down))), q + 1 == n_questions) }
                    { button(t(lang, "删除", "Delete"), format!("{} {}", t(lang, "删除题目", "Delete question"), q + 1),
                        ctx.on(move |_: MouseEvent| Action::Edit(Edit::RemoveQuestion(i, q))), false) }
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
            q + 1,
            t(lang, " 题", "")
        ))
    });
    html! {
        <section class="survey" id={dom_id(&base)} tabindex="-1" aria-label={format!("{} {}", t(lang, "调查", "Survey"), s.name)}>
            <div class="survey-head">
                { Field::new(&format!("{base}/name"), t(lang, "问卷名称", "Survey name"), &s.name)
                    .render(ctx, move |v| Action::Edit(Edit::Survey(i, SurveyField::Name, v))) }
                { Field::new(&format!("{base}/respondents"), t(lang, "有效调查人数", "Respondents"), &raw(&s.respondents)).number()
                    .render(ctx, move |v| Action::Edit(Edit::Survey(i, SurveyField::Respondents, v))) }
                { select(ctx, &format!("{base}/method"), t(lang, "计算方法", "Method"), s.method.as_deref().unwrap_or("weighted"), &method_options,
                    move |v| Action::Edit(Edit::Survey(i, SurveyField::Method, v))) }
                if share {
                    { Field::new(&format!("{base}/satisfied_options"), t(lang, "计为满意的前几项", "Satisfied options (first n)"), &raw(&s.satisfied_options))
                        .number().placeholder("2")
                        .render(ctx, move |v| Action::Edit(Edit::Survey(i, SurveyField::SatisfiedOptions, v))) }
                }
                <div class="presets" role="group" aria-label={t(lang, "选项预设", "Option presets")}>
                    { for PRESETS.iter().enumerate().map(|(p, preset)| {
                        let label = preset.iter().map(|(_, w)| *w).collect::<Vec<_>>().join("/");
                        html! { <button type="button" class="small" onclick={ctx.on(move |_: MouseEvent| Action::Edit(Edit::Preset(i, p)))}>
                            { format!("{} {label}", t(lang, "预设", "Preset")) }
                        </button> }
                    }) }
                </div>
                { button(t(lang, "删除问卷", "Delete survey"), format!("{} {}", t(lang, "删除问卷", "Delete survey"), s.id),
                    ctx.on(move |_: MouseEvent| Action::Edit(Edit::RemoveSurvey(i))), false) }
            </div>
            { messages(ctx, &base) }
            <p class="survey-result" data-testid={format!("survey-satisfaction-{}", s.id)}>
                { t(lang, "满意度 ", "Satisfaction ") }<strong>{ shown(result.and_then(|r| r.satisfaction)) }</strong>
                if let Some(w) = weakest_text {
                    { format!("　{}{}", t(lang, "得分最低：", "lowest: "), w) }
                }
            </p>
            <div class="table-wrap">
                <table class="survey-table">
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
                <button type="button" class="small" onclick={ctx.on(move |_: MouseEvent| Action::Edit(Edit::AddQuestion(i)))}>
                    { t(lang, "＋ 题目", "+ Question") }
                </button>
                <button type="button" class="small" onclick={ctx.on(move |_: MouseEvent| Action::Edit(Edit::AddOption(i)))}>
                    { t(lang, "＋ 选项", "+ Option") }
                </button>
            </div>
        </section>
    }
}
