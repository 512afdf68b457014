//! An export is written and recorded as one step in effect: a failed recording leaves no file
//! that blocks the next export, and a file left by such an attempt is recognised.

use chrono::{DateTime, TimeZone, Utc};
use raadsbudget_domain::{Fase, OrgCode};
use raadsbudget_store::ExportRecord;
use raadsbudget_usecases::export::{ExportOutcome, ExportRequest};
use raadsbudget_usecases::files::{sha256_hex, write_atomically};
use raadsbudget_usecases::uitvraag::UitvraagStatus;
use raadsbudget_usecases::values::{Input, SetValue};
use raadsbudget_usecases::{Error, Session};
use std::path::{Path, PathBuf};
use std::time::Duration;

const U: u16 = 2026;

/// A store on disk with one demo organisation whose uitvraag `U` is complete.
struct Setup {
    _dir: tempfile::TempDir,
    db: PathBuf,
    out: PathBuf,
    session: Session,
    code: String,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("raadsbudget.sqlite");
    let out = dir.path().join("uit");
    let mut session = Session::open(&db).unwrap();
    session.set_user("tester").unwrap();
    let code = session.fill_demo(U, 1, 7).unwrap().remove(0);
    Setup {
        _dir: dir,
        db,
        out,
        session,
        code,
    }
}

fn moment(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, minute, 0).unwrap()
}

impl Setup {
    fn request(&self, minute: u32, concept: bool) -> ExportRequest {
        ExportRequest {
            organisation: self.code.clone(),
            uitvraag: U,
            dir: self.out.clone(),
            moment: Some(moment(minute)),
            concept,
        }
    }

    fn export(&mut self, minute: u32, concept: bool) -> Result<ExportOutcome, Error> {
        let req = self.request(minute, concept);
        self.session.export(&req)
    }

    fn recorded(&self) -> Vec<ExportRecord> {
        let code = OrgCode::parse(&self.code).unwrap();
        self.session.store().exports(&code, U).unwrap()
    }

    /// The names in the output folder, sorted (hidden temporary files included).
    fn files(&self) -> Vec<String> {
        names(&self.out)
    }

    fn final_name(&self, revisie: u32) -> String {
        format!("raadsondersteuning_{U}_{}_r{revisie}.csv", self.code)
    }

    /// A second connection to the same database file, as another program would have.
    fn other_connection(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.db).unwrap()
    }
}

fn names(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_recording_that_finds_the_store_locked_leaves_no_file_and_the_next_export_succeeds() {
    let mut s = setup();
    // The store waits 10 seconds for a lock; this test needs less to see the same failure.
    s.session
        .set_busy_timeout(Duration::from_millis(200))
        .unwrap();
    let other = s.other_connection();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();

    let err = s.export(0, false).unwrap_err();
    assert_eq!(err.kind(), "opslag", "{err}");
    assert_eq!(
        s.files(),
        Vec::<String>::new(),
        "no _r1.csv, no temporary file"
    );
    assert!(s.recorded().is_empty());

    other.execute_batch("ROLLBACK").unwrap();
    let outcome = s.export(1, false).unwrap();
    assert_eq!(outcome.revisie, 1, "the same revisie as the failed attempt");
    assert!(!outcome.reused);
    assert_eq!(outcome.path, s.out.join(s.final_name(1)));
    assert_eq!(s.files(), vec![s.final_name(1)]);
    let bytes = std::fs::read(&outcome.path).unwrap();
    assert_eq!(outcome.sha256, sha256_hex(&bytes));
    let recorded = s.recorded();
    assert_eq!(recorded.len(), 1);
    assert_eq!(
        (recorded[0].revisie, recorded[0].sha256.as_str()),
        (1, outcome.sha256.as_str())
    );
    assert_eq!(recorded[0].moment, "2026-03-01T09:01:00Z");
}

#[test]
fn a_recording_the_database_refuses_leaves_no_file_and_keeps_the_old_draft() {
    let mut s = setup();
    // A draft that is there before.
    let draft = s.export(0, true).unwrap();
    let draft_bytes = std::fs::read(&draft.path).unwrap();
    // Another program makes every new export row fail (as a full disk would).
    s.other_connection()
        .execute_batch(
            "CREATE TRIGGER weiger BEFORE INSERT ON exports \
             BEGIN SELECT RAISE(ABORT, 'geweigerd'); END;",
        )
        .unwrap();

    assert!(s.export(1, false).is_err());
    assert!(s.export(2, true).is_err());
    // Neither the final file nor a temporary file; the draft is the one from before.
    let draft_name = draft
        .path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_eq!(s.files(), vec![draft_name.clone()]);
    assert_eq!(std::fs::read(&draft.path).unwrap(), draft_bytes);

    s.other_connection()
        .execute_batch("DROP TRIGGER weiger")
        .unwrap();
    let outcome = s.export(3, false).unwrap();
    assert_eq!(outcome.revisie, 1);
    assert_eq!(s.files(), vec![s.final_name(1), draft_name]);
}

#[test]
fn a_draft_replaces_its_own_file() {
    let mut s = setup();
    let first = s.export(0, true).unwrap();
    let second = s.export(5, true).unwrap();
    assert_eq!(first.path, second.path);
    assert_ne!(first.sha256, second.sha256, "other moment, other bytes");
    assert_eq!(
        sha256_hex(&std::fs::read(&second.path).unwrap()),
        second.sha256
    );
    assert_eq!(s.files().len(), 1, "{:?}", s.files());
}

/// Writes the file an earlier export at `minute` would have written, as an attempt whose
/// recording failed leaves it (the behaviour before the fix, or a kill in between).
fn leave_earlier_attempt(s: &Setup, minute: u32) -> Vec<u8> {
    let prepared = s
        .session
        .prepare_export(&s.code, U, Some(moment(minute)), false)
        .unwrap();
    write_atomically(&s.out, &prepared.file_name, &prepared.bytes, false).unwrap();
    prepared.bytes
}

#[test]
fn a_leftover_file_with_the_same_data_is_recorded_and_reused() {
    let mut s = setup();
    let leftover = leave_earlier_attempt(&s, 0);

    let outcome = s.export(30, false).unwrap();
    assert!(outcome.reused);
    assert_eq!(outcome.revisie, 1);
    assert_eq!(outcome.path, s.out.join(s.final_name(1)));
    // Not rewritten: its own bytes, moment and sha256 are what is recorded.
    assert_eq!(std::fs::read(&outcome.path).unwrap(), leftover);
    assert_eq!(outcome.sha256, sha256_hex(&leftover));
    let recorded = s.recorded();
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].moment, "2026-03-01T09:00:00Z");
    assert_eq!(recorded[0].sha256, outcome.sha256);
    assert_eq!(recorded[0].file_name, s.final_name(1));
    assert!(!recorded[0].concept);
    assert_eq!(s.files(), vec![s.final_name(1)]);
    // The uitvraag counts as handed in with that file, unchanged since.
    let states = s.session.uitvraag_states(&s.code, Some(U)).unwrap();
    assert_eq!(states[0].1.status, UitvraagStatus::Ingediend { revisie: 1 });

    // The next export is revisie 2, written as usual.
    let next = s.export(31, false).unwrap();
    assert_eq!((next.revisie, next.reused), (2, false));
    assert_eq!(s.files(), vec![s.final_name(1), s.final_name(2)]);
}

#[test]
fn a_leftover_file_with_other_content_is_refused_and_nothing_changes() {
    let mut s = setup();
    let leftover = leave_earlier_attempt(&s, 0);
    // The data changed after that attempt.
    s.session
        .set_value(&SetValue {
            organisation: s.code.clone(),
            jaar: U,
            fase: Fase::Begroting,
            post: "GRF.MATERIEEL".into(),
            input: Input::Keep,
            toelichting: Some("gewijzigd na de mislukte poging".into()),
            uitvraag: None,
        })
        .unwrap();

    let path = s.out.join(s.final_name(1));
    let err = s.export(30, false).unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with(&format!("{} bestaat al", path.display())),
        "{message}"
    );
    assert!(
        message.contains("de waarden erin verschillen") && message.contains("Verplaats"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), leftover);
    assert_eq!(s.files(), vec![s.final_name(1)]);
    assert!(s.recorded().is_empty());

    // Not a benchmark file at all: the same refusal, with its reason.
    std::fs::write(&path, b"hallo").unwrap();
    let message = s.export(31, false).unwrap_err().to_string();
    assert!(
        message.contains("geen leesbaar benchmarkbestand"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"hallo");
    assert!(s.recorded().is_empty());

    // Moved away, the export goes ahead with the same revisie.
    std::fs::remove_file(&path).unwrap();
    let outcome = s.export(32, false).unwrap();
    assert_eq!((outcome.revisie, outcome.reused), (1, false));
}

#[test]
fn writing_without_replace_never_overwrites_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.csv"), b"oud").unwrap();
    let err = write_atomically(dir.path(), "a.csv", b"nieuw", false).unwrap_err();
    assert!(err.to_string().contains("bestaat al"), "{err}");
    assert_eq!(std::fs::read(dir.path().join("a.csv")).unwrap(), b"oud");
    write_atomically(dir.path(), "b.csv", b"nieuw", false).unwrap();
    write_atomically(dir.path(), "a.csv", b"vervangen", true).unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("a.csv")).unwrap(),
        b"vervangen"
    );
    assert_eq!(names(dir.path()), vec!["a.csv", "b.csv"]);
}
