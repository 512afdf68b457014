//! Text output of the CLI: the catalogue, value lists, history.

use crate::cli::Formaat;
use raadsbudget_domain::catalogue::{Catalogue, Requirement};
use raadsbudget_domain::{Fase, Finding, Jaar, OrgType, Record, Severity};
use raadsbudget_store::AuditEntry;
use raadsbudget_usecases::definities::{AddedCatalogue, Changes};
use raadsbudget_usecases::uitvraag::UitvraagState;
use raadsbudget_usecases::values::entry_text;
use std::fmt::Write as _;

fn requirement(r: Requirement) -> &'static str {
    match r {
        Requirement::Ja => "ja",
        Requirement::Nee => "nee",
        Requirement::Gemeenschappelijk => "bij gemeenschappelijke rekenkamer",
    }
}

fn fases(fases: &[Fase]) -> String {
    fases
        .iter()
        .map(|f| f.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What changed in a version against the one before, in the chosen format.
pub fn changes(c: &Changes, formaat: Formaat) -> String {
    let versie = &c.catalogue.versie;
    let vorige = c.vorige.map_or("", |v| v.versie.as_str());
    let mut s = String::new();
    match formaat {
        Formaat::Json => {
            let entries: Vec<serde_json::Value> = c
                .wijzigingen
                .iter()
                .map(|w| {
                    serde_json::json!({
                        "soort": w.soort.code(),
                        "kop": w.kop(),
                        "van": w.van,
                        "naar": w.naar,
                        "fases": w.fases.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
                        "toelichting": w.toelichting,
                    })
                })
                .collect();
            let doc = serde_json::json!({
                "versie": versie,
                "vorige": c.vorige.map(|v| v.versie.as_str()),
                "wijzigingen": entries,
            });
            s = serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n";
        }
        Formaat::Tekst if c.vorige.is_none() => {
            let _ = writeln!(
                s,
                "Definities {versie} is de eerste versie; er is niets veranderd."
            );
        }
        Formaat::Tekst => {
            let n = c.wijzigingen.len();
            let _ = writeln!(
                s,
                "Wat is er veranderd in definities {versie} ten opzichte van {vorige} ({n} {}):",
                if n == 1 { "wijziging" } else { "wijzigingen" }
            );
            for (i, w) in c.wijzigingen.iter().enumerate() {
                let _ = writeln!(s, "\n{}. {}: {}", i + 1, w.soort.naam(), w.kop());
                let _ = writeln!(s, "   {}", w.toelichting);
            }
            let _ = writeln!(
                s,
                "\nAlle andere posten zijn gelijk gebleven: dezelfde code en dezelfde betekenis."
            );
        }
        Formaat::Markdown => {
            let _ = writeln!(
                s,
                "# Wijzigingen in definities {versie} ten opzichte van {vorige}\n"
            );
            let _ = writeln!(s, "| soort | wat | toelichting |\n|---|---|---|");
            for w in c.wijzigingen {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} |",
                    w.soort.naam(),
                    w.kop(),
                    w.toelichting
                );
            }
        }
    }
    s
}

/// What adding a catalogue file did, for the terminal.
pub fn added_catalogue(a: &AddedCatalogue) -> String {
    let what = match (a.nieuw, a.opgeslagen) {
        (true, _) => format!("definities {} toegevoegd", a.versie),
        (false, true) => format!(
            "definities {} waren al bekend en zijn nu ook in deze database bewaard",
            a.versie
        ),
        (false, false) => format!(
            "definities {} waren al bekend met precies deze inhoud; er is niets veranderd",
            a.versie
        ),
    };
    format!(
        "{what} ({} {} ten opzichte van de vorige versie)\nsha256 {}: vergelijk dit met de sha256 die BZK bij de definities heeft bekendgemaakt",
        a.wijzigingen,
        if a.wijzigingen == 1 { "wijziging" } else { "wijzigingen" },
        a.sha256
    )
}

/// The catalogue in the chosen format.
pub fn catalogue(cat: &Catalogue, formaat: Formaat) -> Result<String, serde_json::Error> {
    Ok(match formaat {
        Formaat::Json => serde_json::to_string_pretty(cat)? + "\n",
        Formaat::Tekst => catalogue_text(cat),
        Formaat::Markdown => catalogue_markdown(cat),
    })
}

fn catalogue_text(cat: &Catalogue) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} — versie {}\n", cat.titel, cat.versie);
    for rule in &cat.algemene_regels {
        let _ = writeln!(s, "• {rule}");
    }
    for c in &cat.categories {
        let _ = writeln!(s, "\n{} ({})\n{}", c.naam, c.code, c.omschrijving);
        for p in cat.posts_of(&c.code) {
            let _ = writeln!(s, "\n  {} — {}", p.code, p.label);
            let _ = writeln!(
                s,
                "    eenheid: {}; fases: {}; kernbudget: {}",
                p.eenheid,
                fases(&p.fases),
                if p.kernbudget { "ja" } else { "nee" }
            );
            let req: Vec<String> = OrgType::ALL
                .iter()
                .map(|t| format!("{t} {}", requirement(p.verplicht.for_type(*t))))
                .collect();
            let _ = writeln!(s, "    verplicht: {}", req.join("; "));
            let _ = writeln!(s, "    {}", p.omschrijving);
            if !p.wel.is_empty() {
                let _ = writeln!(s, "    Wel: {}", p.wel);
            }
            if !p.niet.is_empty() {
                let _ = writeln!(s, "    Niet: {}", p.niet);
            }
            for c in &p.codes {
                let _ = writeln!(s, "    code {}: {}", c.code, c.label);
            }
        }
    }
    s
}

fn md_cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn catalogue_markdown(cat: &Catalogue) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {} — versie {}\n", cat.titel, cat.versie);
    for rule in &cat.algemene_regels {
        let _ = writeln!(s, "- {}", md_cell(rule));
    }
    for c in &cat.categories {
        let _ = writeln!(s, "\n## {} (`{}`)\n\n{}\n", c.naam, c.code, c.omschrijving);
        let _ = writeln!(
            s,
            "| post | label | eenheid | fases | kernbudget | verplicht (gemeente / provincie / waterschap) | wat hoort erbij | wat niet |"
        );
        let _ = writeln!(s, "|---|---|---|---|---|---|---|---|");
        for p in cat.posts_of(&c.code) {
            let req: Vec<&str> = OrgType::ALL
                .iter()
                .map(|t| requirement(p.verplicht.for_type(*t)))
                .collect();
            let _ = writeln!(
                s,
                "| `{}` | {} | {} | {} | {} | {} | {} | {} |",
                p.code,
                md_cell(&p.label),
                p.eenheid,
                fases(&p.fases),
                if p.kernbudget { "ja" } else { "nee" },
                req.join(" / "),
                md_cell(&format!("{} {}", p.omschrijving, p.wel)),
                md_cell(&p.niet)
            );
        }
    }
    s
}

/// One line of a value list.
pub fn values(rows: &[(Jaar, Fase, String, Record)]) -> String {
    let mut s = String::new();
    for (jaar, fase, post, record) in rows {
        let _ = write!(s, "{jaar}\t{fase}\t{post}\t{}", record.entry.to_dutch());
        if !record.toelichting.is_empty() {
            let _ = write!(s, "\t{}", record.toelichting.replace(['\r', '\n'], " "));
        }
        s.push('\n');
    }
    s
}

/// `12 fouten, 3 waarschuwingen, 1 signaal` for a subject.
pub fn summary(subject: &str, findings: &[Finding]) -> String {
    let count = |sev| findings.iter().filter(|f| f.severity() == sev).count();
    let counts = counts(
        count(Severity::Fout),
        count(Severity::Waarschuwing),
        count(Severity::Signaal),
    );
    format!("{subject}: {counts}")
}

/// `12 fouten, 3 waarschuwingen, 1 signaal`.
fn counts(f: usize, w: usize, s: usize) -> String {
    format!(
        "{f} {}, {w} {}, {s} {}",
        if f == 1 { "fout" } else { "fouten" },
        if w == 1 {
            "waarschuwing"
        } else {
            "waarschuwingen"
        },
        if s == 1 { "signaal" } else { "signalen" }
    )
}

/// `uitvraag 2026: ingediend (revisie 2); 0 fouten, 1 waarschuwing, 0 signalen`.
pub fn uitvraag_state(u: Jaar, state: &UitvraagState) -> String {
    let n = |x: u32| usize::try_from(x).unwrap_or(usize::MAX);
    format!(
        "uitvraag {u}: {}; {}",
        state.status,
        counts(n(state.fouten), n(state.waarschuwingen), n(state.signalen))
    )
}

/// One audit entry on one line.
pub fn history_line(e: &AuditEntry) -> String {
    let place: Vec<String> = [
        e.jaar.map(|j| j.to_string()),
        e.fase.map(|f| f.to_string()),
        e.post.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut line = format!(
        "#{} {} {} {}: {} → {}",
        e.id,
        e.moment,
        e.actor,
        if place.is_empty() {
            e.organisation.clone()
        } else {
            place.join(" ")
        },
        entry_text(e.old.as_ref()),
        entry_text(e.new.as_ref())
    );
    if let Some(r) = &e.reason {
        let _ = write!(line, " ({r})");
    }
    if let Some(id) = e.undoes {
        let _ = write!(line, " (maakt #{id} ongedaan)");
    }
    line
}

/// The audit log, newest first.
pub fn history(entries: &[AuditEntry]) -> String {
    entries.iter().map(|e| history_line(e) + "\n").collect()
}
