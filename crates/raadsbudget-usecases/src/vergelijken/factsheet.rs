//! The factsheet of one organisation and uitvraag, assembled from the same comparisons the
//! Vergelijken screen shows (the default peer group, per inwoner).

use crate::text::{block_title, category_name};
use crate::{Error, Result};
use raadsbudget_domain::catalogue::Catalogue;
use raadsbudget_domain::grootteklasse::grootteklasse_label;
use raadsbudget_domain::kengetallen::{kengetal_categories, Indicator, TOTAAL};
use raadsbudget_domain::mapping::breaks_between;
use raadsbudget_domain::value::format_dutch;
use raadsbudget_domain::vergelijking::{
    compare, indicator_text, CompareQuery, Comparison, PeerGroup, PeerOrg, PeerTable,
};
use raadsbudget_domain::{Fase, Jaar, OrgType};
use raadsbudget_formats::factsheet::{
    Factsheet, Position, Positions, Spread, Table, Trend, TrendPoint,
};
use rust_decimal::Decimal;

/// The default peer group of an organisation type: the own grootteklasse for a gemeente
/// (all gemeenten when it is unknown), else all of its kind.
fn default_group(own: &PeerOrg, jaar: Jaar, fase: Fase) -> PeerGroup {
    match own.organisation.org_type() {
        OrgType::Gemeente if own.grootteklasse(jaar, fase).is_some() => PeerGroup::Grootteklasse,
        OrgType::Gemeente => PeerGroup::Gemeenten,
        OrgType::Provincie => PeerGroup::Provincies,
        OrgType::Waterschap => PeerGroup::Waterschappen,
    }
}

/// A figure as text, `–` when unknown.
fn text(v: &Comparison<'_>, d: Option<Decimal>) -> String {
    d.map_or_else(|| "–".to_string(), |d| indicator_text(v.indicator, d))
}

const KWARTEN: [&str; 4] = [
    "laagste kwart",
    "tweede kwart",
    "derde kwart",
    "hoogste kwart",
];

fn kwart_kort(v: &Comparison<'_>) -> String {
    v.positie
        .and_then(|p| KWARTEN.get(usize::from(p.kwart).saturating_sub(1)))
        .map_or_else(String::new, |k| (*k).to_string())
}

fn mediaan(v: &Comparison<'_>) -> Option<Decimal> {
    v.statistiek.as_ref().map(|s| s.median)
}

/// Builds the factsheet (see the module docs). `sources` describe the loaded bundles.
pub(crate) fn build(
    table: &PeerTable,
    own: &PeerOrg,
    uitvraag: Jaar,
    sources: &[String],
) -> Result<Factsheet> {
    let cat = Catalogue::for_uitvraag(uitvraag);
    if !table.blocks().contains(&(uitvraag, Fase::Begroting)) {
        return Err(Error::NotFound(format!(
            "uitvraag {uitvraag} is niet geladen (geladen: {})",
            table
                .uitvragen()
                .iter()
                .map(|u| u.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let org = &own.organisation;
    let groep = default_group(own, uitvraag, Fase::Begroting);
    let request = |categorie: &str, jaar: Jaar, fase: Fase| CompareQuery {
        organisatie: org.code.to_string(),
        categorie: categorie.to_string(),
        indicator: Indicator::PerInwoner,
        jaar,
        fase,
        groep: groep.clone(),
    };
    let categories = kengetal_categories(cat);

    // Own figures per block, with the position per inwoner.
    let mut tabellen = Vec::new();
    let mut begroting: Vec<Comparison<'_>> = Vec::new();
    for (jaar, fase) in [
        (uitvraag, Fase::Begroting),
        (uitvraag.saturating_sub(1), Fase::Realisatie),
    ] {
        if !table.blocks().contains(&(jaar, fase)) {
            continue;
        }
        let mut rijen = Vec::new();
        for (position, c) in categories.iter().enumerate() {
            let v = compare(table, own, &request(c, jaar, fase))?;
            let kernbudget = own
                .get(jaar, fase, position)
                .and_then(|k| k.kernbudget)
                .map_or_else(
                    || "–".to_string(),
                    |d| indicator_text(Indicator::Kernbudget, d),
                );
            rijen.push(vec![
                category_name(cat, c),
                kernbudget,
                text(&v, v.eigen.waarde),
                text(&v, mediaan(&v)),
                v.plaats_tekst().unwrap_or_else(|| "–".to_string()),
                kwart_kort(&v),
            ]);
            if fase == Fase::Begroting {
                begroting.push(v);
            }
        }
        tabellen.push(Table {
            titel: block_title(jaar, fase),
            kolommen: [
                "Categorie",
                "Kernbudget",
                "Per inwoner",
                "Mediaan groep",
                "Positie",
                "Kwart",
            ]
            .map(String::from)
            .to_vec(),
            nadruk: categories.iter().position(|c| *c == TOTAAL),
            rijen,
        });
    }

    let first = begroting
        .first()
        .ok_or_else(|| Error::NotFound("geen begroting om te vergelijken".into()))?;
    let groep_naam = first.groep_naam.clone();
    let n = begroting
        .last()
        .and_then(|v| v.statistiek.as_ref())
        .map_or(0, |s| s.n);
    let regels = begroting
        .iter()
        .zip(&categories)
        .map(|(v, c)| {
            let spreiding = v.statistiek.as_ref().map(|s| Spread {
                min: s.min,
                p25: s.p25,
                mediaan: s.median,
                p75: s.p75,
                max: s.max,
            });
            Position {
                label: category_name(cat, c),
                spreiding,
                eigen: v.eigen.waarde,
                eigen_tekst: text(v, v.eigen.waarde),
                mediaan_tekst: text(v, mediaan(v)),
                plaats_tekst: v
                    .plaats_tekst()
                    .map_or_else(String::new, |p| format!("{p}, {}", kwart_kort(v))),
            }
        })
        .collect::<Vec<_>>();
    let tekstalternatief = regels
        .iter()
        .map(|r| {
            format!(
                "{}: {} {}, mediaan {}{}",
                r.label,
                org.naam,
                r.eigen_tekst,
                r.mediaan_tekst,
                if r.plaats_tekst.is_empty() {
                    String::new()
                } else {
                    format!(", {}", r.plaats_tekst)
                }
            )
        })
        .collect::<Vec<_>>()
        .join(". ");

    let totaal = begroting.last();
    let trend = totaal.filter(|v| v.trend.len() > 1).map(|v| {
        let (a, b) = (
            v.trend.first().map_or(0, |p| p.jaar),
            v.trend.last().map_or(0, |p| p.jaar),
        );
        Trend {
            titel: format!("Totaal raadsondersteuning per inwoner, begroting {a}–{b}"),
            eenheid: "€ per inwoner".to_string(),
            punten: v
                .trend
                .iter()
                .map(|p| {
                    let s = p.statistiek.as_ref();
                    TrendPoint {
                        jaar: p.jaar,
                        eigen: p.eigen,
                        eigen_tekst: text(v, p.eigen),
                        p25: s.map(|s| s.p25),
                        mediaan: s.map(|s| s.median),
                        mediaan_tekst: text(v, s.map(|s| s.median)),
                        p75: s.map(|s| s.p75),
                    }
                })
                .collect(),
            tekst: v.trend_text(),
        }
    });

    let mut kenmerken = vec![("Organisatiecode".to_string(), org.code.to_string())];
    if let Some(n) = own.inwoners(uitvraag) {
        kenmerken.push((format!("Inwoners 1 januari {uitvraag}"), format_dutch(n, 0)));
    }
    if let Some(k) = own.grootteklasse(uitvraag, Fase::Begroting) {
        kenmerken.push((
            "Grootteklasse (CBS)".to_string(),
            format!("{k} ({})", grootteklasse_label(k)),
        ));
    }
    if let Some(p) = &own.provincie {
        kenmerken.push(("Provincie".to_string(), p.clone()));
    }
    kenmerken.push(("Vergelijkingsgroep".to_string(), groep_naam.clone()));

    let soort = match org.org_type() {
        OrgType::Gemeente => "Gemeente",
        OrgType::Provincie => "Provincie",
        OrgType::Waterschap => "Waterschap",
    };
    let mut voetnoten = vec![
        format!(
            "Bron: {}.",
            if sources.is_empty() {
                "geladen benchmarkgegevens".to_string()
            } else {
                sources.join("; ")
            }
        ),
        "Kengetallen en statistiek zijn dezelfde als in kengetallen.csv en statistiek.csv van de bundel: kernbudget volgens de definities, per inwoner met 4 decimalen, kwartielen met PERCENTIEL.INC. Plaats 1 is de hoogste waarde.".to_string(),
    ];
    for v in &begroting {
        voetnoten.extend(v.opmerkingen.iter().take(1).cloned());
    }
    voetnoten.dedup();
    voetnoten.push(format!("Gemaakt met {}.", raadsbudget_domain::SOFTWARE));

    Ok(Factsheet {
        titel: format!("Raadsondersteuning {uitvraag}: {} ({})", org.naam, org.code),
        organisatie: format!("{soort} {} ({})", org.naam, org.code),
        ondertitel: format!(
            "Uitvraag {uitvraag} · vergeleken met {groep_naam} · {n} organisaties met een waarde voor het totaal per inwoner",
        ),
        kenmerken,
        tabellen,
        posities: Positions {
            titel: format!("Positie per inwoner, begroting {uitvraag}, tussen {groep_naam}"),
            eenheid: "€ per inwoner".to_string(),
            regels,
            tekstalternatief,
        },
        vergelijkbaarheid: comparability(table, cat),
        trend,
        voetnoten,
    })
}

/// What is not comparable over the loaded years because the definitions changed between
/// them: one sentence per fase, pair of years and category, with the reason.
fn comparability(table: &PeerTable, cat: &Catalogue) -> Vec<String> {
    const SHOWN: [Indicator; 4] = [
        Indicator::Kernbudget,
        Indicator::PerInwoner,
        Indicator::Fte,
        Indicator::FtePer10000,
    ];
    let mut out = Vec::new();
    for fase in [Fase::Begroting, Fase::Realisatie] {
        let years: Vec<Jaar> = table
            .blocks()
            .iter()
            .filter(|(_, f)| *f == fase)
            .map(|(j, _)| *j)
            .collect();
        for pair in years.windows(2) {
            for c in kengetal_categories(cat) {
                let Some((broken, reason)) = breaks_between(c, fase, (pair[0], pair[1]), &SHOWN)
                else {
                    continue;
                };
                let labels: Vec<&str> = broken.iter().map(|i| i.label()).collect();
                out.push(format!(
                    "{} {}: {} van {} en {} zijn niet vergelijkbaar, want {}.",
                    capitalised(fase.as_str()),
                    category_name(cat, c).to_lowercase(),
                    labels.join(" en "),
                    pair[0],
                    pair[1],
                    reason.reason().trim_end_matches('.')
                ));
            }
        }
    }
    out
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
