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

use raadsbudget_domain::catalogue::posts;
use raadsbudget_domain::fase::{uitvraag_blocks, JAAR_MAX, JAAR_MIN};
use raadsbudget_domain::seats::raadszetels;
use raadsbudget_domain::{
    Catalogue, Dataset, Entry, Fase, Jaar, OrgType, Organisation, Reason, Record, Value,
};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

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
            data.records
                .retain(|(jaar, fase, _), _| blocks.contains(&(*jaar, *fase)));
            data
        })
        .collect()
}

/// The same organisations as [`demo_datasets`] (for the same `aantal` and `seed`), with kenmerk,
/// begroting and realisatie for every year `first..=last`, for filling a store to try the app.
/// Figures move plausibly from year to year (price index, population growth, formation changes,
/// elections, an occasional enquête). With `first > last` the organisations come without data.
pub fn demo_history(first: Jaar, last: Jaar, aantal: usize, seed: u64) -> Vec<Dataset> {
    let cat = Catalogue::current();
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

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 finaliser.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// SplitMix64: small, fast and the same everywhere.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    /// A generator for one purpose (`keys`: stream, organisation, year, …) under `seed`, so
    /// that draws for one organisation-year never depend on how many draws others made.
    fn keyed(seed: u64, keys: &[u64]) -> Rng {
        let mut state = mix(seed ^ 0x5241_4144_5342_5544);
        for &k in keys {
            state = mix(state ^ mix(k.wrapping_add(GOLDEN)));
        }
        Rng(state)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        mix(self.0)
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-shift.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n.max(1))) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below(hi.abs_diff(lo) + 1) as i64
    }

    /// A bell-shaped draw in `lo..=hi`: the mean of three uniform draws.
    fn bell(&mut self, lo: i64, hi: i64) -> i64 {
        let sum = self.range(lo, hi) + self.range(lo, hi) + self.range(lo, hi);
        (sum + 1).div_euclid(3)
    }

    /// Uniform in `0..=1_000_000`, skewed to the low end by taking the least of `n` draws.
    fn low_ppm(&mut self, n: usize) -> i64 {
        (0..n.max(1)).map(|_| self.range(0, PPM)).min().unwrap_or(0)
    }

    /// True with probability `per_mille / 1000`.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Streams of randomness, one per purpose.
mod stream {
    pub const SETUP: u64 = 1;
    pub const NAME: u64 = 2;
    pub const ORG: u64 = 3;
    pub const YEAR: u64 = 4;
    pub const PERIOD: u64 = 5;
    pub const ENQUETE: u64 = 6;
    pub const NOTE: u64 = 7;
    pub const FTE: u64 = 8;
}

// ---------------------------------------------------------------------------------------------
// Integer arithmetic for money
// ---------------------------------------------------------------------------------------------

/// Parts per million.
const PPM: i64 = 1_000_000;
/// The year whose price level the base amounts are in.
const ANCHOR: i64 = 2026;

/// `x * num / den`, rounded half away from zero; `den > 0`.
fn mul_div(x: i64, num: i64, den: i64) -> i64 {
    let p = i128::from(x) * i128::from(num);
    let d = i128::from(den.max(1));
    let q = if p >= 0 {
        (p + d / 2) / d
    } else {
        (p - d / 2) / d
    };
    i64::try_from(q).unwrap_or(i64::MAX)
}

/// `x` times a factor in parts per million.
fn ppm(x: i64, factor: i64) -> i64 {
    mul_div(x, factor, PPM)
}

/// `x` times a factor in per mille.
fn pm(x: i64, factor: i64) -> i64 {
    mul_div(x, factor, 1000)
}

/// `x` rounded to a multiple of `step` (half away from zero).
fn round_to(x: i64, step: i64) -> i64 {
    mul_div(x, 1, step) * step
}

/// A random number of cents (0–99), for realisatie amounts that are not round.
fn cents(rng: &mut Rng) -> i64 {
    rng.range(0, 99)
}

/// Linear interpolation in a table of `(x, y)` points sorted by `x`; flat outside.
fn curve(points: &[(i64, i64)], x: i64) -> i64 {
    let (Some(&(x0, y0)), Some(&(xn, yn))) = (points.first(), points.last()) else {
        return 0;
    };
    if x <= x0 {
        return y0;
    }
    if x >= xn {
        return yn;
    }
    for w in points.windows(2) {
        let ((xa, ya), (xb, yb)) = (w[0], w[1]);
        if x <= xb {
            return ya + mul_div(yb - ya, x - xa, xb - xa);
        }
    }
    yn
}

/// Pay rise of the year over the year before, in ppm (roughly the cao gemeenten).
fn loonstijging_ppm(jaar: i64) -> i64 {
    match jaar {
        ..=2020 => 20_000,
        2021 => 15_000,
        2022 => 30_000,
        2023 => 60_000,
        2024 => 55_000,
        2025 => 35_000,
        2026 => 30_000,
        _ => 25_000,
    }
}

/// The price level of `jaar` relative to [`ANCHOR`], in ppm.
fn prijsindex_ppm(jaar: i64) -> i64 {
    let mut idx = PPM;
    if jaar > ANCHOR {
        for t in ANCHOR + 1..=jaar {
            idx = mul_div(idx, PPM + loonstijging_ppm(t), PPM);
        }
    } else {
        for t in (jaar + 1..=ANCHOR).rev() {
            idx = mul_div(idx, PPM, PPM + loonstijging_ppm(t));
        }
    }
    idx
}

fn euro(cents: i64) -> Entry {
    Entry::Value(Value::Decimal(Decimal::new(cents.max(0), 2)))
}

fn fte(hundredths: i64) -> Entry {
    Entry::Value(Value::Decimal(Decimal::new(hundredths.max(0), 2)))
}

fn count(n: i64) -> Entry {
    Entry::Value(Value::Count(n.unsigned_abs()))
}

fn code(c: &str) -> Entry {
    Entry::Value(Value::Code(c.to_string()))
}

const NVT: Entry = Entry::Reason(Reason::Nvt);
const ONBEKEND: Entry = Entry::Reason(Reason::Onbekend);

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

/// Share of gemeenten per CBS grootteklasse 1–8, per mille (roughly the real distribution).
const KLASSE_GEWICHT: [i64; 8] = [15, 40, 160, 450, 220, 60, 35, 20];
/// Inhabitants range of each grootteklasse used for sampling (upper bound exclusive).
const KLASSE_BEREIK: [(i64, i64); 8] = [
    (1_000, 5_000),
    (5_000, 10_000),
    (10_000, 20_000),
    (20_000, 50_000),
    (50_000, 100_000),
    (100_000, 150_000),
    (150_000, 250_000),
    (250_000, 950_000),
];

/// Griffie kernbudget per inwoner (cents, 2026) by inhabitants.
const GRF_PER_INWONER: [(i64, i64); 10] = [
    (1_000, 1_310),
    (5_000, 1_260),
    (10_000, 1_240),
    (20_000, 1_150),
    (30_000, 1_060),
    (50_000, 960),
    (100_000, 870),
    (150_000, 840),
    (250_000, 840),
    (1_000_000, 880),
];

/// Financial contributions to fracties per inwoner (cents, 2026) by inhabitants.
const FRO_PER_INWONER: [(i64, i64); 6] = [
    (1_000, 250),
    (10_000, 170),
    (30_000, 130),
    (100_000, 100),
    (300_000, 85),
    (1_000_000, 75),
];

const NAAM_BEGIN: [&str; 48] = [
    "Alder", "Berkel", "Bruin", "Dalf", "Eem", "Elster", "Gelder", "Haver", "Hoog", "Kamer",
    "Leeu", "Linde", "Maar", "Mols", "Nieuwer", "Ooster", "Raven", "Rijs", "Sloe", "Ter", "Veen",
    "Vlier", "Wester", "Zand", "Zuider", "Aken", "Bever", "Dussel", "Elder", "Heer", "Hengel",
    "Holt", "Kolle", "Lutte", "Mark", "Noord", "Olden", "Puth", "Ros", "Scheem", "Stave", "Til",
    "Vorden", "Wijde", "Wolde", "Ommer", "Brak", "Lier",
];
const NAAM_EIND: [&str; 30] = [
    "vaart", "dam", "dijk", "hoven", "wijk", "veen", "broek", "horst", "rade", "sloot", "berg",
    "lo", "land", "mond", "heim", "drecht", "woude", "stein", "zijl", "meer", "haven", "kerk",
    "hout", "zande", "beek", "donk", "rode", "gaast", "werd", "ward",
];
const NAAM_VOOR: [&str; 3] = ["Nieuw-", "Oud-", "Sint-"];
const NAAM_NA: [&str; 6] = [
    " aan Zee",
    " aan de Maas",
    " aan de IJssel",
    " aan den Rijn",
    " aan de Vecht",
    " aan de Linge",
];
const WATERSCHAP_EIND: [&str; 10] = [
    "stromen",
    "delta",
    "waarden",
    "polders",
    "vliet",
    "landen",
    "boezem",
    "stroom",
    "dijken",
    "weteringen",
];
const PROVINCIE_NAMEN: [&str; 12] = [
    "Aldermark",
    "Noorderkwartier",
    "Oosterveld",
    "Westergouw",
    "Zuiderheide",
    "Middenland",
    "Hoogeveenland",
    "Kustland",
    "Heuvelland",
    "Beekdal",
    "Eemgouw",
    "Zandmeren",
];

/// A name from syllables, unique within `used`.
fn unique_name(
    rng: &mut Rng,
    used: &mut BTreeSet<String>,
    eind: &[&str],
    fallback: &str,
) -> String {
    for attempt in 0..200 {
        let mut name = format!("{}{}", rng.pick(&NAAM_BEGIN), rng.pick(eind));
        let qualify = attempt >= 20 || rng.chance(120);
        if qualify {
            if rng.chance(350) {
                name = format!("{}{name}", rng.pick(&NAAM_VOOR));
            } else {
                let na: &&str = rng.pick(&NAAM_NA);
                name.push_str(na);
            }
        }
        if used.insert(name.clone()) {
            return name;
        }
    }
    let name = format!("{}{} {fallback}", rng.pick(&NAAM_BEGIN), rng.pick(eind));
    used.insert(name.clone());
    name
}

#[derive(Debug, Clone)]
struct Griffie {
    /// Formation at the anchor year, hundredths of an fte.
    fte: i64,
    /// Size of a formation change, hundredths of an fte.
    fte_stap: i64,
    /// Loonkosten per fte at the anchor year, cents.
    salaris: i64,
    inhuur: i64,
    materieel: i64,
    /// Overhead as per mille of personnel cost; 0: not filled.
    overhead_pm: i64,
}

#[derive(Debug, Clone)]
enum Rekenkamer {
    Eigen {
        leden: i64,
        /// Hundredths of an fte.
        fte: i64,
        salaris: i64,
        onderzoek: i64,
        materieel: i64,
        overhead_pm: i64,
    },
    Gemeenschappelijk {
        deelnemers: i64,
        bijdrage: i64,
    },
}

impl Rekenkamer {
    fn total(&self) -> i64 {
        match self {
            Rekenkamer::Eigen {
                leden,
                fte,
                salaris,
                onderzoek,
                materieel,
                ..
            } => leden + mul_div(*fte, *salaris, 100) + onderzoek + materieel,
            Rekenkamer::Gemeenschappelijk { bijdrage, .. } => *bijdrage,
        }
    }
}

#[derive(Debug, Clone)]
struct Fractie {
    norm_fractie: i64,
    norm_zetel: i64,
    /// Per fractie; 0: none.
    assistentie: i64,
    /// Per fractie; 0: none.
    overig: i64,
}

#[derive(Debug, Clone)]
enum Enquete {
    /// The whole category is `nvt` (waterschap).
    Nvt,
    /// Filled with zeros (waterschap).
    Nul,
    /// A gemeente or provincie: a standing reservation (0: none) and the cost of an enquête
    /// at the anchor year.
    Actief { reservering: i64, kosten: i64 },
}

#[derive(Debug, Clone)]
struct Profile {
    organisation: Organisation,
    kind: OrgType,
    /// Stable key of the organisation for the random streams.
    key: u64,
    /// Inhabitants at the anchor year.
    inwoners: i64,
    /// Population growth per year, ppm.
    groei_ppm: i64,
    /// Fracties in the base period (`None`: not filled).
    fracties: Option<i64>,
    /// Fixed seats (waterschap); gemeenten and provincies follow the law's table.
    zetels: Option<i64>,
    /// Totale lasten per inwoner at the anchor year, cents (`None`: not filled).
    lasten_per_inwoner: Option<i64>,
    /// Writes `nvt` rather than `0` for things the organisation does not have.
    nvt_stijl: bool,
    griffie: Option<Griffie>,
    rekenkamer: Rekenkamer,
    fractie: Option<Fractie>,
    enquete: Enquete,
}

/// The profiles of all organisations for `(aantal, seed)`, sorted by code.
fn profiles(aantal: usize, seed: u64) -> Vec<Profile> {
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

fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        items.swap(i, j);
    }
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

fn organisation(code: &str, naam: &str) -> Organisation {
    // Codes and names are built to the patterns above, so this cannot fail.
    Organisation::new(code, naam).expect("generated organisation codes are valid")
}

fn gemeente(seed: u64, key: u64, code: &str, naam: &str, klasse: usize) -> Profile {
    let mut rng = Rng::keyed(seed, &[stream::ORG, key]);
    let (lo, hi) = KLASSE_BEREIK[klasse];
    // Keep 3 % away from the class bounds, so a few years of growth keep the class.
    let (lo, hi) = (pm(lo, 1030), pm(hi, 970));
    let skew = match klasse {
        0 => 1,
        7 => 3,
        _ => 2,
    };
    let inwoners = lo + ppm(hi - lo, rng.low_ppm(skew));
    let groei_ppm = rng.bell(-3_000, 10_000);
    let zetels = raadszetels(inwoners.unsigned_abs()) as i64;
    let fracties = match klasse {
        0 => rng.range(5, 6),
        1 => rng.range(6, 7),
        2 => rng.range(6, 8),
        3 => rng.range(7, 10),
        4 => rng.range(9, 11),
        5 => rng.range(10, 12),
        6 => rng.range(11, 13),
        _ => rng.range(12, 14),
    };
    let lasten_per_inwoner = rng.chance(850).then(|| rng.bell(250_000, 400_000));
    let nvt_stijl = rng.chance(250);
    let overhead = rng.chance(600);

    // Griffie: a kernbudget per inwoner, mostly personnel.
    let kern = ppm(
        curve(&GRF_PER_INWONER, inwoners) * inwoners,
        rng.bell(780_000, 1_250_000),
    );
    let salaris = rng.range(85_000, 100_000) * 100;
    let fte_h = mul_div(pm(kern, rng.range(700, 840)), 100, salaris).max(20);
    let personeel = mul_div(fte_h, salaris, 100);
    let inhuur = if rng.chance(600) {
        round_to(pm(kern, rng.range(20, 100)), 100)
    } else {
        0
    };
    let materieel = (kern - personeel - inhuur).max(pm(kern, 60));
    let griffie = Griffie {
        fte: fte_h,
        fte_stap: (fte_h / 20).max(2),
        salaris,
        inhuur,
        materieel,
        overhead_pm: if overhead { rng.range(150, 400) } else { 0 },
    };

    // Rekenkamer: a fixed part plus an amount per inwoner; shared more often when small.
    let total = rng.range(5_000, 10_000) * 100 + inwoners * rng.bell(65, 195);
    let gr_kans = match klasse {
        0..=2 => 300,
        3 => 170,
        4 => 60,
        _ => 0,
    };
    let rekenkamer = if rng.chance(gr_kans) {
        Rekenkamer::Gemeenschappelijk {
            deelnemers: rng.range(2, 8),
            bijdrage: round_to(total, 100),
        }
    } else {
        eigen_rekenkamer(&mut rng, total, overhead, 3_000_000, (350, 550), (100, 250))
    };

    // Fractieondersteuning: a fixed amount per fractie plus an amount per seat.
    let bijdragen = ppm(
        curve(&FRO_PER_INWONER, inwoners) * inwoners,
        rng.bell(700_000, 1_300_000),
    );
    let share = rng.range(300, 550);
    let assistentie_kans = match inwoners {
        ..50_000 => 150,
        50_000..150_000 => 500,
        _ => 850,
    };
    let fractie = Fractie {
        norm_fractie: round_to(pm(bijdragen, share) / fracties, 1000).max(10_000),
        norm_zetel: round_to(pm(bijdragen, 1000 - share) / zetels, 1000).max(5_000),
        assistentie: if rng.chance(assistentie_kans) {
            round_to((rng.range(1_500, 4_000) + inwoners / 100) * 100, 10_000)
        } else {
            0
        },
        overig: if rng.chance(450) {
            rng.range(15, 60) * 1_000
        } else {
            0
        },
    };

    let enquete = Enquete::Actief {
        reservering: if rng.chance(350) {
            round_to((inwoners * rng.range(25, 100)).max(500_000), 100_000)
        } else {
            0
        },
        kosten: (10_000_000 + inwoners * rng.range(100, 350)).min(200_000_000),
    };

    Profile {
        organisation: organisation(code, naam),
        kind: OrgType::Gemeente,
        key,
        inwoners,
        groei_ppm,
        fracties: Some(fracties),
        zetels: None,
        lasten_per_inwoner,
        nvt_stijl,
        griffie: Some(griffie),
        rekenkamer,
        fractie: Some(fractie),
        enquete,
    }
}

/// An own rekenkamer with kernbudget `total` (cents): members' allowances, support staff
/// (none below `staff_from` cents), research bought from third parties and materieel.
fn eigen_rekenkamer(
    rng: &mut Rng,
    total: i64,
    overhead: bool,
    staff_from: i64,
    small_leden_pm: (i64, i64),
    leden_pm: (i64, i64),
) -> Rekenkamer {
    let materieel = round_to(pm(total, rng.range(30, 80)), 100);
    let salaris = rng.range(80_000, 95_000) * 100;
    let (leden, fte_h) = if total < staff_from {
        (pm(total, rng.range(small_leden_pm.0, small_leden_pm.1)), 0)
    } else {
        let leden = pm(total, rng.range(leden_pm.0, leden_pm.1));
        let personeel = pm(total, rng.range(350, 550));
        (leden, mul_div(personeel, 100, salaris).max(10))
    };
    let leden = round_to(leden, 100);
    let personeel = mul_div(fte_h, salaris, 100);
    let onderzoek = round_to(
        (total - leden - personeel - materieel).max(pm(total, 50)),
        100,
    );
    Rekenkamer::Eigen {
        leden,
        fte: fte_h,
        salaris,
        onderzoek,
        materieel,
        overhead_pm: if overhead { rng.range(50, 150) } else { 0 },
    }
}

fn provincie(seed: u64, key: u64, code: &str, naam: &str) -> Profile {
    let mut rng = Rng::keyed(seed, &[stream::ORG, key]);
    let inwoners = 380_000 + ppm(3_420_000, rng.low_ppm(2));
    let overhead = rng.chance(600);
    let fte_h = pm(
        1_500 + mul_div(2_500, inwoners - 380_000, 3_420_000),
        rng.bell(850, 1_150),
    )
    .clamp(1_500, 4_000);
    let salaris = rng.range(90_000, 105_000) * 100;
    let personeel = mul_div(fte_h, salaris, 100);
    let griffie = Griffie {
        fte: fte_h,
        fte_stap: 50,
        salaris,
        inhuur: if rng.chance(700) {
            round_to(pm(personeel, rng.range(20, 100)), 100)
        } else {
            0
        },
        materieel: round_to(pm(personeel, rng.range(250, 450)), 100),
        overhead_pm: if overhead { rng.range(150, 350) } else { 0 },
    };
    let total = rng.range(300_000, 700_000) * 100 + inwoners * rng.bell(5, 15);
    let rekenkamer = if rng.chance(650) {
        Rekenkamer::Gemeenschappelijk {
            deelnemers: rng.range(2, 4),
            bijdrage: round_to(total, 100),
        }
    } else {
        eigen_rekenkamer(&mut rng, total, overhead, 0, (80, 150), (80, 150))
    };
    let fracties = rng.range(11, 16);
    let fractie = Fractie {
        norm_fractie: rng.range(150, 350) * 10_000,
        norm_zetel: rng.range(50, 150) * 10_000,
        assistentie: if rng.chance(800) {
            rng.range(100, 400) * 10_000
        } else {
            0
        },
        overig: if rng.chance(500) {
            rng.range(10, 40) * 10_000
        } else {
            0
        },
    };
    let enquete = Enquete::Actief {
        reservering: if rng.chance(500) {
            rng.range(10, 50) * 1_000_000
        } else {
            0
        },
        kosten: rng.range(500, 2_000) * 100_000,
    };
    Profile {
        organisation: organisation(code, naam),
        kind: OrgType::Provincie,
        key,
        inwoners,
        groei_ppm: rng.bell(0, 8_000),
        fracties: Some(fracties),
        zetels: None,
        lasten_per_inwoner: rng.chance(850).then(|| rng.bell(25_000, 60_000)),
        nvt_stijl: rng.chance(250),
        griffie: Some(griffie),
        rekenkamer,
        fractie: Some(fractie),
        enquete,
    }
}

fn waterschap(seed: u64, key: u64, code: &str, naam: &str) -> Profile {
    let mut rng = Rng::keyed(seed, &[stream::ORG, key]);
    let inwoners = 150_000 + ppm(1_350_000, rng.low_ppm(2));
    let zetels = (18 + mul_div(12, inwoners - 150_000, 1_350_000) + rng.range(-1, 1)).clamp(18, 30);
    let overhead = rng.chance(600);
    let ondersteuning = rng.chance(500);
    let total = rng.range(50_000, 150_000) * 100 + inwoners * rng.bell(5, 15);
    let rekenkamer = if rng.chance(400) {
        Rekenkamer::Gemeenschappelijk {
            deelnemers: rng.range(2, 6),
            bijdrage: round_to(total, 100),
        }
    } else {
        let staff_from = if rng.chance(600) { 0 } else { i64::MAX };
        eigen_rekenkamer(
            &mut rng,
            total,
            overhead,
            staff_from,
            (300, 450),
            (250, 400),
        )
    };
    let (fracties, griffie, fractie, enquete) = if ondersteuning {
        let fte_h = rng.range(150, 500);
        let salaris = rng.range(85_000, 100_000) * 100;
        let personeel = mul_div(fte_h, salaris, 100);
        let griffie = Griffie {
            fte: fte_h,
            fte_stap: 10,
            salaris,
            inhuur: if rng.chance(300) {
                round_to(pm(personeel, rng.range(20, 80)), 100)
            } else {
                0
            },
            materieel: round_to(pm(personeel, rng.range(200, 400)), 100),
            overhead_pm: if overhead { rng.range(150, 350) } else { 0 },
        };
        let fractie = Fractie {
            norm_fractie: rng.range(10, 30) * 10_000,
            norm_zetel: rng.range(5, 15) * 10_000,
            assistentie: if rng.chance(200) {
                rng.range(20, 50) * 10_000
            } else {
                0
            },
            overig: if rng.chance(300) {
                rng.range(2, 8) * 10_000
            } else {
                0
            },
        };
        let enquete = if rng.chance(500) {
            Enquete::Nul
        } else {
            Enquete::Nvt
        };
        (
            Some(rng.range(6, 10).min(zetels)),
            Some(griffie),
            Some(fractie),
            enquete,
        )
    } else {
        (None, None, None, Enquete::Nvt)
    };
    Profile {
        organisation: organisation(code, naam),
        kind: OrgType::Waterschap,
        key,
        inwoners,
        groei_ppm: rng.bell(0, 8_000),
        fracties,
        zetels: Some(zetels),
        lasten_per_inwoner: rng.chance(850).then(|| rng.bell(15_000, 35_000)),
        nvt_stijl: rng.chance(250),
        griffie,
        rekenkamer,
        fractie,
        enquete,
    }
}

/// Which organisations have an enquête in `jaar`: about 2 % of gemeenten and provincies, and
/// when there are 100 or more organisations at least one (the one with the lowest draw).
fn enquetes(profiles: &[Profile], seed: u64, jaar: Jaar) -> Vec<bool> {
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

// ---------------------------------------------------------------------------------------------
// Figures per year
// ---------------------------------------------------------------------------------------------

const B: Fase = Fase::Begroting;
const R: Fase = Fase::Realisatie;
const K: Fase = Fase::Kenmerk;

/// Short Dutch explanations, by post; the last group is used for any other post.
const TOELICHTINGEN: [(&str, &[&str]); 12] = [
    (
        "GRF.MATERIEEL",
        &[
            "Inclusief opleidingsbudget voor raad en griffie",
            "Inclusief vervanging van de vergaderapp",
            "Inclusief livestream en ondertiteling van raadsvergaderingen",
        ],
    ),
    (
        "GRF.PERSONEEL",
        &[
            "Formatie volgens het organisatiebesluit griffie",
            "Inclusief cao-verhoging",
        ],
    ),
    (
        "GRF.FTE",
        &["Inclusief tijdelijke uitbreiding raadsadviseur"],
    ),
    (
        "GRF.INHUUR",
        &["Inhuur notulist en ondersteuning commissies"],
    ),
    (
        "RKK.ONDERZOEK",
        &[
            "Twee onderzoeken gepland",
            "Onderzoek naar de uitvoering van de Wmo",
        ],
    ),
    (
        "RKK.LEDEN",
        &["Drie leden, vergoeding volgens de verordening"],
    ),
    (
        "FRO.BIJDRAGEN",
        &[
            "Volgens de verordening fractieondersteuning",
            "Na terugbetaling van niet-bestede bedragen",
        ],
    ),
    (
        "ENQ.RESERVERING",
        &["Jaarlijkse storting in de reserve enquêtes"],
    ),
    (posts::INWONERS, &["CBS, voorlopig cijfer"]),
    (
        posts::TOTALE_LASTEN,
        &["Primitieve begroting, exclusief mutaties in reserves"],
    ),
    (
        posts::FRACTIES,
        &["Eén fractie is na een afsplitsing bijgekomen"],
    ),
    (
        "",
        &[
            "Zie de toelichting bij het programma Bestuur",
            "Cijfer nagevraagd bij de afdeling financiën",
            "Bedrag volgens de financiële administratie",
        ],
    ),
];

/// Explanations that exercise CSV quoting and spreadsheet safety.
const LASTIGE_TOELICHTINGEN: [&str; 7] = [
    "Inclusief opleiding, werkbezoeken en representatie",
    "Bedrag volgens de \"Verordening fractieondersteuning\"",
    "=begroting vorig jaar plus indexatie",
    "-5% taakstelling verwerkt",
    "+ loonindexatie volgens cao",
    "@griffie: cijfer nog controleren",
    "Raming volgens de \"Kadernota\", p. 12",
];

const ENQUETE_ONDERWERPEN: [&str; 6] = [
    "de bouw van het zwembad",
    "de jeugdzorg",
    "de aanbesteding van het afvalcontract",
    "de grondexploitatie van het bedrijventerrein",
    "de renovatie van het gemeentehuis",
    "het sociaal domein",
];
const STATENENQUETE_ONDERWERPEN: [&str; 4] = [
    "de aanleg van de provinciale weg",
    "het openbaar vervoer",
    "de subsidieverlening",
    "de stikstofaanpak",
];

/// Writes the records of one organisation-year.
struct Writer<'a> {
    data: &'a mut Dataset,
    jaar: Jaar,
    versie: &'a str,
}

impl Writer<'_> {
    fn put(&mut self, fase: Fase, post: &str, entry: Entry, toelichting: &str) {
        self.data.set(
            self.jaar,
            fase,
            post,
            Record {
                entry,
                toelichting: toelichting.to_string(),
                definities: self.versie.to_string(),
            },
        );
    }

    /// Every post of a category in both fases as `nvt`.
    fn nvt_category(&mut self, cat: &Catalogue, category: &str, toelichting: &str) {
        for post in cat.posts_of(category) {
            for fase in [B, R] {
                if post.has_fase(fase) {
                    self.put(fase, &post.code, NVT, toelichting);
                }
            }
        }
    }

    /// A zero or `nvt`, in the organisation's style.
    fn none(&mut self, fase: Fase, post: &str, nvt: bool, toelichting: &str) {
        if nvt {
            self.put(fase, post, NVT, toelichting);
        } else {
            self.put(fase, post, euro(0), "");
        }
    }
}

impl Profile {
    fn gemeenschappelijk(&self) -> bool {
        matches!(self.rekenkamer, Rekenkamer::Gemeenschappelijk { .. })
    }

    fn inwoners_in(&self, jaar: i64) -> i64 {
        (self.inwoners + ppm(self.inwoners, self.groei_ppm * (jaar - ANCHOR))).max(500)
    }

    /// The griffie formation in `jaar`: the base formation plus the changes of the years
    /// between the anchor year and `jaar` (each year has its own draw).
    fn griffie_fte(&self, seed: u64, g: &Griffie, jaar: i64) -> i64 {
        let step = |y: i64| {
            let mut rng = Rng::keyed(seed, &[stream::FTE, self.key, y.unsigned_abs()]);
            if rng.chance(150) {
                g.fte_stap * *rng.pick(&[-1, 1, 1, 2, 2, 3])
            } else {
                0
            }
        };
        let mut h = g.fte;
        if jaar > ANCHOR {
            h += (ANCHOR + 1..=jaar).map(step).sum::<i64>();
        } else {
            h -= (jaar + 1..=ANCHOR).map(step).sum::<i64>();
        }
        h.max(g.fte / 2).max(20)
    }

    /// Fracties in `jaar`: they change only after elections (March 2022, 2026, … for
    /// gemeenten; 2023, 2027, … for provincies and waterschappen), by at most one.
    fn fracties_in(&self, seed: u64, jaar: i64, zetels: i64) -> Option<i64> {
        let base = self.fracties?;
        let offset = if self.kind == OrgType::Gemeente { 3 } else { 4 };
        let period = (jaar - offset).div_euclid(4);
        let mut rng = Rng::keyed(seed, &[stream::PERIOD, self.key, period.unsigned_abs()]);
        let delta = *rng.pick(&[-1, 0, 0, 1]);
        let (lo, hi) = if self.kind == OrgType::Gemeente {
            (5, 14)
        } else {
            (5, 17)
        };
        Some((base + delta).clamp(lo, hi).min(zetels))
    }

    /// Kenmerk, begroting and realisatie of one year.
    fn fill_year(&self, cat: &Catalogue, seed: u64, jaar: Jaar, enquete: bool, data: &mut Dataset) {
        // Years outside the range the app accepts are computed as the nearest year inside it,
        // so that nonsense years cannot overflow the price index.
        let y = i64::from(jaar).clamp(i64::from(JAAR_MIN), i64::from(JAAR_MAX));
        let mut rng = Rng::keyed(seed, &[stream::YEAR, self.key, u64::from(jaar)]);
        let mut w = Writer {
            data,
            jaar,
            versie: &cat.versie,
        };
        let index = prijsindex_ppm(y);
        let inwoners = self.inwoners_in(y);
        // Price level times population change: for budgets that grow with the organisation.
        let volume = mul_div(index, inwoners, self.inwoners);
        let nvt = self.nvt_stijl;

        // Kenmerken.
        let (zetels, zetel_note) = match self.kind {
            OrgType::Gemeente => {
                let wet = raadszetels(inwoners.unsigned_abs()) as i64;
                if rng.chance(30) {
                    let afwijkend = if wet <= 9 { wet + 2 } else { wet - 2 };
                    let note = if rng.chance(500) {
                        "Zetelaantal vastgesteld bij de laatste verkiezingen"
                    } else {
                        ""
                    };
                    (afwijkend, note)
                } else {
                    (wet, "")
                }
            }
            OrgType::Provincie => (
                i64::try_from(raadsbudget_domain::seats::statenzetels(
                    u64::try_from(inwoners).unwrap_or(0),
                ))
                .unwrap_or(55),
                "",
            ),
            OrgType::Waterschap => (self.zetels.unwrap_or(18), ""),
        };
        let fracties = self.fracties_in(seed, y, zetels);
        w.put(K, posts::INWONERS, count(inwoners), "");
        w.put(K, posts::ZETELS, count(zetels), zetel_note);
        if let Some(f) = fracties {
            w.put(K, posts::FRACTIES, count(f), "");
        }
        if let Some(per) = self.lasten_per_inwoner {
            let lasten = ppm(per * inwoners, mul_div(index, rng.range(970, 1_030), 1000));
            w.put(K, posts::TOTALE_LASTEN, euro(round_to(lasten, 100_000)), "");
        }
        match &self.rekenkamer {
            Rekenkamer::Eigen { .. } => w.put(K, posts::REKENKAMERVORM, code("eigen"), ""),
            Rekenkamer::Gemeenschappelijk { deelnemers, .. } => {
                w.put(
                    K,
                    posts::REKENKAMERVORM,
                    code(posts::VORM_GEMEENSCHAPPELIJK),
                    "",
                );
                w.put(K, posts::GR_DEELNEMERS, count(*deelnemers), "");
            }
        }

        // Griffie.
        match &self.griffie {
            None => {
                let note = if rng.chance(300) {
                    "Het algemeen bestuur wordt ondersteund door de secretaris-directeur"
                } else {
                    ""
                };
                w.nvt_category(cat, "GRF", note);
            }
            Some(g) => {
                let fte_b = self.griffie_fte(seed, g, y);
                let personeel_b = round_to(mul_div(fte_b, ppm(g.salaris, index), 100), 100);
                let inhuur_b = round_to(ppm(g.inhuur, volume), 100);
                let materieel_b =
                    round_to(ppm(pm(g.materieel, rng.range(960, 1_040)), volume), 100);
                w.put(B, "GRF.PERSONEEL", euro(personeel_b), "");
                w.put(B, "GRF.INHUUR", euro(inhuur_b), "");
                w.put(B, "GRF.MATERIEEL", euro(materieel_b), "");
                w.put(B, "GRF.FTE", fte(fte_b), "");
                let overhead_b = round_to(pm(personeel_b, g.overhead_pm), 100);
                if g.overhead_pm > 0 {
                    w.put(B, "GRF.OVERHEAD", euro(overhead_b), "");
                }

                let fte_r = pm(fte_b, rng.range(850, 1_020)).max(1);
                w.put(R, "GRF.FTE", fte(fte_r), "");
                let personeel_r = pm(personeel_b, rng.range(880, 1_040)) + cents(&mut rng);
                w.put(R, "GRF.PERSONEEL", euro(personeel_r), "");
                if inhuur_b > 0 {
                    let inhuur_r = pm(inhuur_b, rng.range(800, 1_200)) + cents(&mut rng);
                    w.put(R, "GRF.INHUUR", euro(inhuur_r), "");
                } else if rng.chance(40) {
                    // A vacancy filled by an interim: realisatie without begroting (W002).
                    let interim = pm(personeel_b, rng.range(50, 150)) + cents(&mut rng);
                    w.put(R, "GRF.INHUUR", euro(interim), "Inhuur wegens vacature");
                } else {
                    w.put(R, "GRF.INHUUR", euro(0), "");
                }
                if rng.chance(30) {
                    let hoog = pm(materieel_b, rng.range(1_280, 1_400)) + cents(&mut rng);
                    w.put(
                        R,
                        "GRF.MATERIEEL",
                        euro(hoog),
                        "Extra kosten door vervanging van het raadsinformatiesysteem",
                    );
                } else {
                    let materieel_r = pm(materieel_b, rng.range(820, 1_050)) + cents(&mut rng);
                    w.put(R, "GRF.MATERIEEL", euro(materieel_r), "");
                }
                if g.overhead_pm > 0 {
                    let overhead_r = pm(overhead_b, rng.range(950, 1_050)) + cents(&mut rng);
                    w.put(R, "GRF.OVERHEAD", euro(overhead_r), "");
                }
            }
        }

        // Rekenkamer.
        match &self.rekenkamer {
            Rekenkamer::Eigen {
                leden,
                fte: fte_h,
                salaris,
                onderzoek,
                materieel,
                overhead_pm,
            } => {
                let leden_b = round_to(ppm(*leden, index), 100);
                let personeel_b = round_to(mul_div(*fte_h, ppm(*salaris, index), 100), 100);
                let onderzoek_b = round_to(ppm(pm(*onderzoek, rng.range(900, 1_100)), index), 100);
                let materieel_b = round_to(ppm(*materieel, index), 100);
                let overhead_b = round_to(
                    pm(
                        leden_b + personeel_b + onderzoek_b + materieel_b,
                        *overhead_pm,
                    ),
                    100,
                );
                let eigen_note = if nvt && rng.chance(300) {
                    "Eigen rekenkamer, geen gemeenschappelijke regeling"
                } else {
                    ""
                };
                w.put(B, "RKK.LEDEN", euro(leden_b), "");
                w.put(B, "RKK.PERSONEEL", euro(personeel_b), "");
                w.put(B, "RKK.ONDERZOEK", euro(onderzoek_b), "");
                w.put(B, "RKK.MATERIEEL", euro(materieel_b), "");
                w.none(B, "RKK.BIJDRAGE_GR", nvt, eigen_note);
                w.put(B, "RKK.FTE", fte(*fte_h), "");
                if *overhead_pm > 0 {
                    w.put(B, "RKK.OVERHEAD", euro(overhead_b), "");
                }

                let leden_r = pm(leden_b, rng.range(950, 1_000)) + cents(&mut rng);
                let (personeel_r, fte_r) = if *fte_h > 0 {
                    (
                        pm(personeel_b, rng.range(900, 1_030)) + cents(&mut rng),
                        pm(*fte_h, rng.range(900, 1_000)).max(1),
                    )
                } else {
                    (0, 0)
                };
                let onderzoek_r = pm(onderzoek_b, rng.range(800, 1_150)) + cents(&mut rng);
                let materieel_r = pm(materieel_b, rng.range(800, 1_100)) + cents(&mut rng);
                w.put(R, "RKK.LEDEN", euro(leden_r), "");
                w.put(R, "RKK.PERSONEEL", euro(personeel_r), "");
                w.put(R, "RKK.ONDERZOEK", euro(onderzoek_r), "");
                w.put(R, "RKK.MATERIEEL", euro(materieel_r), "");
                w.none(R, "RKK.BIJDRAGE_GR", nvt, eigen_note);
                w.put(R, "RKK.FTE", fte(fte_r), "");
                if *overhead_pm > 0 {
                    let overhead_r = pm(overhead_b, rng.range(950, 1_050)) + cents(&mut rng);
                    w.put(R, "RKK.OVERHEAD", euro(overhead_r), "");
                }
            }
            Rekenkamer::Gemeenschappelijk { bijdrage, .. } => {
                let bijdrage_b = round_to(ppm(*bijdrage, volume), 100);
                let bijdrage_r = pm(bijdrage_b, rng.range(970, 1_000)) + cents(&mut rng);
                let note = if nvt && rng.chance(300) {
                    "Kosten zitten in de gemeenschappelijke regeling"
                } else {
                    ""
                };
                for (fase, amount) in [(B, bijdrage_b), (R, bijdrage_r)] {
                    for post in [
                        "RKK.LEDEN",
                        "RKK.PERSONEEL",
                        "RKK.ONDERZOEK",
                        "RKK.MATERIEEL",
                    ] {
                        w.none(fase, post, nvt, note);
                    }
                    w.put(fase, posts::RKK_BIJDRAGE_GR, euro(amount), "");
                    if nvt {
                        w.put(fase, "RKK.FTE", NVT, "");
                    } else {
                        w.put(fase, "RKK.FTE", fte(0), "");
                    }
                }
            }
        }

        // Fractieondersteuning.
        match (&self.fractie, fracties) {
            (Some(f), Some(n_fracties)) => {
                let norm_fractie = round_to(ppm(f.norm_fractie, index), 100);
                let norm_zetel = round_to(ppm(f.norm_zetel, index), 100);
                let bijdragen_b = n_fracties * norm_fractie + zetels * norm_zetel;
                let assistentie_b = n_fracties * round_to(ppm(f.assistentie, index), 100);
                let overig_b = n_fracties * round_to(ppm(f.overig, index), 100);
                w.put(B, "FRO.BIJDRAGEN", euro(bijdragen_b), "");
                w.put(B, "FRO.NORM_FRACTIE", euro(norm_fractie), "");
                w.put(B, "FRO.NORM_ZETEL", euro(norm_zetel), "");
                let bijdragen_r = pm(bijdragen_b, rng.range(850, 1_000)) + cents(&mut rng);
                w.put(R, "FRO.BIJDRAGEN", euro(bijdragen_r), "");
                let assistentie_note = if nvt && rng.chance(500) {
                    "Geen fractieassistentie in de verordening"
                } else {
                    ""
                };
                if assistentie_b > 0 {
                    let assistentie_r = pm(assistentie_b, rng.range(850, 1_020)) + cents(&mut rng);
                    w.put(B, "FRO.ASSISTENTIE", euro(assistentie_b), "");
                    w.put(R, "FRO.ASSISTENTIE", euro(assistentie_r), "");
                } else {
                    w.none(B, "FRO.ASSISTENTIE", nvt, assistentie_note);
                    w.none(R, "FRO.ASSISTENTIE", nvt, assistentie_note);
                }
                if overig_b > 0 {
                    let overig_r = pm(overig_b, rng.range(800, 1_050)) + cents(&mut rng);
                    w.put(B, "FRO.OVERIG", euro(overig_b), "");
                    w.put(R, "FRO.OVERIG", euro(overig_r), "");
                } else {
                    w.none(B, "FRO.OVERIG", nvt, "");
                    w.none(R, "FRO.OVERIG", nvt, "");
                }
            }
            _ => w.nvt_category(cat, "FRO", ""),
        }

        // Enquêterecht.
        match &self.enquete {
            Enquete::Nvt => w.nvt_category(cat, "ENQ", ""),
            Enquete::Nul => {
                for fase in [B, R] {
                    for post in ["ENQ.RESERVERING", "ENQ.EXTERN", "ENQ.INTERN"] {
                        w.put(fase, post, euro(0), "");
                    }
                    w.put(fase, "ENQ.AANTAL", count(0), "");
                }
            }
            Enquete::Actief {
                reservering,
                kosten,
            } => {
                if enquete {
                    let totaal = round_to(ppm(*kosten, index), 100_000);
                    let extern_b = round_to(pm(totaal, rng.range(550, 800)), 100_000);
                    let intern_b = totaal - extern_b;
                    let extern_r = pm(extern_b, rng.range(850, 1_200)) + cents(&mut rng);
                    let intern_r = pm(intern_b, rng.range(850, 1_200)) + cents(&mut rng);
                    let (soort, onderwerp) = if self.kind == OrgType::Provincie {
                        ("Statenenquête", *rng.pick(&STATENENQUETE_ONDERWERPEN))
                    } else {
                        ("Raadsenquête", *rng.pick(&ENQUETE_ONDERWERPEN))
                    };
                    let note = format!("{soort} naar {onderwerp}");
                    for (fase, e, i) in [(B, extern_b, intern_b), (R, extern_r, intern_r)] {
                        w.put(fase, "ENQ.RESERVERING", euro(0), "");
                        w.put(fase, "ENQ.EXTERN", euro(e), &note);
                        w.put(fase, "ENQ.INTERN", euro(i), "");
                        w.put(fase, "ENQ.AANTAL", count(1), "");
                    }
                } else {
                    let note = if nvt && rng.chance(500) {
                        "De raad reserveert niet voor enquêtes"
                    } else {
                        ""
                    };
                    for fase in [B, R] {
                        if *reservering > 0 {
                            w.put(fase, "ENQ.RESERVERING", euro(*reservering), "");
                        } else {
                            w.none(fase, "ENQ.RESERVERING", nvt, note);
                        }
                        w.put(fase, "ENQ.EXTERN", euro(0), "");
                        w.put(fase, "ENQ.INTERN", euro(0), "");
                        w.put(fase, "ENQ.AANTAL", count(0), "");
                    }
                }
            }
        }

        self.sprinkle(seed, &mut w);
    }

    /// About 5 % of organisation-years get one `onbekend`; now and then a record gets a short
    /// explanation (only values above zero), 1 in 25 of them one that needs CSV quoting or
    /// starts like a formula.
    fn sprinkle(&self, seed: u64, w: &mut Writer<'_>) {
        let mut rng = Rng::keyed(seed, &[stream::NOTE, self.key, u64::from(w.jaar)]);
        if rng.chance(50) {
            let mut targets: Vec<(Fase, &str, &str)> = vec![(
                K,
                posts::TOTALE_LASTEN,
                "Totale lasten nog niet uit de begroting te halen",
            )];
            if self.griffie.is_some() {
                targets.push((
                    B,
                    "GRF.OVERHEAD",
                    "Overhead wordt pas bij de jaarrekening toegerekend",
                ));
                targets.push((R, "GRF.OVERHEAD", "Toerekening overhead nog niet afgerond"));
                targets.push((R, "GRF.INHUUR", "Jaarrekening nog niet vastgesteld"));
            }
            if matches!(self.rekenkamer, Rekenkamer::Eigen { .. }) {
                targets.push((R, "RKK.OVERHEAD", "Toerekening overhead nog niet afgerond"));
            }
            if self.fractie.is_some() {
                targets.push((R, "FRO.ASSISTENTIE", "Afrekening met de fracties loopt nog"));
            }
            let &(fase, post, note) = rng.pick(&targets);
            w.put(fase, post, ONBEKEND, note);
        }
        let jaar = w.jaar;
        for ((_, _, post), record) in w
            .data
            .records
            .range_mut((jaar, K, String::new())..)
            .take_while(|((j, _, _), _)| *j == jaar)
        {
            let positive = match &record.entry {
                Entry::Value(Value::Decimal(d)) => !d.is_zero(),
                Entry::Value(Value::Count(n)) => *n > 0,
                _ => false,
            };
            if !positive || !record.toelichting.is_empty() || !rng.chance(25) {
                continue;
            }
            let text = if rng.chance(40) {
                *rng.pick(&LASTIGE_TOELICHTINGEN)
            } else {
                let pool = TOELICHTINGEN
                    .iter()
                    .find(|(p, _)| *p == post.as_str() || p.is_empty())
                    .map_or(&[][..], |(_, pool)| *pool);
                if pool.is_empty() {
                    continue;
                }
                *rng.pick(pool)
            };
            record.toelichting = text.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use raadsbudget_domain::grootteklasse::grootteklasse;
    use raadsbudget_domain::kengetallen::kengetallen_for;
    use raadsbudget_domain::validation::validate_uitvraag;
    use raadsbudget_domain::{Finding, FindingCode, Severity};

    const U: Jaar = 2026;

    fn errors(findings: &[Finding]) -> Vec<&Finding> {
        findings
            .iter()
            .filter(|f| f.code.severity() == Severity::Fout)
            .collect()
    }

    fn count_of(data: &Dataset, jaar: Jaar, post: &str) -> u64 {
        match data.entry(jaar, Fase::Kenmerk, post) {
            Some(Entry::Value(Value::Count(n))) => *n,
            other => panic!("{} {post}: {other:?}", data.organisation.code),
        }
    }

    fn per_inwoner(data: &Dataset, jaar: Jaar, fase: Fase, category: &str) -> Option<Decimal> {
        kengetallen_for(Catalogue::current(), data, jaar, fase, category).per_inwoner
    }

    fn median(mut values: Vec<Decimal>) -> Decimal {
        values.sort();
        values[values.len() / 2]
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn same_seed_same_data_other_seed_other_data() {
        let a = demo_datasets(U, 60, 7);
        assert_eq!(a, demo_datasets(U, 60, 7));
        assert_ne!(a, demo_datasets(U, 60, 8));
        assert_eq!(
            demo_history(2022, 2026, 30, 3),
            demo_history(2022, 2026, 30, 3)
        );
        // A fixed point, so a change of the generator (or a platform difference) shows up.
        let first = &a[0];
        assert_eq!(first.organisation.code.as_str(), "GM5000");
        assert!(first.organisation.naam.starts_with("Demo "));
    }

    #[test]
    fn uitvraag_is_the_four_blocks_of_the_history() {
        let cat = Catalogue::current();
        let history = demo_history(2023, 2027, 40, 11);
        let uitvraag = demo_datasets(U, 40, 11);
        assert_eq!(history.len(), uitvraag.len());
        for (h, d) in history.iter().zip(&uitvraag) {
            assert_eq!(h.organisation, d.organisation);
            assert_eq!(d.blocks(), uitvraag_blocks(U).to_vec());
            let mut expected = h.clone();
            expected
                .records
                .retain(|(j, f, _), _| uitvraag_blocks(U).contains(&(*j, *f)));
            assert_eq!(&expected, d);
            assert!(d.records.values().all(|r| r.definities == cat.versie));
        }
    }

    #[test]
    fn four_hundred_organisations_are_valid_and_varied() {
        let cat = Catalogue::current();
        for seed in [1, 2, 3, 20260101] {
            let all = demo_datasets(U, 400, seed);
            assert_eq!(all.len(), 400);
            let codes: BTreeSet<&str> = all.iter().map(|d| d.organisation.code.as_str()).collect();
            assert_eq!(codes.len(), 400, "codes unique");
            let names: BTreeSet<&str> = all.iter().map(|d| d.organisation.naam.as_str()).collect();
            assert_eq!(names.len(), 400, "names unique");
            let mut klassen = [0usize; 8];
            let (mut pv, mut ws, mut gr, mut enq, mut onbekend) = (0, 0, 0, 0, 0);
            let mut warnings = BTreeSet::new();
            for data in &all {
                let findings = validate_uitvraag(cat, data, U);
                assert!(
                    errors(&findings).is_empty(),
                    "{}: {:#?}",
                    data.organisation.code,
                    errors(&findings)
                );
                warnings.extend(findings.iter().map(|f| f.code));
                for record in data.records.values() {
                    if let Entry::Value(Value::Decimal(d)) = &record.entry {
                        assert!(!d.is_sign_negative() && d.scale() <= 2, "{d}");
                    }
                }
                let code = data.organisation.code.as_str();
                match data.organisation.org_type() {
                    OrgType::Gemeente => {
                        assert!(code >= "GM5000", "{code}");
                        let inwoners = count_of(data, U, posts::INWONERS);
                        klassen[usize::from(grootteklasse(inwoners)) - 1] += 1;
                        let fracties = count_of(data, U, posts::FRACTIES);
                        assert!((5..=14).contains(&fracties), "{code}: {fracties}");
                    }
                    OrgType::Provincie => {
                        pv += 1;
                        assert!(data.organisation.naam.starts_with("Provincie Demo "));
                        let inwoners = count_of(data, U, posts::INWONERS);
                        assert!((380_000..=3_900_000).contains(&inwoners), "{inwoners}");
                        let zetels = count_of(data, U, posts::ZETELS);
                        assert!((39..=55).contains(&zetels), "{zetels}");
                        let fte = data.decimal(U, Fase::Begroting, "GRF.FTE").unwrap();
                        assert!(fte >= dec("15") && fte <= dec("40"), "{fte}");
                    }
                    OrgType::Waterschap => {
                        ws += 1;
                        assert!(code >= "WS5001", "{code}");
                        assert!(data.organisation.naam.starts_with("Waterschap Demo "));
                        let zetels = count_of(data, U, posts::ZETELS);
                        assert!((18..=30).contains(&zetels), "{zetels}");
                    }
                }
                if data.code(U, Fase::Kenmerk, posts::REKENKAMERVORM)
                    == Some(posts::VORM_GEMEENSCHAPPELIJK)
                {
                    gr += 1;
                    let n = count_of(data, U, posts::GR_DEELNEMERS);
                    assert!((2..=8).contains(&n), "{n}");
                }
                if data.decimal(U, Fase::Begroting, "ENQ.AANTAL") == Some(Decimal::ONE) {
                    enq += 1;
                    let kosten = data.decimal(U, Fase::Begroting, "ENQ.EXTERN").unwrap()
                        + data.decimal(U, Fase::Begroting, "ENQ.INTERN").unwrap();
                    assert!(
                        kosten >= dec("100000") && kosten <= dec("2100000"),
                        "{kosten}"
                    );
                }
                if data.records.values().any(|r| r.entry == ONBEKEND) {
                    onbekend += 1;
                }
            }
            assert!(klassen.iter().all(|&n| n >= 3), "seed {seed}: {klassen:?}");
            assert!(
                klassen[3] > klassen[0] && klassen[3] > klassen[7],
                "{klassen:?}"
            );
            assert_eq!(pv, 12);
            assert_eq!(ws, 28);
            assert!(gr >= 1 && enq >= 1, "seed {seed}: gr {gr}, enq {enq}");
            assert!(
                (4..=60).contains(&onbekend),
                "seed {seed}: onbekend {onbekend}"
            );
            assert!(warnings.contains(&FindingCode::Seats), "seed {seed}: W003");
        }
    }

    #[test]
    fn the_mix_holds_for_small_and_large_numbers() {
        assert!(demo_datasets(U, 0, 1).is_empty());
        let one = demo_datasets(U, 1, 1);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].organisation.org_type(), OrgType::Gemeente);
        let many = demo_datasets(U, 2_000, 5);
        let of = |t| {
            many.iter()
                .filter(|d| d.organisation.org_type() == t)
                .count()
        };
        assert_eq!(
            (
                of(OrgType::Gemeente),
                of(OrgType::Provincie),
                of(OrgType::Waterschap)
            ),
            (1_848, 12, 140)
        );
        assert_eq!(demo_datasets(U, 1_000_000, 5).len(), MAX_AANTAL);
    }

    #[test]
    fn the_edges_of_the_year_range_validate() {
        let cat = Catalogue::current();
        for u in [2001, 2100] {
            for data in demo_datasets(u, 30, 1) {
                let findings = validate_uitvraag(cat, &data, u);
                assert!(errors(&findings).is_empty(), "{u}: {findings:#?}");
            }
        }
        // Nonsense years do not panic.
        assert_eq!(demo_datasets(0, 3, 1).len(), 3);
        assert_eq!(demo_history(u16::MAX, u16::MAX, 3, 1).len(), 3);
    }

    #[test]
    fn waterschappen_fill_or_skip_the_optional_categories() {
        let all = demo_datasets(U, 400, 9);
        let ws: Vec<&Dataset> = all
            .iter()
            .filter(|d| d.organisation.org_type() == OrgType::Waterschap)
            .collect();
        let grf = |d: &Dataset| d.entry(U, Fase::Begroting, "GRF.PERSONEEL").cloned();
        assert!(ws.iter().any(|d| grf(d) == Some(NVT)));
        assert!(ws
            .iter()
            .any(|d| grf(d).is_some_and(|e| e.decimal().is_some())));
        for d in ws {
            assert!(
                d.decimal(U, Fase::Begroting, "RKK.LEDEN").is_some()
                    || d.decimal(U, Fase::Begroting, posts::RKK_BIJDRAGE_GR)
                        .is_some()
            );
        }
    }

    #[test]
    fn magnitudes_match_published_figures() {
        let all = demo_datasets(U, 400, 42);
        let gemeenten: Vec<&Dataset> = all
            .iter()
            .filter(|d| d.organisation.org_type() == OrgType::Gemeente)
            .collect();
        // Griffie: mean per inwoner € 8–14 overall and per grootteklasse.
        let mut per_klasse: [Vec<Decimal>; 8] = Default::default();
        for d in &gemeenten {
            if let Some(v) = per_inwoner(d, U, Fase::Begroting, "GRF") {
                let inw = count_of(d, U, posts::INWONERS);
                per_klasse[usize::from(grootteklasse(inw)) - 1].push(v);
            }
        }
        let mean = |v: &[Decimal]| v.iter().sum::<Decimal>() / Decimal::from(v.len());
        let alle: Vec<Decimal> = per_klasse.iter().flatten().copied().collect();
        let m = mean(&alle);
        assert!(m >= dec("8") && m <= dec("14"), "griffie mean {m}");
        for (k, v) in per_klasse.iter().enumerate() {
            let m = mean(v);
            assert!(m >= dec("8") && m <= dec("14.5"), "klasse {}: {m}", k + 1);
        }
        assert!(
            mean(&per_klasse[0]) > mean(&per_klasse[4]),
            "small gemeenten pay more"
        );

        // Griffie formation by size.
        let fte_mean = |lo: u64, hi: u64| {
            let v: Vec<Decimal> = gemeenten
                .iter()
                .filter(|d| (lo..hi).contains(&count_of(d, U, posts::INWONERS)))
                .filter_map(|d| d.decimal(U, Fase::Begroting, "GRF.FTE"))
                .collect();
            mean(&v)
        };
        let small = fte_mean(0, 25_000);
        let mid = fte_mean(25_000, 60_000);
        let large = fte_mean(60_000, u64::MAX);
        assert!(
            small >= dec("1.2") && small <= dec("2.2"),
            "fte < 25k: {small}"
        );
        assert!(mid >= dec("2.3") && mid <= dec("3.6"), "fte 25–60k: {mid}");
        assert!(large >= dec("4.5"), "fte > 60k: {large}");
        for d in &gemeenten {
            let fte = d.decimal(U, Fase::Begroting, "GRF.FTE").unwrap();
            let pers = d.decimal(U, Fase::Begroting, "GRF.PERSONEEL").unwrap();
            let per_fte = pers / fte;
            assert!(
                per_fte >= dec("84000") && per_fte <= dec("101000"),
                "{per_fte}"
            );
        }

        // Rekenkamer: median € 0,90–2,40 per inwoner; small gemeenten often € 10.000–30.000.
        let rkk: Vec<Decimal> = gemeenten
            .iter()
            .filter_map(|d| per_inwoner(d, U, Fase::Begroting, "RKK"))
            .collect();
        let med = median(rkk);
        assert!(
            med >= dec("0.90") && med <= dec("2.40"),
            "rekenkamer median {med}"
        );
        let small_rkk: Vec<Decimal> = gemeenten
            .iter()
            .filter(|d| count_of(d, U, posts::INWONERS) < 15_000)
            .filter_map(|d| {
                kengetallen_for(Catalogue::current(), d, U, Fase::Begroting, "RKK").kernbudget
            })
            .collect();
        let in_band = small_rkk
            .iter()
            .filter(|v| **v >= dec("10000") && **v <= dec("30000"))
            .count();
        assert!(
            in_band * 2 > small_rkk.len(),
            "{in_band} of {}",
            small_rkk.len()
        );

        // Fractieondersteuning: € 0,50–3,70 per inwoner for most; bijdragen follow the norms.
        let fro: Vec<Decimal> = gemeenten
            .iter()
            .filter_map(|d| per_inwoner(d, U, Fase::Begroting, "FRO"))
            .collect();
        let inside = fro
            .iter()
            .filter(|v| **v >= dec("0.50") && **v <= dec("3.70"))
            .count();
        assert!(inside * 10 >= fro.len() * 9, "{inside} of {}", fro.len());
        for d in &all {
            let (Some(nf), Some(nz), Some(b)) = (
                d.decimal(U, Fase::Begroting, "FRO.NORM_FRACTIE"),
                d.decimal(U, Fase::Begroting, "FRO.NORM_ZETEL"),
                d.decimal(U, Fase::Begroting, "FRO.BIJDRAGEN"),
            ) else {
                continue;
            };
            let f = Decimal::from(count_of(d, U, posts::FRACTIES));
            let z = Decimal::from(count_of(d, U, posts::ZETELS));
            assert_eq!(b, f * nf + z * nz, "{}", d.organisation.code);
            let r = d.decimal(U - 1, Fase::Realisatie, "FRO.BIJDRAGEN").unwrap();
            assert!(r > Decimal::ZERO);
        }

        // Totale lasten € 2.500–4.000 per inwoner (2026 price level).
        for d in &gemeenten {
            if let Some(l) = d.decimal(U, Fase::Kenmerk, posts::TOTALE_LASTEN) {
                let per = l / Decimal::from(count_of(d, U, posts::INWONERS));
                assert!(per >= dec("2400") && per <= dec("4100"), "{per}");
            }
        }
    }

    #[test]
    fn toelichtingen_exercise_quoting_and_spreadsheet_safety() {
        let all = demo_datasets(U, 400, 4);
        let notes: Vec<&str> = all
            .iter()
            .flat_map(|d| d.records.values())
            .map(|r| r.toelichting.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        let records: usize = all.iter().map(|d| d.records.len()).sum();
        assert!(notes.len() * 10 < records, "{} of {records}", notes.len());
        assert!(notes.iter().any(|t| t.contains(',')));
        assert!(notes.iter().any(|t| t.contains('"')));
        assert!(notes.iter().any(|t| t.starts_with(['=', '-', '+', '@'])));
        assert!(all
            .iter()
            .flat_map(|d| d.records.values())
            .any(|r| r.entry == NVT && !r.toelichting.is_empty()));
    }

    #[test]
    fn history_moves_plausibly_and_validates_every_year() {
        let cat = Catalogue::current();
        let (first, last) = (2021, 2027);
        let all = demo_history(first, last, 150, 77);
        assert_eq!(all.len(), 150);
        let mut org_years = 0usize;
        let mut w001 = 0usize;
        let mut enquete_years = 0usize;
        for data in &all {
            let blocks = data.blocks();
            assert_eq!(blocks.len(), 3 * usize::from(last - first + 1));
            for u in first + 1..=last {
                let findings = validate_uitvraag(cat, data, u);
                assert!(
                    errors(&findings).is_empty(),
                    "{} {u}: {:#?}",
                    data.organisation.code,
                    errors(&findings)
                );
                org_years += 1;
                w001 += findings
                    .iter()
                    .filter(|f| f.code == FindingCode::YearOnYear)
                    .filter(|f| !f.location.post.as_deref().unwrap_or("").starts_with("ENQ"))
                    .count();
                let prev = count_of(data, u - 1, posts::INWONERS);
                let now = count_of(data, u, posts::INWONERS);
                assert!(
                    now * 100 >= prev * 98 && now * 100 <= prev * 102,
                    "{prev} → {now}"
                );
                if data.organisation.org_type() == OrgType::Gemeente {
                    let kb = |j| {
                        kengetallen_for(cat, data, j, Fase::Begroting, "GRF")
                            .kernbudget
                            .unwrap()
                    };
                    let ratio = kb(u) / kb(u - 1);
                    assert!(ratio >= dec("0.80") && ratio <= dec("1.40"), "{ratio}");
                }
            }
            for j in first..=last {
                if data.decimal(j, Fase::Begroting, "ENQ.AANTAL") == Some(Decimal::ONE) {
                    enquete_years += 1;
                }
            }
            // Not the same figure every year.
            let pers: BTreeSet<Decimal> = (first..=last)
                .filter_map(|j| data.decimal(j, Fase::Realisatie, "RKK.LEDEN"))
                .collect();
            assert!(
                pers.len() > 1
                    || data
                        .decimal(first, Fase::Realisatie, "RKK.LEDEN")
                        .is_none_or(|v| v.is_zero())
            );
        }
        assert!(
            w001 * 10 < org_years,
            "W001 outside ENQ: {w001} in {org_years}"
        );
        assert!(
            enquete_years >= usize::from(last - first + 1),
            "{enquete_years}"
        );
    }
}
