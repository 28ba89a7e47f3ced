//! The schema patterns of the string types, matched by hand-written byte checks.
//!
//! Each [`Pattern`] keeps its regular expression (the text published in the JSON Schemas) and a
//! matcher that accepts exactly the same strings, written as a few comparisons on bytes: a
//! regex search costs more than the rest of a value's validation. The tests below hold every
//! matcher to its regex on generated and edge-case strings, so the two cannot drift apart.

/// A schema pattern and its hand-written matcher.
pub(crate) struct Pattern {
    /// The regular expression, as published in the schemas.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) source: &'static str,
    matcher: fn(&[u8]) -> bool,
}

impl Pattern {
    pub(crate) const fn new(source: &'static str, matcher: fn(&[u8]) -> bool) -> Pattern {
        Pattern { source, matcher }
    }

    /// True when `s` matches the pattern.
    #[inline]
    pub(crate) fn is_match(&self, s: &str) -> bool {
        (self.matcher)(s.as_bytes())
    }
}

#[inline]
fn digits(b: &[u8]) -> bool {
    b.iter().all(u8::is_ascii_digit)
}

/// `^[a-z0-9][a-z0-9_-]{0,63}$`
pub(crate) fn id(b: &[u8]) -> bool {
    let Some((&first, rest)) = b.split_first() else { return false };
    b.len() <= 64
        && (first.is_ascii_lowercase() || first.is_ascii_digit())
        && rest
            .iter()
            .all(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_' || c == b'-')
}

fn month(m: &[u8]) -> bool {
    matches!(m, [b'0', b'1'..=b'9'] | [b'1', b'0'..=b'2'])
}

fn day(d: &[u8]) -> bool {
    matches!(d, [b'0', b'1'..=b'9'] | [b'1' | b'2', b'0'..=b'9'] | [b'3', b'0' | b'1'])
}

/// `^(?:[0-9]{3}X|[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?)$`
pub(crate) fn partial_date(b: &[u8]) -> bool {
    match b.len() {
        4 => digits(&b[..3]) && (b[3].is_ascii_digit() || b[3] == b'X'),
        7 => digits(&b[..4]) && b[4] == b'-' && month(&b[5..7]),
        10 => digits(&b[..4]) && b[4] == b'-' && month(&b[5..7]) && b[7] == b'-' && day(&b[8..10]),
        _ => false,
    }
}

/// `^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?(?:Z|[+-][0-9]{2}:[0-9]{2})$`
pub(crate) fn timestamp(b: &[u8]) -> bool {
    if b.len() < 20 {
        return false;
    }
    let head = &b[..19];
    let shape = digits(&head[..4])
        && head[4] == b'-'
        && digits(&head[5..7])
        && head[7] == b'-'
        && digits(&head[8..10])
        && head[10] == b'T'
        && digits(&head[11..13])
        && head[13] == b':'
        && digits(&head[14..16])
        && head[16] == b':'
        && digits(&head[17..19]);
    if !shape {
        return false;
    }
    let mut rest = &b[19..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=9).contains(&n) {
            return false;
        }
        rest = &fraction[n..];
    }
    match rest {
        [b'Z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            h1.is_ascii_digit() && h2.is_ascii_digit() && m1.is_ascii_digit() && m2.is_ascii_digit()
        }
        _ => false,
    }
}

/// True when the text after the scheme is one or more characters, none of them white space
/// as texts count it (Unicode's `White_Space` and U+FEFF, the class the pattern writes out).
fn no_space(rest: &[u8]) -> bool {
    // ASCII text (nearly every address) needs no decoding: its spaces are ASCII white space.
    if rest.is_ascii() {
        return !rest.is_empty()
            && !any_suspect_block(rest, super::common::is_ascii_space, |_| true);
    }
    match std::str::from_utf8(rest) {
        Ok(s) => !s.chars().any(super::common::is_space),
        Err(_) => false,
    }
}

/// The length of the blocks [`any_suspect_block`] reads.
const BLOCK: usize = 32;

/// True when `exact` is true of some block of 32 bytes of `b` that holds a byte for which
/// `suspect` is true (`exact` is given the block's byte range and reads it exactly; only
/// blocks with a suspect byte are read so). Each block is one branch-free pass of a length
/// known at compile time, which the compiler turns into a few vector instructions (a pass byte
/// by byte with a branch per byte costs several instructions a byte). The rest is read as the
/// last 32 bytes of `b` (again in part) when `b` has that many, else padded to a whole block
/// with `0`, for which `suspect` must be false.
#[inline]
pub(crate) fn any_suspect_block(
    b: &[u8],
    suspect: impl Fn(u8) -> bool,
    mut exact: impl FnMut(std::ops::Range<usize>) -> bool,
) -> bool {
    // `|` rather than `||`: no branches, so that the pass over a block vectorises.
    #[allow(clippy::needless_bitwise_bool)]
    let any = |block: &[u8; BLOCK]| block.iter().fold(false, |any, &c| any | suspect(c));
    let (blocks, rest) = b.as_chunks::<BLOCK>();
    for (n, block) in blocks.iter().enumerate() {
        if any(block) && exact(n * BLOCK..(n + 1) * BLOCK) {
            return true;
        }
    }
    if rest.is_empty() {
        return false;
    }
    if let Some(last) = b.last_chunk::<BLOCK>() {
        return any(last) && exact(b.len() - BLOCK..b.len());
    }
    let mut last = [b'0'; BLOCK];
    last[..rest.len()].copy_from_slice(rest);
    any(&last) && exact(0..b.len())
}

/// `^https?://[^<space>]+$` (space: Unicode's `White_Space` and U+FEFF)
pub(crate) fn url(b: &[u8]) -> bool {
    match b.strip_prefix(b"https://").or_else(|| b.strip_prefix(b"http://")) {
        Some(rest) => no_space(rest),
        None => false,
    }
}

/// The classes of [`BYTE_CLASS`].
const ALNUM: u8 = 1;
const ATEXT: u8 = 2;
const LABEL: u8 = 4;

/// Each byte's classes: a letter or digit (`ALNUM`), RFC 5322's `atext` (`ATEXT`), a letter,
/// digit or `-` of a host-name label (`LABEL`). One lookup per byte instead of a search of the
/// punctuation `atext` allows.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut c: u8 = 0;
    loop {
        if c.is_ascii_alphanumeric() {
            table[c as usize] = ALNUM | ATEXT | LABEL;
        }
        if c == u8::MAX {
            break;
        }
        c += 1;
    }
    let punctuation = b"!#$%&'*+/=?^_`{|}~-";
    let mut i = 0;
    while i < punctuation.len() {
        table[punctuation[i] as usize] |= ATEXT;
        i += 1;
    }
    table[b'-' as usize] |= LABEL;
    table
};

#[inline]
fn is(class: u8, c: u8) -> bool {
    BYTE_CLASS[usize::from(c)] & class != 0
}

/// `[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?`
fn label(b: &[u8]) -> bool {
    (1..=63).contains(&b.len())
        && is(ALNUM, b[0])
        && is(ALNUM, b[b.len() - 1])
        && b.iter().all(|&c| is(LABEL, c))
}

/// `25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9]`: 0 to 255 without a leading zero.
fn octet(b: &[u8]) -> bool {
    match b {
        [d] | [b'1'..=b'9', d] | [b'2', b'0'..=b'4', d] => d.is_ascii_digit(),
        [b'1', d, e] => d.is_ascii_digit() && e.is_ascii_digit(),
        [b'2', b'5', b'0'..=b'5'] => true,
        _ => false,
    }
}

/// The e-mail pattern of [`crate::model::Email`]: a dot-atom or quoted local part, `@`, and
/// host-name labels, an IPv4 literal or an `IPv6:` literal of hex digits, `:` and `.`.
pub(crate) fn email(b: &[u8]) -> bool {
    let domain = if b.first() == Some(&b'"') {
        // qtextSMTP and quoted-pairSMTP up to the closing quote, then `@`.
        let mut i = 1;
        loop {
            match b.get(i) {
                Some(b'"') => break,
                Some(b'\\') if b.get(i + 1).is_some_and(|c| (0x20..=0x7E).contains(c)) => i += 2,
                Some(&c)
                    if c == b' ' || c == b'!' || ((0x23..=0x7E).contains(&c) && c != b'\\') =>
                {
                    i += 1;
                }
                _ => return false,
            }
        }
        match b.get(i + 1) {
            Some(b'@') => &b[i + 2..],
            _ => return false,
        }
    } else {
        // Dot-atoms: atext, with single dots between them, up to `@`.
        let mut previous = b'.';
        let mut at = None;
        for (i, &c) in b.iter().enumerate() {
            match c {
                b'@' => {
                    at = Some(i);
                    break;
                }
                b'.' if previous == b'.' => return false,
                b'.' => {}
                c if is(ATEXT, c) => {}
                _ => return false,
            }
            previous = c;
        }
        match at {
            Some(at) if previous != b'.' => &b[at + 1..],
            _ => return false,
        }
    };
    if let Some(literal) = domain.strip_prefix(b"[").and_then(|d| d.strip_suffix(b"]")) {
        if literal.len() > 5 && literal[..5].eq_ignore_ascii_case(b"IPv6:") {
            return literal[5..].iter().all(|c| c.is_ascii_hexdigit() || matches!(c, b':' | b'.'));
        }
        let parts: Vec<&[u8]> = literal.split(|&c| c == b'.').collect();
        return parts.len() == 4 && parts.iter().all(|p| octet(p));
    }
    domain.split(|&c| c == b'.').all(label)
}

/// `^(?:0|[1-9][0-9]*)(?:\.[0-9]{1,2})?$`
pub(crate) fn amount(b: &[u8]) -> bool {
    let (int, frac) = match b.iter().position(|&c| c == b'.') {
        Some(i) => (&b[..i], Some(&b[i + 1..])),
        None => (b, None),
    };
    let int_ok = match int {
        [b'0'] => true,
        [b'1'..=b'9', rest @ ..] => digits(rest),
        _ => false,
    };
    int_ok && frac.is_none_or(|f| (1..=2).contains(&f.len()) && digits(f))
}

/// `^[A-Z]{2}-[A-Z0-9]{1,3}$`
pub(crate) fn subdivision(b: &[u8]) -> bool {
    (4..=6).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_uppercase()
        && b[2] == b'-'
        && b[3..].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// `^Q[1-9][0-9]{0,11}$`
pub(crate) fn wikidata(b: &[u8]) -> bool {
    matches!(b, [b'Q', b'1'..=b'9', rest @ ..] if rest.len() <= 11 && digits(rest))
}

/// `^\+?[0-9() -]{4,30}$`
pub(crate) fn phone(b: &[u8]) -> bool {
    let rest = b.strip_prefix(b"+").unwrap_or(b);
    (4..=30).contains(&rest.len())
        && rest.iter().all(|&c| c.is_ascii_digit() || matches!(c, b'(' | b')' | b' ' | b'-'))
}

/// `^[0-9]{4}$`
pub(crate) fn municipality_code(b: &[u8]) -> bool {
    b.len() == 4 && digits(b)
}

/// `^[0-9]{6}-[0-9]{4}$`
pub(crate) fn org_number(b: &[u8]) -> bool {
    b.len() == 11 && digits(&b[..6]) && b[6] == b'-' && digits(&b[7..])
}

/// `^[1-9][0-9]{2} [0-9]{2}$`
pub(crate) fn se_postal_code(b: &[u8]) -> bool {
    matches!(b, [b'1'..=b'9', b1, b2, b' ', b3, b4] if digits(&[*b1, *b2, *b3, *b4]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pattern with its matcher, as the model uses them.
    fn all() -> Vec<(&'static str, &'static Pattern)> {
        use crate::model::{common, geo, municipality};
        vec![
            ("id", &common::ID_RE),
            ("partial_date", &common::PARTIAL_DATE_RE),
            ("timestamp", &common::TIMESTAMP_RE),
            ("url", &common::URL_RE),
            ("amount", &common::AMOUNT_RE),
            ("subdivision", &geo::SUBDIVISION_RE),
            ("wikidata", &geo::WIKIDATA_RE),
            ("phone", &geo::PHONE_RE),
            ("se_postal_code", &geo::SE_POSTAL_CODE_RE),
            ("municipality_code", &municipality::MUNICIPALITY_CODE_RE),
            ("org_number", &municipality::ORG_NUMBER_RE),
            ("email", &geo::EMAIL_RE),
        ]
    }

    /// A small seeded generator (SplitMix64).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
        fn below(&mut self, n: usize) -> usize {
            usize::try_from(self.next() % n as u64).unwrap_or(0)
        }
    }

    const EDGE: &[&str] = &[
        "",
        "a",
        "0",
        "-",
        "Q",
        "Q0",
        "Q1",
        "Q123456789012",
        "Q1234567890123",
        "194X",
        "19X4",
        "2004",
        "2004-00",
        "2004-13",
        "2004-12",
        "2004-05-00",
        "2004-05-31",
        "2004-05-32",
        "2004-05-17\n",
        "2026-11-28T09:30:00+01:00",
        "2026-11-28T09:30:00Z",
        "2026-11-28T09:30:00.123456789Z",
        "2026-11-28T09:30:00.1234567890Z",
        "2026-11-28T09:30:00.Z",
        "2026-11-28 09:30:00Z",
        "2026-11-28T09:30:00+0100",
        "2026-11-28T09:30:00z",
        "https://",
        "https://a",
        "http://a b",
        "http://a\u{a0}b",
        "https://lidkoping.se/ä",
        // White space in the last byte of a block of 32 after the scheme, the first of the
        // next, and in the rest after the whole blocks (the scan reads blocks).
        "https://lidkoping.se/aaaaaaaaaaaaaaaaaa b",
        "https://lidkoping.se/aaaaaaaaaaaaaaaaaaa b",
        "https://lidkoping.se/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\tb",
        "https://lidkoping.se/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        // Where regex dialects read `\S` differently: the pattern writes its class out.
        "https://a\u{85}b.se/",
        "https://a\u{feff}b.se/",
        "https://a\u{a0}b.se/",
        "ftp://x",
        "HTTPS://x",
        "0",
        "00",
        "0.5",
        "0.55",
        "0.555",
        "1.",
        ".5",
        "1800000",
        "-1",
        "US-IL",
        "SE-O",
        "HU-KMX",
        "HU-KMXY",
        "us-IL",
        "+46510770000",
        "+",
        "+123",
        "+1234",
        "++1234",
        "0510-77 00 00",
        "(0510) 770000",
        "1494",
        "01494",
        "212000-1645",
        "2120001645",
        "531 88",
        "031 88",
        "53188",
        "kecskemet",
        "green-building-a-z-2",
        "_x",
        "-x",
        "Kecskemet",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "kommun@lidkoping.se",
        "a.b@c",
        "\"a b\"@c.se",
        "\"a\\\"b\"@c.se",
        "\"\"@c",
        "a@[127.0.0.1]",
        "a@[255.255.255.255]",
        "a@[256.0.0.1]",
        "a@[01.0.0.1]",
        "a@[IPv6:::1]",
        "a@[ipv6:2001:db8::1.2.3.4]",
        "a@[IPv6:]",
        "a@b-c.d0",
        "a@-b.c",
        "a@b_c.d",
        "!#$%&'*+/=?^_`{|}~-@x",
        "a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.se",
        "a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.se",
    ];

    /// Characters the patterns care about, and some they do not.
    const ALPHABET: &[char] = &[
        '0', '1', '2', '3', '5', '9', 'a', 'z', 'A', 'Q', 'X', 'T', 'Z', 's', 'h', 't', 'p', ':',
        '/', '-', '_', '.', '+', '(', ')', ' ', '\n', '\t', 'é', '\u{a0}', '\u{2028}', '@', '"',
        '\\', '[', ']', '!', '~', '6', 'I', 'v',
    ];

    #[test]
    fn matchers_accept_exactly_what_the_regexes_accept() {
        let patterns = all();
        let regexes: Vec<regex::Regex> =
            patterns.iter().map(|(_, p)| regex::Regex::new(p.source).unwrap()).collect();
        let mut rng = Rng(0x5EED);
        let mut samples: Vec<String> = EDGE.iter().map(|s| (*s).to_owned()).collect();
        // Mutations of the edge cases, and random strings.
        for _ in 0..20_000 {
            let base = EDGE[rng.below(EDGE.len())];
            let mut chars: Vec<char> = base.chars().collect();
            for _ in 0..=rng.below(3) {
                let c = ALPHABET[rng.below(ALPHABET.len())];
                match rng.below(3) {
                    0 if !chars.is_empty() => {
                        let i = rng.below(chars.len());
                        chars[i] = c;
                    }
                    1 => chars.insert(rng.below(chars.len() + 1), c),
                    _ if !chars.is_empty() => {
                        chars.remove(rng.below(chars.len()));
                    }
                    _ => {}
                }
            }
            samples.push(chars.into_iter().collect());
            let n = rng.below(14);
            samples.push((0..n).map(|_| ALPHABET[rng.below(ALPHABET.len())]).collect());
        }
        for ((name, pattern), re) in patterns.iter().zip(&regexes) {
            let mut accepted = 0;
            for s in &samples {
                assert_eq!(pattern.is_match(s), re.is_match(s), "{name} on {s:?}");
                accepted += usize::from(re.is_match(s));
            }
            assert!(accepted > 0, "{name}: no sample matches; the test proves nothing");
        }
    }
}
