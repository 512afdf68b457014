//! The outputs of a bundle (`bundel.md`): the table specifications of its CSV files, from which
//! the CSV writer ([`crate::table`]), `datapackage.json` and `bundel.xlsx` are derived.
//!
//! Column names are the field names researchers see; they are documented in `docs/bundel.md`.

pub mod datapackage;
pub mod read;
pub mod xlsx;

use crate::table::{Field, TableSpec};
use raadsbudget_domain::catalogue::Catalogue;
use raadsbudget_domain::kengetallen::{kengetal_categories, Indicator};
use raadsbudget_domain::statistiek::StatGroup;
use raadsbudget_domain::submission::Status;
use raadsbudget_domain::{Fase, FindingCode, OrgType, Reason, Severity, Unit};

/// The pattern of an organisation code.
pub const ORG_CODE_PATTERN: &str = "^(GM[0-9]{4}|PV[0-9]{2}|WS[0-9]{4})$";

/// The status of a register entry in `respons.csv` when nothing was received.
pub const NIET_INGEDIEND: &str = "niet ingediend";

fn org_fields() -> Vec<Field> {
    vec![
        Field::text(
            "organisatie_code",
            "code van de organisatie (GM…, PV…, WS…)",
        )
        .required()
        .pattern(ORG_CODE_PATTERN),
        Field::text(
            "organisatie_naam",
            "naam van de organisatie zoals in het bestand",
        )
        .required(),
        Field::text("organisatie_type", "gemeente, provincie of waterschap")
            .required()
            .one_of(OrgType::ALL.iter().map(|t| t.as_str())),
        Field::integer("uitvraagjaar", "uitvraagjaar van het bestand").required(),
    ]
}

fn fase_field(fases: &[Fase]) -> Field {
    Field::text("fase", "kenmerk, begroting of realisatie")
        .required()
        .one_of(fases.iter().map(|f| f.as_str()))
}

fn keys(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

const ORG_KEY: [&str; 2] = ["organisatie_code", "uitvraagjaar"];

/// `inzendingen.csv`: one row per input file.
pub fn inzendingen() -> TableSpec {
    TableSpec {
        name: "inzendingen".into(),
        file: "inzendingen.csv".into(),
        title: "Inzendingen".into(),
        description: "Eén rij per ingelezen bestand, met de status die de bundel het gaf.".into(),
        fields: vec![
            Field::text(
                "bestand",
                "pad zoals opgegeven (in een zip: archief.zip/pad)",
            )
            .required(),
            Field::text(
                "sha256",
                "SHA-256 van de bytes van het bestand; leeg als het niet te lezen was",
            )
            .pattern("^[0-9a-f]{64}$"),
            Field::text(
                "organisatie_code",
                "code van de organisatie, als die te lezen was",
            )
            .pattern(ORG_CODE_PATTERN),
            Field::text(
                "organisatie_naam",
                "naam van de organisatie, als die te lezen was",
            ),
            Field::integer("uitvraagjaar", "uitvraagjaar, als dat te lezen was"),
            Field::integer("revisie", "revisie, als die te lezen was"),
            Field::datetime("aangemaakt_op", "exportmoment (UTC), als dat te lezen was"),
            Field::text("status", "geaccepteerd, vervangen, dubbel of afgewezen")
                .required()
                .one_of(Status::ALL.iter().map(|s| s.as_str())),
            Field::integer("fouten", "aantal fouten").required(),
            Field::integer("waarschuwingen", "aantal waarschuwingen").required(),
            Field::integer("signalen", "aantal signalen").required(),
            Field::text(
                "opmerking",
                "waarom deze status: vervangen door, dubbel van, conflict met",
            ),
        ],
        primary_key: keys(&["bestand"]),
    }
}

/// `meldingen.csv`: one row per finding.
pub fn meldingen() -> TableSpec {
    TableSpec {
        name: "meldingen".into(),
        file: "meldingen.csv".into(),
        title: "Meldingen".into(),
        description: "Eén rij per melding (fout, waarschuwing of signaal) over een bestand.".into(),
        fields: vec![
            Field::text("bestand", "pad zoals opgegeven").required(),
            Field::integer("regel", "fysieke regel in het bestand (kopregel = 1)"),
            Field::integer("kolom", "kolomnummer (1 = eerste kolom)"),
            Field::text("organisatie_code", "code van de organisatie").pattern(ORG_CODE_PATTERN),
            Field::integer("jaar", "jaar waar de melding over gaat"),
            Field::text("fase", "fase waar de melding over gaat")
                .one_of(Fase::ALL.iter().map(|f| f.as_str())),
            Field::text(
                "post",
                "post waar de melding over gaat, zoals in het bestand (ook een onbekende post)",
            ),
            Field::text("ernst", "fout, waarschuwing of signaal")
                .required()
                .one_of(
                    [Severity::Fout, Severity::Waarschuwing, Severity::Signaal]
                        .iter()
                        .map(|s| s.as_str()),
                ),
            Field::text("code", "stabiele code, zie docs/meldingen.md")
                .required()
                .one_of(FindingCode::ALL.iter().map(|c| c.as_str())),
            Field::text("melding", "de melding in het Nederlands").required(),
            Field::text(
                "cel",
                "blad en cel in een invulbestand (Invullen!E14); leeg bij een benchmarkbestand",
            ),
        ],
        primary_key: Vec::new(),
    }
}

impl TableSpec {
    /// Restricts a `post` column to the catalogue's post codes.
    fn with_post_check(mut self, cats: &[&Catalogue]) -> TableSpec {
        if let Some(f) = self.fields.iter_mut().find(|f| f.name == "post") {
            f.allowed = Some(
                breed_posts(cats)
                    .into_iter()
                    .map(|p| p.code.clone())
                    .collect(),
            );
        }
        if let Some(f) = self.fields.iter_mut().find(|f| f.name == "definities") {
            f.allowed = Some(cats.iter().map(|c| c.versie.clone()).collect());
        }
        self
    }
}

/// The posts of a bundle over catalogues `cats` (the catalogues of its uitvraagjaren, and of
/// the files it accepted): those of the newest, then the posts only older ones have, each
/// older catalogue (newest first) in its own order. One catalogue: exactly its posts.
pub fn breed_posts<'a>(cats: &[&'a Catalogue]) -> Vec<&'a raadsbudget_domain::Post> {
    let mut sorted: Vec<&Catalogue> = cats.to_vec();
    sorted.sort_by_key(|c| std::cmp::Reverse(c.uitvraag_vanaf));
    sorted.dedup_by(|a, b| a.versie == b.versie);
    let mut out: Vec<&raadsbudget_domain::Post> = Vec::new();
    for cat in sorted {
        for post in &cat.posts {
            if !out.iter().any(|p| p.code == post.code) {
                out.push(post);
            }
        }
    }
    out
}

/// `waarden.csv`: one row per accepted value, with the catalogue version it was submitted
/// under; `cats` as for [`breed_posts`].
pub fn waarden(cats: &[&Catalogue]) -> TableSpec {
    let mut fields = org_fields();
    fields.extend([
        Field::integer("jaar", "jaar van de waarde").required(),
        fase_field(&Fase::ALL),
        Field::text("post", "postcode uit de definities").required(),
        Field::text(
            "waarde",
            "waarde zoals in het benchmarkbestand (bedrag en fte met 2 decimalen, aantal, code); leeg als reden gevuld is",
        ),
        Field::text("reden", "nvt of onbekend; leeg als waarde gevuld is")
            .one_of([Reason::Nvt.as_str(), Reason::Onbekend.as_str()]),
        Field::text("toelichting", "toelichting van de organisatie"),
        Field::text(
            "definities",
            "versie van de definities waaronder de waarde is ingediend (die van het bestand)",
        )
        .required(),
    ]);
    TableSpec {
        name: "waarden".into(),
        file: "waarden.csv".into(),
        title: "Waarden".into(),
        description: "Eén rij per waarde uit een geaccepteerde inzending (lang formaat).".into(),
        fields,
        primary_key: keys(&[ORG_KEY[0], ORG_KEY[1], "jaar", "fase", "post"]),
    }
    .with_post_check(cats)
}

/// `breed.csv`: one row per organisation × jaar × fase, one column per post of
/// [`breed_posts`]; a row has the posts of its uitvraag's version, the other columns empty.
pub fn breed(cats: &[&Catalogue]) -> TableSpec {
    let mut fields = org_fields();
    fields.extend([
        Field::integer("jaar", "jaar").required(),
        fase_field(&Fase::ALL),
    ]);
    for post in breed_posts(cats) {
        let fases: Vec<&str> = Fase::ALL
            .iter()
            .filter(|f| post.has_fase(**f))
            .map(|f| f.as_str())
            .collect();
        let description = format!(
            "{} ({}; {}); leeg bij nvt, onbekend of een andere fase",
            post.label,
            post.eenheid.as_str(),
            fases.join(", ")
        );
        fields.push(match post.eenheid {
            Unit::Euro | Unit::Fte => Field::number(&post.code, 2, &description),
            Unit::Aantal => Field::integer(&post.code, &description),
            Unit::Code => Field::text(&post.code, &description).one_of(post.code_list()),
        });
    }
    TableSpec {
        name: "breed".into(),
        file: "breed.csv".into(),
        title: "Waarden, breed".into(),
        description: "Eén rij per organisatie × jaar × fase, één kolom per post.".into(),
        fields,
        primary_key: keys(&[ORG_KEY[0], ORG_KEY[1], "jaar", "fase"]),
    }
}

/// `kengetallen.csv`: one row per organisation × jaar × fase × category.
pub fn kengetallen(cat: &Catalogue) -> TableSpec {
    let mut fields = org_fields();
    fields.extend([
        Field::integer("jaar", "jaar").required(),
        fase_field(&[Fase::Begroting, Fase::Realisatie]),
        Field::text(
            "categorie",
            "categorie, of TOTAAL voor de som van de kernbudgetten",
        )
        .required()
        .one_of(kengetal_categories(cat)),
        Field::integer("grootteklasse", "CBS-grootteklasse 1–8 (alleen gemeenten)")
            .one_of((1..=8).map(|k: u8| k.to_string())),
    ]);
    fields.extend(indicator_fields());
    TableSpec {
        name: "kengetallen".into(),
        file: "kengetallen.csv".into(),
        title: "Kengetallen".into(),
        description:
            "Eén rij per organisatie × jaar × fase × categorie; leeg waar niet te berekenen.".into(),
        fields,
        primary_key: keys(&[ORG_KEY[0], ORG_KEY[1], "jaar", "fase", "categorie"]),
    }
}

fn indicator_fields() -> impl Iterator<Item = Field> {
    Indicator::ALL
        .into_iter()
        .map(|i| Field::number(i.code(), i.decimals(), i.label()))
}

/// The statistic columns of `statistiek.csv`, after `n`.
pub const STATISTIC_COLUMNS: [&str; 6] = ["min", "p25", "mediaan", "p75", "max", "gemiddelde"];

/// `statistiek.csv`: one row per jaar × fase × category × indicator × group (groups without
/// values are left out).
pub fn statistiek(cat: &Catalogue) -> TableSpec {
    let mut fields = vec![
        Field::integer("jaar", "jaar").required(),
        fase_field(&[Fase::Begroting, Fase::Realisatie]),
        Field::text("categorie", "categorie, of TOTAAL")
            .required()
            .one_of(kengetal_categories(cat)),
        Field::text("indicator", "de kolom van kengetallen.csv")
            .required()
            .one_of(Indicator::ALL.iter().map(|i| i.code())),
        Field::text(
            "groep",
            "gemeenten, grootteklasse_1 … grootteklasse_8, provincies of waterschappen",
        )
        .required()
        .one_of(StatGroup::all().into_iter().map(StatGroup::code)),
        Field::integer("n", "aantal organisaties met een waarde").required(),
    ];
    fields.extend(STATISTIC_COLUMNS.iter().map(|c| {
        Field::number_as_given(
            c,
            "in de decimalen van de indicator (bedragen en fte 2, overige 4)",
        )
        .required()
    }));
    TableSpec {
        name: "statistiek".into(),
        file: "statistiek.csv".into(),
        title: "Statistiek".into(),
        description: "Spreiding per jaar × fase × categorie × indicator × groep, berekend uit kengetallen.csv (kwartielen als PERCENTIEL.INC)."
            .into(),
        fields,
        primary_key: keys(&["jaar", "fase", "categorie", "indicator", "groep"]),
    }
}

/// `respons.csv`: one row per register entry (and uitvraagjaar).
pub fn respons() -> TableSpec {
    TableSpec {
        name: "respons".into(),
        file: "respons.csv".into(),
        title: "Respons".into(),
        description: "Eén rij per organisatie uit het register: ingediend of niet.".into(),
        fields: vec![
            Field::integer("uitvraagjaar", "uitvraagjaar").required(),
            Field::text("code", "code uit het register")
                .required()
                .pattern(ORG_CODE_PATTERN),
            Field::text("naam", "naam uit het register").required(),
            Field::boolean("ingediend", "ja als er een bestand van deze organisatie is").required(),
            Field::text(
                "status",
                "geaccepteerd, afgewezen (alleen afgewezen bestanden) of niet ingediend",
            )
            .required()
            .one_of([
                Status::Geaccepteerd.as_str(),
                Status::Afgewezen.as_str(),
                NIET_INGEDIEND,
            ]),
            Field::text("bestand", "het geaccepteerde bestand"),
        ],
        primary_key: keys(&["uitvraagjaar", "code"]),
    }
}

/// Every table a bundle can write, in the order of `bundel.md` (`respons.csv` is written only
/// with a register), for a bundle over catalogues `cats` (see [`breed_posts`]).
pub fn tables(cats: &[&Catalogue]) -> Vec<TableSpec> {
    let cat = cats.first().copied().unwrap_or_else(|| Catalogue::newest());
    vec![
        inzendingen(),
        meldingen(),
        waarden(cats),
        breed(cats),
        kengetallen(cat),
        statistiek(cat),
        respons(),
    ]
}

/// Lays the `breed.csv` rows of a file (with the posts of `from`) out in the columns `to`: the
/// cells of a post `from` has, empty cells for the others. Only for a bundle over uitvraagjaren
/// of different versions.
pub fn relayout_breed(
    rows: &[u8],
    from: &Catalogue,
    to: &[&raadsbudget_domain::Post],
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    const PREFIX: usize = 6; // organisation (4), jaar, fase
    let index: Vec<Option<usize>> = to.iter().map(|p| from.position(&p.code)).collect();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(rows);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let mut record = csv::ByteRecord::new();
    while reader
        .read_byte_record(&mut record)
        .map_err(std::io::Error::other)?
    {
        let cells = record.iter().take(PREFIX).chain(
            index
                .iter()
                .map(|i| i.and_then(|i| record.get(PREFIX + i)).unwrap_or_default()),
        );
        writer.write_record(cells).map_err(std::io::Error::other)?;
    }
    writer.flush()
}
