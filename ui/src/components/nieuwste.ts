// Asking again while an earlier answer is still on its way: only the newest answer counts.

import { useCallback, useRef } from "react";
import type { ErrorView } from "../bindings/ErrorView";

/** What to do with the answer to the newest question. */
export interface Afhandeling<T> {
  ok: (antwoord: T) => void;
  fout: (e: ErrorView) => void;
  /** After `ok` or `fout`. */
  klaar: () => void;
}

/**
 * Returns `vraag(belofte, afhandeling)`: the handlers run only when no newer question was
 * asked meanwhile, so a slow answer to an old choice never overwrites a newer one.
 * `vraag(null)` asks nothing, and makes every answer still on its way stale.
 */
export function useNieuwste() {
  const nummer = useRef(0);
  return useCallback(<T,>(belofte: Promise<T> | null, afhandeling?: Afhandeling<T>) => {
    const mijn = ++nummer.current;
    if (belofte === null || afhandeling === undefined) return;
    const nieuwste = () => mijn === nummer.current;
    belofte
      .then(
        (v) => nieuwste() && afhandeling.ok(v),
        (e: ErrorView) => nieuwste() && afhandeling.fout(e),
      )
      .finally(() => nieuwste() && afhandeling.klaar());
  }, []);
}
