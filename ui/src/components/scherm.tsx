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

/** The screens of the app (the shell's state router). */
export type Scherm =
  | "start"
  | "overzicht"
  | "invoer"
  | "controle"
  | "exporteren"
  | "geschiedenis"
  | "vergelijken"
  | "factsheet"
  | "backup"
  | "bundelen"
  | "definities";
