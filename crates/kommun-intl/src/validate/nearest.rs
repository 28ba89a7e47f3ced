//! "Did you mean": the candidate nearest to a word that is none of them (a field name, a code,
//! a label), by the optimal string alignment distance of their lower-case forms (a swap of two
//! neighbours counts as one edit, like Damerau-Levenshtein, without its hash map of the
//! alphabet).
//!
//! A list searched again and again (a code list's codes and labels, a schema's field names) is
//! made into [`Candidates`] once: each candidate's lower-case form, its length and its letters
//! are known before any search, and the candidates are ordered by length, so that a search
//! looks only at those of a length near enough and bounds the distance from their letters
//! before it computes one.

use std::borrow::Cow;

/// A list of candidates for [`Candidates::nearest`].
#[derive(Clone, Debug)]
pub(crate) struct Candidates<S = Box<str>> {
    /// Ordered by `chars`, then by place in the list.
    by_length: Vec<Candidate<S>>,
}

impl<S> Default for Candidates<S> {
    fn default() -> Self {
        Candidates { by_length: Vec::new() }
    }
}

#[derive(Clone, Debug)]
struct Candidate<S> {
    text: S,
    /// The lower-case form of a text that is not ASCII (an ASCII one is compared without case
    /// as it is).
    lower: Option<Box<str>>,
    /// The number of characters of the lower-case form.
    chars: usize,
    /// The letters of an ASCII text (see [`osa::letters`]); 0 for another.
    letters: u64,
    /// The place in the list as given.
    index: usize,
}

impl<S: AsRef<str>> Candidates<S> {
    pub(crate) fn new(list: impl IntoIterator<Item = S>) -> Candidates<S> {
        let mut by_length: Vec<Candidate<S>> = list
            .into_iter()
            .enumerate()
            .map(|(index, text)| {
                let t = text.as_ref();
                if t.is_ascii() {
                    Candidate { lower: None, chars: t.len(), letters: osa::letters(t), text, index }
                } else {
                    let lower = t.to_lowercase();
                    let chars = lower.chars().count();
                    Candidate { lower: Some(lower.into()), chars, letters: 0, text, index }
                }
            })
            .collect();
        by_length.sort_by_key(|c| (c.chars, c.index));
        Candidates { by_length }
    }

    /// The place in the list and the text of the candidate nearest to `input`: the first that
    /// is the same apart from ASCII case, else the first of those at the smallest distance, if
    /// that is at most a third of `input`'s length (and at least 1).
    pub(crate) fn nearest(&self, input: &str) -> Option<(usize, &S)> {
        self.nearest_where(input, |_| true)
    }

    /// [`Candidates::nearest`] among the candidates whose place in the list `keep` keeps.
    pub(crate) fn nearest_where(
        &self,
        input: &str,
        keep: impl Fn(usize) -> bool,
    ) -> Option<(usize, &S)> {
        let ascii = input.is_ascii();
        let limit = (if ascii { input.len() } else { input.chars().count() } / 3).max(1);
        let mut input_lower: Option<Cow<'_, str>> =
            (!ascii).then(|| Cow::Owned(input.to_lowercase()));
        let length = input_lower.as_ref().map_or(input.len(), |l| l.chars().count());
        // The distance is at least the difference in length (of the lower-case forms).
        let from = self.by_length.partition_point(|c| c.chars + limit < length);
        let to = self.by_length.partition_point(|c| c.chars <= length + limit);
        let window = &self.by_length[from..to];
        // The same apart from case wins wherever it is. It has the same lower-case form, so
        // the same length, and the window is in list order for each length.
        if let Some(c) = window.iter().find(|c| {
            c.chars == length && keep(c.index) && c.text.as_ref().eq_ignore_ascii_case(input)
        }) {
            return Some((c.index, &c.text));
        }
        let letters = ascii.then(|| osa::letters(input));
        // Made on first need (`None` inside: `input` does not fit a word): most candidates are
        // skipped before any distance.
        let mut pattern: Option<Option<osa::Pattern>> = None;
        let mut best: Option<(usize, &Candidate<S>)> = None;
        for c in window {
            if !keep(c.index) {
                continue;
            }
            // Not nearer than the best so far (the earlier wins a tie).
            let beaten = |d: usize| best.is_some_and(|(b, bc)| (d, c.index) >= (b, bc.index));
            let d = if let Some(letters) = letters
                && c.lower.is_none()
            {
                // A bound below the distance, from the letters one has and the other lacks.
                let bound = osa::fewest_edits(letters, c.letters);
                if bound > limit || beaten(bound) {
                    continue;
                }
                if let Some(pattern) = pattern.get_or_insert_with(|| osa::Pattern::new(input)) {
                    pattern.distance(c.text.as_ref())
                } else {
                    strsim::osa_distance(
                        &input.to_ascii_lowercase(),
                        &c.text.as_ref().to_ascii_lowercase(),
                    )
                }
            } else {
                let input_lower =
                    input_lower.get_or_insert_with(|| Cow::Owned(input.to_ascii_lowercase()));
                let c_lower = c.lower.as_deref().map_or_else(
                    || Cow::Owned(c.text.as_ref().to_ascii_lowercase()),
                    Cow::Borrowed,
                );
                strsim::osa_distance(input_lower, &c_lower)
            };
            if d <= limit && !beaten(d) {
                best = Some((d, c));
            }
        }
        best.map(|(_, c)| (c.index, &c.text))
    }
}

mod osa {
    /// The bit masks of a pattern of at most 64 ASCII characters: bit `i` of `masks[c]` is set
    /// when the pattern's `i`-th character, in lower case, is `c`.
    pub(super) struct Pattern {
        masks: [u64; 128],
        len: usize,
    }

    /// The set of the lower-case letters of an ASCII string, each as a bit (modulo 64).
    pub(super) fn letters(s: &str) -> u64 {
        s.bytes().fold(0, |set, b| set | 1 << (b.to_ascii_lowercase() & 63))
    }

    /// At most the distance of two strings with these letter sets: every edit removes at most
    /// one character of either side (a swap none), so the distance is at least the number of
    /// letters one has and the other lacks (and letters that share a bit count once).
    pub(super) fn fewest_edits(a: u64, b: u64) -> usize {
        (a & !b).count_ones().max((b & !a).count_ones()) as usize
    }

    impl Pattern {
        /// The pattern `pattern`; `None` when it is longer than a word or not ASCII.
        pub(super) fn new(pattern: &str) -> Option<Pattern> {
            if pattern.len() > 64 || !pattern.is_ascii() {
                return None;
            }
            let mut masks = [0u64; 128];
            for (i, b) in pattern.bytes().enumerate() {
                masks[usize::from(b.to_ascii_lowercase())] |= 1 << i;
            }
            Some(Pattern { masks, len: pattern.len() })
        }

        /// The distance from the pattern to the ASCII string `text`.
        pub(super) fn distance(&self, text: &str) -> usize {
            if self.len == 0 {
                return text.len();
            }
            let last = 1u64 << (self.len - 1);
            let (mut vp, mut vn, mut d0, mut pm_old) = (!0u64, 0u64, 0u64, 0u64);
            let mut distance = self.len;
            for b in text.bytes() {
                let pm = self.masks[usize::from(b.to_ascii_lowercase() & 0x7F)];
                let transposed = ((!d0 & pm) << 1) & pm_old;
                d0 = ((((pm & vp).wrapping_add(vp)) ^ vp) | pm | vn) | transposed;
                let hp = vn | !(d0 | vp);
                let hn = d0 & vp;
                if hp & last != 0 {
                    distance += 1;
                }
                if hn & last != 0 {
                    distance -= 1;
                }
                let hp = (hp << 1) | 1;
                let hn = hn << 1;
                vp = hn | !(d0 | hp);
                vn = hp & d0;
                pm_old = pm;
            }
            distance
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::compiled::Compiled;
    use proptest::prelude::*;

    /// The nearest of a list searched once.
    fn nearest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
        Candidates::new(candidates).nearest(input).map(|(_, c)| *c)
    }

    /// The bit-parallel distance is `strsim`'s, on strings of a small alphabet (so that
    /// swaps and repeats are common) and in both cases.
    #[test]
    fn the_bit_parallel_distance_is_strsims() {
        let cases: [(&str, &str); 8] = [
            ("", ""),
            ("", "abc"),
            ("ab", "ba"),
            ("agrement_type", "agreement_type"),
            ("ca", "abc"),
            ("abcdef", "badcfe"),
            ("aaaa", "aaaaaaaa"),
            ("Kategori", "category"),
        ];
        for (a, b) in cases {
            let p = osa::Pattern::new(a).unwrap();
            assert_eq!(
                p.distance(b),
                strsim::osa_distance(&a.to_lowercase(), &b.to_lowercase()),
                "{a} {b}"
            );
        }
        proptest!(ProptestConfig::with_cases(4000), |(a in "[abcAB_]{0,64}", b in "[abcAB_]{0,70}")| {
            let p = osa::Pattern::new(&a).unwrap();
            prop_assert_eq!(p.distance(&b), strsim::osa_distance(&a.to_lowercase(), &b.to_lowercase()));
        });
    }

    /// The old `nearest`, as it was before the bit-parallel distance.
    fn nearest_by_strsim<'a>(input: &str, candidates: &[&'a str]) -> Option<&'a str> {
        if let Some(c) = candidates.iter().find(|c| c.eq_ignore_ascii_case(input)) {
            return Some(c);
        }
        let limit = (input.chars().count() / 3).max(1);
        let input = input.to_lowercase();
        let length = input.chars().count();
        candidates
            .iter()
            .filter_map(|c| {
                let c_lower = c.to_lowercase();
                if c_lower.chars().count().abs_diff(length) > limit {
                    return None;
                }
                Some((strsim::osa_distance(&input, &c_lower), *c))
            })
            .filter(|&(d, _)| d <= limit)
            .min_by_key(|&(d, _)| d)
            .map(|(_, c)| c)
    }

    #[test]
    fn a_near_field_name_is_found_as_nearest_finds_one() {
        for kind in crate::DocumentKind::ALL {
            let compiled = Compiled::of(kind);
            let names: Vec<&str> = compiled.field_names().collect();
            for name in &names {
                for input in [
                    name.to_string(),
                    name.to_uppercase(),
                    format!("{name}x"),
                    name[1..].to_owned(),
                    format!("x{name}y"),
                    name.chars().rev().collect(),
                ] {
                    assert_eq!(
                        compiled.is_near_field_name(&input),
                        nearest_by_strsim(&input, &names).is_some(),
                        "{input}"
                    );
                }
            }
        }
        let compiled = Compiled::of(crate::DocumentKind::Dataset);
        let names: Vec<&str> = compiled.field_names().collect();
        proptest!(ProptestConfig::with_cases(3000), |(input in "[a-z_A-Zå]{0,20}")| {
            prop_assert_eq!(compiled.is_near_field_name(&input), nearest_by_strsim(&input, &names).is_some());
        });
    }

    #[test]
    fn nearest_gives_what_it_gave() {
        let fields = Compiled::of(crate::DocumentKind::Dataset);
        let names: Vec<&str> = fields.field_names().collect();
        let countries: Vec<&str> = ["SE", "GR", "GB", "HU", "LT", "ÅL", "Ärla", "ärm"].to_vec();
        for input in [
            "agrement_type",
            "nmae",
            "Name",
            "contakt",
            "EL",
            "se",
            "x",
            "",
            "ÄRLA",
            "årla",
            "partnr",
            "sourcse",
            "start_dat",
            "İd",
            "kecskemet_stad_kecskemet_stad_kecskemet_stad_kecskemet_stad_x",
        ] {
            assert_eq!(
                nearest(input, names.iter().copied()),
                nearest_by_strsim(input, &names),
                "{input}"
            );
            assert_eq!(
                nearest(input, countries.iter().copied()),
                nearest_by_strsim(input, &countries),
                "{input}"
            );
        }
        proptest!(ProptestConfig::with_cases(2000), |(input in "[a-eA-E_åÅ]{0,12}", cands in prop::collection::vec("[a-eA-E_åÅ]{0,12}", 0..12))| {
            let refs: Vec<&str> = cands.iter().map(String::as_str).collect();
            prop_assert_eq!(nearest(&input, refs.iter().copied()), nearest_by_strsim(&input, &refs));
        });
    }

    /// Searching among some of the candidates finds what searching a list of only those finds,
    /// at its place in the whole list.
    #[test]
    fn nearest_where_is_nearest_among_those_kept() {
        proptest!(ProptestConfig::with_cases(2000), |(input in "[a-dA-D_åÅ]{0,10}", cands in prop::collection::vec(("[a-dA-D_åÅ]{0,10}", any::<bool>()), 0..12))| {
            let all = Candidates::new(cands.iter().map(|(c, _)| c.as_str()));
            let kept: Vec<&str> = cands.iter().filter(|(_, k)| *k).map(|(c, _)| c.as_str()).collect();
            let found = all.nearest_where(&input, |i| cands[i].1);
            prop_assert_eq!(found.map(|(_, c)| *c), nearest_by_strsim(&input, &kept));
            if let Some((i, c)) = found {
                prop_assert!(cands[i].1 && cands[i].0 == *c);
            }
        });
    }
}
