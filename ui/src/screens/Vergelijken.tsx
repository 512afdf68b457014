// Vergelijken: the own organisation against peers from loaded benchmark bundels. Everything
// shown (values, statistics, rank, quarter, titles, texts) comes from the views; the UI only
// chooses, draws (Observable Plot) and sorts.

import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";

import { api, dialogen, toErrorView } from "../api";
import type { SourceView } from "../bindings/SourceView";
import type { ErrorView } from "../bindings/ErrorView";
import type { OrganisationView } from "../bindings/OrganisationView";
import type { PeerListView } from "../bindings/PeerListView";
import type { ComparisonView } from "../bindings/ComparisonView";
import type { CompareOptions } from "../bindings/CompareOptions";
import type { CompareRequest } from "../bindings/CompareRequest";
import type { CompareRowView } from "../bindings/CompareRowView";
import type { FaseCode } from "../bindings/FaseCode";
import type { GroupCode } from "../bindings/GroupCode";
import type { IndicatorCode } from "../bindings/IndicatorCode";
import { aantalTekst } from "../components/aantal";
import { FoutMelding, Laden, PadVeld, StatusRegel } from "../components/common";
import { metEenheid, svgNaarPng, svgTekst, trendSvg, verdelingSvg } from "../components/grafiek";
import { useNieuwste } from "../components/nieuwste";
import { useScherm } from "../components/scherm";
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  Select,
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

/** The user's choices; `jaar` is `"2026-begroting"` (the value of `#vergelijk-jaar`). */
export interface Keuze {
  categorie: string;
  indicator: IndicatorCode;
  jaar: number;
  fase: FaseCode;
  /** `null` when no group can be chosen. */
  groep: GroupCode | null;
  lijst: string[];
}

const jaarSleutel = (jaar: number, fase: FaseCode) => `${jaar}-${fase}`;

/**
 * Keeps what still fits the options and fills in the defaults: the first category,
 * `per_inwoner`, the newest (jaar, fase), the first available group. Null without data.
 */
export function geldigeKeuze(o: CompareOptions, k: Keuze | null): Keuze | null {
  if (o.jaren.length === 0 || o.categorieen.length === 0 || o.indicatoren.length === 0) return null;
  const categorie = o.categorieen.some((c) => c.code === k?.categorie) ? k!.categorie : o.categorieen[0].code;
  const indicator = o.indicatoren.some((c) => c.code === k?.indicator)
    ? k!.indicator
    : (o.indicatoren.find((c) => c.code === "per_inwoner") ?? o.indicatoren[0]).code;
  const blok = o.jaren.find((j) => j.jaar === k?.jaar && j.fase === k?.fase) ?? o.jaren[0];
  const beschikbaar = o.groepen.filter((g) => g.beschikbaar);
  const groep = beschikbaar.some((g) => g.code === k?.groep) ? k!.groep : (beschikbaar[0]?.code ?? null);
  return { categorie, indicator, jaar: blok.jaar, fase: blok.fase, groep, lijst: k?.lijst ?? [] };
}

/** The request for a choice (a hand-picked list only with group `lijst`, sorted). */
export function verzoekVan(organisatie: string, k: Keuze, groep: GroupCode): CompareRequest {
  return {
    organisatie,
    categorie: k.categorie,
    indicator: k.indicator,
    jaar: k.jaar,
    fase: k.fase,
    groep,
    lijst: groep === "lijst" ? [...k.lijst].sort() : [],
  };
}

function standaardNaam(org: string, v: CompareRequest, ext: string): string {
  return `vergelijking-${org}-${v.categorie}-${v.indicator}-${v.jaar}-${v.fase}.${ext}`;
}

/** A labelled select of the Keuzes. */
/** A select over typed choices: what the element gives back is looked up, never cast. */
function KeuzeVeld<T extends string>(props: {
  id: string;
  label: string;
  waarde: T;
  opties: Array<{ waarde: T; label: string }>;
  wijzig: (waarde: T) => void;
}) {
  return (
    <FormField>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={props.id}>{props.label}</FormLabel>
      </div>
      <div className="utrecht-form-field__input">
        <Select id={props.id} value={props.waarde} onChange={(e) => {
            const gekozen = props.opties.find((o) => o.waarde === e.target.value);
            if (gekozen) props.wijzig(gekozen.waarde);
          }}
        >
          {props.opties.map((o) => (
            <option key={o.waarde} value={o.waarde}>
              {o.label}
            </option>
          ))}
        </Select>
      </div>
    </FormField>
  );
}

export function VergelijkenScherm({ org, naarFactsheet }: { org: OrganisationView; naarFactsheet?: () => void }) {
  const kop = useScherm("Vergelijken");
  const [opties, setOpties] = useState<CompareOptions | null>(null);
  const [laden, setLaden] = useState(true);
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [keuze, setKeuze] = useState<Keuze | null>(null);
  const [view, setView] = useState<ComparisonView | null>(null);
  const [rekent, setRekent] = useState(false);
  const nieuwste = useNieuwste();

  async function optiesLaden() {
    try {
      const o = await api.vergelijkOpties(org.code);
      setOpties(o);
      setKeuze((k) => geldigeKeuze(o, k));
    } catch (e) {
      setFout(e as ErrorView);
    } finally {
      setLaden(false);
    }
  }

  useEffect(() => {
    void optiesLaden();
    // Only when the organisation changes (the screen is keyed by it anyway).
  }, [org.code]);

  // Every change of the choice asks again; an answer to an older request is ignored.
  useEffect(() => {
    if (!keuze || keuze.groep === null || (keuze.groep === "lijst" && keuze.lijst.length === 0)) {
      nieuwste(null);
      setView(null);
      setRekent(false);
      return;
    }
    setRekent(true);
    nieuwste(api.vergelijken(verzoekVan(org.code, keuze, keuze.groep)), {
      ok: (v) => {
        setView(v);
        setFout(null);
      },
      fout: (e) => {
        setView(null);
        setFout(e);
      },
      klaar: () => setRekent(false),
    });
  }, [keuze, org.code]);

  const wijzig = (deel: Partial<Keuze>) => setKeuze((k) => (k ? { ...k, ...deel } : k));

  const heeftData = opties !== null && opties.bronnen.length > 0 && keuze !== null;

  return (
    <div className="rb-scherm">
      <div className="rb-invoer__kop">
        <Heading1 ref={kop} tabIndex={-1}>
          Vergelijken
        </Heading1>
        {naarFactsheet && (
          <Button onClick={naarFactsheet} data-testid="knop-naar-factsheet">
            Factsheet maken
          </Button>
        )}
      </div>
      <Paragraph lead>
        Vergelijk de kosten van de raadsondersteuning van {org.naam} met die van andere organisaties,
        op basis van een geladen benchmarkbundel.
      </Paragraph>
      <Laden bezig={laden} />
      <FoutMelding fout={fout} />

      {opties && (
        <Bronnen
          bronnen={opties.bronnen}
          gewijzigd={async () => {
            await optiesLaden();
          }}
        />
      )}

      {opties && !heeftData && (
        <section aria-labelledby="kop-vergelijking" className="rb-blok">
          <Heading2 id="kop-vergelijking">Vergelijking</Heading2>
          <Alert type="info" heading="Nog geen vergelijking mogelijk" data-testid="vergelijk-leeg">
            <p className="utrecht-paragraph">
              {opties.bronnen.length === 0
                ? "Laad eerst een benchmarkbundel: de uitvoermap van Bundelen of raadsbudget bundel."
                : "De geladen benchmarkgegevens bevatten geen jaren om te vergelijken. Laad een andere benchmarkbundel: de uitvoermap van Bundelen of raadsbudget bundel."}
            </p>
          </Alert>
        </section>
      )}

      {opties && heeftData && keuze && (
        <Keuzes
          opties={opties}
          org={org}
          keuze={keuze}
          wijzig={wijzig}
          lijstenGewijzigd={(lijsten) => setOpties((o) => (o ? { ...o, lijsten } : o))}
        />
      )}

      {heeftData && keuze?.groep === "lijst" && keuze.lijst.length === 0 && (
        <Paragraph data-testid="lijst-leeg">
          Kies hieronder bij &lsquo;Eigen lijst&rsquo; de organisaties om mee te vergelijken, of kies een
          opgeslagen lijst.
        </Paragraph>
      )}

      {heeftData && view && <Resultaat view={view} org={org} bezig={rekent} />}
    </div>
  );
}

// --- Benchmarkgegevens: loaded sources, load and remove ----------------------------------------

function Bronnen({ bronnen, gewijzigd }: { bronnen: SourceView[]; gewijzigd: () => Promise<void> }) {
  const [pad, setPad] = useState("");
  const [register, setRegister] = useState("");
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [bezig, setBezig] = useState<"laden" | "verwijderen" | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [teVerwijderen, setTeVerwijderen] = useState<SourceView | null>(null);
  const knoppen = useRef(new Map<string, HTMLButtonElement>());
  const kop = useRef<HTMLHeadingElement>(null);

  /** Closes the confirmation and puts focus back on the button that opened it. */
  function annuleren() {
    const id = teVerwijderen ? String(teVerwijderen.id) : null;
    setTeVerwijderen(null);
    if (id) knoppen.current.get(id)?.focus();
  }

  async function kies(run: () => Promise<void>) {
    setFout(null);
    try {
      await run();
    } catch (e) {
      setFout(e as ErrorView);
    }
  }

  async function laden() {
    setFout(null);
    setStatus(null);
    setTeVerwijderen(null);
    setBezig("laden");
    try {
      const b = await api.bronLaden({ pad: pad.trim(), register: register.trim() === "" ? null : register.trim() });
      setPad("");
      setRegister("");
      setStatus(
        `Geladen: ${b.pad} (uitvraag ${b.uitvraagjaren.join(", ")}; ${aantalTekst(b.organisaties)} organisaties).`,
      );
      await gewijzigd();
    } catch (e) {
      setFout(e as ErrorView);
    } finally {
      setBezig(null);
    }
  }

  async function verwijderen(b: SourceView) {
    setFout(null);
    setStatus(null);
    setBezig("verwijderen");
    try {
      await api.bronVerwijderen(b.id);
      setTeVerwijderen(null);
      setStatus(`Verwijderd: ${b.pad}.`);
      // Its row and button are gone: continue at the section's heading.
      kop.current?.focus();
      await gewijzigd();
    } catch (e) {
      setTeVerwijderen(null);
      setFout(e as ErrorView);
    } finally {
      setBezig(null);
    }
  }

  return (
    <section aria-labelledby="kop-bronnen" className="rb-blok">
      <h2 className="utrecht-heading-2" id="kop-bronnen" ref={kop} tabIndex={-1}>
        Benchmarkgegevens
      </h2>
      <Paragraph>
        Een benchmarkbundel is de uitvoermap van Bundelen of van <code>raadsbudget bundel</code>. Raadsbudget
        leest de waarden in en bewaart ze apart van uw eigen gegevens; de bundel zelf wordt niet gewijzigd.
      </Paragraph>
      {bronnen.length === 0 ? (
        <Paragraph data-testid="bronnen-leeg">Er zijn nog geen benchmarkgegevens geladen.</Paragraph>
      ) : (
        <TableContainer>
          <Table data-testid="bronnen-tabel">
            <TableCaption>Geladen benchmarkbundels</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Bundel</TableHeaderCell>
                <TableHeaderCell>Geladen op</TableHeaderCell>
                <TableHeaderCell>Door</TableHeaderCell>
                <TableHeaderCell>Uitvraag</TableHeaderCell>
                <TableHeaderCell numeric>Organisaties</TableHeaderCell>
                <TableHeaderCell numeric>Waarden</TableHeaderCell>
                <TableHeaderCell>Register</TableHeaderCell>
                <TableHeaderCell>
                  <span className="rb-visually-hidden">Actie</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {bronnen.map((b) => {
                const id = String(b.id);
                return (
                  <TableRow key={id} data-testid={`bron-${id}`} data-bron-id={id}>
                    <TableHeaderCell scope="row" className="rb-pad rb-tabel__bestand" data-kolom="pad">
                      {b.pad}
                    </TableHeaderCell>
                    <TableCell data-kolom="geladen_op">{b.geladen_op}</TableCell>
                    <TableCell data-kolom="geladen_door">{b.geladen_door}</TableCell>
                    <TableCell data-kolom="uitvraagjaren">{b.uitvraagjaren.join(", ")}</TableCell>
                    <TableCell numeric data-kolom="organisaties">
                      {aantalTekst(b.organisaties)}
                    </TableCell>
                    <TableCell numeric data-kolom="waarden">
                      {aantalTekst(b.waarden)}
                    </TableCell>
                    <TableCell data-kolom="register">
                      {b.register ? (
                        <>
                          <span className="rb-pad">{b.register}</span> (provincie bekend van{" "}
                          {aantalTekst(b.met_provincie)} organisaties)
                        </>
                      ) : (
                        "geen register"
                      )}
                    </TableCell>
                    <TableCell>
                      <Button
                        appearance="subtle-button"
                        onClick={() => {
                          setStatus(null);
                          setTeVerwijderen(b);
                        }}
                        disabled={bezig !== null}
                        aria-expanded={teVerwijderen?.id === b.id}
                        ref={(el) => {
                          if (el) knoppen.current.set(id, el);
                          else knoppen.current.delete(id);
                        }}
                        data-testid={`knop-bron-verwijderen-${id}`}
                      >
                        Verwijderen<span className="rb-visually-hidden"> {b.pad}</span>
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {teVerwijderen && (
        <Alert type="warning" heading="Weet u het zeker?" data-testid="bron-verwijderen-bevestiging">
          <p className="utrecht-paragraph">
            De benchmarkgegevens uit <span className="rb-pad">{teVerwijderen.pad}</span> (uitvraag{" "}
            {teVerwijderen.uitvraagjaren.join(", ")}) worden uit Raadsbudget verwijderd. De bundel zelf blijft
            staan; u kunt hem later opnieuw laden.
          </p>
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              onClick={() => verwijderen(teVerwijderen)}
              busy={bezig === "verwijderen"}
              disabled={bezig !== null}
              data-testid="knop-bron-verwijderen-bevestigen"
              autoFocus
            >
              Ja, verwijderen
            </Button>
            <Button
              onClick={annuleren}
              disabled={bezig !== null}
              data-testid="knop-bron-verwijderen-annuleren"
            >
              Annuleren
            </Button>
          </ButtonGroup>
        </Alert>
      )}

      <Heading3 id="kop-bron-laden">Bundel laden</Heading3>
      <FoutMelding fout={fout} testId="fout-bron" />
      <PadVeld
        id="bron-pad"
        label="Bundelmap of waarden.csv"
        uitleg="De uitvoermap van Bundelen of raadsbudget bundel, of het bestand waarden.csv daarin."
        waarde={pad}
        onWijzig={setPad}
        onKies={() =>
          kies(async () => {
            const p = await dialogen.kiesMap(pad);
            if (p) setPad(p);
          })
        }
        onEnter={() => {
          if (pad.trim() !== "" && bezig === null) void laden();
        }}
        kiesTekst="Kies map…"
        kiesTestId="knop-kies-bron-map"
      >
        <Button
          onClick={() =>
            kies(async () => {
              const p = await dialogen.kiesBestand("waarden.csv", ["csv"], pad);
              if (p) setPad(p);
            })
          }
          data-testid="knop-kies-bron-bestand"
        >
          Kies bestand…
        </Button>
      </PadVeld>
      <PadVeld
        id="bron-register"
        label="Register met provincies (optioneel)"
        uitleg="Een CSV met code, naam en provincie (bijvoorbeeld de CBS-lijst van gemeenten). Nodig om te vergelijken met de eigen provincie."
        waarde={register}
        onWijzig={setRegister}
        onKies={() =>
          kies(async () => {
            const p = await dialogen.kiesBestand("Register (CSV)", ["csv"], register);
            if (p) setRegister(p);
          })
        }
        kiesTestId="knop-kies-bron-register"
      />
      <Button
        appearance="primary-action-button"
        onClick={laden}
        disabled={pad.trim() === "" || bezig !== null}
        busy={bezig === "laden"}
        data-testid="knop-bron-laden"
      >
        Bundel laden
      </Button>
      <StatusRegel testId="bron-status">{status && <Paragraph>{status}</Paragraph>}</StatusRegel>
    </section>
  );
}

// --- Keuzes ---------------------------------------------------------------------------------------

function Keuzes({
  opties,
  org,
  keuze,
  wijzig,
  lijstenGewijzigd,
}: {
  opties: CompareOptions;
  org: OrganisationView;
  keuze: Keuze;
  wijzig: (deel: Partial<Keuze>) => void;
  lijstenGewijzigd: (lijsten: PeerListView[]) => void;
}) {
  const onbeschikbaar = opties.groepen.filter((g) => !g.beschikbaar);
  return (
    <section aria-labelledby="kop-keuzes" className="rb-blok">
      <Heading2 id="kop-keuzes">Keuzes</Heading2>
      <div className="rb-keuzes">
        <KeuzeVeld
          id="vergelijk-categorie"
          label="Categorie"
          waarde={keuze.categorie}
          opties={opties.categorieen.map((c) => ({ waarde: c.code, label: c.label }))}
          wijzig={(categorie) => wijzig({ categorie })}
        />
        <KeuzeVeld
          id="vergelijk-indicator"
          label="Kengetal"
          waarde={keuze.indicator}
          opties={opties.indicatoren.map((c) => ({ waarde: c.code, label: c.label }))}
          wijzig={(indicator) => wijzig({ indicator })}
        />
        <KeuzeVeld
          id="vergelijk-jaar"
          label="Jaar"
          waarde={jaarSleutel(keuze.jaar, keuze.fase)}
          opties={opties.jaren.map((j) => ({ waarde: jaarSleutel(j.jaar, j.fase), label: j.titel }))}
          wijzig={(sleutel) => {
            const blok = opties.jaren.find((j) => jaarSleutel(j.jaar, j.fase) === sleutel);
            if (blok) wijzig({ jaar: blok.jaar, fase: blok.fase });
          }}
        />
        <FormField className="rb-keuzes__groep">
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor="vergelijk-groep">Vergelijken met</FormLabel>
          </div>
          <div className="utrecht-form-field__input">
            <Select
              id="vergelijk-groep"
              value={keuze.groep ?? ""}
              aria-describedby={onbeschikbaar.length > 0 ? "vergelijk-groep-uitleg" : undefined}
              onChange={(e) => {
                const gekozen = opties.groepen.find((g) => g.code === e.target.value);
                if (gekozen) wijzig({ groep: gekozen.code });
              }}
            >
              {keuze.groep === null && <option value="">Geen groep beschikbaar</option>}
              {opties.groepen.map((g) => (
                <option key={g.code} value={g.code} disabled={!g.beschikbaar}>
                  {g.beschikbaar ? g.label : `${g.label} (niet beschikbaar)`}
                </option>
              ))}
            </Select>
          </div>
          {onbeschikbaar.length > 0 && (
            <FormFieldDescription id="vergelijk-groep-uitleg">
              <ul className="rb-groep-redenen">
                {onbeschikbaar.map((g) => (
                  <li key={g.code} data-testid={`groep-reden-${g.code}`}>
                    {g.label}: niet beschikbaar. {g.reden ?? ""}
                  </li>
                ))}
              </ul>
            </FormFieldDescription>
          )}
        </FormField>
      </div>
      {keuze.groep === "lijst" && (
        <LijstKiezer
          organisaties={opties.organisaties}
          eigen={org.code}
          lijsten={opties.lijsten}
          gekozen={keuze.lijst}
          kies={(lijst) => wijzig({ lijst })}
          lijstenGewijzigd={lijstenGewijzigd}
        />
      )}
    </section>
  );
}

function LijstKiezer({
  organisaties,
  eigen,
  lijsten,
  gekozen,
  kies,
  lijstenGewijzigd,
}: {
  organisaties: OrganisationView[];
  eigen: string;
  lijsten: PeerListView[];
  gekozen: string[];
  kies: (codes: string[]) => void;
  lijstenGewijzigd: (lijsten: PeerListView[]) => void;
}) {
  const [zoek, setZoek] = useState("");
  const [naam, setNaam] = useState("");
  const [opgeslagen, setOpgeslagen] = useState("");
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const anderen = useMemo(() => organisaties.filter((o) => o.code !== eigen), [organisaties, eigen]);
  const zichtbaar = useMemo(() => {
    const z = zoek.trim().toLowerCase();
    return z === "" ? anderen : anderen.filter((o) => o.naam.toLowerCase().includes(z) || o.code.toLowerCase().includes(z));
  }, [anderen, zoek]);
  const aantal = gekozen.filter((c) => c !== eigen).length;
  const bestaand = lijsten.some((l) => l.naam === naam.trim());

  function wissel(code: string, aan: boolean) {
    kies(aan ? [...gekozen.filter((c) => c !== code), code] : gekozen.filter((c) => c !== code));
  }

  async function opslaan() {
    setFout(null);
    setStatus(null);
    const n = naam.trim();
    try {
      lijstenGewijzigd(await api.peerlijstOpslaan(n, [...gekozen].sort()));
      setOpgeslagen(n);
      setStatus(`Lijst ‘${n}’ opgeslagen.`);
    } catch (e) {
      setFout(e as ErrorView);
    }
  }

  async function verwijderen() {
    setFout(null);
    setStatus(null);
    const n = naam.trim();
    try {
      lijstenGewijzigd(await api.peerlijstVerwijderen(n));
      setOpgeslagen("");
      setStatus(`Lijst ‘${n}’ verwijderd.`);
    } catch (e) {
      setFout(e as ErrorView);
    }
  }

  return (
    <Fieldset legend="Eigen lijst" className="rb-lijst" data-testid="lijst-kiezer">
      <FormField>
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor="lijst-opgeslagen">Opgeslagen lijst</FormLabel>
        </div>
        <div className="utrecht-form-field__input">
          <Select
            id="lijst-opgeslagen"
            value={opgeslagen}
            onChange={(e) => {
              const l = lijsten.find((x) => x.naam === e.target.value);
              setOpgeslagen(e.target.value);
              setStatus(null);
              if (l) {
                setNaam(l.naam);
                kies([...l.codes]);
              }
            }}
          >
            <option value="">{lijsten.length === 0 ? "Nog geen opgeslagen lijsten" : "Kies een opgeslagen lijst…"}</option>
            {lijsten.map((l) => (
              <option key={l.naam} value={l.naam}>
                {l.naam} ({l.codes.length} organisaties)
              </option>
            ))}
          </Select>
        </div>
      </FormField>
      <FormField>
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor="lijst-zoeken">Zoek een organisatie</FormLabel>
        </div>
        <FormFieldDescription id="lijst-zoeken-uitleg">
          Op naam of code. Vink de organisaties aan om mee te vergelijken; uw eigen organisatie telt altijd mee.
        </FormFieldDescription>
        <div className="utrecht-form-field__input">
          <Textbox
            id="lijst-zoeken"
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={zoek}
            aria-describedby="lijst-zoeken-uitleg"
            aria-controls="lijst-organisaties"
            onChange={(e) => setZoek(e.target.value)}
          />
        </div>
      </FormField>
      <p className="utrecht-paragraph" role="status" aria-live="polite" data-testid="lijst-aantal">
        {aantal === 1 ? "1 organisatie gekozen" : `${aantalTekst(aantal)} organisaties gekozen`}
        {zoek.trim() !== "" && `; ${aantalTekst(zichtbaar.length)} van ${aantalTekst(anderen.length)} getoond`}
      </p>
      <ul className="rb-lijst__opties" id="lijst-organisaties" data-testid="lijst-organisaties" aria-label="Organisaties">
        {zichtbaar.map((o) => {
          const id = `lijst-org-${o.code}`;
          return (
            <li key={o.code} className="rb-lijst__optie">
              <input
                type="checkbox"
                id={id}
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={gekozen.includes(o.code)}
                onChange={(e) => wissel(o.code, e.target.checked)}
              />
              <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
                {o.naam} <span className="rb-register__code">({o.code})</span>
              </label>
            </li>
          );
        })}
      </ul>
      {aantal > 0 && (
        <Button appearance="subtle-button" onClick={() => kies([])} data-testid="knop-lijst-leegmaken">
          Alles uitvinken
        </Button>
      )}
      <FoutMelding fout={fout} testId="fout-lijst" />
      <FormField>
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor="lijst-naam">Naam van de lijst</FormLabel>
        </div>
        <div className="utrecht-form-field__input rb-pad-rij">
          <Textbox id="lijst-naam" autoComplete="off" value={naam} onChange={(e) => setNaam(e.target.value)} />
          <Button onClick={opslaan} disabled={naam.trim() === "" || gekozen.length === 0} data-testid="knop-lijst-opslaan">
            Lijst opslaan
          </Button>
          <Button onClick={verwijderen} disabled={!bestaand} data-testid="knop-lijst-verwijderen">
            Lijst verwijderen
          </Button>
        </div>
      </FormField>
      <StatusRegel testId="lijst-status">{status}</StatusRegel>
    </Fieldset>
  );
}

// --- Result -----------------------------------------------------------------------------------------

function Resultaat({ view, org, bezig }: { view: ComparisonView; org: OrganisationView; bezig: boolean }) {
  const [toonReferenties, setToonReferenties] = useState(true);
  const verdeling = useRef<HTMLDivElement>(null);
  const positie = view.positie;
  return (
    <section aria-labelledby="kop-resultaat" className="rb-blok" data-testid="vergelijk-resultaat" aria-busy={bezig}>
      <Heading2 id="kop-resultaat" data-testid="vergelijk-titel">
        {view.titel}
      </Heading2>
      <Paragraph>
        Vergeleken met: <strong data-testid="vergelijk-groep-naam">{view.groep_naam}</strong>
      </Paragraph>
      <p className="utrecht-paragraph utrecht-paragraph--lead rb-positie" data-testid="positie">
        {positie ? (
          <>
            {view.eigen.naam}: <strong data-testid="positie-plaats">{positie.plaats_tekst}</strong>
            {" — "}
            <span data-testid="positie-kwartiel">{positie.kwartiel_tekst}</span>
          </>
        ) : (
          <>
            Voor {view.eigen.naam} is geen waarde te berekenen voor dit kengetal, dus ook geen plaats in de groep.
          </>
        )}
      </p>
      {view.opmerkingen.length > 0 && (
        <Alert type="info" heading="Opmerkingen" data-testid="opmerkingen">
          <ul className="rb-opmerkingen">
            {view.opmerkingen.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </Alert>
      )}

      {view.referenties.length > 0 && (
        <div className="utrecht-form-field utrecht-form-field--checkbox">
          <input
            type="checkbox"
            id="toon-referenties"
            className="utrecht-checkbox utrecht-checkbox--html-input"
            checked={toonReferenties}
            onChange={(e) => setToonReferenties(e.target.checked)}
          />
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="toon-referenties">
            Referentielijnen tonen ({view.referenties.map((r) => r.label).join("; ")})
          </label>
        </div>
      )}
      <Verdeling view={view} toonReferenties={toonReferenties} vak={verdeling} />
      {view.trend.length > 0 && <Trend view={view} org={org} />}
      <StatistiekLijst view={view} />
      <VergelijkTabel view={view} />
      <Exports view={view} org={org} verdeling={verdeling} />
    </section>
  );
}

/** Puts a freshly drawn SVG into a container (before paint) and removes it again. */
function useSvg(vak: RefObject<HTMLDivElement | null>, maak: () => SVGSVGElement, deps: unknown[]) {
  useLayoutEffect(() => {
    const el = vak.current;
    if (!el) return;
    const svg = maak();
    el.replaceChildren(svg);
    return () => {
      svg.remove();
    };
    // `maak` is a new closure every render; `deps` say when to draw again.
  }, deps);
}

function Verdeling({
  view,
  toonReferenties,
  vak,
}: {
  view: ComparisonView;
  toonReferenties: boolean;
  vak: RefObject<HTMLDivElement | null>;
}) {
  useSvg(vak, () => verdelingSvg(view, toonReferenties), [view, toonReferenties]);
  const lijnen = ["doorgetrokken lijn: mediaan", "stippellijnen: 25e en 75e percentiel"];
  if (toonReferenties && view.referenties.length > 0) lijnen.push("streepjeslijnen: referentielijnen");
  return (
    <figure className="rb-figuur" data-testid="grafiek-verdeling" data-referenties={toonReferenties && view.referenties.length > 0 ? "ja" : "nee"}>
      <figcaption className="rb-figuur__onderschrift">
        <strong>Verdeling:</strong> {view.titel}, {view.groep_naam}. Eén staaf per organisatie met een waarde,
        van hoog naar laag. Zwarte staaf met driehoek: {view.eigen.naam}
        {view.eigen.waarde ? ` (${metEenheid(view.eigen.waarde.tekst, view.eenheid)})` : " (geen waarde)"}; {lijnen.join("; ")}.
        Alle waarden staan in de tabel hieronder.
      </figcaption>
      <div className="rb-figuur__grafiek" ref={vak} />
    </figure>
  );
}

function Trend({ view, org }: { view: ComparisonView; org: OrganisationView }) {
  const vak = useRef<HTMLDivElement>(null);
  useSvg(vak, () => trendSvg(view), [view]);
  return (
    <figure className="rb-figuur" data-testid="grafiek-trend">
      <figcaption className="rb-figuur__onderschrift">
        <strong>Trend:</strong> {view.indicator_label} van {org.naam} per jaar tegenover de groep. Zwarte doorgetrokken
        lijn met bolletjes: {view.eigen.naam}; grijze streepjeslijn: mediaan van de groep; grijs vlak: van het 25e tot
        het 75e percentiel.
      </figcaption>
      <div className="rb-figuur__grafiek" ref={vak} />
      <Paragraph data-testid="trend-tekst">{view.trend_tekst}</Paragraph>
    </figure>
  );
}

function StatistiekLijst({ view }: { view: ComparisonView }) {
  const s = view.statistiek;
  if (!s) {
    return (
      <Paragraph data-testid="statistiek">Geen enkele organisatie in deze groep heeft een waarde voor dit kengetal.</Paragraph>
    );
  }
  const e = view.eenheid ? ` (${view.eenheid})` : "";
  const regels: Array<{ stat: string; label: string; tekst: string; testId?: string }> = [
    { stat: "n", label: "Aantal met een waarde", tekst: aantalTekst(s.n) },
    { stat: "min", label: `Laagste${e}`, tekst: s.min.tekst },
    { stat: "p25", label: `25e percentiel${e}`, tekst: s.p25.tekst },
    { stat: "mediaan", label: `Mediaan${e}`, tekst: s.mediaan.tekst, testId: "mediaan" },
    { stat: "p75", label: `75e percentiel${e}`, tekst: s.p75.tekst },
    { stat: "max", label: `Hoogste${e}`, tekst: s.max.tekst },
    { stat: "gemiddelde", label: `Gemiddelde${e}`, tekst: s.gemiddelde.tekst },
  ];
  return (
    <div>
      <Heading3 id="kop-statistiek">Statistiek van de groep</Heading3>
      <dl className="rb-gegevens rb-statistiek" data-testid="statistiek" aria-labelledby="kop-statistiek">
        {regels.map((r) => (
          <div key={r.stat}>
            <dt>{r.label}</dt>
            <dd data-stat={r.stat} data-testid={r.testId}>
              {r.tekst}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

// --- Table --------------------------------------------------------------------------------------------

type Kolom = "plaats" | "naam" | "code" | "grootteklasse" | "provincie" | "inwoners" | "waarde";
type Richting = "oplopend" | "aflopend";

const kolommen: Array<{ kolom: Kolom; label: string; numeric?: boolean }> = [
  { kolom: "plaats", label: "Plaats", numeric: true },
  { kolom: "naam", label: "Organisatie" },
  { kolom: "code", label: "Code" },
  { kolom: "grootteklasse", label: "Grootteklasse", numeric: true },
  { kolom: "provincie", label: "Provincie" },
  { kolom: "inwoners", label: "Inwoners", numeric: true },
  { kolom: "waarde", label: "Waarde", numeric: true },
];

const tekstVolgorde = new Intl.Collator("nl", { sensitivity: "base", ignorePunctuation: true, numeric: true });

/**
 * Sorts the rows for the table. `rijen` come highest value first (rank order), rows without a
 * value last: sorting by value or rank keeps or reverses that order, so no number is parsed.
 * Empty cells always go last; ties keep the order of `rijen`.
 */
export function sorteerRijen(rijen: CompareRowView[], kolom: Kolom, richting: Richting): CompareRowView[] {
  const index = new Map(rijen.map((r, i) => [r.code, i]));
  const sleutel = (r: CompareRowView): string | number | null => {
    switch (kolom) {
      case "plaats":
      case "waarde":
        // rank order = value order, highest first
        return r.waarde === null ? null : index.get(r.code)!;
      case "naam":
        return r.naam;
      case "code":
        return r.code;
      case "grootteklasse":
        return r.grootteklasse;
      case "provincie":
        return r.provincie;
      case "inwoners":
        return r.inwoners === null ? null : Number(r.inwoners.getal);
    }
  };
  // For value and rank, "descending value" is the order of `rijen` (ascending index).
  const omgekeerd = kolom === "waarde" ? richting === "oplopend" : richting === "aflopend";
  return [...rijen].sort((a, b) => {
    const ka = sleutel(a);
    const kb = sleutel(b);
    if (ka === null || kb === null) {
      if (ka === kb) return index.get(a.code)! - index.get(b.code)!;
      return ka === null ? 1 : -1;
    }
    let c = typeof ka === "number" && typeof kb === "number" ? ka - kb : tekstVolgorde.compare(String(ka), String(kb));
    if (omgekeerd) c = -c;
    return c !== 0 ? c : index.get(a.code)! - index.get(b.code)!;
  });
}

function VergelijkTabel({ view }: { view: ComparisonView }) {
  const [sortering, setSortering] = useState<{ kolom: Kolom; richting: Richting }>({ kolom: "waarde", richting: "aflopend" });
  const rijen = useMemo(() => sorteerRijen(view.rijen, sortering.kolom, sortering.richting), [view.rijen, sortering]);

  function sorteer(kolom: Kolom) {
    setSortering((s) =>
      s.kolom === kolom
        ? { kolom, richting: s.richting === "oplopend" ? "aflopend" : "oplopend" }
        : { kolom, richting: "oplopend" },
    );
  }

  const richtingTekst = sortering.richting === "oplopend" ? "oplopend" : "aflopend";
  const kolomLabel = kolommen.find((k) => k.kolom === sortering.kolom)?.label ?? "";

  return (
    <div>
      <Heading3>Alle organisaties in de groep</Heading3>
      <TableContainer>
        <Table className="rb-tabel--vergelijk" data-testid="vergelijk-tabel">
          <TableCaption>
            {view.titel}; {view.groep_naam}. Waarde in {view.eenheid}. Gesorteerd op {kolomLabel.toLowerCase()}, {richtingTekst}.
            Kies een kolomkop om anders te sorteren.
          </TableCaption>
          <TableHeader>
            <TableRow>
              {kolommen.map((k) => {
                const actief = sortering.kolom === k.kolom;
                return (
                  <TableHeaderCell
                    key={k.kolom}
                    numeric={k.numeric}
                    aria-sort={actief ? (sortering.richting === "oplopend" ? "ascending" : "descending") : undefined}
                  >
                    <button
                      type="button"
                      className="rb-sorteerknop"
                      onClick={() => sorteer(k.kolom)}
                      data-testid={`sorteer-${k.kolom}`}
                    >
                      {k.label}
                      <span aria-hidden="true" className="rb-sorteerknop__pijl">
                        {actief ? (sortering.richting === "oplopend" ? " ▲" : " ▼") : " ↕"}
                      </span>
                    </button>
                  </TableHeaderCell>
                );
              })}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rijen.map((r) => (
              <TableRow
                key={r.code}
                className={r.eigen ? "rb-rij--eigen" : undefined}
                data-testid={`vergelijk-rij-${r.code}`}
                data-code={r.code}
                data-eigen={r.eigen ? "true" : undefined}
              >
                <TableCell numeric data-kolom="plaats">
                  {r.plaats ?? "–"}
                </TableCell>
                <TableHeaderCell scope="row" data-kolom="naam" className="rb-tabel__naam">
                  {r.naam}
                  {r.eigen && <strong className="rb-eigen-merk"> (eigen)</strong>}
                </TableHeaderCell>
                <TableCell data-kolom="code">{r.code}</TableCell>
                <TableCell numeric data-kolom="grootteklasse">
                  {r.grootteklasse ?? "onbekend"}
                </TableCell>
                <TableCell data-kolom="provincie">{r.provincie ?? "onbekend"}</TableCell>
                <TableCell numeric data-kolom="inwoners">
                  {r.inwoners?.tekst ?? "onbekend"}
                </TableCell>
                <TableCell numeric data-kolom="waarde">
                  {r.waarde?.tekst ?? "geen waarde"}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </div>
  );
}

// --- Exports ------------------------------------------------------------------------------------------

type Soort = "svg" | "png" | "csv";

const exportFilter: Record<Soort, { naam: string; ext: string }> = {
  svg: { naam: "SVG-afbeelding", ext: "svg" },
  png: { naam: "PNG-afbeelding", ext: "png" },
  csv: { naam: "CSV-bestand", ext: "csv" },
};

function Exports({
  view,
  org,
  verdeling,
}: {
  view: ComparisonView;
  org: OrganisationView;
  verdeling: RefObject<HTMLDivElement | null>;
}) {
  const [pad, setPad] = useState("");
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [bezig, setBezig] = useState<Soort | null>(null);
  const [opgeslagen, setOpgeslagen] = useState<string | null>(null);

  async function opslaan(soort: Soort) {
    setFout(null);
    setOpgeslagen(null);
    try {
      let doel = pad.trim();
      if (doel === "") {
        const f = exportFilter[soort];
        doel = (await dialogen.kiesOpslaan(f.naam, [f.ext], standaardNaam(org.code, view.verzoek, f.ext))) ?? "";
        if (doel === "") return;
      }
      setBezig(soort);
      let geschreven: string;
      if (soort === "csv") {
        geschreven = await api.vergelijkingExporteren(view.verzoek, doel);
      } else {
        const svg = verdeling.current?.querySelector("svg");
        if (!svg) throw new Error("Er is geen grafiek om op te slaan.");
        geschreven =
          soort === "svg"
            ? await api.grafiekOpslaan(doel, svgTekst(svg), null)
            : await api.grafiekOpslaan(doel, null, await svgNaarPng(svg));
      }
      setOpgeslagen(geschreven);
    } catch (e) {
      setFout(toErrorView(e));
    } finally {
      setBezig(null);
    }
  }

  return (
    <div className="rb-blok">
      <Heading3 id="kop-vergelijk-opslaan">Opslaan</Heading3>
      <FormField>
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor="export-pad">Bestand (optioneel)</FormLabel>
        </div>
        <FormFieldDescription id="export-pad-uitleg">
          Typ het volledige pad van het nieuwe bestand, of laat dit leeg: dan vraagt Raadsbudget bij elke knop waar
          het bestand moet komen.
        </FormFieldDescription>
        <div className="utrecht-form-field__input rb-pad-rij">
          <Textbox
            id="export-pad"
            value={pad}
            spellCheck={false}
            aria-describedby="export-pad-uitleg"
            onChange={(e) => setPad(e.target.value)}
          />
        </div>
      </FormField>
      <ButtonGroup>
        <Button onClick={() => opslaan("svg")} disabled={bezig !== null} busy={bezig === "svg"} data-testid="knop-svg">
          Grafiek als SVG
        </Button>
        <Button onClick={() => opslaan("png")} disabled={bezig !== null} busy={bezig === "png"} data-testid="knop-png">
          Grafiek als PNG
        </Button>
        <Button onClick={() => opslaan("csv")} disabled={bezig !== null} busy={bezig === "csv"} data-testid="knop-csv">
          Tabel als CSV
        </Button>
      </ButtonGroup>
      <FoutMelding fout={fout} testId="fout-export" />
      <StatusRegel testId="export-status">
        {opgeslagen && (
          <Paragraph>
            Opgeslagen: <span className="rb-pad" data-testid="export-opgeslagen-pad">{opgeslagen}</span>
          </Paragraph>
        )}
      </StatusRegel>
    </div>
  );
}
