import { useEffect, useLayoutEffect, useRef } from "react";

let eersteScherm = true;

/**
 * Per screen: sets `document.title` ("Invoer 2026 — Raadsbudget") in the same commit as the
 * screen's h1, and, when the user moved to this screen (not at app start), puts focus on that
 * h1 so screen readers announce it.
 */
export function useScherm(titel: string) {
  const kop = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    document.title = `${titel} — Raadsbudget`;
  }, [titel]);
  useEffect(() => {
    if (eersteScherm) {
      eersteScherm = false;
      return;
    }
    kop.current?.focus({ preventScroll: false });
  }, []);
  return kop;
}
