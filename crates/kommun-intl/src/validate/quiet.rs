//! The fast path's typed parse, with errors that cost nothing: `serde_json::from_str`, except
//! that it says only whether the text fits, not why not.
//!
//! `serde_json` formats a message for every error a visitor raises (`unknown variant
//! `complaints`, expected one of ...`), and a document that does not fit is parsed again to be
//! explained, so that message was thrown away at a cost of more than a third of what accepting
//! a valid document takes. Here every visitor, seed and access of the parse is wrapped: a value
//! the model refuses comes back to `serde_json` as an ordinary value (`Ok(Err(Mismatch))`), so
//! `serde_json` never builds an error for it, and the wrapper turns it into a failure one level
//! up. `serde_json` makes the same calls in the same order as without the wrapper, so the same
//! texts fit, into the same values (the corpus, fuzz and property tests compare the two).
//!
//! The wrappers also keep a [`Tally`] of what the parse sees, so that the typed parse holds the
//! text to the [`Limits`] without a second pass over it: every opening bracket of the text
//! reaches a wrapped `visit_map`, `visit_seq` or `visit_enum`, every string a wrapped
//! `visit_str` (or its kin), every array item a wrapped `next_element_seed`. A parse whose
//! tally stays well within every limit is settled; one that comes near a limit, or skips a
//! value unseen (`deserialize_ignored_any`), is scanned exactly by [`super::limits::exceeds`].

use std::cell::Cell;
use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

use super::limits::Limits;
use super::tree::Mismatch;

/// `serde_json::from_str::<T>(text).ok()`, without building an error message, and whether
/// the text is certainly within `limits` (`false`: it may not be; scan it exactly).
///
/// The caller checks the text to be UTF-8 once, whole (by `simdutf8`, several times faster
/// than the standard library on text with letters beyond ASCII), for this parse and the
/// explaining path's alike: `from_slice` checks each string on its own, which costs a call and
/// a loop start per string (a quarter of the parse of a small feedback).
pub(crate) fn from_str<T: DeserializeOwned>(text: &str, limits: &Limits) -> Option<(T, bool)> {
    let tally = Tally::new(limits);
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Quiet(&mut de, &tally)).ok()?;
    de.end().ok()?;
    Some((value, !tally.unsure.get()))
}

/// What the parse has seen of the limits (see the module docs).
struct Tally {
    /// The brackets open now.
    depth: Cell<usize>,
    /// A limit may be broken, or a value was skipped unseen.
    unsure: Cell<bool>,
    max_depth: usize,
    /// The longest decoded string that is certainly within `max_string_length` bytes of JSON
    /// text: an escape (`\u00e5`) writes a byte in at most six.
    max_decoded: usize,
    max_items: usize,
}

impl Tally {
    fn new(limits: &Limits) -> Tally {
        Tally {
            depth: Cell::new(0),
            unsure: Cell::new(false),
            max_depth: limits.max_depth.min(128),
            max_decoded: limits.max_string_length / 6,
            max_items: limits.max_array_length,
        }
    }

    #[inline]
    fn string(&self, len: usize) {
        if len > self.max_decoded {
            self.unsure.set(true);
        }
    }

    /// Runs `f` one bracket deeper.
    #[inline]
    fn nested<R>(&self, f: impl FnOnce() -> R) -> R {
        let depth = self.depth.get() + 1;
        if depth > self.max_depth {
            self.unsure.set(true);
        }
        self.depth.set(depth);
        let r = f();
        self.depth.set(depth - 1);
        r
    }
}

/// The value of a wrapped call: a refusal smuggled as a value, or the inner error.
#[inline]
fn unwrap<T, E>(r: Result<Result<T, Mismatch>, E>) -> Result<T, Mismatch> {
    match r {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(_)) | Err(_) => Err(Mismatch),
    }
}

/// A deserializer whose errors are [`Mismatch`], over any other.
struct Quiet<'t, D>(D, &'t Tally);

/// A visitor whose refusals are values.
struct Smuggle<'t, V>(V, &'t Tally);

/// A seed whose refusals are values.
struct SmuggleSeed<'t, S>(S, &'t Tally);

/// A sequence and the items it has given.
struct QuietSeq<'t, A>(A, &'t Tally, usize);
struct QuietMap<'t, A>(A, &'t Tally);
struct QuietEnum<'t, A>(A, &'t Tally);
struct QuietVariant<'t, A>(A, &'t Tally);

macro_rules! forward {
    ($($method:ident($($arg:ident: $t:ty),*))*) => {
        $(#[inline] fn $method<V: Visitor<'de>>(self, $($arg: $t,)* visitor: V) -> Result<V::Value, Mismatch> {
            unwrap(self.0.$method($($arg,)* Smuggle(visitor, self.1)))
        })*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Quiet<'_, D> {
    type Error = Mismatch;

    /// A value skipped is not seen: the text is scanned exactly.
    #[inline]
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        self.1.unsure.set(true);
        unwrap(self.0.deserialize_ignored_any(Smuggle(visitor, self.1)))
    }

    forward! {
        deserialize_any() deserialize_bool() deserialize_i8() deserialize_i16() deserialize_i32()
        deserialize_i64() deserialize_i128() deserialize_u8() deserialize_u16()
        deserialize_u32() deserialize_u64() deserialize_u128() deserialize_f32()
        deserialize_f64() deserialize_char() deserialize_str() deserialize_string()
        deserialize_bytes() deserialize_byte_buf() deserialize_option() deserialize_unit()
        deserialize_unit_struct(name: &'static str)
        deserialize_newtype_struct(name: &'static str)
        deserialize_seq() deserialize_tuple(len: usize)
        deserialize_tuple_struct(name: &'static str, len: usize)
        deserialize_map()
        deserialize_struct(name: &'static str, fields: &'static [&'static str])
        deserialize_enum(name: &'static str, variants: &'static [&'static str])
        deserialize_identifier()
    }

    #[inline]
    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! smuggle {
    ($($method:ident($t:ty))*) => {
        $(#[inline] fn $method<E: de::Error>(self, v: $t) -> Result<Self::Value, E> {
            Ok(self.0.$method(v))
        })*
    };
}

/// As [`smuggle`], for values with a length that the tally counts as a string's.
macro_rules! smuggle_string {
    ($($method:ident($t:ty))*) => {
        $(#[inline] fn $method<E: de::Error>(self, v: $t) -> Result<Self::Value, E> {
            self.1.string(v.len());
            Ok(self.0.$method(v))
        })*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Smuggle<'_, V> {
    type Value = Result<V::Value, Mismatch>;

    #[inline]
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Only error messages read this, and no message is kept.
        f.write_str("")
    }

    smuggle! {
        visit_bool(bool) visit_i8(i8) visit_i16(i16) visit_i32(i32) visit_i64(i64)
        visit_i128(i128) visit_u8(u8) visit_u16(u16) visit_u32(u32) visit_u64(u64)
        visit_u128(u128) visit_f32(f32) visit_f64(f64) visit_char(char)
    }

    smuggle_string! {
        visit_str(&str) visit_borrowed_str(&'de str) visit_string(String) visit_bytes(&[u8])
        visit_borrowed_bytes(&'de [u8]) visit_byte_buf(Vec<u8>)
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.0.visit_none())
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.0.visit_unit())
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        Ok(self.0.visit_some(Quiet(d, self.1)))
    }

    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        Ok(self.0.visit_newtype_struct(Quiet(d, self.1)))
    }

    #[inline]
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let tally = self.1;
        Ok(tally.nested(|| self.0.visit_seq(QuietSeq(seq, tally, 0))))
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let tally = self.1;
        Ok(tally.nested(|| self.0.visit_map(QuietMap(map, tally))))
    }

    #[inline]
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        // Counted as a bracket: an enum may be an object (`{"variant": ...}`).
        let tally = self.1;
        Ok(tally.nested(|| self.0.visit_enum(QuietEnum(data, tally))))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for SmuggleSeed<'_, S> {
    type Value = Result<S::Value, Mismatch>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        Ok(self.0.deserialize(Quiet(d, self.1)))
    }
}

/// An optional element or key, as a wrapped call gives it.
#[inline]
fn unwrap_next<T, E>(r: Result<Option<Result<T, Mismatch>>, E>) -> Result<Option<T>, Mismatch> {
    match r {
        Ok(None) => Ok(None),
        Ok(Some(Ok(value))) => Ok(Some(value)),
        Ok(Some(Err(_))) | Err(_) => Err(Mismatch),
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for QuietSeq<'_, A> {
    type Error = Mismatch;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Mismatch> {
        self.2 += 1;
        if self.2 > self.1.max_items {
            self.1.unsure.set(true);
        }
        unwrap_next(self.0.next_element_seed(SmuggleSeed(seed, self.1)))
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for QuietMap<'_, A> {
    type Error = Mismatch;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Mismatch> {
        unwrap_next(self.0.next_key_seed(SmuggleSeed(seed, self.1)))
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Mismatch> {
        unwrap(self.0.next_value_seed(SmuggleSeed(seed, self.1)))
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'t, 'de, A: EnumAccess<'de>> EnumAccess<'de> for QuietEnum<'t, A> {
    type Error = Mismatch;
    type Variant = QuietVariant<'t, A::Variant>;

    #[inline]
    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), Mismatch> {
        match self.0.variant_seed(SmuggleSeed(seed, self.1)) {
            Ok((Ok(value), variant)) => Ok((value, QuietVariant(variant, self.1))),
            Ok((Err(_), _)) | Err(_) => Err(Mismatch),
        }
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for QuietVariant<'_, A> {
    type Error = Mismatch;

    #[inline]
    fn unit_variant(self) -> Result<(), Mismatch> {
        self.0.unit_variant().map_err(|_| Mismatch)
    }

    #[inline]
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Mismatch> {
        unwrap(self.0.newtype_variant_seed(SmuggleSeed(seed, self.1)))
    }

    #[inline]
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Mismatch> {
        unwrap(self.0.tuple_variant(len, Smuggle(visitor, self.1)))
    }

    #[inline]
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Mismatch> {
        unwrap(self.0.struct_variant(fields, Smuggle(visitor, self.1)))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use proptest::prelude::*;

    use super::from_str;
    use crate::{Document, DocumentKind, KindVisitor, Limits};

    /// The fast path's parse of bytes: none for a text that is not UTF-8, as in
    /// `parse_and_check`.
    fn quiet<T: Document>(text: &[u8], limits: &Limits) -> Option<(T, bool)> {
        from_str::<T>(std::str::from_utf8(text).ok()?, limits)
    }

    /// The quiet parse and `serde_json::from_slice` agree on `text` as `kind`: both fail, or
    /// both give values that write out alike.
    fn agree(kind: DocumentKind, text: &[u8]) -> Result<(), String> {
        struct Agree<'a>(&'a [u8]);
        impl KindVisitor for Agree<'_> {
            type Output = Result<(), String>;
            fn visit<T: Document>(self) -> Self::Output {
                let quiet = quiet::<T>(self.0, &Limits::default()).map(|(v, _)| v);
                let loud = serde_json::from_slice::<T>(self.0).ok();
                let out = |v: Option<T>| v.map(|v| serde_json::to_string(&v).ok());
                if out(quiet) == out(loud) {
                    Ok(())
                } else {
                    Err(format!("{} differs on {}", T::KIND, String::from_utf8_lossy(self.0)))
                }
            }
        }
        kind.visit(Agree(text))
    }

    fn corpus() -> Vec<Vec<u8>> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
        let mut out = Vec::new();
        let mut dirs = vec![root];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "json") {
                    out.push(std::fs::read(path).unwrap());
                }
            }
        }
        out
    }

    #[test]
    fn the_quiet_parse_takes_what_serde_json_takes() {
        let texts = corpus();
        assert!(texts.len() > 50);
        for text in &texts {
            for kind in DocumentKind::ALL {
                agree(kind, text).unwrap();
                // Cut short, and with a byte changed: a refusal at every depth.
                for at in (0..text.len()).step_by((text.len() / 16).max(1)) {
                    agree(kind, &text[..at]).unwrap();
                    let mut changed = text.clone();
                    changed[at] = [b'"', b'1', b'{', b']', b'x', b'-', b','][at % 7];
                    agree(kind, &changed).unwrap();
                }
            }
        }
    }

    /// A parse that says a text is within `limits` is right: the exact scan agrees.
    fn sure_only_when_right(
        kind: DocumentKind,
        text: &[u8],
        limits: &Limits,
    ) -> Result<(), String> {
        struct Sure<'a>(&'a [u8], &'a Limits);
        impl KindVisitor for Sure<'_> {
            type Output = Result<(), String>;
            fn visit<T: Document>(self) -> Self::Output {
                match quiet::<T>(self.0, self.1) {
                    Some((_, true)) if crate::validate::limits::exceeds(self.0, self.1) => {
                        Err(format!(
                            "{} sure within {:?} but over: {}",
                            T::KIND,
                            self.1,
                            String::from_utf8_lossy(self.0)
                        ))
                    }
                    _ => Ok(()),
                }
            }
        }
        kind.visit(Sure(text, limits))
    }

    #[test]
    fn the_tally_is_sure_only_of_texts_within_the_limits() {
        let texts = corpus();
        let mut sure = 0;
        for text in &texts {
            for kind in DocumentKind::ALL {
                // One limit small at a time, so that no other limit makes the tally unsure.
                let (depth, string, items) = (64, 1 << 20, 1_000_000);
                let each = [1, 2, 3, 4].into_iter().flat_map(|n| {
                    [(n, string, items), (depth, 6 * n + 12, items), (depth, string, n)]
                });
                for (depth, string, items) in each.chain([(depth, string, items)]) {
                    let limits = Limits {
                        max_depth: depth,
                        max_string_length: string,
                        max_array_length: items,
                        ..Limits::default()
                    };
                    sure_only_when_right(kind, text, &limits).unwrap();
                    sure += usize::from(matches!(kind.visit(Within(text, &limits)), Some(true)));
                }
            }
        }
        // The tally settles most texts that fit at the default limits, not none.
        assert!(sure > texts.len() / 4, "{sure} of {}", texts.len());
    }

    /// Whether the parse is sure the text is within the limits (`None`: it does not fit).
    struct Within<'a>(&'a [u8], &'a Limits);
    impl KindVisitor for Within<'_> {
        type Output = Option<bool>;
        fn visit<T: Document>(self) -> Option<bool> {
            quiet::<T>(self.0, self.1).map(|(_, within)| within)
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn a_mutated_text_near_small_limits_is_never_wrongly_sure(seed in any::<usize>(), at in any::<usize>(), b in any::<u8>(), kind in 0..DocumentKind::ALL.len(), depth in 1usize..6, string in 1usize..80, items in 1usize..4) {
            let texts = corpus();
            let mut text = texts[seed % texts.len()].clone();
            let at = at % text.len().max(1);
            if let Some(slot) = text.get_mut(at) {
                *slot = b;
            }
            let limits = match depth % 3 {
                0 => Limits { max_depth: depth, ..Limits::default() },
                1 => Limits { max_string_length: string, ..Limits::default() },
                _ => Limits { max_array_length: items, ..Limits::default() },
            };
            sure_only_when_right(DocumentKind::ALL[kind], &text, &limits).map_err(TestCaseError::fail)?;
        }

        #[test]
        fn any_mutation_is_refused_or_taken_alike(seed in any::<usize>(), at in any::<usize>(), b in any::<u8>(), kind in 0..DocumentKind::ALL.len()) {
            let texts = corpus();
            let mut text = texts[seed % texts.len()].clone();
            let at = at % text.len().max(1);
            if let Some(slot) = text.get_mut(at) {
                *slot = b;
            }
            agree(DocumentKind::ALL[kind], &text).map_err(TestCaseError::fail)?;
        }
    }
}
