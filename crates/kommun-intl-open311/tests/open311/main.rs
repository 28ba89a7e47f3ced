//! The Open311 adapter's integration tests, one binary.

mod hostile;
mod quirks;
mod realworld;
mod response;
mod roundtrip;
