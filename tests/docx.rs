//! The Word report as programs no one here wrote read it: python-docx reads back every paragraph
//! and table cell in order (installed by `scripts/install-tools`), and LibreOffice Writer lays it
//! out as PDF pages (where installed) whose text holds the figures.
// A test's failing assertion panics on purpose: the workspace's no-panic lints are for the
// code that runs on what a file holds.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    unreachable_pub,
    missing_docs
)]

use std::path::{Path, PathBuf};
use std::process::Command;

#[track_caller]
fn jixiao(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .output()
        .unwrap()
}

/// `jixiao export INPUT --docx OUT` with `extra` options.
#[track_caller]
fn export_docx(input: &str, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["export", input, "--docx", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    jixiao(&args)
}

#[track_caller]
fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jixiao-docx-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The document's paragraphs (style and text), then each table's rows of cell texts, as
/// python-docx reads them (merged cells resolved), one JSON value.
#[track_caller]
fn read_back(path: &Path) -> serde_json::Value {
    let script = r#"
import docx, json, sys
d = docx.Document(sys.argv[1])
print(json.dumps({
  "paragraphs": [[p.style.name, p.text] for p in d.paragraphs],
  "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
  "title": d.core_properties.title,
  "creator": d.core_properties.author,
  "created": str(d.core_properties.created),
}, ensure_ascii=False))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .expect("python3 with python-docx (scripts/install-tools installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[track_caller]
fn texts(v: &serde_json::Value) -> Vec<String> {
    v["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[1].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_kunming_report_reads_back_with_every_chapter_figure_and_table() {
    let dir = out_dir("kunming");
    let file = dir.join("k.docx");
    let run = export_docx("tests/data/kunming-2022.json", &file, &[]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let v = read_back(&file);
    let paragraphs = texts(&v);
    let all = paragraphs.join("\n");
    for chapter in [
        "一、基本情况",
        "二、绩效评价工作开展情况",
        "三、综合评价情况及评价结论（附评分表）",
        "四、绩效评价指标分析",
        "五、主要经验及做法、存在的问题及原因分析",
        "六、有关建议",
        "七、其他需要说明的问题",
    ] {
        assert!(paragraphs.iter().any(|p| p == chapter), "{chapter}");
    }
    // Headings carry their styles; what only a person can write is marked, never invented.
    let style_of = |text: &str| {
        v["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p[1] == text)
            .map(|p| p[0].as_str().unwrap().to_string())
    };
    assert_eq!(style_of("一、基本情况").as_deref(), Some("JxHeading1"));
    assert_eq!(style_of("（一）项目概况").as_deref(), Some("JxHeading2"));
    assert!(all.contains("【请填写：项目背景、主要内容及实施情况】"));
    // The figures as the page shows them.
    for figure in [
        "97.361万元",
        "82.050854万元",
        "84.27%",
        "96.86",
        "评定等级为优",
        "预算申报准确性不足",
    ] {
        assert!(all.contains(figure), "{figure}");
    }
    let tables = v["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 4, "budget, scores, form, one survey");
    let cell = |t: usize, r: usize, c: usize| tables[t][r][c].as_str().unwrap().to_string();
    // 项目支出明细表 with its 合计 (spanning 序号 and 项目名称).
    let budget = tables[0].as_array().unwrap();
    let total = budget.last().unwrap();
    assert_eq!(total[0], "合计");
    assert_eq!(total[1], "合计", "合计 spans two columns");
    assert_eq!(total[2], "97.361");
    assert_eq!(total[3], "82.050854");
    assert_eq!(total[4], "15.310146");
    // 得分情况: the first-level groups and the total.
    assert_eq!(cell(1, 0, 1), "权重分");
    assert_eq!(tables[1].as_array().unwrap().last().unwrap()[2], "92.00");
    // The 自评表: merged 一级 cells read as the group on every row.
    let form = tables[2].as_array().unwrap();
    assert_eq!(form[0][3], "年度指标值");
    assert!(form.iter().filter(|r| r[0] == "项目决策").count() >= 4);
    assert!(form
        .iter()
        .any(|r| r[2] == "参加残疾人职业技能培训的残疾人数" && r[6] == "4.00"));
    // The survey: 人数 / 占比 / 分数 per question, the question merged down.
    let survey = tables[3].as_array().unwrap();
    assert_eq!(survey[1][1], "人数");
    assert_eq!(survey[2][1], "占比");
    assert_eq!(survey[3][1], "分数");
    assert_eq!(survey[1][0], survey[3][0]);
    // Properties from the document, never the clock.
    assert_eq!(v["creator"], "昆明市残疾人综合服务中心");
    assert!(v["created"].as_str().unwrap().starts_with("2023-05-17"));
    // The same document gives the same bytes.
    let again = dir.join("again.docx");
    export_docx("tests/data/kunming-2022.json", &again, &[]);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(&again).unwrap()
    );
}

#[test]
fn the_seed_outline_has_its_summary_parts_by_first_level_indicator_and_signature() {
    let dir = out_dir("seed");
    let file = dir.join("seed.docx");
    let run = export_docx(
        "tests/data/kunming-2022.json",
        &file,
        &["--outline", "seed"],
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let v = read_back(&file);
    let paragraphs: Vec<(String, String)> = v["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().into(), p[1].as_str().unwrap().into()))
        .collect();
    let at = |text: &str| {
        paragraphs
            .iter()
            .position(|(_, t)| t == text)
            .unwrap_or_else(|| panic!("{text}"))
    };
    let style = |text: &str| paragraphs[at(text)].0.clone();
    // 摘要 first, then 正文 with the seed's chapters, in this order.
    let order = [
        "摘要",
        "一、项目概况",
        "二、评价结论",
        "三、经验、问题和建议",
        "正文",
        "一、项目基本情况",
        "3.资金来源及使用情况",
        "2.年度目标",
        "二、绩效评价工作情况",
        "（四）绩效评价实施过程",
        "三、评价结论和绩效分析",
        "1.评价结果",
        "（二）具体绩效分析",
        "1.项目决策（满分20.00分，评价得分20.00分）",
        "2.项目管理（满分20.00分，评价得分19.00分）",
        "3.项目绩效（满分60.00分，评价得分53.00分）",
        "四、成本效益分析",
        "五、主要经验及做法、存在的问题和建议",
        "昆明市残疾人综合服务中心",
        "2023年5月17日",
        "附表：项目支出绩效自评表",
    ];
    let positions: Vec<usize> = order.iter().map(|t| at(t)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    assert_eq!(style("一、项目基本情况"), "JxHeading1");
    assert_eq!(style("（一）项目概况"), "JxHeading2");
    assert_eq!(style("1.立项背景及目的"), "JxHeading3");
    assert_eq!(style("2023年5月17日"), "JxSignature");
    assert!(!paragraphs
        .iter()
        .any(|(_, t)| t == "七、其他需要说明的问题"));
    // Each second-level indicator with its points and score, and its leaves'.
    let all: String = paragraphs
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(all.contains("（1）投入管理（满分10.00分，得分9.00分）：资金到位率得5.00分（满分5.00分）；预算执行率得4.00分（满分5.00分）。"));
    assert!(all.contains("【请填写：项目管理的分析（依据、做法、扣分原因）】"));
    assert!(all.contains("【请填写：立项背景及目的】"));
    // The survey is written with the part that scores it (项目绩效), before 四、.
    let survey = paragraphs
        .iter()
        .position(|(_, t)| t.starts_with("社会公众满意度调查问卷统计表"))
        .unwrap();
    assert!(
        at("3.项目绩效（满分60.00分，评价得分53.00分）") < survey
            && survey < at("四、成本效益分析")
    );
    // The same four tables; the 自评表 last, as 附表.
    let tables = v["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 4);
    assert_eq!(tables[0].as_array().unwrap().last().unwrap()[2], "97.361");
    assert_eq!(tables[3][0][3], "年度指标值");
    // In English, the same structure.
    let en = dir.join("seed-en.docx");
    let run = export_docx(
        "tests/data/kunming-2022.json",
        &en,
        &["--outline", "seed", "--lang", "en"],
    );
    assert!(run.status.success());
    let en = texts(&read_back(&en));
    for heading in [
        "Summary",
        "3. Conclusion and analysis",
        "4. Cost and benefit",
        "2023-05-17",
    ] {
        assert!(en.iter().any(|p| p == heading), "{heading}");
    }
    assert!(en
        .iter()
        .any(|p| p.starts_with("1. 项目决策 (20.00 points, scored 20.00)")));
    // An outline jixiao does not know is a usage error.
    let bad = export_docx(
        "tests/data/kunming-2022.json",
        &file,
        &["--outline", "2011"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--outline"));
}

#[test]
fn an_english_report_has_the_same_structure_in_english() {
    let dir = out_dir("en");
    let file = dir.join("en.docx");
    let run = export_docx("tests/data/kunming-2022.json", &file, &["--lang", "en"]);
    assert!(run.status.success());
    let v = read_back(&file);
    let paragraphs = texts(&v);
    assert!(paragraphs.iter().any(|p| p == "1. Basic information"));
    assert!(paragraphs.iter().any(|p| p == "7. Other matters"));
    assert!(paragraphs.join("\n").contains("execution rate 84.27%"));
    assert_eq!(v["tables"].as_array().unwrap().len(), 4);
}

#[test]
fn hostile_text_and_large_documents_make_valid_files() {
    let dir = out_dir("hostile");
    // Names with markup, ampersands and control characters, a 2 KB project name, 10,000
    // indicators.
    let long = "项目<&>\u{1}\u{7}".repeat(300);
    let mut children = Vec::new();
    for i in 0..10_000 {
        children.push(serde_json::json!({
            "id": format!("L{i}"), "name": format!("指标 <{i}> & \u{b}"), "points": "0.01",
            "reason": "原因 </w:t> \"引号\"",
            "rule": {"kind": "at_least", "target": "60", "actual": format!("{}", 40 + i % 50)}
        }));
    }
    let doc = serde_json::json!({
        "format": "jixiao/1",
        "meta": {"title": long, "unit": "单位 & <部门>", "money_unit": "万元", "date": "not a date"},
        "budget": [{"id": "b1", "name": "<b>", "planned": "1", "spent": "0.5", "note": "a\u{0}b"}],
        "indicators": [{"id": "G", "name": "产出 & 效益", "children": children}],
    });
    let input = dir.join("hostile.json");
    std::fs::write(&input, doc.to_string()).unwrap();
    let file = dir.join("hostile.docx");
    let run = export_docx(input.to_str().unwrap(), &file, &[]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let v = read_back(&file);
    let all = texts(&v).join("\n");
    assert!(
        all.contains("项目<&>项目<&>"),
        "escaped and read back as text"
    );
    assert!(!all.contains('\u{1}'));
    let form = v["tables"][2].as_array().unwrap();
    assert_eq!(form.len(), 10_002, "header, 10,000 rows, the total");
    assert_eq!(form[1][2], "指标 <0> & ");
    // The seed's outline too: each indicator in its part, the form as 附表.
    let seed = dir.join("hostile-seed.docx");
    let run = export_docx(input.to_str().unwrap(), &seed, &["--outline", "seed"]);
    assert!(run.status.success());
    let v = read_back(&seed);
    assert!(texts(&v)
        .iter()
        .any(|p| p.starts_with("（10000）指标 <9999> & ")));
    assert_eq!(v["tables"][2].as_array().unwrap().len(), 10_002);
}

#[test]
fn libreoffice_lays_the_report_out_on_a4_with_its_figures() {
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!("LibreOffice is not installed here (scripts/install-tools installs it): skipped");
        return;
    }
    let dir = out_dir("lo");
    let file = dir.join("k.docx");
    export_docx("tests/data/kunming-2022.json", &file, &[]);
    let seed = dir.join("seed.docx");
    export_docx(
        "tests/data/kunming-2022.json",
        &seed,
        &["--outline", "seed"],
    );
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let run = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&file)
        .arg(&seed)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pdf = dir.join("k.pdf");
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("(A4)"), "{info}");
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace(char::is_whitespace, "");
    for figure in [
        "97.361",
        "82.050854",
        "84.27%",
        "96.86",
        "92.00",
        "一、基本情况",
        "七、其他需要说明的问题",
    ] {
        assert!(text.contains(figure), "{figure}");
    }
    let seed = Command::new("pdftotext")
        .arg(dir.join("seed.pdf"))
        .arg("-")
        .output()
        .unwrap();
    let seed = String::from_utf8_lossy(&seed.stdout).replace(char::is_whitespace, "");
    for figure in [
        "摘要",
        "97.361",
        "84.27%",
        "96.86",
        "3.项目绩效（满分60.00分，评价得分53.00分）",
        "2023年5月17日",
    ] {
        assert!(seed.contains(figure), "{figure}");
    }
}

#[test]
fn batch_writes_one_report_per_file() {
    let dir = out_dir("batch");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::copy("tests/data/kunming-2022.json", inputs.join("kunming.json")).unwrap();
    std::fs::copy(
        "core/tests/examples/standard-filled.json",
        inputs.join("filled.json"),
    )
    .unwrap();
    let reports = dir.join("reports");
    let run = jixiao(&[
        "batch",
        inputs.to_str().unwrap(),
        "--docx",
        reports.to_str().unwrap(),
        "--out",
        dir.join("summary.csv").to_str().unwrap(),
    ]);
    assert!(
        run.status.code().is_some(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut written: Vec<String> = std::fs::read_dir(&reports)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, ["filled.docx", "kunming.docx"]);
    let v = read_back(&reports.join("kunming.docx"));
    assert!(texts(&v).join("\n").contains("84.27%"));
}
