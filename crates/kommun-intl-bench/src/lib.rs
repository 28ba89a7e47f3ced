//! The seeded data generator behind kommun-intl's benchmarks.
//!
//! Every workload is made from a fixed seed with a small hand-rolled generator
//! ([`SplitMix64`](Rng)), so that the Rust benchmarks (which generate in memory), the files
//! that `gen-bench-data` writes to `bench-data/` for the Python benchmarks and the CLI, and
//! every later run see the same bytes. Nothing generated is committed.
//!
//! Workloads, each valid and in two invalid variants:
//!
//! - `feedback`: one citizen feedback, about 300 bytes;
//! - `partnership` and `project`: one document of about 1 KB;
//! - `register`: a dataset with 5,000 partnerships and 5,000 projects (about 10 MB);
//! - `ndjson`: 1,000,000 feedback lines (about 300 MB).
//!
//! The invalid variants break only what the JSON Schema itself can see (types, codes, patterns,
//! required and unknown fields), so that every peer can agree on the verdict:
//! [`Variant::InvalidEarly`] has one error at the document's first member (in the register, in
//! its first partnership; in the NDJSON stream, on the first line), and
//! [`Variant::InvalidMany`] has errors spread all through (several per small document, one in
//! every 20th register entry, one in every 10th NDJSON line).

use std::fmt::Write as _;

use kommun_intl::DocumentKind;
use serde_json::{Map, Value, json};

/// A small, fast, seeded pseudo-random generator (SplitMix64): the same seed gives the same
/// numbers on every platform and with every dependency version.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    #[must_use]
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        // The modulo bias is far below anything a benchmark could notice.
        usize::try_from(self.next_u64() % n as u64).unwrap_or(0)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with the given chance in percent.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One of a list of codes.
    pub fn code(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    /// Between `lo` and `hi` distinct elements of `items`, in the order of `items`.
    pub fn sample<'a, T>(&mut self, items: &'a [T], lo: usize, hi: usize) -> Vec<&'a T> {
        let k = self.range(lo, hi);
        let mut chosen = vec![false; items.len()];
        let k = k.min(items.len());
        let mut n = 0;
        while n < k {
            let i = self.below(items.len());
            if !chosen[i] {
                chosen[i] = true;
                n += 1;
            }
        }
        items.iter().zip(chosen).filter(|(_, c)| *c).map(|(x, _)| x).collect()
    }
}

/// Which variant of a workload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Variant {
    /// Valid: no error and no warning.
    Valid,
    /// Invalid, with one error at the start.
    InvalidEarly,
    /// Invalid, with errors spread all through.
    InvalidMany,
}

impl Variant {
    /// All variants.
    pub const ALL: [Variant; 3] = [Variant::Valid, Variant::InvalidEarly, Variant::InvalidMany];

    /// The variant's name in workload names: `valid`, `invalid-early`, `invalid-many`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Variant::Valid => "valid",
            Variant::InvalidEarly => "invalid-early",
            Variant::InvalidMany => "invalid-many",
        }
    }
}

const WORDS: &[&str] = &[
    "kommunen",
    "biblioteket",
    "cykelställ",
    "gärna",
    "under",
    "tak",
    "skolan",
    "gatan",
    "belysningen",
    "fungerar",
    "inte",
    "på",
    "kvällen",
    "tack",
    "för",
    "snabb",
    "hjälp",
    "med",
    "ansökan",
    "öppettiderna",
    "är",
    "för",
    "korta",
    "sommaren",
    "parken",
    "vid",
    "hamnen",
    "behöver",
    "fler",
    "bänkar",
    "och",
    "papperskorgar",
    "snöröjningen",
    "har",
    "blivit",
    "mycket",
    "bättre",
    "i",
    "år",
    "när",
    "öppnar",
    "badhuset",
    "igen",
];

const UNITS: &[(&str, &str)] = &[
    ("kontaktcenter", "Kontaktcenter"),
    ("barn-och-skola", "Barn & Skola"),
    ("biblioteket", "Biblioteket"),
    ("seniorcenter", "SeniorCenter"),
    ("intern-service", "Intern Service"),
    ("sarskolan-vux", "Särskolan VUX"),
    ("de-la-gardiegymnasiet", "De la Gardiegymnasiet"),
    ("campus-lidkoping", "Campus Lidköping"),
];

const FIRST_NAMES: &[(&str, &str)] = &[
    ("Anna", "anna"),
    ("Björn", "bjorn"),
    ("Åsa", "asa"),
    ("Erik", "erik"),
    ("Maria", "maria"),
    ("Örjan", "orjan"),
    ("Karin", "karin"),
    ("Lars", "lars"),
];
const LAST_NAMES: &[(&str, &str)] = &[
    ("Andersson", "andersson"),
    ("Johansson", "johansson"),
    ("Karlsson", "karlsson"),
    ("Nilsson", "nilsson"),
    ("Eriksson", "eriksson"),
    ("Larsson", "larsson"),
    ("Öberg", "oberg"),
    ("Ståhl", "stahl"),
];

/// Partner towns: Swedish name, English name, country, a subdivision of it, Wikidata id.
const TOWNS: &[(&str, &str, &str, &str, &str)] = &[
    ("Kecskemét", "Kecskemet", "HU", "HU-KM", "Q171357"),
    ("Utena", "Utena", "LT", "LT-54", "Q193050"),
    ("Chengdu", "Chengdu", "CN", "CN-SC", "Q30002"),
    ("Rockford", "Rockford", "US", "US-IL", "Q233892"),
    ("Providence", "Providence", "US", "US-RI", "Q18383"),
    ("Görlitz", "Goerlitz", "DE", "DE-SN", "Q4077"),
    ("Dresden", "Dresden", "DE", "DE-SN", "Q1731"),
    ("Springfield", "Springfield", "US", "US-IL", "Q28515"),
];

const LEVELS: &[&str] = &["municipality", "city", "district", "county", "region"];
const AGREEMENTS: &[&str] =
    &["twinning", "industrial_partnership", "cooperation", "friendship", "municipal_partnership"];
const AREAS: &[&str] = &[
    "education",
    "school_exchange",
    "elderly_disability_care",
    "social_care",
    "culture",
    "sport",
    "environment",
    "tourism",
    "business",
    "business_development",
    "trade_small_industry",
    "technology",
    "health",
    "youth_exchange",
];
const FUNDERS: &[&str] =
    &["municipality", "partner_municipality", "eu", "national_government", "nordic"];
/// Programme and the funder type it requires.
const PROGRAMMES: &[(&str, &str)] = &[
    ("erasmus_plus", "eu"),
    ("nordplus", "nordic"),
    ("interreg", "eu"),
    ("athena", "national_government"),
    ("cerv", "eu"),
    ("atlas", "national_government"),
    ("icld_partnership", "national_government"),
    ("horizon_europe", "eu"),
    ("creative_europe", "eu"),
];
const PROJECT_STATUSES: &[&str] =
    &["pipeline", "implementation", "completion", "post_completion", "cancelled", "suspended"];
const COUNTRIES: &[&str] =
    &["DE", "DK", "EE", "ES", "FI", "FR", "GR", "HU", "IT", "LT", "LV", "NL", "NO", "PL", "PT"];

fn words(rng: &mut Rng, lo: usize, hi: usize, capital: bool) -> String {
    let min_chars = rng.range(lo, hi);
    let mut s = String::new();
    while s.chars().count() < min_chars {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(rng.code(WORDS));
    }
    if capital {
        let mut c = s.chars();
        if let Some(first) = c.next() {
            s = first.to_uppercase().chain(c).collect();
        }
    }
    s
}

fn date(rng: &mut Rng, from_year: usize, to_year: usize) -> String {
    format!("{}-{:02}-{:02}", rng.range(from_year, to_year), rng.range(1, 12), rng.range(1, 28))
}

fn timestamp(rng: &mut Rng) -> String {
    format!(
        "2026-{:02}-{:02}T{:02}:{:02}:{:02}{}",
        rng.range(1, 12),
        rng.range(1, 28),
        rng.range(0, 23),
        rng.range(0, 59),
        rng.range(0, 59),
        rng.code(&["+01:00", "+02:00", "Z"]),
    )
}

fn phone(rng: &mut Rng) -> String {
    // Swedish mobile numbers in E.164: +46 70x xxx xxx.
    format!("+4670{:07}", rng.below(10_000_000))
}

/// One feedback as a JSON value (not yet broken).
fn feedback_value(rng: &mut Rng) -> Value {
    let mut m = Map::new();
    m.insert(
        "category".into(),
        rng.code(&["praise", "question", "suggestion", "complaint"]).into(),
    );
    if rng.chance(30) {
        m.insert(
            "id".into(),
            format!("KS {}/{}", rng.range(2024, 2026), rng.range(1, 4000)).into(),
        );
    }
    let mut description = words(rng, 60, 140, true);
    description.push('.');
    if rng.chance(20) {
        description.push('\n');
        description.push_str(&words(rng, 20, 20, true));
        description.push('.');
    }
    m.insert("description".into(), description.into());
    if rng.chance(70) {
        m.insert("concerns_unit".into(), rng.pick(UNITS).0.into());
    }
    m.insert("channel".into(), rng.code(&["web", "email", "phone", "letter", "visit"]).into());
    m.insert("submitted_at".into(), timestamp(rng).into());
    let contact = rng.below(10);
    if contact >= 5 {
        let (first, first_ascii) = *rng.pick(FIRST_NAMES);
        let (last, last_ascii) = *rng.pick(LAST_NAMES);
        let mut c = Map::new();
        c.insert("name".into(), format!("{first} {last}").into());
        if contact < 8 {
            c.insert("email".into(), format!("{first_ascii}.{last_ascii}@example.se").into());
        } else {
            c.insert("phone".into(), phone(rng).into());
        }
        m.insert("contact".into(), c.into());
        if rng.chance(60) {
            m.insert("wants_reply".into(), true.into());
        }
    }
    m.insert("status".into(), rng.code(&["received", "assigned", "answered", "closed"]).into());
    Value::Object(m)
}

/// Replaces the value of `key` in an object, keeping its place.
fn set(v: &mut Value, key: &str, new: Value) {
    if let Some(m) = v.as_object_mut() {
        m.insert(key.to_owned(), new);
    }
}

/// Breaks a feedback: one error at its first member, or many errors all through.
fn break_feedback(v: &mut Value, many: bool, which: usize) {
    if !many {
        // The first member: an unknown category code, or a wrong type.
        let bad = if which.is_multiple_of(2) { json!("complaints") } else { json!(3) };
        set(v, "category", bad);
        return;
    }
    set(v, "category", json!("praise!"));
    set(v, "channel", json!("telegram"));
    set(v, "submitted_at", json!("2026-11-28 09:30"));
    set(v, "concerns_unit", json!("Biblioteket"));
    set(v, "description", json!(" Inledande blanksteg."));
    set(v, "status", json!(7));
    if let Some(m) = v.as_object_mut() {
        m.insert("priority".into(), json!("high"));
    }
}

fn to_bytes(v: &Value) -> Vec<u8> {
    serde_json::to_vec(v).expect("a Value always serialises")
}

/// One feedback, about 300 bytes.
#[must_use]
pub fn feedback(seed: u64, variant: Variant) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut v = loop {
        // Take a record of typical size: with a contact and a reply wanted.
        let v = feedback_value(&mut rng);
        let size = to_bytes(&v).len();
        if v.get("contact").is_some() && (270..=330).contains(&size) {
            break v;
        }
    };
    match variant {
        Variant::Valid => {}
        Variant::InvalidEarly => break_feedback(&mut v, false, 0),
        Variant::InvalidMany => break_feedback(&mut v, true, 0),
    }
    to_bytes(&v)
}

/// A partnership; `i` makes its id and partner name unique within a register.
fn partnership_value(rng: &mut Rng, i: usize) -> Value {
    let (sv, en, country, subdivision, wikidata) = *rng.pick(TOWNS);
    let suffix = if i == 0 { String::new() } else { format!(" {i}") };
    let mut partner = Map::new();
    partner.insert(
        "name".into(),
        json!({ "sv": format!("{sv}{suffix}"), "en": format!("{en}{suffix}") }),
    );
    if rng.chance(30) {
        partner.insert(
            "names".into(),
            json!([{ "name": format!("{en} stad{suffix}"), "kind": "former" }]),
        );
    }
    partner.insert("level".into(), rng.code(LEVELS).into());
    partner.insert("country".into(), country.into());
    partner.insert("subdivision".into(), subdivision.into());
    partner.insert("wikidata".into(), wikidata.into());

    let mut m = Map::new();
    m.insert("id".into(), format!("partner-{i}-{}", en.to_ascii_lowercase()).into());
    m.insert("partner".into(), partner.into());
    m.insert("agreement_type".into(), rng.code(AGREEMENTS).into());
    let areas: Vec<&&str> = rng.sample(AREAS, 2, 6);
    m.insert("areas".into(), json!(areas));
    let funders: Vec<Value> =
        rng.sample(FUNDERS, 1, 3).into_iter().map(|f| json!({ "type": f })).collect();
    m.insert("funding".into(), funders.into());
    let start_year = rng.range(1950, 2015);
    m.insert("start".into(), date(rng, start_year, start_year).into());
    let renewals: Vec<String> =
        (0..rng.range(1, 3)).map(|k| format!("{}", start_year + 1 + k * 3)).collect();
    m.insert("renewals".into(), json!(renewals));
    let ended = rng.chance(25);
    if ended {
        m.insert("end".into(), format!("{}", start_year + rng.range(10, 20)).into());
        m.insert("end_reason".into(), words(rng, 30, 30, true).into());
        m.insert("status".into(), "ended".into());
    } else {
        m.insert("status".into(), rng.code(&["active", "paused", "unknown"]).into());
    }
    m.insert("notes".into(), words(rng, 60, 160, true).into());
    let sources: Vec<Value> = (0..rng.range(1, 2))
        .map(|k| {
            json!({
                "url": format!("https://lidkoping.se/kommun-och-politik/internationellt/{}-{k}", en.to_ascii_lowercase()),
                "retrieved": date(rng, 2024, 2026),
                "note": words(rng, 20, 20, true),
            })
        })
        .collect();
    m.insert("sources".into(), sources.into());
    Value::Object(m)
}

/// One change to a document's members.
type Edit = fn(&mut Map<String, Value>);

/// The errors the many-errors variants rotate through, for a partnership.
fn break_partnership(v: &mut Value, many: bool, which: usize) {
    if !many {
        set(v, "id", json!(1494));
        return;
    }
    let m = v.as_object_mut().expect("an object");
    let steps: [Edit; 8] = [
        |m| {
            m.insert("id".into(), json!("Partner-Ö"));
        },
        |m| {
            m["partner"]["level"] = json!("village");
        },
        |m| {
            m["partner"]["country"] = json!("EL");
        },
        |m| {
            m.insert("areas".into(), json!(["culture", "culture"]));
        },
        |m| {
            m.insert("start".into(), json!("2004-13"));
        },
        |m| {
            m.insert("notes".into(), json!("Slutar med blanksteg "));
        },
        |m| {
            m["sources"][0]["url"] = json!("ftp://example.se/avtal");
        },
        |m| {
            m.insert("signed_by".into(), json!("Kommunstyrelsen"));
        },
    ];
    if which == usize::MAX {
        for step in steps {
            step(m);
        }
    } else {
        steps[which % steps.len()](m);
    }
}

/// A project; `i` makes its id unique within a register.
fn project_value(rng: &mut Rng, i: usize) -> Value {
    let (programme, funder) = *rng.pick(PROGRAMMES);
    let mut m = Map::new();
    m.insert("id".into(), format!("project-{i}-{programme}").into());
    let title = words(rng, 20, 50, true);
    m.insert("title".into(), json!({ "sv": title, "en": format!("Project {i}: {programme}") }));
    m.insert("acronym".into(), format!("P{i}").into());
    let mut description = words(rng, 300, 420, true);
    description.push('.');
    m.insert("description".into(), description.into());
    let departments: Vec<&str> = rng.sample(UNITS, 1, 3).into_iter().map(|u| u.0).collect();
    m.insert("departments".into(), json!(departments));
    m.insert("participating_countries".into(), json!(rng.sample(COUNTRIES, 2, 6)));
    m.insert("programme".into(), json!({ "code": programme }));
    m.insert("status".into(), rng.code(PROJECT_STATUSES).into());
    // Within every listed programme's years (Horizon Europe and CERV began in 2021).
    let start = rng.range(2021, 2024);
    m.insert("start".into(), format!("{start}-{:02}", rng.range(1, 12)).into());
    m.insert("end".into(), format!("{}-{:02}", start + rng.range(1, 4), rng.range(1, 12)).into());
    let amount = if rng.chance(50) {
        format!("{}", rng.range(10, 5000) * 1000)
    } else {
        format!("{}.{:02}", rng.range(1000, 900_000), rng.below(100))
    };
    let currency = rng.code(&["SEK", "EUR"]);
    m.insert(
        "budget".into(),
        json!({ "grants": [{ "funder": { "type": funder }, "amount": { "amount": amount, "currency": currency } }] }),
    );
    m.insert("areas".into(), json!(rng.sample(AREAS, 1, 4)));
    m.insert("website".into(), format!("https://lidkoping.se/projekt/{programme}-{i}").into());
    Value::Object(m)
}

fn break_project(v: &mut Value, many: bool, which: usize) {
    if !many {
        set(v, "id", json!(["project"]));
        return;
    }
    let m = v.as_object_mut().expect("an object");
    let steps: [Edit; 8] = [
        |m| {
            m.insert("id".into(), json!("-project"));
        },
        |m| {
            m["title"]["sv"] = json!("");
        },
        |m| {
            m.insert("programme".into(), json!({ "code": "erasmus" }));
        },
        |m| {
            m.insert("status".into(), json!("done"));
        },
        |m| {
            m["budget"]["grants"][0]["amount"]["amount"] = json!("1800000.505");
        },
        |m| {
            m["budget"]["grants"][0]["amount"]["currency"] = json!("KRONOR");
        },
        |m| {
            m.insert("website".into(), json!("www.lidkoping.se"));
        },
        |m| {
            m.insert("end".into(), json!("2020-13"));
        },
    ];
    if which == usize::MAX {
        for step in steps {
            step(m);
        }
    } else {
        steps[which % steps.len()](m);
    }
}

/// One partnership, about 1 KB.
#[must_use]
pub fn partnership(seed: u64, variant: Variant) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut v = loop {
        let v = partnership_value(&mut rng, 0);
        if (980..=1100).contains(&to_bytes(&v).len()) {
            break v;
        }
    };
    match variant {
        Variant::Valid => {}
        Variant::InvalidEarly => break_partnership(&mut v, false, 0),
        Variant::InvalidMany => break_partnership(&mut v, true, usize::MAX),
    }
    to_bytes(&v)
}

/// One project, about 1 KB.
#[must_use]
pub fn project(seed: u64, variant: Variant) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut v = loop {
        let v = project_value(&mut rng, 0);
        if (980..=1100).contains(&to_bytes(&v).len()) {
            break v;
        }
    };
    match variant {
        Variant::Valid => {}
        Variant::InvalidEarly => break_project(&mut v, false, 0),
        Variant::InvalidMany => break_project(&mut v, true, usize::MAX),
    }
    to_bytes(&v)
}

/// A register: Lidköping with `partnerships` partnerships and `projects` projects.
#[must_use]
pub fn register(seed: u64, partnerships: usize, projects: usize, variant: Variant) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let units: Vec<Value> =
        UNITS.iter().map(|(id, name)| json!({ "id": id, "name": name })).collect();
    let municipality = json!({
        "id": "lidkoping",
        "name": { "sv": "Lidköpings kommun", "en": "Lidköping Municipality" },
        "municipality_code": "1494",
        "organisation_number": "212000-1645",
        "address": {
            "street_address": "Skaragatan 8",
            "postal_code": "531 88",
            "locality": "Lidköping",
            "country": "SE"
        },
        "phone": "+46510770000",
        "email": "kommun@lidkoping.se",
        "website": "https://lidkoping.se/",
        "units": units,
        "kinds_of_work": ["membership", "project_cooperation", "twinning", "city_exchange"],
    });
    let mut ps: Vec<Value> = (0..partnerships).map(|i| partnership_value(&mut rng, i)).collect();
    let mut qs: Vec<Value> = (0..projects).map(|i| project_value(&mut rng, i)).collect();
    match variant {
        Variant::Valid => {}
        Variant::InvalidEarly => {
            if let Some(p) = ps.first_mut() {
                set(p, "agreement_type", json!("twinning_agreement"));
            }
        }
        Variant::InvalidMany => {
            for (k, p) in ps.iter_mut().enumerate().filter(|(k, _)| k % 20 == 7) {
                break_partnership(p, true, k / 20);
            }
            for (k, q) in qs.iter_mut().enumerate().filter(|(k, _)| k % 20 == 13) {
                break_project(q, true, k / 20);
            }
        }
    }
    let doc = json!({
        "$schema": "../schemas/dataset.schema.json",
        "municipality": municipality,
        "partnerships": ps,
        "projects": qs,
        "sources": [{ "url": "https://lidkoping.se/kommun-och-politik/internationellt", "retrieved": "2026-01-15" }],
    });
    to_bytes(&doc)
}

/// An NDJSON stream of `lines` feedback records, one per line, each line ending in `\n`.
#[must_use]
pub fn ndjson(seed: u64, lines: usize, variant: Variant) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(lines * 300);
    for i in 0..lines {
        let mut v = feedback_value(&mut rng);
        match variant {
            Variant::InvalidEarly if i == 0 => break_feedback(&mut v, false, 0),
            Variant::InvalidMany if i % 10 == 3 => {
                break_feedback(&mut v, (i / 10) % 2 == 1, i / 20);
            }
            _ => {}
        }
        out.extend_from_slice(&to_bytes(&v));
        out.push(b'\n');
    }
    out
}

/// The size of a workload family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// One feedback, about 300 bytes.
    Small,
    /// One partnership, about 1 KB.
    MediumPartnership,
    /// One project, about 1 KB.
    MediumProject,
    /// A register of 10,000 partnerships and projects.
    Large,
    /// 1,000,000 NDJSON feedback lines.
    Ndjson,
}

impl Family {
    /// The first part of its workloads' names: `feedback`, `partnership`, `project`,
    /// `register`, `ndjson`.
    #[must_use]
    pub fn prefix(self) -> &'static str {
        match self {
            Family::Small => "feedback",
            Family::MediumPartnership => "partnership",
            Family::MediumProject => "project",
            Family::Large => "register",
            Family::Ndjson => "ndjson",
        }
    }

    /// The name of its workload in a variant (`feedback-invalid-early`).
    #[must_use]
    pub fn workload_name(self, variant: Variant) -> String {
        format!("{}-{}", self.prefix(), variant.name())
    }
}

/// One benchmark input.
#[derive(Clone, Debug)]
pub struct Workload {
    /// The name used in reports and file names: `feedback-valid`, `ndjson-invalid-many`.
    pub name: String,
    /// The family.
    pub family: Family,
    /// The variant.
    pub variant: Variant,
    /// The kind of each document (of each line, for NDJSON).
    pub kind: DocumentKind,
    /// The bytes.
    pub bytes: Vec<u8>,
}

impl Workload {
    /// True for an NDJSON stream (one document per line).
    #[must_use]
    pub fn is_ndjson(&self) -> bool {
        self.family == Family::Ndjson
    }

    /// The file name under `bench-data/`.
    #[must_use]
    pub fn file_name(&self) -> String {
        format!("{}.{}", self.name, if self.is_ndjson() { "ndjson" } else { "json" })
    }
}

/// How big the generated workloads are: [`Scale::FULL`] for benchmarks, smaller for tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    /// Partnerships in the register.
    pub register_partnerships: usize,
    /// Projects in the register.
    pub register_projects: usize,
    /// Lines of the NDJSON streams.
    pub ndjson_lines: usize,
}

impl Scale {
    /// The benchmark sizes: 5,000 + 5,000 register entries, 1,000,000 NDJSON lines.
    pub const FULL: Scale =
        Scale { register_partnerships: 5000, register_projects: 5000, ndjson_lines: 1_000_000 };
}

/// The seed of every workload.
pub const SEED: u64 = 0x6B6F_6D6D_756E; // "kommun"

/// Generates one family's workload in one variant.
#[must_use]
pub fn workload(family: Family, variant: Variant, scale: Scale) -> Workload {
    let (kind, bytes) = match family {
        Family::Small => (DocumentKind::Feedback, feedback(SEED, variant)),
        Family::MediumPartnership => (DocumentKind::Partnership, partnership(SEED, variant)),
        Family::MediumProject => (DocumentKind::Project, project(SEED, variant)),
        Family::Large => (
            DocumentKind::Dataset,
            register(SEED, scale.register_partnerships, scale.register_projects, variant),
        ),
        Family::Ndjson => (DocumentKind::Feedback, ndjson(SEED, scale.ndjson_lines, variant)),
    };
    Workload { name: family.workload_name(variant), family, variant, kind, bytes }
}

/// Every family, in report order.
pub const FAMILIES: [Family; 5] = [
    Family::Small,
    Family::MediumPartnership,
    Family::MediumProject,
    Family::Large,
    Family::Ndjson,
];

/// Every workload at a scale, in report order.
#[must_use]
pub fn workloads(scale: Scale) -> Vec<Workload> {
    FAMILIES
        .iter()
        .flat_map(|&f| Variant::ALL.iter().map(move |&v| workload(f, v, scale)))
        .collect()
}

/// A one-line human summary of a size in bytes.
#[must_use]
pub fn human_size(bytes: usize) -> String {
    let mut s = String::new();
    #[allow(clippy::cast_precision_loss)]
    let b = bytes as f64;
    if bytes < 10_000 {
        let _ = write!(s, "{bytes} B");
    } else if bytes < 10_000_000 {
        let _ = write!(s, "{:.0} KB", b / 1e3);
    } else {
        let _ = write!(s, "{:.0} MB", b / 1e6);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use kommun_intl::{Options, ndjson};

    const SMALL: Scale =
        Scale { register_partnerships: 60, register_projects: 60, ndjson_lines: 200 };

    #[test]
    fn same_seed_same_bytes() {
        assert_eq!(feedback(1, Variant::Valid), feedback(1, Variant::Valid));
        assert_eq!(
            register(7, 20, 20, Variant::InvalidMany),
            register(7, 20, 20, Variant::InvalidMany)
        );
        assert_ne!(feedback(1, Variant::Valid), feedback(2, Variant::Valid));
    }

    #[test]
    fn sizes_are_as_announced() {
        let small = feedback(SEED, Variant::Valid).len();
        assert!((270..=330).contains(&small), "{small}");
        for b in [partnership(SEED, Variant::Valid), project(SEED, Variant::Valid)] {
            assert!((980..=1100).contains(&b.len()), "{}", b.len());
        }
        let per_line = ndjson(SEED, 1000, Variant::Valid).len() / 1000;
        assert!((150..=400).contains(&per_line), "{per_line}");
    }

    /// The valid variants are clean (no error, no warning); the invalid ones have errors, and
    /// the many-errors variants have more than one.
    #[test]
    fn verdicts_are_as_named() {
        let options = Options::default();
        for w in workloads(SMALL) {
            if w.is_ndjson() {
                let reports = ndjson::validate(w.kind, &w.bytes, &options);
                assert_eq!(reports.len(), SMALL.ndjson_lines);
                let bad = reports.iter().filter(|(_, r)| !r.is_valid()).count();
                let warned = reports.iter().filter(|(_, r)| !r.is_clean()).count();
                match w.variant {
                    Variant::Valid => assert_eq!(warned, 0, "{}", w.name),
                    Variant::InvalidEarly => {
                        assert_eq!(bad, 1, "{}", w.name);
                        assert!(!reports[0].1.is_valid());
                    }
                    Variant::InvalidMany => assert_eq!(bad, SMALL.ndjson_lines / 10, "{}", w.name),
                }
                continue;
            }
            let report = w.kind.validate_json(&w.bytes, &options);
            let errors =
                report.issues.iter().filter(|i| i.severity == kommun_intl::Severity::Error).count();
            match w.variant {
                Variant::Valid => assert!(report.is_clean(), "{}: {:?}", w.name, report.issues),
                Variant::InvalidEarly => assert_eq!(errors, 1, "{}: {:?}", w.name, report.issues),
                Variant::InvalidMany => assert!(errors > 3, "{}: {:?}", w.name, report.issues),
            }
        }
    }
}

/// The repository's README, whose Rust examples run as this crate's doc tests, with the
/// repository's files (`../../examples/...`). Here rather than in the core, which is
/// published with its own README and may not depend on its adapters.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct RepositoryReadme;
