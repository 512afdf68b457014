// What a value field works with: "Invullen als", the preview, the context the screen hands
// down, the units.

import type { VeldAdres } from "../../api";
import type { ErrorView } from "../../bindings/ErrorView";
import type { FindingView } from "../../bindings/FindingView";
import type { FormView } from "../../bindings/FormView";
import type { InputView } from "../../bindings/InputView";
import type { KengetalView } from "../../bindings/KengetalView";
import type { ReasonCode } from "../../bindings/ReasonCode";

/** "Invullen als": a value, or one of the reasons for none. */
export type InvullenAls = "waarde" | ReasonCode;

export const invullenAls: Array<{ waarde: InvullenAls; label: string }> = [
  { waarde: "waarde", label: "waarde" },
  { waarde: "nvt", label: "nvt (niet van toepassing)" },
  { waarde: "onbekend", label: "onbekend (nog niet bekend)" },
];

export interface Voorbeeld {
  sleutel: string;
  melding: FindingView | null;
  fout: string | null;
  kengetallen: KengetalView[];
}

export interface VeldContext {
  org: string;
  uitvraag: number;
  zetten: (adres: VeldAdres, invoer: InputView, toelichting: string | null) => Promise<FormView>;
  wissen: (adres: VeldAdres) => Promise<FormView>;
  vraagVoorbeeld: (adres: VeldAdres, tekst: string) => void;
  voorbeeld: Voorbeeld | null;
}

export const DEBOUNCE_MS = 200;

export const eenheidTekst: Record<string, string> = {
  euro: "euro",
  fte: "fte",
  aantal: "aantal",
  code: "keuze uit een lijst",
};

export const eenheidAchter: Record<string, string> = { euro: "€", fte: "fte", aantal: "" };
export function afwijzingMeldingen(fout: ErrorView): FindingView[] {
  return fout.meldingen;
}
