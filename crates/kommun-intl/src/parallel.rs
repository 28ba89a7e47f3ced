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
