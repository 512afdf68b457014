//! Bundling end to end through the use case (the CLI and the desktop app call the same
//! function): 400 demo files plus hand-made bad, duplicate, corrected, conflicting and
//! spreadsheet-resaved files in a zip, with a register of 410 organisations.

use chrono::{Duration, TimeZone, Utc};
use raadsbudget_app::screens::bundle;
use raadsbudget_app::views::{BundleRequest, BundleView};
use raadsbudget_demo::demo_datasets;
use raadsbudget_domain::{Catalogue, Dataset, Entry, Fase, Record, Value, SOFTWARE};
use raadsbudget_formats::benchmark::{self, FileMeta};
use raadsbudget_usecases::demo_files::write_demo_files;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

const SEED: u64 = 7;

fn d(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

fn meta(data: &Dataset, revisie: u32, minute: i64) -> FileMeta {
    FileMeta {
        definities: Catalogue::for_uitvraag(2026).versie.clone(),
        uitvraag: 2026,
        organisation: data.organisation.clone(),
        revisie,
        aangemaakt_op: Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
            + Duration::minutes(minute),
        software: SOFTWARE.to_string(),
    }
}

fn render(meta: &FileMeta, data: &Dataset) -> Vec<u8> {
    let mut out = Vec::new();
    benchmark::write(&mut out, meta, data).unwrap();
    out
}

/// What a spreadsheet makes of a file: BOM, `;` with decimal comma, LF line ends.
fn resave_in_spreadsheet(bytes: &[u8]) -> Vec<u8> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    for record in reader.records() {
        let record = record.unwrap();
        let fields: Vec<String> = record
            .iter()
            .map(|f| {
                let amount = f.len() > 3
                    && f.as_bytes()[f.len() - 3] == b'.'
                    && f.chars().all(|c| c.is_ascii_digit() || c == '.');
                if amount {
                    f.replace('.', ",")
                } else {
                    f.to_string()
                }
            })
            .collect();
        writer.write_record(&fields).unwrap();
    }
    writer.into_inner().unwrap()
}

fn set_amount(data: &mut Dataset, jaar: u16, fase: Fase, post: &str, amount: &str) {
    let definities = Catalogue::for_uitvraag(2026).version();
    data.set(
        jaar,
        fase,
        post,
        Record {
            entry: Entry::Value(Value::Decimal(d(amount))),
            toelichting: String::new(),
            definities,
        },
    );
}

struct Fixture {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    demo: PathBuf,
    zip: PathBuf,
    register: PathBuf,
    datasets: Vec<Dataset>,
}

fn zip_files(path: &Path, files: &[(&str, Vec<u8>)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options =
        zip::write::SimpleFileOptions::default().last_modified_time(zip::DateTime::default());
    for (name, bytes) in files {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

fn fixture() -> Fixture {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    let demo = root.join("demo");
    write_demo_files(2026, 400, SEED, &demo).unwrap();
    let datasets = demo_datasets(2026, 400, SEED);
    let original = |i: usize| {
        std::fs::read(demo.join(benchmark::file_name(
            2026,
            &datasets[i].organisation.code,
            1,
        )))
        .unwrap()
    };

    // 1: a bad copy of organisation 1: a text where an amount belongs.
    let bad = String::from_utf8(original(1)).unwrap();
    let mut lines: Vec<String> = bad.split("\r\n").map(str::to_string).collect();
    let target = lines
        .iter()
        .position(|l| l.contains(",GRF.PERSONEEL,"))
        .unwrap();
    let mut fields: Vec<String> = lines[target].split(',').map(str::to_string).collect();
    fields[9] = "veel".into();
    lines[target] = fields.join(",");
    let bad = lines.join("\r\n").into_bytes();
    // 2: an exact duplicate of organisation 2.
    let duplicate = original(2);
    // 3: a corrected file of organisation 3: revisie 2, later, one amount changed.
    let mut corrected = datasets[3].clone();
    set_amount(
        &mut corrected,
        2026,
        Fase::Begroting,
        "GRF.MATERIEEL",
        "4321.00",
    );
    let corrected = render(&meta(&corrected, 2, 60 * 24 * 30), &corrected);
    // 4: organisation 4 opened and saved again in a spreadsheet.
    let resaved = resave_in_spreadsheet(&original(4));
    // 5: a conflict for organisation 5: same revisie and moment, other content.
    let mut other = datasets[5].clone();
    set_amount(&mut other, 2026, Fase::Begroting, "GRF.MATERIEEL", "1.00");
    let conflict = render(&meta(&other, 1, 5), &other);
    // 6: another uitvraagjaar.
    let old = demo_datasets(2025, 400, SEED).remove(6);
    let mut old_meta = meta(&old, 1, 0);
    old_meta.uitvraag = 2025;
    old_meta.aangemaakt_op = Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap();
    let old = render(&old_meta, &old);
    // 7: not a benchmark file at all.
    let garbage = b"\x00\x01PK rubbish".to_vec();

    let zip = root.join("nagekomen.zip");
    zip_files(
        &zip,
        &[
            ("mail/1_fout.csv", bad),
            ("mail/2_dubbel.csv", duplicate),
            ("mail/3_gecorrigeerd_r2.csv", corrected),
            ("mail/4_excel.csv", resaved),
            ("mail/5_conflict.csv", conflict),
            ("mail/6_vorig_jaar.csv", old),
            ("mail/7_onzin.csv", garbage),
            ("mail/leesmij.txt", b"niet meenemen".to_vec()),
        ],
    );

    // A CBS-like register: BOM, semicolons, quotes; the 400 plus 10 that sent nothing.
    let mut register =
        String::from("\u{feff}\"Gemeentecode\";\"GemeentecodeGM\";\"Gemeentenaam\"\r\n");
    for (i, data) in datasets.iter().enumerate() {
        let code = data.organisation.code.as_str();
        register.push_str(&format!(
            "\"{}\";\"{code}\";\"{}\"\r\n",
            i, data.organisation.naam
        ));
    }
    for i in 0..10 {
        register.push_str(&format!(
            "\"x\";\"GM{:04}\";\"Zonder Inzending {i}\"\r\n",
            100 + i
        ));
    }
    let register_path = root.join("gemeenten.csv");
    std::fs::write(&register_path, register).unwrap();

    Fixture {
        _tmp: tmp,
        root,
        demo,
        zip,
        register: register_path,
        datasets,
    }
}

fn request(f: &Fixture, invoer: Vec<String>, uit: &str) -> BundleRequest {
    BundleRequest {
        invoer,
        uit: f.root.join(uit).display().to_string(),
        register: Some(f.register.display().to_string()),
        uitvraag: Some(2026),
        xlsx: false,
    }
}

fn read_csv(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn status_of(view: &BundleView, suffix: &str) -> (String, String) {
    let file = view
        .inzendingen
        .iter()
        .find(|f| f.bestand.ends_with(suffix))
        .unwrap_or_else(|| panic!("{suffix} not bundled"));
    (file.status.to_string(), file.opmerking.clone())
}

#[test]
fn statuses_findings_and_response() {
    let f = fixture();
    let view = bundle(
        &request(
            &f,
            vec![f.demo.display().to_string(), f.zip.display().to_string()],
            "uit",
        ),
        &|_, _| {},
    )
    .unwrap();
    let code = |i: usize| f.datasets[i].organisation.code.as_str().to_string();

    assert_eq!(view.bestanden, 407);
    assert_eq!(view.overgeslagen, 1, "leesmij.txt is passed over");
    // 400 − conflict(5) + corrected(3 r2 replaces r1) = 399 accepted.
    assert_eq!(view.geaccepteerd, 399);
    assert_eq!(view.vervangen, 1);
    assert_eq!(view.dubbel, 2);
    assert_eq!(view.afgewezen, 5);
    assert_eq!(view.organisaties, 399);

    assert_eq!(status_of(&view, "mail/1_fout.csv").0, "afgewezen");
    let (s, why) = status_of(&view, "mail/2_dubbel.csv");
    assert_eq!(s, "dubbel");
    assert!(why.contains(&format!("raadsondersteuning_2026_{}_r1.csv", code(2))));
    assert_eq!(
        status_of(&view, "mail/3_gecorrigeerd_r2.csv").0,
        "geaccepteerd"
    );
    let (s, why) = status_of(
        &view,
        &format!("raadsondersteuning_2026_{}_r1.csv", code(3)),
    );
    assert_eq!(s, "vervangen");
    assert!(why.contains("3_gecorrigeerd_r2.csv (revisie 2)"), "{why}");
    assert_eq!(status_of(&view, "mail/4_excel.csv").0, "dubbel");
    assert_eq!(status_of(&view, "mail/5_conflict.csv").0, "afgewezen");
    assert_eq!(
        status_of(
            &view,
            &format!("raadsondersteuning_2026_{}_r1.csv", code(5))
        )
        .0,
        "afgewezen"
    );
    assert_eq!(status_of(&view, "mail/6_vorig_jaar.csv").0, "afgewezen");
    assert_eq!(status_of(&view, "mail/7_onzin.csv").0, "afgewezen");

    // Findings name file, line and column.
    let uit = f.root.join("uit");
    let meldingen = read_csv(&uit.join("meldingen.csv"));
    let bad = meldingen
        .iter()
        .find(|m| m["bestand"].ends_with("nagekomen.zip/mail/1_fout.csv") && m["ernst"] == "fout")
        .expect("finding for the bad file");
    assert_eq!(bad["code"], "F002");
    assert_eq!(bad["kolom"], "10");
    assert!(bad["regel"].parse::<u32>().unwrap() > 1);
    assert_eq!(bad["post"], "GRF.PERSONEEL");
    let resaved: Vec<&str> = meldingen
        .iter()
        .filter(|m| m["bestand"].ends_with("4_excel.csv"))
        .map(|m| m["code"].as_str())
        .collect();
    for code in ["W101", "W103", "W104"] {
        assert!(resaved.contains(&code), "{code} in {resaved:?}");
    }
    let conflict: Vec<_> = meldingen.iter().filter(|m| m["code"] == "F201").collect();
    assert_eq!(conflict.len(), 2, "both conflicting files are reported");
    assert!(meldingen
        .iter()
        .any(|m| m["code"] == "F202" && m["bestand"].ends_with("6_vorig_jaar.csv")));
    assert!(meldingen
        .iter()
        .any(|m| m["bestand"].ends_with("7_onzin.csv") && m["ernst"] == "fout"));

    // inzendingen.csv: one row per file, sorted by path, counts match the view.
    let inzendingen = read_csv(&uit.join("inzendingen.csv"));
    assert_eq!(inzendingen.len(), 407);
    let paths: Vec<&str> = inzendingen.iter().map(|r| r["bestand"].as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    for row in &inzendingen {
        let v = view
            .inzendingen
            .iter()
            .find(|x| x.bestand == row["bestand"])
            .unwrap();
        assert_eq!(row["status"], v.status.as_str());
        let label = match v.status.as_str() {
            "geaccepteerd" => "Geaccepteerd",
            "vervangen" => "Vervangen",
            "dubbel" => "Dubbel",
            _ => "Afgewezen",
        };
        assert_eq!(v.status_label, label);
        assert_eq!(row["fouten"], v.fouten.to_string());
        assert_eq!(row["sha256"].len(), 64);
    }

    // The corrected value is the one in the dataset.
    let waarden = read_csv(&uit.join("waarden.csv"));
    let materieel = waarden
        .iter()
        .find(|w| {
            w["organisatie_code"] == code(3)
                && w["jaar"] == "2026"
                && w["fase"] == "begroting"
                && w["post"] == "GRF.MATERIEEL"
        })
        .unwrap();
    assert_eq!(materieel["waarde"], "4321.00");
    assert!(!waarden.iter().any(|w| w["organisatie_code"] == code(5)));

    // Response: 410 in the register, 400 sent something, 399 accepted.
    let respons = read_csv(&uit.join("respons.csv"));
    assert_eq!(respons.len(), 410);
    let r = view.respons.as_ref().unwrap();
    assert_eq!((r.register, r.ingediend, r.geaccepteerd), (410, 400, 399));
    assert_eq!(r.percentage, "97,3 %");
    let row = |c: &str| respons.iter().find(|r| r["code"] == c).unwrap();
    assert_eq!(row(&code(5))["status"], "afgewezen");
    assert_eq!(row(&code(5))["ingediend"], "ja");
    assert_eq!(row("GM0100")["status"], "niet ingediend");
    assert_eq!(row("GM0100")["ingediend"], "nee");
    assert!(row(&code(3))["bestand"].ends_with("3_gecorrigeerd_r2.csv"));
    assert!(view.samenvatting.iter().any(|l| l.contains("97,3 %")));
}

#[test]
fn shuffled_inputs_give_identical_output() {
    let f = fixture();
    // The same files, given in another order and in another way (folder vs. files).
    let mut files: Vec<String> = std::fs::read_dir(&f.demo)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    files.reverse();
    files.insert(200, f.zip.display().to_string());
    let a = bundle(
        &request(
            &f,
            vec![f.zip.display().to_string(), f.demo.display().to_string()],
            "a",
        ),
        &|_, _| {},
    )
    .unwrap();
    let mut req = request(&f, files, "b");
    req.xlsx = true;
    let b = bundle(&req, &|_, _| {}).unwrap();
    let mut req = request(
        &f,
        vec![f.demo.display().to_string(), f.zip.display().to_string()],
        "c",
    );
    req.xlsx = true;
    let c = bundle(&req, &|_, _| {}).unwrap();
    assert_eq!(a.geaccepteerd, b.geaccepteerd);
    assert_eq!(b.inzendingen, c.inzendingen);
    for name in &a.uitvoer {
        let x = std::fs::read(f.root.join("a").join(name)).unwrap();
        let y = std::fs::read(f.root.join("b").join(name)).unwrap();
        assert!(x == y, "{name} differs between input orders");
    }
    assert!(b.uitvoer.contains(&"bundel.xlsx".to_string()));
    assert_eq!(
        std::fs::read(f.root.join("b/bundel.xlsx")).unwrap(),
        std::fs::read(f.root.join("c/bundel.xlsx")).unwrap(),
        "bundel.xlsx is byte-identical too"
    );
}

/// A fixed-point number as an integer count of 10^-dp, for the independent recomputation.
fn fixed(text: &str) -> (i128, u32) {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let negative = int.starts_with('-');
    let digits = format!("{}{}", int.trim_start_matches('-'), frac);
    let v: i128 = digits.parse().unwrap();
    (if negative { -v } else { v }, frac.len() as u32)
}

fn show(v: i128, dp: u32) -> String {
    let scale = 10i128.pow(dp);
    let sign = if v < 0 { "-" } else { "" };
    let a = v.abs();
    if dp == 0 {
        format!("{sign}{a}")
    } else {
        format!(
            "{sign}{}.{:0width$}",
            a / scale,
            a % scale,
            width = dp as usize
        )
    }
}

/// `num / den` rounded half away from zero (den > 0).
fn div_round(num: i128, den: i128) -> i128 {
    let q = num.abs() / den;
    let r = num.abs() % den;
    let q = if 2 * r >= den { q + 1 } else { q };
    if num < 0 {
        -q
    } else {
        q
    }
}

/// PERCENTIEL.INC for p = k/4 on sorted fixed-point values, rounded back to their decimals.
fn quartile(sorted: &[i128], k: i128) -> i128 {
    let n = sorted.len() as i128;
    // h = (n−1)·k/4 = lo + frac/4
    let h4 = (n - 1) * k;
    let lo = (h4 / 4) as usize;
    let frac = h4 % 4;
    let below = sorted[lo];
    if frac == 0 {
        return below;
    }
    let above = sorted[lo + 1];
    div_round(4 * below + frac * (above - below), 4)
}

/// Recomputes statistiek.csv from kengetallen.csv with integer arithmetic only.
fn recompute(kengetallen: &[BTreeMap<String, String>]) -> BTreeMap<Vec<String>, Vec<String>> {
    let indicators = [
        "kernbudget",
        "per_inwoner",
        "per_zetel",
        "per_fractie",
        "fte",
        "fte_per_10000_inwoners",
        "aandeel_totale_lasten",
        "uitputting",
    ];
    let mut groups: BTreeMap<Vec<String>, (Vec<i128>, u32)> = BTreeMap::new();
    for row in kengetallen {
        let mut names = Vec::new();
        match row["organisatie_type"].as_str() {
            "gemeente" => {
                names.push("gemeenten".to_string());
                if !row["grootteklasse"].is_empty() {
                    names.push(format!("grootteklasse_{}", row["grootteklasse"]));
                }
            }
            "provincie" => names.push("provincies".into()),
            _ => names.push("waterschappen".into()),
        }
        for ind in indicators {
            if row[ind].is_empty() {
                continue;
            }
            let (v, dp) = fixed(&row[ind]);
            for g in &names {
                let key = vec![
                    row["jaar"].clone(),
                    row["fase"].clone(),
                    row["categorie"].clone(),
                    ind.to_string(),
                    g.clone(),
                ];
                let e = groups.entry(key).or_insert((Vec::new(), dp));
                e.0.push(v);
            }
        }
    }
    groups
        .into_iter()
        .map(|(key, (mut values, dp))| {
            values.sort();
            let n = values.len() as i128;
            let sum: i128 = values.iter().sum();
            let stats = vec![
                n.to_string(),
                show(values[0], dp),
                show(quartile(&values, 1), dp),
                show(quartile(&values, 2), dp),
                show(quartile(&values, 3), dp),
                show(*values.last().unwrap(), dp),
                show(div_round(sum, n), dp),
            ];
            (key, stats)
        })
        .collect()
}

fn statistiek_rows(path: &Path) -> BTreeMap<Vec<String>, Vec<String>> {
    read_csv(path)
        .into_iter()
        .map(|r| {
            let key = ["jaar", "fase", "categorie", "indicator", "groep"]
                .iter()
                .map(|c| r[*c].clone())
                .collect();
            let stats = ["n", "min", "p25", "mediaan", "p75", "max", "gemiddelde"]
                .iter()
                .map(|c| r[*c].clone())
                .collect();
            (key, stats)
        })
        .collect()
}

#[test]
fn statistics_recomputed_independently_from_kengetallen() {
    let tmp = tempfile::tempdir().unwrap();
    let demo = tmp.path().join("demo");
    write_demo_files(2026, 400, SEED, &demo).unwrap();
    let uit = tmp.path().join("uit");
    bundle(
        &BundleRequest {
            invoer: vec![demo.display().to_string()],
            uit: uit.display().to_string(),
            register: None,
            uitvraag: None,
            xlsx: false,
        },
        &|_, _| {},
    )
    .unwrap();
    let published = statistiek_rows(&uit.join("statistiek.csv"));
    let expected = recompute(&read_csv(&uit.join("kengetallen.csv")));
    assert!(published.len() > 400, "{} rows", published.len());
    assert_eq!(published.len(), expected.len());
    for (key, stats) in &expected {
        assert_eq!(published.get(key), Some(stats), "{key:?}");
    }
}

#[test]
fn statistics_of_a_small_table_worked_out_by_hand() {
    // Four gemeenten of 10.000 inwoners (grootteklasse 3) with a rekenkamer begroting of
    // € 10.000, € 20.000, € 40.000 and € 70.000, so € 1, 2, 4 and 7 per inwoner.
    // PERCENTIEL.INC: p25 at h = 0,75 → 1 + 0,75·(2−1) = 1,75; median at h = 1,5 → 2 + 0,5·2 = 3;
    // p75 at h = 2,25 → 4 + 0,25·3 = 4,75; mean 14/4 = 3,5.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir_all(&dir).unwrap();
    let cat = Catalogue::for_uitvraag(2026);
    for (i, (mut data, amount)) in demo_datasets(2026, 4, SEED)
        .into_iter()
        .zip(["10000.00", "20000.00", "40000.00", "70000.00"])
        .enumerate()
    {
        let versie = cat.versie.clone();
        data.set(
            2026,
            Fase::Kenmerk,
            "KEN.INWONERS",
            Record {
                entry: Entry::Value(Value::Count(10_000)),
                toelichting: String::new(),
                definities: versie.as_str().into(),
            },
        );
        for post in cat
            .posts_of("RKK")
            .filter(|p| p.kernbudget && p.has_fase(Fase::Begroting))
        {
            let value = if post.code == "RKK.ONDERZOEK" {
                amount
            } else {
                "0.00"
            };
            set_amount(&mut data, 2026, Fase::Begroting, &post.code, value);
        }
        let meta = meta(&data, 1, i as i64);
        std::fs::write(dir.join(format!("{i}.csv")), render(&meta, &data)).unwrap();
    }
    let uit = tmp.path().join("uit");
    let view = bundle(
        &BundleRequest {
            invoer: vec![dir.display().to_string()],
            uit: uit.display().to_string(),
            register: None,
            uitvraag: Some(2026),
            xlsx: false,
        },
        &|_, _| {},
    )
    .unwrap();
    assert_eq!(view.geaccepteerd, 4);
    let rows = statistiek_rows(&uit.join("statistiek.csv"));
    let get = |ind: &str, groep: &str| {
        rows.get(&vec![
            "2026".to_string(),
            "begroting".into(),
            "RKK".into(),
            ind.into(),
            groep.into(),
        ])
        .cloned()
        .unwrap_or_else(|| panic!("no row for {ind} {groep}"))
    };
    for groep in ["gemeenten", "grootteklasse_3"] {
        assert_eq!(
            get("per_inwoner", groep),
            ["4", "1.0000", "1.7500", "3.0000", "4.7500", "7.0000", "3.5000"]
        );
        assert_eq!(
            get("kernbudget", groep),
            ["4", "10000.00", "17500.00", "30000.00", "47500.00", "70000.00", "35000.00"]
        );
    }
    // Only groups with values appear: in 2026 every gemeente is in grootteklasse 3.
    let groups: std::collections::BTreeSet<&str> = rows
        .keys()
        .filter(|k| k[0] == "2026")
        .map(|k| k[4].as_str())
        .collect();
    assert_eq!(
        groups,
        ["gemeenten", "grootteklasse_3"].into_iter().collect()
    );
}

#[test]
fn libreoffice_resaves_are_dubbel_of_their_original() {
    // The golden benchmark file and what LibreOffice Calc makes of it in an English and a Dutch
    // locale (the committed fixtures of raadsbudget-formats): one submission, the same content.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../raadsbudget-formats/tests/data");
    let tmp = tempfile::tempdir().unwrap();
    let invoer = tmp.path().join("invoer");
    std::fs::create_dir_all(&invoer).unwrap();
    std::fs::copy(
        fixtures.join("golden/raadsondersteuning_2026_GM9999_r1.csv"),
        invoer.join("0_origineel.csv"),
    )
    .unwrap();
    let mut resaved = 0;
    for entry in std::fs::read_dir(fixtures.join("libreoffice")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "csv") {
            std::fs::copy(&path, invoer.join(path.file_name().unwrap())).unwrap();
            resaved += 1;
        }
    }
    assert_eq!(resaved, 6);
    let request = BundleRequest {
        invoer: vec![invoer.display().to_string()],
        uit: tmp.path().join("uit").display().to_string(),
        register: None,
        uitvraag: Some(2026),
        xlsx: false,
    };
    let view = bundle(&request, &|_, _| {}).unwrap();
    assert_eq!(
        (view.geaccepteerd, view.dubbel, view.afgewezen),
        (1, resaved, 0)
    );
    assert_eq!(status_of(&view, "0_origineel.csv").0, "geaccepteerd");
    for file in view.inzendingen.iter().filter(|f| f.status == "dubbel") {
        assert!(file.opmerking.contains("0_origineel.csv"), "{file:?}");
    }
}
