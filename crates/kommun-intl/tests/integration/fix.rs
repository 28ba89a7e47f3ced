//! Nothing lost: `fix` changes only the values it normalises, and only into their normal form.
//!
//! For every corpus fixture that is JSON, and for generated valid documents made untidy
//! (white space around texts, lower-case country codes, national phone numbers, postal codes
//! without their space), the fixed document has the same shape as the original (the same
//! keys in the same order, the same array lengths), every value that changed is listed in a
//! fix and changed only into its normal form, and fixing again changes nothing. The CLI's
//! `fix` writes exactly `fix::apply` (`crates/kommun-intl-cli/tests/cli/fix.rs`).

use kommun_intl::codes::CountryCode;
use kommun_intl::model::{Phone, PostalAddress};
use kommun_intl::{DocumentKind, fix};
use proptest::prelude::*;
use serde_json::Value;

use crate::prelude::fixtures;
use crate::properties::{config, valid_document};

/// True when `new` is `old` in one of the normal forms that `fix` writes.
fn normalised(old: &str, new: &str) -> bool {
    new == old.trim()
        || Phone::new(old.trim().to_owned()).e164().as_deref() == Some(new)
        || PostalAddress::normalise_se_postal_code(old).as_deref() == Some(new)
        || CountryCode::suggest(old).is_some_and(|c| c.code() == new)
}

/// Compares the original and the fixed tree; returns the pointers of the values that changed.
fn changes(old: &Value, new: &Value, pointer: &str, changed: &mut Vec<String>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            let keys_a: Vec<&String> = a.keys().collect();
            let keys_b: Vec<&String> = b.keys().collect();
            assert_eq!(keys_a, keys_b, "the members of {pointer:?} changed");
            for (k, v) in a {
                let p = format!("{pointer}/{}", k.replace('~', "~0").replace('/', "~1"));
                changes(v, &b[k], &p, changed);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "the length of {pointer:?} changed");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                changes(x, y, &format!("{pointer}/{i}"), changed);
            }
        }
        (Value::String(a), Value::String(b)) if a != b => {
            assert!(normalised(a, b), "{pointer:?}: {a:?} became {b:?}, which is no normal form");
            changed.push(pointer.to_owned());
        }
        _ => assert_eq!(old, new, "{pointer:?} changed"),
    }
}

/// Fixes `text` and checks that nothing was lost; returns how many values changed.
fn check_fix(kind: DocumentKind, text: &[u8]) -> usize {
    let Ok(planned) = fix::fixes(kind, text) else { return 0 };
    let fixed = fix::apply(text, &planned);
    let body = |t: &[u8]| -> Value {
        serde_json::from_slice(t.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(t)).expect("JSON")
    };
    let mut changed = Vec::new();
    changes(&body(text), &body(&fixed), "", &mut changed);
    let mut listed: Vec<String> = planned.iter().map(|f| f.pointer.clone()).collect();
    listed.sort();
    changed.sort();
    assert_eq!(changed, listed, "the values that changed are not those the fixes list");
    assert!(fix::fixes(kind, &fixed).unwrap().is_empty(), "fixing twice changes more");
    changed.len()
}

#[test]
fn fix_keeps_every_corpus_value_it_does_not_normalise() {
    let mut fixed = 0;
    let mut checked = 0;
    for f in fixtures() {
        checked += 1;
        fixed += check_fix(f.kind, &f.bytes);
    }
    assert!(checked > 150, "only {checked} fixtures");
    // The corpus has fixtures for every kind of fix: the check above saw real changes.
    assert!(fixed >= 4, "only {fixed} values fixed in the whole corpus");
}

/// One way to make a value untidy, chosen per string.
fn untidy(s: &str, choice: u8) -> String {
    let b = s.as_bytes();
    match choice % 5 {
        1 => format!(" {s}\t"),
        2 if b.len() == 2 && b.iter().all(u8::is_ascii_uppercase) => s.to_ascii_lowercase(),
        3 if s.starts_with("+46") && s.len() > 6 => format!("0{}-{}", &s[3..5], &s[5..]),
        4 if b.len() == 6 && b[3] == b' ' => format!("{}{}", &s[..3], &s[4..]),
        _ => s.to_owned(),
    }
}

fn untidy_tree(v: &mut Value, choices: &[u8], at: &mut usize) {
    match v {
        Value::Object(o) => {
            for (k, c) in o.iter_mut() {
                if k != "$schema" {
                    untidy_tree(c, choices, at);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|c| untidy_tree(c, choices, at)),
        Value::String(s) => {
            *s = untidy(s, choices[*at % choices.len()]);
            *at += 1;
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fix_keeps_every_generated_value_it_does_not_normalise(
        (kind, bytes) in valid_document(),
        choices in prop::collection::vec(any::<u8>(), 1..64),
        compact in any::<bool>(),
    ) {
        let mut value: Value = serde_json::from_slice(&bytes).unwrap();
        untidy_tree(&mut value, &choices, &mut 0);
        let text = if compact {
            serde_json::to_vec(&value).unwrap()
        } else {
            serde_json::to_vec_pretty(&value).unwrap()
        };
        check_fix(kind, &text);
    }
}
