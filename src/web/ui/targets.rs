//! 目标: the 绩效目标申报表 as a unit fills it before the year: the header (性质, 类别, 主管部门,
//! 计划开始/完成日期), the funds (项目资金 and the year's request), the two goals, the indicator
//! table in plan mode (年度指标值 as written, 性质, 单位, 分值; no actual), the review's findings
//! beside the fields they name, 记录为申报目标 with a 已调整 mark on each target changed since,
//! the workbook out and in, and 生成下一年度. Spreadsheet keys come from [`super::sheet`].

use super::fields::{dom_id, messages, raw, row_keys, select, select_cell, shown, Field};
use super::i18n::{kind_short, t};
use super::indicators::{draw_tree, tree_focus, TreeRow};
use super::toolbar::picker;
use super::{files, sheet, use_ctx, Ctx, Host};
use crate::edit::Edit;
use crate::state::{Action, Notice};
use jixiao_core::{
    AgainstDeclared, FieldPath, FundsField, Group, Leaf, Message, Node, NodeField, Num, Problem,
    RuleField, RuleKind, Section,
};
use std::collections::HashSet;
use std::rc::Rc;
use yew::prelude::*;

/// The columns of the indicator table (a cell's control carries its number for the keys).
mod col {
    pub(crate) const NAME: usize = 0;
    pub(crate) const KIND: usize = 1;
    pub(crate) const TARGET: usize = 2;
    pub(crate) const UNIT: usize = 3;
    pub(crate) const POINTS: usize = 4;
}

/// Today as `YYYY-MM-DD`, the date a declaration is recorded on.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month().saturating_add(1),
        now.get_date()
    )
}

/// The year the next year's document is for: the document's year and one, else this year's.
fn next_year_of(doc: &jixiao_core::Document) -> i32 {
    match doc.meta_text("year").trim().parse::<i32>() {
        Ok(y) => y.saturating_add(1),
        Err(_) => i32::try_from(js_sys::Date::new_0().get_full_year()).unwrap_or(2027),
    }
}

/// The leaves whose target or points changed since the declaration (已调整).
fn changed_since(eval: &jixiao_core::Evaluation) -> HashSet<String> {
    eval.findings
        .iter()
        .filter(|f| {
            matches!(
                f.problem,
                Problem::Target(
                    jixiao_core::TargetProblem::Changed { .. }
                        | jixiao_core::TargetProblem::PointsChanged { .. }
                )
            )
        })
        .filter_map(|f| f.path.indicator().map(str::to_string))
        .collect()
}

#[function_component(TargetsEditor)]
pub(crate) fn targets_editor() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let doc = ctx.state.doc.clone();
    let eval = ctx.state.eval.clone();
    let changed = {
        let eval = eval.clone();
        use_memo(Rc::as_ptr(&ctx.state.eval) as usize, move |_| {
            changed_since(&eval)
        })
    };
    let mut rows = Vec::new();
    rows_of(&ctx, &changed, &doc.indicators, 0, &mut rows);
    let body = use_node_ref();
    let span = super::window::use_window(body.clone(), rows.len(), tree_focus(&ctx, &rows));
    let rowcount = rows.len().saturating_add(1).to_string();
    let section = FieldPath::Section(Section::Declared);
    let export = {
        let (doc, lang) = (doc.clone(), lang);
        let send = ctx.send.clone();
        Callback::from(move |_: MouseEvent| {
            let bytes = jixiao_core::targets_workbook(&doc, lang);
            let title = doc.meta_text("title");
            let name = files::file_name(&format!("{title}绩效目标申报表"), "xlsx");
            let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            if files::download_bytes(&name, mime, &bytes).is_err() {
                send.emit(Action::Notify(Notice::DownloadFailed));
            }
        })
    };
    let declare = ctx.on(|_: MouseEvent| Action::Declare(today()));
    let next_year = next_year_of(&doc);
    let plan_next = ctx.on(move |_: MouseEvent| Action::NextYear(next_year));
    let heads = [
        t(lang, "指标", "Indicator"),
        t(lang, "指标性质", "Kind"),
        t(lang, "年度指标值", "Annual target"),
        t(lang, "计量单位", "Unit"),
        t(lang, "分值", "Points"),
        t(lang, "申报后", "Since declared"),
    ];
    html! {
        <div id={dom_id(&section)} tabindex="-1" onpaste={files::on_paste(&ctx, Edit::PasteIndicators)}>
            <h2>{ t(lang, "绩效目标申报表", "Performance targets (绩效目标申报表)") }</h2>
            <p class="hint">{ t(lang,
                "年初申报预算时填写：项目信息、资金、总体目标和每个指标的年度指标值（如 ≥60人次、≤2026年11月30日、=100%、定性的“健全”）。审核意见显示在对应的栏目旁，点击即跳到该栏。",
                "Filled in when the budget is requested: the project, its funds, the goals and each indicator's annual target (≥60人次, ≤2026年11月30日, =100%, or words such as 健全). The review's findings sit beside the fields they name; click one to go there.") }</p>
            <Header />
            <Funds />
            <Goals />
            <Review />
            <Declaration />
            <h3>{ t(lang, "绩效指标", "Indicators") }</h3>
            <p class="hint">{ t(lang, "Enter 下移，Shift+Enter 上移，Tab 右移，Ctrl+Enter 在下方插入一行；可从 Excel 粘贴若干行。",
                "Enter moves down, Shift+Enter up, Tab across, Ctrl+Enter inserts a row below; rows copied from Excel can be pasted.") }</p>
            <super::window::TableFind />
            <div class="table-wrap sheet-wrap">
                <table class="sheet targets-table" data-testid="targets-table" aria-rowcount={rowcount}
                    onkeydown={sheet::keys(&ctx)} onpaste={sheet::paste(&ctx)}>
                    <thead><tr aria-rowindex="1">
                        { for heads.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }
                    </tr></thead>
                    <tbody ref={body}>
                        { draw_tree(span, rows, heads.len()) }
                    </tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="4">{ t(lang, "分值合计", "Points in all") }</th>
                        <td class="figure" data-testid="targets-points">{ shown(Some(eval.max_points)) }</td>
                        <td></td>
                    </tr></tfoot>
                </table>
            </div>
            { super::indicators::add_buttons(&ctx) }
            <div class="add-row targets-actions">
                <button type="button" class="button primary" data-testid="declare" onclick={declare}>
                    { if doc.declared.is_some() { t(lang, "重新记录为申报目标", "Record as declared again") } else { t(lang, "记录为申报目标", "Record as declared") } }
                </button>
                <button type="button" class="button" data-testid="export-targets-xlsx" onclick={export}>
                    { t(lang, "导出申报表（Excel）", "Export the targets form (Excel)") }
                </button>
                { picker(&ctx, "import-declaration", t(lang, "导入申报表（记为本文件的申报目标）", "Import a targets form (as this file's declaration)"),
                    ".xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel", files::ImportAs::Declaration) }
                <button type="button" class="button" data-testid="next-year" onclick={plan_next}>
                    { format!("{}{next_year}{}", t(lang, "生成下一年度（", "Start "), t(lang, "年）", " from this year")) }
                </button>
            </div>
        </div>
    }
}

/// 项目性质, 项目类别, 主管部门, 计划开始/完成日期 (项目名称 and 实施单位 are in the project block
/// above every tab).
#[function_component(Header)]
fn header() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let doc = &ctx.state.doc;
    let natures = [
        ("", t(lang, "（请选择）", "(choose)")),
        ("经常性", t(lang, "经常性", "recurring (经常性)")),
        ("阶段性", t(lang, "阶段性", "for a period (阶段性)")),
        ("一次性", t(lang, "一次性", "one-off (一次性)")),
    ];
    let fields = [
        ("category", t(lang, "项目类别", "Category")),
        ("department", t(lang, "主管部门", "Department")),
        ("start", t(lang, "计划开始日期", "Planned start")),
        ("end", t(lang, "计划完成日期", "Planned end")),
    ];
    let nature = FieldPath::Meta("nature".into());
    html! {
        <section class="meta targets-header" aria-label={t(lang, "项目信息", "Project")}>
            { select(&ctx, &nature, t(lang, "项目性质", "Nature"), &doc.meta_text("nature"), &natures) }
            { for fields.into_iter().map(|(key, label)| {
                let path = FieldPath::Meta(key.to_string());
                let value = doc.meta_text(key);
                let f = Field::new(&path, label, &value);
                let f = match key {
                    "start" => f.placeholder("2026-01-01"),
                    "end" => f.placeholder("2026-12-31"),
                    _ => f,
                };
                f.edit(&ctx)
            }) }
        </section>
    }
}

/// 项目资金: the whole project's (总额 = 财政 + 其他) and the year's request (= 当年财政拨款 +
/// 上年结转 + 其他), in the document's money unit.
#[function_component(Funds)]
fn funds() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let doc = &ctx.state.doc;
    let f = doc.funds.clone().unwrap_or_default();
    let unit = doc.meta_text("money_unit");
    let whole = [
        (
            FundsField::Total,
            t(lang, "项目资金总额", "Total funds"),
            &f.total,
        ),
        (
            FundsField::Fiscal,
            t(lang, "其中：财政资金", "of which fiscal"),
            &f.fiscal,
        ),
        (
            FundsField::Other,
            t(lang, "其他资金", "Other funds"),
            &f.other,
        ),
    ];
    let year = [
        (
            FundsField::AnnualTotal,
            t(lang, "年度资金申请总额", "The year's request"),
            &f.annual.total,
        ),
        (
            FundsField::AnnualFiscal,
            t(lang, "其中：当年财政拨款", "of which appropriated"),
            &f.annual.fiscal,
        ),
        (
            FundsField::AnnualCarried,
            t(lang, "上年结转资金", "Carried over"),
            &f.annual.carried,
        ),
        (
            FundsField::AnnualOther,
            t(lang, "其他资金（年度）", "Other funds (the year)"),
            &f.annual.other,
        ),
    ];
    let field = |(field, label, value): (FundsField, &str, &Option<Num>)| {
        let path = FieldPath::Funds(field);
        Field::new(&path, label, &raw(value)).number().edit(&ctx)
    };
    html! {
        <section class="funds" aria-label={t(lang, "项目资金", "Funds")}>
            <h3>{ t(lang, "项目资金", "Funds") }
                if !unit.is_empty() { <span class="unit">{ format!("（{}：{unit}）", t(lang, "单位", "unit")) }</span> }
            </h3>
            { messages(&ctx, &FieldPath::Section(Section::Funds)) }
            <div class="funds-grid">
                <div class="funds-part">{ for whole.into_iter().map(field) }</div>
                <div class="funds-part">{ for year.into_iter().map(field) }</div>
            </div>
        </section>
    }
}

/// 项目总体目标 and 年度总体目标 (the 自评表's 预期目标 stands for the year's where it is blank).
#[function_component(Goals)]
fn goals() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let doc = &ctx.state.doc;
    let overall = FieldPath::Meta("overall_goal".into());
    let annual = FieldPath::Meta("annual_goal".into());
    let expected = doc.meta_text("goal");
    html! {
        <section class="goals targets-goals" aria-label={t(lang, "绩效目标", "Goals")}>
            { Field::new(&overall, t(lang, "项目总体目标（实施期）", "Overall goal (the whole period)"), &doc.meta_text("overall_goal")).area().edit(&ctx) }
            { Field::new(&annual, t(lang, "年度总体目标", "The year's goal"), &doc.meta_text("annual_goal")).area().placeholder(&expected).edit(&ctx) }
        </section>
    }
}

/// 绩效目标审核: the review's findings, each a button to its field on this tab.
#[function_component(Review)]
fn review() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let eval = &ctx.state.eval;
    let found: Vec<&jixiao_core::Finding> = eval
        .findings
        .iter()
        .filter(|f| matches!(f.problem, Problem::Target(_)))
        .collect();
    let to_fill = found.iter().filter(|f| ctx.state.to_fill(f)).count();
    let shown: Vec<&&jixiao_core::Finding> =
        found.iter().filter(|f| !ctx.state.to_fill(f)).collect();
    let names = jixiao_core::Names::new(&ctx.state.doc);
    html! {
        <section class="review" aria-label={t(lang, "绩效目标审核", "Target review")} data-testid="review">
            <h3>{ t(lang, "绩效目标审核", "Target review") }</h3>
            if shown.is_empty() && to_fill == 0 {
                <p class="ok" data-testid="review-clean">{ t(lang, "✓ 完整、可衡量、前后一致", "✓ Complete, measurable and consistent") }</p>
            }
            if to_fill > 0 {
                <p class="hint" data-testid="review-to-fill">{ format!("{} {to_fill} {}", t(lang, "待填写", "To fill:"), t(lang, "项（填写后再审核）", "field(s) (reviewed once written)")) }</p>
            }
            <ul class="review-list">
                { for shown.iter().map(|f| {
                    let path = f.path.clone();
                    let level = f.level();
                    let class = format!("finding {}", level.name());
                    html! { <li>
                        <button type="button" class={class} data-testid="review-finding" data-code={f.code()} data-path={f.path.to_string()}
                            onclick={ctx.on(move |_: MouseEvent| Action::Focus(path.clone()))}>
                            <strong>{ level.label().get(lang) }</strong>
                            <span class="finding-field">{ names.describe(&f.path, lang) }</span>
                            <span class="finding-text">{ f.message(lang) }</span>
                        </button>
                    </li> }
                }) }
            </ul>
        </section>
    }
}

/// The declaration: when it was recorded, what changed since, and the score against it.
#[function_component(Declaration)]
fn declaration() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let doc = &ctx.state.doc;
    let Some(declared) = &doc.declared else {
        return html! {
            <p class="hint" data-testid="not-declared">{ t(lang,
                "尚未记录申报目标。申报表审核通过后点“记录为申报目标”，此后对指标的调整会标为“已调整”，并按申报目标另算一个得分。",
                "No declaration recorded yet. Once the form is approved, press “Record as declared”: later changes to the indicators are marked and scored against the declared targets as well.") }</p>
        };
    };
    let against = AgainstDeclared::of(&ctx.state.eval);
    html! {
        <div class="declared-card" data-testid="declared-card">
            <p>{ format!("{}{}{}", t(lang, "已记录申报目标：", "Declared: "), declared.targets.len(), t(lang, " 个指标", " indicator(s)")) }
                { declared.date.as_ref().map(|d| format!("{}{d}{}", t(lang, "（", " ("), t(lang, "）", ")"))).unwrap_or_default() }</p>
            if let Some(a) = against {
                <p data-testid="declared-summary">{ a.text(lang) }</p>
            }
        </div>
    }
}

/// Where a node stands among its siblings.
#[derive(Clone, Copy, PartialEq)]
struct Place {
    depth: usize,
}

fn rows_of<'a>(
    ctx: &'a Ctx,
    changed: &'a HashSet<String>,
    nodes: &'a [Node],
    depth: usize,
    rows: &mut Vec<TreeRow<'a>>,
) {
    let keys = row_keys(nodes.iter().map(Node::id));
    for (n, key) in nodes.iter().zip(keys) {
        let place = Place { depth };
        match n {
            Node::Group(g) => {
                let collapsed = ctx.state.collapsed.contains(&g.id);
                rows.push(TreeRow {
                    id: &g.id,
                    draw: Box::new(move |index| group_row(ctx, g, place, collapsed, key, index)),
                });
                if !collapsed {
                    rows_of(ctx, changed, &g.children, depth.saturating_add(1), rows);
                }
            }
            Node::Leaf(l) => rows.push(TreeRow {
                id: &l.id,
                draw: Box::new(move |index| {
                    html! {
                        <TargetRow {key} {index} leaf={l.clone()} {place} changed={changed.contains(&l.id)}
                            host={ctx.for_indicator(&l.id)} />
                    }
                }),
            }),
        }
    }
}

fn group_row(
    ctx: &Ctx,
    g: &Group,
    place: Place,
    collapsed: bool,
    key: String,
    index: usize,
) -> Html {
    let lang = ctx.lang();
    let base = FieldPath::Node(g.id.clone(), None);
    let name = if g.name.is_empty() {
        g.id.clone()
    } else {
        g.name.clone()
    };
    let (toggle, add) = (g.id.clone(), Some(g.id.clone()));
    html! {
        <tr {key} class={classes!("group-row", format!("depth-{}", place.depth.min(4)))}
            data-row={base.to_string()} id={dom_id(&base)} tabindex="-1" aria-rowindex={index.saturating_add(2).to_string()}>
            <td colspan="5">
                <div class="name-line">
                    <button type="button" class="toggle" aria-expanded={(!collapsed).to_string()}
                        aria-label={format!("{} {name}", if collapsed { t(lang, "展开", "Expand") } else { t(lang, "折叠", "Collapse") })}
                        onclick={ctx.on(move |_: MouseEvent| Action::ToggleCollapse(toggle.clone()))}>
                        { if collapsed { "▸" } else { "▾" } }
                    </button>
                    { Field::new(&FieldPath::node(&g.id, NodeField::Name), t(lang, "分组名称", "Group name"), &g.name)
                        .cell(col::NAME).edit(ctx) }
                </div>
                { messages(ctx, &base) }
            </td>
            <td>
                <button type="button" class="small" aria-label={format!("{} {name}", t(lang, "添加指标到", "Add an indicator to"))}
                    onclick={ctx.on(move |_: MouseEvent| Action::Edit(Edit::AddNode { parent: add.clone(), group: false }))}>
                    { t(lang, "＋指标", "+ Indicator") }
                </button>
            </td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    /// The row's place in the table (`aria-rowindex` is one more, after the heading).
    index: usize,
    leaf: Leaf,
    place: Place,
    /// Its target or points changed since the declaration.
    changed: bool,
    host: Host,
}

/// One leaf in plan mode: its name, 性质, 年度指标值 as written, unit and points, with the
/// review's messages under it. Its props are its own, so typing in one row renders that row.
#[function_component(TargetRow)]
fn target_row(props: &RowProps) -> Html {
    let ctx = &props.host;
    let lang = ctx.lang();
    let l = &props.leaf;
    let base = FieldPath::Node(l.id.clone(), None);
    let target = FieldPath::rule(&l.id, RuleField::Target);
    let kinds: Vec<(&str, &str)> = RuleKind::ALL
        .iter()
        .map(|k| (k.name(), kind_short(Some(*k)).get(lang)))
        .collect();
    let from_budget = matches!(
        l.rule.kind(),
        Some(RuleKind::BudgetExecution | RuleKind::FundArrival)
    );
    html! {
        <tr class={classes!("leaf-row", format!("depth-{}", props.place.depth.min(4)), props.changed.then_some("changed"))} data-row={base.to_string()}
            id={dom_id(&base)} tabindex="-1" data-testid={format!("target-{}", l.id)} aria-rowindex={props.index.saturating_add(2).to_string()}>
            <td>
                <div class="name-line">
                    <span class="node-id">{ l.id.clone() }</span>
                    { Field::new(&FieldPath::node(&l.id, NodeField::Name), t(lang, "指标名称", "Indicator name"), &l.name).cell(col::NAME).edit(ctx) }
                </div>
                { messages(ctx, &base) }
                { messages(ctx, &target) }
            </td>
            <td>{ select_cell(ctx, &FieldPath::rule(&l.id, RuleField::Kind), t(lang, "指标性质", "Kind"), &l.rule.kind, &kinds, col::KIND) }</td>
            <td>{
                if from_budget {
                    html! { <span class="computed">{ t(lang, "按预算明细", "from the budget") }</span> }
                } else {
                    Field::new(&target, t(lang, "年度指标值", "Annual target"), &l.target_as_written())
                        .cell(col::TARGET).placeholder(t(lang, "如 ≥60人次", "e.g. ≥60人次")).edit(ctx)
                }
            }</td>
            <td>{ Field::new(&FieldPath::node(&l.id, NodeField::Unit), t(lang, "计量单位", "Unit"), l.unit()).cell(col::UNIT).edit(ctx) }</td>
            <td>{ Field::new(&FieldPath::node(&l.id, NodeField::Points), t(lang, "分值", "Points"), &raw(&l.points)).cell(col::POINTS).number().edit(ctx) }</td>
            <td>
                if props.changed {
                    <span class="badge changed" data-testid={format!("changed-{}", l.id)}
                        title={t(lang, "申报后调整过（见问题清单）", "changed since the declaration (see the findings)")}>
                        { t(lang, "已调整", "changed") }
                    </span>
                }
            </td>
        </tr>
    }
}
