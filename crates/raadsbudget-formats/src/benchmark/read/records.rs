//! The reader's data rows: each row checked and turned into a record, then the content as a
//! whole (missing, doubled and unasked posts).

use super::*;

impl Reader<'_> {
    /// Checks one data row; the record when it can be read.
    pub(super) fn row<'r>(
        &mut self,
        row: &'r Row<'_>,
        meta: &Meta,
        notation: &Notation,
        seen: &mut Seen<'r>,
        rejected: &mut BTreeSet<RecordKey>,
    ) -> Option<((Jaar, Fase, usize), Record)> {
        let line = Some(row.line);
        let formaat = row.get(col::FORMAAT);
        if formaat != FORMAT {
            let message =
                format!("formaat '{formaat}' wijkt af; elke regel moet formaat {FORMAT} hebben");
            self.push(
                FindingCode::UnknownFormat,
                line,
                Some(col::FORMAAT),
                message,
            );
            return None;
        }
        let jaar_text = row.get(col::JAAR);
        let Some(jaar) = parse_jaar(jaar_text) else {
            self.push(
                FindingCode::InvalidField,
                line,
                Some(col::JAAR),
                format!("jaar '{jaar_text}' is geen jaartal tussen {JAAR_MIN} en {JAAR_MAX}"),
            );
            return None;
        };
        let fase = match row.get(col::FASE).parse::<Fase>() {
            Ok(fase) => fase,
            Err(e) => {
                self.push(
                    FindingCode::InvalidField,
                    line,
                    Some(col::FASE),
                    e.to_string(),
                );
                return None;
            }
        };
        let post_code = row.get(col::POST);
        let at = |reader: &Self, column: u32| Location {
            jaar: Some(jaar),
            fase: Some(fase),
            post: Some(post_code.to_string()),
            ..reader.location(line, Some(column))
        };
        if let Some(u) = meta.uitvraag {
            let blocks = uitvraag_blocks(u);
            if !blocks.contains(&(jaar, fase)) {
                let prev = u.saturating_sub(1);
                let (column, what) = if jaar == u || jaar == prev {
                    (col::FASE, format!("{fase} {jaar}"))
                } else {
                    (col::JAAR, format!("jaar {jaar}"))
                };
                let message = format!(
                    "{what} hoort niet bij uitvraag {u}; een bestand voor uitvraag {u} bevat alleen kenmerk en realisatie {prev} en kenmerk en begroting {u}"
                );
                self.structure.push(Finding::new(
                    FindingCode::WrongYear,
                    at(self, column),
                    message,
                ));
                return None;
            }
        }
        let post = match meta.cat {
            Some(cat) => match cat.position(post_code) {
                Some(i) => Some((i, &cat.posts[i])),
                None => {
                    let message = format!(
                        "'{post_code}' is geen post van de definities {}; controleer de code (hoofdletters, punt)",
                        cat.versie
                    );
                    self.structure.push(Finding::new(
                        FindingCode::UnknownPost,
                        at(self, col::POST),
                        message,
                    ));
                    return None;
                }
            },
            None => None,
        };
        let position = post.map(|(i, _)| i);
        let post = post.map(|(_, post)| post);
        if let Some(post) = post {
            // Only the fase can be wrong for a reason.
            if !post.has_fase(fase) {
                if let Some(f) =
                    check_entry(post, fase, &Entry::Reason(Reason::Nvt), at(self, col::POST))
                {
                    self.structure.push(f);
                    return None;
                }
            }
        }
        if let Some(first_line) = seen.get(&(jaar, fase, post_code)) {
            let message = format!(
                "{post_code} staat voor {fase} {jaar} ook op regel {first_line}; elke post komt per jaar en fase één keer voor — verwijder een van beide regels"
            );
            self.structure.push(Finding::new(
                FindingCode::Duplicate,
                at(self, col::POST),
                message,
            ));
            return None;
        }
        seen.insert((jaar, fase, post_code), row.line);

        let waarde = row.get(col::WAARDE);
        let reden = row.get(col::REDEN);
        let entry = if !reden.is_empty() {
            match reden.parse::<Reason>() {
                Err(e) => {
                    self.structure.push(Finding::new(
                        FindingCode::UnknownReason,
                        at(self, col::REDEN),
                        e.to_string(),
                    ));
                    None
                }
                Ok(_) if !waarde.is_empty() => {
                    let message = format!(
                        "waarde '{waarde}' en reden '{reden}' zijn allebei ingevuld; laat de reden leeg als er een waarde is, of maak de waarde leeg"
                    );
                    self.structure.push(Finding::new(
                        FindingCode::ValueAndReason,
                        at(self, col::REDEN),
                        message,
                    ));
                    None
                }
                Ok(reason) => Some(Entry::Reason(reason)),
            }
        } else if waarde.is_empty() {
            self.structure.push(Finding::new(
                FindingCode::ValueAndReason,
                at(self, col::WAARDE),
                "waarde en reden zijn allebei leeg; vul een waarde in, of reden nvt (niet van toepassing) of onbekend".to_string(),
            ));
            None
        } else if let Some(post) = post {
            // Only a code post has a code list (and only then is it needed).
            let codes = if post.eenheid == Unit::Code {
                post.code_list()
            } else {
                Vec::new()
            };
            match notation.parse(post.eenheid, waarde, &codes) {
                Ok(parsed) => {
                    if parsed.padded {
                        self.padded.push(row.line);
                    }
                    if parsed.localised {
                        self.localised.push(row.line);
                        if self.localised_example.is_none() {
                            self.localised_example =
                                Some((waarde.to_string(), parsed.value.to_canonical()));
                        }
                    }
                    Some(Entry::Value(parsed.value))
                }
                Err(e) => {
                    self.structure
                        .push(value_error_finding(post, &e, at(self, col::WAARDE)));
                    None
                }
            }
        } else {
            // Unknown catalogue version (F107 reported): the value cannot be checked.
            None
        };
        let Some(entry) = entry else {
            rejected.insert((jaar, fase, post_code.to_string()));
            return None;
        };
        let definities = meta.cat.map(|c| c.version())?;
        Some((
            (jaar, fase, position?),
            Record {
                entry,
                toelichting: unprotect(row.get(col::TOELICHTING)).to_string(),
                definities,
            },
        ))
    }

    /// The domain's content findings, located in the file. A block without any row gets an
    /// F001 per required post (the file must carry every required post, `onbekend` when the
    /// block was not filled); posts whose row had an error get no second finding.
    pub(super) fn content(
        &self,
        cat: &Catalogue,
        data: &Dataset,
        uitvraag: Jaar,
        lines: &RecordLines,
        rejected: &BTreeSet<RecordKey>,
    ) -> Vec<Finding> {
        let mut out = Vec::new();
        for mut finding in validate_uitvraag(cat, data, uitvraag) {
            finding.location.file = Some(self.name.to_string());
            let key = match (
                &finding.location.post,
                finding.location.jaar,
                finding.location.fase,
            ) {
                (Some(post), Some(jaar), Some(fase)) => Some((jaar, fase, post.clone())),
                _ => None,
            };
            match finding.code {
                FindingCode::EmptyBlock => {
                    let (Some(jaar), Some(fase)) = (finding.location.jaar, finding.location.fase)
                    else {
                        continue;
                    };
                    for post in cat.posts_in(fase) {
                        let key = (jaar, fase, post.code.clone());
                        if is_required(post, data, jaar) && !rejected.contains(&key) {
                            out.push(Finding::new(
                                FindingCode::MissingRequired,
                                Location {
                                    post: Some(post.code.clone()),
                                    ..finding.location.clone()
                                },
                                format!(
                                    "verplichte post {} ({}) ontbreekt voor {fase} {jaar}; het bestand heeft voor {fase} {jaar} geen enkele regel, maar ook een niet-ingevuld blok moet elke verplichte post bevatten (met reden onbekend)",
                                    post.code, post.label
                                ),
                            ));
                        }
                    }
                }
                FindingCode::MissingRequired => {
                    if key.as_ref().is_some_and(|k| rejected.contains(k)) {
                        continue;
                    }
                    out.push(finding);
                }
                _ => {
                    if let Some(line) = key.as_ref().and_then(|(j, f, p)| lines.get(*j, *f, p)) {
                        finding.location.line = Some(line);
                        finding.location.column = Some(col::WAARDE);
                    }
                    out.push(finding);
                }
            }
        }
        out
    }
}
