//! The toolbar (新建, 导入, 导出, 撤销, 重做, language) and the project's title block.

use super::fields::Field;
use super::files;
use super::i18n::t;
use super::use_ctx;
use crate::state::{Action, Notice};
use jixiao_core::template;
use jixiao_core::FieldPath;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[function_component(Toolbar)]
pub(crate) fn toolbar() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let state = &ctx.state;
    let new_from = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let name = select.value();
            select.set_value("");
            if let Some(doc) = template(&name) {
                ctx.send(Action::Replace(Rc::new(doc), Notice::NewDocument));
            }
        })
    };
    let export = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| files::export_json(&ctx))
    };
    let other = lang.other();
    html! {
        <header class="toolbar">
            <h1>{ t(lang, "绩效自评计算器", "Performance self-evaluation") }</h1>
            <div class="actions" role="toolbar" aria-label={t(lang, "文件与编辑", "File and edit")}>
                <label class="sr-only" for="new-from">{ t(lang, "新建", "New") }</label>
                <select id="new-from" class="button" onchange={new_from}>
                    <option value="" selected=true>{ t(lang, "新建…", "New…") }</option>
                    <option value="standard">{ t(lang, "标准自评表模板", "Standard form template") }</option>
                    <option value="kunming-2022">{ t(lang, "昆明 2022 示例", "Kunming 2022 example") }</option>
                    <option value="blank">{ t(lang, "空白（清空全部）", "Blank (clear all)") }</option>
                </select>
                { picker(&ctx, "import-file", t(lang, "导入 JSON", "Import JSON"), ".json,application/json", files::ImportAs::Work) }
                { picker(&ctx, "import-form", t(lang, "导入 Excel 自评表 / Word 报告", "Import Excel form / Word report"),
                    ".xlsx,.xls,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.wordprocessingml.document", files::ImportAs::Work) }
                <button type="button" class="button" onclick={export} data-testid="export-json">
                    { t(lang, "导出 JSON", "Export JSON") }
                </button>
                <button type="button" class="button" data-testid="share-button"
                    title={t(lang, "复制一个包含本文档的链接，对方打开即看到同样的数字", "Copy a link that carries this document: whoever opens it sees the same numbers")}
                    onclick={ { let ctx = ctx.clone(); Callback::from(move |_: MouseEvent| super::share::share(&ctx)) } }>
                    { t(lang, "分享链接", "Share link") }
                </button>
                <button type="button" class="button" disabled={state.undo.is_empty()}
                    onclick={ctx.on(|_: MouseEvent| Action::Undo)} aria-keyshortcuts="Control+Z">
                    { t(lang, "撤销", "Undo") }
                </button>
                <button type="button" class="button" disabled={state.redo.is_empty()}
                    onclick={ctx.on(|_: MouseEvent| Action::Redo)} aria-keyshortcuts="Control+Shift+Z">
                    { t(lang, "重做", "Redo") }
                </button>
                <button type="button" class="button lang" onclick={ctx.on(move |_: MouseEvent| Action::SetLang(other))}
                    lang={other.tag()}>
                    { other.name() }
                </button>
            </div>
        </header>
    }
}

/// 项目名称, 主管部门/实施单位, 年度, 金额单位, 日期.
#[function_component(MetaForm)]
pub(crate) fn meta_form() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let doc = &ctx.state.doc;
    let fields = [
        ("title", t(lang, "项目名称", "Project")),
        ("unit", t(lang, "实施单位", "Implementing unit")),
        ("year", t(lang, "年度", "Year")),
        ("money_unit", t(lang, "金额单位", "Money unit")),
        ("date", t(lang, "填报日期", "Date")),
    ];
    html! {
        <section class="meta" aria-label={t(lang, "项目信息", "Project")}>
            { for fields.into_iter().map(|(key, label)| {
                let path = FieldPath::Meta(key.to_string());
                let value = doc.meta_text(key);
                Field::new(&path, label, &value).edit(&ctx)
            }) }
            <div class="goals">
                { for [
                    ("goal", t(lang, "年度总体目标：预期目标", "Overall goal: expected")),
                    ("goal_result", t(lang, "年度总体目标：实际完成情况", "Overall goal: achieved")),
                ].into_iter().map(|(key, label)| {
                    let path = FieldPath::Meta(key.to_string());
                    let value = doc.meta_text(key);
                    Field::new(&path, label, &value).area().edit(&ctx)
                }) }
            </div>
        </section>
    }
}

/// A button that opens a file picker (a label for a hidden input, reachable by keyboard).
pub(crate) fn picker(
    ctx: &super::Ctx,
    id: &'static str,
    text: &str,
    accept: &'static str,
    into: files::ImportAs,
) -> Html {
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            if let Some(input) = gloo::utils::document().get_element_by_id(id) {
                use wasm_bindgen::JsCast;
                if let Ok(input) = input.dyn_into::<web_sys::HtmlElement>() {
                    input.click();
                }
            }
        }
    });
    html! {
        <>
            <label class="button" for={id} tabindex="0" role="button" {onkeydown}>{ text.to_string() }</label>
            <input type="file" id={id} class="sr-only" tabindex="-1" {accept} onchange={files::on_pick(ctx, into)} />
        </>
    }
}
