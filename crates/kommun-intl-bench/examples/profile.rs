//! Validates one benchmark file many times, for a profiler: instruction counts from
//! `valgrind --tool=callgrind` are repeatable on a busy machine where times are not.
//!
//! ```sh
//! cargo build --release -p kommun-intl-bench --example profile
//! valgrind --tool=callgrind target/release/examples/profile bench-data/feedback-valid.json 10000 feedback
//! valgrind --tool=callgrind target/release/examples/profile bench-data/ndjson-valid.ndjson 100000 feedback
//! ```
//!
//! Arguments: a file, a count (documents: how many times to validate it; NDJSON: how many
//! lines) and the kind. With `FLOOR=1` set it only parses, with `serde_json` into the typed
//! model (NDJSON of feedback only): the floor of the benchmarks.

use std::process::ExitCode;

use kommun_intl::model::Feedback;
use kommun_intl::{DocumentKind, ndjson, validate::Options};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, path, count, kind] = args.as_slice() else {
        eprintln!("usage: profile FILE COUNT KIND");
        return ExitCode::from(2);
    };
    let (Ok(bytes), Ok(count), Ok(kind)) =
        (std::fs::read(path), count.parse::<usize>(), kind.parse::<DocumentKind>())
    else {
        eprintln!("profile: cannot read {path}, or COUNT or KIND is wrong");
        return ExitCode::from(2);
    };
    let floor = std::env::var_os("FLOOR").is_some();
    let options = Options::default();
    let mut valid = 0;
    if path.ends_with(".ndjson") {
        for (n, line) in ndjson::lines(&bytes).take(count) {
            let ok = if floor {
                serde_json::from_slice::<Feedback>(line).is_ok()
            } else {
                ndjson::validate_line(kind, line, n, &options).is_valid()
            };
            valid += usize::from(ok);
        }
    } else {
        for _ in 0..count {
            valid += usize::from(kind.validate_json(&bytes, &options).is_valid());
        }
    }
    eprintln!("{valid} of {count} valid");
    ExitCode::SUCCESS
}
