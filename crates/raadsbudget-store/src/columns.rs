//! A record as the four stored columns `(waarde, reden, toelichting, definities)`, and the
//! conversions both ways.

use crate::{Result, StoreError};
use raadsbudget_domain::value::{parse_value, NumberStyle};
use raadsbudget_domain::{Catalogue, CatalogueVersion, Entry, Reason, Record, Value};

/// A record as stored: exactly one of `waarde` and `reden` is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Columns {
    pub waarde: Option<String>,
    pub reden: Option<String>,
    pub toelichting: String,
    pub definities: String,
}

/// The four nullable columns of one side (old or new) of an audit row.
pub(crate) type RawColumns = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

impl Columns {
    /// The columns of a record to be written, checking that the stored text reads back as the
    /// same value (so that a stored value can always be read).
    pub fn from_record(post: &str, record: &Record, waar: &str) -> Result<Columns> {
        if record.definities.as_str().trim().is_empty() {
            return Err(StoreError::Invalid(format!(
                "{waar}: de definitieversie ontbreekt"
            )));
        }
        let (waarde, reden) = match &record.entry {
            Entry::Value(value) => {
                let text = value.to_canonical();
                let back = parse_waarde(record.definities.as_str(), post, &text, waar).map_err(
                    |e| match e {
                        StoreError::Corrupt(m) => StoreError::Invalid(m),
                        other => other,
                    },
                )?;
                if &back != value {
                    return Err(StoreError::Invalid(format!(
                        "{waar}: waarde {text} past niet bij de eenheid van post {post}"
                    )));
                }
                (Some(text), None)
            }
            Entry::Reason(r) => (None, Some(r.as_str().to_string())),
        };
        Ok(Columns {
            waarde,
            reden,
            toelichting: record.toelichting.clone(),
            definities: record.definities.to_string(),
        })
    }

    /// Reads stored columns back into a record; `Corrupt` (with `waar`) when they do not parse.
    pub fn to_record(&self, post: &str, waar: &str) -> Result<Record> {
        let entry = match (&self.waarde, &self.reden) {
            (Some(text), None) => Entry::Value(parse_waarde(&self.definities, post, text, waar)?),
            (None, Some(reden)) => Entry::Reason(
                reden
                    .parse::<Reason>()
                    .map_err(|e| StoreError::Corrupt(format!("{waar}: {e}")))?,
            ),
            _ => {
                return Err(StoreError::Corrupt(format!(
                    "{waar}: precies één van waarde en reden hoort gevuld te zijn"
                )))
            }
        };
        Ok(Record {
            entry,
            toelichting: self.toelichting.clone(),
            definities: CatalogueVersion::new(&self.definities),
        })
    }

    /// The nullable audit columns of an optional state.
    pub fn to_raw(state: Option<&Columns>) -> RawColumns {
        match state {
            Some(c) => (
                c.waarde.clone(),
                c.reden.clone(),
                Some(c.toelichting.clone()),
                Some(c.definities.clone()),
            ),
            None => (None, None, None, None),
        }
    }

    /// An optional state from nullable audit columns.
    pub fn from_raw(raw: RawColumns, waar: &str) -> Result<Option<Columns>> {
        match raw {
            (None, None, None, None) => Ok(None),
            (waarde, reden, Some(toelichting), Some(definities))
                if waarde.is_some() != reden.is_some() =>
            {
                Ok(Some(Columns {
                    waarde,
                    reden,
                    toelichting,
                    definities,
                }))
            }
            _ => Err(StoreError::Corrupt(format!(
                "{waar}: onvolledige vastlegging van een waarde"
            ))),
        }
    }
}

/// Parses stored value text with the unit of `post` in catalogue version `definities`.
fn parse_waarde(definities: &str, post: &str, text: &str, waar: &str) -> Result<Value> {
    let cat = Catalogue::get(definities).ok_or_else(|| StoreError::UnknownDefinities {
        versie: definities.to_string(),
        waar: waar.to_string(),
        bekend: Catalogue::versions().join(", "),
    })?;
    let p = cat.post(post).ok_or_else(|| {
        StoreError::Corrupt(format!(
            "{waar}: post {post} bestaat niet in definitieversie {definities}"
        ))
    })?;
    let codes = p.code_list();
    parse_value(p.eenheid, text, NumberStyle::Point, &codes)
        .map(|parsed| parsed.value)
        .map_err(|e| {
            StoreError::Corrupt(format!(
                "{waar}: waarde '{text}' is geen geldige {} ({e})",
                p.eenheid
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn rec(entry: Entry) -> Record {
        Record {
            entry,
            toelichting: "a\nb".into(),
            definities: "2026.1".into(),
        }
    }

    #[test]
    fn values_must_fit_the_unit() {
        let euro = rec(Entry::Value(Value::Decimal(Decimal::new(12345, 1))));
        let c = Columns::from_record("GRF.PERSONEEL", &euro, "x").unwrap();
        assert_eq!(c.waarde.as_deref(), Some("1234.50"));
        assert_eq!(c.to_record("GRF.PERSONEEL", "x").unwrap(), euro);
        for (post, bad) in [
            ("GRF.PERSONEEL", Value::Count(5)),
            ("GRF.PERSONEEL", Value::Decimal(Decimal::new(-5, 0))),
            ("GRF.PERSONEEL", Value::Decimal(Decimal::new(1234, 3))),
            ("KEN.INWONERS", Value::Decimal(Decimal::new(5, 0))),
            ("KEN.REKENKAMERVORM", Value::Code("anders".into())),
            ("XXX.ONBEKEND", Value::Count(1)),
        ] {
            let err = Columns::from_record(post, &rec(Entry::Value(bad.clone())), "x");
            assert!(matches!(err, Err(StoreError::Invalid(_))), "{post} {bad:?}");
        }
        let mut unknown = euro.clone();
        unknown.definities = "1999.1".into();
        assert!(matches!(
            Columns::from_record("GRF.PERSONEEL", &unknown, "x"),
            Err(StoreError::UnknownDefinities { .. })
        ));
    }

    #[test]
    fn unreadable_columns_are_corrupt_not_panics() {
        for (waarde, reden, post) in [
            (Some("1,5"), None, "GRF.PERSONEEL"),
            (Some("abc"), None, "KEN.INWONERS"),
            (Some("5"), None, "NIET.BESTAAND"),
            (None, Some("misschien"), "GRF.PERSONEEL"),
            (Some("5"), Some("nvt"), "KEN.INWONERS"),
            (None, None, "KEN.INWONERS"),
        ] {
            let c = Columns {
                waarde: waarde.map(str::to_string),
                reden: reden.map(str::to_string),
                toelichting: String::new(),
                definities: "2026.1".into(),
            };
            assert!(
                matches!(c.to_record(post, "hier"), Err(StoreError::Corrupt(m)) if m.starts_with("hier")),
                "{waarde:?} {reden:?} {post}"
            );
        }
        assert!(Columns::from_raw((Some("1".into()), None, None, None), "x").is_err());
    }
}
