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

    /// True when this is a current ISO 3166-2 code (a subdivision dissolved by a reform is not).
    #[must_use]
    pub fn is_known(&self) -> bool {
        self.country().is_some() && crate::codes::is_current_subdivision(&self.0)
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
            "patternErrorMessage": rules::Rule::pattern_message(&[&rules::SUBDIVISION_FORMAT]),
            "x-rules": [rules::SUBDIVISION_UNKNOWN.code],
        })
    }
}

impl SubdivisionCode {
    /// Checks a code that may name a subdivision a reform has dissolved (a partner's former
    /// subdivision): well-formed and in the table, current or withdrawn.
    pub(crate) fn validate_former(&self, ctx: &mut Ctx) {
        if !SUBDIVISION_RE.is_match(&self.0) {
            ctx.report(&rules::SUBDIVISION_FORMAT, &[]);
        } else if self.country().is_none() || !crate::codes::is_listed_subdivision(&self.0) {
            ctx.report(&rules::SUBDIVISION_UNKNOWN, &[("subdivision", self.0.clone())]);
        }
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
            "patternErrorMessage": rules::Rule::pattern_message(&[&rules::WIKIDATA_FORMAT]),
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
    /// An e-mail address (`kommun@lidkoping.se`): ASCII, in the syntax of RFC 5321 (a dot-atom
    /// or quoted local part of at most 64 octets, then a host name or an address literal, at
    /// most 254 octets in all). An internationalised domain is written in its ASCII form
    /// (`xn--...`).
    Email
}

// The classes of RFC 5321 4.1.2 (atext, qtextSMTP, quoted-pairSMTP) and 4.1.3 (address
// literals), written out so that every regex dialect reads them alike. The pattern says every
// rule of the syntax but the limit of 64 octets on the local part and the IPv6 grammar, which a
// portable pattern (no look-ahead) cannot; `format: email` and the library check those.
macro_rules! atext {
    () => {
        r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]"
    };
}
macro_rules! label {
    () => {
        r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    };
}
macro_rules! octet {
    () => {
        r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
    };
}
const EMAIL_PATTERN: &str = concat!(
    r"^(?:",
    atext!(),
    r"+(?:\.",
    atext!(),
    r#"+)*|"(?:[ !#-\[\]-~]|\\[ -~])*")@(?:"#,
    label!(),
    r"(?:\.",
    label!(),
    r")*|\[",
    octet!(),
    r"(?:\.",
    octet!(),
    r"){3}\]|\[[Ii][Pp][Vv]6:[0-9A-Fa-f:.]+\])$"
);
pub(crate) static EMAIL_RE: Pattern = Pattern::new(EMAIL_PATTERN, pattern::email);

/// The longest address, in octets (RFC 5321 4.5.3.1.3: a path of 256 octets with its `<>`).
pub const EMAIL_MAX: usize = 254;
/// The longest local part, in octets (RFC 5321 4.5.3.1.1).
const EMAIL_LOCAL_MAX: usize = 64;
/// The longest domain, in octets (RFC 1035 2.3.4, without the trailing dot).
const EMAIL_DOMAIN_MAX: usize = 253;

impl Email {
    /// True when the address is well-formed: what `format: email` accepts, ASCII only.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.domain().is_some()
    }

    /// The domain of a well-formed address (see [`Email::is_valid`]).
    fn domain(&self) -> Option<&str> {
        let s = self.0.as_str();
        if s.len() > EMAIL_MAX || !EMAIL_RE.is_match(s) {
            return None;
        }
        // The pattern has shaped it: the last `@` ends the local part (a domain has none).
        // (A loop, not `memchr`, whose set-up costs more than reading a short address.)
        let at = s.bytes().rposition(|b| b == b'@').unwrap_or_default();
        let domain = &s[at + 1..];
        (at <= EMAIL_LOCAL_MAX && email_domain_ok(domain)).then_some(domain)
    }
}

/// The rules of the domain that the pattern leaves out: the IPv6 grammar of an address literal,
/// the length of a host name, and IDNA's reserved labels (RFC 5891 4.2.3.1: a label with `--`
/// in its third and fourth places is an A-label, `xn--` and valid Punycode, or nothing).
fn email_domain_ok(domain: &str) -> bool {
    if let Some(literal) = domain.strip_prefix('[').and_then(|d| d.strip_suffix(']')) {
        return match literal.get(..5) {
            Some(tag) if tag.eq_ignore_ascii_case("IPv6:") => {
                literal[5..].parse::<std::net::Ipv6Addr>().is_ok()
            }
            _ => true, // an IPv4 literal, which the pattern has read exactly
        };
    }
    let reserved = domain.as_bytes().windows(2).any(|w| w == b"--");
    domain.len() <= EMAIL_DOMAIN_MAX
        && (!reserved
            || domain.split('.').all(|label| {
                label.get(2..4) != Some("--")
                    || (label[..2].eq_ignore_ascii_case("xn")
                        && idna::domain_to_ascii_strict(label)
                            .is_ok_and(|ascii| ascii.eq_ignore_ascii_case(label)))
            }))
}

impl JsonSchema for Email {
    fn schema_name() -> Cow<'static, str> {
        "Email".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An e-mail address in the ASCII syntax of RFC 5321 (an internationalised domain in its xn-- form).",
            "type": "string",
            "format": "email",
            "maxLength": EMAIL_MAX,
            "pattern": EMAIL_PATTERN,
            "patternErrorMessage": rules::Rule::pattern_message(&[&rules::EMAIL_INVALID, &rules::EMAIL_NOT_ASCII]),
            "x-rules": [rules::EMAIL_DOMAIN.code],
        })
    }
}

impl Validate for Email {
    fn validate_into(&self, ctx: &mut Ctx) {
        if self.0.is_ascii() {
            match self.domain() {
                None => ctx.report(&rules::EMAIL_INVALID, &[]),
                Some(d) if !d.contains('.') || d.starts_with('[') => {
                    ctx.report(&rules::EMAIL_DOMAIN, &[]);
                }
                Some(_) => {}
            }
        } else {
            ctx.report(&rules::EMAIL_NOT_ASCII, &[]);
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

    /// The number as people read it, if it is a valid number: a Swedish number in the national
    /// form (`0510-77 00 00`), any other in the international form (`+47 22 00 00 00`).
    #[must_use]
    pub fn display(&self) -> Option<String> {
        use rlibphonenumber::{PhoneNumberFormat, enums::Region};
        if !PHONE_RE.is_match(&self.0) {
            return None;
        }
        with_phone_util(|util| {
            let n = util.parse(&self.0, Some(Region::SE)).ok()?;
            let format = if util.get_region_for_number(&n) == Some(Region::SE) {
                PhoneNumberFormat::National
            } else {
                PhoneNumberFormat::International
            };
            util.is_valid_number(&n).then(|| util.format(&n, format).into_owned())
        })
    }

    /// Calls `f` with the number in E.164 form, if it is a valid number, without copying it.
    fn with_e164<R>(&self, f: impl FnOnce(&str) -> R) -> Option<R> {
        use rlibphonenumber::{PhoneNumberFormat, enums::Region};
        if is_valid_e164(&self.0) {
            return Some(f(&self.0));
        }
        if !PHONE_RE.is_match(&self.0) {
            return None;
        }
        with_phone_util(|util| {
            let n = util.parse(&self.0, Some(Region::SE)).ok()?;
            util.is_valid_number(&n).then(|| f(&util.format(&n, PhoneNumberFormat::E164)))
        })
    }
}

/// Whether `s` is a valid number written in E.164 form (`+`, the country calling code, the
/// national number), found from the metadata without the general parser; `false` means "ask
/// the parser", not "invalid".
///
/// The general parser (`PhoneNumberUtil::parse`) reads any way of writing a number (spaces,
/// brackets, extensions, international prefixes) through a dozen regular expressions: about
/// 6,700 instructions for `+46701234567`, two thirds of the whole check. For `+` and digits
/// those steps change nothing, so the parser's result is known without them: the calling code
/// is the digits' prefix that names a country (E.164's codes are prefix-free), and the rest is
/// the national number as it stands, unless the country's national prefix would be stripped
/// from it, which the parser's own step tells (a number it would change goes to the parser; in
/// today's metadata no valid number was found that it would change, but the parser's rule is
/// kept rather than a finding about one version of the metadata).
/// A national number with a leading zero (Italy's) also goes to the parser. The property test
/// `phone_tests::the_e164_path_agrees_with_the_parser` holds this path to the parser on every
/// country's example numbers and on random digits after every calling code.
fn is_valid_e164(s: &str) -> bool {
    use rlibphonenumber::{PhoneNumber, interfaces::AsOriginal};
    let Some(digits) = s.strip_prefix('+') else {
        return false;
    };
    // At least three digits is what the calling code's extraction assumes; 17 digits of a
    // national number is the most the parser takes.
    if !(4..=20).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    with_phone_util(|phones| {
        let util = phones.as_original();
        let Some((national, code)) = util.extract_country_code(digits.into()) else {
            return false;
        };
        if national.len() < 2 || national.starts_with('0') {
            return false;
        }
        let Some(metadata) = util
            .get_region_for_country_code(code)
            .and_then(|region| util.get_metadata_for_region_or_calling_code(code, region))
        else {
            return false;
        };
        let unchanged = util
            .maybe_strip_national_prefix_and_carrier_code(metadata, &national)
            .is_ok_and(|(stripped, carrier)| carrier.is_none() && stripped == national);
        if !unchanged {
            return false;
        }
        national.parse::<u64>().is_ok_and(|national_number| {
            phones.is_valid_number(&PhoneNumber {
                country_code: code,
                national_number,
                ..PhoneNumber::default()
            })
        })
    })
}

thread_local! {
    /// The phone number metadata and its regular expressions, one copy per thread. A `Regex`
    /// keeps a fast cache for the first thread that uses it; every other thread takes one
    /// from a shared pool, and each match moves the owner's flag between the cores: with the
    /// crate's one shared `PHONE_NUMBER_UTIL`, checking the 1,000,000-line stream on two
    /// threads spent about 9 % of its CPU time there. A copy costs about 7 ms, once per
    /// thread that checks a phone number.
    static PHONE_UTIL: rlibphonenumber::PhoneNumberUtil =
        rlibphonenumber::PhoneNumberUtil::new().expect("the crate's own metadata loads");
}

/// Calls `f` with this thread's phone number metadata ([`PHONE_UTIL`]).
fn with_phone_util<R>(f: impl FnOnce(&rlibphonenumber::PhoneNumberUtil) -> R) -> R {
    PHONE_UTIL.with(f)
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
            "patternErrorMessage": rules::Rule::pattern_message(&[&rules::PHONE_FORMAT]),
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
mod phone_tests {
    use super::*;
    use proptest::prelude::*;
    use rlibphonenumber::{PHONE_NUMBER_UTIL, PhoneNumberFormat, PhoneNumberType, enums::Region};

    /// The general parser's verdict: a valid number, written in E.164 form.
    fn by_the_parser(s: &str) -> bool {
        PHONE_NUMBER_UTIL
            .parse(s, Some(Region::SE))
            .is_ok_and(|n| n.is_valid() && n.format_as(PhoneNumberFormat::E164) == s)
    }

    /// Every country's example number of every type, in E.164 form, and each with a digit put
    /// before or after its national number, or its last digit changed.
    fn example_numbers() -> Vec<String> {
        use PhoneNumberType as T;
        let types = [
            T::FixedLine,
            T::Mobile,
            T::TollFree,
            T::PremiumRate,
            T::SharedCost,
            T::VoIP,
            T::PersonalNumber,
            T::Pager,
            T::UAN,
            T::VoiceMail,
        ];
        let mut numbers = Vec::new();
        for region in PHONE_NUMBER_UTIL.get_supported_regions() {
            for kind in types {
                let Ok(n) = PHONE_NUMBER_UTIL.get_example_number_for_type_and_region(region, kind)
                else {
                    continue;
                };
                let e164 = n.format_as(PhoneNumberFormat::E164).into_owned();
                let code = n.country_code.to_string();
                let national = &e164[1 + code.len()..];
                for digit in ["0", "1", "6", "8", "9"] {
                    numbers.push(format!("+{code}{digit}{national}"));
                    numbers.push(format!("{e164}{digit}"));
                    numbers.push(format!("{}{digit}", &e164[..e164.len() - 1]));
                }
                numbers.push(e164);
            }
        }
        numbers
    }

    #[test]
    fn the_e164_path_agrees_with_the_parser_on_every_example_number() {
        let numbers = example_numbers();
        let mut taken = 0;
        for s in &numbers {
            if is_valid_e164(s) {
                taken += 1;
                assert!(by_the_parser(s), "{s}: valid by the E.164 path, not by the parser");
            }
        }
        // The path is taken for most of the valid examples, not a few (a guard that always
        // said "ask the parser" would agree trivially).
        let valid = numbers.iter().filter(|s| by_the_parser(s)).count();
        assert!(taken * 10 >= valid * 9, "taken {taken} of {valid} valid numbers");
        assert!(is_valid_e164("+46701234567") && is_valid_e164("+46510770000"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Random digits after every calling code, of every length the parser takes.
        #[test]
        fn the_e164_path_agrees_with_the_parser(
            index in 0usize..1000,
            national in "[0-9]{1,17}",
        ) {
            let codes: Vec<i32> = PHONE_NUMBER_UTIL.get_supported_calling_codes().collect();
            let s = format!("+{}{national}", codes[index % codes.len()]);
            if is_valid_e164(&s) {
                prop_assert!(by_the_parser(&s), "{}", s);
            }
        }
    }
}

#[cfg(test)]
mod email_tests {
    use super::*;
    use crate::validate::Options;

    fn codes(s: &str) -> Vec<&'static str> {
        let options = Options::default();
        let mut ctx = Ctx::new(&options);
        Email::new(s).validate_into(&mut ctx);
        ctx.finish().issues.iter().map(|i| i.code).collect()
    }

    /// RFC 5321's syntax, and the classes of issue 14: what `format: email` validators reject
    /// (characters a host name cannot hold, an octet above 255, non-ASCII) the library rejects.
    #[test]
    fn addresses_by_rfc_5321() {
        let long_local = format!("{}@b.se", "a".repeat(64));
        let too_long_local = format!("{}@b.se", "a".repeat(65));
        let label = "b".repeat(63);
        // 254 octets in all, the most a path can hold; one more is too many.
        let long_domain = format!("a@{label}.{label}.{label}.{}", "c".repeat(60));
        let too_long_domain = format!("a@{label}.{label}.{label}.{}", "c".repeat(61));
        let cases: &[(&str, &[&str])] = &[
            ("kommun@lidkoping.se", &[]),
            ("anna.andersson+tyck-till@example.se", &[]),
            ("te~st@example.com", &[]),
            ("\"joe bloggs\"@example.com", &[]),
            ("\"joe..bloggs\"@example.com", &[]),
            ("\"joe@bloggs\"@example.com", &[]),
            ("\"\"@example.com", &[]),
            ("\"a\\\"b\"@example.com", &[]),
            ("a@xn--rksmrgs-5wao1o.se", &[]),
            (&long_local, &[]),
            (&long_domain, &[]),
            ("a@b", &["email.unroutable_domain"]),
            ("joe.bloggs@[127.0.0.1]", &["email.unroutable_domain"]),
            ("joe.bloggs@[IPv6:::1]", &["email.unroutable_domain"]),
            ("joe.bloggs@[ipv6:2001:db8::1]", &["email.unroutable_domain"]),
            ("2962", &["email.invalid"]),
            (".test@example.com", &["email.invalid"]),
            ("test.@example.com", &["email.invalid"]),
            ("te..st@example.com", &["email.invalid"]),
            ("joe.bloggs@invalid=domain.com", &["email.invalid"]),
            ("joe.bloggs@[127.0.0.300]", &["email.invalid"]),
            ("joe.bloggs@[127.0.0.01]", &["email.invalid"]),
            ("joe.bloggs@[IPv6:::1::2]", &["email.invalid"]),
            ("joe.bloggs@[IPv6:1.2.3.4.5]", &["email.invalid"]),
            ("a@under_score.se", &["email.invalid"]),
            ("a@bang!.se", &["email.invalid"]),
            ("a@-b.se", &["email.invalid"]),
            ("a@b-.se", &["email.invalid"]),
            ("a@b..se", &["email.invalid"]),
            ("a@b.se.", &["email.invalid"]),
            ("a@ab--cd.se", &["email.invalid"]),
            ("a@xn--zz.se", &["email.invalid"]),
            ("Anna <a@b.se>", &["email.invalid"]),
            ("a b@c.se", &["email.invalid"]),
            ("\"a\nb\"@c.se", &["email.invalid"]),
            (&too_long_local, &["email.invalid"]),
            (&too_long_domain, &["email.invalid"]),
            ("åsa@lidkoping.se", &["email.not_ascii"]),
            ("info@räksmörgås.se", &["email.not_ascii"]),
            ("실례@실례.테스트", &["email.not_ascii"]),
        ];
        for (s, want) in cases {
            assert_eq!(codes(s), *want, "{s:?}");
        }
    }
}
