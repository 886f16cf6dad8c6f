//! The command line's arguments, by clap (derive): `jixiao help`, `jixiao COMMAND --help`,
//! `--version`, did-you-mean suggestions, and shell completions; help texts in both languages.
//! What clap parses becomes a [`Command`] for `main` to run.

use crate::error::CliError;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use jixiao_core::Goal;
use jixiao_core::Lang;
use jixiao_core::Outline;

const ABOUT: &str = "jixiao — 绩效自评计算器 (project performance self-evaluation)";

const AFTER: &str = "\
FILE 可以是 jixiao/1 文件、自评表工作簿或 Word 报告（按内容识别）；为 - 时读取标准输入 /
FILE is a jixiao/1 file, a form workbook or a Word report (recognised by content); - reads standard input.
退出码 Exit codes: 0 无错误 no error; 1 有错误或文件无法读取 an error finding or an
unreadable file; 2 用法错误 wrong usage.";

#[derive(Parser, Debug)]
#[command(name = "jixiao", version, about = ABOUT, after_help = AFTER, propagate_version = true,
    disable_help_flag = true, disable_version_flag = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Sub>,
    /// 帮助 / print help
    #[arg(short = 'h', long, action = clap::ArgAction::Help, global = true)]
    help: Option<bool>,
    /// 版本 / print the version
    #[arg(short = 'V', long, action = clap::ArgAction::Version)]
    version: Option<bool>,
}

/// `--lang zh|en`.
#[derive(Clone, Copy, Debug, ValueEnum, Default)]
enum LangArg {
    /// 中文
    #[default]
    Zh,
    /// English
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// `--outline 2020|seed`.
#[derive(Clone, Copy, Debug, ValueEnum, Default)]
enum OutlineArg {
    /// 财预〔2020〕10号 参考提纲 / the 2020 reference outline
    #[default]
    #[value(name = "2020")]
    Reference2020,
    /// 摘要＋正文（种子报告）/ the seed report's: summary, then the report
    Seed,
}

impl From<OutlineArg> for Outline {
    fn from(o: OutlineArg) -> Outline {
        match o {
            OutlineArg::Reference2020 => Outline::Reference2020,
            OutlineArg::Seed => Outline::Seed,
        }
    }
}

#[derive(Args, Debug)]
struct LangOpt {
    /// 输出语言 / the output's language
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    lang: LangArg,
}

#[derive(Args, Debug)]
#[group(required = true, multiple = false)]
struct GoalArgs {
    /// 达到等级，如 优 / reach this grade (优, 良, 中)
    #[arg(long, value_name = "GRADE")]
    grade: Option<String>,
    /// 达到总分 / reach this total
    #[arg(long, value_name = "TOTAL", value_parser = total)]
    total: Option<jixiao_core::Decimal>,
    /// 相关指标得满分 / full marks on the indicators the field scores
    #[arg(long)]
    full: bool,
}

fn total(text: &str) -> Result<jixiao_core::Decimal, String> {
    jixiao_core::parse_decimal(text)
        .map_err(|_| format!("--total 需要数字 / --total needs a number: {text}"))
}

#[derive(Subcommand, Debug)]
enum Sub {
    /// 计算得分，输出 JSON / print the results as JSON
    Score {
        /// jixiao/1 文件、工作簿或 Word 报告；- 为标准输入 / a file, or - for standard input
        file: String,
        #[command(flatten)]
        lang: LangOpt,
    },
    /// 列出问题 / list the findings readably
    Check {
        /// 要检查的文件 / the file to check
        file: String,
        #[command(flatten)]
        lang: LangOpt,
    },
    /// 绩效目标审核：申报表的完整性、可衡量性与一致性，及与申报目标的差异 / review the declared targets: complete, measurable, consistent, and changes since the declaration
    Review {
        /// 申报表工作簿或 jixiao/1 文件 / the 申报表 workbook or a jixiao/1 file
        file: String,
        /// 输出 JSON / print the findings as JSON, as score does
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        lang: LangOpt,
    },
    /// 生成下一年度：同样的指标、分值与目标，清除本年的实际值 / the next year's document: the same tree, points and targets, this year's actuals cleared
    Plan {
        /// 本年度文件 / this year's file
        file: String,
        /// 下一年度 / the next year
        #[arg(long, value_name = "YYYY")]
        year: i32,
        /// 写入文件（默认标准输出）/ write to this file (standard output by default)
        #[arg(long, short = 'o', value_name = "OUT.json")]
        out: Option<String>,
        #[command(flatten)]
        lang: LangOpt,
    },
    /// 需要多少：某一字段取何值可达到等级、总分或满分 / the value of one field that reaches a grade, a total or full marks
    Seek {
        /// 文件 / the file
        file: String,
        /// 字段路径，如 budget/b3/spent / the field's path
        #[arg(long)]
        path: String,
        #[command(flatten)]
        goal: GoalArgs,
        #[command(flatten)]
        lang: LangOpt,
    },
    /// 批量评分：每个文件一行，最后汇总 / score every file (in parallel): one row per file, a summary at the end
    Batch {
        /// 文件或文件夹 / files or folders
        #[arg(required = true, value_name = "DIR_OR_FILES")]
        inputs: Vec<String>,
        /// 汇总表（.csv 或 .xlsx）/ the summary (.csv or .xlsx)
        #[arg(long, short = 'o', value_name = "OUT")]
        out: Option<String>,
        /// 输出 JSON / JSON instead of CSV
        #[arg(long)]
        json: bool,
        /// 核对印出的数字 / check the printed figures
        #[arg(long)]
        check_claims: bool,
        /// 绩效目标审核：每个申报表或文件的审核意见数，错误最多的在前 / review each 申报表 or document's targets, most errors first
        #[arg(long, conflicts_with_all = ["check_claims", "docx"])]
        review: bool,
        /// 每个文件的 Word 报告写入此文件夹 / each file's Word report into this folder
        #[arg(long, value_name = "OUTDIR")]
        docx: Option<String>,
        /// Word 报告提纲 / the Word reports' outline
        #[arg(long, value_enum, default_value_t = OutlineArg::Reference2020)]
        outline: OutlineArg,
        #[command(flatten)]
        lang: LangOpt,
    },
    /// 读取自评表、执行监控表或 Word 报告为 jixiao/1 / read a form, a monitoring form or a Word report into a jixiao/1 document
    Import {
        /// 工作簿或 Word 报告 / the workbook or Word report
        form: String,
        /// 写入文件（默认标准输出）/ write to this file (standard output by default)
        #[arg(long, short = 'o', value_name = "OUT.json")]
        out: Option<String>,
        /// 把执行监控表的轮次或申报表的申报目标写入已有文件 / the monitoring round, or the 申报表's declaration, into this existing document
        #[arg(long, value_name = "FILE")]
        into: Option<String>,
    },
    /// 输出模板：standard、kunming-2022、blank / print a starting file
    Template {
        /// standard, kunming-2022, blank
        name: String,
    },
    /// 报告文字 / the drafted report text
    Report {
        /// 文件 / the file
        file: String,
        #[command(flatten)]
        lang: LangOpt,
    },
    /// 运行监控：序时进度、预警灯、全年预计得分（JSON）/ a monitoring round: time progress, lights, forecast
    Monitor {
        /// 文件 / the file
        file: String,
        /// 监控截至日期（默认最近一轮）/ the round of this date (the latest by default)
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[command(flatten)]
        lang: LangOpt,
    },
    /// 导出：自评表 Excel、Word 报告、CSV、报告文字、执行监控表 / the form as Excel, the Word report, CSV, the text, the monitoring form
    #[command(group(clap::ArgGroup::new("outputs").required(true).multiple(true)
        .args(["xlsx", "docx", "csv", "text", "monitor_xlsx", "targets_xlsx"])))]
    Export {
        /// 文件 / the file
        file: String,
        /// 自评表 Excel / the form as a workbook
        #[arg(long, value_name = "OUT.xlsx")]
        xlsx: Option<String>,
        /// Word 报告 / the Word report
        #[arg(long, value_name = "OUT.docx")]
        docx: Option<String>,
        /// Word 报告提纲 / the Word report's outline
        #[arg(long, value_enum, default_value_t = OutlineArg::Reference2020)]
        outline: OutlineArg,
        /// CSV 表格（UTF-8 BOM）写入此文件夹 / the tables as CSV into this folder
        #[arg(long, value_name = "DIR")]
        csv: Option<String>,
        /// 报告文字 / the drafted text
        #[arg(long, value_name = "OUT.txt")]
        text: Option<String>,
        /// 执行监控表 / the monitoring form of a round
        #[arg(long, value_name = "OUT.xlsx")]
        monitor_xlsx: Option<String>,
        /// 监控轮次的截至日期（没有该轮次时导出空白表）/ the round's date (a blank form when there is none)
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// 绩效目标申报表 / the 申报表 (performance targets form)
        #[arg(long, value_name = "OUT.xlsx")]
        targets_xlsx: Option<String>,
        #[command(flatten)]
        lang: LangOpt,
    },
    /// 输出 shell 补全脚本 / print a shell completion script
    Completions {
        /// bash, zsh, fish, powershell, elvish
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, PartialEq)]
pub(crate) enum Command {
    /// Text for standard output (help, version, completions), exit 0.
    Print(String),
    Score {
        file: String,
        lang: Lang,
    },
    Check {
        file: String,
        lang: Lang,
    },
    Review {
        file: String,
        json: bool,
        lang: Lang,
    },
    Plan {
        file: String,
        year: i32,
        out: Option<String>,
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
        /// `--review`: the targets' review of each file instead of its score.
        review: bool,
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
pub(crate) struct Outputs {
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
    /// `--targets-xlsx OUT`: the 绩效目标申报表.
    pub targets_xlsx: Option<String>,
}

/// The whole help (`jixiao --help`), also printed for `jixiao` alone.
pub(crate) fn help() -> String {
    Cli::command().render_long_help().to_string()
}

/// Parses the arguments (without the program's name).
pub(crate) fn parse(argv: &[String]) -> Result<Command, CliError> {
    let args = std::iter::once("jixiao".to_string()).chain(argv.iter().cloned());
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp
                | clap::error::ErrorKind::DisplayVersion
                | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                    Ok(Command::Print(e.render().to_string()))
                }
                // clap's message (in English, with its suggestion) under a line in both languages.
                _ => Err(CliError::Usage(format!(
                    "用法错误 / wrong usage\n{}",
                    e.render().to_string().trim_end()
                ))),
            };
        }
    };
    Ok(match cli.command {
        None => Command::Print(help()),
        Some(Sub::Score { file, lang }) => Command::Score {
            file,
            lang: lang.lang.into(),
        },
        Some(Sub::Check { file, lang }) => Command::Check {
            file,
            lang: lang.lang.into(),
        },
        Some(Sub::Review { file, json, lang }) => Command::Review {
            file,
            json,
            lang: lang.lang.into(),
        },
        Some(Sub::Plan {
            file,
            year,
            out,
            lang,
        }) => Command::Plan {
            file,
            year,
            out,
            lang: lang.lang.into(),
        },
        Some(Sub::Seek {
            file,
            path,
            goal,
            lang,
        }) => Command::Seek {
            file,
            path,
            goal: match (goal.grade, goal.total, goal.full) {
                (Some(g), _, _) => Goal::Grade(g),
                (None, Some(t), _) => Goal::Total(t),
                _ => Goal::Full,
            },
            lang: lang.lang.into(),
        },
        Some(Sub::Batch {
            inputs,
            out,
            json,
            check_claims,
            review,
            docx,
            outline,
            lang,
        }) => Command::Batch {
            inputs,
            out,
            json,
            check_claims,
            review,
            lang: lang.lang.into(),
            reports: docx,
            outline: outline.into(),
        },
        Some(Sub::Import { form, out, into }) => Command::Import {
            file: form,
            out,
            into,
        },
        Some(Sub::Template { name }) => Command::Template { name },
        Some(Sub::Report { file, lang }) => Command::Report {
            file,
            lang: lang.lang.into(),
        },
        Some(Sub::Monitor { file, as_of, lang }) => Command::Monitor {
            file,
            as_of,
            lang: lang.lang.into(),
        },
        Some(Sub::Export {
            file,
            xlsx,
            docx,
            outline,
            csv,
            text,
            monitor_xlsx,
            as_of,
            targets_xlsx,
            lang,
        }) => Command::Export {
            file,
            lang: lang.lang.into(),
            outputs: Outputs {
                xlsx,
                docx,
                csv,
                text,
                monitor_xlsx,
                as_of,
                outline: outline.into(),
                targets_xlsx,
            },
        },
        Some(Sub::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "jixiao", &mut out);
            Command::Print(String::from_utf8_lossy(&out).into_owned())
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_definition_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
