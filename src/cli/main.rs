//! `jixiao`: the command line over the scoring core.
//!
//! ```text
//! jixiao score FILE [--lang zh|en]     results as JSON; exit 1 when there is an error finding
//! jixiao check FILE [--lang zh|en]     findings, readably; exit 1 when there is an error
//! jixiao template NAME                 a starting file: standard, kunming-2022, blank
//! jixiao seek FILE --path PATH (--grade 优 | --total 90 | --full)   需要多少
//! jixiao batch DIR_OR_FILES... [--out summary.csv] [--json] [--check-claims]
//! jixiao batch DIR_OR_FILES... --review [--out summary.xlsx]   each 申报表's review, most errors first
//! jixiao report FILE [--lang zh|en]    the drafted report text
//! jixiao review FILE [--json]          绩效目标审核: the declared targets reviewed
//! jixiao plan FILE --year YYYY [-o OUT] the next year's document
//! jixiao export FILE [--xlsx OUT] [--docx OUT] [--csv DIR] [--text OUT] [--monitor-xlsx OUT]
//!                    [--targets-xlsx OUT]   what staff hand in
//! jixiao import FORM [-o OUT] [--into FILE]   a form, a monitoring form or a 申报表 read
//! ```
//! FILE `-` is standard input.

// The lints are the workspace's; unit tests, whose assertions panic on purpose, allow these.
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

/// Reading and scoring many small files is mostly allocating and freeing small strings:
/// mimalloc does that faster than the system allocator (`scripts/bench-batch`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod args;
mod batch;
mod batch_review;
mod error;
mod export;
mod input;
mod output;

use args::Command;
use error::CliError;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    // A panic (a bug; the core is built not to) is reported in one line below, not by the default
    // hook; a damaged workbook that makes the parser panic is caught as an unreadable file.
    std::panic::set_hook(Box::new(|_| {}));
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let outcome = std::panic::catch_unwind(|| args::parse(&argv).and_then(run));
    let Ok(outcome) = outcome else {
        eprintln!("jixiao: 内部错误，请把输入文件报告给开发者 / internal error: please report the input file");
        return ExitCode::from(1);
    };
    match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("jixiao: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(command: Command) -> Result<ExitCode, CliError> {
    match command {
        Command::Print(text) => {
            print(&text);
            Ok(ExitCode::SUCCESS)
        }
        Command::Import { file, out, into } => {
            let (read, summary) = input::load_read(&file)?;
            // What was read, and what could not be, on standard error (the document on output).
            if let Some(summary) = summary {
                eprintln!("jixiao: {}", jixiao_core::Message::zh(&summary));
            }
            let doc = match into {
                None => read,
                Some(target) => {
                    let mut doc = input::load(&target)?;
                    if read.declared.is_some() {
                        if let Some(recorded) = jixiao_core::record_declaration(&mut doc, &read) {
                            eprintln!("jixiao: {}", jixiao_core::Message::zh(&recorded));
                        }
                    } else if read.monitoring.is_empty() {
                        return Err(CliError::Usage(format!(
                            "--into 只用于执行监控表或绩效目标申报表，{file} 两者都不是 / --into takes a monitoring form or a 申报表; {file} is neither"
                        )));
                    } else {
                        for merged in jixiao_core::merge_round(&mut doc, &read) {
                            eprintln!("jixiao: {}", jixiao_core::Message::zh(&merged));
                        }
                    }
                    doc
                }
            };
            let text = format!("{}\n", jixiao_core::to_string_pretty(&doc));
            match out {
                Some(path) => std::fs::write(&path, text).map_err(|error| CliError::Write {
                    file: path.clone(),
                    error,
                })?,
                None => print(&text),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Template { name } => {
            let text = jixiao_core::template_text(&name).ok_or(CliError::UnknownTemplate(name))?;
            print(text);
            Ok(ExitCode::SUCCESS)
        }
        Command::Score { file, lang } => {
            let mut doc = input::load(&file)?;
            let eval = jixiao_core::audit(&doc);
            // The scenarios scored on the document itself (no copy of it), and the results
            // written as they are made: a large document's results are never held whole.
            let compared = jixiao_core::compare_scenarios(&mut doc, &eval);
            let results = jixiao_core::results_of(&doc, &eval, lang).with_compared(compared);
            print_json(&results);
            Ok(exit_for(&eval))
        }
        Command::Seek {
            file,
            path,
            goal,
            lang,
        } => {
            let doc = input::load(&file)?;
            let path: jixiao_core::FieldPath = path
                .parse()
                .map_err(|e| CliError::Seek(jixiao_core::SeekError::Path(e)))?;
            let answer = jixiao_core::seek(&doc, &path, &goal).map_err(CliError::Seek)?;
            print(&format!(
                "{:#}\n",
                jixiao_core::seek_json(&doc, &path, &goal, &answer, lang)
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Batch {
            inputs,
            out,
            json,
            review: true,
            lang,
            ..
        } => batch_review::run(&inputs, out.as_deref(), json, lang),
        Command::Batch {
            inputs,
            out,
            json,
            check_claims,
            review: false,
            lang,
            reports,
            outline,
        } => batch::run(
            &inputs,
            out.as_deref(),
            json,
            check_claims,
            lang,
            reports.as_deref().map(|dir| (dir, outline)),
        ),
        Command::Monitor { file, as_of, lang } => {
            let doc = input::load(&file)?;
            let round = jixiao_core::monitoring_round(&doc, as_of.as_deref()).ok_or_else(|| {
                CliError::Usage(match &as_of {
                    Some(d) => {
                        format!("没有截至 {d} 的监控轮次 / no monitoring round as of {d}")
                    }
                    None => "文件中没有监控轮次 / the file has no monitoring round".into(),
                })
            })?;
            let eval = jixiao_core::audit(&doc);
            let out = jixiao_core::monitor_json(&doc, &eval, round, lang);
            print(&format!("{out:#}\n"));
            // The round's findings decide, as printed: in the middle of the year the year-end
            // figures are not there yet, and that is not the round's error.
            let round_error = eval.findings.iter().any(|f| {
                f.level() == jixiao_core::Level::Error
                    && matches!(&f.path, jixiao_core::FieldPath::Round(as_of, _) if *as_of == round.as_of)
            });
            Ok(if round_error {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Report { file, lang } => {
            let doc = input::load(&file)?;
            let eval = jixiao_core::audit(&doc);
            print(&jixiao_core::draft_text(&doc, &eval, lang));
            Ok(exit_for(&eval))
        }
        Command::Export {
            file,
            lang,
            outputs,
        } => {
            let doc = input::load(&file)?;
            let eval = jixiao_core::audit(&doc);
            for written in export::write_all(&doc, &eval, lang, &outputs)? {
                eprintln!("jixiao: {written}");
            }
            Ok(exit_for(&eval))
        }
        Command::Review { file, json, lang } => {
            let doc = input::load(&file)?;
            let findings = output::review_findings(&doc);
            if json {
                print_json(&serde_json::json!({
                    "errors": findings.iter().filter(|f| f.level() == jixiao_core::Level::Error).count(),
                    "warnings": findings.iter().filter(|f| f.level() == jixiao_core::Level::Warning).count(),
                    "findings": findings.iter().map(|f| jixiao_core::finding_json(f, lang)).collect::<Vec<_>>(),
                }));
            } else {
                print(&output::review_text(&file, &doc, &findings, lang));
            }
            Ok(
                if findings
                    .iter()
                    .any(|f| f.level() == jixiao_core::Level::Error)
                {
                    ExitCode::FAILURE
                } else {
                    ExitCode::SUCCESS
                },
            )
        }
        Command::Plan {
            file,
            year,
            out,
            lang,
        } => {
            let doc = input::load(&file)?;
            let eval = jixiao_core::audit(&doc);
            let next = jixiao_core::next_year(&doc, &eval, year);
            for r in &next.reconsider {
                eprintln!("jixiao: {}", jixiao_core::Message::text(r, lang));
            }
            let text = format!("{}\n", jixiao_core::to_string_pretty(&next.doc));
            match out {
                Some(path) => std::fs::write(&path, text).map_err(|error| CliError::Write {
                    file: path.clone(),
                    error,
                })?,
                None => print(&text),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { file, lang } => {
            let doc = input::load(&file)?;
            let eval = jixiao_core::audit(&doc);
            print(&output::check_text(&file, &doc, &eval, lang));
            Ok(exit_for(&eval))
        }
    }
}

fn exit_for(eval: &jixiao_core::Evaluation) -> ExitCode {
    if eval.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes `value` as indented JSON and a newline to standard output as it is serialised,
/// ignoring a closed pipe.
fn print_json(value: &impl serde::Serialize) {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let _ = serde_json::to_writer_pretty(&mut out, value)
        .map_err(std::io::Error::from)
        .and_then(|_| out.write_all(b"\n"))
        .and_then(|_| out.flush());
}

/// Writes to standard output, ignoring a closed pipe (`jixiao score f | head`).
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
}
