// Bundelen (for BZK researchers): many benchmark files → one checked dataset with statistics,
// exactly as `raadsbudget bundel` makes it. Needs no organisation and no database. The parts
// live next to this file.

import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";

import { api, dialogen, type BundelVoortgang } from "../../api";
import type { BundleView } from "../../bindings/BundleView";
import type { ErrorView } from "../../bindings/ErrorView";
import { FoutMelding, PadVeld } from "../../components/common";
import { useScherm } from "../../components/scherm";
import {
  Button,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormFieldInput,
  FormFieldLabel,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  Textbox,
} from "../../components/utrecht";
import { Resultaat } from "./Resultaat";
import { meervoud, voortgangTekst } from "./teksten";
import { useKies } from "../../components/kies";

export function BundelenScherm() {
  const kop = useScherm("Bundelen");
  const [invoer, setInvoer] = useState<string[]>([]);
  const [invoerPad, setInvoerPad] = useState("");
  const [uit, setUit] = useState("");
  const [register, setRegister] = useState("");
  const [uitvraag, setUitvraag] = useState("");
  const [uitvraagFout, setUitvraagFout] = useState<string | null>(null);
  const [xlsx, setXlsx] = useState(false);
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [bezig, setBezig] = useState(false);
  const [voortgang, setVoortgang] = useState<BundelVoortgang | null>(null);
  const [aangekondigd, setAangekondigd] = useState("");
  const [resultaat, setResultaat] = useState<BundleView | null>(null);
  const [slepen, setSlepen] = useState(false);
  const [gesleept, setGesleept] = useState<string | null>(null);
  const uitvraagRef = useRef<HTMLInputElement>(null);
  const resultaatKop = useRef<HTMLHeadingElement>(null);
  const tiende = useRef(-1);

  function voegToe(paden: string[]) {
    const nieuw = paden.map((p) => p.trim()).filter((p) => p !== "");
    if (nieuw.length === 0) return;
    setInvoer((lijst) => [...lijst, ...nieuw.filter((p, i) => !lijst.includes(p) && nieuw.indexOf(p) === i)]);
  }

  // Files and folders dropped onto the window land in the input list.
  useEffect(() => {
    let stop: (() => void) | null = null;
    let actief = true;
    api
      .slepenVolgen((s) => {
        if (!actief) return;
        if (s.soort === "boven") setSlepen(true);
        else if (s.soort === "weg") setSlepen(false);
        else {
          setSlepen(false);
          voegToe(s.paden);
          setGesleept(
            `${meervoud(s.paden.length, "pad", "paden")} gesleept naar de invoer.`,
          );
        }
      })
      .then((f) => {
        if (actief) stop = f;
        else f();
      })
      .catch(() => {
        /* dropping is a convenience: the buttons and the text field work without it */
      });
    return () => {
      actief = false;
      stop?.();
    };
  }, []);

  function invoerToevoegen() {
    voegToe([invoerPad]);
    setInvoerPad("");
  }

  const kies = useKies(setFout);

  const kiesInvoerMap = () =>
    kies(async () => {
      const p = await dialogen.kiesMap();
      if (p) voegToe([p]);
    });
  const kiesInvoerBestanden = () =>
    kies(async () => voegToe(await dialogen.kiesBestanden("Benchmarkbestanden, invulbestanden en zip-archieven", ["csv", "xlsx", "zip"])));
  const kiesUit = () =>
    kies(async () => {
      const p = await dialogen.kiesMap(uit);
      if (p) setUit(p);
    });
  const kiesRegister = () =>
    kies(async () => {
      const p = await dialogen.kiesBestand("Register (CSV)", ["csv"], register);
      if (p) setRegister(p);
    });

  // The typed path counts too, also when "Toevoegen" was not pressed.
  const teBundelen = useMemo(() => {
    const getypt = invoerPad.trim();
    return getypt && !invoer.includes(getypt) ? [...invoer, getypt] : invoer;
  }, [invoer, invoerPad]);

  async function bundelen(e?: FormEvent) {
    e?.preventDefault();
    setFout(null);
    setUitvraagFout(null);
    const jaarTekst = uitvraag.trim();
    if (jaarTekst !== "" && !/^\d{4}$/.test(jaarTekst)) {
      setUitvraagFout("Vul een uitvraagjaar van vier cijfers in, bijvoorbeeld 2026, of laat het veld leeg.");
      uitvraagRef.current?.focus();
      return;
    }
    setInvoer(teBundelen);
    setInvoerPad("");
    setResultaat(null);
    setVoortgang(null);
    tiende.current = -1;
    setAangekondigd(voortgangTekst(null));
    setBezig(true);
    try {
      const view = await api.bundelen(
        {
          invoer: teBundelen,
          uit: uit.trim(),
          register: register.trim() === "" ? null : register.trim(),
          uitvraag: jaarTekst === "" ? null : Number(jaarTekst),
          xlsx,
        },
        (v) => {
          setVoortgang(v);
          // Announce at every tenth of the way, not at every batch.
          const t = v.totaal > 0 ? Math.floor((v.gelezen * 10) / v.totaal) : 10;
          if (t !== tiende.current) {
            tiende.current = t;
            setAangekondigd(voortgangTekst(v));
          }
        },
      );
      setResultaat(view);
      setAangekondigd(`Klaar: ${meervoud(view.bestanden, "bestand", "bestanden")} gebundeld.`);
    } catch (err) {
      setAangekondigd("");
      setFout(err as ErrorView);
    } finally {
      setBezig(false);
    }
  }

  // Focus the result's heading when it arrives, so it is read and the page scrolls to it.
  useEffect(() => {
    if (resultaat) resultaatKop.current?.focus();
  }, [resultaat]);

  async function openUitvoermap() {
    if (!resultaat) return;
    setFout(null);
    try {
      await api.uitvoermapOpenen(resultaat.uit);
    } catch (e) {
      setFout(e as ErrorView);
    }
  }

  const uitvraagUitleg = "bundel-uitvraag-uitleg";
  const uitvraagFoutId = "bundel-uitvraag-fout";

  return (
    <div className="rb-scherm">
      <Heading1 ref={kop} tabIndex={-1}>
        Bundelen
      </Heading1>
      <Paragraph lead>
        Bundel de benchmarkbestanden die organisaties hebben ingestuurd tot één gecontroleerde
        dataset, met kengetallen, statistiek en (met een register) de respons. Dit doet precies
        hetzelfde als <code>raadsbudget bundel</code> op de opdrachtregel. Hiervoor is geen
        organisatie nodig.
      </Paragraph>
      <FoutMelding fout={fout} />

      <form onSubmit={bundelen} noValidate>
        <section aria-labelledby="kop-bundel-invoer" className="rb-blok">
          <Heading2 id="kop-bundel-invoer">Invoer</Heading2>
          <div
            className={`rb-sleepvak${slepen ? " rb-sleepvak--actief" : ""}`}
            data-testid="sleepvak"
            data-slepen={slepen ? "ja" : undefined}
          >
            <Paragraph>
              Benchmarkbestanden (.csv), mappen (met alle submappen) en zip-archieven. U kunt ze ook
              vanuit de bestandsbeheerder op dit venster slepen.
            </Paragraph>
            {slepen && (
              <Paragraph className="rb-sleepvak__hint">
                <strong>Laat los om toe te voegen aan de invoer.</strong>
              </Paragraph>
            )}
            {invoer.length === 0 ? (
              <Paragraph data-testid="invoer-leeg">Nog geen invoer gekozen.</Paragraph>
            ) : (
              <ul className="rb-invoerlijst" data-testid="invoer-lijst" aria-label="Gekozen invoer">
                {invoer.map((p, i) => (
                  <li key={p} data-testid={`invoer-${i}`} data-pad={p}>
                    <span className="rb-pad">{p}</span>
                    <Button
                      appearance="subtle-button"
                      onClick={() => setInvoer((lijst) => lijst.filter((x) => x !== p))}
                      disabled={bezig}
                      data-testid={`knop-invoer-verwijderen-${i}`}
                    >
                      Verwijderen<span className="rb-visually-hidden"> {p} uit de invoer</span>
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <div role="status" aria-live="polite" className="rb-status" data-testid="sleep-resultaat">
              {gesleept}
            </div>
          </div>
          <PadVeld
            id="bundel-invoer-pad"
            label="Bestand, map of zip-archief"
            uitleg="Typ of plak een pad en kies Toevoegen, of kies met de knoppen."
            waarde={invoerPad}
            onWijzig={setInvoerPad}
            onKies={kiesInvoerMap}
            onEnter={invoerToevoegen}
            kiesTekst="Map kiezen…"
            kiesTestId="knop-kies-invoer-map"
          >
            <Button onClick={kiesInvoerBestanden} data-testid="knop-kies-invoer-bestanden">
              Bestanden kiezen…
            </Button>
            <Button onClick={invoerToevoegen} disabled={invoerPad.trim() === ""} data-testid="knop-invoer-toevoegen">
              Toevoegen
            </Button>
          </PadVeld>
        </section>

        <section aria-labelledby="kop-bundel-uitvoer" className="rb-blok">
          <Heading2 id="kop-bundel-uitvoer">Uitvoer en keuzes</Heading2>
          <PadVeld
            id="bundel-uit"
            label="Uitvoermap"
            uitleg="Een nieuwe of lege map, of de map van een eerdere bundel (die dan in zijn geheel wordt vervangen). Een map met andere bestanden wordt niet gebruikt."
            waarde={uit}
            onWijzig={setUit}
            onKies={kiesUit}
            kiesTestId="knop-kies-uitvoermap"
          />
          <PadVeld
            id="bundel-register"
            label="Register (optioneel)"
            uitleg="CSV met de organisaties die zijn gevraagd mee te doen (code en naam), bijvoorbeeld de CBS-lijst van gemeenten. Dan ziet u de respons."
            waarde={register}
            onWijzig={setRegister}
            onKies={kiesRegister}
            kiesTestId="knop-kies-bundel-register"
          />
          <FormField invalid={uitvraagFout !== null}>
            <FormFieldLabel>
              <FormLabel htmlFor="bundel-uitvraag">Uitvraagjaar (optioneel)</FormLabel>
            </FormFieldLabel>
            <FormFieldDescription id={uitvraagUitleg}>
              Alleen bestanden van dit uitvraagjaar tellen mee; bestanden van een ander jaar worden
              afgewezen.
            </FormFieldDescription>
            {uitvraagFout && (
              <FormFieldErrorMessage id={uitvraagFoutId} data-testid="fout-bundel-uitvraag">
                {uitvraagFout}
              </FormFieldErrorMessage>
            )}
            <FormFieldInput>
              <Textbox
                id="bundel-uitvraag"
                ref={uitvraagRef}
                className="rb-textbox--kort"
                inputMode="numeric"
                autoComplete="off"
                value={uitvraag}
                invalid={uitvraagFout !== null}
                aria-describedby={uitvraagFout ? `${uitvraagFoutId} ${uitvraagUitleg}` : uitvraagUitleg}
                onChange={(e) => setUitvraag(e.target.value)}
              />
            </FormFieldInput>
          </FormField>
          <FormField type="checkbox">
            <Checkbox
              id="bundel-xlsx"
             
              checked={xlsx}
              onChange={(e) => setXlsx(e.target.checked)}
            />
            <FormLabel type="checkbox" htmlFor="bundel-xlsx">
              Ook bundel.xlsx maken (dezelfde tabellen als werkbladen)
            </FormLabel>
          </FormField>
          <Button
            type="submit"
            appearance="primary-action-button"
            disabled={bezig || teBundelen.length === 0 || uit.trim() === ""}
            busy={bezig}
            data-testid="knop-bundelen"
          >
            Bundelen
          </Button>
          {!bezig && (teBundelen.length === 0 || uit.trim() === "") && (
            <Paragraph small data-testid="bundelen-uitleg">
              Kies eerst de invoer en een uitvoermap.
            </Paragraph>
          )}
        </section>
      </form>

      <div className="rb-voortgang" data-testid="bundel-voortgang" hidden={!bezig}>
        <FormLabel htmlFor="bundel-voortgang-balk">
          Voortgang van het bundelen
        </FormLabel>
        {/* Without a value the bar is indeterminate: files are still being looked for. */}
        <progress
          id="bundel-voortgang-balk"
          className="rb-voortgang__balk"
          max={voortgang && voortgang.totaal > 0 ? voortgang.totaal : undefined}
          value={voortgang && voortgang.totaal > 0 ? voortgang.gelezen : undefined}
        />
        <Paragraph small aria-hidden="true" data-testid="bundel-voortgang-tekst">
          {voortgangTekst(voortgang)}
        </Paragraph>
      </div>
      <div role="status" aria-live="polite" className="rb-visually-hidden" data-testid="bundel-voortgang-melding">
        {aangekondigd}
      </div>

      {resultaat && <Resultaat view={resultaat} kop={resultaatKop} openen={openUitvoermap} />}
    </div>
  );
}
