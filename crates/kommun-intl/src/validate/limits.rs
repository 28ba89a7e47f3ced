//! Limits on hostile input, and the scan that enforces them on the explaining path.
//!
//! The typed fast path is bounded by the model itself (every string lands in a field with a
//! length rule, every list is checked in linear time) and by `serde_json`'s recursion limit of
//! 128; the document size limit bounds its memory. Input that does not fit the model is scanned
//! here, without recursion and before any tree is built, so that a deeply nested, huge or
//! otherwise hostile document gets one clear issue instead of a blown stack or a flood.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Write as _;

use super::structure::Keys;
use super::{Ctx, rules};
use crate::personal;
use crate::schema::compiled::{Compiled, NodeId};

/// Configurable limits, with safe defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest document, in bytes (default 16 MiB).
    pub max_document_size: usize,
    /// The deepest nesting of arrays and objects (default 64; at most 128, `serde_json`'s own
    /// limit).
    pub max_depth: usize,
    /// The longest string, in bytes of its JSON text (default 1 MiB).
    pub max_string_length: usize,
    /// The most items in one array (default 1,000,000).
    pub max_array_length: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_document_size: 16 * 1024 * 1024,
            max_depth: 64,
            max_string_length: 1024 * 1024,
            max_array_length: 1_000_000,
        }
    }
}

/// Where the scan is in the schema: the node of a value (`None` for a member the schema does
/// not know) and whether it lies in personal data.
#[derive(Clone, Copy)]
struct Slot {
    node: Option<NodeId>,
    personal: bool,
}

enum Frame<'t> {
    Object { keys: HashSet<Cow<'t, str>>, pointer_len: usize, slot: Slot },
    Array { count: usize, pointer_len: usize, slot: Slot },
}

/// Scans a text that failed the typed parse. Reports invalid UTF-8, limits, non-finite numbers
/// and duplicate keys, each at its byte offset. Keys that may be someone's data (see
/// [`Keys`]) are masked in the issues' pointers and messages. Returns false when the text must
/// not be parsed any further.
pub(crate) fn scan(
    text: &[u8],
    limits: &Limits,
    compiled: &Compiled,
    keys_policy: Keys,
    ctx: &mut Ctx,
) -> bool {
    if let Err(e) = std::str::from_utf8(text) {
        let offset = e.valid_up_to();
        ctx.push_at(&rules::JSON_INVALID_UTF8, &[("offset", offset.to_string())], offset);
        return false;
    }
    let unknown_personal = compiled.has_personal_data();
    let child = |parent: Slot, node: Option<NodeId>| match node {
        Some(n) => Slot { node: Some(n), personal: parent.personal || compiled.marks_personal(n) },
        None => Slot { node: None, personal: parent.personal || unknown_personal },
    };
    let root = compiled.root();
    let mut slot = Slot { node: Some(root), personal: compiled.marks_personal(root) };
    let max_depth = limits.max_depth.min(128);
    let mut stack: Vec<Frame> = Vec::new();
    let mut pointer = String::new();
    let mut i = 0;
    let mut expect_key = false;
    let stop =
        |ctx: &mut Ctx, rule, params: &[(&'static str, String)], at: usize, pointer: &str| {
            ctx.field_pointer(pointer, |ctx| ctx.push_at(rule, params, at));
            false
        };
    let too_long = |ctx: &mut Ctx, at: usize, pointer: &str| {
        let max = limits.max_array_length.to_string();
        stop(ctx, &rules::LIMIT_ARRAY_LENGTH, &[("max", max)], at, pointer)
    };
    while i < text.len() {
        let b = text[i];
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | b':' => i += 1,
            b',' => {
                i += 1;
                if let Some(Frame::Object { pointer_len, .. }) = stack.last() {
                    pointer.truncate(*pointer_len);
                    expect_key = true;
                }
            }
            b'{' | b'[' => {
                if stack.len() >= max_depth {
                    let max = max_depth.to_string();
                    return stop(ctx, &rules::LIMIT_DEPTH, &[("max", max)], i, &pointer);
                }
                let here = value_slot(&mut stack, &mut pointer, slot);
                if here.0 > limits.max_array_length {
                    return too_long(ctx, i, &pointer);
                }
                let pointer_len = pointer.len();
                stack.push(if b == b'{' {
                    expect_key = true;
                    Frame::Object { keys: HashSet::new(), pointer_len, slot: here.1 }
                } else {
                    expect_key = false;
                    let items = child(here.1, here.1.node.and_then(|n| compiled.items(n)));
                    slot = items;
                    Frame::Array { count: 0, pointer_len, slot: here.1 }
                });
                i += 1;
            }
            b'}' | b']' => {
                if let Some(Frame::Object { pointer_len, .. } | Frame::Array { pointer_len, .. }) =
                    stack.pop()
                {
                    pointer.truncate(pointer_len);
                }
                match stack.last() {
                    Some(Frame::Object { pointer_len, .. }) => pointer.truncate(*pointer_len),
                    Some(Frame::Array { slot: array, .. }) => {
                        slot = child(*array, array.node.and_then(|n| compiled.items(n)));
                    }
                    None => {}
                }
                expect_key = false;
                i += 1;
            }
            b'"' => {
                let start = i;
                i = skip_string(text, i);
                let end = i.min(text.len());
                if end - start > limits.max_string_length.saturating_add(2) {
                    let max = limits.max_string_length.to_string();
                    return stop(
                        ctx,
                        &rules::LIMIT_STRING_LENGTH,
                        &[("max", max)],
                        start,
                        &pointer,
                    );
                }
                if expect_key {
                    expect_key = false;
                    let raw = &text[start..end];
                    // The text is valid UTF-8 (checked above): a key without escapes is its
                    // own bytes, and only a key with escapes needs decoding.
                    let key: Cow<'_, str> = match raw {
                        [b'"', inner @ .., b'"'] if !inner.contains(&b'\\') => {
                            Cow::Borrowed(std::str::from_utf8(inner).unwrap_or_default())
                        }
                        _ => Cow::Owned(serde_json::from_slice(raw).unwrap_or_default()),
                    };
                    if let Some(Frame::Object { keys, pointer_len, slot: object }) =
                        stack.last_mut()
                    {
                        pointer.truncate(*pointer_len);
                        let member = object.node.and_then(|n| compiled.property(n, &key));
                        slot = child(*object, member);
                        let shown = member.is_some() || {
                            let near = || compiled.is_near_field_name(&key);
                            keys_policy.shows(compiled, &key, object.personal, near)
                        };
                        let segment = if shown { key.to_string() } else { personal::mask(&key) };
                        push_segment(&mut pointer, &segment);
                        if !keys.insert(key) {
                            let shown: String = segment.chars().take(60).collect();
                            ctx.field_pointer(&pointer, |ctx| {
                                ctx.push_at(&rules::JSON_DUPLICATE_KEY, &[("key", shown)], start);
                            });
                        }
                    }
                } else if value_slot(&mut stack, &mut pointer, slot).0 > limits.max_array_length {
                    return too_long(ctx, start, &pointer);
                }
            }
            _ => {
                let start = i;
                while i < text.len()
                    && !matches!(text[i], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                {
                    i += 1;
                }
                let token = &text[start..i];
                if value_slot(&mut stack, &mut pointer, slot).0 > limits.max_array_length {
                    return too_long(ctx, start, &pointer);
                }
                let t = token.strip_prefix(b"-").unwrap_or(token);
                if t.starts_with(b"NaN") || t.starts_with(b"Infinity") || t.starts_with(b"inf") {
                    return stop(ctx, &rules::JSON_NON_FINITE, &[], start, &pointer);
                }
                if start == i {
                    i += 1;
                }
            }
        }
    }
    true
}

/// Every key that an object of a JSON text has a second time, at any depth, in the order of
/// the text: that member's pointer (keys as written, unmasked: the caller decides what it
/// shows) and the byte offset of its key. This is the scan behind every document kind's
/// `json.duplicate_key` issues, for JSON that is no document kind (an Open311 body, whose
/// parsed tree, like any `serde_json::Value`, keeps only the last of a repeated key). Text
/// that is not JSON gives what the scan found before it stopped.
#[must_use]
pub fn duplicate_keys(text: &[u8]) -> Vec<(String, usize)> {
    let unlimited = Limits {
        max_document_size: usize::MAX,
        max_depth: usize::MAX,
        max_string_length: usize::MAX,
        max_array_length: usize::MAX,
    };
    let options =
        crate::Options { limits: unlimited, max_issues: usize::MAX, ..Default::default() };
    let mut ctx = Ctx::new(&options);
    // A kind without personal data, named by the caller: every key is kept as written.
    let compiled = Compiled::of(crate::DocumentKind::Profile);
    debug_assert!(!compiled.has_personal_data());
    scan(text, &unlimited, compiled, Keys::Shown, &mut ctx);
    ctx.issues
        .iter()
        .zip(&ctx.places)
        .filter(|(i, _)| i.code == rules::JSON_DUPLICATE_KEY.code)
        .filter_map(|(i, place)| Some((i.pointer.clone(), place.offset?)))
        .collect()
}

/// Appends one pointer segment (RFC 6901: `~` as `~0`, `/` as `~1`).
pub(crate) fn push_segment(pointer: &mut String, segment: &str) {
    pointer.push('/');
    if segment.contains(['~', '/']) {
        for c in segment.chars() {
            match c {
                '~' => pointer.push_str("~0"),
                '/' => pointer.push_str("~1"),
                c => pointer.push(c),
            }
        }
    } else {
        pointer.push_str(segment);
    }
}

/// The end of the JSON string that starts with the quote at `start`: past its closing quote,
/// or the end of the text if it has none. Escapes are skipped, so `\"` does not end it.
pub(crate) fn skip_string(text: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    loop {
        let Some(j) = text.get(i..).and_then(|t| memchr::memchr2(b'"', b'\\', t)) else {
            return text.len();
        };
        i += j;
        if text[i] == b'"' {
            return i + 1;
        }
        i += 2;
    }
}

/// Notes a new value in the current container (for arrays: its index in the pointer); returns
/// the array's length so far and the value's slot.
fn value_slot(stack: &mut [Frame<'_>], pointer: &mut String, slot: Slot) -> (usize, Slot) {
    if let Some(Frame::Array { count, pointer_len, .. }) = stack.last_mut() {
        pointer.truncate(*pointer_len);
        let _ = write!(pointer, "/{count}");
        *count += 1;
        (*count, slot)
    } else {
        (0, slot)
    }
}

/// True when `text` has more than `n` opening brackets (`{` or `[`). Counted a block at a time
/// in bytes, a pass the compiler vectorises (a search for each bracket costs more on the short
/// texts most documents are), stopping as soon as the count is passed.
fn more_brackets_than(text: &[u8], n: usize) -> bool {
    let mut seen = 0;
    // At most 255 bytes a block, so that a block's count fits its byte.
    for block in text.chunks(255) {
        let brackets = block.iter().fold(0u8, |k, &c| k + u8::from(c == b'{' || c == b'['));
        seen += usize::from(brackets);
        if seen > n {
            return true;
        }
    }
    false
}

/// True when a well-formed text (it has just been parsed) breaks a limit that the typed parse
/// does not hold it to: nesting deeper than `max_depth`, a string longer than
/// `max_string_length`, an array longer than `max_array_length`. Then the fast path hands the
/// text to the explaining path, whose scan reports the limit, so that both paths give the same
/// verdict. Most documents are settled without reading them: a text with no more opening
/// brackets than the depth limit cannot nest deeper, one shorter than a string's limit holds
/// no longer string, and an array of `n` items needs `2n - 1` bytes.
pub(crate) fn exceeds(text: &[u8], limits: &Limits) -> bool {
    let max_depth = limits.max_depth.min(128);
    let deep = more_brackets_than(text, max_depth);
    let long_string = text.len() > limits.max_string_length.saturating_add(2);
    let long_array = text.len() >= limits.max_array_length.saturating_mul(2);
    if !(deep || long_string || long_array) {
        return false;
    }
    // Per open bracket: the items of an array so far, or `None` for an object.
    let mut stack: Vec<Option<usize>> = Vec::new();
    let mut i = 0;
    let count = |stack: &mut Vec<Option<usize>>| -> bool {
        if let Some(Some(n)) = stack.last_mut() {
            *n += 1;
            return *n > limits.max_array_length;
        }
        false
    };
    while i < text.len() {
        match text[i] {
            b'"' => {
                let end = skip_string(text, i);
                if end - i > limits.max_string_length.saturating_add(2) {
                    return true;
                }
                // In an array every string is an item; in an object, keys and values alike
                // are not counted.
                if count(&mut stack) {
                    return true;
                }
                i = end;
                continue;
            }
            b'{' | b'[' => {
                if count(&mut stack) {
                    return true;
                }
                stack.push((text[i] == b'[').then_some(0));
                if stack.len() > max_depth {
                    return true;
                }
            }
            b'}' | b']' => {
                stack.pop();
            }
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
                if count(&mut stack) {
                    return true;
                }
                while i + 1 < text.len()
                    && !matches!(text[i + 1], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}

/// Holds a parsed value to the limits a text is held to (depth, string length, array
/// length; a string's length is that of its UTF-8 text), reporting the first one broken at
/// its pointer. Returns false when a limit is broken. Without recursion: a value nested
/// deeper than the stack allows is still only a limit.
pub(crate) fn check_value(value: &serde_json::Value, limits: &Limits, ctx: &mut Ctx) -> bool {
    use serde_json::Value;
    // Each frame: a container's members still to visit.
    enum Members<'v> {
        Object(serde_json::map::Iter<'v>),
        Array(std::iter::Enumerate<std::slice::Iter<'v, Value>>),
    }
    fn members(v: &Value) -> Option<Members<'_>> {
        match v {
            Value::Object(o) => Some(Members::Object(o.iter())),
            Value::Array(a) => Some(Members::Array(a.iter().enumerate())),
            _ => None,
        }
    }
    let max_depth = limits.max_depth.min(128);
    let broken = |v: &Value, depth: usize| -> Option<(&'static rules::Rule, usize)> {
        match v {
            Value::String(s) if s.len() > limits.max_string_length => {
                Some((&rules::LIMIT_STRING_LENGTH, limits.max_string_length))
            }
            Value::Array(a) if a.len() > limits.max_array_length => {
                Some((&rules::LIMIT_ARRAY_LENGTH, limits.max_array_length))
            }
            Value::Array(_) | Value::Object(_) if depth > max_depth => {
                Some((&rules::LIMIT_DEPTH, max_depth))
            }
            _ => None,
        }
    };
    let mut path: Vec<String> = Vec::new();
    let mut stack: Vec<Members<'_>> = Vec::new();
    let mut found = broken(value, 1);
    if found.is_none()
        && let Some(m) = members(value)
    {
        stack.push(m);
    }
    while found.is_none() {
        let Some(top) = stack.last_mut() else { break };
        let next = match top {
            Members::Object(it) => it.next().map(|(k, v)| (k.clone(), v)),
            Members::Array(it) => it.next().map(|(i, v)| (i.to_string(), v)),
        };
        let Some((segment, child)) = next else {
            stack.pop();
            path.pop();
            continue;
        };
        path.push(segment);
        found = broken(child, stack.len() + 1);
        match members(child) {
            Some(m) if found.is_none() => stack.push(m),
            _ => {
                if found.is_none() {
                    path.pop();
                }
            }
        }
    }
    let Some((rule, max)) = found else { return true };
    let mut pointer = String::new();
    for segment in &path {
        push_segment(&mut pointer, segment);
    }
    ctx.field_pointer(&pointer, |ctx| ctx.report(rule, &[("max", max.to_string())]));
    false
}
