// Running a step (a dialog, a small command) whose failure goes into the screen's alert region.

import { useCallback } from "react";

import type { ErrorView } from "../bindings/ErrorView";

/**
 * `kies(run)`: clears the screen's error, runs `run`, and shows its rejection (an ErrorView,
 * as every `api` call rejects with) through `setFout`.
 */
export function useKies(setFout: (fout: ErrorView | null) => void): (run: () => Promise<void>) => Promise<void> {
  return useCallback(
    async (run: () => Promise<void>) => {
      setFout(null);
      try {
        await run();
      } catch (e) {
        setFout(e as ErrorView);
      }
    },
    [setFout],
  );
}
