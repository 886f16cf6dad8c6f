//! The rules of 绩效目标审核, each a finding with the field it is about: complete (the header,
//! the framework's categories, every target written, no placeholder), measurable (a number where
//! the target is a quantity, a date or a time allowed where it is 时效), consistent (the funds'
//! sums, the dates, the bounds a cost and a rate can have, the points).

use crate::date::{parse_date, Date};
use crate::findings::{Finding, Problem, TargetProblem};
use crate::model::{Category, Document, Group, Leaf, RuleKind, TargetTable, Visit};
use crate::number::{show_exact, Num};
use crate::path::{FieldPath, FundsField, NodeField, RuleField, Section};
use crate::text::normalise;
use crate::written::{read_written, Op, Written};
use rust_decimal::Decimal;
use std::collections::HashSet;

/// The review's findings of `doc`, in the order of the form: header, funds, categories, then
/// each leaf.
pub fn review(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    header(doc, &mut out);
    funds(doc, &mut out);
    categories(doc, &mut out);
    leaves(doc, &mut out);
    out
}

fn push(out: &mut Vec<Finding>, at: FieldPath, problem: TargetProblem) {
    out.push(Finding::new(at, Problem::Target(problem)));
}

/// 项目名称, 主管部门, 年度总体目标 (errors) and 实施单位 (a warning) written; the dates in order.
fn header(doc: &Document, out: &mut Vec<Finding>) {
    for (key, title) in [
        ("title", "项目名称"),
        ("department", "主管部门"),
        ("annual_goal", "年度总体目标"),
        ("unit", "实施单位"),
    ] {
        let written = match key {
            "annual_goal" => doc.annual_goal(),
            _ => doc.meta_text(key),
        };
        if written.trim().is_empty() {
            push(
                out,
                FieldPath::Meta(key.into()),
                TargetProblem::MissingHeader {
                    key: key.into(),
                    title: title.into(),
                },
            );
        }
    }
    let (start, end) = (doc.meta_text("start"), doc.meta_text("end"));
    if let (Some(s), Some(e)) = (parse_date(&start), parse_date(&end)) {
        if s > e {
            push(
                out,
                FieldPath::Meta("start".into()),
                TargetProblem::StartAfterEnd {
                    start: s.to_string(),
                    end: e.to_string(),
                },
            );
        }
    }
}

/// The funds' sums, exactly: the total of its parts, the year's request of its parts, the year
/// within the total, the budget lines within the year's request.
fn funds(doc: &Document, out: &mut Vec<Finding>) {
    let Some(f) = &doc.funds else {
        return;
    };
    let n = |v: &Option<Num>| v.as_ref().and_then(Num::ok);
    let sum = |parts: &[&Option<Num>]| -> Option<Decimal> {
        let given: Vec<Decimal> = parts.iter().filter_map(|p| n(p)).collect();
        if given.is_empty() {
            return None;
        }
        given
            .into_iter()
            .try_fold(Decimal::ZERO, |a, b| a.checked_add(b))
    };
    if let (Some(total), Some(parts)) = (n(&f.total), sum(&[&f.fiscal, &f.other])) {
        if total != parts {
            push(
                out,
                FieldPath::Funds(FundsField::Total),
                TargetProblem::FundsMismatch {
                    annual: false,
                    total: show_exact(total),
                    parts: show_exact(parts),
                },
            );
        }
    }
    let a = &f.annual;
    if let (Some(total), Some(parts)) = (n(&a.total), sum(&[&a.fiscal, &a.carried, &a.other])) {
        if total != parts {
            push(
                out,
                FieldPath::Funds(FundsField::AnnualTotal),
                TargetProblem::FundsMismatch {
                    annual: true,
                    total: show_exact(total),
                    parts: show_exact(parts),
                },
            );
        }
    }
    if let (Some(annual), Some(total)) = (n(&a.total), n(&f.total)) {
        if annual > total {
            push(
                out,
                FieldPath::Funds(FundsField::AnnualTotal),
                TargetProblem::AnnualOverTotal {
                    annual: show_exact(annual),
                    total: show_exact(total),
                },
            );
        }
    }
    let planned: Option<Vec<Decimal>> = doc.budget.iter().map(|l| n(&l.planned)).collect();
    let planned = planned.filter(|p| !p.is_empty()).and_then(|p| {
        p.into_iter()
            .try_fold(Decimal::ZERO, |a, b| a.checked_add(b))
    });
    if let (Some(planned), Some(annual)) = (planned, n(&a.total)) {
        if planned != annual {
            push(
                out,
                FieldPath::Section(Section::Budget),
                TargetProblem::BudgetNotAnnual {
                    planned: show_exact(planned),
                    annual: show_exact(annual),
                },
            );
        }
    }
}

/// 产出, 效益 and 满意度 each with a leaf (errors), and 成本 (a warning): a category is the
/// group whose name has its word, at any depth (so a self-evaluation's 项目绩效 part is reviewed
/// by its 产出指标 …); a leaf's own name is not used.
fn categories(doc: &Document, out: &mut Vec<Finding>) {
    let mut found: HashSet<&str> = HashSet::new();
    doc.walk(&mut |v| {
        if let Visit::Leaf(_, ancestors) = v {
            for word in ["产出", "效益", "满意度", "成本"] {
                if ancestors.iter().any(|g| g.name.contains(word)) {
                    found.insert(word);
                }
            }
        }
    });
    for word in ["产出", "效益", "满意度", "成本"] {
        if !found.contains(word) {
            push(
                out,
                FieldPath::Section(Section::Indicators),
                TargetProblem::MissingCategory {
                    category: word.into(),
                },
            );
        }
    }
}

/// 年度指标值 as a form writes it (see [`Leaf::target_as_written`]).
pub(crate) fn written(leaf: &Leaf) -> String {
    leaf.target_as_written()
}

/// Rates that cannot be more than 100%.
const RATES: [&str; 6] = ["完成率", "合格率", "达标率", "覆盖率", "知晓率", "满意度"];

/// Placeholders people leave in a form.
const PLACEHOLDERS: [&str; 6] = ["*", "＊", "xx", "××", "待定", "…"];

/// Every leaf's target: written, measurable and within its bounds; points above 0; names apart.
fn leaves(doc: &Document, out: &mut Vec<Finding>) {
    let year = crate::monitoring::year(doc);
    let end = parse_date(&doc.meta_text("end"));
    let points_given = doc.leaves().any(|(l, _)| {
        l.points
            .as_ref()
            .is_some_and(|p| !p.raw().trim().is_empty())
    });
    if points_given {
        let sum = doc
            .leaves()
            .filter_map(|(l, _)| l.points.as_ref().and_then(Num::ok))
            .try_fold(Decimal::ZERO, |a, b| a.checked_add(b));
        if let Some(sum) = sum.filter(|s| *s != Decimal::ONE_HUNDRED) {
            out.push(Finding::new(
                FieldPath::Section(Section::Indicators),
                Problem::PointsNot100 {
                    points: sum.normalize().to_string(),
                },
            ));
        }
    }
    let mut names: HashSet<(String, String)> = HashSet::new();
    let table = TargetTable::of(doc);
    doc.walk(&mut |v| {
        let Visit::Leaf(leaf, ancestors) = v else {
            return;
        };
        if !table.holds(leaf, ancestors) {
            return;
        }
        let parent = ancestors.last().map_or(String::new(), |g| g.id.clone());
        if !names.insert((parent, normalise(&leaf.name))) && !leaf.name.trim().is_empty() {
            push(
                out,
                FieldPath::node(&leaf.id, NodeField::Name),
                TargetProblem::DuplicateName {
                    name: leaf.name.clone(),
                },
            );
        }
        if points_given {
            if let Some(p) = leaf.points.as_ref().and_then(Num::ok) {
                if p <= Decimal::ZERO {
                    push(
                        out,
                        FieldPath::node(&leaf.id, NodeField::Points),
                        TargetProblem::PointsNotPositive {
                            points: p.normalize().to_string(),
                        },
                    );
                }
            }
        }
        target(leaf, ancestors, year, end, out);
    });
}

/// One leaf's 年度指标值.
fn target(
    leaf: &Leaf,
    ancestors: &[&Group],
    year: Option<i32>,
    end: Option<Date>,
    out: &mut Vec<Finding>,
) {
    let kind = leaf.rule.kind();
    let at = FieldPath::rule(&leaf.id, RuleField::Target);
    let text = written(leaf);
    if text.is_empty() {
        push(out, at, TargetProblem::MissingTarget);
        return;
    }
    let lower = text.to_lowercase();
    if PLACEHOLDERS.iter().any(|p| lower.contains(p)) {
        push(out, at, TargetProblem::Placeholder { written: text });
        return;
    }
    let category = Category::of_ancestors(ancestors);
    let named = |word: &str| ancestors.iter().any(|g| g.name.contains(word));
    let cost = category == Category::Cost || named("成本") || leaf.name.contains("成本");
    let timely = category == Category::Timeliness || kind == Some(RuleKind::Deadline);
    let satisfaction = category == Category::Satisfaction || kind == Some(RuleKind::Satisfaction);
    let digits = text
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let read = read_written(&text, year);
    if timely {
        if !digits {
            push(
                out,
                at.clone(),
                TargetProblem::VagueDeadline {
                    written: text.clone(),
                },
            );
        }
        let deadline = match read {
            Written::Date(d) => Some(d),
            _ => None,
        };
        if let Some(d) = deadline {
            if end.is_some_and(|e| d > e) {
                push(
                    out,
                    at.clone(),
                    TargetProblem::DeadlineAfterEnd {
                        deadline: d.to_string(),
                        end: end.map_or(String::new(), |e| e.to_string()),
                    },
                );
            } else if let Some(y) = year.filter(|y| *y != d.year) {
                push(
                    out,
                    at.clone(),
                    TargetProblem::DeadlineOutsideYear {
                        deadline: d.to_string(),
                        year: y,
                    },
                );
            }
        }
        return;
    }
    let quantitative = matches!(category, Category::Quantity) && named("数量")
        || cost
        || satisfaction
        || ["率", "数", "量", "人次", "元"]
            .iter()
            .any(|w| leaf.name.contains(w))
        || !leaf.unit().trim().is_empty();
    if quantitative && !digits {
        push(out, at, TargetProblem::Vague { written: text });
        return;
    }
    let Written::Number { op, value, unit } = read else {
        return;
    };
    match op {
        None => push(
            out,
            at.clone(),
            TargetProblem::OperatorAssumed {
                written: text.clone(),
                at_most: cost,
            },
        ),
        Some(Op::AtLeast) if cost => push(
            out,
            at.clone(),
            TargetProblem::CostLowerBound {
                written: text.clone(),
            },
        ),
        _ => {}
    }
    let percent = unit.contains('%') || leaf.unit().contains('%');
    if satisfaction {
        if value <= Decimal::ZERO || value > Decimal::ONE_HUNDRED {
            push(
                out,
                at,
                TargetProblem::SatisfactionOutOfRange { written: text },
            );
        }
    } else if percent && value > Decimal::ONE_HUNDRED && RATES.iter().any(|r| leaf.name.contains(r))
    {
        push(out, at, TargetProblem::RateOver100 { written: text });
    }
}
