//! ISO 3166: countries (part 1), their subdivisions (part 2) and the codes of countries that no
//! longer exist (part 3), with English and Swedish names. The tables are compiled in from
//! `data/iso3166-{1,2,3}.tsv`, made by `tools/gen_iso3166.py` from Debian's iso-codes data and
//! its Swedish translations as the `pycountry` package ships them (plus the ISO 3166-2 changes
//! that iso-codes does not have yet, listed in the generator with their sources).

use std::borrow::Cow;
use std::fmt;
use std::sync::LazyLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validate::{Ctx, Lang, Validate};

/// Codes that real data uses for a country but ISO 3166-1 does not: the EU writes `EL` for
/// Greece and `UK` for the United Kingdom.
pub(crate) const ALIASES: &[(&str, &str)] = &[("EL", "GR"), ("UK", "GB")];

struct Country {
    code: &'static str,
    en: &'static str,
    sv: &'static str,
}

static COUNTRIES: LazyLock<Vec<Country>> = LazyLock::new(|| {
    super::table(
        include_str!("../../data/iso3166-1.tsv"),
        ["alpha2", "name_en", "name_sv"],
        |[code, en, sv]| Country { code, en, sv },
    )
});

/// The row of each two-letter code in [`COUNTRIES`] (`u16::MAX`: none), by
/// `(first - 'A') * 26 + (second - 'A')`: a lookup is an index, not a search.
static COUNTRY_INDEX: LazyLock<[u16; 26 * 26]> = LazyLock::new(|| {
    let mut index = [u16::MAX; 26 * 26];
    for (i, c) in COUNTRIES.iter().enumerate() {
        if let Some(slot) = alpha2_slot(c.code) {
            index[slot] = u16::try_from(i).unwrap_or(u16::MAX);
        }
    }
    index
});

/// The slot of an upper-case two-letter code in [`COUNTRY_INDEX`].
fn alpha2_slot(code: &str) -> Option<usize> {
    match *code.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            Some(usize::from(a - b'A') * 26 + usize::from(b - b'A'))
        }
        _ => None,
    }
}

/// One row of the ISO 3166-2 table.
struct Subdivision {
    code: &'static str,
    /// Its name in the local language (ISO 3166-2's, `Illinois`).
    name: &'static str,
    /// Its Swedish name, where one is listed.
    name_sv: &'static str,
    /// The date it ceased to exist, for a dissolved subdivision the table keeps.
    withdrawn: Option<&'static str>,
}

static SUBDIVISIONS: LazyLock<Vec<Subdivision>> = LazyLock::new(|| {
    super::table(
        include_str!("../../data/iso3166-2.tsv"),
        ["code", "withdrawn", "name", "name_sv"],
        |[code, withdrawn, name, name_sv]| Subdivision {
            code,
            withdrawn: Some(withdrawn).filter(|w| !w.is_empty()),
            name,
            name_sv,
        },
    )
});

/// The rows of [`SUBDIVISIONS`] by code: a lookup is a hash, not a search of 5,000 codes.
static SUBDIVISION_INDEX: LazyLock<foldhash::HashMap<&'static str, &'static Subdivision>> =
    LazyLock::new(|| SUBDIVISIONS.iter().map(|s| (s.code, s)).collect());

fn subdivision(code: &str) -> Option<&'static Subdivision> {
    SUBDIVISION_INDEX.get(code).copied()
}

/// True when `code` (`NO-42`) is a current ISO 3166-2 subdivision code.
pub(crate) fn is_current_subdivision(code: &str) -> bool {
    subdivision(code).is_some_and(|s| s.withdrawn.is_none())
}

/// The name of an ISO 3166-2 subdivision (`US-IL`: `Illinois`), current or dissolved: the
/// Swedish name where the table has one and `lang` is Swedish, else ISO 3166-2's own.
#[must_use]
pub fn subdivision_name(code: &str, lang: Lang) -> Option<&'static str> {
    let s = subdivision(code)?;
    Some(if lang == Lang::Sv && !s.name_sv.is_empty() { s.name_sv } else { s.name })
}

/// True when `code` is in the ISO 3166-2 table at all, current or dissolved by a reform.
pub(crate) fn is_listed_subdivision(code: &str) -> bool {
    subdivision(code).is_some()
}

/// An ISO 3166-1 alpha-2 country code, such as `SE` or `HU`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CountryCode(u16);

impl CountryCode {
    /// Looks a code up (upper case, exactly as ISO 3166-1 writes it).
    #[must_use]
    pub fn from_code(code: &str) -> Option<CountryCode> {
        let row = COUNTRY_INDEX[alpha2_slot(code)?];
        (row != u16::MAX).then_some(CountryCode(row))
    }

    /// The code that data written in another convention most likely meant: `EL` -> `GR`,
    /// `UK` -> `GB`, `se` -> `SE`.
    #[must_use]
    pub fn suggest(code: &str) -> Option<CountryCode> {
        let upper = code.trim().to_ascii_uppercase();
        let upper = ALIASES.iter().find(|(a, _)| *a == upper).map_or(upper.as_str(), |(_, c)| c);
        CountryCode::from_code(upper)
    }

    fn entry(self) -> &'static Country {
        &COUNTRIES[usize::from(self.0)]
    }

    /// The two-letter code.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.entry().code
    }

    /// The country's short name in a language (`Ungern`, `Hungary`).
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.entry().sv,
            Lang::En => self.entry().en,
        }
    }

    /// True when `subdivision` (the part after the dash, e.g. `IL` of `US-IL`) is a current
    /// ISO 3166-2 subdivision of this country.
    #[must_use]
    pub fn has_subdivision(self, subdivision: &str) -> bool {
        is_current_subdivision(&format!("{}-{subdivision}", self.code()))
    }

    /// Every country, in code order.
    pub fn all() -> impl Iterator<Item = CountryCode> {
        (0..COUNTRIES.len()).map(|i| CountryCode(u16::try_from(i).unwrap_or(u16::MAX)))
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
        super::deserialize_code(d, CountryCode::from_code, "unknown ISO 3166-1 alpha-2 code")
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
            COUNTRIES.iter().map(|e| (e.code, e.sv, e.en)),
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

struct Former {
    code: &'static str,
    en: &'static str,
    sv: &'static str,
}

static FORMER: LazyLock<Vec<Former>> = LazyLock::new(|| {
    super::table(
        include_str!("../../data/iso3166-3.tsv"),
        ["alpha4", "name_en", "name_sv"],
        |[code, en, sv]| Former { code, en, sv },
    )
});

static FORMER_ALL: LazyLock<Vec<FormerCountry>> =
    LazyLock::new(|| FORMER.iter().map(|f| FormerCountry(f.code)).collect());

/// A country that no longer exists, by its ISO 3166-3 four-letter code (`DDDE`, `SUHH`): for
/// partners whose agreement was signed with a former state. Every code of ISO 3166-3 is known.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FormerCountry(&'static str);

#[allow(non_upper_case_globals)]
impl FormerCountry {
    /// German Democratic Republic (East Germany), 1949-1990.
    pub const EastGermany: FormerCountry = FormerCountry("DDDE");
    /// Union of Soviet Socialist Republics, 1922-1991.
    pub const SovietUnion: FormerCountry = FormerCountry("SUHH");
    /// Socialist Federal Republic of Yugoslavia, 1945-1992.
    pub const Yugoslavia: FormerCountry = FormerCountry("YUCS");
    /// Czechoslovakia, 1918-1992.
    pub const Czechoslovakia: FormerCountry = FormerCountry("CSHH");
    /// Serbia and Montenegro, 2003-2006.
    pub const SerbiaAndMontenegro: FormerCountry = FormerCountry("CSXX");
    /// Netherlands Antilles, 1954-2010.
    pub const NetherlandsAntilles: FormerCountry = FormerCountry("ANHH");
}

impl FormerCountry {
    fn entry(self) -> &'static Former {
        let i = FORMER.binary_search_by(|f| f.code.cmp(self.0));
        // Every value is made from the table (the constants are checked against it by a test).
        &FORMER[i.unwrap_or_default()]
    }

    /// The four-letter code.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.0
    }

    /// The former country's name in a language, as ISO 3166-3 gives it.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.entry().sv,
            Lang::En => self.entry().en,
        }
    }
}

impl super::CodeList for FormerCountry {
    const NAME: &'static str = "FormerCountry";
    fn all() -> &'static [Self] {
        &FORMER_ALL
    }
    fn code(self) -> &'static str {
        self.0
    }
    fn label(self, lang: Lang) -> &'static str {
        FormerCountry::label(self, lang)
    }
    fn from_code(code: &str) -> Option<Self> {
        FORMER.binary_search_by(|f| f.code.cmp(code)).ok().map(|i| FormerCountry(FORMER[i].code))
    }
}

impl fmt::Debug for FormerCountry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Display for FormerCountry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for FormerCountry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for FormerCountry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::deserialize_code(
            d,
            <FormerCountry as super::CodeList>::from_code,
            "unknown ISO 3166-3 code",
        )
    }
}

impl schemars::JsonSchema for FormerCountry {
    fn schema_name() -> Cow<'static, str> {
        "FormerCountry".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        super::codelist_schema(
            "A country that no longer exists, by its ISO 3166-3 code (`DDDE` for East Germany, \
             `SUHH` for the Soviet Union): for partners whose agreement was signed with a \
             former state.",
            FORMER.iter().map(|f| (f.code, f.sv, f.en)),
        )
    }
}

impl Validate for FormerCountry {
    fn validate_into(&self, _: &mut Ctx) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::CodeList;

    #[test]
    fn tables_are_sorted_by_code_without_repeats() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].code < w[1].code));
        assert!(SUBDIVISIONS.windows(2).all(|w| w[0].code < w[1].code));
        assert!(FORMER.windows(2).all(|w| w[0].code < w[1].code));
        // ISO 3166-1's 249 and the user-assigned `XK` (Kosovo).
        assert_eq!(COUNTRIES.len(), 249 + 1);
        assert!(SUBDIVISIONS.len() > 5000);
    }

    #[test]
    fn a_code_is_found_by_its_index_exactly_when_the_table_has_it() {
        for c in COUNTRIES.iter() {
            assert_eq!(CountryCode::from_code(c.code).map(CountryCode::code), Some(c.code));
        }
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let code = String::from_utf8(vec![a, b]).unwrap();
                let listed = COUNTRIES.binary_search_by(|e| e.code.cmp(code.as_str())).is_ok();
                assert_eq!(CountryCode::from_code(&code).is_some(), listed, "{code}");
            }
        }
        for not_a_code in ["se", "Se", "SWE", "S", "", "S1", "ÅÄ"] {
            assert!(CountryCode::from_code(not_a_code).is_none(), "{not_a_code}");
        }
    }

    #[test]
    fn every_subdivision_lies_in_a_country() {
        for s in SUBDIVISIONS.iter() {
            let (country, rest) = s.code.split_once('-').expect("CC-XXX");
            assert!(CountryCode::from_code(country).is_some(), "{}", s.code);
            assert!((1..=3).contains(&rest.len()), "{}", s.code);
        }
    }

    /// The 2024 Norwegian county reform: the new counties are current, the dissolved ones not.
    #[test]
    fn norway_after_the_2024_reform() {
        let no = CountryCode::from_code("NO").unwrap();
        for current in ["03", "11", "15", "18", "21", "22", "31", "32", "33", "34", "39", "40"]
            .into_iter()
            .chain(["42", "46", "50", "55", "56"])
        {
            assert!(no.has_subdivision(current), "NO-{current}");
        }
        for dissolved in ["30", "38", "54"] {
            assert!(!no.has_subdivision(dissolved), "NO-{dissolved}");
        }
    }

    #[test]
    fn names_in_both_languages() {
        let hu = CountryCode::from_code("HU").unwrap();
        assert_eq!((hu.label(Lang::Sv), hu.label(Lang::En)), ("Ungern", "Hungary"));
        assert_eq!(FormerCountry::SovietUnion.label(Lang::Sv), "Sovjetunionen");
        assert_eq!(FormerCountry::EastGermany.label(Lang::En), "German Democratic Republic");
    }

    #[test]
    fn the_named_former_countries_are_in_the_table() {
        for f in [
            FormerCountry::EastGermany,
            FormerCountry::SovietUnion,
            FormerCountry::Yugoslavia,
            FormerCountry::Czechoslovakia,
            FormerCountry::SerbiaAndMontenegro,
            FormerCountry::NetherlandsAntilles,
        ] {
            assert_eq!(FormerCountry::from_code(f.code()), Some(f));
        }
        assert_eq!(FormerCountry::all().len(), FORMER.len());
        assert_eq!(FormerCountry::from_code("XXXX"), None);
    }
}
