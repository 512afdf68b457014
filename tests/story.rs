//! Whole stories across the layers: a griffier fills in an uitvraag, exports it; a colleague
//! imports the file into a fresh store and exports again: the same values come out.

use raadsbudget_domain::{Catalogue, Fase, FindingCode};
use raadsbudget_formats::benchmark;
use raadsbudget_usecases::export::{parse_moment, ExportRequest};
use raadsbudget_usecases::values::{Input, SetValue};
use raadsbudget_usecases::{demo_files, Error, Session};
use std::path::Path;

fn read(path: &Path) -> benchmark::BenchmarkFile {
    let bytes = std::fs::read(path).expect("read export");
    let outcome = benchmark::read(&path.display().to_string(), &bytes);
    assert!(!outcome.has_errors(), "{:#?}", outcome.findings);
    outcome.file.expect("file")
}

#[test]
fn export_import_export_keeps_every_value() {
    let dir = tempfile::tempdir().expect("temp");
    // Three demo organisations' files, imported into store A.
    let demo = demo_files::write_demo_files(2026, 3, 7, &dir.path().join("demo")).expect("demo");
    let mut a = Session::open(&dir.path().join("a.sqlite")).expect("store a");
    for f in &demo {
        a.import(f).expect("import demo file");
    }
    let moment = parse_moment("2026-03-01T09:30:00Z").expect("moment");
    for org in a.organisations().expect("orgs") {
        let code = org.code.to_string();
        // A change typed the Dutch way, as a griffier would.
        a.set_value(&SetValue {
            organisation: code.clone(),
            jaar: 2026,
            fase: Fase::Begroting,
            post: "GRF.MATERIEEL".into(),
            input: Input::Waarde("12.345,6".into()),
            toelichting: Some("=incl. livestream, \"nieuw\"\nper 2026".into()),
            uitvraag: None,
        })
        .expect("set value");
        let first = a
            .export(&ExportRequest {
                organisation: code.clone(),
                uitvraag: 2026,
                dir: dir.path().join("a-out"),
                moment: Some(moment),
                concept: false,
            })
            .expect("export a");
        assert_eq!(first.revisie, 2, "the demo file was revisie 1");

        let mut b = Session::open(&dir.path().join(format!("b-{code}.sqlite"))).expect("store b");
        let imported = b.import(&first.path).expect("import into fresh store");
        assert!(imported.created);
        let second = b
            .export(&ExportRequest {
                organisation: code.clone(),
                uitvraag: 2026,
                dir: dir.path().join("b-out"),
                moment: Some(moment),
                concept: false,
            })
            .expect("export b");
        let (fa, fb) = (read(&first.path), read(&second.path));
        assert_eq!(fa.data, fb.data, "{code}: values differ after a round trip");
        assert_eq!(
            fa.data
                .get(2026, Fase::Begroting, "GRF.MATERIEEL")
                .map(|r| (r.entry.to_columns().0, r.toelichting.clone())),
            Some((
                "12345.60".to_string(),
                "=incl. livestream, \"nieuw\"\nper 2026".to_string()
            ))
        );
        assert_eq!(second.revisie, 3, "b knows revisie 2 from the import");
        assert_eq!(fa.meta.organisation, fb.meta.organisation);
        assert_eq!(fa.meta.definities, Catalogue::for_uitvraag(2026).versie);
    }
}

#[test]
fn export_is_refused_while_errors_remain_and_a_draft_is_named_so() {
    let dir = tempfile::tempdir().expect("temp");
    let mut s = Session::open(&dir.path().join("s.sqlite")).expect("store");
    s.add_organisation("GM0363", "Amsterdam").expect("org");
    s.set_value(&SetValue {
        organisation: "GM0363".into(),
        jaar: 2026,
        fase: Fase::Begroting,
        post: "GRF.PERSONEEL".into(),
        input: Input::Waarde("812345.00".into()),
        toelichting: None,
        uitvraag: None,
    })
    .expect("set");
    let req = ExportRequest {
        organisation: "GM0363".into(),
        uitvraag: 2026,
        dir: dir.path().join("out"),
        moment: None,
        concept: false,
    };
    match s.export(&req) {
        Err(Error::Findings { findings, .. }) => {
            assert!(findings
                .iter()
                .any(|f| f.code == FindingCode::MissingRequired
                    && f.location.post.as_deref() == Some("GRF.INHUUR")));
        }
        other => panic!("export must be refused, got {other:?}"),
    }
    assert!(!dir
        .path()
        .join("out")
        .join("raadsondersteuning_2026_GM0363_r1.csv")
        .exists());
    let draft = s
        .export(&ExportRequest {
            concept: true,
            ..req
        })
        .expect("draft");
    assert_eq!(
        draft.path.file_name().and_then(|n| n.to_str()),
        Some("raadsondersteuning_2026_GM0363_r1_concept.csv")
    );
    // A draft does not use up a revisie.
    assert_eq!(
        s.store()
            .next_revisie(
                &raadsbudget_domain::OrgCode::parse("GM0363").expect("code"),
                2026
            )
            .expect("rev"),
        1
    );
}
