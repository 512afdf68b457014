// Invoer: the form of one uitvraag. Every edit is saved at once (change/blur/Enter) through
// `waarde_zetten`; the screen re-renders from the FormView Rust returns. While typing, the
// kengetallen are previewed through `voorbeeld`. The UI computes no kengetal and validates no
// number: it shows what Rust says. The parts live next to this file.

import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { api, type VeldAdres } from "../../api";
import type { ErrorView } from "../../bindings/ErrorView";
import type { FormView } from "../../bindings/FormView";
import type { KengetalView } from "../../bindings/KengetalView";
import type { OrganisationView } from "../../bindings/OrganisationView";
import { FoutMelding, Laden, MeldingenLijst, StatusRegel } from "../../components/common";
import { useScherm } from "../../components/scherm";
import type { Sprong } from "../../components/sprong";
import { Tellingen, UitvraagStatus } from "../../components/uitvraag";
import {
  Button,
  Checkbox,
  FormField,
  FormLabel,
  Heading1,
  Heading2,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "../../components/utrecht";
import { veldId, veldSleutel } from "../../ids";
import { kengetalSleutel, kolomTitel, vindCel } from "./formulier";
import { KengetallenRij, Sectie } from "./Sectie";
import { DEBOUNCE_MS, type VeldContext, type Voorbeeld } from "./veldcontext";
import { WijzigingenLijst } from "../../components/wijzigingen";

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
    // The screen starts busy (it is keyed by org and uitvraag, so this runs once per mount).
    let actief = true;
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
      // eslint-disable-next-line react-hooks/set-state-in-effect -- whether the field is on the form is known only from the DOM after commit
      setStatus(`Het veld ${sprong.post} (${sprong.blokTitel}) staat niet op dit formulier.`);
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
        const titel = kolomTitel(f, adres.jaar, adres.fase);
        setStatus(
          `Opgeslagen: ${label}${titel ? `, ${titel}` : ""}${cel && cel.reden ? ` (${cel.reden})` : ""}.`,
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
              <Paragraph>
                Status: <UitvraagStatus samenvatting={form.samenvatting} />
              </Paragraph>
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
              voorbeeld={voorbeeldMap}
              label="Kengetallen totaal raadsondersteuning"
            />
          </section>

          {form.wijzigingen && (
            <details className="rb-regels" data-testid="wat-is-er-veranderd">
              <summary className="rb-regels__summary">
                Wat is er veranderd in definities {form.wijzigingen.versie} ({form.wijzigingen.wijzigingen.length}{" "}
                {form.wijzigingen.wijzigingen.length === 1 ? "wijziging" : "wijzigingen"} ten opzichte van{" "}
                {form.wijzigingen.vorige})
              </summary>
              <WijzigingenLijst wijzigingen={form.wijzigingen} kopId="kop-wijzigingen" />
            </details>
          )}

          <details className="rb-regels" data-testid="algemene-regels">
            <summary className="rb-regels__summary">Algemene regels (gelden voor elke post)</summary>
            <UnorderedList className="rb-regels__lijst">
              {form.algemene_regels.map((r, i) => (
                <UnorderedListItem key={i}>
                  {r}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </details>

          <FormField type="checkbox" className="rb-alle-definities">
            <Checkbox
              id="toon-definities"
             
              checked={alleDefinities}
              onChange={(e) => setAlleDefinities(e.target.checked)}
            />
            <FormLabel type="checkbox" htmlFor="toon-definities">
              Toon bij elke post wat wel en niet meetelt
            </FormLabel>
          </FormField>

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
                  <Link href={`#sectie-${s.code}`}>
                    {s.naam}
                  </Link>
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
