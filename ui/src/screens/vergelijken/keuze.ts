// The choices of Vergelijken (pure): what still fits the options, the request they make and
// the default export file names.

import type { CompareOptions } from "../../bindings/CompareOptions";
import type { CompareRequest } from "../../bindings/CompareRequest";
import type { FaseCode } from "../../bindings/FaseCode";
import type { GroupCode } from "../../bindings/GroupCode";
import type { IndicatorCode } from "../../bindings/IndicatorCode";

/** The user's choices; `jaar` is `"2026-begroting"` (the value of `#vergelijk-jaar`). */
export interface Keuze {
  categorie: string;
  indicator: IndicatorCode;
  jaar: number;
  fase: FaseCode;
  /** `null` when no group can be chosen. */
  groep: GroupCode | null;
  lijst: string[];
}

export const jaarSleutel = (jaar: number, fase: FaseCode) => `${jaar}-${fase}`;

/**
 * Keeps what still fits the options and fills in the defaults: the first category,
 * `per_inwoner`, the newest (jaar, fase), the first available group. Null without data.
 */
export function geldigeKeuze(o: CompareOptions, k: Keuze | null): Keuze | null {
  if (o.jaren.length === 0 || o.categorieen.length === 0 || o.indicatoren.length === 0) return null;
  const categorie = o.categorieen.some((c) => c.code === k?.categorie) ? k!.categorie : o.categorieen[0].code;
  const indicator = o.indicatoren.some((c) => c.code === k?.indicator)
    ? k!.indicator
    : (o.indicatoren.find((c) => c.code === "per_inwoner") ?? o.indicatoren[0]).code;
  const blok = o.jaren.find((j) => j.jaar === k?.jaar && j.fase === k?.fase) ?? o.jaren[0];
  const beschikbaar = o.groepen.filter((g) => g.beschikbaar);
  const groep = beschikbaar.some((g) => g.code === k?.groep) ? k!.groep : (beschikbaar[0]?.code ?? null);
  return { categorie, indicator, jaar: blok.jaar, fase: blok.fase, groep, lijst: k?.lijst ?? [] };
}

/** Whether a choice can be asked: a group, and with group `lijst` at least one organisation. */
export function vraagbaar(k: Keuze | null): k is Keuze & { groep: GroupCode } {
  return k !== null && k.groep !== null && !(k.groep === "lijst" && k.lijst.length === 0);
}

/** The request for a choice (a hand-picked list only with group `lijst`, sorted). */
export function verzoekVan(organisatie: string, k: Keuze, groep: GroupCode): CompareRequest {
  return {
    organisatie,
    categorie: k.categorie,
    indicator: k.indicator,
    jaar: k.jaar,
    fase: k.fase,
    groep,
    lijst: groep === "lijst" ? [...k.lijst].sort() : [],
  };
}

export function standaardNaam(org: string, v: CompareRequest, ext: string): string {
  return `vergelijking-${org}-${v.categorie}-${v.indicator}-${v.jaar}-${v.fase}.${ext}`;
}
