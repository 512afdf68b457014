//! Comparing with peers (Vergelijken): loaded benchmark data, the own organisation's figures
//! as they stand in the store, peer groups, statistics, rank and trend; the factsheet.
//!
//! One code path with the bundle: peers' kengetallen are `kengetallen_for(..).rounded()` of
//! the same submissions the bundle accepted (read back from its `waarden.csv`), and the peer
//! statistics are [`statistiek::summary_for`] over those published values, so for the same data
//! the numbers equal the bundle's `kengetallen.csv` and `statistiek.csv`. The one addition:
//! with two consecutive uitvragen loaded, the realisatie of year `U - 1` (uitvraag `U`) is
//! compared with the begroting of `U - 1` (uitvraag `U - 1`), so uitputting becomes available.

mod bronnen;
mod csv;
mod factsheet;

pub use bronnen::{read_bundle, save_chart, FactsheetRun};

use crate::text::count;
use crate::{Error, Result};
use raadsbudget_domain::catalogue::{posts, Catalogue};
use raadsbudget_domain::kengetallen::{
    kengetal_categories, kengetallen_with_begroting, Indicator, Kengetallen,
};
use raadsbudget_domain::quantile::Summary;
use raadsbudget_domain::statistiek;
use raadsbudget_domain::value::format_dutch;
use raadsbudget_domain::vergelijking::{kwart, plaats, plaats_tekst, uitvraag_of, Lid, Peergroep};
use raadsbudget_domain::{Dataset, Fase, Jaar, OrgType, Organisation};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// One `(jaar, fase)` block with a kengetal category's position.
type BlockKey = (Jaar, Fase, usize);

/// One organisation's published kengetallen per block and category.
#[derive(Debug, Clone)]
pub struct PeerOrg {
    /// The organisation.
    pub organisation: Organisation,
    /// Its province, when a register gave it.
    pub provincie: Option<String>,
    /// Published (rounded) kengetallen per `(jaar, fase, category position)`.
    kengetallen: BTreeMap<BlockKey, Kengetallen>,
    /// Inwoners on 1 January of each year of its blocks.
    inwoners: BTreeMap<Jaar, Decimal>,
}

impl PeerOrg {
    /// The kengetallen of one block of an organisation's own data (the store's dataset, all
    /// years), for every block in `blocks`.
    pub fn from_own(
        data: &Dataset,
        provincie: Option<String>,
        blocks: &BTreeSet<(Jaar, Fase)>,
    ) -> PeerOrg {
        let mut org = PeerOrg::new(data.organisation.clone(), provincie);
        for &(jaar, fase) in blocks {
            org.add_block(data, data, jaar, fase);
        }
        org
    }

    fn new(organisation: Organisation, provincie: Option<String>) -> PeerOrg {
        PeerOrg {
            organisation,
            provincie,
            kengetallen: BTreeMap::new(),
            inwoners: BTreeMap::new(),
        }
    }

    fn add_block(&mut self, data: &Dataset, begroting: &Dataset, jaar: Jaar, fase: Fase) {
        let cat = Catalogue::current();
        for (position, categorie) in kengetal_categories(cat).into_iter().enumerate() {
            let k =
                kengetallen_with_begroting(cat, data, begroting, jaar, fase, categorie).rounded();
            self.kengetallen.insert((jaar, fase, position), k);
        }
        if let Some(n) = data.decimal(jaar, Fase::Kenmerk, posts::INWONERS) {
            self.inwoners.insert(jaar, n);
        }
    }

    /// The published kengetallen of one block and category position.
    pub fn get(&self, jaar: Jaar, fase: Fase, position: usize) -> Option<&Kengetallen> {
        self.kengetallen.get(&(jaar, fase, position))
    }

    fn has_block(&self, jaar: Jaar, fase: Fase) -> bool {
        self.get(jaar, fase, 0).is_some()
    }

    /// Inwoners on 1 January of `jaar`, when known.
    pub fn inwoners(&self, jaar: Jaar) -> Option<Decimal> {
        self.inwoners.get(&jaar).copied()
    }

    /// The grootteklasse in block `(jaar, fase)`, when the inwoners are known.
    pub fn grootteklasse(&self, jaar: Jaar, fase: Fase) -> Option<u8> {
        self.get(jaar, fase, 0).and_then(|k| k.grootteklasse)
    }
}

/// Every loaded organisation's kengetallen: built once from the loaded submissions.
#[derive(Debug, Clone, Default)]
pub struct PeerTable {
    /// Organisations by code.
    orgs: BTreeMap<String, PeerOrg>,
    /// Every block any organisation has.
    blocks: BTreeSet<(Jaar, Fase)>,
}

/// One loaded submission: uitvraag, province, data.
pub type Submission = (Jaar, Option<String>, Dataset);

impl PeerTable {
    /// Builds the table from submissions (at most one per organisation and uitvraag).
    pub fn build(submissions: &[Submission]) -> PeerTable {
        let by_key: BTreeMap<(&str, Jaar), &Submission> = submissions
            .iter()
            .map(|s| ((s.2.organisation.code.as_str(), s.0), s))
            .collect();
        let mut table = PeerTable::default();
        for (uitvraag, provincie, data) in submissions {
            let code = data.organisation.code.as_str();
            let org = table
                .orgs
                .entry(code.to_string())
                .or_insert_with(|| PeerOrg::new(data.organisation.clone(), provincie.clone()));
            if org.provincie.is_none() {
                org.provincie.clone_from(provincie);
            }
            for fase in [Fase::Begroting, Fase::Realisatie] {
                let jaar = match fase {
                    Fase::Realisatie => uitvraag.saturating_sub(1),
                    _ => *uitvraag,
                };
                if uitvraag_of(jaar, fase) != Some(*uitvraag) {
                    continue;
                }
                // Uitputting compares with the begroting of the same year, which came with
                // the uitvraag of that year.
                let begroting = match fase {
                    Fase::Realisatie => by_key.get(&(code, jaar)).map_or(data, |s| &s.2),
                    _ => data,
                };
                org.add_block(data, begroting, jaar, fase);
                table.blocks.insert((jaar, fase));
            }
        }
        table
    }

    /// Whether nothing is loaded.
    pub fn is_empty(&self) -> bool {
        self.orgs.is_empty()
    }

    /// Every block, ascending.
    pub fn blocks(&self) -> &BTreeSet<(Jaar, Fase)> {
        &self.blocks
    }

    /// A loaded organisation.
    pub fn org(&self, code: &str) -> Option<&PeerOrg> {
        self.orgs.get(code)
    }

    /// Every loaded organisation, by code.
    pub fn orgs(&self) -> impl Iterator<Item = &PeerOrg> {
        self.orgs.values()
    }

    /// The uitvraagjaren whose begroting is loaded, ascending.
    pub fn uitvragen(&self) -> Vec<Jaar> {
        self.blocks
            .iter()
            .filter(|(_, f)| *f == Fase::Begroting)
            .map(|(j, _)| *j)
            .collect()
    }
}

impl Vergelijking<'_> {
    fn text(&self, d: Decimal) -> String {
        indicator_text(self.indicator, d)
    }

    /// `plaats 12 van 48`, if the own value is known.
    pub fn plaats_tekst(&self) -> Option<String> {
        self.positie.map(|p| plaats_tekst(p.plaats, p.van))
    }

    /// The trend in words.
    pub fn trend_text(&self) -> String {
        let known: Vec<&TrendPunt> = self
            .trend
            .iter()
            .filter(|p| p.eigen.is_some() || p.statistiek.is_some())
            .collect();
        let (Some(first), Some(last)) = (known.first(), known.last()) else {
            return "Er zijn geen jaren met waarden.".to_string();
        };
        if known.len() < 2 {
            return format!(
                "Alleen {} is geladen; laad een bundel van een ander uitvraagjaar om een trend te zien.",
                first.jaar
            );
        }
        let t = |v: Option<Decimal>| v.map_or_else(|| "geen waarde".to_string(), |d| self.text(d));
        let median = |p: &TrendPunt| p.statistiek.as_ref().map(|s| s.median);
        format!(
            "Van {} tot {}: {} van {} naar {}; de mediaan van de groep van {} naar {}.",
            first.jaar,
            last.jaar,
            self.eigen.org.organisation.naam,
            t(first.eigen),
            t(last.eigen),
            t(median(first)),
            t(median(last))
        )
    }
}

/// A peer group as chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Groep {
    /// Gemeenten of the own grootteklasse (in the chosen year).
    Grootteklasse,
    /// Gemeenten in the own province.
    Provincie,
    /// All gemeenten.
    Gemeenten,
    /// All provincies.
    Provincies,
    /// All waterschappen.
    Waterschappen,
    /// A hand-picked list of codes (the own organisation is always in it).
    Lijst(BTreeSet<String>),
}

impl Groep {
    /// The group of a request.
    pub fn parse(code: &str, lijst: &[String]) -> Result<Groep> {
        Ok(match code {
            "grootteklasse" => Groep::Grootteklasse,
            "provincie" => Groep::Provincie,
            "gemeenten" => Groep::Gemeenten,
            "provincies" => Groep::Provincies,
            "waterschappen" => Groep::Waterschappen,
            "lijst" => Groep::Lijst(lijst.iter().map(|c| c.trim().to_string()).collect()),
            other => {
                return Err(Error::Invalid(format!(
                    "onbekende vergelijkingsgroep '{other}' (kies grootteklasse, provincie, gemeenten, provincies, waterschappen of lijst)"
                )))
            }
        })
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Groep::Grootteklasse => "grootteklasse",
            Groep::Provincie => "provincie",
            Groep::Gemeenten => "gemeenten",
            Groep::Provincies => "provincies",
            Groep::Waterschappen => "waterschappen",
            Groep::Lijst(_) => "lijst",
        }
    }

    /// Every group, in menu order.
    pub fn menu() -> [Groep; 6] {
        [
            Groep::Grootteklasse,
            Groep::Provincie,
            Groep::Gemeenten,
            Groep::Provincies,
            Groep::Waterschappen,
            Groep::Lijst(BTreeSet::new()),
        ]
    }
}

/// A comparison as asked, typed: what the Vergelijken screen, the exported table and the
/// factsheet all compute from. Parse one from the screen's text with [`CompareQuery::parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareQuery {
    /// The own organisation (code as typed).
    pub organisatie: String,
    /// A kengetal category code (or `TOTAAL`), checked against the catalogue.
    pub categorie: String,
    /// The figure compared.
    pub indicator: Indicator,
    /// The year of the block.
    pub jaar: Jaar,
    /// The fase of the block.
    pub fase: Fase,
    /// The peer group.
    pub groep: Groep,
}

impl CompareQuery {
    /// The query of the screen's text fields: category, indicator, fase and group by their
    /// codes (each refused with a Dutch message naming the choices).
    pub fn parse(
        organisatie: &str,
        categorie: &str,
        indicator: &str,
        jaar: Jaar,
        fase: &str,
        groep: &str,
        lijst: &[String],
    ) -> Result<CompareQuery> {
        category_position(categorie)?;
        Ok(CompareQuery {
            organisatie: organisatie.to_string(),
            categorie: categorie.trim().to_string(),
            indicator: parse_indicator(indicator)?,
            jaar,
            fase: fase
                .trim()
                .parse()
                .map_err(|e: raadsbudget_domain::fase::UnknownFase| {
                    Error::Invalid(e.to_string())
                })?,
            groep: Groep::parse(groep, lijst)?,
        })
    }
}

/// A group made concrete for the own organisation in one block.
struct Members {
    naam: String,
    groep: Peergroep,
}

impl Members {
    /// Whether `o` is in the group in block `(jaar, fase)`.
    fn test(&self, o: &PeerOrg, jaar: Jaar, fase: Fase) -> bool {
        self.groep.bevat(Lid {
            code: o.organisation.code.as_str(),
            org_type: o.organisation.org_type(),
            grootteklasse: o.grootteklasse(jaar, fase),
            provincie: o.provincie.as_deref(),
        })
    }
}

/// Why the own organisation cannot be compared in `groep` (in block `(jaar, fase)`), or the
/// group's members.
fn members(
    own: &PeerOrg,
    groep: &Groep,
    jaar: Jaar,
    fase: Fase,
) -> std::result::Result<Members, String> {
    let own_type = own.organisation.org_type();
    let only = |t: OrgType, wat: &str| -> std::result::Result<(), String> {
        if own_type == t {
            Ok(())
        } else {
            Err(format!("alleen voor {wat}"))
        }
    };
    let groep = match groep {
        Groep::Grootteklasse => {
            only(OrgType::Gemeente, "gemeenten")?;
            let k = own.grootteklasse(jaar, fase).ok_or_else(|| {
                format!("het aantal inwoners op 1 januari {jaar} ontbreekt, dus de grootteklasse is onbekend")
            })?;
            Peergroep::Statistiek(statistiek::Groep::Grootteklasse(k))
        }
        Groep::Provincie => {
            only(OrgType::Gemeente, "gemeenten")?;
            Peergroep::Provincie(own.provincie.clone().ok_or_else(|| {
                "de provincie is onbekend: laad de bundel met een register met provincies (zoals de CBS-lijst van gemeenten)".to_string()
            })?)
        }
        Groep::Gemeenten => {
            only(OrgType::Gemeente, "gemeenten")?;
            Peergroep::Statistiek(statistiek::Groep::Gemeenten)
        }
        Groep::Provincies => {
            only(OrgType::Provincie, "provincies")?;
            Peergroep::Statistiek(statistiek::Groep::Provincies)
        }
        Groep::Waterschappen => {
            only(OrgType::Waterschap, "waterschappen")?;
            Peergroep::Statistiek(statistiek::Groep::Waterschappen)
        }
        // The own organisation is always in a hand-picked group.
        Groep::Lijst(codes) => {
            let mut codes = codes.clone();
            codes.insert(own.organisation.code.to_string());
            Peergroep::Lijst(codes)
        }
    };
    Ok(Members {
        naam: groep.naam(),
        groep,
    })
}

/// An indicator by its code.
pub fn parse_indicator(code: &str) -> Result<Indicator> {
    Indicator::ALL
        .into_iter()
        .find(|i| i.code() == code.trim())
        .ok_or_else(|| {
            Error::Invalid(format!(
                "onbekende indicator '{code}' (kies {})",
                Indicator::ALL.map(Indicator::code).join(", ")
            ))
        })
}

/// The position of a category code (or `TOTAAL`) among the kengetal categories.
pub fn category_position(code: &str) -> Result<usize> {
    kengetal_categories(Catalogue::current())
        .iter()
        .position(|c| *c == code.trim())
        .ok_or_else(|| Error::Invalid(format!("onbekende categorie '{code}'")))
}

/// The display text of an indicator value: `€ 1.234,56`, `2,50`, `12,3456 %`.
pub fn indicator_text(indicator: Indicator, d: Decimal) -> String {
    let number = format_dutch(d, indicator.decimals());
    match indicator {
        Indicator::Kernbudget
        | Indicator::PerInwoner
        | Indicator::PerZetel
        | Indicator::PerFractie => {
            format!("€ {number}")
        }
        Indicator::Fte | Indicator::FtePer10000 => number,
        Indicator::AandeelTotaleLasten | Indicator::Uitputting => format!("{number} %"),
    }
}

/// The unit of an indicator for axis labels.
pub fn indicator_unit(indicator: Indicator) -> &'static str {
    match indicator {
        Indicator::Kernbudget
        | Indicator::PerInwoner
        | Indicator::PerZetel
        | Indicator::PerFractie => "€",
        Indicator::Fte | Indicator::FtePer10000 => "fte",
        Indicator::AandeelTotaleLasten | Indicator::Uitputting => "%",
    }
}

/// One organisation in a comparison: its value and rank.
#[derive(Debug, Clone, Copy)]
pub struct Rij<'a> {
    /// The organisation.
    pub org: &'a PeerOrg,
    /// The indicator's value, if it can be computed.
    pub waarde: Option<Decimal>,
    /// Rank by value, 1 = highest; `None` without a value.
    pub plaats: Option<u32>,
    /// Whether this is the own organisation.
    pub eigen: bool,
}

/// The own position in the group.
#[derive(Debug, Clone, Copy)]
pub struct Positie {
    pub plaats: u32,
    pub van: u32,
    pub kwart: u8,
}

/// One year of the trend.
#[derive(Debug, Clone)]
pub struct TrendPunt {
    pub jaar: Jaar,
    pub eigen: Option<Decimal>,
    pub statistiek: Option<Summary>,
}

/// A comparison with its numbers: the view, the CSV and the factsheet are made from it.
#[derive(Debug)]
pub struct Vergelijking<'a> {
    /// The query, with the group's list including the own organisation.
    pub verzoek: CompareQuery,
    pub indicator: Indicator,
    pub jaar: Jaar,
    pub fase: Fase,
    pub groep_naam: String,
    /// Every member, own included, highest value first, those without a value last (by name).
    pub rijen: Vec<Rij<'a>>,
    pub eigen: Rij<'a>,
    pub statistiek: Option<Summary>,
    pub positie: Option<Positie>,
    /// Every loaded year of the same fase, ascending.
    pub trend: Vec<TrendPunt>,
    pub opmerkingen: Vec<String>,
}

/// The values of a group in one block, own included (last, from `own`).
fn group_values<'a>(
    table: &'a PeerTable,
    own: &'a PeerOrg,
    members: &Members,
    jaar: Jaar,
    fase: Fase,
    position: usize,
    indicator: Indicator,
) -> Vec<(&'a PeerOrg, Option<Decimal>)> {
    let own_code = own.organisation.code.as_str();
    let value = |o: &PeerOrg| o.get(jaar, fase, position).and_then(|k| indicator.of(k));
    table
        .orgs
        .values()
        .filter(|o| o.organisation.code.as_str() != own_code && o.has_block(jaar, fase))
        .filter(|o| members.test(o, jaar, fase))
        .map(|o| (o, value(o)))
        .chain(std::iter::once((own, value(own))))
        .collect()
}

fn values_of(rows: &[(&PeerOrg, Option<Decimal>)]) -> Vec<Decimal> {
    rows.iter().filter_map(|(_, v)| *v).collect()
}

/// Compares `own` with its group in `table` (see the module docs).
pub fn compare<'a>(
    table: &'a PeerTable,
    own: &'a PeerOrg,
    req: &CompareQuery,
) -> Result<Vergelijking<'a>> {
    let position_c = category_position(&req.categorie)?;
    let indicator = req.indicator;
    let fase = req.fase;
    let jaar = req.jaar;
    if !table.blocks.contains(&(jaar, fase)) {
        return Err(Error::NotFound(format!(
            "er zijn geen benchmarkgegevens geladen voor {fase} {jaar}"
        )));
    }
    let groep = &req.groep;
    let m = members(own, groep, jaar, fase)
        .map_err(|reden| Error::Invalid(format!("deze vergelijkingsgroep kan niet: {reden}")))?;

    let rows = group_values(table, own, &m, jaar, fase, position_c, indicator);
    let values = values_of(&rows);
    let statistiek = statistiek::summary_for(indicator, &values);
    let own_value = rows.last().and_then(|(_, v)| *v);
    let positie = own_value.zip(statistiek.as_ref()).map(|(v, s)| Positie {
        plaats: plaats(&values, v),
        van: count(values.len()),
        kwart: kwart(v, s),
    });
    let own_code = own.organisation.code.as_str();
    let mut rijen: Vec<Rij<'a>> = rows
        .iter()
        .map(|(o, v)| Rij {
            org: o,
            waarde: *v,
            plaats: v.map(|d| plaats(&values, d)),
            eigen: o.organisation.code.as_str() == own_code,
        })
        .collect();
    let eigen = rijen
        .last()
        .copied()
        .ok_or_else(|| Error::Invalid("geen eigen organisatie".into()))?;
    rijen.sort_by(|a, b| match (a.waarde, b.waarde) {
        (Some(x), Some(y)) => y
            .cmp(&x)
            .then_with(|| a.org.organisation.naam.cmp(&b.org.organisation.naam)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.org.organisation.naam.cmp(&b.org.organisation.naam),
    });

    // The trend: every loaded year of the same fase, the group as defined in the chosen year.
    let trend = table
        .blocks
        .iter()
        .filter(|(_, f)| *f == fase)
        .map(|&(j, f)| {
            let rows = group_values(table, own, &m, j, f, position_c, indicator);
            TrendPunt {
                jaar: j,
                eigen: rows.last().and_then(|(_, v)| *v),
                statistiek: statistiek::summary_for(indicator, &values_of(&rows)),
            }
        })
        .collect();

    let eigen_naam = &own.organisation.naam;
    let fase_jaar = format!("{} {jaar}", fase.as_str());
    let t = |v: Option<Decimal>| {
        v.map_or_else(
            || "geen waarde".to_string(),
            |d| indicator_text(indicator, d),
        )
    };
    let mut opmerkingen = Vec::new();
    match table.org(own_code) {
        None => opmerkingen.push(format!(
            "{eigen_naam} staat niet in de geladen benchmarkgegevens; de eigen cijfers uit de database zijn aan de groep toegevoegd."
        )),
        Some(loaded) => {
            let loaded_v = loaded
                .get(jaar, fase, position_c)
                .and_then(|k| indicator.of(k));
            if loaded.has_block(jaar, fase) && loaded_v != own_value {
                opmerkingen.push(format!(
                    "De eigen cijfers in de database wijken af van de geladen bundel (bundel: {}, database: {}); de vergelijking gebruikt de database.",
                    t(loaded_v),
                    t(own_value)
                ));
            }
        }
    }
    if own_value.is_none() {
        opmerkingen.push(format!(
            "Voor {eigen_naam} is {} in {fase_jaar} niet te berekenen: vul de posten en kenmerken in, of kies een andere indicator.",
            indicator.label()
        ));
    }

    Ok(Vergelijking {
        verzoek: CompareQuery {
            organisatie: own_code.to_string(),
            ..req.clone()
        },
        indicator,
        jaar,
        fase,
        groep_naam: m.naam,
        rijen,
        eigen,
        statistiek,
        positie,
        trend,
        opmerkingen,
    })
}

/// Whether a group of the menu can be chosen for the own organisation: `Ok(Some(naam))` with the
/// group's name in the newest loaded block, `Ok(None)` for a hand-picked list (always
/// possible), or `Err(reden)` with why not.
pub type GroupChoice = (Groep, std::result::Result<Option<String>, String>);

/// The peer group choices for the own organisation, in menu order.
pub fn group_choices(own: &PeerOrg, table: &PeerTable) -> Vec<GroupChoice> {
    let newest = table
        .blocks
        .iter()
        .rev()
        .find(|(_, f)| *f == Fase::Begroting)
        .or(table.blocks.iter().next_back())
        .copied();
    Groep::menu()
        .into_iter()
        .map(|g| {
            let check = match (&g, newest) {
                (Groep::Lijst(_), _) => Ok(None),
                (_, None) => Err("laad eerst benchmarkgegevens".to_string()),
                (_, Some((jaar, fase))) => members(own, &g, jaar, fase).map(|m| Some(m.naam)),
            };
            (g, check)
        })
        .collect()
}
