//! `raadsbudget`: the command-line shell over the use-case layer.
//!
//! Exit codes: 0 = fine, 1 = findings with errors (or a value refused by a rule),
//! 2 = usage, input or I/O problem. Findings print as `bestand:regel:kolom: CODE: melding`.

mod cli;
mod output;
mod progress;
mod render;
mod usage;

use clap::{CommandFactory, FromArgMatches};
use cli::{
    BackupCommand, Cli, Command, DefinitiesArgs, DefinitiesCommand, FaseArg, OrganisatieCommand,
    RedenArg, WaardeCommand,
};
use output::Out;
use raadsbudget_domain::submission::Status;
use raadsbudget_domain::{Fase, Finding, Reason};
use raadsbudget_usecases::bundel::BundleRequest;
use raadsbudget_usecases::export::{parse_moment, ExportRequest};
use raadsbudget_usecases::values::{Input, SetValue};
use raadsbudget_usecases::{definities, files, Error, Session};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Prints findings; an error among them makes the exit code 1.
fn print_findings(out: &mut Out, findings: &[Finding]) {
    for f in findings {
        out.line(f.to_string());
        if f.is_error() {
            out.code = out.code.max(1);
        }
    }
}

fn main() -> ExitCode {
    raadsbudget_usecases::definities::embed_from_env();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cmd = usage::dutch_command(Cli::command());
    let parsed = cmd
        .clone()
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let args: Vec<String> = args
                .iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            return output::emit(&usage::explain(&e, &cmd, &args));
        }
    };
    // The versions of the definities added to the store are known to every command, also to
    // those that use no store (`controleer BESTAND`, `bundel`, `demo --aantal`).
    if let Some(path) = cli
        .db
        .clone()
        .or_else(raadsbudget_usecases::session::default_db_path)
        .filter(|p| p.is_file())
    {
        // A store that cannot be read registers nothing; a command that uses it says why.
        let _ = raadsbudget_store::register_catalogues_of(&path);
    }
    let mut store = None;
    let out = run(cli, &mut store).unwrap_or_else(|e| failure(e.with_store_path(store.as_deref())));
    output::emit(&out)
}

/// How a command that failed ends: its findings, a Dutch message, exit code 1 for findings
/// and refused values, 2 for everything else.
fn failure(e: Error) -> Out {
    let mut out = Out::default();
    match &e {
        Error::Findings {
            message,
            findings: f,
        } => {
            print_findings(&mut out, f);
            out.note(format!("raadsbudget: {message}"));
            out.code = 1;
        }
        Error::Value(finding) => {
            out.note(format!("raadsbudget: {finding}"));
            out.code = 1;
        }
        other => {
            out.note(format!("raadsbudget: {other}"));
            out.code = 2;
        }
    }
    out
}

/// How a command uses the store.
///
/// A command that only reads, or that needs data only an existing store can hold, opens an
/// existing store ([`Session::open_existing`]): a mistyped `--db` is then an error, and neither
/// the file nor its folder is created. Per command:
///
/// | command | store |
/// |---|---|
/// | `organisatie toevoegen` | may create it: the usual first step |
/// | `organisatie lijst` | existing: reads |
/// | `waarde zet`, `waarde wis` | existing: the organisation must be in it, so a new store can never succeed |
/// | `waarde lijst`, `geschiedenis` | existing: reads |
/// | `controleer --organisatie` | existing: reads (`controleer BESTAND…` uses no store) |
/// | `export` | existing: reads values (and records the export) |
/// | `import` | may create it: adds the organisation of the file when needed |
/// | `demo --organisaties` | may create it: fills a new store for trying the app |
/// | `ongedaan-maken` | existing: undoes a change in it |
/// | `gebruiker` | may create it: setting the name can come before anything else |
/// | `backup maken` | existing: there is nothing to copy otherwise |
/// | `backup terugzetten` | may create it: restoring onto a new computer |
/// | `definities toevoegen` | may create it: the added version is kept in it |
/// | `definities` (also `--wijzigingen`, `lijst`) | none (as every command, it knows the versions added to the store when there is one) |
/// | `demo --aantal`, `bundel`, `factsheet` | none |
#[derive(Debug, Clone, Copy)]
enum Open {
    Existing,
    MayCreate,
}

/// Opens the store of `--db` (or the default one); `opened` remembers which, so an error can
/// name the file.
fn open(cli_db: Option<&Path>, how: Open, opened: &mut Option<PathBuf>) -> Result<Session, Error> {
    let path = match cli_db {
        Some(p) => p.to_path_buf(),
        None => raadsbudget_usecases::session::default_db_path().ok_or_else(|| {
            Error::Invalid(
                "het besturingssysteem heeft geen datamap; geef een database op met --db".into(),
            )
        })?,
    };
    *opened = Some(path.clone());
    match how {
        Open::Existing => Session::open_existing(&path),
        Open::MayCreate => Session::open(&path),
    }
}

fn fase(f: FaseArg) -> Fase {
    match f {
        FaseArg::Kenmerk => Fase::Kenmerk,
        FaseArg::Begroting => Fase::Begroting,
        FaseArg::Realisatie => Fase::Realisatie,
    }
}

fn run(cli: Cli, opened: &mut Option<PathBuf>) -> Result<Out, Error> {
    let db = cli.db.as_deref();
    let existing = |opened: &mut Option<PathBuf>| open(db, Open::Existing, opened);
    let may_create = |opened: &mut Option<PathBuf>| open(db, Open::MayCreate, opened);
    let mut out = Out::default();
    match cli.command {
        Command::Definities(DefinitiesArgs {
            actie: Some(DefinitiesCommand::Toevoegen { bestand }),
            ..
        }) => {
            let mut s = may_create(opened)?;
            let added = s.add_catalogue(&bestand)?;
            out.note(render::added_catalogue(&added));
        }
        Command::Definities(DefinitiesArgs {
            actie: Some(DefinitiesCommand::Lijst),
            ..
        }) => {
            // The store's added versions are registered when it opens; without a store only
            // the built-in ones are known.
            for k in definities::known() {
                out.line(format!(
                    "{}\tvanaf uitvraag {}\t{}\t{}",
                    k.versie,
                    k.uitvraag_vanaf,
                    if k.ingebouwd {
                        "ingebouwd"
                    } else {
                        "toegevoegd"
                    },
                    k.sha256
                ));
            }
        }
        Command::Definities(args) if args.wijzigingen => {
            let changes = definities::changes(args.versie.as_deref())?;
            out.stdout = render::changes(&changes, args.formaat);
        }
        Command::Definities(args) => {
            let cat = definities::catalogue(args.versie.as_deref())?;
            out.stdout = render::catalogue(cat, args.formaat).map_err(|e| {
                // Cannot happen for the embedded catalogue; never an empty output if it does.
                Error::Invalid(format!(
                    "de definities kunnen niet als JSON worden geschreven (regel {}, kolom {})",
                    e.line(),
                    e.column()
                ))
            })?;
        }
        Command::Organisatie(OrganisatieCommand::Toevoegen { code, naam }) => {
            let mut s = may_create(opened)?;
            let org = match naam {
                Some(naam) => s.add_organisation(&code, &naam)?,
                None => s.add_registered_organisation(&code)?,
            };
            out.note(format!(
                "{} {} ({}) toegevoegd",
                org.code,
                org.naam,
                org.org_type()
            ));
        }
        Command::Organisatie(OrganisatieCommand::Lijst) => {
            let s = existing(opened)?;
            for org in s.organisations()? {
                out.line(format!("{}\t{}\t{}", org.code, org.org_type(), org.naam));
            }
        }
        Command::Waarde(WaardeCommand::Zet {
            post,
            waarde,
            reden,
            toelichting,
        }) => {
            let mut s = existing(opened)?;
            let input = match (waarde, reden) {
                (Some(w), _) => Input::Waarde(w),
                (None, Some(RedenArg::Nvt)) => Input::Reden(Reason::Nvt),
                (None, Some(RedenArg::Onbekend)) => Input::Reden(Reason::Onbekend),
                (None, None) if toelichting.is_some() => Input::Keep,
                (None, None) => {
                    return Err(Error::Invalid(
                        "geef --waarde, --reden nvt|onbekend of --toelichting".into(),
                    ))
                }
            };
            let req = SetValue {
                organisation: post.organisatie,
                jaar: post.jaar,
                fase: fase(post.fase),
                post: post.post,
                input,
                toelichting,
                uitvraag: None,
            };
            let outcome = s.set_value(&req)?;
            print_findings(
                &mut out,
                &s.findings_for(&req.organisation, req.jaar, req.fase, &req.post)?,
            );
            out.code = 0;
            out.note(format!(
                "{} {} {} {} = {}{}",
                req.organisation.trim(),
                req.jaar,
                req.fase,
                req.post,
                outcome.record.entry.to_dutch(),
                if outcome.audit_id.is_none() {
                    " (ongewijzigd)"
                } else {
                    ""
                }
            ));
        }
        Command::Waarde(WaardeCommand::Wis { post }) => {
            let mut s = existing(opened)?;
            let changed =
                s.clear_value(&post.organisatie, post.jaar, fase(post.fase), &post.post)?;
            out.note(match changed {
                Some(_) => format!("{} {} {} gewist", post.jaar, post.post, fase(post.fase)),
                None => "er stond geen waarde; niets gewijzigd".to_string(),
            });
        }
        Command::Waarde(WaardeCommand::Lijst { organisatie, jaar }) => {
            let s = existing(opened)?;
            let (_, rows) = s.list_values(&organisatie, jaar)?;
            out.stdout = render::values(&rows);
        }
        Command::Controleer(args) => {
            if let (Some(org), Some(u)) = (&args.organisatie, args.uitvraag) {
                let s = existing(opened)?;
                let (org, findings) = s.check(org, u)?;
                print_findings(&mut out, &findings);
                out.note(render::summary(
                    &format!("{} uitvraag {u}", org.code),
                    &findings,
                ));
            } else if args.bestanden.is_empty() {
                return Err(Error::Invalid(
                    "geef bestanden om te controleren, of --organisatie en --uitvraag".into(),
                ));
            } else {
                let mut all = Vec::new();
                for checked in files::check_files(&args.bestanden) {
                    all.extend(checked.outcome.findings);
                }
                print_findings(&mut out, &all);
                out.note(render::summary(
                    &format!("{} bestand(en)", args.bestanden.len()),
                    &all,
                ));
            }
        }
        Command::Status(args) => {
            let s = existing(opened)?;
            for (u, state) in s.uitvraag_states(&args.organisatie, args.uitvraag)? {
                out.line(render::uitvraag_state(u, &state));
            }
        }
        Command::Overnemen(args) => {
            let mut s = existing(opened)?;
            let n = s.copy_previous_year(&args.organisatie, args.uitvraag)?;
            out.note(match n {
                0 => format!(
                    "uitvraag {}: geen lege velden met een waarde van een jaar eerder; niets overgenomen",
                    args.uitvraag
                ),
                1 => format!("uitvraag {}: 1 veld overgenomen van een jaar eerder", args.uitvraag),
                n => format!(
                    "uitvraag {}: {n} velden overgenomen van een jaar eerder",
                    args.uitvraag
                ),
            });
        }
        Command::Export(args) => {
            let mut s = existing(opened)?;
            let moment = args.tijdstip.as_deref().map(parse_moment).transpose()?;
            let outcome = s.export(&ExportRequest {
                organisation: args.organisatie,
                uitvraag: args.uitvraag,
                dir: args.uit,
                moment,
                concept: args.concept,
            })?;
            print_findings(&mut out, &outcome.findings);
            out.code = 0;
            out.line(outcome.path.display().to_string());
            out.note(if outcome.concept {
                format!(
                    "concept (revisie {}) geschreven: {}; dit bestand is niet bedoeld om in te dienen",
                    outcome.revisie,
                    outcome.path.display()
                )
            } else {
                format!(
                    "benchmarkbestand revisie {} {}: {}\nstuur dit bestand naar BZK zoals gevraagd in de uitvraag; sha256 {}",
                    outcome.revisie,
                    if outcome.reused {
                        "stond er al (van een eerdere export die niet was vastgelegd, met dezelfde gegevens) en is nu vastgelegd"
                    } else {
                        "geschreven"
                    },
                    outcome.path.display(),
                    outcome.sha256
                )
            });
        }
        Command::Import(args) => {
            let mut s = may_create(opened)?;
            let o = s.import(&args.bestand)?;
            print_findings(&mut out, &o.findings);
            let mut msg = format!(
                "{} {} uitvraag {} revisie {} ingelezen: {} gewijzigd, {} al gelijk",
                o.organisation.code,
                o.organisation.naam,
                o.uitvraag,
                o.revisie,
                o.changed,
                o.unchanged
            );
            if o.created {
                msg.push_str("; organisatie nieuw toegevoegd");
            }
            if o.kept > 0 {
                let _ = write!(
                    msg,
                    "; {} keer 'onbekend' niet overgenomen omdat de database al een waarde heeft",
                    o.kept
                );
            }
            out.note(msg);
        }
        Command::Demo(args) => match (args.aantal, args.uit, args.organisaties) {
            (Some(n), Some(dir), _) => {
                let written = raadsbudget_usecases::demo_files::write_demo_files(
                    args.uitvraag,
                    n,
                    args.zaad,
                    &dir,
                )?;
                out.note(format!(
                    "{} demobestanden geschreven in {}",
                    written.len(),
                    dir.display()
                ));
            }
            (_, _, Some(k)) => {
                let mut s = may_create(opened)?;
                let added = s.fill_demo(args.uitvraag, k, args.zaad)?;
                out.note(format!(
                    "{} demo-organisaties toegevoegd aan {}",
                    added.len(),
                    s.path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default()
                ));
            }
            _ => {
                return Err(Error::Invalid(
                    "geef --aantal N --uit MAP (bestanden) of --organisaties K (database)".into(),
                ))
            }
        },
        Command::Bundel(args) => {
            let request = BundleRequest {
                inputs: args.invoer,
                out: args.uit.into(),
                register: args.register.map(Into::into),
                uitvraag: args.uitvraag,
                xlsx: args.xlsx,
                per_file: false,
            };
            let progress = progress::Progress::new(!args.stil);
            let outcome = raadsbudget_usecases::bundel::bundle(&request, &|done, total| {
                progress.update(done, total)
            })?;
            progress.finish();
            for line in &outcome.summary() {
                out.note(line);
            }
            if outcome.with_status(Status::Afgewezen) > 0 {
                out.code = 1;
            }
            if progress.failed() {
                // Standard error failed while the bundle ran; the summary will not get through.
                out.code = 2;
            }
        }
        Command::Invulbestand(args) => {
            use raadsbudget_usecases::invulbestand::{
                make_invulbestanden, InvulRequest, InvulSource,
            };
            let cat = raadsbudget_domain::Catalogue::for_uitvraag(args.uitvraag);
            let files = if let Some(org) = &args.organisatie {
                let s = existing(opened)?;
                vec![s.make_invulbestand(org, args.uitvraag, &args.uit, args.vervang)?]
            } else {
                let source = match (args.register, args.bundel) {
                    (Some(r), _) => InvulSource::Register(r),
                    (_, Some(b)) => InvulSource::Bundle(b),
                    _ => InvulSource::Blank,
                };
                make_invulbestanden(&InvulRequest {
                    uitvraag: args.uitvraag,
                    source,
                    out: args.uit,
                })?
                .files
            };
            for f in &files {
                out.line(f.display().to_string());
            }
            out.note(format!(
                "{} invulbestand{} gemaakt voor uitvraag {} (definities {}); lees ingevulde bestanden in met raadsbudget controleer, import of bundel",
                files.len(),
                if files.len() == 1 { "" } else { "en" },
                args.uitvraag,
                cat.versie
            ));
        }
        Command::Factsheet(args) => {
            let written = raadsbudget_usecases::vergelijken::FactsheetRun {
                bundels: args.bundels,
                register: args.register,
                uit: args.uit.clone(),
                organisatie: args.organisatie,
                uitvraag: args.uitvraag,
                html: args.html,
            }
            .run()?;
            let pdfs = written
                .iter()
                .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
                .count();
            out.note(format!(
                "{pdfs} {} geschreven in {}",
                if pdfs == 1 { "factsheet" } else { "factsheets" },
                args.uit.display()
            ));
        }
        Command::Geschiedenis(args) => {
            let s = existing(opened)?;
            let filter = raadsbudget_store::HistoryFilter {
                jaar: args.jaar,
                post: args.post,
                limit: Some(args.aantal),
                ..Default::default()
            };
            out.stdout = render::history(&s.history(&args.organisatie, &filter)?);
        }
        Command::OngedaanMaken(args) => {
            let mut s = existing(opened)?;
            match s.undo(&args.organisatie)? {
                Some(entry) => out.note(format!(
                    "ongedaan gemaakt: {}",
                    render::history_line(&entry)
                )),
                None => out.note("er is niets om ongedaan te maken"),
            }
        }
        Command::Gebruiker(args) => {
            let mut s = may_create(opened)?;
            s.set_user(&args.naam)?;
            out.note(format!(
                "wijzigingen worden vastgelegd op naam van {}",
                args.naam.trim()
            ));
        }
        Command::Backup(BackupCommand::Maken { naar }) => {
            let s = existing(opened)?;
            s.backup(&naar)?;
            out.note(format!("back-up geschreven naar {}", naar.display()));
        }
        Command::Backup(BackupCommand::Terugzetten { van }) => {
            let mut s = may_create(opened)?;
            let kept = s.restore(&van)?;
            out.note(format!(
                "back-up {} teruggezet; de vorige inhoud is bewaard in {}",
                van.display(),
                kept.display()
            ));
        }
    }
    Ok(out)
}
