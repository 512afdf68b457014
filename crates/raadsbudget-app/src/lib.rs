//! The app layer: what the desktop app's screens show, without Tauri.
//!
//! - [`views`]: the view models, plain serialisable structs with TypeScript twins in
//!   `ui/src/bindings/` (ts-rs); the IPC payloads of src-tauri's commands.
//! - [`screens`], [`register`], [`vergelijken`], …: one function per IPC command (`docs/ipc.md`), taking the
//!   [`Session`] of the use-case layer and returning a view; every Dutch display text of the
//!   screens is made here.
//! - [`screens::error_view`]: the `{kind, message, meldingen}` error every command returns.
//!
//! src-tauri depends on this crate only; the CLI never does (it calls the use cases).

mod codes;
pub mod definities;
pub mod invulbestand;
pub mod register;
pub mod screens;
pub mod vergelijken;
pub mod views;

pub use raadsbudget_usecases::session::{default_db_path, APP_IDENTIFIER, DB_FILE};
pub use raadsbudget_usecases::vergelijken::save_chart;
pub use raadsbudget_usecases::{Error, Result, Session};
