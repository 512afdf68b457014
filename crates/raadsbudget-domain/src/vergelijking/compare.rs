//! The comparison: one organisation against its peer group in one block, with statistics,
//! rank, quarter and trend. The one typed path of the Vergelijken screen, the exported
//! `vergelijking.csv` and the factsheet.

use super::group::{members, Members, PeerGroup};
use super::table::{PeerOrg, PeerTable};
use super::{kwart, plaats, plaats_tekst, ComparisonError};
use crate::catalogue::Catalogue;
use crate::fase::{Fase, Jaar};
use crate::kengetallen::{kengetal_categories, Indicator};
use crate::mapping::{indicator_comparable, published_under, Break};
use crate::quantile::Summary;
use crate::statistiek;
use crate::value::format_dutch;
use rust_decimal::Decimal;

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
    pub groep: PeerGroup,
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
    ) -> Result<CompareQuery, ComparisonError> {
        category_position(categorie)?;
        Ok(CompareQuery {
            organisatie: organisatie.to_string(),
            categorie: categorie.trim().to_string(),
            indicator: parse_indicator(indicator)?,
            jaar,
            fase: fase.trim().parse::<Fase>()?,
            groep: PeerGroup::parse(groep, lijst)?,
        })
    }
}

/// An indicator by its code.
pub fn parse_indicator(code: &str) -> Result<Indicator, ComparisonError> {
    Indicator::ALL
        .into_iter()
        .find(|i| i.code() == code.trim())
        .ok_or_else(|| ComparisonError::UnknownIndicator(code.to_string()))
}

/// The position of a category code (or `TOTAAL`) among the kengetal categories.
pub fn category_position(code: &str) -> Result<usize, ComparisonError> {
    kengetal_categories(Catalogue::newest())
        .iter()
        .position(|c| *c == code.trim())
        .ok_or_else(|| ComparisonError::UnknownCategory(code.to_string()))
}

/// The display text of an indicator value, with [`Indicator::display_decimals`]:
/// `€ 1.234,56`, `2,50`, `12,35 %`.
pub fn indicator_text(indicator: Indicator, d: Decimal) -> String {
    let number = format_dutch(d, indicator.display_decimals());
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
pub struct ComparisonRow<'a> {
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
pub struct Position {
    pub plaats: u32,
    pub van: u32,
    pub kwart: u8,
}

/// One year of the trend.
#[derive(Debug, Clone)]
pub struct TrendPoint {
    pub jaar: Jaar,
    pub eigen: Option<Decimal>,
    pub statistiek: Option<Summary>,
    /// Why this year's figure is not comparable with the year before in the trend (a change
    /// of definitions between their uitvragen); `None` when the line joins.
    pub breuk: Option<Break>,
}

/// A comparison with its numbers: the view, the CSV and the factsheet are made from it.
#[derive(Debug)]
pub struct Comparison<'a> {
    /// The query, with the group's list including the own organisation.
    pub verzoek: CompareQuery,
    pub indicator: Indicator,
    pub jaar: Jaar,
    pub fase: Fase,
    pub groep_naam: String,
    /// Every member, own included, highest value first, those without a value last (by name).
    pub rijen: Vec<ComparisonRow<'a>>,
    pub eigen: ComparisonRow<'a>,
    pub statistiek: Option<Summary>,
    pub positie: Option<Position>,
    /// Every loaded year of the same fase, ascending.
    pub trend: Vec<TrendPoint>,
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
) -> Result<Comparison<'a>, ComparisonError> {
    let position_c = category_position(&req.categorie)?;
    let indicator = req.indicator;
    let fase = req.fase;
    let jaar = req.jaar;
    if !table.blocks.contains(&(jaar, fase)) {
        return Err(ComparisonError::NoData { jaar, fase });
    }
    let groep = &req.groep;
    let m = members(own, groep, jaar, fase).map_err(ComparisonError::GroupNotPossible)?;

    let rows = group_values(table, own, &m, jaar, fase, position_c, indicator);
    let values = values_of(&rows);
    let statistiek = statistiek::summary_for(indicator, &values);
    let own_value = rows.last().and_then(|(_, v)| *v);
    let positie = own_value.zip(statistiek.as_ref()).map(|(v, s)| Position {
        plaats: plaats(&values, v),
        van: u32::try_from(values.len()).unwrap_or(u32::MAX),
        kwart: kwart(v, s),
    });
    let own_code = own.organisation.code.as_str();
    let mut rijen: Vec<ComparisonRow<'a>> = rows
        .iter()
        .map(|(o, v)| ComparisonRow {
            org: o,
            waarde: *v,
            plaats: v.map(|d| plaats(&values, d)),
            eigen: o.organisation.code.as_str() == own_code,
        })
        .collect();
    // The own organisation is the last of `rows` (see `group_values`).
    let eigen = ComparisonRow {
        org: own,
        waarde: own_value,
        plaats: own_value.map(|d| plaats(&values, d)),
        eigen: true,
    };
    rijen.sort_by(|a, b| match (a.waarde, b.waarde) {
        (Some(x), Some(y)) => y
            .cmp(&x)
            .then_with(|| a.org.organisation.naam.cmp(&b.org.organisation.naam)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.org.organisation.naam.cmp(&b.org.organisation.naam),
    });

    // The trend: every loaded year of the same fase, the group as defined in the chosen year;
    // a marked break where the definitions changed the figure between two years.
    let categorie = kengetal_categories(Catalogue::newest())
        .get(position_c)
        .copied()
        .unwrap_or_default();
    let mut previous: Option<Jaar> = None;
    let trend = table
        .blocks
        .iter()
        .filter(|(_, f)| *f == fase)
        .map(|&(j, f)| {
            let rows = group_values(table, own, &m, j, f, position_c, indicator);
            let breuk = previous.and_then(|p| {
                indicator_comparable(
                    published_under(p, f),
                    published_under(j, f),
                    categorie,
                    f,
                    indicator,
                )
                .err()
            });
            previous = Some(j);
            TrendPoint {
                jaar: j,
                eigen: rows.last().and_then(|(_, v)| *v),
                statistiek: statistiek::summary_for(indicator, &values_of(&rows)),
                breuk,
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

    Ok(Comparison {
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
pub type GroupChoice = (PeerGroup, std::result::Result<Option<String>, String>);

/// The peer group choices for the own organisation, in menu order.
pub fn group_choices(own: &PeerOrg, table: &PeerTable) -> Vec<GroupChoice> {
    let newest = table
        .blocks
        .iter()
        .rev()
        .find(|(_, f)| *f == Fase::Begroting)
        .or(table.blocks.iter().next_back())
        .copied();
    PeerGroup::menu()
        .into_iter()
        .map(|g| {
            let check = match (&g, newest) {
                (PeerGroup::Lijst(_), _) => Ok(None),
                (_, None) => Err("laad eerst benchmarkgegevens".to_string()),
                (_, Some((jaar, fase))) => members(own, &g, jaar, fase).map(|m| Some(m.naam)),
            };
            (g, check)
        })
        .collect()
}

impl Comparison<'_> {
    fn text(&self, d: Decimal) -> String {
        indicator_text(self.indicator, d)
    }

    /// `plaats 12 van 48`, if the own value is known.
    pub fn plaats_tekst(&self) -> Option<String> {
        self.positie.map(|p| plaats_tekst(p.plaats, p.van))
    }

    /// The trend in words.
    pub fn trend_text(&self) -> String {
        let known: Vec<&TrendPoint> = self
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
        let median = |p: &TrendPoint| p.statistiek.as_ref().map(|s| s.median);
        // Across a break the figures measure different things: the line starts again after
        // the last one, and the break is said in words.
        let mut breaks = String::new();
        let mut start = *first;
        for (i, p) in self.trend.iter().enumerate() {
            if let (Some(b), Some(prev)) = (&p.breuk, i.checked_sub(1).map(|i| &self.trend[i])) {
                breaks.push_str(&format!(
                    "De reeks is onderbroken tussen {} en {}, want {}. ",
                    prev.jaar,
                    p.jaar,
                    b.reason().trim_end_matches('.')
                ));
                if let Some(k) = known.iter().find(|k| k.jaar >= p.jaar) {
                    start = k;
                }
            }
        }
        if start.jaar == last.jaar && !breaks.is_empty() {
            return format!(
                "{breaks}Na de onderbreking is alleen {} geladen, dus er is nog geen vergelijkbare trend.",
                last.jaar
            );
        }
        format!(
            "{breaks}Van {} tot {}: {} van {} naar {}; de mediaan van de groep van {} naar {}.",
            start.jaar,
            last.jaar,
            self.eigen.org.organisation.naam,
            t(start.eigen),
            t(last.eigen),
            t(median(start)),
            t(median(last))
        )
    }
}
