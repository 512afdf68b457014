//! Reading a filled file back on Exporteren, as the app does it: the preview lists every field
//! that changes and stores nothing; saving stores exactly what was previewed, one history entry
//! per field; a file saved again after its preview, or of another organisation, is refused.

use raadsbudget_app::invulbestand;
use raadsbudget_usecases::demo_files::write_demo_files;
use raadsbudget_usecases::Session;

fn session() -> Session {
    let mut s = Session::in_memory().unwrap();
    s.set_user("tester").unwrap();
    s
}

#[test]
fn the_preview_stores_nothing_and_saving_insists_on_the_previewed_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let files = write_demo_files(2026, 3, 11, dir.path()).unwrap();
    let mine = &files[0];
    let theirs = &files[1];
    let mut s = session();
    let org = s.import(mine).unwrap().organisation;
    let code = org.code.to_string();

    // A colleague's version of the same organisation: the file of another organisation, with
    // this organisation's code and name (so its values differ from what is stored).
    let text = std::fs::read_to_string(theirs).unwrap();
    let other_code = text
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .nth(3)
        .unwrap()
        .to_string();
    let other_name = text
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .nth(4)
        .unwrap()
        .to_string();
    let colleague = dir.path().join("collega.csv");
    std::fs::write(
        &colleague,
        text.replace(
            &format!(",{other_code},{other_name},"),
            &format!(",{code},{},", org.naam),
        ),
    )
    .unwrap();

    let before = s.list_values(&code, None).unwrap();
    let preview = invulbestand::preview(&s, &code, &colleague).unwrap();
    assert!(!preview.wijzigingen.is_empty());
    assert!(preview
        .samenvatting
        .contains(&format!("{} velden", preview.wijzigingen.len())));
    assert_eq!(
        s.list_values(&code, None).unwrap(),
        before,
        "the preview stores nothing"
    );

    // Saved again after the preview: refused, nothing stored.
    let mut changed = std::fs::read(&colleague).unwrap();
    changed.extend_from_slice(b"\r\n");
    std::fs::write(&colleague, &changed).unwrap();
    let err =
        invulbestand::read_in(&mut s, &code, &colleague, Some(&preview.vingerafdruk)).unwrap_err();
    assert!(
        err.to_string()
            .contains("veranderd sinds u het bestand bekeek"),
        "{err}"
    );
    assert_eq!(s.list_values(&code, None).unwrap(), before);

    // The store changed after the preview (the last imported field undone, say in the CLI):
    // the changes shown are no longer the changes saving would make, so it is refused too.
    let preview = invulbestand::preview(&s, &code, &colleague).unwrap();
    s.undo(&code).unwrap().unwrap();
    let err =
        invulbestand::read_in(&mut s, &code, &colleague, Some(&preview.vingerafdruk)).unwrap_err();
    assert!(
        err.to_string().contains("of de gegevens zijn veranderd"),
        "{err}"
    );
    s.import(mine).unwrap(); // back as before
    assert_eq!(s.list_values(&code, None).unwrap(), before);

    // Previewed again and saved: one history entry per field, each undone in turn.
    let preview = invulbestand::preview(&s, &code, &colleague).unwrap();
    let n = preview.wijzigingen.len();
    let saved =
        invulbestand::read_in(&mut s, &code, &colleague, Some(&preview.vingerafdruk)).unwrap();
    assert_eq!(saved.gewijzigd as usize, n);
    let history = s.history(&code, &Default::default()).unwrap();
    let from_file = history
        .iter()
        .filter(|e| e.reason.as_deref() == Some("ingelezen uit collega.csv"))
        .count();
    assert_eq!(from_file, n);
    for _ in 0..n {
        s.undo(&code).unwrap().unwrap();
    }
    assert_eq!(
        s.list_values(&code, None).unwrap(),
        before,
        "every field undone"
    );

    // A file of another organisation is refused on this organisation's screen.
    let err = invulbestand::preview(&s, &code, theirs).unwrap_err();
    assert!(err.to_string().contains("u werkt nu aan"), "{err}");
}
