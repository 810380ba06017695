//! Building blocks shared by the pages.

pub mod errors;
pub mod fields;
pub mod layout;
pub mod markup;
pub mod parts;
pub mod text;
