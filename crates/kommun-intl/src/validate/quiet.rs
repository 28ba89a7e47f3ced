//! The fast path's typed parse, with errors that cost nothing: `serde_json::from_slice`, except
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

use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

use super::tree::Mismatch;

/// `serde_json::from_slice::<T>(text).ok()`, without building an error message.
///
/// The text is checked to be UTF-8 once, whole, and then parsed as a `str`: `from_slice`
/// checks each string on its own, which costs a call and a loop start per string (a quarter
/// of the parse of a small feedback). A text that is not UTF-8 does not fit, as with
/// `from_slice`.
pub(crate) fn from_slice<T: DeserializeOwned>(text: &[u8]) -> Option<T> {
    let text = std::str::from_utf8(text).ok()?;
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Quiet(&mut de)).ok()?;
    de.end().ok()?;
    Some(value)
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
struct Quiet<D>(D);

/// A visitor whose refusals are values.
struct Smuggle<V>(V);

/// A seed whose refusals are values.
struct SmuggleSeed<S>(S);

struct QuietSeq<A>(A);
struct QuietMap<A>(A);
struct QuietEnum<A>(A);
struct QuietVariant<A>(A);

macro_rules! forward {
    ($($method:ident($($arg:ident: $t:ty),*))*) => {
        $(#[inline] fn $method<V: Visitor<'de>>(self, $($arg: $t,)* visitor: V) -> Result<V::Value, Mismatch> {
            unwrap(self.0.$method($($arg,)* Smuggle(visitor)))
        })*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Quiet<D> {
    type Error = Mismatch;

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
        deserialize_identifier() deserialize_ignored_any()
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

impl<'de, V: Visitor<'de>> Visitor<'de> for Smuggle<V> {
    type Value = Result<V::Value, Mismatch>;

    #[inline]
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Only error messages read this, and no message is kept.
        f.write_str("")
    }

    smuggle! {
        visit_bool(bool) visit_i8(i8) visit_i16(i16) visit_i32(i32) visit_i64(i64)
        visit_i128(i128) visit_u8(u8) visit_u16(u16) visit_u32(u32) visit_u64(u64)
        visit_u128(u128) visit_f32(f32) visit_f64(f64) visit_char(char) visit_str(&str)
        visit_borrowed_str(&'de str) visit_string(String) visit_bytes(&[u8])
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
        Ok(self.0.visit_some(Quiet(d)))
    }

    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        Ok(self.0.visit_newtype_struct(Quiet(d)))
    }

    #[inline]
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Ok(self.0.visit_seq(QuietSeq(seq)))
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Ok(self.0.visit_map(QuietMap(map)))
    }

    #[inline]
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        Ok(self.0.visit_enum(QuietEnum(data)))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for SmuggleSeed<S> {
    type Value = Result<S::Value, Mismatch>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        Ok(self.0.deserialize(Quiet(d)))
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

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for QuietSeq<A> {
    type Error = Mismatch;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Mismatch> {
        unwrap_next(self.0.next_element_seed(SmuggleSeed(seed)))
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for QuietMap<A> {
    type Error = Mismatch;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Mismatch> {
        unwrap_next(self.0.next_key_seed(SmuggleSeed(seed)))
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Mismatch> {
        unwrap(self.0.next_value_seed(SmuggleSeed(seed)))
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for QuietEnum<A> {
    type Error = Mismatch;
    type Variant = QuietVariant<A::Variant>;

    #[inline]
    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), Mismatch> {
        match self.0.variant_seed(SmuggleSeed(seed)) {
            Ok((Ok(value), variant)) => Ok((value, QuietVariant(variant))),
            Ok((Err(_), _)) | Err(_) => Err(Mismatch),
        }
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for QuietVariant<A> {
    type Error = Mismatch;

    #[inline]
    fn unit_variant(self) -> Result<(), Mismatch> {
        self.0.unit_variant().map_err(|_| Mismatch)
    }

    #[inline]
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Mismatch> {
        unwrap(self.0.newtype_variant_seed(SmuggleSeed(seed)))
    }

    #[inline]
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Mismatch> {
        unwrap(self.0.tuple_variant(len, Smuggle(visitor)))
    }

    #[inline]
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Mismatch> {
        unwrap(self.0.struct_variant(fields, Smuggle(visitor)))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use proptest::prelude::*;

    use super::from_slice;
    use crate::{Document, DocumentKind, KindVisitor};

    /// The quiet parse and `serde_json::from_slice` agree on `text` as `kind`: both fail, or
    /// both give values that write out alike.
    fn agree(kind: DocumentKind, text: &[u8]) -> Result<(), String> {
        struct Agree<'a>(&'a [u8]);
        impl KindVisitor for Agree<'_> {
            type Output = Result<(), String>;
            fn visit<T: Document>(self) -> Self::Output {
                let quiet = from_slice::<T>(self.0);
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

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
