//! Last year's value beside a field: within one version the same post, across a change of
//! definitions what the mapping carries (`definities-2027.1.md`, "Where the mapping is used"),
//! with a Dutch remark when it is not simply this post's value.

use crate::catalogue::{Catalogue, Post, Unit};
use crate::mapping::{carried_record, carry, Carry};
use crate::value::format_dutch;
use crate::{Dataset, Fase, Jaar, Record};
use rust_decimal::Decimal;

/// Last year's value of a field, as a form shows it beside the field (the app's
/// Invoer screen, the invulbestand's read-only column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastYear {
    /// The value (or the old total across a split), Dutch-formatted.
    pub text: Option<String>,
    /// Why it is not simply this post's value.
    pub remark: Option<String>,
    /// The number to compute the change against, when the definition is the same.
    pub number: Option<Decimal>,
}

fn amount_text(post: &Post, r: &Record) -> String {
    match (post.eenheid, r.entry.decimal()) {
        (Unit::Euro, Some(d)) => format!("€ {}", format_dutch(d, 2)),
        _ => r.entry.to_dutch(),
    }
}

/// Last year's value of `post` (of the uitvraag's catalogue `cat`) from the block
/// `(prev, fase)`: within one version the same post; across a change the mapping decides
/// (`definities-2027.1.md`, "Where the mapping is used").
pub fn last_year(
    data: &Dataset,
    cat: &'static Catalogue,
    prev: Jaar,
    fase: Fase,
    post: &Post,
) -> LastYear {
    let plain = |r: Option<&Record>| LastYear {
        text: r.map(|r| r.entry.to_dutch()),
        remark: None,
        number: r.and_then(|r| r.entry.decimal()),
    };
    let Some(from) = data.catalogue(prev, fase) else {
        return plain(None);
    };
    if std::ptr::eq(from, cat) {
        return plain(data.get(prev, fase, &post.code));
    }
    let none = LastYear {
        text: None,
        remark: None,
        number: None,
    };
    match carry(from, cat, fase, &post.code) {
        Carry::New => none,
        Carry::Value { from: codes } => {
            let Some(r) = carried_record(data, prev, fase, cat, &post.code) else {
                return none;
            };
            let remark = match codes.as_slice() {
                [one] if *one == post.code => None,
                [one] => Some(format!(
                    "onder de oude code {one} (definities {})",
                    from.versie
                )),
                many => Some(format!(
                    "de som van {} (definities {})",
                    many.join(" en "),
                    from.versie
                )),
            };
            LastYear {
                text: Some(r.entry.to_dutch()),
                remark,
                number: r.entry.decimal(),
            }
        }
        Carry::Total { from: codes, parts } => {
            let total: Option<Decimal> = codes.iter().map(|c| data.decimal(prev, fase, c)).sum();
            let Some(total) = total else {
                return none;
            };
            let amount = match post.eenheid {
                Unit::Euro => format!("€ {}", format_dutch(total, 2)),
                _ => format_dutch(total, 2),
            };
            LastYear {
                text: Some(format!("{}: {amount} voor {} samen", from.versie, parts.join(" en "))),
                remark: Some(format!(
                    "het totaal van {} in definities {}; het wordt niet overgenomen, verdeel het zelf over {}",
                    codes.join(" en "),
                    from.versie,
                    parts.join(" en ")
                )),
                number: None,
            }
        }
        Carry::OtherDefinition { from: code, .. } => match data.get(prev, fase, &code) {
            Some(r) => LastYear {
                text: Some(amount_text(post, r)),
                remark: Some(format!(
                    "andere definitie (definities {}): niet vergelijkbaar en niet overgenomen",
                    from.versie
                )),
                number: None,
            },
            None => none,
        },
    }
}
