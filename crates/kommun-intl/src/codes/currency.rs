//! ISO 4217 currencies with English and Swedish names (`data/currencies.tsv`, made by
//! `tools/gen_currencies.py` from the `iso_currency` crate's data and CLDR).

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validate::{Ctx, Lang, Validate};

struct Entry {
    code: &'static str,
    en: &'static str,
    sv: &'static str,
}

static TABLE: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    super::table(
        include_str!("../../data/currencies.tsv"),
        ["code", "name_en", "name_sv"],
        |[code, en, sv]| Entry { code, en, sv },
    )
});

static INDEX: LazyLock<HashMap<&'static str, usize>> =
    LazyLock::new(|| TABLE.iter().enumerate().map(|(i, e)| (e.code, i)).collect());

/// An ISO 4217 currency code, such as `SEK` or `EUR`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CurrencyCode(u16);

impl CurrencyCode {
    /// Swedish krona.
    ///
    /// # Panics
    ///
    /// Never: SEK is in the compiled-in table (a test checks it).
    #[must_use]
    pub fn sek() -> CurrencyCode {
        CurrencyCode::from_code("SEK").expect("SEK is in the table")
    }

    /// Looks a code up (upper case, exactly as ISO 4217 writes it).
    #[must_use]
    pub fn from_code(code: &str) -> Option<CurrencyCode> {
        INDEX.get(code).map(|&i| CurrencyCode(u16::try_from(i).unwrap_or(u16::MAX)))
    }

    fn entry(self) -> &'static Entry {
        &TABLE[usize::from(self.0)]
    }

    /// The three-letter code.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.entry().code
    }

    /// The currency's name in a language.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.entry().sv,
            Lang::En => self.entry().en,
        }
    }

    /// Every currency, in code order.
    pub fn all() -> impl Iterator<Item = CurrencyCode> {
        (0..TABLE.len()).map(|i| CurrencyCode(u16::try_from(i).unwrap_or(u16::MAX)))
    }
}

impl fmt::Debug for CurrencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for CurrencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for CurrencyCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for CurrencyCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::deserialize_code(d, CurrencyCode::from_code, "unknown ISO 4217 currency code")
    }
}

impl schemars::JsonSchema for CurrencyCode {
    fn schema_name() -> Cow<'static, str> {
        "CurrencyCode".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        super::codelist_schema(
            "An ISO 4217 currency code, such as `SEK` or `EUR`.",
            TABLE.iter().map(|e| (e.code, e.sv, e.en)),
        )
    }
}

impl Validate for CurrencyCode {
    fn validate_into(&self, _: &mut Ctx) {}
}
