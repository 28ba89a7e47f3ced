//! The progress bar: on stderr, only when stderr is a terminal, and only once a run has taken
//! long enough to need one (so that quick runs leave no trace).

use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_millis(500);
/// How often the bar's message is redrawn.
const TICK: Duration = Duration::from_millis(100);

/// Progress of a validation run: bytes read (for the bar and the ETA) and documents.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    last: Instant,
    shown: bool,
    documents: u64,
}

impl Progress {
    /// A bar for `total` bytes (unknown when reading stdin); inert unless `enabled`.
    pub fn new(enabled: bool, total: Option<u64>) -> Progress {
        let bar = enabled.then(|| {
            let bar = match total {
                Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::hidden()),
                None => ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()),
            };
            let template = if total.is_some() {
                "{spinner} [{elapsed_precise}] [{bar:30}] {bytes}/{total_bytes} {msg}, ETA {eta}"
            } else {
                "{spinner} [{elapsed_precise}] {bytes} {msg}"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        let now = Instant::now();
        Progress { bar, started: now, last: now, shown: false, documents: 0 }
    }

    /// Records `bytes` more read and `documents` more checked.
    pub fn advance(&mut self, bytes: u64, documents: u64) {
        self.documents += documents;
        let Some(bar) = &self.bar else { return };
        bar.inc(bytes);
        let now = Instant::now();
        if now.duration_since(self.last) < TICK {
            return;
        }
        self.last = now;
        if !self.shown && now.duration_since(self.started) >= DELAY {
            self.shown = true;
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        let seconds = now.duration_since(self.started).as_secs_f64().max(1e-3);
        #[allow(
            clippy::cast_precision_loss,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss
        )]
        let rate = (self.documents as f64 / seconds) as u64;
        bar.set_message(format!("{} documents, {rate} documents/s", self.documents));
    }

    /// Runs `f` with the bar out of the way, so that output on the same terminal is not torn.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) if self.shown => bar.suspend(f),
            _ => f(),
        }
    }

    /// Removes the bar.
    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}
