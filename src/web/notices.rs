//! What the page tells the user (the notice bar), each notice a [`Message`] in both languages:
//! what was opened, saved, copied or refused. The reducer and the components name a notice;
//! only this file words it.

use jixiao_core::Message;

/// Something another part said, kept in both languages to be shown in either (a form's summary,
/// why a file does not read, what the form reader answered).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Said {
    zh: String,
    en: String,
}

impl Said {
    pub(crate) fn of(message: &dyn Message) -> Said {
        Said {
            zh: message.zh(),
            en: message.en(),
        }
    }

    /// What the form reader module answered (it words its errors in both languages itself).
    pub(crate) fn pair(zh: String, en: String) -> Said {
        Said { zh, en }
    }
}

impl Message for Said {
    fn zh(&self) -> String {
        self.zh.clone()
    }

    fn en(&self) -> String {
        self.en.clone()
    }
}

/// A notice of the page.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Notice {
    /// A `jixiao/1` file replaced the work (undo brings it back).
    Imported { name: String },
    /// A form workbook or a Word report was read into the work.
    FormRead {
        name: String,
        report: bool,
        /// A 绩效目标申报表, not a 自评表.
        declaration: bool,
        summary: Said,
    },
    /// A monitoring form was read into the open document's round.
    RoundRead { name: String, merged: Vec<Said> },
    /// A file could not be imported; the work is unchanged.
    CannotImport { name: String, why: Said },
    /// A file is over the import limit.
    TooLarge { name: String },
    /// A file could not be read at all.
    CannotRead { name: String },
    /// A workbook is being read by the reader module.
    Reading { name: String },
    /// The reader module failed or could not be loaded.
    ReaderFailed { name: String },
    /// The autosaved work could not be read; it was set aside.
    AutosaveUnreadable { why: Said },
    /// The browser refused to save.
    StorageRefused,
    /// Another tab saved the same work.
    OtherTabSaved,
    /// A download could not be started.
    DownloadFailed,
    /// The report text was copied.
    ReportCopied,
    /// The browser refused to copy.
    CopyRefused,
    /// A pasted block had more rows than the table.
    PastedPast { left: usize },
    /// A new document from a template replaced the work.
    NewDocument,
    /// Recording a scenario began.
    RecordingScenario,
    /// A scenario was saved and the base restored.
    ScenarioSaved { name: String, count: usize },
    /// The browser cannot make share links.
    ShareUnsupported,
    /// Making the share link failed.
    ShareFailed,
    /// The browser cannot open share links.
    ShareOpenUnsupported,
    /// The link's document does not read.
    LinkUnreadable { why: Said },
    /// The link is incomplete or damaged.
    LinkDamaged,
    /// The link's document was opened.
    LinkOpened,
    /// The link's document was not opened.
    LinkDeclined,
    /// The link's document, offered: its title, indicators and score.
    LinkOffer {
        title: String,
        indicators: usize,
        total: String,
        max: String,
    },
    /// The served page was updated to a new version.
    Updated,
    /// The targets as they stand were recorded as declared (记录为申报目标).
    Declared { count: usize, date: String },
    /// A 申报表 was read into the open document as its declaration (`import --into`).
    DeclarationRead { name: String, said: Said },
    /// The next year's document replaced the work; the targets worth reconsidering.
    NextYear { year: i32, reconsider: Vec<Said> },
}

impl Notice {
    /// Whether it says that something went wrong (shown as an alert).
    pub(crate) fn is_error(&self) -> bool {
        matches!(
            self,
            Notice::CannotImport { .. }
                | Notice::TooLarge { .. }
                | Notice::CannotRead { .. }
                | Notice::ReaderFailed { .. }
                | Notice::AutosaveUnreadable { .. }
                | Notice::StorageRefused
                | Notice::OtherTabSaved
                | Notice::DownloadFailed
                | Notice::CopyRefused
                | Notice::PastedPast { .. }
                | Notice::ShareUnsupported
                | Notice::ShareFailed
                | Notice::ShareOpenUnsupported
                | Notice::LinkUnreadable { .. }
                | Notice::LinkDamaged
        )
    }
}

impl Message for Notice {
    fn zh(&self) -> String {
        match self {
            Notice::Imported { name } => format!("已导入 {name}（可撤销）"),
            Notice::FormRead {
                name,
                report: true,
                summary,
                ..
            } => format!("已从 {name} 读取自评报告（可撤销）：{}", summary.zh()),
            Notice::FormRead {
                name,
                declaration: true,
                summary,
                ..
            } => format!("已从 {name} 读取申报表（可撤销）：{}", summary.zh()),
            Notice::FormRead { name, summary, .. } => {
                format!("已从 {name} 读取自评表（可撤销）：{}", summary.zh())
            }
            Notice::RoundRead { name, merged } => {
                let merged: Vec<String> = merged.iter().map(Message::zh).collect();
                format!("已从“{name}”读取执行监控表。{}", merged.join(""))
            }
            Notice::CannotImport { name, why } => {
                format!("无法导入 {name}：{}。当前内容未改动。", why.zh())
            }
            Notice::TooLarge { name } => format!("{name} 过大（上限 8 MiB），未导入；当前内容未改动。"),
            Notice::CannotRead { name } => format!("无法读取 {name}；当前内容未改动。"),
            Notice::Reading { name } => format!("正在读取 {name}…"),
            Notice::ReaderFailed { name } => {
                format!("无法读取 {name}：文件已损坏，或读取模块无法载入；当前内容未改动。")
            }
            Notice::AutosaveUnreadable { why } => format!(
                "自动保存的内容无法读取（{}），已另存并打开标准模板。",
                why.zh()
            ),
            Notice::StorageRefused => {
                "浏览器拒绝保存（存储空间已满或被禁用）：请导出 JSON 以免丢失。".into()
            }
            Notice::OtherTabSaved => "另一个标签页刚刚修改并保存了这份工作。两个标签页同时编辑时，最后保存的一方会覆盖另一方；要改用另一个标签页的版本，请重新载入本页。".into(),
            Notice::DownloadFailed => "无法下载文件".into(),
            Notice::ReportCopied => "报告文字已复制，可直接粘贴。".into(),
            Notice::CopyRefused => "浏览器不允许复制：请在下方文字中全选后复制。".into(),
            Notice::PastedPast { left } => format!(
                "粘贴的内容比表格多 {left} 行，多出的行未粘贴；在表格上方的空白处粘贴可添加新行。"
            ),
            Notice::NewDocument => "已新建；原内容可用“撤销”找回。".into(),
            Notice::RecordingScenario => "正在编辑情景：现在的修改会保存为情景，不改变原文档。改完后在“情景”页保存或放弃。".into(),
            Notice::ScenarioSaved { name, count } => {
                format!("已保存情景“{name}”（{count} 处修改），原文档已恢复。")
            }
            Notice::ShareUnsupported => {
                "此浏览器不能生成分享链接（需要较新的浏览器）；请导出 JSON 文件发送。".into()
            }
            Notice::ShareFailed => "无法生成分享链接；请导出 JSON 文件发送。".into(),
            Notice::ShareOpenUnsupported => "此浏览器不能打开分享链接（需要 Chromium 103、Firefox 113 或 Safari 16.4 以上）；当前内容未改动。请让对方发送 JSON 文件。".into(),
            Notice::LinkUnreadable { why } => {
                format!("链接中的文档无法读取（{}）；当前内容未改动。", why.zh())
            }
            Notice::LinkDamaged => "链接不完整或已损坏（可能被聊天工具截断）；当前内容未改动。请让对方发送 JSON 文件。".into(),
            Notice::LinkOpened => "已打开链接中的文档；原内容可用“撤销”找回。".into(),
            Notice::LinkDeclined => "未打开链接中的文档，当前内容未改动。".into(),
            Notice::LinkOffer {
                title,
                indicators,
                total,
                max,
            } => format!(
                "《{}》：{indicators} 个指标，得分 {total} / {max}",
                if title.is_empty() { "未命名" } else { title }
            ),
            Notice::Updated => "已更新到新版本。你的工作仍在，计分规则不变。".into(),
            Notice::Declared { count, date } => format!(
                "已将当前 {count} 个指标的年度指标值和分值记录为申报目标（{date}）；此后的修改将标为“已调整”（可撤销）。"
            ),
            Notice::DeclarationRead { name, said } => {
                format!("已从“{name}”读取申报表（可撤销）：{}", said.zh())
            }
            Notice::NextYear { year, reconsider } if reconsider.is_empty() => format!(
                "已生成 {year} 年度的文件：指标、分值和目标沿用，实际完成情况已清空；原文件可用“撤销”找回。"
            ),
            Notice::NextYear { year, reconsider } => {
                let items: Vec<String> = reconsider.iter().map(Message::zh).collect();
                format!(
                    "已生成 {year} 年度的文件（原文件可用“撤销”找回）。值得重新考虑的目标：{}",
                    items.join("；")
                )
            }
        }
    }

    fn en(&self) -> String {
        match self {
            Notice::Imported { name } => {
                format!("Imported {name} (undo restores the previous work)")
            }
            Notice::FormRead {
                name,
                report: true,
                summary,
                ..
            } => format!(
                "Read the report {name} (undo restores your work): {}",
                summary.en()
            ),
            Notice::FormRead {
                name,
                declaration: true,
                summary,
                ..
            } => format!(
                "Read the targets form {name} (undo restores your work): {}",
                summary.en()
            ),
            Notice::FormRead { name, summary, .. } => format!(
                "Read the form {name} (undo restores your work): {}",
                summary.en()
            ),
            Notice::RoundRead { name, merged } => {
                let merged: Vec<String> = merged.iter().map(Message::en).collect();
                format!("Read the monitoring form “{name}”. {}", merged.join(" "))
            }
            Notice::CannotImport { name, why } => {
                format!("Cannot import {name}: {}. Your work is unchanged.", why.en())
            }
            Notice::TooLarge { name } => {
                format!("{name} is too large (the limit is 8 MiB); nothing was imported.")
            }
            Notice::CannotRead { name } => format!("Cannot read {name}; your work is unchanged."),
            Notice::Reading { name } => format!("Reading {name}…"),
            Notice::ReaderFailed { name } => format!("Cannot read {name}: the file is damaged, or the reader could not be loaded; your work is unchanged."),
            Notice::AutosaveUnreadable { why } => format!(
                "The autosaved work could not be read ({}); it was set aside and the standard template opened.",
                why.en()
            ),
            Notice::StorageRefused => "The browser refused to save (storage full or disabled): export JSON to keep your work.".into(),
            Notice::OtherTabSaved => "Another tab has just changed and saved this work. When two tabs edit at once the last save wins; reload this page to take the other tab's version.".into(),
            Notice::DownloadFailed => "The download failed".into(),
            Notice::ReportCopied => "The report text is copied.".into(),
            Notice::CopyRefused => {
                "The browser refused to copy: select the text below and copy it.".into()
            }
            Notice::PastedPast { left } => format!("The pasted block had {left} more row(s) than the table; they were left out. Paste above the table to add rows."),
            Notice::NewDocument => "New document opened; Undo brings back the previous one.".into(),
            Notice::RecordingScenario => "Recording a scenario: your edits are kept apart from the base. Save or discard them on the Scenarios tab.".into(),
            Notice::ScenarioSaved { name, count } => {
                format!("Saved scenario \"{name}\" ({count} changes); the base is restored.")
            }
            Notice::ShareUnsupported => "This browser cannot make share links (a newer browser is needed); export a JSON file and send that.".into(),
            Notice::ShareFailed => {
                "Could not make the share link; export a JSON file and send that.".into()
            }
            Notice::ShareOpenUnsupported => "This browser cannot open share links (Chromium 103, Firefox 113 or Safari 16.4 and later are needed); your work is unchanged. Ask for the JSON file instead.".into(),
            Notice::LinkUnreadable { why } => format!(
                "The document in the link cannot be read ({}); your work is unchanged.",
                why.en()
            ),
            Notice::LinkDamaged => "The link is incomplete or damaged (a chat tool may have cut it); your work is unchanged. Ask for the JSON file instead.".into(),
            Notice::LinkOpened => {
                "Opened the document in the link; Undo brings back your previous work.".into()
            }
            Notice::LinkDeclined => {
                "The document in the link was not opened; your work is unchanged.".into()
            }
            Notice::LinkOffer {
                title,
                indicators,
                total,
                max,
            } => format!(
                "\"{}\": {indicators} indicators, score {total} / {max}",
                if title.is_empty() { "untitled" } else { title }
            ),
            Notice::Updated => {
                "Updated to a new version. Your work is still here; the rules are unchanged."
                    .into()
            }
            Notice::Declared { count, date } => format!(
                "The targets and points of the {count} indicators are recorded as declared ({date}); changes from now on are marked \"changed\" (undo takes it back)."
            ),
            Notice::DeclarationRead { name, said } => {
                format!("Read the targets form “{name}” (undo takes it back): {}", said.en())
            }
            Notice::NextYear { year, reconsider } if reconsider.is_empty() => format!(
                "The {year} document is open: the indicators, points and targets carried over, this year's results cleared; Undo brings back this year."
            ),
            Notice::NextYear { year, reconsider } => {
                let items: Vec<String> = reconsider.iter().map(Message::en).collect();
                format!(
                    "The {year} document is open (Undo brings back this year). Targets worth reconsidering: {}",
                    items.join("; ")
                )
            }
        }
    }
}
