//! Synthetic demo data: fictional gemeenten, provincies and waterschappen with plausible
//! figures, to try the app, fill a store or produce benchmark files for a bundler test.
//!
//! Everything is a function of `(seed, aantal)` and the years asked for, computed with integer
//! arithmetic (amounts in cents, fte in hundredths, factors in per mille or parts per million)
//! and a small built-in PRNG (SplitMix64), so the same seed gives the same data on every
//! platform and Rust version. No floats, no hash-map iteration order.
//!
//! The figures of one organisation in one year depend only on `(seed, aantal, organisation,
//! year)`: [`demo_datasets`] for uitvraag `u` is exactly the four uitvraag blocks of
//! [`demo_history`] over any range of years that contains `u - 1` and `u`.
//!
//! Magnitudes follow published figures for 2026 (the anchor year of the price index):
//! griffie about € 10 per inwoner (more in small gemeenten), rekenkamer about € 1,30 per
//! inwoner with a fixed part that weighs on small gemeenten, fractieondersteuning built from a
//! fixed amount per fractie plus an amount per seat, enquêtes rare (about 2 % of organisations
//! per year) but costly.
//!
//! The crate depends on the domain only and does no I/O; writing demo files or filling a store
//! is `raadsbudget_usecases::demo_files`. One module per step: `rng` the seeded generator,
//! `money` the integer arithmetic and price index, `names` the fictional names, `profile` what
//! one organisation is like (drawn once), `organisations` the list of them, `year` the figures
//! of one organisation-year category by category (through `writer`), `notes` the toelichtingen
//! and `onbekend`s sprinkled over a year.

mod money;
mod names;
mod notes;
mod organisations;
mod profile;
mod rng;
mod writer;
mod year;

use organisations::{enquetes, profiles};
use raadsbudget_domain::fase::uitvraag_blocks;
use raadsbudget_domain::{Dataset, Jaar};

/// The most organisations one call generates; a larger `aantal` is reduced to this. The codes
/// GM5000–GM9999 leave room for about this many gemeenten.
pub const MAX_AANTAL: usize = 5_000;

/// One synthetic organisation each, with its data for uitvraag `uitvraag`: the four blocks
/// `(u-1, kenmerk)`, `(u-1, realisatie)`, `(u, kenmerk)`, `(u, begroting)`.
///
/// About 90 % gemeenten (codes from GM5000, spread over the eight CBS grootteklassen, at least
/// three in each when `aantal >= 100`), 3 % provincies (the real codes PV20–PV31 with fictional
/// names, at most 12) and 7 % waterschappen (codes from WS5001). Sorted by code. Deterministic
/// for `(uitvraag, aantal, seed)`. Every dataset passes
/// [`raadsbudget_domain::validation::validate_uitvraag`] without errors; warnings and signals
/// occur now and then, as in real data. When `aantal >= 100`, at least one organisation has an
/// enquête in every year.
pub fn demo_datasets(uitvraag: Jaar, aantal: usize, seed: u64) -> Vec<Dataset> {
    let blocks = uitvraag_blocks(uitvraag);
    let first = blocks[0].0;
    demo_history(first, uitvraag, aantal, seed)
        .into_iter()
        .map(|mut data| {
            data.retain(|(jaar, fase, _), _| blocks.contains(&(jaar, fase)));
            data
        })
        .collect()
}

/// The same organisations as [`demo_datasets`] (for the same `aantal` and `seed`), with kenmerk,
/// begroting and realisatie for every year `first..=last`, for filling a store to try the app.
/// Figures move plausibly from year to year (price index, population growth, formation changes,
/// elections, an occasional enquête). With `first > last` the organisations come without data.
pub fn demo_history(first: Jaar, last: Jaar, aantal: usize, seed: u64) -> Vec<Dataset> {
    let cat = writer::vocabulary();
    let profiles = profiles(aantal, seed);
    let mut out: Vec<Dataset> = profiles
        .iter()
        .map(|p| Dataset::new(p.organisation.clone()))
        .collect();
    for jaar in first..=last {
        let enquetes = enquetes(&profiles, seed, jaar);
        for ((profile, data), enquete) in profiles.iter().zip(out.iter_mut()).zip(enquetes) {
            profile.fill_year(cat, seed, jaar, enquete, data);
        }
    }
    out
}
