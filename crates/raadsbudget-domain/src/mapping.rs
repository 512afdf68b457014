//! Carrying figures between catalogue versions (`definities-2027.1.md`, "Comparable"), pure.
//!
//! A chain of versions is walked one step at a time; each step is the `[[wijziging]]` list of
//! the newer catalogue. A set of posts is **comparable** between two versions when the chain
//! carries it as a whole: only `gelijk`/`hernoemd` for a single post, and for a sum every part
//! of each split or merge inside the set. Everything else is a [`Break`] with its reason.

use crate::catalogue::{posts, Catalogue, Change, ChangeKind, Unit};
use crate::dataset::{Dataset, Record};
use crate::fase::{Fase, Jaar};
use crate::kengetallen::{Indicator, Kengetallen, TOTAAL};
use crate::value::{Entry, Value};
use std::collections::BTreeSet;

/// Why a figure is not comparable between two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// A post's meaning changed (`gewijzigd`).
    Changed {
        /// The post.
        post: String,
        /// The version that changed it.
        versie: String,
        /// The change's explanation.
        toelichting: String,
    },
    /// A post is no longer asked (`vervallen`).
    Retired {
        /// The post.
        post: String,
        /// The version that retired it.
        versie: String,
    },
    /// A post did not exist before (`nieuw`).
    New {
        /// The post.
        post: String,
        /// The version that introduced it.
        versie: String,
    },
    /// Only part of a split or merge is in the set.
    Partial {
        /// `gesplitst` or `samengevoegd`.
        soort: ChangeKind,
        /// The old codes.
        van: Vec<String>,
        /// The new codes.
        naar: Vec<String>,
        /// The version that made the change.
        versie: String,
    },
}

impl Break {
    /// The reason in Dutch, for a chart's break marker, a table note or a factsheet (the
    /// change's `toelichting`, written for the griffier, is shown beside the definitions).
    pub fn reason(&self) -> String {
        match self {
            Break::Changed { post, versie, .. } => {
                format!("{post} heeft sinds definities {versie} een andere definitie")
            }
            Break::Retired { post, versie } => {
                format!("{post} wordt sinds definities {versie} niet meer gevraagd")
            }
            Break::New { post, versie } => {
                format!("{post} wordt pas sinds definities {versie} gevraagd")
            }
            Break::Partial {
                soort,
                van,
                naar,
                versie,
            } => match soort {
                ChangeKind::Samengevoegd => format!(
                    "in definities {versie} zijn {} samengevoegd tot {}; alleen het totaal is vergelijkbaar",
                    van.join(" en "),
                    naar.join(" en ")
                ),
                _ => format!(
                    "in definities {versie} is {} gesplitst in {}; alleen het totaal is vergelijkbaar",
                    van.join(" en "),
                    naar.join(" en ")
                ),
            },
        }
    }
}

/// One step of the chain: `prev` → `cat`, described by `cat.wijzigingen`.
#[derive(Clone, Copy)]
struct Step {
    prev: &'static Catalogue,
    cat: &'static Catalogue,
}

impl Step {
    /// The change naming `code` on the old side, when it applies in `fase`.
    fn change_from(&self, code: &str, fase: Fase) -> Option<&'static Change> {
        self.cat
            .wijzigingen
            .iter()
            .find(|c| c.applies_in(fase) && c.van.iter().any(|v| v == code))
    }

    /// The change naming `code` on the new side, when it applies in `fase`.
    fn change_to(&self, code: &str, fase: Fase) -> Option<&'static Change> {
        self.cat
            .wijzigingen
            .iter()
            .find(|c| c.applies_in(fase) && c.naar.iter().any(|v| v == code))
    }

    /// The new codes an old code goes to.
    fn image(&self, code: &str, fase: Fase) -> Vec<String> {
        match self.change_from(code, fase) {
            // A `gewijzigd` entry may list several posts; each keeps its own code.
            Some(c) if c.soort == ChangeKind::Gewijzigd => vec![code.to_string()],
            Some(c) => c.naar.clone(),
            None if self.cat.post(code).is_some() => vec![code.to_string()],
            None => Vec::new(),
        }
    }

    /// The old codes a new code comes from.
    fn preimage(&self, code: &str, fase: Fase) -> Vec<String> {
        match self.change_to(code, fase) {
            Some(c) if c.soort == ChangeKind::Gewijzigd => vec![code.to_string()],
            Some(c) => c.van.clone(),
            None if self.prev.post(code).is_some() => vec![code.to_string()],
            None => Vec::new(),
        }
    }

    /// Maps a set of old codes; the first break, if the set is not carried as a whole.
    fn carry(&self, set: &BTreeSet<String>, fase: Fase) -> (BTreeSet<String>, Option<Break>) {
        let versie = || self.cat.versie.clone();
        let mut out = BTreeSet::new();
        let mut broken = None;
        for code in set {
            if let Some(c) = self.change_from(code, fase) {
                let b = match c.soort {
                    ChangeKind::Gewijzigd => Some(Break::Changed {
                        post: code.clone(),
                        versie: versie(),
                        toelichting: c.toelichting.clone(),
                    }),
                    ChangeKind::Vervallen => Some(Break::Retired {
                        post: code.clone(),
                        versie: versie(),
                    }),
                    _ => None,
                };
                broken = broken.or(b);
            }
            out.extend(self.image(code, fase));
        }
        for code in &out {
            let from = self.preimage(code, fase);
            if from.is_empty() {
                broken = broken.or(Some(Break::New {
                    post: code.clone(),
                    versie: versie(),
                }));
            } else if from.iter().any(|f| !set.contains(f)) {
                let c = self.change_to(code, fase);
                broken = broken.or(c.map(|c| Break::Partial {
                    soort: c.soort,
                    van: c.van.clone(),
                    naar: c.naar.clone(),
                    versie: versie(),
                }));
            }
        }
        (out, broken)
    }
}

/// The steps from `from` to `to` (older to newer, none for the same version); `None` when
/// `to` is older than `from` or either is not registered.
fn steps(from: &'static Catalogue, to: &'static Catalogue) -> Option<Vec<Step>> {
    let chain = from.chain_to(to);
    let first = *chain.first()?;
    if !std::ptr::eq(first, from) {
        return None;
    }
    let forward = chain
        .get(1)
        .is_none_or(|c| c.predecessor().is_some_and(|p| std::ptr::eq(p, first)));
    forward.then(|| {
        chain
            .windows(2)
            .map(|w| Step {
                prev: w[0],
                cat: w[1],
            })
            .collect()
    })
}

/// The older and the newer of two catalogues.
fn ordered(
    a: &'static Catalogue,
    b: &'static Catalogue,
) -> (&'static Catalogue, &'static Catalogue) {
    if steps(a, b).is_some() {
        (a, b)
    } else {
        (b, a)
    }
}

/// Where a set of posts of `from` goes in `to` (a newer or the same version), in one fase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapped {
    /// The codes in `to`.
    pub codes: BTreeSet<String>,
    /// `None` when the set is comparable; otherwise the first reason it is not.
    pub broken: Option<Break>,
}

/// Maps a set of posts of one version to another, either way in time (comparability is
/// symmetric). Codes of the newer version are mapped back through the same steps.
pub fn map_set(a: &'static Catalogue, b: &'static Catalogue, fase: Fase, codes: &[&str]) -> Mapped {
    let set: BTreeSet<String> = codes.iter().map(|c| c.to_string()).collect();
    let (old, new) = ordered(a, b);
    let chain = steps(old, new).unwrap_or_default();
    if std::ptr::eq(old, a) {
        let mut cur = set;
        let mut broken = None;
        for step in &chain {
            let (next, b) = step.carry(&cur, fase);
            broken = broken.or(b);
            cur = next;
        }
        Mapped { codes: cur, broken }
    } else {
        // Backwards: find the old set whose image is this set, then check it forwards.
        let mut cur = set.clone();
        for step in chain.iter().rev() {
            cur = cur.iter().flat_map(|c| step.preimage(c, fase)).collect();
        }
        let forward = map_set(
            old,
            new,
            fase,
            &cur.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        let broken = forward
            .broken
            .or_else(|| (forward.codes != set).then(|| partial_or_new(&chain, &set, fase)));
        Mapped { codes: cur, broken }
    }
}

/// The reason a set of new codes is not the whole image of its old codes.
fn partial_or_new(chain: &[Step], set: &BTreeSet<String>, fase: Fase) -> Break {
    for step in chain.iter().rev() {
        for code in set {
            match step.change_to(code, fase) {
                Some(c) if c.soort == ChangeKind::Nieuw => {
                    return Break::New {
                        post: code.clone(),
                        versie: step.cat.versie.clone(),
                    }
                }
                Some(c) if matches!(c.soort, ChangeKind::Gesplitst | ChangeKind::Samengevoegd) => {
                    return Break::Partial {
                        soort: c.soort,
                        van: c.van.clone(),
                        naar: c.naar.clone(),
                        versie: step.cat.versie.clone(),
                    }
                }
                _ => {}
            }
        }
    }
    Break::New {
        post: set.iter().next().cloned().unwrap_or_default(),
        versie: chain
            .last()
            .map(|s| s.cat.versie.clone())
            .unwrap_or_default(),
    }
}

/// Whether one post is comparable between two versions (`to_post`: its code in `b`).
pub fn post_comparable(
    a: &'static Catalogue,
    b: &'static Catalogue,
    fase: Fase,
    post: &str,
) -> Result<String, Break> {
    let m = map_set(a, b, fase, &[post]);
    match m.broken {
        Some(br) => Err(br),
        None if m.codes.len() == 1 => Ok(m.codes.into_iter().next().unwrap_or_default()),
        None => Err(partial_or_new(
            &steps(ordered(a, b).0, ordered(a, b).1).unwrap_or_default(),
            &m.codes,
            fase,
        )),
    }
}

/// What last year's values give for one post of the newer version `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Carry {
    /// The value (or the sum of the values, for a merge) of these old posts carries over.
    Value {
        /// The old codes (one for `gelijk`/`hernoemd`).
        from: Vec<String>,
    },
    /// The old total is shared by several new posts: shown across them, never filled in.
    Total {
        /// The old codes whose total it is.
        from: Vec<String>,
        /// The new posts that share it, in catalogue order.
        parts: Vec<String>,
    },
    /// The old value has another definition: shown marked, not filled in.
    OtherDefinition {
        /// The old code.
        from: String,
        /// Why (the change's toelichting).
        reason: Break,
    },
    /// The post is new: nothing to show.
    New,
}

/// How a value of post `post` (in `to`, newer) is found among the values of `from` (older).
pub fn carry(from: &'static Catalogue, to: &'static Catalogue, fase: Fase, post: &str) -> Carry {
    let Some(chain) = steps(from, to) else {
        // `from` is the newer one (a value entered later, read in an older uitvraag): only a
        // post that is carried as itself (gelijk, hernoemd) has a value there.
        return match post_comparable(to, from, fase, post) {
            Ok(code) => Carry::Value { from: vec![code] },
            Err(_) => Carry::New,
        };
    };
    let back = |set: &BTreeSet<String>| -> BTreeSet<String> {
        let mut cur = set.clone();
        for step in chain.iter().rev() {
            cur = cur.iter().flat_map(|c| step.preimage(c, fase)).collect();
        }
        cur
    };
    // The smallest set of new posts that holds `post` and is the whole image of its old posts.
    let mut group = BTreeSet::from([post.to_string()]);
    let old = loop {
        let old = back(&group);
        let from_codes: Vec<&str> = old.iter().map(String::as_str).collect();
        let image = map_set(from, to, fase, &from_codes).codes;
        let grown: BTreeSet<String> = group.union(&image).cloned().collect();
        if grown == group {
            break old;
        }
        group = grown;
    };
    if old.is_empty() {
        return Carry::New;
    }
    let in_order = |set: &BTreeSet<String>, cat: &Catalogue| -> Vec<String> {
        let mut v: Vec<String> = set.iter().cloned().collect();
        v.sort_by_key(|c| cat.position(c).unwrap_or(usize::MAX));
        v
    };
    let old_codes: Vec<&str> = old.iter().map(String::as_str).collect();
    if let Some(reason @ Break::Changed { .. }) = map_set(from, to, fase, &old_codes).broken {
        if let [one] = old_codes.as_slice() {
            return Carry::OtherDefinition {
                from: one.to_string(),
                reason,
            };
        }
    }
    if group.len() == 1 {
        Carry::Value {
            from: in_order(&old, from),
        }
    } else {
        Carry::Total {
            from: in_order(&old, from),
            parts: in_order(&group, to),
        }
    }
}

/// The posts an indicator of a category reads in one fase: `(fase, post)`.
pub fn indicator_inputs(
    cat: &Catalogue,
    categorie: &str,
    fase: Fase,
    indicator: Indicator,
) -> Vec<(Fase, String)> {
    let in_category = |p: &&crate::catalogue::Post| categorie == TOTAAL || p.categorie == categorie;
    let kern = |f: Fase| -> Vec<(Fase, String)> {
        cat.posts
            .iter()
            .filter(in_category)
            .filter(|p| p.kernbudget && p.has_fase(f))
            .map(|p| (f, p.code.clone()))
            .collect()
    };
    let fte = || -> Vec<(Fase, String)> {
        cat.posts
            .iter()
            .filter(in_category)
            .filter(|p| p.eenheid == Unit::Fte && p.has_fase(fase))
            .map(|p| (fase, p.code.clone()))
            .collect()
    };
    let ken = |code: &str| (Fase::Kenmerk, code.to_string());
    let mut inputs = match indicator {
        Indicator::Kernbudget => kern(fase),
        Indicator::PerInwoner => kern(fase),
        Indicator::PerZetel => kern(fase),
        Indicator::PerFractie => kern(fase),
        Indicator::AandeelTotaleLasten => kern(fase),
        Indicator::Fte | Indicator::FtePer10000 => fte(),
        Indicator::Uitputting => {
            let mut both = kern(Fase::Begroting);
            both.extend(kern(Fase::Realisatie));
            both
        }
    };
    match indicator {
        Indicator::PerInwoner | Indicator::FtePer10000 => inputs.push(ken(posts::INWONERS)),
        Indicator::PerZetel => inputs.push(ken(posts::ZETELS)),
        Indicator::PerFractie => inputs.push(ken(posts::FRACTIES)),
        Indicator::AandeelTotaleLasten => inputs.push(ken(posts::TOTALE_LASTEN)),
        _ => {}
    }
    inputs
}

/// Whether an indicator of a category in one fase is comparable between two versions: the
/// posts it sums, and those it divides by, are carried as a whole.
pub fn indicator_comparable(
    a: &'static Catalogue,
    b: &'static Catalogue,
    categorie: &str,
    fase: Fase,
    indicator: Indicator,
) -> Result<(), Break> {
    if std::ptr::eq(a, b) {
        return Ok(());
    }
    let from = indicator_inputs(a, categorie, fase, indicator);
    let to = indicator_inputs(b, categorie, fase, indicator);
    for f in [Fase::Kenmerk, Fase::Begroting, Fase::Realisatie] {
        let codes: Vec<&str> = from
            .iter()
            .filter(|(g, _)| *g == f)
            .map(|(_, c)| c.as_str())
            .collect();
        let want: BTreeSet<String> = to
            .iter()
            .filter(|(g, _)| *g == f)
            .map(|(_, c)| c.clone())
            .collect();
        if codes.is_empty() && want.is_empty() {
            continue;
        }
        let m = map_set(a, b, f, &codes);
        if let Some(br) = m.broken {
            return Err(br);
        }
        if m.codes != want {
            let (old, new) = ordered(a, b);
            let newer_set = if std::ptr::eq(new, b) {
                &want
            } else {
                &m.codes
            };
            return Err(partial_or_new(
                &steps(old, new).unwrap_or_default(),
                newer_set,
                f,
            ));
        }
    }
    Ok(())
}

/// The entry for `post` of `cat` from the block `(jaar, fase)` of `data`, carried over the
/// mapping between the version the block was entered under and `cat` (see [`carry`]); `None`
/// when nothing carries. An entry already under `cat` is taken as it is. A merge carries the
/// sum of its old posts when all of them have a value, or the reason they share. The result
/// is under `cat`.
pub fn carried_record(
    data: &Dataset,
    jaar: Jaar,
    fase: Fase,
    cat: &'static Catalogue,
    post: &str,
) -> Option<Record> {
    let own = data.get(jaar, fase, post);
    if let Some(r) = own.filter(|r| r.definities == cat.versie) {
        return Some(r.clone());
    }
    // The version the value was entered under: the record's own when the post has one, else
    // that of the block.
    let from_cat = own
        .and_then(|r| Catalogue::get(r.definities.as_str()))
        .or_else(|| data.catalogue(jaar, fase))
        .unwrap_or_else(|| Catalogue::for_entry(jaar, fase, post, None));
    let from = match carry(from_cat, cat, fase, post) {
        Carry::Value { from } => from,
        Carry::Total { .. } | Carry::OtherDefinition { .. } | Carry::New => return None,
    };
    let records: Vec<&Record> = from
        .iter()
        .map(|c| data.get(jaar, fase, c))
        .collect::<Option<_>>()?;
    let (entry, toelichting) = match records.as_slice() {
        [one] => (one.entry.clone(), one.toelichting.clone()),
        many => (sum_entries(many.iter().map(|r| &r.entry))?, String::new()),
    };
    Some(Record {
        entry,
        toelichting,
        definities: cat.version(),
    })
}

/// The sum of decimal values, or the one reason all entries share; `None` otherwise.
fn sum_entries<'a>(entries: impl Iterator<Item = &'a Entry>) -> Option<Entry> {
    let mut sum: Option<Entry> = None;
    for e in entries {
        sum = Some(match (sum, e) {
            (None, e) => e.clone(),
            (Some(Entry::Value(Value::Decimal(a))), Entry::Value(Value::Decimal(b))) => {
                Entry::Value(Value::Decimal(a + b))
            }
            (Some(Entry::Reason(a)), Entry::Reason(b)) if a == *b => Entry::Reason(a),
            _ => return None,
        });
    }
    sum
}

/// The blocks `blocks` of `data` under `cat`: a block entered under `cat` as it is, another
/// carried over the mapping post by post ([`carried_record`]). For exporting an uitvraag whose
/// kenmerken of the year before were entered under the previous version.
pub fn in_version(data: &Dataset, cat: &'static Catalogue, blocks: &[(Jaar, Fase)]) -> Dataset {
    let mut out = Dataset::new(data.organisation.clone());
    for &(jaar, fase) in blocks {
        match data.catalogue(jaar, fase) {
            None => {}
            Some(c)
                if std::ptr::eq(c, cat)
                    && data
                        .records_in(jaar, fase)
                        .all(|(_, r)| r.definities == cat.versie) =>
            {
                for (code, r) in data.records_in(jaar, fase) {
                    out.set(jaar, fase, code, r.clone());
                }
            }
            Some(_) => {
                for post in cat.posts_in(fase) {
                    if let Some(r) = carried_record(data, jaar, fase, cat, &post.code) {
                        out.set(jaar, fase, &post.code, r);
                    }
                }
            }
        }
    }
    out
}

/// Makes the kengetallen `k` of a block entered under `from` publishable under `to` (the
/// version of its uitvraag): every indicator that is not comparable between the two is
/// emptied, so a file filled in under last year's definitions never adds a figure of another
/// meaning (such as realisatie fte across 2026.1 → 2027.1) to this year's statistics.
pub fn publish_under(
    k: &mut Kengetallen,
    from: &'static Catalogue,
    to: &'static Catalogue,
    fase: Fase,
) {
    if std::ptr::eq(from, to) {
        return;
    }
    let categorie = k.categorie.clone();
    for i in Indicator::ALL {
        if indicator_comparable(from, to, &categorie, fase, i).is_err() {
            i.clear(k);
        }
    }
}

/// The version a published figure of `(jaar, fase)` is under: that of its uitvraag (for a
/// kenmerk, the uitvraag it is first asked in).
pub fn published_under(jaar: Jaar, fase: Fase) -> &'static Catalogue {
    Catalogue::for_uitvraag(crate::fase::uitvraag_of(jaar, fase))
}

/// The figures of a category that are not comparable between the published versions of two
/// years of one fase, with the reason of the first: `(indicators, reason)`; empty when all are.
pub fn breaks_between(
    categorie: &str,
    fase: Fase,
    (earlier, later): (Jaar, Jaar),
    indicators: &[Indicator],
) -> Option<(Vec<Indicator>, Break)> {
    let (a, b) = (published_under(earlier, fase), published_under(later, fase));
    let mut broken = Vec::new();
    let mut reason = None;
    for &i in indicators {
        if let Err(br) = indicator_comparable(a, b, categorie, fase, i) {
            broken.push(i);
            reason.get_or_insert(br);
        }
    }
    reason.map(|r| (broken, r))
}
