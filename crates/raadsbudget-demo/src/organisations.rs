//! The list of organisations: how many of each kind, their codes and names, the grootteklasse
//! of each gemeente, and who holds an enquête in a year.

use crate::money::round_to;
use crate::names::{unique_name, NAAM_EIND, PROVINCIE_NAMEN, WATERSCHAP_EIND};
use crate::profile::{gemeente, provincie, waterschap, Enquete, Profile, Rekenkamer};
use crate::rng::{shuffle, stream, Rng};
use crate::MAX_AANTAL;
use raadsbudget_domain::Jaar;
use std::collections::BTreeSet;

/// Share of gemeenten per CBS grootteklasse 1–8, per mille (roughly the real distribution).
const KLASSE_GEWICHT: [i64; 8] = [15, 40, 160, 450, 220, 60, 35, 20];

/// The profiles of all organisations for `(aantal, seed)`, sorted by code.
pub(crate) fn profiles(aantal: usize, seed: u64) -> Vec<Profile> {
    let aantal = aantal.min(MAX_AANTAL);
    let n_pv = ((aantal * 3 + 50) / 100).min(12);
    let n_ws = (aantal * 7 + 50) / 100;
    let n_gm = aantal.saturating_sub(n_pv + n_ws);
    let mut setup = Rng::keyed(seed, &[stream::SETUP]);
    let mut used = BTreeSet::new();
    let mut out = Vec::with_capacity(aantal);

    // Gemeenten: a quota per grootteklasse, shuffled over the codes.
    let mut klassen: Vec<usize> = klasse_quota(n_gm)
        .iter()
        .enumerate()
        .flat_map(|(k, &n)| std::iter::repeat_n(k, n))
        .collect();
    shuffle(&mut setup, &mut klassen);
    for (i, &klasse) in klassen.iter().enumerate() {
        let number = 5000 + i as u64;
        let key = 1_000_000 + number;
        let naam = unique_name(
            &mut Rng::keyed(seed, &[stream::NAME, key]),
            &mut used,
            &NAAM_EIND,
            &number.to_string(),
        );
        out.push(gemeente(
            seed,
            key,
            &format!("GM{number}"),
            &format!("Demo {naam}"),
            klasse,
        ));
    }
    if n_gm >= 20 && !out.iter().any(|p| p.gemeenschappelijk()) {
        // Make sure the demo shows a shared rekenkamer: the smallest gemeente joins one.
        if let Some(p) = out.iter_mut().min_by_key(|p| (p.inwoners, p.key)) {
            p.rekenkamer = Rekenkamer::Gemeenschappelijk {
                deelnemers: 4,
                bijdrage: round_to(p.rekenkamer.total(), 100),
            };
        }
    }

    // Provincies: the real codes, fictional names.
    let mut codes: Vec<u64> = (20..=31).collect();
    shuffle(&mut setup, &mut codes);
    let mut codes: Vec<u64> = codes.into_iter().take(n_pv).collect();
    codes.sort_unstable();
    let mut namen: Vec<&str> = PROVINCIE_NAMEN.to_vec();
    shuffle(&mut setup, &mut namen);
    for (number, naam) in codes.into_iter().zip(namen) {
        let key = 2_000_000 + number;
        out.push(provincie(
            seed,
            key,
            &format!("PV{number}"),
            &format!("Provincie Demo {naam}"),
        ));
    }

    // Waterschappen.
    for i in 0..n_ws {
        let number = 5001 + i as u64;
        let key = 3_000_000 + number;
        let naam = unique_name(
            &mut Rng::keyed(seed, &[stream::NAME, key]),
            &mut used,
            &WATERSCHAP_EIND,
            &number.to_string(),
        );
        out.push(waterschap(
            seed,
            key,
            &format!("WS{number}"),
            &format!("Waterschap Demo {naam}"),
        ));
    }
    out
}

/// Gemeenten per grootteklasse: largest remainder on [`KLASSE_GEWICHT`], and at least three in
/// every class when there are 24 or more gemeenten (taken from the largest class).
fn klasse_quota(n: usize) -> [usize; 8] {
    let mut quota = [0usize; 8];
    let mut rest: Vec<(i64, usize)> = Vec::with_capacity(8);
    for (k, &w) in KLASSE_GEWICHT.iter().enumerate() {
        let exact = n as i64 * w;
        quota[k] = (exact / 1000) as usize;
        rest.push((exact % 1000, k));
    }
    rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let assigned: usize = quota.iter().sum();
    for &(_, k) in rest.iter().take(n - assigned) {
        quota[k] += 1;
    }
    if n >= 24 {
        for k in 0..8 {
            while quota[k] < 3 {
                let largest = (0..8).max_by_key(|&j| (quota[j], j)).unwrap_or(3);
                quota[largest] -= 1;
                quota[k] += 1;
            }
        }
    }
    quota
}

/// Which organisations have an enquête in `jaar`: about 2 % of gemeenten and provincies, and
/// when there are 100 or more organisations at least one (the one with the lowest draw).
pub(crate) fn enquetes(profiles: &[Profile], seed: u64, jaar: Jaar) -> Vec<bool> {
    let draws: Vec<Option<u64>> = profiles
        .iter()
        .map(|p| {
            matches!(p.enquete, Enquete::Actief { .. }).then(|| {
                Rng::keyed(seed, &[stream::ENQUETE, p.key, u64::from(jaar)]).below(1_000_000)
            })
        })
        .collect();
    let mut out: Vec<bool> = draws
        .iter()
        .map(|d| d.is_some_and(|d| d < 20_000))
        .collect();
    if profiles.len() >= 100 && !out.contains(&true) {
        let lowest = draws
            .iter()
            .enumerate()
            .filter_map(|(i, d)| d.map(|d| (d, i)))
            .min();
        if let Some((_, i)) = lowest {
            out[i] = true;
        }
    }
    out
}
