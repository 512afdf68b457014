//! The closed sets of the IPC as enums, so the UI gets TypeScript unions (`"begroting" |
//! "realisatie" | …`) instead of `string`. Each serialises to the stable Dutch code the domain
//! uses (checked in the tests below); Dutch labels for people stay in the views' text fields.

use raadsbudget_domain::catalogue::ChangeKind;
use raadsbudget_domain::kengetallen::Indicator;
use raadsbudget_domain::submission::Status;
use raadsbudget_domain::value::Reason;
#[cfg(test)]
use raadsbudget_domain::vergelijking::ComparisonError;
use raadsbudget_domain::vergelijking::PeerGroup;
use raadsbudget_domain::{Fase, OrgType, Severity, Unit};
use raadsbudget_usecases::uitvraag::UitvraagStatus;
use raadsbudget_usecases::Error;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One enum per closed set, mirroring a domain enum variant by variant.
macro_rules! code_enum {
    ($(#[$doc:meta])* $name:ident from $domain:ident { $($variant:ident),+ $(,)? }) => {
        code_enum! { $(#[$doc])* $name from $domain via as_str { $($variant),+ } }
    };
    ($(#[$doc:meta])* $name:ident from $domain:ident via $code:ident { $($(#[$va:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        #[allow(missing_docs)]
        pub enum $name {
            $($(#[$va])* $variant),+
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
            /// Every code, in the domain's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code as it travels (the domain's word).
            pub fn as_str(self) -> &'static str {
                $domain::from(self).$code()
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownCode;

            /// Exactly the travelling code, as serde reads it (no trimming, no case folding).
            fn from_str(text: &str) -> std::result::Result<$name, UnknownCode> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|c| c.as_str() == text)
                    .ok_or_else(|| UnknownCode(text.to_string()))
            }
        }

        text_eq!($name);
    };
}

/// A text that is not one of the codes of a closed set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode(pub String);

impl std::fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "onbekende code '{}'", self.0)
    }
}

impl std::error::Error for UnknownCode {}

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
    SeverityCode from Severity { Fout, Waarschuwing, Signaal }
}

code_enum! {
    /// The kind of organisation: `gemeente`, `provincie` or `waterschap`.
    OrgTypeCode from OrgType { Gemeente, Provincie, Waterschap }
}

code_enum! {
    /// A post's unit: `euro`, `fte`, `aantal` or `code`.
    UnitCode from Unit { Euro, Fte, Aantal, Code }
}

code_enum! {
    /// A bundled file's status: `geaccepteerd`, `vervangen`, `dubbel` or `afgewezen`.
    SubmissionStatusCode from Status { Geaccepteerd, Vervangen, Dubbel, Afgewezen }
}

code_enum! {
    /// The kind of a change between two versions of the definitions: `gelijk`, `hernoemd`,
    /// `gesplitst`, `samengevoegd`, `gewijzigd`, `vervallen` or `nieuw`.
    ChangeKindCode from ChangeKind via code {
        Gelijk,
        Hernoemd,
        Gesplitst,
        Samengevoegd,
        Gewijzigd,
        Vervallen,
        Nieuw,
    }
}

code_enum! {
    /// Why a field has no value: `nvt` or `onbekend`.
    ReasonCode from Reason { Nvt, Onbekend }
}

code_enum! {
    /// A figure to compare, as in `kengetallen.csv`: `kernbudget`, `per_inwoner`, `per_zetel`,
    /// `per_fractie`, `fte`, `fte_per_10000_inwoners`, `aandeel_totale_lasten` or `uitputting`.
    IndicatorCode from Indicator via code {
        Kernbudget,
        PerInwoner,
        PerZetel,
        PerFractie,
        Fte,
        #[serde(rename = "fte_per_10000_inwoners")]
        FtePer10000,
        AandeelTotaleLasten,
        Uitputting,
    }
}

/// A peer group: `grootteklasse`, `provincie`, `gemeenten`, `provincies`, `waterschappen` or
/// `lijst` (the codes travel beside it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[allow(missing_docs)]
pub enum GroupCode {
    Grootteklasse,
    Provincie,
    Gemeenten,
    Provincies,
    Waterschappen,
    Lijst,
}

impl GroupCode {
    /// The code as it travels.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupCode::Grootteklasse => "grootteklasse",
            GroupCode::Provincie => "provincie",
            GroupCode::Gemeenten => "gemeenten",
            GroupCode::Provincies => "provincies",
            GroupCode::Waterschappen => "waterschappen",
            GroupCode::Lijst => "lijst",
        }
    }

    /// The group, with the hand-picked codes for `lijst` (trimmed; ignored otherwise).
    pub fn groep(self, lijst: &[String]) -> PeerGroup {
        match self {
            GroupCode::Grootteklasse => PeerGroup::Grootteklasse,
            GroupCode::Provincie => PeerGroup::Provincie,
            GroupCode::Gemeenten => PeerGroup::Gemeenten,
            GroupCode::Provincies => PeerGroup::Provincies,
            GroupCode::Waterschappen => PeerGroup::Waterschappen,
            GroupCode::Lijst => {
                PeerGroup::Lijst(lijst.iter().map(|c| c.trim().to_string()).collect())
            }
        }
    }
}

text_eq!(GroupCode);

impl std::str::FromStr for GroupCode {
    type Err = UnknownCode;

    fn from_str(text: &str) -> std::result::Result<GroupCode, UnknownCode> {
        PeerGroup::menu()
            .iter()
            .map(GroupCode::from)
            .find(|c| c.as_str() == text)
            .ok_or_else(|| UnknownCode(text.to_string()))
    }
}

impl From<&PeerGroup> for GroupCode {
    fn from(g: &PeerGroup) -> GroupCode {
        match g {
            PeerGroup::Grootteklasse => GroupCode::Grootteklasse,
            PeerGroup::Provincie => GroupCode::Provincie,
            PeerGroup::Gemeenten => GroupCode::Gemeenten,
            PeerGroup::Provincies => GroupCode::Provincies,
            PeerGroup::Waterschappen => GroupCode::Waterschappen,
            PeerGroup::Lijst(_) => GroupCode::Lijst,
        }
    }
}

/// Where an uitvraag stands: `leeg`, `concept`, `gecontroleerd`, `ingediend` or
/// `gewijzigd_na_indiening`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[allow(missing_docs)]
pub enum UitvraagStatusCode {
    Leeg,
    Concept,
    Gecontroleerd,
    Ingediend,
    GewijzigdNaIndiening,
}

impl UitvraagStatusCode {
    /// The code as it travels.
    pub fn as_str(self) -> &'static str {
        match self {
            UitvraagStatusCode::Leeg => "leeg",
            UitvraagStatusCode::Concept => "concept",
            UitvraagStatusCode::Gecontroleerd => "gecontroleerd",
            UitvraagStatusCode::Ingediend => "ingediend",
            UitvraagStatusCode::GewijzigdNaIndiening => "gewijzigd_na_indiening",
        }
    }
}

text_eq!(UitvraagStatusCode);

impl From<UitvraagStatus> for UitvraagStatusCode {
    fn from(s: UitvraagStatus) -> UitvraagStatusCode {
        match s {
            UitvraagStatus::Leeg => UitvraagStatusCode::Leeg,
            UitvraagStatus::Concept => UitvraagStatusCode::Concept,
            UitvraagStatus::Gecontroleerd => UitvraagStatusCode::Gecontroleerd,
            UitvraagStatus::Ingediend { .. } => UitvraagStatusCode::Ingediend,
            UitvraagStatus::GewijzigdNaIndiening { .. } => UitvraagStatusCode::GewijzigdNaIndiening,
        }
    }
}

/// The kind of an error the UI can branch on: `invoer`, `waarde`, `niet_gevonden`,
/// `meldingen`, `opslag` or `bestand`; and `onbekend`, which Rust never sends: the UI's
/// `api.ts` gives it to a rejection that is not an error view (Tauri refusing an argument
/// before the command runs).
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
    Onbekend,
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
            ErrorKind::Onbekend => "onbekend",
        }
    }
}

text_eq!(ErrorKind);

impl From<&Error> for ErrorKind {
    fn from(e: &Error) -> ErrorKind {
        match e {
            Error::Invalid(_)
            | Error::Organisation(_)
            | Error::Register(_)
            | Error::Waarden(_)
            | Error::BenchmarkWrite(_) => ErrorKind::Invoer,
            Error::Value(_) => ErrorKind::Waarde,
            Error::NotFound(_) => ErrorKind::NietGevonden,
            Error::Comparison(c) if c.is_not_found() => ErrorKind::NietGevonden,
            Error::Comparison(_) => ErrorKind::Invoer,
            Error::Findings { .. } => ErrorKind::Meldingen,
            Error::Store(_) | Error::RestoreFailed { .. } => ErrorKind::Opslag,
            Error::Io { .. } => ErrorKind::Bestand,
        }
    }
}

impl SeverityCode {
    /// Dutch label for people.
    pub fn label(self) -> &'static str {
        match self {
            SeverityCode::Fout => "Fout",
            SeverityCode::Waarschuwing => "Waarschuwing",
            SeverityCode::Signaal => "Signaal",
        }
    }
}

impl OrgTypeCode {
    /// Dutch label for people.
    pub fn label(self) -> &'static str {
        match self {
            OrgTypeCode::Gemeente => "Gemeente",
            OrgTypeCode::Provincie => "Provincie",
            OrgTypeCode::Waterschap => "Waterschap",
        }
    }
}

impl SubmissionStatusCode {
    /// Dutch label for people.
    pub fn label(self) -> &'static str {
        match self {
            SubmissionStatusCode::Geaccepteerd => "Geaccepteerd",
            SubmissionStatusCode::Vervangen => "Vervangen",
            SubmissionStatusCode::Dubbel => "Dubbel",
            SubmissionStatusCode::Afgewezen => "Afgewezen",
        }
    }
}

impl ErrorKind {
    /// The Dutch heading of an error of this kind.
    pub fn kop(self) -> &'static str {
        match self {
            ErrorKind::Opslag => "De gegevens konden niet worden opgeslagen of gelezen",
            ErrorKind::Bestand => "Probleem met een bestand",
            ErrorKind::Invoer => "De invoer klopt niet",
            ErrorKind::NietGevonden => "Niet gevonden",
            ErrorKind::Meldingen => "Geweigerd vanwege fouten",
            ErrorKind::Waarde => "De waarde past niet",
            ErrorKind::Onbekend => "Er ging iets mis",
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
            assert_eq!(f.as_str().parse(), Ok(FaseCode::from(f)));
        }
        assert_eq!(FaseCode::ALL.len(), Fase::ALL.len());
        for k in ChangeKind::ALL {
            assert_eq!(json(ChangeKindCode::from(k)), k.code());
        }
        assert!("Begroting".parse::<FaseCode>().is_err());
        assert!(" nvt".parse::<ReasonCode>().is_err());
        for s in [Severity::Fout, Severity::Waarschuwing, Severity::Signaal] {
            assert_eq!(json(SeverityCode::from(s)), s.as_str());
        }
        for t in OrgType::ALL {
            assert_eq!(json(OrgTypeCode::from(t)), t.as_str());
        }
        for u in [Unit::Euro, Unit::Fte, Unit::Aantal, Unit::Code] {
            assert_eq!(json(UnitCode::from(u)), u.as_str());
        }
        for r in [Reason::Nvt, Reason::Onbekend] {
            assert_eq!(json(ReasonCode::from(r)), r.as_str());
        }
        for i in Indicator::ALL {
            assert_eq!(json(IndicatorCode::from(i)), i.code());
        }
        for g in PeerGroup::menu() {
            let code = GroupCode::from(&g);
            assert_eq!(json(code), g.code());
            assert_eq!(g.code().parse(), Ok(code));
            assert_eq!(code.groep(&[]), g);
        }
        for s in Status::ALL {
            assert_eq!(json(SubmissionStatusCode::from(s)), s.as_str());
        }
        for s in [
            UitvraagStatus::Leeg,
            UitvraagStatus::Concept,
            UitvraagStatus::Gecontroleerd,
            UitvraagStatus::Ingediend { revisie: 1 },
            UitvraagStatus::GewijzigdNaIndiening { revisie: 1 },
        ] {
            assert_eq!(json(UitvraagStatusCode::from(s)), s.code());
        }
        for e in [
            Error::Invalid(String::new()),
            Error::Comparison(ComparisonError::NoData {
                jaar: 2026,
                fase: Fase::Begroting,
            }),
            Error::Comparison(ComparisonError::UnknownGroup("x".into())),
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
