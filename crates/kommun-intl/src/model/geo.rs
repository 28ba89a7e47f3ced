//! Geography and contact: postal addresses, ISO 3166-2 subdivisions, Wikidata ids, e-mail
//! addresses and phone numbers.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use super::common::{Text, string_type};
use super::pattern::{self, Pattern};
use crate::codes::CountryCode;
use crate::validate::{Ctx, Validate, rules};

const SE_POSTAL_CODE_PATTERN: &str = "^[1-9][0-9]{2} [0-9]{2}$";
pub(crate) static SE_POSTAL_CODE_RE: Pattern =
    Pattern::new(SE_POSTAL_CODE_PATTERN, pattern::se_postal_code);

/// A postal address (schema.org `PostalAddress`).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = ["address.postal_code_format"]))]
pub struct PostalAddress {
    /// Street and number, or box (`Skaragatan 8`).
    pub street_address: Text,
    /// The postal code; a Swedish one is written `NNN NN` (`531 88`).
    pub postal_code: Text,
    /// The postal town (`Lidköping`).
    pub locality: Text,
    /// The country.
    pub country: CountryCode,
}

impl Validate for PostalAddress {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("street_address", &self.street_address);
        ctx.check("postal_code", &self.postal_code);
        ctx.check("locality", &self.locality);
        if self.country.code() == "SE" && !SE_POSTAL_CODE_RE.is_match(self.postal_code.as_str()) {
            ctx.report_at("postal_code", &rules::POSTAL_CODE_FORMAT, &[]);
        }
    }
}

impl PostalAddress {
    /// A Swedish postal code in its one right form, `NNN NN`, if `code` is five digits written
    /// with or without the space (and with or without an `SE-` prefix).
    #[must_use]
    pub fn normalise_se_postal_code(code: &str) -> Option<String> {
        let code = code.trim();
        let code = code.strip_prefix("SE-").unwrap_or(code);
        let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        let normal = (digits.len() == 5 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| format!("{} {}", &digits[..3], &digits[3..]))?;
        SE_POSTAL_CODE_RE.is_match(&normal).then_some(normal)
    }
}

const SUBDIVISION_PATTERN: &str = "^[A-Z]{2}-[A-Z0-9]{1,3}$";
pub(crate) static SUBDIVISION_RE: Pattern = Pattern::new(SUBDIVISION_PATTERN, pattern::subdivision);

string_type! {
    /// An ISO 3166-2 subdivision code: the country code, a dash and one to three letters or
    /// digits (`US-IL`, `HU-KM`, `SE-O`).
    SubdivisionCode
}

impl SubdivisionCode {
    /// The country part (`US` of `US-IL`), if the code is well-formed and the country exists.
    #[must_use]
    pub fn country(&self) -> Option<CountryCode> {
        if !SUBDIVISION_RE.is_match(&self.0) {
            return None;
        }
        CountryCode::from_code(&self.0[..2])
    }

    /// True when ISO 3166-2 has this code.
    #[must_use]
    pub fn is_known(&self) -> bool {
        self.country().is_some_and(|c| c.has_subdivision(&self.0[3..]))
    }
}

impl JsonSchema for SubdivisionCode {
    fn schema_name() -> Cow<'static, str> {
        "SubdivisionCode".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An ISO 3166-2 subdivision code, e.g. US-IL.",
            "type": "string",
            "pattern": SUBDIVISION_PATTERN,
            "x-rules": [rules::SUBDIVISION_UNKNOWN.code],
        })
    }
}

impl Validate for SubdivisionCode {
    fn validate_into(&self, ctx: &mut Ctx) {
        if !SUBDIVISION_RE.is_match(&self.0) {
            ctx.report(&rules::SUBDIVISION_FORMAT, &[]);
        } else if !self.is_known() {
            ctx.report(&rules::SUBDIVISION_UNKNOWN, &[("subdivision", self.0.clone())]);
        }
    }
}

const WIKIDATA_PATTERN: &str = "^Q[1-9][0-9]{0,11}$";
pub(crate) static WIKIDATA_RE: Pattern = Pattern::new(WIKIDATA_PATTERN, pattern::wikidata);

string_type! {
    /// A Wikidata item id (`Q25522`).
    WikidataId
}

impl JsonSchema for WikidataId {
    fn schema_name() -> Cow<'static, str> {
        "WikidataId".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A Wikidata item id, e.g. Q25522.",
            "type": "string",
            "pattern": WIKIDATA_PATTERN,
        })
    }
}

impl Validate for WikidataId {
    fn validate_into(&self, ctx: &mut Ctx) {
        if !WIKIDATA_RE.is_match(&self.0) {
            ctx.report(&rules::WIKIDATA_FORMAT, &[]);
        }
    }
}

string_type! {
    /// An e-mail address (`kommun@lidkoping.se`).
    Email
}

impl JsonSchema for Email {
    fn schema_name() -> Cow<'static, str> {
        "Email".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An e-mail address.",
            "type": "string",
            "format": "email",
            "x-rules": [rules::EMAIL_DOMAIN.code],
        })
    }
}

/// True for the plain addresses that `email_address` certainly accepts with a dotted domain:
/// ASCII only, one `@`, a dot-atom local part of at most 64 bytes, and a domain of at most 254
/// bytes of two or more labels (1 to 63 bytes, starting and ending with a letter or digit).
/// Anything else takes the full parse; this only spares the common case its cost.
fn plain_email(s: &str) -> bool {
    fn atext(c: u8) -> bool {
        c.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&c)
    }
    let Some((local, domain)) = s.split_once('@') else { return false };
    let local_ok = (1..=64).contains(&local.len())
        && local.split('.').all(|atom| !atom.is_empty() && atom.bytes().all(atext));
    let domain_ok = (1..=254).contains(&domain.len())
        && domain.contains('.')
        && domain.split('.').all(|label| {
            let b = label.as_bytes();
            (1..=63).contains(&b.len())
                && b[0].is_ascii_alphanumeric()
                && b[b.len() - 1].is_ascii_alphanumeric()
                && b.iter().copied().all(atext)
        });
    local_ok && domain_ok
}

impl Validate for Email {
    fn validate_into(&self, ctx: &mut Ctx) {
        if plain_email(&self.0) {
            return;
        }
        match self.0.parse::<email_address::EmailAddress>() {
            Ok(e) if e.as_str() == self.0 => {
                if !e.domain().contains('.') || e.domain().starts_with('[') {
                    ctx.report(&rules::EMAIL_DOMAIN, &[]);
                }
            }
            _ => ctx.report(&rules::EMAIL_INVALID, &[]),
        }
    }
}

const PHONE_PATTERN: &str = r"^\+?[0-9() -]{4,30}$";
pub(crate) static PHONE_RE: Pattern = Pattern::new(PHONE_PATTERN, pattern::phone);

string_type! {
    /// A phone number, stored in E.164 form (`+46510770000`). The Swedish national form
    /// (`0510-77 00 00`) is accepted with a warning and `kommun-intl fix` normalises it.
    Phone
}

impl Phone {
    /// The number in E.164 form, if it is a valid number (national numbers are read as
    /// Swedish).
    #[must_use]
    pub fn e164(&self) -> Option<String> {
        self.with_e164(str::to_owned)
    }

    /// Calls `f` with the number in E.164 form, if it is a valid number, without copying it.
    fn with_e164<R>(&self, f: impl FnOnce(&str) -> R) -> Option<R> {
        use rlibphonenumber::{PHONE_NUMBER_UTIL, PhoneNumberFormat, enums::Region};
        if !PHONE_RE.is_match(&self.0) {
            return None;
        }
        let n = PHONE_NUMBER_UTIL.parse(&self.0, Some(Region::SE)).ok()?;
        n.is_valid().then(|| f(&n.format_as(PhoneNumberFormat::E164)))
    }
}

impl JsonSchema for Phone {
    fn schema_name() -> Cow<'static, str> {
        "Phone".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A phone number in E.164 form, e.g. +46510770000 (the Swedish national form 0510-77 00 00 is accepted with a warning).",
            "type": "string",
            "pattern": PHONE_PATTERN,
            "x-rules": [rules::PHONE_INVALID.code, rules::PHONE_NOT_E164.code],
        })
    }
}

impl Validate for Phone {
    fn validate_into(&self, ctx: &mut Ctx) {
        if !PHONE_RE.is_match(&self.0) {
            ctx.report(&rules::PHONE_FORMAT, &[]);
            return;
        }
        match self.with_e164(|e164| e164 == self.0) {
            None => ctx.report(&rules::PHONE_INVALID, &[]),
            Some(false) => ctx.report(&rules::PHONE_NOT_E164, &[]),
            Some(true) => {}
        }
    }
}

#[cfg(test)]
mod email_tests {
    use super::*;
    use crate::validate::Options;

    fn slow(s: &str) -> Vec<&'static str> {
        let mut ctx = Ctx::new(&Options::default());
        match s.parse::<email_address::EmailAddress>() {
            Ok(e) if e.as_str() == s => {
                if !e.domain().contains('.') || e.domain().starts_with('[') {
                    ctx.report(&rules::EMAIL_DOMAIN, &[]);
                }
            }
            _ => ctx.report(&rules::EMAIL_INVALID, &[]),
        }
        ctx.finish().issues.iter().map(crate::validate::Issue::code).collect()
    }

    /// The fast path accepts only addresses that the full parse accepts without an issue.
    #[test]
    fn plain_addresses_are_a_subset_of_the_full_parse() {
        fn next(state: &mut u64, n: usize) -> usize {
            *state ^= *state << 13;
            *state ^= *state >> 7;
            *state ^= *state << 17;
            usize::try_from(*state % n as u64).unwrap_or(0)
        }
        let alphabet: &[&str] = &[
            "a", "Z", "0", ".", "@", "-", "_", "+", "!", " ", "<", ">", "\"", "[", "]", "é", "..",
            "se",
        ];
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let st = &mut state;
        let mut samples = vec![
            "anna.andersson@example.se".to_owned(),
            "a@b".to_owned(),
            "a@b.c".to_owned(),
            "a..b@c.d".to_owned(),
            ".a@b.c".to_owned(),
            "a@-b.c".to_owned(),
            "a@b-.c".to_owned(),
            "a@b..c".to_owned(),
            format!("{}@b.c", "a".repeat(64)),
            format!("{}@b.c", "a".repeat(65)),
            format!("a@{}.c", "b".repeat(63)),
            format!("a@{}.c", "b".repeat(64)),
            "Anna <a@b.c>".to_owned(),
            "\"a b\"@c.d".to_owned(),
        ];
        for _ in 0..30_000 {
            let n = 1 + next(st, 12);
            samples.push((0..n).map(|_| alphabet[next(st, alphabet.len())]).collect());
            // Shaped like an address: local@label.label, now and then with an odd character.
            let mut parts = Vec::new();
            for len in [1 + next(st, 4), 1 + next(st, 4), 1 + next(st, 3)] {
                let part: String = (0..len)
                    .map(|_| {
                        if next(st, 8) == 0 {
                            alphabet[next(st, alphabet.len())]
                        } else {
                            ["a", "b", "1"][next(st, 3)]
                        }
                    })
                    .collect();
                parts.push(part);
            }
            samples.push(format!("{}@{}.{}", parts[0], parts[1], parts[2]));
        }
        let mut fast = 0;
        for s in &samples {
            if plain_email(s) {
                fast += 1;
                assert!(slow(s).is_empty(), "{s:?} passes the fast path but not the parse");
            }
            let mut ctx = Ctx::new(&Options::default());
            Email::new(s.clone()).validate_into(&mut ctx);
            let got: Vec<&str> =
                ctx.finish().issues.iter().map(crate::validate::Issue::code).collect();
            assert_eq!(got, slow(s), "{s:?}");
        }
        assert!(fast > 100, "only {fast} samples took the fast path");
    }
}
