//! The fast path for a dict: a serde `Deserializer` over Python objects, so that a document
//! is read straight into its model, with no `serde_json::Value` between.
//!
//! It takes only what the slow path ([`crate::convert::to_value`], then the core's
//! `validate_value`) would take without a word, and gives up (the error [`Abort`], which holds
//! nothing of the input) at the first thing it might not:
//!
//! - anything the conversion refuses or reads through Python code (NaN and the infinities,
//!   ints beyond `i64` (those within `u64` are left to the conversion, which takes them),
//!   non-str keys, bytes, sets, mappings other than `dict`, subclasses of `dict`, keys that
//!   are subclasses of `str`, a lone surrogate);
//! - anything beyond the limits the core holds a value to (nesting, a string's or an array's
//!   length) or beyond the conversion's JSON size budget, counted the same way;
//! - anything the model does not take.
//!
//! The caller then takes the slow path, which explains. So the two paths give the same report
//! for every input. The calls a visitor makes are answered as `&serde_json::Value` answers
//! them, so that what fits becomes the same model value.
//!
//! Only C-level reads of exact types and of subclasses of `str`, `int`, `float`, `list` and
//! `tuple` are made (as the conversion makes them): no Python code runs while a dict is read,
//! so the dict cannot change under the iteration.

use std::cell::Cell;
use std::fmt;

use pyo3::prelude::*;
use pyo3::type_object::{PyTypeCheck, PyTypeInfo};
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::de::value::StrDeserializer;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};
use serde::forward_to_deserialize_any;

use kommun_intl::{DocumentKind, Limits, ParsedDocument};

use crate::convert;

/// Why the fast path gave up; it says nothing of the input.
#[derive(Debug)]
pub struct Abort;

impl fmt::Display for Abort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not for the fast path")
    }
}

impl std::error::Error for Abort {}

impl de::Error for Abort {
    // The message is never formatted: the slow path explains.
    fn custom<T: fmt::Display>(_: T) -> Self {
        Abort
    }
}

/// The bounds of one read.
struct Bounds {
    /// What is left of the JSON size budget (as [`crate::convert::to_value`] counts it).
    budget: Cell<usize>,
    max_depth: usize,
    max_string_length: usize,
    max_array_length: usize,
}

impl Bounds {
    fn spend(&self, n: usize) -> Result<(), Abort> {
        self.budget.set(self.budget.get().checked_sub(n).ok_or(Abort)?);
        Ok(())
    }
}

/// Reads a dict as a document of `kind`, with the size of its JSON as the conversion counts it:
/// `None` when it does not fit the model, breaks a limit or holds anything the conversion
/// would refuse.
pub fn read(
    kind: DocumentKind,
    dict: &Bound<'_, PyDict>,
    limits: &Limits,
    max_size: usize,
) -> Option<(ParsedDocument, usize)> {
    let bounds = Bounds {
        budget: Cell::new(max_size),
        // As the core's check of a value: never deeper than `serde_json`'s own limit.
        max_depth: limits.max_depth.min(128),
        max_string_length: limits.max_string_length,
        max_array_length: limits.max_array_length,
    };
    let de = Depythonizer::new(dict.as_any(), &bounds, 1).ok()?;
    let document = kind.from_deserializer(de)?;
    Some((document, max_size - bounds.budget.get()))
}

/// The kind a dict's `$schema` names, read as the slow path reads it (`None` when it has none
/// that names a kind, or has a key that is not an exact str).
pub fn kind_of(dict: &Bound<'_, PyDict>) -> Option<DocumentKind> {
    for (k, v) in dict.iter() {
        if !k.is_exact_instance_of::<PyString>() {
            return None;
        }
        let k = k.cast::<PyString>().ok()?;
        // Its length in code points first, which needs no encoding.
        if k.code_point_len().ok()? == "$schema".len() && text(k).ok()? == "$schema" {
            // The keys of a dict of exact strs are unique: this is the one.
            return DocumentKind::from_schema_uri(text(v.cast::<PyString>().ok()?).ok()?);
        }
    }
    None
}

/// A value, sorted by what JSON makes of it, and charged to the budget. It borrows the
/// Python objects from whoever holds them (the dict or list they are in, or the iteration
/// that gave them), so reading one takes no reference of its own.
#[derive(Clone, Copy)]
enum Node<'v, 'py> {
    Null,
    Bool(bool),
    /// An int within `i64`.
    Int(i64),
    /// A finite float.
    Float(f64),
    /// A str's text, read once (with [`text`]).
    Str(&'v str),
    List(&'v Bound<'py, PyList>),
    Tuple(&'v Bound<'py, PyTuple>),
    Dict(&'v Bound<'py, PyDict>),
}

/// The text of a str: Python's own UTF-8 form of it, not a copy (`PyUnicode_AsUTF8AndSize`,
/// in the stable ABI from Python 3.10); a str that is not Unicode (a lone surrogate) gives up.
fn text<'v>(s: &'v Bound<'_, PyString>) -> Result<&'v str, Abort> {
    s.to_str().map_err(|_| Abort)
}

/// One Python value to deserialize, already sorted and charged.
struct Depythonizer<'v, 'b, 'py> {
    node: Node<'v, 'py>,
    bounds: &'b Bounds,
    /// The nesting level of the value (the document is 1).
    depth: usize,
}

impl<'v, 'b, 'py> Depythonizer<'v, 'b, 'py> {
    /// Sorts `obj` in the order the conversion does (str, bool before int, int, float, list,
    /// tuple, dict), charges it as the conversion does and holds it to the limits.
    ///
    /// The exact types `json.loads` makes are told first by their type alone (the stable ABI
    /// asks the interpreter for a type's flags in a call, which a subclass check needs); an
    /// exact type is an instance of no other of these, so the order is the conversion's.
    fn new(obj: &'v Bound<'py, PyAny>, bounds: &'b Bounds, depth: usize) -> Result<Self, Abort> {
        bounds.spend(convert::VALUE_COST)?;
        let node = if let Some(s) = exact::<PyString>(obj) {
            Self::str(s, bounds)?
        } else if let Some(d) = exact::<PyDict>(obj) {
            Self::dict(d, bounds, depth)?
        } else if let Some(l) = exact::<PyList>(obj) {
            Self::list(l, bounds, depth)?
        } else if obj.is_exact_instance_of::<PyInt>() {
            Self::int(obj)?
        } else if let Some(f) = exact::<PyFloat>(obj) {
            Self::float(f)?
        } else if obj.is_none() {
            Node::Null
        } else if let Some(b) = exact::<PyBool>(obj) {
            // bool has no subclasses.
            Node::Bool(b.is_true())
        } else {
            Self::subclass(obj, bounds, depth)?
        };
        Ok(Depythonizer { node, bounds, depth })
    }

    /// A value of a subclass of str, int, float, list or tuple, or of a tuple, in the order
    /// the conversion tries them; anything else gives up.
    fn subclass(
        obj: &'v Bound<'py, PyAny>,
        bounds: &Bounds,
        depth: usize,
    ) -> Result<Node<'v, 'py>, Abort> {
        if let Some(s) = instance::<PyString>(obj) {
            Self::str(s, bounds)
        } else if obj.is_instance_of::<PyInt>() {
            Self::int(obj)
        } else if let Some(f) = instance::<PyFloat>(obj) {
            Self::float(f)
        } else if let Some(l) = instance::<PyList>(obj) {
            Self::list(l, bounds, depth)
        } else if let Some(t) = instance::<PyTuple>(obj) {
            array(bounds, depth, t.len())?;
            Ok(Node::Tuple(t))
        } else {
            // Subclasses of dict, and every other type.
            Err(Abort)
        }
    }

    fn str(s: &'v Bound<'py, PyString>, bounds: &Bounds) -> Result<Node<'v, 'py>, Abort> {
        let s = text(s)?;
        if s.len() > bounds.max_string_length {
            return Err(Abort);
        }
        bounds.spend(convert::string_cost(s.len()))?;
        Ok(Node::Str(s))
    }

    fn int(obj: &Bound<'py, PyAny>) -> Result<Node<'v, 'py>, Abort> {
        // Beyond i64 (u64 or larger) the slow path decides: asking for a wider type first
        // would build an OverflowError.
        Ok(Node::Int(obj.extract::<i64>().map_err(|_| Abort)?))
    }

    fn float(f: &Bound<'py, PyFloat>) -> Result<Node<'v, 'py>, Abort> {
        let f = f.value();
        if !f.is_finite() {
            return Err(Abort);
        }
        Ok(Node::Float(f))
    }

    fn list(
        l: &'v Bound<'py, PyList>,
        bounds: &Bounds,
        depth: usize,
    ) -> Result<Node<'v, 'py>, Abort> {
        array(bounds, depth, l.len())?;
        Ok(Node::List(l))
    }

    fn dict(
        d: &'v Bound<'py, PyDict>,
        bounds: &Bounds,
        depth: usize,
    ) -> Result<Node<'v, 'py>, Abort> {
        if depth > bounds.max_depth {
            return Err(Abort);
        }
        Ok(Node::Dict(d))
    }

    /// The reader of a value one level below this one.
    fn child<'w>(&self, obj: &'w Bound<'py, PyAny>) -> Result<Depythonizer<'w, 'b, 'py>, Abort> {
        Depythonizer::new(obj, self.bounds, self.depth + 1)
    }

    fn seq<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        let items = match self.node {
            Node::List(l) => Items::List(l.iter()),
            Node::Tuple(t) => Items::Tuple(t.iter()),
            _ => return Err(Abort),
        };
        let mut access = Seq { items, bounds: self.bounds, depth: self.depth + 1 };
        let value = visitor.visit_seq(&mut access)?;
        // As `serde_json`: a visitor that leaves items is an error.
        if access.items.len() == 0 { Ok(value) } else { Err(Abort) }
    }

    fn map<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        let Node::Dict(d) = self.node else { return Err(Abort) };
        let mut access =
            Map { items: d.iter(), value: None, bounds: self.bounds, depth: self.depth + 1 };
        let value = visitor.visit_map(&mut access)?;
        if access.items.len() == 0 { Ok(value) } else { Err(Abort) }
    }

    /// Reads every value below this one (so that each is checked and charged), for a value the
    /// visitor ignores: the slow path converts it too.
    fn skip(&self) -> Result<(), Abort> {
        match self.node {
            Node::List(l) => l.iter().try_for_each(|item| self.child(&item)?.skip()),
            Node::Tuple(t) => t.iter().try_for_each(|item| self.child(&item)?.skip()),
            Node::Dict(d) => d.iter().try_for_each(|(k, v)| {
                key(&k, self.bounds)?;
                self.child(&v)?.skip()
            }),
            _ => Ok(()),
        }
    }
}

/// A list or tuple of `items` at nesting level `depth`, held to the limits.
fn array(bounds: &Bounds, depth: usize, items: usize) -> Result<(), Abort> {
    if depth > bounds.max_depth || items > bounds.max_array_length { Err(Abort) } else { Ok(()) }
}

/// `obj` as a `T` when it is of exactly that type: a comparison of its type with `T`'s.
/// (A failed `cast` builds an error that holds a new reference to the type.)
fn exact<'v, 'py, T: PyTypeInfo>(obj: &'v Bound<'py, PyAny>) -> Option<&'v Bound<'py, T>> {
    if obj.is_exact_instance_of::<T>() { obj.cast_exact::<T>().ok() } else { None }
}

/// `obj` as a `T` when it is an instance of `T` or of a subclass.
fn instance<'v, 'py, T: PyTypeCheck>(obj: &'v Bound<'py, PyAny>) -> Option<&'v Bound<'py, T>> {
    if obj.is_instance_of::<T>() { obj.cast::<T>().ok() } else { None }
}

/// A key's text, held to what the conversion takes without Python code (an exact str) and
/// charged.
fn key<'v>(k: &'v Bound<'_, PyAny>, bounds: &Bounds) -> Result<&'v str, Abort> {
    let key = text(exact::<PyString>(k).ok_or(Abort)?)?;
    bounds.spend(convert::key_cost(key.len()))?;
    Ok(key)
}

enum Items<'py> {
    List(pyo3::types::iter::BoundListIterator<'py>),
    Tuple(pyo3::types::iter::BoundTupleIterator<'py>),
}

impl Items<'_> {
    fn len(&self) -> usize {
        match self {
            Items::List(i) => i.len(),
            Items::Tuple(i) => i.len(),
        }
    }
}

/// The items of a list or tuple; `depth` is theirs.
struct Seq<'b, 'py> {
    items: Items<'py>,
    bounds: &'b Bounds,
    depth: usize,
}

impl<'de> SeqAccess<'de> for Seq<'_, '_> {
    type Error = Abort;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Abort> {
        let next = match &mut self.items {
            Items::List(i) => i.next(),
            Items::Tuple(i) => i.next(),
        };
        match next {
            Some(item) => {
                seed.deserialize(Depythonizer::new(&item, self.bounds, self.depth)?).map(Some)
            }
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The members of a dict; `depth` is that of their values.
struct Map<'b, 'py> {
    items: pyo3::types::iter::BoundDictIterator<'py>,
    value: Option<Bound<'py, PyAny>>,
    bounds: &'b Bounds,
    depth: usize,
}

impl<'de> MapAccess<'de> for Map<'_, '_> {
    type Error = Abort;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Abort> {
        let Some((k, v)) = self.items.next() else { return Ok(None) };
        let key = key(&k, self.bounds)?;
        self.value = Some(v);
        seed.deserialize(Key(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Abort> {
        let value = self.value.take().ok_or(Abort)?;
        seed.deserialize(Depythonizer::new(&value, self.bounds, self.depth)?)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The number methods: as `serde_json::Value`, any number to any of them (the visitor
/// decides), an int as `u64` when it is not negative.
macro_rules! numbers {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
            self.number(visitor)
        })*
    };
}

impl<'de> Deserializer<'de> for Depythonizer<'_, '_, '_> {
    type Error = Abort;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        match self.node {
            Node::Null => visitor.visit_unit(),
            Node::Bool(b) => visitor.visit_bool(b),
            Node::Int(_) | Node::Float(_) => self.number(visitor),
            Node::Str(s) => visitor.visit_str(s),
            Node::List(_) | Node::Tuple(_) => self.seq(visitor),
            Node::Dict(_) => self.map(visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        match self.node {
            Node::Bool(b) => visitor.visit_bool(b),
            _ => Err(Abort),
        }
    }

    numbers! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_u8
        deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32 deserialize_f64
    }

    // Wider than JSON numbers are read here: the slow path decides.
    fn deserialize_i128<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Abort> {
        Err(Abort)
    }

    fn deserialize_u128<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Abort> {
        Err(Abort)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        match self.node {
            Node::Str(s) => visitor.visit_str(s),
            _ => Err(Abort),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        match self.node {
            Node::Str(s) => visitor.visit_str(s),
            Node::List(_) | Node::Tuple(_) => self.seq(visitor),
            _ => Err(Abort),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        match self.node {
            Node::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        match self.node {
            Node::Null => visitor.visit_unit(),
            _ => Err(Abort),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Abort> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Abort> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        self.seq(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Abort> {
        self.seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Abort> {
        self.seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        self.map(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Abort> {
        match self.node {
            Node::List(_) | Node::Tuple(_) => self.seq(visitor),
            Node::Dict(_) => self.map(visitor),
            _ => Err(Abort),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Abort> {
        match self.node {
            Node::Str(s) => visitor.visit_enum(Enum { variant: s, value: None }),
            // An enum as a map with one key.
            Node::Dict(d) if d.len() == 1 => {
                let (k, v) = d.iter().next().ok_or(Abort)?;
                let variant = key(&k, self.bounds)?;
                let value = self.child(&v)?;
                visitor.visit_enum(Enum { variant, value: Some(value) })
            }
            _ => Err(Abort),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        self.skip()?;
        visitor.visit_unit()
    }
}

impl Depythonizer<'_, '_, '_> {
    fn number<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        match self.node {
            Node::Int(i) => match u64::try_from(i) {
                Ok(u) => visitor.visit_u64(u),
                Err(_) => visitor.visit_i64(i),
            },
            Node::Float(f) => visitor.visit_f64(f),
            _ => Err(Abort),
        }
    }
}

/// A map key, answered as `serde_json`'s key deserializer answers (text; `true` and `false`
/// as bools), except numbers, which the slow path reads.
struct Key<'a>(&'a str);

impl<'de> Deserializer<'de> for Key<'_> {
    type Error = Abort;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        visitor.visit_str(self.0)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        match self.0 {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(Abort),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Abort> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Abort> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Abort> {
        let de: StrDeserializer<'_, Abort> = self.0.into_deserializer();
        de.deserialize_enum(name, variants, visitor)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Abort> {
        Err(Abort)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Abort> {
        Err(Abort)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Abort> {
        Err(Abort)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Abort> {
        Err(Abort)
    }
    fn deserialize_i128<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Abort> {
        Err(Abort)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Abort> {
        Err(Abort)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Abort> {
        Err(Abort)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Abort> {
        Err(Abort)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Abort> {
        Err(Abort)
    }
    fn deserialize_u128<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Abort> {
        Err(Abort)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Abort> {
        Err(Abort)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Abort> {
        Err(Abort)
    }

    forward_to_deserialize_any! {
        char str string bytes byte_buf unit unit_struct seq tuple tuple_struct
        map struct identifier ignored_any
    }
}

/// An enum: its variant's name, and the value of a variant given as a map with one key.
struct Enum<'a, 'v, 'b, 'py> {
    variant: &'a str,
    value: Option<Depythonizer<'v, 'b, 'py>>,
}

impl<'a, 'v, 'b, 'py, 'de> EnumAccess<'de> for Enum<'a, 'v, 'b, 'py> {
    type Error = Abort;
    type Variant = Variant<'v, 'b, 'py>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Variant<'v, 'b, 'py>), Abort> {
        let name: StrDeserializer<'a, Abort> = self.variant.into_deserializer();
        seed.deserialize(name).map(|v| (v, Variant(self.value)))
    }
}

struct Variant<'v, 'b, 'py>(Option<Depythonizer<'v, 'b, 'py>>);

impl<'de> VariantAccess<'de> for Variant<'_, '_, '_> {
    type Error = Abort;

    fn unit_variant(self) -> Result<(), Abort> {
        match self.0 {
            Some(value) => serde::Deserialize::deserialize(value),
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Abort> {
        seed.deserialize(self.0.ok_or(Abort)?)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Abort> {
        match self.0 {
            Some(value) => match value.node {
                Node::List(l) if l.is_empty() => visitor.visit_unit(),
                Node::Tuple(t) if t.is_empty() => visitor.visit_unit(),
                Node::List(_) | Node::Tuple(_) => value.seq(visitor),
                _ => Err(Abort),
            },
            None => Err(Abort),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Abort> {
        match self.0 {
            Some(value) => value.map(visitor),
            None => Err(Abort),
        }
    }
}
