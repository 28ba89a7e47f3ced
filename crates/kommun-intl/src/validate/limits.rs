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

use super::{Ctx, rules};

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

enum Frame<'t> {
    Object { keys: HashSet<Cow<'t, str>>, pointer_len: usize },
    Array { count: usize, pointer_len: usize },
}

/// Scans a text that failed the typed parse. Reports invalid UTF-8, limits, non-finite numbers
/// and duplicate keys. Returns false when the text must not be parsed any further.
pub(crate) fn scan(text: &[u8], limits: &Limits, ctx: &mut Ctx) -> bool {
    if let Err(e) = std::str::from_utf8(text) {
        let offset = e.valid_up_to();
        let (line, column) = crate::locate::line_column(text, offset);
        ctx.push_located(
            &rules::JSON_INVALID_UTF8,
            &[("offset", offset.to_string())],
            line,
            column,
        );
        return false;
    }
    let max_depth = limits.max_depth.min(128);
    let mut stack: Vec<Frame> = Vec::new();
    let mut pointer = String::new();
    let mut i = 0;
    let mut expect_key = false;
    let stop =
        |ctx: &mut Ctx, rule, params: &[(&'static str, String)], at: usize, pointer: &str| {
            let (line, column) = crate::locate::line_column(text, at);
            ctx.field_pointer(pointer, |ctx| ctx.push_located(rule, params, line, column));
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
                    return stop(
                        ctx,
                        &rules::LIMIT_DEPTH,
                        &[("max", max_depth.to_string())],
                        i,
                        &pointer,
                    );
                }
                if new_value(&mut stack, &mut pointer) > limits.max_array_length {
                    return too_long(ctx, i, &pointer);
                }
                let pointer_len = pointer.len();
                stack.push(if b == b'{' {
                    expect_key = true;
                    Frame::Object { keys: HashSet::new(), pointer_len }
                } else {
                    expect_key = false;
                    Frame::Array { count: 0, pointer_len }
                });
                i += 1;
            }
            b'}' | b']' => {
                if let Some(Frame::Object { pointer_len, .. } | Frame::Array { pointer_len, .. }) =
                    stack.pop()
                {
                    pointer.truncate(pointer_len);
                }
                if let Some(Frame::Object { pointer_len, .. }) = stack.last() {
                    pointer.truncate(*pointer_len);
                }
                expect_key = false;
                i += 1;
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < text.len() && text[i] != b'"' {
                    i += if text[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
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
                    if let Some(Frame::Object { keys, pointer_len }) = stack.last_mut() {
                        pointer.truncate(*pointer_len);
                        pointer.push('/');
                        if key.contains(['~', '/']) {
                            pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                        } else {
                            pointer.push_str(&key);
                        }
                        if !keys.insert(key) {
                            let (line, column) = crate::locate::line_column(text, start);
                            let shown = pointer
                                .rsplit('/')
                                .next()
                                .unwrap_or_default()
                                .chars()
                                .take(60)
                                .collect();
                            ctx.field_pointer(&pointer, |ctx| {
                                ctx.push_located(
                                    &rules::JSON_DUPLICATE_KEY,
                                    &[("key", shown)],
                                    line,
                                    column,
                                );
                            });
                        }
                    }
                } else if new_value(&mut stack, &mut pointer) > limits.max_array_length {
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
                if new_value(&mut stack, &mut pointer) > limits.max_array_length {
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

/// Notes a new value in the current container (for arrays: its index in the pointer); returns
/// the array's length so far.
fn new_value(stack: &mut [Frame<'_>], pointer: &mut String) -> usize {
    if let Some(Frame::Array { count, pointer_len }) = stack.last_mut() {
        pointer.truncate(*pointer_len);
        let _ = write!(pointer, "/{count}");
        *count += 1;
        *count
    } else {
        0
    }
}

/// True when the text nests arrays and objects deeper than `max`. A quick scan for the fast
/// path of kinds whose schema is recursive: their typed parse alone is bounded only by
/// `serde_json`'s 128 levels. The text is well-formed JSON (it has just been parsed).
pub(crate) fn too_deep(text: &[u8], max: usize) -> bool {
    // A text with no more opening brackets than the limit cannot nest deeper: a vectorised
    // count settles most documents without the exact scan.
    if memchr::memchr2_iter(b'{', b'[', text).nth(max).is_none() {
        return false;
    }
    let mut depth = 0usize;
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'"' => {
                // Skip the string: to its closing quote, past every escape.
                i += 1;
                loop {
                    let Some(j) = text.get(i..).and_then(|t| memchr::memchr2(b'"', b'\\', t))
                    else {
                        return false;
                    };
                    i += j + 1;
                    if text[i - 1] == b'"' {
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            b'{' | b'[' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    false
}

/// The nesting depth of a parsed value, counted without recursion.
pub(crate) fn depth(value: &serde_json::Value) -> usize {
    let mut max = 0;
    let mut todo = vec![(value, 0usize)];
    while let Some((v, d)) = todo.pop() {
        let children: Box<dyn Iterator<Item = &serde_json::Value>> = match v {
            serde_json::Value::Array(a) => Box::new(a.iter()),
            serde_json::Value::Object(o) => Box::new(o.values()),
            _ => continue,
        };
        max = max.max(d + 1);
        todo.extend(children.map(|c| (c, d + 1)));
    }
    max
}
