//! The command line's arguments.

use crate::error::CliError;
use jixiao_core::docx::Outline;
use jixiao_core::whatif::Goal;
use jixiao_core::Lang;

pub const USAGE: &str = "\
jixiao — 绩效自评计算器 (project performance self-evaluation)

用法 Usage:
  jixiao score FILE [--lang zh|en]   计算得分，输出 JSON / print the results as JSON
  jixiao check FILE [--lang zh|en]   列出问题 / list the findings readably
  jixiao seek FILE --path PATH (--grade 优 | --total 90 | --full)
                                     需要多少 / the value of one field that reaches
                                     a grade, a total or full marks on its indicators
  jixiao batch DIR_OR_FILES... [--out summary.csv] [--json] [--check-claims]
               [--docx OUTDIR [--outline 2020|seed]]
                                     批量评分 / score every jixiao/1 file (in parallel):
                                     one row per file, a summary at the end
  jixiao import FORM [-o OUT.json] [--into FILE]
                                     读取自评表、执行监控表或 Word 报告为 jixiao/1 /
                                     read a form, a monitoring form or a Word report
                                     into a jixiao/1 document (--into: the monitoring
                                     round into an existing one)
  jixiao template NAME               输出模板 / print a starting file:
                                     standard, kunming-2022, blank
  jixiao report FILE [--lang zh|en]  报告文字 / the drafted report text
  jixiao monitor FILE [--as-of DATE] [--lang zh|en]
                                     运行监控：序时进度、预警灯、全年预计得分（JSON）/
                                     a monitoring round: time progress, lights, forecast
  jixiao export FILE [--xlsx OUT.xlsx] [--docx OUT.docx [--outline 2020|seed]]
                [--csv DIR] [--text OUT.txt] [--monitor-xlsx OUT.xlsx [--as-of DATE]]
                [--lang zh|en]
                                     自评表 Excel、Word 报告（提纲：财预〔2020〕10号
                                     或 seed：摘要＋正文）、CSV（UTF-8 BOM）、报告文字 /
                                     the form as Excel, the Word report (in the
                                     2020 reference outline or the seed's), the
                                     tables as CSV, the text; 执行监控表 /
                                     the monitoring form of a round
  jixiao --help | --version

FILE 可以是 jixiao/1 文件或自评表工作簿（按内容识别）；为 - 时读取标准输入 /
FILE is a jixiao/1 file or a form workbook (recognised by content); - reads standard input.
退出码 Exit codes: 0 无错误 no error; 1 有错误或文件无法读取 an error finding or an
unreadable file; 2 用法错误 wrong usage.
";

#[derive(Debug, PartialEq)]
pub enum Command {
    Help,
    Version,
    Score {
        file: String,
        lang: Lang,
    },
    Check {
        file: String,
        lang: Lang,
    },
    Template {
        name: String,
    },
    Import {
        file: String,
        out: Option<String>,
        /// `--into FILE`: the round read goes into this document.
        into: Option<String>,
    },
    Seek {
        file: String,
        path: String,
        goal: Goal,
        lang: Lang,
    },
    Batch {
        inputs: Vec<String>,
        out: Option<String>,
        json: bool,
        check_claims: bool,
        lang: Lang,
        /// `--docx OUTDIR`: each file's Word report there.
        reports: Option<String>,
        /// `--outline 2020|seed`: the reports' outline.
        outline: Outline,
    },
    Report {
        file: String,
        lang: Lang,
    },
    Monitor {
        file: String,
        as_of: Option<String>,
        lang: Lang,
    },
    Export {
        file: String,
        lang: Lang,
        outputs: Outputs,
    },
}

/// Where `jixiao export` writes.
#[derive(Debug, PartialEq, Default)]
pub struct Outputs {
    pub xlsx: Option<String>,
    pub docx: Option<String>,
    pub csv: Option<String>,
    pub text: Option<String>,
    /// `--monitor-xlsx OUT`: the 执行监控表 of a round.
    pub monitor_xlsx: Option<String>,
    /// `--as-of DATE`: which round (a blank one of that date when there is none).
    pub as_of: Option<String>,
    /// `--outline 2020|seed`: the Word report's outline.
    pub outline: Outline,
}

pub fn parse(argv: &[String]) -> Result<Command, CliError> {
    let mut lang = Lang::Zh;
    let mut outputs = Outputs::default();
    let mut seek_path: Option<String> = None;
    let (mut out, mut json, mut check_claims) = (None, false, false);
    let mut goal: Option<Goal> = None;
    let mut as_of: Option<String> = None;
    let mut into: Option<String> = None;
    let mut positional: Vec<&str> = Vec::new();
    let mut args = argv.iter();
    while let Some(arg) = args.next() {
        let arg = arg.as_str();
        match arg {
            "-h" | "--help" | "help" if positional.is_empty() => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--lang" => lang = parse_lang(args.next().map(String::as_str))?,
            _ if arg.starts_with("--lang=") => lang = parse_lang(arg.strip_prefix("--lang="))?,
            "--full" => goal = Some(Goal::Full),
            "--json" => json = true,
            "--check-claims" => check_claims = true,
            "--out" | "-o" => {
                out = Some(args.next().cloned().ok_or_else(|| {
                    CliError::Usage("--out 需要路径 / --out needs a path".into())
                })?);
            }
            "--path" | "--grade" | "--total" => {
                let value = args.next().cloned().ok_or_else(|| {
                    CliError::Usage(format!("{arg} 需要取值 / {arg} needs a value"))
                })?;
                match arg {
                    "--path" => seek_path = Some(value),
                    "--grade" => goal = Some(Goal::Grade(value)),
                    _ => {
                        let total = jixiao_core::number::parse_decimal(&value).map_err(|_| {
                            CliError::Usage(format!(
                                "--total 需要数字 / --total needs a number: {value}"
                            ))
                        })?;
                        goal = Some(Goal::Total(total));
                    }
                }
            }
            "--into" => {
                into = Some(args.next().cloned().ok_or_else(|| {
                    CliError::Usage("--into 需要文件 / --into needs a file".into())
                })?);
            }
            "--as-of" => {
                as_of = Some(args.next().cloned().ok_or_else(|| {
                    CliError::Usage("--as-of 需要日期 / --as-of needs a date".into())
                })?);
            }
            "--outline" => {
                let value = args.next().map(String::as_str).unwrap_or_default();
                outputs.outline = Outline::from_key(value).ok_or_else(|| {
                    CliError::Usage(
                        "--outline 只能是 2020 或 seed / --outline takes 2020 or seed".into(),
                    )
                })?;
            }
            "--xlsx" | "--docx" | "--csv" | "--text" | "--monitor-xlsx" => {
                let value = args.next().cloned().ok_or_else(|| {
                    CliError::Usage(format!("{arg} 需要路径 / {arg} needs a path"))
                })?;
                match arg {
                    "--xlsx" => outputs.xlsx = Some(value),
                    "--docx" => outputs.docx = Some(value),
                    "--csv" => outputs.csv = Some(value),
                    "--monitor-xlsx" => outputs.monitor_xlsx = Some(value),
                    _ => outputs.text = Some(value),
                }
            }
            "-" => positional.push(arg),
            _ if arg.starts_with('-') => {
                return Err(CliError::Usage(format!("未知选项 unknown option {arg}")))
            }
            _ => positional.push(arg),
        }
    }
    let operand = |what: &str| -> Result<String, CliError> {
        match positional.as_slice() {
            [_, one] => Ok(one.to_string()),
            [_] => Err(CliError::Usage(format!("缺少 {what} / missing {what}"))),
            _ => Err(CliError::Usage(format!(
                "参数过多 / too many arguments (one {what})"
            ))),
        }
    };
    match positional.first().copied() {
        None => Ok(Command::Help),
        Some("score") => Ok(Command::Score {
            file: operand("FILE")?,
            lang,
        }),
        Some("check") => Ok(Command::Check {
            file: operand("FILE")?,
            lang,
        }),
        Some("import") => Ok(Command::Import {
            file: operand("FORM")?,
            out: out.clone(),
            into: into.clone(),
        }),
        Some("template") => Ok(Command::Template {
            name: operand("NAME")?,
        }),
        Some("seek") => {
            let file = operand("FILE")?;
            let path = seek_path
                .ok_or_else(|| CliError::Usage("seek 需要 --path / seek needs --path".into()))?;
            let goal = goal.ok_or_else(|| {
                CliError::Usage(
                    "seek 需要 --grade、--total 或 --full / seek needs --grade, --total or --full"
                        .into(),
                )
            })?;
            Ok(Command::Seek {
                file,
                path,
                goal,
                lang,
            })
        }
        Some("batch") => {
            let inputs: Vec<String> = positional.iter().skip(1).map(|s| s.to_string()).collect();
            if inputs.is_empty() {
                return Err(CliError::Usage("batch 需要文件或目录 / batch needs files or folders".into()));
            }
            Ok(Command::Batch {
                inputs,
                out,
                json,
                check_claims,
                lang,
                reports: outputs.docx.clone(),
                outline: outputs.outline,
            })
        }
        Some("monitor") => Ok(Command::Monitor {
            file: operand("FILE")?,
            as_of: as_of.clone(),
            lang,
        }),
        Some("report") => Ok(Command::Report {
            file: operand("FILE")?,
            lang,
        }),
        Some("export") => {
            let file = operand("FILE")?;
            outputs.as_of = as_of.clone();
            if outputs
                == (Outputs {
                    outline: outputs.outline,
                    as_of: outputs.as_of.clone(),
                    ..Outputs::default()
                })
            {
                return Err(CliError::Usage(
                    "export 需要 --xlsx、--docx、--csv、--text 或 --monitor-xlsx / export needs --xlsx, --docx, --csv, --text or --monitor-xlsx"
                        .into(),
                ));
            }
            Ok(Command::Export {
                file,
                lang,
                outputs,
            })
        }
        Some(other) => Err(CliError::Usage(format!(
            "未知命令 unknown command {other}（score, check, seek, batch, import, template, report, export, monitor）"
        ))),
    }
}

fn parse_lang(value: Option<&str>) -> Result<Lang, CliError> {
    match value {
        Some("zh") => Ok(Lang::Zh),
        Some("en") => Ok(Lang::En),
        _ => Err(CliError::Usage(
            "--lang 只能是 zh 或 en / --lang takes zh or en".into(),
        )),
    }
}
