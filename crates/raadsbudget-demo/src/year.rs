//! The figures of one organisation-year: kenmerken, then each category in turn (griffie,
//! rekenkamer, fractieondersteuning, enquêterecht), then the sprinkled notes. Every draw comes
//! from the year's own stream in this fixed order, so the same `(seed, organisation, year)`
//! always gives the same records.

use crate::money::{cents, mul_div, pm, ppm, prijsindex_ppm, round_to, ANCHOR};
use crate::profile::{EigenRekenkamer, Enquete, Griffie, Profile, Rekenkamer};
use crate::rng::{stream, Rng};
use crate::writer::{code, count, euro, fte, Writer, B, K, NVT, R};
use raadsbudget_domain::catalogue::posts;
use raadsbudget_domain::fase::{JAAR_MAX, JAAR_MIN};
use raadsbudget_domain::seats::raadszetels;
use raadsbudget_domain::{Catalogue, Dataset, Jaar, OrgType};

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

impl Profile {
    /// Kenmerk, begroting and realisatie of one year.
    pub(crate) fn fill_year(
        &self,
        cat: &Catalogue,
        seed: u64,
        jaar: Jaar,
        enquete: bool,
        data: &mut Dataset,
    ) {
        // Years outside the range the app accepts are computed as the nearest year inside it,
        // so that nonsense years cannot overflow the price index.
        let y = i64::from(jaar).clamp(i64::from(JAAR_MIN), i64::from(JAAR_MAX));
        let index = prijsindex_ppm(y);
        let inwoners = self.inwoners_in(y);
        let mut year = Year {
            profile: self,
            cat,
            seed,
            y,
            index,
            inwoners,
            volume: mul_div(index, inwoners, self.inwoners),
            nvt: self.nvt_stijl,
            rng: Rng::keyed(seed, &[stream::YEAR, self.key, u64::from(jaar)]),
            w: Writer {
                data,
                jaar,
                split_permille: Rng::keyed(seed, &[stream::SPLIT, self.key]).range(150, 350),
            },
        };
        let (zetels, fracties) = year.kenmerken();
        year.griffie();
        year.rekenkamer();
        year.fractieondersteuning(zetels, fracties);
        year.enquete(enquete);
        self.sprinkle(seed, &mut year.w);
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
}

/// One organisation-year being filled: what every category needs, the year's random stream
/// and the writer.
struct Year<'a> {
    profile: &'a Profile,
    cat: &'a Catalogue,
    seed: u64,
    /// The year, clamped into the range the app accepts.
    y: i64,
    /// The price level of the year, ppm of the anchor year.
    index: i64,
    inwoners: i64,
    /// Price level times population change: for budgets that grow with the organisation.
    volume: i64,
    /// Writes `nvt` rather than `0` (the organisation's style).
    nvt: bool,
    rng: Rng,
    w: Writer<'a>,
}

impl Year<'_> {
    /// Inwoners, zetels, fracties, totale lasten and the form of the rekenkamer. Returns the
    /// year's zetels and fracties (`None`: not filled).
    fn kenmerken(&mut self) -> (i64, Option<i64>) {
        let (p, seed, y, index, inwoners) =
            (self.profile, self.seed, self.y, self.index, self.inwoners);
        let (rng, w) = (&mut self.rng, &mut self.w);
        let (zetels, zetel_note) = match p.kind {
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
            OrgType::Waterschap => (p.zetels.unwrap_or(18), ""),
        };
        let fracties = p.fracties_in(seed, y, zetels);
        w.put(K, posts::INWONERS, count(inwoners), "");
        w.put(K, posts::ZETELS, count(zetels), zetel_note);
        if let Some(f) = fracties {
            w.put(K, posts::FRACTIES, count(f), "");
        }
        if let Some(per) = p.lasten_per_inwoner {
            let lasten = ppm(per * inwoners, mul_div(index, rng.range(970, 1_030), 1000));
            w.put(K, posts::TOTALE_LASTEN, euro(round_to(lasten, 100_000)), "");
        }
        match &p.rekenkamer {
            Rekenkamer::Eigen(_) => w.put(K, posts::REKENKAMERVORM, code("eigen"), ""),
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
        (zetels, fracties)
    }

    /// Griffie: the formation and its cost, or the whole category `nvt`.
    fn griffie(&mut self) {
        let (p, cat, seed, y, index, volume) = (
            self.profile,
            self.cat,
            self.seed,
            self.y,
            self.index,
            self.volume,
        );
        let (rng, w) = (&mut self.rng, &mut self.w);
        match &p.griffie {
            None => {
                let note = if rng.chance(300) {
                    "Het algemeen bestuur wordt ondersteund door de secretaris-directeur"
                } else {
                    ""
                };
                w.nvt_category(cat, "GRF", note);
            }
            Some(g) => {
                let fte_b = p.griffie_fte(seed, g, y);
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
                let personeel_r = pm(personeel_b, rng.range(880, 1_040)) + cents(rng);
                w.put(R, "GRF.PERSONEEL", euro(personeel_r), "");
                if inhuur_b > 0 {
                    let inhuur_r = pm(inhuur_b, rng.range(800, 1_200)) + cents(rng);
                    w.put(R, "GRF.INHUUR", euro(inhuur_r), "");
                } else if rng.chance(40) {
                    // A vacancy filled by an interim: realisatie without begroting (W002).
                    let interim = pm(personeel_b, rng.range(50, 150)) + cents(rng);
                    w.put(R, "GRF.INHUUR", euro(interim), "Inhuur wegens vacature");
                } else {
                    w.put(R, "GRF.INHUUR", euro(0), "");
                }
                if rng.chance(30) {
                    let hoog = pm(materieel_b, rng.range(1_280, 1_400)) + cents(rng);
                    w.put(
                        R,
                        "GRF.MATERIEEL",
                        euro(hoog),
                        "Extra kosten door vervanging van het raadsinformatiesysteem",
                    );
                } else {
                    let materieel_r = pm(materieel_b, rng.range(820, 1_050)) + cents(rng);
                    w.put(R, "GRF.MATERIEEL", euro(materieel_r), "");
                }
                if g.overhead_pm > 0 {
                    let overhead_r = pm(overhead_b, rng.range(950, 1_050)) + cents(rng);
                    w.put(R, "GRF.OVERHEAD", euro(overhead_r), "");
                }
            }
        }
    }

    /// Rekenkamer: an own one, or a contribution to a gemeenschappelijke regeling.
    fn rekenkamer(&mut self) {
        let p = self.profile;
        match &p.rekenkamer {
            Rekenkamer::Eigen(e) => self.eigen_rekenkamer(e),
            Rekenkamer::Gemeenschappelijk { bijdrage, .. } => {
                self.gemeenschappelijke_rekenkamer(*bijdrage)
            }
        }
    }

    /// An own rekenkamer: members, staff, research and materieel, each with its realisatie.
    fn eigen_rekenkamer(&mut self, e: &EigenRekenkamer) {
        let EigenRekenkamer {
            leden,
            fte: fte_h,
            salaris,
            onderzoek,
            materieel,
            overhead_pm,
        } = e;
        let (index, nvt) = (self.index, self.nvt);
        let (rng, w) = (&mut self.rng, &mut self.w);
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

        let leden_r = pm(leden_b, rng.range(950, 1_000)) + cents(rng);
        let (personeel_r, fte_r) = if *fte_h > 0 {
            (
                pm(personeel_b, rng.range(900, 1_030)) + cents(rng),
                pm(*fte_h, rng.range(900, 1_000)).max(1),
            )
        } else {
            (0, 0)
        };
        let onderzoek_r = pm(onderzoek_b, rng.range(800, 1_150)) + cents(rng);
        let materieel_r = pm(materieel_b, rng.range(800, 1_100)) + cents(rng);
        w.put(R, "RKK.LEDEN", euro(leden_r), "");
        w.put(R, "RKK.PERSONEEL", euro(personeel_r), "");
        w.put(R, "RKK.ONDERZOEK", euro(onderzoek_r), "");
        w.put(R, "RKK.MATERIEEL", euro(materieel_r), "");
        w.none(R, "RKK.BIJDRAGE_GR", nvt, eigen_note);
        w.put(R, "RKK.FTE", fte(fte_r), "");
        if *overhead_pm > 0 {
            let overhead_r = pm(overhead_b, rng.range(950, 1_050)) + cents(rng);
            w.put(R, "RKK.OVERHEAD", euro(overhead_r), "");
        }
    }

    /// A gemeenschappelijke regeling: one bijdrage, the own posts zero or `nvt`.
    fn gemeenschappelijke_rekenkamer(&mut self, bijdrage: i64) {
        let (volume, nvt) = (self.volume, self.nvt);
        let (rng, w) = (&mut self.rng, &mut self.w);
        let bijdrage_b = round_to(ppm(bijdrage, volume), 100);
        let bijdrage_r = pm(bijdrage_b, rng.range(970, 1_000)) + cents(rng);
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

    /// Fractieondersteuning: bijdragen by the norms per fractie and per zetel, assistentie and
    /// other costs; `nvt` when the organisation has no fracties filled.
    fn fractieondersteuning(&mut self, zetels: i64, fracties: Option<i64>) {
        let (p, cat, index, nvt) = (self.profile, self.cat, self.index, self.nvt);
        let (rng, w) = (&mut self.rng, &mut self.w);
        match (&p.fractie, fracties) {
            (Some(f), Some(n_fracties)) => {
                let norm_fractie = round_to(ppm(f.norm_fractie, index), 100);
                let norm_zetel = round_to(ppm(f.norm_zetel, index), 100);
                let bijdragen_b = n_fracties * norm_fractie + zetels * norm_zetel;
                let assistentie_b = n_fracties * round_to(ppm(f.assistentie, index), 100);
                let overig_b = n_fracties * round_to(ppm(f.overig, index), 100);
                w.put(B, "FRO.BIJDRAGEN", euro(bijdragen_b), "");
                w.put(B, "FRO.NORM_FRACTIE", euro(norm_fractie), "");
                w.put(B, "FRO.NORM_ZETEL", euro(norm_zetel), "");
                let bijdragen_r = pm(bijdragen_b, rng.range(850, 1_000)) + cents(rng);
                w.put(R, "FRO.BIJDRAGEN", euro(bijdragen_r), "");
                let assistentie_note = if nvt && rng.chance(500) {
                    "Geen fractieassistentie in de verordening"
                } else {
                    ""
                };
                if assistentie_b > 0 {
                    let assistentie_r = pm(assistentie_b, rng.range(850, 1_020)) + cents(rng);
                    w.put(B, "FRO.ASSISTENTIE", euro(assistentie_b), "");
                    w.put(R, "FRO.ASSISTENTIE", euro(assistentie_r), "");
                } else {
                    w.none(B, "FRO.ASSISTENTIE", nvt, assistentie_note);
                    w.none(R, "FRO.ASSISTENTIE", nvt, assistentie_note);
                }
                if overig_b > 0 {
                    let overig_r = pm(overig_b, rng.range(800, 1_050)) + cents(rng);
                    w.put(B, "FRO.OVERIG", euro(overig_b), "");
                    w.put(R, "FRO.OVERIG", euro(overig_r), "");
                } else {
                    w.none(B, "FRO.OVERIG", nvt, "");
                    w.none(R, "FRO.OVERIG", nvt, "");
                }
            }
            _ => w.nvt_category(cat, "FRO", ""),
        }
    }

    /// Enquêterecht: the cost of an enquête in a year that has one, else the reservation.
    fn enquete(&mut self, enquete: bool) {
        let (p, cat, index, nvt) = (self.profile, self.cat, self.index, self.nvt);
        let (rng, w) = (&mut self.rng, &mut self.w);
        match &p.enquete {
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
                    let extern_r = pm(extern_b, rng.range(850, 1_200)) + cents(rng);
                    let intern_r = pm(intern_b, rng.range(850, 1_200)) + cents(rng);
                    let (soort, onderwerp) = if p.kind == OrgType::Provincie {
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
    }
}
