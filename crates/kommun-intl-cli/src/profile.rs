//! `--profile FILE`: the municipality's own code lists, for `validate`, `fix` and `schema`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use kommun_intl::codes::CountryCode;
use kommun_intl::{Lang, Limits, Profile, from_json};

use crate::env;

/// The `--profile` argument.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Arg {
    /// The municipality's code lists (services, feedback categories and channels, units,
    /// detailed statuses): a profile file (`kommun-intl schema profile`) or an Open311 service
    /// list (`services.json`, `services.xml`); by default Lidköping's built-in one.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// The country (ISO 3166-1 alpha-2, `NO`) the fault reports should lie in, for a profile
    /// read from an Open311 service list, which does not say; by default Sweden. A profile
    /// file names its own (`country`).
    #[arg(long, value_name = "CODE", requires = "profile", value_parser = parse_country)]
    pub country: Option<CountryCode>,
}

/// A country code as `--country` takes it (either case).
fn parse_country(s: &str) -> Result<CountryCode, String> {
    CountryCode::from_code(&s.to_ascii_uppercase()).ok_or_else(|| {
        format!("`{s}` is not an ISO 3166-1 alpha-2 country code (SE, NO, DK, FI, ...)")
    })
}

impl Arg {
    /// The profile asked for (`None`: the built-in default), or the message to print before
    /// exiting with a usage error.
    pub fn load(&self, lang: Lang) -> Result<Option<Arc<Profile>>, ()> {
        let Some(path) = &self.profile else { return Ok(None) };
        match load_as(path, lang, self.country) {
            Ok(profile) => Ok(Some(Arc::new(profile))),
            Err(lines) => {
                let mut lines = lines.iter();
                if let Some(first) = lines.next() {
                    env::error(first);
                }
                for line in lines {
                    env::note(line);
                }
                Err(())
            }
        }
    }
}

/// Reads a profile file, within the same size limit as any document.
pub fn load(path: &Path, lang: Lang) -> Result<Profile, Vec<String>> {
    load_as(path, lang, None)
}

/// Reads a profile file; `country` is the country of a profile read from a service list (a
/// usage error for a profile file, which names its own).
pub fn load_as(
    path: &Path,
    lang: Lang,
    country: Option<CountryCode>,
) -> Result<Profile, Vec<String>> {
    let shown = env::escape_controls(&path.display().to_string()).into_owned();
    let max = Limits::default().max_document_size;
    let cannot = |e: std::io::Error| vec![format!("cannot read {shown}: {e}")];
    let file = std::fs::File::open(path).map_err(cannot)?;
    let mut text = Vec::new();
    // One byte past the limit tells a text at the limit from a longer one.
    file.take(max as u64 + 1).read_to_end(&mut text).map_err(cannot)?;
    if text.len() > max {
        return Err(vec![format!("{shown} is not a profile: it is larger than {max} bytes")]);
    }
    // An Open311 service list (`services.xml`, or `services.json`: a list) loads as a profile.
    let list = kommun_intl_open311::detect(&text) == kommun_intl_open311::Format::Xml
        || text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
    let read = if list {
        crate::convert::profile_from_services(&text, country).map_err(kommun_intl::Error::Invalid)
    } else if country.is_some() {
        return Err(vec![format!(
            "{shown} is a profile file, not an Open311 service list: --country is for a service \
             list; a profile file names its country itself (`\"country\": \"NO\"`)"
        )]);
    } else {
        from_json::<Profile>(&text)
    };
    match read {
        Ok(profile) => Ok(profile),
        Err(kommun_intl::Error::Invalid(report)) => {
            let mut lines = vec![format!("{shown} is not a valid profile:")];
            for issue in report.errors() {
                let at = match (issue.line, issue.column) {
                    (Some(l), Some(c)) => format!("{shown}:{l}:{c}"),
                    _ => shown.clone(),
                };
                let message = env::escape_controls(&issue.message(lang)).into_owned();
                lines.push(format!("{at}: error[{}]: {message}", issue.code));
            }
            Err(lines)
        }
        Err(e) => Err(vec![format!("{shown}: {e}")]),
    }
}
