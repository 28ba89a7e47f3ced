//! x
pub mod book;
pub mod labels;
pub mod layout;
