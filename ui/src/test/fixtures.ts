// Small hand-written payloads, typed with the generated bindings, for the UI tests.

import type { AppInfo } from "../bindings/AppInfo";
import type { AuditView } from "../bindings/AuditView";
import type { BundelBestandView } from "../bindings/BundelBestandView";
import type { BundelView } from "../bindings/BundelView";
import type { CellView } from "../bindings/CellView";
import type { ExportPreview } from "../bindings/ExportPreview";
import type { FindingView } from "../bindings/FindingView";
import type { FormView } from "../bindings/FormView";
import type { KengetalView } from "../bindings/KengetalView";
import type { OrganisationView } from "../bindings/OrganisationView";
import type { Overview } from "../bindings/Overview";
import type { PostRow } from "../bindings/PostRow";
import type { RegisterEntry } from "../bindings/RegisterEntry";
import type { UitvraagSummary } from "../bindings/UitvraagSummary";

export const appInfo: AppInfo = {
  software: "Raadsbudget 0.3.0",
  database: "/home/griffie/.local/share/nl.raadsbudget.desktop/raadsbudget.sqlite",
  definities: "2026.1",
  gebruiker: "J. de Vries",
  huidige_uitvraag: 2026,
};

export const amsterdam: OrganisationView = { code: "GM0363", naam: "Amsterdam", soort: "gemeente" };
export const utrecht: OrganisationView = { code: "GM0344", naam: "Utrecht", soort: "gemeente" };

export function finding(over: Partial<FindingView> & Pick<FindingView, "code" | "ernst" | "melding">): FindingView {
  return {
    jaar: null,
    fase: null,
    post: null,
    bestand: null,
    regel: null,
    kolom: null,
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
    verandering: null,
    meldingen: [],
    ...over,
  };
}

export function kengetal(over: Partial<KengetalView> & Pick<KengetalView, "jaar" | "fase" | "categorie">): KengetalView {
  return {
    naam: over.categorie,
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
          { jaar: 2025, fase: "kenmerk", titel: "Kenmerken 2025" },
          { jaar: 2026, fase: "kenmerk", titel: "Kenmerken 2026" },
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
  return {
    moment: "2026-11-28T14:05:00Z",
    moment_tekst: "28-11-2026 14:05",
    wie: "J. de Vries",
    jaar: 2026,
    fase: "begroting",
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

export function bundelBestand(over: Partial<BundelBestandView> & Pick<BundelBestandView, "bestand">): BundelBestandView {
  return {
    organisatie: "GM0363",
    uitvraagjaar: 2026,
    revisie: 1,
    status: "geaccepteerd",
    opmerking: "",
    fouten: 0,
    waarschuwingen: 0,
    signalen: 0,
    meldingen: [],
    ...over,
  };
}

/** A small bundle: two accepted, one duplicate, one rejected (F102 in the header). */
export const bundelView: BundelView = {
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
