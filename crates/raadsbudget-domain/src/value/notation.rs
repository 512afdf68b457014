//! The notation of the numbers in one file: which of `.` and `,` is the decimal sign. A
//! spreadsheet saves numbers in the notation of its locale, whatever the delimiter, so the
//! sign is decided from what the numbers themselves show, per file.

use super::{parse_value, read_digits, DecimalSign, NumberStyle, Parsed, Unit, ValueError};

/// What the text of one number shows about its decimal sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignEvidence {
    /// Nothing: no separator (`12500`), or not a number with either decimal sign.
    None,
    /// The text is a number with this decimal sign only: it has both separators (the last one
    /// is the decimal sign: `980.000,50`), one separator more than once (a thousands
    /// separator: `1.234.567`), or one separator once that cannot separate thousands (not
    /// followed by exactly three digits, `980000.5`; or after more than three digits or a 0,
    /// `1234.567`, `0.125`).
    Shows(DecimalSign),
    /// One separator once, after one to three digits and before exactly three (`1.234`,
    /// `1,234`): a decimal sign or a thousands separator. Holds the separator.
    Ambiguous(DecimalSign),
}

/// What the text of a number shows about its decimal sign, whatever the unit.
pub fn sign_evidence(text: &str) -> SignEvidence {
    let body = text.strip_prefix('-').unwrap_or(text);
    // The canonical amount, `12500.00`.
    if let [int @ .., b'.', d1, d2] = body.as_bytes() {
        if !int.is_empty()
            && d1.is_ascii_digit()
            && d2.is_ascii_digit()
            && int.iter().all(u8::is_ascii_digit)
        {
            return SignEvidence::Shows(DecimalSign::Point);
        }
    }
    // The common case in one pass: digits with at most one separator.
    let mut separator = None;
    for (i, &b) in body.as_bytes().iter().enumerate() {
        match b {
            b'0'..=b'9' => {}
            b'.' | b',' if separator.is_none() => separator = Some((i, b)),
            b'.' | b',' => return both_readings(body),
            _ => return SignEvidence::None,
        }
    }
    let Some((at, b)) = separator else {
        return SignEvidence::None;
    };
    let sign = if b == b'.' {
        DecimalSign::Point
    } else {
        DecimalSign::Comma
    };
    let (int_len, frac_len) = (at, body.len() - at - 1);
    if int_len == 0 || frac_len == 0 {
        SignEvidence::None
    } else if frac_len == 3 && int_len <= 3 && !body.starts_with('0') {
        // A group of thousands as well as three decimals (see `read_digits`).
        SignEvidence::Ambiguous(sign)
    } else {
        SignEvidence::Shows(sign)
    }
}

/// [`sign_evidence`] of a number without sign, by reading it with each decimal sign.
fn both_readings(body: &str) -> SignEvidence {
    let has_point = body.contains('.');
    if !has_point && !body.contains(',') {
        return SignEvidence::None;
    }
    let point = read_digits(body, DecimalSign::Point).is_some();
    let comma = read_digits(body, DecimalSign::Comma).is_some();
    match (point, comma) {
        (true, true) if has_point => SignEvidence::Ambiguous(DecimalSign::Point),
        (true, true) => SignEvidence::Ambiguous(DecimalSign::Comma),
        (true, false) => SignEvidence::Shows(DecimalSign::Point),
        (false, true) => SignEvidence::Shows(DecimalSign::Comma),
        (false, false) => SignEvidence::None,
    }
}

/// What the text of a number of `unit` shows about its decimal sign: [`sign_evidence`], except
/// that a whole number ([`Unit::Aantal`]) reads only one way: in `31.245` the separator
/// separates thousands (31.245 inhabitants is not a count), so it shows the other sign.
pub fn evidence_for(unit: Unit, text: &str) -> SignEvidence {
    refine(unit, sign_evidence(text))
}

fn refine(unit: Unit, evidence: SignEvidence) -> SignEvidence {
    match evidence {
        SignEvidence::Ambiguous(separator) if unit == Unit::Aantal => {
            SignEvidence::Shows(separator.other())
        }
        evidence => evidence,
    }
}

/// What the numbers of one file show about their decimal sign, number by number; then
/// [`NotationEvidence::decide`].
#[derive(Debug, Clone, Default)]
pub struct NotationEvidence {
    point: Tally,
    comma: Tally,
}

/// The numbers that show one sign.
#[derive(Debug, Clone, Default)]
struct Tally {
    count: usize,
    /// The first one and its line.
    first: Option<(u64, String)>,
}

impl NotationEvidence {
    /// Adds the text of one number, found on `line`, with the [`evidence_for`] its unit. The
    /// unit is asked only for a text that is [`SignEvidence::Ambiguous`] on its own (so a
    /// canonical file never needs it); a number without a unit (an unknown post) then shows
    /// nothing.
    pub fn add(&mut self, line: u64, text: &str, unit: impl FnOnce() -> Option<Unit>) {
        let evidence = match sign_evidence(text) {
            SignEvidence::Ambiguous(separator) => match unit() {
                Some(unit) => refine(unit, SignEvidence::Ambiguous(separator)),
                None => return,
            },
            evidence => evidence,
        };
        if let SignEvidence::Shows(sign) = evidence {
            let tally = match sign {
                DecimalSign::Point => &mut self.point,
                DecimalSign::Comma => &mut self.comma,
            };
            tally.count += 1;
            if tally.first.is_none() {
                tally.first = Some((line, text.to_string()));
            }
        }
    }

    /// The file's notation: the decimal sign most of its numbers show (on a tie the point, the
    /// benchmark file's own); none when no number shows one.
    pub fn decide(self) -> Notation {
        let (sign, shown, other) = if self.point.count >= self.comma.count {
            (DecimalSign::Point, self.point, self.comma)
        } else {
            (DecimalSign::Comma, self.comma, self.point)
        };
        if shown.count == 0 {
            return Notation::default();
        }
        Notation {
            sign: Some(sign),
            example: shown.first,
            contradicted: other.count > 0,
        }
    }
}

/// The notation of the numbers of one file, from [`NotationEvidence::decide`]; reads them with
/// [`Notation::parse`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notation {
    /// The decimal sign the numbers show; `None` when none shows one.
    pub sign: Option<DecimalSign>,
    /// The first number that shows the sign, and its line (for messages).
    example: Option<(u64, String)>,
    /// Some numbers show the other sign.
    contradicted: bool,
}

impl Notation {
    /// The notation of numbers with this decimal sign (as if a number showed it).
    pub fn of(sign: DecimalSign) -> Notation {
        Notation {
            sign: Some(sign),
            ..Notation::default()
        }
    }

    /// The style the file's numbers are read with: [`NumberStyle::PointGrouped`] or
    /// [`NumberStyle::Comma`] for the sign; [`NumberStyle::Undecided`] without one.
    pub fn style(&self) -> NumberStyle {
        self.sign.map_or(NumberStyle::Undecided, DecimalSign::style)
    }

    /// Parses one value of the file: [`parse_value`] with [`Notation::style`]. A number that
    /// shows the other decimal sign than the file is refused, with a message that names both
    /// and how to write it.
    pub fn parse(&self, unit: Unit, text: &str, codes: &[&str]) -> Result<Parsed, ValueError> {
        if let (true, Some(sign)) = (self.contradicted && unit != Unit::Code, self.sign) {
            if let SignEvidence::Shows(own) = evidence_for(unit, text) {
                if own != sign {
                    return Err(self.contradiction(unit, text, own, sign));
                }
            }
        }
        parse_value(unit, text, self.style(), codes)
    }

    fn contradiction(
        &self,
        unit: Unit,
        text: &str,
        own: DecimalSign,
        sign: DecimalSign,
    ) -> ValueError {
        let shows = if text.contains(own.as_char()) {
            format!("een {} als decimaalteken", own.word())
        } else {
            format!(
                "een {} als scheidingsteken voor duizendtallen",
                own.other().word()
            )
        };
        let example = self
            .example
            .as_ref()
            .map(|(line, example)| format!(" (zoals '{example}' op regel {line})"))
            .unwrap_or_default();
        let canonical = parse_value(unit, text, own.style(), &[])
            .map(|p| format!(" (hier: {})", p.value.to_canonical()))
            .unwrap_or_default();
        ValueError::Unfit(format!(
            "'{text}' heeft {shows}, maar in dit bestand is de {} het decimaalteken{example}; schrijf alle getallen op dezelfde manier, het liefst met een punt als decimaalteken en zonder scheidingsteken voor duizendtallen{canonical}",
            sign.word()
        ))
    }
}

/// The refusal of a number that reads both ways (`1.234`) in a file whose numbers do not show
/// their decimal sign.
pub(super) fn ambiguous(unit: Unit, text: &str, separator: DecimalSign) -> ValueError {
    let word = separator.word();
    let as_decimal = text.replace(',', ".");
    let how = match parse_value(unit, text, separator.other().style(), &[]) {
        Ok(p) => format!(
            ": {} als de {word} duizendtallen scheidt, {as_decimal} als het een decimaalteken is",
            p.value.to_canonical()
        ),
        Err(_) => String::new(),
    };
    ValueError::Unfit(format!(
        "'{text}' is niet eenduidig: de {word} kan hier een decimaalteken zijn of duizendtallen scheiden, en geen ander getal in het bestand laat zien welke van de twee; schrijf getallen met een punt als decimaalteken en zonder scheidingsteken voor duizendtallen{how}"
    ))
}

#[cfg(test)]
mod tests {
    use super::super::Value;
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::Decimal;
    use DecimalSign::{Comma, Point};

    /// The numbers of one file, each with its unit: the decided notation and every value read
    /// with it.
    fn read_file(values: &[(Unit, &str)]) -> (Notation, Vec<Result<Parsed, ValueError>>) {
        let mut evidence = NotationEvidence::default();
        for (line, (unit, text)) in (2u64..).zip(values) {
            evidence.add(line, text, || Some(*unit));
        }
        let notation = evidence.decide();
        let parsed = values
            .iter()
            .map(|(unit, text)| notation.parse(*unit, text, &[]))
            .collect();
        (notation, parsed)
    }

    fn canonical(parsed: &Result<Parsed, ValueError>) -> String {
        match parsed {
            Ok(p) => p.value.to_canonical(),
            Err(e) => format!("{:?}", e),
        }
    }

    #[test]
    fn what_one_number_shows() {
        use SignEvidence::{Ambiguous, None, Shows};
        for (text, want) in [
            ("980000.50", Shows(Point)),
            ("980000,50", Shows(Comma)),
            ("980.000,50", Shows(Comma)),
            ("980,000.50", Shows(Point)),
            ("3.6", Shows(Point)),
            ("3,6", Shows(Comma)),
            ("1.234.567", Shows(Comma)),
            ("1,234,567", Shows(Point)),
            ("12.50", Shows(Point)),
            ("1234.567", Shows(Point)),
            ("0,125", Shows(Comma)),
            ("-1.234,5", Shows(Comma)),
            ("1.234", Ambiguous(Point)),
            ("1,234", Ambiguous(Comma)),
            ("-999,000", Ambiguous(Comma)),
            ("12500", None),
            ("", None),
            ("eigen", None),
            ("5.", None),
            (",5", None),
            ("1.23.4", None),
            ("1,234.567,8", None),
            ("1 234,50", None),
        ] {
            assert_eq!(sign_evidence(text), want, "{text}");
        }
        assert_eq!(evidence_for(Unit::Aantal, "31.245"), Shows(Comma));
        assert_eq!(evidence_for(Unit::Aantal, "31,245"), Shows(Point));
        assert_eq!(evidence_for(Unit::Euro, "31.245"), Ambiguous(Point));
    }

    #[test]
    fn the_four_notations_read_right() {
        for (values, sign) in [
            (["980000.50", "3.6", "12500"], Point),
            (["980000,50", "3,6", "12500"], Comma),
            (["980.000,50", "3,6", "12.500"], Comma),
            (["980,000.50", "3.6", "12,500"], Point),
        ] {
            let (notation, parsed) = read_file(&[
                (Unit::Euro, values[0]),
                (Unit::Fte, values[1]),
                (Unit::Euro, values[2]),
            ]);
            assert_eq!(notation.sign, Some(sign), "{values:?}");
            let got: Vec<String> = parsed.iter().map(canonical).collect();
            assert_eq!(got, ["980000.50", "3.60", "12500.00"], "{values:?}");
            let localised: Vec<bool> = parsed
                .iter()
                .map(|p| p.as_ref().unwrap().localised)
                .collect();
            let canonical_file = values[0] == "980000.50";
            assert_eq!(localised[0], !canonical_file, "{values:?}");
        }
    }

    #[test]
    fn counts_with_a_thousands_separator_show_it() {
        // KEN.INWONERS 31.245 is evidence of a decimal comma, so 12.500 is 12500.
        let (notation, parsed) = read_file(&[(Unit::Aantal, "31.245"), (Unit::Euro, "12.500")]);
        assert_eq!(notation.sign, Some(Comma));
        assert_eq!(canonical(&parsed[0]), "31245");
        assert_eq!(canonical(&parsed[1]), "12500.00");
        // Alone, a count reads the only whole way.
        assert_eq!(
            parse_value(Unit::Aantal, "31.245", NumberStyle::Undecided, &[])
                .unwrap()
                .value,
            Value::Count(31245)
        );
    }

    #[test]
    fn an_ambiguous_amount_without_evidence_is_refused_saying_why() {
        let (notation, parsed) = read_file(&[
            (Unit::Euro, "1.234"),
            (Unit::Euro, "12500"),
            (Unit::Code, "eigen"),
        ]);
        assert_eq!(notation.sign, Option::None);
        assert_eq!(notation.style(), NumberStyle::Undecided);
        assert_eq!(
            parsed[0],
            Err(ValueError::Unfit("'1.234' is niet eenduidig: de punt kan hier een decimaalteken zijn of duizendtallen scheiden, en geen ander getal in het bestand laat zien welke van de twee; schrijf getallen met een punt als decimaalteken en zonder scheidingsteken voor duizendtallen: 1234.00 als de punt duizendtallen scheidt, 1.234 als het een decimaalteken is".into()))
        );
        assert_eq!(canonical(&parsed[1]), "12500.00");
        let (_, parsed) = read_file(&[(Unit::Fte, "1,500")]);
        assert!(
            matches!(&parsed[0], Err(ValueError::Unfit(m)) if m.contains("de komma kan hier") && m.contains(": 1500.00 als de komma duizendtallen scheidt, 1.500 als")),
            "{parsed:?}"
        );
        // With evidence the same text is clear: thousands with a decimal comma, three
        // decimals (F004) with a decimal point.
        let (_, parsed) = read_file(&[(Unit::Euro, "1.234"), (Unit::Euro, "5,50")]);
        assert_eq!(canonical(&parsed[0]), "1234.00");
        let (_, parsed) = read_file(&[(Unit::Euro, "1.234"), (Unit::Euro, "5.50")]);
        assert_eq!(parsed[0], Err(ValueError::TooManyDecimals("1.234".into())));
    }

    #[test]
    fn three_decimals_are_too_many_where_the_reading_is_clear() {
        for text in ["12345.678", "0.125", "12345,678", "1.234,567", "1,234.567"] {
            let (_, parsed) = read_file(&[(Unit::Euro, text)]);
            assert_eq!(
                parsed[0],
                Err(ValueError::TooManyDecimals(text.into())),
                "{text}"
            );
        }
    }

    #[test]
    fn contradicting_numbers_are_refused_naming_the_files_sign() {
        let (notation, parsed) = read_file(&[
            (Unit::Euro, "12500.50"),
            (Unit::Euro, "980000.50"),
            (Unit::Fte, "3,6"),
            (Unit::Aantal, "31.245"),
            (Unit::Euro, "1,234"),
        ]);
        assert_eq!(notation.sign, Some(Point));
        assert_eq!(canonical(&parsed[1]), "980000.50");
        assert_eq!(
            parsed[2],
            Err(ValueError::Unfit("'3,6' heeft een komma als decimaalteken, maar in dit bestand is de punt het decimaalteken (zoals '12500.50' op regel 2); schrijf alle getallen op dezelfde manier, het liefst met een punt als decimaalteken en zonder scheidingsteken voor duizendtallen (hier: 3.60)".into()))
        );
        assert_eq!(
            parsed[3],
            Err(ValueError::Unfit("'31.245' heeft een punt als scheidingsteken voor duizendtallen, maar in dit bestand is de punt het decimaalteken (zoals '12500.50' op regel 2); schrijf alle getallen op dezelfde manier, het liefst met een punt als decimaalteken en zonder scheidingsteken voor duizendtallen (hier: 31245)".into()))
        );
        // Ambiguous on its own: read with the file's sign.
        assert_eq!(canonical(&parsed[4]), "1234.00");
        // More numbers with a comma: the comma decides; on a tie, the point.
        let (notation, _) = read_file(&[
            (Unit::Euro, "1,5"),
            (Unit::Euro, "2,5"),
            (Unit::Euro, "3.5"),
        ]);
        assert_eq!(notation.sign, Some(Comma));
        let (notation, _) = read_file(&[(Unit::Euro, "1,5"), (Unit::Euro, "3.5")]);
        assert_eq!(notation.sign, Some(Point));
    }

    #[test]
    fn the_unit_is_asked_only_for_ambiguous_text() {
        let mut evidence = NotationEvidence::default();
        for text in ["12500.00", "0.50", "39500", "eigen", ""] {
            evidence.add(2, text, || panic!("unit asked for {text}"));
        }
        evidence.add(3, "1.234", || Option::None);
        assert_eq!(evidence.decide().sign, Some(Point));
    }

    /// `cents` in a notation: decimal sign, thousands separators or not, trailing zeros of
    /// the decimals dropped or not (as a spreadsheet's standard format does: `3,6`, `18000`).
    fn formatted(cents: u64, sign: DecimalSign, grouped: bool, trim: bool) -> String {
        let int = (cents / 100).to_string();
        let mut out = String::new();
        for (i, c) in int.chars().enumerate() {
            if grouped && i > 0 && (int.len() - i) % 3 == 0 {
                out.push(sign.other().as_char());
            }
            out.push(c);
        }
        let mut frac = format!("{:02}", cents % 100);
        if trim {
            while frac.ends_with('0') {
                frac.pop();
            }
        }
        if !frac.is_empty() {
            out.push(sign.as_char());
            out.push_str(&frac);
        }
        out
    }

    fn sign() -> impl Strategy<Value = DecimalSign> {
        prop_oneof![Just(Point), Just(Comma)]
    }

    proptest! {
        #[test]
        fn the_one_pass_reading_is_both_readings(
            text in prop_oneof!["-?[0-9]{0,5}([.,][0-9]{0,4}){0,3}", "-?[0-9.,a]{0,12}"],
        ) {
            let body = text.strip_prefix('-').unwrap_or(&text);
            prop_assert_eq!(sign_evidence(&text), both_readings(body), "{}", text);
        }

        #[test]
        fn a_number_never_shows_the_other_sign(
            cents in 0u64..100_000_000_000_000_000,
            sign in sign(),
            grouped: bool,
            trim: bool,
        ) {
            let text = formatted(cents, sign, grouped, trim);
            match sign_evidence(&text) {
                SignEvidence::Shows(shown) => prop_assert_eq!(shown, sign, "{}", text),
                // `1.234`: only grouped thousands without decimals.
                SignEvidence::Ambiguous(_) => prop_assert!(grouped && trim, "{}", text),
                SignEvidence::None => prop_assert!(!text.contains(['.', ',']), "{}", text),
            }
        }

        #[test]
        fn any_amount_in_any_notation_reads_back_within_a_file_that_shows_it(
            cents in prop::collection::vec(0u64..100_000_000_000_000_000, 1..8),
            sign in sign(),
            grouped: bool,
            trim: bool,
        ) {
            // One amount with decimals (a witness, as 3,6 fte) shows the notation.
            let witness = formatted(360, sign, grouped, trim);
            let texts: Vec<String> = cents.iter().map(|&c| formatted(c, sign, grouped, trim)).collect();
            let mut values = vec![(Unit::Fte, witness.as_str())];
            values.extend(texts.iter().map(|t| (Unit::Euro, t.as_str())));
            let (notation, parsed) = read_file(&values);
            prop_assert_eq!(notation.sign, Some(sign));
            for (&c, (text, p)) in cents.iter().zip(texts.iter().zip(&parsed[1..])) {
                let p = p.as_ref().map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
                // Narrowing to i64 is exact below 10^17.
                prop_assert_eq!(&p.value, &Value::Decimal(Decimal::new(i64::try_from(c).unwrap(), 2)));
                // Localised: not the canonical spelling (a decimal point, no thousands separators).
                prop_assert_eq!(p.localised, *text != formatted(c, Point, false, trim));
            }
        }
    }
}
