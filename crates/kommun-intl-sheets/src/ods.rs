//! OpenDocument spreadsheets (`.ods`) written from the same calls as the xlsx writer: text,
//! numbers and booleans, bold headers, column widths, a frozen header row, notes
//! (annotations), drop-down lists from a range of another sheet (content validations) and
//! hidden sheets. Only what [`crate::write`] needs, written as ODF 1.2 XML into a zip with
//! the `mimetype` stored first, as the standard requires.
//!
//! No ODS writer is a dependency: `spreadsheet-ods`, the one maintained crate, brings ICU
//! locales, a parser stack and a second major version of `zip` for the few elements used
//! here.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;

use crate::write::{Out, Sheets, WriteError};

/// A cell: its value, whether it is a header (bold) and its note.
#[derive(Default)]
struct Cell {
    value: Option<Out>,
    header: bool,
    note: Option<String>,
    /// The index of the drop-down list (content validation) of the cell.
    list: Option<usize>,
}

/// A drop-down list: cells of one column, rows `first..=last`, listing a range of another
/// sheet.
struct List {
    sheet: usize,
    col: u16,
    first: u32,
    last: u32,
    source: String,
}

#[derive(Default)]
struct Sheet {
    name: String,
    hidden: bool,
    freeze_header: bool,
    /// Widths in characters, by column.
    widths: BTreeMap<u16, f64>,
    cells: BTreeMap<(u32, u16), Cell>,
}

/// An ODS workbook being written.
#[derive(Default)]
pub struct Workbook {
    sheets: Vec<Sheet>,
    lists: Vec<List>,
}

impl Workbook {
    fn current(&mut self) -> Result<&mut Sheet, WriteError> {
        self.sheets.last_mut().ok_or(WriteError::Unwritable("a cell before any sheet"))
    }

    fn cell(&mut self, r: u32, c: u16) -> Result<&mut Cell, WriteError> {
        Ok(self.current()?.cells.entry((r, c)).or_default())
    }

    fn content(&self) -> String {
        let mut x = String::with_capacity(1 << 16);
        x.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
        x.push_str(r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2">"#);
        // Styles: the shown and the hidden sheet, the header cell, one per column width.
        let mut widths: Vec<u64> =
            self.sheets.iter().flat_map(|s| s.widths.values().map(|w| w.to_bits())).collect();
        widths.sort_unstable();
        widths.dedup();
        x.push_str("<office:automatic-styles>");
        x.push_str(r#"<style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style>"#);
        x.push_str(r#"<style:style style:name="ta2" style:family="table" style:master-page-name="Default"><style:table-properties table:display="false"/></style:style>"#);
        x.push_str(r##"<style:style style:name="hd" style:family="table-cell"><style:table-cell-properties fo:background-color="#dde8f0" fo:wrap-option="wrap"/><style:text-properties fo:font-weight="bold"/></style:style>"##);
        for (i, w) in widths.iter().enumerate() {
            // About 0.21 cm per character of the default font, as the xlsx widths are.
            let cm = f64::from_bits(*w) * 0.21;
            let _ = write!(
                x,
                r#"<style:style style:name="co{i}" style:family="table-column"><style:table-column-properties style:column-width="{cm:.2}cm"/></style:style>"#
            );
        }
        x.push_str("</office:automatic-styles><office:body><office:spreadsheet>");
        if !self.lists.is_empty() {
            x.push_str("<table:content-validations>");
            for (i, l) in self.lists.iter().enumerate() {
                let base = format!(
                    "$'{}'.${}${}",
                    self.sheets[l.sheet].name.replace('\'', "''"),
                    crate::book::column_letters(u32::from(l.col)),
                    l.first + 1
                );
                let _ = write!(
                    x,
                    r#"<table:content-validation table:name="v{i}" table:condition="{}" table:allow-empty-cell="true" table:display-list="unsorted" table:base-cell-address="{}"/>"#,
                    attr(&l.source),
                    attr(&base)
                );
            }
            x.push_str("</table:content-validations>");
        }
        for s in &self.sheets {
            s.write(&mut x, |w| widths.binary_search(&w.to_bits()).unwrap_or(0));
        }
        x.push_str("</office:spreadsheet></office:body></office:document-content>");
        x
    }

    /// The view settings: which sheets keep their header row in view.
    fn settings(&self) -> String {
        let mut x = String::new();
        x.push_str(r#"<?xml version="1.0" encoding="UTF-8"?><office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.2"><office:settings><config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views"><config:config-item-map-entry><config:config-item config:name="ViewId" config:type="string">view1</config:config-item><config:config-item-map-named config:name="Tables">"#);
        for s in self.sheets.iter().filter(|s| s.freeze_header) {
            let _ = write!(
                x,
                r#"<config:config-item-map-entry config:name="{}"><config:config-item config:name="HorizontalSplitMode" config:type="short">0</config:config-item><config:config-item config:name="VerticalSplitMode" config:type="short">2</config:config-item><config:config-item config:name="VerticalSplitPosition" config:type="int">1</config:config-item><config:config-item config:name="ActiveSplitRange" config:type="short">2</config:config-item><config:config-item config:name="PositionTop" config:type="int">0</config:config-item><config:config-item config:name="PositionBottom" config:type="int">1</config:config-item></config:config-item-map-entry>"#,
                attr(&s.name)
            );
        }
        x.push_str("</config:config-item-map-named></config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>");
        x
    }
}

impl Sheets for Workbook {
    fn add_sheet(&mut self, name: &str) -> Result<(), WriteError> {
        if name.is_empty() || self.sheets.iter().any(|s| s.name == name) {
            return Err(WriteError::Unwritable("a sheet name that is empty or used twice"));
        }
        self.sheets.push(Sheet { name: name.to_owned(), ..Sheet::default() });
        Ok(())
    }

    fn hide(&mut self) -> Result<(), WriteError> {
        self.current()?.hidden = true;
        Ok(())
    }

    fn freeze_header(&mut self) -> Result<(), WriteError> {
        self.current()?.freeze_header = true;
        Ok(())
    }

    fn width(&mut self, c: u16, chars: f64) -> Result<(), WriteError> {
        self.current()?.widths.insert(c, chars);
        Ok(())
    }

    fn value(&mut self, r: u32, c: u16, o: &Out, header: bool) -> Result<(), WriteError> {
        if let Out::Text(s) = o
            && s.chars().any(|ch| ch.is_control() && !['\n', '\t', '\r'].contains(&ch))
        {
            return Err(WriteError::Unwritable("a control character, which XML cannot hold"));
        }
        let cell = self.cell(r, c)?;
        cell.value = Some(o.clone());
        cell.header = header;
        Ok(())
    }

    fn note(&mut self, r: u32, c: u16, text: &str) -> Result<(), WriteError> {
        self.cell(r, c)?.note = Some(text.to_owned());
        Ok(())
    }

    fn list(
        &mut self,
        (first, last): (u32, u32),
        c: u16,
        (sheet, list_col, len): (&str, u16, usize),
    ) -> Result<(), WriteError> {
        let letter = crate::book::column_letters(u32::from(list_col));
        let source = format!(
            "of:cell-content-is-in-list([$'{}'.${letter}$2:.${letter}${}])",
            sheet.replace('\'', "''"),
            len + 1
        );
        let at = self
            .sheets
            .len()
            .checked_sub(1)
            .ok_or(WriteError::Unwritable("a list before any sheet"))?;
        self.lists.push(List { sheet: at, col: c, first, last, source });
        Ok(())
    }

    fn save(mut self) -> Result<Vec<u8>, WriteError> {
        for (i, l) in self.lists.iter().enumerate() {
            for r in l.first..=l.last {
                self.sheets[l.sheet].cells.entry((r, l.col)).or_default().list = Some(i);
            }
        }
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("mimetype", stored)?;
        zip.write_all(MIME.as_bytes())?;
        zip.start_file("META-INF/manifest.xml", deflated)?;
        zip.write_all(MANIFEST.as_bytes())?;
        zip.start_file("content.xml", deflated)?;
        zip.write_all(self.content().as_bytes())?;
        zip.start_file("settings.xml", deflated)?;
        zip.write_all(self.settings().as_bytes())?;
        Ok(zip.finish()?.into_inner())
    }
}

impl Sheet {
    fn write(&self, x: &mut String, width_style: impl Fn(f64) -> usize) {
        let _ = write!(
            x,
            r#"<table:table table:name="{}" table:style-name="{}">"#,
            attr(&self.name),
            if self.hidden { "ta2" } else { "ta1" }
        );
        let cols = self.cells.keys().map(|&(_, c)| c).chain(self.widths.keys().copied()).max();
        if let Some(cols) = cols {
            for c in 0..=cols {
                match self.widths.get(&c) {
                    Some(w) => {
                        let _ = write!(
                            x,
                            r#"<table:table-column table:style-name="co{}"/>"#,
                            width_style(*w)
                        );
                    }
                    None => x.push_str("<table:table-column/>"),
                }
            }
        } else {
            x.push_str("<table:table-column/>");
        }
        let mut rows: Vec<(u32, String)> = Vec::new();
        let mut at = 0u32;
        let mut cells = self.cells.iter().peekable();
        while let Some(((r, _), _)) = cells.peek() {
            let r = *r;
            let mut row = String::new();
            let mut col = 0u16;
            while let Some(((_, c), cell)) = cells.next_if(|((rr, _), _)| *rr == r) {
                if *c > col {
                    let _ = write!(
                        row,
                        r#"<table:table-cell table:number-columns-repeated="{}"/>"#,
                        c - col
                    );
                }
                cell.write(&mut row);
                col = c + 1;
            }
            if r > at {
                rows.push((
                    r - at,
                    "<table:table-row><table:table-cell/></table:table-row>".into(),
                ));
            }
            rows.push((1, format!("<table:table-row>{row}</table:table-row>")));
            at = r + 1;
        }
        if rows.is_empty() {
            rows.push((1, "<table:table-row><table:table-cell/></table:table-row>".into()));
        }
        // Rows that are the same (the empty rows of a template with their drop-downs) are
        // written once, repeated.
        let mut i = 0;
        while i < rows.len() {
            let mut n = rows[i].0;
            let mut j = i + 1;
            while j < rows.len() && rows[j].1 == rows[i].1 {
                n += rows[j].0;
                j += 1;
            }
            if n > 1 {
                let repeated = rows[i].1.replacen(
                    "<table:table-row>",
                    &format!(r#"<table:table-row table:number-rows-repeated="{n}">"#),
                    1,
                );
                x.push_str(&repeated);
            } else {
                x.push_str(&rows[i].1);
            }
            i = j;
        }
        x.push_str("</table:table>");
    }
}

impl Cell {
    fn write(&self, x: &mut String) {
        x.push_str("<table:table-cell");
        if self.header {
            x.push_str(r#" table:style-name="hd""#);
        }
        if let Some(l) = self.list {
            let _ = write!(x, r#" table:content-validation-name="v{l}""#);
        }
        let shown = match &self.value {
            None => None,
            Some(Out::Text(s)) => {
                x.push_str(r#" office:value-type="string""#);
                Some(s.clone())
            }
            Some(Out::Number(n)) => {
                let _ = write!(x, r#" office:value-type="float" office:value="{n}""#);
                Some(n.to_string())
            }
            Some(Out::Bool(b)) => {
                let _ = write!(x, r#" office:value-type="boolean" office:boolean-value="{b}""#);
                Some(if *b { "TRUE" } else { "FALSE" }.to_owned())
            }
        };
        if shown.is_none() && self.note.is_none() {
            x.push_str("/>");
            return;
        }
        x.push('>');
        if let Some(note) = &self.note {
            x.push_str("<office:annotation><dc:creator>kommun-intl</dc:creator>");
            paragraphs(x, note);
            x.push_str("</office:annotation>");
        }
        if let Some(s) = shown {
            paragraphs(x, &s);
        }
        x.push_str("</table:table-cell>");
    }
}

/// Text as paragraphs (one per line) whose spaces survive ODF's white-space collapsing: a
/// space at either end of a paragraph or after another space is written `<text:s/>`.
fn paragraphs(x: &mut String, s: &str) {
    for line in s.split('\n') {
        x.push_str("<text:p>");
        let chars: Vec<char> = line.chars().collect();
        for (i, &ch) in chars.iter().enumerate() {
            match ch {
                ' ' if i == 0 || i + 1 == chars.len() || chars[i - 1] == ' ' => {
                    x.push_str("<text:s/>");
                }
                '\t' => x.push_str("<text:tab/>"),
                '\r' => x.push_str("&#13;"),
                _ => push_escaped(x, ch),
            }
        }
        x.push_str("</text:p>");
    }
}

fn push_escaped(x: &mut String, ch: char) {
    match ch {
        '&' => x.push_str("&amp;"),
        '<' => x.push_str("&lt;"),
        '>' => x.push_str("&gt;"),
        '"' => x.push_str("&quot;"),
        _ => x.push(ch),
    }
}

fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        push_escaped(&mut out, ch);
    }
    out
}

const MIME: &str = "application/vnd.oasis.opendocument.spreadsheet";

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_tabs_and_lines_survive_white_space_collapsing() {
        let mut x = String::new();
        paragraphs(&mut x, " a  b\t<c>\nd ");
        assert_eq!(
            x,
            "<text:p><text:s/>a <text:s/>b<text:tab/>&lt;c&gt;</text:p><text:p>d<text:s/></text:p>"
        );
    }

    #[test]
    fn a_control_character_is_an_error_not_broken_xml() {
        let mut wb = Workbook::default();
        wb.add_sheet("A").unwrap();
        let err = wb.value(0, 0, &Out::Text("a\u{1}".into()), false).unwrap_err();
        assert!(err.to_string().contains("control character"), "{err}");
    }

    #[test]
    fn a_cell_before_any_sheet_is_an_error() {
        let mut wb = Workbook::default();
        assert!(wb.value(0, 0, &Out::Bool(true), false).is_err());
    }
}
