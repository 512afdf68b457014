//! Choosing among submissions (`bundel.md`): per `(organisatie, uitvraagjaar)` the highest
//! `revisie` wins, on equal revisie the latest `aangemaakt_op`. Files with identical normalised
//! content count once (`dubbel`). Two different files with the same revisie and moment are a
//! conflict: both are rejected. Every file gets exactly one status.

use crate::fase::Jaar;
use std::collections::BTreeMap;

/// What a bundle knows about one readable, error-free file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    /// Organisation code.
    pub organisation: String,
    /// Uitvraagjaar.
    pub uitvraag: Jaar,
    /// Revisie.
    pub revisie: u32,
    /// `aangemaakt_op` as seconds since 1970 (UTC).
    pub moment: i64,
    /// A hash of the normalised content (the file as Raadsbudget would write it).
    pub content: [u8; 32],
}

/// The outcome for one file. Indexes refer to the slice given to [`choose`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// The submission used for this organisation and uitvraag.
    Geaccepteerd,
    /// A later submission (the index) replaces this one.
    Vervangen(usize),
    /// Same content as an earlier file (the index); counts once.
    Dubbel(usize),
    /// Same revisie and moment as other files (the indexes) with other content: rejected.
    Conflict(Vec<usize>),
    /// The file had errors (given as `None`).
    Afgewezen,
}

/// The status words of `inzendingen.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Used.
    Geaccepteerd,
    /// Replaced by a later submission.
    Vervangen,
    /// Same content as another file.
    Dubbel,
    /// Not used: errors or a conflict.
    Afgewezen,
}

impl Status {
    /// Every status, in the order of a summary.
    pub const ALL: [Status; 4] = [
        Status::Geaccepteerd,
        Status::Vervangen,
        Status::Dubbel,
        Status::Afgewezen,
    ];

    /// The Dutch word.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Geaccepteerd => "geaccepteerd",
            Status::Vervangen => "vervangen",
            Status::Dubbel => "dubbel",
            Status::Afgewezen => "afgewezen",
        }
    }
}

impl Choice {
    /// The status word this choice gives a file.
    pub fn status(&self) -> Status {
        match self {
            Choice::Geaccepteerd => Status::Geaccepteerd,
            Choice::Vervangen(_) => Status::Vervangen,
            Choice::Dubbel(_) => Status::Dubbel,
            Choice::Conflict(_) | Choice::Afgewezen => Status::Afgewezen,
        }
    }
}

/// Chooses among `files` (in a fixed order; `None` for a file with errors). The result is a
/// function of the slice alone: among identical copies the first one stands for all.
pub fn choose(files: &[Option<Submission>]) -> Vec<Choice> {
    let mut choices = vec![Choice::Afgewezen; files.len()];
    // Identical content counts once: the first copy represents it.
    let mut first_of: BTreeMap<[u8; 32], usize> = BTreeMap::new();
    // Representatives per (organisation, uitvraag).
    let mut groups: BTreeMap<(&str, Jaar), Vec<usize>> = BTreeMap::new();
    for (i, s) in files.iter().enumerate() {
        let Some(s) = s else { continue };
        match first_of.get(&s.content) {
            Some(&j) => choices[i] = Choice::Dubbel(j),
            None => {
                first_of.insert(s.content, i);
                groups
                    .entry((s.organisation.as_str(), s.uitvraag))
                    .or_default()
                    .push(i);
            }
        }
    }
    for members in groups.values() {
        let key = |i: usize| files[i].as_ref().map(|s| (s.revisie, s.moment));
        let mut by_key: BTreeMap<Option<(u32, i64)>, Vec<usize>> = BTreeMap::new();
        for &i in members {
            by_key.entry(key(i)).or_default().push(i);
        }
        let top = by_key.values().next_back().map(|v| v[0]);
        for same in by_key.values() {
            for &i in same {
                choices[i] = if same.len() > 1 {
                    Choice::Conflict(same.iter().copied().filter(|&j| j != i).collect())
                } else if Some(i) == top {
                    Choice::Geaccepteerd
                } else {
                    Choice::Vervangen(top.unwrap_or(i))
                };
            }
        }
    }
    choices
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(org: &str, u: Jaar, revisie: u32, moment: i64, content: u8) -> Option<Submission> {
        Some(Submission {
            organisation: org.into(),
            uitvraag: u,
            revisie,
            moment,
            content: [content; 32],
        })
    }

    #[test]
    fn highest_revisie_then_latest_moment_wins() {
        let files = [
            s("GM0001", 2026, 1, 100, 1),
            s("GM0001", 2026, 2, 50, 2),
            s("GM0001", 2026, 2, 60, 3),
            s("GM0002", 2026, 1, 100, 4),
            s("GM0001", 2027, 1, 10, 5),
        ];
        let c = choose(&files);
        assert_eq!(
            c,
            vec![
                Choice::Vervangen(2),
                Choice::Vervangen(2),
                Choice::Geaccepteerd,
                Choice::Geaccepteerd,
                Choice::Geaccepteerd,
            ]
        );
    }

    #[test]
    fn duplicates_count_once_and_errors_are_rejected() {
        let files = [
            s("GM0001", 2026, 1, 100, 1),
            None,
            s("GM0001", 2026, 1, 100, 1),
        ];
        assert_eq!(
            choose(&files),
            vec![Choice::Geaccepteerd, Choice::Afgewezen, Choice::Dubbel(0)]
        );
    }

    #[test]
    fn same_revisie_and_moment_with_other_content_is_a_conflict() {
        let files = [
            s("GM0001", 2026, 1, 100, 1),
            s("GM0001", 2026, 1, 100, 2),
            s("GM0001", 2026, 1, 100, 2),
            s("GM0001", 2026, 0, 1, 3),
        ];
        let c = choose(&files);
        assert_eq!(c[0], Choice::Conflict(vec![1]));
        assert_eq!(c[1], Choice::Conflict(vec![0]));
        assert_eq!(c[2], Choice::Dubbel(1));
        // Nothing wins; the older one is still replaced (by the conflicting revision).
        assert_eq!(c[3], Choice::Vervangen(0));
        assert_eq!(c.iter().filter(|c| **c == Choice::Geaccepteerd).count(), 0);
    }
}
