import type { FaseCode } from "../bindings/FaseCode";

/** A request (from Controle) to focus one field of Invoer once the form is there. */
export interface Sprong {
  jaar: number;
  fase: FaseCode;
  post: string;
  /** The block's title from Rust (`FindingView.blok_titel`), for saying where the field is. */
  blokTitel: string;
  volgnummer: number;
}
