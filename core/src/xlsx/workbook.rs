//! A small SpreadsheetML writer: sheets of text and exact decimal numbers with a fixed set of
//! styles (number formats, bold headers, borders), column widths, merged cells and print setup.
//! Numbers are written from their decimal text, so no value passes through a float.

use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::fmt::Write;

/// How a cell looks; each is one entry of the workbook's `cellXfs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Plain text.
    Plain = 0,
    /// The sheet title.
    Title = 1,
    /// A column header.
    Header = 2,
    /// Text.
    Text = 3,
    /// Money: at least two decimals, up to eight (97.361, 82.050854, 5.00).
    Money = 4,
    /// Scores and points: two decimals.
    Score = 5,
    /// A fraction shown as a percent with two decimals (0.8427 → 84.27%).
    Percent = 6,
    /// A whole number.
    Integer = 7,
    /// Bold text.
    BoldText = 8,
    /// A bold score.
    BoldScore = 9,
    /// A subtitle.
    Subtitle = 10,
    /// A target or actual value: as written (General format).
    Figure = 11,
    /// A red light (its word, on red).
    LightRed = 12,
    /// A yellow light.
    LightYellow = 13,
    /// A green light.
    LightGreen = 14,
    /// A blue light.
    LightBlue = 15,
}

/// A value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Text.
    Text(String),
    /// A number.
    Number(Decimal),
}

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The value.
    pub value: Value,
    /// How it is shown.
    pub style: Style,
}

/// One worksheet: cells by (row, column), both from 0.
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    /// The name as shown (名称).
    pub name: String,
    cells: BTreeMap<(u32, u32), Cell>,
    merges: Vec<(u32, u32, u32, u32)>,
    /// Column widths in tenths of a character.
    widths: BTreeMap<u32, u32>,
    landscape: bool,
}

impl Sheet {
    /// Makes a new one.
    pub fn new(name: &str) -> Sheet {
        Sheet {
            name: name.to_string(),
            ..Sheet::default()
        }
    }

    /// Printed in landscape.
    pub fn landscape(&mut self) {
        self.landscape = true;
    }

    /// The text as written.
    pub fn text(&mut self, row: u32, col: u32, text: impl Into<String>, style: Style) {
        let text = text.into();
        self.cells.insert(
            (row, col),
            Cell {
                value: Value::Text(text),
                style,
            },
        );
    }

    /// A number.
    pub fn number(&mut self, row: u32, col: u32, value: Decimal, style: Style) {
        self.cells.insert(
            (row, col),
            Cell {
                value: Value::Number(value),
                style,
            },
        );
    }

    /// A number when there is one, else an empty bordered cell.
    pub fn maybe(&mut self, row: u32, col: u32, value: Option<Decimal>, style: Style) {
        match value {
            Some(v) => self.number(row, col, v, style),
            None => self.text(row, col, "", Style::Text),
        }
    }

    /// Merged cells.
    pub fn merge(&mut self, first_row: u32, first_col: u32, last_row: u32, last_col: u32) {
        self.merges.push((first_row, first_col, last_row, last_col));
        // Merged areas keep their borders when every cell has the style.
        let style = self
            .cells
            .get(&(first_row, first_col))
            .map_or(Style::Text, |c| c.style);
        for r in first_row..=last_row {
            for c in first_col..=last_col {
                self.cells.entry((r, c)).or_insert(Cell {
                    value: Value::Text(String::new()),
                    style,
                });
            }
        }
    }

    /// Sets a column's width in tenths of a character (a CJK character counts as two).
    pub fn width(&mut self, col: u32, tenths: u32) {
        self.widths.insert(col, tenths);
    }

    /// Widens every column to fit its longest unmerged cell, between `min` and `max` (tenths of
    /// a character).
    pub fn fit_columns(&mut self, min: u32, max: u32) {
        // The cells under a merge across columns, found once (a sheet may have thousands).
        let mut spanned: std::collections::HashSet<(u32, u32)> = std::collections::HashSet::new();
        for &(r1, c1, r2, c2) in self.merges.iter().filter(|m| m.1 != m.3) {
            for r in r1..=r2 {
                for c in c1..=c2 {
                    spanned.insert((r, c));
                }
            }
        }
        let merged = |r: u32, c: u32| spanned.contains(&(r, c));
        let mut widths: BTreeMap<u32, u32> = BTreeMap::new();
        for (&(r, c), cell) in &self.cells {
            if merged(r, c) {
                continue;
            }
            let len = match &cell.value {
                Value::Text(t) => display_width(t),
                Value::Number(n) => u32::try_from(n.to_string().len())
                    .unwrap_or(u32::MAX)
                    .saturating_add(3)
                    .saturating_mul(10),
            };
            let w = widths.entry(c).or_insert(min);
            *w = (*w).max(len.saturating_add(20).min(max));
        }
        for (c, w) in widths {
            self.widths.entry(c).or_insert(w);
        }
    }

    /// The item, if any.
    pub fn get(&self, row: u32, col: u32) -> Option<&Cell> {
        self.cells.get(&(row, col))
    }

    fn xml(&self) -> String {
        let mut x = String::with_capacity(self.cells.len().saturating_mul(64).saturating_add(1024));
        x.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#);
        x.push_str(r#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#);
        if let (Some(first), Some(last)) = (self.cells.keys().next(), self.cells.keys().last()) {
            let max_col = self.cells.keys().map(|k| k.1).max().unwrap_or(0);
            let _ = write!(
                x,
                r#"<dimension ref="{}:{}"/>"#,
                cell_ref(first.0, 0),
                cell_ref(last.0, max_col)
            );
        }
        x.push_str(r#"<sheetViews><sheetView workbookViewId="0"/></sheetViews>"#);
        x.push_str(r#"<sheetFormatPr defaultRowHeight="16"/>"#);
        if !self.widths.is_empty() {
            x.push_str("<cols>");
            for (c, w) in &self.widths {
                let _ = write!(
                    x,
                    r#"<col min="{0}" max="{0}" width="{1}.{2}" customWidth="1"/>"#,
                    c.saturating_add(1),
                    w.checked_div(10).unwrap_or(0),
                    w.checked_rem(10).unwrap_or(0)
                );
            }
            x.push_str("</cols>");
        }
        x.push_str("<sheetData>");
        let mut current_row = None;
        for (&(r, c), cell) in &self.cells {
            if current_row != Some(r) {
                if current_row.is_some() {
                    x.push_str("</row>");
                }
                let _ = write!(x, r#"<row r="{}">"#, r.saturating_add(1));
                current_row = Some(r);
            }
            let style = cell.style as u32;
            match &cell.value {
                Value::Number(n) => {
                    let _ = write!(
                        x,
                        r#"<c r="{}" s="{style}"><v>{}</v></c>"#,
                        cell_ref(r, c),
                        n.normalize()
                    );
                }
                Value::Text(t) if t.is_empty() => {
                    let _ = write!(x, r#"<c r="{}" s="{style}"/>"#, cell_ref(r, c));
                }
                Value::Text(t) => {
                    let _ = write!(
                        x,
                        r#"<c r="{}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                        cell_ref(r, c),
                        crate::xml::escape(t, false)
                    );
                }
            }
        }
        if current_row.is_some() {
            x.push_str("</row>");
        }
        x.push_str("</sheetData>");
        if !self.merges.is_empty() {
            let _ = write!(x, r#"<mergeCells count="{}">"#, self.merges.len());
            for &(r1, c1, r2, c2) in &self.merges {
                let _ = write!(
                    x,
                    r#"<mergeCell ref="{}:{}"/>"#,
                    cell_ref(r1, c1),
                    cell_ref(r2, c2)
                );
            }
            x.push_str("</mergeCells>");
        }
        x.push_str(r#"<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"#);
        let orientation = if self.landscape {
            "landscape"
        } else {
            "portrait"
        };
        let _ = write!(
            x,
            r#"<pageSetup paperSize="9" orientation="{orientation}" fitToWidth="1" fitToHeight="0"/>"#
        );
        x.push_str("</worksheet>");
        x
    }
}

/// Display width of a text in tenths of Excel's character units: wide (CJK) characters count
/// double (2.0), others 1.1. Whole tenths, so that writing it needs no floating point.
fn display_width(text: &str) -> u32 {
    text.lines()
        .map(|line| {
            line.chars()
                .map(|c| if (c as u32) > 0x2E80 { 20u32 } else { 11 })
                .fold(0u32, u32::saturating_add)
        })
        .max()
        .unwrap_or(0)
}

/// `A1`-style reference of a zero-based row and column.
pub fn cell_ref(row: u32, col: u32) -> String {
    const LETTERS: &[u8; 26] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut letters = Vec::new();
    // Bijective base 26: column 0 is A, 25 is Z, 26 is AA. `n` counts from 1, so `n - 1` and
    // the divisions by 26 stay in range.
    let mut n = u64::from(col).saturating_add(1);
    while let Some(less) = n.checked_sub(1) {
        let rem = usize::try_from(less.checked_rem(26).unwrap_or(0)).unwrap_or(0);
        letters.push(char::from(LETTERS.get(rem).copied().unwrap_or(b'A')));
        n = less.checked_div(26).unwrap_or(0);
    }
    letters.reverse();
    let letters: String = letters.into_iter().collect();
    format!("{letters}{}", u64::from(row).saturating_add(1))
}

/// Sheet names: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    if clean.is_empty() {
        "Sheet".into()
    } else {
        crate::xml::escape(&clean, false)
    }
}

const STYLES: &str = r##"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00######"/><numFmt numFmtId="165" formatCode="0.00"/></numFmts>
<fonts count="4">
<font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font>
<font><b/><sz val="16"/><name val="宋体"/><family val="2"/><charset val="134"/></font>
<font><b/><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font>
<font><sz val="12"/><name val="宋体"/><family val="2"/><charset val="134"/></font>
</fonts>
<fills count="7"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8EDF4"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF4B6B6"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFE699"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFC6E0B4"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFBDD7EE"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="16">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
<xf numFmtId="10" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
<xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
<xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="165" fontId="2" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
<xf numFmtId="0" fontId="0" fillId="3" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
<xf numFmtId="0" fontId="0" fillId="4" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
<xf numFmtId="0" fontId="0" fillId="5" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
<xf numFmtId="0" fontId="0" fillId="6" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"##;

/// Builds the .xlsx package of the sheets.
pub fn package(sheets: &[Sheet]) -> Vec<u8> {
    let mut content_types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    );
    let mut workbook = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    let mut entries = Vec::new();
    for (i, sheet) in sheets.iter().enumerate() {
        let n = i.saturating_add(1);
        let _ = write!(
            content_types,
            r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        );
        let _ = write!(
            workbook,
            r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#,
            sheet_name(&sheet.name)
        );
        let _ = write!(
            rels,
            r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        );
        entries.push((
            format!("xl/worksheets/sheet{n}.xml"),
            sheet.xml().into_bytes(),
        ));
    }
    let styles_id = sheets.len().saturating_add(1);
    let _ = write!(
        rels,
        r#"<Relationship Id="rId{styles_id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
    );
    content_types.push_str("</Types>");
    workbook.push_str("</sheets></workbook>");
    let root_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let mut all = vec![
        (
            "[Content_Types].xml".to_string(),
            content_types.into_bytes(),
        ),
        ("_rels/.rels".to_string(), root_rels.as_bytes().to_vec()),
        ("xl/workbook.xml".to_string(), workbook.into_bytes()),
        ("xl/_rels/workbook.xml.rels".to_string(), rels.into_bytes()),
        ("xl/styles.xml".to_string(), STYLES.as_bytes().to_vec()),
    ];
    all.extend(entries);
    crate::zip::store(&all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_escaping() {
        assert_eq!(cell_ref(0, 0), "A1");
        assert_eq!(cell_ref(9, 25), "Z10");
        assert_eq!(cell_ref(0, 26), "AA1");
        assert_eq!(
            crate::xml::escape("<a & \"b\"\u{1}>", false),
            "&lt;a &amp; &quot;b&quot;&gt;"
        );
        assert_eq!(sheet_name("自评表[1]/x"), "自评表1x");
    }
}
