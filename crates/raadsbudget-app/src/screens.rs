//! The desktop app's screens: one function per IPC command (`docs/ipc.md`), returning the view
//! models of [`crate::views`]. Tested without Tauri; src-tauri only forwards.
//!
//! Every figure is computed here or in the domain crate and leaves as Dutch text: euro amounts
//! and per inwoner / zetel / fractie with 2 decimals (`812.345,00`, no `€`), fte with 2
//! decimals, percentages with 1 decimal and ` %` (`12,3 %`, changes signed: `+12,3 %`). Unknown
//! is `None`, never `0`.

use crate::definities::{changes_view, last_year};
use crate::views::{
    AppInfo, AuditView, BundleRequest, BundleView, BundledFileView, CategoryTotal, CellView,
    CodeOptionView, ColumnView, CopyResult, ErrorView, ExportPreview, ExportResult, FaseCode,
    FindingView, FormView, InputView, KengetalView, OrgTypeCode, OrganisationView, Overview,
    PostRow, PreviewView, ReasonCode, RegisterEntry, ResponseView, SectionView, SetFieldRequest,
    SeverityCode, SubmissionStatusCode, UitvraagSummary,
};
use raadsbudget_domain::catalogue::{Category, KENMERKEN};
use raadsbudget_domain::kengetallen::{
    is_required, kengetal_categories, kengetallen_for, Kengetallen, TOTAAL,
};
use raadsbudget_domain::validation::validate_uitvraag;
use raadsbudget_domain::value::{format_dutch, round_half_away};
use raadsbudget_domain::{
    Catalogue, Dataset, Fase, Finding, Jaar, Organisation, Post, Reason, Severity, SOFTWARE,
};
use raadsbudget_store::{AuditEntry, HistoryFilter};
use raadsbudget_usecases::bundel::{self, BundleOutcome, BundledFile};
use raadsbudget_usecases::export::ExportRequest;
use raadsbudget_usecases::text::{block_title, category_name, count, moment_for_people};
use raadsbudget_usecases::uitvraag::current_uitvraag;
use raadsbudget_usecases::values::{
    check_jaar, entry_text, Input, Preview, PreviewRequest, SetValue,
};
use raadsbudget_usecases::{Error, Result, Session};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

fn dutch2(d: Option<Decimal>) -> Option<String> {
    d.map(|d| format_dutch(d, 2))
}

fn percent(d: Decimal) -> String {
    format!("{} %", format_dutch(d, 1))
}

/// The change from `old` to `new` as a signed percentage (`+12,3 %`, `-4,0 %`, `0,0 %`);
/// `None` from zero.
fn change_text(old: Decimal, new: Decimal) -> Option<String> {
    let pct = new
        .checked_sub(old)?
        .checked_div(old)?
        .checked_mul(Decimal::ONE_HUNDRED)?;
    let sign = if round_half_away(pct, 1) > Decimal::ZERO {
        "+"
    } else {
        ""
    };
    Some(format!("{sign}{}", percent(pct)))
}

// ---------------------------------------------------------------------------------------------
// Plain views
// ---------------------------------------------------------------------------------------------

pub(crate) fn organisation_view(org: &Organisation) -> OrganisationView {
    OrganisationView {
        code: org.code.to_string(),
        naam: org.naam.clone(),
        soort: org.org_type().into(),
        soort_label: OrgTypeCode::from(org.org_type()).label().to_string(),
    }
}

/// A finding for display.
pub fn finding_view(f: &Finding) -> FindingView {
    let l = &f.location;
    let ernst = SeverityCode::from(f.severity());
    FindingView {
        code: f.code.as_str().to_string(),
        ernst,
        ernst_label: ernst.label().to_string(),
        melding: f.message.clone(),
        jaar: l.jaar,
        fase: l.fase.map(FaseCode::from),
        post: l.post.clone(),
        blok_titel: block_title_of(l.jaar, l.fase),
        bestand: l.file.clone(),
        regel: l.line.map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
        kolom: l.column,
        cel: l.cell.clone(),
        tekst: f.to_string(),
    }
}

fn finding_views(findings: &[Finding]) -> Vec<FindingView> {
    findings.iter().map(finding_view).collect()
}

/// The error as the desktop app returns it: the stable kind, the Dutch message and the
/// findings behind it (why an export was refused, why a value does not fit).
pub fn error_view(e: &Error) -> ErrorView {
    let meldingen = match e {
        Error::Findings { findings, .. } => finding_views(findings),
        Error::Value(f) => vec![finding_view(f)],
        _ => Vec::new(),
    };
    ErrorView {
        meldingen,
        ..ErrorView::new(e.into(), e.to_string())
    }
}

fn audit_view(e: &AuditEntry) -> AuditView {
    AuditView {
        id: e.id,
        moment: e.moment.clone(),
        moment_tekst: moment_for_people(&e.moment),
        wie: e.actor.clone(),
        jaar: e.jaar,
        fase: e.fase.map(FaseCode::from),
        blok_titel: block_title_of(e.jaar, e.fase),
        post: e.post.clone(),
        oud: entry_text(e.old.as_ref()),
        nieuw: entry_text(e.new.as_ref()),
        reden: e.reason.clone(),
        maakt_ongedaan: e.undoes,
    }
}

/// Reads a register file (organisation codes and names, e.g. the CBS list of gemeenten), or
/// a built-in register by name (`cbs-2025`).
pub fn read_register(path: &Path) -> Result<Vec<RegisterEntry>> {
    let entries = raadsbudget_usecases::registers::read(path)?;
    Ok(entries
        .into_iter()
        .map(|e| RegisterEntry {
            code: e.code.to_string(),
            naam: e.naam,
        })
        .collect())
}

// ---------------------------------------------------------------------------------------------
// Bundling
// ---------------------------------------------------------------------------------------------

/// Bundles as the Bundelen screen asks (with every file and its findings) and gives the view.
pub fn bundle(req: &BundleRequest, progress: &dyn Fn(usize, usize)) -> Result<BundleView> {
    let outcome = raadsbudget_usecases::bundel::bundle(
        &bundel::BundleRequest {
            inputs: req.invoer.clone(),
            out: PathBuf::from(&req.uit),
            register: req.register.as_ref().map(PathBuf::from),
            uitvraag: req.uitvraag,
            xlsx: req.xlsx,
            per_file: true,
        },
        progress,
    )?;
    Ok(bundle_view(&outcome))
}

/// The view of a bundle's outcome.
pub fn bundle_view(o: &BundleOutcome) -> BundleView {
    let [geaccepteerd, vervangen, dubbel, afgewezen] = o.per_status;
    BundleView {
        uit: o.out.display().to_string(),
        uitvoer: o.written.clone(),
        bestanden: o.files_read,
        geaccepteerd,
        vervangen,
        dubbel,
        afgewezen,
        overgeslagen: o.skipped,
        organisaties: o.organisations,
        respons: o.response.map(|r| ResponseView {
            register: r.register,
            ingediend: r.ingediend,
            geaccepteerd: r.geaccepteerd,
            percentage: r.percentage(),
        }),
        samenvatting: o.summary(),
        inzendingen: o.files.iter().map(bundled_file_view).collect(),
    }
}

fn bundled_file_view(f: &BundledFile) -> BundledFileView {
    let of = |s: Severity| count(f.findings.iter().filter(|x| x.severity() == s).count());
    BundledFileView {
        bestand: f.name.clone(),
        organisatie: f.meta.as_ref().map(|m| m.organisation.code.to_string()),
        uitvraagjaar: f.meta.as_ref().map(|m| m.uitvraag),
        revisie: f.meta.as_ref().map(|m| m.revisie),
        status: f.status.into(),
        status_label: SubmissionStatusCode::from(f.status).label().to_string(),
        opmerking: f.opmerking.clone(),
        fouten: of(Severity::Fout),
        waarschuwingen: of(Severity::Waarschuwing),
        signalen: of(Severity::Signaal),
        meldingen: finding_views(&f.findings),
    }
}

// ---------------------------------------------------------------------------------------------
// Kengetallen and the form's layout
// ---------------------------------------------------------------------------------------------

/// The two columns of a section: kenmerken (U−1, U); a category begroting U and realisatie
/// U−1.
fn columns(category: &str, u: Jaar) -> [(Jaar, Fase); 2] {
    let prev = u.saturating_sub(1);
    if category == KENMERKEN {
        [(prev, Fase::Kenmerk), (u, Fase::Kenmerk)]
    } else {
        [(u, Fase::Begroting), (prev, Fase::Realisatie)]
    }
}

/// The title of a block when both year and fase are known: the one text for a `(jaar, fase)`
/// ([`block_title`], as every column heading).
fn block_title_of(jaar: Option<Jaar>, fase: Option<Fase>) -> Option<String> {
    Some(block_title(jaar?, fase?))
}

pub(crate) fn column_view(jaar: Jaar, fase: Fase) -> ColumnView {
    ColumnView {
        jaar,
        fase: fase.into(),
        titel: block_title(jaar, fase),
    }
}

fn kengetal_view(cat: &Catalogue, k: &Kengetallen, jaar: Jaar, fase: Fase) -> KengetalView {
    KengetalView {
        jaar,
        fase: fase.into(),
        titel: block_title(jaar, fase),
        categorie: k.categorie.clone(),
        naam: category_name(cat, &k.categorie),
        kernbudget: dutch2(k.kernbudget),
        per_inwoner: dutch2(k.per_inwoner),
        per_zetel: dutch2(k.per_zetel),
        per_fractie: dutch2(k.per_fractie),
        fte: dutch2(k.fte),
        fte_per_10000: dutch2(k.fte_per_10000),
        aandeel_totale_lasten: k.aandeel_totale_lasten.map(percent),
        uitputting: k.uitputting.map(percent),
    }
}

/// The kengetallen of `categories` (codes or [`TOTAAL`]) for begroting U and realisatie U−1,
/// category by category.
fn kengetal_views(
    cat: &Catalogue,
    data: &Dataset,
    u: Jaar,
    categories: &[&str],
) -> Vec<KengetalView> {
    categories
        .iter()
        .flat_map(|c| {
            columns(c, u).map(|(jaar, fase)| {
                kengetal_view(cat, &kengetallen_for(cat, data, jaar, fase, c), jaar, fase)
            })
        })
        .collect()
}

fn located_at(f: &Finding, jaar: Jaar, fase: Fase, post: &str) -> bool {
    let l = &f.location;
    l.jaar == Some(jaar) && l.fase == Some(fase) && l.post.as_deref() == Some(post)
}

fn cell_view(
    cat: &'static Catalogue,
    data: &Dataset,
    post: &Post,
    (jaar, fase): (Jaar, Fase),
    findings: &[Finding],
) -> CellView {
    let gevraagd = post.has_fase(fase);
    let record = data.get(jaar, fase, &post.code);
    let previous = jaar
        .checked_sub(1)
        .map(|p| last_year(data, cat, p, fase, post));
    let verandering = match (
        previous.as_ref().and_then(|p| p.number),
        record.and_then(|r| r.entry.decimal()),
    ) {
        (Some(old), Some(new)) => change_text(old, new),
        _ => None,
    };
    CellView {
        jaar,
        fase: fase.into(),
        gevraagd,
        verplicht: gevraagd && is_required(post, data, jaar),
        invoer: record
            .and_then(|r| r.entry.value())
            .map(|v| v.to_dutch())
            .unwrap_or_default(),
        reden: record.and_then(|r| r.entry.reason()).map(ReasonCode::from),
        toelichting: record.map(|r| r.toelichting.clone()).unwrap_or_default(),
        vorig_jaar: previous.as_ref().and_then(|p| p.text.clone()),
        vorig_jaar_opmerking: previous.and_then(|p| p.remark),
        verandering,
        meldingen: findings
            .iter()
            .filter(|f| located_at(f, jaar, fase, &post.code))
            .map(finding_view)
            .collect(),
    }
}

fn post_row(
    cat: &'static Catalogue,
    data: &Dataset,
    post: &Post,
    cols: &[(Jaar, Fase)],
    findings: &[Finding],
) -> PostRow {
    PostRow {
        code: post.code.clone(),
        label: post.label.clone(),
        omschrijving: post.omschrijving.clone(),
        wel: post.wel.clone(),
        niet: post.niet.clone(),
        eenheid: post.eenheid.into(),
        kernbudget: post.kernbudget,
        codes: post
            .codes
            .iter()
            .map(|c| CodeOptionView {
                code: c.code.clone(),
                label: c.label.clone(),
            })
            .collect(),
        cellen: cols
            .iter()
            .map(|&col| cell_view(cat, data, post, col, findings))
            .collect(),
    }
}

fn section_view(
    cat: &'static Catalogue,
    data: &Dataset,
    u: Jaar,
    category: &Category,
    findings: &[Finding],
) -> SectionView {
    let cols = columns(&category.code, u);
    SectionView {
        code: category.code.clone(),
        naam: category.naam.clone(),
        omschrijving: category.omschrijving.clone(),
        kolommen: cols.iter().map(|&(j, f)| column_view(j, f)).collect(),
        posten: cat
            .posts_of(&category.code)
            .map(|p| post_row(cat, data, p, &cols, findings))
            .collect(),
        kengetallen: if category.code == KENMERKEN {
            Vec::new()
        } else {
            kengetal_views(cat, data, u, &[category.code.as_str()])
        },
    }
}

fn totals(cat: &Catalogue, data: &Dataset, u: Jaar) -> Vec<CategoryTotal> {
    let kb = |jaar, fase, c| dutch2(kengetallen_for(cat, data, jaar, fase, c).kernbudget);
    kengetal_categories(cat)
        .into_iter()
        .map(|c| CategoryTotal {
            categorie: c.to_string(),
            naam: category_name(cat, c),
            begroting: kb(u, Fase::Begroting, c),
            realisatie: kb(u.saturating_sub(1), Fase::Realisatie, c),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The screens
// ---------------------------------------------------------------------------------------------

/// General facts for the app's header and about box.
pub fn app_info(s: &Session) -> Result<AppInfo> {
    Ok(AppInfo {
        software: SOFTWARE.to_string(),
        database: s
            .path()
            .map_or_else(|| ":memory:".to_string(), |p| p.display().to_string()),
        definities: Catalogue::for_uitvraag(current_uitvraag()).versie.clone(),
        gebruiker: s.actor()?,
        huidige_uitvraag: current_uitvraag(),
    })
}

/// The organisations in the store, sorted by code.
pub fn organisations(s: &Session) -> Result<Vec<OrganisationView>> {
    Ok(s.organisations()?.iter().map(organisation_view).collect())
}

/// Adds an organisation (code and name are checked).
pub fn add_organisation(s: &mut Session, code: &str, naam: &str) -> Result<OrganisationView> {
    Ok(organisation_view(&s.add_organisation(code, naam)?))
}

/// Adds the next demo gemeente ([`Session::add_demo_organisation`]).
pub fn add_demo_organisation(s: &mut Session) -> Result<OrganisationView> {
    Ok(organisation_view(&s.add_demo_organisation()?))
}

/// The overview of an organisation, newest first: every uitvraag with data in its own
/// blocks (begroting U, realisatie U−1) or with an export, and always the current
/// uitvraag.
pub fn overview(s: &Session, organisatie: &str) -> Result<Overview> {
    let org = s.organisation(organisatie)?;
    let data = s.store().dataset(&org.code)?;
    let uitvragen = s
        .uitvragen_of(&data)?
        .into_iter()
        .map(|u| {
            let findings = validate_uitvraag(Catalogue::for_uitvraag(u), &data, u);
            summary(s, &data, u, &findings)
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Overview {
        organisatie: organisation_view(&org),
        uitvragen,
    })
}

/// The state of uitvraag `u` for display; `findings` are those of [`validate_uitvraag`].
fn summary(s: &Session, data: &Dataset, u: Jaar, findings: &[Finding]) -> Result<UitvraagSummary> {
    let state = s.uitvraag_state(data, u, findings)?;
    Ok(UitvraagSummary {
        uitvraag: u,
        status: state.status.into(),
        status_tekst: state.status.to_string(),
        revisie: state.last_export.as_ref().map(|e| e.revisie),
        ingediend_op: state.last_export.as_ref().map(|e| e.moment.clone()),
        fouten: state.fouten,
        waarschuwingen: state.waarschuwingen,
        signalen: state.signalen,
        totalen: totals(Catalogue::for_uitvraag(u), data, u),
    })
}

/// The invoer form of uitvraag `uitvraag`: the kenmerken (U−1, U) and the four categories
/// (begroting U, realisatie U−1), with definitions, values, last year's values, findings
/// per field, kengetallen and the status.
pub fn form(s: &Session, organisatie: &str, uitvraag: Jaar) -> Result<FormView> {
    let org = s.organisation(organisatie)?;
    check_jaar(uitvraag)?;
    let data = s.store().dataset(&org.code)?;
    let cat = Catalogue::for_uitvraag(uitvraag);
    let findings = validate_uitvraag(cat, &data, uitvraag);
    Ok(FormView {
        organisatie: organisation_view(&org),
        uitvraag,
        definities: cat.versie.clone(),
        algemene_regels: cat.algemene_regels.clone(),
        secties: cat
            .categories
            .iter()
            .map(|c| section_view(cat, &data, uitvraag, c, &findings))
            .collect(),
        totaal: kengetal_views(cat, &data, uitvraag, &[TOTAAL]),
        meldingen: finding_views(&findings),
        samenvatting: summary(s, &data, uitvraag, &findings)?,
        wijzigingen: changes_view(cat),
    })
}

/// Saves one field (value, reason, or only a new toelichting) and returns the form.
/// [`Error::Value`] with the finding when the text does not fit the post.
pub fn set_field(s: &mut Session, req: &SetFieldRequest) -> Result<FormView> {
    check_jaar(req.uitvraag)?;
    let input = match &req.invoer {
        InputView::Waarde { tekst } => Input::Waarde(tekst.clone()),
        InputView::Reden { reden } => Input::Reden(Reason::from(*reden)),
        InputView::Behouden => Input::Keep,
    };
    s.set_value(&SetValue {
        organisation: req.organisatie.clone(),
        jaar: req.jaar,
        fase: req.fase.into(),
        post: req.post.clone(),
        input,
        toelichting: req.toelichting.clone(),
        uitvraag: Some(req.uitvraag),
    })?;
    form(s, &req.organisatie, req.uitvraag)
}

/// Removes one field's entry and returns the form.
pub fn clear_field(
    s: &mut Session,
    organisatie: &str,
    uitvraag: Jaar,
    jaar: Jaar,
    fase: FaseCode,
    post: &str,
) -> Result<FormView> {
    check_jaar(uitvraag)?;
    s.clear_value(organisatie, jaar, fase.into(), post)?;
    form(s, organisatie, uitvraag)
}

/// The kengetallen as they would be with `tekst` typed in a field, without saving: those
/// of the field's category (all four for a kenmerk) and of the total, for begroting U and
/// realisatie U−1. The text is read as [`Session::set_value`] reads it; when it does not
/// fit, `melding` is the finding and `kengetallen` is empty. An empty text previews the
/// field without entry.
pub fn preview(
    s: &Session,
    organisatie: &str,
    uitvraag: Jaar,
    jaar: Jaar,
    fase: FaseCode,
    post: &str,
    tekst: &str,
) -> Result<PreviewView> {
    check_jaar(uitvraag)?;
    let preview = s.preview(&PreviewRequest {
        organisation: organisatie,
        jaar,
        fase: fase.into(),
        post,
        tekst,
        uitvraag: Some(uitvraag),
    })?;
    Ok(match preview {
        Preview::Refused(finding) => PreviewView {
            melding: Some(finding_view(&finding)),
            kengetallen: Vec::new(),
        },
        Preview::Would { data, categories } => {
            let categories: Vec<&str> = categories.iter().map(String::as_str).collect();
            PreviewView {
                melding: None,
                kengetallen: kengetal_views(
                    Catalogue::for_uitvraag(uitvraag),
                    &data,
                    uitvraag,
                    &categories,
                ),
            }
        }
    })
}

/// Fills the empty fields from last year ([`Session::copy_previous_year`]) and gives
/// how many were filled with the form.
pub fn copy_previous_year(
    s: &mut Session,
    organisatie: &str,
    uitvraag: Jaar,
) -> Result<CopyResult> {
    let filled = s.copy_previous_year(organisatie, uitvraag)?;
    Ok(CopyResult {
        aantal: count(filled),
        formulier: form(s, organisatie, uitvraag)?,
    })
}

/// All findings of the uitvraag.
pub fn findings(s: &Session, organisatie: &str, uitvraag: Jaar) -> Result<Vec<FindingView>> {
    let (_, findings) = s.check(organisatie, uitvraag)?;
    Ok(finding_views(&findings))
}

/// What a final export would send now: file name, revisie, the file's text and the
/// findings.
pub fn export_preview(s: &Session, organisatie: &str, uitvraag: Jaar) -> Result<ExportPreview> {
    let prepared = s.prepare_export(organisatie, uitvraag, None, false)?;
    let standaard_map = dirs::document_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| PathBuf::from("."));
    Ok(ExportPreview {
        bestandsnaam: prepared.file_name.clone(),
        revisie: prepared.meta.revisie,
        regels: count(prepared.rows),
        inhoud: String::from_utf8_lossy(&prepared.bytes).into_owned(),
        meldingen: finding_views(&prepared.findings),
        heeft_fouten: prepared.has_errors(),
        standaard_map: standaard_map.display().to_string(),
    })
}

/// Writes the benchmark file into folder `map` (a draft when `concept`).
pub fn export(
    s: &mut Session,
    organisatie: &str,
    uitvraag: Jaar,
    map: &Path,
    concept: bool,
) -> Result<ExportResult> {
    let outcome = s.export(&ExportRequest {
        organisation: organisatie.to_string(),
        uitvraag,
        dir: map.to_path_buf(),
        moment: None,
        concept,
    })?;
    Ok(ExportResult {
        pad: outcome.path.display().to_string(),
        revisie: outcome.revisie,
        sha256: outcome.sha256,
        concept: outcome.concept,
    })
}

/// The audit log of an organisation (optionally of one post), newest first.
pub fn history(s: &Session, organisatie: &str, post: Option<&str>) -> Result<Vec<AuditView>> {
    let filter = HistoryFilter {
        post: post
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string),
        ..HistoryFilter::default()
    };
    Ok(s.history(organisatie, &filter)?
        .iter()
        .map(audit_view)
        .collect())
}

/// Undoes the organisation's most recent change; `None` when there is nothing to undo.
pub fn undo(s: &mut Session, organisatie: &str) -> Result<Option<AuditView>> {
    Ok(s.undo(organisatie)?.as_ref().map(audit_view))
}
