//! A dataset: the entries of one organisation, keyed by `(jaar, fase, post)`.
//!
//! Inside, each `(jaar, fase)` block is a vector indexed by the post's position in the
//! block's catalogue (the catalogue of the first entry set in it), so a value costs no key
//! allocation and a lookup by position is an index. A code that is not a post of that
//! catalogue (an unknown post in a participant's file, which validation reports) is kept in a
//! small side map, never dropped. Iteration is in `(jaar, fase, post code)` order, the order
//! every output is written in.

use crate::catalogue::Catalogue;
use crate::fase::{Fase, Jaar};
use crate::organisation::Organisation;
use crate::value::Entry;
use crate::version::CatalogueVersion;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// `(jaar, fase, post code)`.
pub type RecordKey = (Jaar, Fase, String);

/// One entry with its explanation and the catalogue version it was entered under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The value or reason.
    pub entry: Entry,
    /// Free-text explanation (may be empty).
    pub toelichting: String,
    /// Catalogue version, e.g. `2026.1`.
    pub definities: CatalogueVersion,
}

/// The entries of one `(jaar, fase)`.
#[derive(Clone)]
struct Block {
    jaar: Jaar,
    fase: Fase,
    /// The catalogue whose positions index `slots`.
    cat: &'static Catalogue,
    /// By catalogue position; grown on demand up to the highest position set.
    slots: Vec<Option<Record>>,
    /// How many slots are filled.
    filled: usize,
    /// Entries whose code is not a post of `cat`, by code.
    other: BTreeMap<String, Record>,
}

impl Block {
    fn new(jaar: Jaar, fase: Fase, cat: &'static Catalogue) -> Block {
        Block {
            jaar,
            fase,
            cat,
            slots: Vec::new(),
            filled: 0,
            other: BTreeMap::new(),
        }
    }

    fn len(&self) -> usize {
        self.filled + self.other.len()
    }

    fn get(&self, post: &str) -> Option<&Record> {
        match self.cat.position(post) {
            Some(i) => self.slots.get(i).and_then(Option::as_ref),
            None => self.other.get(post),
        }
    }

    fn set_at(&mut self, i: usize, record: Record) -> Option<Record> {
        if self.slots.len() <= i {
            self.slots.resize(i + 1, None);
        }
        let old = self.slots[i].replace(record);
        if old.is_none() {
            self.filled += 1;
        }
        old
    }

    fn set(&mut self, post: &str, record: Record) {
        match self.cat.position(post) {
            Some(i) => {
                self.set_at(i, record);
            }
            None => {
                self.other.insert(post.to_string(), record);
            }
        }
    }

    fn remove(&mut self, post: &str) -> Option<Record> {
        match self.cat.position(post) {
            Some(i) => {
                let old = self.slots.get_mut(i).and_then(Option::take);
                if old.is_some() {
                    self.filled -= 1;
                }
                old
            }
            None => self.other.remove(post),
        }
    }

    /// The entries in post-code order: the catalogue's posts merged with the side map.
    fn iter(&self) -> impl Iterator<Item = (&str, &Record)> + '_ {
        let mut slots = self
            .cat
            .positions_by_code()
            .iter()
            .filter_map(|&i| {
                let record = self.slots.get(i)?.as_ref()?;
                Some((self.cat.posts[i].code.as_str(), record))
            })
            .peekable();
        let mut other = self
            .other
            .iter()
            .map(|(code, record)| (code.as_str(), record))
            .peekable();
        std::iter::from_fn(move || match (slots.peek(), other.peek()) {
            (Some(a), Some(b)) if b.0 < a.0 => other.next(),
            (Some(_), _) => slots.next(),
            (None, _) => other.next(),
        })
    }

    /// Calls `f` on each entry in post-code order and keeps those for which it returns `true`.
    fn retain(&mut self, mut f: impl FnMut(&str, &mut Record) -> bool) {
        let cat = self.cat;
        let mut other: Vec<(String, Record)> =
            std::mem::take(&mut self.other).into_iter().collect();
        let mut other_at = 0;
        let mut keep_other = vec![true; other.len()];
        for &i in cat.positions_by_code() {
            let code = cat.posts[i].code.as_str();
            while other_at < other.len() && other[other_at].0.as_str() < code {
                let (c, r) = &mut other[other_at];
                keep_other[other_at] = f(c, r);
                other_at += 1;
            }
            if let Some(slot) = self.slots.get_mut(i) {
                if let Some(record) = slot.as_mut() {
                    if !f(code, record) {
                        *slot = None;
                        self.filled -= 1;
                    }
                }
            }
        }
        while other_at < other.len() {
            let (c, r) = &mut other[other_at];
            keep_other[other_at] = f(c, r);
            other_at += 1;
        }
        let mut keep = keep_other.into_iter();
        other.retain(|_| keep.next().unwrap_or(true));
        self.other = other.into_iter().collect();
    }
}

/// All entries of one organisation (any number of years).
#[derive(Clone)]
pub struct Dataset {
    /// The organisation.
    pub organisation: Organisation,
    /// Sorted by `(jaar, fase)`.
    blocks: Vec<Block>,
}

impl Dataset {
    /// An empty dataset.
    pub fn new(organisation: Organisation) -> Dataset {
        Dataset {
            organisation,
            blocks: Vec::new(),
        }
    }

    fn block(&self, jaar: Jaar, fase: Fase) -> Option<&Block> {
        self.blocks
            .binary_search_by(|b| (b.jaar, b.fase).cmp(&(jaar, fase)))
            .ok()
            .map(|i| &self.blocks[i])
    }

    fn block_mut(&mut self, jaar: Jaar, fase: Fase) -> Option<&mut Block> {
        self.blocks
            .binary_search_by(|b| (b.jaar, b.fase).cmp(&(jaar, fase)))
            .ok()
            .map(|i| &mut self.blocks[i])
    }

    /// The block of `(jaar, fase)`, made with `cat` when it does not exist yet.
    fn block_or_new(&mut self, jaar: Jaar, fase: Fase, cat: &'static Catalogue) -> &mut Block {
        let i = match self
            .blocks
            .binary_search_by(|b| (b.jaar, b.fase).cmp(&(jaar, fase)))
        {
            Ok(i) => i,
            Err(i) => {
                self.blocks.insert(i, Block::new(jaar, fase, cat));
                i
            }
        };
        &mut self.blocks[i]
    }

    /// The catalogue the block of `(jaar, fase)` is keyed by: the version its entries were
    /// entered under (for a kenmerk block, of its first entry). `None` for an absent block.
    pub fn catalogue(&self, jaar: Jaar, fase: Fase) -> Option<&'static Catalogue> {
        self.block(jaar, fase).map(|b| b.cat)
    }

    /// The record of a post, if any.
    pub fn get(&self, jaar: Jaar, fase: Fase, post: &str) -> Option<&Record> {
        self.block(jaar, fase)?.get(post)
    }

    /// The entry of a post, if any.
    pub fn entry(&self, jaar: Jaar, fase: Fase, post: &str) -> Option<&Entry> {
        self.get(jaar, fase, post).map(|r| &r.entry)
    }

    /// The numeric value of a post, if it has one.
    pub fn decimal(&self, jaar: Jaar, fase: Fase, post: &str) -> Option<Decimal> {
        self.entry(jaar, fase, post).and_then(Entry::decimal)
    }

    /// The code value of a post, if it has one.
    pub fn code(&self, jaar: Jaar, fase: Fase, post: &str) -> Option<&str> {
        match self.entry(jaar, fase, post) {
            Some(Entry::Value(crate::value::Value::Code(c))) => Some(c),
            _ => None,
        }
    }

    /// The entries of one block by position in `cat`, when the block is keyed by `cat` (the
    /// usual case: every entry of a block was entered under one catalogue). `None` when the
    /// block is empty or keyed by another catalogue; then look entries up by code.
    pub fn slots(&self, jaar: Jaar, fase: Fase, cat: &Catalogue) -> Option<&[Option<Record>]> {
        let block = self.block(jaar, fase)?;
        std::ptr::eq(block.cat, cat).then_some(block.slots.as_slice())
    }

    /// Sets (or replaces) an entry. A new block is keyed by the catalogue of the record's
    /// version (the newest catalogue when this build does not know the version).
    pub fn set(&mut self, jaar: Jaar, fase: Fase, post: &str, record: Record) {
        let cat = match self.block(jaar, fase) {
            Some(block) => block.cat,
            None => Catalogue::get(record.definities.as_str()).unwrap_or_else(Catalogue::newest),
        };
        self.block_or_new(jaar, fase, cat).set(post, record);
    }

    /// Sets (or replaces) the entry of the post at position `i` of `cat`, without looking the
    /// code up: for readers that already know the position. A position outside `cat` is a
    /// caller's bug and sets nothing.
    pub fn set_at(
        &mut self,
        jaar: Jaar,
        fase: Fase,
        cat: &'static Catalogue,
        i: usize,
        record: Record,
    ) {
        let Some(post) = cat.posts.get(i) else {
            debug_assert!(false, "position {i} outside catalogue {}", cat.versie);
            return;
        };
        let block = self.block_or_new(jaar, fase, cat);
        if std::ptr::eq(block.cat, cat) {
            block.set_at(i, record);
        } else {
            block.set(&post.code, record);
        }
    }

    /// Removes the entry of a post; gives it back if there was one.
    pub fn remove(&mut self, jaar: Jaar, fase: Fase, post: &str) -> Option<Record> {
        let block = self.block_mut(jaar, fase)?;
        let old = block.remove(post);
        if block.len() == 0 {
            self.blocks.retain(|b| b.len() > 0);
        }
        old
    }

    /// Keeps only the entries for which `f` returns `true` (called in iteration order; it may
    /// change the entries it keeps).
    pub fn retain(&mut self, mut f: impl FnMut((Jaar, Fase, &str), &mut Record) -> bool) {
        for block in &mut self.blocks {
            let (jaar, fase) = (block.jaar, block.fase);
            block.retain(|post, record| f((jaar, fase, post), record));
        }
        self.blocks.retain(|b| b.len() > 0);
    }

    /// Calls `f` on every entry, in iteration order, to change it in place.
    pub fn for_each_mut(&mut self, mut f: impl FnMut((Jaar, Fase, &str), &mut Record)) {
        self.retain(|key, record| {
            f(key, record);
            true
        });
    }

    /// Every entry in `(jaar, fase, post code)` order.
    pub fn records(&self) -> impl Iterator<Item = ((Jaar, Fase, &str), &Record)> + '_ {
        self.blocks.iter().flat_map(|b| {
            b.iter()
                .map(move |(post, record)| ((b.jaar, b.fase, post), record))
        })
    }

    /// Every entry in file order: `(jaar, fase, position in cat)`; codes that are not posts of
    /// `cat` come first in their block, by code.
    pub fn records_in_file_order<'a>(
        &'a self,
        cat: &'a Catalogue,
    ) -> Vec<((Jaar, Fase, &'a str), &'a Record)> {
        let mut out = Vec::with_capacity(self.len());
        for b in &self.blocks {
            let key = |post| (b.jaar, b.fase, post);
            if std::ptr::eq(b.cat, cat) {
                out.extend(b.other.iter().map(|(post, r)| (key(post.as_str()), r)));
                out.extend(
                    b.slots
                        .iter()
                        .enumerate()
                        .filter_map(|(i, r)| Some((key(cat.posts[i].code.as_str()), r.as_ref()?))),
                );
            } else {
                let start = out.len();
                out.extend(b.iter().map(|(post, r)| (key(post), r)));
                out[start..].sort_by_cached_key(|((_, _, post), _)| cat.position(post));
            }
        }
        out
    }

    /// The entries of one `(jaar, fase)` in post-code order.
    pub fn records_in(&self, jaar: Jaar, fase: Fase) -> impl Iterator<Item = (&str, &Record)> + '_ {
        self.block(jaar, fase).into_iter().flat_map(Block::iter)
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.blocks.iter().map(Block::len).sum()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.blocks.iter().all(|b| b.len() == 0)
    }

    /// The `(jaar, fase)` blocks that have at least one entry.
    pub fn blocks(&self) -> Vec<(Jaar, Fase)> {
        self.blocks
            .iter()
            .filter(|b| b.len() > 0)
            .map(|b| (b.jaar, b.fase))
            .collect()
    }
}

impl PartialEq for Dataset {
    fn eq(&self, other: &Dataset) -> bool {
        self.organisation == other.organisation
            && self.len() == other.len()
            && self.records().eq(other.records())
    }
}

impl Eq for Dataset {}

impl fmt::Debug for Dataset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// The entries as a map, as the dataset was once a `BTreeMap`.
        struct Records<'a>(&'a Dataset);
        impl fmt::Debug for Records<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_map().entries(self.0.records()).finish()
            }
        }
        f.debug_struct("Dataset")
            .field("organisation", &self.organisation)
            .field("records", &Records(self))
            .finish()
    }
}

/// What to do with required posts that have no entry when taking out an uitvraag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// Only blocks with no entry at all get every required post as `onbekend` (the benchmark
    /// file's rule for a block the organisation has not filled).
    EmptyBlocks,
    /// Every missing required post becomes `onbekend` (a draft file).
    AllMissing,
}

impl Dataset {
    /// The four blocks of uitvraag `u` (see [`crate::fase::uitvraag_blocks`]) as a new dataset,
    /// with missing required posts filled as `onbekend` according to `fill`. Filled records
    /// carry the catalogue's version and an empty toelichting.
    pub fn for_uitvraag(&self, cat: &crate::Catalogue, u: Jaar, fill: Fill) -> Dataset {
        let mut out = Dataset::new(self.organisation.clone());
        for (jaar, fase) in crate::fase::uitvraag_blocks(u) {
            let mut any = false;
            if let Some(block) = self.block(jaar, fase) {
                any = block.len() > 0;
                let at = out
                    .blocks
                    .binary_search_by(|b| (b.jaar, b.fase).cmp(&(jaar, fase)))
                    .unwrap_or_else(|i| i);
                out.blocks.insert(at, block.clone());
            }
            if any && fill == Fill::EmptyBlocks {
                continue;
            }
            for post in cat.posts_in(fase) {
                if out.get(jaar, fase, &post.code).is_none()
                    && crate::kengetallen::is_required(post, self, jaar)
                {
                    out.set(
                        jaar,
                        fase,
                        &post.code,
                        Record {
                            entry: Entry::Reason(crate::value::Reason::Onbekend),
                            toelichting: String::new(),
                            definities: cat.version(),
                        },
                    );
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{Reason, Value};
    use crate::Catalogue;

    fn rec(entry: Entry) -> Record {
        Record {
            entry,
            toelichting: String::new(),
            definities: Catalogue::for_uitvraag(2026).version(),
        }
    }

    fn count(n: u64) -> Record {
        rec(Entry::Value(Value::Count(n)))
    }

    fn proefstad() -> Dataset {
        Dataset::new(Organisation::new("GM0001", "Proefstad").unwrap())
    }

    /// The codes in iteration order.
    fn codes(data: &Dataset) -> Vec<(Jaar, Fase, String)> {
        data.records()
            .map(|((j, f, p), _)| (j, f, p.to_string()))
            .collect()
    }

    #[test]
    fn unknown_posts_are_kept_and_iterate_merged_in_code_order() {
        let cat = Catalogue::for_uitvraag(2026);
        let mut data = proefstad();
        let known: Vec<&str> = cat
            .posts_in(Fase::Begroting)
            .map(|p| p.code.as_str())
            .take(3)
            .collect();
        // One code sorting before every post, one between, one after.
        let between = format!("{}~", known[0]);
        for (n, code) in ["AAA.ONBEKEND", &between, "ZZZ.ONBEKEND"]
            .into_iter()
            .chain(known.iter().rev().copied())
            .enumerate()
        {
            data.set(2026, Fase::Begroting, code, count(n as u64));
        }
        assert_eq!(data.len(), 6);
        let got: Vec<String> = data.records().map(|((_, _, p), _)| p.to_string()).collect();
        let mut sorted = got.clone();
        sorted.sort();
        assert_eq!(got, sorted, "iteration is in code order");
        assert_eq!(
            data.entry(2026, Fase::Begroting, &between),
            Some(&Entry::Value(Value::Count(1)))
        );
        // File order: the unknown codes first (by code), then the posts by position.
        let file: Vec<&str> = data
            .records_in_file_order(cat)
            .into_iter()
            .map(|((_, _, p), _)| p)
            .collect();
        let mut posts = known.clone();
        posts.sort_by_key(|c| cat.position(c));
        let mut want = vec!["AAA.ONBEKEND", between.as_str(), "ZZZ.ONBEKEND"];
        want.sort();
        want.extend(posts);
        assert_eq!(file, want);
    }

    #[test]
    fn remove_and_retain_drop_emptied_blocks() {
        let cat = Catalogue::for_uitvraag(2026);
        let post = cat.posts_in(Fase::Realisatie).next().unwrap().code.clone();
        let mut data = proefstad();
        data.set(2025, Fase::Realisatie, &post, count(1));
        data.set(2026, Fase::Begroting, "XXX.ONBEKEND", count(2));
        data.set(2026, Fase::Begroting, &post, count(3));
        assert_eq!(
            data.blocks(),
            vec![(2025, Fase::Realisatie), (2026, Fase::Begroting)]
        );
        assert_eq!(data.remove(2025, Fase::Realisatie, &post), Some(count(1)));
        assert_eq!(data.remove(2025, Fase::Realisatie, &post), None);
        assert_eq!(data.blocks(), vec![(2026, Fase::Begroting)]);
        let mut seen = Vec::new();
        data.retain(|(_, _, p), r| {
            seen.push(p.to_string());
            r.toelichting = "bewaard".into();
            p != "XXX.ONBEKEND"
        });
        let mut want = vec![post.clone(), "XXX.ONBEKEND".to_string()];
        want.sort();
        assert_eq!(seen, want, "retain visits in code order");
        assert_eq!(data.len(), 1);
        assert_eq!(
            data.get(2026, Fase::Begroting, &post).unwrap().toelichting,
            "bewaard"
        );
        data.retain(|_, _| false);
        assert!(data.is_empty());
        assert!(data.blocks().is_empty());
        assert_eq!(data, proefstad());
    }

    #[test]
    fn set_at_under_another_catalogue_goes_by_code() {
        let cat = Catalogue::for_uitvraag(2026);
        let text = EMBEDDED_FOR_TEST.replace("versie = \"2026.1\"", "versie = \"2099.1\"");
        let other: &'static Catalogue =
            Box::leak(Box::new(Catalogue::from_toml("2099.1", &text).unwrap()));
        let (i, j) = (0, cat.posts.len() - 1);
        let mut data = proefstad();
        data.set_at(2026, Fase::Begroting, cat, i, count(1));
        // The block is keyed by `cat`; an entry by `other`'s position lands on the same code.
        data.set_at(2026, Fase::Begroting, other, j, count(2));
        assert!(data.slots(2026, Fase::Begroting, cat).is_some());
        assert!(data.slots(2026, Fase::Begroting, other).is_none());
        assert_eq!(
            data.entry(2026, Fase::Begroting, &cat.posts[j].code),
            Some(&Entry::Value(Value::Count(2)))
        );
        // A block first set under `other` is keyed by it.
        data.set_at(2027, Fase::Begroting, other, i, count(3));
        assert!(data.slots(2027, Fase::Begroting, other).is_some());
        assert_eq!(
            data.entry(2027, Fase::Begroting, &cat.posts[i].code),
            Some(&Entry::Value(Value::Count(3)))
        );
        let mut want = vec![
            (2026, Fase::Begroting, cat.posts[i].code.clone()),
            (2026, Fase::Begroting, cat.posts[j].code.clone()),
        ];
        want.sort();
        want.push((2027, Fase::Begroting, cat.posts[i].code.clone()));
        assert_eq!(codes(&data), want);
    }

    const EMBEDDED_FOR_TEST: &str = include_str!("../../../assets/definities/2026.1.toml");

    #[test]
    fn for_uitvraag_takes_four_blocks_and_fills_empty_ones() {
        let cat = Catalogue::for_uitvraag(2026);
        let mut data = Dataset::new(Organisation::new("GM0001", "Proefstad").unwrap());
        let rec = |entry| Record {
            entry,
            toelichting: "x".into(),
            definities: "2026.1".into(),
        };
        data.set(
            2026,
            Fase::Begroting,
            "GRF.PERSONEEL",
            rec(Entry::Value(Value::Count(1))),
        );
        data.set(
            2024,
            Fase::Begroting,
            "GRF.PERSONEEL",
            rec(Entry::Value(Value::Count(1))),
        );
        let out = data.for_uitvraag(cat, 2026, Fill::EmptyBlocks);
        assert!(out.get(2024, Fase::Begroting, "GRF.PERSONEEL").is_none());
        assert!(out.get(2026, Fase::Begroting, "GRF.INHUUR").is_none());
        assert_eq!(
            out.entry(2025, Fase::Realisatie, "GRF.INHUUR"),
            Some(&Entry::Reason(Reason::Onbekend))
        );
        assert!(out.get(2025, Fase::Realisatie, "GRF.OVERHEAD").is_none());
        let draft = data.for_uitvraag(cat, 2026, Fill::AllMissing);
        assert_eq!(
            draft.entry(2026, Fase::Begroting, "GRF.INHUUR"),
            Some(&Entry::Reason(Reason::Onbekend))
        );
        assert_eq!(
            draft
                .get(2026, Fase::Begroting, "GRF.PERSONEEL")
                .unwrap()
                .toelichting,
            "x"
        );
    }
}
