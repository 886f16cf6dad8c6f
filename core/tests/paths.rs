//! `FieldPath`: every kind of path round-trips through its wire form, and the places where the
//! old string paths disagreed are each settled by one test.
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

mod common;

use common::*;
use jixiao_core::What;
use jixiao_core::{audit, Message, PathError};
use jixiao_core::{get_field, set_field};
use jixiao_core::{
    ClaimField, FieldPath, LineField, NodeField, QuestionField, RuleField, Section, SettingField,
    StepField, SurveyField,
};
use serde_json::json;

fn every_kind() -> Vec<FieldPath> {
    let mut all = vec![
        FieldPath::Section(Section::Budget),
        FieldPath::Section(Section::Indicators),
        FieldPath::Section(Section::Surveys),
        FieldPath::Section(Section::Settings),
        FieldPath::Section(Section::Claimed),
        FieldPath::Line("b1".into(), None),
        FieldPath::Node("C1".into(), None),
        FieldPath::Node("C1".into(), Some(NodeField::Rule(None))),
        FieldPath::Survey("s1".into(), None),
        FieldPath::Setting(SettingField::DeviationThreshold),
        FieldPath::Setting(SettingField::MinExecutionRate),
        FieldPath::Setting(SettingField::MismatchMargin),
        FieldPath::Setting(SettingField::Grades),
        FieldPath::Setting(SettingField::GradeLabel(0)),
        FieldPath::Setting(SettingField::GradeMin(3)),
        FieldPath::Claim(ClaimField::Figure(What::Total)),
        FieldPath::Claim(ClaimField::Figure(What::Grade)),
        FieldPath::Claim(ClaimField::Figure(What::ExecutionRate)),
        FieldPath::Claim(ClaimField::Figure(What::Satisfaction)),
        FieldPath::Claim(ClaimField::Figure(What::LeafScore("C112".into()))),
        FieldPath::Meta("title".into()),
    ];
    all.extend(LineField::ALL.map(|f| FieldPath::line("b3", f)));
    for f in [
        NodeField::Name,
        NodeField::Points,
        NodeField::Reason,
        NodeField::Unit,
        NodeField::Applicable,
    ] {
        all.push(FieldPath::node("C112", f));
    }
    for f in [
        RuleField::Kind,
        RuleField::Target,
        RuleField::Actual,
        RuleField::Tolerance,
        RuleField::Formula,
        RuleField::Tier,
        RuleField::Fraction,
        RuleField::Score,
        RuleField::Survey,
        RuleField::Step(2, StepField::Min),
        RuleField::Step(0, StepField::Fraction),
    ] {
        all.push(FieldPath::rule("C112", f));
    }
    for f in [
        SurveyField::Name,
        SurveyField::Respondents,
        SurveyField::Method,
        SurveyField::SatisfiedOptions,
        SurveyField::OptionLabel(1),
        SurveyField::OptionWeight(4),
        SurveyField::Questions,
        SurveyField::Question("q2".into(), None),
        SurveyField::Question("q2".into(), Some(QuestionField::Text)),
        SurveyField::Question("q2".into(), Some(QuestionField::Counts)),
        SurveyField::Question("q2".into(), Some(QuestionField::Count(2))),
    ] {
        all.push(FieldPath::survey("s1", f));
    }
    all
}

#[test]
fn every_kind_of_path_round_trips() {
    for path in every_kind() {
        let text = path.to_string();
        assert_eq!(text.parse::<FieldPath>(), Ok(path.clone()), "{text}");
    }
    assert_eq!(
        FieldPath::count("s1", "q2", 2).to_string(),
        "surveys/s1/questions/q2/counts/2"
    );
    assert_eq!(
        FieldPath::rule("C112", RuleField::Step(1, StepField::Min)).to_string(),
        "indicators/C112/rule/steps/1/min"
    );
    assert_eq!(
        FieldPath::Claim(ClaimField::Figure(What::LeafScore("C1".into()))).to_string(),
        "claimed/scores/C1"
    );
}

#[test]
fn ids_with_slashes_and_percent_signs_round_trip() {
    for id in ["a/b", "50%", "%2F", "x/%/y", "空 格"] {
        let path = FieldPath::line(id, LineField::Spent);
        let text = path.to_string();
        assert_eq!(text.matches('/').count(), 2, "{text}");
        assert_eq!(text.parse::<FieldPath>(), Ok(path), "{text}");
    }
}

#[test]
fn a_leading_or_trailing_slash_is_the_same_path() {
    // paths.rs trimmed a leading `/`, seek.rs did not: now both read it the same.
    let plain: FieldPath = "budget/b3/spent".parse().unwrap();
    assert_eq!("/budget/b3/spent".parse::<FieldPath>(), Ok(plain.clone()));
    assert_eq!("budget/b3/spent/".parse::<FieldPath>(), Ok(plain));
}

#[test]
fn unknown_paths_are_refused_with_a_message() {
    for text in [
        "",
        "budget/b1/colour",
        "indicators/C1/rule/nope",
        "surveys/s1/options/x/weight",
        "settings/grades/1/colour",
        "nothing",
        "claimed/total/extra",
    ] {
        let err = text.parse::<FieldPath>().unwrap_err();
        assert!(matches!(err, PathError::Unknown { .. }), "{text}");
        assert!(err.zh().contains("无法识别") && err.en().contains("not a field path"));
    }
}

#[test]
fn get_reads_in_place_and_set_writes_through_the_same_lookup() {
    let mut doc = kunming();
    let spent = FieldPath::line("b3", LineField::Spent);
    let field = get_field(&doc, &spent).unwrap();
    assert!(field.is_number());
    assert!(
        matches!(field.text(), std::borrow::Cow::Borrowed("63.6")),
        "read without a copy"
    );
    set_field(&mut doc, &spent, "60").unwrap();
    assert_eq!(get_field(&doc, &spent).unwrap().text(), "60");
    assert!(matches!(
        get_field(&doc, &FieldPath::line("b9", LineField::Spent)),
        Err(PathError::Missing { .. })
    ));
    assert!(matches!(
        set_field(&mut doc, &FieldPath::Section(Section::Budget), "1"),
        Err(PathError::NotAField { .. })
    ));
}

#[test]
fn an_emptied_number_is_removed() {
    // edit.rs kept an emptied target as Some(""), paths::Slot::set cleared it: now one rule.
    let mut doc = kunming();
    let target = FieldPath::rule("C112", RuleField::Target);
    set_field(&mut doc, &target, "  ").unwrap();
    assert_eq!(doc.leaf("C112").unwrap().rule.target, None);
    let eval = audit(&doc);
    assert!(has(&eval, "missing-field", "indicators/C112/rule/target"));
}

#[test]
fn the_unit_is_written_where_the_file_keeps_it() {
    // One writer put a unit on the rule, the other on the leaf: now it goes where it was.
    let mut doc = kunming();
    let on_rule = doc
        .leaves()
        .find(|(l, _)| l.unit.is_none() && l.rule.unit.is_some())
        .map(|(l, _)| l.id.clone())
        .expect("the Kunming file keeps units on rules");
    set_field(&mut doc, &FieldPath::node(&on_rule, NodeField::Unit), "期").unwrap();
    let leaf = doc.leaf(&on_rule).unwrap();
    assert_eq!(
        (leaf.unit.as_deref(), leaf.rule.unit.as_deref()),
        (None, Some("期"))
    );
    let mut fresh = jixiao_core::template("standard").unwrap();
    let first = fresh.leaves().next().unwrap().0.id.clone();
    set_field(&mut fresh, &FieldPath::node(&first, NodeField::Unit), "人").unwrap();
    assert_eq!(fresh.leaf(&first).unwrap().unit(), "人");
}

#[test]
fn writing_a_figure_drops_the_text_a_form_printed_for_it() {
    // A scenario or a found value changing an actual must not leave the old printed text in the
    // report: the one writer drops it.
    let mut doc = kunming();
    let leaf = doc.leaf_mut("C112").unwrap();
    leaf.target_text = Some("≥60人次".into());
    leaf.actual_text = Some("114人次".into());
    set_field(&mut doc, &FieldPath::rule("C112", RuleField::Actual), "45").unwrap();
    let leaf = doc.leaf("C112").unwrap();
    assert_eq!(leaf.actual_text, None);
    assert_eq!(
        leaf.target_text.as_deref(),
        Some("≥60人次"),
        "the target was not written"
    );
    set_field(&mut doc, &FieldPath::rule("C112", RuleField::Target), "50").unwrap();
    assert_eq!(doc.leaf("C112").unwrap().target_text, None);
}

#[test]
fn setting_one_default_grade_writes_the_bands_out() {
    let mut doc = kunming();
    doc.settings.grades = None;
    set_field(
        &mut doc,
        &FieldPath::Setting(SettingField::GradeMin(0)),
        "85",
    )
    .unwrap();
    let grades = doc.settings.grades.as_ref().unwrap();
    assert_eq!(grades.len(), 4);
    assert_eq!(grades[0].min.as_ref().unwrap().raw(), "85");
}

#[test]
fn claims_and_meta_are_fields_too() {
    let mut doc = kunming();
    let total = FieldPath::Claim(ClaimField::Figure(What::Total));
    set_field(&mut doc, &total, "93").unwrap();
    assert_eq!(get_field(&doc, &total).unwrap().text(), "93");
    let score = FieldPath::Claim(ClaimField::Figure(What::LeafScore("C112".into())));
    set_field(&mut doc, &score, "9.5").unwrap();
    assert_eq!(doc.claimed.as_ref().unwrap().score("C112"), Some("9.5"));
    let title = FieldPath::Meta("title".into());
    set_field(&mut doc, &title, "新项目").unwrap();
    assert_eq!(doc.meta_text("title"), "新项目");
}

#[test]
fn a_survey_named_budget_gets_the_survey_message() {
    // SourceHasErrors was matched on the string "budget": a survey with that id got the budget's
    // message. The payload is typed now.
    let value = json!({"format": "jixiao/1",
        "surveys": [{"id": "budget", "name": "问卷", "options": [{"label": "满意", "weight": "x"}],
            "questions": [{"id": "q1", "text": "?", "counts": [1]}]}],
        "indicators": [{"id": "S", "name": "满意度", "points": "100",
            "rule": {"kind": "satisfaction", "survey": "budget", "target": "90"}}]});
    let eval = audit(&doc(value));
    let finding = eval
        .findings
        .iter()
        .find(|f| f.code() == "source-has-errors")
        .expect("the indicator relies on a survey with errors");
    assert_eq!(finding.path.to_string(), "indicators/S/rule/survey");
    assert!(
        finding.problem.zh().contains("满意度调查“budget”"),
        "{}",
        finding.problem.zh()
    );
    assert!(!finding.problem.zh().contains("预算明细"));
}

#[test]
fn findings_name_fields_in_peoples_words() {
    let doc = kunming();
    let names = jixiao_core::Names::new(&doc);
    use jixiao_core::Lang;
    assert_eq!(
        names.describe(&FieldPath::line("b3", LineField::Spent), Lang::Zh),
        "预算明细第3行“残疾人职业技能培训”的执行数"
    );
    assert_eq!(
        names.describe(&FieldPath::line("b3", LineField::Spent), Lang::En),
        "budget line 3 \"残疾人职业技能培训\": spent"
    );
    let actual = names.describe(&FieldPath::rule("C112", RuleField::Actual), Lang::Zh);
    assert!(
        actual.starts_with("指标 C112“") && actual.ends_with("”的实际完成值"),
        "{actual}"
    );
    let count = names.describe(&FieldPath::count("s1", "q2", 0), Lang::Zh);
    assert!(
        count.contains("第2题") && count.ends_with("的人数"),
        "{count}"
    );
}

#[test]
fn the_tree_is_walked_one_way() {
    let doc = kunming();
    let ids: Vec<&str> = doc.leaves().map(|(l, _)| l.id.as_str()).collect();
    let eval = audit(&doc);
    let scored: Vec<&str> = eval.leaves.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids, scored,
        "leaves and their results are in the same order"
    );
    let up: Vec<&str> = doc
        .ancestors("C111")
        .unwrap()
        .iter()
        .map(|g| g.id.as_str())
        .collect();
    assert_eq!(up, ["C", "C1", "C11"]);
    assert!(doc.leaf("C11").is_none(), "a group is not a leaf");
    assert!(doc.node("C11").is_some());
}

#[test]
fn repeated_ids_still_join_each_leaf_to_its_own_result() {
    let value = json!({"format": "jixiao/1", "indicators": [
        {"id": "X", "name": "一", "points": "50", "rule": {"kind": "at_least", "target": "10", "actual": "5"}},
        {"id": "X", "name": "二", "points": "50", "rule": {"kind": "at_least", "target": "10", "actual": "10"}}]});
    let doc = doc(value);
    let eval = audit(&doc);
    let rows = jixiao_core::indicator_rows(&doc, &eval, jixiao_core::Lang::Zh);
    assert_eq!(rows[0].name, "一");
    assert_eq!(rows[0].score, d("25"));
    assert_eq!(rows[1].name, "二");
    assert_eq!(rows[1].score, d("50"));
}

#[test]
fn every_field_knows_its_row() {
    let row = |p: &str| p.parse::<FieldPath>().unwrap().row().map(|r| r.to_string());
    assert_eq!(row("budget/b3/spent").as_deref(), Some("budget/b3"));
    assert_eq!(
        row("indicators/C112/rule/steps/0/min").as_deref(),
        Some("indicators/C112")
    );
    assert_eq!(
        row("indicators/C11/name").as_deref(),
        Some("indicators/C11")
    );
    assert_eq!(
        row("surveys/s1/questions/q2/counts/3").as_deref(),
        Some("surveys/s1")
    );
    assert_eq!(row("settings/grades/0/min"), None);
    assert_eq!(row("budget"), None);
}

#[test]
fn a_groups_name_is_read_and_written_through_its_path() {
    let mut doc = jixiao_core::template("kunming-2022").unwrap();
    let name = FieldPath::node("C1", NodeField::Name);
    assert_eq!(get_field(&doc, &name).unwrap().text(), "产出指标");
    set_field(&mut doc, &name, "产出").unwrap();
    assert_eq!(get_field(&doc, &name).unwrap().text(), "产出");
    assert!(matches!(doc.node("C1"), Some(jixiao_core::Node::Group(g)) if g.name == "产出"));
    // A group has no other field.
    assert!(set_field(&mut doc, &FieldPath::node("C1", NodeField::Points), "5").is_err());
}
