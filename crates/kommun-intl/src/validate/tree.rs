//! The spanned tree: a JSON text read once into an arena of nodes that keep their byte
//! offsets, for the explaining path.
//!
//! The one pass holds the text to everything the old scan and parse did before the walk:
//! UTF-8, the limits, the grammar (`serde_json`'s, including its recursion limit and the range
//! of numbers), and repeated keys. A text it cannot take whole (a limit reached, a syntax
//! error, a repeated key) is left to the first reader, [`super::limits::scan`] then a
//! `serde_json::Value` (see `document::explain`), so that every such case keeps its issues,
//! pointers and positions as they were; the tree only ever holds a text that reader would have
//! read without one issue. Strings are slices of the text; only strings and keys with escapes
//! are decoded, by `serde_json`, once.
//!
//! Nodes lie in document order, each followed by its subtree: a container's first child is
//! the next node and each node knows where its subtree ends, so children are walked without a
//! list of their own.

use std::collections::HashSet;

use super::limits::Limits;

mod de;

pub(crate) use de::Mismatch;

/// What a node holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    Null,
    False,
    True,
    /// A number `serde_json` reads as a `u64`.
    PosInt,
    /// A negative number `serde_json` reads as an `i64`.
    NegInt,
    /// Any other number, as `serde_json` reads it (an `f64`).
    Float,
    /// A string without escapes: the text between its quotes.
    Str,
    /// A string with escapes, decoded into [`Tree::decoded`].
    Escaped,
    Array,
    Object,
}

/// The payload of an object with a key that has escapes.
const ESCAPED_KEYS: u64 = 1;

/// No key: the node is an array item or the root.
const NO_KEY: u32 = u32::MAX;

/// One value, in 32 bytes.
#[derive(Clone, Copy, Debug)]
struct Node {
    /// A number's value (the bits of its `u64`, `i64` or `f64`), the end of a string without
    /// escapes (past its closing quote), the index of a decoded string, or, for an object,
    /// whether a key in it has escapes ([`ESCAPED_KEYS`]).
    payload: u64,
    /// Where the value starts: a string at its opening quote, a container at its bracket.
    start: u32,
    /// Where the member's key starts, at its opening quote (`NO_KEY` when the node is no
    /// member).
    key_start: u32,
    /// The length of the key between its quotes, or, when `key_escaped`, the index of the
    /// decoded key in [`Tree::decoded`].
    key_len: u32,
    /// The index just past the node's subtree.
    next: u32,
    /// Members or items, for a container.
    len: u32,
    tag: Tag,
    key_escaped: bool,
}

/// A parsed text: see the module docs.
#[derive(Debug)]
pub(crate) struct Tree<'t> {
    text: &'t str,
    nodes: Vec<Node>,
    decoded: Vec<String>,
}

/// One value of a [`Tree`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ref<'a> {
    tree: &'a Tree<'a>,
    id: u32,
}

/// The members of an object or the items of an array, in document order.
#[derive(Clone, Debug)]
pub(crate) struct Children<'a> {
    tree: &'a Tree<'a>,
    at: u32,
    end: u32,
}

impl<'a> Iterator for Children<'a> {
    type Item = Ref<'a>;

    #[inline]
    fn next(&mut self) -> Option<Ref<'a>> {
        if self.at >= self.end {
            return None;
        }
        let r = Ref { tree: self.tree, id: self.at };
        self.at = self.tree.nodes[self.at as usize].next;
        Some(r)
    }
}

impl Tree<'_> {
    /// The root value.
    pub(crate) fn root(&self) -> Ref<'_> {
        Ref { tree: self, id: 0 }
    }
}

impl<'a> Ref<'a> {
    #[inline]
    fn node(self) -> &'a Node {
        &self.tree.nodes[self.id as usize]
    }

    #[inline]
    pub(crate) fn tag(self) -> Tag {
        self.node().tag
    }

    /// The byte offset of the value in the text.
    #[inline]
    pub(crate) fn offset(self) -> usize {
        self.node().start as usize
    }

    /// The byte offset of the member's key (its opening quote), if the value is a member.
    pub(crate) fn key_offset(self) -> Option<usize> {
        let n = self.node();
        (n.key_start != NO_KEY).then_some(n.key_start as usize)
    }

    /// The member's key, decoded, if the value is a member.
    #[inline]
    pub(crate) fn key(self) -> Option<&'a str> {
        let n = self.node();
        if n.key_start == NO_KEY {
            return None;
        }
        Some(key_of(self.tree, n))
    }

    /// The string, decoded, if the value is one.
    #[inline]
    pub(crate) fn as_str(self) -> Option<&'a str> {
        let n = self.node();
        match n.tag {
            Tag::Str => self.tree.text.get(n.start as usize + 1..payload_index(n.payload) - 1),
            Tag::Escaped => Some(self.tree.decoded[payload_index(n.payload)].as_str()),
            _ => None,
        }
    }

    /// A number's value as `serde_json` holds it.
    pub(crate) fn number(self) -> Option<Number> {
        let n = self.node();
        match n.tag {
            Tag::PosInt => Some(Number::PosInt(n.payload)),
            // The bits of an `i64`, stored as they are.
            #[allow(clippy::cast_possible_wrap)]
            Tag::NegInt => Some(Number::NegInt(n.payload as i64)),
            Tag::Float => Some(Number::Float(f64::from_bits(n.payload))),
            _ => None,
        }
    }

    /// How many members or items the value has (0 for a scalar).
    pub(crate) fn len(self) -> usize {
        self.node().len as usize
    }

    /// The members or items of a container (nothing for a scalar).
    #[inline]
    pub(crate) fn children(self) -> Children<'a> {
        let n = self.node();
        let end = if matches!(n.tag, Tag::Array | Tag::Object) { n.next } else { self.id + 1 };
        Children { tree: self.tree, at: self.id + 1, end }
    }

    /// The children if the value has the tag, else none.
    pub(crate) fn children_if(self, tag: Tag) -> Children<'a> {
        if self.tag() == tag {
            self.children()
        } else {
            Children { tree: self.tree, at: 0, end: 0 }
        }
    }

    /// The value `pointer` (an RFC 6901 pointer below this value; `""` is the value itself)
    /// names, or the nearest value above it that the text has: where an issue at `pointer`
    /// lies. With `at_key`, a member found is placed at its key.
    pub(crate) fn place(self, pointer: &str, at_key: bool) -> usize {
        let mut at = self;
        let mut rest = pointer;
        while let Some(after) = rest.strip_prefix('/') {
            let (segment, tail) = after.find('/').map_or((after, ""), |j| after.split_at(j));
            let next = match at.tag() {
                Tag::Object => at.children().find(|c| c.key().is_some_and(|k| names(segment, k))),
                Tag::Array => index(segment).and_then(|i| at.children().nth(i)),
                _ => None,
            };
            let Some(next) = next else { break };
            at = next;
            rest = tail;
        }
        match at.key_offset() {
            Some(key) if at_key => key,
            _ => at.offset(),
        }
    }
}

/// True when a pointer segment (RFC 6901: `~0` is `~`, `~1` is `/`) names the key.
fn names(segment: &str, key: &str) -> bool {
    // A segment without `~` holds neither `~` nor `/` once unescaped.
    if !segment.contains('~') {
        return segment == key;
    }
    let mut escaped = String::with_capacity(key.len() + 2);
    for c in key.chars() {
        match c {
            '~' => escaped.push_str("~0"),
            '/' => escaped.push_str("~1"),
            c => escaped.push(c),
        }
    }
    escaped == segment
}

/// The array index a pointer segment names: a decimal number as the walk writes indices
/// (no sign, no leading zero).
fn index(segment: &str) -> Option<usize> {
    let canonical = !segment.is_empty()
        && segment.bytes().all(|b| b.is_ascii_digit())
        && (segment.len() == 1 || !segment.starts_with('0'));
    if canonical { segment.parse().ok() } else { None }
}

/// A number as `serde_json::Number` holds it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Number {
    PosInt(u64),
    NegInt(i64),
    Float(f64),
}

fn payload_index(payload: u64) -> usize {
    usize::try_from(payload).unwrap_or(usize::MAX)
}

#[inline]
fn key_of<'a>(tree: &'a Tree<'a>, n: &Node) -> &'a str {
    if n.key_escaped {
        tree.decoded[n.key_len as usize].as_str()
    } else {
        let start = n.key_start as usize + 1;
        tree.text.get(start..start + n.key_len as usize).unwrap_or_default()
    }
}

/// Bytes that end the plain run of a string: the quote, the backslash and the control
/// characters `serde_json` refuses inside strings.
static STRING_STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// The bytes of `word` (little-endian: its first byte is the lowest) that would end the plain
/// run of a string (see [`STRING_STOP`]): a quote, a backslash or a byte below 0x20. The lowest
/// set bit is the high bit of the first such byte (bits above it may be set by borrows: only
/// the first is exact, which is all the scan needs).
fn stops(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte below `n` (for `n` up to 0x80), and maybe of bytes above one.
    let below = |w: u64, n: u64| w.wrapping_sub(ONES * n) & !w & HIGH;
    below(word ^ (ONES * u64::from(b'"')), 1)
        | below(word ^ (ONES * u64::from(b'\\')), 1)
        | below(word, 0x20)
}

/// A word that differs for keys of different lengths or ends (equal keys have equal words).
fn signature(key: &[u8]) -> u64 {
    let first = key.first().copied().unwrap_or(0);
    let last = key.last().copied().unwrap_or(0);
    let middle = key.get(key.len() / 2).copied().unwrap_or(0);
    (key.len() as u64) << 24 | u64::from(first) << 16 | u64::from(middle) << 8 | u64::from(last)
}

/// Objects with up to this many members are checked for repeated keys pairwise.
const FEW_MEMBERS: usize = 16;

/// Reads `text` into a tree, or `None` when the first reader must explain it (see the module
/// docs): it breaks a limit, is not JSON as `serde_json` reads it, or repeats a key. (A text
/// that is not UTF-8 goes to the first reader before: the caller has checked it once for the
/// typed parse and this one.)
pub(crate) fn parse<'t>(text: &'t str, limits: &Limits) -> Option<Tree<'t>> {
    if u32::try_from(text.len()).is_err() || text.len() == u32::MAX as usize {
        return None;
    }
    let mut p = Parser {
        b: text.as_bytes(),
        i: 0,
        tree: Tree { text, nodes: Vec::with_capacity(text.len() / 16 + 4), decoded: Vec::new() },
        stack: Stack { ids: [0; 128], len: 0 },
        // `serde_json` refuses a 128th level (its limit counts down from 128 and stops at 0);
        // the scan refuses to open a container past `max_depth`.
        max_depth: limits.max_depth.min(127),
        max_string: limits.max_string_length.saturating_add(2),
        max_array: limits.max_array_length,
    };
    p.document()?;
    Some(p.tree)
}

struct Parser<'t> {
    b: &'t [u8],
    i: usize,
    tree: Tree<'t>,
    /// The open containers, innermost last.
    stack: Stack,
    max_depth: usize,
    max_string: usize,
    max_array: usize,
}

/// The open containers: at most 127, the deepest nesting the parse takes.
struct Stack {
    ids: [u32; 128],
    len: usize,
}

impl Stack {
    fn len(&self) -> usize {
        self.len
    }

    fn top(&self) -> Option<&u32> {
        self.len.checked_sub(1).and_then(|i| self.ids.get(i))
    }

    fn push(&mut self, id: u32) -> Option<()> {
        *self.ids.get_mut(self.len)? = id;
        self.len += 1;
        Some(())
    }

    fn pop(&mut self) -> Option<u32> {
        self.len = self.len.checked_sub(1)?;
        self.ids.get(self.len).copied()
    }
}

/// A member's key: where it is, with its quotes, and its decoded form if it has escapes.
#[derive(Clone, Copy)]
struct Key {
    start: u32,
    /// Its length between the quotes, or the index of its decoded form.
    len: u32,
    escaped: bool,
}

const NOT_A_MEMBER: Key = Key { start: NO_KEY, len: 0, escaped: false };

/// Offsets fit in `u32`: [`parse`] refuses longer texts.
#[allow(clippy::cast_possible_truncation)]
fn at(i: usize) -> u32 {
    i as u32
}

impl Parser<'_> {
    #[inline]
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn document(&mut self) -> Option<()> {
        self.ws();
        let mut key = NOT_A_MEMBER;
        'value: loop {
            match *self.b.get(self.i)? {
                open @ (b'{' | b'[') => {
                    let object = open == b'{';
                    self.open(object, key)?;
                    self.ws();
                    match (object, *self.b.get(self.i)?) {
                        (true, b'}') | (false, b']') => self.close()?,
                        (true, b'"') => {
                            key = self.key()?;
                            continue 'value;
                        }
                        (true, _) => return None,
                        (false, _) => {
                            key = NOT_A_MEMBER;
                            continue 'value;
                        }
                    }
                }
                _ => self.scalar(key)?,
            }
            // After a value: close containers, or go on to the next member or item.
            loop {
                self.ws();
                let Some(&top) = self.stack.top() else {
                    return (self.i == self.b.len()).then_some(());
                };
                let object = self.tree.nodes[top as usize].tag == Tag::Object;
                match *self.b.get(self.i)? {
                    b',' => {
                        self.i += 1;
                        self.ws();
                        key = if object { self.key()? } else { NOT_A_MEMBER };
                        continue 'value;
                    }
                    b'}' if object => self.close()?,
                    b']' if !object => self.close()?,
                    _ => return None,
                }
            }
        }
    }

    /// Counts a new value in the innermost container, holding an array to its limit.
    fn count(&mut self) -> Option<()> {
        if let Some(&top) = self.stack.top() {
            let n = &mut self.tree.nodes[top as usize];
            n.len += 1;
            if n.tag == Tag::Array && n.len as usize > self.max_array {
                return None;
            }
        }
        Some(())
    }

    fn push(&mut self, key: Key, start: usize, tag: Tag, payload: u64) {
        let next = at(self.tree.nodes.len() + 1);
        self.tree.nodes.push(Node {
            payload,
            start: at(start),
            key_start: key.start,
            key_len: key.len,
            next,
            len: 0,
            tag,
            key_escaped: key.escaped,
        });
    }

    fn open(&mut self, object: bool, key: Key) -> Option<()> {
        if self.stack.len() >= self.max_depth {
            return None;
        }
        self.count()?;
        let id = at(self.tree.nodes.len());
        let tag = if object { Tag::Object } else { Tag::Array };
        self.push(key, self.i, tag, 0);
        self.stack.push(id)?;
        self.i += 1;
        Some(())
    }

    fn close(&mut self) -> Option<()> {
        self.i += 1;
        let id = self.stack.pop()?;
        let next = at(self.tree.nodes.len());
        let n = &mut self.tree.nodes[id as usize];
        n.next = next;
        if n.tag == Tag::Object && n.len > 1 && self.repeats_a_key(id) {
            return None;
        }
        Some(())
    }

    /// True when two members of the object `id` have the same key.
    fn repeats_a_key(&self, id: u32) -> bool {
        let tree = &self.tree;
        let object = Ref { tree, id };
        if object.len() <= FEW_MEMBERS && object.node().payload != ESCAPED_KEYS {
            // Keys without escapes are equal when their bytes are: compare a word made of
            // each key's length and some of its bytes, then the bytes where words agree.
            // A bit per word, so that most keys are compared with none of the others.
            let mut bits = 0u64;
            let mut seen: [(u64, u32); FEW_MEMBERS] = [(0, 0); FEW_MEMBERS];
            for (n, child) in object.children().enumerate() {
                let key = key_of(tree, child.node()).as_bytes();
                let word = signature(key);
                let bit = 1u64 << (word.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58);
                if bits & bit != 0 {
                    for &(w, other) in &seen[..n] {
                        if w == word && key_of(tree, &tree.nodes[other as usize]).as_bytes() == key
                        {
                            return true;
                        }
                    }
                }
                bits |= bit;
                seen[n] = (word, child.id);
            }
            return false;
        }
        let mut seen = HashSet::with_capacity(object.len());
        for child in object.children() {
            if !seen.insert(key_of(tree, child.node())) {
                return true;
            }
        }
        false
    }

    /// A key, its colon and the white space after it.
    fn key(&mut self) -> Option<Key> {
        let start = self.i;
        if self.b.get(start) != Some(&b'"') {
            return None;
        }
        let (end, escaped) = self.string()?;
        let decoded = if escaped {
            // The object has a key to compare in its decoded form (see `repeats_a_key`).
            if let Some(&top) = self.stack.top() {
                self.tree.nodes[top as usize].payload = ESCAPED_KEYS;
            }
            Some(self.decode(start, end)?)
        } else {
            None
        };
        self.ws();
        if self.b.get(self.i) != Some(&b':') {
            return None;
        }
        self.i += 1;
        self.ws();
        Some(Key {
            start: at(start),
            len: decoded.unwrap_or_else(|| at(end - start - 2)),
            escaped: decoded.is_some(),
        })
    }

    /// Skips the string that starts at the quote at `self.i`; returns its end (past the closing
    /// quote) and whether it has escapes. `None` for a control character in it, an unclosed
    /// string or one past the length limit.
    fn string(&mut self) -> Option<(usize, bool)> {
        let start = self.i;
        let mut j = start + 1;
        let mut escaped = false;
        loop {
            // Eight bytes at a time to the first that ends the plain run; bytewise at the end
            // of the text.
            loop {
                if let Some(chunk) = self.b.get(j..j + 8) {
                    let mut word = [0u8; 8];
                    word.copy_from_slice(chunk);
                    let stop = stops(u64::from_le_bytes(word));
                    if stop == 0 {
                        j += 8;
                        continue;
                    }
                    j += (stop.trailing_zeros() / 8) as usize;
                } else {
                    while j < self.b.len() && !STRING_STOP[usize::from(self.b[j])] {
                        j += 1;
                    }
                }
                break;
            }
            match self.b.get(j)? {
                b'"' => break,
                b'\\' => {
                    escaped = true;
                    j += 2;
                }
                _ => return None,
            }
        }
        let end = j + 1;
        if end - start > self.max_string {
            return None;
        }
        self.i = end;
        Some((end, escaped))
    }

    /// Decodes the string `start..end` (with its quotes) as `serde_json` does, which also
    /// holds its escapes to the grammar (a lone surrogate is an error there, so here too).
    fn decode(&mut self, start: usize, end: usize) -> Option<u32> {
        let s: String = serde_json::from_slice(&self.b[start..end]).ok()?;
        let index = at(self.tree.decoded.len());
        self.tree.decoded.push(s);
        Some(index)
    }

    fn scalar(&mut self, key: Key) -> Option<()> {
        self.count()?;
        let start = self.i;
        let (tag, payload) = match *self.b.get(start)? {
            b'"' => {
                let (end, escaped) = self.string()?;
                if escaped {
                    (Tag::Escaped, u64::from(self.decode(start, end)?))
                } else {
                    (Tag::Str, end as u64)
                }
            }
            b't' => self.literal(b"true", Tag::True)?,
            b'f' => self.literal(b"false", Tag::False)?,
            b'n' => self.literal(b"null", Tag::Null)?,
            b'-' | b'0'..=b'9' => self.number()?,
            _ => return None,
        };
        self.push(key, start, tag, payload);
        Some(())
    }

    fn literal(&mut self, word: &[u8], tag: Tag) -> Option<(Tag, u64)> {
        if !self.b[self.i..].starts_with(word) {
            return None;
        }
        self.i += word.len();
        Some((tag, 0))
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.b.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        self.i - start
    }

    /// A number, by JSON's grammar; its value as `serde_json` reads it. Short integers are
    /// read here; every other number by `serde_json` itself, which also refuses one out of
    /// the range of a double.
    fn number(&mut self) -> Option<(Tag, u64)> {
        let start = self.i;
        let negative = self.b[start] == b'-';
        if negative {
            self.i += 1;
        }
        match self.b.get(self.i)? {
            b'0' => self.i += 1,
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return None,
        }
        let int_digits = self.i - start - usize::from(negative);
        let mut float = false;
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return None;
            }
            float = true;
        }
        if let Some(b'e' | b'E') = self.b.get(self.i) {
            self.i += 1;
            if let Some(b'+' | b'-') = self.b.get(self.i) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return None;
            }
            float = true;
        }
        let token = &self.b[start..self.i];
        if !float && int_digits <= 18 {
            let digits = &token[usize::from(negative)..];
            let value = digits.iter().fold(0u64, |v, d| v * 10 + u64::from(d - b'0'));
            return Some(match (negative, value) {
                (false, v) => (Tag::PosInt, v),
                // `-0` is a float to `serde_json`.
                (true, 0) => (Tag::Float, (-0.0f64).to_bits()),
                // At most 18 digits: the value fits an `i64`, and so does its negation.
                #[allow(clippy::cast_possible_wrap, clippy::cast_sign_loss)]
                (true, v) => (Tag::NegInt, (-(v as i64)) as u64),
            });
        }
        let n: serde_json::Number = serde_json::from_slice(token).ok()?;
        #[allow(clippy::cast_sign_loss)]
        Some(if let Some(u) = n.as_u64() {
            (Tag::PosInt, u)
        } else if let Some(i) = n.as_i64() {
            (Tag::NegInt, i as u64)
        } else {
            (Tag::Float, n.as_f64()?.to_bits())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    /// The tree as the `Value` it stands for.
    fn to_value(r: Ref<'_>) -> Value {
        match r.tag() {
            Tag::Null => Value::Null,
            Tag::False => Value::Bool(false),
            Tag::True => Value::Bool(true),
            Tag::PosInt | Tag::NegInt | Tag::Float => match r.number() {
                Some(Number::PosInt(u)) => Value::from(u),
                Some(Number::NegInt(i)) => Value::from(i),
                Some(Number::Float(f)) => Value::from(f),
                None => unreachable!("a number"),
            },
            Tag::Str | Tag::Escaped => Value::String(r.as_str().unwrap().to_owned()),
            Tag::Array => Value::Array(r.children().map(to_value).collect()),
            Tag::Object => Value::Object(
                r.children().map(|c| (c.key().unwrap().to_owned(), to_value(c))).collect(),
            ),
        }
    }

    fn unlimited() -> Limits {
        Limits {
            max_document_size: usize::MAX,
            max_depth: usize::MAX,
            max_string_length: usize::MAX,
            max_array_length: usize::MAX,
        }
    }

    /// What the tree takes, `serde_json` reads as the same value, numbers as it holds them.
    fn agrees(text: &[u8]) -> Result<(), TestCaseError> {
        if let Some(tree) = std::str::from_utf8(text).ok().and_then(|t| parse(t, &unlimited())) {
            let value: Value = serde_json::from_slice(text).map_err(|e| {
                TestCaseError::fail(format!("the tree took what serde refuses: {e}"))
            })?;
            prop_assert_eq!(to_value(tree.root()), value);
            // Each node's offsets: the value (and the key) that starts there is the node's.
            let first = |at: usize| {
                let mut values = serde_json::Deserializer::from_slice(&text[at..]).into_iter();
                values.next().and_then(Result::ok)
            };
            for i in 0..tree.nodes.len() {
                let r = Ref { tree: &tree, id: u32::try_from(i).unwrap() };
                prop_assert_eq!(Some(to_value(r)), first(r.offset()));
                if let Some(at) = r.key_offset() {
                    let key = r.key().map(|k| Value::String(k.to_owned()));
                    prop_assert_eq!(key, first(at));
                }
            }
        }
        Ok(())
    }

    #[test]
    fn plain_runs_stop_where_the_table_says() {
        for filler in [b'a', 0xC3, b' ', b'~'] {
            for at in 0..8 {
                for b in 0..=255u8 {
                    let mut word = [filler; 8];
                    word[at] = b;
                    let stop = stops(u64::from_le_bytes(word));
                    let first = word.iter().position(|&x| STRING_STOP[usize::from(x)]);
                    let got = (stop != 0).then(|| (stop.trailing_zeros() / 8) as usize);
                    assert_eq!(got, first, "{word:?}");
                }
            }
        }
    }

    #[test]
    fn the_tree_reads_json_as_serde_json_does() {
        for text in [
            r#"{"a": [1, -2, 3.5, -0, 1e2, 18446744073709551615, 18446744073709551616, -9223372036854775808, -9223372036854775809]}"#,
            r#"{"s": "x\"y\\u00e5\n", "\u00e5": {"": null}, "t": true, "f": false}"#,
            "  [ ]  ",
            r#""\ud83d\ude00""#,
            "123456789012345678901234567890",
            "0.000000000000000000000000000000000000000000001e-300",
        ] {
            assert!(parse(text, &unlimited()).is_some(), "{text}");
            agrees(text.as_bytes()).unwrap();
        }
        for refused in [
            "",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "-",
            "1e",
            "[1 2]",
            "{\"a\" 1}",
            "nul",
            "truex",
            "\"\\ud800\"",
            "\"a\u{1}\"",
            "1e400",
            "{\"a\":1,\"a\":2}",
            "{\"a\":1,\"\\u0061\":2}",
            "[1] x",
            "\u{feff}1",
            "NaN",
            "\"\\x\"",
        ] {
            assert!(parse(refused, &unlimited()).is_none(), "{refused}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn any_text_the_tree_takes_serde_reads_alike(text in r#"[\[\]{}",:0-9.eE+\- \\ntruefalsn\\u00e5aé]{0,40}"#) {
            agrees(text.as_bytes())?;
        }

        #[test]
        fn json_without_repeated_keys_is_taken(value in any_json()) {
            let text = serde_json::to_string(&value).unwrap();
            prop_assert!(parse(&text, &unlimited()).is_some(), "{text}");
            agrees(text.as_bytes())?;
            let pretty = serde_json::to_vec_pretty(&value).unwrap();
            agrees(&pretty)?;
        }
    }

    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
            "[a-zA-Z0-9 åäö\"\\\\/\n\u{1}~]{0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 40, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::btree_map("[a-z~/]{0,4}", inner, 0..20)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
