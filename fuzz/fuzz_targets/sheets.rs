//! The spreadsheet reader (`kommun-intl-sheets`) on arbitrary bytes as CSV, xlsx or ods.
//!
//! Input: one selector byte (its low two bits: 0 CSV, 1 xlsx, 2 ods; 3 CSV with tiny limits),
//! then the file's bytes. Checks: no panic, no hang, the report's invariants, every issue of a
//! cell names a sheet and a cell, and a register that reads and validates is written back as
//! CSV and as ODS and read again without a panic (our own ODS always reads).
#![no_main]

use kommun_intl::Options;
use kommun_intl_fuzz::check_report;
use kommun_intl_sheets::{Format, Limits, read_bytes, write};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let (format, limits) = match selector & 3 {
        0 => (Format::Csv, Limits::default()),
        1 => (Format::Xlsx, Limits::default()),
        2 => (Format::Ods, Limits::default()),
        _ => (
            Format::Csv,
            Limits { max_cells: 16, max_rows: 8, max_columns: 8, ..Limits::default() },
        ),
    };
    let register = read_bytes(format, "Partnerskap", bytes, &limits);
    let report = register.validate(&Options::default());
    check_report(&report);
    for issue in &report.issues {
        if let Some(cell) = &issue.cell {
            assert!(!cell.sheet.is_empty() || format == Format::Csv, "a cell without a sheet");
            assert!(!cell.cell.is_empty(), "an empty cell reference: {issue:?}");
        }
    }
    if !register.failed() {
        for table in write::tables(&register.value, kommun_intl::Lang::Sv) {
            let csv = write::csv_bytes(&table, kommun_intl::Lang::Sv).expect("CSV to memory");
            let again = read_bytes(Format::Csv, &table.name, &csv, &Limits::default());
            check_report(&again.validate(&Options::default()));
        }
        // The ODS writer: what it writes (or refuses, with an error) reads again.
        if let Ok(ods) =
            write::workbook_bytes(&register.value, kommun_intl::Lang::En, write::Book::Ods)
        {
            let again = read_bytes(Format::Ods, "register", &ods, &Limits::default());
            assert!(!again.failed(), "our own ODS reads: {:?}", again.read_issues());
            check_report(&again.validate(&Options::default()));
        }
    }
});
