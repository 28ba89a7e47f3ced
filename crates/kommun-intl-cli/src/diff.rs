//! A unified diff written while the lines go by, for `fix --diff`.
//!
//! A fix never adds or removes a line, it only rewrites values inside one, so the diff of a fix
//! is known line by line: no diff algorithm is needed, and writing it costs one pass, linear
//! in the text however many lines change. Memory holds the few lines of context on either
//! side and one hunk, which is cut at [`MAX_HUNK`] lines, so a file of any length with every
//! line changed still diffs in flat memory. Consecutive changed lines are shown as the removed
//! lines, then the added ones, as `diff -u` shows them.

use std::collections::VecDeque;
use std::io::{self, Write};

use crate::env::{Styles, escape_controls, paint};

/// Lines of context around each change.
const CONTEXT: usize = 3;
/// The most lines one hunk holds before it is written and a new one begun.
const MAX_HUNK: usize = 4096;

/// Masks a line for showing: `new` is true for the fixed text.
pub trait Masker {
    /// The line (without its line ending) as it may be shown.
    fn mask(&mut self, number: usize, line: &[u8], new: bool) -> String;
}

/// The writer: feed it every line in order with [`Diff::same`] or [`Diff::changed`], then
/// [`Diff::finish`].
pub struct Diff<'o> {
    out: &'o mut dyn Write,
    styles: Styles,
    header: Option<(String, String)>,
    /// Unchanged lines since the last change (or the start), as raw bytes: at most
    /// `2 * CONTEXT` of them are kept.
    recent: VecDeque<(usize, Vec<u8>)>,
    hunk: Option<Hunk>,
    /// True when lines were dropped from `recent` since the last change (the next change
    /// starts a new hunk).
    gap: bool,
}

struct Hunk {
    start: usize,
    lines: Vec<(char, String)>,
    removed: Vec<String>,
    added: Vec<String>,
}

impl Hunk {
    fn flush_change(&mut self) {
        let removed = std::mem::take(&mut self.removed);
        let added = std::mem::take(&mut self.added);
        self.lines.extend(removed.into_iter().map(|l| ('-', l)));
        self.lines.extend(added.into_iter().map(|l| ('+', l)));
    }

    fn len(&self) -> usize {
        self.lines.len() + self.removed.len()
    }
}

impl<'o> Diff<'o> {
    /// A diff of `old_name` against `new_name`; the header is written with the first hunk.
    pub fn new(out: &'o mut dyn Write, styles: Styles, old_name: &str, new_name: &str) -> Self {
        Diff {
            out,
            styles,
            header: Some((old_name.to_owned(), new_name.to_owned())),
            recent: VecDeque::new(),
            hunk: None,
            gap: false,
        }
    }

    /// An unchanged line (1-based `number`).
    pub fn same(&mut self, masker: &mut dyn Masker, number: usize, line: &[u8]) -> io::Result<()> {
        self.recent.push_back((number, line.to_vec()));
        if self.recent.len() > 2 * CONTEXT {
            // Too far from the last change to join the next one: the hunk ends with its
            // trailing context, and only the last lines stay as leading context.
            if self.hunk.is_some() {
                self.close(masker)?;
            }
            self.recent.pop_front();
            self.gap = true;
        }
        Ok(())
    }

    /// A changed line (1-based `number`): its old and new text, unmasked.
    pub fn changed(
        &mut self,
        masker: &mut dyn Masker,
        number: usize,
        old: &[u8],
        new: &[u8],
    ) -> io::Result<()> {
        if self.hunk.as_ref().is_some_and(|h| h.len() >= MAX_HUNK) {
            self.close(masker)?;
        }
        let recent = std::mem::take(&mut self.recent);
        // Two arms with long bodies read better as a match than as `if let ... else`.
        #[allow(clippy::single_match_else)]
        let hunk = match &mut self.hunk {
            Some(h) => {
                // The unchanged lines since the last change are context inside this hunk.
                if !recent.is_empty() {
                    h.flush_change();
                }
                for (n, l) in &recent {
                    h.lines.push((' ', masker.mask(*n, l, false)));
                }
                h
            }
            None => {
                let skip = recent.len().saturating_sub(CONTEXT);
                let start = recent.get(skip).map_or(number, |(n, _)| *n);
                let lines = recent
                    .iter()
                    .skip(skip)
                    .map(|(n, l)| (' ', masker.mask(*n, l, false)))
                    .collect();
                self.hunk.insert(Hunk { start, lines, removed: Vec::new(), added: Vec::new() })
            }
        };
        hunk.removed.push(masker.mask(number, old, false));
        hunk.added.push(masker.mask(number, new, true));
        self.gap = false;
        Ok(())
    }

    /// Writes the open hunk with up to [`CONTEXT`] lines of trailing context.
    fn close(&mut self, masker: &mut dyn Masker) -> io::Result<()> {
        let Some(mut hunk) = self.hunk.take() else { return Ok(()) };
        hunk.flush_change();
        let trailing = self.recent.len().min(CONTEXT);
        for (n, l) in self.recent.drain(..trailing) {
            hunk.lines.push((' ', masker.mask(n, &l, false)));
        }
        if let Some((a, b)) = self.header.take() {
            paint(self.out, self.styles.header, &escape_controls(&format!("--- {a}")))?;
            writeln!(self.out)?;
            paint(self.out, self.styles.header, &escape_controls(&format!("+++ {b}")))?;
            writeln!(self.out)?;
        }
        // A fix changes no line count: the old and the new side have the same lines.
        let len = hunk.lines.iter().filter(|(c, _)| *c != '+').count();
        let range = if len == 1 { hunk.start.to_string() } else { format!("{},{len}", hunk.start) };
        paint(self.out, self.styles.gutter, &format!("@@ -{range} +{range} @@"))?;
        writeln!(self.out)?;
        for (c, line) in &hunk.lines {
            let style = match c {
                '+' => self.styles.added,
                '-' => self.styles.removed,
                _ => anstyle::Style::new(),
            };
            paint(self.out, style, &format!("{c}{}", escape_controls(line)))?;
            writeln!(self.out)?;
        }
        Ok(())
    }

    /// Ends the diff: writes the last hunk. Returns true when anything was written.
    pub fn finish(mut self, masker: &mut dyn Masker) -> io::Result<bool> {
        self.close(masker)?;
        Ok(self.header.is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Plain;
    impl Masker for Plain {
        fn mask(&mut self, _: usize, line: &[u8], _: bool) -> String {
            String::from_utf8_lossy(line).into_owned()
        }
    }

    fn diff(lines: &[(&str, Option<&str>)]) -> String {
        let mut out = Vec::new();
        let mut d = Diff::new(&mut out, Styles::default(), "a/x", "b/x");
        for (i, (old, new)) in lines.iter().enumerate() {
            match new {
                Some(n) => d.changed(&mut Plain, i + 1, old.as_bytes(), n.as_bytes()).unwrap(),
                None => d.same(&mut Plain, i + 1, old.as_bytes()).unwrap(),
            }
        }
        d.finish(&mut Plain).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The same diff as `similar` (the diff crate the CLI used before) writes for these lines.
    #[allow(clippy::format_collect)] // test code: clarity over an allocation per line
    fn reference(lines: &[(&str, Option<&str>)]) -> String {
        let old: String = lines.iter().map(|(o, _)| format!("{o}\n")).collect();
        let new: String = lines.iter().map(|(o, n)| format!("{}\n", n.unwrap_or(o))).collect();
        similar::TextDiff::from_lines(&old, &new)
            .unified_diff()
            .context_radius(CONTEXT)
            .header("a/x", "b/x")
            .to_string()
    }

    #[test]
    fn agrees_with_a_diff_algorithm() {
        let cases: Vec<Vec<(&str, Option<&str>)>> = vec![
            vec![("a", Some("A"))],
            vec![("a", None), ("b", Some("B")), ("c", None)],
            (0..20)
                .map(|i| if i == 2 || i == 3 || i == 17 { ("x", Some("y")) } else { ("z", None) })
                .collect(),
            (0..20)
                .map(|i| if i == 5 || i == 11 { ("x", Some("y")) } else { ("z", None) })
                .collect(),
            (0..20)
                .map(|i| if i == 5 || i == 12 { ("x", Some("y")) } else { ("z", None) })
                .collect(),
            (0..9).map(|i| if i % 2 == 0 { ("x", Some("y")) } else { ("z", None) }).collect(),
        ];
        for case in cases {
            assert_eq!(diff(&case), reference(&case), "{case:?}");
        }
        assert_eq!(diff(&[("a", None)]), "");
    }

    #[test]
    fn long_runs_of_changes_are_cut_into_hunks() {
        let lines: Vec<(&str, Option<&str>)> = vec![("x", Some("y")); MAX_HUNK + 10];
        let text = diff(&lines);
        assert_eq!(text.matches("@@").count(), 4, "two hunks");
        assert_eq!(
            text.lines().filter(|l| l.starts_with('-') && !l.starts_with("---")).count(),
            MAX_HUNK + 10
        );
    }
}
