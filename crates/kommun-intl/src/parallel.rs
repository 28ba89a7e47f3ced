//! Many documents on every core, their results in the order of the input (rayon's pool).
//!
//! ```
//! use kommun_intl::{DocumentKind, Options, parallel};
//!
//! let lines: Vec<&[u8]> = vec![br#"{"category": "praise"}"#, b"{"];
//! let reports = parallel::map(&lines, |l| DocumentKind::Feedback.validate_json(l, &Options::default()));
//! assert_eq!(reports.len(), 2);
//! assert_eq!(reports[1].issues[0].code, "json.truncated");
//! ```

use rayon::prelude::*;

/// Jobs below this many per thread are not worth sending to another thread.
const MIN_JOBS_PER_TASK: usize = 8;

/// Maps `f` over `jobs` on every core, keeping their order. A panic in `f` is resumed in the
/// caller.
pub fn map<J: Sync, R: Send>(jobs: &[J], f: impl Fn(&J) -> R + Sync + Send) -> Vec<R> {
    if jobs.len() < 2 * MIN_JOBS_PER_TASK {
        return jobs.iter().map(f).collect();
    }
    jobs.par_iter().with_min_len(MIN_JOBS_PER_TASK).map(f).collect()
}

/// Runs `job` on the pool while this thread runs `own`; returns `own`'s result once both are
/// done. A thread of the pool (see [`join_pool`]) then takes part in the pool's work, `job`'s
/// included; any other thread waits for it. A panic in either is resumed in the caller.
pub fn alongside<R>(job: impl FnOnce() + Send, own: impl FnOnce() -> R) -> R {
    rayon::in_place_scope(|scope| {
        scope.spawn(|_| job());
        own()
    })
}

/// Makes this thread one of the pool's threads (the pool then starts one thread fewer of its
/// own), so that its waits in [`alongside`] and [`map`] do the pool's work instead of leaving a
/// core idle. For a program's main thread, which lives as long as the program: call it before
/// anything uses the pool. A pool already started stays as it is.
pub fn join_pool() {
    // The only error is a pool already started (or no thread to start): the pool then works
    // as before, without this thread.
    let _ = rayon::ThreadPoolBuilder::new().use_current_thread().build_global();
}
