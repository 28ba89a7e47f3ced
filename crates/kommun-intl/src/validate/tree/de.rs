//! A value of the spanned tree as a serde `Deserializer`, for the typed checks of the walk.
//!
//! It answers every request as `serde_json`'s deserializer for `&Value` does (serde_json
//! 1.0, `value/de.rs`, without `arbitrary_precision` and `raw_value`): the same visitor
//! calls for the same values, so a typed check gives on the tree exactly what it gave on the
//! `Value` the walk used to read. Only the error differs: a check asks whether the value fits,
//! never why not, so the error is one cheap value and no message is ever formatted.

use std::borrow::Cow;
use std::fmt;

use serde::de::{
    self, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess, VariantAccess,
    Visitor,
};
use serde::forward_to_deserialize_any;

use super::{Children, Number, Ref, Tag};

/// The value does not fit the type asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mismatch;

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the value does not fit the type")
    }
}

impl std::error::Error for Mismatch {}

impl de::Error for Mismatch {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Mismatch
    }
}

type Result<T> = std::result::Result<T, Mismatch>;

impl Ref<'_> {
    fn number_any<'de, V: Visitor<'de>>(n: Number, visitor: V) -> Result<V::Value> {
        match n {
            Number::PosInt(u) => visitor.visit_u64(u),
            Number::NegInt(i) => visitor.visit_i64(i),
            Number::Float(f) => visitor.visit_f64(f),
        }
    }
}

macro_rules! number {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            match self.number() {
                Some(n) => Ref::number_any(n, visitor),
                None => Err(Mismatch),
            }
        })*
    };
}

impl<'de> de::Deserializer<'de> for Ref<'de> {
    type Error = Mismatch;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.tag() {
            Tag::Null => visitor.visit_unit(),
            Tag::False => visitor.visit_bool(false),
            Tag::True => visitor.visit_bool(true),
            Tag::PosInt | Tag::NegInt | Tag::Float => match self.number() {
                Some(n) => Ref::number_any(n, visitor),
                None => Err(Mismatch),
            },
            Tag::Str | Tag::Escaped => {
                visitor.visit_borrowed_str(self.as_str().unwrap_or_default())
            }
            Tag::Array => visit_array(self, visitor),
            Tag::Object => visit_object(self, visitor),
        }
    }

    number! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.tag() {
            Tag::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.tag() {
            Tag::Object => {
                // An enum is a map with a single key.
                let mut members = self.children();
                let (Some(value), None) = (members.next(), members.next()) else {
                    return Err(Mismatch);
                };
                let variant = value.key().unwrap_or_default();
                visitor.visit_enum(Enum { variant, value: Some(value) })
            }
            Tag::Str | Tag::Escaped => {
                visitor.visit_enum(Enum { variant: self.as_str().unwrap_or_default(), value: None })
            }
            _ => Err(Mismatch),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.tag() {
            Tag::False => visitor.visit_bool(false),
            Tag::True => visitor.visit_bool(true),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.as_str() {
            Some(s) => visitor.visit_borrowed_str(s),
            None => Err(Mismatch),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.tag() {
            Tag::Str | Tag::Escaped => {
                visitor.visit_borrowed_str(self.as_str().unwrap_or_default())
            }
            Tag::Array => visit_array(self, visitor),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.tag() {
            Tag::Null => visitor.visit_unit(),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.tag() {
            Tag::Array => visit_array(self, visitor),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.tag() {
            Tag::Object => visit_object(self, visitor),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.tag() {
            Tag::Array => visit_array(self, visitor),
            Tag::Object => visit_object(self, visitor),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }
}

/// The items of an array; every one must be taken.
fn visit_array<'de, V: Visitor<'de>>(array: Ref<'de>, visitor: V) -> Result<V::Value> {
    let mut seq = Seq { children: array.children(), left: array.len() };
    let value = visitor.visit_seq(&mut seq)?;
    if seq.left == 0 { Ok(value) } else { Err(Mismatch) }
}

/// The members of an object; every one must be taken.
fn visit_object<'de, V: Visitor<'de>>(object: Ref<'de>, visitor: V) -> Result<V::Value> {
    let mut map = Map { children: object.children(), left: object.len(), value: None };
    let value = visitor.visit_map(&mut map)?;
    if map.left == 0 { Ok(value) } else { Err(Mismatch) }
}

struct Seq<'de> {
    children: Children<'de>,
    left: usize,
}

impl<'de> SeqAccess<'de> for Seq<'de> {
    type Error = Mismatch;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        match self.children.next() {
            Some(item) => {
                self.left -= 1;
                seed.deserialize(item).map(Some)
            }
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

struct Map<'de> {
    children: Children<'de>,
    left: usize,
    value: Option<Ref<'de>>,
}

impl<'de> MapAccess<'de> for Map<'de> {
    type Error = Mismatch;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        match self.children.next() {
            Some(member) => {
                self.left -= 1;
                self.value = Some(member);
                seed.deserialize(Key(member.key().unwrap_or_default())).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value> {
        match self.value.take() {
            Some(value) => seed.deserialize(value),
            None => Err(Mismatch),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// A member's key, as `serde_json`'s `MapKeyDeserializer` gives it: a string, or a number or
/// a boolean written as one.
struct Key<'de>(&'de str);

macro_rules! numeric_key {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            // The key must be a number and nothing else: no white space before or after it.
            if !matches!(self.0.as_bytes().first(), Some(b'0'..=b'9' | b'-'))
                || self.0.ends_with([' ', '\t', '\n', '\r'])
            {
                return Err(Mismatch);
            }
            let mut de = serde_json::Deserializer::from_str(self.0);
            let value = de::Deserializer::$method(&mut de, visitor).map_err(|_| Mismatch)?;
            de.end().map_err(|_| Mismatch)?;
            Ok(value)
        })*
    };
}

impl<'de> de::Deserializer<'de> for Key<'de> {
    type Error = Mismatch;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.0)
    }

    numeric_key! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        // Map keys cannot be null.
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let key: de::value::CowStrDeserializer<'de, Mismatch> =
            Cow::Borrowed(self.0).into_deserializer();
        de::Deserializer::deserialize_enum(key, name, variants, visitor)
    }

    forward_to_deserialize_any! {
        char str string bytes byte_buf unit unit_struct seq tuple tuple_struct
        map struct identifier ignored_any
    }
}

/// An enum: its variant's name and, for a map with a single key, the value.
struct Enum<'de> {
    variant: &'de str,
    value: Option<Ref<'de>>,
}

impl<'de> EnumAccess<'de> for Enum<'de> {
    type Error = Mismatch;
    type Variant = Variant<'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Variant<'de>)> {
        let variant: de::value::StrDeserializer<'de, Mismatch> = self.variant.into_deserializer();
        seed.deserialize(variant).map(|v| (v, Variant { value: self.value }))
    }
}

struct Variant<'de> {
    value: Option<Ref<'de>>,
}

impl<'de> VariantAccess<'de> for Variant<'de> {
    type Error = Mismatch;

    fn unit_variant(self) -> Result<()> {
        match self.value {
            Some(value) => serde::Deserialize::deserialize(value),
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        match self.value {
            Some(value) => seed.deserialize(value),
            None => Err(Mismatch),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        match self.value {
            Some(value) if value.tag() == Tag::Array => {
                if value.len() == 0 {
                    visitor.visit_unit()
                } else {
                    visit_array(value, visitor)
                }
            }
            _ => Err(Mismatch),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.value {
            Some(value) if value.tag() == Tag::Object => visit_object(value, visitor),
            _ => Err(Mismatch),
        }
    }
}
