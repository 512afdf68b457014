// Invoer: the form of one uitvraag. Every edit is saved at once (change/blur/Enter) through
// `waarde_zetten`; the screen re-renders from the FormView Rust returns. While typing, the
// kengetallen are previewed through `voorbeeld`. The UI computes no kengetal and validates no
// number: it shows what Rust says.

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";

import { api, type VeldAdres } from "../api";
import type { CellView } from "../bindings/CellView";
import type { ColumnView } from "../bindings/ColumnView";
import type { ErrorView } from "../bindings/ErrorView";
import type { FaseCode } from "../bindings/FaseCode";
import type { FindingView } from "../bindings/FindingView";
import type { FormView } from "../bindings/FormView";
import type { InputView } from "../bindings/InputView";
import type { KengetalView } from "../bindings/KengetalView";
import type { OrganisationView } from "../bindings/OrganisationView";
import type { PostRow } from "../bindings/PostRow";
import type { ReasonCode } from "../bindings/ReasonCode";
import type { SectionView } from "../bindings/SectionView";
import {
  FoutMelding,
  KengetallenBlok,
  Laden,
  Melding,
  MeldingenLijst,
  StatusRegel,
  faseTitel,
} from "../components/common";
import { useScherm } from "../components/scherm";
import type { Sprong } from "../components/sprong";
import { Tellingen, UitvraagStatus } from "../components/uitvraag";
import { Button, Heading1, Heading2, Heading3, Paragraph, Select, Textarea, Textbox } from "../components/utrecht";
import { celTestId, foutId, postSleutel, redenId, toelichtingId, veldId, veldSleutel } from "../ids";

/** "Invullen als": a value, or one of the reasons for none. */
type InvullenAls = "waarde" | ReasonCode;

const invullenAls: Array<{ waarde: InvullenAls; label: string }> = [
  { waarde: "waarde", label: "waarde" },
  { waarde: "nvt", label: "nvt (niet van toepassing)" },
  { waarde: "onbekend", label: "onbekend (nog niet bekend)" },
];

interface Voorbeeld {
  sleutel: string;
  melding: FindingView | null;
  fout: string | null;
  kengetallen: KengetalView[];
}

interface VeldContext {
  org: string;
  uitvraag: number;
  zetten: (adres: VeldAdres, invoer: InputView, toelichting: string | null) => Promise<FormView>;
  wissen: (adres: VeldAdres) => Promise<FormView>;
  vraagVoorbeeld: (adres: VeldAdres, tekst: string) => void;
  voorbeeld: Voorbeeld | null;
}

const DEBOUNCE_MS = 200;

const eenheidTekst: Record<string, string> = {
  euro: "euro",
  fte: "fte",
  aantal: "aantal",
  code: "keuze uit een lijst",
};

const eenheidAchter: Record<string, string> = { euro: "€", fte: "fte", aantal: "" };

function kengetalSleutel(k: KengetalView): string {
  return `${k.categorie}|${k.jaar}|${k.fase}`;
}

function vindCel(form: FormView, jaar: number, fase: FaseCode, post: string): CellView | null {
  for (const s of form.secties) {
    for (const p of s.posten) {
      if (p.code !== post) continue;
      const c = p.cellen.find((x) => x.jaar === jaar && x.fase === fase);
      if (c) return c;
    }
  }
  return null;
}

/** Moves focus to the value field after `huidig` in form order; false if there is none. */
function focusVolgendVeld(huidig: HTMLElement): boolean {
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

function afwijzingMeldingen(fout: ErrorView): FindingView[] {
  return fout.meldingen;
}

// --- One field -------------------------------------------------------------------------------

function Veld({ post, cel, kolom, ctx }: { post: PostRow; cel: CellView; kolom: ColumnView; ctx: VeldContext }) {
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
      <div className="utrecht-form-field rb-cel__waarde">
        <label className="utrecht-form-label rb-cel__label" htmlFor={id}>
          <span className="rb-visually-hidden">{labelExtra}</span>
          {kolom.titel}
          {post.eenheid !== "code" && <span className="rb-visually-hidden"> (in {eenheidTekst[post.eenheid] ?? post.eenheid})</span>}
        </label>
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
      </div>

      {afwijzing && (
        <div className="utrecht-form-field-error-message rb-cel__fout" id={fId} role="alert" data-testid={fId}>
          {afwijzingMeldingen(afwijzing).length > 0 ? (
            <ul className="rb-meldingen">
              {afwijzingMeldingen(afwijzing).map((m, i) => (
                <li key={i}>
                  <Melding melding={m} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="utrecht-paragraph">
              <strong>Fout</strong>: {afwijzing.message}
            </p>
          )}
          <p className="utrecht-paragraph utrecht-paragraph--small">Niet opgeslagen. Pas de waarde aan.</p>
        </div>
      )}

      <div aria-live="polite" className="rb-cel__voorbeeld" id={voorbeeldId}>
        {voorbeeld?.melding && <Melding melding={voorbeeld.melding} />}
        {voorbeeld?.fout && <span className="rb-melding rb-melding--fout">{voorbeeld.fout}</span>}
      </div>

      <MeldingenLijst meldingen={cel.meldingen} id={meldingenId} />

      <p className="utrecht-paragraph utrecht-paragraph--small rb-cel__vorig" id={vorigId}>
        Vorig jaar:{" "}
        {cel.vorig_jaar !== null ? (
          <>
            <span data-testid="vorig-jaar">{cel.vorig_jaar}</span>
            {cel.verandering && <span className="rb-cel__verandering"> ({cel.verandering})</span>}
          </>
        ) : (
          "geen waarde"
        )}
      </p>

      <div className="rb-cel__reden">
        <label className="utrecht-form-label rb-cel__sublabel" htmlFor={redenId(cel.jaar, cel.fase, post.code)}>
          Invullen als<span className="rb-visually-hidden">: {labelExtra}{kolom.titel}</span>
        </label>
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

      <div className="utrecht-form-field rb-cel__toelichting">
        <label className="utrecht-form-label rb-cel__sublabel" htmlFor={toelichtingId(cel.jaar, cel.fase, post.code)}>
          Toelichting<span className="rb-visually-hidden">: {labelExtra}{kolom.titel}</span>
        </label>
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
          <div className="utrecht-form-field-error-message" id={toelichtingFoutId} role="alert">
            <strong>Fout</strong>: {toelichtingFout.message}
          </div>
        )}
      </div>
    </div>
  );
}

// --- One post --------------------------------------------------------------------------------

function Post({
  post,
  kolommen,
  ctx,
  alleDefinities,
}: {
  post: PostRow;
  kolommen: ColumnView[];
  ctx: VeldContext;
  alleDefinities: boolean;
}) {
  const [open, setOpen] = useState(false);
  const definitieId = `definitie-${postSleutel(post.code)}`;
  const heeftDefinitie = post.wel.trim() !== "" || post.niet.trim() !== "";
  const toon = open || alleDefinities;
  return (
    <div className="rb-post" data-testid={`post-${postSleutel(post.code)}`}>
      <div className="rb-post__info">
        <Heading3 className="rb-post__label" id={`post-kop-${postSleutel(post.code)}`}>
          {post.label}
        </Heading3>
        <p className="utrecht-paragraph utrecht-paragraph--small rb-post__meta">
          <span className="rb-post__code">{post.code}</span> · eenheid: {eenheidTekst[post.eenheid] ?? post.eenheid}
          {post.eenheid === "euro" && (post.kernbudget ? " · telt mee in het kernbudget" : " · telt niet mee in het kernbudget")}
        </p>
        <p className="utrecht-paragraph rb-post__omschrijving">{post.omschrijving}</p>
        {heeftDefinitie && (
          <>
            {!alleDefinities && (
              <Button
                appearance="subtle-button"
                className="rb-post__definitie-knop"
                aria-expanded={open}
                aria-controls={definitieId}
                onClick={() => setOpen((o) => !o)}
                data-testid={`knop-definitie-${postSleutel(post.code)}`}
              >
                Definitie<span className="rb-visually-hidden"> van {post.label}</span>
                <span aria-hidden="true">{open ? " ▲" : " ▼"}</span>
              </Button>
            )}
            <div id={definitieId} className="rb-post__definitie" hidden={!toon}>
              {post.wel.trim() !== "" && (
                <p className="utrecht-paragraph">
                  <strong>Wel:</strong> {post.wel}
                </p>
              )}
              {post.niet.trim() !== "" && (
                <p className="utrecht-paragraph">
                  <strong>Niet:</strong> {post.niet}
                </p>
              )}
            </div>
          </>
        )}
      </div>
      {kolommen.map((k, i) => {
        const cel = post.cellen.find((c) => c.jaar === k.jaar && c.fase === k.fase) ?? post.cellen[i];
        if (!cel || !cel.gevraagd) {
          return <div key={`${k.jaar}-${k.fase}`} className="rb-cel rb-cel--niet-gevraagd" aria-hidden="true" />;
        }
        return <Veld key={`${k.jaar}-${k.fase}`} post={post} cel={cel} kolom={k} ctx={ctx} />;
      })}
    </div>
  );
}

// --- Kengetallen -----------------------------------------------------------------------------

function KengetallenRij({
  kengetallen,
  kolommen,
  voorbeeld,
  label,
}: {
  kengetallen: KengetalView[];
  kolommen: ColumnView[];
  voorbeeld: Map<string, KengetalView>;
  label: string;
}) {
  if (kengetallen.length === 0) return null;
  return (
    <div className="rb-kengetallen-rij" role="group" aria-label={label}>
      {kengetallen.map((k) => {
        const v = voorbeeld.get(kengetalSleutel(k));
        const titel = kolommen.find((c) => c.jaar === k.jaar && c.fase === k.fase)?.titel ?? faseTitel(k.fase, k.jaar);
        return <KengetallenBlok key={kengetalSleutel(k)} kengetal={v ?? k} titel={titel} voorbeeld={!!v} />;
      })}
    </div>
  );
}

function Sectie({
  sectie,
  ctx,
  voorbeeld,
  alleDefinities,
}: {
  sectie: SectionView;
  ctx: VeldContext;
  voorbeeld: Map<string, KengetalView>;
  alleDefinities: boolean;
}) {
  const kopId = `sectie-kop-${sectie.code}`;
  return (
    <section className="rb-sectie" aria-labelledby={kopId} data-testid={`sectie-${sectie.code}`} id={`sectie-${sectie.code}`}>
      <Heading2 id={kopId}>{sectie.naam}</Heading2>
      <Paragraph>{sectie.omschrijving}</Paragraph>
      <KengetallenRij
        kengetallen={sectie.kengetallen}
        kolommen={sectie.kolommen}
        voorbeeld={voorbeeld}
        label={`Kengetallen ${sectie.naam}`}
      />
      {sectie.posten.map((p) => (
        <Post key={p.code} post={p} kolommen={sectie.kolommen} ctx={ctx} alleDefinities={alleDefinities} />
      ))}
    </section>
  );
}

// --- The screen ------------------------------------------------------------------------------

export function InvoerScherm({
  org,
  uitvraag,
  sprong,
}: {
  org: OrganisationView;
  uitvraag: number;
  sprong: Sprong | null;
}) {
  const kop = useScherm(`Invoer ${uitvraag}`);
  const [form, setForm] = useState<FormView | null>(null);
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [bezig, setBezig] = useState(true);
  const [voorbeeld, setVoorbeeld] = useState<Voorbeeld | null>(null);
  const [status, setStatus] = useState("");
  const [overnemenStatus, setOvernemenStatus] = useState("");
  const [overnemenBezig, setOvernemenBezig] = useState(false);
  const [alleDefinities, setAlleDefinities] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const volgnummer = useRef(0);
  // Saves go one after the other, so the FormView shown is always the newest one.
  const rij = useRef<Promise<unknown>>(Promise.resolve());
  const inRij = useCallback(<T,>(taak: () => Promise<T>): Promise<T> => {
    const p = rij.current.then(taak, taak);
    rij.current = p.catch(() => undefined);
    return p;
  }, []);

  useEffect(() => {
    let actief = true;
    setBezig(true);
    setFout(null);
    api
      .formulier(org.code, uitvraag)
      .then((f) => actief && setForm(f))
      .catch((e: ErrorView) => actief && setFout(e))
      .finally(() => actief && setBezig(false));
    return () => {
      actief = false;
    };
  }, [org.code, uitvraag]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  // Jump to a field (from Controle) once the form is shown.
  useEffect(() => {
    if (!form || !sprong) return;
    const el = document.getElementById(veldId(sprong.jaar, sprong.fase, sprong.post));
    if (el) {
      el.scrollIntoView?.({ block: "center" });
      el.focus();
    } else {
      setStatus(`Het veld ${sprong.post} (${faseTitel(sprong.fase, sprong.jaar)}) staat niet op dit formulier.`);
    }
  }, [form, sprong]);

  const stopVoorbeeld = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    volgnummer.current += 1;
  }, []);

  const nieuwFormulier = useCallback(
    (f: FormView, adres: VeldAdres | null) => {
      setForm(f);
      setVoorbeeld(null);
      if (adres) {
        const cel = vindCel(f, adres.jaar, adres.fase, adres.post);
        const label =
          f.secties.flatMap((s) => s.posten).find((p) => p.code === adres.post)?.label ?? adres.post;
        setStatus(
          `Opgeslagen: ${label}, ${faseTitel(adres.fase, adres.jaar)}${cel && cel.reden ? ` (${cel.reden})` : ""}.`,
        );
      }
    },
    [],
  );

  const ctx: VeldContext = useMemo(
    () => ({
      org: org.code,
      uitvraag,
      voorbeeld,
      zetten: async (adres, invoer, toelichting) => {
        stopVoorbeeld();
        const f = await inRij(() =>
          api.waardeZetten({
            organisatie: adres.organisatie,
            uitvraag: adres.uitvraag,
            jaar: adres.jaar,
            fase: adres.fase,
            post: adres.post,
            invoer,
            toelichting,
          }),
        );
        nieuwFormulier(f, adres);
        return f;
      },
      wissen: async (adres) => {
        stopVoorbeeld();
        const f = await inRij(() => api.waardeWissen(adres));
        nieuwFormulier(f, adres);
        return f;
      },
      vraagVoorbeeld: (adres, tekst) => {
        stopVoorbeeld();
        const sleutel = veldSleutel(adres.jaar, adres.fase, adres.post);
        if (tekst.trim() === "") {
          setVoorbeeld(null);
          return;
        }
        const nummer = volgnummer.current;
        timer.current = setTimeout(() => {
          timer.current = null;
          api
            .voorbeeld(adres, tekst)
            .then((p) => {
              if (volgnummer.current !== nummer) return;
              setVoorbeeld({ sleutel, melding: p.melding, fout: null, kengetallen: p.kengetallen });
            })
            .catch((e: ErrorView) => {
              if (volgnummer.current !== nummer) return;
              setVoorbeeld({ sleutel, melding: null, fout: e.message, kengetallen: [] });
            });
        }, DEBOUNCE_MS);
      },
    }),
    [org.code, uitvraag, voorbeeld, stopVoorbeeld, nieuwFormulier, inRij],
  );

  const voorbeeldMap = useMemo(() => {
    const m = new Map<string, KengetalView>();
    for (const k of voorbeeld?.kengetallen ?? []) m.set(kengetalSleutel(k), k);
    return m;
  }, [voorbeeld]);

  async function overnemen() {
    setOvernemenBezig(true);
    setOvernemenStatus("");
    setFout(null);
    try {
      const r = await inRij(() => api.vorigJaarOvernemen(org.code, uitvraag));
      stopVoorbeeld();
      setForm(r.formulier);
      setVoorbeeld(null);
      setOvernemenStatus(
        r.aantal === 0
          ? "Er waren geen lege velden om over te nemen van vorig jaar."
          : `${r.aantal} ${r.aantal === 1 ? "veld" : "velden"} overgenomen van vorig jaar.`,
      );
    } catch (e) {
      setFout(e as ErrorView);
    } finally {
      setOvernemenBezig(false);
    }
  }

  const losseMeldingen = form ? form.meldingen.filter((m) => m.post === null) : [];
  const totaalKolommen: ColumnView[] = form
    ? form.totaal.map((k) => ({ jaar: k.jaar, fase: k.fase, titel: faseTitel(k.fase, k.jaar) }))
    : [];

  return (
    <div className="rb-scherm rb-invoer" aria-busy={bezig}>
      <Heading1 ref={kop} tabIndex={-1}>
        Invoer {uitvraag}
      </Heading1>
      <Laden bezig={bezig} />
      <FoutMelding fout={fout} />

      {form && (
        <>
          <div className="rb-invoer__kop">
            <div>
              <Paragraph lead>
                {form.organisatie.naam}, uitvraag {form.uitvraag} (definities {form.definities}). Elke wijziging
                wordt meteen opgeslagen.
              </Paragraph>
              <p className="utrecht-paragraph">
                Status: <UitvraagStatus samenvatting={form.samenvatting} />
              </p>
              <Tellingen s={form.samenvatting} />
            </div>
            <div className="rb-invoer__acties">
              <Button onClick={overnemen} busy={overnemenBezig} disabled={overnemenBezig} data-testid="knop-vorig-jaar-overnemen">
                Overnemen van vorig jaar
              </Button>
              <StatusRegel testId="status-overnemen">{overnemenStatus}</StatusRegel>
            </div>
          </div>

          <section className="rb-totaal" aria-labelledby="kop-totaal" data-testid="totaal">
            <Heading2 id="kop-totaal">Totaal raadsondersteuning</Heading2>
            <KengetallenRij
              kengetallen={form.totaal}
              kolommen={totaalKolommen}
              voorbeeld={voorbeeldMap}
              label="Kengetallen totaal raadsondersteuning"
            />
          </section>

          <details className="rb-regels" data-testid="algemene-regels">
            <summary className="rb-regels__summary">Algemene regels (gelden voor elke post)</summary>
            <ul className="utrecht-unordered-list rb-regels__lijst">
              {form.algemene_regels.map((r, i) => (
                <li key={i} className="utrecht-unordered-list__item">
                  {r}
                </li>
              ))}
            </ul>
          </details>

          <div className="utrecht-form-field utrecht-form-field--checkbox rb-alle-definities">
            <input
              type="checkbox"
              id="toon-definities"
              className="utrecht-checkbox utrecht-checkbox--html-input"
              checked={alleDefinities}
              onChange={(e) => setAlleDefinities(e.target.checked)}
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="toon-definities">
              Toon bij elke post wat wel en niet meetelt
            </label>
          </div>

          {losseMeldingen.length > 0 && (
            <div className="rb-blok" data-testid="meldingen-formulier">
              <Heading2>Meldingen over de uitvraag</Heading2>
              <MeldingenLijst meldingen={losseMeldingen} toonPlaats />
            </div>
          )}

          <nav aria-label="Secties van het formulier" className="rb-sectienav">
            <ul>
              {form.secties.map((s) => (
                <li key={s.code}>
                  <a className="utrecht-link" href={`#sectie-${s.code}`}>
                    {s.naam}
                  </a>
                </li>
              ))}
            </ul>
          </nav>

          <form className="rb-formulier-invoer" onSubmit={(e) => e.preventDefault()} noValidate aria-label={`Invoer ${uitvraag}`}>
            {form.secties.map((s) => (
              <Sectie key={s.code} sectie={s} ctx={ctx} voorbeeld={voorbeeldMap} alleDefinities={alleDefinities} />
            ))}
          </form>
          <StatusRegel testId="status-opslaan">{status}</StatusRegel>
        </>
      )}
    </div>
  );
}
