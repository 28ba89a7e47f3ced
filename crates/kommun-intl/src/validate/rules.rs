//! The rule catalogue: every issue code with its severity, where the schema expresses it, its
//! parameters and its messages in Swedish and English.

use super::issue::{Lang, Params, Severity};

/// Where a rule lives in the published JSON Schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// The JSON text itself (encoding, syntax, size limits, duplicate keys): below what a JSON
    /// Schema validator, which sees parsed JSON, can judge.
    Text,
    /// JSON syntax or the shape of the document (types, required and unknown fields, codes):
    /// the schema's `type`, `required`, `additionalProperties` and `enum` keywords.
    Structure,
    /// A JSON Schema keyword says the same thing (`pattern`, `maxLength`, `format`, ...).
    Keyword(&'static str),
    /// JSON Schema cannot say it; the code is listed in `x-rules` on the node it concerns.
    Rule,
    /// The spreadsheet a register was read from (its sheets, header row, cells and encoding):
    /// before there is any JSON for a schema to judge.
    Sheet,
}

/// One validation rule.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// The stable code, e.g. `partnership.end_before_start`.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// Where the schema expresses the rule.
    pub check: Check,
    /// The names of the parameters every issue of this rule carries.
    pub params: &'static [&'static str],
    /// The English message template; `{name}` is replaced by the parameter `name`.
    pub en: &'static str,
    /// The Swedish message template.
    pub sv: &'static str,
}

/// Where the documentation site is published; a rule's page is under `rules/<code>/`, the
/// schemas under `schemas/v2/`.
pub const DOCS_URI: &str = "https://kommun-intl.github.io/kommun-intl/";

impl Rule {
    /// The address of the rule's page on the documentation site (`.../rules/id.format/`): the
    /// one place that names it, for SARIF's `helpUri`, the JSON output's `url` and the site.
    #[must_use]
    pub fn url(&self) -> String {
        format!("{DOCS_URI}rules/{}/", self.code)
    }

    /// The message an editor shows when a string fails the schema's `pattern`
    /// (`patternErrorMessage`): the English messages of the rules the pattern stands for, then
    /// their codes (`An id is ... [id.format]`). Those rules take no parameters.
    #[must_use]
    pub fn pattern_message(rules: &[&Rule]) -> String {
        let messages: Vec<&str> = rules.iter().map(|r| r.en).collect();
        let codes: Vec<&str> = rules.iter().map(|r| r.code).collect();
        format!("{} [{}]", messages.join(" "), codes.join(", "))
    }

    /// The message template in one language.
    #[must_use]
    pub fn template(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.sv,
            Lang::En => self.en,
        }
    }

    /// The placeholders (`{name}`) of a template, in order.
    #[must_use]
    pub fn placeholders(template: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            let Some(len) = rest[start..].find('}') else { break };
            out.push(&rest[start + 1..start + len]);
            rest = &rest[start + len + 1..];
        }
        out
    }

    /// The message with its placeholders filled from `params`.
    #[must_use]
    pub fn render(&self, lang: Lang, params: &Params) -> String {
        let template = self.template(lang);
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let Some(len) = rest[start..].find('}') else {
                rest = &rest[start..];
                break;
            };
            let name = &rest[start + 1..start + len];
            match params.get(name) {
                Some(value) if lang == Lang::Sv && matches!(name, "expected" | "found") => {
                    out.push_str(&swedish_types(value));
                }
                Some(value) => out.push_str(value),
                None => out.push_str(&rest[start..=start + len]),
            }
            rest = &rest[start + len + 1..];
        }
        out.push_str(rest);
        out
    }

    /// Looks a rule up by its code.
    #[must_use]
    pub fn by_code(code: &str) -> Option<&'static Rule> {
        ALL.iter().copied().find(|r| r.code == code)
    }
}

/// JSON Schema's type names (`string or null`), as the Swedish messages name them (`text eller
/// null`); anything else as it is.
fn swedish_types(value: &str) -> String {
    value
        .split(" or ")
        .map(|t| match t {
            "string" => "text",
            "integer" => "heltal",
            "number" => "tal",
            "boolean" => "sanningsvärde (true eller false)",
            "array" => "lista",
            "object" => "objekt",
            "a value" => "ett värde",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" eller ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_messages_name_types_in_swedish() {
        let params: Params =
            [("expected", "string or null".to_owned()), ("found", "integer".to_owned())].into();
        assert_eq!(
            WRONG_TYPE.render(Lang::Sv, &params),
            "Här ska det stå ett värde av typen text eller null, men det står heltal."
        );
        assert_eq!(
            WRONG_TYPE.render(Lang::En, &params),
            "Expected a value of type string or null, found integer."
        );
    }
}

macro_rules! rules {
    ($(
        $(#[$doc:meta])*
        $name:ident = $code:literal, $sev:ident, $check:expr, [$($param:ident),*],
            en: $en:literal,
            sv: $sv:literal;
    )*) => {
        $(
            $(#[$doc])*
            pub static $name: Rule = Rule {
                code: $code,
                severity: Severity::$sev,
                check: $check,
                params: &[$(stringify!($param)),*],
                en: $en,
                sv: $sv,
            };
        )*
        /// Every rule, in catalogue order.
        pub static ALL: &[&Rule] = &[$(&$name),*];
    };
}

use Check::{Keyword as K, Rule as X, Sheet as W, Structure as S, Text as T};

rules! {
    /// The input is not well-formed JSON.
    JSON_SYNTAX = "json.syntax", Error, T, [detail],
        en: "The document is not valid JSON: {detail}.",
        sv: "Dokumentet är inte giltig JSON: {detail}.";
    /// The input ends before the JSON value does.
    JSON_TRUNCATED = "json.truncated", Error, T, [],
        en: "The document ends too early; it looks cut off.",
        sv: "Dokumentet tar slut för tidigt; det verkar avklippt.";
    /// The input is empty.
    JSON_EMPTY = "json.empty", Error, T, [],
        en: "The document is empty.",
        sv: "Dokumentet är tomt.";
    /// The input starts with a byte order mark, which JSON does not use.
    JSON_BYTE_ORDER_MARK = "json.byte_order_mark", Warning, T, [],
        en: "The file starts with a byte order mark (BOM); JSON files should not have one. It was ignored.",
        sv: "Filen börjar med ett byte order mark (BOM); JSON-filer ska inte ha något. Det ignorerades.";
    /// The input is not UTF-8.
    JSON_INVALID_UTF8 = "json.invalid_utf8", Error, T, [offset],
        en: "The file is not valid UTF-8 from byte {offset} on; save it as UTF-8.",
        sv: "Filen är inte giltig UTF-8 från byte {offset}; spara den som UTF-8.";
    /// An object has the same key twice.
    JSON_DUPLICATE_KEY = "json.duplicate_key", Error, T, [key],
        en: "The key `{key}` appears more than once in this object.",
        sv: "Nyckeln `{key}` förekommer mer än en gång i objektet.";
    /// A number is NaN or infinite, which JSON does not allow.
    JSON_NON_FINITE = "json.non_finite_number", Error, T, [],
        en: "NaN and Infinity are not JSON numbers.",
        sv: "NaN och Infinity är inga JSON-tal.";
    /// A number is too large to represent.
    JSON_NUMBER_OUT_OF_RANGE = "json.number_out_of_range", Error, T, [],
        en: "The number is too large to represent.",
        sv: "Talet är för stort för att kunna representeras.";
    /// The document is larger than the limit.
    LIMIT_DOCUMENT_SIZE = "limits.document_size", Error, T, [max],
        en: "The document is larger than the limit of {max} bytes.",
        sv: "Dokumentet är större än gränsen på {max} byte.";
    /// Arrays and objects nest deeper than the limit.
    LIMIT_DEPTH = "limits.depth", Error, T, [max],
        en: "Arrays and objects nest deeper than {max} levels.",
        sv: "Listor och objekt är nästlade djupare än {max} nivåer.";
    /// A string is longer than the limit.
    LIMIT_STRING_LENGTH = "limits.string_length", Error, T, [max],
        en: "A string is longer than the limit of {max} bytes.",
        sv: "En sträng är längre än gränsen på {max} byte.";
    /// An array has more items than the limit.
    LIMIT_ARRAY_LENGTH = "limits.array_length", Error, T, [max],
        en: "An array has more than {max} items.",
        sv: "En lista har fler än {max} poster.";
    /// A file could not be read as a workbook or CSV file.
    SHEET_UNREADABLE = "sheet.unreadable", Error, W, [detail],
        en: "The file cannot be read as a spreadsheet: {detail}.",
        sv: "Filen kan inte läsas som ett kalkylark: {detail}.";
    /// A workbook or CSV file is larger than the limits of a register.
    SHEET_TOO_LARGE = "sheet.too_large", Error, W, [what, max],
        en: "The spreadsheet is too large ({what} over the limit of {max}); the rest is not read.",
        sv: "Kalkylarket är för stort ({what} över gränsen {max}); resten läses inte.";
    /// A CSV file is not UTF-8 but Windows-1252 (what Excel's plain "CSV" saves).
    SHEET_ENCODING = "sheet.encoding", Warning, W, [encoding],
        en: "The file is not UTF-8 but {encoding}; it was read as {encoding}. Save it as \"CSV UTF-8\", or let `kommun-intl export FILE --to csv --output FOLDER` write it as UTF-8.",
        sv: "Filen är inte UTF-8 utan {encoding}; den lästes som {encoding}. Spara den som \"CSV UTF-8\", eller låt `kommun-intl export FIL --to csv --output MAPP` skriva den som UTF-8.";
    /// A sheet's name and columns fit no collection of the register.
    SHEET_UNKNOWN_SHEET = "sheet.unknown_sheet", Warning, W, [sheet],
        en: "The sheet `{sheet}` is not part of a register (Partnerskap, Projekt, Statistik, ...); it was not read.",
        sv: "Bladet `{sheet}` hör inte till ett register (Partnerskap, Projekt, Statistik, ...); det lästes inte.";
    /// A sheet is hidden; it was read all the same.
    SHEET_HIDDEN = "sheet.hidden", Warning, W, [sheet],
        en: "The sheet `{sheet}` is hidden; it was read all the same. Show it, or delete it if its rows do not belong in the register.",
        sv: "Bladet `{sheet}` är dolt; det lästes ändå. Visa det, eller ta bort det om raderna inte hör till registret.";
    /// A column's header names no field of the register.
    SHEET_UNKNOWN_COLUMN = "sheet.unknown_column", Error, W, [header],
        en: "The column `{header}` names no field here; its values were not read.",
        sv: "Kolumnen `{header}` motsvarar inget fält här; dess värden lästes inte.";
    /// Two columns of a sheet are the same field.
    SHEET_DUPLICATE_COLUMN = "sheet.duplicate_column", Error, W, [header, first],
        en: "The column `{header}` is the same field as column {first}; only the first was read.",
        sv: "Kolumnen `{header}` är samma fält som kolumn {first}; bara den första lästes.";
    /// A cell holds a formula: its cached value was read, the formula never evaluated.
    SHEET_FORMULA = "sheet.formula", Warning, W, [],
        en: "The cell holds a formula; the value it last showed was read (formulas are never computed). Replace it with the value.",
        sv: "Cellen innehåller en formel; värdet den senast visade lästes (formler räknas aldrig ut). Ersätt den med värdet.";
    /// A cell is part of merged cells: only the first of them holds the value.
    SHEET_MERGED_CELLS = "sheet.merged_cells", Warning, W, [range],
        en: "The cells {range} are merged; only the first holds a value and the others were read as empty. Unmerge them.",
        sv: "Cellerna {range} är sammanfogade; bara den första har ett värde och de andra lästes som tomma. Dela upp dem.";
    /// A cell holds an error value (`#N/A`, `#DIV/0!`).
    SHEET_CELL_ERROR = "sheet.cell_error", Error, W, [value],
        en: "The cell shows the error {value}; it was read as empty.",
        sv: "Cellen visar felet {value}; den lästes som tom.";
    /// A number whose meaning is not certain (`1.234`: a thousand or one point something?).
    SHEET_AMBIGUOUS_NUMBER = "sheet.ambiguous_number", Error, W, [value],
        en: "`{value}` can be read in more than one way; write decimals with a comma and no thousands separator (`1234,5`).",
        sv: "`{value}` kan läsas på mer än ett sätt; skriv decimaler med komma och utan tusentalsavgränsare (`1234,5`).";
    /// A date whose meaning is not certain (`03/04/2020`), or a number where a date goes.
    SHEET_AMBIGUOUS_DATE = "sheet.ambiguous_date", Error, W, [value],
        en: "`{value}` is not a date that can be read with certainty; write it as YYYY-MM-DD (or YYYY-MM, YYYY).",
        sv: "`{value}` är inget datum som kan läsas säkert; skriv det som ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM, ÅÅÅÅ).";
    /// A value has the wrong JSON type.
    WRONG_TYPE = "structure.wrong_type", Error, S, [expected, found],
        en: "Expected a value of type {expected}, found {found}.",
        sv: "Här ska det stå ett värde av typen {expected}, men det står {found}.";
    /// A required field is missing.
    MISSING_FIELD = "structure.missing_field", Error, S, [field],
        en: "The required field `{field}` is missing.",
        sv: "Det obligatoriska fältet `{field}` saknas.";
    /// An object has a field the model does not know.
    UNKNOWN_FIELD = "structure.unknown_field", Error, S, [field],
        en: "Unknown field `{field}`.",
        sv: "Okänt fält `{field}`.";
    /// A code is not in its code list.
    UNKNOWN_CODE = "structure.unknown_code", Error, S, [value],
        en: "`{value}` is not a known code here.",
        sv: "`{value}` är ingen känd kod här.";
    /// A value does not fit the model and no more precise issue could be found.
    INVALID_VALUE = "structure.invalid_value", Error, S, [],
        en: "The value does not have the expected form.",
        sv: "Värdet har inte den form som krävs.";

    /// A text is empty.
    TEXT_EMPTY = "text.empty", Error, K("minLength"), [],
        en: "The text is empty; leave the field out if nothing is known.",
        sv: "Texten är tom; utelämna fältet om inget är känt.";
    /// A text starts or ends with white space.
    TEXT_UNTRIMMED = "text.untrimmed", Error, K("pattern"), [],
        en: "The text starts or ends with white space.",
        sv: "Texten börjar eller slutar med blanksteg.";
    /// A text holds a control character (single-line text also no line breaks).
    TEXT_CONTROL_CHAR = "text.control_char", Error, K("pattern"), [],
        en: "The text contains a control character or a line break where none is allowed.",
        sv: "Texten innehåller ett styrtecken eller en radbrytning där sådana inte är tillåtna.";
    /// A text is longer than its maximum.
    TEXT_TOO_LONG = "text.too_long", Error, K("maxLength"), [max, length],
        en: "The text is {length} characters long; at most {max} are allowed.",
        sv: "Texten är {length} tecken lång; högst {max} tecken är tillåtna.";
    /// An id does not have the id form.
    ID_FORMAT = "id.format", Error, K("pattern"), [],
        en: "An id is 1 to 64 characters: lower-case letters a-z, digits, `-` and `_`, starting with a letter or digit.",
        sv: "Ett id har 1 till 64 tecken: gemena bokstäver a-z, siffror, `-` och `_`, och börjar med en bokstav eller siffra.";
    /// A list that may be left out is present but empty.
    LIST_EMPTY = "list.empty", Error, K("minItems"), [],
        en: "The list is empty; leave the field out if nothing is known.",
        sv: "Listan är tom; utelämna fältet om inget är känt.";
    /// A list holds the same entry twice.
    LIST_DUPLICATE = "list.duplicate", Error, K("uniqueItems"), [first],
        en: "This entry repeats entry {first} of the list.",
        sv: "Posten upprepar post {first} i listan.";
    /// A list of records holds the same record twice (a field set to `null` counts as left
    /// out, so JSON Schema's `uniqueItems`, which compares the JSON, cannot say it).
    LIST_DUPLICATE_RECORD = "list.duplicate_record", Error, X, [first],
        en: "This entry says the same as entry {first} of the list (a field set to null counts as left out).",
        sv: "Posten säger samma sak som post {first} i listan (ett fält satt till null räknas som utelämnat).";
    /// A URL does not start with `http://` or `https://`.
    URL_SCHEME = "url.scheme", Error, K("pattern"), [],
        en: "A web address must start with https:// or http:// and contain no spaces.",
        sv: "En webbadress ska börja med https:// eller http:// och får inte innehålla mellanslag.";
    /// A URL has the right start but cannot be parsed.
    URL_INVALID = "url.invalid", Error, X, [],
        en: "The web address is malformed.",
        sv: "Webbadressen är felaktigt skriven.";
    /// An e-mail address is malformed.
    EMAIL_INVALID = "email.invalid", Error, K("format"), [],
        en: "The e-mail address is malformed.",
        sv: "E-postadressen är felaktigt skriven.";
    /// The e-mail address holds a character outside ASCII.
    EMAIL_NOT_ASCII = "email.not_ascii", Error, K("format"), [],
        en: "The e-mail address has a character outside ASCII; write an internationalised domain in its ASCII form (xn--...).",
        sv: "E-postadressen har ett tecken utanför ASCII; skriv en internationaliserad domän i sin ASCII-form (xn--...).";
    /// An e-mail address whose domain mail cannot reach: no dot, or an IP address.
    EMAIL_DOMAIN = "email.unroutable_domain", Warning, X, [],
        en: "The e-mail address's domain has no dot or is an IP address; mail to it will probably not arrive.",
        sv: "E-postadressens domän saknar punkt eller är en IP-adress; e-post dit kommer troligen inte fram.";
    /// A phone number has characters a phone number cannot have.
    PHONE_FORMAT = "phone.format", Error, K("pattern"), [],
        en: "A phone number holds only digits, spaces, `-`, `(`, `)` and a leading `+`.",
        sv: "Ett telefonnummer innehåller bara siffror, mellanslag, `-`, `(`, `)` och ett inledande `+`.";
    /// A phone number is not a valid number for its region.
    PHONE_INVALID = "phone.invalid", Error, X, [],
        en: "The phone number is not a valid number (national numbers are read as Swedish).",
        sv: "Telefonnumret är inte ett giltigt nummer (nationella nummer tolkas som svenska).";
    /// A valid phone number is not stored in E.164 form.
    PHONE_NOT_E164 = "phone.not_e164", Warning, X, [],
        en: "Store phone numbers in E.164 form (+46...).",
        sv: "Spara telefonnummer i E.164-form (+46...).";
    /// A Swedish postal code is not written `NNN NN`.
    POSTAL_CODE_FORMAT = "address.postal_code_format", Error, X, [],
        en: "A Swedish postal code is five digits written `NNN NN`, e.g. `531 88`.",
        sv: "Ett svenskt postnummer är fem siffror som skrivs `NNN NN`, t.ex. `531 88`.";
    /// A subdivision code is not of the ISO 3166-2 form.
    SUBDIVISION_FORMAT = "subdivision.format", Error, K("pattern"), [],
        en: "A subdivision code is an ISO 3166-2 code such as `US-IL`.",
        sv: "En regionkod är en ISO 3166-2-kod, till exempel `US-IL`.";
    /// A subdivision code is not in ISO 3166-2.
    SUBDIVISION_UNKNOWN = "subdivision.unknown", Warning, X, [subdivision],
        en: "`{subdivision}` is not in the ISO 3166-2 list this library knows; check it (the list may lag behind recent reforms).",
        sv: "`{subdivision}` finns inte i den lista över ISO 3166-2-koder som biblioteket känner till; kontrollera koden (listan kan ligga efter nya reformer).";
    /// A subdivision code belongs to another country than the one given.
    SUBDIVISION_COUNTRY_MISMATCH = "subdivision.country_mismatch", Error, X, [subdivision, country],
        en: "The subdivision `{subdivision}` does not lie in the country `{country}`.",
        sv: "Regionen `{subdivision}` ligger inte i landet `{country}`.";
    /// A Wikidata id is malformed.
    WIKIDATA_FORMAT = "wikidata.format", Error, K("pattern"), [],
        en: "A Wikidata id is `Q` followed by digits, e.g. `Q25522`.",
        sv: "Ett Wikidata-id är `Q` följt av siffror, t.ex. `Q25522`.";
    /// A partial date is malformed.
    DATE_FORMAT = "date.format", Error, K("pattern"), [],
        en: "A date is written YYYY, YYYY-MM, YYYY-MM-DD, or YYYX for a decade (e.g. 194X).",
        sv: "Ett datum skrivs ÅÅÅÅ, ÅÅÅÅ-MM, ÅÅÅÅ-MM-DD, eller ÅÅÅX för ett decennium (t.ex. 194X).";
    /// A date names a day the calendar does not have.
    DATE_INVALID = "date.invalid", Error, X, [],
        en: "The calendar has no such day.",
        sv: "Kalendern har ingen sådan dag.";
    /// A timestamp is not RFC 3339 with an offset.
    TIMESTAMP_INVALID = "timestamp.invalid", Error, K("format"), [],
        en: "A timestamp is RFC 3339 with a UTC offset, e.g. 2026-11-28T09:30:00+01:00.",
        sv: "En tidpunkt skrivs enligt RFC 3339 med tidszon, t.ex. 2026-11-28T09:30:00+01:00.";
    /// A municipality code is not four digits.
    MUNICIPALITY_CODE_FORMAT = "municipality.code_format", Error, K("pattern"), [],
        en: "A municipality code is four digits, e.g. `1494`.",
        sv: "En kommunkod är fyra siffror, t.ex. `1494`.";
    /// A municipality code is not one of SCB's 290 codes.
    MUNICIPALITY_UNKNOWN_CODE = "municipality.unknown_code", Error, X, [code],
        en: "`{code}` is not one of SCB's municipality codes.",
        sv: "`{code}` är ingen av SCB:s kommunkoder.";
    /// The name does not match the municipality code.
    MUNICIPALITY_NAME_MISMATCH = "municipality.name_mismatch", Warning, X, [code, expected],
        en: "The name does not mention `{expected}`, the municipality with code {code}.",
        sv: "Namnet nämner inte `{expected}`, kommunen med kod {code}.";
    /// An organisation number is not `NNNNNN-NNNN`.
    ORG_NUMBER_FORMAT = "org_number.format", Error, K("pattern"), [],
        en: "An organisation number is written NNNNNN-NNNN.",
        sv: "Ett organisationsnummer skrivs NNNNNN-NNNN.";
    /// An organisation number fails its check digit.
    ORG_NUMBER_CHECK_DIGIT = "org_number.check_digit", Error, X, [],
        en: "The organisation number's check digit is wrong.",
        sv: "Organisationsnumrets kontrollsiffra stämmer inte.";
    /// A latitude or longitude is out of range.
    COORDINATE_RANGE = "coordinates.out_of_range", Error, K("maximum"), [axis],
        en: "The {axis} is out of range (latitude -90 to 90, longitude -180 to 180).",
        sv: "Värdet för {axis} ligger utanför tillåtet intervall (latitud -90 till 90, longitud -180 till 180).";
    /// An amount of money is not a plain decimal number.
    MONEY_FORMAT = "money.format", Error, K("pattern"), [],
        en: "An amount is a decimal number in a string, e.g. \"1800000\" or \"1250.50\".",
        sv: "Ett belopp är ett decimaltal i en sträng, t.ex. \"1800000\" eller \"1250.50\".";
    /// An amount of money is negative.
    MONEY_NEGATIVE = "money.negative", Error, K("pattern"), [],
        en: "An amount must not be negative.",
        sv: "Ett belopp får inte vara negativt.";
    /// An amount of money has more than two decimals.
    MONEY_TOO_MANY_DECIMALS = "money.too_many_decimals", Error, K("pattern"), [],
        en: "An amount has at most two decimals.",
        sv: "Ett belopp har högst två decimaler.";

    /// A partner has neither a country nor a former country.
    /// A partner with neither a name nor a country: nothing says who it is.
    PARTNER_UNIDENTIFIED = "partner.unidentified", Error, X, [],
        en: "The partner has neither a name (`name`, `names`, `wikidata`) nor a country; give what the source says.",
        sv: "Partnern har varken namn (`name`, `names`, `wikidata`) eller land; ange det källan säger.";
    /// A partner without a country.
    PARTNER_COUNTRY_MISSING = "partner.country_missing", Warning, X, [],
        en: "The partner has no country; add `country` (or `former_country` for a state that no longer exists).",
        sv: "Partnern saknar land; lägg till `country` (eller `former_country` för en stat som inte längre finns).";
    /// A funding source of a type that needs a name has none.
    FUNDING_NAME_REQUIRED = "funding.name_required", Warning, X, [kind],
        en: "A funding source of type `{kind}` says little without its `name`; add it if the source gives one.",
        sv: "En finansieringskälla av typen `{kind}` säger lite utan sitt namn (`name`); lägg till det om källan anger det.";
    /// A partnership ends before it starts.
    PARTNERSHIP_END_BEFORE_START = "partnership.end_before_start", Error, X, [start, end],
        en: "The partnership ends ({end}) before it starts ({start}).",
        sv: "Samarbetet slutar ({end}) innan det börjar ({start}).";
    /// A partnership has an end date but a status other than ended.
    PARTNERSHIP_STATUS_CONFLICT = "partnership.status_conflicts_with_end", Error, X, [status],
        en: "The partnership has an end date but its status is `{status}`; an ended partnership has status `ended` (use `planned_end` for an agreed expiry).",
        sv: "Samarbetet har ett slutdatum men status `{status}`; ett avslutat samarbete har status `ended` (använd `planned_end` för ett avtalat slutdatum).";
    /// An end reason is given for a partnership that has not ended.
    PARTNERSHIP_END_REASON_WITHOUT_END = "partnership.end_reason_without_end", Warning, X, [],
        en: "An end reason is given, but the partnership's status is not `ended`.",
        sv: "En anledning till att samarbetet upphörde anges, men samarbetets status är inte `ended`.";
    /// A planned end date has passed while the status is still active.
    PARTNERSHIP_PLANNED_END_PASSED = "partnership.planned_end_passed", Warning, X, [planned_end],
        en: "The planned end {planned_end} has passed but the partnership is still `active`.",
        sv: "Det planerade slutet {planned_end} har passerat men samarbetet är fortfarande `active`.";
    /// A project ends before it starts.
    PROJECT_END_BEFORE_START = "project.end_before_start", Error, X, [start, end],
        en: "The project ends ({end}) before it starts ({start}).",
        sv: "Projektet slutar ({end}) innan det börjar ({start}).";
    /// A project's programme is paid for by another kind of funder than the one given.
    PROJECT_PROGRAMME_FUNDER_MISMATCH = "project.programme_funder_mismatch", Error, X, [programme, funder_type, expected],
        en: "The programme `{programme}` is funded by `{expected}`, not `{funder_type}`.",
        sv: "Programmet `{programme}` finansieras av `{expected}`, inte `{funder_type}`.";
    /// A project names a department the municipality does not have.
    PROJECT_UNKNOWN_DEPARTMENT = "project.unknown_department", Error, X, [department],
        en: "`{department}` is not one of the municipality's units (`municipality.units`).",
        sv: "`{department}` är ingen av kommunens verksamheter (`municipality.units`).";
    /// A statistics unit does not fit the measure.
    STATISTICS_UNIT_MISMATCH = "statistics.unit_mismatch", Error, X, [measure],
        en: "The unit does not fit the measure `{measure}`: numbers of things have the unit `count`, money a currency code such as `SEK`.",
        sv: "Enheten passar inte måttet `{measure}`: antal har enheten `count`, pengar en valutakod som `SEK`.";
    /// A count is not a whole number.
    STATISTICS_COUNT_NOT_INTEGER = "statistics.count_not_integer", Error, X, [],
        en: "A count must be a whole number.",
        sv: "Ett antal måste vara ett heltal.";
    /// Two observations share period and measure.
    STATISTICS_DUPLICATE = "statistics.duplicate", Error, X, [period, measure, first],
        en: "There is already an observation of `{measure}` for {period} (entry {first}).",
        sv: "Det finns redan en observation av `{measure}` för {period} (post {first}).";
    /// Two records of one collection share an id.
    DATASET_DUPLICATE_ID = "dataset.duplicate_id", Error, X, [id, first],
        en: "The id `{id}` is already used by entry {first}.",
        sv: "Id:t `{id}` används redan av post {first}.";
    /// Two partnerships have the same partner and agreement type.
    DATASET_DUPLICATE_PARTNERSHIP = "dataset.duplicate_partnership", Error, X, [first],
        en: "This partnership repeats entry {first}: same partner and agreement type.",
        sv: "Samarbetet upprepar post {first}: samma partner och avtalstyp.";
    /// A register with nothing in it.
    DATASET_EMPTY = "dataset.empty", Warning, X, [],
        en: "The register holds no partnerships, projects, memberships, figures, networks or feedback schemes.",
        sv: "Registret innehåller inga samarbeten, projekt, medlemskap, siffror, nätverk eller synpunktstjänster.";
    /// A register lists fewer records than its source says there are.
    DATASET_FEWER_THAN_STATED = "dataset.fewer_than_stated", Warning, X, [of, stated, listed],
        en: "The source says there are {stated} ({of}), but the register lists {listed}: it is incomplete.",
        sv: "Källan säger att det finns {stated} ({of}), men registret listar {listed}: det är ofullständigt.";
    /// An id that names no record of the register.
    DATASET_UNKNOWN_REFERENCE = "dataset.unknown_reference", Error, X, [id, collection],
        en: "`{id}` is not the id of one of the register's `{collection}`.",
        sv: "`{id}` är inte id för någon av registrets `{collection}`.";
    /// A pointer in `as_written` or `alternatives` that names no place of the record.
    RECORD_UNKNOWN_POINTER = "record.unknown_pointer", Error, X, [pointer],
        en: "`{pointer}` names no field of this record.",
        sv: "`{pointer}` pekar inte på något fält i posten.";
    /// An alternative value that does not have the type of the fact it is an alternative to.
    RECORD_ALTERNATIVE_INVALID = "record.alternative_invalid", Error, X, [pointer],
        en: "The alternative value for `{pointer}` is not a valid value of that field.",
        sv: "Det alternativa värdet för `{pointer}` är inget giltigt värde för fältet.";
    /// A period (a phase, a membership, a network) that ends before it starts.
    PERIOD_END_BEFORE_START = "period.end_before_start", Error, X, [start, end],
        en: "The end ({end}) is before the start ({start}).",
        sv: "Slutet ({end}) ligger före början ({start}).";
    /// A programme of type `other` without a name.
    PROGRAMME_NAME_REQUIRED = "programme.name_required", Warning, X, [],
        en: "A programme of type `other` says little without its `name`; add it if the source gives one.",
        sv: "Ett program av typen `other` säger lite utan sitt namn (`name`); lägg till det om källan anger det.";
    /// A project dated outside its programme's years.
    PROJECT_PROGRAMME_PERIOD_MISMATCH = "project.programme_period_mismatch", Warning, X, [programme, period],
        en: "The project's dates lie outside the years of `{programme}` ({period}); check the programme or the dates.",
        sv: "Projektets datum ligger utanför åren för `{programme}` ({period}); kontrollera programmet eller datumen.";
    /// An amount stated in the same currency twice.
    MONEY_CURRENCY_REPEATED = "money.currency_repeated", Error, X, [currency],
        en: "The amount is already stated in `{currency}`; `also` holds other currencies.",
        sv: "Beloppet anges redan i `{currency}`; `also` är för andra valutor.";
    /// A language tag that is not BCP 47.
    LANGUAGE_FORMAT = "language.format", Error, K("pattern"), [],
        en: "A language is a BCP 47 tag such as `sv`, `fi` or `de-AT`.",
        sv: "Ett språk anges som en BCP 47-tagg, till exempel `sv`, `fi` eller `de-AT`.";
    /// A programme period that is not two years joined by a dash.
    PROGRAMME_PERIOD_FORMAT = "programme.period_format", Error, K("pattern"), [],
        en: "A programme period is two years joined by a hyphen: `2014-2020`.",
        sv: "En programperiod är två år med bindestreck emellan: `2014-2020`.";
    /// A duration that is not ISO 8601.
    DURATION_FORMAT = "duration.format", Error, K("pattern"), [],
        en: "A duration is ISO 8601: `P3Y` (three years), `P6M`, `P2D`.",
        sv: "En tidslängd anges enligt ISO 8601: `P3Y` (tre år), `P6M`, `P2D`.";
    /// A reply is wanted but there is no way to send one.
    FEEDBACK_REPLY_NEEDS_CONTACT = "feedback.reply_needs_contact", Error, X, [],
        en: "A reply is wanted, but the contact has neither an e-mail address nor a phone number.",
        sv: "Svar önskas, men kontaktuppgifterna saknar både e-postadress och telefonnummer.";
    /// A submission time lies after the reference date.
    SUBMITTED_IN_FUTURE = "submission.in_future", Warning, X, [],
        en: "The submission time lies after the reference date.",
        sv: "Tidpunkten för inlämning ligger efter referensdatumet.";
    /// A fault report has no location.
    FAULT_REPORT_LOCATION_MISSING = "fault_report.location_missing", Error, K("anyOf"), [],
        en: "A fault report needs a location: `lat` and `long`, `address` or `address_id`.",
        sv: "En felanmälan behöver en plats: `lat` och `long`, `address` eller `address_id`.";
    /// Only one of latitude and longitude is given.
    FAULT_REPORT_COORDINATES_INCOMPLETE = "fault_report.coordinates_incomplete", Error, K("if"), [],
        en: "Give both `lat` and `long`, or neither.",
        sv: "Ange både `lat` och `long`, eller ingen av dem.";
    /// The point lies outside the country the profile expects (judged by OpenStreetMap's
    /// boundaries), and swapping latitude and longitude would not put it there.
    FAULT_REPORT_OUTSIDE_AREA = "fault_report.outside_area", Warning, X, [area],
        en: "The point lies outside the expected country ({area}).",
        sv: "Punkten ligger utanför det förväntade landet ({area}).";
    /// The point lies outside the expected country, and inside it with latitude and longitude
    /// swapped.
    FAULT_REPORT_AXES_SWAPPED = "fault_report.axes_swapped", Warning, X, [area],
        en: "The point lies outside the expected country ({area}), but inside it with `lat` and `long` swapped: are they swapped?",
        sv: "Punkten ligger utanför det förväntade landet ({area}), men innanför med `lat` och `long` omkastade: är de omkastade?";
    /// A service code the municipality's profile does not list.
    FAULT_REPORT_UNKNOWN_SERVICE = "fault_report.unknown_service", Error, X, [value],
        en: "`{value}` is not one of the municipality's services.",
        sv: "`{value}` är inte en av kommunens tjänster.";
    /// A detailed status the profile does not list.
    FAULT_REPORT_UNKNOWN_STATUS = "fault_report.unknown_status", Error, X, [value],
        en: "`{value}` is not one of the municipality's detailed statuses.",
        sv: "`{value}` är inte en av kommunens detaljerade statusar.";
    /// The detailed status stands under the other Open311 status.
    FAULT_REPORT_STATUS_CONFLICT = "fault_report.status_conflict", Error, X, [code, expected],
        en: "The detailed status `{code}` means the status is `{expected}`.",
        sv: "Den detaljerade statusen `{code}` innebär att status är `{expected}`.";
    /// An answer to a question the service's definition does not ask.
    FAULT_REPORT_UNKNOWN_ATTRIBUTE = "fault_report.unknown_attribute", Error, X, [],
        en: "The service's definition has no attribute with this code.",
        sv: "Tjänstens definition har inget attribut med den koden.";
    /// A required question of the service's definition is not answered.
    FAULT_REPORT_ATTRIBUTE_MISSING = "fault_report.attribute_missing", Error, X, [code],
        en: "The service requires an answer to the attribute `{code}`.",
        sv: "Tjänsten kräver ett svar på attributet `{code}`.";
    /// An answer does not have the form its question asks for.
    FAULT_REPORT_ATTRIBUTE_VALUE = "fault_report.attribute_value", Error, X, [code],
        en: "The answer to `{code}` does not have the form the service's definition asks for (one value, a number, a time, or values of its list).",
        sv: "Svaret på `{code}` har inte den form som tjänstens definition kräver (ett värde, ett tal, en tidpunkt eller värden ur dess lista).";
    /// Two entries of a profile's list have the same code.
    PROFILE_DUPLICATE_CODE = "profile.duplicate_code", Error, X, [code, first],
        en: "The code `{code}` is already used by entry {first}.",
        sv: "Koden `{code}` används redan av post {first}.";
    /// A time zone that is not in the IANA time zone database.
    PROFILE_UNKNOWN_TIME_ZONE = "profile.unknown_time_zone", Error, X, [],
        en: "The time zone is not in the IANA time zone database (write it as `Europe/Stockholm`).",
        sv: "Tidszonen finns inte i IANA:s tidszonsdatabas (skriv den som `Europe/Stockholm`).";
    /// Feedback in a category the municipality's profile does not offer.
    FEEDBACK_CATEGORY_NOT_OFFERED = "feedback.category_not_offered", Error, X, [value],
        en: "The municipality does not take feedback of the category `{value}`.",
        sv: "Kommunen tar inte emot synpunkter av kategorin `{value}`.";
    /// Feedback by a channel the municipality's profile does not list.
    FEEDBACK_CHANNEL_NOT_OFFERED = "feedback.channel_not_offered", Error, X, [value],
        en: "The municipality does not take feedback by the channel `{value}`.",
        sv: "Kommunen tar inte emot synpunkter via kanalen `{value}`.";
    /// A unit the municipality's profile does not list.
    FEEDBACK_UNKNOWN_UNIT = "feedback.unknown_unit", Error, X, [value],
        en: "`{value}` is not one of the municipality's units.",
        sv: "`{value}` är inte en av kommunens enheter.";

    // Open311 GeoReport v2 on the wire (`kommun-intl-open311`): what a server wrote that the
    // fault-report model cannot hold as written. Each concerns the wire text, not the model.
    /// The XML is not well-formed.
    OPEN311_XML_SYNTAX = "open311.xml_syntax", Error, T, [detail],
        en: "The document is not well-formed XML: {detail}.",
        sv: "Dokumentet är inte välformad XML: {detail}.";
    /// The XML has a document type declaration (a DTD), which may define entities.
    OPEN311_XML_DOCTYPE = "open311.xml_doctype", Error, T, [],
        en: "The XML has a document type declaration (<!DOCTYPE>); Open311 documents have none, and its entities are not read.",
        sv: "XML-dokumentet har en dokumenttypsdeklaration (<!DOCTYPE>); Open311-dokument har ingen, och dess entiteter läses inte.";
    /// An entity reference that XML does not predefine.
    OPEN311_XML_ENTITY = "open311.xml_entity", Error, T, [],
        en: "The XML refers to an entity that XML does not define (only &amp; &lt; &gt; &quot; &apos; and character references are read).",
        sv: "XML-dokumentet hänvisar till en entitet som XML inte definierar (bara &amp; &lt; &gt; &quot; &apos; och teckenreferenser läses).";
    /// The XML declares an encoding other than UTF-8.
    OPEN311_ENCODING = "open311.encoding", Error, T, [encoding],
        en: "The document declares the encoding `{encoding}`; only UTF-8 is read: save it as UTF-8.",
        sv: "Dokumentet anger teckenkodningen `{encoding}`; bara UTF-8 läses: spara det som UTF-8.";
    /// The text (or a decoded form value) is not UTF-8.
    OPEN311_INVALID_UTF8 = "open311.invalid_utf8", Error, T, [offset],
        en: "The text is not valid UTF-8 from byte {offset} on; save it as UTF-8.",
        sv: "Texten är inte giltig UTF-8 från byte {offset}; spara den som UTF-8.";
    /// The document is not the Open311 document expected.
    OPEN311_NOT_OPEN311 = "open311.not_open311", Error, T, [expected],
        en: "This is not an Open311 `{expected}` document.",
        sv: "Det här är inget Open311-dokument av typen `{expected}`.";
    /// A field given twice.
    OPEN311_DUPLICATE_FIELD = "open311.duplicate_field", Error, T, [field],
        en: "The field `{field}` is given more than once.",
        sv: "Fältet `{field}` anges mer än en gång.";
    /// A field the spec does not have, kept in `extended_attributes`.
    OPEN311_UNKNOWN_FIELD = "open311.unknown_field", Warning, T, [field],
        en: "`{field}` is not an Open311 field; it was kept in `extended_attributes`.",
        sv: "`{field}` är inget Open311-fält; det behölls i `extended_attributes`.";
    /// A field a service list, service definition or POST response does not have, left out.
    OPEN311_FIELD_IGNORED = "open311.field_ignored", Warning, T, [field],
        en: "`{field}` is not an Open311 field of a service list, service definition or POST response; it was left out.",
        sv: "`{field}` är inget Open311-fält i en tjänstelista, tjänstedefinition eller ett POST-svar; det utelämnades.";
    /// A service definition for a service the list does not have.
    OPEN311_DEFINITION_UNKNOWN_SERVICE = "open311.definition_unknown_service", Error, T, [code],
        en: "The service definition is for `{code}`, which is not in the service list.",
        sv: "Tjänstedefinitionen gäller `{code}`, som inte finns i tjänstelistan.";
    /// An empty value, read as no value.
    OPEN311_EMPTY_VALUE = "open311.empty_value", Warning, T, [field],
        en: "`{field}` is empty; it was read as not given.",
        sv: "`{field}` är tomt; det lästes som att det inte anges.";
    /// White space around a value, removed.
    OPEN311_WHITESPACE = "open311.whitespace_trimmed", Warning, T, [field],
        en: "`{field}` had white space around it, which was removed.",
        sv: "`{field}` hade blanktecken runt sig, som togs bort.";
    /// A number written as a JSON string, read as the number.
    OPEN311_NUMBER_AS_STRING = "open311.number_as_string", Warning, T, [field],
        en: "`{field}` is a number written as a string; it was read as the number.",
        sv: "`{field}` är ett tal skrivet som en sträng; det lästes som talet.";
    /// A value that should be a number is not one.
    OPEN311_NUMBER_INVALID = "open311.number_invalid", Error, T, [field],
        en: "`{field}` is not a number.",
        sv: "`{field}` är inget tal.";
    /// A value that should be true or false is neither.
    OPEN311_BOOLEAN_INVALID = "open311.boolean_invalid", Error, T, [field],
        en: "`{field}` is neither `true` nor `false`.",
        sv: "`{field}` är varken `true` eller `false`.";
    /// Several statuses packed in one string, of which exactly one is Open311's.
    OPEN311_STATUS_PACKED = "open311.status_packed", Warning, T, [status, detailed],
        en: "The status packs several words; it was read as `{status}` with the detailed status `{detailed}`.",
        sv: "Statusen innehåller flera ord; den lästes som `{status}` med den detaljerade statusen `{detailed}`.";
    /// A detailed status written as the status, read through the profile.
    OPEN311_STATUS_DETAILED = "open311.status_detailed", Warning, T, [status, detailed],
        en: "The status is the municipality's detailed status `{detailed}`, which stands under `{status}`; it was read so.",
        sv: "Statusen är kommunens detaljerade status `{detailed}`, som hör till `{status}`; den lästes så.";
    /// A status that cannot be read as open or closed.
    OPEN311_STATUS_UNKNOWN = "open311.status_unknown", Error, T, [],
        en: "The status says neither `open` nor `closed` (nor a detailed status of the profile); what it means is not certain.",
        sv: "Statusen säger varken `open` eller `closed` (eller en detaljerad status i profilen); vad den betyder är inte säkert.";
    /// A time without a UTC offset, read in the profile's time zone.
    OPEN311_TIMESTAMP_LOCAL = "open311.timestamp_local", Warning, T, [field, zone],
        en: "`{field}` has no UTC offset; it was read as local time in {zone} (the profile's time zone).",
        sv: "`{field}` saknar UTC-förskjutning; den lästes som lokal tid i {zone} (profilens tidszon).";
    /// A time without a UTC offset that cannot be placed.
    OPEN311_TIMESTAMP_NO_OFFSET = "open311.timestamp_no_offset", Error, T, [field],
        en: "`{field}` has no UTC offset, and the profile has no time zone (or the local time is ambiguous or skipped): when it was is not certain.",
        sv: "`{field}` saknar UTC-förskjutning, och profilen har ingen tidszon (eller den lokala tiden är tvetydig eller finns inte): när det var är inte säkert.";
    /// A POST Service Request response with neither an id nor a token.
    OPEN311_RESPONSE_WITHOUT_ID = "open311.response_without_id", Error, T, [],
        en: "The POST response has neither `service_request_id` nor `token`: the request cannot be followed up.",
        sv: "POST-svaret har varken `service_request_id` eller `token`: ärendet kan inte följas upp.";
    /// A field of a POST Service Request response whose value is of the wrong type.
    OPEN311_VALUE_TYPE = "open311.value_type", Error, T, [field],
        en: "`{field}` has the wrong type: a POST response gives it as a text (an id may also be a number).",
        sv: "`{field}` har fel typ: ett POST-svar anger det som en text (ett id kan också vara ett tal).";
    /// An attribute answered both as one value and as a list.
    OPEN311_ATTRIBUTE_CONFLICT = "open311.attribute_conflict", Error, T, [code],
        en: "The attribute `{code}` is given both as `attribute[{code}]` and as `attribute[{code}][]`.",
        sv: "Attributet `{code}` anges både som `attribute[{code}]` och som `attribute[{code}][]`.";
}
