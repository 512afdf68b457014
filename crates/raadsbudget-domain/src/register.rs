//! Registers of organisations: lists of codes and names, with the province each gemeente lies
//! in. The built-in ones are CBS facts (the gemeentelijke indeling on 1 January of a peiljaar
//! and the twelve provincies) kept as data in `assets/registers/<naam>.toml`, one file per
//! peiljaar, embedded at build time; a register file a researcher brings is read by
//! `raadsbudget-formats::register` into the same [`RegisterEntry`].
//!
//! A built-in register is named by its file (`cbs-2025`); `cbs-2025-gemeenten` and
//! `cbs-2025-provincies` name its two parts ([`builtin`]). Waterschappen are in no built-in
//! register: their code and name are entered by hand.

use crate::organisation::{OrgCode, OrgType};
use serde::Deserialize;
use std::sync::OnceLock;

/// One organisation of a register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterEntry {
    /// The code.
    pub code: OrgCode,
    /// The name.
    pub naam: String,
    /// The province the organisation lies in (its name, else its code), when the register
    /// says so (the CBS list of gemeenten has `provinciecode` and `provincienaam`).
    pub provincie: Option<String>,
}

/// A built-in register: the gemeenten and provincies of one peiljaar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Register {
    /// The name to choose it by, e.g. `cbs-2025`.
    pub naam: String,
    /// The year on whose 1 January the list holds.
    pub peiljaar: u16,
    /// A Dutch title, e.g. "Gemeenten en provincies op 1 januari 2025".
    pub titel: String,
    /// The source, e.g. "Bron: CBS, gemeentelijke indeling op 1 januari 2025".
    pub bron: String,
    /// Every organisation, sorted by code (gemeenten, then provincies).
    entries: Vec<RegisterEntry>,
    /// Names a gemeente is also known by (`Den Haag` for `'s-Gravenhage`): `(code, naam)`.
    aliases: Vec<(OrgCode, String)>,
}

/// Which part of a built-in register a name chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Gemeenten and provincies.
    All,
    /// Only the gemeenten.
    Gemeenten,
    /// Only the provincies.
    Provincies,
}

/// A built-in register, or a part of it, as chosen by name.
#[derive(Debug, Clone, Copy)]
pub struct Chosen {
    /// The register.
    pub register: &'static Register,
    /// The part of it.
    pub part: Part,
}

impl Chosen {
    /// The organisations of the chosen part, sorted by code.
    pub fn entries(&self) -> Vec<RegisterEntry> {
        let keep = |t: OrgType| match self.part {
            Part::All => true,
            Part::Gemeenten => t == OrgType::Gemeente,
            Part::Provincies => t == OrgType::Provincie,
        };
        self.register
            .entries
            .iter()
            .filter(|e| keep(e.code.org_type()))
            .cloned()
            .collect()
    }
}

/// Why an embedded register file is not valid (a build defect: a test loads every one).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("register {file}: {message}")]
pub struct RegisterFileError {
    /// The file's name.
    pub file: String,
    /// What is wrong.
    pub message: String,
}

/// The register files, embedded at build time, oldest peiljaar first.
const EMBEDDED: &[(&str, &str)] = &[(
    "cbs-2025.toml",
    include_str!("../../../assets/registers/cbs-2025.toml"),
)];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterFile {
    naam: String,
    peiljaar: u16,
    titel: String,
    bron: String,
    provincies: Vec<(String, String)>,
    gemeenten: Vec<(String, String, String)>,
    #[serde(default)]
    bekend_als: Vec<(String, String)>,
}

impl Register {
    /// Reads and checks a register file: codes valid and unique, names not empty, every
    /// gemeente in a listed provincie, every alias naming a listed organisation.
    pub fn from_toml(file: &str, text: &str) -> Result<Register, RegisterFileError> {
        let err = |message: String| RegisterFileError {
            file: file.to_string(),
            message,
        };
        let raw: RegisterFile = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        let code = |c: &str, want: OrgType| {
            OrgCode::parse(c)
                .ok()
                .filter(|p| p.org_type() == want)
                .ok_or_else(|| err(format!("'{c}' is geen code van een {want}")))
        };
        let name = |n: &str, c: &str| {
            if n.trim().is_empty() || n.trim() != n {
                Err(err(format!(
                    "{c}: de naam '{n}' is leeg of heeft spaties rond"
                )))
            } else {
                Ok(n.to_string())
            }
        };
        let mut entries = Vec::new();
        for (c, n) in &raw.provincies {
            entries.push(RegisterEntry {
                code: code(c, OrgType::Provincie)?,
                naam: name(n, c)?,
                provincie: None,
            });
        }
        for (c, n, p) in &raw.gemeenten {
            let provincie = raw
                .provincies
                .iter()
                .find(|(pc, _)| pc == p)
                .map(|(_, pn)| pn.clone())
                .ok_or_else(|| err(format!("{c}: provincie '{p}' staat niet in de lijst")))?;
            entries.push(RegisterEntry {
                code: code(c, OrgType::Gemeente)?,
                naam: name(n, c)?,
                provincie: Some(provincie),
            });
        }
        entries.sort_by(|a, b| a.code.cmp(&b.code));
        if let Some(w) = entries.windows(2).find(|w| w[0].code == w[1].code) {
            return Err(err(format!("{} staat er twee keer in", w[0].code)));
        }
        let mut aliases = Vec::new();
        for (c, n) in &raw.bekend_als {
            let parsed = OrgCode::parse(c).map_err(|e| err(e.to_string()))?;
            if !entries.iter().any(|e| e.code == parsed) {
                return Err(err(format!("bekend_als: {c} staat niet in de lijst")));
            }
            aliases.push((parsed, name(n, c)?));
        }
        if raw.naam.trim().is_empty() || raw.titel.trim().is_empty() || raw.bron.trim().is_empty() {
            return Err(err("naam, titel en bron mogen niet leeg zijn".into()));
        }
        Ok(Register {
            naam: raw.naam,
            peiljaar: raw.peiljaar,
            titel: raw.titel,
            bron: raw.bron,
            entries,
            aliases,
        })
    }

    /// Every organisation, sorted by code.
    pub fn entries(&self) -> &[RegisterEntry] {
        &self.entries
    }

    /// The organisation with this code.
    pub fn get(&self, code: &OrgCode) -> Option<&RegisterEntry> {
        self.entries
            .binary_search_by(|e| e.code.cmp(code))
            .ok()
            .and_then(|i| self.entries.get(i))
    }

    /// The organisations whose code or name matches what was typed, best first, at most
    /// `limit`. Case, accents and punctuation do not matter (`fryslan`, `s-gravenhage`), and a
    /// gemeente is also found by a name it is known by (`Den Haag`). Best: the code itself,
    /// then a name equal to the text, a name starting with it, a word of it starting with it,
    /// a name holding it; ties by name.
    pub fn search(&self, typed: &str, limit: usize) -> Vec<&RegisterEntry> {
        let query = fold(typed);
        if query.is_empty() {
            return Vec::new();
        }
        let code_query = typed.trim().to_ascii_uppercase();
        let mut hits: Vec<(u8, &RegisterEntry)> = self
            .entries
            .iter()
            .filter_map(|e| {
                let by_code = (e.code.as_str() == code_query).then_some(0);
                let by_code_part = (code_query.len() >= 3
                    && code_query.bytes().all(|b| b.is_ascii_alphanumeric())
                    && e.code.as_str().contains(&code_query))
                .then_some(5);
                let names = std::iter::once(e.naam.as_str()).chain(
                    self.aliases
                        .iter()
                        .filter(|(c, _)| *c == e.code)
                        .map(|(_, n)| n.as_str()),
                );
                let by_name = names.filter_map(|n| rank_name(&fold(n), &query)).min();
                [by_code, by_name, by_code_part]
                    .into_iter()
                    .flatten()
                    .min()
                    .map(|r| (r, e))
            })
            .collect();
        hits.sort_by(|(ra, a), (rb, b)| {
            ra.cmp(rb)
                .then_with(|| fold(&a.naam).cmp(&fold(&b.naam)))
                .then_with(|| a.code.cmp(&b.code))
        });
        hits.into_iter().take(limit).map(|(_, e)| e).collect()
    }
}

/// How well a folded name matches a folded query (lower is better), if at all.
fn rank_name(name: &str, query: &str) -> Option<u8> {
    if name == query {
        Some(1)
    } else if name.starts_with(query) {
        Some(2)
    } else if name.split(' ').any(|w| w.starts_with(query)) {
        Some(3)
    } else if name.contains(query) {
        Some(4)
    } else {
        None
    }
}

/// Text for matching: lower case, accents removed, apostrophes dropped, other punctuation a
/// space, spaces collapsed (`'s-Gravenhage` → `s gravenhage`, `Fryslân` → `fryslan`).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            '\'' | '’' | '‘' | '`' => continue,
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        if base == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(base);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The built-in registers, oldest peiljaar first.
pub fn all() -> &'static [Register] {
    static ALL: OnceLock<Vec<Register>> = OnceLock::new();
    ALL.get_or_init(|| {
        EMBEDDED
            .iter()
            .map(|(file, text)| match Register::from_toml(file, text) {
                Ok(r) => r,
                // A build defect, not user data: a test loads every embedded register, so
                // such a build never passes CI.
                Err(e) => panic!("embedded register is invalid: {e}"),
            })
            .collect()
    })
}

/// The built-in register (or part) with this name: `cbs-2025`, `cbs-2025-gemeenten`,
/// `cbs-2025-provincies` (case-insensitive).
pub fn builtin(name: &str) -> Option<Chosen> {
    let name = name.trim().to_ascii_lowercase();
    all().iter().find_map(|r| {
        let part = if name == r.naam {
            Part::All
        } else if name == format!("{}-gemeenten", r.naam) {
            Part::Gemeenten
        } else if name == format!("{}-provincies", r.naam) {
            Part::Provincies
        } else {
            return None;
        };
        Some(Chosen { register: r, part })
    })
}

/// The names [`builtin`] knows, for messages and help texts.
pub fn builtin_names() -> Vec<String> {
    all()
        .iter()
        .flat_map(|r| {
            [
                r.naam.clone(),
                format!("{}-gemeenten", r.naam),
                format!("{}-provincies", r.naam),
            ]
        })
        .collect()
}

/// The register that holds for a year: the newest whose peiljaar is at most `jaar`, else the
/// oldest (a year before every built-in register).
pub fn for_year(jaar: u16) -> &'static Register {
    let all = all();
    all.iter()
        .rev()
        .find(|r| r.peiljaar <= jaar)
        .or_else(|| all.first())
        .unwrap_or_else(|| unreachable!("at least one register is embedded (a test checks it)"))
}

/// The newest built-in register.
pub fn newest() -> &'static Register {
    for_year(u16::MAX)
}

/// The province a gemeente lay in in the register for `jaar` (its name), if it is in it.
pub fn provincie_of(code: &OrgCode, jaar: u16) -> Option<&'static str> {
    for_year(jaar).get(code)?.provincie.as_deref()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: &str) -> OrgCode {
        OrgCode::parse(c).unwrap()
    }

    #[test]
    fn every_embedded_register_loads_with_all_gemeenten_and_provincies() {
        assert!(!all().is_empty());
        let r = builtin("cbs-2025").unwrap();
        assert_eq!(r.part, Part::All);
        assert_eq!(r.register.peiljaar, 2025);
        assert!(r.register.bron.starts_with("Bron: CBS"));
        let gemeenten = builtin("CBS-2025-gemeenten").unwrap().entries();
        let provincies = builtin("cbs-2025-provincies").unwrap().entries();
        assert_eq!((gemeenten.len(), provincies.len()), (342, 12));
        assert_eq!(r.entries().len(), 354);
        // Per province as CBS counts them on 1 January 2025.
        let count = |p: &str| {
            gemeenten
                .iter()
                .filter(|e| e.provincie.as_deref() == Some(p))
                .count()
        };
        assert_eq!(count("Noord-Holland"), 44);
        assert_eq!(count("Fryslân"), 18);
        assert_eq!(count("Flevoland"), 6);
        assert!(builtin("cbs-2024").is_none());
        assert_eq!(builtin_names()[0], "cbs-2025");
    }

    #[test]
    fn a_gemeente_knows_its_province_in_the_register_of_the_year() {
        assert_eq!(provincie_of(&code("GM0363"), 2026), Some("Noord-Holland"));
        assert_eq!(provincie_of(&code("GM0014"), 2025), Some("Groningen"));
        // Before the first peiljaar, the oldest register is the best there is.
        assert_eq!(provincie_of(&code("GM0363"), 2020), Some("Noord-Holland"));
        assert_eq!(provincie_of(&code("GM9999"), 2026), None);
        assert_eq!(provincie_of(&code("PV27"), 2026), None);
        assert_eq!(newest().get(&code("PV21")).unwrap().naam, "Fryslân");
    }

    #[test]
    fn search_finds_by_part_of_the_name_or_the_code_best_first() {
        let r = newest();
        let names = |q: &str| {
            r.search(q, 5)
                .iter()
                .map(|e| e.naam.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names("Amsterdam")[0], "Amsterdam");
        assert_eq!(r.search("amster", 5)[0].code.as_str(), "GM0363");
        assert_eq!(r.search("gm0363", 5)[0].naam, "Amsterdam");
        assert_eq!(r.search("0363", 5)[0].naam, "Amsterdam");
        // Accents, apostrophes and hyphens do not matter; known-as names work.
        assert_eq!(
            names("fryslan"),
            ["Fryslân", "Noardeast-Fryslân", "Súdwest-Fryslân"]
        );
        assert_eq!(names("s-gravenhage")[0], "'s-Gravenhage");
        assert_eq!(names("Den Haag")[0], "'s-Gravenhage");
        assert_eq!(names("den bosch")[0], "'s-Hertogenbosch");
        // A name starting with the text comes before one only holding it.
        let bergen = names("bergen");
        assert!(
            bergen[..3].iter().all(|n| n.starts_with("Bergen")),
            "{bergen:?}"
        );
        assert!(
            bergen[3..].iter().all(|n| !n.starts_with("Bergen")),
            "{bergen:?}"
        );
        let utrecht = names("utrecht");
        assert_eq!(&utrecht[..2], ["Utrecht", "Utrecht"]);
        assert!(r.search("   ", 5).is_empty());
        assert!(r.search("xyzzy", 5).is_empty());
        assert_eq!(r.search("e", 7).len(), 7);
    }

    #[test]
    fn fold_ignores_case_accents_and_punctuation() {
        assert_eq!(fold("'s-Gravenhage"), "s gravenhage");
        assert_eq!(
            fold("Nuenen, Gerwen en Nederwetten"),
            "nuenen gerwen en nederwetten"
        );
        assert_eq!(fold("Bergen (NH.)"), "bergen nh");
        assert_eq!(fold("Súdwest-Fryslân"), "sudwest fryslan");
        assert_eq!(fold("  "), "");
    }

    #[test]
    fn a_register_file_with_a_defect_is_refused_with_the_reason() {
        let bad = |text: &str| Register::from_toml("x.toml", text).unwrap_err().message;
        let head = "naam = \"x\"\npeiljaar = 2025\ntitel = \"t\"\nbron = \"b\"\n";
        let ok = format!("{head}provincies = [[\"PV20\", \"Groningen\"]]\ngemeenten = [[\"GM0014\", \"Groningen\", \"PV20\"]]\n");
        assert!(Register::from_toml("x.toml", &ok).is_ok());
        assert!(bad(&ok.replace(
            "\"GM0014\", \"Groningen\", \"PV20\"",
            "\"GM0014\", \"Groningen\", \"PV21\""
        ))
        .contains("PV21"));
        assert!(bad(&ok.replace("GM0014", "WS0014")).contains("gemeente"));
        assert!(bad(&ok.replace(
            "[[\"GM0014\"",
            "[[\"GM0014\", \"A\", \"PV20\"], [\"GM0014\""
        ))
        .contains("twee keer"));
        assert!(bad(&format!("{ok}bekend_als = [[\"GM0015\", \"Stad\"]]\n")).contains("GM0015"));
        assert!(bad(&ok.replace("\"Groningen\", \"PV20\"", "\" \", \"PV20\"")).contains("leeg"));
    }
}
