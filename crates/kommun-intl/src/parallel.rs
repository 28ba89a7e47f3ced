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

/// Runs batches through `work` on the pool, [`IN_FLIGHT`] at a time, and hands each to
/// `consume` in the order `produce` made them: while the pool works on the batches after it,
/// this thread consumes the oldest and produces the next, then helps with the pool's work until
/// the next oldest is done, so no thread waits at the end of a batch for the others. (With one
/// batch at a time each thread fell asleep and was woken once a batch: 5,000 times on the
/// 1,000,000-line stream with 100,000 invalid lines, 2.02 s on two threads; with three, 67 times
/// and 1.81 s. With two, this thread took up the newer batch while waiting for the older, and
/// the other thread, out of work, slept.) `produce` gets a consumed batch back to fill again
/// (`None` at first) and gives `None` at the end, after which it is not called again; a batch
/// that is not `worth` a thread of its own (one document) is worked on here, without
/// starting the pool. Stops at the first error of `consume`, once the batches in flight are
/// done. A panic in `work` is resumed in the caller.
pub fn pipeline<B: Send, E>(
    mut produce: impl FnMut(Option<B>) -> Option<B>,
    work: impl Fn(&mut B) + Sync,
    worth: impl Fn(&B) -> bool,
    mut consume: impl FnMut(&mut B) -> Result<(), E>,
) -> Result<(), E> {
    let mut spare = None;
    // Batches not worth the pool, until the first that is.
    let first = loop {
        let Some(mut batch) = produce(spare.take()) else { return Ok(()) };
        if worth(&batch) {
            break batch;
        }
        work(&mut batch);
        consume(&mut batch)?;
        spare = Some(batch);
    };
    start_pool();
    let slots: [Slot<B>; IN_FLIGHT] = std::array::from_fn(|_| Slot::default());
    let work = &work;
    rayon::in_place_scope_fifo(|scope| {
        let mut in_flight = std::collections::VecDeque::with_capacity(IN_FLIGHT);
        let mut next = Some(first);
        let mut ended = false;
        let mut slot = 0;
        loop {
            while !ended && in_flight.len() < IN_FLIGHT {
                let Some(mut batch) = next.take().or_else(|| produce(spare.take())) else {
                    ended = true;
                    break;
                };
                let at = &slots[slot];
                at.start();
                scope.spawn_fifo(move |_| {
                    // Marks the slot done even if `work` panics (the scope resumes the panic).
                    let done = Done(at);
                    work(&mut batch);
                    *done.0.batch.lock().unwrap_or_else(std::sync::PoisonError::into_inner) =
                        Some(batch);
                });
                in_flight.push_back(slot);
                slot = (slot + 1) % IN_FLIGHT;
            }
            let Some(oldest) = in_flight.pop_front() else { return Ok(()) };
            // `None`: its work panicked.
            let Some(mut batch) = slots[oldest].wait() else { return Ok(()) };
            consume(&mut batch)?;
            spare = Some(batch);
        }
    })
}

/// How many batches [`pipeline`] hands to the pool at once (see there).
const IN_FLIGHT: usize = 3;

/// Where a batch of [`pipeline`] comes back from the pool.
struct Slot<B> {
    batch: std::sync::Mutex<Option<B>>,
    done: std::sync::atomic::AtomicBool,
    /// Wakes a thread outside the pool that waits for the batch.
    ready: std::sync::Condvar,
}

impl<B> Default for Slot<B> {
    fn default() -> Self {
        Slot {
            batch: std::sync::Mutex::new(None),
            done: std::sync::atomic::AtomicBool::new(true),
            ready: std::sync::Condvar::new(),
        }
    }
}

impl<B> Slot<B> {
    fn start(&self) {
        self.done.store(false, std::sync::atomic::Ordering::Release);
    }

    /// Waits for the batch: a thread of the pool does the pool's other work meanwhile (it has
    /// nothing else to do), any other thread sleeps.
    fn wait(&self) -> Option<B> {
        let done = || self.done.load(std::sync::atomic::Ordering::Acquire);
        if rayon::current_thread_index().is_some() {
            while !done() {
                if rayon::yield_now() != Some(rayon::Yield::Executed) {
                    thread::yield_now();
                }
            }
        }
        let mut batch = self.batch.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        while !done() {
            batch = self.ready.wait(batch).unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        batch.take()
    }
}

/// Marks its slot done when dropped.
struct Done<'a, B>(&'a Slot<B>);

impl<B> Drop for Done<'_, B> {
    fn drop(&mut self) {
        // Under the lock, so that a waiter cannot miss the signal between its test and its wait.
        let _guard = self.0.batch.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        self.0.done.store(true, std::sync::atomic::Ordering::Release);
        self.0.ready.notify_one();
    }
}

/// Makes this thread one of the pool's threads when the pool starts (the pool then starts one
/// thread fewer of its own), so that its waits in [`pipeline`] and [`map`] do the pool's work
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

#[cfg(test)]
mod tests {
    use super::pipeline;

    /// Batches `0..n` of up to `size` numbers, squared on the pool, consumed in order.
    fn squares(n: u64, size: u64, stop_at: Option<u64>) -> (Result<(), u64>, Vec<u64>) {
        let mut next = 0;
        let mut seen = Vec::new();
        let result = pipeline(
            |spare: Option<Vec<u64>>| {
                assert!(next <= n, "called again after the end");
                let mut batch = spare.unwrap_or_default();
                batch.extend(next..(next + size).min(n));
                if batch.is_empty() {
                    next = n + 1;
                    return None;
                }
                next = (next + size).min(n);
                Some(batch)
            },
            |batch| batch.iter_mut().for_each(|x| *x *= *x),
            |batch| batch.len() > 1,
            |batch| {
                for x in batch.drain(..) {
                    if Some(x) == stop_at {
                        return Err(x);
                    }
                    seen.push(x);
                }
                Ok(())
            },
        );
        (result, seen)
    }

    #[test]
    fn batches_are_consumed_in_the_order_they_were_made() {
        let want: Vec<u64> = (0..1000).map(|x| x * x).collect();
        for size in [1, 3, 64, 2000] {
            assert_eq!(squares(1000, size, None), (Ok(()), want.clone()), "{size}");
        }
        assert_eq!(squares(0, 8, None), (Ok(()), Vec::new()));
    }

    #[test]
    fn the_first_error_of_consume_stops_the_pipeline() {
        let (result, seen) = squares(1000, 16, Some(100 * 100));
        assert_eq!(result, Err(100 * 100));
        assert_eq!(seen, (0..100).map(|x| x * x).collect::<Vec<_>>());
    }

    #[test]
    fn a_panic_in_work_is_resumed_in_the_caller() {
        let run = std::panic::catch_unwind(|| {
            pipeline(
                |spare: Option<Vec<u8>>| spare.is_none().then(|| vec![1, 2]),
                |_| panic!("work"),
                |_| true,
                |_| Ok::<(), ()>(()),
            )
        });
        assert!(run.is_err());
    }
}
