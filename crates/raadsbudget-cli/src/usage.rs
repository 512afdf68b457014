//! clap in Dutch: the help of every command, and every usage error as a Dutch sentence.
//!
//! clap writes English of its own: headings ("Options:", "Arguments:"), the usage line
//! (`Usage:`, `[OPTIONS]`, `<COMMAND>`), notes in the help (`[default: …]`,
//! `[possible values: …]`, `[env: …]`) and all its error messages. The help is made Dutch in
//! [`dutch_command`] by giving clap Dutch texts for all of these (and hiding the notes clap
//! cannot translate, adding them to the help text in Dutch instead). Errors are never printed by
//! clap: [`explain`] turns each [`ErrorKind`] and its context (the argument, the value, the
//! valid values, clap's suggestion) into a Dutch message that says what is wrong and what to do.

use crate::output::Out;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

const HELP_TEMPLATE: &str = "\
{before-help}{about-with-newline}
Gebruik: {usage}

{all-args}{after-help}";

/// Heading of the options in the help.
const OPTIONS: &str = "Opties";
/// Heading of the options every command takes (`--db`, `--help`).
const GLOBAL_OPTIONS: &str = "Algemene opties";
/// Heading of the positional arguments in the help.
const ARGUMENTS: &str = "Argumenten";
/// What the usage line shows for "some options".
const OPTIONS_TAG: &str = "[OPTIES]";

/// Makes clap's own texts Dutch, for the command and all its subcommands.
pub fn dutch_command(cmd: Command) -> Command {
    let name = cmd.get_name().to_string();
    let cmd = cmd.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .help("Toon de versie")
            .action(ArgAction::Version),
    );
    dutch(cmd, &name)
}

fn dutch(cmd: Command, path: &str) -> Command {
    let cmd = cmd
        .help_template(HELP_TEMPLATE)
        .subcommand_help_heading("Commando's")
        .subcommand_value_name("COMMANDO")
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .help("Toon deze hulp")
                .action(ArgAction::Help)
                .global(true),
        )
        .mut_args(dutch_arg);
    let usage = usage_of(&cmd, path);
    cmd.override_usage(usage).mut_subcommands(|sub| {
        let sub_path = format!("{path} {}", sub.get_name());
        dutch(sub, &sub_path)
    })
}

/// One argument: a Dutch heading, and clap's English notes replaced by Dutch text.
fn dutch_arg(arg: Arg) -> Arg {
    let heading = if arg.is_positional() {
        ARGUMENTS
    } else if arg.is_global_set() || matches!(arg.get_action(), ArgAction::Version) {
        GLOBAL_OPTIONS
    } else {
        OPTIONS
    };
    let mut notes = Vec::new();
    let values: Vec<_> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    if arg.get_action().takes_values() && !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        notes.push(format!("mogelijk: {}", names.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        notes.push(format!("standaard: {}", defaults.join(" ")));
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let mut long = help.clone();
    let arg = if notes.is_empty() {
        arg
    } else {
        let short = format!("{help} ({})", notes.join("; "));
        if values.iter().any(|v| v.get_help().is_some()) {
            long.push_str("\n\nMogelijke waarden:");
            for v in &values {
                long.push_str(&format!(
                    "\n- {}: {}",
                    v.get_name(),
                    v.get_help().map(ToString::to_string).unwrap_or_default()
                ));
            }
        }
        if !defaults.is_empty() {
            long.push_str(&format!("\n\nStandaard: {}", defaults.join(" ")));
        }
        arg.help(short).long_help(long)
    };
    let arg = arg.help_heading(heading).hide_env(true);
    if arg.get_action().takes_values() {
        arg.hide_default_value(true).hide_possible_values(true)
    } else {
        arg
    }
}

/// The usage line, as clap would write it but in Dutch: the command's path, `[OPTIES]` (every
/// command takes the global `--db`), the required options, the positional arguments and
/// `<COMMANDO>` for a command with subcommands.
fn usage_of(cmd: &Command, path: &str) -> String {
    let mut parts = vec![path.to_string(), OPTIONS_TAG.to_string()];
    for arg in cmd.get_arguments() {
        if arg.is_positional() || !arg.is_required_set() {
            continue;
        }
        if let Some(long) = arg.get_long() {
            parts.push(format!("--{long} <{}>", value_name(arg)));
        }
    }
    for arg in cmd.get_positionals() {
        let many = if matches!(arg.get_action(), ArgAction::Append) {
            "..."
        } else {
            ""
        };
        let name = value_name(arg);
        parts.push(if arg.is_required_set() {
            format!("<{name}>{many}")
        } else {
            format!("[{name}]{many}")
        });
    }
    if cmd.has_subcommands() {
        // A command that also works on its own (`definities`) takes its commando optionally.
        parts.push(if cmd.is_subcommand_required_set() {
            "<COMMANDO>".to_string()
        } else {
            "[COMMANDO]".to_string()
        });
    }
    parts.join(" ")
}

fn value_name(arg: &Arg) -> String {
    arg.get_value_names()
        .and_then(|names| names.first())
        .map(ToString::to_string)
        .unwrap_or_else(|| arg.get_id().as_str().to_uppercase())
}

/// What to do with a clap error: help and version on standard output with exit code 0; any
/// other error as a Dutch message on standard error with exit code 2.
pub fn explain(e: &clap::Error, cmd: &Command, args: &[String]) -> Out {
    let mut out = Out::default();
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            out.stdout = e.render().to_string();
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // A command with subcommands, given nothing: what it needs, then its help.
            let path = command_path(cmd, args);
            let sub = find(cmd, &path);
            out.note(format!("raadsbudget: {}", missing_subcommand(sub)));
            out.stderr.push('\n');
            out.stderr.push_str(&e.render().to_string());
            out.code = 2;
        }
        _ => {
            let path = command_path(cmd, args);
            let sub = find(cmd, &path);
            out.note(format!("raadsbudget: {}", message(e, sub, cmd)));
            out.note(format!("Gebruik: {}", usage_of(sub, &path.join(" "))));
            out.note(format!("Meer uitleg: {} --help", path.join(" ")));
            out.code = 2;
        }
    }
    out
}

/// The names of the (sub)commands the arguments reach, starting with the program's name.
fn command_path(cmd: &Command, args: &[String]) -> Vec<String> {
    let mut path = vec![cmd.get_name().to_string()];
    let mut here = cmd;
    for arg in args {
        if let Some(sub) = here.find_subcommand(arg) {
            path.push(sub.get_name().to_string());
            here = sub;
        }
    }
    path
}

fn find<'a>(cmd: &'a Command, path: &[String]) -> &'a Command {
    path.iter()
        .skip(1)
        .fold(cmd, |here, name| here.find_subcommand(name).unwrap_or(here))
}

fn text(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    }
}

fn list(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

/// "a, b of c".
fn one_of(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} of {last}", init.join(", ")),
    }
}

/// " Bedoelt u …?" when clap has a suggestion.
fn suggestion(e: &clap::Error) -> String {
    let mut s = list(e, ContextKind::SuggestedArg);
    s.extend(list(e, ContextKind::SuggestedSubcommand));
    s.extend(list(e, ContextKind::SuggestedValue));
    if s.is_empty() {
        String::new()
    } else {
        format!(" Bedoelt u {}?", one_of(&s))
    }
}

fn subcommand_names(cmd: &Command) -> Vec<String> {
    cmd.get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_string())
        .collect()
}

fn missing_subcommand(cmd: &Command) -> String {
    format!(
        "'{}' heeft een commando nodig: {}.",
        cmd.get_name(),
        one_of(&subcommand_names(cmd))
    )
}

/// Why a typed value does not parse, for the number types the CLI uses.
fn why_invalid(e: &clap::Error, value: &str) -> String {
    use std::error::Error as _;
    use std::num::IntErrorKind;
    let int = e
        .source()
        .and_then(|s| s.downcast_ref::<std::num::ParseIntError>());
    match int.map(|i| i.kind()) {
        Some(IntErrorKind::Empty) => "de waarde is leeg".into(),
        Some(IntErrorKind::InvalidDigit) => {
            "verwacht is een geheel getal van alleen cijfers, zoals 2026".into()
        }
        Some(IntErrorKind::PosOverflow) => "het getal is te groot".into(),
        Some(IntErrorKind::NegOverflow) => "het getal is te klein".into(),
        Some(IntErrorKind::Zero) => "nul kan hier niet".into(),
        // clap's own range check (a u16 above 65535).
        _ if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
            "het getal is te groot".into()
        }
        _ => "de waarde heeft niet de goede vorm".into(),
    }
}

/// The environment variable an option (`--db <PAD>`) can also be given with.
fn env_of(cmd: &Command, shown: &str) -> Option<String> {
    let long = shown.strip_prefix("--")?.split([' ', '=']).next()?;
    cmd.get_arguments()
        .find(|a| a.get_long() == Some(long))
        .and_then(|a| a.get_env())
        .map(|v| v.to_string_lossy().into_owned())
}

/// The Dutch sentence for a usage error (`cmd` is the (sub)command it happened in, `root` the
/// program, which holds the global options).
fn message(e: &clap::Error, cmd: &Command, root: &Command) -> String {
    let arg = text(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = text(e, ContextKind::InvalidValue).unwrap_or_default();
    match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            let env = env_of(cmd, &arg)
                .or_else(|| env_of(root, &arg))
                .map(|v| format!(" (ook {v} mag niet leeg zijn)"))
                .unwrap_or_default();
            format!("bij {arg} ontbreekt de waarde; geef die direct na de optie, niet leeg{env}.")
        }
        ErrorKind::InvalidValue => {
            let valid = list(e, ContextKind::ValidValue);
            let choose = if valid.is_empty() {
                String::new()
            } else {
                format!(" Kies {}.", one_of(&valid))
            };
            format!(
                "'{value}' is geen geldige waarde voor {arg}.{choose}{}",
                suggestion(e)
            )
        }
        ErrorKind::ValueValidation => format!(
            "'{value}' is geen geldige waarde voor {arg}: {}.",
            why_invalid(e, &value)
        ),
        ErrorKind::UnknownArgument => {
            let hint = if arg.starts_with('-') && arg.len() > 1 {
                " Een waarde die met '-' begint, geeft u zo: --optie=-waarde."
            } else {
                ""
            };
            let what = if arg.starts_with('-') {
                "onbekende optie"
            } else {
                "onverwacht argument"
            };
            let s = suggestion(e);
            let hint = if s.is_empty() { hint } else { "" };
            format!("{what} '{arg}'.{s}{hint}")
        }
        ErrorKind::InvalidSubcommand => {
            let sub = text(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            format!(
                "onbekend commando '{sub}'.{} De commando's zijn: {}.",
                suggestion(e),
                subcommand_names(cmd).join(", ")
            )
        }
        ErrorKind::MissingSubcommand => missing_subcommand(cmd),
        ErrorKind::MissingRequiredArgument => {
            let missing = list(e, ContextKind::InvalidArg);
            if missing.len() == 1 {
                format!("{} ontbreekt; geef die op.", missing[0])
            } else {
                format!("deze zijn nodig maar ontbreken: {}.", missing.join(", "))
            }
        }
        ErrorKind::ArgumentConflict => {
            let prior = list(e, ContextKind::PriorArg);
            if arg.is_empty() {
                // An option given together with a commando it does not belong to.
                let options = if prior.is_empty() {
                    "deze optie".to_string()
                } else {
                    prior.join(", ")
                };
                format!("{options} hoort niet bij dit commando; geef het commando zonder.")
            } else if prior.is_empty() || prior == [arg.clone()] {
                format!("{arg} mag maar één keer worden gegeven.")
            } else {
                format!(
                    "{arg} gaat niet samen met {}; kies één van beide.",
                    one_of(&prior)
                )
            }
        }
        ErrorKind::NoEquals => format!("geef de waarde van {arg} met een '=' erbij: {arg}=…"),
        ErrorKind::TooManyValues => {
            format!("{arg} krijgt hier te veel waarden: '{value}' is er één te veel.")
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let expected = text(e, ContextKind::ExpectedNumValues)
                .or_else(|| text(e, ContextKind::MinValues))
                .unwrap_or_default();
            let actual = text(e, ContextKind::ActualNumValues).unwrap_or_default();
            format!("{arg} vraagt {expected} waarde(n), maar kreeg er {actual}.")
        }
        ErrorKind::InvalidUtf8 => "een argument bevat tekens die geen geldige tekst (UTF-8) zijn; \
                                  controleer de namen van bestanden en mappen."
            .to_string(),
        _ => "deze opdracht wordt niet begrepen; controleer de schrijfwijze.".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_usage_line_is_dutch_and_complete() {
        let cmd = dutch_command(crate::cli::Cli::command());
        let zet = find(&cmd, &["raadsbudget".into(), "waarde".into(), "zet".into()]);
        assert_eq!(
            usage_of(zet, "raadsbudget waarde zet"),
            "raadsbudget waarde zet [OPTIES] --organisatie <ORGANISATIE> --jaar <JAAR> \
             --fase <FASE> --post <POST>"
        );
        assert_eq!(
            usage_of(&cmd, "raadsbudget"),
            "raadsbudget [OPTIES] <COMMANDO>"
        );
        let controleer = find(&cmd, &["raadsbudget".into(), "controleer".into()]);
        assert_eq!(
            usage_of(controleer, "raadsbudget controleer"),
            "raadsbudget controleer [OPTIES] [BESTAND]..."
        );
    }

    #[test]
    fn the_dutch_command_is_valid_for_clap() {
        dutch_command(crate::cli::Cli::command()).debug_assert();
    }

    #[test]
    fn one_of_lists_in_dutch() {
        assert_eq!(one_of(&["a".into()]), "a");
        assert_eq!(one_of(&["a".into(), "b".into(), "c".into()]), "a, b of c");
    }
}
