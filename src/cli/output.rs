//! The readable report of `jixiao check`.

use jixiao_core::show2;
use jixiao_core::t;
use jixiao_core::Names;
use jixiao_core::{Document, Evaluation, Lang, Message};
use std::fmt::Write;

pub(crate) fn check_text(file: &str, doc: &Document, eval: &Evaluation, lang: Lang) -> String {
    let mut out = String::new();
    let title = doc.meta_text("title");
    let name = if title.is_empty() { file } else { &title };
    let grade = eval.grade.as_deref().unwrap_or("—");
    let (total, max, percent) = (
        show2(eval.total),
        show2(eval.max_points),
        show2(eval.percent),
    );
    let rate = eval.budget.execution_rate.map_or("—".to_string(), show2);
    let head = Headline {
        name,
        total: &total,
        max: &max,
        percent: &percent,
        grade,
        rate: &rate,
        errors: eval.errors(),
        warnings: eval.warnings(),
    };
    let _ = writeln!(out, "{}", head.text(lang));
    if let Some(verdict) = jixiao_core::Verdict::of(doc, eval) {
        let _ = writeln!(out, "{}", verdict.text(lang));
    }
    if let Some(against) = jixiao_core::AgainstDeclared::of(eval) {
        let _ = writeln!(out, "{}", against.text(lang));
    }
    let names = Names::new(doc);
    let colon = t(lang, "：", ": ");
    for f in &eval.findings {
        let _ = writeln!(
            out,
            "{}  {}{colon}{}\n      {}  [{}]",
            f.level().label().get(lang),
            names.describe(&f.path, lang),
            f.message(lang),
            f.path,
            f.code()
        );
    }
    out
}

/// The first two lines of `jixiao check`: the score, grade and execution rate, and how many
/// errors and warnings there are.
struct Headline<'a> {
    name: &'a str,
    total: &'a str,
    max: &'a str,
    percent: &'a str,
    grade: &'a str,
    rate: &'a str,
    errors: usize,
    warnings: usize,
}

impl Message for Headline<'_> {
    fn zh(&self) -> String {
        let Headline {
            name,
            total,
            max,
            percent,
            grade,
            rate,
            errors,
            warnings,
        } = self;
        format!("{name}\n得分 {total} / {max}（{percent}%），等级 {grade}；预算执行率 {rate}%\n错误 {errors} 项，警告 {warnings} 项")
    }

    fn en(&self) -> String {
        let Headline {
            name,
            total,
            max,
            percent,
            grade,
            rate,
            errors,
            warnings,
        } = self;
        format!("{name}\nscore {total} of {max} ({percent}%), grade {grade}; execution rate {rate}%\n{errors} error(s), {warnings} warning(s)")
    }
}

/// The findings of `jixiao review`: the rules of the review and, where the document declared
/// its targets, what changed since.
pub(crate) fn review_findings(doc: &Document) -> Vec<jixiao_core::Finding> {
    let mut findings = jixiao_core::review(doc);
    let eval = jixiao_core::audit(doc);
    let held: Vec<_> = eval
        .findings
        .into_iter()
        .filter(|f| {
            matches!(&f.problem, jixiao_core::Problem::Target(_)) && !findings_has(&findings, f)
        })
        .collect();
    findings.extend(held);
    findings.sort_by_key(|f| f.level());
    findings
}

fn findings_has(all: &[jixiao_core::Finding], f: &jixiao_core::Finding) -> bool {
    all.iter().any(|g| g.code() == f.code() && g.path == f.path)
}

/// The readable report of `jixiao review`.
pub(crate) fn review_text(
    file: &str,
    doc: &Document,
    findings: &[jixiao_core::Finding],
    lang: Lang,
) -> String {
    let mut out = String::new();
    let title = doc.meta_text("title");
    let name = if title.is_empty() { file } else { &title };
    let errors = findings
        .iter()
        .filter(|f| f.level() == jixiao_core::Level::Error)
        .count();
    let warnings = findings
        .iter()
        .filter(|f| f.level() == jixiao_core::Level::Warning)
        .count();
    let head = ReviewHeadline {
        name,
        errors,
        warnings,
    };
    let _ = writeln!(out, "{}", head.text(lang));
    let names = Names::new(doc);
    for f in findings {
        let _ = writeln!(
            out,
            "{}\n      {}  [{}]",
            review_line(&names, f, lang),
            f.path,
            f.code()
        );
    }
    out
}

/// One finding of the review as a reviewer reads it: its level, the field it names, what to
/// write.
pub(crate) fn review_line(names: &Names, f: &jixiao_core::Finding, lang: Lang) -> String {
    format!(
        "{}  {}{}{}",
        f.level().label().get(lang),
        names.describe(&f.path, lang),
        t(lang, "：", ": "),
        f.message(lang)
    )
}

/// The first lines of `jixiao review`: the project and how many errors and warnings.
struct ReviewHeadline<'a> {
    name: &'a str,
    errors: usize,
    warnings: usize,
}

impl Message for ReviewHeadline<'_> {
    fn zh(&self) -> String {
        let ReviewHeadline {
            name,
            errors,
            warnings,
        } = self;
        format!("{name}\n绩效目标审核：错误 {errors} 项，警告 {warnings} 项")
    }

    fn en(&self) -> String {
        let ReviewHeadline {
            name,
            errors,
            warnings,
        } = self;
        format!("{name}\ntarget review: {errors} error(s), {warnings} warning(s)")
    }
}
