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
