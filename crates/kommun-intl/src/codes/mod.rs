//! Code lists: every enumerated value of the model, with a Swedish and an English label.
//!
//! Small lists are Rust enums declared with [`codelist!`](crate::codelist); the large standard
//! lists are compiled-in data: ISO 3166-1 countries, ISO 3166-2 subdivisions and ISO 3166-3
//! former countries (`data/iso3166-{1,2,3}.tsv`, made by `tools/gen_iso3166.py`), ISO 4217
//! currencies (`data/currencies.tsv`) and SCB's 290 municipality codes
//! (`data/scb-municipalities.tsv`).

mod country;
mod currency;
mod municipality;

pub use country::{CountryCode, FormerCountry, subdivision_name};
pub(crate) use country::{is_current_subdivision, is_listed_subdivision};
pub use currency::CurrencyCode;
pub use municipality::{Municipality as ScbMunicipality, municipalities, municipality_by_code};

use crate::validate::Lang;

/// A code with labels in both languages.
pub trait CodeList: Sized + Copy + 'static {
    /// The name of the list, as in the schema (`AgreementType`).
    const NAME: &'static str;
    /// Every code of the list, in order.
    fn all() -> &'static [Self];
    /// The code as written in data (`twinning`).
    fn code(self) -> &'static str;
    /// The label in a language (`Vänortsavtal`, `Twin-town agreement`).
    fn label(self, lang: Lang) -> &'static str;
    /// Looks a code up.
    #[must_use]
    fn from_code(code: &str) -> Option<Self> {
        Self::all().iter().copied().find(|c| c.code() == code)
    }
}

/// Deserializes a code from a string by `parse`, failing with `unknown` when it gives
/// nothing. The string is looked at where it lies in the input: `Cow<str>`'s `Deserialize`
/// would copy every code into a new `String` first.
pub(crate) fn deserialize_code<'de, D, T>(
    d: D,
    parse: fn(&str) -> Option<T>,
    unknown: &'static str,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Code<T> {
        parse: fn(&str) -> Option<T>,
        unknown: &'static str,
    }
    impl<T> serde::de::Visitor<'_> for Code<T> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a code")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<T, E> {
            (self.parse)(s).ok_or_else(|| E::custom(self.unknown))
        }
    }
    d.deserialize_str(Code { parse, unknown })
}

/// The rows of a compiled-in tab-separated table whose first line names its columns, each made
/// by `row` from the named columns in the order asked for; a column can be added to a table
/// without breaking this. A row is split in place, without allocating: the tables are read
/// once, when a rule first needs one, and the 5,000 rows of ISO 3166-2 should cost little more
/// than reading them.
///
/// # Panics
///
/// When the table lacks a column (the tables are compiled in; every one is read by a test).
pub(crate) fn table<const N: usize, T>(
    text: &'static str,
    names: [&'static str; N],
    row: impl Fn([&'static str; N]) -> T,
) -> Vec<T> {
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count());
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default();
    let index = names.map(|n| {
        header.split('\t').position(|h| h == n).unwrap_or_else(|| panic!("no column {n}"))
    });
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let mut fields = [""; N];
        let mut rest = line;
        for column in 0.. {
            let (field, next) = match rest.bytes().position(|b| b == b'\t') {
                Some(tab) => (&rest[..tab], Some(&rest[tab + 1..])),
                None => (rest, None),
            };
            for (slot, &i) in fields.iter_mut().zip(&index) {
                if i == column {
                    *slot = field;
                }
            }
            match next {
                Some(next) => rest = next,
                None => break,
            }
        }
        out.push(row(fields));
    }
    out
}

/// The JSON Schema of a code list: `enum` with the codes and `x-labels` with both labels.
pub(crate) fn codelist_schema(
    description: &str,
    entries: impl Iterator<Item = (&'static str, &'static str, &'static str)>,
) -> schemars::Schema {
    let mut codes = Vec::new();
    let mut labels = serde_json::Map::new();
    for (code, sv, en) in entries {
        codes.push(serde_json::Value::from(code));
        labels.insert(code.to_owned(), serde_json::json!({ "sv": sv, "en": en }));
    }
    schemars::json_schema!({
        "description": description,
        "type": "string",
        "enum": codes,
        "x-labels": labels,
    })
}

/// Declares a code list: a Rust enum whose variants serialise as snake_case codes, with labels
/// in both languages, a [`CodeList`] impl and a JSON Schema with `enum` and `x-labels`.
#[macro_export]
#[doc(hidden)]
macro_rules! codelist {
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident {
            $(
                $(#[doc = $vdoc:literal])*
                $variant:ident = $code:literal, sv: $sv:literal, en: $en:literal;
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $(
                $(#[doc = $vdoc])*
                #[serde(rename = $code)]
                $variant,
            )*
        }

        impl $crate::codes::CodeList for $name {
            const NAME: &'static str = stringify!($name);
            fn all() -> &'static [Self] {
                &[$($name::$variant),*]
            }
            fn code(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }
            fn label(self, lang: $crate::validate::Lang) -> &'static str {
                match (self, lang) {
                    $(
                        ($name::$variant, $crate::validate::Lang::Sv) => $sv,
                        ($name::$variant, $crate::validate::Lang::En) => $en,
                    )*
                }
            }
        }

        impl $name {
            /// The code as written in data.
            #[must_use]
            pub fn code(self) -> &'static str {
                <Self as $crate::codes::CodeList>::code(self)
            }

            /// The label in a language.
            #[must_use]
            pub fn label(self, lang: $crate::validate::Lang) -> &'static str {
                <Self as $crate::codes::CodeList>::label(self, lang)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let doc = [$($doc.trim()),*].join(" ");
                $crate::codes::codelist_schema(&doc, [$(($code, $sv, $en)),*].into_iter())
            }
        }

        impl $crate::validate::Validate for $name {
            fn validate_into(&self, _: &mut $crate::validate::Ctx) {}
        }
    };
}

/// One entry of a code list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The code as written in data.
    pub code: &'static str,
    /// The Swedish label.
    pub sv: &'static str,
    /// The English label.
    pub en: &'static str,
}

/// A whole code list, for tools that show or export them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct List {
    /// The list's name, as in the schema's `$defs` (`AgreementType`, `CountryCode`).
    pub name: &'static str,
    /// Its entries, in order.
    pub entries: Vec<Entry>,
}

fn list_of<T: CodeList>() -> List {
    List {
        name: T::NAME,
        entries: T::all()
            .iter()
            .map(|&c| Entry { code: c.code(), sv: c.label(Lang::Sv), en: c.label(Lang::En) })
            .collect(),
    }
}

/// Every code list of the model, with both labels: the enumerations and the standard lists
/// (countries, former countries, currencies, SCB municipalities; a municipality's "label" is its
/// name in both languages).
#[must_use]
pub fn lists() -> Vec<List> {
    use crate::model::{
        ActivityStatus, AgreementType, Channel, CooperationArea, FaultReportStatus,
        FeedbackCategory, FeedbackStatus, FundingSourceType, InternationalWorkKind, PartnerLevel,
        PartnershipStatus, ProgrammeCode, StatMeasure,
    };
    vec![
        list_of::<ActivityStatus>(),
        list_of::<AgreementType>(),
        list_of::<Channel>(),
        list_of::<CooperationArea>(),
        List {
            name: "CountryCode",
            entries: CountryCode::all()
                .map(|c| Entry { code: c.code(), sv: c.label(Lang::Sv), en: c.label(Lang::En) })
                .collect(),
        },
        List {
            name: "CurrencyCode",
            entries: CurrencyCode::all()
                .map(|c| Entry { code: c.code(), sv: c.label(Lang::Sv), en: c.label(Lang::En) })
                .collect(),
        },
        list_of::<FaultReportStatus>(),
        list_of::<FeedbackCategory>(),
        list_of::<FeedbackStatus>(),
        list_of::<FormerCountry>(),
        list_of::<FundingSourceType>(),
        list_of::<InternationalWorkKind>(),
        List {
            name: "MunicipalityCode",
            entries: municipalities()
                .iter()
                .map(|m| Entry { code: m.code, sv: m.name, en: m.name })
                .collect(),
        },
        list_of::<PartnerLevel>(),
        list_of::<PartnershipStatus>(),
        list_of::<ProgrammeCode>(),
        List {
            name: "ServiceCode",
            entries: crate::model::Profile::builtin()
                .services
                .iter()
                .map(|s| Entry {
                    code: s.service_code.as_str(),
                    sv: s.service_name.as_str(),
                    en: s.service_name_en.as_ref().unwrap_or(&s.service_name).as_str(),
                })
                .collect(),
        },
        list_of::<StatMeasure>(),
    ]
}
