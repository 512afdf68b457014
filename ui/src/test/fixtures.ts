// Small hand-written payloads, typed with the generated bindings, for the UI tests.

import type { CatalogueView } from "../bindings/CatalogueView";
import type { ChangesView } from "../bindings/ChangesView";
import type { AppInfo } from "../bindings/AppInfo";
import type { AuditView } from "../bindings/AuditView";
import type { SourceView } from "../bindings/SourceView";
import type { BundledFileView } from "../bindings/BundledFileView";
import type { BundleView } from "../bindings/BundleView";
import type { CellView } from "../bindings/CellView";
import type { ExportPreview } from "../bindings/ExportPreview";
import type { FactsheetView } from "../bindings/FactsheetView";
import type { FindingView } from "../bindings/FindingView";
import type { FormView } from "../bindings/FormView";
import type { KengetalView } from "../bindings/KengetalView";
import type { OrganisationView } from "../bindings/OrganisationView";
import type { Overview } from "../bindings/Overview";
import type { PostRow } from "../bindings/PostRow";
import type { RegisterEntry } from "../bindings/RegisterEntry";
import type { RegisterHit } from "../bindings/RegisterHit";
import type { RegisterSearch } from "../bindings/RegisterSearch";
import type { UitvraagSummary } from "../bindings/UitvraagSummary";
import type { ComparisonView } from "../bindings/ComparisonView";
import type { CompareOptions } from "../bindings/CompareOptions";
import type { CompareRequest } from "../bindings/CompareRequest";
import type { CompareRowView } from "../bindings/CompareRowView";

export const appInfo: AppInfo = {
  software: "Raadsbudget 0.3.0",
  database: "/home/griffie/.local/share/nl.raadsbudget.desktop/raadsbudget.sqlite",
  definities: "2026.1",
  gebruiker: "J. de Vries",
  huidige_uitvraag: 2026,
};

export const amsterdam: OrganisationView = { code: "GM0363", naam: "Amsterdam", soort: "gemeente", soort_label: "Gemeente" };
export const utrecht: OrganisationView = { code: "GM0344", naam: "Utrecht", soort: "gemeente", soort_label: "Gemeente" };

const ernstLabels = { fout: "Fout", waarschuwing: "Waarschuwing", signaal: "Signaal" } as const;
const faseNamen = { begroting: "Begroting", realisatie: "Realisatie", kenmerk: "1 januari" } as const;

/** The block title as Rust gives it (`Begroting 2026`, `1 januari 2026`). */
export function blokTitel(fase: keyof typeof faseNamen, jaar: number): string {
  return `${faseNamen[fase]} ${jaar}`;
}

export function finding(over: Partial<FindingView> & Pick<FindingView, "code" | "ernst" | "melding">): FindingView {
  return {
    ernst_label: ernstLabels[over.ernst],
    jaar: null,
    fase: null,
    post: null,
    blok_titel: over.fase && over.jaar != null ? blokTitel(over.fase, over.jaar) : null,
    bestand: null,
    regel: null,
    kolom: null,
    cel: null,
    tekst: `${over.code}: ${over.melding}`,
    ...over,
  };
}

export function cel(over: Partial<CellView> & Pick<CellView, "jaar" | "fase">): CellView {
  return {
    gevraagd: true,
    verplicht: true,
    invoer: "",
    reden: null,
    toelichting: "",
    vorig_jaar: null,
    vorig_jaar_opmerking: null,
    verandering: null,
    meldingen: [],
    ...over,
  };
}

export function kengetal(over: Partial<KengetalView> & Pick<KengetalView, "jaar" | "fase" | "categorie">): KengetalView {
  return {
    naam: over.categorie,
    titel: blokTitel(over.fase, over.jaar),
    kernbudget: null,
    per_inwoner: null,
    per_zetel: null,
    per_fractie: null,
    fte: null,
    fte_per_10000: null,
    aandeel_totale_lasten: null,
    uitputting: null,
    ...over,
  };
}

function euroPost(code: string, label: string, cellen: CellView[]): PostRow {
  return {
    code,
    label,
    omschrijving: `Omschrijving van ${label}.`,
    wel: `Wel bij ${code}.`,
    niet: `Niet bij ${code}.`,
    eenheid: "euro",
    kernbudget: true,
    codes: [],
    cellen,
  };
}

export const samenvatting2026: UitvraagSummary = {
  uitvraag: 2026,
  status: "concept",
  status_tekst: "concept",
  revisie: null,
  ingediend_op: null,
  fouten: 1,
  waarschuwingen: 0,
  signalen: 0,
  totalen: [
    { categorie: "GRF", naam: "Griffie", begroting: "1.112.345,00", realisatie: null },
    { categorie: "TOTAAL", naam: "Totaal raadsondersteuning", begroting: null, realisatie: null },
  ],
};

/** A form with the kenmerken (inwoners, a code post) and the griffie (two euro posts). */
export function formulier(over: { personeel?: Partial<CellView>; inhuur?: Partial<CellView> } = {}): FormView {
  return {
    organisatie: amsterdam,
    uitvraag: 2026,
    definities: "2026.1",
    algemene_regels: ["Bedragen zijn in euro.", "Een ontbrekende waarde is geen nul."],
    secties: [
      {
        code: "KEN",
        naam: "Kenmerken",
        omschrijving: "Feiten over uw organisatie op 1 januari.",
        kolommen: [
          { jaar: 2025, fase: "kenmerk", titel: "1 januari 2025" },
          { jaar: 2026, fase: "kenmerk", titel: "1 januari 2026" },
        ],
        posten: [
          {
            code: "KEN.INWONERS",
            label: "Aantal inwoners op 1 januari",
            omschrijving: "Het aantal inwoners volgens het CBS.",
            wel: "",
            niet: "",
            eenheid: "aantal",
            kernbudget: false,
            codes: [],
            cellen: [
              cel({ jaar: 2025, fase: "kenmerk", invoer: "931.298" }),
              cel({ jaar: 2026, fase: "kenmerk", invoer: "935.000", vorig_jaar: "931.298", verandering: "+0,4 %" }),
            ],
          },
          {
            code: "KEN.REKENKAMERVORM",
            label: "Vorm van de rekenkamer",
            omschrijving: "Eigen, gemeenschappelijk of geen.",
            wel: "",
            niet: "",
            eenheid: "code",
            kernbudget: false,
            codes: [
              { code: "eigen", label: "Eigen rekenkamer" },
              { code: "gemeenschappelijk", label: "Gemeenschappelijke rekenkamer" },
              { code: "geen", label: "Geen rekenkamer" },
            ],
            cellen: [cel({ jaar: 2025, fase: "kenmerk", invoer: "eigen" }), cel({ jaar: 2026, fase: "kenmerk" })],
          },
        ],
        kengetallen: [],
      },
      {
        code: "GRF",
        naam: "Griffie",
        omschrijving: "Kosten van de griffie.",
        kolommen: [
          { jaar: 2026, fase: "begroting", titel: "Begroting 2026" },
          { jaar: 2025, fase: "realisatie", titel: "Realisatie 2025" },
        ],
        posten: [
          euroPost("GRF.PERSONEEL", "Loonkosten eigen personeel griffie", [
            cel({ jaar: 2026, fase: "begroting", vorig_jaar: "798.000,00", ...over.personeel }),
            cel({ jaar: 2025, fase: "realisatie" }),
          ]),
          euroPost("GRF.INHUUR", "Inhuur en tijdelijke vervanging griffie", [
            cel({ jaar: 2026, fase: "begroting", invoer: "300.000,00", ...over.inhuur }),
            cel({
              jaar: 2025,
              fase: "realisatie",
              meldingen: [
                finding({
                  code: "F001",
                  ernst: "fout",
                  melding: "verplichte post ontbreekt",
                  jaar: 2025,
                  fase: "realisatie",
                  post: "GRF.INHUUR",
                }),
              ],
            }),
          ]),
        ],
        kengetallen: [
          kengetal({ jaar: 2026, fase: "begroting", categorie: "GRF", naam: "Griffie", kernbudget: "1.112.345,00", per_inwoner: "1,19" }),
          kengetal({ jaar: 2025, fase: "realisatie", categorie: "GRF", naam: "Griffie" }),
        ],
      },
    ],
    totaal: [
      kengetal({ jaar: 2026, fase: "begroting", categorie: "TOTAAL", naam: "Totaal raadsondersteuning" }),
      kengetal({ jaar: 2025, fase: "realisatie", categorie: "TOTAAL", naam: "Totaal raadsondersteuning" }),
    ],
    meldingen: [],
    samenvatting: samenvatting2026,
    wijzigingen: null,
  };
}

export const overzicht: Overview = {
  organisatie: amsterdam,
  uitvragen: [
    samenvatting2026,
    {
      uitvraag: 2025,
      status: "ingediend",
      status_tekst: "ingediend (revisie 2)",
      revisie: 2,
      ingediend_op: "2025-11-28T14:05:00Z",
      fouten: 0,
      waarschuwingen: 2,
      signalen: 1,
      totalen: [
        { categorie: "GRF", naam: "Griffie", begroting: "1.000.000,00", realisatie: "990.000,00" },
        { categorie: "TOTAAL", naam: "Totaal raadsondersteuning", begroting: "1.500.000,00", realisatie: "1.480.000,00" },
      ],
    },
  ],
};

export const register: RegisterEntry[] = [
  { code: "GM0014", naam: "Groningen" },
  { code: "GM0034", naam: "Almere" },
  { code: "GM0344", naam: "Utrecht" },
  { code: "GM0363", naam: "Amsterdam" },
  { code: "PV26", naam: "Utrecht (provincie)" },
];

/** `register_zoeken` over a small part of the built-in register. */
export function registerZoeken({ tekst }: Record<string, unknown>): RegisterSearch {
  const alle: RegisterHit[] = [
    { code: "GM0363", naam: "Amsterdam", soort: "gemeente", provincie: "Noord-Holland", in_database: false },
    { code: "GM0362", naam: "Amstelveen", soort: "gemeente", provincie: "Noord-Holland", in_database: false },
    { code: "GM0344", naam: "Utrecht", soort: "gemeente", provincie: "Utrecht", in_database: true },
    { code: "PV26", naam: "Utrecht", soort: "provincie", provincie: null, in_database: false },
  ];
  const z = String(tekst).trim().toLowerCase();
  const treffers = alle.filter((t) => t.naam.toLowerCase().includes(z) || t.code.toLowerCase().includes(z));
  return {
    treffers,
    aantal: treffers.length,
    bron: "Gemeenten en provincies op 1 januari 2025. Bron: CBS, gemeentelijke indeling op 1 januari 2025.",
  };
}

export const controleMeldingen: FindingView[] = [
  finding({
    code: "F001",
    ernst: "fout",
    melding: "verplichte post ontbreekt",
    jaar: 2025,
    fase: "realisatie",
    post: "GRF.INHUUR",
    tekst: "GM0363 2025 realisatie GRF.INHUUR: F001: verplichte post ontbreekt",
  }),
  finding({
    code: "W001",
    ernst: "waarschuwing",
    melding: "grote verandering ten opzichte van vorig jaar",
    jaar: 2026,
    fase: "begroting",
    post: "GRF.PERSONEEL",
  }),
  finding({ code: "W006", ernst: "waarschuwing", melding: "blok niet ingevuld", jaar: 2025, fase: "realisatie" }),
  finding({ code: "S002", ernst: "signaal", melding: "rekenkamerbudget onder € 1,30 per inwoner", jaar: 2026, fase: "begroting" }),
];

export function audit(
  over: Omit<Partial<AuditView>, "id" | "maakt_ongedaan"> & { id: number; maakt_ongedaan?: number | null },
): AuditView {
  const { id, maakt_ongedaan, ...rest } = over;
  const jaar = rest.jaar === undefined ? 2026 : rest.jaar;
  const fase = rest.fase === undefined ? "begroting" : rest.fase;
  return {
    moment: "2026-11-28T14:05:00Z",
    moment_tekst: "28-11-2026 14:05",
    wie: "J. de Vries",
    jaar: 2026,
    fase: "begroting",
    blok_titel: fase && jaar !== null ? blokTitel(fase, jaar) : null,
    post: "GRF.PERSONEEL",
    oud: "",
    nieuw: "812.345,00",
    reden: null,
    ...rest,
    id,
    maakt_ongedaan: maakt_ongedaan ?? null,
  };
}

export const exportVoorbeeld: ExportPreview = {
  bestandsnaam: "raadsondersteuning_2026_GM0363_r1.csv",
  revisie: 1,
  regels: 2,
  inhoud: "formaat,organisatie,jaar,fase,post,waarde,reden\nbzk-raadsondersteuning/1,GM0363,2026,begroting,GRF.PERSONEEL,812345.00,\nbzk-raadsondersteuning/1,GM0363,2026,begroting,GRF.INHUUR,300000.00,\n",
  meldingen: [],
  heeft_fouten: false,
  standaard_map: "/home/griffie/Documenten",
};

export function bundelBestand(over: Partial<BundledFileView> & Pick<BundledFileView, "bestand">): BundledFileView {
  return {
    organisatie: "GM0363",
    uitvraagjaar: 2026,
    revisie: 1,
    status: "geaccepteerd",
    status_label: { geaccepteerd: "Geaccepteerd", vervangen: "Vervangen", dubbel: "Dubbel", afgewezen: "Afgewezen" }[over.status ?? "geaccepteerd"],
    opmerking: "",
    fouten: 0,
    waarschuwingen: 0,
    signalen: 0,
    meldingen: [],
    ...over,
  };
}

/** A small bundle: two accepted, one duplicate, one rejected (F102 in the header). */
export const bundelView: BundleView = {
  uit: "/onderzoek/bundel-2026",
  uitvoer: ["inzendingen.csv", "meldingen.csv", "waarden.csv", "breed.csv", "kengetallen.csv", "statistiek.csv", "datapackage.json"],
  bestanden: 4,
  geaccepteerd: 2,
  vervangen: 0,
  dubbel: 1,
  afgewezen: 1,
  overgeslagen: 0,
  organisaties: 2,
  respons: null,
  samenvatting: [
    "4 bestanden gebundeld:",
    "  geaccepteerd        2",
    "  vervangen           0",
    "  dubbel              1",
    "  afgewezen           1",
    "Meldingen: 1 fouten, 1 waarschuwingen, 0 signalen (zie meldingen.csv).",
    "Organisaties in de dataset: 2.",
    "Uitvoer: /onderzoek/bundel-2026",
  ],
  inzendingen: [
    bundelBestand({ bestand: "/in/amsterdam.csv" }),
    bundelBestand({
      bestand: "/in/kapot.csv",
      organisatie: null,
      uitvraagjaar: null,
      revisie: null,
      status: "afgewezen",
      fouten: 1,
      meldingen: [
        finding({
          code: "F102",
          ernst: "fout",
          melding: "de kopregel klopt niet",
          bestand: "/in/kapot.csv",
          regel: 1,
          kolom: 1,
          tekst: "/in/kapot.csv:1:1: F102: de kopregel klopt niet",
        }),
      ],
    }),
    bundelBestand({
      bestand: "/in/utrecht.csv",
      organisatie: "GM0344",
      waarschuwingen: 1,
      meldingen: [
        finding({ code: "W006", ernst: "waarschuwing", melding: "de griffie heeft geen personeel", regel: null, kolom: null }),
      ],
    }),
    bundelBestand({ bestand: "/in/utrecht-kopie.csv", organisatie: "GM0344", status: "dubbel", opmerking: "dubbel van /in/utrecht.csv" }),
  ],
};

// --- Benchmark comparison -------------------------------------------------------------------

/** A loaded bundle (uitvraag 2025 and 2026) with a register. `id` is an i64 (ts-rs: bigint). */
export const bron: SourceView = {
  id: 1,
  pad: "/onderzoek/bundel-2026",
  sha256: "9c".repeat(32),
  geladen_op: "28-11-2026 14:03",
  geladen_door: "J. de Vries",
  uitvraagjaren: [2025, 2026],
  organisaties: 342,
  waarden: 48210,
  register: "/data/gemeenten-2026.csv",
  met_provincie: 340,
};

/** A second source (no register), e.g. an older bundle. */
export const bron2024: SourceView = {
  id: 2,
  pad: "/onderzoek/bundel-2024/waarden.csv",
  sha256: "4e".repeat(32),
  geladen_op: "29-11-2026 09:12",
  geladen_door: "J. de Vries",
  uitvraagjaren: [2024],
  organisaties: 331,
  waarden: 45002,
  register: null,
  met_provincie: 0,
};

export const vergelijkOrganisaties: OrganisationView[] = [
  { code: "GM0034", naam: "Almere", soort: "gemeente", soort_label: "Gemeente" },
  amsterdam,
  { code: "GM0758", naam: "Breda", soort: "gemeente", soort_label: "Gemeente" },
  { code: "GM0518", naam: "'s-Gravenhage", soort: "gemeente", soort_label: "Gemeente" },
  { code: "GM0772", naam: "Eindhoven", soort: "gemeente", soort_label: "Gemeente" },
  { code: "GM0014", naam: "Groningen", soort: "gemeente", soort_label: "Gemeente" },
  { code: "GM0268", naam: "Nijmegen", soort: "gemeente", soort_label: "Gemeente" },
  { code: "GM0599", naam: "Rotterdam", soort: "gemeente", soort_label: "Gemeente" },
  { code: "GM0855", naam: "Tilburg", soort: "gemeente", soort_label: "Gemeente" },
  utrecht,
];

export const vergelijkOpties: CompareOptions = {
  organisatie: amsterdam,
  categorieen: [
    { code: "GRF", label: "Griffie" },
    { code: "RKK", label: "Rekenkamer" },
    { code: "FRO", label: "Fractieondersteuning" },
    { code: "TOTAAL", label: "Totaal raadsondersteuning" },
  ],
  indicatoren: [
    { code: "kernbudget", label: "Kernbudget" },
    { code: "per_inwoner", label: "Lasten per inwoner" },
    { code: "per_zetel", label: "Lasten per raadszetel" },
    { code: "fte", label: "Fte" },
  ],
  jaren: [
    { jaar: 2026, fase: "begroting", titel: "Begroting 2026" },
    { jaar: 2025, fase: "realisatie", titel: "Realisatie 2025" },
    { jaar: 2025, fase: "begroting", titel: "Begroting 2025" },
  ],
  groepen: [
    { code: "grootteklasse", label: "Zelfde grootteklasse (100.000 inwoners of meer)", beschikbaar: true, reden: null },
    {
      code: "provincie",
      label: "Zelfde provincie",
      beschikbaar: false,
      reden: "Geen provincie bekend: laad de bundel opnieuw met een register met een provinciekolom.",
    },
    { code: "gemeenten", label: "Alle gemeenten", beschikbaar: true, reden: null },
    { code: "lijst", label: "Eigen lijst", beschikbaar: true, reden: null },
  ],
  lijsten: [{ naam: "G4", codes: ["GM0344", "GM0363", "GM0518", "GM0599"] }],
  organisaties: vergelijkOrganisaties,
  bronnen: [bron],
};

export const standaardVerzoek: CompareRequest = {
  organisatie: "GM0363",
  categorie: "GRF",
  indicator: "per_inwoner",
  jaar: 2026,
  fase: "begroting",
  groep: "grootteklasse",
  lijst: [],
};

function rij(
  code: string,
  naam: string,
  waarde: [string, string] | null,
  plaats: number | null,
  inwoners: string,
  provincie: string,
): CompareRowView {
  return {
    code,
    naam,
    grootteklasse: 7,
    provincie,
    inwoners: { getal: inwoners.replace(/\./g, ""), tekst: inwoners },
    waarde: waarde ? { getal: waarde[0], tekst: waarde[1] } : null,
    plaats,
    eigen: code === "GM0363",
  };
}

/** The group, highest value first, Almere (no value) last. */
export const vergelijkRijen: CompareRowView[] = [
  rij("GM0599", "Rotterdam", ["1.62", "1,62"], 1, "664.311", "Zuid-Holland"),
  rij("GM0344", "Utrecht", ["1.48", "1,48"], 2, "374.238", "Utrecht"),
  rij("GM0518", "'s-Gravenhage", ["1.35", "1,35"], 3, "566.221", "Zuid-Holland"),
  rij("GM0363", "Amsterdam", ["1.19", "1,19"], 4, "931.298", "Noord-Holland"),
  rij("GM0014", "Groningen", ["1.12", "1,12"], 5, "243.768", "Groningen"),
  rij("GM0772", "Eindhoven", ["1.05", "1,05"], 6, "246.417", "Noord-Brabant"),
  rij("GM0268", "Nijmegen", ["0.98", "0,98"], 7, "183.678", "Gelderland"),
  rij("GM0855", "Tilburg", ["0.91", "0,91"], 8, "228.722", "Noord-Brabant"),
  rij("GM0758", "Breda", ["0.87", "0,87"], 9, "185.072", "Noord-Brabant"),
  rij("GM0034", "Almere", null, null, "226.500", "Flevoland"),
];

const getal = (g: string, tekst: string) => ({ getal: g, tekst });

/**
 * The comparison for a request: the fixture's figures with the request's titles. The
 * rekenkamer per inwoner gets the two reference lines (€ 1,00 and € 1,30 per inwoner).
 */
export function vergelijking(verzoek: CompareRequest = standaardVerzoek): ComparisonView {
  const categorie = vergelijkOpties.categorieen.find((c) => c.code === verzoek.categorie)?.label ?? verzoek.categorie;
  const indicator = vergelijkOpties.indicatoren.find((c) => c.code === verzoek.indicator)?.label ?? verzoek.indicator;
  const rekenkamer = verzoek.categorie === "RKK" && verzoek.indicator === "per_inwoner";
  const lijst = verzoek.groep === "lijst";
  const rijen = lijst ? vergelijkRijen.filter((r) => r.eigen || verzoek.lijst.includes(r.code)) : vergelijkRijen;
  return {
    verzoek,
    titel: `${categorie}: ${indicator.toLowerCase()}, ${verzoek.fase} ${verzoek.jaar}`,
    indicator_label: indicator,
    eenheid: "€",
    groep_naam: lijst ? `eigen lijst (${rijen.length} organisaties)` : "grootteklasse 7 (100.000 inwoners of meer)",
    eigen: vergelijkRijen[3],
    rijen,
    statistiek: {
      n: 9,
      min: getal("0.87", "0,87"),
      p25: getal("0.98", "0,98"),
      mediaan: getal("1.12", "1,12"),
      p75: getal("1.35", "1,35"),
      max: getal("1.62", "1,62"),
      gemiddelde: getal("1.1744", "1,17"),
    },
    positie: {
      plaats: 4,
      van: 9,
      plaats_tekst: "plaats 4 van 9",
      kwartiel: 3,
      kwartiel_tekst: "derde kwart: boven de mediaan, onder het 75e percentiel",
    },
    referenties: rekenkamer
      ? [
          { waarde: getal("1.00", "1,00"), label: "€ 1,00 per inwoner" },
          { waarde: getal("1.30", "1,30"), label: "€ 1,30 per inwoner" },
        ]
      : [],
    trend: [
      { jaar: 2023, eigen: getal("1.05", "1,05"), n: 8, p25: getal("0.90", "0,90"), mediaan: getal("1.00", "1,00"), p75: getal("1.20", "1,20") , breuk: null },
      { jaar: 2024, eigen: getal("1.10", "1,10"), n: 9, p25: getal("0.93", "0,93"), mediaan: getal("1.04", "1,04"), p75: getal("1.25", "1,25") , breuk: null },
      { jaar: 2025, eigen: null, n: 9, p25: getal("0.95", "0,95"), mediaan: getal("1.08", "1,08"), p75: getal("1.30", "1,30") , breuk: null },
      { jaar: 2026, eigen: getal("1.19", "1,19"), n: 9, p25: getal("0.98", "0,98"), mediaan: getal("1.12", "1,12"), p75: getal("1.35", "1,35") , breuk: null },
    ],
    tekstalternatief:
      "Staafdiagram van 9 organisaties met een waarde, van € 1,62 tot € 0,87. Amsterdam heeft € 1,19 en staat op plaats 4 van 9, boven de mediaan van € 1,12.",
    trend_tekst:
      "Amsterdam ging van € 1,05 in 2023 naar € 1,19 in 2026; de mediaan van de groep van € 1,00 naar € 1,12. Voor 2025 is geen eigen waarde.",
    opmerkingen: ["De eigen cijfers komen uit uw eigen gegevens, niet uit de geladen bundel."],
  };
}

export const factsheetView: FactsheetView = {
  titel: "Factsheet raadsondersteuning Amsterdam 2026",
  html:
    '<article class="factsheet"><style>.factsheet .fs-titel{font-size:1.5rem}</style>' +
    '<h2 class="fs-titel">Factsheet raadsondersteuning Amsterdam 2026</h2>' +
    "<p>Totaal raadsondersteuning: € 12,34 per inwoner (mediaan grootteklasse 7: € 11,02).</p>" +
    "<table><caption>Per categorie</caption><thead><tr><th scope=\"col\">Categorie</th><th scope=\"col\">Per inwoner</th></tr></thead>" +
    "<tbody><tr><td>Griffie</td><td>1,19</td></tr></tbody></table></article>",
};

export const definitieVersies: CatalogueView[] = [
  { versie: "2026.1", uitvraag_vanaf: 2026, ingebouwd: true, sha256: "5f09a08ce2e39faa5c58ce7ab85e27ea6d4dfcd625bd73bc3c04467d345444c2" },
  { versie: "2027.1", uitvraag_vanaf: 2027, ingebouwd: false, sha256: "ecb685bb8d1c54cf664c689e39e74c49582fb3fe4e9d111dad2e39a082691d92" },
];

export const wijzigingen: ChangesView = {
  versie: "2027.1",
  vorige: "2026.1",
  wijzigingen: [
    {
      soort: "hernoemd",
      soort_naam: "Hernoemd",
      kop: "ENQ.RESERVERING heet nu ENQ.STELPOST",
      toelichting: "De definitie is niet veranderd.",
    },
    {
      soort: "gesplitst",
      soort_naam: "Gesplitst",
      kop: "GRF.MATERIEEL is gesplitst in GRF.MATERIEEL en GRF.INFORMATIEVOORZIENING",
      toelichting: "Samen zijn de twee posten gelijk aan het oude GRF.MATERIEEL.",
    },
  ],
};
