//! The configuration file: `kommun-intl.toml`, or `[tool.kommun-intl]` in `pyproject.toml`,
//! found from each checked path upwards as ruff finds its own (the nearest wins, none merge),
//! or named with `--config FILE`; `--isolated` reads none.
//!
//! ```toml
//! select = ["feedback.", "fault_report."]
//! ignore = ["fault_report.outside_area"]
//! lang = "sv"
//! reference-date = "today"
//! max-issues = 100
//! profile = "profiles/lidkoping.json"
//!
//! [severity]
//! "submission.in_future" = "warning"
//!
//! [[files]]
//! glob = "inkommet/**/*.ndjson"
//! kind = "feedback"
//! ```
//!
//! A bad file is an error that names the key, its line and column; nothing is checked then.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use globset::{Glob, GlobMatcher};
use kommun_intl::validate::{RuleSelection, SelectorError};
use kommun_intl::{DocumentKind, Lang, Profile, Severity};
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// The name of the configuration file.
pub const FILE_NAME: &str = "kommun-intl.toml";

/// The file name of the configuration's JSON Schema, beside the documents' in `schemas/`.
pub const SCHEMA_FILE_NAME: &str = "config.schema.json";

/// The configuration of `kommun-intl validate` and `fix`, in `kommun-intl.toml` or in the
/// `[tool.kommun-intl]` table of `pyproject.toml`. Paths in it are relative to its directory.
/// Options given on the command line win over it.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "kommun-intl configuration")]
pub struct Config {
    /// The rules to report, as codes (`feedback.reply_needs_contact`) or prefixes ending in a
    /// dot (`feedback.`); by default every rule. The errors that say a document is not JSON or
    /// not of its kind's shape (`json.`, `limits.`, `structure.`) always report.
    #[schemars(with = "Option<Vec<String>>")]
    pub select: Option<Vec<Spanned<String>>>,
    /// Rules not to report, as codes or prefixes. Of `select` and `ignore`, the most specific
    /// entry (the longest) decides for each rule; on a tie, `ignore`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub ignore: Vec<Spanned<String>>,
    /// Severities other than the rules' own, by code or prefix: `"submission.in_future" =
    /// "error"`. The most specific entry decides. The errors that always report stay errors.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, SeverityName>")]
    pub severity: BTreeMap<Spanned<String>, SeverityName>,
    /// The language of the messages; by default the system's (Swedish when it is Swedish).
    pub lang: Option<LangName>,
    /// "Today", for the rules that compare with it: `"today"` (the date in Sweden when the
    /// command runs) or a date `YYYY-MM-DD`. Without it those rules do not run.
    #[serde(default)]
    #[schemars(schema_with = "reference_date_schema")]
    pub reference_date: Option<ReferenceDate>,
    /// Keep at most this many issues per document; the rest are counted.
    #[schemars(range(min = 1))]
    pub max_issues: Option<usize>,
    /// The document kind of every file the `[[files]]` entries do not give one; by default each
    /// document's `$schema` tells it.
    pub kind: Option<KindName>,
    /// The municipality's code lists: a profile file (`kommun-intl schema profile`), relative to
    /// this file; by default Lidköping's built-in one.
    pub profile: Option<PathBuf>,
    /// Whether a directory walk skips what `.gitignore`, `.ignore` and the repository's
    /// exclude file leave out (default: true).
    pub respect_gitignore: Option<bool>,
    /// Settings for the files whose path (relative to this file's directory) matches a glob;
    /// for each setting the first entry that matches and gives it wins.
    #[serde(default)]
    pub files: Vec<FileSettings>,
}

/// Settings for the files a glob matches.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FileSettings {
    /// A glob over paths relative to the configuration's directory: `*` within a name, `**`
    /// across directories, `{a,b}` alternatives (`inkommet/**/*.{json,ndjson}`).
    pub glob: String,
    /// The kind of the documents of these files.
    pub kind: Option<KindName>,
    /// The profile these files are checked against, relative to the configuration's directory.
    pub profile: Option<PathBuf>,
}

/// A severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SeverityName {
    /// The document is invalid.
    Error,
    /// The document is valid, but something is probably wrong.
    Warning,
}

impl From<SeverityName> for Severity {
    fn from(s: SeverityName) -> Severity {
        match s {
            SeverityName::Error => Severity::Error,
            SeverityName::Warning => Severity::Warning,
        }
    }
}

/// A language of the messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LangName {
    /// Swedish.
    Sv,
    /// English.
    En,
}

impl From<LangName> for Lang {
    fn from(l: LangName) -> Lang {
        match l {
            LangName::Sv => Lang::Sv,
            LangName::En => Lang::En,
        }
    }
}

/// A document kind, by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct KindName(pub DocumentKind);

impl TryFrom<String> for KindName {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse().map(KindName).map_err(|e: kommun_intl::Error| e.to_string())
    }
}

impl JsonSchema for KindName {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Kind".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = DocumentKind::ALL.iter().map(|k| k.name()).collect();
        schemars::json_schema!({
            "description": "A document kind, as `kommun-intl schema KIND` names it.",
            "type": "string",
            "enum": names,
        })
    }
}

/// `"today"` or a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum ReferenceDate {
    /// The date in Sweden when the command runs.
    Today,
    /// A fixed date.
    Date(NaiveDate),
}

impl TryFrom<String> for ReferenceDate {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        parse_reference_date(&s)
    }
}

/// Parses `today` or `YYYY-MM-DD` (for `--reference-date` too).
pub fn parse_reference_date(s: &str) -> Result<ReferenceDate, String> {
    if s == "today" {
        return Ok(ReferenceDate::Today);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(ReferenceDate::Date)
        .map_err(|_| format!("`{s}` is neither `today` nor a date written YYYY-MM-DD"))
}

impl ReferenceDate {
    /// The date: for `today`, the date in Sweden now.
    pub fn date(self) -> NaiveDate {
        match self {
            ReferenceDate::Date(d) => d,
            ReferenceDate::Today => {
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
                chrono::DateTime::from_timestamp(now, 0)
                    .unwrap_or_default()
                    .with_timezone(&chrono_tz::Europe::Stockholm)
                    .date_naive()
            }
        }
    }
}

fn reference_date_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "description": "`today` or a date written YYYY-MM-DD.",
        "type": "string",
        "pattern": "^(today|[0-9]{4}-[0-9]{2}-[0-9]{2})$",
    })
}

/// The configuration's JSON Schema (draft 2020-12), as committed in `schemas/`.
pub fn schema() -> String {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<Config>().to_value();
    drop_null(&mut schema);
    if let Some(object) = schema.as_object_mut() {
        let mut out = serde_json::Map::new();
        out.insert("$schema".into(), "https://json-schema.org/draft/2020-12/schema".into());
        let id = format!("{}{SCHEMA_FILE_NAME}", kommun_intl::schema::BASE_URI);
        out.insert("$id".into(), id.into());
        for (k, v) in std::mem::take(object) {
            if k != "$schema" {
                out.insert(k, v);
            }
        }
        schema = serde_json::Value::Object(out);
    }
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Removes `null` from the schema: TOML has none, so a key is either given or left out.
fn drop_null(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(any)) = map.get_mut("anyOf") {
                any.retain(|s| s.get("type").is_none_or(|t| t != "null"));
                if any.len() == 1 {
                    let Some(Value::Object(only)) = any.pop() else { return };
                    map.remove("anyOf");
                    for (k, v) in only {
                        map.entry(k).or_insert(v);
                    }
                }
            }
            map.values_mut().for_each(drop_null);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

/// A configuration read from its file, ready to apply.
#[derive(Debug)]
pub struct Loaded {
    /// The file it was read from.
    pub path: PathBuf,
    /// What it says.
    pub config: Config,
    /// Its rule selection (`select`, `ignore`, `severity`).
    pub rules: Arc<RuleSelection>,
    globs: Vec<GlobMatcher>,
}

/// A bad configuration: what to print, the first line as the error, the rest as notes.
#[derive(Debug)]
pub struct ConfigError(pub Vec<String>);

/// The 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

#[derive(Deserialize)]
struct Pyproject {
    tool: Option<Tool>,
}

#[derive(Deserialize)]
struct Tool {
    #[serde(rename = "kommun-intl")]
    kommun_intl: Option<Config>,
}

/// Whether a `pyproject.toml` has a `[tool.kommun-intl]` table (without reading the rest).
fn has_tool_table(text: &str) -> bool {
    text.contains("kommun-intl")
        && toml::from_str::<toml::Table>(text).is_ok_and(|t| {
            t.get("tool").and_then(|t| t.get("kommun-intl")).is_some_and(toml::Value::is_table)
        })
}

/// Reads a configuration file: `pyproject.toml`'s `[tool.kommun-intl]` table, or the whole
/// file for any other name.
pub fn load(path: &Path) -> Result<Loaded, ConfigError> {
    let shown = crate::env::escape_controls(&path.display().to_string()).into_owned();
    let max = kommun_intl::Limits::default().max_document_size;
    let text = match std::fs::metadata(path) {
        Ok(m) if m.len() > max as u64 => {
            return Err(ConfigError(vec![format!(
                "{shown} is not a configuration: it is larger than {max} bytes"
            )]));
        }
        _ => std::fs::read_to_string(path)
            .map_err(|e| ConfigError(vec![format!("cannot read {shown}: {e}")]))?,
    };
    let pyproject = path.file_name().is_some_and(|n| n == "pyproject.toml");
    let bad = |key: &str, span: Option<std::ops::Range<usize>>, message: &str| {
        let at = span.map_or_else(
            || shown.clone(),
            |s| {
                let (l, c) = line_col(&text, s.start);
                format!("{shown}:{l}:{c}")
            },
        );
        let key = if key.is_empty() || key == "." { String::new() } else { format!(" `{key}`") };
        let message = crate::env::escape_controls(message).into_owned();
        ConfigError(vec![format!("{at}: bad configuration{key}: {message}")])
    };
    let parsed = toml::de::Deserializer::parse(&text).map_err(|e| bad("", e.span(), e.message()));
    let deserializer = parsed?;
    let config = if pyproject {
        let p: Pyproject = serde_path_to_error::deserialize(deserializer).map_err(|e| {
            let key = e.path().to_string();
            bad(&key, e.inner().span(), e.inner().message())
        })?;
        p.tool.and_then(|t| t.kommun_intl).unwrap_or_default()
    } else {
        serde_path_to_error::deserialize::<_, Config>(deserializer).map_err(|e| {
            let key = e.path().to_string();
            bad(&key, e.inner().span(), e.inner().message())
        })?
    };
    let prefix = if pyproject { "tool.kommun-intl." } else { "" };
    let rules = selection(&config)
        .map_err(|(key, span, e)| bad(&format!("{prefix}{key}"), Some(span), &e.to_string()))?;
    let mut globs = Vec::new();
    for (i, entry) in config.files.iter().enumerate() {
        match Glob::new(&entry.glob) {
            Ok(g) => globs.push(g.compile_matcher()),
            Err(e) => {
                return Err(bad(&format!("{prefix}files[{i}].glob"), None, &e.kind().to_string()));
            }
        }
    }
    if config.max_issues == Some(0) {
        return Err(bad(&format!("{prefix}max-issues"), None, "must be at least 1"));
    }
    Ok(Loaded { path: path.to_owned(), config, rules: Arc::new(rules), globs })
}

type SelectionError = (String, std::ops::Range<usize>, SelectorError);

/// Builds the rule selection, checking each entry alone first so that an error names its key.
fn selection(config: &Config) -> Result<RuleSelection, SelectionError> {
    let none: &[&str] = &[];
    if let Some(select) = &config.select {
        for (i, s) in select.iter().enumerate() {
            RuleSelection::new(Some(&[s.get_ref().as_str()]), none, &[])
                .map_err(|e| (format!("select[{i}]"), s.span(), e))?;
        }
    }
    for (i, s) in config.ignore.iter().enumerate() {
        RuleSelection::new(None, &[s.get_ref().as_str()], &[])
            .map_err(|e| (format!("ignore[{i}]"), s.span(), e))?;
    }
    for (s, level) in &config.severity {
        RuleSelection::new(None, none, &[(s.get_ref().as_str(), Severity::from(*level))])
            .map_err(|e| (format!("severity.\"{}\"", s.get_ref()), s.span(), e))?;
    }
    let select: Option<Vec<&str>> =
        config.select.as_ref().map(|v| v.iter().map(|s| s.get_ref().as_str()).collect());
    let ignore: Vec<&str> = config.ignore.iter().map(|s| s.get_ref().as_str()).collect();
    let severity: Vec<(&str, Severity)> =
        config.severity.iter().map(|(s, l)| (s.get_ref().as_str(), Severity::from(*l))).collect();
    let span = 0..0;
    RuleSelection::new(select.as_deref(), &ignore, &severity).map_err(|e| (String::new(), span, e))
}

impl Loaded {
    /// The directory paths in the configuration are relative to.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// The kind and profile file the `[[files]]` entries (then the top level) give `path`.
    pub fn for_file(&self, path: &Path) -> (Option<DocumentKind>, Option<PathBuf>) {
        let relative = relative_to(path, self.dir());
        let mut kind = None;
        let mut profile = None;
        for (entry, glob) in self.config.files.iter().zip(&self.globs) {
            if glob.is_match(&relative) {
                kind = kind.or(entry.kind.map(|k| k.0));
                profile = profile.or_else(|| entry.profile.clone());
            }
        }
        let kind = kind.or(self.config.kind.map(|k| k.0));
        let profile = profile.or_else(|| self.config.profile.clone());
        (kind, profile.map(|p| self.dir().join(p)))
    }
}

/// `path` relative to `dir`, both made absolute against the current directory first; the path
/// itself when it is not below `dir`.
fn relative_to(path: &Path, dir: &Path) -> PathBuf {
    let absolute = |p: &Path| {
        let p = std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
        // `a/./b` and `a/../b` as the walk writes them: normalise what `absolute` keeps.
        let mut out = PathBuf::new();
        for c in p.components() {
            match c {
                std::path::Component::CurDir => {}
                std::path::Component::ParentDir => {
                    out.pop();
                }
                c => out.push(c),
            }
        }
        out
    };
    let (path, dir) = (absolute(path), absolute(dir));
    path.strip_prefix(&dir).map_or_else(|_| path.clone(), Path::to_owned)
}

/// How configurations are found.
#[derive(Debug)]
pub enum Mode {
    /// None is read (`--isolated`).
    Isolated,
    /// One, for every path (`--config FILE`).
    Fixed(Arc<Loaded>),
    /// The nearest to each path, upwards.
    Discover,
}

/// Finds the configuration of each path, reading each file once.
#[derive(Debug)]
pub struct Resolver {
    mode: Mode,
    by_dir: HashMap<PathBuf, Option<Arc<Loaded>>>,
    profiles: HashMap<PathBuf, Arc<Profile>>,
    /// The current directory, asked once (not once a file: 10,000 `getcwd` calls for a
    /// folder of 10,000 files); `None` if it cannot be told.
    cwd: Option<PathBuf>,
}

/// The command-line options about configuration, shared by `validate` and `fix`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ConfigArgs {
    /// Read the configuration from this file (a `kommun-intl.toml`, or a `pyproject.toml` with
    /// `[tool.kommun-intl]`) instead of finding one upwards from each checked path.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Read no configuration file.
    #[arg(long)]
    pub isolated: bool,
}

impl Resolver {
    /// A resolver for the command line's choice; reads `--config FILE` now.
    pub fn new(args: &ConfigArgs) -> Result<Resolver, ConfigError> {
        let mode = if args.isolated {
            Mode::Isolated
        } else if let Some(path) = &args.config {
            Mode::Fixed(Arc::new(load(path)?))
        } else {
            Mode::Discover
        };
        let cwd = std::env::current_dir().ok();
        Ok(Resolver { mode, by_dir: HashMap::new(), profiles: HashMap::new(), cwd })
    }

    /// The configuration for a file or directory (`None` for standard input: the current
    /// directory's).
    pub fn for_path(&mut self, path: Option<&Path>) -> Result<Option<Arc<Loaded>>, ConfigError> {
        match path {
            Some(p) if p.is_dir() => self.for_dir(p),
            Some(p) => self.for_file(p),
            None => self.for_dir(Path::new(".")),
        }
    }

    /// The configuration for a path known to be a file (no `stat` to ask).
    pub fn for_file(&mut self, file: &Path) -> Result<Option<Arc<Loaded>>, ConfigError> {
        self.for_dir(file.parent().unwrap_or(Path::new(".")))
    }

    fn for_dir(&mut self, start: &Path) -> Result<Option<Arc<Loaded>>, ConfigError> {
        match &self.mode {
            Mode::Isolated => return Ok(None),
            Mode::Fixed(c) => return Ok(Some(Arc::clone(c))),
            Mode::Discover => {}
        }
        let start = self.absolute(start);
        self.in_dir(&start)
    }

    /// `path` made absolute against the current directory asked once (`self.cwd`), so that
    /// neither this lookup nor a configuration's match of a file ([`Loaded::for_file`]) asks it
    /// again for every file.
    fn absolute(&self, path: &Path) -> PathBuf {
        let joined = match &self.cwd {
            Some(cwd) if path.is_relative() => cwd.join(path),
            _ if path.as_os_str().is_empty() => PathBuf::from("."),
            _ => path.to_owned(),
        };
        std::path::absolute(&joined).unwrap_or(joined)
    }

    fn in_dir(&mut self, dir: &Path) -> Result<Option<Arc<Loaded>>, ConfigError> {
        if let Some(found) = self.by_dir.get(dir) {
            return Ok(found.clone());
        }
        let mut found = None;
        for name in [FILE_NAME, "pyproject.toml"] {
            let candidate = dir.join(name);
            if !candidate.is_file() {
                continue;
            }
            if name == "pyproject.toml"
                && !std::fs::read_to_string(&candidate).is_ok_and(|t| has_tool_table(&t))
            {
                continue;
            }
            found = Some(Arc::new(load(&candidate)?));
            break;
        }
        if found.is_none()
            && let Some(parent) = dir.parent()
        {
            found = self.in_dir(parent)?;
        }
        self.by_dir.insert(dir.to_owned(), found.clone());
        Ok(found)
    }

    /// A profile file, read once however many files use it.
    pub fn profile(&mut self, path: &Path, lang: Lang) -> Result<Arc<Profile>, ConfigError> {
        if let Some(p) = self.profiles.get(path) {
            return Ok(Arc::clone(p));
        }
        let profile = Arc::new(crate::profile::load(path, lang).map_err(ConfigError)?);
        self.profiles.insert(path.to_owned(), Arc::clone(&profile));
        Ok(profile)
    }
}

/// One input found under the command line's paths, with the configuration that applies to it
/// and what that configuration gives its file.
pub struct Configured {
    /// The input, or why it cannot be read.
    pub input: Result<crate::inputs::Input, crate::inputs::Failure>,
    /// Its configuration, if any.
    pub loaded: Option<Arc<Loaded>>,
    /// The kind the configuration gives the file (`[[files]]`, then `kind`).
    pub kind: Option<DocumentKind>,
    /// The profile file the configuration gives the file.
    pub profile: Option<PathBuf>,
}

impl Configured {
    /// The configuration's rule selection, if there is one.
    pub fn rules(&self) -> Option<Arc<RuleSelection>> {
        self.loaded.as_ref().map(|c| Arc::clone(&c.rules))
    }
}

impl Resolver {
    /// The language of a run: `given` (the command line's), else the configuration's of the
    /// first path, else the system's.
    pub fn lang(&mut self, given: Option<Lang>, paths: &[PathBuf]) -> Result<Lang, ConfigError> {
        let first = paths.first().filter(|p| p.as_os_str() != "-");
        let of_config = self.for_path(first.map(PathBuf::as_path))?.and_then(|c| c.config.lang);
        Ok(crate::env::lang(given.or(of_config.map(Lang::from))))
    }

    /// Every input under `paths`, in order, each with its configuration (the nearest to the
    /// file, or the current directory's for standard input); a directory walk honours its
    /// configuration's `respect-gitignore`. `validate` and `fix` both read their inputs so.
    pub fn inputs(
        &mut self,
        paths: &[PathBuf],
        ndjson: bool,
        follow_links: bool,
    ) -> Result<Vec<Configured>, ConfigError> {
        let mut out = Vec::new();
        for path in paths {
            let stdin = path.as_os_str() == "-";
            let of_arg = self.for_path((!stdin).then_some(path.as_path()))?;
            let gitignore =
                of_arg.as_ref().and_then(|c| c.config.respect_gitignore).unwrap_or(true);
            let found =
                crate::inputs::expand(std::slice::from_ref(path), ndjson, follow_links, gitignore);
            for input in found {
                let file = match &input {
                    Ok(crate::inputs::Input { source: crate::inputs::Source::File(p), .. }) => {
                        Some(p.clone())
                    }
                    _ => None,
                };
                let loaded = match (&file, &input) {
                    // A found file is a file (a folder of CSV files is a directory): no `stat`.
                    (Some(p), Ok(i)) if !i.sheet => self.for_file(p)?,
                    (Some(p), _) => self.for_path(Some(p))?,
                    (None, _) => of_arg.clone(),
                };
                let (kind, profile) = match (&loaded, &file) {
                    (Some(c), Some(p)) => c.for_file(&self.absolute(p)),
                    (Some(c), None) => c.for_file(Path::new(crate::inputs::STDIN_NAME)),
                    (None, _) => (None, None),
                };
                out.push(Configured { input, loaded, kind, profile });
            }
        }
        Ok(out)
    }
}

impl ConfigError {
    /// Prints the error on stderr.
    pub fn print(&self) {
        let mut lines = self.0.iter();
        if let Some(first) = lines.next() {
            crate::env::error(first);
        }
        for line in lines {
            crate::env::note(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    fn error_of(text: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), FILE_NAME, text);
        let e = load(&path).unwrap_err();
        e.0[0].replace(&*dir.path().display().to_string(), "DIR")
    }

    #[test]
    fn a_bad_key_is_named_with_its_line() {
        let e = error_of("lang = \"sv\"\nselct = [\"feedback.\"]\n");
        assert!(
            e.starts_with(
                "DIR/kommun-intl.toml:2:1: bad configuration `selct`: unknown field `selct`"
            ),
            "{e}"
        );
        let e = error_of("[[files]]\nglob = \"a/*\"\nkind = \"feedbak\"\n");
        assert!(e.starts_with("DIR/kommun-intl.toml:3:8: bad configuration `files[0].kind`: unknown document kind `feedbak`"), "{e}");
        let e = error_of("ignore = [\"json.\", \"feedbak.\"]\n");
        assert_eq!(
            e,
            "DIR/kommun-intl.toml:1:20: bad configuration `ignore[1]`: `feedbak.` is not a rule \
             code or a prefix of one; did you mean `feedback.`?"
        );
        let e = error_of("[severity]\n\"json.syntax\" = \"warning\"\n");
        assert!(e.starts_with("DIR/kommun-intl.toml:2:1: bad configuration `severity.\"json.syntax\"`: `json.syntax` cannot be made a warning"), "{e}");
        let e = error_of("reference-date = \"yesterday\"\n");
        assert!(e.contains("`reference-date`: `yesterday` is neither `today` nor a date"), "{e}");
        let e = error_of("max-issues = 0\n");
        assert!(e.ends_with("bad configuration `max-issues`: must be at least 1"), "{e}");
        let e = error_of("lang = \n");
        assert!(e.starts_with("DIR/kommun-intl.toml:1:"), "{e}");
    }

    #[test]
    fn pyproject_keys_are_named_in_full() {
        let dir = tempfile::tempdir().unwrap();
        let text = "[project]\nname = \"x\"\n\n[tool.kommun-intl]\nlang = \"de\"\n";
        let path = write(dir.path(), "pyproject.toml", text);
        let e = load(&path).unwrap_err().0[0].clone();
        assert!(e.contains("pyproject.toml:5:8: bad configuration `tool.kommun-intl.lang`: unknown variant `de`"), "{e}");
    }

    #[test]
    fn the_nearest_configuration_wins_and_pyproject_needs_its_table() {
        let root = tempfile::tempdir().unwrap();
        let inner = root.path().join("a/b");
        std::fs::create_dir_all(&inner).unwrap();
        write(root.path(), FILE_NAME, "lang = \"sv\"\n");
        write(&root.path().join("a"), "pyproject.toml", "[project]\nname = \"x\"\n");
        let mut resolver = Resolver::new(&ConfigArgs::default()).unwrap();
        let found = resolver.for_path(Some(&inner)).unwrap().expect("found upwards");
        assert_eq!(found.path, std::path::absolute(root.path().join(FILE_NAME)).unwrap());
        write(&root.path().join("a"), "pyproject.toml", "[tool.kommun-intl]\nlang = \"en\"\n");
        let mut resolver = Resolver::new(&ConfigArgs::default()).unwrap();
        let found = resolver.for_path(Some(&inner.join("x.json"))).unwrap().unwrap();
        assert_eq!(found.config.lang, Some(LangName::En));
        let isolated = ConfigArgs { isolated: true, ..ConfigArgs::default() };
        assert!(Resolver::new(&isolated).unwrap().for_path(Some(&inner)).unwrap().is_none());
    }

    #[test]
    fn globs_give_kinds_and_profiles_relative_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let text = "kind = \"dataset\"\n[[files]]\nglob = \"in/**/*.ndjson\"\nkind = \"feedback\"\n\
                    [[files]]\nglob = \"in/**\"\nkind = \"fault-report\"\nprofile = \"p.json\"\n";
        let path = write(dir.path(), FILE_NAME, text);
        let loaded = load(&path).unwrap();
        let (kind, profile) = loaded.for_file(&dir.path().join("in/2026/x.ndjson"));
        assert_eq!(kind, Some(DocumentKind::Feedback));
        assert_eq!(profile, Some(dir.path().join("p.json")));
        let (kind, profile) = loaded.for_file(&dir.path().join("register.json"));
        assert_eq!((kind, profile), (Some(DocumentKind::Dataset), None));
    }

    #[test]
    fn the_readme_configuration_is_valid() {
        let readme =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md"))
                .unwrap();
        let blocks: Vec<&str> = readme
            .split("```toml\n")
            .skip(1)
            .map(|rest| rest.split("```").next().unwrap_or(""))
            .collect();
        assert!(!blocks.is_empty(), "the README shows a configuration");
        for block in blocks {
            let dir = tempfile::tempdir().unwrap();
            let path = write(dir.path(), FILE_NAME, block);
            let loaded = load(&path).unwrap_or_else(|e| panic!("{block}\n{:?}", e.0));
            assert!(!loaded.rules.is_default());
            // The published schema says the same of it, and refuses what `load` refuses.
            let schema: serde_json::Value = serde_json::from_str(&schema()).unwrap();
            let validator = jsonschema::validator_for(&schema).unwrap();
            let value: serde_json::Value =
                serde_json::to_value(toml::from_str::<toml::Table>(block).unwrap()).unwrap();
            assert!(validator.is_valid(&value), "{value}");
            for bad in ["selct = []", "lang = \"de\"", "reference-date = \"yesterday\""] {
                let value = serde_json::to_value(toml::from_str::<toml::Table>(bad).unwrap());
                assert!(!validator.is_valid(&value.unwrap()), "{bad}");
            }
        }
    }

    #[test]
    fn the_committed_schema_is_the_generated_one() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas").join(SCHEMA_FILE_NAME);
        if std::env::var_os("KOMMUN_INTL_UPDATE").is_some() {
            std::fs::write(&path, schema()).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == schema(),
            "{} differs from the generated schema; run `{}`",
            path.display(),
            kommun_intl::schema::REGENERATE_COMMAND
        );
    }
}
