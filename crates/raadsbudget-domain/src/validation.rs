//! Validation rules: errors, warnings and signals for one organisation's uitvraag.
//!
//! The rules work on a [`Dataset`]; where the data came from a file, the caller adds the file,
//! line and column to each finding's [`Location`].

use crate::catalogue::{posts, Catalogue, Post, Unit};
use crate::dataset::{Dataset, Record};
use crate::fase::{uitvraag_blocks, Fase, Jaar};
use crate::finding::{Finding, FindingCode, Location};
use crate::kengetallen::{is_required, kernbudget, Kernbudget};
use crate::mapping::{carry, Carry};
use crate::organisation::OrgType;
use crate::seats::raadszetels;
use crate::value::{format_dutch, Entry, Value, ValueError, MAX_AMOUNT};
use rust_decimal::Decimal;

/// Threshold of the year-on-year warning: relative change.
const W001_RELATIVE: Decimal = Decimal::from_parts(50, 0, 0, false, 2);
/// Threshold of the year-on-year warning: absolute change in euro.
const W001_ABSOLUTE: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);
/// Threshold of the realisatie/begroting warning: relative difference.
const W002_RELATIVE: Decimal = Decimal::from_parts(25, 0, 0, false, 2);
/// Reference line: € 1,00 per inwoner for a rekenkamer.
const S001_LINE: Decimal = Decimal::ONE;
/// Reference line: € 1,30 per inwoner for a rekenkamer.
const S002_LINE: Decimal = Decimal::from_parts(130, 0, 0, false, 2);

fn euro(d: Decimal) -> String {
    format!("€ {}", format_dutch(d, 2))
}

fn percent(d: Decimal) -> String {
    format!("{} %", format_dutch(d, 1))
}

/// The location of a post in an organisation's data.
fn at(data: &Dataset, jaar: Jaar, fase: Fase, post: &str) -> Location {
    Location {
        organisation: Some(data.organisation.code.to_string()),
        ..Location::data(jaar, fase, post)
    }
}

/// The finding for a value that could not be read for a post.
pub fn value_error_finding(post: &Post, err: &ValueError, location: Location) -> Finding {
    let code = match err {
        ValueError::Unfit(_) => FindingCode::UnitMismatch,
        ValueError::Negative(_) => FindingCode::Negative,
        ValueError::TooManyDecimals(_) => FindingCode::TooManyDecimals,
    };
    Finding::new(
        code,
        location,
        format!("{} ({}): {err}", post.code, post.label),
    )
}

/// Checks a stored entry against its post: unit, sign, decimals, code list and fase.
pub fn check_entry(post: &Post, fase: Fase, entry: &Entry, location: Location) -> Option<Finding> {
    check_entry_at(post, fase, entry, || location)
}

/// [`check_entry`], making the location only when there is a finding.
fn check_entry_at(
    post: &Post,
    fase: Fase,
    entry: &Entry,
    location: impl FnOnce() -> Location,
) -> Option<Finding> {
    if !post.has_fase(fase) {
        let fases: Vec<&str> = post.fases.iter().map(|f| f.as_str()).collect();
        return Some(Finding::new(
            FindingCode::WrongFase,
            location(),
            format!(
                "{} hoort niet bij fase {fase}; deze post wordt gevraagd bij {}",
                post.code,
                fases.join(" en ")
            ),
        ));
    }
    let value = entry.value()?;
    let err = match (post.eenheid, value) {
        (Unit::Euro | Unit::Fte, Value::Decimal(d)) => {
            if d.is_sign_negative() && !d.is_zero() {
                Some(ValueError::Negative(value.to_canonical()))
            } else if d.normalize().scale() > 2 {
                Some(ValueError::TooManyDecimals(d.to_string()))
            } else if *d > MAX_AMOUNT {
                Some(ValueError::Unfit(format!(
                    "'{d}' is te groot (hoogstens {})",
                    format_dutch(MAX_AMOUNT, 2)
                )))
            } else {
                None
            }
        }
        (Unit::Aantal, Value::Count(_)) => None,
        (Unit::Code, Value::Code(c)) if post.codes.iter().any(|o| o.code == *c) => None,
        (unit, v) => Some(ValueError::Unfit(format!(
            "'{}' past niet bij eenheid {unit}",
            v.to_canonical()
        ))),
    };
    err.map(|e| value_error_finding(post, &e, location()))
}

/// The finding for an organisation code whose prefix does not match the declared type.
pub fn org_type_finding(data: &Dataset, given: OrgType, location: Location) -> Option<Finding> {
    let org = &data.organisation;
    org.check_type(given)
        .err()
        .map(|e| Finding::new(FindingCode::CodeType, location, e.to_string()))
}

/// Validates an organisation's uitvraag `u`: the four blocks of [`uitvraag_blocks`], with
/// earlier years in `data` used for the year-on-year comparison. Findings are in a stable order:
/// per block, then per post in catalogue order, then the cross-post rules.
pub fn validate_uitvraag(cat: &Catalogue, data: &Dataset, u: Jaar) -> Vec<Finding> {
    let mut out = Vec::new();
    let blocks = Blocks::new(cat, data, u);
    for (jaar, fase) in uitvraag_blocks(u) {
        check_block(cat, data, &blocks, jaar, fase, &mut out);
    }
    out
}

/// The record of each catalogue post (by position) in one `(jaar, fase)`.
type BlockRecords<'d> = Vec<Option<&'d Record>>;

/// The records of the blocks the rules of an uitvraag look at, by catalogue position: one
/// search in the dataset per block instead of one per post and rule.
struct Blocks<'d> {
    cat: &'d Catalogue,
    data: &'d Dataset,
    /// `(jaar, fase)` and the record of each catalogue post (by position).
    blocks: Vec<((Jaar, Fase), BlockRecords<'d>)>,
}

impl<'d> Blocks<'d> {
    /// The four blocks of uitvraag `u` and the blocks they are compared with (the year before;
    /// the begroting of a realisatie).
    fn new(cat: &'d Catalogue, data: &'d Dataset, u: Jaar) -> Blocks<'d> {
        let mut keys: Vec<(Jaar, Fase)> = Vec::with_capacity(8);
        for (jaar, fase) in uitvraag_blocks(u) {
            keys.push((jaar, fase));
            if fase != Fase::Kenmerk {
                keys.extend(jaar.checked_sub(1).map(|prev| (prev, fase)));
            }
            if fase == Fase::Realisatie {
                keys.push((jaar, Fase::Begroting));
            }
        }
        keys.sort_unstable();
        keys.dedup();
        let blocks = keys
            .into_iter()
            .map(|(jaar, fase)| {
                let mut records = vec![None; cat.posts.len()];
                if let Some(slots) = data.slots(jaar, fase, cat) {
                    for (slot, record) in records.iter_mut().zip(slots) {
                        *slot = record.as_ref();
                    }
                } else {
                    for (code, record) in data.records_in(jaar, fase) {
                        if let Some(slot) = cat.position(code).and_then(|i| records.get_mut(i)) {
                            *slot = Some(record);
                        }
                    }
                }
                ((jaar, fase), records)
            })
            .collect();
        Blocks { cat, data, blocks }
    }

    /// The record of the post at catalogue position `i` (what `data.get` gives for it).
    fn get(&self, jaar: Jaar, fase: Fase, i: usize) -> Option<&'d Record> {
        match self.blocks.iter().find(|(key, _)| *key == (jaar, fase)) {
            Some((_, records)) => records.get(i).copied().flatten(),
            // A block not prepared by `new`: look it up.
            None => {
                let post = self.cat.posts.get(i)?;
                self.data.get(jaar, fase, &post.code)
            }
        }
    }

    /// The numeric value of the post at catalogue position `i` (what `data.decimal` gives).
    fn decimal(&self, jaar: Jaar, fase: Fase, i: usize) -> Option<Decimal> {
        self.get(jaar, fase, i).and_then(|r| r.entry.decimal())
    }
}

fn check_block(
    cat: &Catalogue,
    data: &Dataset,
    blocks: &Blocks<'_>,
    jaar: Jaar,
    fase: Fase,
    out: &mut Vec<Finding>,
) {
    // Whether any post of the block has an entry.
    let mut block_is_empty = true;
    // Entries that are not in the catalogue or not in this fase.
    for (code, record) in data.records_in(jaar, fase) {
        block_is_empty = false;
        let loc = || at(data, jaar, fase, code);
        match cat.post(code) {
            None => out.push(Finding::new(
                FindingCode::UnknownPost,
                loc(),
                format!("{code} is geen post van de definities {}", cat.versie),
            )),
            Some(post) => out.extend(check_entry_at(post, fase, &record.entry, loc)),
        }
    }
    if block_is_empty {
        out.push(Finding::new(
            FindingCode::EmptyBlock,
            Location {
                organisation: Some(data.organisation.code.to_string()),
                jaar: Some(jaar),
                fase: Some(fase),
                ..Location::default()
            },
            format!(
                "{fase} {jaar} is nog helemaal niet ingevuld; in het benchmarkbestand staan alle verplichte posten dan als onbekend"
            ),
        ));
        return;
    }
    for (i, post) in posts_in(cat, fase) {
        if blocks.get(jaar, fase, i).is_none() && is_required(post, data, jaar) {
            out.push(Finding::new(
                FindingCode::MissingRequired,
                at(data, jaar, fase, &post.code),
                format!(
                    "verplichte post {} ({}) ontbreekt voor {fase} {jaar}; vul een waarde in of kies nvt of onbekend",
                    post.code, post.label
                ),
            ));
        }
    }
    match fase {
        Fase::Kenmerk => check_seats(data, jaar, out),
        Fase::Begroting | Fase::Realisatie => {
            check_year_on_year(cat, data, blocks, jaar, fase, out);
            if fase == Fase::Realisatie {
                check_budget_deviation(cat, data, blocks, jaar, out);
            }
            check_shared_rekenkamer(data, jaar, fase, out);
            check_fte_without_cost(cat, data, blocks, jaar, fase, out);
            check_rekenkamer_signal(cat, data, jaar, fase, out);
        }
    }
}

/// The posts asked in a fase with their catalogue position, in order.
fn posts_in(cat: &Catalogue, fase: Fase) -> impl Iterator<Item = (usize, &Post)> {
    cat.posts
        .iter()
        .enumerate()
        .filter(move |(_, p)| p.has_fase(fase))
}

fn euro_posts(cat: &Catalogue, fase: Fase) -> impl Iterator<Item = (usize, &Post)> {
    posts_in(cat, fase).filter(|(_, p)| p.eenheid == Unit::Euro)
}

/// Whether `new` differs from `old` by more than `relative` of `old` (any change from 0 counts).
fn exceeds(old: Decimal, new: Decimal, relative: Decimal) -> bool {
    (new - old).abs() > old.abs() * relative
}

/// `(new − old) / old` as a signed percentage text, or "nieuw" from zero.
fn change_text(old: Decimal, new: Decimal) -> String {
    if old.is_zero() {
        "van nul".to_string()
    } else {
        let pct = (new - old) / old * Decimal::ONE_HUNDRED;
        let sign = if pct.is_sign_positive() { "+" } else { "" };
        format!("{sign}{}", percent(pct))
    }
}

/// What the post at position `i` of `cat` in `(jaar, fase)` is compared with in the block
/// `(ojaar, ofase)`: `(new, old, what)`. Within one version the same post; across a change of
/// definitions like with like ([`carry`]): a renamed post against its old code, the sum of a
/// split's parts against the old total (on the first part only), never a post whose meaning
/// changed or that is new.
fn compared(
    (cat, this): (&Catalogue, Option<&'static Catalogue>),
    data: &Dataset,
    blocks: &Blocks<'_>,
    (jaar, fase, i): (Jaar, Fase, usize),
    (ojaar, ofase): (Jaar, Fase),
) -> Option<(Decimal, Decimal, String)> {
    let post = cat.posts.get(i)?;
    let what = || format!("{} ({})", post.code, post.label);
    let other = data.catalogue(ojaar, ofase);
    let (Some(other), Some(this)) = (other, this) else {
        let new = blocks.decimal(jaar, fase, i)?;
        return Some((new, blocks.decimal(ojaar, ofase, i)?, what()));
    };
    if std::ptr::eq(other, this) {
        let new = blocks.decimal(jaar, fase, i)?;
        return Some((new, blocks.decimal(ojaar, ofase, i)?, what()));
    }
    let sum = |j: Jaar, f: Fase, codes: &[String]| -> Option<Decimal> {
        codes.iter().map(|c| data.decimal(j, f, c)).sum()
    };
    match carry(other, this, ofase, &post.code) {
        Carry::Value { from } => Some((
            blocks.decimal(jaar, fase, i)?,
            sum(ojaar, ofase, &from)?,
            what(),
        )),
        Carry::Total { from, parts } if parts.first() == Some(&post.code) => Some((
            sum(jaar, fase, &parts)?,
            sum(ojaar, ofase, &from)?,
            format!(
                "{} samen (in {} was dat {})",
                parts.join(" + "),
                other.versie,
                from.join(" + ")
            ),
        )),
        _ => None,
    }
}

fn check_year_on_year(
    cat: &Catalogue,
    data: &Dataset,
    blocks: &Blocks<'_>,
    jaar: Jaar,
    fase: Fase,
    out: &mut Vec<Finding>,
) {
    let Some(prev_jaar) = jaar.checked_sub(1) else {
        return;
    };
    // Looked up once per check, not per post: `validate_uitvraag` runs for every bundled file.
    let this = Catalogue::get(&cat.versie);
    for (i, post) in euro_posts(cat, fase) {
        let Some((new, old, what)) = compared(
            (cat, this),
            data,
            blocks,
            (jaar, fase, i),
            (prev_jaar, fase),
        ) else {
            continue;
        };
        if (new - old).abs() > W001_ABSOLUTE && exceeds(old, new, W001_RELATIVE) {
            out.push(Finding::new(
                FindingCode::YearOnYear,
                at(data, jaar, fase, &post.code),
                format!(
                    "{what} is {} in {fase} {jaar}, tegen {} in {prev_jaar} ({}); controleer of de post op dezelfde manier is geboekt",
                    euro(new),
                    euro(old),
                    change_text(old, new)
                ),
            ));
        }
    }
}

fn check_budget_deviation(
    cat: &Catalogue,
    data: &Dataset,
    blocks: &Blocks<'_>,
    jaar: Jaar,
    out: &mut Vec<Finding>,
) {
    let this = Catalogue::get(&cat.versie);
    for (i, post) in euro_posts(cat, Fase::Realisatie) {
        let here = (jaar, Fase::Realisatie, i);
        let Some((real, begr, what)) =
            compared((cat, this), data, blocks, here, (jaar, Fase::Begroting))
        else {
            continue;
        };
        if exceeds(begr, real, W002_RELATIVE) {
            out.push(Finding::new(
                FindingCode::BudgetDeviation,
                at(data, jaar, Fase::Realisatie, &post.code),
                format!(
                    "realisatie {jaar} van {what} is {}, begroot was {} ({}); licht het verschil toe",
                    euro(real),
                    euro(begr),
                    change_text(begr, real)
                ),
            ));
        }
    }
}

fn check_seats(data: &Dataset, jaar: Jaar, out: &mut Vec<Finding>) {
    if data.organisation.org_type() != OrgType::Gemeente {
        return;
    }
    let count = |post| match data.entry(jaar, Fase::Kenmerk, post) {
        Some(Entry::Value(Value::Count(n))) => Some(*n),
        _ => None,
    };
    let (Some(inwoners), Some(zetels)) = (count(posts::INWONERS), count(posts::ZETELS)) else {
        return;
    };
    let expected = raadszetels(inwoners);
    if zetels != expected {
        out.push(Finding::new(
            FindingCode::Seats,
            at(data, jaar, Fase::Kenmerk, posts::ZETELS),
            format!(
                "{zetels} zetels, maar bij {} inwoners hoort volgens artikel 8 van de Gemeentewet een raad van {expected} leden; het aantal zetels verandert alleen bij verkiezingen, dus dit kan kloppen — controleer het wel",
                format_dutch(Decimal::from(inwoners), 0)
            ),
        ));
    }
}

fn check_shared_rekenkamer(data: &Dataset, jaar: Jaar, fase: Fase, out: &mut Vec<Finding>) {
    if data.code(jaar, Fase::Kenmerk, posts::REKENKAMERVORM) != Some(posts::VORM_GEMEENSCHAPPELIJK)
    {
        return;
    }
    let contribution = data.decimal(jaar, fase, posts::RKK_BIJDRAGE_GR);
    if contribution.is_none_or(|d| d <= Decimal::ZERO) {
        out.push(Finding::new(
            FindingCode::SharedWithoutContribution,
            at(data, jaar, fase, posts::RKK_BIJDRAGE_GR),
            format!(
                "de rekenkamer is gemeenschappelijk, maar {} heeft voor {fase} {jaar} geen bedrag boven nul; vul de bijdrage aan de gemeenschappelijke regeling in",
                posts::RKK_BIJDRAGE_GR
            ),
        ));
    }
}

fn check_fte_without_cost(
    cat: &Catalogue,
    data: &Dataset,
    blocks: &Blocks<'_>,
    jaar: Jaar,
    fase: Fase,
    out: &mut Vec<Finding>,
) {
    for (i, fte_post) in posts_in(cat, fase).filter(|(_, p)| p.eenheid == Unit::Fte) {
        // Only fte above zero can lack cost: the cost post is looked up only then.
        let Some(fte) = blocks
            .decimal(jaar, fase, i)
            .filter(|fte| *fte > Decimal::ZERO)
        else {
            continue;
        };
        // The loonkosten of that staff: `*.PERSONEEL`, and from 2027.1 on for the rekenkamer
        // also the griffie staff's hours (`RKK.INZET_GRIFFIE`, split off RKK.PERSONEEL).
        let mut cost_code = format!("{}.PERSONEEL", fte_post.categorie);
        let Some(mut cost) = data.decimal(jaar, fase, &cost_code) else {
            continue;
        };
        let part = format!("{}.INZET_GRIFFIE", fte_post.categorie);
        if cat.post(&part).is_some() {
            cost += data.decimal(jaar, fase, &part).unwrap_or_default();
            cost_code = format!("{cost_code} + {part}");
        }
        if cost.is_zero() {
            out.push(Finding::new(
                FindingCode::FteWithoutCost,
                at(data, jaar, fase, &fte_post.code),
                format!(
                    "{} is {} fte, maar {cost_code} is € 0,00 in {fase} {jaar}; hoort de loonkosten van dit personeel hier niet bij?",
                    fte_post.code,
                    format_dutch(fte, 2)
                ),
            ));
        }
    }
}

fn check_rekenkamer_signal(
    cat: &Catalogue,
    data: &Dataset,
    jaar: Jaar,
    fase: Fase,
    out: &mut Vec<Finding>,
) {
    if data.organisation.org_type() != OrgType::Gemeente {
        return;
    }
    let Kernbudget::Known(kb) = kernbudget(cat, data, jaar, fase, "RKK") else {
        return;
    };
    let Some(inwoners) = data.decimal(jaar, Fase::Kenmerk, posts::INWONERS) else {
        return;
    };
    if inwoners.is_zero() {
        return;
    }
    let per_inwoner = kb / inwoners;
    let (code, line) = if per_inwoner < S001_LINE {
        (FindingCode::RekenkamerBelow100, S001_LINE)
    } else if per_inwoner < S002_LINE {
        (FindingCode::RekenkamerBelow130, S002_LINE)
    } else {
        return;
    };
    out.push(Finding::new(
        code,
        Location {
            organisation: Some(data.organisation.code.to_string()),
            jaar: Some(jaar),
            fase: Some(fase),
            ..Location::default()
        },
        format!(
            "het kernbudget van de rekenkamer is {} per inwoner in {fase} {jaar}, minder dan {} per inwoner (een referentiewaarde uit openbare rapporten, geen norm)",
            euro(per_inwoner),
            euro(line)
        ),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Record;
    use crate::organisation::Organisation;
    use crate::value::Reason;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn put(data: &mut Dataset, jaar: Jaar, fase: Fase, post: &str, entry: Entry) {
        let record = Record {
            entry,
            toelichting: String::new(),
            definities: "2026.1".into(),
        };
        data.set(jaar, fase, post, record);
    }

    fn amount(s: &str) -> Entry {
        Entry::Value(Value::Decimal(d(s)))
    }

    /// A complete, clean uitvraag 2026 for a gemeente of 40.000 inwoners.
    fn complete() -> Dataset {
        let cat = Catalogue::for_uitvraag(2026);
        let mut data = Dataset::new(Organisation::new("GM0001", "Proefstad").unwrap());
        for (jaar, fase) in uitvraag_blocks(2026) {
            for post in cat.posts_in(fase) {
                let entry = match post.code.as_str() {
                    posts::INWONERS => Entry::Value(Value::Count(40_000)),
                    posts::ZETELS => Entry::Value(Value::Count(25)),
                    posts::FRACTIES => Entry::Value(Value::Count(8)),
                    posts::REKENKAMERVORM => Entry::Value(Value::Code("eigen".into())),
                    posts::GR_DEELNEMERS => continue,
                    "RKK.PERSONEEL" => amount("60000.00"),
                    _ => match post.eenheid {
                        Unit::Euro => amount("1000.00"),
                        Unit::Fte => amount("1.00"),
                        Unit::Aantal => Entry::Value(Value::Count(0)),
                        Unit::Code => unreachable!(),
                    },
                };
                put(&mut data, jaar, fase, &post.code, entry);
            }
        }
        data
    }

    fn codes(findings: &[Finding]) -> Vec<&str> {
        findings.iter().map(|f| f.code.as_str()).collect()
    }

    #[test]
    fn a_complete_uitvraag_has_no_findings() {
        let cat = Catalogue::for_uitvraag(2026);
        let findings = validate_uitvraag(cat, &complete(), 2026);
        assert_eq!(codes(&findings), Vec::<&str>::new(), "{findings:#?}");
    }

    #[test]
    fn missing_required_post_is_an_error() {
        let cat = Catalogue::for_uitvraag(2026);
        let mut data = complete();
        data.remove(2026, Fase::Begroting, "GRF.INHUUR");
        let findings = validate_uitvraag(cat, &data, 2026);
        assert_eq!(codes(&findings), ["F001"]);
        assert_eq!(findings[0].location.post.as_deref(), Some("GRF.INHUUR"));
        assert!(findings[0]
            .message
            .contains("ontbreekt voor begroting 2026"));
        // Optional posts (overhead) may be missing.
        data.remove(2026, Fase::Begroting, "GRF.OVERHEAD");
        assert_eq!(codes(&validate_uitvraag(cat, &data, 2026)), ["F001"]);
    }

    #[test]
    fn shared_rekenkamer_requires_participants_and_warns_without_contribution() {
        let cat = Catalogue::for_uitvraag(2026);
        let mut data = complete();
        put(
            &mut data,
            2026,
            Fase::Kenmerk,
            posts::REKENKAMERVORM,
            Entry::Value(Value::Code("gemeenschappelijk".into())),
        );
        put(
            &mut data,
            2026,
            Fase::Begroting,
            posts::RKK_BIJDRAGE_GR,
            amount("0.00"),
        );
        let findings = validate_uitvraag(cat, &data, 2026);
        assert_eq!(codes(&findings), ["F001", "W004"]);
        put(
            &mut data,
            2026,
            Fase::Kenmerk,
            posts::GR_DEELNEMERS,
            Entry::Value(Value::Count(4)),
        );
        put(
            &mut data,
            2026,
            Fase::Begroting,
            posts::RKK_BIJDRAGE_GR,
            amount("40000.00"),
        );
        assert_eq!(
            codes(&validate_uitvraag(cat, &data, 2026)),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn wrong_values_are_errors() {
        let cat = Catalogue::for_uitvraag(2026);
        let mut data = complete();
        put(
            &mut data,
            2026,
            Fase::Begroting,
            "GRF.INHUUR",
            amount("-1.00"),
        );
        put(
            &mut data,
            2026,
            Fase::Begroting,
            "GRF.MATERIEEL",
            amount("1.005"),
        );
        put(
            &mut data,
            2026,
            Fase::Begroting,
            "ENQ.AANTAL",
            amount("1.00"),
        );
        put(
            &mut data,
            2025,
            Fase::Realisatie,
            "FRO.NORM_ZETEL",
            amount("1.00"),
        );
        put(
            &mut data,
            2026,
            Fase::Kenmerk,
            posts::REKENKAMERVORM,
            Entry::Value(Value::Code("samen".into())),
        );
        put(
            &mut data,
            2026,
            Fase::Begroting,
            "GRF.ONZIN",
            amount("1.00"),
        );
        let findings = validate_uitvraag(cat, &data, 2026);
        let mut got = codes(&findings);
        got.sort();
        assert_eq!(got, ["F002", "F002", "F003", "F004", "F006", "F009"]);
    }

    #[test]
    fn warnings_year_on_year_and_budget_deviation() {
        let cat = Catalogue::for_uitvraag(2026);
        let mut data = complete();
        // Previous year's begroting: GRF.PERSONEEL 100.000 → 2026: 1.000 (−99 %, > € 10.000).
        put(
            &mut data,
            2025,
            Fase::Begroting,
            "GRF.PERSONEEL",
            amount("100000.00"),
        );
        // Realisatie 2025 differs > 25 % from the begroting 2025.
        put(
            &mut data,
            2025,
            Fase::Begroting,
            "GRF.INHUUR",
            amount("700.00"),
        );
        let findings = validate_uitvraag(cat, &data, 2026);
        // Realisatie 2025 of GRF.PERSONEEL (1.000) is also far below its begroting (100.000).
        assert_eq!(codes(&findings), ["W002", "W002", "W001"], "{findings:#?}");
        assert!(findings[2].message.contains("€ 100.000,00"));
        assert!(findings[2].message.contains("-99,0 %"));
        // A change of 60 % but only € 600 is not reported.
        put(
            &mut data,
            2025,
            Fase::Begroting,
            "GRF.PERSONEEL",
            amount("1000.00"),
        );
        put(
            &mut data,
            2026,
            Fase::Begroting,
            "GRF.PERSONEEL",
            amount("1600.00"),
        );
        put(
            &mut data,
            2025,
            Fase::Begroting,
            "GRF.INHUUR",
            amount("1000.00"),
        );
        assert!(validate_uitvraag(cat, &data, 2026).is_empty());
    }

    #[test]
    fn seats_fte_and_signals() {
        let cat = Catalogue::for_uitvraag(2026);
        let mut data = complete();
        put(
            &mut data,
            2026,
            Fase::Kenmerk,
            posts::ZETELS,
            Entry::Value(Value::Count(29)),
        );
        put(
            &mut data,
            2026,
            Fase::Begroting,
            "GRF.PERSONEEL",
            amount("0.00"),
        );
        put(
            &mut data,
            2026,
            Fase::Begroting,
            "RKK.PERSONEEL",
            amount("38000.00"),
        );
        let findings = validate_uitvraag(cat, &data, 2026);
        // RKK kernbudget 2026: 38.000 + 4 × 1.000 = 42.000 / 40.000 = € 1,05.
        assert_eq!(codes(&findings), ["W003", "W005", "S002"], "{findings:#?}");
        assert!(findings[0].message.contains("40.000 inwoners"));
        assert!(findings[2].message.contains("€ 1,05 per inwoner"));
        put(
            &mut data,
            2026,
            Fase::Begroting,
            "RKK.PERSONEEL",
            amount("30000.00"),
        );
        let findings = validate_uitvraag(cat, &data, 2026);
        assert_eq!(
            findings.last().map(|f| f.code),
            Some(FindingCode::RekenkamerBelow100)
        );
    }

    #[test]
    fn an_empty_block_is_reported_once_and_unknown_is_fine() {
        let cat = Catalogue::for_uitvraag(2026);
        let mut data = complete();
        data.retain(|(j, f, _), _| !(j == 2025 && f == Fase::Realisatie));
        put(
            &mut data,
            2026,
            Fase::Begroting,
            "GRF.INHUUR",
            Entry::Reason(Reason::Onbekend),
        );
        let findings = validate_uitvraag(cat, &data, 2026);
        assert_eq!(codes(&findings), ["W006"]);
    }

    #[test]
    fn waterschap_needs_only_rekenkamer() {
        let cat = Catalogue::for_uitvraag(2026);
        let mut data = complete();
        data.organisation = Organisation::new("WS0155", "Waterschap Proef").unwrap();
        data.retain(|(_, _, p), _| {
            p.starts_with("RKK")
                || p.starts_with("KEN.INWONERS")
                || p.starts_with("KEN.ZETELS")
                || p.starts_with("KEN.REKENKAMERVORM")
        });
        assert_eq!(
            codes(&validate_uitvraag(cat, &data, 2026)),
            Vec::<&str>::new()
        );
    }
}
