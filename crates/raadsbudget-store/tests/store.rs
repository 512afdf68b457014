//! The store's behaviour through its public API: values, audit log and undo, atomic imports,
//! exports, backup and restore, durability settings.

use raadsbudget_domain::{Entry, Fase, OrgCode, Organisation, Reason, Record, Value};
use raadsbudget_store::{ExportRecord, HistoryFilter, Store, StoreError};
use rusqlite::Connection;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

const ACTOR: &str = "j.jansen";

fn gm() -> Organisation {
    Organisation::new("GM0363", "Amsterdam").unwrap()
}

fn ws() -> Organisation {
    Organisation::new("WS0155", "Waterschap Aa en Maas").unwrap()
}

fn rec(entry: Entry, toelichting: &str) -> Record {
    Record {
        entry,
        toelichting: toelichting.to_string(),
        definities: "2026.1".into(),
    }
}

fn euro(cents: i64) -> Record {
    rec(Entry::Value(Value::Decimal(Decimal::new(cents, 2))), "")
}

fn temp_store() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("raadsbudget.sqlite");
    let mut store = Store::open(&path).unwrap();
    store.add_organisation(&gm(), ACTOR).unwrap();
    store.add_organisation(&ws(), ACTOR).unwrap();
    (dir, path, store)
}

/// Every kind of entry, for one organisation.
fn sample(variant: u64) -> Vec<(u16, Fase, &'static str, Record)> {
    vec![
        (
            2026,
            Fase::Begroting,
            "GRF.PERSONEEL",
            euro(81_234_500 + variant as i64),
        ),
        (
            2026,
            Fase::Begroting,
            "GRF.FTE",
            rec(Entry::Value(Value::Decimal(Decimal::new(360, 2))), ""),
        ),
        (
            2026,
            Fase::Kenmerk,
            "KEN.INWONERS",
            rec(Entry::Value(Value::Count(931_298 + variant)), ""),
        ),
        (
            2026,
            Fase::Kenmerk,
            "KEN.REKENKAMERVORM",
            rec(Entry::Value(Value::Code("gemeenschappelijk".into())), ""),
        ),
        (
            2025,
            Fase::Realisatie,
            "ENQ.EXTERN",
            rec(
                Entry::Reason(Reason::Nvt),
                "Geen enquête in 2025.\nZie raadsbesluit 12;\r\n\"citaat\" — eind",
            ),
        ),
        (
            2025,
            Fase::Realisatie,
            "GRF.INHUUR",
            rec(Entry::Reason(Reason::Onbekend), "jaarrekening volgt"),
        ),
        (2025, Fase::Realisatie, "GRF.MATERIEEL", euro(0)),
    ]
}

#[test]
fn values_round_trip_for_two_organisations_kept_apart() {
    let (_dir, path, mut store) = temp_store();
    for (org, variant) in [(gm(), 0), (ws(), 1)] {
        for (jaar, fase, post, record) in sample(variant) {
            let id = store
                .set_record(&org.code, jaar, fase, post, Some(&record), ACTOR, None)
                .unwrap();
            assert!(id.is_some());
        }
    }
    drop(store);
    let store = Store::open(&path).unwrap();
    for (org, variant) in [(gm(), 0), (ws(), 1)] {
        let data = store.dataset(&org.code).unwrap();
        assert_eq!(data.organisation, org);
        assert_eq!(data.len(), sample(variant).len());
        for (jaar, fase, post, record) in sample(variant) {
            assert_eq!(data.get(jaar, fase, post), Some(&record), "{org:?} {post}");
            assert_eq!(
                store.record(&org.code, jaar, fase, post).unwrap(),
                Some(record)
            );
        }
    }
    // Changes of one organisation never show in the other.
    let mut store = store;
    store
        .set_record(
            &gm().code,
            2026,
            Fase::Begroting,
            "GRF.PERSONEEL",
            None,
            ACTOR,
            None,
        )
        .unwrap();
    assert!(store
        .dataset(&gm().code)
        .unwrap()
        .get(2026, Fase::Begroting, "GRF.PERSONEEL")
        .is_none());
    assert_eq!(
        store
            .dataset(&ws().code)
            .unwrap()
            .get(2026, Fase::Begroting, "GRF.PERSONEEL"),
        Some(&euro(81_234_501))
    );
    assert!(store
        .history(&ws().code, &HistoryFilter::default())
        .unwrap()
        .iter()
        .all(|e| e.organisation == "WS0155"));
}

#[test]
fn organisations_are_sorted_unique_and_required() {
    let mut store = Store::open_in_memory().unwrap();
    store.add_organisation(&ws(), ACTOR).unwrap();
    store.add_organisation(&gm(), ACTOR).unwrap();
    store
        .add_organisation(&Organisation::new("PV27", "Noord-Holland").unwrap(), ACTOR)
        .unwrap();
    let codes: Vec<String> = store
        .organisations()
        .unwrap()
        .into_iter()
        .map(|o| o.code.to_string())
        .collect();
    assert_eq!(codes, ["GM0363", "PV27", "WS0155"]);
    assert_eq!(store.organisation(&gm().code).unwrap(), Some(gm()));
    let err = store.add_organisation(&gm(), ACTOR).unwrap_err();
    assert!(matches!(err, StoreError::DuplicateOrganisation(ref c) if c == "GM0363"));
    assert!(err.to_string().contains("staat al"));

    let unknown = OrgCode::parse("GM0001").unwrap();
    assert_eq!(store.organisation(&unknown).unwrap(), None);
    assert!(matches!(
        store.dataset(&unknown),
        Err(StoreError::UnknownOrganisation(_))
    ));
    assert!(matches!(
        store.set_record(
            &unknown,
            2026,
            Fase::Begroting,
            "GRF.PERSONEEL",
            Some(&euro(1)),
            ACTOR,
            None
        ),
        Err(StoreError::UnknownOrganisation(_))
    ));
    assert!(matches!(
        store.history(&unknown, &HistoryFilter::default()),
        Err(StoreError::UnknownOrganisation(_))
    ));
    assert!(matches!(
        store.undo_last(&unknown, ACTOR),
        Err(StoreError::UnknownOrganisation(_))
    ));

    // The addition is logged.
    let log = store
        .history(&gm().code, &HistoryFilter::default())
        .unwrap();
    assert_eq!(log.len(), 1);
    assert!(log[0].is_organisation_added());
    assert_eq!(log[0].actor, ACTOR);
    assert!(log[0].reason.as_deref().unwrap().contains("Amsterdam"));
}

#[test]
fn every_change_is_logged_with_old_and_new() {
    let (_dir, _path, mut store) = temp_store();
    let org = gm().code;
    let post = "GRF.PERSONEEL";
    let set = |store: &mut Store, r: Option<&Record>, why: Option<&str>| {
        store
            .set_record(&org, 2026, Fase::Begroting, post, r, ACTOR, why)
            .unwrap()
    };
    let a = euro(10_000);
    let b = rec(
        Entry::Value(Value::Decimal(Decimal::new(20_000, 2))),
        "verhoogd",
    );
    let id1 = set(&mut store, Some(&a), Some("invoer")).unwrap();
    assert_eq!(set(&mut store, Some(&a), None), None, "no change, no row");
    // The same amount written differently is the same value.
    let same = rec(Entry::Value(Value::Decimal(Decimal::new(100, 0))), "");
    assert_eq!(set(&mut store, Some(&same), None), None);
    let id2 = set(&mut store, Some(&b), None).unwrap();
    let id3 = set(&mut store, None, Some("vergissing")).unwrap();
    assert_eq!(
        set(&mut store, None, None),
        None,
        "clearing nothing is no change"
    );
    assert!(id1 < id2 && id2 < id3);

    let log = store
        .history(
            &org,
            &HistoryFilter {
                post: Some(post.into()),
                ..HistoryFilter::default()
            },
        )
        .unwrap();
    assert_eq!(
        log.iter().map(|e| e.id).collect::<Vec<_>>(),
        [id3, id2, id1],
        "newest first"
    );
    assert_eq!((&log[2].old, &log[2].new), (&None, &Some(a.clone())));
    assert_eq!((&log[1].old, &log[1].new), (&Some(a), &Some(b.clone())));
    assert_eq!((&log[0].old, &log[0].new), (&Some(b), &None));
    assert_eq!(log[2].reason.as_deref(), Some("invoer"));
    assert_eq!(log[1].reason, None);
    assert_eq!(log[0].reason.as_deref(), Some("vergissing"));
    for e in &log {
        assert_eq!(e.actor, ACTOR);
        assert_eq!(e.organisation, "GM0363");
        assert_eq!((e.jaar, e.fase), (Some(2026), Some(Fase::Begroting)));
        assert_eq!(e.undoes, None);
        assert!(
            e.moment.ends_with('Z') && e.moment.len() == 20,
            "{}",
            e.moment
        );
    }
    assert_eq!(
        store.last_change_moment(&org).unwrap().as_deref(),
        Some(log[0].moment.as_str())
    );
    assert_eq!(store.last_change_moment(&ws().code).unwrap(), None);

    // The entry serialises for the UI.
    let json = serde_json::to_value(&log[1]).unwrap();
    assert_eq!(json["post"], "GRF.PERSONEEL");
    assert_eq!(json["fase"], "begroting");
    assert_eq!(json["new"]["toelichting"], "verhoogd");
    assert_eq!(json["undoes"], serde_json::Value::Null);
}

#[test]
fn history_filters_and_limits() {
    let (_dir, _path, mut store) = temp_store();
    let org = gm().code;
    for (jaar, fase, post, record) in sample(0) {
        store
            .set_record(&org, jaar, fase, post, Some(&record), ACTOR, None)
            .unwrap();
    }
    store
        .set_record(&org, 2026, Fase::Begroting, "GRF.FTE", None, ACTOR, None)
        .unwrap();
    let all = store.history(&org, &HistoryFilter::default()).unwrap();
    assert_eq!(all.len(), 1 + sample(0).len() + 1);
    let by_post = store
        .history(
            &org,
            &HistoryFilter {
                post: Some("GRF.FTE".into()),
                ..HistoryFilter::default()
            },
        )
        .unwrap();
    assert_eq!(by_post.len(), 2);
    assert!(by_post.iter().all(|e| e.post.as_deref() == Some("GRF.FTE")));
    let realisatie_2025 = store
        .history(
            &org,
            &HistoryFilter {
                jaar: Some(2025),
                fase: Some(Fase::Realisatie),
                ..HistoryFilter::default()
            },
        )
        .unwrap();
    assert_eq!(realisatie_2025.len(), 3);
    let newest_two = store
        .history(
            &org,
            &HistoryFilter {
                limit: Some(2),
                ..HistoryFilter::default()
            },
        )
        .unwrap();
    assert_eq!(newest_two, all[..2].to_vec());
}

#[test]
fn audit_rows_cannot_be_changed_or_deleted() {
    let (_dir, path, mut store) = temp_store();
    store
        .set_record(
            &gm().code,
            2026,
            Fase::Begroting,
            "GRF.PERSONEEL",
            Some(&euro(1)),
            ACTOR,
            None,
        )
        .unwrap();
    let count = |store: &Store| {
        store
            .history(&gm().code, &HistoryFilter::default())
            .unwrap()
    };
    let before = count(&store);
    // Any other connection to the file (a tool, a script) meets the triggers too.
    let raw = Connection::open(&path).unwrap();
    for sql in [
        "UPDATE audit_log SET actor = 'iemand anders'",
        "UPDATE audit_log SET new_waarde = '999.00' WHERE post IS NOT NULL",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE id = 1",
    ] {
        let err = raw.execute(sql, []).unwrap_err().to_string();
        assert!(err.contains("alleen worden aangevuld"), "{sql}: {err}");
    }
    drop(raw);
    assert_eq!(count(&store), before);
}

#[test]
fn undo_walks_back_step_by_step_and_is_logged() {
    let (_dir, _path, mut store) = temp_store();
    let org = gm().code;
    let post = "GRF.PERSONEEL";
    let current = |store: &Store| store.record(&org, 2026, Fase::Begroting, post).unwrap();
    let a = euro(10_000);
    let b = euro(20_000);
    assert_eq!(
        store.undo_last(&org, ACTOR).unwrap(),
        None,
        "nothing to undo yet"
    );
    let id_a = store
        .set_record(&org, 2026, Fase::Begroting, post, Some(&a), ACTOR, None)
        .unwrap()
        .unwrap();
    let id_b = store
        .set_record(&org, 2026, Fase::Begroting, post, Some(&b), ACTOR, None)
        .unwrap()
        .unwrap();
    // Another organisation's later change is not undone by this organisation's undo.
    store
        .set_record(
            &ws().code,
            2026,
            Fase::Begroting,
            post,
            Some(&b),
            ACTOR,
            None,
        )
        .unwrap();

    let undo1 = store.undo_last(&org, "p.pietersen").unwrap().unwrap();
    assert_eq!(current(&store), Some(a.clone()));
    assert_eq!(undo1.undoes, Some(id_b));
    assert_eq!(
        (&undo1.old, &undo1.new),
        (&Some(b.clone()), &Some(a.clone()))
    );
    assert_eq!(undo1.actor, "p.pietersen");
    assert_eq!(
        undo1.reason,
        Some(format!("ongedaan maken van wijziging {id_b}"))
    );

    let undo2 = store.undo_last(&org, ACTOR).unwrap().unwrap();
    assert_eq!(current(&store), None);
    assert_eq!(undo2.undoes, Some(id_a));
    assert_eq!((&undo2.old, &undo2.new), (&Some(a), &None));

    assert_eq!(store.undo_last(&org, ACTOR).unwrap(), None, "all undone");
    assert_eq!(
        store
            .record(&ws().code, 2026, Fase::Begroting, post)
            .unwrap(),
        Some(b.clone())
    );

    // The log keeps everything: two changes and two undos, newest first, nothing edited.
    let log = store
        .history(
            &org,
            &HistoryFilter {
                post: Some(post.into()),
                ..HistoryFilter::default()
            },
        )
        .unwrap();
    assert_eq!(
        log.iter().map(|e| e.undoes).collect::<Vec<_>>(),
        [Some(id_a), Some(id_b), None, None]
    );
    assert_eq!(log[0], undo2);
    assert_eq!(log[1], undo1);

    // A new change after undos is undone first; then the walk continues where it was.
    let c = euro(30_000);
    let id_c = store
        .set_record(
            &org,
            2026,
            Fase::Begroting,
            "GRF.INHUUR",
            Some(&c),
            ACTOR,
            None,
        )
        .unwrap()
        .unwrap();
    assert_eq!(
        store.undo_last(&org, ACTOR).unwrap().unwrap().undoes,
        Some(id_c)
    );
    assert_eq!(store.undo_last(&org, ACTOR).unwrap(), None);
}

#[test]
fn set_records_is_all_or_nothing() {
    let (_dir, _path, mut store) = temp_store();
    let org = gm().code;
    store
        .set_record(
            &org,
            2026,
            Fase::Begroting,
            "GRF.PERSONEEL",
            Some(&euro(500)),
            ACTOR,
            None,
        )
        .unwrap();
    let snapshot = |store: &Store| {
        (
            store.dataset(&org).unwrap(),
            store.history(&org, &HistoryFilter::default()).unwrap(),
        )
    };
    let before = snapshot(&store);

    let good = |post: &str, cents| (2026, Fase::Begroting, post.to_string(), Some(euro(cents)));
    // A value that does not fit its post's unit, after two good changes.
    let bad_unit = vec![
        good("GRF.PERSONEEL", 600),
        good("GRF.INHUUR", 700),
        (
            2026,
            Fase::Kenmerk,
            "KEN.INWONERS".to_string(),
            Some(euro(150)),
        ),
    ];
    let err = store
        .set_records(&org, &bad_unit, ACTOR, Some("import bestand X"))
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    assert!(err.to_string().contains("KEN.INWONERS"), "{err}");
    assert_eq!(snapshot(&store), before);

    // An unknown catalogue version and an empty post code.
    let mut future = euro(100);
    future.definities = "2099.1".into();
    for last in [
        (
            2026,
            Fase::Begroting,
            "GRF.MATERIEEL".to_string(),
            Some(future),
        ),
        (
            2026,
            Fase::Begroting,
            String::new(),
            Some(rec(Entry::Reason(Reason::Nvt), "")),
        ),
    ] {
        let changes = vec![good("GRF.PERSONEEL", 600), last];
        assert!(store.set_records(&org, &changes, ACTOR, None).is_err());
        assert_eq!(snapshot(&store), before);
    }

    // An unknown organisation.
    let nobody = OrgCode::parse("GM0001").unwrap();
    assert!(matches!(
        store.set_records(&nobody, &[good("GRF.PERSONEEL", 1)], ACTOR, None),
        Err(StoreError::UnknownOrganisation(_))
    ));

    // And the successful batch: one id per real change, unchanged entries skipped.
    let ids = store
        .set_records(
            &org,
            &[
                good("GRF.PERSONEEL", 500),
                good("GRF.INHUUR", 700),
                (2026, Fase::Begroting, "GRF.PERSONEEL".to_string(), None),
            ],
            ACTOR,
            Some("import bestand X"),
        )
        .unwrap();
    assert_eq!(ids.len(), 2);
    let log = store.history(&org, &HistoryFilter::default()).unwrap();
    assert!(log[..2]
        .iter()
        .all(|e| e.reason.as_deref() == Some("import bestand X")));
}

#[test]
fn actor_is_required() {
    let (_dir, _path, mut store) = temp_store();
    assert!(matches!(
        store.set_record(
            &gm().code,
            2026,
            Fase::Begroting,
            "GRF.PERSONEEL",
            Some(&euro(1)),
            " ",
            None
        ),
        Err(StoreError::Invalid(_))
    ));
}

fn export(revisie: u32, concept: bool) -> ExportRecord {
    ExportRecord {
        organisation: "GM0363".into(),
        uitvraag: 2026,
        revisie,
        moment: "2026-03-01T10:00:00Z".into(),
        file_name: format!(
            "bzk_2026_GM0363_r{revisie}{}.csv",
            if concept { "_concept" } else { "" }
        ),
        sha256: format!("{:064x}", revisie),
        concept,
    }
}

#[test]
fn exports_revisies_and_uniqueness() {
    let (_dir, _path, mut store) = temp_store();
    let org = gm().code;
    assert_eq!(store.next_revisie(&org, 2026).unwrap(), 1);
    store.record_export(&export(1, true)).unwrap();
    store.record_export(&export(1, true)).unwrap();
    assert_eq!(
        store.next_revisie(&org, 2026).unwrap(),
        1,
        "drafts do not count"
    );
    store.record_export(&export(1, false)).unwrap();
    assert_eq!(store.next_revisie(&org, 2026).unwrap(), 2);
    let err = store.record_export(&export(1, false)).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::DuplicateExport {
                revisie: 1,
                uitvraag: 2026,
                ..
            }
        ),
        "{err:?}"
    );
    store.record_export(&export(3, false)).unwrap();
    assert_eq!(store.next_revisie(&org, 2026).unwrap(), 4);
    // Other uitvraag and other organisation are separate.
    assert_eq!(store.next_revisie(&org, 2027).unwrap(), 1);
    assert_eq!(store.next_revisie(&ws().code, 2026).unwrap(), 1);
    let mut other = export(1, false);
    other.organisation = "WS0155".into();
    store.record_export(&other).unwrap();

    let list = store.exports(&org, 2026).unwrap();
    assert_eq!(
        list,
        vec![
            export(1, true),
            export(1, true),
            export(1, false),
            export(3, false)
        ],
        "oldest first"
    );
    assert_eq!(store.exports(&ws().code, 2026).unwrap(), vec![other]);
    let draft_2024 = ExportRecord {
        uitvraag: 2024,
        ..export(1, true)
    };
    store.record_export(&draft_2024).unwrap();
    assert_eq!(
        store.exported_uitvragen(&org).unwrap(),
        vec![2024, 2026],
        "drafts count, each year once, ascending"
    );
    assert_eq!(store.exported_uitvragen(&ws().code).unwrap(), vec![2026]);
    assert!(matches!(
        store.exported_uitvragen(&OrgCode::parse("GM0001").unwrap()),
        Err(StoreError::UnknownOrganisation(_))
    ));

    for bad in [
        ExportRecord {
            sha256: "ABC".into(),
            ..export(9, false)
        },
        ExportRecord {
            moment: "gisteren".into(),
            ..export(9, false)
        },
        ExportRecord {
            organisation: "XX".into(),
            ..export(9, false)
        },
    ] {
        assert!(matches!(
            store.record_export(&bad),
            Err(StoreError::Invalid(_))
        ));
    }
    let unknown = ExportRecord {
        organisation: "GM0001".into(),
        ..export(9, false)
    };
    assert!(matches!(
        store.record_export(&unknown),
        Err(StoreError::UnknownOrganisation(_))
    ));
}

#[test]
fn settings_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite");
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.setting("gebruiker").unwrap(), None);
    store.set_setting("gebruiker", "J. Jansen").unwrap();
    store.set_setting("gebruiker", "P. Pietersen").unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.setting("gebruiker").unwrap().as_deref(),
        Some("P. Pietersen")
    );
}

#[test]
fn wal_mode_is_on_after_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wal.sqlite");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.journal_mode().unwrap(), "wal");
    let raw = Connection::open(&path).unwrap();
    let mode: String = raw
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "WAL is persistent in the file");
    assert_eq!(
        Store::open_in_memory().unwrap().journal_mode().unwrap(),
        "memory"
    );
}

#[test]
fn two_connections_see_each_others_commits() {
    let (_dir, path, mut first) = temp_store();
    let mut second = Store::open(&path).unwrap();
    first
        .set_record(
            &gm().code,
            2026,
            Fase::Begroting,
            "GRF.PERSONEEL",
            Some(&euro(1)),
            ACTOR,
            None,
        )
        .unwrap();
    assert_eq!(
        second
            .record(&gm().code, 2026, Fase::Begroting, "GRF.PERSONEEL")
            .unwrap(),
        Some(euro(1))
    );
    second
        .set_record(
            &gm().code,
            2026,
            Fase::Begroting,
            "GRF.PERSONEEL",
            Some(&euro(2)),
            ACTOR,
            None,
        )
        .unwrap();
    assert_eq!(
        first.undo_last(&gm().code, ACTOR).unwrap().unwrap().new,
        Some(euro(1))
    );
}

fn fill(store: &mut Store) {
    for (jaar, fase, post, record) in sample(0) {
        store
            .set_record(&gm().code, jaar, fase, post, Some(&record), ACTOR, None)
            .unwrap();
    }
    store.set_setting("gebruiker", "J. Jansen").unwrap();
    store.record_export(&export(1, false)).unwrap();
}

fn everything(store: &Store) -> impl PartialEq + std::fmt::Debug {
    let orgs = store.organisations().unwrap();
    let data: Vec<_> = orgs
        .iter()
        .map(|o| {
            (
                store.dataset(&o.code).unwrap(),
                store.history(&o.code, &HistoryFilter::default()).unwrap(),
                store.exports(&o.code, 2026).unwrap(),
            )
        })
        .collect();
    (orgs, data, store.setting("gebruiker").unwrap())
}

#[test]
fn backup_then_change_then_restore_gives_the_old_data() {
    let (dir, _path, mut store) = temp_store();
    fill(&mut store);
    let saved = everything(&store);
    let backup = dir.path().join("back-up.sqlite");
    store.backup_to(&backup).unwrap();
    assert!(backup.is_file());
    assert!(
        !backup.with_file_name("back-up.sqlite-wal").exists(),
        "a backup is one self-contained file"
    );

    // Change everything a user can change.
    store
        .set_record(
            &gm().code,
            2026,
            Fase::Begroting,
            "GRF.PERSONEEL",
            None,
            ACTOR,
            None,
        )
        .unwrap();
    store
        .set_record(
            &ws().code,
            2026,
            Fase::Begroting,
            "RKK.LEDEN",
            Some(&euro(9)),
            ACTOR,
            None,
        )
        .unwrap();
    store
        .add_organisation(&Organisation::new("PV27", "Noord-Holland").unwrap(), ACTOR)
        .unwrap();
    store.set_setting("gebruiker", "iemand anders").unwrap();
    store.record_export(&export(2, false)).unwrap();
    assert_ne!(everything(&store), saved);

    store.restore_from(&backup).unwrap();
    assert_eq!(everything(&store), saved);
    assert_eq!(store.journal_mode().unwrap(), "wal");
    assert_eq!(store.next_revisie(&gm().code, 2026).unwrap(), 2);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("herstel"))
        .collect();
    assert!(left.is_empty(), "staging folder removed: {left:?}");

    // An in-memory store restores too.
    let mut memory = Store::open_in_memory().unwrap();
    memory.restore_from(&backup).unwrap();
    assert_eq!(everything(&memory), saved);
    // Still usable and durable after the restore.
    store
        .set_record(
            &gm().code,
            2026,
            Fase::Begroting,
            "GRF.INHUUR",
            Some(&euro(3)),
            ACTOR,
            None,
        )
        .unwrap();
    let path = store.path().unwrap().to_path_buf();
    drop(store);
    let reopened = Store::open(&path).unwrap();
    assert_eq!(
        reopened
            .record(&gm().code, 2026, Fase::Begroting, "GRF.INHUUR")
            .unwrap(),
        Some(euro(3))
    );
    assert_eq!(
        reopened
            .record(&gm().code, 2026, Fase::Begroting, "GRF.PERSONEEL")
            .unwrap(),
        Some(sample(0)[0].3.clone())
    );
}

#[test]
fn backup_never_overwrites() {
    let (dir, _path, store) = temp_store();
    let dest = dir.path().join("bestaat.sqlite");
    std::fs::write(&dest, "belangrijk").unwrap();
    let err = store.backup_to(&dest).unwrap_err();
    assert!(matches!(err, StoreError::DestinationExists(_)), "{err:?}");
    assert!(err.to_string().contains("bestaat al"));
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), "belangrijk");
    // A folder that does not exist: an error, and no file left behind.
    let missing = dir.path().join("nergens").join("b.sqlite");
    assert!(store.backup_to(&missing).is_err());
    assert!(!missing.exists());
}

fn assert_refused(store: &mut Store, src: &Path, expect: &str) {
    let before = everything(store);
    let err = store.restore_from(src).unwrap_err();
    let message = err.to_string();
    assert!(message.contains(expect), "{message}");
    assert_eq!(everything(store), before, "current data kept");
}

#[test]
fn restore_refuses_other_files_and_keeps_the_current_data() {
    let (dir, _path, mut store) = temp_store();
    fill(&mut store);

    let text = dir.path().join("notities.txt");
    std::fs::write(&text, "geen database ".repeat(100)).unwrap();
    assert_refused(&mut store, &text, "geen bruikbare Raadsbudget-database");
    assert_refused(&mut store, &text, "geen SQLite-database");

    let other = dir.path().join("ander.sqlite");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE klanten (naam TEXT); INSERT INTO klanten VALUES ('x');")
        .unwrap();
    assert_refused(&mut store, &other, "ander programma");

    let empty = dir.path().join("leeg.sqlite");
    std::fs::write(&empty, "").unwrap();
    assert_refused(&mut store, &empty, "leeg");

    assert_refused(
        &mut store,
        &dir.path().join("bestaat-niet.sqlite"),
        "bestaat niet",
    );

    let newer = dir.path().join("nieuwer.sqlite");
    store.backup_to(&newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 999;")
        .unwrap();
    assert_refused(&mut store, &newer, "Werk Raadsbudget bij");

    // A Raadsbudget backup with an unreadable value.
    let broken = dir.path().join("kapot.sqlite");
    store.backup_to(&broken).unwrap();
    Connection::open(&broken)
        .unwrap()
        .execute_batch("UPDATE records SET waarde = 'veel' WHERE post = 'KEN.INWONERS';")
        .unwrap();
    assert_refused(&mut store, &broken, "KEN.INWONERS");
}

#[test]
fn restore_from_a_backup_with_another_page_size() {
    let (dir, _path, mut store) = temp_store();
    fill(&mut store);
    let saved = everything(&store);
    let backup = dir.path().join("groot.sqlite");
    store.backup_to(&backup).unwrap();
    {
        let raw = Connection::open(&backup).unwrap();
        raw.execute_batch("PRAGMA page_size = 16384; VACUUM;")
            .unwrap();
        let size: i64 = raw.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
        assert_eq!(size, 16384);
    }
    store
        .set_record(
            &gm().code,
            2026,
            Fase::Begroting,
            "GRF.PERSONEEL",
            None,
            ACTOR,
            None,
        )
        .unwrap();
    store.restore_from(&backup).unwrap();
    assert_eq!(everything(&store), saved);
    assert_eq!(store.journal_mode().unwrap(), "wal");
}

#[test]
fn restore_from_another_open_store_file() {
    let (dir, _path, mut store) = temp_store();
    let other_path = dir.path().join("ander-werkstation.sqlite");
    let mut other = Store::open(&other_path).unwrap();
    other.add_organisation(&gm(), "collega").unwrap();
    fill(&mut other);
    // `other` stays open: its latest commits may still be in its WAL file only.
    store.restore_from(&other_path).unwrap();
    assert_eq!(everything(&store), everything(&other));
}
