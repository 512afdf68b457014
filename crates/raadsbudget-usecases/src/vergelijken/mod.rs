//! Comparing with peers (Vergelijken): loading benchmark data into the store, the own
//! organisation's figures as they stand in the store, the exported table and the factsheet.
//! The comparison itself (peer table, peer groups, statistics, rank, trend) is the domain's
//! [`raadsbudget_domain::vergelijking`].

mod bronnen;
mod csv;
mod factsheet;

pub use bronnen::{read_bundle, save_chart, FactsheetRun};
