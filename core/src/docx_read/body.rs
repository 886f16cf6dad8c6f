//! A Word document's body as blocks in document order: paragraphs with their style and heading
//! level, and tables with merged cells resolved (a cell spanning columns or merged down gives its
//! text to every grid cell it covers, as python-docx reads it). Read as Word, WPS and LibreOffice
//! write it: styles by id or by name, content controls (`w:sdt`) read through, fields as their
//! shown result, tracked changes as accepted (insertions kept, deletions dropped), tables inside
//! tables read as tables of their own after the one holding them. One pass over the XML without
//! recursion, so nesting depth costs nothing but a counter.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;

/// Tables nested deeper than this are read as text of their cell.
const MAX_TABLE_DEPTH: usize = 16;
/// Columns of one table at most (a larger `gridSpan` is cut).
const MAX_COLUMNS: usize = 256;

/// A paragraph: its text, its style's name and its heading level (1 for `一、` headings) if any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Paragraph {
    pub(crate) text: String,
    pub(crate) style: String,
    pub(crate) level: Option<u8>,
}

/// A table as rows of cell texts, merged cells resolved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Table {
    pub(crate) rows: Vec<Vec<String>>,
}

/// One block of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// A style of `styles.xml`: its name and outline level.
#[derive(Clone, Debug, Default)]
pub(crate) struct Style {
    name: String,
    level: Option<u8>,
    based_on: Option<String>,
}

/// The styles of `styles.xml` by id.
pub(crate) fn styles(xml: &str) -> HashMap<String, Style> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<(String, Style)> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match local(&e).as_str() {
                "style" => {
                    if let Some((id, style)) = current.take() {
                        out.insert(id, style);
                    }
                    current = attr(&e, "styleId").map(|id| (id, Style::default()));
                }
                "name" => {
                    if let (Some((_, s)), Some(v)) = (current.as_mut(), attr(&e, "val")) {
                        s.name = v;
                    }
                }
                "basedOn" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.based_on = attr(&e, "val");
                    }
                }
                "outlineLvl" => {
                    if let Some((_, s)) = current.as_mut() {
                        s.level = outline_level(&e);
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.local_name().as_ref() == "style" => {
                if let Some((id, style)) = current.take() {
                    out.insert(id, style);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// The heading level a style's name says: `heading 1`, `Heading1`, `标题 1`, `标题1`.
fn level_of_name(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?;
    let n: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&n).then_some(n)
}

/// A style's name and heading level, following `basedOn` (at most a few steps).
fn resolve(styles: &HashMap<String, Style>, id: &str) -> (String, Option<u8>) {
    let Some(style) = styles.get(id) else {
        // No styles part: the id is what we have (`Heading1`, or a name WPS wrote as id).
        return (id.to_string(), level_of_name(id));
    };
    let name = if style.name.is_empty() {
        id.to_string()
    } else {
        style.name.clone()
    };
    let mut level = level_of_name(&name).or(style.level);
    let mut next = style.based_on.clone();
    for _ in 0..8 {
        if level.is_some() {
            break;
        }
        let Some(parent) = next.as_ref().and_then(|p| styles.get(p)) else {
            break;
        };
        level = level_of_name(&parent.name).or(parent.level);
        next = parent.based_on.clone();
    }
    (name, level)
}

/// The local name of an element (`p` of `w:p`), whatever its prefix.
fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_string()
}

/// The value of the attribute whose local name is `name` (`w:val` or `val`).
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

/// `w:outlineLvl w:val="0"` is heading level 1; 9 means body text.
fn outline_level(e: &BytesStart<'_>) -> Option<u8> {
    let v: u8 = attr(e, "val")?.parse().ok()?;
    (v < 9).then(|| v.saturating_add(1))
}

/// A cell being read: its text, its column span and whether it continues a vertical merge.
#[derive(Default)]
struct CellState {
    paragraphs: Vec<String>,
    span: usize,
    continues: bool,
}

/// A table being read.
#[derive(Default)]
struct TableState {
    rows: Vec<Vec<(String, usize, bool)>>,
    row: Vec<(String, usize, bool)>,
    cell: Option<CellState>,
    /// Tables found inside this one, written after it.
    inner: Vec<Table>,
}

impl TableState {
    /// The rows with spans repeated and vertical merges filled from the cell above.
    fn finish(self) -> (Table, Vec<Table>) {
        let mut rows: Vec<Vec<String>> = Vec::with_capacity(self.rows.len());
        for cells in self.rows {
            let mut row: Vec<String> = Vec::new();
            for (text, span, continues) in cells {
                let col = row.len();
                let text = if continues {
                    rows.last()
                        .and_then(|above| above.get(col))
                        .cloned()
                        .unwrap_or_default()
                } else {
                    text
                };
                for _ in 0..span.clamp(1, MAX_COLUMNS) {
                    if row.len() < MAX_COLUMNS {
                        row.push(text.clone());
                    }
                }
            }
            rows.push(row);
        }
        (Table { rows }, self.inner)
    }
}

/// What is being read where the parser stands.
#[derive(Default)]
struct State {
    blocks: Vec<Block>,
    tables: Vec<TableState>,
    /// The paragraph being read: its text, style id and own outline level.
    paragraph: Option<(String, Option<String>, Option<u8>)>,
    /// Inside `w:t` (`w:instrText`, `w:delText` are not shown).
    in_text: bool,
    /// Inside a run (`w:r`): where `w:tab` and `w:br` are characters, not tab stops.
    in_run: bool,
    /// Depth inside elements whose text is not the document's (deletions, field codes, drawings,
    /// the fallback of alternate content, comments' anchors): their text is skipped.
    hidden: usize,
    /// Complex fields open (`fldChar begin`), and whether each has reached its result.
    fields: Vec<bool>,
}

impl State {
    fn push_text(&mut self, text: &str) {
        if self.hidden > 0 || self.fields.last() == Some(&false) {
            return;
        }
        if let Some((p, _, _)) = self.paragraph.as_mut() {
            p.push_str(text);
        }
    }

    fn end_paragraph(&mut self, styles: &HashMap<String, Style>) {
        let Some((text, style, own_level)) = self.paragraph.take() else {
            return;
        };
        match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => cell.paragraphs.push(text),
            None => {
                let (name, level) = style
                    .as_deref()
                    .map_or((String::new(), None), |id| resolve(styles, id));
                self.blocks.push(Block::Paragraph(Paragraph {
                    text,
                    style: name,
                    level: own_level.or(level),
                }));
            }
        }
    }
}

/// Elements whose text is not shown as the document's text.
const HIDDEN: [&str; 7] = [
    "del",
    "instrText",
    "delText",
    "Fallback",
    "drawing",
    "pict",
    "commentReference",
];

/// The body of `document.xml` as blocks; `styles` from [`styles`]. Malformed XML ends the body
/// where it breaks (what was read stays).
pub(crate) fn blocks(xml: &str, styles: &HashMap<String, Style>) -> Vec<Block> {
    let mut reader = Reader::from_str(xml);
    let mut s = State::default();
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) => {
                let name = local(&e);
                if s.hidden > 0 || HIDDEN.contains(&name.as_str()) {
                    s.hidden = s.hidden.saturating_add(1);
                    continue;
                }
                start(&mut s, &name, &e, false);
            }
            Event::Empty(e) => {
                let name = local(&e);
                if s.hidden > 0 {
                    continue;
                }
                start(&mut s, &name, &e, true);
                if name == "p" {
                    s.end_paragraph(styles);
                }
            }
            Event::End(e) => {
                if s.hidden > 0 {
                    s.hidden = s.hidden.saturating_sub(1);
                    continue;
                }
                let name = e.local_name().as_ref().to_string();
                end(&mut s, &name, styles);
            }
            Event::Text(t) if s.in_text => {
                let text = t.xml10_content();
                s.push_text(&text);
            }
            Event::CData(t) if s.in_text => {
                let text = t.xml10_content().into_owned();
                s.push_text(&text);
            }
            Event::GeneralRef(r) if s.in_text => {
                let text = quick_xml::escape::resolve_xml_entity(&r)
                    .map(|t: &str| t.to_string())
                    .or_else(|| r.resolve_char_ref().ok().flatten().map(String::from));
                if let Some(text) = text {
                    s.push_text(&text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // A document cut short: what was open is closed.
    s.end_paragraph(styles);
    while !s.tables.is_empty() {
        end(&mut s, "tbl", styles);
    }
    s.blocks
}

fn start(s: &mut State, name: &str, e: &BytesStart<'_>, empty: bool) {
    match name {
        "p" => s.paragraph = Some((String::new(), None, None)),
        "pStyle" => {
            if let Some(p) = s.paragraph.as_mut() {
                p.1 = attr(e, "val");
            }
        }
        "outlineLvl" => {
            if let Some(p) = s.paragraph.as_mut() {
                p.2 = outline_level(e);
            }
        }
        "r" if !empty => s.in_run = true,
        "t" if !empty => s.in_text = true,
        "tab" if s.in_run => s.push_text(" "),
        "br" | "cr" if s.in_run => s.push_text("\n"),
        "noBreakHyphen" if s.in_run => s.push_text("-"),
        "fldChar" => match attr(e, "fldCharType").as_deref() {
            Some("begin") => s.fields.push(false),
            Some("separate") => {
                if let Some(f) = s.fields.last_mut() {
                    *f = true;
                }
            }
            Some("end") => {
                s.fields.pop();
            }
            _ => {}
        },
        "tbl" if !empty => {
            if s.tables.len() < MAX_TABLE_DEPTH {
                s.tables.push(TableState::default());
            } else {
                s.hidden = s.hidden.saturating_add(1);
            }
        }
        "tr" => {
            if let Some(t) = s.tables.last_mut() {
                t.row = Vec::new();
            }
        }
        "tc" if !empty => {
            if let Some(t) = s.tables.last_mut() {
                t.cell = Some(CellState {
                    span: 1,
                    ..CellState::default()
                });
            }
        }
        "gridSpan" => {
            if let Some(cell) = s.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                cell.span = attr(e, "val")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1)
                    .clamp(1, MAX_COLUMNS);
            }
        }
        "vMerge" => {
            if let Some(cell) = s.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                // `w:vMerge` without a value continues the merge; `restart` begins one.
                cell.continues = attr(e, "val").as_deref() != Some("restart");
            }
        }
        _ => {}
    }
}

fn end(s: &mut State, name: &str, styles: &HashMap<String, Style>) {
    match name {
        "t" => s.in_text = false,
        "r" => s.in_run = false,
        "p" => s.end_paragraph(styles),
        "tc" => {
            if let Some(t) = s.tables.last_mut() {
                if let Some(cell) = t.cell.take() {
                    let text = cell.paragraphs.join("\n").trim().to_string();
                    t.row.push((text, cell.span, cell.continues));
                }
            }
        }
        "tr" => {
            if let Some(t) = s.tables.last_mut() {
                let row = std::mem::take(&mut t.row);
                t.rows.push(row);
            }
        }
        "tbl" => {
            let Some(table) = s.tables.pop() else {
                return;
            };
            let (table, inner) = table.finish();
            match s.tables.last_mut() {
                // A table inside a table: its text is part of the cell, and it is read as a
                // table of its own after the one holding it.
                Some(outer) => {
                    if let Some(cell) = outer.cell.as_mut() {
                        for row in &table.rows {
                            cell.paragraphs.push(row.join(" "));
                        }
                    }
                    outer.inner.push(table);
                    outer.inner.extend(inner);
                }
                None => {
                    s.blocks.push(Block::Table(table));
                    s.blocks.extend(inner.into_iter().map(Block::Table));
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> Vec<Block> {
        let xml = format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{inner}</w:body></w:document>"#
        );
        blocks(&xml, &HashMap::new())
    }

    fn text(b: &Block) -> &str {
        match b {
            Block::Paragraph(p) => &p.text,
            Block::Table(_) => "",
        }
    }

    #[test]
    fn runs_fields_changes_and_controls_read_as_shown() {
        let b = body(
            r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>一、</w:t></w:r><w:r><w:t xml:space="preserve">基本 &amp; 情况</w:t></w:r></w:p>
            <w:sdt><w:sdtContent><w:p><w:r><w:t>控件里</w:t></w:r></w:p></w:sdtContent></w:sdt>
            <w:p><w:ins><w:r><w:t>插入</w:t></w:r></w:ins><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p>"#,
        );
        assert_eq!(b.len(), 3);
        assert_eq!(text(&b[0]), "一、基本 & 情况");
        let Block::Paragraph(p) = &b[0] else { panic!() };
        assert_eq!(p.level, Some(1));
        assert_eq!(text(&b[1]), "控件里");
        assert_eq!(text(&b[2]), "插入39");
    }

    #[test]
    fn merged_cells_give_their_text_to_every_cell_they_cover() {
        let b = body(
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>题1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>人数</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>占比</w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>"#,
        );
        let Block::Table(t) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(t.rows[0], ["合计", "合计", "1"]);
        assert_eq!(t.rows[1], ["题1", "人数", ""]);
        assert_eq!(t.rows[2], ["题1", "占比", "内"]);
        let Block::Table(inner) = &b[1] else {
            panic!("the inner table after the outer")
        };
        assert_eq!(inner.rows, [["内"]]);
    }

    #[test]
    fn styles_by_name_or_outline_level() {
        let styles = styles(
            r#"<w:styles xmlns:w="x"><w:style w:styleId="a1"><w:name w:val="标题 2"/></w:style><w:style w:styleId="x9"><w:name w:val="My"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:styleId="kid"><w:name w:val="Kid"/><w:basedOn w:val="x9"/></w:style></w:styles>"#,
        );
        assert_eq!(resolve(&styles, "a1"), ("标题 2".into(), Some(2)));
        assert_eq!(resolve(&styles, "x9").1, Some(1));
        assert_eq!(resolve(&styles, "kid").1, Some(1));
        assert_eq!(resolve(&styles, "Heading3").1, Some(3));
    }

    #[test]
    fn deep_nesting_and_broken_xml_end_quietly() {
        let deep = "<w:sdt>".repeat(100_000);
        let b = body(&format!("<w:p><w:r><w:t>前</w:t></w:r></w:p>{deep}"));
        assert_eq!(text(&b[0]), "前");
        let b = body("<w:p><w:r><w:t>半");
        assert_eq!(text(&b[0]), "半");
    }
}
