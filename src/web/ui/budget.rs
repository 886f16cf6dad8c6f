//! 预算明细: the budget lines with their balance (结余) and rates, and the totals row.

use super::fields::RowKey;
use super::fields::{button, dom_id, messages, raw, row_keys, seek_button, shown, Field};
use super::i18n::t;
use super::window::use_window;
use super::{use_ctx, Host};
use crate::edit::{Dir, Edit};
use crate::state::Action;
use jixiao_core::show_exact;
use jixiao_core::{FieldPath, LineField, Section};
use yew::prelude::*;

fn percent(value: Option<jixiao_core::Decimal>) -> String {
    match value {
        Some(_) => format!("{}%", shown(value)),
        None => "—".into(),
    }
}

/// The table's columns (序号 … the row's buttons).
const COLUMNS: usize = 10;

/// The column titles of the typed fields.
fn columns(lang: jixiao_core::Lang) -> [&'static str; 5] {
    [
        t(lang, "项目名称", "Item"),
        t(lang, "年初预算数", "Initial budget"),
        t(lang, "全年预算数", "Annual budget"),
        t(lang, "到位数", "Received"),
        t(lang, "执行数", "Spent"),
    ]
}

#[function_component(BudgetEditor)]
pub(crate) fn budget_editor() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let doc = ctx.state.doc.clone();
    let eval = ctx.state.eval.clone();
    let b = &eval.budget;
    let unit = doc.meta_text("money_unit");
    let count = doc.budget.len();
    let columns = columns(lang);
    let keys = row_keys(doc.budget.iter().map(|b| b.id.as_str()));
    let focus = ctx.state.focus.as_ref().and_then(|(seq, path)| {
        let id = super::fields::line_row(path)?;
        Some((*seq, doc.budget.iter().position(|l| l.id == id)?))
    });
    let body = use_node_ref();
    let span = use_window(body.clone(), count, focus);
    let row_path = |i: usize| {
        doc.budget
            .get(i)
            .map(|l| FieldPath::Line(l.id.clone(), None).to_string())
    };
    let rows = doc
        .budget
        .iter()
        .zip(keys)
        .enumerate()
        .skip(span.first)
        .take(span.end.saturating_sub(span.first))
        .map(|(i, (line, key))| {
            html! {
                <BudgetRow {key} index={i} {count} line={line.clone()} result={b.lines.get(i).cloned()}
                    host={ctx.for_row(&RowKey::Line(line.id.clone()))} />
            }
        });
    html! {
        <div id={dom_id(&FieldPath::Section(Section::Budget))} tabindex="-1" onpaste={super::files::on_paste(&ctx, Edit::PasteBudget)}>
            <h2>{ t(lang, "预算明细", "Budget lines") }
                if !unit.is_empty() { <span class="unit">{ format!("（{}：{unit}）", t(lang, "单位", "unit")) }</span> }
            </h2>
            <p class="hint">{ t(lang, "Enter 下移，Shift+Enter 上移，Tab 右移，Ctrl+Enter 在下方插入一行，Alt+↑/↓ 移动行；可从 Excel 粘贴若干行。",
                "Enter moves down, Shift+Enter up, Tab across, Ctrl+Enter inserts a line below, Alt+↑/↓ moves a line; rows copied from Excel can be pasted.") }</p>
            { messages(&ctx, &FieldPath::Section(Section::Budget)) }
            <div class="table-wrap">
                <table class="budget sheet" aria-rowcount={count.saturating_add(2).to_string()}
                    onkeydown={super::sheet::keys(&ctx)} onpaste={super::sheet::paste(&ctx)}>
                    <thead><tr aria-rowindex="1">
                        <th scope="col">{ t(lang, "序号", "No.") }</th>
                        { for columns.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }
                        <th scope="col">{ t(lang, "结余", "Balance") }</th>
                        <th scope="col">{ t(lang, "执行率", "Execution") }</th>
                        <th scope="col">{ t(lang, "备注", "Note") }</th>
                        <th scope="col"><span class="sr-only">{ t(lang, "操作", "Actions") }</span></th>
                    </tr></thead>
                    <tbody ref={body}>
                        { span.rows(COLUMNS, row_path, rows) }
                    </tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="2">{ t(lang, "合计", "Total") }</th>
                        <td class="figure" data-label={columns[1]}>{ b.initial.map_or("—".into(), show_exact) }</td>
                        <td class="figure" data-label={columns[2]} data-testid="planned-total">{ show_exact(b.planned) }</td>
                        <td class="figure" data-label={columns[3]}>{ show_exact(b.received) }</td>
                        <td class="figure" data-label={columns[4]} data-testid="spent-total">{ show_exact(b.spent) }</td>
                        <td class="figure" data-label={t(lang, "结余", "Balance")} data-testid="balance-total">{ show_exact(b.balance) }</td>
                        <td class="figure" data-label={t(lang, "执行率", "Execution")} data-testid="rate-total">{ percent(b.execution_rate) }</td>
                        <td colspan="2">{ format!("{} {}", t(lang, "资金到位率", "Arrival rate"), percent(b.arrival_rate)) }</td>
                    </tr></tfoot>
                </table>
            </div>
            <button type="button" class="button" onclick={ctx.on(|_: MouseEvent| Action::Edit(Edit::AddLine))}>
                { t(lang, "＋ 添加预算明细", "+ Add a budget line") }
            </button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct BudgetRowProps {
    /// The line's place (序号 is one more).
    index: usize,
    /// How many lines there are (the last one cannot move down).
    count: usize,
    line: jixiao_core::BudgetLine,
    result: Option<jixiao_core::LineResult>,
    host: Host,
}

/// One budget line: its fields, 结余, 执行率, 备注 and ↑ ↓ 删除.
#[function_component(BudgetRow)]
fn budget_row(props: &BudgetRowProps) -> Html {
    let ctx = &props.host;
    let lang = ctx.lang();
    let columns = columns(lang);
    let (line, i, count) = (&props.line, props.index, props.count);
    let result = props.result.as_ref();
    let base = FieldPath::Line(line.id.clone(), None);
    let row = i.saturating_add(1);
    let cell = |field: LineField, col: usize, label: &str, value: String, number: bool| {
        let path = FieldPath::line(&line.id, field);
        let name = format!("{row} {label}");
        let f = Field::new(&path, &name, &value).cell(col);
        let f = if number { f.number() } else { f };
        html! { <td data-label={label.to_string()}>{ f.edit(ctx) }</td> }
    };
    let (up, down, remove) = (line.id.clone(), line.id.clone(), line.id.clone());
    let placeholder_received = raw(&line.planned);
    html! {
        <tr id={dom_id(&base)} tabindex="-1" data-row={base.to_string()} aria-rowindex={row.saturating_add(1).to_string()}>
            <th scope="row">{ row }{ messages(ctx, &base) }</th>
            { cell(LineField::Name, 0, columns[0], line.name.clone(), false) }
            { cell(LineField::Initial, 1, columns[1], raw(&line.initial), true) }
            { cell(LineField::Planned, 2, columns[2], raw(&line.planned), true) }
            <td data-label={columns[3]}>{
                Field::new(&FieldPath::line(&line.id, LineField::Received), &format!("{row} {}", columns[3]), &raw(&line.received))
                    .cell(3).number().placeholder(&placeholder_received)
                    .edit(ctx)
            }</td>
            { cell(LineField::Spent, 4, columns[4], raw(&line.spent), true) }
            <td class="figure" data-label={t(lang, "结余", "Balance")} data-testid={format!("balance-{}", line.id)}>
                { result.filter(|r| r.valid).map_or("—".into(), |r| show_exact(r.balance)) }
            </td>
            <td class="figure" data-label={t(lang, "执行率", "Execution")} data-testid={format!("rate-{}", line.id)}>
                { percent(result.filter(|r| r.valid).and_then(|r| r.execution_rate)) }
            </td>
            { cell(LineField::Note, 5, t(lang, "备注", "Note"), line.note.clone(), false) }
            <td class="row-actions">
                { seek_button(ctx, &FieldPath::line(&line.id, LineField::Spent), &format!("{} {}", line.name, columns[4])) }
                { button("↑", format!("{} {row}", t(lang, "上移第", "Move up line")),
                    ctx.on(move |_: MouseEvent| Action::Edit(Edit::MoveLine(up.clone(), Dir::Up))), i == 0) }
                { button("↓", format!("{} {row}", t(lang, "下移第", "Move down line")),
                    ctx.on(move |_: MouseEvent| Action::Edit(Edit::MoveLine(down.clone(), Dir::Down))), row == count) }
                { button(t(lang, "删除", "Delete"), format!("{} {row}", t(lang, "删除第", "Delete line")),
                    ctx.on(move |_: MouseEvent| Action::Edit(Edit::RemoveLine(remove.clone()))), false) }
            </td>
        </tr>
    }
}
