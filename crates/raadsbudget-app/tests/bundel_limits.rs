//! What a participant sends can never take the bundler down, no submission vanishes, and the
//! output folder is replaced as a whole or not at all (issue 10). Each test builds the hostile
//! input for real (zip bombs, lying archives, duplicate member names, encrypted members, huge
//! and endless files) and bundles it through the use case the CLI and the app call.

use raadsbudget_app::screens::bundle;
use raadsbudget_app::views::{BundleRequest, BundleView, BundledFileView};
use raadsbudget_usecases::demo_files::write_demo_files;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `n` demo files of uitvraag 2026 in `dir`, their paths sorted.
fn demo(dir: &Path, n: usize) -> Vec<PathBuf> {
    let mut files = write_demo_files(2026, n, 3, dir).unwrap();
    files.sort();
    files
}

fn request(invoer: &[&Path], uit: &Path) -> BundleRequest {
    BundleRequest {
        invoer: invoer.iter().map(|p| p.display().to_string()).collect(),
        uit: uit.display().to_string(),
        register: None,
        uitvraag: Some(2026),
        xlsx: false,
    }
}

fn run(invoer: &[&Path], uit: &Path) -> BundleView {
    bundle(&request(invoer, uit), &|_, _| {}).unwrap()
}

fn file<'v>(view: &'v BundleView, suffix: &str) -> &'v BundledFileView {
    let found: Vec<_> = view
        .inzendingen
        .iter()
        .filter(|f| f.bestand.ends_with(suffix))
        .collect();
    assert_eq!(found.len(), 1, "{suffix}: {:#?}", view.inzendingen);
    found[0]
}

/// The one F101 of a rejected input, its message.
fn refusal(view: &BundleView, suffix: &str) -> String {
    let f = file(view, suffix);
    assert_eq!(f.status, "afgewezen", "{suffix}");
    let codes: Vec<&str> = f.meldingen.iter().map(|m| m.code.as_str()).collect();
    assert_eq!(codes, ["F101"], "{suffix}: {:?}", f.meldingen);
    f.meldingen[0].melding.clone()
}

fn read_csv(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            headers
                .iter()
                .zip(r.unwrap().iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// A zip of `(name, bytes)` members, deflated.
fn zip_bytes(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .last_modified_time(zip::DateTime::default())
        .large_file(true);
    for (name, bytes) in members {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Offsets of a 4-byte signature in `bytes`.
fn signatures(bytes: &[u8], sig: [u8; 4]) -> Vec<usize> {
    bytes
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == sig)
        .map(|(i, _)| i)
        .collect()
}

const LOCAL: [u8; 4] = [0x50, 0x4b, 0x03, 0x04];
const CENTRAL: [u8; 4] = [0x50, 0x4b, 0x01, 0x02];

/// Sets the unpacked size every header of the archive states (local and central).
fn forge_sizes(bytes: &mut [u8], size: u32) {
    for at in signatures(bytes, LOCAL) {
        bytes[at + 22..at + 26].copy_from_slice(&size.to_le_bytes());
    }
    for at in signatures(bytes, CENTRAL) {
        bytes[at + 24..at + 28].copy_from_slice(&size.to_le_bytes());
    }
}

#[test]
fn bombs_and_endless_files_are_refused_and_the_good_files_accepted() {
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("goed");
    demo(&good, 40);
    let post = tmp.path().join("post");
    std::fs::create_dir_all(&post).unwrap();

    // One 63 MB member of junk lines in a small zip.
    let junk = "dit is geen benchmarkbestand\r\n".repeat(63 * 1024 * 1024 / 30);
    let bomb = zip_bytes(&[("bom/onzin.csv", junk.as_bytes())]);
    assert!(bomb.len() < 1024 * 1024, "{}", bomb.len());
    std::fs::write(post.join("bom.zip"), &bomb).unwrap();

    // Members that claim 10 bytes but unpack to 20 MB of zeros.
    let zeros = vec![0u8; 20 * 1024 * 1024];
    let mut liar = zip_bytes(&[("klein.csv", &zeros), ("ook-klein.csv", &zeros)]);
    forge_sizes(&mut liar, 10);
    std::fs::write(post.join("leugen.zip"), &liar).unwrap();

    // A plain file of 500 MB (sparse: nothing is written to disk).
    let big = post.join("groot.csv");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(500 * 1024 * 1024)
        .unwrap();

    let uit = tmp.path().join("uit");
    let mut invoer: Vec<&Path> = vec![&good, &post];
    let dev_zero = Path::new("/dev/zero");
    if cfg!(unix) {
        invoer.push(dev_zero);
    }
    let view = run(&invoer, &uit);

    assert_eq!(view.geaccepteerd, 40);
    assert!(refusal(&view, "bom.zip/bom/onzin.csv").contains("groter dan 16 MB"));
    for name in ["leugen.zip/klein.csv", "leugen.zip/ook-klein.csv"] {
        let why = refusal(&view, name);
        assert!(
            why.contains("meer bytes dan het archief opgeeft") || why.contains("beschadigd"),
            "{why}"
        );
    }
    assert!(refusal(&view, "post/groot.csv").contains("groter dan 16 MB"));
    if cfg!(unix) {
        assert!(refusal(&view, "/dev/zero").contains("groter dan 16 MB"));
    }
    // A refused file that was not read has no checksum.
    let rows = read_csv(&uit.join("inzendingen.csv"));
    let groot = rows
        .iter()
        .find(|r| r["bestand"].ends_with("groot.csv"))
        .unwrap();
    assert_eq!(groot["sha256"], "");
}

#[test]
fn a_file_of_junk_lines_gets_a_bounded_number_of_findings() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    let files = demo(&dir, 1);
    // A real header and first row, then 350.000 lines of the wrong shape.
    let real = std::fs::read_to_string(&files[0]).unwrap();
    let mut text: String = real.lines().take(2).map(|l| format!("{l}\r\n")).collect();
    text.push_str(&"a;b;c\r\n".repeat(350_000));
    std::fs::write(dir.join("onzin.csv"), &text).unwrap();
    let uit = tmp.path().join("uit");
    let view = run(&[&dir], &uit);

    let f = file(&view, "onzin.csv");
    assert_eq!(f.status, "afgewezen");
    let f104: Vec<_> = f.meldingen.iter().filter(|m| m.code == "F104").collect();
    assert_eq!(f104.len(), 21, "20 findings and one summary");
    assert_eq!(f104[0].regel, Some(3));
    assert_eq!(
        f104[20].melding,
        "… en nog 349.980 keer F104 (verkeerd aantal kolommen) in dit bestand, de eerste op regel 23; alleen de eerste 20 zijn afzonderlijk gemeld"
    );
    // meldingen.csv stays proportional to the number of files: the other findings of the file
    // are about its one data row and the posts it lacks, bounded by the catalogue.
    let meldingen = read_csv(&uit.join("meldingen.csv"));
    let of_junk: Vec<_> = meldingen
        .iter()
        .filter(|m| m["bestand"].ends_with("onzin.csv"))
        .collect();
    assert_eq!(of_junk.iter().filter(|m| m["code"] == "F104").count(), 21);
    assert!(of_junk.len() < 100, "{}", of_junk.len());
}

#[test]
fn rows_beyond_what_a_benchmark_file_can_hold_are_not_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    let files = demo(&dir, 1);
    let real = std::fs::read_to_string(&files[0]).unwrap();
    let lines: Vec<&str> = real.lines().collect();
    let mut text: String = lines.iter().map(|l| format!("{l}\r\n")).collect();
    // The same data row 20.000 times more: duplicates, and far more rows than posts.
    for _ in 0..20_000 {
        text.push_str(lines[1]);
        text.push_str("\r\n");
    }
    std::fs::write(dir.join("lang.csv"), &text).unwrap();
    let view = run(&[&dir], &tmp.path().join("uit"));
    let f = file(&view, "lang.csv");
    assert_eq!(f.status, "afgewezen");
    let codes: Vec<&str> = f.meldingen.iter().map(|m| m.code.as_str()).collect();
    assert!(codes.contains(&"F109"), "{codes:?}");
    assert_eq!(codes.iter().filter(|c| **c == "F010").count(), 21);
}

/// Replaces every occurrence of `from` by `to` (same length) in the archive's bytes: renames
/// a member in its local and central header.
fn rename_member(bytes: &mut [u8], from: &[u8], to: &[u8]) {
    assert_eq!(from.len(), to.len());
    let at: Vec<usize> = bytes
        .windows(from.len())
        .enumerate()
        .filter(|(_, w)| *w == from)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(at.len(), 2, "local and central header");
    for i in at {
        bytes[i..i + to.len()].copy_from_slice(to);
    }
}

#[test]
fn every_input_gets_exactly_one_row() {
    let tmp = tempfile::tempdir().unwrap();
    let demo_dir = tmp.path().join("demo");
    let files = demo(&demo_dir, 4);
    let content = |i: usize| std::fs::read(&files[i]).unwrap();
    let post = tmp.path().join("post");
    std::fs::create_dir_all(&post).unwrap();

    // Two members with the same name (the zip writer refuses that, so one is renamed after).
    let (a, b) = (content(0), content(1));
    let mut twins = zip_bytes(&[("map/inzending.csv", &a), ("map/inzendinG.csv", &b)]);
    rename_member(&mut twins, b"map/inzendinG.csv", b"map/inzending.csv");
    std::fs::write(post.join("tweeling.zip"), &twins).unwrap();
    // `sub\x.csv` next to `sub/x.csv`.
    let (c, d) = (content(2), content(3));
    let slashes = zip_bytes(&[("sub\\x.csv", &c), ("sub/x.csv", &d)]);
    std::fs::write(post.join("schuin.zip"), &slashes).unwrap();
    // An empty archive, one with only a PDF, one with an encrypted member, a broken one.
    std::fs::write(post.join("leeg.zip"), zip_bytes(&[])).unwrap();
    std::fs::write(
        post.join("pdf.zip"),
        zip_bytes(&[("brief.pdf", b"%PDF-1.7")]),
    )
    .unwrap();
    let mut locked = zip_bytes(&[("geheim.csv", &a)]);
    for at in signatures(&locked, LOCAL) {
        locked[at + 6] |= 1; // general purpose flag bit 0: encrypted
    }
    for at in signatures(&locked, CENTRAL) {
        locked[at + 8] |= 1;
    }
    std::fs::write(post.join("slot.zip"), &locked).unwrap();
    std::fs::write(post.join("kapot.zip"), b"PK\x03\x04 geen echt archief").unwrap();
    let missing = tmp.path().join("bestaat-niet.csv");

    let uit = tmp.path().join("uit");
    let view = run(&[&post, &missing], &uit);
    let names: Vec<&str> = view
        .inzendingen
        .iter()
        .map(|f| f.bestand.as_str())
        .collect();

    // Both twins are there, under distinct names, both read: one accepted per organisation.
    let twin_rows: Vec<&&str> = names
        .iter()
        .filter(|n| n.contains("tweeling.zip/map/inzending.csv"))
        .collect();
    assert_eq!(twin_rows.len(), 2, "{names:?}");
    assert!(
        twin_rows.iter().any(|n| n.ends_with("inzending.csv#2")),
        "{names:?}"
    );
    let slash_rows: Vec<&&str> = names
        .iter()
        .filter(|n| n.contains("schuin.zip/sub/x.csv"))
        .collect();
    assert_eq!(slash_rows.len(), 2, "{names:?}");
    for i in 0..4 {
        let code = raadsbudget_formats::benchmark::read("x", &content(i))
            .file
            .unwrap()
            .meta
            .organisation
            .code
            .to_string();
        assert!(
            view.inzendingen
                .iter()
                .any(|f| f.organisatie.as_deref() == Some(&code) && f.status == "geaccepteerd"),
            "{code} accepted"
        );
    }
    assert_eq!(view.geaccepteerd, 4);

    assert_eq!(refusal(&view, "leeg.zip"), "het archief is leeg");
    assert!(refusal(&view, "pdf.zip").contains("geen benchmarkbestanden"));
    assert!(refusal(&view, "slot.zip/geheim.csv").contains("versleuteld"));
    assert!(refusal(&view, "kapot.zip").contains("geen leesbaar zip-archief"));
    assert!(refusal(&view, "bestaat-niet.csv").contains("bestaat niet"));
    // No English from the zip crate or the OS reaches a message.
    for f in &view.inzendingen {
        for m in &f.meldingen {
            for english in ["EOCD", "archive", "Password", "os error", "No such file"] {
                assert!(!m.melding.contains(english), "{}: {}", f.bestand, m.melding);
            }
        }
    }
    // One row per input in inzendingen.csv; unreadable inputs have no checksum.
    let rows = read_csv(&uit.join("inzendingen.csv"));
    assert_eq!(rows.len(), view.inzendingen.len());
    assert_eq!(rows.len(), 4 + 5, "{names:?}");
    for r in &rows {
        let read = !r["bestand"].ends_with("leeg.zip")
            && !r["bestand"].ends_with("pdf.zip")
            && !r["bestand"].ends_with("geheim.csv")
            && !r["bestand"].ends_with("kapot.zip")
            && !r["bestand"].ends_with("bestaat-niet.csv");
        assert_eq!(
            r["sha256"].len(),
            if read { 64 } else { 0 },
            "{}",
            r["bestand"]
        );
    }
    // The same file given twice is still one input.
    let again = run(&[&demo_dir, &files[0]], &tmp.path().join("uit2"));
    assert_eq!(again.bestanden, 4);
}

#[test]
fn archives_within_archives_are_read_member_by_member() {
    let tmp = tempfile::tempdir().unwrap();
    let files = demo(&tmp.path().join("demo"), 3);
    let content: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let inner = zip_bytes(&[("b.csv", &content[1]), ("c.csv", &content[2])]);
    let outer = zip_bytes(&[("a.csv", &content[0]), ("binnen.zip", &inner)]);
    let path = tmp.path().join("buiten.zip");
    std::fs::write(&path, outer).unwrap();
    let view = run(&[&path], &tmp.path().join("uit"));
    let names: Vec<&str> = view
        .inzendingen
        .iter()
        .map(|f| f.bestand.as_str())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(
        names[1].ends_with("buiten.zip/binnen.zip/b.csv"),
        "{names:?}"
    );
    assert_eq!(view.geaccepteerd, 3);
}

#[test]
fn an_archive_that_unpacks_beyond_its_budget_is_cut_off_with_a_finding() {
    let tmp = tempfile::tempdir().unwrap();
    let files = demo(&tmp.path().join("demo"), 1);
    let real = std::fs::read(&files[0]).unwrap();
    // 300 members that each claim 15 MB: 4,4 GB in all, above the 4 GB budget.
    let names: Vec<String> = (0..300).map(|i| format!("f{i:03}.csv")).collect();
    let members: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &real[..])).collect();
    let mut bytes = zip_bytes(&members);
    forge_sizes(&mut bytes, 15 * 1024 * 1024);
    let path = tmp.path().join("groot.zip");
    std::fs::write(&path, bytes).unwrap();
    let view = run(&[&path], &tmp.path().join("uit"));
    assert_eq!(view.bestanden, 300, "every member has its row");
    let cut: Vec<_> = view
        .inzendingen
        .iter()
        .filter(|f| {
            f.meldingen.iter().any(|m| {
                m.melding
                    .contains("pakt (met de archieven erin) uit tot meer dan 4096 MB")
            })
        })
        .collect();
    // 4096 / 15 = 273 members fit.
    assert_eq!(cut.len(), 300 - 273);
    assert!(cut[0].bestand.ends_with("f273.csv"), "{}", cut[0].bestand);
}

/// The files of a folder with their bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn the_output_folder_is_never_a_folder_of_the_users_files() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    demo(&input, 3);

    // An ordinary folder with a user's files, two of them with a bundle's names.
    let own = tmp.path().join("mijn-map");
    std::fs::create_dir_all(&own).unwrap();
    std::fs::write(own.join("bundel.xlsx"), b"mijn eigen werkmap").unwrap();
    std::fs::write(own.join("waarden.csv"), b"mijn eigen waarden").unwrap();
    std::fs::write(own.join("notities.txt"), b"niet weggooien").unwrap();
    let before = snapshot(&own);
    let err = bundle(&request(&[&input], &own), &|_, _| {}).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("niet leeg en bevat geen eerdere bundel"),
        "{message}"
    );
    assert!(message.contains("notities.txt"), "{message}");
    assert_eq!(snapshot(&own), before, "nothing touched");

    // A file given as the output folder.
    let file = own.join("notities.txt");
    let err = bundle(&request(&[&input], &file), &|_, _| {}).unwrap_err();
    assert!(
        err.to_string().contains("is een bestand, geen map"),
        "{err}"
    );
    assert_eq!(snapshot(&own), before);

    // An earlier bundle with a file of the user's added: refused as well.
    let uit = tmp.path().join("uit");
    let mut with_register = request(&[&input], &uit);
    let register = tmp.path().join("register.csv");
    std::fs::write(&register, "code,naam\r\nGM0999,Nergens\r\n").unwrap();
    with_register.register = Some(register.display().to_string());
    bundle(&with_register, &|_, _| {}).unwrap();
    assert!(uit.join("respons.csv").exists());
    std::fs::write(uit.join("analyse.sps"), b"* mijn syntax.").unwrap();
    let before = snapshot(&uit);
    let err = bundle(&request(&[&input], &uit), &|_, _| {}).unwrap_err();
    assert!(err.to_string().contains("analyse.sps"), "{err}");
    assert_eq!(snapshot(&uit), before);

    // An earlier bundle alone is replaced as a whole: respons.csv (not written now) is gone.
    std::fs::remove_file(uit.join("analyse.sps")).unwrap();
    let view = run(&[&input], &uit);
    assert!(!uit.join("respons.csv").exists());
    let mut written: Vec<String> = snapshot(&uit).into_keys().collect();
    written.sort();
    let mut want = view.uitvoer.clone();
    want.sort();
    assert_eq!(written, want);
    // Nothing is left next to it.
    let siblings: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(siblings.is_empty(), "{siblings:?}");
}

#[test]
fn a_failed_bundle_leaves_the_earlier_bundle_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    demo(&input, 3);
    let uit = tmp.path().join("uit");
    run(&[&input], &uit);
    let before = snapshot(&uit);
    // What a killed run leaves: a half-written staging folder next to the output.
    let leftover = tmp.path().join(".uit.raadsbudget-nieuw-abc123");
    std::fs::create_dir_all(&leftover).unwrap();
    std::fs::write(leftover.join("inzendingen.csv"), b"half").unwrap();

    // A register that cannot be read stops the bundle before anything is written.
    let mut req = request(&[&input], &uit);
    req.register = Some(tmp.path().join("geen-register.csv").display().to_string());
    assert!(bundle(&req, &|_, _| {}).is_err());
    assert_eq!(snapshot(&uit), before);

    // The next run cleans the leftover and does not read it as input (it is inside `tmp`).
    let view = run(&[tmp.path()], &uit);
    assert!(!leftover.exists());
    assert_eq!(view.bestanden, 3, "{:?}", view.inzendingen);
    assert_eq!(
        snapshot(&uit),
        before,
        "the same input gives the same bundle"
    );
}
