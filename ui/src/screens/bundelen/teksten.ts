// The file statuses and the counting texts of Bundelen (pure).

import type { BundelVoortgang } from "../../api";
import type { FindingView } from "../../bindings/FindingView";
import { aantalTekst } from "../../components/aantal";

/** The four statuses a file can get, in the order of the summary (the badge label comes from Rust:
 * `BundledFileView.status_label`). */
export const statussen = [
  { status: "geaccepteerd", meervoud: "geaccepteerd", badge: "valid", icoon: "✓" },
  { status: "vervangen", meervoud: "vervangen", badge: "neutral", icoon: "↻" },
  { status: "dubbel", meervoud: "dubbel", badge: "neutral", icoon: "=" },
  { status: "afgewezen", meervoud: "afgewezen", badge: "danger", icoon: "✕" },
] as const;

export type Status = (typeof statussen)[number]["status"];

/** Rows of the file table shown at first, and added per "Meer tonen". */
export const PER_KEER = 100;

export function meervoud(n: number, een: string, meer: string): string {
  return `${aantalTekst(n)} ${n === 1 ? een : meer}`;
}

/** "regel 3, kolom 7" (or less, when the finding has no line). */
export function plaatsTekst(m: FindingView): string | null {
  if (m.regel === null) return null;
  return m.kolom === null ? `regel ${m.regel}` : `regel ${m.regel}, kolom ${m.kolom}`;
}
/** The live text of the progress: said at the start, at every tenth, and at the end. */
export function voortgangTekst(v: BundelVoortgang | null): string {
  if (!v) return "Bezig met bundelen: bestanden zoeken…";
  return `${aantalTekst(v.gelezen)} van ${meervoud(v.totaal, "bestand", "bestanden")} gelezen`;
}
