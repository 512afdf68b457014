//! The command line, in Dutch.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Raadsbudget: de kosten van griffie, rekenkamer, fractieondersteuning en enquêterecht
/// vastleggen onder gedeelde definities, controleren en als BZK-benchmarkbestand uitwisselen.
#[derive(Debug, Parser)]
#[command(name = "raadsbudget", version, long_about = None)]
pub struct Cli {
    /// Database om te gebruiken (standaard: de database van de desktopapp in de datamap van het
    /// besturingssysteem; ook via RAADSBUDGET_DB)
    #[arg(long, global = true, value_name = "PAD", env = "RAADSBUDGET_DB")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Toon de gedeelde definities (de catalogus van posten)
    Definities(DefinitiesArgs),
    /// Beheer de organisaties in de database
    #[command(subcommand)]
    Organisatie(OrganisatieCommand),
    /// Vul waarden in of bekijk ze
    #[command(subcommand)]
    Waarde(WaardeCommand),
    /// Controleer een uitvraag in de database, of benchmarkbestanden en ingevulde invulbestanden
    Controleer(ControleerArgs),
    /// Toon de stand van de uitvragen van een organisatie (leeg, concept, gecontroleerd, ingediend)
    Status(StatusArgs),
    /// Vul de lege velden van een uitvraag met de waarden van een jaar eerder
    Overnemen(OvernemenArgs),
    /// Maak het BZK-benchmarkbestand van een uitvraag
    Export(ExportArgs),
    /// Lees een benchmarkbestand of een ingevuld invulbestand (.xlsx) in de database in
    Import(ImportArgs),
    /// Maak invulbestanden (.xlsx) voor wie de app niet kan installeren: voor een organisatie uit
    /// de database, voor elke organisatie in een register of een bundel, of blanco
    Invulbestand(InvulbestandArgs),
    /// Maak demogegevens: benchmarkbestanden, of een database om de app te proberen
    Demo(DemoArgs),
    /// Bundel benchmarkbestanden van veel organisaties tot één gecontroleerde dataset (voor BZK)
    Bundel(BundelArgs),
    /// Maak factsheets (PDF) per organisatie uit een of meer bundels, om aan elke deelnemer te sturen
    Factsheet(FactsheetArgs),
    /// Toon de geschiedenis van wijzigingen
    Geschiedenis(GeschiedenisArgs),
    /// Maak de laatste wijziging van een organisatie ongedaan
    OngedaanMaken(OrganisatieArg),
    /// Stel de naam in die bij wijzigingen wordt vastgelegd
    Gebruiker(GebruikerArgs),
    /// Maak een back-up van de database of zet er een terug
    #[command(subcommand)]
    Backup(BackupCommand),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Formaat {
    /// Leesbare tekst
    Tekst,
    /// JSON
    Json,
    /// Markdown
    Markdown,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct DefinitiesArgs {
    #[command(subcommand)]
    pub actie: Option<DefinitiesCommand>,
    /// Versie van de definities (standaard de nieuwste)
    #[arg(long, value_name = "V")]
    pub versie: Option<String>,
    /// Toon alleen wat er in deze versie veranderd is ten opzichte van de vorige
    #[arg(long)]
    pub wijzigingen: bool,
    /// Uitvoerformaat
    #[arg(long, value_enum, default_value = "tekst")]
    pub formaat: Formaat,
}

#[derive(Debug, Subcommand)]
pub enum DefinitiesCommand {
    /// Voeg een nieuwere versie van de definities toe uit een bestand (TOML) dat BZK uitgeeft
    Toevoegen {
        /// Het definitiebestand
        #[arg(value_name = "BESTAND")]
        bestand: PathBuf,
    },
    /// Toon de bekende versies: ingebouwd of toegevoegd, met hun sha256
    Lijst,
}

#[derive(Debug, Subcommand)]
pub enum OrganisatieCommand {
    /// Voeg een organisatie toe (gemeente GM####, provincie PV##, waterschap WS####)
    Toevoegen {
        /// Organisatiecode, bijvoorbeeld GM0363
        #[arg(long)]
        code: String,
        /// Naam, bijvoorbeeld Amsterdam; zonder --naam komt de naam van een gemeente of provincie uit het ingebouwde CBS-register (waterschappen geven de naam op)
        #[arg(long)]
        naam: Option<String>,
    },
    /// Toon de organisaties in de database
    Lijst,
}

#[derive(Debug, Args)]
pub struct OrganisatieArg {
    /// Organisatiecode, bijvoorbeeld GM0363
    #[arg(long)]
    pub organisatie: String,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Organisatiecode, bijvoorbeeld GM0363
    #[arg(long)]
    pub organisatie: String,
    /// Alleen dit uitvraagjaar (standaard: elke uitvraag met gegevens, en de huidige)
    #[arg(long, value_name = "JAAR")]
    pub uitvraag: Option<u16>,
}

#[derive(Debug, Args)]
pub struct OvernemenArgs {
    /// Organisatiecode, bijvoorbeeld GM0363
    #[arg(long)]
    pub organisatie: String,
    /// Uitvraagjaar waarvan de lege velden worden gevuld
    #[arg(long, value_name = "JAAR")]
    pub uitvraag: u16,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FaseArg {
    /// Kenmerk op 1 januari
    Kenmerk,
    /// Primitieve begroting
    Begroting,
    /// Jaarrekening
    Realisatie,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RedenArg {
    /// Niet van toepassing
    Nvt,
    /// (Nog) niet bekend
    Onbekend,
}

#[derive(Debug, Args)]
pub struct PostArgs {
    /// Organisatiecode, bijvoorbeeld GM0363
    #[arg(long)]
    pub organisatie: String,
    /// Jaar
    #[arg(long)]
    pub jaar: u16,
    /// Fase
    #[arg(long, value_enum)]
    pub fase: FaseArg,
    /// Postcode, bijvoorbeeld GRF.PERSONEEL
    #[arg(long)]
    pub post: String,
}

#[derive(Debug, Subcommand)]
pub enum WaardeCommand {
    /// Zet de waarde (of een reden waarom er geen is) van één post
    Zet {
        #[command(flatten)]
        post: PostArgs,
        /// Waarde; bedragen mogen op z'n Nederlands: 812.345,00 of 812345
        #[arg(long, allow_hyphen_values = true, conflicts_with = "reden")]
        waarde: Option<String>,
        /// Reden dat er geen waarde is
        #[arg(long, value_enum)]
        reden: Option<RedenArg>,
        /// Toelichting bij de waarde
        #[arg(long, allow_hyphen_values = true)]
        toelichting: Option<String>,
    },
    /// Verwijder de waarde van één post (de geschiedenis bewaart haar)
    Wis {
        #[command(flatten)]
        post: PostArgs,
    },
    /// Toon de waarden van een organisatie
    Lijst {
        /// Organisatiecode
        #[arg(long)]
        organisatie: String,
        /// Alleen dit jaar
        #[arg(long)]
        jaar: Option<u16>,
    },
}

#[derive(Debug, Args)]
pub struct ControleerArgs {
    /// Organisatiecode (controle van de database)
    #[arg(long, requires = "uitvraag", conflicts_with = "bestanden")]
    pub organisatie: Option<String>,
    /// Uitvraagjaar (controle van de database)
    #[arg(long, requires = "organisatie")]
    pub uitvraag: Option<u16>,
    /// Benchmarkbestanden (.csv) en ingevulde invulbestanden (.xlsx) om te controleren
    #[arg(value_name = "BESTAND")]
    pub bestanden: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BundelArgs {
    /// Benchmarkbestanden, ingevulde invulbestanden (.xlsx), mappen (worden doorzocht) en .zip-archieven
    #[arg(value_name = "INVOER", required = true)]
    pub invoer: Vec<String>,
    /// Map voor de uitvoer: nieuw, leeg of een eerdere bundel (die als geheel wordt vervangen); een map met andere bestanden wordt geweigerd
    #[arg(long, value_name = "MAP")]
    pub uit: String,
    /// Register van de organisaties die meededen: een ingebouwd register (cbs-2025,
    /// cbs-2025-gemeenten of cbs-2025-provincies) of een CSV met een code- en een naamkolom;
    /// geeft respons.csv
    #[arg(long, value_name = "REGISTER")]
    pub register: Option<String>,
    /// Alleen dit uitvraagjaar (bestanden van andere jaren worden afgewezen)
    #[arg(long, value_name = "JAAR")]
    pub uitvraag: Option<u16>,
    /// Schrijf ook bundel.xlsx (dezelfde tabellen als werkbladen)
    #[arg(long)]
    pub xlsx: bool,
    /// Geen voortgang tonen
    #[arg(long)]
    pub stil: bool,
}

#[derive(Debug, Args)]
pub struct FactsheetArgs {
    /// Uitvoermap van een bundel (of haar waarden.csv); herhaal voor meer uitvraagjaren (trend)
    #[arg(long = "bundel", value_name = "MAP", required = true)]
    pub bundels: Vec<PathBuf>,
    /// Map voor de factsheets (wordt aangemaakt)
    #[arg(long, value_name = "MAP")]
    pub uit: PathBuf,
    /// Alleen deze organisatie
    #[arg(long)]
    pub organisatie: Option<String>,
    /// Uitvraagjaar (standaard het nieuwste in de bundels)
    #[arg(long, value_name = "JAAR")]
    pub uitvraag: Option<u16>,
    /// Register met provincies, voor de provincie op de factsheet (zonder --register komt die van een gemeente uit het ingebouwde CBS-register)
    #[arg(long, value_name = "REGISTER")]
    pub register: Option<PathBuf>,
    /// Schrijf naast elke PDF ook de HTML
    #[arg(long)]
    pub html: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Organisatiecode
    #[arg(long)]
    pub organisatie: String,
    /// Uitvraagjaar
    #[arg(long)]
    pub uitvraag: u16,
    /// Map waarin het bestand komt
    #[arg(long, value_name = "MAP")]
    pub uit: PathBuf,
    /// Tijdstip van de export (RFC 3339, bijvoorbeeld 2026-03-01T09:30:00Z; standaard nu)
    #[arg(long, value_name = "RFC3339")]
    pub tijdstip: Option<String>,
    /// Maak een concept, ook als er nog fouten zijn
    #[arg(long)]
    pub concept: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Het benchmarkbestand (.csv) of het ingevulde invulbestand (.xlsx)
    #[arg(value_name = "BESTAND")]
    pub bestand: PathBuf,
}

#[derive(Debug, Args)]
pub struct InvulbestandArgs {
    /// Uitvraagjaar
    #[arg(long)]
    pub uitvraag: u16,
    /// Map waarin de invulbestanden komen (bij --register en --bundel een nieuwe of lege map)
    #[arg(long, value_name = "MAP")]
    pub uit: PathBuf,
    /// Voor deze organisatie uit de database, met de waarden van vorig jaar ter vergelijking
    #[arg(long, conflicts_with_all = ["register", "bundel"])]
    pub organisatie: Option<String>,
    /// Eén per organisatie in dit register (ingebouwd, zoals cbs-2025-gemeenten, of een CSV met een code- en een naamkolom), om uit te sturen
    #[arg(long, value_name = "REGISTER", conflicts_with = "bundel")]
    pub register: Option<PathBuf>,
    /// Eén per organisatie in deze bundel (map of waarden.csv), met haar waarden van vorig jaar
    #[arg(long, value_name = "MAP")]
    pub bundel: Option<PathBuf>,
    /// Vervang een bestaand invulbestand van de organisatie (alleen met --organisatie)
    #[arg(long, requires = "organisatie")]
    pub vervang: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Uitvraagjaar
    #[arg(long, default_value_t = 2026)]
    pub uitvraag: u16,
    /// Aantal benchmarkbestanden
    #[arg(long, requires = "uit", conflicts_with = "organisaties")]
    pub aantal: Option<usize>,
    /// Map voor de benchmarkbestanden
    #[arg(long, value_name = "MAP", requires = "aantal")]
    pub uit: Option<PathBuf>,
    /// Aantal demo-organisaties om aan de database toe te voegen (met --db of de standaarddatabase)
    #[arg(long)]
    pub organisaties: Option<usize>,
    /// Zaad voor het toeval: hetzelfde zaad geeft dezelfde gegevens
    #[arg(long, default_value_t = 1)]
    pub zaad: u64,
}

#[derive(Debug, Args)]
pub struct GeschiedenisArgs {
    /// Organisatiecode
    #[arg(long)]
    pub organisatie: String,
    /// Alleen deze post
    #[arg(long)]
    pub post: Option<String>,
    /// Alleen dit jaar
    #[arg(long)]
    pub jaar: Option<u16>,
    /// Hoeveel wijzigingen (de nieuwste eerst)
    #[arg(long, default_value_t = 50)]
    pub aantal: usize,
}

#[derive(Debug, Args)]
pub struct GebruikerArgs {
    /// De naam, bijvoorbeeld "J. de Vries (griffie)"
    #[arg(long)]
    pub naam: String,
}

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Schrijf een kopie van de database naar een nieuw bestand
    Maken {
        /// Het nieuwe bestand
        #[arg(long, value_name = "PAD")]
        naar: PathBuf,
    },
    /// Zet een back-up terug (de huidige database wordt eerst zelf bewaard)
    Terugzetten {
        /// Het back-upbestand
        #[arg(long, value_name = "PAD")]
        van: PathBuf,
    },
}
