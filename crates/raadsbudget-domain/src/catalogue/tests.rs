//! Tests of the catalogue files and their checks.

use super::*;

#[test]
fn every_embedded_catalogue_loads() {
    assert_eq!(Catalogue::versions(), ["2026.1", "2027.1"]);
    assert!(Catalogue::all().iter().all(|c| c.is_embedded()));
    for cat in Catalogue::all() {
        assert_eq!(
            cat.categories
                .iter()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>(),
            ["KEN", "GRF", "RKK", "FRO", "ENQ"]
        );
    }
    assert_eq!(Catalogue::get("2026.1").unwrap().uitvraag_vanaf, 2026);
    assert_eq!(Catalogue::get("2027.1").unwrap().uitvraag_vanaf, 2027);
    assert!(Catalogue::get("2026.1").unwrap().predecessor().is_none());
    assert_eq!(
        Catalogue::get("2027.1")
            .unwrap()
            .predecessor()
            .unwrap()
            .versie,
        "2026.1"
    );
}

#[test]
fn an_uitvraag_uses_the_newest_catalogue_that_has_started() {
    assert_eq!(Catalogue::for_uitvraag(2025).versie, "2026.1");
    assert_eq!(Catalogue::for_uitvraag(2026).versie, "2026.1");
    assert_eq!(Catalogue::for_uitvraag(2027).versie, "2027.1");
    assert_eq!(Catalogue::for_uitvraag(2030).versie, "2027.1");
    assert_eq!(Catalogue::newest().versie, "2027.1");
}

#[test]
fn catalogue_2026_1_matches_the_spec() {
    let cat = Catalogue::get("2026.1").unwrap();
    let order: Vec<&str> = cat.posts.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(
        order,
        [
            "KEN.INWONERS",
            "KEN.ZETELS",
            "KEN.FRACTIES",
            "KEN.TOTALE_LASTEN",
            "KEN.REKENKAMERVORM",
            "KEN.GR_DEELNEMERS",
            "GRF.PERSONEEL",
            "GRF.INHUUR",
            "GRF.MATERIEEL",
            "GRF.OVERHEAD",
            "GRF.FTE",
            "RKK.LEDEN",
            "RKK.PERSONEEL",
            "RKK.ONDERZOEK",
            "RKK.MATERIEEL",
            "RKK.BIJDRAGE_GR",
            "RKK.OVERHEAD",
            "RKK.FTE",
            "FRO.BIJDRAGEN",
            "FRO.ASSISTENTIE",
            "FRO.OVERIG",
            "FRO.NORM_FRACTIE",
            "FRO.NORM_ZETEL",
            "ENQ.RESERVERING",
            "ENQ.EXTERN",
            "ENQ.INTERN",
            "ENQ.AANTAL",
        ]
    );
    let kern: Vec<&str> = cat
        .posts
        .iter()
        .filter(|p| p.kernbudget)
        .map(|p| p.code.as_str())
        .collect();
    assert_eq!(
        kern,
        [
            "GRF.PERSONEEL",
            "GRF.INHUUR",
            "GRF.MATERIEEL",
            "RKK.LEDEN",
            "RKK.PERSONEEL",
            "RKK.ONDERZOEK",
            "RKK.MATERIEEL",
            "RKK.BIJDRAGE_GR",
            "FRO.BIJDRAGEN",
            "FRO.ASSISTENTIE",
            "FRO.OVERIG",
            "ENQ.RESERVERING",
            "ENQ.EXTERN",
            "ENQ.INTERN",
        ]
    );
    assert_eq!(cat.post("FRO.NORM_ZETEL").unwrap().fases, [Fase::Begroting]);
    assert_eq!(cat.post("GRF.FTE").unwrap().eenheid, Unit::Fte);
    assert_eq!(
        cat.post("KEN.REKENKAMERVORM").unwrap().code_list(),
        ["eigen", "gemeenschappelijk", "geen"]
    );
    assert_eq!(
        cat.post("KEN.GR_DEELNEMERS")
            .unwrap()
            .verplicht
            .for_type(OrgType::Gemeente),
        Requirement::Gemeenschappelijk
    );
    assert_eq!(
        cat.post("GRF.PERSONEEL")
            .unwrap()
            .verplicht
            .for_type(OrgType::Waterschap),
        Requirement::Nee
    );
    assert_eq!(
        cat.post("RKK.LEDEN")
            .unwrap()
            .verplicht
            .for_type(OrgType::Waterschap),
        Requirement::Ja
    );
    for p in &cat.posts {
        assert!(
            !p.wel.is_empty() || p.categorie == KENMERKEN,
            "{} wel",
            p.code
        );
    }
}

#[test]
fn broken_catalogues_are_refused() {
    let good = Catalogue::get("2026.1").unwrap().source();
    let dup = good.replacen("code = \"GRF.INHUUR\"", "code = \"GRF.PERSONEEL\"", 1);
    assert!(Catalogue::from_toml("2026.1", &dup)
        .unwrap_err()
        .to_string()
        .contains("dubbel"));
    let bad_unit = good.replacen("eenheid = \"fte\"", "eenheid = \"liter\"", 1);
    assert!(Catalogue::from_toml("2026.1", &bad_unit).is_err());
    let bad_fase = good.replacen("fases = [\"begroting\"]", "fases = [\"kenmerk\"]", 1);
    assert!(Catalogue::from_toml("2026.1", &bad_fase).is_err());
    assert!(Catalogue::from_toml("2027.1", good).is_err());
}

const PRE: &str = include_str!("../../../../assets/definities/2026.1.toml");
const NEXT: &str = include_str!("../../../../assets/definities/2027.1.toml");

fn after_2026(text: &str) -> Result<Catalogue, String> {
    let prev = Catalogue::get("2026.1").unwrap();
    Catalogue::parse(text)
        .and_then(|c| c.checked_after(Some(prev)))
        .map_err(|e| e.to_string())
}

#[test]
fn catalogue_2027_1_matches_the_spec() {
    let cat = Catalogue::get("2027.1").unwrap();
    let order: Vec<&str> = cat.posts.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(
        order,
        [
            "KEN.INWONERS",
            "KEN.ZETELS",
            "KEN.FRACTIES",
            "KEN.TOTALE_LASTEN",
            "KEN.REKENKAMERVORM",
            "KEN.GR_DEELNEMERS",
            "KEN.REKENKAMER_LEDEN",
            "GRF.PERSONEEL",
            "GRF.INHUUR",
            "GRF.MATERIEEL",
            "GRF.INFORMATIEVOORZIENING",
            "GRF.OVERHEAD",
            "GRF.FTE",
            "RKK.LEDEN",
            "RKK.PERSONEEL",
            "RKK.INZET_GRIFFIE",
            "RKK.ONDERZOEK",
            "RKK.MATERIEEL",
            "RKK.BIJDRAGE_GR",
            "RKK.OVERHEAD",
            "RKK.FTE",
            "FRO.BIJDRAGEN",
            "FRO.ASSISTENTIE",
            "FRO.OVERIG",
            "FRO.NORM_FRACTIE",
            "FRO.NORM_ZETEL",
            "ENQ.STELPOST",
            "ENQ.EXTERN",
            "ENQ.INTERN",
        ]
    );
    let info = cat.post("GRF.INFORMATIEVOORZIENING").unwrap();
    assert!(info.kernbudget && info.eenheid == Unit::Euro);
    assert_eq!(info.verplicht.for_type(OrgType::Gemeente), Requirement::Ja);
    assert_eq!(info.verplicht.for_type(OrgType::Provincie), Requirement::Ja);
    assert_eq!(
        info.verplicht.for_type(OrgType::Waterschap),
        Requirement::Nee
    );
    let inzet = cat.post("RKK.INZET_GRIFFIE").unwrap();
    assert!(inzet.kernbudget && inzet.eenheid == Unit::Euro);
    for t in [OrgType::Gemeente, OrgType::Provincie, OrgType::Waterschap] {
        assert_eq!(inzet.verplicht.for_type(t), Requirement::Ja);
    }
    let leden = cat.post("KEN.REKENKAMER_LEDEN").unwrap();
    assert_eq!(
        (leden.eenheid, leden.fases.as_slice()),
        (Unit::Aantal, &[Fase::Kenmerk][..])
    );
    assert_eq!(
        leden.verplicht.for_type(OrgType::Gemeente),
        Requirement::Nee
    );
    let kinds: Vec<(ChangeKind, Vec<&str>, Vec<&str>)> = cat
        .wijzigingen
        .iter()
        .map(|c| {
            (
                c.soort,
                c.van.iter().map(String::as_str).collect(),
                c.naar.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (
                ChangeKind::Hernoemd,
                vec!["ENQ.RESERVERING"],
                vec!["ENQ.STELPOST"]
            ),
            (
                ChangeKind::Gesplitst,
                vec!["GRF.MATERIEEL"],
                vec!["GRF.MATERIEEL", "GRF.INFORMATIEVOORZIENING"]
            ),
            (
                ChangeKind::Gesplitst,
                vec!["RKK.PERSONEEL"],
                vec!["RKK.PERSONEEL", "RKK.INZET_GRIFFIE"]
            ),
            (
                ChangeKind::Gewijzigd,
                vec!["GRF.FTE", "RKK.FTE"],
                vec!["GRF.FTE", "RKK.FTE"]
            ),
            (ChangeKind::Vervallen, vec!["ENQ.AANTAL"], vec![]),
            (ChangeKind::Nieuw, vec![], vec!["KEN.REKENKAMER_LEDEN"]),
        ]
    );
    assert_eq!(cat.wijzigingen[3].fases, [Fase::Realisatie]);
    assert!(cat.wijzigingen.iter().all(|c| c.toelichting.len() > 40));
    // The kernbudget keeps its scope: the 2026.1 kernbudget posts, renamed and split.
    let kern: Vec<&str> = cat
        .posts
        .iter()
        .filter(|p| p.kernbudget)
        .map(|p| p.code.as_str())
        .collect();
    assert_eq!(kern.len(), 16);
}

#[test]
fn a_mapping_that_does_not_account_for_every_code_is_refused() {
    assert!(after_2026(NEXT).is_ok());
    // The retirement left out: ENQ.AANTAL is neither in 2027.1 nor in a change.
    let no_retire = NEXT.replacen(
        "soort = \"vervallen\"\nvan = [\"ENQ.AANTAL\"]\nnaar = []",
        "soort = \"nieuw\"\nvan = []\nnaar = []",
        1,
    );
    assert!(after_2026(&no_retire).is_err());
    let cut = NEXT.find("[[wijziging]]\nsoort = \"vervallen\"").unwrap();
    let end = NEXT[cut..].find("\n\n").unwrap() + cut;
    let without = format!("{}{}", &NEXT[..cut], &NEXT[end + 2..]);
    let e = after_2026(&without).unwrap_err();
    assert!(e.contains("ENQ.AANTAL") && e.contains("ontbreekt"), "{e}");
    // A new post without a change.
    let cut = NEXT.find("[[wijziging]]\nsoort = \"nieuw\"").unwrap();
    let e = after_2026(&NEXT[..cut]).unwrap_err();
    assert!(
        e.contains("KEN.REKENKAMER_LEDEN") && e.contains("nieuw"),
        "{e}"
    );
    // A code named twice.
    let twice = NEXT.replacen("van = [\"ENQ.AANTAL\"]", "van = [\"GRF.MATERIEEL\"]", 1);
    let e = after_2026(&twice).unwrap_err();
    assert!(e.contains("GRF.MATERIEEL") && e.contains("één keer"), "{e}");
    // A code that does not exist on its side.
    let unknown = NEXT.replacen("van = [\"ENQ.RESERVERING\"]", "van = [\"ENQ.RESERVE\"]", 1);
    let e = after_2026(&unknown).unwrap_err();
    assert!(e.contains("ENQ.RESERVE,") && e.contains("2026.1"), "{e}");
    let unknown = NEXT.replacen("naar = [\"ENQ.STELPOST\"]", "naar = [\"ENQ.STELPOS\"]", 1);
    assert!(after_2026(&unknown).unwrap_err().contains("ENQ.STELPOS,"));
    // A split of one code into one.
    let bad = NEXT.replacen(
        "naar = [\"GRF.MATERIEEL\", \"GRF.INFORMATIEVOORZIENING\"]",
        "naar = [\"GRF.INFORMATIEVOORZIENING\"]",
        1,
    );
    assert!(after_2026(&bad).is_err());
    // `fases` only with gewijzigd.
    let bad = NEXT.replacen(
        "naar = [\"ENQ.STELPOST\"]\n",
        "naar = [\"ENQ.STELPOST\"]\nfases = [\"begroting\"]\n",
        1,
    );
    assert!(after_2026(&bad)
        .unwrap_err()
        .contains("alleen bij soort gewijzigd"));
    // A split that keeps its code must name it among the new codes.
    let bad = NEXT.replacen(
        "naar = [\"GRF.MATERIEEL\", \"GRF.INFORMATIEVOORZIENING\"]",
        "naar = [\"GRF.INFORMATIEVOORZIENING\", \"RKK.INZET_GRIFFIE\"]",
        1,
    );
    assert!(after_2026(&bad).is_err());
    // `gelijk` is never written, and the first version has no mapping.
    let gelijk = NEXT.replacen("soort = \"hernoemd\"", "soort = \"gelijk\"", 1);
    assert!(after_2026(&gelijk).unwrap_err().contains("gelijk"));
    let first = Catalogue::parse(NEXT).unwrap().checked_after(None);
    assert!(first
        .unwrap_err()
        .to_string()
        .contains("geen eerdere versie"));
    // An uitvraag_vanaf that is not later than the predecessor's.
    let early = NEXT.replacen("uitvraag_vanaf = 2027", "uitvraag_vanaf = 2026", 1);
    assert!(after_2026(&early).unwrap_err().contains("uitvraag_vanaf"));
    // A version that is not jaar.nummer.
    let odd = PRE.replacen("versie = \"2026.1\"", "versie = \"2026-1\"", 1);
    assert!(Catalogue::parse(&odd)
        .unwrap_err()
        .to_string()
        .contains("jaar.nummer"));
}

#[test]
fn a_known_version_is_known_again_and_never_changes() {
    let same = Catalogue::add(NEXT).unwrap();
    assert_eq!(same, Added::AlreadyKnown(Catalogue::get("2027.1").unwrap()));
    let other = NEXT.replacen(
        "Informatievoorziening raad",
        "Informatievoorziening van de raad",
        1,
    );
    let e = Catalogue::add(&other).unwrap_err().to_string();
    assert!(e.contains("bestaat al met een andere inhoud"), "{e}");
    let older = PRE.replacen("versie = \"2026.1\"", "versie = \"2025.1\"", 1);
    let e = Catalogue::add(&older).unwrap_err().to_string();
    assert!(e.contains("ouder dan de nieuwste"), "{e}");
    assert_eq!(Catalogue::versions(), ["2026.1", "2027.1"]);
}

#[test]
fn every_change_of_2027_1_reads_as_a_sentence() {
    let kop: Vec<String> = Catalogue::get("2027.1")
        .unwrap()
        .wijzigingen
        .iter()
        .map(|c| format!("{}: {}", c.soort.naam(), c.kop()))
        .collect();
    assert_eq!(
        kop,
        [
            "Hernoemd: ENQ.RESERVERING heet nu ENQ.STELPOST",
            "Gesplitst: GRF.MATERIEEL is gesplitst in GRF.MATERIEEL en GRF.INFORMATIEVOORZIENING",
            "Gesplitst: RKK.PERSONEEL is gesplitst in RKK.PERSONEEL en RKK.INZET_GRIFFIE",
            "Andere definitie: GRF.FTE en RKK.FTE hebben een andere definitie (alleen realisatie)",
            "Vervallen: ENQ.AANTAL vervalt",
            "Nieuw: KEN.REKENKAMER_LEDEN is nieuw",
        ]
    );
}

#[test]
fn a_broken_file_is_explained_in_dutch_with_its_place() {
    let missing = NEXT.replacen("uitvraag_vanaf = 2027\n", "", 1);
    let e = Catalogue::parse(&missing).unwrap_err().to_string();
    assert!(e.contains("het veld ‘uitvraag_vanaf’ ontbreekt"), "{e}");
    let unknown = NEXT.replacen("soort = \"hernoemd\"", "soort = \"verhuisd\"", 1);
    let e = Catalogue::parse(&unknown).unwrap_err().to_string();
    assert!(
        e.contains("de waarde ‘verhuisd’ is hier niet toegestaan") && e.contains("regel "),
        "{e}"
    );
    let extra = NEXT.replacen("titel = ", "kleur = \"rood\"\ntitel = ", 1);
    let e = Catalogue::parse(&extra).unwrap_err().to_string();
    assert!(e.contains("het veld ‘kleur’ hoort niet"), "{e}");
    let junk = Catalogue::parse("dit is [geen toml")
        .unwrap_err()
        .to_string();
    assert!(
        junk.contains("regel 1") && !junk.contains("expected"),
        "{junk}"
    );
}
