//! The outline of 财预〔2020〕10号's 项目支出绩效评价报告（参考提纲）: 一、基本情况 … 七、其他需要说明的问题.

use super::package::Style::{Heading1, Heading2};
use super::Writer;

pub(super) fn write(w: &mut Writer<'_>) {
    w.heading(Heading1, "一、基本情况", "1. Basic information");
    w.heading(Heading2, "（一）项目概况", "(1) The project");
    w.placeholder(w.t(
        "项目背景、主要内容及实施情况",
        "background, main content and implementation",
    ));
    w.text(w.t("资金投入和使用情况：", "Funds and their use:"));
    w.drafted(|d| &d.funds);
    w.budget();
    w.heading(Heading2, "（二）项目绩效目标", "(2) Performance goals");
    w.goal(w.t("年度总体目标", "the year's overall goal"));

    w.heading(
        Heading1,
        "二、绩效评价工作开展情况",
        "2. How the evaluation was carried out",
    );
    w.heading(
        Heading2,
        "（一）绩效评价目的、对象和范围",
        "(1) Purpose, object and scope",
    );
    w.placeholder(w.t("评价目的、对象和范围", "purpose, object and scope"));
    w.heading(
        Heading2,
        "（二）绩效评价原则、评价指标体系、评价方法、评价标准",
        "(2) Principles, indicators, methods and standards",
    );
    w.placeholder(w.t("评价原则、方法和标准", "principles, methods and standards"));
    w.heading(Heading2, "（三）绩效评价工作过程", "(3) The work");
    w.placeholder(w.t("工作过程", "how the work was done"));

    w.heading(
        Heading1,
        "三、综合评价情况及评价结论（附评分表）",
        "3. Overall evaluation and conclusion (with the score table)",
    );
    w.drafted(|d| &d.conclusion);
    w.scores();
    w.form();

    w.heading(Heading1, "四、绩效评价指标分析", "4. Analysis by indicator");
    w.heading(
        Heading2,
        "（一）绩效目标完成情况",
        "(1) Performance targets",
    );
    w.drafted(|d| &d.targets);
    w.heading(Heading2, "（二）满意度调查", "(2) Satisfaction survey");
    w.surveys();
    w.monitoring();

    w.heading(
        Heading1,
        "五、主要经验及做法、存在的问题及原因分析",
        "5. Experience, problems and their causes",
    );
    w.heading(Heading2, "（一）主要经验及做法", "(1) Experience");
    w.placeholder(w.t("主要经验及做法", "experience and practice"));
    w.heading(Heading2, "（二）存在的问题及原因分析", "(2) Problems found");
    w.drafted(|d| &d.problems);
    w.heading(Heading1, "六、有关建议", "6. Recommendations");
    w.placeholder(w.t("改进建议", "recommendations"));
    w.heading(Heading1, "七、其他需要说明的问题", "7. Other matters");
    w.placeholder(w.t(
        "其他需要说明的问题（没有可写“无”）",
        "other matters (or “none”)",
    ));
}
