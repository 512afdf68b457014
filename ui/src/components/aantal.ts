// Counts as the UI shows them (Dutch thousands separator), shared by Bundelen and Vergelijken.

/** 12345 → "12.345" (counts, as the CLI's progress line shows them). */
export function aantalTekst(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}
