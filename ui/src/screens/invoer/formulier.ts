// Finding things in the form: a cell by address, a column's title, a kengetal's key, the next value field.

import type { CellView } from "../../bindings/CellView";
import type { FaseCode } from "../../bindings/FaseCode";
import type { FormView } from "../../bindings/FormView";
import type { KengetalView } from "../../bindings/KengetalView";

export function kengetalSleutel(k: KengetalView): string {
  return `${k.categorie}|${k.jaar}|${k.fase}`;
}

export function vindCel(form: FormView, jaar: number, fase: FaseCode, post: string): CellView | null {
  for (const s of form.secties) {
    for (const p of s.posten) {
      if (p.code !== post) continue;
      const c = p.cellen.find((x) => x.jaar === jaar && x.fase === fase);
      if (c) return c;
    }
  }
  return null;
}

/** The title Rust gives the form's column `(jaar, fase)` (`ColumnView.titel`), if the form has it. */
export function kolomTitel(form: FormView, jaar: number, fase: FaseCode): string | null {
  for (const s of form.secties) {
    const k = s.kolommen.find((c) => c.jaar === jaar && c.fase === fase);
    if (k) return k.titel;
  }
  return null;
}

/** Moves focus to the value field after `huidig` in form order; false if there is none. */
export function focusVolgendVeld(huidig: HTMLElement): boolean {
  const velden = Array.from(document.querySelectorAll<HTMLElement>("[data-waardeveld]")).filter(
    (el) => !(el as HTMLInputElement).disabled,
  );
  const i = velden.indexOf(huidig);
  const volgend = i >= 0 ? velden[i + 1] : undefined;
  if (!volgend) return false;
  volgend.focus();
  volgend.scrollIntoView?.({ block: "nearest" });
  if (volgend instanceof HTMLInputElement) volgend.select();
  return true;
}
