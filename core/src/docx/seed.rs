//! The seed report's outline: 摘要 first (概况, 结论, 经验、问题和建议), then 正文 — 项目基本情况,
//! 绩效评价工作情况, 评价结论和绩效分析 with one part per first-level indicator (决策 / 管理 /
//! 绩效, each with its points and score), 成本效益分析, 经验、问题和建议 — the 落款 with the unit
//! and the date, and the 自评表 as 附表.

use super::package::Style::{Heading1, Heading2, Heading3, Signature, Subtitle};
use super::Writer;
use crate::message::Message;
use crate::number::shown;
use crate::scoring::{walk_scored, Scored};
use rust_decimal::Decimal;

pub(super) fn write(w: &mut Writer<'_>) {
    summary(w);
    w.body.page_break();
    w.heading(Subtitle, "正文", "Report");
    basics(w);
    evaluation_work(w);
    conclusion(w);
    w.heading(Heading1, "四、成本效益分析", "4. Cost and benefit");
    w.placeholder(w.t(
        "成本效益分析（投入的资金与取得的产出、效益）",
        "cost and benefit (the funds spent against outputs and outcomes)",
    ));
    w.heading(
        Heading1,
        "五、主要经验及做法、存在的问题和建议",
        "5. Experience, problems and recommendations",
    );
    experience_problems_advice(w);
    signature(w);
    w.body.page_break();
    w.heading(
        Heading1,
        "附表：项目支出绩效自评表",
        "Attached: the self-evaluation form",
    );
    w.form();
}

/// 摘要: the project, the conclusion, experience and problems in short.
fn summary(w: &mut Writer<'_>) {
    w.heading(Subtitle, "摘要", "Summary");
    w.heading(Heading1, "一、项目概况", "1. The project");
    w.heading(
        Heading2,
        "（一）项目立项背景及目的",
        "(1) Background and purpose",
    );
    w.placeholder(w.t("项目立项背景及目的", "background and purpose"));
    w.heading(
        Heading2,
        "（二）预算收支总额、预算执行情况",
        "(2) Budget and its execution",
    );
    // The first of the funds paragraphs is the budget as a whole.
    let whole = w.drafted.funds.first().cloned();
    match whole {
        Some(p) => w.text(&p),
        None => w.placeholder(w.t("预算收支总额、预算执行情况", "budget and execution")),
    }
    w.heading(Heading1, "二、评价结论", "2. Conclusion");
    w.drafted(|d| &d.conclusion);
    w.heading(
        Heading1,
        "三、经验、问题和建议",
        "3. Experience, problems and recommendations",
    );
    experience_problems_advice(w);
}

/// （一）主要经验及做法 （二）存在的问题 （三）改进措施及建议.
fn experience_problems_advice(w: &mut Writer<'_>) {
    w.heading(Heading2, "（一）主要经验及做法", "(1) Experience");
    w.placeholder(w.t("主要经验及做法", "experience and practice"));
    w.heading(Heading2, "（二）存在的问题", "(2) Problems found");
    w.drafted(|d| &d.problems);
    w.heading(Heading2, "（三）改进措施及建议", "(3) Recommendations");
    w.placeholder(w.t("改进措施及建议", "recommendations"));
}

/// 一、项目基本情况: the project (with the funds and the 项目支出明细表) and its goals.
fn basics(w: &mut Writer<'_>) {
    w.heading(Heading1, "一、项目基本情况", "1. Basic information");
    w.heading(Heading2, "（一）项目概况", "(1) The project");
    w.heading(Heading3, "1.立项背景及目的", "1. Background and purpose");
    w.placeholder(w.t("立项背景及目的", "background and purpose"));
    w.heading(Heading3, "2.项目实施情况", "2. Implementation");
    w.placeholder(w.t("项目实施情况", "how the project was carried out"));
    w.heading(Heading3, "3.资金来源及使用情况", "3. Funds and their use");
    w.drafted(|d| &d.funds);
    w.budget();
    w.heading(
        Heading3,
        "4.组织及管理情况",
        "4. Organisation and management",
    );
    w.placeholder(w.t(
        "项目组织情况、实施流程、资金拨付流程",
        "organisation, procedure and payment of funds",
    ));
    w.heading(Heading2, "（二）绩效目标", "(2) Performance goals");
    w.heading(Heading3, "1.总目标", "1. Overall goal");
    w.goal(w.t("总目标", "the overall goal"));
    w.heading(Heading3, "2.年度目标", "2. The year's targets");
    w.drafted(|d| &d.targets);
}

/// 二、绩效评价工作情况: only a person knows how the work was done.
fn evaluation_work(w: &mut Writer<'_>) {
    w.heading(
        Heading1,
        "二、绩效评价工作情况",
        "2. How the evaluation was carried out",
    );
    for (heading, what) in [
        (
            ("（一）绩效评价的目的", "(1) Purpose"),
            ("绩效评价的目的", "purpose of the evaluation"),
        ),
        (
            ("（二）绩效评价工作方案制定过程", "(2) The work plan"),
            ("工作方案制定过程", "how the work plan was made"),
        ),
        (
            ("（三）绩效评价原则、评价方法", "(3) Principles and methods"),
            ("评价原则、评价方法", "principles and methods"),
        ),
        (
            ("（四）绩效评价实施过程", "(4) The work"),
            ("实施过程", "how the work was done"),
        ),
    ] {
        w.heading(Heading2, heading.0, heading.1);
        w.placeholder(w.t(what.0, what.1));
    }
}

/// 三、评价结论和绩效分析: the result with its table, then one part per first-level indicator.
fn conclusion(w: &mut Writer<'_>) {
    w.heading(
        Heading1,
        "三、评价结论和绩效分析",
        "3. Conclusion and analysis",
    );
    w.heading(Heading2, "（一）评价结论", "(1) Conclusion");
    w.heading(Heading3, "1.评价结果", "1. The result");
    w.drafted(|d| &d.conclusion);
    w.scores();
    w.heading(Heading3, "2.主要绩效", "2. Main achievements");
    w.placeholder(w.t("主要绩效", "main achievements"));
    w.heading(Heading2, "（二）具体绩效分析", "(2) Analysis by indicator");
    let parts = parts(w);
    // The surveys go with the first part that scores one of them, else after the last part.
    let with_surveys = parts
        .iter()
        .position(|p| p.surveys)
        .or(parts.len().checked_sub(1));
    for (i, part) in parts.iter().enumerate() {
        let heading = Points {
            n: i.saturating_add(1),
            name: &part.name,
            points: part.points,
            score: part.score,
            first: true,
        };
        w.body.paragraph(Heading3, &heading.text(w.lang));
        for (j, (name, points, score, leaves)) in part.children.iter().enumerate() {
            let mut line = Points {
                n: j.saturating_add(1),
                name,
                points: *points,
                score: *score,
                first: false,
            }
            .text(w.lang);
            let of = leaves
                .iter()
                .map(|(name, points, score)| Leaf(name, *points, *score).text(w.lang))
                .collect::<Vec<_>>();
            if !of.is_empty() {
                line.push_str(w.t("：", ": "));
                line.push_str(&of.join(w.t("；", "; ")));
                line.push_str(w.t("。", "."));
            }
            w.text(&line);
        }
        w.placeholder(&Analysis(&part.name).text(w.lang));
        if Some(i) == with_surveys {
            w.surveys();
        }
    }
    if parts.is_empty() {
        w.surveys();
    }
    w.monitoring();
}

/// A first-level indicator and what is under it, with points and scores.
struct Part {
    name: String,
    points: Decimal,
    score: Decimal,
    /// (name, points, score, leaves under it as (name, points, score)).
    children: Vec<Child>,
    /// Whether a leaf under it is scored from a survey.
    surveys: bool,
}

type Child = (String, Decimal, Decimal, Vec<(String, Decimal, Decimal)>);

fn parts(w: &Writer<'_>) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
    walk_scored(w.doc, w.eval, &mut |scored| match scored {
        Scored::Group(g, r, []) => parts.push(Part {
            name: g.name.clone(),
            points: r.points,
            score: r.score,
            children: Vec::new(),
            surveys: false,
        }),
        Scored::Leaf(l, r, []) => parts.push(Part {
            name: l.name.clone(),
            points: r.points,
            score: r.score,
            children: Vec::new(),
            surveys: l.rule.survey.is_some(),
        }),
        Scored::Group(g, r, [_]) => {
            if let Some(part) = parts.last_mut() {
                part.children
                    .push((g.name.clone(), r.points, r.score, Vec::new()));
            }
        }
        Scored::Leaf(l, r, ancestors) => {
            if let Some(part) = parts.last_mut() {
                part.surveys |= l.rule.survey.is_some();
                let scored = (l.name.clone(), r.points, r.score);
                match (ancestors.len(), part.children.last_mut()) {
                    (1, _) => part
                        .children
                        .push((scored.0, scored.1, scored.2, Vec::new())),
                    (_, Some(child)) => child.3.push(scored),
                    (_, None) => {}
                }
            }
        }
        Scored::Group(..) => {}
    });
    parts
}

/// "1.项目决策（满分20分，评价得分20分）" / "（1）项目立项（满分8分，得分8分）".
struct Points<'a> {
    n: usize,
    name: &'a str,
    points: Decimal,
    score: Decimal,
    /// A first-level part (`1.`) rather than what is under one (`（1）`).
    first: bool,
}

impl Message for Points<'_> {
    fn zh(&self) -> String {
        let (p, s) = (shown(Some(self.points)), shown(Some(self.score)));
        if self.first {
            format!("{}.{}（满分{p}分，评价得分{s}分）", self.n, self.name)
        } else {
            format!("（{}）{}（满分{p}分，得分{s}分）", self.n, self.name)
        }
    }

    fn en(&self) -> String {
        let (p, s) = (shown(Some(self.points)), shown(Some(self.score)));
        if self.first {
            format!("{}. {} ({p} points, scored {s})", self.n, self.name)
        } else {
            format!("({}) {} ({p} points, scored {s})", self.n, self.name)
        }
    }
}

/// One indicator under a second-level one: "立项依据充分性得4分（满分4分）".
struct Leaf<'a>(&'a str, Decimal, Decimal);

impl Message for Leaf<'_> {
    fn zh(&self) -> String {
        format!(
            "{}得{}分（满分{}分）",
            self.0,
            shown(Some(self.2)),
            shown(Some(self.1))
        )
    }

    fn en(&self) -> String {
        format!(
            "{} {} of {}",
            self.0,
            shown(Some(self.2)),
            shown(Some(self.1))
        )
    }
}

/// The placeholder for a first-level part's analysis.
struct Analysis<'a>(&'a str);

impl Message for Analysis<'_> {
    fn zh(&self) -> String {
        format!("{}的分析（依据、做法、扣分原因）", self.0)
    }

    fn en(&self) -> String {
        format!(
            "analysis of {} (evidence, practice, why points were lost)",
            self.0
        )
    }
}

/// 落款: the unit and the date of the document, right-aligned.
fn signature(w: &mut Writer<'_>) {
    let unit = w.doc.meta_text("unit");
    w.text("");
    if unit.trim().is_empty() {
        w.placeholder(w.t("单位名称", "the unit"));
    } else {
        w.body.paragraph(Signature, &unit);
    }
    match crate::date::parse_date(&w.doc.meta_text("date")) {
        Some(date) => w.body.paragraph(Signature, &date.text(w.lang)),
        None => w.placeholder(w.t("日期", "the date")),
    }
}
