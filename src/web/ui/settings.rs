//! 设置: grade bands and the audit's thresholds (local practice differs; defaults are official).

use super::fields::{button, dom_id, messages, raw, Field};
use super::i18n::t;
use super::use_ctx;
use crate::edit::Edit;
use crate::state::Action;
use jixiao_core::{FieldPath, Section, SettingField};
use yew::prelude::*;

#[function_component(SettingsEditor)]
pub(crate) fn settings_editor() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let doc = ctx.state.doc.clone();
    let policy = &ctx.state.eval.policy;
    let bands: Vec<(String, String)> = match &doc.settings.grades {
        Some(g) => g.iter().map(|b| (b.label.clone(), raw(&b.min))).collect(),
        None => policy
            .grades
            .iter()
            .map(|(l, m)| (l.clone(), m.to_string()))
            .collect(),
    };
    let count = bands.len();
    let thresholds = [
        (
            SettingField::DeviationThreshold,
            &doc.settings.deviation_threshold,
            t(
                lang,
                "超额完成警告阈值（%，默认 30）",
                "Over-completion warning above target by (%; default 30)",
            ),
            "30",
        ),
        (
            SettingField::MinExecutionRate,
            &doc.settings.min_execution_rate,
            t(
                lang,
                "预算执行率下限（%，默认 90）",
                "Execution rate floor (%; default 90)",
            ),
            "90",
        ),
        (
            SettingField::MismatchMargin,
            &doc.settings.mismatch_margin,
            t(
                lang,
                "绩效领先执行率的容差（百分点，默认 5）",
                "Performance ahead of execution by (points; default 5)",
            ),
            "5",
        ),
    ];
    html! {
        <div id={dom_id(&FieldPath::Section(Section::Settings))} tabindex="-1">
            <h2>{ t(lang, "等级划分", "Grade bands") }</h2>
            <p class="hint">{ t(lang, "默认依财预〔2020〕10号：优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60。按显示的得分（两位小数）定级。",
                "Default per 财预〔2020〕10号: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below. The grade follows the percent as shown.") }</p>
            { messages(&ctx, &FieldPath::Setting(SettingField::Grades)) }
            <table class="grades">
                <thead><tr>
                    <th scope="col">{ t(lang, "等级", "Grade") }</th>
                    <th scope="col">{ t(lang, "最低得分率（含）", "Minimum percent (inclusive)") }</th>
                    <th scope="col"><span class="sr-only">{ t(lang, "操作", "Actions") }</span></th>
                </tr></thead>
                <tbody>
                { for bands.iter().enumerate().map(|(i, (label, min))| {
                    let n = i.saturating_add(1);
                    html! {
                    <tr>
                        <td>{ Field::new(&FieldPath::Setting(SettingField::GradeLabel(i)), &format!("{} {n}", t(lang, "等级", "Grade")), label).in_table()
                            .edit(&ctx) }</td>
                        <td>{ Field::new(&FieldPath::Setting(SettingField::GradeMin(i)), &format!("{} {n} {}", t(lang, "等级", "Grade"), t(lang, "最低得分率", "minimum")), min)
                            .in_table().number().edit(&ctx) }</td>
                        <td>{ button(t(lang, "删除", "Delete"), format!("{} {n}", t(lang, "删除等级", "Delete grade")),
                            ctx.on(move |_: MouseEvent| Action::Edit(Edit::RemoveGrade(i))), count <= 1) }</td>
                    </tr>
                } }) }
                </tbody>
            </table>
            <button type="button" class="small" onclick={ctx.on(|_: MouseEvent| Action::Edit(Edit::AddGrade))}>
                { t(lang, "＋ 等级", "+ Grade") }
            </button>
            <h2>{ t(lang, "审核阈值", "Audit thresholds") }</h2>
            { for thresholds.into_iter().map(|(field, value, label, default)| {
                Field::new(&FieldPath::Setting(field), label, &raw(value)).number().placeholder(default)
                    .edit(&ctx)
            }) }
        </div>
    }
}
