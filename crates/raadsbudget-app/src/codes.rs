//! The closed sets of the IPC as enums, so the UI gets TypeScript unions (`"begroting" |
//! "realisatie" | …`) instead of `string`. Each serialises to the stable Dutch code the domain
//! uses (checked in the tests below); Dutch labels for people stay in the views' text fields.

use raadsbudget_domain::submission::Status;
use raadsbudget_domain::{Fase, OrgType, Severity, Unit};
use raadsbudget_usecases::uitvraag::UitvraagStatus;
use raadsbudget_usecases::Error;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One enum per closed set, mirroring a domain enum variant by variant.
macro_rules! code_enum {
    ($(#[$doc:meta])* $name:ident from $domain:ident { $($variant:ident),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        #[allow(missing_docs)]
        pub enum $name {
            $($variant),+
        }

        impl From<$domain> for $name {
            fn from(d: $domain) -> $name {
                match d {
                    $($domain::$variant => $name::$variant),+
                }
            }
        }

        impl From<$name> for $domain {
            fn from(c: $name) -> $domain {
                match c {
                    $($name::$variant => $domain::$variant),+
                }
            }
        }

        impl $name {
            /// The code as it travels (the domain's word).
            pub fn as_str(self) -> &'static str {
                $domain::from(self).as_str()
            }
        }

        text_eq!($name);
    };
}

/// `code == "begroting"`: a code compares equal to its text.
macro_rules! text_eq {
    ($name:ident) => {
        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

code_enum! {
    /// A block's fase: `kenmerk`, `begroting` or `realisatie`.
    FaseCode from Fase { Kenmerk, Begroting, Realisatie }
}

code_enum! {
    /// A finding's severity: `fout`, `waarschuwing` or `signaal`.
    Ernst from Severity { Fout, Waarschuwing, Signaal }
}

code_enum! {
    /// The kind of organisation: `gemeente`, `provincie` or `waterschap`.
    Soort from OrgType { Gemeente, Provincie, Waterschap }
}

code_enum! {
    /// A post's unit: `euro`, `fte`, `aantal` or `code`.
    Eenheid from Unit { Euro, Fte, Aantal, Code }
}

code_enum! {
    /// A bundled file's status: `geaccepteerd`, `vervangen`, `dubbel` or `afgewezen`.
    InzendingStatus from Status { Geaccepteerd, Vervangen, Dubbel, Afgewezen }
}

/// Where an uitvraag stands: `leeg`, `concept`, `gecontroleerd`, `ingediend` or
/// `gewijzigd_na_indiening`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[allow(missing_docs)]
pub enum StatusCode {
    Leeg,
    Concept,
    Gecontroleerd,
    Ingediend,
    GewijzigdNaIndiening,
}

impl StatusCode {
    /// The code as it travels.
    pub fn as_str(self) -> &'static str {
        match self {
            StatusCode::Leeg => "leeg",
            StatusCode::Concept => "concept",
            StatusCode::Gecontroleerd => "gecontroleerd",
            StatusCode::Ingediend => "ingediend",
            StatusCode::GewijzigdNaIndiening => "gewijzigd_na_indiening",
        }
    }
}

text_eq!(StatusCode);

impl From<UitvraagStatus> for StatusCode {
    fn from(s: UitvraagStatus) -> StatusCode {
        match s {
            UitvraagStatus::Leeg => StatusCode::Leeg,
            UitvraagStatus::Concept => StatusCode::Concept,
            UitvraagStatus::Gecontroleerd => StatusCode::Gecontroleerd,
            UitvraagStatus::Ingediend { .. } => StatusCode::Ingediend,
            UitvraagStatus::GewijzigdNaIndiening { .. } => StatusCode::GewijzigdNaIndiening,
        }
    }
}

/// The kind of an error the UI can branch on: `invoer`, `waarde`, `niet_gevonden`,
/// `meldingen`, `opslag` or `bestand`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[allow(missing_docs)]
pub enum ErrorKind {
    Invoer,
    Waarde,
    NietGevonden,
    Meldingen,
    Opslag,
    Bestand,
}

impl ErrorKind {
    /// The code as it travels.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Invoer => "invoer",
            ErrorKind::Waarde => "waarde",
            ErrorKind::NietGevonden => "niet_gevonden",
            ErrorKind::Meldingen => "meldingen",
            ErrorKind::Opslag => "opslag",
            ErrorKind::Bestand => "bestand",
        }
    }
}

text_eq!(ErrorKind);

impl From<&Error> for ErrorKind {
    fn from(e: &Error) -> ErrorKind {
        match e {
            Error::Invalid(_) => ErrorKind::Invoer,
            Error::Value(_) => ErrorKind::Waarde,
            Error::NotFound(_) => ErrorKind::NietGevonden,
            Error::Findings { .. } => ErrorKind::Meldingen,
            Error::Store(_) | Error::RestoreFailed { .. } => ErrorKind::Opslag,
            Error::Io { .. } => ErrorKind::Bestand,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json<T: Serialize>(v: T) -> String {
        serde_json::to_string(&v)
            .unwrap()
            .trim_matches('"')
            .to_string()
    }

    #[test]
    fn every_code_is_the_domain_word() {
        for f in Fase::ALL {
            assert_eq!(json(FaseCode::from(f)), f.as_str());
        }
        for s in [Severity::Fout, Severity::Waarschuwing, Severity::Signaal] {
            assert_eq!(json(Ernst::from(s)), s.as_str());
        }
        for t in OrgType::ALL {
            assert_eq!(json(Soort::from(t)), t.as_str());
        }
        for u in [Unit::Euro, Unit::Fte, Unit::Aantal, Unit::Code] {
            assert_eq!(json(Eenheid::from(u)), u.as_str());
        }
        for s in Status::ALL {
            assert_eq!(json(InzendingStatus::from(s)), s.as_str());
        }
        for s in [
            UitvraagStatus::Leeg,
            UitvraagStatus::Concept,
            UitvraagStatus::Gecontroleerd,
            UitvraagStatus::Ingediend { revisie: 1 },
            UitvraagStatus::GewijzigdNaIndiening { revisie: 1 },
        ] {
            assert_eq!(json(StatusCode::from(s)), s.code());
        }
        for e in [
            Error::Invalid(String::new()),
            Error::NotFound(String::new()),
            Error::Findings {
                message: String::new(),
                findings: Vec::new(),
            },
            Error::Io {
                path: "x".into(),
                source: std::io::Error::other("x"),
            },
        ] {
            assert_eq!(json(ErrorKind::from(&e)), e.kind());
        }
    }
}
