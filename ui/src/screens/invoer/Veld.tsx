// One field of the form: value (or reason), errors, findings, last year, toelichting.

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";

import type { VeldAdres } from "../../api";
import type { CellView } from "../../bindings/CellView";
import type { ColumnView } from "../../bindings/ColumnView";
import type { ErrorView } from "../../bindings/ErrorView";
import type { FormView } from "../../bindings/FormView";
import type { PostRow } from "../../bindings/PostRow";
import { Melding, MeldingenLijst } from "../../components/common";
import {
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Select,
  Textarea,
  Textbox,
} from "../../components/utrecht";
import { celTestId, foutId, redenId, toelichtingId, veldId, veldSleutel } from "../../ids";
import { focusVolgendVeld, vindCel } from "./formulier";
import { afwijzingMeldingen, eenheidAchter, eenheidTekst, type InvullenAls, invullenAls, type VeldContext } from "./veldcontext";

export function Veld({ post, cel, kolom, ctx }: { post: PostRow; cel: CellView; kolom: ColumnView; ctx: VeldContext }) {
  const adres: VeldAdres = useMemo(
    () => ({ organisatie: ctx.org, uitvraag: ctx.uitvraag, jaar: cel.jaar, fase: cel.fase, post: post.code }),
    [ctx.org, ctx.uitvraag, cel.jaar, cel.fase, post.code],
  );
  const sleutel = veldSleutel(cel.jaar, cel.fase, post.code);
  const id = veldId(cel.jaar, cel.fase, post.code);

  const [tekst, setTekst] = useState(cel.invoer);
  const [toelichting, setToelichting] = useState(cel.toelichting);
  const [afwijzing, setAfwijzing] = useState<ErrorView | null>(null);
  const [toelichtingFout, setToelichtingFout] = useState<ErrorView | null>(null);
  // The text that matches what is stored (or is on its way there): saving is skipped when the
  // field still holds it, so blur after Enter does not save twice.
  const basis = useRef(cel.invoer);
  const basisToelichting = useRef(cel.toelichting);
  const vorige = useRef({ invoer: cel.invoer, reden: cel.reden, toelichting: cel.toelichting });

  useEffect(() => {
    const v = vorige.current;
    if (v.invoer !== cel.invoer || v.reden !== cel.reden) {
      setTekst(cel.invoer);
      basis.current = cel.invoer;
      setAfwijzing(null);
    }
    if (v.toelichting !== cel.toelichting) {
      setToelichting(cel.toelichting);
      basisToelichting.current = cel.toelichting;
    }
    vorige.current = { invoer: cel.invoer, reden: cel.reden, toelichting: cel.toelichting };
  }, [cel.invoer, cel.reden, cel.toelichting]);

  const naOpslaan = (form: FormView) => {
    const nieuw = vindCel(form, cel.jaar, cel.fase, post.code);
    if (nieuw) {
      setTekst(nieuw.invoer);
      basis.current = nieuw.invoer;
    }
    setAfwijzing(null);
  };

  /** Saves the typed text if it changed; true when the field is fine afterwards. */
  async function bewaarWaarde(waarde: string): Promise<boolean> {
    const t = waarde.trim();
    if (t === basis.current) return afwijzing === null;
    const vorigeBasis = basis.current;
    basis.current = t;
    try {
      const form =
        t === "" ? await ctx.wissen(adres) : await ctx.zetten(adres, { soort: "waarde", tekst: t }, null);
      naOpslaan(form);
      return true;
    } catch (e) {
      const fout = e as ErrorView;
      setAfwijzing(fout);
      // Keep the typed text; a later edit of it is sent again.
      if (fout.kind !== "waarde") basis.current = vorigeBasis;
      return false;
    }
  }

  async function kiesReden(keuze: InvullenAls) {
    setAfwijzing(null);
    try {
      if (keuze === "waarde") {
        if (cel.reden !== null) naOpslaan(await ctx.wissen(adres));
        document.getElementById(id)?.focus();
      } else {
        naOpslaan(await ctx.zetten(adres, { soort: "reden", reden: keuze }, null));
      }
    } catch (e) {
      setAfwijzing(e as ErrorView);
    }
  }

  async function bewaarToelichting() {
    if (toelichting === basisToelichting.current) return;
    const vorigeToelichting = basisToelichting.current;
    basisToelichting.current = toelichting;
    setToelichtingFout(null);
    try {
      await ctx.zetten(adres, { soort: "behouden" }, toelichting);
    } catch (e) {
      basisToelichting.current = vorigeToelichting;
      setToelichtingFout(e as ErrorView);
    }
  }

  async function opToets(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== "Enter") return;
    e.preventDefault();
    const el = e.currentTarget;
    if (await bewaarWaarde(el.value)) focusVolgendVeld(el);
  }

  const voorbeeld = ctx.voorbeeld?.sleutel === sleutel ? ctx.voorbeeld : null;
  const meldingenId = `meldingen-${sleutel}`;
  const vorigId = `vorig-${sleutel}`;
  const voorbeeldId = `voorbeeld-${sleutel}`;
  const fId = foutId(cel.jaar, cel.fase, post.code);
  const toelichtingFoutId = `toelichting-fout-${sleutel}`;
  const heeftFout = cel.meldingen.some((m) => m.ernst === "fout");
  const ongeldig = afwijzing !== null || heeftFout || !!voorbeeld?.melding;
  const beschrijving = [
    afwijzing ? fId : null,
    voorbeeld?.melding || voorbeeld?.fout ? voorbeeldId : null,
    cel.meldingen.length > 0 ? meldingenId : null,
    vorigId,
  ]
    .filter(Boolean)
    .join(" ");
  const labelExtra = `${post.label}, `;
  const isCode = post.eenheid === "code";
  const achter = eenheidAchter[post.eenheid] ?? "";

  return (
    <div
      className={`rb-cel${ongeldig ? " rb-cel--ongeldig" : ""}`}
      data-testid={celTestId(cel.jaar, cel.fase, post.code)}
    >
      <FormField className="rb-cel__waarde">
        <FormLabel className="rb-cel__label" htmlFor={id}>
          <span className="rb-visually-hidden">{labelExtra}</span>
          {kolom.titel}
          {post.eenheid !== "code" && <span className="rb-visually-hidden"> (in {eenheidTekst[post.eenheid] ?? post.eenheid})</span>}
        </FormLabel>
        <div className="rb-cel__invoer">
          {isCode ? (
            <Select
              id={id}
              data-waardeveld=""
              value={cel.reden ? "" : cel.invoer}
              invalid={ongeldig}
              aria-describedby={beschrijving}
              onChange={(e) => {
                void bewaarWaarde(e.target.value);
              }}
            >
              <option value="">— kies —</option>
              {post.codes.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label} ({c.code})
                </option>
              ))}
            </Select>
          ) : (
            <>
              {achter === "€" && (
                <span className="rb-cel__eenheid rb-cel__eenheid--voor" aria-hidden="true">
                  €
                </span>
              )}
              <Textbox
                id={id}
                data-waardeveld=""
                value={tekst}
                invalid={ongeldig}
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                className="rb-textbox--getal"
                aria-describedby={beschrijving}
                onChange={(e) => {
                  setTekst(e.target.value);
                  ctx.vraagVoorbeeld(adres, e.target.value);
                }}
                onBlur={(e) => {
                  void bewaarWaarde(e.target.value);
                }}
                onKeyDown={opToets}
              />
              {achter && achter !== "€" && (
                <span className="rb-cel__eenheid" aria-hidden="true">
                  {achter}
                </span>
              )}
            </>
          )}
        </div>
      </FormField>

      {afwijzing && (
        <FormFieldErrorMessage className="rb-cel__fout" id={fId} role="alert" data-testid={fId}>
          {afwijzingMeldingen(afwijzing).length > 0 ? (
            <ul className="rb-meldingen">
              {afwijzingMeldingen(afwijzing).map((m, i) => (
                <li key={i}>
                  <Melding melding={m} />
                </li>
              ))}
            </ul>
          ) : (
            <Paragraph>
              <strong>Fout</strong>: {afwijzing.message}
            </Paragraph>
          )}
          <Paragraph small>Niet opgeslagen. Pas de waarde aan.</Paragraph>
        </FormFieldErrorMessage>
      )}

      <div aria-live="polite" className="rb-cel__voorbeeld" id={voorbeeldId}>
        {voorbeeld?.melding && <Melding melding={voorbeeld.melding} />}
        {voorbeeld?.fout && <span className="rb-melding rb-melding--fout">{voorbeeld.fout}</span>}
      </div>

      <MeldingenLijst meldingen={cel.meldingen} id={meldingenId} />

      <Paragraph small className="rb-cel__vorig" id={vorigId}>
        Vorig jaar:{" "}
        {cel.vorig_jaar !== null ? (
          <>
            <span data-testid="vorig-jaar">{cel.vorig_jaar}</span>
            {cel.verandering && <span className="rb-cel__verandering"> ({cel.verandering})</span>}
            {cel.vorig_jaar_opmerking && (
              <span className="rb-cel__opmerking" data-testid="vorig-jaar-opmerking">
                {" "}
                — {cel.vorig_jaar_opmerking}
              </span>
            )}
          </>
        ) : (
          "geen waarde"
        )}
      </Paragraph>

      <div className="rb-cel__reden">
        <FormLabel className="rb-cel__sublabel" htmlFor={redenId(cel.jaar, cel.fase, post.code)}>
          Invullen als<span className="rb-visually-hidden">: {labelExtra}{kolom.titel}</span>
        </FormLabel>
        <Select
          id={redenId(cel.jaar, cel.fase, post.code)}
          value={cel.reden ?? "waarde"}
          onChange={(e) => {
            const gekozen = invullenAls.find((o) => o.waarde === e.target.value);
            if (gekozen) void kiesReden(gekozen.waarde);
          }}
        >
          {invullenAls.map((o) => (
            <option key={o.waarde} value={o.waarde}>
              {o.label}
            </option>
          ))}
        </Select>
      </div>

      <FormField className="rb-cel__toelichting">
        <FormLabel className="rb-cel__sublabel" htmlFor={toelichtingId(cel.jaar, cel.fase, post.code)}>
          Toelichting<span className="rb-visually-hidden">: {labelExtra}{kolom.titel}</span>
        </FormLabel>
        <Textarea
          id={toelichtingId(cel.jaar, cel.fase, post.code)}
          rows={1}
          value={toelichting}
          invalid={toelichtingFout !== null}
          aria-describedby={toelichtingFout ? toelichtingFoutId : undefined}
          onChange={(e) => setToelichting(e.target.value)}
          onBlur={() => {
            void bewaarToelichting();
          }}
        />
        {toelichtingFout && (
          <FormFieldErrorMessage id={toelichtingFoutId} role="alert">
            <strong>Fout</strong>: {toelichtingFout.message}
          </FormFieldErrorMessage>
        )}
      </FormField>
    </div>
  );
}
