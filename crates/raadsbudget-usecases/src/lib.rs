//! The use-case layer: every action a user can take, called by the CLI and by the desktop app
//! alike, so both behave the same. Tested without Tauri.
//!
//! Each use case takes plain inputs (codes, years, texts as typed), checks them with the domain
//! crate, reads or writes through the store and the file formats, and returns plain results or an
//! [`Error`] whose [`Error::kind`] the UI can branch on.

pub mod backup;
pub mod bundel;
pub mod definities;
pub mod demo_files;
mod error;
pub mod export;
pub mod files;
pub mod history;
pub mod import;
pub mod invulbestand;
pub mod organisations;
pub mod registers;
pub mod session;
pub mod text;
pub mod uitvraag;
pub mod values;
pub mod vergelijken;

pub use error::{Error, Result};
pub use session::Session;
