//! The reader's file-wide checks: the notation of numbers, the metadata of the first row, the
//! columns that must be the same on every row.

use super::*;

impl Reader<'_> {
    /// The notation of the file's numbers, decided from the `waarde` of every row; W103 for a
    /// `;` delimiter, naming the decimal sign.
    pub(super) fn notation(
        &mut self,
        rows: &[Row<'_>],
        cat: Option<&Catalogue>,
        semicolon: bool,
    ) -> Notation {
        let mut evidence = NotationEvidence::default();
        for row in rows {
            evidence.add(row.line, row.get(col::WAARDE), || {
                cat.and_then(|c| c.post(row.get(col::POST)))
                    .map(|p| p.eenheid)
            });
        }
        let notation = evidence.decide();
        if semicolon {
            let sign = notation
                .sign
                .map(|sign| format!(", met de {} als decimaalteken", sign.word()))
                .unwrap_or_default();
            self.push(
                FindingCode::RepairedDelimiter,
                Some(1),
                None,
                format!("het bestand gebruikt ; als scheidingsteken (zoals een spreadsheet opslaat){sign}; het is zo gelezen"),
            );
        }
        notation
    }

    /// W107 for the numbers with a decimal comma or thousands separators: one finding per
    /// file, at the first, listing the lines.
    pub(super) fn report_localised(&mut self, notation: &Notation) {
        let (Some(&line), Some((written, read))) =
            (self.localised.first(), self.localised_example.take())
        else {
            return;
        };
        let how = match notation.sign {
            Some(sign) => format!(
                "met de {} als decimaalteken en de {} als scheidingsteken voor duizendtallen",
                sign.word(),
                sign.other().word()
            ),
            None => "met een decimale komma of scheidingstekens voor duizendtallen".to_string(),
        };
        let n = self.localised.len();
        let message = format!(
            "{n} {} gelezen {how} (kolom waarde, {}), bijvoorbeeld '{written}' als {read}; controleer of de bedragen kloppen",
            if n == 1 { "getal" } else { "getallen" },
            regels(&self.localised)
        );
        self.push(
            FindingCode::RepairedNotation,
            Some(line),
            Some(col::WAARDE),
            message,
        );
    }

    /// The catalogue of a `definities` version a spreadsheet saved as a number with a decimal
    /// comma (`2026,1` for `2026.1`), with W107.
    pub(super) fn version_with_comma(
        &mut self,
        line: Option<u64>,
        versie: &str,
    ) -> Option<&'static Catalogue> {
        let (major, minor) = versie.split_once(',')?;
        let cat = Catalogue::get(&format!("{major}.{minor}"))?;
        self.push(
            FindingCode::RepairedNotation,
            line,
            Some(col::DEFINITIES),
            format!(
                "definities '{versie}' is gelezen als versie {}: een spreadsheet heeft het versienummer als getal met een decimale komma opgeslagen",
                cat.versie
            ),
        );
        Some(cat)
    }

    /// Parses the file-level columns of the first row.
    pub(super) fn meta(&mut self, first: &Row<'_>) -> Meta {
        let line = Some(first.line);
        let type_text = first.get(col::ORGANISATIE_TYPE);
        let given = match type_text.parse::<OrgType>() {
            Ok(given) => Some(given),
            Err(e) => {
                self.push(
                    FindingCode::InvalidField,
                    line,
                    Some(col::ORGANISATIE_TYPE),
                    e.to_string(),
                );
                None
            }
        };
        let code_text = first.get(col::ORGANISATIE_CODE);
        let naam = unprotect(first.get(col::ORGANISATIE_NAAM));
        let organisation = match Organisation::new(code_text, naam) {
            Ok(org) => {
                self.organisation = Some(org.code.to_string());
                Some(org)
            }
            Err(OrganisationError::EmptyName) => {
                self.organisation = Some(code_text.to_string());
                self.push(
                    FindingCode::InvalidField,
                    line,
                    Some(col::ORGANISATIE_NAAM),
                    "organisatie_naam is leeg; vul de naam van de organisatie in".to_string(),
                );
                None
            }
            Err(e) => {
                self.push(
                    FindingCode::InvalidOrgCode,
                    line,
                    Some(col::ORGANISATIE_CODE),
                    e.to_string(),
                );
                None
            }
        };
        let organisation = match (organisation, given) {
            (Some(org), Some(given)) => {
                let location = self.location(line, Some(col::ORGANISATIE_TYPE));
                match org_type_finding(&Dataset::new(org.clone()), given, location) {
                    Some(finding) => {
                        self.structure.push(finding);
                        None
                    }
                    None => Some(org),
                }
            }
            _ => None,
        };

        let versie = first.get(col::DEFINITIES);
        let cat = Catalogue::get(versie).or_else(|| self.version_with_comma(line, versie));
        if cat.is_none() {
            self.push(
                FindingCode::UnknownVersion,
                line,
                Some(col::DEFINITIES),
                format!(
                    "definities '{versie}' is geen versie die dit programma kent (bekend: {}); voeg die definities toe met ‘raadsbudget definities toevoegen’ of gebruik een nieuwere versie van het programma",
                    Catalogue::versions().join(", ")
                ),
            );
        }
        let uitvraag_text = first.get(col::UITVRAAGJAAR);
        let uitvraag = parse_jaar(uitvraag_text);
        if uitvraag.is_none() {
            self.push(
                FindingCode::InvalidField,
                line,
                Some(col::UITVRAAGJAAR),
                format!(
                    "uitvraagjaar '{uitvraag_text}' is geen jaartal tussen {JAAR_MIN} en {JAAR_MAX}"
                ),
            );
        }
        let revisie_text = first.get(col::REVISIE);
        let revisie = parse_digits::<u32>(revisie_text).filter(|r| *r >= 1);
        if revisie.is_none() {
            self.push(
                FindingCode::InvalidField,
                line,
                Some(col::REVISIE),
                format!(
                    "revisie '{revisie_text}' is geen positief geheel getal; de eerste export heeft revisie 1, elke verbeterde export 1 meer"
                ),
            );
        }
        let moment_text = first.get(col::AANGEMAAKT_OP);
        let moment = parse_moment(moment_text);
        if moment.is_none() {
            self.push(
                FindingCode::InvalidField,
                line,
                Some(col::AANGEMAAKT_OP),
                format!(
                    "aangemaakt_op '{moment_text}' is geen tijdstip in UTC met seconden zoals 2026-03-01T09:30:00Z"
                ),
            );
        }
        if first.get(col::SOFTWARE).is_empty() {
            self.push(
                FindingCode::InvalidField,
                line,
                Some(col::SOFTWARE),
                "software is leeg; hier hoort de naam en versie van het programma dat het bestand maakte".to_string(),
            );
        }
        let software = Some(first.get(col::SOFTWARE).to_string()).filter(|s| !s.is_empty());
        if let (Some(cat), Some(u)) = (cat, uitvraag) {
            self.check_version_of_uitvraag(line, cat, u);
        }
        Meta {
            uitvraag,
            cat,
            organisation,
            revisie,
            moment,
            software,
        }
    }

    /// W108 when a file for uitvraag `u` was filled in under an older version than `u` uses
    /// (its values are read under their own version and mapped where the mapping allows);
    /// F110 when under a newer one, which no program writes for that uitvraag.
    fn check_version_of_uitvraag(&mut self, line: Option<u64>, cat: &Catalogue, u: Jaar) {
        let want = Catalogue::for_uitvraag(u);
        if want.versie == cat.versie {
            return;
        }
        if cat.uitvraag_vanaf < want.uitvraag_vanaf {
            self.push(
                FindingCode::OlderVersion,
                line,
                Some(col::DEFINITIES),
                format!(
                    "dit bestand voor uitvraag {u} is ingevuld onder definities {}, maar uitvraag {u} gebruikt {}; de waarden worden gelezen onder {} en omgezet waar de wijzigingen dat toelaten (‘raadsbudget definities --versie {} --wijzigingen’ toont ze). Vraag de organisatie bij een volgende inzending een bijgewerkte versie van het programma te gebruiken",
                    cat.versie, want.versie, cat.versie, want.versie
                ),
            );
        } else {
            self.push(
                FindingCode::NewerVersion,
                line,
                Some(col::DEFINITIES),
                format!(
                    "dit bestand voor uitvraag {u} noemt definities {}, maar uitvraag {u} wordt ingevuld onder {}; exporteer het opnieuw",
                    cat.versie, want.versie
                ),
            );
        }
    }

    /// F105 for every constant column whose value is not the same on every row: once per
    /// column, on the first row that differs from the value most rows have (so a single odd
    /// row is named, even when it is the first). Returns whether all were the same.
    pub(super) fn check_constant(&mut self, rows: &[Row<'_>]) -> bool {
        let mut same = true;
        for index in CONSTANT_COLUMNS {
            let column = column_number(index);
            // Fast path: the same value on every row.
            if let Some((first, rest)) = rows.split_first() {
                let value = first.get(column);
                if rest.iter().all(|r| r.get(column) == value) {
                    continue;
                }
            }
            // The most common value; on a tie the one that comes first.
            let mut counts: HashMap<&str, (usize, u64)> = HashMap::new();
            for row in rows {
                counts.entry(row.get(column)).or_insert((0, row.line)).0 += 1;
            }
            let Some((want, (want_count, want_line))) = counts
                .iter()
                .map(|(v, (n, line))| (*v, (*n, *line)))
                .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
            else {
                continue;
            };
            let Some(row) = rows.iter().find(|r| r.get(column) != want) else {
                continue;
            };
            same = false;
            let n = rows.len() - want_count;
            let message = format!(
                "{} is '{}', maar op regel {want_line} staat '{want}' ({n} {} af); een bestand bevat de gegevens van één organisatie, één uitvraag en één export — stuur elk in een eigen bestand",
                column_name(column),
                row.get(column),
                if n == 1 { "regel wijkt" } else { "regels wijken" }
            );
            self.push(FindingCode::Mixed, Some(row.line), Some(column), message);
        }
        same
    }
}
