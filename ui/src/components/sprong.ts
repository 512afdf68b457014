import type { FaseCode } from "../bindings/FaseCode";

/** A request (from Controle) to focus one field of Invoer once the form is there. */
export interface Sprong {
  jaar: number;
  fase: FaseCode;
  post: string;
  volgnummer: number;
}
