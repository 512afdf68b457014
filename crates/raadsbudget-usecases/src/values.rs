//! Entering values, listing them, their history and undo.

use crate::session::Session;
use crate::{Error, Result};
use raadsbudget_domain::catalogue::{Catalogue, Post, KENMERKEN};
use raadsbudget_domain::fase::jaar_is_plausible;
use raadsbudget_domain::kengetallen::{kengetal_categories, TOTAAL};
use raadsbudget_domain::validation::{check_entry, validate_uitvraag, value_error_finding};
use raadsbudget_domain::value::{check_free_text, parse_value, NumberStyle};
use raadsbudget_domain::{
    Dataset, Entry, Fase, Finding, Jaar, Location, Organisation, Reason, Record,
};

/// What the user gave for a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A value as typed (Dutch style is understood: `812.345,00`, `812345`, `3,6`).
    Waarde(String),
    /// No value, with the reason.
    Reden(Reason),
    /// Keep the current value or reason; change only the toelichting.
    Keep,
}

/// A request to set one post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetValue {
    /// Organisation code as typed.
    pub organisation: String,
    /// Year.
    pub jaar: Jaar,
    /// Fase.
    pub fase: Fase,
    /// Post code.
    pub post: String,
    /// Value or reason.
    pub input: Input,
    /// New toelichting; `None` keeps the current one.
    pub toelichting: Option<String>,
    /// The uitvraag the value is entered in, which decides its catalogue version (see
    /// [`Catalogue::for_entry`]); `None`: the uitvraag the block belongs to.
    pub uitvraag: Option<Jaar>,
}

/// A text tried on a field without saving it ([`Session::preview`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PreviewRequest<'a> {
    /// Organisation code as typed.
    pub organisation: &'a str,
    /// Year of the field.
    pub jaar: Jaar,
    /// Fase of the field.
    pub fase: Fase,
    /// Post code.
    pub post: &'a str,
    /// The text as typed; empty previews the field without entry.
    pub tekst: &'a str,
    /// The uitvraag the field is shown in (see [`SetValue::uitvraag`]).
    pub uitvraag: Option<Jaar>,
}

/// What a field would make of a typed text.
#[derive(Debug, Clone, PartialEq)]
pub enum Preview {
    /// The organisation's data as it would be, and the kengetal categories the field counts in
    /// (its own category and `TOTAAL`; every category for a kenmerk).
    Would {
        /// All of the organisation's entries, the field as typed.
        data: Dataset,
        /// Kengetal category codes, in output order.
        categories: Vec<String>,
    },
    /// The text does not fit the post: the finding says why.
    Refused(Box<Finding>),
}

/// One stored entry: `(jaar, fase, post, record)`.
pub type ValueRow = (Jaar, Fase, String, Record);

/// The result of setting a value.
#[derive(Debug, Clone, PartialEq)]
pub struct SetOutcome {
    /// The record as stored now.
    pub record: Record,
    /// The audit id, or `None` when nothing changed.
    pub audit_id: Option<i64>,
}

pub fn check_jaar(jaar: Jaar) -> Result<()> {
    if jaar_is_plausible(jaar) {
        Ok(())
    } else {
        Err(Error::Invalid(format!(
            "jaar {jaar} ligt buiten het bereik {}–{}",
            raadsbudget_domain::fase::JAAR_MIN,
            raadsbudget_domain::fase::JAAR_MAX
        )))
    }
}

pub fn lookup_post<'c>(cat: &'c Catalogue, code: &str) -> Result<&'c Post> {
    cat.post(code).ok_or_else(|| {
        Error::NotFound(format!(
            "post {code} bestaat niet in de definities {}; zie 'raadsbudget definities'",
            cat.versie
        ))
    })
}

/// Where a field of an organisation is, for findings.
pub fn field_location(org: &Organisation, jaar: Jaar, fase: Fase, post: &str) -> Location {
    Location {
        organisation: Some(org.code.to_string()),
        ..Location::data(jaar, fase, post)
    }
}

/// The entry for a value as typed (Dutch style: `812.345,00`, `812345`, `3,6`), checked
/// against the post and the fase. [`Error::Value`] with the finding (F002–F004, F006) when it
/// does not fit. The one place where typed text becomes an entry.
pub fn typed_entry(post: &Post, fase: Fase, text: &str, location: Location) -> Result<Entry> {
    let codes = post.code_list();
    let parsed = parse_value(post.eenheid, text.trim(), NumberStyle::Dutch, &codes)
        .map_err(|e| Error::Value(Box::new(value_error_finding(post, &e, location.clone()))))?;
    checked_entry(post, fase, Entry::Value(parsed.value), location)
}

/// The entry when it fits the post and the fase, else [`Error::Value`] with the finding.
fn checked_entry(post: &Post, fase: Fase, entry: Entry, location: Location) -> Result<Entry> {
    match check_entry(post, fase, &entry, location) {
        Some(finding) => Err(Error::Value(Box::new(finding))),
        None => Ok(entry),
    }
}

/// An entry for people, as in the history: the Dutch value or the reason, with the
/// toelichting in brackets; `(leeg)` when there is no entry.
pub fn entry_text(record: Option<&Record>) -> String {
    match record {
        None => "(leeg)".to_string(),
        Some(r) if r.toelichting.is_empty() => r.entry.to_dutch(),
        Some(r) => format!(
            "{} [{}]",
            r.entry.to_dutch(),
            r.toelichting.replace(['\r', '\n'], " ")
        ),
    }
}

impl Session {
    /// Sets a post's value or reason (and toelichting), checked against the current catalogue.
    pub fn set_value(&mut self, req: &SetValue) -> Result<SetOutcome> {
        let org = self.organisation(&req.organisation)?;
        check_jaar(req.jaar)?;
        let cat = Catalogue::for_entry(req.jaar, req.fase, &req.post, req.uitvraag);
        let post = lookup_post(cat, &req.post)?;
        let location = field_location(&org, req.jaar, req.fase, &post.code);
        let current = self
            .store()
            .dataset(&org.code)?
            .get(req.jaar, req.fase, &post.code)
            .cloned();
        let entry = match &req.input {
            Input::Waarde(text) => typed_entry(post, req.fase, text, location)?,
            Input::Reden(r) => checked_entry(post, req.fase, Entry::Reason(*r), location)?,
            Input::Keep => match &current {
                Some(rec) => checked_entry(post, req.fase, rec.entry.clone(), location)?,
                None => {
                    return Err(Error::Invalid(format!(
                        "{} heeft nog geen waarde voor {} {}; geef een waarde of een reden (nvt of onbekend)",
                        post.code, req.fase, req.jaar
                    )))
                }
            },
        };
        let toelichting = match &req.toelichting {
            Some(t) => t.trim().to_string(),
            None => current.map(|r| r.toelichting).unwrap_or_default(),
        };
        check_free_text(&toelichting).map_err(|m| Error::Invalid(format!("toelichting: {m}")))?;
        let record = Record {
            entry,
            toelichting,
            definities: cat.version(),
        };
        let actor = self.actor()?;
        let audit_id = self.store_mut().set_record(
            &org.code,
            req.jaar,
            req.fase,
            &post.code,
            Some(&record),
            &actor,
            None,
        )?;
        Ok(SetOutcome { record, audit_id })
    }

    /// Removes a post's entry (the audit log keeps the old one; undo restores it).
    pub fn clear_value(
        &mut self,
        organisation: &str,
        jaar: Jaar,
        fase: Fase,
        post: &str,
    ) -> Result<Option<i64>> {
        let org = self.organisation(organisation)?;
        // Any version that knows the post: an entry of a retired post can be cleared too.
        let post =
            lookup_post(Catalogue::for_entry(jaar, fase, post, None), post).or_else(|e| {
                Catalogue::all()
                    .into_iter()
                    .rev()
                    .find_map(|c| c.post(post))
                    .ok_or(e)
            })?;
        let actor = self.actor()?;
        Ok(self
            .store_mut()
            .set_record(&org.code, jaar, fase, &post.code, None, &actor, None)?)
    }

    /// The entries of an organisation, optionally of one year, in file order
    /// (jaar, fase, catalogue order).
    pub fn list_values(
        &self,
        organisation: &str,
        jaar: Option<Jaar>,
    ) -> Result<(Organisation, Vec<ValueRow>)> {
        let org = self.organisation(organisation)?;
        let data = self.store().dataset(&org.code)?;
        let mut rows: Vec<ValueRow> = data
            .records()
            .filter(|((j, _, _), _)| jaar.is_none_or(|y| y == *j))
            .map(|((j, f, p), r)| (j, f, p.to_string(), r.clone()))
            .collect();
        rows.sort_by_key(|(j, f, p, _)| {
            let cat = data
                .catalogue(*j, *f)
                .unwrap_or_else(|| Catalogue::for_entry(*j, *f, p, None));
            (*j, *f, cat.position(p).unwrap_or(usize::MAX))
        });
        Ok((org, rows))
    }

    /// The data as it would be with `tekst` typed in a field, without saving: the text is read
    /// as [`Session::set_value`] reads it; when it does not fit, the finding.
    pub fn preview(&self, req: &PreviewRequest<'_>) -> Result<Preview> {
        let org = self.organisation(req.organisation)?;
        check_jaar(req.jaar)?;
        let (jaar, fase) = (req.jaar, req.fase);
        let cat = Catalogue::for_entry(jaar, fase, req.post, req.uitvraag);
        let post = lookup_post(cat, req.post)?;
        let mut data = self.store().dataset(&org.code)?;
        if req.tekst.trim().is_empty() {
            data.remove(jaar, fase, &post.code);
        } else {
            let location = field_location(&org, jaar, fase, &post.code);
            match typed_entry(post, fase, req.tekst, location) {
                Ok(entry) => {
                    let record = Record {
                        entry,
                        toelichting: String::new(),
                        definities: cat.version(),
                    };
                    data.set(jaar, fase, &post.code, record);
                }
                Err(Error::Value(finding)) => return Ok(Preview::Refused(finding)),
                Err(e) => return Err(e),
            }
        }
        let categories = if post.categorie == KENMERKEN {
            kengetal_categories(cat)
        } else {
            vec![post.categorie.as_str(), TOTAAL]
        };
        Ok(Preview::Would {
            data,
            categories: categories.into_iter().map(str::to_string).collect(),
        })
    }

    /// Checks the organisation's uitvraag `u` in the store: errors, warnings and signals.
    pub fn check(&self, organisation: &str, u: Jaar) -> Result<(Organisation, Vec<Finding>)> {
        let org = self.organisation(organisation)?;
        check_jaar(u)?;
        let data = self.store().dataset(&org.code)?;
        let findings = validate_uitvraag(Catalogue::for_uitvraag(u), &data, u);
        Ok((org, findings))
    }

    /// The findings that concern one post in one `(jaar, fase)`: those of every uitvraag the
    /// value takes part in (kenmerk and begroting of `jaar` belong to uitvraag `jaar`; kenmerk
    /// and realisatie of `jaar` to uitvraag `jaar + 1`). For showing a finding next to a field.
    pub fn findings_for(
        &self,
        organisation: &str,
        jaar: Jaar,
        fase: Fase,
        post: &str,
    ) -> Result<Vec<Finding>> {
        let org = self.organisation(organisation)?;
        let data = self.store().dataset(&org.code)?;
        let uitvragen: &[Jaar] = match fase {
            Fase::Kenmerk => &[jaar, jaar.saturating_add(1)],
            Fase::Begroting => &[jaar],
            Fase::Realisatie => &[jaar.saturating_add(1)],
        };
        let mut out: Vec<Finding> = Vec::new();
        for u in uitvragen {
            for f in validate_uitvraag(Catalogue::for_uitvraag(*u), &data, *u) {
                let l = &f.location;
                if l.jaar == Some(jaar)
                    && l.fase == Some(fase)
                    && l.post.as_deref() == Some(post)
                    && !out.contains(&f)
                {
                    out.push(f);
                }
            }
        }
        Ok(out)
    }
}
