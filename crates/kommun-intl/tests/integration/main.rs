//! Integration tests, one binary: `mod` per area, helpers in `prelude`.

mod corpus;
mod examples;
mod explain;
mod fix;
mod hostile;
mod personal;
mod prelude;
mod properties;
mod rules;
mod schemas;
