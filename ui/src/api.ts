// The only place the UI talks to the Rust side: one typed function per command of
// docs/ipc.md. Every command rejects with an ErrorView; whatever else reaches us (a string
// from Tauri itself, a JavaScript Error) is turned into one, so screens handle one shape.

import { Channel, invoke, type InvokeArgs } from "@tauri-apps/api/core";
import { open, save } from "@tauri-apps/plugin-dialog";

import type { AppInfo } from "./bindings/AppInfo";
import type { AddedCatalogueView } from "./bindings/AddedCatalogueView";
import type { AuditView } from "./bindings/AuditView";
import type { CatalogueView } from "./bindings/CatalogueView";
import type { ChangesView } from "./bindings/ChangesView";
import type { LoadSourceRequest } from "./bindings/LoadSourceRequest";
import type { SourceView } from "./bindings/SourceView";
import type { BundleRequest } from "./bindings/BundleRequest";
import type { BundleView } from "./bindings/BundleView";
import type { CopyResult } from "./bindings/CopyResult";
import type { ErrorView } from "./bindings/ErrorView";
import type { FaseCode } from "./bindings/FaseCode";
import type { ExportPreview } from "./bindings/ExportPreview";
import type { ExportResult } from "./bindings/ExportResult";
import type { ImportPreviewView } from "./bindings/ImportPreviewView";
import type { ImportResultView } from "./bindings/ImportResultView";
import type { InvulbestandResult } from "./bindings/InvulbestandResult";
import type { FactsheetView } from "./bindings/FactsheetView";
import type { FindingView } from "./bindings/FindingView";
import type { FormView } from "./bindings/FormView";
import type { OrganisationView } from "./bindings/OrganisationView";
import type { Overview } from "./bindings/Overview";
import type { PeerListView } from "./bindings/PeerListView";
import type { PreviewView } from "./bindings/PreviewView";
import type { RegisterEntry } from "./bindings/RegisterEntry";
import type { RegisterSearch } from "./bindings/RegisterSearch";
import type { SetFieldRequest } from "./bindings/SetFieldRequest";
import type { ComparisonView } from "./bindings/ComparisonView";
import type { CompareOptions } from "./bindings/CompareOptions";
import type { CompareRequest } from "./bindings/CompareRequest";

/** Whether a value has the shape of an ErrorView. */
export function isErrorView(value: unknown): value is ErrorView {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { kind?: unknown }).kind === "string" &&
    typeof (value as { message?: unknown }).message === "string" &&
    typeof (value as { kop?: unknown }).kop === "string"
  );
}

/** The Dutch message for a rejection that did not come from a use case. */
export const ONBEKEND =
  "De app kon deze opdracht niet uitvoeren: een onderdeel van het scherm stuurde iets wat de app niet verwacht. " +
  "Probeer het opnieuw of start de app opnieuw; gebeurt het weer, meld het dan aan de beheerder van Raadsbudget.";

/**
 * The heading of an error that did not come from Rust (kind `onbekend`); every ErrorView Rust
 * sends carries its own `kop`.
 */
export const KOP_ONBEKEND = "Er ging iets mis";

/** Turns anything a rejected command gives into an ErrorView. */
export function toErrorView(error: unknown): ErrorView {
  if (isErrorView(error)) {
    const meldingen = Array.isArray(error.meldingen) ? (error.meldingen as FindingView[]) : [];
    return { kind: error.kind, kop: error.kop, message: error.message, meldingen };
  }
  if (typeof error === "string" || error instanceof Error) {
    // Not an ErrorView: Tauri refused the arguments before the command ran (its text is
    // English and meant for developers), or the bridge itself failed. The console keeps the
    // original for a bug report; the person sees what to do.
    console.error("Raadsbudget: opdracht geweigerd:", error);
    return { kind: "onbekend", kop: KOP_ONBEKEND, message: ONBEKEND, meldingen: [] };
  }
  return { kind: "onbekend", kop: KOP_ONBEKEND, message: "Er ging iets mis, maar er kwam geen uitleg mee.", meldingen: [] };
}

async function call<T>(cmd: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (error) {
    throw toErrorView(error);
  }
}

/** Progress of `bundelen` (files read and checked so far, and in all), through a channel. */
export interface BundelVoortgang {
  gelezen: number;
  totaal: number;
}

/** Files or folders dragged onto the window (`slepen_volgen`'s channel). */
export type Slepen = { soort: "boven" } | { soort: "weg" } | { soort: "los"; paden: string[] };

/** The address of one field: a post in one (jaar, fase) column of an uitvraag's form. */
export interface VeldAdres {
  organisatie: string;
  uitvraag: number;
  jaar: number;
  fase: FaseCode;
  post: string;
}

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  organisaties: () => call<OrganisationView[]>("organisaties"),
  organisatieToevoegen: (code: string, naam: string) =>
    call<OrganisationView>("organisatie_toevoegen", { code, naam }),
  demoOrganisatie: () => call<OrganisationView>("demo_organisatie"),
  registerLezen: (pad: string) => call<RegisterEntry[]>("register_lezen", { pad }),
  /** Searches the built-in CBS register by part of a name or code. */
  registerZoeken: (tekst: string) => call<RegisterSearch>("register_zoeken", { tekst }),
  /** Opens an organisation of the built-in register, adding it first when the store lacks it. */
  organisatieUitRegister: (code: string) => call<OrganisationView>("organisatie_uit_register", { code }),
  overzicht: (organisatie: string) => call<Overview>("overzicht", { organisatie }),
  formulier: (organisatie: string, uitvraag: number) =>
    call<FormView>("formulier", { organisatie, uitvraag }),
  waardeZetten: (verzoek: SetFieldRequest) => call<FormView>("waarde_zetten", { verzoek }),
  waardeWissen: (adres: VeldAdres) =>
    call<FormView>("waarde_wissen", {
      organisatie: adres.organisatie,
      uitvraag: adres.uitvraag,
      jaar: adres.jaar,
      fase: adres.fase,
      post: adres.post,
    }),
  voorbeeld: (adres: VeldAdres, tekst: string) =>
    call<PreviewView>("voorbeeld", {
      organisatie: adres.organisatie,
      uitvraag: adres.uitvraag,
      jaar: adres.jaar,
      fase: adres.fase,
      post: adres.post,
      tekst,
    }),
  vorigJaarOvernemen: (organisatie: string, uitvraag: number) =>
    call<CopyResult>("vorig_jaar_overnemen", { organisatie, uitvraag }),
  controle: (organisatie: string, uitvraag: number) =>
    call<FindingView[]>("controle", { organisatie, uitvraag }),
  exportVoorbeeld: (organisatie: string, uitvraag: number) =>
    call<ExportPreview>("export_voorbeeld", { organisatie, uitvraag }),
  exporteren: (organisatie: string, uitvraag: number, map: string, concept: boolean) =>
    call<ExportResult>("exporteren", { organisatie, uitvraag, map, concept }),
  invulbestandMaken: (organisatie: string, uitvraag: number, map: string) =>
    call<InvulbestandResult>("invulbestand_maken", { organisatie, uitvraag, map }),
  invulbestandVoorbeeld: (organisatie: string, pad: string) =>
    call<ImportPreviewView>("invulbestand_voorbeeld", { organisatie, pad }),
  invulbestandInlezen: (organisatie: string, pad: string, vingerafdruk: string) =>
    call<ImportResultView>("invulbestand_inlezen", { organisatie, pad, vingerafdruk }),
  geschiedenis: (organisatie: string, post: string | null) =>
    call<AuditView[]>("geschiedenis", { organisatie, post }),
  ongedaanMaken: (organisatie: string) => call<AuditView | null>("ongedaan_maken", { organisatie }),
  backupMaken: (pad: string) => call<string>("backup_maken", { pad }),
  backupTerugzetten: (pad: string) => call<string>("backup_terugzetten", { pad }),
  /** The known versions of the definities, oldest first. */
  definitiesVersies: () => call<CatalogueView[]>("definities_versies"),
  /** What changed in a version (null: the newest) against the one before. */
  definitiesWijzigingen: (versie: string | null) =>
    call<ChangesView | null>("definities_wijzigingen", { versie }),
  /** Adds a newer catalogue file (TOML) to the program and the database. */
  definitiesToevoegen: (pad: string) => call<AddedCatalogueView>("definities_toevoegen", { pad }),
  /** Bundles as `raadsbudget bundel` does; `voortgang` gets (gelezen, totaal) while it runs. */
  bundelen: (verzoek: BundleRequest, voortgang: (v: BundelVoortgang) => void) =>
    call<BundleView>("bundelen", { verzoek, voortgang: new Channel<BundelVoortgang>(voortgang) }),
  /** Opens a bundle's output folder (`BundleView.uit`) in the file manager. */
  uitvoermapOpenen: (map: string) => call<null>("uitvoermap_openen", { map }),
  /**
   * Reports files and folders dragged onto the window to `opSlepen`, until the returned function
   * is called (the last caller wins: the Rust side keeps one channel, and ends the previous one
   * when a new one arrives).
   */
  slepenVolgen: async (opSlepen: (s: Slepen) => void): Promise<() => void> => {
    const kanaal = new Channel<Slepen>(opSlepen);
    await call<null>("slepen_volgen", { kanaal });
    return () => {
      kanaal.onmessage = () => {};
    };
  },

  // --- Benchmark: loaded sources, comparison, exports, factsheet ---------------------------

  /** The loaded benchmark sources, oldest first. */
  bronnen: () => call<SourceView[]>("bronnen"),
  /** Loads a bundle output folder (or its waarden.csv), optionally with a register. */
  bronLaden: (verzoek: LoadSourceRequest) => call<SourceView>("bron_laden", { verzoek }),
  /** Removes a loaded source; the remaining ones. */
  bronVerwijderen: (id: number) => call<SourceView[]>("bron_verwijderen", { id }),
  vergelijkOpties: (organisatie: string) => call<CompareOptions>("vergelijk_opties", { organisatie }),
  vergelijken: (verzoek: CompareRequest) => call<ComparisonView>("vergelijken", { verzoek }),
  /** Writes the comparison table as CSV; the path written. */
  vergelijkingExporteren: (verzoek: CompareRequest, pad: string) =>
    call<string>("vergelijking_exporteren", { verzoek, pad }),
  /** Writes a chart: exactly one of `svg` (an `<svg>` document) or `png` (base64, no `data:` prefix). */
  grafiekOpslaan: (pad: string, svg: string | null, png: string | null) =>
    call<string>("grafiek_opslaan", { pad, svg, png }),
  peerlijstOpslaan: (naam: string, codes: string[]) => call<PeerListView[]>("peerlijst_opslaan", { naam, codes }),
  peerlijstVerwijderen: (naam: string) => call<PeerListView[]>("peerlijst_verwijderen", { naam }),
  factsheet: (organisatie: string, uitvraag: number) => call<FactsheetView>("factsheet", { organisatie, uitvraag }),
  /** Writes the factsheet as PDF; the path written. */
  factsheetPdf: (organisatie: string, uitvraag: number, pad: string) =>
    call<string>("factsheet_pdf", { organisatie, uitvraag, pad }),
};

// ---------------------------------------------------------------------------------------
// Native dialogs (@tauri-apps/plugin-dialog). Each returns the chosen path, or null when the
// user cancelled. The path always also lands in a text field, so every flow works without.
// ---------------------------------------------------------------------------------------

function eenPad(result: string | string[] | null): string | null {
  if (result === null) return null;
  if (Array.isArray(result)) return result[0] ?? null;
  return result;
}

async function dialoog<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toErrorView(error);
  }
}

export const dialogen = {
  /** Choose a folder. */
  kiesMap: (standaard?: string) =>
    dialoog(async () =>
      eenPad(await open({ directory: true, multiple: false, defaultPath: standaard || undefined, title: "Kies een map" })),
    ),
  /** Choose one or more existing files. */
  kiesBestanden: (filterNaam: string, extensies: string[]) =>
    dialoog(async () => {
      const result = await open({
        directory: false,
        multiple: true,
        filters: [{ name: filterNaam, extensions: extensies }],
        title: "Kies bestanden",
      });
      if (result === null) return [];
      return Array.isArray(result) ? result : [result];
    }),
  /** Choose an existing file. */
  kiesBestand: (filterNaam: string, extensies: string[], standaard?: string) =>
    dialoog(async () =>
      eenPad(
        await open({
          directory: false,
          multiple: false,
          defaultPath: standaard || undefined,
          filters: [{ name: filterNaam, extensions: extensies }],
          title: "Kies een bestand",
        }),
      ),
    ),
  /** Choose where to save a new file. */
  kiesOpslaan: (filterNaam: string, extensies: string[], standaard?: string) =>
    dialoog(async () =>
      save({
        defaultPath: standaard || undefined,
        filters: [{ name: filterNaam, extensions: extensies }],
        title: "Opslaan als",
      }),
    ),
};
