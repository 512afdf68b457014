//! Benchmark sources and peer lists: loaded all or nothing, read back as loaded, read-only,
//! removed with everything loaded from them, and kept apart from the own entries.

use raadsbudget_domain::{Dataset, Entry, Fase, Organisation, Reason, Record, Value};
use raadsbudget_store::{NewSubmission, Store, StoreError};
use rust_decimal::Decimal;

const ACTOR: &str = "r.kamer";
const SHA: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

fn rec(entry: Entry, toelichting: &str) -> Record {
    Record {
        entry,
        toelichting: toelichting.to_string(),
        definities: "2026.1".into(),
    }
}

fn dataset(code: &str, naam: &str, inwoners: u64, griffie_cents: i64) -> Dataset {
    let mut d = Dataset::new(Organisation::new(code, naam).unwrap());
    d.set(
        2026,
        Fase::Kenmerk,
        "KEN.INWONERS",
        rec(Entry::Value(Value::Count(inwoners)), ""),
    );
    d.set(
        2026,
        Fase::Begroting,
        "GRF.PERSONEEL",
        rec(
            Entry::Value(Value::Decimal(Decimal::new(griffie_cents, 2))),
            "incl. 'griffier'",
        ),
    );
    d.set(
        2026,
        Fase::Begroting,
        "ENQ.EXTERN",
        rec(Entry::Reason(Reason::Nvt), ""),
    );
    d
}

#[test]
fn a_source_is_loaded_read_back_refused_twice_read_only_and_removed_with_its_values() {
    let mut store = Store::open_in_memory().unwrap();
    let a = dataset("GM5001", "Aadorp", 31_245, 81_234_500);
    let b = dataset("GM5002", "Beekstad", 12_000, 40_000_000);
    let subs = [
        NewSubmission {
            uitvraag: 2026,
            provincie: Some("Utrecht"),
            data: &a,
        },
        NewSubmission {
            uitvraag: 2026,
            provincie: None,
            data: &b,
        },
    ];
    let id = store
        .add_benchmark_source(
            "/data/bundel-2026",
            SHA,
            ACTOR,
            Some("/data/gemeenten.csv"),
            &subs,
        )
        .unwrap();

    let sources = store.benchmark_sources().unwrap();
    assert_eq!(sources.len(), 1);
    let s = &sources[0];
    assert_eq!(
        (s.id, s.path.as_str(), s.loaded_by.as_str()),
        (id, "/data/bundel-2026", ACTOR)
    );
    assert_eq!(s.uitvraagjaren, vec![2026]);
    assert_eq!((s.organisations, s.values, s.with_province), (2, 6, 1));
    assert_eq!(s.register_path.as_deref(), Some("/data/gemeenten.csv"));

    let back = store.benchmark_submissions().unwrap();
    assert_eq!(back.len(), 2);
    assert_eq!(back[0].data, a);
    assert_eq!(back[0].provincie.as_deref(), Some("Utrecht"));
    assert_eq!(back[1].data, b);
    assert_eq!(back[1].provincie, None);
    // Kept apart from the own entries: no organisation was added.
    assert!(store.organisations().unwrap().is_empty());

    // The same uitvraag of an organisation again: refused, nothing written.
    let c = dataset("GM5003", "Cedam", 5_000, 10_000_000);
    let again = [
        NewSubmission {
            uitvraag: 2026,
            provincie: None,
            data: &c,
        },
        NewSubmission {
            uitvraag: 2026,
            provincie: None,
            data: &a,
        },
    ];
    let err = store
        .add_benchmark_source("/data/andere", SHA, ACTOR, None, &again)
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Invalid(m) if m.contains("GM5001") && m.contains("/data/bundel-2026")),
        "{err}"
    );
    assert_eq!(store.benchmark_sources().unwrap().len(), 1);
    assert_eq!(store.benchmark_submissions().unwrap().len(), 2);
}

#[test]
fn benchmark_rows_refuse_updates_and_a_removal_cascades() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    let mut store = Store::open(&path).unwrap();
    let a = dataset("GM5001", "Aadorp", 31_245, 81_234_500);
    let id = store
        .add_benchmark_source(
            "/b",
            SHA,
            ACTOR,
            None,
            &[NewSubmission {
                uitvraag: 2026,
                provincie: None,
                data: &a,
            }],
        )
        .unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    for sql in [
        "UPDATE benchmark_values SET waarde = '1.00' WHERE post = 'GRF.PERSONEEL'",
        "UPDATE benchmark_submissions SET naam = 'X'",
        "UPDATE benchmark_sources SET path = '/x'",
    ] {
        let err = conn.execute(sql, []).unwrap_err();
        assert!(err.to_string().contains("alleen-lezen"), "{sql}: {err}");
    }
    drop(conn);
    assert!(store.remove_benchmark_source(id).unwrap());
    assert!(!store.remove_benchmark_source(id).unwrap());
    assert!(store.benchmark_sources().unwrap().is_empty());
    assert!(store.benchmark_submissions().unwrap().is_empty());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let left: i64 = conn
        .query_row("SELECT (SELECT count(*) FROM benchmark_values) + (SELECT count(*) FROM benchmark_submissions)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn peer_lists_are_saved_sorted_replaced_and_removed() {
    let mut store = Store::open_in_memory().unwrap();
    let codes = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    store
        .save_peer_list(" Buren ", &codes(&["GM5003", "GM5001", "GM5001"]))
        .unwrap();
    store.save_peer_list("Alle", &codes(&["GM5002"])).unwrap();
    assert_eq!(
        store.peer_lists().unwrap(),
        vec![
            ("Alle".to_string(), codes(&["GM5002"])),
            ("Buren".to_string(), codes(&["GM5001", "GM5003"])),
        ]
    );
    store.save_peer_list("Buren", &codes(&["GM5009"])).unwrap();
    assert_eq!(store.peer_lists().unwrap()[1].1, codes(&["GM5009"]));
    assert!(matches!(
        store.save_peer_list("  ", &[]),
        Err(StoreError::Invalid(_))
    ));
    assert!(store.remove_peer_list("Buren").unwrap());
    assert!(!store.remove_peer_list("Buren").unwrap());
    assert_eq!(store.peer_lists().unwrap().len(), 1);
}
