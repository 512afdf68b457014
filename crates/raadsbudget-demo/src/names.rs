//! Fictional names: syllables for gemeenten and waterschappen, a list for provincies.

use crate::rng::Rng;
use std::collections::BTreeSet;

const NAAM_BEGIN: [&str; 48] = [
    "Alder", "Berkel", "Bruin", "Dalf", "Eem", "Elster", "Gelder", "Haver", "Hoog", "Kamer",
    "Leeu", "Linde", "Maar", "Mols", "Nieuwer", "Ooster", "Raven", "Rijs", "Sloe", "Ter", "Veen",
    "Vlier", "Wester", "Zand", "Zuider", "Aken", "Bever", "Dussel", "Elder", "Heer", "Hengel",
    "Holt", "Kolle", "Lutte", "Mark", "Noord", "Olden", "Puth", "Ros", "Scheem", "Stave", "Til",
    "Vorden", "Wijde", "Wolde", "Ommer", "Brak", "Lier",
];
pub(crate) const NAAM_EIND: [&str; 30] = [
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
pub(crate) const WATERSCHAP_EIND: [&str; 10] = [
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
pub(crate) const PROVINCIE_NAMEN: [&str; 12] = [
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
pub(crate) fn unique_name(
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
