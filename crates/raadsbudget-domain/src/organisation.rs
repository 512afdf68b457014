//! Organisations: gemeenten, provincies and waterschappen, identified by their code.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The three kinds of organisation that take part in the uitvraag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgType {
    /// A gemeente: code `GM` + 4 digits.
    Gemeente,
    /// A provincie: code `PV` + 2 digits (PV20–PV31).
    Provincie,
    /// A waterschap: code `WS` + 4 digits.
    Waterschap,
}

impl OrgType {
    /// All types, in the order used for display and statistics.
    pub const ALL: [OrgType; 3] = [OrgType::Gemeente, OrgType::Provincie, OrgType::Waterschap];

    /// The Dutch word used in files and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            OrgType::Gemeente => "gemeente",
            OrgType::Provincie => "provincie",
            OrgType::Waterschap => "waterschap",
        }
    }

    /// The code prefix of this type.
    pub fn prefix(self) -> &'static str {
        match self {
            OrgType::Gemeente => "GM",
            OrgType::Provincie => "PV",
            OrgType::Waterschap => "WS",
        }
    }

    fn digits(self) -> usize {
        match self {
            OrgType::Provincie => 2,
            OrgType::Gemeente | OrgType::Waterschap => 4,
        }
    }
}

impl fmt::Display for OrgType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text is not `gemeente`, `provincie` or `waterschap`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("onbekend organisatietype '{0}' (kies gemeente, provincie of waterschap)")]
pub struct UnknownOrgType(pub String);

impl FromStr for OrgType {
    type Err = UnknownOrgType;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OrgType::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| UnknownOrgType(s.to_string()))
    }
}

/// Why a text is not a valid organisation code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrgCodeError {
    /// Not one of the three patterns.
    #[error("'{0}' is geen geldige organisatiecode (verwacht GM gevolgd door 4 cijfers, PV gevolgd door 2 cijfers of WS gevolgd door 4 cijfers)")]
    Pattern(String),
    /// A provincie code outside PV20–PV31.
    #[error("'{0}' is geen bestaande provinciecode (PV20 tot en met PV31)")]
    Provincie(String),
}

/// A validated organisation code such as `GM0363`, `PV27` or `WS0155`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrgCode(String);

impl OrgCode {
    /// Parses and checks a code; the type follows from the prefix.
    pub fn parse(text: &str) -> Result<OrgCode, OrgCodeError> {
        let org_type = OrgType::ALL
            .into_iter()
            .find(|t| text.starts_with(t.prefix()))
            .ok_or_else(|| OrgCodeError::Pattern(text.to_string()))?;
        let digits = &text[2..];
        if digits.len() != org_type.digits() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(OrgCodeError::Pattern(text.to_string()));
        }
        if org_type == OrgType::Provincie {
            let n: u8 = digits.parse().unwrap_or(0);
            if !(20..=31).contains(&n) {
                return Err(OrgCodeError::Provincie(text.to_string()));
            }
        }
        Ok(OrgCode(text.to_string()))
    }

    /// The organisation type that this code's prefix stands for.
    pub fn org_type(&self) -> OrgType {
        match &self.0[..2] {
            "GM" => OrgType::Gemeente,
            "PV" => OrgType::Provincie,
            _ => OrgType::Waterschap,
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrgCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for OrgCode {
    type Error = OrgCodeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        OrgCode::parse(&value)
    }
}

impl From<OrgCode> for String {
    fn from(value: OrgCode) -> Self {
        value.0
    }
}

/// Why an organisation is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrganisationError {
    /// The code is malformed.
    #[error(transparent)]
    Code(#[from] OrgCodeError),
    /// The declared type does not match the code's prefix.
    #[error("organisatiecode {code} hoort bij een {expected}, maar het opgegeven type is {given}")]
    TypeMismatch {
        /// The code.
        code: String,
        /// The type the prefix stands for.
        expected: OrgType,
        /// The type that was given.
        given: OrgType,
    },
    /// The name is empty.
    #[error("de naam van de organisatie is leeg")]
    EmptyName,
    /// The name cannot be carried by the benchmark file.
    #[error("naam van de organisatie: {0}")]
    Name(String),
}

/// An organisation taking part in the uitvraag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    /// The code, e.g. `GM0363`.
    pub code: OrgCode,
    /// The name, e.g. `Amsterdam`.
    pub naam: String,
}

impl Organisation {
    /// Builds an organisation from a code and name, checking both.
    pub fn new(code: &str, naam: &str) -> Result<Organisation, OrganisationError> {
        let code = OrgCode::parse(code.trim())?;
        let naam = naam.trim();
        if naam.is_empty() {
            return Err(OrganisationError::EmptyName);
        }
        crate::value::check_free_text(naam).map_err(OrganisationError::Name)?;
        Ok(Organisation {
            code,
            naam: naam.to_string(),
        })
    }

    /// The organisation type (follows from the code).
    pub fn org_type(&self) -> OrgType {
        self.code.org_type()
    }

    /// Checks that a declared type matches the code's prefix.
    pub fn check_type(&self, given: OrgType) -> Result<(), OrganisationError> {
        if given == self.org_type() {
            Ok(())
        } else {
            Err(OrganisationError::TypeMismatch {
                code: self.code.to_string(),
                expected: self.org_type(),
                given,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_types() {
        assert_eq!(
            OrgCode::parse("GM0363").unwrap().org_type(),
            OrgType::Gemeente
        );
        assert_eq!(
            OrgCode::parse("PV27").unwrap().org_type(),
            OrgType::Provincie
        );
        assert_eq!(
            OrgCode::parse("WS0155").unwrap().org_type(),
            OrgType::Waterschap
        );
        for bad in [
            "", "GM363", "GM03630", "gm0363", "PV2", "PV32", "PV19", "XX0001", "GMabcd", "GMé1",
        ] {
            assert!(OrgCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn type_must_match_prefix() {
        let org = Organisation::new("GM0363", "Amsterdam").unwrap();
        assert!(org.check_type(OrgType::Gemeente).is_ok());
        let err = org.check_type(OrgType::Provincie).unwrap_err();
        assert!(err.to_string().contains("hoort bij een gemeente"));
        assert_eq!(
            Organisation::new("GM0363", "  "),
            Err(OrganisationError::EmptyName)
        );
    }
}
