//! The use cases behind the desktop app's screens, driven as the app drives them: through a
//! real store, with the view models the UI receives.

use chrono::{DateTime, Datelike, Utc};
use raadsbudget_app::screens;
use raadsbudget_app::screens::{error_view, read_register};
use raadsbudget_app::views::{FaseCode, ReasonCode};
use raadsbudget_demo::demo_datasets;
use raadsbudget_domain::{Entry, Fase};
use raadsbudget_usecases::export::ExportRequest;
use raadsbudget_usecases::uitvraag::{current_uitvraag, COPY_REASON};

use raadsbudget_app::views::{
    CellView, FormView, InputView, KengetalView, SetFieldRequest, UitvraagSummary,
};
use raadsbudget_usecases::{Error, Session};

/// The status codes of the IPC (`UitvraagSummary::status`), written out: they are a contract
/// with the UI.
mod status {
    pub const LEEG: &str = "leeg";
    pub const CONCEPT: &str = "concept";
    pub const GECONTROLEERD: &str = "gecontroleerd";
    pub const INGEDIEND: &str = "ingediend";
    pub const GEWIJZIGD_NA_INDIENING: &str = "gewijzigd_na_indiening";
}

const GM: &str = "GM0001";

/// The next uitvraag, when a catalogue of definitions for it is known: the overview offers it.
fn next_uitvraag() -> Option<u16> {
    let next = u() + 1;
    (raadsbudget_domain::Catalogue::for_uitvraag(next).uitvraag_vanaf == next).then_some(next)
}

fn session() -> Session {
    let mut s = Session::in_memory().unwrap();
    s.set_user("tester").unwrap();
    s
}

/// A session with an empty gemeente `GM0001`.
fn with_gemeente() -> Session {
    let mut s = session();
    screens::add_organisation(&mut s, GM, "Proefstad").unwrap();
    s
}

fn u() -> u16 {
    current_uitvraag()
}

fn request(jaar: u16, fase: &str, post: &str, invoer: InputView) -> SetFieldRequest {
    SetFieldRequest {
        organisatie: GM.into(),
        uitvraag: u(),
        jaar,
        fase: fase.parse().unwrap(),
        post: post.into(),
        invoer,
        toelichting: None,
    }
}

fn waarde(tekst: &str) -> InputView {
    InputView::Waarde {
        tekst: tekst.into(),
    }
}

fn set(s: &mut Session, jaar: u16, fase: &str, post: &str, tekst: &str) -> FormView {
    screens::set_field(s, &request(jaar, fase, post, waarde(tekst)))
        .unwrap_or_else(|e| panic!("{jaar} {fase} {post} {tekst}: {e}"))
}

fn cell<'f>(form: &'f FormView, post: &str, jaar: u16, fase: &str) -> &'f CellView {
    form.secties
        .iter()
        .flat_map(|s| &s.posten)
        .find(|p| p.code == post)
        .unwrap_or_else(|| panic!("post {post}"))
        .cellen
        .iter()
        .find(|c| c.jaar == jaar && c.fase == fase)
        .unwrap_or_else(|| panic!("{post} {jaar} {fase}"))
}

fn summary_of(s: &Session, org: &str, uitvraag: u16) -> UitvraagSummary {
    screens::overview(s, org)
        .unwrap()
        .uitvragen
        .into_iter()
        .find(|x| x.uitvraag == uitvraag)
        .unwrap_or_else(|| panic!("uitvraag {uitvraag} not in the overview"))
}

/// Enters a complete, error-free uitvraag `u()` for GM0001 from demo data, field by field.
fn fill_complete(s: &mut Session) {
    let demo = demo_datasets(u(), 1, 7).remove(0);
    for ((jaar, fase, post), record) in demo.records() {
        let invoer = match &record.entry {
            Entry::Value(v) => waarde(&v.to_dutch()),
            Entry::Reason(r) => InputView::Reden { reden: (*r).into() },
        };
        let mut req = request(jaar, fase.as_str(), post, invoer);
        req.toelichting = Some(record.toelichting.clone());
        screens::set_field(s, &req).unwrap();
    }
}

#[test]
fn app_info_names_versions_user_and_this_year() {
    let s = session();
    let info = screens::app_info(&s).unwrap();
    assert!(
        info.software.starts_with("Raadsbudget "),
        "{}",
        info.software
    );
    assert_eq!(info.database, ":memory:");
    assert_eq!(info.definities, "2026.1");
    assert_eq!(info.gebruiker, "tester");
    assert_eq!(i32::from(info.huidige_uitvraag), Utc::now().year());
}

#[test]
fn organisations_and_demo_gemeenten() {
    let mut s = session();
    let org = screens::add_organisation(&mut s, "PV27", "Noord-Holland").unwrap();
    assert_eq!(org.soort, "provincie");
    assert_eq!(org.soort_label, "Provincie");
    let err = screens::add_organisation(&mut s, "GM12", "Fout").unwrap_err();
    assert_eq!(error_view(&err).kind, "invoer");
    assert_eq!(error_view(&err).kop, "De invoer klopt niet");

    let a = screens::add_demo_organisation(&mut s).unwrap();
    let b = screens::add_demo_organisation(&mut s).unwrap();
    assert_ne!(a.code, b.code);
    assert_eq!(
        (a.soort.as_str(), b.soort.as_str()),
        ("gemeente", "gemeente")
    );
    let codes: Vec<String> = screens::organisations(&s)
        .unwrap()
        .into_iter()
        .map(|o| o.code)
        .collect();
    assert_eq!(codes, [a.code.clone(), b.code.clone(), "PV27".to_string()]);

    // Four years of figures up to the current uitvraag, which has no errors; the realisatie
    // of the current year is not known yet, so the next uitvraag is listed only when its
    // definitions are out.
    let overview = screens::overview(&s, &a.code).unwrap();
    let years: Vec<u16> = overview.uitvragen.iter().map(|x| x.uitvraag).collect();
    let mut want = next_uitvraag().into_iter().collect::<Vec<_>>();
    want.extend([u(), u() - 1, u() - 2, u() - 3]);
    assert_eq!(years, want);
    let current = overview
        .uitvragen
        .iter()
        .find(|x| x.uitvraag == u())
        .unwrap();
    assert_eq!(current.status, status::GECONTROLEERD, "{current:#?}");
    assert_eq!(current.fouten, 0);
    let names: Vec<(&str, &str)> = current
        .totalen
        .iter()
        .map(|t| (t.categorie.as_str(), t.naam.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("GRF", "Griffie"),
            ("RKK", "Rekenkamer"),
            ("FRO", "Fractieondersteuning"),
            ("ENQ", "Enquêterecht"),
            ("TOTAAL", "Totaal raadsondersteuning"),
        ]
    );
    let totaal = &current.totalen[4];
    // Dutch euro text with two decimals: `1.234.567,89`.
    let dutch = |t: &str| t.len() > 3 && t.as_bytes()[t.len() - 3] == b',' && !t.contains('€');
    assert!(totaal.begroting.as_deref().is_some_and(dutch), "{totaal:?}");
    assert!(totaal.realisatie.is_some());
}

#[test]
fn overview_status_through_a_real_sequence() {
    let mut s = with_gemeente();
    let dir = tempfile::tempdir().unwrap();

    // Nothing entered: only the current uitvraag (and the next one when its definitions are
    // out), leeg, every total unknown (not 0).
    let overview = screens::overview(&s, GM).unwrap();
    assert_eq!(overview.organisatie.naam, "Proefstad");
    assert_eq!(overview.uitvragen.len(), 1 + next_uitvraag().iter().count());
    let leeg = overview
        .uitvragen
        .iter()
        .find(|x| x.uitvraag == u())
        .unwrap();
    assert_eq!((leeg.uitvraag, leeg.status.as_str()), (u(), status::LEEG));
    assert_eq!(leeg.status_tekst, "leeg");
    assert_eq!((leeg.revisie, leeg.ingediend_op.as_deref()), (None, None));
    assert!(leeg
        .totalen
        .iter()
        .all(|t| t.begroting.is_none() && t.realisatie.is_none()));

    // One value: the block is incomplete, errors remain.
    set(&mut s, u(), "begroting", "GRF.PERSONEEL", "100.000,00");
    let concept = summary_of(&s, GM, u());
    assert_eq!(
        (concept.status.as_str(), concept.status_tekst.as_str()),
        (status::CONCEPT, "concept")
    );
    assert!(concept.fouten > 0);

    // A complete uitvraag without errors.
    fill_complete(&mut s);
    let checked = summary_of(&s, GM, u());
    assert_eq!(checked.status, status::GECONTROLEERD, "{checked:#?}");
    assert_eq!(checked.status_tekst, "gecontroleerd");
    assert!(checked.totalen.iter().all(|t| t.begroting.is_some()));

    // A draft is not a submission.
    screens::export(&mut s, GM, u(), dir.path(), true).unwrap();
    assert_eq!(summary_of(&s, GM, u()).status, status::GECONTROLEERD);

    // Handed in, in the same second as the last change (which came before it).
    let last_change = screens::history(&s, GM, None).unwrap()[0].moment.clone();
    let moment = DateTime::parse_from_rfc3339(&last_change)
        .unwrap()
        .with_timezone(&Utc);
    s.export(&ExportRequest {
        organisation: GM.into(),
        uitvraag: u(),
        dir: dir.path().to_path_buf(),
        moment: Some(moment),
        concept: false,
    })
    .unwrap();
    let sent = summary_of(&s, GM, u());
    assert_eq!(
        (sent.status.as_str(), sent.status_tekst.as_str()),
        (status::INGEDIEND, "ingediend (revisie 1)")
    );
    assert_eq!(sent.revisie, Some(1));
    assert_eq!(sent.ingediend_op.as_deref(), Some(last_change.as_str()));

    // A change right after the export — usually in the same second — counts as a change.
    set(&mut s, u(), "begroting", "GRF.MATERIEEL", "12.345,67");
    let changed = summary_of(&s, GM, u());
    assert_eq!(
        (changed.status.as_str(), changed.status_tekst.as_str()),
        (
            status::GEWIJZIGD_NA_INDIENING,
            "gewijzigd na indiening (revisie 1)"
        )
    );
    // A new toelichting is a change of what was sent, too.
    screens::undo(&mut s, GM).unwrap();
    assert_eq!(
        summary_of(&s, GM, u()).status,
        status::INGEDIEND,
        "undo restores"
    );
    let mut req = request(u(), "begroting", "GRF.INHUUR", InputView::Behouden);
    req.toelichting = Some("inhuur voor de verkiezingen".into());
    screens::set_field(&mut s, &req).unwrap();
    assert_eq!(
        summary_of(&s, GM, u()).status,
        status::GEWIJZIGD_NA_INDIENING
    );

    // A corrected file: revisie 2, handed in again. The form shows the same status.
    let result = screens::export(&mut s, GM, u(), dir.path(), false).unwrap();
    assert_eq!((result.revisie, result.concept), (2, false));
    assert!(std::path::Path::new(&result.pad).is_file());
    assert_eq!(result.sha256.len(), 64);
    let form = screens::form(&s, GM, u()).unwrap();
    assert_eq!(form.samenvatting.status_tekst, "ingediend (revisie 2)");
    assert_eq!(form.samenvatting, summary_of(&s, GM, u()));

    // Data of other years do not change this uitvraag's status.
    set(&mut s, u() - 5, "begroting", "GRF.PERSONEEL", "1,00");
    assert_eq!(summary_of(&s, GM, u()).status, status::INGEDIEND);
}

#[test]
fn form_layout_values_changes_and_findings() {
    let mut s = with_gemeente();
    let (u, prev) = (u(), u() - 1);
    set(&mut s, prev, "begroting", "GRF.PERSONEEL", "100.000,00");
    set(&mut s, u, "begroting", "GRF.PERSONEEL", "112.345,00");
    set(&mut s, prev, "begroting", "GRF.INHUUR", "10.000");
    set(&mut s, u, "begroting", "GRF.INHUUR", "40.000,00");
    set(&mut s, prev, "begroting", "GRF.MATERIEEL", "20.000,00");
    set(&mut s, u, "begroting", "GRF.MATERIEEL", "19.000,00");
    set(&mut s, u, "begroting", "GRF.FTE", "1,5");
    set(&mut s, u, "kenmerk", "KEN.INWONERS", "10000");
    set(&mut s, u, "kenmerk", "KEN.TOTALE_LASTEN", "30.469.000,00");
    let form = set(&mut s, u, "kenmerk", "KEN.REKENKAMERVORM", "eigen");

    assert_eq!(form.uitvraag, u);
    assert_eq!(form.definities, "2026.1");
    assert!(!form.algemene_regels.is_empty());
    let codes: Vec<&str> = form.secties.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, ["KEN", "GRF", "RKK", "FRO", "ENQ"]);
    let cols = |i: usize| -> Vec<(u16, FaseCode, String)> {
        form.secties[i]
            .kolommen
            .iter()
            .map(|c| (c.jaar, c.fase, c.titel.clone()))
            .collect()
    };
    assert_eq!(
        cols(0),
        [
            (prev, FaseCode::Kenmerk, format!("1 januari {prev}")),
            (u, FaseCode::Kenmerk, format!("1 januari {u}")),
        ]
    );
    assert_eq!(
        cols(1),
        [
            (u, FaseCode::Begroting, format!("Begroting {u}")),
            (prev, FaseCode::Realisatie, format!("Realisatie {prev}")),
        ]
    );
    // Every row has one cell per column, in column order; posts in catalogue order.
    for section in &form.secties {
        for post in &section.posten {
            let cells: Vec<(u16, &str)> = post
                .cellen
                .iter()
                .map(|c| (c.jaar, c.fase.as_str()))
                .collect();
            let heads: Vec<(u16, &str)> = section
                .kolommen
                .iter()
                .map(|c| (c.jaar, c.fase.as_str()))
                .collect();
            assert_eq!(cells, heads, "{}", post.code);
        }
    }
    let grf: Vec<&str> = form.secties[1]
        .posten
        .iter()
        .map(|p| p.code.as_str())
        .collect();
    assert_eq!(
        grf,
        [
            "GRF.PERSONEEL",
            "GRF.INHUUR",
            "GRF.MATERIEEL",
            "GRF.OVERHEAD",
            "GRF.FTE"
        ]
    );
    let vorm = form.secties[0]
        .posten
        .iter()
        .find(|p| p.code == "KEN.REKENKAMERVORM")
        .unwrap();
    assert_eq!(vorm.eenheid, "code");
    assert_eq!(vorm.codes.len(), 3);
    assert!(!form.secties[1].posten[0].omschrijving.is_empty());

    // Values as typed the Dutch way, last year's value and the change.
    let personeel = cell(&form, "GRF.PERSONEEL", u, "begroting");
    assert_eq!(personeel.invoer, "112.345,00");
    assert_eq!(personeel.vorig_jaar.as_deref(), Some("100.000,00"));
    assert_eq!(personeel.verandering.as_deref(), Some("+12,3 %"));
    assert!(personeel.gevraagd && personeel.verplicht);
    let materieel = cell(&form, "GRF.MATERIEEL", u, "begroting");
    assert_eq!(materieel.verandering.as_deref(), Some("-5,0 %"));
    let fte = cell(&form, "GRF.FTE", u, "begroting");
    assert_eq!(
        (fte.invoer.as_str(), fte.vorig_jaar.as_deref()),
        ("1,50", None)
    );
    assert_eq!(fte.verandering, None);
    assert_eq!(cell(&form, "KEN.INWONERS", u, "kenmerk").invoer, "10.000");
    assert_eq!(
        cell(&form, "KEN.REKENKAMERVORM", u, "kenmerk").invoer,
        "eigen"
    );
    let leeg = cell(&form, "GRF.PERSONEEL", prev, "realisatie");
    assert_eq!((leeg.invoer.as_str(), leeg.reden), ("", None));

    // Required and asked.
    assert!(cell(&form, "KEN.INWONERS", u, "kenmerk").verplicht);
    assert!(!cell(&form, "KEN.TOTALE_LASTEN", u, "kenmerk").verplicht);
    assert!(!cell(&form, "KEN.GR_DEELNEMERS", u, "kenmerk").verplicht);
    assert!(!cell(&form, "GRF.OVERHEAD", u, "begroting").verplicht);
    let norm = cell(&form, "FRO.NORM_FRACTIE", prev, "realisatie");
    assert!(!norm.gevraagd && !norm.verplicht);
    let form = set(
        &mut s,
        u,
        "kenmerk",
        "KEN.REKENKAMERVORM",
        "gemeenschappelijk",
    );
    assert!(cell(&form, "KEN.GR_DEELNEMERS", u, "kenmerk").verplicht);
    assert!(!cell(&form, "KEN.GR_DEELNEMERS", prev, "kenmerk").verplicht);

    // W001 (a fourfold inhuur) sits on its own field, and in the list of all findings.
    let inhuur = cell(&form, "GRF.INHUUR", u, "begroting");
    assert_eq!(inhuur.verandering.as_deref(), Some("+300,0 %"));
    let w001: Vec<&str> = inhuur.meldingen.iter().map(|m| m.code.as_str()).collect();
    assert_eq!(w001, ["W001"]);
    assert_eq!(inhuur.meldingen[0].ernst, "waarschuwing");
    assert_eq!(inhuur.meldingen[0].ernst_label, "Waarschuwing");
    assert_eq!(
        inhuur.meldingen[0].blok_titel.as_deref(),
        Some(format!("Begroting {u}").as_str())
    );
    assert_eq!(inhuur.meldingen[0].post.as_deref(), Some("GRF.INHUUR"));
    assert!(cell(&form, "GRF.PERSONEEL", u, "begroting")
        .meldingen
        .iter()
        .all(|m| m.code != "W001"));
    assert!(form.meldingen.contains(&inhuur.meldingen[0]));
    // F001 for a missing required post, on the field that misses it.
    let zetels = cell(&form, "KEN.ZETELS", u, "kenmerk");
    assert!(zetels.meldingen.iter().any(|m| m.code == "F001"));
    assert_eq!(screens::findings(&s, GM, u).unwrap(), form.meldingen);

    // Kengetallen: griffie begroting known, realisatie unknown; the total unknown while
    // the rekenkamer is.
    let k = |v: &[KengetalView], i: usize| v[i].clone();
    let grf_kg = &form.secties[1].kengetallen;
    assert_eq!(grf_kg.len(), 2);
    let begr = k(grf_kg, 0);
    assert_eq!(
        (begr.jaar, begr.fase.as_str(), begr.categorie.as_str()),
        (u, "begroting", "GRF")
    );
    assert_eq!(begr.kernbudget.as_deref(), Some("171.345,00"));
    assert_eq!(begr.per_inwoner.as_deref(), Some("17,13"));
    assert_eq!(begr.fte.as_deref(), Some("1,50"));
    assert_eq!(begr.fte_per_10000.as_deref(), Some("1,50"));
    assert_eq!(begr.aandeel_totale_lasten.as_deref(), Some("0,6 %"));
    assert_eq!(
        (begr.per_zetel, begr.per_fractie, begr.uitputting),
        (None, None, None)
    );
    let real = k(grf_kg, 1);
    assert_eq!((real.jaar, real.fase.as_str()), (prev, "realisatie"));
    assert_eq!(real.kernbudget, None);
    assert!(form.secties[0].kengetallen.is_empty());
    assert_eq!(form.totaal.len(), 2);
    assert_eq!(form.totaal[0].categorie, "TOTAAL");
    assert_eq!(form.totaal[0].naam, "Totaal raadsondersteuning");
    assert_eq!(form.totaal[0].kernbudget, None);
    let titels: Vec<&str> = form.totaal.iter().map(|k| k.titel.as_str()).collect();
    assert_eq!(
        titels,
        [format!("Begroting {u}"), format!("Realisatie {}", u - 1)]
    );
    // A kengetal's title is its column's title.
    for sectie in &form.secties {
        for k in &sectie.kengetallen {
            let kolom = sectie
                .kolommen
                .iter()
                .find(|c| (c.jaar, c.fase) == (k.jaar, k.fase))
                .unwrap();
            assert_eq!(k.titel, kolom.titel);
        }
    }
}

#[test]
fn set_field_amounts_reasons_toelichting_and_bad_text() {
    let mut s = with_gemeente();
    let u = u();
    let form = set(&mut s, u, "begroting", "GRF.PERSONEEL", "812.345,00");
    assert_eq!(
        cell(&form, "GRF.PERSONEEL", u, "begroting").invoer,
        "812.345,00"
    );

    let form = screens::set_field(
        &mut s,
        &request(
            u,
            "begroting",
            "GRF.INHUUR",
            InputView::Reden {
                reden: ReasonCode::Nvt,
            },
        ),
    )
    .unwrap();
    let inhuur = cell(&form, "GRF.INHUUR", u, "begroting");
    assert_eq!(
        (inhuur.invoer.as_str(), inhuur.reden),
        ("", Some(ReasonCode::Nvt))
    );
    let form = screens::set_field(
        &mut s,
        &request(
            u,
            "begroting",
            "GRF.MATERIEEL",
            InputView::Reden {
                reden: ReasonCode::Onbekend,
            },
        ),
    )
    .unwrap();
    assert_eq!(
        cell(&form, "GRF.MATERIEEL", u, "begroting").reden,
        Some(ReasonCode::Onbekend)
    );

    // Behouden: the value stays, the toelichting changes.
    let mut keep = request(u, "begroting", "GRF.PERSONEEL", InputView::Behouden);
    keep.toelichting = Some("inclusief griffier".into());
    let form = screens::set_field(&mut s, &keep).unwrap();
    let personeel = cell(&form, "GRF.PERSONEEL", u, "begroting");
    assert_eq!(personeel.invoer, "812.345,00");
    assert_eq!(personeel.toelichting, "inclusief griffier");
    // Without a value to keep, Behouden is refused.
    let err = screens::set_field(
        &mut s,
        &request(u, "begroting", "GRF.OVERHEAD", InputView::Behouden),
    )
    .unwrap_err();
    assert_eq!(err.kind(), "invoer");

    // Text that does not fit: the finding comes back, nothing is stored.
    let before = screens::history(&s, GM, None).unwrap().len();
    for (tekst, code) in [("12,345", "F004"), ("abc", "F002"), ("-5", "F003")] {
        let err = screens::set_field(
            &mut s,
            &request(u, "begroting", "GRF.OVERHEAD", waarde(tekst)),
        )
        .unwrap_err();
        assert!(matches!(err, Error::Value(_)), "{err:?}");
        let view = error_view(&err);
        assert_eq!(view.kind, "waarde");
        assert_eq!(view.kop, "De waarde past niet");
        assert_eq!(view.meldingen.len(), 1);
        assert_eq!(view.meldingen[0].code, code, "{tekst}");
        assert_eq!(view.meldingen[0].post.as_deref(), Some("GRF.OVERHEAD"));
        assert_eq!(view.meldingen[0].jaar, Some(u));
    }
    // A post in a fase it does not belong to.
    let err = screens::set_field(
        &mut s,
        &request(u, "realisatie", "FRO.NORM_ZETEL", waarde("5")),
    )
    .unwrap_err();
    assert_eq!(error_view(&err).meldingen[0].code, "F006");
    assert_eq!(screens::history(&s, GM, None).unwrap().len(), before);

    // A reason or fase that does not exist cannot even be asked: the request does not read.
    let asked = |fase: &str, invoer: &str| {
        serde_json::from_str::<SetFieldRequest>(&format!(
            r#"{{"organisatie":"{GM}","uitvraag":{u},"jaar":{u},"fase":"{fase}","post":"GRF.OVERHEAD","invoer":{invoer},"toelichting":null}}"#
        ))
    };
    assert!(asked("begroting", r#"{"soort":"reden","reden":"nvt"}"#).is_ok());
    assert!(asked("begroting", r#"{"soort":"reden","reden":"misschien"}"#).is_err());
    assert!(asked("Begroting", r#"{"soort":"waarde","tekst":"5"}"#).is_err());
    assert_eq!(screens::history(&s, GM, None).unwrap().len(), before);

    // Clearing a field.
    let form =
        screens::clear_field(&mut s, GM, u, u, FaseCode::Begroting, "GRF.PERSONEEL").unwrap();
    let cleared = cell(&form, "GRF.PERSONEEL", u, "begroting");
    assert_eq!(
        (cleared.invoer.as_str(), cleared.toelichting.as_str()),
        ("", "")
    );
}

#[test]
fn preview_shows_kengetallen_without_saving() {
    let mut s = with_gemeente();
    let u = u();
    set(&mut s, u, "kenmerk", "KEN.INWONERS", "10.000");
    set(&mut s, u, "begroting", "GRF.PERSONEEL", "100.000,00");
    set(&mut s, u, "begroting", "GRF.INHUUR", "0");
    set(&mut s, u, "begroting", "GRF.MATERIEEL", "0");
    let history = screens::history(&s, GM, None).unwrap();
    let form = screens::form(&s, GM, u).unwrap();
    assert_eq!(
        form.secties[1].kengetallen[0].kernbudget.as_deref(),
        Some("100.000,00")
    );

    let p = screens::preview(
        &s,
        GM,
        u,
        u,
        FaseCode::Begroting,
        "GRF.PERSONEEL",
        "200.000",
    )
    .unwrap();
    assert_eq!(p.melding, None);
    let which: Vec<(&str, u16, &str)> = p
        .kengetallen
        .iter()
        .map(|k| (k.categorie.as_str(), k.jaar, k.fase.as_str()))
        .collect();
    assert_eq!(
        which,
        [
            ("GRF", u, "begroting"),
            ("GRF", u - 1, "realisatie"),
            ("TOTAAL", u, "begroting"),
            ("TOTAAL", u - 1, "realisatie"),
        ]
    );
    assert_eq!(p.kengetallen[0].kernbudget.as_deref(), Some("200.000,00"));
    assert_eq!(p.kengetallen[0].per_inwoner.as_deref(), Some("20,00"));

    // A kenmerk changes every category's figures.
    let p = screens::preview(&s, GM, u, u, FaseCode::Kenmerk, "KEN.INWONERS", "20000").unwrap();
    assert_eq!(p.kengetallen.len(), 10);
    assert_eq!(p.kengetallen[0].per_inwoner.as_deref(), Some("5,00"));

    // Empty text: the field without entry; the kernbudget becomes unknown, not zero.
    let p = screens::preview(&s, GM, u, u, FaseCode::Begroting, "GRF.PERSONEEL", " ").unwrap();
    assert_eq!(p.melding, None);
    assert_eq!(p.kengetallen[0].kernbudget, None);

    // Text that does not fit: the finding, no figures.
    let p = screens::preview(&s, GM, u, u, FaseCode::Begroting, "GRF.PERSONEEL", "12,345").unwrap();
    let melding = p.melding.unwrap();
    assert_eq!(
        (melding.code.as_str(), melding.ernst.as_str()),
        ("F004", "fout")
    );
    assert!(p.kengetallen.is_empty());

    // Nothing was stored.
    assert_eq!(screens::history(&s, GM, None).unwrap(), history);
    assert_eq!(screens::form(&s, GM, u).unwrap(), form);

    // An unknown post or organisation is an error, not a melding.
    let err = screens::preview(&s, GM, u, u, FaseCode::Begroting, "GRF.NIETS", "1").unwrap_err();
    assert_eq!(err.kind(), "niet_gevonden");
}

#[test]
fn copy_previous_year_fills_only_empty_fields_in_one_go() {
    let mut s = with_gemeente();
    let (u, prev, prev2) = (u(), u() - 1, u() - 2);
    set(&mut s, prev, "begroting", "GRF.PERSONEEL", "100.000,00");
    let mut nvt = request(
        prev,
        "begroting",
        "GRF.INHUUR",
        InputView::Reden {
            reden: ReasonCode::Nvt,
        },
    );
    nvt.toelichting = Some("geen inhuur".into());
    screens::set_field(&mut s, &nvt).unwrap();
    set(&mut s, prev, "begroting", "FRO.NORM_FRACTIE", "1.000,00");
    set(&mut s, prev, "kenmerk", "KEN.INWONERS", "1000");
    set(&mut s, u, "kenmerk", "KEN.INWONERS", "1010");
    set(&mut s, prev2, "kenmerk", "KEN.ZETELS", "11");
    set(&mut s, prev2, "realisatie", "GRF.MATERIEEL", "5,00");
    let before = screens::history(&s, GM, None).unwrap().len();

    let result = screens::copy_previous_year(&mut s, GM, u).unwrap();
    // Begroting U: personeel, inhuur (nvt with its toelichting), norm; kenmerk U−1: zetels;
    // realisatie U−1: materieel. Kenmerk U inwoners already has a value.
    assert_eq!(result.aantal, 5);
    let form = &result.formulier;
    assert_eq!(
        cell(form, "GRF.PERSONEEL", u, "begroting").invoer,
        "100.000,00"
    );
    let inhuur = cell(form, "GRF.INHUUR", u, "begroting");
    assert_eq!(
        (inhuur.reden, inhuur.toelichting.as_str()),
        (Some(ReasonCode::Nvt), "geen inhuur")
    );
    let norm = form.secties[3]
        .posten
        .iter()
        .find(|p| p.code == "FRO.NORM_FRACTIE")
        .unwrap();
    assert_eq!(norm.cellen[0].invoer, "1.000,00");
    assert_eq!(cell(form, "KEN.INWONERS", u, "kenmerk").invoer, "1.010");
    assert_eq!(cell(form, "KEN.ZETELS", prev, "kenmerk").invoer, "11");
    assert_eq!(
        cell(form, "GRF.MATERIEEL", prev, "realisatie").invoer,
        "5,00"
    );

    // One transaction: five audit rows with the same reason and moment.
    let history = screens::history(&s, GM, None).unwrap();
    assert_eq!(history.len(), before + 5);
    let copied = &history[..5];
    assert!(copied
        .iter()
        .all(|a| a.reden.as_deref() == Some(COPY_REASON) && a.moment == copied[0].moment));
    assert!(copied.iter().all(|a| a.oud == "(leeg)"));

    // Again: only what the first copy made available (zetels U−1 → U), then nothing.
    assert_eq!(
        screens::copy_previous_year(&mut s, GM, u).unwrap().aantal,
        1
    );
    assert_eq!(
        screens::copy_previous_year(&mut s, GM, u).unwrap().aantal,
        0
    );
}

#[test]
fn export_preview_is_what_the_export_writes() {
    let mut s = session();
    let org = screens::add_demo_organisation(&mut s).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let preview = screens::export_preview(&s, &org.code, u()).unwrap();
    assert_eq!(preview.revisie, 1);
    assert!(!preview.heeft_fouten);
    assert!(preview.meldingen.iter().all(|m| m.ernst != "fout"));
    assert!(!preview.standaard_map.is_empty());
    assert!(
        preview.bestandsnaam.ends_with("_r1.csv"),
        "{}",
        preview.bestandsnaam
    );
    let read = raadsbudget_formats::benchmark::read("voorbeeld.csv", preview.inhoud.as_bytes());
    let file = read.file.expect("the preview is a valid benchmark file");
    assert_eq!(preview.regels as usize, file.data.len());

    // The export at the same moment writes exactly these bytes, under this name.
    let out = s
        .export(&ExportRequest {
            organisation: org.code.clone(),
            uitvraag: u(),
            dir: dir.path().to_path_buf(),
            moment: Some(file.meta.aangemaakt_op),
            concept: false,
        })
        .unwrap();
    assert_eq!(
        out.path.file_name().unwrap().to_string_lossy(),
        preview.bestandsnaam
    );
    assert_eq!(std::fs::read(&out.path).unwrap(), preview.inhoud.as_bytes());
    assert_eq!(
        screens::export_preview(&s, &org.code, u()).unwrap().revisie,
        2
    );
}

#[test]
fn export_with_errors_is_refused_with_the_findings() {
    let mut s = with_gemeente();
    set(&mut s, u(), "begroting", "GRF.PERSONEEL", "1,00");
    let dir = tempfile::tempdir().unwrap();
    let preview = screens::export_preview(&s, GM, u()).unwrap();
    assert!(preview.heeft_fouten);
    let err = screens::export(&mut s, GM, u(), dir.path(), false).unwrap_err();
    let view = error_view(&err);
    assert_eq!(view.kind, "meldingen");
    assert_eq!(view.kop, "Geweigerd vanwege fouten");
    assert!(view.meldingen.iter().any(|m| m.code == "F001"));
    let f001 = view.meldingen.iter().find(|m| m.code == "F001").unwrap();
    assert_eq!(f001.ernst_label, "Fout");
    assert_eq!(view.meldingen, preview.meldingen);
    // A draft is written anyway.
    let draft = screens::export(&mut s, GM, u(), dir.path(), true).unwrap();
    assert!(
        draft.concept && draft.pad.ends_with("_concept.csv"),
        "{}",
        draft.pad
    );
    assert_eq!(summary_of(&s, GM, u()).status, status::CONCEPT);
}

#[test]
fn history_and_undo_views() {
    let mut s = with_gemeente();
    let u = u();
    set(&mut s, u, "begroting", "GRF.PERSONEEL", "812.345,00");
    let mut change = request(u, "begroting", "GRF.PERSONEEL", waarde("900"));
    change.toelichting = Some("na\nwijziging".into());
    screens::set_field(&mut s, &change).unwrap();
    set(&mut s, u, "kenmerk", "KEN.INWONERS", "45000");

    let all = screens::history(&s, GM, None).unwrap();
    assert_eq!(all.len(), 4, "{all:#?}");
    let ids: Vec<i64> = all.iter().map(|a| a.id).collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first");
    let added = &all[3];
    assert_eq!((added.jaar, added.post.as_deref()), (None, None));
    assert!(added.reden.as_deref().unwrap().contains("Proefstad"));
    assert_eq!(all[0].nieuw, "45.000");
    assert_eq!(all[1].oud, "812.345,00");
    assert_eq!(all[1].nieuw, "900,00 [na wijziging]");
    assert_eq!(all[2].oud, "(leeg)");
    assert_eq!(
        (all[1].jaar, all[1].fase),
        (Some(u), Some(FaseCode::Begroting))
    );
    assert_eq!(
        all[1].blok_titel.as_deref(),
        Some(format!("Begroting {u}").as_str())
    );
    assert_eq!(
        all[0].blok_titel.as_deref(),
        Some(format!("1 januari {u}").as_str())
    );
    assert_eq!(added.blok_titel, None);
    assert_eq!(all[1].wie, "tester");
    let t = &all[0].moment_tekst;
    let m = DateTime::parse_from_rfc3339(&all[0].moment).unwrap();
    assert_eq!(*t, m.format("%d-%m-%Y %H:%M").to_string());
    assert_eq!(t.len(), 16);

    let personeel = screens::history(&s, GM, Some("GRF.PERSONEEL")).unwrap();
    assert_eq!(personeel.len(), 2);
    assert!(personeel
        .iter()
        .all(|a| a.post.as_deref() == Some("GRF.PERSONEEL")));
    assert_eq!(screens::history(&s, GM, Some(" ")).unwrap().len(), 4);

    // Undo walks back; each undo is a new row naming the change it undid.
    let undo = screens::undo(&mut s, GM).unwrap().unwrap();
    assert_eq!(undo.maakt_ongedaan, Some(all[0].id));
    assert_eq!(
        (undo.oud.as_str(), undo.nieuw.as_str()),
        ("45.000", "(leeg)")
    );
    let undo = screens::undo(&mut s, GM).unwrap().unwrap();
    assert_eq!(undo.maakt_ongedaan, Some(all[1].id));
    assert_eq!(undo.nieuw, "812.345,00");
    screens::undo(&mut s, GM).unwrap().unwrap();
    assert_eq!(
        screens::undo(&mut s, GM).unwrap(),
        None,
        "the organisation itself is not undone"
    );
    let form = screens::form(&s, GM, u).unwrap();
    assert_eq!(cell(&form, "GRF.PERSONEEL", u, "begroting").invoer, "");
    assert_eq!(screens::history(&s, GM, None).unwrap().len(), 7);
}

#[test]
fn error_views_have_stable_kinds() {
    let mut s = with_gemeente();
    let kind = |e: Error| error_view(&e).kind;
    assert_eq!(kind(screens::form(&s, "XX", 2026).unwrap_err()), "invoer");
    assert_eq!(kind(screens::form(&s, GM, 1066).unwrap_err()), "invoer");
    assert_eq!(
        kind(screens::overview(&s, "GM0002").unwrap_err()),
        "niet_gevonden"
    );
    assert_eq!(
        kind(screens::add_organisation(&mut s, GM, "Nog eens").unwrap_err()),
        "opslag"
    );
    assert_eq!(
        kind(read_register(std::path::Path::new("/bestaat/niet.csv")).unwrap_err()),
        "bestand"
    );
    let err = screens::set_field(
        &mut s,
        &request(u(), "begroting", "GRF.PERSONEEL", waarde("x")),
    )
    .unwrap_err();
    let view = error_view(&err);
    assert_eq!(view.kind, "waarde");
    assert_eq!(view.message, err.to_string());
    assert_eq!(
        view.meldingen[0].tekst,
        format!(
            "{GM} {} begroting GRF.PERSONEEL: F002: {}",
            u(),
            view.meldingen[0].melding
        )
    );
    let dir = tempfile::tempdir().unwrap();
    set(&mut s, u(), "begroting", "GRF.PERSONEEL", "1");
    let err = screens::export(&mut s, GM, u(), dir.path(), false).unwrap_err();
    assert_eq!(error_view(&err).kind, "meldingen");
    assert!(error_view(&Error::Invalid("x".into())).meldingen.is_empty());
}

#[test]
fn register_files_are_read_into_views() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gemeenten.csv");
    std::fs::write(
        &path,
        "\u{feff}Gemeentecode;Gemeentenaam\r\nGM0820;\"Nuenen, Gerwen en Nederwetten\"\r\nGM0014;Groningen\r\n",
    )
    .unwrap();
    let entries = read_register(&path).unwrap();
    let pairs: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (e.code.as_str(), e.naam.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("GM0014", "Groningen"),
            ("GM0820", "Nuenen, Gerwen en Nederwetten")
        ]
    );
    std::fs::write(&path, "nummer,naam\n1,A\n").unwrap();
    let err = read_register(&path).unwrap_err();
    assert_eq!(err.kind(), "invoer");
    assert!(err.to_string().contains("gemeenten.csv"), "{err}");
}

#[test]
fn fases_in_the_views_are_the_domain_words() {
    // The UI sends these texts back as `fase`; they must parse.
    for f in Fase::ALL {
        assert_eq!(f.as_str().parse::<Fase>().unwrap(), f);
    }
}

#[test]
fn an_imported_file_counts_as_handed_in() {
    // A griffie exports; a colleague reads the file into another store, once as written and
    // once after a spreadsheet re-saved it with other line ends (other bytes, same data).
    let mut a = session();
    let org = screens::add_demo_organisation(&mut a).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sent = screens::export(&mut a, &org.code, u(), dir.path(), false).unwrap();
    let bytes = std::fs::read(&sent.pad).unwrap();
    let resaved = dir.path().join("opnieuw_opgeslagen.csv");
    std::fs::write(
        &resaved,
        String::from_utf8(bytes).unwrap().replace("\r\n", "\n"),
    )
    .unwrap();
    for path in [std::path::PathBuf::from(&sent.pad), resaved] {
        let mut b = session();
        b.import(&path).unwrap();
        let summary = summary_of(&b, &org.code, u());
        assert_eq!(
            summary.status_tekst,
            "ingediend (revisie 1)",
            "{}",
            path.display()
        );
        // A change after the import is a change.
        screens::set_field(
            &mut b,
            &SetFieldRequest {
                organisatie: org.code.clone(),
                ..request(u(), "begroting", "GRF.PERSONEEL", waarde("1.234.567,89"))
            },
        )
        .unwrap();
        assert_eq!(
            summary_of(&b, &org.code, u()).status,
            status::GEWIJZIGD_NA_INDIENING
        );
    }
}
