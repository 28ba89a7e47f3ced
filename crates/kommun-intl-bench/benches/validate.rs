//! kommun-intl against its Rust peers, on the same bytes, in one binary.
//!
//! For every workload of [`kommun_intl_bench::workloads`] (one feedback, one partnership, one
//! project, a 10,000-entry register, 1,000,000 NDJSON feedback lines; each valid, invalid with
//! one early error and invalid with many errors):
//!
//! - `kommun-intl`: `DocumentKind::validate_json` (NDJSON: `ndjson::validate_line` per line),
//!   the full report with every issue located;
//! - `serde-typed`: `serde_json::from_slice` into the same structs, no rules (the floor);
//! - `serde-value`: `serde_json::from_slice::<Value>` alone (the DOM the schema peers need);
//! - `jsonschema-is_valid`: `Value` plus the `jsonschema` crate's `is_valid`, the validator
//!   built once from kommun-intl's own schema (`schema_for`), formats validated as in the
//!   library's tests;
//! - `jsonschema-iter_errors`: the same with every error collected (invalid documents only,
//!   not NDJSON lines).
//!
//! Before timing, the schema peer's verdict on each input (each line, for NDJSON) is checked
//! against kommun-intl's; a disagreeing peer is not timed, and the disagreement is written to
//! `bench-data/rust-verdicts.json` for the report.
//!
//! Run with `cargo bench -p kommun-intl-bench` (or `make bench` for everything). Criterion
//! writes its estimates under `$CRITERION_HOME` (default `target/criterion`).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput, measurement::WallTime};
use kommun_intl::{Document, DocumentKind, KindVisitor, Options, ndjson};
use kommun_intl_bench::{FAMILIES, Family, Scale, Variant, Workload, workload};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// The allocator of the CLI and the Python extension, so that the typed parse, the peers and
/// the valid path are timed as those ship.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `serde_json` typed parsing into the model's structs, with no rules.
fn typed(kind: DocumentKind, bytes: &[u8]) -> bool {
    fn parse<T: DeserializeOwned>(bytes: &[u8]) -> bool {
        serde_json::from_slice::<T>(bytes).is_ok()
    }
    struct Parse<'a>(&'a [u8]);
    impl KindVisitor for Parse<'_> {
        type Output = bool;
        fn visit<T: Document>(self) -> bool {
            parse::<T>(self.0)
        }
    }
    kind.visit(Parse(bytes))
}

fn schema_is_valid(v: &jsonschema::Validator, bytes: &[u8]) -> bool {
    serde_json::from_slice::<Value>(bytes).is_ok_and(|doc| v.is_valid(&doc))
}

fn schema_errors(v: &jsonschema::Validator, bytes: &[u8]) -> usize {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(doc) => v.iter_errors(&doc).count(),
        Err(_) => 1,
    }
}

/// The documents of a workload: the whole text, or each NDJSON line.
fn documents(w: &Workload) -> Vec<&[u8]> {
    if w.is_ndjson() { ndjson::lines(&w.bytes).map(|(_, l)| l).collect() } else { vec![&w.bytes] }
}

/// kommun-intl's verdict on one document of the workload: a whole text, or NDJSON line `n`.
fn validate(w: &Workload, doc: &[u8], n: usize, options: &Options) -> bool {
    if w.is_ndjson() {
        ndjson::validate_line(w.kind, doc, n, options).is_valid()
    } else {
        w.kind.validate_json(doc, options).is_valid()
    }
}

/// Runs `f` on every document of the workload (one call, or one per NDJSON line).
fn each_doc<R>(w: &Workload, mut f: impl FnMut(&[u8], usize) -> R) -> usize {
    let mut n = 0;
    if w.is_ndjson() {
        for (line_number, line) in ndjson::lines(&w.bytes) {
            black_box(f(black_box(line), line_number));
            n += 1;
        }
    } else {
        black_box(f(black_box(&w.bytes), 1));
        n = 1;
    }
    n
}

fn configure(group: &mut BenchmarkGroup<'_, WallTime>, family: Family) {
    match family {
        Family::Small | Family::MediumPartnership | Family::MediumProject => {
            group.sample_size(20);
            group.warm_up_time(Duration::from_millis(500));
            group.measurement_time(Duration::from_millis(1500));
        }
        Family::Large => {
            group.sample_size(10);
            group.sampling_mode(SamplingMode::Flat);
            group.warm_up_time(Duration::from_millis(500));
            group.measurement_time(Duration::from_secs(2));
        }
        Family::Ndjson => {
            group.sample_size(10);
            group.sampling_mode(SamplingMode::Flat);
            group.warm_up_time(Duration::from_millis(100));
            group.measurement_time(Duration::from_secs(1));
        }
    }
}

/// Rounds of [`paired`]; odd, so that the median is one round's ratio.
const PAIRED_ROUNDS: usize = 21;

/// The time of full validation over the typed parse, measured in pairs: each round times the
/// two back to back over the same number of documents (about 0.1 s each, in alternating
/// order), and the ratio of each round is taken. The machine's speed drifts (a shared VM's
/// by a third within a run), and criterion times each function in a block of its own, seconds
/// apart; a round's two halves see the same machine. Gives the median of the rounds' ratios
/// and its lowest and highest.
fn paired(w: &Workload, options: &Options) -> (f64, f64, f64) {
    let time = |f: &dyn Fn(), reps: usize| {
        let t = std::time::Instant::now();
        for _ in 0..reps {
            f();
        }
        t.elapsed().as_secs_f64()
    };
    let ours = || {
        each_doc(w, |d, n| validate(w, d, n, options));
    };
    let floor = || {
        each_doc(w, |d, _| typed(w.kind, d));
    };
    // Repetitions of a pass over the workload in about 0.1 s (a whole NDJSON stream takes
    // longer: one pass).
    let once = std::time::Instant::now();
    ours();
    let once = once.elapsed().as_nanos().max(1);
    let reps = usize::try_from(100_000_000 / once).unwrap_or(usize::MAX).max(1);
    let mut ratios: Vec<f64> = (0..PAIRED_ROUNDS)
        .map(|round| {
            if round % 2 == 0 {
                let a = time(&ours, reps);
                a / time(&floor, reps)
            } else {
                let b = time(&floor, reps);
                time(&ours, reps) / b
            }
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    (ratios[PAIRED_ROUNDS / 2], ratios[0], ratios[PAIRED_ROUNDS - 1])
}

fn bench_data_dir() -> PathBuf {
    std::env::var_os("BENCH_DATA").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../bench-data"),
        PathBuf::from,
    )
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    // Criterion's own filter picks benchmarks; this one also skips generating the data of
    // workloads that no filter names.
    let filters: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let options = Options::default();
    let mut verdicts = Vec::new();
    let mut ratios = Vec::new();
    let mut validators = std::collections::HashMap::new();

    let all = FAMILIES.iter().flat_map(|&f| Variant::ALL.iter().map(move |&v| (f, v)));
    for (family, variant) in all {
        let name = family.workload_name(variant);
        if !filters.is_empty()
            && !filters
                .iter()
                .flat_map(|f| f.split('|'))
                .any(|f| f.contains(&name) || name.contains(f))
        {
            continue;
        }
        // One workload in memory at a time: the NDJSON streams are 300 MB each.
        let w = workload(family, variant, Scale::FULL);
        debug_assert_eq!(w.name, name);
        let validator = validators.entry(w.kind).or_insert_with(|| {
            jsonschema::options()
                .should_validate_formats(true)
                .build(kommun_intl::schema_for(w.kind))
                .expect("kommun-intl's schema compiles")
        });

        // Verdicts first: kommun-intl's against the schema peer's, document by document.
        let docs = documents(&w);
        let ours: Vec<bool> =
            docs.iter().map(|d| w.kind.validate_json(d, &options).is_valid()).collect();
        let peer: Vec<bool> = docs.iter().map(|d| schema_is_valid(validator, d)).collect();
        let disagree = ours.iter().zip(&peer).filter(|(a, b)| a != b).count();
        let expected_valid = w.variant == Variant::Valid;
        assert_eq!(
            ours.iter().all(|&v| v),
            expected_valid,
            "{}: kommun-intl's verdict is not the variant's",
            w.name
        );
        verdicts.push(json!({
            "workload": w.name,
            "documents": docs.len(),
            "invalid_ours": ours.iter().filter(|v| !**v).count(),
            "invalid_jsonschema": peer.iter().filter(|v| !**v).count(),
            "disagreements": disagree,
        }));
        if disagree > 0 {
            eprintln!("{}: jsonschema disagrees on {disagree} documents; not timed", w.name);
        }

        let mut group = c.benchmark_group(&w.name);
        configure(&mut group, w.family);
        group.throughput(Throughput::Bytes(w.bytes.len() as u64));

        group.bench_function("kommun-intl", |b| {
            b.iter(|| each_doc(&w, |d, n| validate(&w, d, n, &options)));
        });
        // On the 1,000,000-line streams one iteration takes seconds: the floor is timed on the
        // valid stream only, the schema peer on the valid and many-errors streams (the
        // one-error stream differs from the valid one by a single line).
        let ndjson_extra = !w.is_ndjson() || w.variant == Variant::Valid;
        if ndjson_extra {
            group.bench_function("serde-typed", |b| {
                b.iter(|| each_doc(&w, |d, _| typed(w.kind, d)));
            });
        }
        if w.variant == Variant::Valid {
            let (median, low, high) = paired(&w, &options);
            eprintln!("{}: paired ratio {median:.3} ({low:.3}-{high:.3})", w.name);
            ratios.push(json!({
                "workload": w.name, "rounds": PAIRED_ROUNDS,
                "median": median, "low": low, "high": high,
            }));
        }
        if !w.is_ndjson() {
            group.bench_function("serde-value", |b| {
                b.iter(|| each_doc(&w, |d, _| serde_json::from_slice::<Value>(d).is_ok()));
            });
        }
        if disagree == 0 && (!w.is_ndjson() || w.variant != Variant::InvalidEarly) {
            group.bench_function("jsonschema-is_valid", |b| {
                b.iter(|| each_doc(&w, |d, _| schema_is_valid(validator, d)));
            });
            // Every error of every line would add minutes to the NDJSON runs for little news:
            // there `is_valid` gives each line's verdict.
            if w.variant != Variant::Valid && !w.is_ndjson() {
                group.bench_function("jsonschema-iter_errors", |b| {
                    b.iter(|| each_doc(&w, |d, _| schema_errors(validator, d)));
                });
            }
        }
        group.finish();
    }

    let dir = bench_data_dir();
    if std::fs::create_dir_all(&dir).is_ok() {
        for (file, results) in [("rust-verdicts.json", verdicts), ("rust-paired.json", ratios)] {
            let text = serde_json::to_vec_pretty(&json!({ "rust": results })).unwrap_or_default();
            if let Err(e) = std::fs::write(dir.join(file), text) {
                eprintln!("could not write {file}: {e}");
            }
        }
    }
    c.final_summary();
}
