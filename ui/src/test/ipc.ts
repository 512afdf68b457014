// A recording mockIPC: each test names the commands it expects and what they answer.
import { mockIPC } from "@tauri-apps/api/mocks";

import type { LoadSourceRequest } from "../bindings/LoadSourceRequest";
import type { SourceView } from "../bindings/SourceView";
import type { PeerListView } from "../bindings/PeerListView";
import type { CompareRequest } from "../bindings/CompareRequest";
import { bron, factsheetView, vergelijking, vergelijkOpties } from "./fixtures";

export type Handler = (args: Record<string, unknown>) => unknown;

export interface Aanroep {
  cmd: string;
  args: Record<string, unknown>;
}

/**
 * Installs a mock for the given commands and returns the list of calls it receives. A
 * handler that throws (or returns a rejected promise) makes the command reject with that
 * value, like a Rust command returning Err(ErrorView). An unexpected command fails loudly.
 */
export function mockCommands(handlers: Record<string, Handler>): Aanroep[] {
  const aanroepen: Aanroep[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    aanroepen.push({ cmd, args });
    const h = handlers[cmd];
    if (!h) throw { kind: "test", kop: "Testfout", message: `onverwacht commando in de test: ${cmd}`, meldingen: [] };
    return h(args);
  });
  return aanroepen;
}

export function aanroepenVan(aanroepen: Aanroep[], cmd: string): Aanroep[] {
  return aanroepen.filter((a) => a.cmd === cmd);
}

export function laatsteVan(aanroepen: Aanroep[], cmd: string): Aanroep | undefined {
  const lijst = aanroepenVan(aanroepen, cmd);
  return lijst[lijst.length - 1];
}

/** A promise the test settles itself (for slow commands and out-of-order answers). */
export function uitgesteld<T>(): { promise: Promise<T>; klaar: (v: T) => void; mislukt: (e: unknown) => void } {
  let klaar: (v: T) => void = () => {};
  let mislukt: (e: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    klaar = res;
    mislukt = rej;
  });
  return { promise, klaar, mislukt };
}

/**
 * The benchmark commands (Vergelijken, Factsheet) answered from the fixtures, with loaded
 * sources and saved lists kept in `staat` so loading, removing and saving show up.
 */
export function benchmarkHandlers(
  staat: { bronnen: SourceView[]; lijsten: PeerListView[] } = {
    bronnen: [bron],
    lijsten: structuredClone(vergelijkOpties.lijsten),
  },
): Record<string, Handler> {
  return {
    vergelijk_opties: () => ({
      ...vergelijkOpties,
      bronnen: [...staat.bronnen],
      lijsten: [...staat.lijsten],
      jaren: staat.bronnen.length === 0 ? [] : vergelijkOpties.jaren,
      organisaties: staat.bronnen.length === 0 ? [] : vergelijkOpties.organisaties,
    }),
    bronnen: () => [...staat.bronnen],
    bron_laden: ({ verzoek }) => {
      const v = verzoek as LoadSourceRequest;
      const id = Math.max(0, ...staat.bronnen.map((x) => x.id)) + 1;
      const b: SourceView = { ...bron, id, pad: v.pad, register: v.register, met_provincie: v.register ? 340 : 0 };
      staat.bronnen = [...staat.bronnen, b];
      return b;
    },
    bron_verwijderen: ({ id }) => {
      staat.bronnen = staat.bronnen.filter((b) => Number(b.id) !== Number(id));
      return [...staat.bronnen];
    },
    vergelijken: ({ verzoek }) => vergelijking(verzoek as CompareRequest),
    vergelijking_exporteren: ({ pad }) => pad,
    grafiek_opslaan: ({ pad }) => pad,
    peerlijst_opslaan: ({ naam, codes }) => {
      staat.lijsten = [...staat.lijsten.filter((l) => l.naam !== naam), { naam: String(naam), codes: codes as string[] }].sort(
        (a, b) => a.naam.localeCompare(b.naam),
      );
      return [...staat.lijsten];
    },
    peerlijst_verwijderen: ({ naam }) => {
      staat.lijsten = staat.lijsten.filter((l) => l.naam !== naam);
      return [...staat.lijsten];
    },
    factsheet: () => factsheetView,
    factsheet_pdf: ({ pad }) => pad,
  };
}
