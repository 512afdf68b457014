//! Developer docs stay true: every finding code is documented in `docs/meldingen.md` with its
//! severity and title, and the catalogue document matches the embedded catalogue.

use raadsbudget_domain::FindingCode;

#[test]
fn every_finding_code_is_documented() {
    let doc =
        std::fs::read_to_string(raadsbudget_tests::workspace_root().join("docs/meldingen.md"))
            .expect("docs/meldingen.md");
    for code in FindingCode::ALL {
        let row = format!(
            "| `{}` | {} | {} |",
            code.as_str(),
            code.severity(),
            code.title()
        );
        assert!(doc.contains(&row), "docs/meldingen.md lacks the row: {row}");
    }
}
