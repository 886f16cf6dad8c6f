//! The `jixiao/1` file format: reading (forgiving about values, strict about shape) and writing.

mod error;
#[cfg(feature = "fast")]
mod fast;
mod read;
mod value;
mod write;

pub use error::{Expected, Found, LoadError, FORMAT, MAX_FILE_BYTES, MAX_NESTING};
pub use read::{read_bytes, read_str};
pub use value::read_value;
pub use write::{to_string, to_string_pretty, to_value};
