//! Comparing with peers (Vergelijken): loading benchmark data into the store, the own
//! organisation's figures as they stand in the store, the exported table and the factsheet.
//! The comparison itself (peer table, peer groups, statistics, rank, trend) is the domain's
//! [`raadsbudget_domain::vergelijking`].

mod csv;
mod exports;
mod factsheet;
mod peer_lists;
mod sources;

pub use exports::{save_chart, FactsheetRun};
pub use sources::read_bundle;
