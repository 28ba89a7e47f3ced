//! The register as open data: one CSV file per collection (RFC 4180, UTF-8, `,`, CRLF) in the
//! layout `kommun-intl import` reads back (`kommun-intl-sheets`, one layout for people and
//! machines): headers as flatten-tool paths (`partner/name/sv`, `funding/1/type`), codes rather
//! than labels, so that any tool can join them to the code lists in `schemas/`, a list of
//! plain values in one cell joined by `;`. The register's own fields (`municipality.csv`) are
//! a field and its value per row. What the register does not say is an empty cell, and
//! nothing the schema marks as personal is written.

use kommun_intl::DocumentKind;
use kommun_intl_sheets::write::{self, Style};

use crate::Register;

/// One CSV file: its name, what it holds (for the DCAT description) and its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The file name (`partnerships.csv`).
    pub name: String,
    /// What the file holds, in Swedish and English.
    pub title: (String, String),
    /// The rows, the header first (for `municipality.csv`, a field and its value per row).
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The file's text.
    #[must_use]
    pub fn to_csv(&self) -> String {
        let mut w =
            ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
        for row in &self.rows {
            // Writing to memory cannot fail.
            let _ = w.write_record(row);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}

/// The register's own sheet and every collection that has records, as CSV tables.
#[must_use]
pub fn tables(register: Register<'_>) -> Vec<Table> {
    let mut value = serde_json::to_value(register.data()).unwrap_or_default();
    // Never published: whatever the schema does not prove free of personal data.
    for pointer in kommun_intl::personal::pointers(DocumentKind::Dataset, &value) {
        if let Some(v) = value.pointer_mut(&pointer) {
            *v = serde_json::Value::Null;
        }
    }
    write::tables_as(&value, Style::Codes)
        .into_iter()
        .map(|t| Table {
            name: format!("{}.csv", t.name),
            title: t.titles.clone(),
            rows: write::open_rows(&t),
        })
        .collect()
}
