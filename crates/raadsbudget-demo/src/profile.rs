//! The profile of one organisation: drawn once per `(seed, organisation)`, per kind
//! (gemeente, provincie, waterschap), with the base amounts at the anchor year.

use crate::money::{curve, mul_div, pm, ppm, round_to};
use crate::rng::{stream, Rng};
use raadsbudget_domain::seats::raadszetels;
use raadsbudget_domain::{OrgType, Organisation};

/// What one organisation is like, drawn once from its `(seed, key)`: size, growth, style and
/// the base amounts of each category at the anchor year. The figures of a year follow from it.
#[derive(Debug, Clone)]
pub(crate) struct Profile {
    pub(crate) organisation: Organisation,
    pub(crate) kind: OrgType,
    /// Stable key of the organisation for the random streams.
    pub(crate) key: u64,
    /// Inhabitants at the anchor year.
    pub(crate) inwoners: i64,
    /// Population growth per year, ppm.
    pub(crate) groei_ppm: i64,
    /// Fracties in the base period (`None`: not filled).
    pub(crate) fracties: Option<i64>,
    /// Fixed seats (waterschap); gemeenten and provincies follow the law's table.
    pub(crate) zetels: Option<i64>,
    /// Totale lasten per inwoner at the anchor year, cents (`None`: not filled).
    pub(crate) lasten_per_inwoner: Option<i64>,
    /// Writes `nvt` rather than `0` for things the organisation does not have.
    pub(crate) nvt_stijl: bool,
    pub(crate) griffie: Option<Griffie>,
    pub(crate) rekenkamer: Rekenkamer,
    pub(crate) fractie: Option<Fractie>,
    pub(crate) enquete: Enquete,
}

#[derive(Debug, Clone)]
pub(crate) struct Griffie {
    /// Formation at the anchor year, hundredths of an fte.
    pub(crate) fte: i64,
    /// Size of a formation change, hundredths of an fte.
    pub(crate) fte_stap: i64,
    /// Loonkosten per fte at the anchor year, cents.
    pub(crate) salaris: i64,
    pub(crate) inhuur: i64,
    pub(crate) materieel: i64,
    /// Overhead as per mille of personnel cost; 0: not filled.
    pub(crate) overhead_pm: i64,
}

#[derive(Debug, Clone)]
pub(crate) enum Rekenkamer {
    Eigen(EigenRekenkamer),
    Gemeenschappelijk { deelnemers: i64, bijdrage: i64 },
}

/// An own rekenkamer's base amounts (cents) and support staff.
#[derive(Debug, Clone)]
pub(crate) struct EigenRekenkamer {
    pub(crate) leden: i64,
    /// Hundredths of an fte.
    pub(crate) fte: i64,
    pub(crate) salaris: i64,
    pub(crate) onderzoek: i64,
    pub(crate) materieel: i64,
    pub(crate) overhead_pm: i64,
}

impl Rekenkamer {
    pub(crate) fn total(&self) -> i64 {
        match self {
            Rekenkamer::Eigen(e) => {
                e.leden + mul_div(e.fte, e.salaris, 100) + e.onderzoek + e.materieel
            }
            Rekenkamer::Gemeenschappelijk { bijdrage, .. } => *bijdrage,
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Fractie {
    pub(crate) norm_fractie: i64,
    pub(crate) norm_zetel: i64,
    /// Per fractie; 0: none.
    pub(crate) assistentie: i64,
    /// Per fractie; 0: none.
    pub(crate) overig: i64,
}

#[derive(Debug, Clone)]
pub(crate) enum Enquete {
    /// The whole category is `nvt` (waterschap).
    Nvt,
    /// Filled with zeros (waterschap).
    Nul,
    /// A gemeente or provincie: a standing reservation (0: none) and the cost of an enquête
    /// at the anchor year.
    Actief { reservering: i64, kosten: i64 },
}

impl Profile {
    pub(crate) fn gemeenschappelijk(&self) -> bool {
        matches!(self.rekenkamer, Rekenkamer::Gemeenschappelijk { .. })
    }
}

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

fn organisation(code: &str, naam: &str) -> Organisation {
    // Codes and names are built to the patterns above, so this cannot fail.
    Organisation::new(code, naam).expect("generated organisation codes are valid")
}

pub(crate) fn gemeente(seed: u64, key: u64, code: &str, naam: &str, klasse: usize) -> Profile {
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
    Rekenkamer::Eigen(EigenRekenkamer {
        leden,
        fte: fte_h,
        salaris,
        onderzoek,
        materieel,
        overhead_pm: if overhead { rng.range(50, 150) } else { 0 },
    })
}

pub(crate) fn provincie(seed: u64, key: u64, code: &str, naam: &str) -> Profile {
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

pub(crate) fn waterschap(seed: u64, key: u64, code: &str, naam: &str) -> Profile {
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
