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

use std::sync::{Once, OnceLock};
use std::thread::{self, ThreadId};

use rayon::prelude::*;

/// Jobs below this many per thread are not worth sending to another thread.
const MIN_JOBS_PER_TASK: usize = 8;

/// Maps `f` over `jobs` on every core, keeping their order. A panic in `f` is resumed in the
/// caller.
pub fn map<J: Sync, R: Send>(jobs: &[J], f: impl Fn(&J) -> R + Sync + Send) -> Vec<R> {
    if jobs.len() < 2 * MIN_JOBS_PER_TASK {
        return jobs.iter().map(f).collect();
    }
    start_pool();
    jobs.par_iter().with_min_len(MIN_JOBS_PER_TASK).map(f).collect()
}

/// Runs `job` on the pool while this thread runs `own`; returns `own`'s result once both are
/// done. A thread of the pool (see [`join_pool`]) then takes part in the pool's work, `job`'s
/// included; any other thread waits for it. A panic in either is resumed in the caller.
pub fn alongside<R>(job: impl FnOnce() + Send, own: impl FnOnce() -> R) -> R {
    start_pool();
    rayon::in_place_scope(|scope| {
        scope.spawn(|_| job());
        own()
    })
}

/// Makes this thread one of the pool's threads when the pool starts (the pool then starts one
/// thread fewer of its own), so that its waits in [`alongside`] and [`map`] do the pool's work
/// instead of leaving a core idle. For a program's main thread, which lives as long as the
/// program. The pool still starts only when there is work for it (a run over one small file
/// starts no thread: starting one cost about 0.5 ms). Nothing changes if another thread
/// starts the pool, or if this is called once more.
pub fn join_pool() {
    let _ = JOINING.set(thread::current().id());
}

/// The thread that joins the pool when it starts (see [`join_pool`]).
static JOINING: OnceLock<ThreadId> = OnceLock::new();

/// Starts the pool, the first time there is work for it.
fn start_pool() {
    static STARTED: Once = Once::new();
    STARTED.call_once(|| {
        let builder = rayon::ThreadPoolBuilder::new();
        let joins = JOINING.get() == Some(&thread::current().id());
        // The only error is a pool started already, or no thread to start; rayon then reports
        // the second at the first use, as before.
        let _ = if joins { builder.use_current_thread() } else { builder }.build_global();
    });
}
