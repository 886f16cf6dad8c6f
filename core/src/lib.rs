//! jixiao-core: the scoring core of 绩效自评计算器 (project performance self-evaluation).
//!
//! Pure Rust with no web or I/O dependency: the model of a `jixiao/1` document, the scoring
//! rules in exact decimals, the audit's findings, the monitoring rounds, the file format, the
//! forms and reports people hand in (read and written), and the results as JSON. The command
//! line, the page, the JavaScript module and the form reader are thin layers over this face; the
//! modules behind it are private.
//!
//! The lints are the workspace's (`[workspace.lints]` in the root `Cargo.toml`); the ones that
//! keep a panic out of the page are denied here too, so that the core holds them wherever it is
//! built (a checked-out copy without the workspace, a crate vendored elsewhere).

#![deny(clippy::arithmetic_side_effects)]
#![deny(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
#![cfg_attr(
    test,
    allow(
        clippy::arithmetic_side_effects,
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

mod audit;
mod chart;
mod claims;
mod csv;
mod date;
mod docx;
mod docx_read;
mod draft;
mod findings;
mod form;
mod format;
mod formula;
mod grid;
mod import;
mod message;
mod model;
mod monitoring;
mod number;
mod path;
mod report;
mod review;
mod scoring;
mod tables;
mod templates;
mod text;
mod whatif;
mod written;
mod xlsx;
mod xml;
mod zip;

/// Exact decimals, as every figure of the core is held.
pub use rust_decimal::Decimal;

// Texts in two languages.
pub use message::{t, Lang, Message, Text};

// The document: what staff typed, every field as written.
pub use date::{parse_date, Date};
pub use model::{
    siblings_mut, AnnualFunds, BudgetLine, Category, Cause, Change, Claimed, Declared,
    DeclaredTarget, Document, Formula, Funds, GradeBand, Group, Leaf, LeafReport, Light,
    Likelihood, LineReport, Method, MonitoringSettings, Node, Printed, PrintedEntry, Question,
    Round, Rule, RuleKind, Scenario, Settings, Step, Survey, SurveyOption, Tier, What,
    DEFAULT_GRADES, TARGET_META,
};
pub use number::{
    as_percent, checked_sum, parse_decimal, printed_figure, round2, show2, show_exact, shown, Num,
    NumError,
};

// The one name of a field, and reading and writing the field it names.
pub use path::{
    get as get_field, set as set_field, Both, ClaimField, DeclaredField, DeclaredTargetField,
    Field, FieldPath, FundsField, LineField, Names, NodeField, PathError, QuestionField,
    RoundField, RoundLeafField, RoundLineField, RuleField, Section, SettingField, StepField,
    SurveyField,
};

// The file format `jixiao/1`.
pub use format::{
    read_bytes, read_str, read_value, to_string, to_string_pretty, to_value, Expected, Found,
    LoadError, FORMAT, MAX_FILE_BYTES, MAX_NESTING,
};
pub use templates::{template, template_text, NAMES as TEMPLATE_NAMES};

// Scoring and the audit.
pub use audit::audit;
pub use claims::Verdict;
pub use findings::{Finding, Level, Problem, Source, TargetProblem};
pub use review::{
    as_declared, declare, is_plan, record_declaration, review, AgainstDeclared, Recorded,
};
pub use scoring::{
    default_grades, lost_points, walk_scored, BudgetResult, Cursor, Evaluation, GroupResult,
    LeafResult, LineResult, Lost, Policy, QuestionResult, Scored, SurveyResult,
};

// Monitoring rounds (运行监控).
pub use monitoring::{
    budget_light, forecast, leaf_lights, light_counts, merge as merge_round, progress,
    round as monitoring_round, time_progress, year as document_year, BudgetLight, Forecast,
    LeafLight, Merged, Settings as MonitoringPolicy, TimeProgress,
};

// Planning: scenarios and goal seeking (需要多少).
pub use whatif::{
    apply as apply_scenario, compare as compare_scenario, compare_all_in as compare_scenarios,
    diff as scenario_diff, next_year, numeric_paths, round_paths, seek, ChangeOutcome, Direction,
    Goal, Method as SeekMethod, NextYear, Outcome, Reconsider, Seek, SeekError, SeekText,
    Summary as ScenarioSummary,
};

// What is shown and handed in: tables, charts, drafted text, results as JSON, CSV, workbooks,
// the Word report.
pub use chart::{
    budget as budget_chart, coordinate, groups as groups_chart, surveys as surveys_chart, Chart,
    Mark, WIDTH as CHART_WIDTH,
};
pub use csv::{
    budget as csv_budget, indicators as csv_indicators, surveys as csv_surveys,
    tables as csv_tables, write_row as csv_row, Cell as CsvCell, BOM as CSV_BOM,
};
pub use docx::{report as word_report, Outline};
pub use draft::{draft, draft_text, Section as DraftSection};
pub use report::{
    export as export_json, finding as finding_json, monitor as monitor_json, results, results_of,
    seek as seek_json, FindingOut, Results,
};
pub use tables::{
    budget_headers, form_headers, indicator_rows, is_budget_rule, levels, percent_text, tier_name,
    IndicatorRow, Shown,
};
pub use xlsx::{
    cell_ref, monitor_sheet, monitor_workbook, package as xlsx_package, sheets as xlsx_sheets,
    targets_sheet, targets_workbook, workbook as form_workbook, Cell as XlsxCell, Sheet, Style,
    Value as XlsxValue,
};

// Reading what people have: workbooks, Word reports, pasted cells, targets as written.
pub use docx_read::read_parts as read_report_parts;
pub use form::{
    cells as paste_cells, kind as file_kind, paste_budget, paste_indicators, titled, FormError,
    FormRead, Kind as FileKind, ReadNote, Summary as ReadSummary, MAX_INFLATED_BYTES,
};
pub use import::{is_workbook, read_form};
pub use written::{read_written, type_target, Op, Written};
