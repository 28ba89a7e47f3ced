//! SCB's 290 Swedish municipality codes (`data/scb-municipalities.tsv`).

use std::collections::HashMap;
use std::sync::LazyLock;

/// One Swedish municipality in SCB's register.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Municipality {
    /// The four-digit municipality code (`1494`).
    pub code: &'static str,
    /// The short name as SCB writes it (`Lidköping`).
    pub name: &'static str,
    /// The two-digit county code (`14`, Västra Götaland).
    pub county_code: &'static str,
}

static TABLE: LazyLock<Vec<Municipality>> = LazyLock::new(|| {
    super::table(
        include_str!("../../data/scb-municipalities.tsv"),
        ["code", "name_sv", "county_code"],
        |[code, name, county_code]| Municipality { code, name, county_code },
    )
});

static INDEX: LazyLock<HashMap<&'static str, usize>> =
    LazyLock::new(|| TABLE.iter().enumerate().map(|(i, m)| (m.code, i)).collect());

/// Every municipality, in code order.
#[must_use]
pub fn municipalities() -> &'static [Municipality] {
    &TABLE
}

/// The municipality with an SCB code, if there is one.
#[must_use]
pub fn municipality_by_code(code: &str) -> Option<&'static Municipality> {
    INDEX.get(code).map(|&i| &TABLE[i])
}
