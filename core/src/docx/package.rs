//! The Word package written by hand (WordprocessingML in a stored ZIP): the document's body from
//! paragraphs and tables, the styles it names, a footer with the page number, the package's
//! parts and relationships, and its properties. The same document gives the same bytes.

/// A paragraph style of `styles.xml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// The report's title (小标宋).
    Title,
    /// Under the title: unit, year (楷体, centred).
    Subtitle,
    /// `一、` headings (黑体).
    Heading1,
    /// `（一）` headings (楷体).
    Heading2,
    /// `1.` headings (仿宋, bold).
    Heading3,
    /// Body text (仿宋 三号, first line indented two characters).
    Body,
    /// What only a person can write: `【请填写：…】`.
    Placeholder,
    /// A table's caption.
    Caption,
    /// Text in a table cell.
    Cell,
    /// The 落款 at the end: the unit and the date, right-aligned.
    Signature,
}

impl Style {
    fn id(self) -> &'static str {
        match self {
            Style::Title => "JxTitle",
            Style::Subtitle => "JxSubtitle",
            Style::Heading1 => "JxHeading1",
            Style::Heading2 => "JxHeading2",
            Style::Heading3 => "JxHeading3",
            Style::Body => "JxBody",
            Style::Placeholder => "JxPlaceholder",
            Style::Caption => "JxCaption",
            Style::Cell => "JxCell",
            Style::Signature => "JxSignature",
        }
    }

    const ALL: [Style; 10] = [
        Style::Title,
        Style::Subtitle,
        Style::Heading1,
        Style::Heading2,
        Style::Heading3,
        Style::Body,
        Style::Placeholder,
        Style::Caption,
        Style::Cell,
        Style::Signature,
    ];
}

/// One cell: its text, how many grid columns it spans, whether it continues the cell above
/// (merged down), and whether its text is a figure (right-aligned).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cell {
    pub(crate) text: String,
    pub(crate) span: usize,
    pub(crate) merge: Merge,
    pub(crate) figure: bool,
    pub(crate) bold: bool,
}

/// A cell's part in a vertical merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Merge {
    None,
    /// The first of cells merged down.
    Start,
    /// Below the first: shown as part of it.
    Continue,
}

impl Cell {
    pub(crate) fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            span: 1,
            merge: Merge::None,
            figure: false,
            bold: false,
        }
    }

    pub(crate) fn figure(text: impl Into<String>) -> Cell {
        Cell {
            figure: true,
            ..Cell::text(text)
        }
    }

    pub(crate) fn bold(self) -> Cell {
        Cell { bold: true, ..self }
    }

    pub(crate) fn spanning(self, span: usize) -> Cell {
        Cell {
            span: span.max(1),
            ..self
        }
    }

    pub(crate) fn merged(self, merge: Merge) -> Cell {
        Cell { merge, ..self }
    }
}

/// A table: its columns' widths (in twentieths of a point, summing to the text width), a header
/// row repeated on each page, and its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Table {
    pub(crate) widths: Vec<u32>,
    pub(crate) header: Vec<Cell>,
    pub(crate) rows: Vec<Vec<Cell>>,
}

/// The text width of an A4 page with GB/T 9704's margins (210 mm − 28 mm − 26 mm), in twips.
pub(crate) const TEXT_WIDTH: u32 = 8845;

/// Column widths in proportion to `shares`, summing to [`TEXT_WIDTH`].
pub(crate) fn widths(shares: &[u32]) -> Vec<u32> {
    let total: u32 = shares.iter().copied().fold(0, u32::saturating_add).max(1);
    let mut out: Vec<u32> = shares
        .iter()
        .map(|s| s.saturating_mul(TEXT_WIDTH).checked_div(total).unwrap_or(0))
        .collect();
    // The rounding's remainder goes to the last column, so the grid is the text width exactly.
    let sum = out.iter().copied().fold(0, u32::saturating_add);
    if let Some(last) = out.last_mut() {
        *last = last.saturating_add(TEXT_WIDTH.saturating_sub(sum));
    }
    out
}

/// Text for a run of a paragraph: escaped, control characters dropped, breaks as spaces.
pub(crate) fn escape(text: &str) -> String {
    crate::xml::escape(text, true)
}

/// The body of `word/document.xml`, written in order.
#[derive(Default)]
pub(crate) struct Body {
    xml: String,
}

impl Body {
    /// A paragraph of one style.
    pub(crate) fn paragraph(&mut self, style: Style, text: &str) {
        self.xml.push_str("<w:p><w:pPr><w:pStyle w:val=\"");
        self.xml.push_str(style.id());
        self.xml.push_str("\"/></w:pPr>");
        run(&mut self.xml, text, false);
        self.xml.push_str("</w:p>");
    }

    /// What follows starts on a new page.
    pub(crate) fn page_break(&mut self) {
        self.xml
            .push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
    }

    /// A table, each cell ending with a paragraph as Word requires.
    pub(crate) fn table(&mut self, table: &Table) {
        let x = &mut self.xml;
        x.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"");
        x.push_str(&TEXT_WIDTH.to_string());
        x.push_str("\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>");
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            x.push_str("<w:");
            x.push_str(side);
            x.push_str(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
        }
        x.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
        for w in &table.widths {
            x.push_str("<w:gridCol w:w=\"");
            x.push_str(&w.to_string());
            x.push_str("\"/>");
        }
        x.push_str("</w:tblGrid>");
        row(x, &table.widths, &table.header, true);
        for cells in &table.rows {
            row(x, &table.widths, cells, false);
        }
        x.push_str("</w:tbl>");
        // A paragraph after each table: Word needs one between two tables and at the end.
        self.paragraph(Style::Caption, "");
    }

    /// The body with the section's page setup: A4, GB/T 9704's margins, the footer.
    fn finish(mut self) -> String {
        self.xml.push_str("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>");
        self.xml
    }
}

fn run(x: &mut String, text: &str, bold: bool) {
    x.push_str("<w:r>");
    if bold {
        x.push_str("<w:rPr><w:b/></w:rPr>");
    }
    x.push_str("<w:t xml:space=\"preserve\">");
    x.push_str(&escape(text));
    x.push_str("</w:t></w:r>");
}

fn row(x: &mut String, widths: &[u32], cells: &[Cell], header: bool) {
    x.push_str("<w:tr>");
    if header {
        x.push_str("<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
    } else {
        x.push_str("<w:trPr><w:cantSplit/></w:trPr>");
    }
    let mut column = 0usize;
    for cell in cells {
        let width = widths
            .iter()
            .skip(column)
            .take(cell.span)
            .copied()
            .fold(0, u32::saturating_add);
        column = column.saturating_add(cell.span);
        x.push_str("<w:tc><w:tcPr><w:tcW w:w=\"");
        x.push_str(&width.to_string());
        x.push_str("\" w:type=\"dxa\"/>");
        if cell.span > 1 {
            x.push_str("<w:gridSpan w:val=\"");
            x.push_str(&cell.span.to_string());
            x.push_str("\"/>");
        }
        match cell.merge {
            Merge::None => {}
            Merge::Start => x.push_str("<w:vMerge w:val=\"restart\"/>"),
            Merge::Continue => x.push_str("<w:vMerge/>"),
        }
        x.push_str("<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"JxCell\"/>");
        if cell.figure {
            x.push_str("<w:jc w:val=\"right\"/>");
        } else if header {
            x.push_str("<w:jc w:val=\"center\"/>");
        }
        x.push_str("</w:pPr>");
        if cell.merge != Merge::Continue && !cell.text.is_empty() {
            run(x, &cell.text, cell.bold || header);
        }
        x.push_str("</w:p></w:tc>");
    }
    x.push_str("</w:tr>");
}

/// The fonts of a language: (East Asian, Latin) for the title, headings and body.
struct Fonts {
    title: (&'static str, &'static str),
    heading1: (&'static str, &'static str),
    heading2: (&'static str, &'static str),
    body: (&'static str, &'static str),
}

const FONTS: Fonts = Fonts {
    title: ("方正小标宋简体", "Times New Roman"),
    heading1: ("黑体", "Times New Roman"),
    heading2: ("楷体_GB2312", "Times New Roman"),
    body: ("仿宋_GB2312", "Times New Roman"),
};

fn style_xml(out: &mut String, style: Style) {
    // (fonts, size in half points, bold, alignment, first-line indent in twips, space after)
    let (fonts, size, bold, align, indent, after) = match style {
        Style::Title => (FONTS.title, 44, false, "center", 0, 240),
        Style::Subtitle => (FONTS.heading2, 32, false, "center", 0, 240),
        Style::Heading1 => (FONTS.heading1, 32, false, "", 640, 0),
        Style::Heading2 => (FONTS.heading2, 32, false, "", 640, 0),
        Style::Heading3 => (FONTS.body, 32, true, "", 640, 0),
        Style::Body => (FONTS.body, 32, false, "", 640, 0),
        Style::Placeholder => (FONTS.body, 32, false, "", 640, 0),
        Style::Caption => (FONTS.heading1, 24, false, "center", 0, 60),
        Style::Cell => (FONTS.body, 21, false, "", 0, 0),
        Style::Signature => (FONTS.body, 32, false, "right", 0, 0),
    };
    let heading = matches!(style, Style::Heading1 | Style::Heading2 | Style::Heading3);
    out.push_str("<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"");
    out.push_str(style.id());
    out.push_str("\"><w:name w:val=\"");
    out.push_str(style.id());
    out.push_str("\"/><w:basedOn w:val=\"Normal\"/>");
    if heading {
        out.push_str("<w:next w:val=\"JxBody\"/>");
    }
    out.push_str("<w:qFormat/><w:pPr>");
    if heading {
        out.push_str("<w:keepNext/>");
    }
    let line = if style == Style::Cell { 300 } else { 560 };
    out.push_str(&format!(
        "<w:spacing w:before=\"0\" w:after=\"{after}\" w:line=\"{line}\" w:lineRule=\"exact\"/>"
    ));
    if indent > 0 {
        out.push_str(&format!("<w:ind w:firstLine=\"{indent}\"/>"));
    }
    if !align.is_empty() {
        out.push_str(&format!("<w:jc w:val=\"{align}\"/>"));
    }
    if let Some(level) = match style {
        Style::Heading1 => Some(0),
        Style::Heading2 => Some(1),
        Style::Heading3 => Some(2),
        _ => None,
    } {
        out.push_str(&format!("<w:outlineLvl w:val=\"{level}\"/>"));
    }
    out.push_str("</w:pPr><w:rPr>");
    out.push_str(&format!(
        "<w:rFonts w:ascii=\"{1}\" w:hAnsi=\"{1}\" w:eastAsia=\"{0}\" w:cs=\"{1}\"/>",
        fonts.0, fonts.1
    ));
    if bold {
        out.push_str("<w:b/>");
    }
    if style == Style::Placeholder {
        out.push_str("<w:color w:val=\"C00000\"/>");
    }
    out.push_str(&format!(
        "<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>"
    ));
    out.push_str("</w:rPr></w:style>");
}

fn styles() -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\" w:cs=\"Times New Roman\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style><w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:sz w:val=\"28\"/></w:rPr></w:style><w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    for style in Style::ALL {
        style_xml(&mut out, style);
    }
    out.push_str("</w:styles>");
    out
}

/// What `docProps/core.xml` says: never the clock, so the same document gives the same bytes.
pub(crate) struct Properties<'a> {
    pub(crate) title: &'a str,
    pub(crate) creator: &'a str,
    /// `2023-05-17` or empty.
    pub(crate) date: &'a str,
    pub(crate) lang: &'a str,
}

fn core_xml(p: &Properties<'_>) -> String {
    let date = if p.date.is_empty() {
        String::new()
    } else {
        format!(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{0}T00:00:00Z</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{0}T00:00:00Z</dcterms:modified>",
            escape(p.date)
        )
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>{}</dc:language>{date}</cp:coreProperties>",
        escape(p.title),
        escape(p.creator),
        escape(p.lang)
    )
}

const NAMESPACES: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// The package: `[Content_Types].xml`, the relationships, the document, its styles and footer,
/// its properties.
pub(crate) fn package(body: Body, properties: &Properties<'_>) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NAMESPACES}><w:body>{}</w:body></w:document>",
        body.finish()
    );
    // The page number: a simple PAGE field, which every word processor fills in as it lays the
    // pages out (nothing to update by hand).
    let footer = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr {NAMESPACES}><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr><w:r><w:t xml:space=\"preserve\">— </w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>"
    );
    let entries: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            CONTENT_TYPES.as_bytes().to_vec(),
        ),
        ("_rels/.rels".into(), PACKAGE_RELS.as_bytes().to_vec()),
        ("word/document.xml".into(), document.into_bytes()),
        (
            "word/_rels/document.xml.rels".into(),
            DOCUMENT_RELS.as_bytes().to_vec(),
        ),
        ("word/styles.xml".into(), styles().into_bytes()),
        ("word/footer1.xml".into(), footer.into_bytes()),
        (
            "docProps/core.xml".into(),
            core_xml(properties).into_bytes(),
        ),
    ];
    crate::zip::store(&entries)
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/></Relationships>";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(
            escape("a<b & \"c\">\u{1}\u{7}d\te"),
            "a&lt;b &amp; &quot;c&quot;&gt;d e"
        );
    }

    #[test]
    fn the_grid_is_the_text_width_exactly() {
        for shares in [vec![1, 1, 1], vec![7, 13, 29, 3], vec![5]] {
            let w = widths(&shares);
            assert_eq!(w.iter().sum::<u32>(), TEXT_WIDTH, "{shares:?}");
        }
    }
}
