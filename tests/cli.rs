//! The `jixiao` command line as a user runs it: exit codes, standard output and standard error.
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

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_jixiao");
const KUNMING: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/kunming-2022.json");

#[track_caller]
fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.unwrap_or_default().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn score_text(text: &[u8]) -> Output {
    run(&["score", "-"], Some(text))
}

#[track_caller]
fn stdout_json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A file that cannot be read at all: exit 1, nothing on stdout, one line on stderr.
#[track_caller]
fn assert_refused(out: &Output, needle: &str) {
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(out));
    assert!(out.stdout.is_empty());
    let err = stderr(out);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(needle), "{needle:?} not in {err}");
}

#[track_caller]
fn finding_codes(v: &Value) -> Vec<(String, String)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().into(),
                f["path"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn score_prints_the_results_of_the_example() {
    let out = run(&["score", KUNMING], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = stdout_json(&out);
    assert_eq!(v["total"], "92.00");
    assert_eq!(v["max_points"], "100.00");
    assert_eq!(v["percent"], "92.00");
    assert_eq!(v["grade"], "优");
    assert_eq!(v["budget"]["planned"], "97.361");
    assert_eq!(v["budget"]["spent"], "82.050854");
    assert_eq!(v["budget"]["balance"], "15.310146");
    assert_eq!(v["budget"]["execution_rate"], "84.27");
    assert_eq!(v["budget"]["lines"][3]["balance"], "8.522646");
    assert_eq!(v["surveys"][0]["satisfaction"], "96.86");
    assert_eq!(v["surveys"][0]["weakest"], "q2");
    assert_eq!(v["surveys"][0]["questions"][0]["responses"], 114);
    assert_eq!(v["surveys"][0]["questions"][0]["satisfaction"], "97.02");
    let leaves = v["indicators"].as_array().unwrap();
    assert_eq!(leaves.len(), 22);
    assert_eq!(leaves[5]["id"], "B12");
    assert_eq!(leaves[5]["score"], "4.00");
    assert_eq!(leaves[5]["completion"], "80.00");
    let groups = v["groups"].as_array().unwrap();
    assert_eq!(groups[0]["id"], "A");
    let finding = &v["findings"][0];
    for key in ["level", "code", "path", "message"] {
        assert!(finding[key].is_string(), "{key}");
    }
}

#[test]
fn standard_input_and_english_messages() {
    let text = std::fs::read(KUNMING).unwrap();
    let out = run(&["score", "-", "--lang", "en"], Some(&text));
    assert_eq!(out.status.code(), Some(0));
    let v = stdout_json(&out);
    assert_eq!(v["total"], "92.00");
    let low = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "low-execution")
        .unwrap();
    assert!(low["message"]
        .as_str()
        .unwrap()
        .contains("execution rate 84.27%"));
}

#[test]
fn check_prints_findings_readably() {
    let out = run(&["check", KUNMING], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("92.00 / 100.00"));
    assert!(text.contains("等级 优"));
    assert!(text.contains("indicators/C22/reason"));
}

#[test]
fn templates_print_starting_files() {
    let out = run(&["template", "kunming-2022"], None);
    assert_eq!(out.status.code(), Some(0));
    let scored = score_text(&out.stdout);
    assert_eq!(stdout_json(&scored)["total"], "92.00");

    let out = run(&["template", "standard"], None);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["预算执行率", "产出指标", "效益指标", "满意度指标"]);
    let output = &v["indicators"][1]["children"];
    let kinds: Vec<&str> = output
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["数量指标", "质量指标", "时效指标", "成本指标"]);
    assert_eq!(v["surveys"][0]["options"].as_array().unwrap().len(), 5);
    let scored = stdout_json(&score_text(&out.stdout));
    assert_eq!(scored["max_points"], "100.00");
    let groups = scored["groups"].as_array().unwrap();
    let points = |id: &str| groups.iter().find(|g| g["id"] == id).unwrap()["points"].clone();
    assert_eq!(
        (points("O"), points("X"), points("S")),
        ("50.00".into(), "30.00".into(), "10.00".into())
    );
    assert_eq!(scored["indicators"][0]["points"], "10.00");

    let out = run(&["template", "nope"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_error_finding_exits_1_and_still_prints_the_json() {
    let text = std::fs::read_to_string(KUNMING)
        .unwrap()
        .replace("[94, 0, 19, 1, 0]", "[94, 0, -19, 1, 0]");
    let out = score_text(text.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let v = stdout_json(&out);
    assert!(finding_codes(&v).contains(&(
        "negative-count".into(),
        "surveys/s1/questions/q2/counts/2".into()
    )));
    assert_eq!(v["findings"][0]["level"], "error");
}

#[test]
fn a_forty_digit_number_is_out_of_range() {
    let text = std::fs::read_to_string(KUNMING).unwrap().replace(
        "\"spent\": \"63.6\"",
        "\"spent\": 1234567890123456789012345678901234567890",
    );
    let out = score_text(text.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let v = stdout_json(&out);
    assert!(finding_codes(&v).contains(&("number-out-of-range".into(), "budget/b3/spent".into())));
}

#[test]
fn duplicate_ids_and_unknown_surveys_are_errors() {
    let text = std::fs::read_to_string(KUNMING)
        .unwrap()
        .replace("{\"id\": \"b2\"", "{\"id\": \"b1\"")
        .replace("\"survey\": \"s1\"", "\"survey\": \"s2\"")
        .replace("{\"id\": \"C113\"", "{\"id\": \"C111\"");
    let out = score_text(text.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let codes = finding_codes(&stdout_json(&out));
    assert!(
        codes.contains(&("duplicate-id".into(), "budget/b1".into())),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("duplicate-id".into(), "indicators/C111".into())),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("unknown-survey".into(), "indicators/C31/rule/survey".into())),
        "{codes:?}"
    );
}

#[test]
fn unreadable_files_get_one_line_and_exit_1() {
    assert_refused(&score_text(b""), "文件为空");
    assert_refused(&score_text(b"  \n"), "empty");
    assert_refused(&score_text(b"{\"format\": \"jixiao/1\", "), "JSON");
    assert_refused(&score_text(b"not json"), "line 1");
    assert_refused(&score_text(b"[1, 2]"), "JSON 对象");
    assert_refused(&score_text(b"{\"budget\": []}"), "format");
    assert_refused(&score_text(b"{\"format\": \"jixiao/2\"}"), "jixiao/2");
    assert_refused(&score_text(&[0xff, 0xfe, 0x00]), "UTF-8");
    assert_refused(
        &run(&["score", "/no/such/file.json"], None),
        "/no/such/file.json",
    );
}

#[test]
fn wrong_types_name_the_place() {
    let text = std::fs::read_to_string(KUNMING).unwrap().replace(
        "\"points\": \"4\", \"rule\": {\"kind\": \"at_least\", \"target\": \"3\"",
        "\"points\": true, \"rule\": {\"kind\": \"at_least\", \"target\": \"3\"",
    );
    assert_refused(&score_text(text.as_bytes()), "indicators/C111/points");
    let out = score_text(br#"{"format": "jixiao/1", "budget": {"id": "b1"}}"#);
    assert_refused(&out, "budget");
    let out = score_text(br#"{"format": "jixiao/1", "budget": [{"id": "b1", "spent": [1]}]}"#);
    assert_refused(&out, "budget/b1/spent");
    let out = score_text(br#"{"format": "jixiao/1", "budget": [{"name": "no id"}]}"#);
    assert_refused(&out, "budget/0");
    let out = score_text(br#"{"format": "jixiao/1", "surveys": [{"id": "s1", "questions": [{"id": "q1", "counts": [1, {}]}]}]}"#);
    assert_refused(&out, "surveys/s1/questions/q1/counts/1");
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let depth = 100_000;
    let mut text = String::from("{\"format\": \"jixiao/1\", \"indicators\": ");
    text.push_str(&"[{\"id\": \"g\", \"name\": \"g\", \"children\": ".repeat(depth));
    text.push_str(&"[]}]".repeat(depth));
    text.push('}');
    assert_refused(&score_text(text.as_bytes()), "嵌套过深");
}

#[test]
fn a_file_over_the_size_limit_is_refused_quickly() {
    let dir = std::env::temp_dir().join(format!("jixiao-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.json");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap();
    let started = std::time::Instant::now();
    let out = run(&["score", path.to_str().unwrap()], None);
    let elapsed = started.elapsed();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_refused(&out, "64 MiB");
    assert!(elapsed.as_secs() < 30, "took {elapsed:?}");
    let big_stdin = vec![b' '; 65 * 1024 * 1024];
    assert_refused(&score_text(&big_stdin), "64 MiB");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["score"], None).status.code(), Some(2));
    assert_eq!(run(&["frobnicate", "x"], None).status.code(), Some(2));
    assert_eq!(
        run(&["score", "x", "--lang", "fr"], None).status.code(),
        Some(2)
    );
    let help = run(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout)
        .contains("计算得分，输出 JSON / print the results as JSON"));
    // A misspelt command is a usage error with a suggestion.
    let typo = run(&["scor", "x"], None);
    assert_eq!(typo.status.code(), Some(2));
    assert!(stderr(&typo).contains("'score'"), "{}", stderr(&typo));
    let typo = run(&["score", "x", "--lnag", "en"], None);
    assert_eq!(typo.status.code(), Some(2));
    assert!(stderr(&typo).contains("--lang"), "{}", stderr(&typo));
}

/// Every command answers `--help` (and `jixiao help COMMAND`) with its own usage, in both
/// languages, exit 0.
#[test]
fn every_command_has_help() {
    for (command, says) in [
        ("score", "计算得分"),
        ("check", "列出问题"),
        ("seek", "--grade"),
        ("batch", "--check-claims"),
        ("import", "--into"),
        ("template", "kunming-2022"),
        ("report", "报告文字"),
        ("monitor", "--as-of"),
        ("export", "--monitor-xlsx"),
        ("completions", "powershell"),
    ] {
        for args in [
            vec![command, "--help"],
            vec!["help", command],
            vec![command, "-h"],
        ] {
            let out = run(&args, None);
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(
                text.contains(&format!("Usage: jixiao {command}")),
                "{args:?}: {text}"
            );
            assert!(text.contains(says), "{args:?}: {text}");
        }
    }
    let version = run(&["--version"], None);
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("jixiao {}", env!("CARGO_PKG_VERSION"))
    );
    let none = run(&[], None);
    assert_eq!(none.status.code(), Some(0), "jixiao alone prints the help");
    assert!(String::from_utf8_lossy(&none.stdout).contains("Usage: jixiao"));
}

/// `jixiao completions SHELL` prints a script each shell accepts (bash checks its syntax here).
#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = run(&["completions", shell], None);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(
            script.contains("monitor") && script.contains("monitor-xlsx"),
            "{shell}"
        );
    }
    let bash = run(&["completions", "bash"], None);
    let dir = std::env::temp_dir().join(format!("jixiao-completions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("jixiao.bash");
    std::fs::write(&file, &bash.stdout).unwrap();
    let check = Command::new("bash").arg("-n").arg(&file).output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert_eq!(run(&["completions", "tcsh"], None).status.code(), Some(2));
}
