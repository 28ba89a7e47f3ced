//! Runs one workload of `make bench`'s data many times, for a profiler (`perf record`,
//! `valgrind --tool=callgrind`): instruction counts do not depend on what else runs on the
//! machine, so two runs of different lengths give the cost of one document exactly.
//!
//! ```sh
//! cargo build --release -p kommun-intl-bench --example profile
//! valgrind --tool=callgrind target/release/examples/profile \
//!     bench-data/feedback-valid.json feedback validate 1000
//! ```
//!
//! Modes: `validate` (`DocumentKind::validate_json`; NDJSON: `ndjson::validate_line` per line)
//! and `typed` (`serde_json::from_slice` into the model's structs, the floor).

use std::hint::black_box;

use kommun_intl::{Document, DocumentKind, KindVisitor, Options, ndjson};

/// The allocator of the CLI and the Python extension (see `benches/validate.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn typed(kind: DocumentKind, bytes: &[u8]) -> bool {
    struct Parse<'a>(&'a [u8]);
    impl KindVisitor for Parse<'_> {
        type Output = bool;
        fn visit<T: Document>(self) -> bool {
            serde_json::from_slice::<T>(self.0).is_ok()
        }
    }
    kind.visit(Parse(bytes))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, kind, mode, reps] = args.as_slice() else {
        eprintln!("usage: profile FILE KIND validate|typed REPETITIONS");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).expect("the workload file");
    let kind: DocumentKind = kind.parse().expect("a kind");
    let reps: usize = reps.parse().expect("a number of repetitions");
    let options = Options::default();
    let lines: Vec<(usize, &[u8])> = if path.ends_with(".ndjson") {
        ndjson::lines(&bytes).collect()
    } else {
        vec![(1, &bytes[..])]
    };
    let mut valid = 0usize;
    for _ in 0..reps {
        for &(n, line) in &lines {
            let ok = match (mode.as_str(), path.ends_with(".ndjson")) {
                ("typed", _) => typed(kind, black_box(line)),
                ("validate", true) => ndjson::validate_line(kind, line, n, &options).is_valid(),
                ("validate", false) => kind.validate_json(black_box(line), &options).is_valid(),
                _ => panic!("mode: validate or typed"),
            };
            valid += usize::from(black_box(ok));
        }
    }
    eprintln!("{valid} valid");
}
