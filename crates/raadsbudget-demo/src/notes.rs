//! Toelichtingen and `onbekend`s sprinkled over an organisation-year, some of them hard for CSV
//! quoting and spreadsheet safety.

use crate::profile::{Profile, Rekenkamer};
use crate::rng::{stream, Rng};
use crate::writer::{Writer, B, K, ONBEKEND, R};
use raadsbudget_domain::catalogue::posts;
use raadsbudget_domain::{Entry, Fase, Value};

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

impl Profile {
    /// About 5 % of organisation-years get one `onbekend`; now and then a record gets a short
    /// explanation (only values above zero), 1 in 25 of them one that needs CSV quoting or
    /// starts like a formula.
    pub(crate) fn sprinkle(&self, seed: u64, w: &mut Writer<'_>) {
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
            if matches!(self.rekenkamer, Rekenkamer::Eigen(_)) {
                targets.push((R, "RKK.OVERHEAD", "Toerekening overhead nog niet afgerond"));
            }
            if self.fractie.is_some() {
                targets.push((R, "FRO.ASSISTENTIE", "Afrekening met de fracties loopt nog"));
            }
            let &(fase, post, note) = rng.pick(&targets);
            w.put(fase, post, ONBEKEND, note);
        }
        let jaar = w.jaar;
        w.data.for_each_mut(|(j, _, post), record| {
            if j != jaar {
                return;
            }
            let positive = match &record.entry {
                Entry::Value(Value::Decimal(d)) => !d.is_zero(),
                Entry::Value(Value::Count(n)) => *n > 0,
                _ => false,
            };
            if !positive || !record.toelichting.is_empty() || !rng.chance(25) {
                return;
            }
            let text = if rng.chance(40) {
                *rng.pick(&LASTIGE_TOELICHTINGEN)
            } else {
                let pool = TOELICHTINGEN
                    .iter()
                    .find(|(p, _)| *p == post || p.is_empty())
                    .map_or(&[][..], |(_, pool)| *pool);
                if pool.is_empty() {
                    return;
                }
                *rng.pick(pool)
            };
            record.toelichting = text.to_string();
        });
    }
}
