//! `kommun-intl schema`: print one JSON Schema, or write or check all of them.

use std::io::Write;
use std::path::PathBuf;

use kommun_intl::{DocumentKind, schema};

use crate::{env, exit, parse_kind};

/// Arguments of `schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The kind whose schema to print.
    #[arg(value_parser = parse_kind, conflicts_with_all = ["write", "check"])]
    pub kind: Option<DocumentKind>,
    /// Write every schema into this directory (the configuration file's too).
    #[arg(long, value_name = "DIR", conflicts_with = "check")]
    pub write: Option<PathBuf>,
    /// Check that this directory holds exactly the generated schemas (exit 1 if not).
    #[arg(long, value_name = "DIR", conflicts_with = "profile")]
    pub check: Option<PathBuf>,
    /// Give the municipality's own codes (services, feedback categories and channels, units,
    /// detailed statuses) as the enums of the schemas, for editors.
    #[command(flatten)]
    pub profile: crate::profile::Arg,
}

/// Runs `schema`; returns the exit status.
pub fn run(args: &Args) -> u8 {
    let Ok(profile) = args.profile.load(env::lang(None)) else { return exit::USAGE };
    let profile = profile.as_deref();
    if let Some(dir) = &args.write {
        let config = dir.join(crate::config::SCHEMA_FILE_NAME);
        let written = schema::write_all(dir, profile).and_then(|mut files| {
            std::fs::write(&config, crate::config::schema()).map_err(|source| {
                kommun_intl::SchemaError::Io { action: "write", path: config.clone(), source }
            })?;
            files.push(config);
            Ok(files)
        });
        return match written {
            Ok(files) => {
                for f in files {
                    eprintln!("wrote {}", f.display());
                }
                exit::VALID
            }
            Err(e) => {
                env::error(&e.to_string());
                exit::USAGE
            }
        };
    }
    if let Some(dir) = &args.check {
        let config = dir.join(crate::config::SCHEMA_FILE_NAME);
        let checked = schema::check_all(dir).and_then(|()| {
            if std::fs::read_to_string(&config).is_ok_and(|t| t == crate::config::schema()) {
                Ok(())
            } else {
                Err(kommun_intl::SchemaError::Drift {
                    files: vec![config],
                    command: schema::REGENERATE_COMMAND,
                })
            }
        });
        return match checked {
            Ok(()) => exit::VALID,
            Err(e @ kommun_intl::SchemaError::Drift { .. }) => {
                env::error(&e.to_string());
                exit::INVALID
            }
            Err(e) => {
                env::error(&e.to_string());
                exit::USAGE
            }
        };
    }
    let Some(kind) = args.kind else {
        env::error(&format!(
            "name a kind ({}), or use --write DIR or --check DIR",
            DocumentKind::names()
        ));
        return exit::USAGE;
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if out.write_all(schema::render(kind, profile).as_bytes()).and_then(|()| out.flush()).is_err() {
        return exit::USAGE;
    }
    exit::VALID
}
