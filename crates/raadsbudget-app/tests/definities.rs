//! Year two in the griffier's screens: a store with uitvraag 2026 filled in under 2026.1 opens
//! uitvraag 2027 under 2027.1. Last year's values follow the mapping, "overnemen van vorig
//! jaar" fills only what carries, "Wat is er veranderd" lists the six changes and the export
//! is a 2027.1 file.

use raadsbudget_app::screens;
use raadsbudget_app::views::{CellView, ChangeKindCode, FaseCode, FormView};
use raadsbudget_demo::demo_datasets;
use raadsbudget_domain::{Catalogue, Fase};
use raadsbudget_formats::benchmark::{self, FileMeta};
use raadsbudget_usecases::export::ExportRequest;
use raadsbudget_usecases::Session;

/// A store with the first demo gemeente's uitvraag 2026 imported (2026.1); its code.
fn store_with_2026(dir: &std::path::Path) -> (Session, String) {
    let data = demo_datasets(2026, 10, 3)
        .into_iter()
        .find(|d| d.organisation.code.as_str().starts_with("GM"))
        .unwrap();
    let meta = FileMeta {
        definities: "2026.1".into(),
        uitvraag: 2026,
        organisation: data.organisation.clone(),
        revisie: 1,
        aangemaakt_op: chrono::DateTime::from_timestamp(1_770_000_000, 0).unwrap(),
        software: "test".into(),
    };
    let mut bytes = Vec::new();
    benchmark::write(&mut bytes, &meta, &data).unwrap();
    let file = dir.join("in.csv");
    std::fs::write(&file, bytes).unwrap();
    let mut s = Session::open(&dir.join("db.sqlite")).unwrap();
    s.set_user("griffier").unwrap();
    s.import(&file).unwrap();
    (s, data.organisation.code.to_string())
}

fn cell<'a>(form: &'a FormView, post: &str, fase: FaseCode) -> &'a CellView {
    form.secties
        .iter()
        .flat_map(|s| &s.posten)
        .find(|p| p.code == post)
        .unwrap_or_else(|| panic!("{post} is on the form"))
        .cellen
        .iter()
        .find(|c| c.fase == fase)
        .unwrap()
}

fn has_post(form: &FormView, post: &str) -> bool {
    form.secties
        .iter()
        .flat_map(|s| &s.posten)
        .any(|p| p.code == post)
}

#[test]
fn uitvraag_2027_opens_under_2027_1_over_a_store_of_2026_1() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, gm) = store_with_2026(dir.path());
    let v26 = Catalogue::get("2026.1").unwrap();
    let data = s
        .store()
        .dataset(&s.organisation(&gm).unwrap().code)
        .unwrap();
    let old = |post: &str| data.decimal(2026, Fase::Begroting, post).unwrap();
    let euro = |d| format!("€ {}", raadsbudget_domain::value::format_dutch(d, 2));

    // Uitvraag 2026 stays under 2026.1, with its stored values.
    let form26 = screens::form(&s, &gm, 2026).unwrap();
    assert_eq!(form26.definities, "2026.1");
    assert!(form26.wijzigingen.is_none());
    assert!(has_post(&form26, "ENQ.AANTAL") && !has_post(&form26, "ENQ.STELPOST"));

    let form = screens::form(&s, &gm, 2027).unwrap();
    assert_eq!(form.definities, "2027.1");
    assert!(!has_post(&form, "ENQ.AANTAL") && !has_post(&form, "ENQ.RESERVERING"));
    // A split shows the old total across its parts, and no change percentage.
    let total = format!(
        "2026.1: {} voor GRF.MATERIEEL en GRF.INFORMATIEVOORZIENING samen",
        euro(old("GRF.MATERIEEL"))
    );
    for post in ["GRF.MATERIEEL", "GRF.INFORMATIEVOORZIENING"] {
        let c = cell(&form, post, FaseCode::Begroting);
        assert_eq!(c.vorig_jaar.as_deref(), Some(total.as_str()), "{post}");
        assert!(c
            .vorig_jaar_opmerking
            .as_deref()
            .unwrap()
            .contains("niet overgenomen"));
        assert_eq!(c.verandering, None);
    }
    // A rename carries over, with its old code named.
    let c = cell(&form, "ENQ.STELPOST", FaseCode::Begroting);
    let reservering = data.get(2026, Fase::Begroting, "ENQ.RESERVERING").unwrap();
    assert!(v26.post("ENQ.RESERVERING").is_some());
    assert_eq!(c.vorig_jaar, Some(reservering.entry.to_dutch()));
    assert!(c
        .vorig_jaar_opmerking
        .as_deref()
        .unwrap()
        .contains("ENQ.RESERVERING"));
    // Realisatie fte has another definition: shown, marked, never compared.
    let c = cell(&form, "GRF.FTE", FaseCode::Realisatie);
    assert!(c.vorig_jaar.is_some());
    assert!(c
        .vorig_jaar_opmerking
        .as_deref()
        .unwrap()
        .starts_with("andere definitie"));
    assert_eq!(c.verandering, None);
    // Begroting fte did not change.
    let c = cell(&form, "GRF.FTE", FaseCode::Begroting);
    assert_eq!(c.vorig_jaar_opmerking, None);
    // The new kenmerk has nothing from last year.
    let c = cell(&form, "KEN.REKENKAMER_LEDEN", FaseCode::Kenmerk);
    assert_eq!(c.vorig_jaar, None);

    // Wat is er veranderd: the six changes of 2027.1.
    let w = form.wijzigingen.as_ref().unwrap();
    assert_eq!((w.versie.as_str(), w.vorige.as_str()), ("2027.1", "2026.1"));
    let kinds: Vec<ChangeKindCode> = w.wijzigingen.iter().map(|c| c.soort).collect();
    use ChangeKindCode::*;
    assert_eq!(
        kinds,
        [Hernoemd, Gesplitst, Gesplitst, Gewijzigd, Vervallen, Nieuw]
    );
    assert!(w
        .wijzigingen
        .iter()
        .all(|c| !c.kop.is_empty() && !c.toelichting.is_empty()));

    // Overnemen van vorig jaar: the rename is filled, the split parts and the changed
    // realisatie fte stay empty.
    let copied = screens::copy_previous_year(&mut s, &gm, 2027).unwrap();
    assert!(copied.aantal > 10, "{}", copied.aantal);
    let form = copied.formulier;
    for (post, fase) in [
        ("GRF.MATERIEEL", FaseCode::Begroting),
        ("GRF.INFORMATIEVOORZIENING", FaseCode::Begroting),
        ("RKK.PERSONEEL", FaseCode::Begroting),
        ("RKK.INZET_GRIFFIE", FaseCode::Begroting),
        ("GRF.FTE", FaseCode::Realisatie),
    ] {
        let c = cell(&form, post, fase);
        assert!(
            c.invoer.is_empty() && c.reden.is_none(),
            "{post} {fase:?} stays empty: {c:?}"
        );
    }
    let c = cell(&form, "ENQ.STELPOST", FaseCode::Begroting);
    assert!(
        !c.invoer.is_empty() || c.reden.is_some(),
        "the renamed post is filled"
    );
    assert!(!cell(&form, "GRF.PERSONEEL", FaseCode::Begroting)
        .invoer
        .is_empty());
    let data = s
        .store()
        .dataset(&s.organisation(&gm).unwrap().code)
        .unwrap();
    let stelpost = data.get(2027, Fase::Begroting, "ENQ.STELPOST").unwrap();
    assert_eq!(stelpost.definities, "2027.1");
    // Uitvraag 2026's values are untouched and keep their version.
    let reservering = data.get(2026, Fase::Begroting, "ENQ.RESERVERING").unwrap();
    assert_eq!(reservering.definities, "2026.1");

    // The export is a 2027.1 file (as a draft: the split parts are still empty).
    let out = s
        .export(&ExportRequest {
            organisation: gm.clone(),
            uitvraag: 2027,
            dir: dir.path().join("uit"),
            moment: None,
            concept: true,
        })
        .unwrap();
    let text = std::fs::read_to_string(&out.path).unwrap();
    assert!(
        text.lines().skip(1).all(|l| l.contains(",2027.1,2027,")),
        "{text}"
    );
    assert!(
        text.contains(",2026,kenmerk,KEN.INWONERS,"),
        "the kenmerken of 2026 carried over"
    );
    let read = benchmark::read("x.csv", text.as_bytes());
    assert!(read.file.is_some(), "{:?}", read.findings);
}

/// Bundles 40 demo files of uitvraag `u` (under that uitvraag's version) into `root/bundel-u`.
fn demo_bundle(root: &std::path::Path, u: u16) -> std::path::PathBuf {
    use raadsbudget_app::views::BundleRequest;
    let input = root.join(format!("in-{u}"));
    raadsbudget_usecases::demo_files::write_demo_files(u, 40, 3, &input).unwrap();
    let out = root.join(format!("bundel-{u}"));
    let view = screens::bundle(
        &BundleRequest {
            invoer: vec![input.display().to_string()],
            uit: out.display().to_string(),
            register: None,
            uitvraag: Some(u),
            xlsx: false,
        },
        &|_, _| {},
    )
    .unwrap();
    assert_eq!(view.geaccepteerd, 40);
    out
}

/// Bundles of uitvraag 2026 (2026.1) and 2027 (2027.1) loaded together: the trend of realisatie
/// fte shows a marked break with its reason (chart data, text, factsheet HTML and PDF), the
/// trend of the kernbudget per inwoner joins.
#[test]
fn the_trend_breaks_for_realisatie_fte_and_joins_for_the_kernbudget_per_inwoner() {
    use raadsbudget_app::vergelijken;
    use raadsbudget_app::views::{CompareRequest, LoadSourceRequest};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut s = Session::open(&root.join("db.sqlite")).unwrap();
    s.set_user("r.kamer").unwrap();
    screens::add_organisation(&mut s, "GM5000", "Demo").unwrap();
    for u in [2026, 2027] {
        let b = demo_bundle(root, u);
        vergelijken::load_source(
            &mut s,
            &LoadSourceRequest {
                pad: b.display().to_string(),
                register: None,
            },
        )
        .unwrap();
    }
    let req = |categorie: &str, indicator: &str, jaar: u16, fase: &str| CompareRequest {
        organisatie: "GM5000".into(),
        categorie: categorie.into(),
        indicator: indicator.parse().unwrap(),
        jaar,
        fase: fase.parse().unwrap(),
        groep: "gemeenten".parse().unwrap(),
        lijst: Vec::new(),
    };
    // Realisatie: 2025 (uitvraag 2026, 2026.1) and 2026 (uitvraag 2027, 2027.1).
    let fte = vergelijken::compare_view(&s, &req("GRF", "fte", 2026, "realisatie")).unwrap();
    let years: Vec<u16> = fte.trend.iter().map(|p| p.jaar).collect();
    assert_eq!(years, [2025, 2026]);
    assert_eq!(fte.trend[0].breuk, None);
    let breuk = fte.trend[1].breuk.as_deref().expect("a break before 2026");
    assert!(
        breuk.contains("GRF.FTE") && breuk.contains("andere definitie"),
        "{breuk}"
    );
    assert!(
        fte.trend_tekst
            .contains("De reeks is onderbroken tussen 2025 en 2026"),
        "{}",
        fte.trend_tekst
    );
    assert!(
        !fte.trend_tekst.contains("Van 2025 tot 2026"),
        "{}",
        fte.trend_tekst
    );
    // Begroting fte did not change: no break.
    let fte_b = vergelijken::compare_view(&s, &req("GRF", "fte", 2027, "begroting")).unwrap();
    assert!(fte_b.trend.iter().all(|p| p.breuk.is_none()));
    // The kernbudget per inwoner stays comparable over the change: the line joins.
    for (jaar, fase) in [(2026, "realisatie"), (2027, "begroting")] {
        for categorie in ["GRF", "RKK", "ENQ", "TOTAAL"] {
            let v =
                vergelijken::compare_view(&s, &req(categorie, "per_inwoner", jaar, fase)).unwrap();
            assert_eq!(v.trend.len(), 2);
            assert!(
                v.trend.iter().all(|p| p.breuk.is_none()),
                "{categorie} {fase}"
            );
            assert!(v.trend_tekst.starts_with("Van "), "{}", v.trend_tekst);
        }
    }

    // Uitputting of realisatie 2026 (2027.1) against begroting 2026 (2026.1): the kernbudget
    // keeps its scope, so the group's figures are there (the own ones come from the store,
    // which holds no figures for GM5000 here).
    for categorie in ["GRF", "RKK", "TOTAAL"] {
        let v = vergelijken::compare_view(&s, &req(categorie, "uitputting", 2026, "realisatie"))
            .unwrap();
        let last = v.trend.last().unwrap();
        assert_eq!(last.jaar, 2026);
        assert!(
            last.n > 30 && last.mediaan.is_some(),
            "{categorie}: {last:?}"
        );
        assert!(last.breuk.is_none());
    }

    // The factsheet of uitvraag 2027 says so too, in HTML and in the PDF.
    let view = vergelijken::factsheet_view(&s, "GM5000", 2027).unwrap();
    assert!(
        view.html.contains("Vergelijkbaarheid over de jaren"),
        "{}",
        view.html
    );
    let html = view.html.replace("&#x27;", "'");
    assert!(html.contains("Realisatie griffie: fte en fte per 10.000 inwoners van 2025 en 2026 zijn niet vergelijkbaar"), "{html}");
    assert!(html.contains("Realisatie rekenkamer: fte"), "{html}");
    assert!(
        !html.contains("per inwoner van 2025"),
        "per inwoner stays comparable: {html}"
    );
    assert!(!html.contains("Begroting griffie:"), "{html}");
    let pdf = root.join("factsheet.pdf");
    s.write_factsheet_pdf("GM5000", 2027, &pdf).unwrap();
    let text = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/test");
    let text = String::from_utf8(text.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("Vergelijkbaarheid over de jaren"), "{text}");
    assert!(text.contains("Realisatie griffie: fte en fte per 10.000 inwoners van 2025 en 2026 zijn niet vergelijkbaar"), "{text}");
}
