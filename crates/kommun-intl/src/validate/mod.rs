//! Validation: the [`Validate`] trait, the context rules report into, the rule catalogue and
//! the machinery that explains invalid JSON.

pub mod issue;
pub mod limits;
pub(crate) mod locate;
pub(crate) mod nearest;
pub(crate) mod quiet;
pub mod rules;
pub mod select;
pub(crate) mod structure;
pub(crate) mod tree;

use std::sync::Arc;

use chrono::NaiveDate;

use crate::model::Profile;

pub use issue::{CellRef, Issue, Lang, Params, Report, Severity, UnknownLang};
pub use limits::Limits;
pub use rules::{Check, Rule};
pub use select::{RuleSelection, SelectorError};

/// The default cap on issues kept per document.
pub const DEFAULT_MAX_ISSUES: usize = 1000;

/// Options of a validation run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Keep at most this many issues; the rest are only counted.
    pub max_issues: usize,
    /// "Today", for the rules that compare with the present. `None` (the default) skips them,
    /// so that validation never depends on the wall clock.
    pub reference_date: Option<NaiveDate>,
    /// Limits on hostile input.
    pub limits: Limits,
    /// True when the document's kind was told by the document itself (its `$schema`), not by
    /// the caller. Then the kind proves nothing about where personal data is, and the keys of
    /// members the schema does not know are masked in issues unless they look like a
    /// misspelt field name. (Kinds that hold personal data mask such keys in any case.)
    pub kind_from_document: bool,
    /// The municipality's code lists (services, categories, channels, units, statuses) that
    /// documents are checked against; `None` (the default) is Lidköping's built-in profile.
    pub profile: Option<Arc<Profile>>,
    /// Which rules report, and at which severity; `None` (the default) is every rule at its
    /// own severity.
    pub rules: Option<Arc<RuleSelection>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_issues: DEFAULT_MAX_ISSUES,
            reference_date: None,
            limits: Limits::default(),
            kind_from_document: false,
            profile: None,
            rules: None,
        }
    }
}

/// A value that can check itself, reporting every problem into a [`Ctx`].
pub trait Validate {
    /// Reports this value's problems at the context's current pointer.
    fn validate_into(&self, ctx: &mut Ctx);

    /// True when validating this value reports nothing whatever it holds: an absent optional
    /// value, an empty list. [`Ctx::check`] then does not step into its member (most members of
    /// a record are absent, and each step writes the member's name into the pointer).
    fn checks_nothing(&self) -> bool {
        false
    }

    /// Validates a value built in code, with the given options.
    fn validate_with(&self, options: &Options) -> Report {
        let mut ctx = Ctx::new(options);
        self.validate_into(&mut ctx);
        ctx.finish()
    }

    /// Validates a value built in code, with default options.
    fn validate(&self) -> Report {
        self.validate_with(&Options::default())
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_into(&self, ctx: &mut Ctx) {
        if let Some(v) = self {
            v.validate_into(ctx);
        }
    }

    fn checks_nothing(&self) -> bool {
        self.as_ref().is_none_or(T::checks_nothing)
    }
}

impl<T: Validate> Validate for Box<T> {
    fn validate_into(&self, ctx: &mut Ctx) {
        (**self).validate_into(ctx);
    }

    fn checks_nothing(&self) -> bool {
        (**self).checks_nothing()
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_into(&self, ctx: &mut Ctx) {
        for (i, item) in self.iter().enumerate() {
            ctx.index(i, |ctx| item.validate_into(ctx));
        }
    }

    fn checks_nothing(&self) -> bool {
        self.is_empty()
    }
}

/// Lists up to this long are checked for repeats pairwise rather than with a hash map.
const SHORT_LIST: usize = 16;

/// Appends `i` in decimal (what `write!(s, "{i}")` writes, without the formatting machinery).
fn push_decimal(s: &mut String, mut i: usize) {
    if let Ok(d) = u8::try_from(i)
        && d < 10
    {
        // Most indices: one digit.
        s.push(char::from(b'0' + d));
        return;
    }
    let mut digits = [0u8; 20];
    let mut n = digits.len();
    loop {
        n -= 1;
        // `i % 10` is below 10, so the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation)]
        let d = (i % 10) as u8;
        digits[n] = b'0' + d;
        i /= 10;
        if i == 0 {
            break;
        }
    }
    for &d in &digits[n..] {
        s.push(char::from(d));
    }
}

/// True when a member name holds `~` or `/`, which a JSON Pointer escapes; eight bytes at a
/// time.
fn needs_escape(name: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let is = |w: u64, b: u8| {
        let x = w ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGH != 0
    };
    let mut chunks = name.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        if is(w, b'~') || is(w, b'/') {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| b == b'~' || b == b'/')
}

/// Where rules report: the current JSON Pointer, the issues so far and the options (borrowed
/// from the caller's: a document's check touches no count shared with other threads).
#[derive(Debug)]
pub struct Ctx<'o> {
    pointer: String,
    /// Byte ranges of `pointer` that hold keys that may be someone's data: masked in every
    /// issue reported below them, once the issue has been located by its real pointer.
    masked: Vec<std::ops::Range<usize>>,
    issues: Vec<Issue>,
    /// Per issue, where it is in the text (a byte offset) when the reporter knew it, and the
    /// ranges of its pointer to mask.
    places: Vec<Place>,
    max_issues: usize,
    truncated: usize,
    errors: usize,
    reference_date: Option<NaiveDate>,
    limits: Limits,
    kind_from_document: bool,
    profile: &'o Profile,
    /// Which rules report, at which severity (`None`: all, at their own).
    rules: Option<&'o RuleSelection>,
    /// Added to every offset given to [`Ctx::push_at`] (the length of a byte order mark the
    /// scanned text lacks).
    offset_base: usize,
}

impl<'o> Ctx<'o> {
    /// A new context at the document root.
    #[must_use]
    pub fn new(options: &'o Options) -> Ctx<'o> {
        Ctx {
            // Room for the pointers of ordinary documents, so that descending never reallocates.
            pointer: String::with_capacity(128),
            masked: Vec::new(),
            issues: Vec::new(),
            places: Vec::new(),
            max_issues: options.max_issues,
            truncated: 0,
            errors: 0,
            reference_date: options.reference_date,
            limits: options.limits,
            kind_from_document: options.kind_from_document,
            profile: options.profile.as_deref().unwrap_or(Profile::builtin()),
            rules: options.rules.as_deref().filter(|r| !r.is_default()),
            offset_base: 0,
        }
    }

    /// The reference date ("today") if the caller gave one.
    #[must_use]
    pub fn reference_date(&self) -> Option<NaiveDate> {
        self.reference_date
    }

    /// True when the kind was told by the document itself (see [`Options`]).
    #[must_use]
    pub fn kind_from_document(&self) -> bool {
        self.kind_from_document
    }

    /// The municipality's profile this run checks against.
    #[must_use]
    pub fn profile(&self) -> &'o Profile {
        self.profile
    }

    /// The limits of this run.
    #[must_use]
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The current JSON Pointer.
    #[must_use]
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// Runs `f` one level down, at the member `name`.
    // Always inlined: nearly every name is a literal, so the escape test folds away and the
    // copy becomes a few stores (6 % of a valid feedback's instructions, measured with
    // callgrind; the compiler's own choice kept one call per field).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub fn field<R>(&mut self, name: &str, f: impl FnOnce(&mut Ctx) -> R) -> R {
        let len = self.pointer.len();
        self.pointer.push('/');
        if needs_escape(name.as_bytes()) {
            for c in name.chars() {
                match c {
                    '~' => self.pointer.push_str("~0"),
                    '/' => self.pointer.push_str("~1"),
                    c => self.pointer.push(c),
                }
            }
        } else {
            self.pointer.push_str(name);
        }
        let r = f(self);
        self.pointer.truncate(len);
        r
    }

    /// Runs `f` one level down, at the array index `i`.
    pub fn index<R>(&mut self, i: usize, f: impl FnOnce(&mut Ctx) -> R) -> R {
        let len = self.pointer.len();
        self.pointer.push('/');
        push_decimal(&mut self.pointer, i);
        let r = f(self);
        self.pointer.truncate(len);
        r
    }

    /// Validates `value` at the member `name`.
    #[allow(clippy::inline_always)] // as `field`, which it calls
    #[inline(always)]
    pub fn check(&mut self, name: &str, value: &impl Validate) {
        if !value.checks_nothing() {
            self.field(name, |ctx| value.validate_into(ctx));
        }
    }

    /// Reports an issue of `rule` at the current pointer.
    pub fn report(&mut self, rule: &'static Rule, params: &[(&'static str, String)]) {
        self.record(rule, params.iter().map(|(name, value)| (*name, value.clone())), None);
    }

    /// Records an issue of `rule` at the current pointer, at `offset` in the text if known,
    /// taking its parameters (a repeated name keeps the last).
    pub(crate) fn record(
        &mut self,
        rule: &'static Rule,
        params: impl IntoIterator<Item = (&'static str, String)>,
        offset: Option<usize>,
    ) {
        let severity = match &self.rules {
            None => rule.severity,
            Some(rules) => match rules.severity_of(rule) {
                Some(s) => s,
                None => return,
            },
        };
        if severity == Severity::Error {
            self.errors += 1;
        }
        if self.issues.len() >= self.max_issues {
            self.truncated += 1;
            return;
        }
        if self.issues.capacity() == 0 {
            // Room for the issues of most documents at once, rather than growing by steps.
            self.issues.reserve(8);
            self.places.reserve(8);
        }
        let map: Params = params.into_iter().collect();
        debug_assert!(
            rule.params.iter().all(|p| map.contains_key(p)),
            "rule {} needs params {:?}, got {map:?}",
            rule.code,
            rule.params
        );
        self.issues.push(Issue {
            rule,
            code: rule.code,
            severity,
            pointer: self.pointer.clone(),
            line: None,
            column: None,
            offset: None,
            params: map,
            cell: None,
        });
        let offset = offset.map(|o| self.offset_base + o);
        self.places.push(Place { offset, masked: self.masked.clone() });
    }

    /// Where the issues stand, before something is tried out in place (see
    /// [`Ctx::take_since`]).
    pub(crate) fn mark(&self) -> Mark {
        Mark { kept: self.issues.len(), truncated: self.truncated, errors: self.errors }
    }

    /// How many issues have been reported since `mark`, kept or not.
    pub(crate) fn count_since(&self, mark: &Mark) -> usize {
        self.issue_count() - (mark.kept + mark.truncated)
    }

    /// Takes back everything reported since `mark`, as a [`Trial`] to put back later or to
    /// drop: the context is as it was at the mark.
    pub(crate) fn take_since(&mut self, mark: &Mark) -> Trial {
        let trial = Trial {
            count: self.count_since(mark),
            issues: self.issues.split_off(mark.kept),
            places: self.places.split_off(mark.kept),
            truncated: self.truncated - mark.truncated,
            errors: self.errors - mark.errors,
        };
        self.truncated = mark.truncated;
        self.errors = mark.errors;
        trial
    }

    /// Puts back the issues of a trial taken at the current state, as far as the cap allows
    /// (the rest are counted).
    pub(crate) fn put_back(&mut self, trial: Trial) {
        self.errors += trial.errors;
        self.truncated += trial.truncated;
        for (issue, place) in trial.issues.into_iter().zip(trial.places) {
            if self.issues.len() >= self.max_issues {
                self.truncated += 1;
            } else {
                self.issues.push(issue);
                self.places.push(place);
            }
        }
    }

    /// Records an issue whose position in the text is already known, as a byte offset (a
    /// JSON syntax error, a duplicate key).
    pub(crate) fn push_at(
        &mut self,
        rule: &'static Rule,
        params: &[(&'static str, String)],
        offset: usize,
    ) {
        self.record(rule, params.iter().map(|(name, value)| (*name, value.clone())), Some(offset));
    }

    /// How many issues are kept so far.
    pub(crate) fn kept(&self) -> usize {
        self.issues.len()
    }

    /// Places the issues kept since the first `from` that have no position yet: `place` gets
    /// each one's pointer below the current one (`""` for the current value) and whether the
    /// issue is about a member's key, and gives its byte offset (counted as for
    /// [`Ctx::push_at`]).
    pub(crate) fn place_since(&mut self, from: usize, place: impl Fn(&str, bool) -> usize) {
        for (issue, at) in self.issues.iter().zip(&mut self.places).skip(from) {
            if at.offset.is_some() {
                continue;
            }
            let below = issue.pointer.strip_prefix(self.pointer.as_str());
            // Rules report below the current value; any other pointer is left to
            // `finish_in`, which finds every pointer in the text.
            if let Some(below) = below.filter(|b| b.is_empty() || b.starts_with('/')) {
                let at_key = issue.rule.code == rules::UNKNOWN_FIELD.code;
                at.offset = Some(self.offset_base + place(below, at_key));
            }
        }
    }

    /// Runs `f` with offsets counted from `base` bytes into the text.
    pub(crate) fn shifted<R>(&mut self, base: usize, f: impl FnOnce(&mut Ctx) -> R) -> R {
        let before = self.offset_base;
        self.offset_base += base;
        let r = f(self);
        self.offset_base = before;
        r
    }

    /// Runs `f` one level down, at the member `name`, whose key may be someone's data: issues
    /// below it are located by the real key, then show it masked.
    pub(crate) fn masked_field<R>(&mut self, name: &str, f: impl FnOnce(&mut Ctx) -> R) -> R {
        let start = self.pointer.len() + 1;
        let depth = self.masked.len();
        self.field(name, |ctx| {
            ctx.masked.push(start..ctx.pointer.len());
            let r = f(ctx);
            ctx.masked.truncate(depth);
            r
        })
    }

    /// Runs `f` at a pointer below the current one, given as a JSON Pointer suffix.
    pub(crate) fn field_pointer<R>(&mut self, pointer: &str, f: impl FnOnce(&mut Ctx) -> R) -> R {
        let len = self.pointer.len();
        self.pointer.push_str(pointer);
        let r = f(self);
        self.pointer.truncate(len);
        r
    }

    /// Reports an issue at the member `name` of the current value.
    pub fn report_at(
        &mut self,
        name: &str,
        rule: &'static Rule,
        params: &[(&'static str, String)],
    ) {
        self.field(name, |ctx| ctx.report(rule, params));
    }

    /// How many issues have been reported so far, kept or not.
    #[must_use]
    pub fn issue_count(&self) -> usize {
        self.issues.len() + self.truncated
    }

    /// Ends the run of a value that did not come from text (no positions).
    #[must_use]
    pub fn finish(self) -> Report {
        self.finish_in(None)
    }

    /// Ends the run of a document read from `text`, if given: every issue gets its line and
    /// column (in one pass over the text, however many issues there are), then the keys that
    /// may be someone's data are masked in the pointers.
    #[must_use]
    pub(crate) fn finish_in(mut self, text: Option<&[u8]>) -> Report {
        if let Some(text) = text
            && !self.issues.is_empty()
        {
            let places = &self.places;
            locate::locate(text, &mut self.issues, |i| places.get(i).and_then(|p| p.offset));
        }
        for (issue, place) in self.issues.iter_mut().zip(&self.places) {
            if !place.masked.is_empty() {
                issue.pointer = mask_pointer(&issue.pointer, &place.masked);
            }
        }
        Report { issues: self.issues, truncated_count: self.truncated, error_count: self.errors }
    }

    /// Checks a list of values that may be left out: when present it must not be empty and
    /// must not repeat an entry (`minItems`, `uniqueItems`).
    pub fn check_set<T: Eq + std::hash::Hash>(&mut self, name: &str, items: Option<&[T]>) {
        self.check_list(name, items, &rules::LIST_DUPLICATE);
    }

    /// Checks a list of records that may be left out: when present it must not be empty and
    /// must not hold the same record twice, compared as the model reads them (a field set to
    /// `null` is the same as one left out).
    pub fn check_records<T: Eq + std::hash::Hash>(&mut self, name: &str, items: Option<&[T]>) {
        self.check_list(name, items, &rules::LIST_DUPLICATE_RECORD);
    }

    fn check_list<T: Eq + std::hash::Hash>(
        &mut self,
        name: &str,
        items: Option<&[T]>,
        duplicate: &'static Rule,
    ) {
        let Some(items) = items else { return };
        self.field(name, |ctx| {
            if items.is_empty() {
                ctx.report(&rules::LIST_EMPTY, &[]);
            }
            // Short lists (the usual case) are compared pairwise, which is cheaper than
            // hashing; both report each repeat with the index of its first occurrence.
            if items.len() <= SHORT_LIST {
                for (i, item) in items.iter().enumerate() {
                    if let Some(first) = items[..i].iter().position(|x| x == item) {
                        ctx.index(i, |ctx| {
                            ctx.report(duplicate, &[("first", first.to_string())]);
                        });
                    }
                }
                return;
            }
            ctx.each_repeat(items, |ctx, _, first| {
                ctx.report(duplicate, &[("first", first.to_string())]);
            });
        });
    }

    /// Calls `report` at each item of the current list whose key an earlier item already has,
    /// with that key and the index of its first occurrence.
    pub fn each_repeat<K: Eq + std::hash::Hash>(
        &mut self,
        keys: impl IntoIterator<Item = K>,
        mut report: impl FnMut(&mut Ctx, &K, usize),
    ) {
        // foldhash: several times faster than SipHash on short keys, and seeded per process.
        let mut seen: foldhash::HashMap<K, usize> = foldhash::HashMap::default();
        for (i, key) in keys.into_iter().enumerate() {
            match seen.get(&key) {
                Some(&first) => self.index(i, |ctx| report(ctx, &key, first)),
                None => {
                    seen.insert(key, i);
                }
            }
        }
    }
}

/// The state of a context's issues at one moment: see [`Ctx::mark`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mark {
    kept: usize,
    truncated: usize,
    errors: usize,
}

/// What was reported while something was tried out: see [`Ctx::take_since`].
#[derive(Debug)]
pub(crate) struct Trial {
    /// How many issues, kept or not.
    pub(crate) count: usize,
    issues: Vec<Issue>,
    places: Vec<Place>,
    truncated: usize,
    errors: usize,
}

/// Where an issue is, beyond its pointer.
#[derive(Clone, Debug, Default)]
struct Place {
    offset: Option<usize>,
    masked: Vec<std::ops::Range<usize>>,
}

/// The pointer with the given byte ranges (whole segments) masked.
fn mask_pointer(pointer: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(pointer.len());
    let mut at = 0;
    for r in ranges {
        let (Some(before), Some(segment)) = (pointer.get(at..r.start), pointer.get(r.clone()))
        else {
            continue;
        };
        out.push_str(before);
        out.push_str(&crate::personal::mask(segment));
        at = r.end;
    }
    out.push_str(pointer.get(at..).unwrap_or_default());
    out
}

#[cfg(test)]
mod pointer_tests {
    use super::*;

    #[test]
    fn decimal_indices_are_written_as_format_writes_them() {
        for i in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
            let mut s = String::from("/a");
            push_decimal(&mut s, i);
            assert_eq!(s, format!("/a{i}"));
        }
    }

    #[test]
    fn names_that_need_escapes_are_found_anywhere() {
        for len in 0..40 {
            let plain = "a".repeat(len);
            assert!(!needs_escape(plain.as_bytes()), "{len}");
            for at in 0..len {
                for c in ['~', '/'] {
                    let mut s = plain.clone();
                    s.replace_range(at..=at, &c.to_string());
                    assert!(needs_escape(s.as_bytes()), "{s}");
                }
            }
        }
        assert!(!needs_escape("åäö~".as_bytes()[..6].as_ref()));
        assert!(needs_escape("åäö/åäö".as_bytes()));
    }

    #[test]
    fn members_are_escaped_and_indices_appended() {
        let options = Options::default();
        let mut ctx = Ctx::new(&options);
        ctx.field("a/b~c", |ctx| {
            ctx.index(12, |ctx| {
                ctx.field("plain", |ctx| assert_eq!(ctx.pointer(), "/a~1b~0c/12/plain"));
            });
        });
        assert_eq!(ctx.pointer(), "");
        for i in [0, 1, 9, 10, 11, 99, 100, 255, 256, 1000, 65_536, usize::MAX] {
            let mut s = String::from("/x");
            push_decimal(&mut s, i);
            assert_eq!(s, format!("/x{i}"));
        }
    }

    /// Only a value that can report nothing is skipped: an absent one, an empty list, and
    /// what wraps them; a present value is still checked, at its member.
    #[test]
    fn check_skips_only_what_checks_nothing() {
        use crate::model::Text;
        let bad = || Text::from(" x");
        assert!(None::<Text>.checks_nothing() && Vec::<Text>::new().checks_nothing());
        assert!(Some(Box::new(Vec::<Text>::new())).checks_nothing());
        assert!(!Some(bad()).checks_nothing() && !vec![bad()].checks_nothing());
        let options = Options::default();
        let mut ctx = Ctx::new(&options);
        ctx.check("absent", &None::<Text>);
        ctx.check("empty", &Some(Vec::<Text>::new()));
        ctx.check("list", &Some(vec![bad()]));
        let report = ctx.finish();
        let pointers: Vec<&str> = report.issues.iter().map(|i| i.pointer.as_str()).collect();
        assert_eq!(pointers, ["/list/0"]);
    }

    #[test]
    fn repeats_are_reported_alike_in_short_and_long_lists() {
        for n in [5, SHORT_LIST, SHORT_LIST + 1, 40] {
            let items: Vec<usize> = (0..n).map(|i| i % 3).collect();
            let options = Options::default();
            let mut ctx = Ctx::new(&options);
            ctx.check_set("xs", Some(&items));
            let report = ctx.finish();
            let got: Vec<(String, String)> = report
                .issues
                .iter()
                .map(|i| (i.pointer.clone(), i.params["first"].clone()))
                .collect();
            let want: Vec<(String, String)> =
                (3..n).map(|i| (format!("/xs/{i}"), (i % 3).to_string())).collect();
            assert_eq!(got, want, "n = {n}");
        }
    }
}
