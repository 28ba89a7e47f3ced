//! A kommun-intl register, published: as the municipality's page about its international work
//! (a static site in Swedish or English, [`render`]) and as open data ([`csv`] files with a
//! DCAT-AP-SE description in [`dcat`], IATI activity XML in [`iati`], Wikidata QuickStatements
//! in [`wikidata`]).
//!
//! Everything here reads a [`Register`]: a register that has passed validation. An invalid
//! register publishes nothing; [`Register::new`] hands back its report instead.
//!
//! ```
//! use kommun_intl::Lang;
//! use kommun_intl_publish::{Register, render};
//!
//! let text = std::fs::read("../../examples/lidkoping.json").unwrap();
//! let register = Register::from_json(&text).unwrap();
//! let out = tempfile::tempdir().unwrap();
//! let site = render(register.register(), Lang::En, out.path(), None).unwrap();
//! assert!(site.files.iter().any(|f| f.ends_with("index.html")));
//! ```

pub mod csv;
pub mod dcat;
mod format;
pub mod iati;
mod site;
mod svg;
mod text;
mod view;
pub mod wikidata;

use kommun_intl::{Dataset, Options, Report, Validate};

pub use site::{RenderOptions, Site, render, render_with};

/// Why nothing was published.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The register has errors; the report lists every issue. Nothing is written.
    #[error("the register is invalid: {} error(s), {} warning(s)", .0.error_count(), .0.warning_count())]
    Invalid(Report),
    /// A template (the built-in ones or the municipality's own) could not be read or rendered.
    #[error("template {name}: {message}")]
    Template {
        /// The template's name (`index.html`).
        name: String,
        /// What went wrong, with the line.
        message: String,
    },
    /// An option is not usable (a base URL that is not one).
    #[error("{0}")]
    Options(String),
    /// A file could not be read or written.
    #[error("cannot {action} {path}: {source}")]
    Io {
        /// `read`, `write` or `create`.
        action: &'static str,
        /// The file or directory.
        path: std::path::PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

/// Escapes text for HTML and XML, in content and in attribute values: `&`, `<`, `>`, `"` and
/// `'`.
pub(crate) fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A register that has passed validation (warnings allowed): the only thing this crate
/// publishes.
#[derive(Clone, Copy, Debug)]
pub struct Register<'a> {
    data: &'a Dataset,
}

impl<'a> Register<'a> {
    /// Validates `data` with `options`; an invalid register is [`Error::Invalid`] with its
    /// report.
    pub fn with_options(data: &'a Dataset, options: &Options) -> Result<Register<'a>, Error> {
        let report = data.validate_with(options);
        if report.is_valid() { Ok(Register { data }) } else { Err(Error::Invalid(report)) }
    }

    /// Validates `data` with the default options.
    pub fn new(data: &'a Dataset) -> Result<Register<'a>, Error> {
        Register::with_options(data, &Options::default())
    }

    /// Parses and validates a register's JSON text (the report has lines and columns).
    pub fn from_json(text: &[u8]) -> Result<Owned, Error> {
        match kommun_intl::check_json::<Dataset>(text, &Options::default()) {
            (Some(data), report) if report.is_valid() => Ok(Owned { data }),
            (_, report) => Err(Error::Invalid(report)),
        }
    }

    /// The register's data.
    #[must_use]
    pub fn data(&self) -> &'a Dataset {
        self.data
    }
}

/// A validated register that owns its data (see [`Register::from_json`]).
#[derive(Clone, Debug)]
pub struct Owned {
    data: Dataset,
}

impl Owned {
    /// The register, to publish.
    #[must_use]
    pub fn register(&self) -> Register<'_> {
        Register { data: &self.data }
    }
}

impl<'a> From<&'a Owned> for Register<'a> {
    fn from(o: &'a Owned) -> Register<'a> {
        o.register()
    }
}
