//! Comparing with peers through the use case (the desktop app's commands call the same
//! methods): two uitvragen of demo files are bundled, the bundles loaded into a store holding
//! the same demo organisations, and every number shown must equal the bundle's
//! `kengetallen.csv` and `statistiek.csv` — one code path.

use raadsbudget_app::screens::bundle;
use raadsbudget_app::vergelijken;
use raadsbudget_app::views::{
    BundleRequest, CompareRequest, ComparisonView, FaseCode, LoadSourceRequest,
};
use raadsbudget_domain::Fase;
use raadsbudget_usecases::demo_files::write_demo_files;
use raadsbudget_usecases::vergelijken::{save_chart, FactsheetRun};
use raadsbudget_usecases::Session;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const SEED: u64 = 3;
const AANTAL: usize = 120;

/// Bundles `AANTAL` demo files of uitvraag `u` into `root/bundel-u`.
fn demo_bundle(root: &Path, u: u16) -> PathBuf {
    let input = root.join(format!("in-{u}"));
    write_demo_files(u, AANTAL, SEED, &input).unwrap();
    let out = root.join(format!("bundel-{u}"));
    let view = bundle(
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
    assert_eq!(view.geaccepteerd as usize, AANTAL);
    out
}

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    session: Session,
}

/// Two bundles (uitvragen 2025 and 2026) loaded into a store that holds the same demo
/// organisations with their history.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let b25 = demo_bundle(&root, 2025);
    let b26 = demo_bundle(&root, 2026);
    let mut session = Session::open(&root.join("db.sqlite")).unwrap();
    session.set_user("r.kamer").unwrap();
    session.fill_demo(2026, AANTAL, SEED).unwrap();
    for b in [&b25, &b26] {
        vergelijken::load_source(
            &mut session,
            &LoadSourceRequest {
                pad: b.display().to_string(),
                register: None,
            },
        )
        .unwrap();
    }
    Fixture {
        _dir: dir,
        root,
        session,
    }
}

/// One CSV row by column name.
type Row = BTreeMap<String, String>;

/// A CSV file as rows of named fields.
fn table(path: &Path) -> Vec<Row> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn req(org: &str, cat: &str, ind: &str, jaar: u16, fase: &str, groep: &str) -> CompareRequest {
    CompareRequest {
        organisatie: org.into(),
        categorie: cat.into(),
        indicator: ind.parse().unwrap(),
        jaar,
        fase: fase.parse().unwrap(),
        groep: groep.parse().unwrap(),
        lijst: Vec::new(),
    }
}

fn num(g: &Option<raadsbudget_app::views::NumberView>) -> String {
    g.as_ref().map(|g| g.getal.clone()).unwrap_or_default()
}

#[test]
fn every_number_equals_the_bundles_kengetallen_and_statistiek() {
    let f = fixture();
    let s = &f.session;
    // The bundle's statistics, by (jaar, fase, categorie, indicator, groep).
    let mut stats: BTreeMap<[String; 5], Row> = BTreeMap::new();
    let mut kengetallen: BTreeMap<[String; 4], Row> = BTreeMap::new();
    for u in [2025, 2026] {
        let dir = f.root.join(format!("bundel-{u}"));
        for row in table(&dir.join("statistiek.csv")) {
            let key = ["jaar", "fase", "categorie", "indicator", "groep"].map(|c| row[c].clone());
            assert!(stats.insert(key, row).is_none());
        }
        for row in table(&dir.join("kengetallen.csv")) {
            let key = ["organisatie_code", "jaar", "fase", "categorie"].map(|c| row[c].clone());
            assert!(kengetallen.insert(key, row).is_none());
        }
    }
    let opties = vergelijken::compare_options(s, "GM5000").unwrap();
    let blocks: Vec<(u16, FaseCode)> = opties.jaren.iter().map(|j| (j.jaar, j.fase)).collect();
    assert_eq!(
        blocks,
        vec![
            (2026, FaseCode::Begroting),
            (2025, FaseCode::Realisatie),
            (2025, FaseCode::Begroting),
            (2024, FaseCode::Realisatie)
        ]
    );
    let gemeenten: Vec<String> = opties
        .organisaties
        .iter()
        .filter(|o| o.soort == "gemeente")
        .map(|o| o.code.clone())
        .collect();
    let mut checked = 0;
    for own in gemeenten.iter().step_by(17) {
        for (jaar, fase) in &blocks {
            for cat in &opties.categorieen {
                for ind in &opties.indicatoren {
                    if ind.code == "uitputting" {
                        continue; // not in a single bundle; checked below
                    }
                    for groep in ["gemeenten", "grootteklasse"] {
                        let v = vergelijken::compare_view(
                            s,
                            &req(
                                own,
                                &cat.code,
                                ind.code.as_str(),
                                *jaar,
                                fase.as_str(),
                                groep,
                            ),
                        )
                        .unwrap();
                        let k = &kengetallen[&[
                            own.clone(),
                            jaar.to_string(),
                            fase.to_string(),
                            cat.code.clone(),
                        ]];
                        assert_eq!(
                            num(&v.eigen.waarde),
                            k[ind.code.as_str()],
                            "{own} {jaar} {fase} {} {}",
                            cat.code,
                            ind.code
                        );
                        assert!(
                            !v.opmerkingen.iter().any(|o| o.contains("wijken af")),
                            "{:?}",
                            v.opmerkingen
                        );
                        let code = match groep {
                            "gemeenten" => "gemeenten".to_string(),
                            _ => format!("grootteklasse_{}", k["grootteklasse"]),
                        };
                        let key = [
                            jaar.to_string(),
                            fase.to_string(),
                            cat.code.clone(),
                            ind.code.to_string(),
                            code,
                        ];
                        match (stats.get(&key), &v.statistiek) {
                            (Some(row), Some(st)) => {
                                assert_eq!(st.n.to_string(), row["n"], "{key:?}");
                                for (mine, theirs) in [
                                    (&st.min, "min"),
                                    (&st.p25, "p25"),
                                    (&st.mediaan, "mediaan"),
                                    (&st.p75, "p75"),
                                    (&st.max, "max"),
                                    (&st.gemiddelde, "gemiddelde"),
                                ] {
                                    assert_eq!(mine.getal, row[theirs], "{key:?} {theirs}");
                                }
                                checked += 1;
                            }
                            (None, None) => {}
                            (a, b) => panic!("{key:?}: bundle {a:?}, comparison {b:?}"),
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 500, "{checked}");
}

#[test]
fn rank_table_trend_and_uitputting_across_two_bundles() {
    let mut f = fixture();
    let v: ComparisonView = vergelijken::compare_view(
        &f.session,
        &req(
            "GM5010",
            "RKK",
            "per_inwoner",
            2026,
            "begroting",
            "grootteklasse",
        ),
    )
    .unwrap();
    // Rows: highest first; the own row marked once; ranks consistent with the values.
    assert_eq!(v.rijen.iter().filter(|r| r.eigen).count(), 1);
    assert_eq!(v.eigen.code, "GM5010");
    let values: Vec<rust_decimal::Decimal> = v
        .rijen
        .iter()
        .filter_map(|r| r.waarde.as_ref().map(|g| g.getal.parse().unwrap()))
        .collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]));
    let p = v.positie.as_ref().unwrap();
    let own: rust_decimal::Decimal = v.eigen.waarde.as_ref().unwrap().getal.parse().unwrap();
    assert_eq!(
        p.plaats as usize,
        1 + values.iter().filter(|x| **x > own).count()
    );
    assert_eq!(p.van as usize, values.len());
    assert_eq!(p.plaats_tekst, format!("plaats {} van {}", p.plaats, p.van));
    assert!(v.tekstalternatief.contains(&p.plaats_tekst));
    assert_eq!(v.referenties.len(), 2);
    assert_eq!(v.referenties[0].waarde.tekst, "€ 1,00");
    // Trend: both loaded begroting years.
    assert_eq!(
        v.trend.iter().map(|t| t.jaar).collect::<Vec<_>>(),
        vec![2025, 2026]
    );
    assert_eq!(
        num(&v.trend[1].mediaan),
        v.statistiek.as_ref().unwrap().mediaan.getal
    );
    assert!(
        v.trend_tekst.starts_with("Van 2025 tot 2026"),
        "{}",
        v.trend_tekst
    );

    // Realisatie 2025 (uitvraag 2026) against begroting 2025 (uitvraag 2025): uitputting.
    let u = vergelijken::compare_view(
        &f.session,
        &req(
            "GM5010",
            "TOTAAL",
            "uitputting",
            2025,
            "realisatie",
            "gemeenten",
        ),
    )
    .unwrap();
    assert!(u.eigen.waarde.is_some());
    assert!(u.statistiek.as_ref().unwrap().n > 50);
    // Realisatie 2024 has no begroting 2024 loaded: no peer has uitputting; the own
    // organisation has (its store holds begroting 2024).
    let none = vergelijken::compare_view(
        &f.session,
        &req(
            "GM5010",
            "TOTAAL",
            "uitputting",
            2024,
            "realisatie",
            "gemeenten",
        ),
    )
    .unwrap();
    assert_eq!(none.statistiek.as_ref().unwrap().n, 1);
    assert!(none.eigen.waarde.is_some());

    // A hand-picked list, saved by name; the own organisation is always in it.
    let lists =
        vergelijken::save_peer_list(&mut f.session, "Buren", &["GM5003".into(), "GM5001".into()])
            .unwrap();
    assert_eq!(lists[0].codes, vec!["GM5001", "GM5003"]);
    let mut r = req("GM5010", "GRF", "per_inwoner", 2026, "begroting", "lijst");
    r.lijst = lists[0].codes.clone();
    let l = vergelijken::compare_view(&f.session, &r).unwrap();
    let codes: Vec<&str> = l.rijen.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes.len(), 3, "{codes:?}");
    assert!(codes.contains(&"GM5010"));
    assert_eq!(l.groep_naam, "zelf gekozen groep van 3 organisaties");

    // Groups that do not fit are refused with the reason.
    let err = vergelijken::compare_view(
        &f.session,
        &req(
            "GM5010",
            "GRF",
            "per_inwoner",
            2026,
            "begroting",
            "waterschappen",
        ),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("alleen voor waterschappen"),
        "{err}"
    );
    let opties = vergelijken::compare_options(&f.session, "GM5010").unwrap();
    let provincie = opties
        .groepen
        .iter()
        .find(|g| g.code == "provincie")
        .unwrap();
    assert!(!provincie.beschikbaar);
    assert!(provincie.reden.as_ref().unwrap().contains("register"));
}

#[test]
fn own_figures_come_from_the_store_and_a_difference_is_said() {
    let f = fixture();
    let mut s = f.session;
    let before = vergelijken::compare_view(
        &s,
        &req(
            "GM5010",
            "GRF",
            "kernbudget",
            2026,
            "begroting",
            "gemeenten",
        ),
    )
    .unwrap();
    s.set_value(&raadsbudget_usecases::values::SetValue {
        organisation: "GM5010".into(),
        jaar: 2026,
        fase: Fase::Begroting,
        post: "GRF.MATERIEEL".into(),
        input: raadsbudget_usecases::values::Input::Waarde("999999,00".into()),
        toelichting: None,
        uitvraag: None,
    })
    .unwrap();
    let after = vergelijken::compare_view(
        &s,
        &req(
            "GM5010",
            "GRF",
            "kernbudget",
            2026,
            "begroting",
            "gemeenten",
        ),
    )
    .unwrap();
    assert_ne!(before.eigen.waarde, after.eigen.waarde);
    assert_eq!(after.opmerkingen.len(), 1);
    assert!(
        after.opmerkingen[0].contains("wijken af van de geladen bundel"),
        "{:?}",
        after.opmerkingen
    );
}

#[test]
fn loading_is_checked_all_or_nothing_and_removable() {
    let f = fixture();
    let mut s = f.session;
    assert_eq!(vergelijken::source_views(&s).unwrap().len(), 2);
    // The same bundle again: refused, nothing added.
    let again = vergelijken::load_source(
        &mut s,
        &LoadSourceRequest {
            pad: f.root.join("bundel-2026").display().to_string(),
            register: None,
        },
    )
    .unwrap_err();
    assert!(again.to_string().contains("al geladen"), "{again}");
    // A broken waarden.csv: the message names file, line and column; nothing stored.
    let broken = f.root.join("kapot");
    std::fs::create_dir_all(&broken).unwrap();
    let text = std::fs::read_to_string(f.root.join("bundel-2026/waarden.csv")).unwrap();
    let mut lines: Vec<String> = text.split("\r\n").map(String::from).collect();
    let at = lines.iter().position(|l| l.contains(",GRF.")).unwrap();
    lines[at] = lines[at].replacen(",GRF.", ",GRF.BESTAAT_NIET_", 1);
    std::fs::write(broken.join("waarden.csv"), lines.join("\r\n")).unwrap();
    let second = vergelijken::source_views(&s).unwrap()[1].id;
    vergelijken::remove_source(&mut s, second).unwrap();
    let err = vergelijken::load_source(
        &mut s,
        &LoadSourceRequest {
            pad: broken.display().to_string(),
            register: None,
        },
    )
    .unwrap_err();
    let m = err.to_string();
    assert!(
        m.contains("waarden.csv")
            && m.contains(&format!("regel {}", at + 1))
            && m.contains("kolom post"),
        "{at}: {m}"
    );
    assert_eq!(vergelijken::source_views(&s).unwrap().len(), 1);
    let missing = vergelijken::load_source(
        &mut s,
        &LoadSourceRequest {
            pad: f.root.join("bestaat-niet").display().to_string(),
            register: None,
        },
    )
    .unwrap_err();
    assert_eq!(missing.kind(), "niet_gevonden");
    // Removing the last source leaves nothing to compare with.
    let id = vergelijken::source_views(&s).unwrap()[0].id;
    assert!(vergelijken::remove_source(&mut s, id).unwrap().is_empty());
    let err = vergelijken::compare_view(
        &s,
        &req(
            "GM5010",
            "GRF",
            "per_inwoner",
            2025,
            "begroting",
            "gemeenten",
        ),
    )
    .unwrap_err();
    assert!(err.to_string().contains("geen benchmarkgegevens"), "{err}");
    // The own data was never touched.
    assert!(!s
        .store()
        .dataset(&raadsbudget_domain::OrgCode::parse("GM5010").unwrap())
        .unwrap()
        .is_empty());
}

#[test]
fn a_register_gives_the_province_group() {
    let f = fixture();
    let mut s = f.session;
    for src in vergelijken::source_views(&s).unwrap() {
        vergelijken::remove_source(&mut s, src.id).unwrap();
    }
    let opties = vergelijken::compare_options(&s, "GM5010").unwrap();
    assert!(opties.bronnen.is_empty());
    // A register that puts every second demo gemeente in Utrecht, the rest in Gelderland.
    let mut reg = String::from("\u{feff}gemeentecode;gemeentenaam;provinciecode;provincienaam\r\n");
    let demo = raadsbudget_demo::demo_datasets(2026, AANTAL, SEED);
    for (i, d) in demo.iter().enumerate() {
        let (pc, pn) = if i % 2 == 0 {
            ("PV26", "Utrecht")
        } else {
            ("PV25", "Gelderland")
        };
        reg.push_str(&format!(
            "{};\"{}\";{pc};{pn}\r\n",
            d.organisation.code, d.organisation.naam
        ));
    }
    let reg_path = f.root.join("register.csv");
    std::fs::write(&reg_path, reg).unwrap();
    let bron = vergelijken::load_source(
        &mut s,
        &LoadSourceRequest {
            pad: f.root.join("bundel-2026/waarden.csv").display().to_string(),
            register: Some(reg_path.display().to_string()),
        },
    )
    .unwrap();
    assert_eq!(bron.organisaties as usize, AANTAL);
    assert_eq!(bron.met_provincie as usize, AANTAL);
    let own = demo
        .iter()
        .position(|d| d.organisation.code.as_str() == "GM5010")
        .unwrap();
    let want = if own % 2 == 0 {
        "Utrecht"
    } else {
        "Gelderland"
    };
    let v = vergelijken::compare_view(
        &s,
        &req(
            "GM5010",
            "GRF",
            "per_inwoner",
            2026,
            "begroting",
            "provincie",
        ),
    )
    .unwrap();
    assert_eq!(v.groep_naam, format!("gemeenten in de provincie {want}"));
    assert!(v.rijen.iter().all(|r| r.provincie.as_deref() == Some(want)));
    assert!(v.rijen.len() > 20);
}

#[test]
fn the_comparison_table_as_csv_matches_its_golden_file() {
    let f = fixture();
    let out = f.root.join("export/vergelijking.csv");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let written = vergelijken::export_comparison(
        &f.session,
        &req(
            "GM5010",
            "RKK",
            "per_inwoner",
            2026,
            "begroting",
            "grootteklasse",
        ),
        &out,
    )
    .unwrap();
    let bytes = std::fs::read(&written).unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/vergelijking.csv");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &bytes).unwrap();
    }
    assert_eq!(
        String::from_utf8(bytes).unwrap(),
        std::fs::read_to_string(&golden).unwrap(),
        "run UPDATE_GOLDEN=1 cargo test -p raadsbudget-usecases --test vergelijken when intended"
    );
}

#[test]
fn charts_are_written_only_as_svg_or_png() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("g.svg");
    save_chart(
        &svg,
        Some("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"),
        None,
    )
    .unwrap();
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
    let png = dir.path().join("g.png");
    save_chart(&png, None, Some(b"\x89PNG\r\n\x1a\nrest")).unwrap();
    for (s, p) in [
        (Some("<html>"), None),
        (None, Some(&b"GIF89a"[..])),
        (None, None),
        (Some("<svg/>"), Some(&b"\x89PNG\r\n\x1a\n"[..])),
    ] {
        let err = save_chart(&dir.path().join("x"), s, p).unwrap_err();
        assert_eq!(err.kind(), "invoer");
    }
    assert!(!dir.path().join("x").exists());
}

#[test]
fn factsheets_for_every_organisation_from_the_bundles_alone() {
    let f = fixture();
    let uit = f.root.join("factsheets");
    let written = FactsheetRun {
        bundels: vec![f.root.join("bundel-2025"), f.root.join("bundel-2026")],
        register: None,
        uit: uit.clone(),
        organisatie: None,
        uitvraag: None,
        html: true,
    }
    .run()
    .unwrap();
    assert_eq!(written.len(), 2 * AANTAL);
    assert!(uit.join("factsheet_2026_GM5010.pdf").is_file());
    let html = std::fs::read_to_string(uit.join("factsheet_2026_GM5010.html")).unwrap();
    // The own total per inwoner, as in kengetallen.csv, is on the sheet.
    let k = table(&f.root.join("bundel-2026/kengetallen.csv"));
    let row = k
        .iter()
        .find(|r| {
            r["organisatie_code"] == "GM5010"
                && r["jaar"] == "2026"
                && r["fase"] == "begroting"
                && r["categorie"] == "TOTAAL"
        })
        .unwrap();
    // Published with 4 decimals, shown with 2.
    let published: rust_decimal::Decimal = row["per_inwoner"].parse().unwrap();
    assert_eq!(published.scale(), 4, "kengetallen.csv keeps 4 decimals");
    let dutch = raadsbudget_domain::value::format_dutch(published, 2);
    assert!(
        html.contains(&format!("€ {dutch}")),
        "€ {dutch} not in the factsheet"
    );
    // The app's factsheet is the same document.
    let view = vergelijken::factsheet_view(&f.session, "GM5010", 2026).unwrap();
    assert!(view.html.contains(&format!("€ {dutch}")));
    assert!(view.titel.contains("GM5010"));
    // One organisation only; an unknown one is refused.
    let one = FactsheetRun {
        bundels: vec![f.root.join("bundel-2026")],
        register: None,
        uit: f.root.join("een"),
        organisatie: Some("GM5010".into()),
        uitvraag: Some(2026),
        html: false,
    }
    .run()
    .unwrap();
    assert_eq!(one.len(), 1);
    let err = FactsheetRun {
        bundels: vec![f.root.join("bundel-2026")],
        register: None,
        uit: f.root.join("geen"),
        organisatie: Some("GM9999".into()),
        uitvraag: None,
        html: false,
    }
    .run()
    .unwrap_err();
    assert!(err.to_string().contains("GM9999"), "{err}");
}
