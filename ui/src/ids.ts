// Stable element ids and test ids: the DOM contract the WebDriver end-to-end tests rely on
// (documented in ui/README.md). Change them only together with that document.

/** `GRF.PERSONEEL` → `GRF_PERSONEEL`. */
export function postSleutel(post: string): string {
  return post.replace(/\./g, "_");
}

/** `2026-begroting-GRF_PERSONEEL`. */
export function veldSleutel(jaar: number, fase: string, post: string): string {
  return `${jaar}-${fase}-${postSleutel(post)}`;
}

/** The value input (or code select) of a field. */
export const veldId = (jaar: number, fase: string, post: string) => `veld-${veldSleutel(jaar, fase, post)}`;
/** The "waarde / nvt / onbekend" choice of a field. */
export const redenId = (jaar: number, fase: string, post: string) => `reden-${veldSleutel(jaar, fase, post)}`;
/** The toelichting textarea of a field. */
export const toelichtingId = (jaar: number, fase: string, post: string) =>
  `toelichting-${veldSleutel(jaar, fase, post)}`;
/** The container of one field (value, choice, toelichting, meldingen). */
export const celTestId = (jaar: number, fase: string, post: string) => `cel-${veldSleutel(jaar, fase, post)}`;
/** The error under a field after a rejected save. */
export const foutId = (jaar: number, fase: string, post: string) => `fout-${veldSleutel(jaar, fase, post)}`;
/** The kengetallen summary of one category (or `TOTAAL`) in one column. */
export const kengetallenTestId = (categorie: string, jaar: number, fase: string) =>
  `kengetallen-${categorie}-${jaar}-${fase}`;
