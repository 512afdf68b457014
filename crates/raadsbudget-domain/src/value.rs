//! Values of posts: amounts in euro, fte, counts and codes, or a reason (`nvt`/`onbekend`)
//! why there is no value. Money is always [`Decimal`], never binary floating point.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

mod notation;

use notation::ambiguous;
pub use notation::{evidence_for, sign_evidence, Notation, NotationEvidence, SignEvidence};

/// The unit of a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Euro, at most 2 decimals, never negative.
    Euro,
    /// Full-time equivalents, at most 2 decimals, never negative.
    Fte,
    /// A whole number, never negative.
    Aantal,
    /// One of the post's listed codes.
    Code,
}

impl Unit {
    /// The Dutch word used in the catalogue.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Euro => "euro",
            Unit::Fte => "fte",
            Unit::Aantal => "aantal",
            Unit::Code => "code",
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a post has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// Not applicable to this organisation.
    Nvt,
    /// Not known (yet).
    Onbekend,
}

impl Reason {
    /// The Dutch word used in files and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Nvt => "nvt",
            Reason::Onbekend => "onbekend",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text is not `nvt` or `onbekend`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("onbekende reden '{0}' (kies nvt of onbekend)")]
pub struct UnknownReason(pub String);

impl FromStr for Reason {
    type Err = UnknownReason;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "nvt" => Ok(Reason::Nvt),
            "onbekend" => Ok(Reason::Onbekend),
            other => Err(UnknownReason(other.to_string())),
        }
    }
}

/// A known value of a post.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Value {
    /// An amount in euro or fte (scale at most 2).
    Decimal(Decimal),
    /// A whole number.
    Count(u64),
    /// A code from the post's list.
    Code(String),
}

impl Value {
    /// The canonical file text: decimals with exactly 2 decimals and a point, counts as
    /// integers, codes as they are.
    pub fn to_canonical(&self) -> String {
        let mut out = String::new();
        self.push_canonical(&mut out);
        out
    }

    /// Appends [`Value::to_canonical`] to `out` (no allocation of its own).
    pub fn push_canonical(&self, out: &mut String) {
        use std::fmt::Write as _;
        // Writing to a `String` cannot fail.
        match self {
            Value::Decimal(d) => {
                // A negative zero is written as zero; amounts are bounded by [`MAX_AMOUNT`], so
                // two decimals always fit.
                let mut d = if d.is_zero() { Decimal::ZERO } else { *d };
                d.rescale(2);
                let _ = write!(out, "{d}");
            }
            Value::Count(n) => {
                let _ = write!(out, "{n}");
            }
            Value::Code(c) => out.push_str(c),
        }
    }

    /// The value as a decimal number, if it is numeric.
    pub fn as_decimal(&self) -> Option<Decimal> {
        match self {
            Value::Decimal(d) => Some(*d),
            Value::Count(n) => Some(Decimal::from(*n)),
            Value::Code(_) => None,
        }
    }

    /// The value formatted the Dutch way for people: `812.345,00`, `3,60`, `45`, `eigen`.
    pub fn to_dutch(&self) -> String {
        match self {
            Value::Decimal(d) => format_dutch(*d, 2),
            Value::Count(n) => format_dutch(Decimal::from(*n), 0),
            Value::Code(c) => c.clone(),
        }
    }
}

/// A post's entry: a value, or a reason why there is none.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Entry {
    /// A known value (which may be zero: "known to be zero").
    Value(Value),
    /// No value, with the reason.
    Reason(Reason),
}

impl Entry {
    /// The value, if there is one.
    pub fn value(&self) -> Option<&Value> {
        match self {
            Entry::Value(v) => Some(v),
            Entry::Reason(_) => None,
        }
    }

    /// The numeric value, if there is one.
    pub fn decimal(&self) -> Option<Decimal> {
        self.value().and_then(Value::as_decimal)
    }

    /// The reason, if there is one.
    pub fn reason(&self) -> Option<Reason> {
        match self {
            Entry::Value(_) => None,
            Entry::Reason(r) => Some(*r),
        }
    }

    /// The entry as the two file columns `(waarde, reden)`.
    pub fn to_columns(&self) -> (String, String) {
        match self {
            Entry::Value(v) => (v.to_canonical(), String::new()),
            Entry::Reason(r) => (String::new(), r.as_str().to_string()),
        }
    }

    /// The entry for people: the Dutch-formatted value or the reason.
    pub fn to_dutch(&self) -> String {
        match self {
            Entry::Value(v) => v.to_dutch(),
            Entry::Reason(r) => r.as_str().to_string(),
        }
    }
}

/// How numbers are written in the text being parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// The benchmark file as written: a point as decimal separator, no thousands separators.
    Point,
    /// A decimal point; a comma is accepted as thousands separator in groups of three
    /// (`980,000.50`, as a spreadsheet in an English locale may save it).
    PointGrouped,
    /// A decimal comma; a point is accepted as thousands separator in groups of three
    /// (`980.000,50`, as a spreadsheet in a Dutch locale saves it).
    Comma,
    /// Typed by a person the Dutch way: `812.345,00`, `812345`, `812345,5`; a point followed by
    /// something other than groups of three digits is read as a decimal point (`3.6`, `812345.00`).
    Dutch,
    /// A file whose numbers do not show their decimal sign (see [`Notation`]): a number is read
    /// by what it shows itself ([`evidence_for`]), and one that reads both ways (`1.234`: one
    /// separator followed by exactly three digits) is refused as ambiguous. A whole number
    /// ([`Unit::Aantal`]) only reads one way: `31.245` is 31245.
    Undecided,
}

/// The decimal sign of a number; the other of the two is then its thousands separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecimalSign {
    /// `.` (`980000.50`, `980,000.50`): the benchmark file's own.
    Point,
    /// `,` (`980000,50`, `980.000,50`).
    Comma,
}

impl DecimalSign {
    /// The character.
    pub fn as_char(self) -> char {
        match self {
            DecimalSign::Point => '.',
            DecimalSign::Comma => ',',
        }
    }

    /// The other sign: the thousands separator of a number with this decimal sign.
    pub fn other(self) -> DecimalSign {
        match self {
            DecimalSign::Point => DecimalSign::Comma,
            DecimalSign::Comma => DecimalSign::Point,
        }
    }

    /// The Dutch word: `punt` or `komma`.
    pub fn word(self) -> &'static str {
        match self {
            DecimalSign::Point => "punt",
            DecimalSign::Comma => "komma",
        }
    }

    /// The style that reads numbers with this decimal sign, with or without thousands
    /// separators.
    pub fn style(self) -> NumberStyle {
        match self {
            DecimalSign::Point => NumberStyle::PointGrouped,
            DecimalSign::Comma => NumberStyle::Comma,
        }
    }
}

/// The largest amount (euro or fte) accepted: 999.999.999.999.999,99 — far above any real
/// budget, and small enough that every amount keeps exactly two decimals in a [`Decimal`].
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0x5D89_FFFF, 0x0163_4578, 0, false, 2);

/// Characters that make a spreadsheet evaluate a text cell as a formula.
pub const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Checks a free text (a toelichting, an organisation name) for the one thing the benchmark
/// file cannot carry: a leading apostrophe followed by a formula character (spreadsheet safety
/// removes exactly that apostrophe when reading).
pub fn check_free_text(text: &str) -> Result<(), String> {
    if text
        .strip_prefix('\'')
        .is_some_and(|rest| rest.starts_with(FORMULA_START))
    {
        Err("een tekst mag niet beginnen met een apostrof gevolgd door =, +, -, @, een tab of een regeleinde: spreadsheets en het benchmarkbestand laten die apostrof weg; laat de apostrof weg of zet er iets voor".to_string())
    } else {
        Ok(())
    }
}

/// Why a text is not a valid value for a unit. Each maps to one finding code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    /// Not a number (or not a whole number, or not a listed code).
    #[error("{0}")]
    Unfit(String),
    /// A negative number.
    #[error("een negatieve waarde is niet toegestaan ({0})")]
    Negative(String),
    /// More than 2 decimals.
    #[error("'{0}' heeft meer dan 2 decimalen")]
    TooManyDecimals(String),
}

/// A parsed value with what had to be read leniently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The value.
    pub value: Value,
    /// The text had fewer than 2 decimals for a euro or fte amount (e.g. `12500`).
    pub padded: bool,
    /// The number was not written in the canonical notation: it has a decimal comma or
    /// thousands separators (`312450,87`, `312.450,87`, `312,450.87`).
    pub localised: bool,
}

/// Parses the text of a value for a unit. `codes` lists the allowed codes for [`Unit::Code`].
pub fn parse_value(
    unit: Unit,
    text: &str,
    style: NumberStyle,
    codes: &[&str],
) -> Result<Parsed, ValueError> {
    let how = match style {
        NumberStyle::Point => Reading::Strict,
        NumberStyle::PointGrouped => Reading::Sign(DecimalSign::Point),
        NumberStyle::Comma => Reading::Sign(DecimalSign::Comma),
        NumberStyle::Dutch => Reading::Dutch,
        NumberStyle::Undecided => match evidence_for(unit, text) {
            SignEvidence::Shows(sign) => Reading::Sign(sign),
            SignEvidence::Ambiguous(sign) => return Err(ambiguous(unit, text, sign)),
            // No separator at all, or not a number in either notation: the canonical reading
            // (and its message).
            SignEvidence::None => Reading::Sign(DecimalSign::Point),
        },
    };
    match unit {
        Unit::Code => {
            if codes.contains(&text) {
                Ok(Parsed {
                    value: Value::Code(text.to_string()),
                    padded: false,
                    localised: false,
                })
            } else {
                Err(ValueError::Unfit(format!(
                    "'{text}' is geen toegestane code (kies {})",
                    codes.join(", ")
                )))
            }
        }
        Unit::Aantal => {
            let (d, localised) = parse_number(text, how, "een geheel getal")?;
            if d.is_sign_negative() && !d.is_zero() {
                return Err(ValueError::Negative(text.to_string()));
            }
            if d.fract() != Decimal::ZERO {
                return Err(ValueError::Unfit(format!(
                    "'{text}' is geen geheel getal; een aantal heeft geen decimalen"
                )));
            }
            let n = u64::try_from(d.trunc())
                .map_err(|_| ValueError::Unfit(format!("'{text}' is te groot voor een aantal")))?;
            Ok(Parsed {
                value: Value::Count(n),
                padded: false,
                localised,
            })
        }
        Unit::Euro | Unit::Fte => {
            let what = amount_word(unit);
            let (d, localised) = parse_number(text, how, what)?;
            if d.is_sign_negative() && !d.is_zero() {
                return Err(ValueError::Negative(text.to_string()));
            }
            if d.scale() > 2 {
                return Err(ValueError::TooManyDecimals(text.to_string()));
            }
            if d > MAX_AMOUNT {
                return Err(ValueError::Unfit(format!(
                    "'{text}' is te groot; verwacht {what} tot en met {}",
                    format_dutch(MAX_AMOUNT, 2)
                )));
            }
            let padded = d.scale() < 2;
            let mut d = d.abs();
            d.rescale(2);
            Ok(Parsed {
                value: Value::Decimal(d),
                padded,
                localised,
            })
        }
    }
}

/// What a number of a unit is called in messages.
fn amount_word(unit: Unit) -> &'static str {
    match unit {
        Unit::Euro => "een bedrag in euro",
        Unit::Fte => "een aantal fte",
        Unit::Aantal => "een geheel getal",
        Unit::Code => "een code",
    }
}

/// How [`parse_number`] reads the separators.
#[derive(Debug, Clone, Copy)]
enum Reading {
    /// Only a decimal point, no thousands separators.
    Strict,
    /// This decimal sign, the other one as thousands separator in groups of three.
    Sign(DecimalSign),
    /// [`NumberStyle::Dutch`].
    Dutch,
}

/// Turns number text into a [`Decimal`], keeping the scale as written; also whether the text
/// was in another notation than the canonical one (see [`Parsed::localised`]).
fn parse_number<'t>(
    text: &'t str,
    how: Reading,
    what: &str,
) -> Result<(Decimal, bool), ValueError> {
    let unfit = || ValueError::Unfit(format!("'{text}' is geen geldig getal; verwacht {what}"));
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    // The canonical notation (`12500.00`) in one pass; the other notations when that fails.
    let plain = || plain_digits(body).map(|(int, frac)| (Cow::Borrowed(int), frac, false));
    // Another notation: thousands separators removed, or a comma.
    let localised = |(int, frac): Digits<'t>| {
        let localised = matches!(int, Cow::Owned(_)) || body.as_bytes().contains(&b',');
        (int, frac, localised)
    };
    let digits = match how {
        Reading::Strict => plain(),
        Reading::Sign(DecimalSign::Point) => {
            plain().or_else(|| read_digits(body, DecimalSign::Point).map(localised))
        }
        Reading::Sign(DecimalSign::Comma) => read_digits(body, DecimalSign::Comma).map(localised),
        Reading::Dutch => read_digits(body, DecimalSign::Comma)
            // `3.6` or `812345.00`: a decimal point.
            .or_else(|| plain_digits(body).map(|(int, frac)| (Cow::Borrowed(int), frac)))
            .map(localised),
    };
    let (int_digits, frac_digits, localised) = digits.ok_or_else(unfit)?;
    let frac_digits = frac_digits.unwrap_or_default();
    let d = match small_decimal(&int_digits, frac_digits) {
        Some(d) => d,
        None => {
            let canonical = if frac_digits.is_empty() {
                int_digits.to_string()
            } else {
                format!("{int_digits}.{frac_digits}")
            };
            Decimal::from_str_exact(&canonical).map_err(|_| {
                ValueError::Unfit(format!("'{text}' is te groot of te lang; verwacht {what}"))
            })?
        }
    };
    Ok((if negative { -d } else { d }, localised))
}

/// The integer digits and the fraction digits (if any) of a number.
type Digits<'t> = (Cow<'t, str>, Option<&'t str>);

/// `body` (a number without sign) read with decimal sign `sign` and the other sign as
/// thousands separator: the integer digits (separators removed; borrowed when there were none)
/// and the fraction digits. `None` when the text is not a number in that notation: anything
/// but ASCII digits and the two separators, an empty integer or fraction part (`.5`, `5.`), a
/// second decimal sign, or thousands separators that do not make groups of three after a
/// first group of one to three digits not starting with 0 (`1.234.567` and `12.500` are
/// groups, `12.50`, `1234.567` and `0.125` are not).
fn read_digits(body: &str, sign: DecimalSign) -> Option<Digits<'_>> {
    let (int_part, frac_part) = match body.bytes().position(|b| char::from(b) == sign.as_char()) {
        Some(at) => (body.get(..at)?, Some(body.get(at + 1..)?)),
        None => (body, None),
    };
    if frac_part.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    let thousands = sign.other().as_char();
    let int_digits = if all_digits(int_part) {
        Cow::Borrowed(int_part)
    } else if is_grouped(int_part, thousands) {
        Cow::Owned(int_part.chars().filter(|&c| c != thousands).collect())
    } else {
        return None;
    };
    Some((int_digits, frac_part))
}

/// The canonical notation, `12500.00` or `12500`: ASCII digits with at most one point, with
/// digits on both sides; the integer and the fraction digits.
fn plain_digits(body: &str) -> Option<(&str, Option<&str>)> {
    let mut point = None;
    for (i, &b) in body.as_bytes().iter().enumerate() {
        if b == b'.' && point.is_none() {
            point = Some(i);
        } else if !b.is_ascii_digit() {
            return None;
        }
    }
    match point {
        None if body.is_empty() => None,
        None => Some((body, None)),
        Some(at) => {
            let (int, frac) = (body.get(..at)?, body.get(at + 1..)?);
            (!int.is_empty() && !frac.is_empty()).then_some((int, Some(frac)))
        }
    }
}

/// ASCII digits only, at least one.
fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `1.234.567` with `separator` `.`: a first group of one to three digits that does not start
/// with 0, then at least one group of exactly three digits.
fn is_grouped(text: &str, separator: char) -> bool {
    let mut groups = text.split(separator);
    let first_ok = groups.next().is_some_and(|first| {
        (1..=3).contains(&first.len()) && all_digits(first) && !first.starts_with('0')
    });
    let mut rest = 0usize;
    let rest_ok = groups.all(|g| {
        rest += 1;
        g.len() == 3 && all_digits(g)
    });
    first_ok && rest_ok && rest > 0
}

/// The decimal `<int_digits>.<frac_digits>` (ASCII digits only) with the scale as written,
/// when it has at most 18 digits (so it fits an `i64` exactly); `None` otherwise. Gives what
/// [`Decimal::from_str_exact`] gives for such text, without its general parser.
fn small_decimal(int_digits: &str, frac_digits: &str) -> Option<Decimal> {
    if int_digits.len() + frac_digits.len() > 18 {
        return None;
    }
    let mut mantissa: i64 = 0;
    for b in int_digits.bytes().chain(frac_digits.bytes()) {
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(i64::from(b.checked_sub(b'0')?))?;
    }
    let scale = u32::try_from(frac_digits.len()).ok()?;
    Decimal::try_new(mantissa, scale).ok()
}

/// Rounds half away from zero to `dp` decimals (the bundle's rounding rule).
pub fn round_half_away(d: Decimal, dp: u32) -> Decimal {
    let mut r = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(dp);
    r
}

/// Formats a number the Dutch way with `dp` decimals: `1.234.567,89`.
pub fn format_dutch(d: Decimal, dp: u32) -> String {
    let text = round_half_away(d, dp).abs().to_string();
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::new();
    if d.is_sign_negative() && !round_half_away(d, dp).is_zero() {
        out.push('-');
    }
    let len = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if let Some(f) = frac_part {
        out.push(',');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn euro(text: &str, style: NumberStyle) -> Result<Parsed, ValueError> {
        parse_value(Unit::Euro, text, style, &[])
    }

    #[test]
    fn canonical_amounts() {
        let p = euro("12500.00", NumberStyle::Point).unwrap();
        assert_eq!(p.value, Value::Decimal(dec("12500.00")));
        assert!(!p.padded);
        assert_eq!(p.value.to_canonical(), "12500.00");
        let p = euro("12500", NumberStyle::Point).unwrap();
        assert!(p.padded);
        assert_eq!(p.value.to_canonical(), "12500.00");
        assert!(matches!(
            euro("12500,00", NumberStyle::Point),
            Err(ValueError::Unfit(_))
        ));
        assert!(matches!(
            euro("1.234", NumberStyle::Point),
            Err(ValueError::TooManyDecimals(_))
        ));
        assert!(matches!(
            euro("-5.00", NumberStyle::Point),
            Err(ValueError::Negative(_))
        ));
        for bad in [
            "", " 5", "5 ", "+5", "1e5", "abc", "5.", ".5", "--5", "5.0.0",
        ] {
            assert!(
                matches!(euro(bad, NumberStyle::Point), Err(ValueError::Unfit(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn dutch_typed_amounts() {
        for (text, expect) in [
            ("812.345,00", "812345.00"),
            ("812345", "812345.00"),
            ("812345,5", "812345.50"),
            ("812.345", "812345.00"),
            ("1.234.567,89", "1234567.89"),
            ("812345.00", "812345.00"),
            ("3.6", "3.60"),
            ("0", "0.00"),
        ] {
            let p = euro(text, NumberStyle::Dutch).unwrap();
            assert_eq!(p.value.to_canonical(), expect, "{text}");
        }
        for bad in ["1.23,00", "1,2,3", "12.34.56", "1,234"] {
            assert!(euro(bad, NumberStyle::Dutch).is_err(), "{bad}");
        }
        // `0.125` is not a group of thousands (a group does not start with 0): three decimals.
        assert!(matches!(
            euro("0.125", NumberStyle::Dutch),
            Err(ValueError::TooManyDecimals(_))
        ));
        assert!(matches!(
            euro("1,234", NumberStyle::Dutch),
            Err(ValueError::TooManyDecimals(_))
        ));
    }

    #[test]
    fn comma_files() {
        assert_eq!(
            euro("12500,5", NumberStyle::Comma)
                .unwrap()
                .value
                .to_canonical(),
            "12500.50"
        );
        assert!(euro("12500.5", NumberStyle::Comma).is_err());
        let p = euro("1.234.567,89", NumberStyle::Comma).unwrap();
        assert_eq!(
            (p.value.to_canonical(), p.localised),
            ("1234567.89".into(), true)
        );
        // A group does not start with 0: `0.125` is no thousands.
        for bad in [
            "0.125,00",
            "1.23,00",
            "12.34.567",
            "1.234.56",
            ".5",
            "5,",
            "1,2,3",
        ] {
            assert!(euro(bad, NumberStyle::Comma).is_err(), "{bad}");
        }
    }

    #[test]
    fn point_files_with_thousands_separators() {
        for (text, expect, localised) in [
            ("980,000.50", "980000.50", true),
            ("1,234,567", "1234567.00", true),
            ("980000.50", "980000.50", false),
            ("1,234", "1234.00", true),
        ] {
            let p = euro(text, NumberStyle::PointGrouped).unwrap();
            assert_eq!(
                (p.value.to_canonical(), p.localised),
                (expect.into(), localised),
                "{text}"
            );
        }
        for bad in ["980000,50", "1,23.00", "12,34,567", "0,125", "1.234.567"] {
            assert!(euro(bad, NumberStyle::PointGrouped).is_err(), "{bad}");
        }
        // The strict style of the benchmark file takes no thousands separator.
        assert!(euro("980,000.50", NumberStyle::Point).is_err());
        assert!(!euro("980000.50", NumberStyle::Point).unwrap().localised);
    }

    #[test]
    fn bounds_negative_zero_and_free_text() {
        assert_eq!(format_dutch(MAX_AMOUNT, 2), "999.999.999.999.999,99");
        assert!(euro("999999999999999.99", NumberStyle::Point).is_ok());
        assert!(matches!(
            euro("1000000000000000", NumberStyle::Point),
            Err(ValueError::Unfit(_))
        ));
        assert_eq!(Value::Decimal(dec("-0.00")).to_canonical(), "0.00");
        assert!(check_free_text("'=SOM(A1)").is_err());
        assert!(check_free_text("'t Gooi").is_ok());
        assert!(check_free_text("=SOM(A1)").is_ok());
    }

    #[test]
    fn counts_and_codes() {
        let n = parse_value(Unit::Aantal, "45", NumberStyle::Point, &[]).unwrap();
        assert_eq!(n.value, Value::Count(45));
        assert!(parse_value(Unit::Aantal, "4.5", NumberStyle::Point, &[]).is_err());
        assert!(matches!(
            parse_value(Unit::Aantal, "-1", NumberStyle::Point, &[]),
            Err(ValueError::Negative(_))
        ));
        let codes = ["eigen", "gemeenschappelijk", "geen"];
        assert!(parse_value(Unit::Code, "eigen", NumberStyle::Point, &codes).is_ok());
        assert!(parse_value(Unit::Code, "Eigen", NumberStyle::Point, &codes).is_err());
    }

    #[test]
    fn dutch_formatting_and_rounding() {
        assert_eq!(format_dutch(dec("1234567.891"), 2), "1.234.567,89");
        assert_eq!(format_dutch(dec("999.995"), 2), "1.000,00");
        assert_eq!(format_dutch(dec("-1234.5"), 2), "-1.234,50");
        assert_eq!(format_dutch(dec("12"), 0), "12");
        assert_eq!(round_half_away(dec("0.00005"), 4), dec("0.0001"));
        assert_eq!(round_half_away(dec("-0.00005"), 4), dec("-0.0001"));
        assert_eq!(round_half_away(dec("2.5"), 0).to_string(), "3");
        assert_eq!(round_half_away(dec("1"), 4).to_string(), "1.0000");
    }

    #[test]
    fn small_decimals_are_exact() {
        for (int, frac) in [
            ("0", ""),
            ("0", "00"),
            ("0012", "50"),
            ("999999999999999", "99"),
            ("999999999999999999", ""),
            ("0", "00000000000000001"),
        ] {
            let text = if frac.is_empty() {
                int.to_string()
            } else {
                format!("{int}.{frac}")
            };
            let want = Decimal::from_str_exact(&text).unwrap();
            let got = small_decimal(int, frac).unwrap();
            assert_eq!(got, want);
            assert_eq!(got.scale(), want.scale());
            assert_eq!(got.to_string(), want.to_string());
        }
        assert_eq!(small_decimal("1234567890123456789", ""), None);
    }

    proptest! {
        #[test]
        fn small_decimals_match_the_general_parser(int in "[0-9]{1,12}", frac in "[0-9]{0,6}") {
            let text = if frac.is_empty() { int.clone() } else { format!("{int}.{frac}") };
            let want = Decimal::from_str_exact(&text).unwrap();
            let got = small_decimal(&int, &frac).unwrap();
            prop_assert_eq!(got.to_string(), want.to_string());
        }

        #[test]
        fn canonical_text_round_trips(cents in 0u64..10_000_000_000_000u64) {
            let d = Decimal::new(cents as i64, 2);
            let text = Value::Decimal(d).to_canonical();
            let back = euro(&text, NumberStyle::Point).unwrap();
            prop_assert_eq!(back.value, Value::Decimal(d));
            prop_assert!(!back.padded);
            let dutch = format_dutch(d, 2);
            prop_assert_eq!(euro(&dutch, NumberStyle::Dutch).unwrap().value, Value::Decimal(d));
        }
    }
}
