//! The static site: the page data through the templates (minijinja, HTML-escaped), written to
//! a directory.
//!
//! The built-in templates are compiled in; a municipality overrides any of them by putting a
//! file of the same name in its own templates directory (`base.html`, `index.html`,
//! `partnerships.html`, `projects.html`, `timeline.html`, `overview.html`, `macros.html`,
//! `style.css`), and may add templates of
//! its own for them to include.

use std::path::{Path, PathBuf};

use kommun_intl::Lang;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use crate::{Error, Register, view};

/// The built-in templates, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("index.html", include_str!("../templates/index.html")),
    ("partnerships.html", include_str!("../templates/partnerships.html")),
    ("projects.html", include_str!("../templates/projects.html")),
    ("timeline.html", include_str!("../templates/timeline.html")),
    ("overview.html", include_str!("../templates/overview.html")),
    ("macros.html", include_str!("../templates/macros.html")),
    ("style.css", include_str!("../templates/style.css")),
];

/// How to render.
#[derive(Clone, Debug, Default)]
pub struct RenderOptions {
    /// A directory of templates that replace the built-in ones of the same name.
    pub templates: Option<PathBuf>,
    /// The year the page speaks from: the timeline's right edge, and "now" for a project
    /// without a status. By default the latest year the register names (never the clock, so
    /// that the same register always gives the same page).
    pub as_of: Option<i32>,
}

/// What was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// Every file, in the order written.
    pub files: Vec<PathBuf>,
}

/// A template name a directory may hold: a plain file name, no path.
fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// The text of a template: the municipality's own, else the built-in one.
fn source(dir: Option<&Path>, name: &str) -> Result<Option<String>, Error> {
    if let Some(dir) = dir
        && safe_name(name)
    {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => return Ok(Some(text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(Error::Io { action: "read", path, source }),
        }
    }
    Ok(TEMPLATES.iter().find(|(n, _)| *n == name).map(|(_, t)| (*t).to_owned()))
}

/// Writes a value into the page: HTML-escaped (`&`, `<`, `>`, `"`, `'`) unless a template
/// marked it safe. Unlike minijinja's own escaping it leaves `/` alone, so that addresses stay
/// readable in the source.
fn escape(
    out: &mut minijinja::Output<'_>,
    state: &minijinja::State<'_, '_>,
    value: &minijinja::Value,
) -> Result<(), minijinja::Error> {
    if value.is_safe() || state.auto_escape() == AutoEscape::None {
        return write!(out, "{value}").map_err(minijinja::Error::from);
    }
    if value.is_none() || value.is_undefined() {
        return Ok(());
    }
    let escaped = crate::escape_markup(&value.to_string());
    out.write_str(&escaped).map_err(minijinja::Error::from)
}

fn template_error(e: &minijinja::Error) -> Error {
    let mut message = e.to_string();
    if let Some(line) = e.line() {
        message = format!("line {line}: {message}");
    }
    Error::Template { name: e.name().unwrap_or("?").to_owned(), message }
}

/// The HTML of the page of `register` in `lang`, without writing anything.
pub(crate) fn html(
    register: Register<'_>,
    lang: Lang,
    options: &RenderOptions,
) -> Result<String, Error> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Chainable);
    // Every text is escaped, whatever a template is named.
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_keep_trailing_newline(true);
    env.set_formatter(escape);
    let dir = options.templates.clone();
    env.set_loader(move |name| {
        source(dir.as_deref(), name).map_err(|e| {
            minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string())
        })
    });
    let page = view::page(register.data(), lang, options.as_of);
    let template = env.get_template("index.html").map_err(|e| template_error(&e))?;
    template.render(&page).map_err(|e| template_error(&e))
}

/// Renders `register` in `lang` into `out_dir` (created if missing): `index.html` and
/// `style.css`. `templates` names a directory whose templates replace the built-in ones.
pub fn render(
    register: Register<'_>,
    lang: Lang,
    out_dir: &Path,
    templates: Option<&Path>,
) -> Result<Site, Error> {
    let options = RenderOptions { templates: templates.map(Path::to_path_buf), as_of: None };
    render_with(register, lang, out_dir, &options)
}

/// [`render`] with every option.
pub fn render_with(
    register: Register<'_>,
    lang: Lang,
    out_dir: &Path,
    options: &RenderOptions,
) -> Result<Site, Error> {
    // Everything is made before anything is written: a template error leaves no half site.
    let html = html(register, lang, options)?;
    let css = source(options.templates.as_deref(), "style.css")?.unwrap_or_default();
    std::fs::create_dir_all(out_dir).map_err(|source| Error::Io {
        action: "create",
        path: out_dir.to_path_buf(),
        source,
    })?;
    let mut files = Vec::new();
    for (name, text) in [("index.html", html), ("style.css", css)] {
        let path = out_dir.join(name);
        std::fs::write(&path, text).map_err(|source| Error::Io {
            action: "write",
            path: path.clone(),
            source,
        })?;
        files.push(path);
    }
    Ok(Site { files })
}
