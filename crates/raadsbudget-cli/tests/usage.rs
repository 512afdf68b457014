//! The command line speaks Dutch only: every command's help, and every usage mistake, with no
//! English text of clap's. Drives the real binary.

mod common;

use common::{personeel, raadsbudget_bare};

/// English that clap writes on its own, in help and in errors. None of it may reach a user.
const CLAP_ENGLISH: &[&str] = &[
    "error:",
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "tip:",
    "[default:",
    "[possible values:",
    "Possible values:",
    "[env:",
    "[aliases:",
    "For more information",
    "try '--help'",
    "invalid digit found in string",
    "number too large",
    "not in range",
    "unexpected argument",
    "unrecognized subcommand",
    "the following required arguments were not provided",
    "cannot be used with",
    "cannot be used multiple times",
    "requires a subcommand",
    "a value is required",
    "but none was supplied",
    "invalid value",
    "a similar",
    "Print help",
    "Print version",
    "[OPTIONS]",
    "<COMMAND>",
    "subcommands:",
    "found",
    "provided",
];

fn assert_no_english(what: &str, text: &str) {
    for english in CLAP_ENGLISH {
        assert!(
            !text.contains(english),
            "{what}: English {english:?} in\n{text}"
        );
    }
}

/// The subcommands listed under "Commando's:" in a help text.
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| *l != "Commando's:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

#[test]
fn every_help_is_dutch() {
    let mut todo: Vec<Vec<String>> = vec![Vec::new()];
    let mut seen = 0;
    while let Some(path) = todo.pop() {
        for flag in ["--help", "-h"] {
            let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
            args.push(flag);
            let r = raadsbudget_bare(&args);
            let what = format!("raadsbudget {}", args.join(" "));
            assert_eq!(r.code, 0, "{what}: {}", r.stderr);
            assert!(r.stderr.is_empty(), "{what}: {}", r.stderr);
            assert!(
                r.stdout.contains("Gebruik: raadsbudget"),
                "{what}:\n{}",
                r.stdout
            );
            assert!(r.stdout.contains("Toon deze hulp"), "{what}:\n{}", r.stdout);
            assert_no_english(&what, &r.stdout);
            if flag == "--help" {
                for sub in subcommands(&r.stdout) {
                    let mut next = path.clone();
                    next.push(sub);
                    todo.push(next);
                }
            }
        }
        seen += 1;
    }
    // raadsbudget, its 16 commands, organisatie ×2, waarde ×3, backup ×2, definities ×2.
    assert_eq!(seen, 26, "every command's help was read");
}

#[test]
fn help_shows_defaults_and_choices_in_dutch() {
    let r = raadsbudget_bare(&["definities", "--help"]);
    assert!(r.stdout.contains("Mogelijke waarden:"), "{}", r.stdout);
    assert!(r.stdout.contains("- json: JSON"), "{}", r.stdout);
    assert!(r.stdout.contains("Standaard: tekst"), "{}", r.stdout);
    let r = raadsbudget_bare(&["demo", "-h"]);
    assert!(r.stdout.contains("(standaard: 2026)"), "{}", r.stdout);
    let r = raadsbudget_bare(&["waarde", "zet", "-h"]);
    assert!(
        r.stdout
            .contains("(mogelijk: kenmerk, begroting, realisatie)"),
        "{}",
        r.stdout
    );
    // The value of RAADSBUDGET_DB is not shown (clap would add "[env: …]").
    let r = common::command(std::path::Path::new("x"), &["--help"])
        .env("RAADSBUDGET_DB", "/geheim/pad.sqlite")
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&r.stdout);
    assert!(!stdout.contains("/geheim/pad.sqlite"), "{stdout}");
}

#[test]
fn no_command_at_all_shows_the_help_as_an_error() {
    let r = raadsbudget_bare(&[]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert!(
        r.stderr
            .starts_with("raadsbudget: 'raadsbudget' heeft een commando nodig: definities, "),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("Gebruik: raadsbudget [OPTIES] <COMMANDO>"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("Commando's:"), "{}", r.stderr);
    assert_no_english("raadsbudget", &r.stderr);
}

#[test]
fn version_works() {
    let r = raadsbudget_bare(&["--version"]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout,
        format!("raadsbudget {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn typical_mistakes_are_explained_in_dutch_with_the_argument() {
    // (arguments, what the message must name, a Dutch phrase it must contain)
    let zet_and_reden = personeel("zet", &["--waarde", "1", "--reden", "nvt"]);
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["organisatie", "lijst", "--foo"],
            "--foo",
            "onbekende optie",
        ),
        (&["--versio"], "--version", "Bedoelt u"),
        (
            &["organisatie", "lijst", "extra"],
            "extra",
            "onverwacht argument",
        ),
        (&["foo"], "foo", "onbekend commando"),
        (&["definitie"], "definities", "Bedoelt u"),
        (
            &["backup"],
            "maken of terugzetten",
            "heeft een commando nodig",
        ),
        (&["waarde"], "zet, wis of lijst", "heeft een commando nodig"),
        (
            &["export"],
            "--organisatie <ORGANISATIE>, --uitvraag <UITVRAAG>, --uit <MAP>",
            "ontbreken",
        ),
        (
            &[
                "waarde",
                "lijst",
                "--organisatie",
                "GM0363",
                "--jaar",
                "abc",
            ],
            "--jaar",
            "geheel getal",
        ),
        (
            &[
                "waarde",
                "lijst",
                "--organisatie",
                "GM0363",
                "--jaar",
                "99999",
            ],
            "--jaar",
            "te groot",
        ),
        (
            &["waarde", "lijst", "--organisatie", "GM0363", "--jaar", "-5"],
            "-5",
            "onbekende optie",
        ),
        (
            &["definities", "--formaat", "xml"],
            "--formaat",
            "Kies tekst, json of markdown",
        ),
        (&["definities", "--formaat", "jsn"], "json", "Bedoelt u"),
        (
            &[
                "waarde",
                "zet",
                "--organisatie",
                "GM0363",
                "--jaar",
                "2026",
                "--fase",
                "begrooting",
                "--post",
                "GRF.PERSONEEL",
            ],
            "--fase",
            "kenmerk, begroting of realisatie",
        ),
        (&zet_and_reden, "--reden", "gaat niet samen"),
        (
            &["organisatie", "toevoegen", "--code", "GM1", "--code", "GM2"],
            "--code",
            "één keer",
        ),
        (
            &["controleer", "--organisatie", "GM0363"],
            "--uitvraag",
            "ontbreekt",
        ),
        (
            &[
                "controleer",
                "--organisatie",
                "GM0363",
                "--uitvraag",
                "2026",
                "a.csv",
            ],
            "--organisatie",
            "gaat niet samen",
        ),
        (&["export", "--uit"], "--uit", "ontbreekt de waarde"),
        (
            &["--db", "", "organisatie", "lijst"],
            "--db",
            "ontbreekt de waarde",
        ),
        (&["definities", "--db", ""], "--db", "ontbreekt de waarde"),
        (&["help"], "help", "onbekend commando"),
    ];
    for (args, names, dutch) in cases {
        let r = raadsbudget_bare(args);
        let what = format!("raadsbudget {}", args.join(" "));
        assert_eq!(r.code, 2, "{what}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{what}: {}", r.stdout);
        assert!(
            r.stderr.contains(names),
            "{what} must name {names}:\n{}",
            r.stderr
        );
        assert!(
            r.stderr.contains(dutch),
            "{what}: {dutch:?} in\n{}",
            r.stderr
        );
        assert!(
            r.stderr.starts_with("raadsbudget: "),
            "{what}:\n{}",
            r.stderr
        );
        assert!(
            r.stderr.contains("\nGebruik: raadsbudget"),
            "{what}:\n{}",
            r.stderr
        );
        assert!(r.stderr.contains("--help"), "{what}:\n{}", r.stderr);
        assert_no_english(&what, &r.stderr);
    }
}

#[test]
fn an_empty_database_variable_is_explained() {
    let dir = tempfile::tempdir().expect("temp");
    let r: common::Run = std::process::Command::new(env!("CARGO_BIN_EXE_raadsbudget"))
        .args(["organisatie", "lijst"])
        .env("RAADSBUDGET_DB", "")
        .current_dir(dir.path())
        .output()
        .expect("run")
        .into();
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("RAADSBUDGET_DB"), "{}", r.stderr);
    assert_no_english("RAADSBUDGET_DB=", &r.stderr);
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        0,
        "nothing created"
    );
}
