// Bundelen (for BZK researchers): many benchmark files → one checked dataset with statistics,
// exactly as `raadsbudget bundel` makes it. Needs no organisation and no database.

import { Fragment, useEffect, useMemo, useRef, useState, type FormEvent, type RefObject } from "react";

import { api, dialogen, type BundelVoortgang } from "../api";
import type { BundledFileView } from "../bindings/BundledFileView";
import type { BundleView } from "../bindings/BundleView";
import type { ErrorView } from "../bindings/ErrorView";
import type { FindingView } from "../bindings/FindingView";
import { aantalTekst } from "../components/aantal";
import { FoutMelding, Melding, PadVeld } from "../components/common";
import { useScherm } from "../components/scherm";
import {
  Alert,
  Button,
  ButtonGroup,
  CodeBlock,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  Select,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from "../components/utrecht";

/** The four statuses a file can get, in the order of the summary. */
export const statussen = [
  { status: "geaccepteerd", label: "Geaccepteerd", meervoud: "geaccepteerd", badge: "valid", icoon: "✓" },
  { status: "vervangen", label: "Vervangen", meervoud: "vervangen", badge: "neutral", icoon: "↻" },
  { status: "dubbel", label: "Dubbel", meervoud: "dubbel", badge: "neutral", icoon: "=" },
  { status: "afgewezen", label: "Afgewezen", meervoud: "afgewezen", badge: "danger", icoon: "✕" },
] as const;

type Status = (typeof statussen)[number]["status"];

/** Rows of the file table shown at first, and added per "Meer tonen". */
const PER_KEER = 100;

function meervoud(n: number, een: string, meer: string): string {
  return `${aantalTekst(n)} ${n === 1 ? een : meer}`;
}

/** "regel 3, kolom 7" (or less, when the finding has no line). */
function plaatsTekst(m: FindingView): string | null {
  if (m.regel === null) return null;
  return m.kolom === null ? `regel ${m.regel}` : `regel ${m.regel}, kolom ${m.kolom}`;
}

function StatusLabel({ status }: { status: string }) {
  const s = statussen.find((x) => x.status === status);
  return (
    <StatusBadge
      status={s?.badge ?? "neutral"}
      className={`rb-status-badge rb-status-badge--${status}`}
      data-status={status}
    >
      <span aria-hidden="true" className="rb-status-badge__icoon">
        {s?.icoon ?? "•"}
      </span>{" "}
      {s?.label ?? status}
    </StatusBadge>
  );
}

/** The live text of the progress: said at the start, at every tenth, and at the end. */
function voortgangTekst(v: BundelVoortgang | null): string {
  if (!v) return "Bezig met bundelen: bestanden zoeken…";
  return `${aantalTekst(v.gelezen)} van ${meervoud(v.totaal, "bestand", "bestanden")} gelezen`;
}

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

  async function kies(run: () => Promise<void>) {
    setFout(null);
    try {
      await run();
    } catch (e) {
      setFout(e as ErrorView);
    }
  }

  const kiesInvoerMap = () =>
    kies(async () => {
      const p = await dialogen.kiesMap();
      if (p) voegToe([p]);
    });
  const kiesInvoerBestanden = () =>
    kies(async () => voegToe(await dialogen.kiesBestanden("Benchmarkbestanden en zip-archieven", ["csv", "zip"])));
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
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor="bundel-uitvraag">Uitvraagjaar (optioneel)</FormLabel>
            </div>
            <FormFieldDescription id={uitvraagUitleg}>
              Alleen bestanden van dit uitvraagjaar tellen mee; bestanden van een ander jaar worden
              afgewezen.
            </FormFieldDescription>
            {uitvraagFout && (
              <FormFieldErrorMessage id={uitvraagFoutId} data-testid="fout-bundel-uitvraag">
                {uitvraagFout}
              </FormFieldErrorMessage>
            )}
            <div className="utrecht-form-field__input">
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
            </div>
          </FormField>
          <div className="utrecht-form-field utrecht-form-field--checkbox">
            <input
              type="checkbox"
              id="bundel-xlsx"
              className="utrecht-checkbox utrecht-checkbox--html-input"
              checked={xlsx}
              onChange={(e) => setXlsx(e.target.checked)}
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="bundel-xlsx">
              Ook bundel.xlsx maken (dezelfde tabellen als werkbladen)
            </label>
          </div>
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
        <label className="utrecht-form-label" htmlFor="bundel-voortgang-balk">
          Voortgang van het bundelen
        </label>
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

function Resultaat({
  view,
  kop,
  openen,
}: {
  view: BundleView;
  kop: RefObject<HTMLHeadingElement | null>;
  openen: () => void;
}) {
  const tellingen: Array<{ testId: string; n: number; een: string; meer: string }> = [
    { testId: "aantal-bestanden", n: view.bestanden, een: "bestand gelezen", meer: "bestanden gelezen" },
    { testId: "aantal-geaccepteerd", n: view.geaccepteerd, een: "geaccepteerd", meer: "geaccepteerd" },
    { testId: "aantal-vervangen", n: view.vervangen, een: "vervangen", meer: "vervangen" },
    { testId: "aantal-dubbel", n: view.dubbel, een: "dubbel", meer: "dubbel" },
    { testId: "aantal-afgewezen", n: view.afgewezen, een: "afgewezen", meer: "afgewezen" },
    { testId: "aantal-organisaties", n: view.organisaties, een: "organisatie", meer: "organisaties" },
  ];
  if (view.overgeslagen > 0) {
    tellingen.push({
      testId: "aantal-overgeslagen",
      n: view.overgeslagen,
      een: "overgeslagen (geen .csv of .zip, of een eerdere bundel)",
      meer: "overgeslagen (geen .csv of .zip, of een eerdere bundel)",
    });
  }
  return (
    <section aria-labelledby="kop-bundel-resultaat" className="rb-blok" data-testid="bundel-resultaat">
      <h2 className="utrecht-heading-2" id="kop-bundel-resultaat" ref={kop} tabIndex={-1}>
        Resultaat
      </h2>
      {view.afgewezen > 0 ? (
        <Alert type="warning" heading="Bundel gemaakt, met afgewezen bestanden">
          <Paragraph>
            {meervoud(view.afgewezen, "bestand is", "bestanden zijn")} afgewezen. Bekijk de meldingen
            in de tabel hieronder of in meldingen.csv.
          </Paragraph>
        </Alert>
      ) : (
        <Alert type="ok" heading="Bundel gemaakt">
          <Paragraph>Alle bestanden zijn verwerkt.</Paragraph>
        </Alert>
      )}
      <ul className="rb-tellingen" data-testid="bundel-tellingen">
        {tellingen.map((t) => (
          <li key={t.testId}>
            <strong data-testid={t.testId}>{aantalTekst(t.n)}</strong> {t.n === 1 ? t.een : t.meer}
          </li>
        ))}
      </ul>
      {view.respons && (
        <Paragraph data-testid="bundel-respons">
          Respons: <strong>{view.respons.percentage}</strong> — {aantalTekst(view.respons.geaccepteerd)} van{" "}
          {aantalTekst(view.respons.register)} uit het register geaccepteerd;{" "}
          {aantalTekst(view.respons.ingediend)} ingediend.
        </Paragraph>
      )}
      <Heading3>Samenvatting</Heading3>
      <CodeBlock className="rb-samenvatting" data-testid="bundel-samenvatting">
        {view.samenvatting.join("\n")}
      </CodeBlock>

      <Heading3>Uitvoerbestanden</Heading3>
      <Paragraph>
        In de map <span className="rb-pad" data-testid="bundel-uitvoermap">{view.uit}</span>:
      </Paragraph>
      <ul className="rb-uitvoerlijst" data-testid="bundel-uitvoer">
        {view.uitvoer.map((naam) => (
          <li key={naam} className="rb-pad" data-bestand={naam}>
            {naam}
          </li>
        ))}
      </ul>
      <ButtonGroup>
        <Button onClick={openen} data-testid="knop-open-uitvoermap">
          Open uitvoermap
        </Button>
      </ButtonGroup>

      <BestandenTabel inzendingen={view.inzendingen} />
    </section>
  );
}

function BestandenTabel({ inzendingen }: { inzendingen: BundledFileView[] }) {
  const [filter, setFilter] = useState<Status | "">("");
  const [zichtbaar, setZichtbaar] = useState(PER_KEER);
  const [open, setOpen] = useState<Set<number>>(() => new Set());

  const rijen = useMemo(
    () => inzendingen.map((b, index) => ({ b, index })).filter(({ b }) => filter === "" || b.status === filter),
    [inzendingen, filter],
  );
  const getoond = rijen.slice(0, zichtbaar);

  function wissel(index: number) {
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(index)) n.delete(index);
      else n.add(index);
      return n;
    });
  }

  return (
    <div className="rb-blok">
      <Heading3 id="kop-bundel-bestanden">Bestanden</Heading3>
      <FormField>
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor="bundel-filter">Toon</FormLabel>
        </div>
        <div className="utrecht-form-field__input">
          <Select
            id="bundel-filter"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value as Status | "");
              setZichtbaar(PER_KEER);
            }}
          >
            <option value="">Alle bestanden ({aantalTekst(inzendingen.length)})</option>
            {statussen.map((s) => (
              <option key={s.status} value={s.status}>
                Alleen {s.meervoud} ({aantalTekst(inzendingen.filter((b) => b.status === s.status).length)})
              </option>
            ))}
          </Select>
        </div>
      </FormField>
      <TableContainer>
        <Table className="rb-tabel--bundel" data-testid="tabel-bundel-bestanden">
          <TableCaption>
            {rijen.length === inzendingen.length
              ? `Alle ${meervoud(inzendingen.length, "bestand", "bestanden")}`
              : `${meervoud(rijen.length, "bestand", "bestanden")} van ${aantalTekst(inzendingen.length)}`}
            {getoond.length < rijen.length ? `; de eerste ${aantalTekst(getoond.length)} staan hieronder` : ""}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Bestand</TableHeaderCell>
              <TableHeaderCell>Organisatie</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell numeric>Fouten</TableHeaderCell>
              <TableHeaderCell numeric>Waarschuwingen</TableHeaderCell>
              <TableHeaderCell numeric>Signalen</TableHeaderCell>
              <TableHeaderCell>Opmerking</TableHeaderCell>
              <TableHeaderCell>Meldingen</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {getoond.map(({ b, index }) => {
              const isOpen = open.has(index);
              const meldingenId = `bundel-meldingen-${index}`;
              return (
                <Fragment key={index}>
                  <TableRow data-testid={`bestand-${index}`} data-bestand={b.bestand} data-status={b.status}>
                    <TableHeaderCell scope="row" className="rb-pad rb-tabel__bestand">
                      {b.bestand}
                    </TableHeaderCell>
                    <TableCell>{b.organisatie ?? "onbekend"}</TableCell>
                    <TableCell>
                      <StatusLabel status={b.status} />
                    </TableCell>
                    <TableCell numeric data-testid="fouten">
                      {b.fouten}
                    </TableCell>
                    <TableCell numeric data-testid="waarschuwingen">
                      {b.waarschuwingen}
                    </TableCell>
                    <TableCell numeric data-testid="signalen">
                      {b.signalen}
                    </TableCell>
                    <TableCell data-testid="opmerking">{b.opmerking}</TableCell>
                    <TableCell>
                      {b.meldingen.length > 0 ? (
                        <Button
                          appearance="subtle-button"
                          aria-expanded={isOpen}
                          aria-controls={isOpen ? meldingenId : undefined}
                          onClick={() => wissel(index)}
                          data-testid={`knop-meldingen-${index}`}
                        >
                          {isOpen ? "Verberg" : "Toon"} {b.meldingen.length}
                          <span className="rb-visually-hidden"> meldingen over {b.bestand}</span>
                        </Button>
                      ) : (
                        "geen"
                      )}
                    </TableCell>
                  </TableRow>
                  {isOpen && (
                    <TableRow className="rb-rij--meldingen">
                      <TableCell colSpan={8} id={meldingenId} data-testid={`meldingen-${index}`}>
                        <ul className="rb-meldingen">
                          {b.meldingen.map((m, i) => {
                            const plaats = plaatsTekst(m);
                            return (
                              <li key={`${m.code}-${i}`} data-regel={m.regel ?? undefined} data-kolom={m.kolom ?? undefined}>
                                {plaats && <span className="rb-bundel-plaats">{plaats}: </span>}
                                <Melding melding={m} />
                              </li>
                            );
                          })}
                        </ul>
                      </TableCell>
                    </TableRow>
                  )}
                </Fragment>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {getoond.length < rijen.length && (
        <Button onClick={() => setZichtbaar((z) => z + PER_KEER)} data-testid="knop-meer-bestanden">
          Toon {aantalTekst(Math.min(PER_KEER, rijen.length - getoond.length))} bestanden meer
        </Button>
      )}
    </div>
  );
}
