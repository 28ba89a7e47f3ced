//! ISO 3166-1 alpha-2 countries (from the `keshvar` crate, with its Swedish names) and the
//! ISO 3166-3 codes of countries that no longer exist.

use std::borrow::Cow;
use std::fmt;
use std::sync::{LazyLock, OnceLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validate::{Ctx, Lang, Validate};

/// Codes that real data uses for a country but ISO 3166-1 does not: the EU writes `EL` for
/// Greece and `UK` for the United Kingdom.
pub(crate) const ALIASES: &[(&str, &str)] = &[("EL", "GR"), ("UK", "GB")];

struct Entry {
    alpha2: keshvar::Alpha2,
    code: String,
    en: &'static str,
    sv: &'static str,
    /// The country's ISO 3166-2 subdivision codes (the part after the dash), sorted; read
    /// from `keshvar` the first time they are asked for (building a `keshvar::Country` is
    /// costly: it fills a map of every subdivision).
    subdivisions: OnceLock<Box<[&'static str]>>,
}

static TABLE: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    let mut v: Vec<Entry> = keshvar::CountryIterator::new()
        .map(|c| {
            let alpha2 = c.alpha2();
            let code = alpha2.to_string();
            let en = c.iso_short_name();
            let sv = c.translations().get("sv").copied().unwrap_or(en);
            Entry { alpha2, code, en, sv, subdivisions: OnceLock::new() }
        })
        .collect();
    v.sort_by(|a, b| a.code.cmp(&b.code));
    v
});

/// An ISO 3166-1 alpha-2 country code, such as `SE` or `HU`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CountryCode(u16);

impl CountryCode {
    /// Looks a code up (upper case, exactly as ISO 3166-1 writes it).
    #[must_use]
    pub fn from_code(code: &str) -> Option<CountryCode> {
        TABLE
            .binary_search_by(|e| e.code.as_str().cmp(code))
            .ok()
            .map(|i| CountryCode(u16::try_from(i).unwrap_or(u16::MAX)))
    }

    /// The code that data written in another convention most likely meant: `EL` -> `GR`,
    /// `UK` -> `GB`, `se` -> `SE`.
    #[must_use]
    pub fn suggest(code: &str) -> Option<CountryCode> {
        let upper = code.trim().to_ascii_uppercase();
        let upper = ALIASES.iter().find(|(a, _)| *a == upper).map_or(upper.as_str(), |(_, c)| c);
        CountryCode::from_code(upper)
    }

    fn entry(self) -> &'static Entry {
        &TABLE[usize::from(self.0)]
    }

    /// The two-letter code.
    #[must_use]
    pub fn code(self) -> &'static str {
        &self.entry().code
    }

    /// The country's short name in a language (`Ungern`, `Hungary`).
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.entry().sv,
            Lang::En => self.entry().en,
        }
    }

    /// True when `subdivision` (the part after the dash, e.g. `IL` of `US-IL`) is an ISO 3166-2
    /// subdivision of this country.
    #[must_use]
    pub fn has_subdivision(self, subdivision: &str) -> bool {
        let entry = self.entry();
        let codes = entry.subdivisions.get_or_init(|| {
            let mut codes: Vec<&'static str> =
                entry.alpha2.to_country().subdivisions().keys().copied().collect();
            codes.sort_unstable();
            codes.into_boxed_slice()
        });
        codes.binary_search(&subdivision).is_ok()
    }

    /// Every country, in code order.
    pub fn all() -> impl Iterator<Item = CountryCode> {
        (0..TABLE.len()).map(|i| CountryCode(u16::try_from(i).unwrap_or(u16::MAX)))
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Cow::<str>::deserialize(d)?;
        CountryCode::from_code(&s)
            .ok_or_else(|| serde::de::Error::custom("unknown ISO 3166-1 alpha-2 code"))
    }
}

impl schemars::JsonSchema for CountryCode {
    fn schema_name() -> Cow<'static, str> {
        "CountryCode".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = super::codelist_schema(
            "An ISO 3166-1 alpha-2 country code in upper case, such as `SE`. Greece is `GR` and \
             the United Kingdom `GB`, not the EU's `EL` and `UK` (see `x-aliases`).",
            TABLE.iter().map(|e| (e.code.as_str(), e.sv, e.en)),
        );
        let aliases: serde_json::Map<String, serde_json::Value> =
            ALIASES.iter().map(|(a, c)| ((*a).to_owned(), (*c).into())).collect();
        schema.insert("x-aliases".to_owned(), aliases.into());
        schema
    }
}

impl Validate for CountryCode {
    fn validate_into(&self, _: &mut Ctx) {}
}

crate::codelist! {
    /// A country that no longer exists, by its ISO 3166-3 code: for partners whose agreement
    /// was signed with a former state.
    pub enum FormerCountry {
        /// German Democratic Republic (East Germany), 1949-1990.
        EastGermany = "DDDE", sv: "Östtyskland (DDR)", en: "German Democratic Republic (East Germany)";
        /// Union of Soviet Socialist Republics, 1922-1991.
        SovietUnion = "SUHH", sv: "Sovjetunionen", en: "Soviet Union (USSR)";
        /// Socialist Federal Republic of Yugoslavia, 1945-1992.
        Yugoslavia = "YUCS", sv: "Jugoslavien", en: "Yugoslavia";
        /// Czechoslovakia, 1918-1992.
        Czechoslovakia = "CSHH", sv: "Tjeckoslovakien", en: "Czechoslovakia";
        /// Serbia and Montenegro, 2003-2006.
        SerbiaAndMontenegro = "CSXX", sv: "Serbien och Montenegro", en: "Serbia and Montenegro";
        /// Netherlands Antilles, 1954-2010.
        NetherlandsAntilles = "ANHH", sv: "Nederländska Antillerna", en: "Netherlands Antilles";
    }
}
