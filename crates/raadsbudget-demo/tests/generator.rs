//! The demo generator: deterministic, valid for every uitvraag, varied like real data, with
//! magnitudes that follow published figures.

use raadsbudget_demo::{demo_datasets, demo_history, MAX_AANTAL};
use raadsbudget_domain::catalogue::posts;
use raadsbudget_domain::fase::uitvraag_blocks;
use raadsbudget_domain::grootteklasse::grootteklasse;
use raadsbudget_domain::kengetallen::kengetallen_for;
use raadsbudget_domain::validation::validate_uitvraag;
use raadsbudget_domain::{Catalogue, Dataset, Entry, Fase, Jaar, OrgType, Reason, Value};
use raadsbudget_domain::{Finding, FindingCode, Severity};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

const U: Jaar = 2026;
const NVT: Entry = Entry::Reason(Reason::Nvt);
const ONBEKEND: Entry = Entry::Reason(Reason::Onbekend);

fn errors(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.code.severity() == Severity::Fout)
        .collect()
}

fn count_of(data: &Dataset, jaar: Jaar, post: &str) -> u64 {
    match data.entry(jaar, Fase::Kenmerk, post) {
        Some(Entry::Value(Value::Count(n))) => *n,
        other => panic!("{} {post}: {other:?}", data.organisation.code),
    }
}

fn per_inwoner(data: &Dataset, jaar: Jaar, fase: Fase, category: &str) -> Option<Decimal> {
    kengetallen_for(Catalogue::for_uitvraag(2026), data, jaar, fase, category).per_inwoner
}

fn median(mut values: Vec<Decimal>) -> Decimal {
    values.sort();
    values[values.len() / 2]
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

#[test]
fn same_seed_same_data_other_seed_other_data() {
    let a = demo_datasets(U, 60, 7);
    assert_eq!(a, demo_datasets(U, 60, 7));
    assert_ne!(a, demo_datasets(U, 60, 8));
    assert_eq!(
        demo_history(2022, 2026, 30, 3),
        demo_history(2022, 2026, 30, 3)
    );
    // A fixed point, so a change of the generator (or a platform difference) shows up.
    let first = &a[0];
    assert_eq!(first.organisation.code.as_str(), "GM5000");
    assert!(first.organisation.naam.starts_with("Demo "));
}

#[test]
fn uitvraag_is_the_four_blocks_of_the_history() {
    let cat = Catalogue::for_uitvraag(2026);
    let history = demo_history(2023, 2027, 40, 11);
    let uitvraag = demo_datasets(U, 40, 11);
    assert_eq!(history.len(), uitvraag.len());
    for (h, d) in history.iter().zip(&uitvraag) {
        assert_eq!(h.organisation, d.organisation);
        assert_eq!(d.blocks(), uitvraag_blocks(U).to_vec());
        let mut expected = h.clone();
        expected.retain(|(j, f, _), _| uitvraag_blocks(U).contains(&(j, f)));
        assert_eq!(&expected, d);
        assert!(d
            .records()
            .map(|(_, r)| r)
            .all(|r| r.definities == cat.versie));
    }
}

#[test]
fn four_hundred_organisations_are_valid_and_varied() {
    let cat = Catalogue::for_uitvraag(2026);
    for seed in [1, 2, 3, 20260101] {
        let all = demo_datasets(U, 400, seed);
        assert_eq!(all.len(), 400);
        let codes: BTreeSet<&str> = all.iter().map(|d| d.organisation.code.as_str()).collect();
        assert_eq!(codes.len(), 400, "codes unique");
        let names: BTreeSet<&str> = all.iter().map(|d| d.organisation.naam.as_str()).collect();
        assert_eq!(names.len(), 400, "names unique");
        let mut klassen = [0usize; 8];
        let (mut pv, mut ws, mut gr, mut enq, mut onbekend) = (0, 0, 0, 0, 0);
        let mut warnings = BTreeSet::new();
        for data in &all {
            let findings = validate_uitvraag(cat, data, U);
            assert!(
                errors(&findings).is_empty(),
                "{}: {:#?}",
                data.organisation.code,
                errors(&findings)
            );
            warnings.extend(findings.iter().map(|f| f.code));
            for record in data.records().map(|(_, r)| r) {
                if let Entry::Value(Value::Decimal(d)) = &record.entry {
                    assert!(!d.is_sign_negative() && d.scale() <= 2, "{d}");
                }
            }
            let code = data.organisation.code.as_str();
            match data.organisation.org_type() {
                OrgType::Gemeente => {
                    assert!(code >= "GM5000", "{code}");
                    let inwoners = count_of(data, U, posts::INWONERS);
                    klassen[usize::from(grootteklasse(inwoners)) - 1] += 1;
                    let fracties = count_of(data, U, posts::FRACTIES);
                    assert!((5..=14).contains(&fracties), "{code}: {fracties}");
                }
                OrgType::Provincie => {
                    pv += 1;
                    assert!(data.organisation.naam.starts_with("Provincie Demo "));
                    let inwoners = count_of(data, U, posts::INWONERS);
                    assert!((380_000..=3_900_000).contains(&inwoners), "{inwoners}");
                    let zetels = count_of(data, U, posts::ZETELS);
                    assert!((39..=55).contains(&zetels), "{zetels}");
                    let fte = data.decimal(U, Fase::Begroting, "GRF.FTE").unwrap();
                    assert!(fte >= dec("15") && fte <= dec("40"), "{fte}");
                }
                OrgType::Waterschap => {
                    ws += 1;
                    assert!(code >= "WS5001", "{code}");
                    assert!(data.organisation.naam.starts_with("Waterschap Demo "));
                    let zetels = count_of(data, U, posts::ZETELS);
                    assert!((18..=30).contains(&zetels), "{zetels}");
                }
            }
            if data.code(U, Fase::Kenmerk, posts::REKENKAMERVORM)
                == Some(posts::VORM_GEMEENSCHAPPELIJK)
            {
                gr += 1;
                let n = count_of(data, U, posts::GR_DEELNEMERS);
                assert!((2..=8).contains(&n), "{n}");
            }
            if data.decimal(U, Fase::Begroting, "ENQ.AANTAL") == Some(Decimal::ONE) {
                enq += 1;
                let kosten = data.decimal(U, Fase::Begroting, "ENQ.EXTERN").unwrap()
                    + data.decimal(U, Fase::Begroting, "ENQ.INTERN").unwrap();
                assert!(
                    kosten >= dec("100000") && kosten <= dec("2100000"),
                    "{kosten}"
                );
            }
            if data.records().map(|(_, r)| r).any(|r| r.entry == ONBEKEND) {
                onbekend += 1;
            }
        }
        assert!(klassen.iter().all(|&n| n >= 3), "seed {seed}: {klassen:?}");
        assert!(
            klassen[3] > klassen[0] && klassen[3] > klassen[7],
            "{klassen:?}"
        );
        assert_eq!(pv, 12);
        assert_eq!(ws, 28);
        assert!(gr >= 1 && enq >= 1, "seed {seed}: gr {gr}, enq {enq}");
        assert!(
            (4..=60).contains(&onbekend),
            "seed {seed}: onbekend {onbekend}"
        );
        assert!(warnings.contains(&FindingCode::Seats), "seed {seed}: W003");
    }
}

#[test]
fn the_mix_holds_for_small_and_large_numbers() {
    assert!(demo_datasets(U, 0, 1).is_empty());
    let one = demo_datasets(U, 1, 1);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].organisation.org_type(), OrgType::Gemeente);
    let many = demo_datasets(U, 2_000, 5);
    let of = |t| {
        many.iter()
            .filter(|d| d.organisation.org_type() == t)
            .count()
    };
    assert_eq!(
        (
            of(OrgType::Gemeente),
            of(OrgType::Provincie),
            of(OrgType::Waterschap)
        ),
        (1_848, 12, 140)
    );
    assert_eq!(demo_datasets(U, 1_000_000, 5).len(), MAX_AANTAL);
}

#[test]
fn the_edges_of_the_year_range_validate() {
    for u in [2001, 2100] {
        for data in demo_datasets(u, 30, 1) {
            let findings = validate_uitvraag(Catalogue::for_uitvraag(u), &data, u);
            assert!(errors(&findings).is_empty(), "{u}: {findings:#?}");
        }
    }
    // Nonsense years do not panic.
    assert_eq!(demo_datasets(0, 3, 1).len(), 3);
    assert_eq!(demo_history(u16::MAX, u16::MAX, 3, 1).len(), 3);
}

#[test]
fn waterschappen_fill_or_skip_the_optional_categories() {
    let all = demo_datasets(U, 400, 9);
    let ws: Vec<&Dataset> = all
        .iter()
        .filter(|d| d.organisation.org_type() == OrgType::Waterschap)
        .collect();
    let grf = |d: &Dataset| d.entry(U, Fase::Begroting, "GRF.PERSONEEL").cloned();
    assert!(ws.iter().any(|d| grf(d) == Some(NVT)));
    assert!(ws
        .iter()
        .any(|d| grf(d).is_some_and(|e| e.decimal().is_some())));
    for d in ws {
        assert!(
            d.decimal(U, Fase::Begroting, "RKK.LEDEN").is_some()
                || d.decimal(U, Fase::Begroting, posts::RKK_BIJDRAGE_GR)
                    .is_some()
        );
    }
}

#[test]
fn magnitudes_match_published_figures() {
    let all = demo_datasets(U, 400, 42);
    let gemeenten: Vec<&Dataset> = all
        .iter()
        .filter(|d| d.organisation.org_type() == OrgType::Gemeente)
        .collect();
    // Griffie: mean per inwoner € 8–14 overall and per grootteklasse.
    let mut per_klasse: [Vec<Decimal>; 8] = Default::default();
    for d in &gemeenten {
        if let Some(v) = per_inwoner(d, U, Fase::Begroting, "GRF") {
            let inw = count_of(d, U, posts::INWONERS);
            per_klasse[usize::from(grootteklasse(inw)) - 1].push(v);
        }
    }
    let mean = |v: &[Decimal]| v.iter().sum::<Decimal>() / Decimal::from(v.len());
    let alle: Vec<Decimal> = per_klasse.iter().flatten().copied().collect();
    let m = mean(&alle);
    assert!(m >= dec("8") && m <= dec("14"), "griffie mean {m}");
    for (k, v) in per_klasse.iter().enumerate() {
        let m = mean(v);
        assert!(m >= dec("8") && m <= dec("14.5"), "klasse {}: {m}", k + 1);
    }
    assert!(
        mean(&per_klasse[0]) > mean(&per_klasse[4]),
        "small gemeenten pay more"
    );

    // Griffie formation by size.
    let fte_mean = |lo: u64, hi: u64| {
        let v: Vec<Decimal> = gemeenten
            .iter()
            .filter(|d| (lo..hi).contains(&count_of(d, U, posts::INWONERS)))
            .filter_map(|d| d.decimal(U, Fase::Begroting, "GRF.FTE"))
            .collect();
        mean(&v)
    };
    let small = fte_mean(0, 25_000);
    let mid = fte_mean(25_000, 60_000);
    let large = fte_mean(60_000, u64::MAX);
    assert!(
        small >= dec("1.2") && small <= dec("2.2"),
        "fte < 25k: {small}"
    );
    assert!(mid >= dec("2.3") && mid <= dec("3.6"), "fte 25–60k: {mid}");
    assert!(large >= dec("4.5"), "fte > 60k: {large}");
    for d in &gemeenten {
        let fte = d.decimal(U, Fase::Begroting, "GRF.FTE").unwrap();
        let pers = d.decimal(U, Fase::Begroting, "GRF.PERSONEEL").unwrap();
        let per_fte = pers / fte;
        assert!(
            per_fte >= dec("84000") && per_fte <= dec("101000"),
            "{per_fte}"
        );
    }

    // Rekenkamer: median € 0,90–2,40 per inwoner; small gemeenten often € 10.000–30.000.
    let rkk: Vec<Decimal> = gemeenten
        .iter()
        .filter_map(|d| per_inwoner(d, U, Fase::Begroting, "RKK"))
        .collect();
    let med = median(rkk);
    assert!(
        med >= dec("0.90") && med <= dec("2.40"),
        "rekenkamer median {med}"
    );
    let small_rkk: Vec<Decimal> = gemeenten
        .iter()
        .filter(|d| count_of(d, U, posts::INWONERS) < 15_000)
        .filter_map(|d| {
            kengetallen_for(Catalogue::for_uitvraag(2026), d, U, Fase::Begroting, "RKK").kernbudget
        })
        .collect();
    let in_band = small_rkk
        .iter()
        .filter(|v| **v >= dec("10000") && **v <= dec("30000"))
        .count();
    assert!(
        in_band * 2 > small_rkk.len(),
        "{in_band} of {}",
        small_rkk.len()
    );

    // Fractieondersteuning: € 0,50–3,70 per inwoner for most; bijdragen follow the norms.
    let fro: Vec<Decimal> = gemeenten
        .iter()
        .filter_map(|d| per_inwoner(d, U, Fase::Begroting, "FRO"))
        .collect();
    let inside = fro
        .iter()
        .filter(|v| **v >= dec("0.50") && **v <= dec("3.70"))
        .count();
    assert!(inside * 10 >= fro.len() * 9, "{inside} of {}", fro.len());
    for d in &all {
        let (Some(nf), Some(nz), Some(b)) = (
            d.decimal(U, Fase::Begroting, "FRO.NORM_FRACTIE"),
            d.decimal(U, Fase::Begroting, "FRO.NORM_ZETEL"),
            d.decimal(U, Fase::Begroting, "FRO.BIJDRAGEN"),
        ) else {
            continue;
        };
        let f = Decimal::from(count_of(d, U, posts::FRACTIES));
        let z = Decimal::from(count_of(d, U, posts::ZETELS));
        assert_eq!(b, f * nf + z * nz, "{}", d.organisation.code);
        let r = d.decimal(U - 1, Fase::Realisatie, "FRO.BIJDRAGEN").unwrap();
        assert!(r > Decimal::ZERO);
    }

    // Totale lasten € 2.500–4.000 per inwoner (2026 price level).
    for d in &gemeenten {
        if let Some(l) = d.decimal(U, Fase::Kenmerk, posts::TOTALE_LASTEN) {
            let per = l / Decimal::from(count_of(d, U, posts::INWONERS));
            assert!(per >= dec("2400") && per <= dec("4100"), "{per}");
        }
    }
}

#[test]
fn toelichtingen_exercise_quoting_and_spreadsheet_safety() {
    let all = demo_datasets(U, 400, 4);
    let notes: Vec<&str> = all
        .iter()
        .flat_map(|d| d.records().map(|(_, r)| r))
        .map(|r| r.toelichting.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    let records: usize = all.iter().map(|d| d.len()).sum();
    assert!(notes.len() * 10 < records, "{} of {records}", notes.len());
    assert!(notes.iter().any(|t| t.contains(',')));
    assert!(notes.iter().any(|t| t.contains('"')));
    assert!(notes.iter().any(|t| t.starts_with(['=', '-', '+', '@'])));
    assert!(all
        .iter()
        .flat_map(|d| d.records().map(|(_, r)| r))
        .any(|r| r.entry == NVT && !r.toelichting.is_empty()));
}

#[test]
fn history_moves_plausibly_and_validates_every_year() {
    let (first, last) = (2021, 2027);
    let all = demo_history(first, last, 150, 77);
    assert_eq!(all.len(), 150);
    let mut org_years = 0usize;
    let mut w001 = 0usize;
    let mut enquete_years = 0usize;
    for data in &all {
        let blocks = data.blocks();
        assert_eq!(blocks.len(), 3 * usize::from(last - first + 1));
        for u in first + 1..=last {
            let findings = validate_uitvraag(Catalogue::for_uitvraag(u), data, u);
            assert!(
                errors(&findings).is_empty(),
                "{} {u}: {:#?}",
                data.organisation.code,
                errors(&findings)
            );
            org_years += 1;
            w001 += findings
                .iter()
                .filter(|f| f.code == FindingCode::YearOnYear)
                .filter(|f| !f.location.post.as_deref().unwrap_or("").starts_with("ENQ"))
                .count();
            let prev = count_of(data, u - 1, posts::INWONERS);
            let now = count_of(data, u, posts::INWONERS);
            assert!(
                now * 100 >= prev * 98 && now * 100 <= prev * 102,
                "{prev} → {now}"
            );
            if data.organisation.org_type() == OrgType::Gemeente {
                let kb = |j| {
                    kengetallen_for(Catalogue::for_uitvraag(j), data, j, Fase::Begroting, "GRF")
                        .kernbudget
                        .unwrap()
                };
                let ratio = kb(u) / kb(u - 1);
                assert!(ratio >= dec("0.80") && ratio <= dec("1.40"), "{ratio}");
            }
        }
        for j in first..=last {
            if data.decimal(j, Fase::Begroting, "ENQ.AANTAL") == Some(Decimal::ONE) {
                enquete_years += 1;
            }
        }
        // Not the same figure every year.
        let pers: BTreeSet<Decimal> = (first..=last)
            .filter_map(|j| data.decimal(j, Fase::Realisatie, "RKK.LEDEN"))
            .collect();
        assert!(
            pers.len() > 1
                || data
                    .decimal(first, Fase::Realisatie, "RKK.LEDEN")
                    .is_none_or(|v| v.is_zero())
        );
    }
    assert!(
        w001 * 10 < org_years,
        "W001 outside ENQ: {w001} in {org_years}"
    );
    assert!(
        enquete_years >= usize::from(last - first + 1),
        "{enquete_years}"
    );
}
