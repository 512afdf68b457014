//! The start screen's built-in register: searching by part of a name or code, and choosing a
//! match, which adds the organisation once and opens it after that.

use raadsbudget_app::register;
use raadsbudget_app::views::OrgTypeCode;
use raadsbudget_usecases::Session;

#[test]
fn search_marks_what_is_stored_and_choosing_adds_once() {
    let mut s = Session::in_memory().unwrap();
    s.set_user("tester").unwrap();
    let found = register::search(&s, "amster").unwrap();
    assert_eq!(found.aantal, 1);
    let hit = &found.treffers[0];
    assert_eq!(
        (
            hit.code.as_str(),
            hit.naam.as_str(),
            hit.provincie.as_deref()
        ),
        ("GM0363", "Amsterdam", Some("Noord-Holland"))
    );
    assert_eq!(hit.soort, OrgTypeCode::Gemeente);
    assert!(!hit.in_database);
    assert!(found.bron.contains("Bron: CBS"), "{}", found.bron);

    let opened = register::choose(&mut s, "gm0363").unwrap();
    assert_eq!(
        (opened.code.as_str(), opened.naam.as_str()),
        ("GM0363", "Amsterdam")
    );
    assert!(register::search(&s, "Amsterdam").unwrap().treffers[0].in_database);
    register::choose(&mut s, "GM0363").unwrap();
    assert_eq!(s.organisations().unwrap().len(), 1, "not added twice");

    // Many matches: the best few, and how many there are.
    let e = register::search(&s, "e").unwrap();
    assert_eq!(e.treffers.len(), register::MAX_HITS);
    assert!(e.aantal > 300, "{}", e.aantal);
    assert!(register::search(&s, "  ").unwrap().treffers.is_empty());

    // A waterschap is not in the register: a Dutch error of kind niet_gevonden.
    let err = register::choose(&mut s, "WS0155").unwrap_err();
    let view = raadsbudget_app::screens::error_view(&err);
    assert_eq!(view.kind.as_str(), "niet_gevonden", "{view:?}");
    assert!(view.message.contains("waterschappen"), "{}", view.message);
}
