//! The mapping between catalogue versions: a table test for 2026.1 → 2027.1 and property
//! tests over every kind of change, on synthetic catalogues registered after the embedded ones.

use proptest::prelude::*;
use raadsbudget_domain::catalogue::{Catalogue, ChangeKind};
use raadsbudget_domain::fase::Fase;
use raadsbudget_domain::kengetallen::{Indicator, TOTAAL};
use raadsbudget_domain::mapping::{
    carry, indicator_comparable, map_set, post_comparable, Break, Carry,
};

fn v26() -> &'static Catalogue {
    Catalogue::get("2026.1").unwrap()
}
fn v27() -> &'static Catalogue {
    Catalogue::get("2027.1").unwrap()
}
fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn carrying_last_years_values_from_2026_1_to_2027_1() {
    use Fase::*;
    let table: &[(Fase, &str, Carry)] = &[
        (
            Begroting,
            "GRF.PERSONEEL",
            Carry::Value {
                from: strings(&["GRF.PERSONEEL"]),
            },
        ),
        (
            Realisatie,
            "ENQ.STELPOST",
            Carry::Value {
                from: strings(&["ENQ.RESERVERING"]),
            },
        ),
        (
            Begroting,
            "GRF.MATERIEEL",
            Carry::Total {
                from: strings(&["GRF.MATERIEEL"]),
                parts: strings(&["GRF.MATERIEEL", "GRF.INFORMATIEVOORZIENING"]),
            },
        ),
        (
            Realisatie,
            "GRF.INFORMATIEVOORZIENING",
            Carry::Total {
                from: strings(&["GRF.MATERIEEL"]),
                parts: strings(&["GRF.MATERIEEL", "GRF.INFORMATIEVOORZIENING"]),
            },
        ),
        (
            Begroting,
            "RKK.INZET_GRIFFIE",
            Carry::Total {
                from: strings(&["RKK.PERSONEEL"]),
                parts: strings(&["RKK.PERSONEEL", "RKK.INZET_GRIFFIE"]),
            },
        ),
        (
            Begroting,
            "GRF.FTE",
            Carry::Value {
                from: strings(&["GRF.FTE"]),
            },
        ),
        (Kenmerk, "KEN.REKENKAMER_LEDEN", Carry::New),
        (
            Kenmerk,
            "KEN.INWONERS",
            Carry::Value {
                from: strings(&["KEN.INWONERS"]),
            },
        ),
    ];
    for (fase, post, want) in table {
        assert_eq!(&carry(v26(), v27(), *fase, post), want, "{fase:?} {post}");
    }
    // Backwards (a value entered under the newer version read in an older uitvraag): only
    // what is carried as itself.
    assert_eq!(
        carry(v27(), v26(), Kenmerk, "KEN.FRACTIES"),
        Carry::Value {
            from: strings(&["KEN.FRACTIES"])
        }
    );
    assert_eq!(
        carry(v27(), v26(), Begroting, "ENQ.RESERVERING"),
        Carry::Value {
            from: strings(&["ENQ.STELPOST"])
        }
    );
    assert_eq!(carry(v27(), v26(), Begroting, "GRF.MATERIEEL"), Carry::New);
    assert_eq!(carry(v27(), v26(), Realisatie, "GRF.FTE"), Carry::New);
    for post in ["GRF.FTE", "RKK.FTE"] {
        match carry(v26(), v27(), Realisatie, post) {
            Carry::OtherDefinition {
                from,
                reason: Break::Changed { toelichting, .. },
            } => {
                assert_eq!(from, post);
                assert!(toelichting.contains("gemiddelde bezetting"));
            }
            other => panic!("{post}: {other:?}"),
        }
    }
}

#[test]
fn what_is_comparable_between_2026_1_and_2027_1() {
    use Fase::*;
    assert_eq!(
        post_comparable(v26(), v27(), Begroting, "ENQ.RESERVERING"),
        Ok("ENQ.STELPOST".into())
    );
    assert_eq!(
        post_comparable(v27(), v26(), Begroting, "ENQ.STELPOST"),
        Ok("ENQ.RESERVERING".into())
    );
    assert_eq!(
        post_comparable(v26(), v27(), Begroting, "GRF.FTE"),
        Ok("GRF.FTE".into())
    );
    for (a, b, post) in [
        (v26(), v27(), "GRF.MATERIEEL"),
        (v27(), v26(), "GRF.MATERIEEL"),
        (v27(), v26(), "GRF.INFORMATIEVOORZIENING"),
        (v26(), v27(), "RKK.PERSONEEL"),
    ] {
        let e = post_comparable(a, b, Realisatie, post).unwrap_err();
        assert!(
            matches!(
                e,
                Break::Partial {
                    soort: ChangeKind::Gesplitst,
                    ..
                }
            ),
            "{post}: {e:?}"
        );
        assert!(e.reason().contains("alleen het totaal"), "{}", e.reason());
    }
    assert!(matches!(
        post_comparable(v26(), v27(), Realisatie, "GRF.FTE"),
        Err(Break::Changed { .. })
    ));
    assert!(matches!(
        post_comparable(v26(), v27(), Begroting, "ENQ.AANTAL"),
        Err(Break::Retired { .. })
    ));
    assert!(matches!(
        post_comparable(v27(), v26(), Kenmerk, "KEN.REKENKAMER_LEDEN"),
        Err(Break::New { .. })
    ));
    // The sum of a split's parts is comparable with the old post.
    let m = map_set(
        v27(),
        v26(),
        Begroting,
        &["GRF.MATERIEEL", "GRF.INFORMATIEVOORZIENING"],
    );
    assert_eq!(
        (m.codes.into_iter().collect::<Vec<_>>(), m.broken),
        (strings(&["GRF.MATERIEEL"]), None)
    );
    // Kengetallen: every kernbudget and per-inwoner figure, and the totaal, stay comparable;
    // realisatie fte does not, begroting fte does.
    for categorie in ["GRF", "RKK", "FRO", "ENQ", TOTAAL] {
        for fase in [Begroting, Realisatie] {
            for ind in [
                Indicator::Kernbudget,
                Indicator::PerInwoner,
                Indicator::PerZetel,
                Indicator::Uitputting,
            ] {
                assert_eq!(
                    indicator_comparable(v26(), v27(), categorie, fase, ind),
                    Ok(()),
                    "{categorie} {fase:?} {ind:?}"
                );
                assert_eq!(
                    indicator_comparable(v27(), v26(), categorie, fase, ind),
                    Ok(())
                );
            }
        }
    }
    for categorie in ["GRF", "RKK"] {
        for ind in [Indicator::Fte, Indicator::FtePer10000] {
            assert_eq!(
                indicator_comparable(v26(), v27(), categorie, Begroting, ind),
                Ok(())
            );
            let e = indicator_comparable(v26(), v27(), categorie, Realisatie, ind).unwrap_err();
            assert!(e.reason().contains("andere definitie"), "{}", e.reason());
        }
    }
}

/// A third version after the embedded ones, added at run time as a user would: ENQ.EXTERN and
/// ENQ.INTERN merged into ENQ.KOSTEN, and ENQ.STELPOST renamed again.
fn v28() -> &'static Catalogue {
    static ONCE: std::sync::OnceLock<&'static Catalogue> = std::sync::OnceLock::new();
    ONCE.get_or_init(|| {
        let base = v27().source();
        let cut = base.find("\n# Wijzigingen").unwrap();
        let base = &base[..base[..cut].rfind("\n\n").unwrap() + 1];
        let start = base.find("[[post]]\ncode = \"ENQ.INTERN\"").unwrap();
        let end = start + base[start..].find("\n\n").map_or(base.len() - start, |e| e + 2);
        let text = format!("{}{}", &base[..start], &base[end.min(base.len())..])
            .replacen("versie = \"2027.1\"", "versie = \"2028.1\"", 1)
            .replacen("uitvraag_vanaf = 2027", "uitvraag_vanaf = 2028", 1)
            .replacen("code = \"ENQ.EXTERN\"", "code = \"ENQ.KOSTEN\"", 1)
            .replacen("code = \"ENQ.STELPOST\"", "code = \"ENQ.RESERVE\"", 1)
            + "\n[[wijziging]]\nsoort = \"samengevoegd\"\nvan = [\"ENQ.EXTERN\", \"ENQ.INTERN\"]\nnaar = [\"ENQ.KOSTEN\"]\ntoelichting = \"Externe en interne kosten van enquêtes staan voortaan samen in ENQ.KOSTEN.\"\n\n[[wijziging]]\nsoort = \"hernoemd\"\nvan = [\"ENQ.STELPOST\"]\nnaar = [\"ENQ.RESERVE\"]\ntoelichting = \"ENQ.STELPOST heet nu ENQ.RESERVE.\"\n";
        Catalogue::add(&text).unwrap().catalogue()
    })
}

#[test]
fn a_merge_carries_the_sum_and_a_chain_of_two_steps_composes() {
    use Fase::*;
    assert_eq!(v28().predecessor().unwrap().versie, "2027.1");
    assert!(!v28().is_embedded());
    assert_eq!(
        carry(v27(), v28(), Begroting, "ENQ.KOSTEN"),
        Carry::Value {
            from: strings(&["ENQ.EXTERN", "ENQ.INTERN"])
        }
    );
    assert_eq!(
        carry(v26(), v28(), Begroting, "ENQ.RESERVE"),
        Carry::Value {
            from: strings(&["ENQ.RESERVERING"])
        }
    );
    assert_eq!(
        post_comparable(v26(), v28(), Realisatie, "ENQ.RESERVERING"),
        Ok("ENQ.RESERVE".into())
    );
    let e = post_comparable(v26(), v28(), Realisatie, "ENQ.EXTERN").unwrap_err();
    assert!(
        matches!(
            e,
            Break::Partial {
                soort: ChangeKind::Samengevoegd,
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(
        indicator_comparable(v26(), v28(), "ENQ", Begroting, Indicator::Kernbudget),
        Ok(())
    );
    assert_eq!(
        indicator_comparable(v28(), v26(), TOTAAL, Realisatie, Indicator::PerInwoner),
        Ok(())
    );
    assert!(indicator_comparable(v26(), v28(), "GRF", Realisatie, Indicator::Fte).is_err());
}

/// The posts of 2026.1 the property draws from: one or more of every kind of change on the
/// way to 2028.1 (gelijk, hernoemd twice, gesplitst, samengevoegd, gewijzigd, vervallen).
const POOL: [&str; 10] = [
    "GRF.PERSONEEL",
    "GRF.INHUUR",
    "GRF.MATERIEEL",
    "RKK.PERSONEEL",
    "GRF.FTE",
    "RKK.FTE",
    "ENQ.RESERVERING",
    "ENQ.EXTERN",
    "ENQ.INTERN",
    "ENQ.AANTAL",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    /// Over every kind: a set of 2026.1 posts is comparable with 2028.1 exactly when the
    /// oracle says so (no changed or retired post, both or neither part of the merge), the
    /// comparison is the same both ways, and a comparable set maps back to itself.
    #[test]
    fn comparability_follows_the_kinds(subset in proptest::collection::btree_set(0usize..POOL.len(), 1..POOL.len()), realisatie: bool) {
        let fase = if realisatie { Fase::Realisatie } else { Fase::Begroting };
        let chosen: Vec<&str> = subset.iter().map(|&i| POOL[i]).collect();
        let has = |c: &str| chosen.contains(&c);
        let oracle = !has("ENQ.AANTAL")
            && !(realisatie && (has("GRF.FTE") || has("RKK.FTE")))
            && has("ENQ.EXTERN") == has("ENQ.INTERN");
        let there = map_set(v26(), v28(), fase, &chosen);
        prop_assert_eq!(there.broken.is_none(), oracle, "{:?} {:?}", chosen, there.broken);
        let codes: Vec<&str> = there.codes.iter().map(String::as_str).collect();
        let back = map_set(v28(), v26(), fase, &codes);
        if oracle {
            prop_assert_eq!(back.broken, None);
            let mut want = strings(&chosen);
            want.sort();
            prop_assert_eq!(back.codes.into_iter().collect::<Vec<_>>(), want);
            // The parts of the split are in the image, the renamed posts under their new name.
            prop_assert_eq!(there.codes.contains("GRF.INFORMATIEVOORZIENING"), has("GRF.MATERIEEL"));
            prop_assert_eq!(there.codes.contains("ENQ.RESERVE"), has("ENQ.RESERVERING"));
            prop_assert_eq!(there.codes.contains("ENQ.KOSTEN"), has("ENQ.EXTERN"));
        }
        // A single post is comparable exactly when it is gelijk or hernoemd all the way.
        for post in &chosen {
            let single = post_comparable(v26(), v28(), fase, post).is_ok();
            let want = matches!(*post, "GRF.PERSONEEL" | "GRF.INHUUR" | "ENQ.RESERVERING")
                || (!realisatie && matches!(*post, "GRF.FTE" | "RKK.FTE"));
            prop_assert_eq!(single, want, "{}", post);
        }
    }
}

/// The change warning (W001) and the budget deviation (W002) compare like with like across
/// 2026.1 → 2027.1: the sum of a split's parts against the old total, a renamed post against
/// its old code.
#[test]
fn warnings_compare_like_with_like_across_versions() {
    use raadsbudget_domain::validation::validate_uitvraag;
    use raadsbudget_domain::{Dataset, Entry, FindingCode, Organisation, Record, Value};
    use rust_decimal::Decimal;
    let put = |d: &mut Dataset, cat: &Catalogue, jaar: u16, fase: Fase, post: &str, euros: i64| {
        d.set(
            jaar,
            fase,
            post,
            Record {
                entry: Entry::Value(Value::Decimal(Decimal::new(euros * 100, 2))),
                toelichting: String::new(),
                definities: cat.version(),
            },
        );
    };
    let warnings = |materieel: i64, info: i64, stelpost: i64| {
        let mut d = Dataset::new(Organisation::new("GM0363", "Amsterdam").unwrap());
        // Uitvraag 2026 (2026.1): begroting 2026. Uitvraag 2027 (2027.1): begroting 2027 and
        // realisatie 2026.
        put(
            &mut d,
            v26(),
            2026,
            Fase::Begroting,
            "GRF.MATERIEEL",
            100_000,
        );
        put(
            &mut d,
            v26(),
            2026,
            Fase::Begroting,
            "ENQ.RESERVERING",
            50_000,
        );
        for (jaar, fase) in [(2027, Fase::Begroting), (2026, Fase::Realisatie)] {
            put(&mut d, v27(), jaar, fase, "GRF.MATERIEEL", materieel);
            put(&mut d, v27(), jaar, fase, "GRF.INFORMATIEVOORZIENING", info);
            put(&mut d, v27(), jaar, fase, "ENQ.STELPOST", stelpost);
        }
        let findings = validate_uitvraag(v27(), &d, 2027);
        findings
            .into_iter()
            .filter(|f| {
                matches!(
                    f.code,
                    FindingCode::YearOnYear | FindingCode::BudgetDeviation
                )
            })
            .map(|f| (f.code, f.location.post.unwrap_or_default(), f.message))
            .collect::<Vec<_>>()
    };
    // 70.000 + 30.000 is the old 100.000; the stelpost is the old reservering: no warning.
    assert_eq!(warnings(70_000, 30_000, 50_000), []);
    // Part of the split alone would have looked like a drop of 60 %; only the sum counts.
    let w = warnings(30_000, 10_000, 50_000);
    assert_eq!(w.len(), 2, "{w:#?}");
    for (code, post, message) in &w {
        assert_eq!(post, "GRF.MATERIEEL");
        assert!(
            message.contains("GRF.MATERIEEL + GRF.INFORMATIEVOORZIENING samen"),
            "{message}"
        );
        assert!(
            message.contains("€ 40.000,00") && message.contains("€ 100.000,00"),
            "{code:?} {message}"
        );
    }
    let w = warnings(70_000, 30_000, 5_000);
    assert_eq!(
        w.iter()
            .map(|(c, p, _)| (*c, p.as_str()))
            .collect::<Vec<_>>(),
        [
            (FindingCode::BudgetDeviation, "ENQ.STELPOST"),
            (FindingCode::YearOnYear, "ENQ.STELPOST")
        ]
    );
}

/// W005 (fte without loonkosten) under 2027.1 counts the griffie staff's hours for the
/// rekenkamer, split off RKK.PERSONEEL, as loonkosten of the rekenkamer's fte.
#[test]
fn fte_without_cost_counts_the_split_off_part() {
    use raadsbudget_domain::validation::validate_uitvraag;
    use raadsbudget_domain::{Dataset, Entry, FindingCode, Organisation, Record, Value};
    use rust_decimal::Decimal;
    let w005 = |inzet: i64| {
        let mut d = Dataset::new(Organisation::new("GM0363", "Amsterdam").unwrap());
        let mut put = |post: &str, v: Decimal| {
            d.set(
                2027,
                Fase::Begroting,
                post,
                Record {
                    entry: Entry::Value(Value::Decimal(v)),
                    toelichting: String::new(),
                    definities: v27().version(),
                },
            );
        };
        put("RKK.FTE", Decimal::new(150, 2));
        put("RKK.PERSONEEL", Decimal::new(0, 2));
        put("RKK.INZET_GRIFFIE", Decimal::new(inzet * 100, 2));
        validate_uitvraag(v27(), &d, 2027)
            .into_iter()
            .filter(|f| f.code == FindingCode::FteWithoutCost)
            .map(|f| f.message)
            .collect::<Vec<_>>()
    };
    assert_eq!(w005(30_000), Vec::<String>::new());
    let m = w005(0);
    assert_eq!(m.len(), 1);
    assert!(
        m[0].contains("RKK.PERSONEEL + RKK.INZET_GRIFFIE is € 0,00"),
        "{}",
        m[0]
    );
}
