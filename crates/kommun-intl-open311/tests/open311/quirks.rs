//! Real servers' quirks.
