//! The `[[wijziging]]` entries of a catalogue: how its posts came from those of its
//! predecessor (`definities-2027.1.md`, "The mapping as data"), and the check that the mapping
//! accounts for every code of the predecessor exactly once.

use super::Catalogue;
use crate::fase::Fase;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// The kind of a change between two catalogue versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Same code, same meaning (implicit for every code not listed).
    Gelijk,
    /// 1 → 1 under another code; the value carries over.
    Hernoemd,
    /// 1 → n; the old value is the sum of the new ones and carries over only as a total.
    Gesplitst,
    /// n → 1; the new value is the sum of the old ones.
    Samengevoegd,
    /// Same code, changed meaning: the value is not comparable.
    Gewijzigd,
    /// 1 → 0: no longer asked.
    Vervallen,
    /// 0 → 1: asked for the first time.
    Nieuw,
}

impl ChangeKind {
    /// Every kind, in the order of the spec.
    pub const ALL: [ChangeKind; 7] = [
        ChangeKind::Gelijk,
        ChangeKind::Hernoemd,
        ChangeKind::Gesplitst,
        ChangeKind::Samengevoegd,
        ChangeKind::Gewijzigd,
        ChangeKind::Vervallen,
        ChangeKind::Nieuw,
    ];

    /// The Dutch name, capitalised: "Hernoemd", "Gesplitst", …
    pub fn naam(self) -> &'static str {
        match self {
            ChangeKind::Gelijk => "Gelijk",
            ChangeKind::Hernoemd => "Hernoemd",
            ChangeKind::Gesplitst => "Gesplitst",
            ChangeKind::Samengevoegd => "Samengevoegd",
            ChangeKind::Gewijzigd => "Andere definitie",
            ChangeKind::Vervallen => "Vervallen",
            ChangeKind::Nieuw => "Nieuw",
        }
    }

    /// The code as written in a catalogue file.
    pub fn code(self) -> &'static str {
        match self {
            ChangeKind::Gelijk => "gelijk",
            ChangeKind::Hernoemd => "hernoemd",
            ChangeKind::Gesplitst => "gesplitst",
            ChangeKind::Samengevoegd => "samengevoegd",
            ChangeKind::Gewijzigd => "gewijzigd",
            ChangeKind::Vervallen => "vervallen",
            ChangeKind::Nieuw => "nieuw",
        }
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One `[[wijziging]]` entry of a catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The kind.
    pub soort: ChangeKind,
    /// Codes of the predecessor.
    #[serde(default)]
    pub van: Vec<String>,
    /// Codes of this catalogue.
    #[serde(default)]
    pub naar: Vec<String>,
    /// The fases the change applies to; empty: every fase of the posts. In another fase the
    /// codes on both sides are `gelijk`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fases: Vec<Fase>,
    /// Dutch, for the griffier: what moved where.
    pub toelichting: String,
}

impl Change {
    /// Whether the change applies in `fase`.
    pub fn applies_in(&self, fase: Fase) -> bool {
        self.fases.is_empty() || self.fases.contains(&fase)
    }

    /// What changed, in one Dutch sentence without the explanation, e.g. "ENQ.RESERVERING
    /// heet nu ENQ.STELPOST" (the same text in the app and in `raadsbudget definities
    /// --wijzigingen`).
    pub fn kop(&self) -> String {
        let list = |codes: &[String]| match codes {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} en {last}", init.join(", ")),
        };
        let (van, naar) = (list(&self.van), list(&self.naar));
        let fases = if self.fases.is_empty() {
            String::new()
        } else {
            let names: Vec<&str> = self.fases.iter().map(|f| f.as_str()).collect();
            format!(" (alleen {})", names.join(" en "))
        };
        let many = self.van.len() > 1 || self.naar.len() > 1;
        match self.soort {
            ChangeKind::Gelijk => format!("{van} is gelijk gebleven"),
            ChangeKind::Hernoemd => format!("{van} heet nu {naar}{fases}"),
            ChangeKind::Gesplitst => format!("{van} is gesplitst in {naar}{fases}"),
            ChangeKind::Samengevoegd => format!("{van} zijn samengevoegd tot {naar}{fases}"),
            ChangeKind::Gewijzigd if many => {
                format!("{van} hebben een andere definitie{fases}")
            }
            ChangeKind::Gewijzigd => format!("{van} heeft een andere definitie{fases}"),
            ChangeKind::Vervallen if many => format!("{van} vervallen{fases}"),
            ChangeKind::Vervallen => format!("{van} vervalt{fases}"),
            ChangeKind::Nieuw if many => format!("{naar} zijn nieuw{fases}"),
            ChangeKind::Nieuw => format!("{naar} is nieuw{fases}"),
        }
    }
}

/// Checks the mapping of `cat` against its predecessor `prev` (`None`: the first version,
/// which may not carry a mapping). Returns what is wrong, in Dutch.
pub(super) fn check(cat: &Catalogue, prev: Option<&Catalogue>) -> Result<(), String> {
    let Some(prev) = prev else {
        return match cat.wijzigingen.first() {
            None => Ok(()),
            Some(_) => Err(
                "het bestand beschrijft wijzigingen, maar er is geen eerdere versie om ze op toe te passen"
                    .into(),
            ),
        };
    };
    if cat.uitvraag_vanaf <= prev.uitvraag_vanaf {
        return Err(format!(
            "uitvraag_vanaf {} moet later zijn dan {} van de vorige versie {}",
            cat.uitvraag_vanaf, prev.uitvraag_vanaf, prev.versie
        ));
    }
    // Where each code is named: predecessor codes in `van`, this catalogue's codes in `naar`.
    let mut in_van: HashMap<&str, usize> = HashMap::new();
    let mut in_naar: HashMap<&str, usize> = HashMap::new();
    for (i, ch) in cat.wijzigingen.iter().enumerate() {
        let n = i + 1;
        check_shape(ch).map_err(|m| format!("wijziging {n} ({}): {m}", ch.soort))?;
        // A change in some fases only is a change of meaning; a post that is renamed, split,
        // merged or retired is so in every fase (else it would vanish from the others).
        if !ch.fases.is_empty() && ch.soort != ChangeKind::Gewijzigd {
            return Err(format!(
                "wijziging {n} ({}): ‘fases’ kan alleen bij soort gewijzigd; een post wordt in elke fase tegelijk hernoemd, gesplitst, samengevoegd of geschrapt",
                ch.soort
            ));
        }
        if ch.toelichting.trim().is_empty() {
            return Err(format!(
                "wijziging {n} ({}) heeft geen toelichting",
                ch.soort
            ));
        }
        for code in &ch.van {
            let Some(old) = prev.post(code) else {
                return Err(format!(
                    "wijziging {n} ({}) noemt {code}, maar versie {} kent die post niet",
                    ch.soort, prev.versie
                ));
            };
            if let Some(first) = in_van.insert(code, n) {
                return Err(format!(
                    "{code} van versie {} staat in wijziging {first} en in wijziging {n}; elke post mag één keer wijzigen",
                    prev.versie
                ));
            }
            if ch.fases.iter().any(|f| !old.has_fase(*f)) {
                return Err(format!(
                    "wijziging {n} ({}) noemt een fase die {code} niet heeft",
                    ch.soort
                ));
            }
        }
        for code in &ch.naar {
            let Some(new) = cat.post(code) else {
                return Err(format!(
                    "wijziging {n} ({}) noemt {code}, maar deze versie kent die post niet",
                    ch.soort
                ));
            };
            if let Some(first) = in_naar.insert(code, n) {
                return Err(format!(
                    "{code} staat in wijziging {first} en in wijziging {n}; elke post mag één keer ontstaan"
                ));
            }
            if ch.fases.iter().any(|f| !new.has_fase(*f)) {
                return Err(format!(
                    "wijziging {n} ({}) noemt een fase die {code} niet heeft",
                    ch.soort
                ));
            }
        }
        // An old code that the new version still has must be among the new codes (a split
        // that keeps its code): otherwise it would be counted twice, or silently retired.
        if ch.soort != ChangeKind::Gewijzigd {
            if let Some(kept) = ch
                .van
                .iter()
                .find(|c| cat.post(c).is_some() && !ch.naar.contains(c))
            {
                return Err(format!(
                    "wijziging {n} ({}): {kept} bestaat ook in deze versie, maar staat niet bij ‘naar’",
                    ch.soort
                ));
            }
        }
        check_units(ch, prev, cat).map_err(|m| format!("wijziging {n} ({}): {m}", ch.soort))?;
    }
    for old in &prev.posts {
        let code = old.code.as_str();
        if in_van.contains_key(code) {
            continue;
        }
        let Some(new) = cat.post(code) else {
            return Err(format!(
                "post {code} van versie {} ontbreekt in deze versie zonder wijziging (vervallen, hernoemd, …)",
                prev.versie
            ));
        };
        if in_naar.contains_key(code) {
            return Err(format!(
                "post {code} bestond al in versie {} en mag alleen in ‘naar’ staan als hij ook in ‘van’ staat",
                prev.versie
            ));
        }
        if new.eenheid != old.eenheid || new.categorie != old.categorie {
            return Err(format!(
                "post {code} is gelijk gebleven maar heeft een andere eenheid of categorie; beschrijf dat als wijziging"
            ));
        }
    }
    for new in &cat.posts {
        let code = new.code.as_str();
        if !in_naar.contains_key(code) && prev.post(code).is_none() {
            return Err(format!(
                "post {code} is nieuw maar staat in geen wijziging (soort nieuw, gesplitst, …)"
            ));
        }
    }
    Ok(())
}

/// The number of codes on each side that a kind allows.
fn check_shape(ch: &Change) -> Result<(), String> {
    let (van, naar) = (ch.van.len(), ch.naar.len());
    let ok = match ch.soort {
        ChangeKind::Gelijk => {
            return Err(
                "‘gelijk’ schrijft u niet op: elke post die nergens staat, is gelijk".into(),
            )
        }
        ChangeKind::Hernoemd => van == 1 && naar == 1 && ch.van[0] != ch.naar[0],
        ChangeKind::Gesplitst => van == 1 && naar >= 2,
        ChangeKind::Samengevoegd => van >= 2 && naar == 1,
        ChangeKind::Gewijzigd => van >= 1 && ch.van == ch.naar,
        ChangeKind::Vervallen => van >= 1 && naar == 0,
        ChangeKind::Nieuw => van == 0 && naar >= 1,
    };
    if ok {
        return Ok(());
    }
    Err(match ch.soort {
        ChangeKind::Hernoemd => "noem één oude en één andere nieuwe code",
        ChangeKind::Gesplitst => "noem één oude code en ten minste twee nieuwe",
        ChangeKind::Samengevoegd => "noem ten minste twee oude codes en één nieuwe",
        ChangeKind::Gewijzigd => "noem dezelfde codes in ‘van’ en ‘naar’",
        ChangeKind::Vervallen => "noem ten minste één oude code en geen nieuwe",
        _ => "noem geen oude code en ten minste één nieuwe",
    }
    .into())
}

/// A value carries from `van` to `naar` (as itself or as a sum) only in the same unit and
/// category.
fn check_units(ch: &Change, prev: &Catalogue, cat: &Catalogue) -> Result<(), String> {
    if !matches!(
        ch.soort,
        ChangeKind::Hernoemd | ChangeKind::Gesplitst | ChangeKind::Samengevoegd
    ) {
        return Ok(());
    }
    let old = ch.van.iter().filter_map(|c| prev.post(c));
    let new = ch.naar.iter().filter_map(|c| cat.post(c));
    let mut units = old.chain(new).map(|p| (p.eenheid, p.categorie.as_str()));
    let first = units.next();
    if units.any(|u| Some(u) != first) {
        return Err("alle posten moeten dezelfde eenheid en categorie hebben".into());
    }
    Ok(())
}
