//! The Vergelijken and Factsheet screens: benchmark sources, the options for the own
//! organisation, the comparison as a view, peer lists. The numbers come from
//! [`raadsbudget_usecases::vergelijken`]; this module turns them into the views and texts the UI
//! shows.

use crate::screens::{column_view, organisation_view};
use crate::views::{
    BlockView, CodeOptionView, CompareOptions, CompareRequest, CompareRowView, ComparisonView,
    FactsheetView, GroupCode, GroupOptionView, IndicatorOptionView, LoadSourceRequest, NumberView,
    PeerListView, PositionView, ReferenceView, SourceView, StatisticsView, TrendPointView,
};
use raadsbudget_domain::catalogue::Catalogue;
use raadsbudget_domain::kengetallen::{kengetal_categories, Indicator};
use raadsbudget_domain::value::format_dutch;
use raadsbudget_domain::vergelijking::{
    category_position, compare, group_choices, indicator_text, indicator_unit, CompareQuery,
    Comparison, ComparisonRow, PeerGroup, PeerOrg, PeerTable,
};
use raadsbudget_domain::vergelijking::{kwart_tekst, plaats_tekst, referenties};
use raadsbudget_domain::Jaar;
use raadsbudget_store::BenchmarkSource;
use raadsbudget_usecases::text::{category_name, count, moment_for_people};
use raadsbudget_usecases::{Result, Session};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

fn getal(indicator: Indicator, d: Decimal) -> NumberView {
    NumberView {
        getal: d.to_string(),
        tekst: indicator_text(indicator, d),
    }
}

/// The peer group choices for the own organisation, with why one is unavailable.
fn groep_options(own: &PeerOrg, table: &PeerTable) -> Vec<GroupOptionView> {
    group_choices(own, table)
        .into_iter()
        .map(|(g, check)| {
            let label = match &g {
                PeerGroup::Grootteklasse => "Zelfde grootteklasse",
                PeerGroup::Provincie => "Zelfde provincie",
                PeerGroup::Gemeenten => "Alle gemeenten",
                PeerGroup::Provincies => "Alle provincies",
                PeerGroup::Waterschappen => "Alle waterschappen",
                PeerGroup::Lijst(_) => "Zelf gekozen organisaties",
            };
            let check = check.map(|naam| match naam {
                Some(naam) => format!("{label} ({naam})"),
                None => label.to_string(),
            });
            match check {
                Ok(label) => GroupOptionView {
                    code: GroupCode::from(&g),
                    label,
                    beschikbaar: true,
                    reden: None,
                },
                Err(reden) => GroupOptionView {
                    code: GroupCode::from(&g),
                    label: label.to_string(),
                    beschikbaar: false,
                    reden: Some(reden),
                },
            }
        })
        .collect()
}

/// The `(jaar, fase)` blocks of the table, newest first.
fn jaar_views(table: &PeerTable) -> Vec<BlockView> {
    table
        .blocks()
        .iter()
        .rev()
        .map(|&(jaar, fase)| {
            let c = column_view(jaar, fase);
            BlockView {
                jaar,
                fase: c.fase,
                titel: c.titel,
            }
        })
        .collect()
}

fn rij_view(v: &Comparison<'_>, r: &ComparisonRow<'_>) -> CompareRowView {
    let o = r.org;
    CompareRowView {
        code: o.organisation.code.to_string(),
        naam: o.organisation.naam.clone(),
        grootteklasse: o.grootteklasse(v.jaar, v.fase),
        provincie: o.provincie.clone(),
        inwoners: o.inwoners(v.jaar).map(|n| NumberView {
            getal: n.to_string(),
            tekst: format_dutch(n, 0),
        }),
        waarde: r.waarde.map(|d| getal(v.indicator, d)),
        plaats: r.plaats,
        eigen: r.eigen,
    }
}

/// The view of the Vergelijken screen.
pub fn comparison_view(v: &Comparison<'_>) -> ComparisonView {
    let cat = Catalogue::newest();
    let indicator = v.indicator;
    let categorie_naam = category_name(cat, &v.verzoek.categorie);
    let titel = format!(
        "{categorie_naam}: {}, {} {}",
        indicator.label(),
        v.fase.as_str(),
        v.jaar
    );
    let positie = v
        .positie
        .zip(v.statistiek.as_ref())
        .map(|(p, s)| PositionView {
            plaats: p.plaats,
            van: p.van,
            plaats_tekst: plaats_tekst(p.plaats, p.van),
            kwartiel: p.kwart,
            kwartiel_tekst: kwart_tekst(
                p.kwart,
                &indicator_text(v.indicator, s.p25),
                &indicator_text(v.indicator, s.median),
                &indicator_text(v.indicator, s.p75),
            ),
        });
    let eigen_naam = &v.eigen.org.organisation.naam;
    let tekstalternatief = match (&v.statistiek, &positie, v.eigen.waarde) {
        (Some(s), Some(p), Some(eigen)) => format!(
            "{titel}. Verdeling over {} organisaties ({}): mediaan {}, 25e percentiel {}, 75e percentiel {}, laagste {}, hoogste {}. {eigen_naam}: {}, {}, {}.",
            s.n,
            v.groep_naam,
            indicator_text(v.indicator, s.median),
            indicator_text(v.indicator, s.p25),
            indicator_text(v.indicator, s.p75),
            indicator_text(v.indicator, s.min),
            indicator_text(v.indicator, s.max),
            indicator_text(v.indicator, eigen),
            p.plaats_tekst,
            p.kwartiel_tekst
        ),
        (Some(s), _, _) => format!(
            "{titel}. Verdeling over {} organisaties ({}): mediaan {}. Voor {eigen_naam} is deze waarde niet te berekenen.",
            s.n,
            v.groep_naam,
            indicator_text(v.indicator, s.median)
        ),
        _ => format!(
            "{titel}. Geen enkele organisatie in de groep ({}) heeft hiervoor een waarde.",
            v.groep_naam
        ),
    };
    let trend: Vec<TrendPointView> = v
        .trend
        .iter()
        .map(|p| TrendPointView {
            jaar: p.jaar,
            eigen: p.eigen.map(|d| getal(v.indicator, d)),
            n: p.statistiek.as_ref().map_or(0, |s| count(s.n)),
            p25: p.statistiek.as_ref().map(|s| getal(v.indicator, s.p25)),
            mediaan: p.statistiek.as_ref().map(|s| getal(v.indicator, s.median)),
            p75: p.statistiek.as_ref().map(|s| getal(v.indicator, s.p75)),
            breuk: p.breuk.as_ref().map(|b| b.reason()),
        })
        .collect();
    ComparisonView {
        verzoek: request_view(&v.verzoek),
        titel,
        indicator_label: indicator.label().to_string(),
        eenheid: indicator_unit(indicator).to_string(),
        groep_naam: v.groep_naam.clone(),
        eigen: rij_view(v, &v.eigen),
        rijen: v.rijen.iter().map(|r| rij_view(v, r)).collect(),
        statistiek: v.statistiek.as_ref().map(|s| StatisticsView {
            n: count(s.n),
            min: getal(v.indicator, s.min),
            p25: getal(v.indicator, s.p25),
            mediaan: getal(v.indicator, s.median),
            p75: getal(v.indicator, s.p75),
            max: getal(v.indicator, s.max),
            gemiddelde: getal(v.indicator, s.mean),
        }),
        positie,
        referenties: referenties(&v.verzoek.categorie, indicator)
            .into_iter()
            .map(|d| ReferenceView {
                waarde: getal(v.indicator, d),
                label: format!("{} per inwoner", indicator_text(v.indicator, d)),
            })
            .collect(),
        trend_tekst: v.trend_text(),
        trend,
        tekstalternatief,
        opmerkingen: v.opmerkingen.clone(),
    }
}

/// The typed query of the screen's request.
pub fn query_of(req: &CompareRequest) -> Result<CompareQuery> {
    category_position(&req.categorie)?;
    Ok(CompareQuery {
        organisatie: req.organisatie.clone(),
        categorie: req.categorie.trim().to_string(),
        indicator: req.indicator.into(),
        jaar: req.jaar,
        fase: req.fase.into(),
        groep: req.groep.groep(&req.lijst),
    })
}

/// The screen's request of a typed query (as the view echoes it back).
fn request_view(q: &CompareQuery) -> CompareRequest {
    CompareRequest {
        organisatie: q.organisatie.clone(),
        categorie: q.categorie.clone(),
        indicator: q.indicator.into(),
        jaar: q.jaar,
        fase: q.fase.into(),
        groep: GroupCode::from(&q.groep),
        lijst: match &q.groep {
            PeerGroup::Lijst(c) => c.iter().cloned().collect(),
            _ => Vec::new(),
        },
    }
}

fn bron_view(s: &BenchmarkSource) -> SourceView {
    SourceView {
        id: s.id,
        pad: s.path.clone(),
        sha256: s.sha256.clone(),
        geladen_op: moment_for_people(&s.loaded_at),
        geladen_door: s.loaded_by.clone(),
        uitvraagjaren: s.uitvraagjaren.clone(),
        organisaties: s.organisations,
        waarden: s.values,
        register: s.register_path.clone(),
        met_provincie: s.with_province,
    }
}

/// Loads a bundle as benchmark data (all or nothing).
pub fn load_source(s: &mut Session, req: &LoadSourceRequest) -> Result<SourceView> {
    let register = req
        .register
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(Path::new);
    Ok(bron_view(
        &s.load_source(Path::new(req.pad.trim()), register)?,
    ))
}

/// The loaded sources, oldest first.
pub fn source_views(s: &Session) -> Result<Vec<SourceView>> {
    Ok(s.sources()?.iter().map(bron_view).collect())
}

/// Removes a loaded source; the remaining ones.
pub fn remove_source(s: &mut Session, id: i64) -> Result<Vec<SourceView>> {
    s.remove_source(id)?;
    source_views(s)
}

/// What the Vergelijken screen can offer for an organisation.
pub fn compare_options(s: &Session, organisatie: &str) -> Result<CompareOptions> {
    let cat = Catalogue::newest();
    let table = s.peer_table()?;
    let own = s.own_peer(organisatie, &table)?;
    let mut organisaties: Vec<_> = table
        .orgs()
        .map(|o| organisation_view(&o.organisation))
        .collect();
    organisaties.sort_by(|a, b| a.naam.cmp(&b.naam).then_with(|| a.code.cmp(&b.code)));
    Ok(CompareOptions {
        organisatie: organisation_view(&own.organisation),
        categorieen: kengetal_categories(cat)
            .into_iter()
            .map(|c| CodeOptionView {
                code: c.to_string(),
                label: category_name(cat, c),
            })
            .collect(),
        indicatoren: Indicator::ALL
            .into_iter()
            .map(|i| IndicatorOptionView {
                code: i.into(),
                label: i.label().to_string(),
            })
            .collect(),
        jaren: jaar_views(&table),
        groepen: groep_options(&own, &table),
        lijsten: peer_list_views(s)?,
        organisaties,
        bronnen: source_views(s)?,
    })
}

/// The comparison of a request.
pub fn compare_view(s: &Session, req: &CompareRequest) -> Result<ComparisonView> {
    let table = s.loaded_peer_table()?;
    let own = s.own_peer(&req.organisatie, &table)?;
    Ok(comparison_view(&compare(&table, &own, &query_of(req)?)?))
}

/// Writes the comparison table of a request as CSV to `path`.
pub fn export_comparison(s: &Session, req: &CompareRequest, path: &Path) -> Result<PathBuf> {
    s.export_comparison(&query_of(req)?, path)
}

/// Saved peer lists.
pub fn peer_list_views(s: &Session) -> Result<Vec<PeerListView>> {
    Ok(s.peer_lists()?
        .into_iter()
        .map(|(naam, codes)| PeerListView { naam, codes })
        .collect())
}

/// Saves a hand-picked list; every saved list.
pub fn save_peer_list(s: &mut Session, naam: &str, codes: &[String]) -> Result<Vec<PeerListView>> {
    s.save_peer_list(naam, codes)?;
    peer_list_views(s)
}

/// Removes a saved list; every saved list.
pub fn remove_peer_list(s: &mut Session, naam: &str) -> Result<Vec<PeerListView>> {
    s.remove_peer_list(naam)?;
    peer_list_views(s)
}

/// The factsheet as an HTML fragment for the app.
pub fn factsheet_view(s: &Session, organisatie: &str, uitvraag: Jaar) -> Result<FactsheetView> {
    let f = s.factsheet(organisatie, uitvraag)?;
    Ok(FactsheetView {
        html: raadsbudget_formats::factsheet::html::fragment(&f, 2),
        titel: f.titel,
    })
}
