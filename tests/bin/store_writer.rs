//! `store-writer DB COUNT`: sets COUNT values one by one through the use-case layer and prints
//! `ok N` after each committed write. The crash test kills it part-way.

use raadsbudget_domain::Fase;
use raadsbudget_usecases::values::{Input, SetValue};
use raadsbudget_usecases::Session;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(db), Some(count)) = (args.get(1), args.get(2).and_then(|c| c.parse::<u32>().ok()))
    else {
        eprintln!("gebruik: store-writer DB AANTAL");
        return ExitCode::from(2);
    };
    let mut session = match Session::open(std::path::Path::new(db)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if session.organisation("GM0001").is_err() {
        if let Err(e) = session.add_organisation("GM0001", "Proefstad") {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    }
    let mut stdout = std::io::stdout().lock();
    for i in 0..count {
        // Each write changes the same post in a different year, so every committed value can be
        // checked afterwards: year 2000 + (i % 100), value i.
        let req = SetValue {
            organisation: "GM0001".into(),
            jaar: 2000 + u16::try_from(i % 100).unwrap_or(0),
            fase: Fase::Begroting,
            post: "GRF.PERSONEEL".into(),
            input: Input::Waarde(format!("{i}.00")),
            toelichting: Some(format!("schrijfactie {i}")),
            uitvraag: None,
        };
        if let Err(e) = session.set_value(&req) {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
        if writeln!(stdout, "ok {i}")
            .and_then(|()| stdout.flush())
            .is_err()
        {
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}
