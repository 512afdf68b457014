// Sorting the comparison table (pure).

import type { CompareRowView } from "../../bindings/CompareRowView";

export type Kolom = "plaats" | "naam" | "code" | "grootteklasse" | "provincie" | "inwoners" | "waarde";
export type Richting = "oplopend" | "aflopend";

const tekstVolgorde = new Intl.Collator("nl", { sensitivity: "base", ignorePunctuation: true, numeric: true });

/**
 * Sorts the rows for the table. `rijen` come highest value first (rank order), rows without a
 * value last: sorting by value or rank keeps or reverses that order, so no number is parsed.
 * Empty cells always go last; ties keep the order of `rijen`.
 */
export function sorteerRijen(rijen: CompareRowView[], kolom: Kolom, richting: Richting): CompareRowView[] {
  const index = new Map(rijen.map((r, i) => [r.code, i]));
  const sleutel = (r: CompareRowView): string | number | null => {
    switch (kolom) {
      case "plaats":
      case "waarde":
        // rank order = value order, highest first
        return r.waarde === null ? null : index.get(r.code)!;
      case "naam":
        return r.naam;
      case "code":
        return r.code;
      case "grootteklasse":
        return r.grootteklasse;
      case "provincie":
        return r.provincie;
      case "inwoners":
        return r.inwoners === null ? null : Number(r.inwoners.getal);
    }
  };
  // For value and rank, "descending value" is the order of `rijen` (ascending index).
  const omgekeerd = kolom === "waarde" ? richting === "oplopend" : richting === "aflopend";
  return [...rijen].sort((a, b) => {
    const ka = sleutel(a);
    const kb = sleutel(b);
    if (ka === null || kb === null) {
      if (ka === kb) return index.get(a.code)! - index.get(b.code)!;
      return ka === null ? 1 : -1;
    }
    let c = typeof ka === "number" && typeof kb === "number" ? ka - kb : tekstVolgorde.compare(String(ka), String(kb));
    if (omgekeerd) c = -c;
    return c !== 0 ? c : index.get(a.code)! - index.get(b.code)!;
  });
}
