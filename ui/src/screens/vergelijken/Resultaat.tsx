// The result of a comparison: title, position, the charts, statistics, the table and exports.

import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from "react";

import type { ComparisonView } from "../../bindings/ComparisonView";
import type { OrganisationView } from "../../bindings/OrganisationView";
import { aantalTekst } from "../../components/aantal";
import { metEenheid, trendSvg, verdelingSvg } from "../../components/grafiek";
import { Alert, Checkbox, FormField, FormLabel, Heading2, Heading3, Paragraph } from "../../components/utrecht";
import { Exports } from "./Exports";
import { VergelijkTabel } from "./VergelijkTabel";

export function Resultaat({ view, org, bezig }: { view: ComparisonView; org: OrganisationView; bezig: boolean }) {
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
      <Paragraph lead className="rb-positie" data-testid="positie">
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
      </Paragraph>
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
        <FormField type="checkbox">
          <Checkbox
            id="toon-referenties"
           
            checked={toonReferenties}
            onChange={(e) => setToonReferenties(e.target.checked)}
          />
          <FormLabel type="checkbox" htmlFor="toon-referenties">
            Referentielijnen tonen ({view.referenties.map((r) => r.label).join("; ")})
          </FormLabel>
        </FormField>
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
/** Draws `maak()` into `vak`, again whenever `maak` changes (callers memoise it). */
function useSvg(vak: RefObject<HTMLDivElement | null>, maak: () => SVGSVGElement) {
  useLayoutEffect(() => {
    const el = vak.current;
    if (!el) return;
    const svg = maak();
    el.replaceChildren(svg);
    return () => {
      svg.remove();
    };
  }, [vak, maak]);
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
  useSvg(
    vak,
    useCallback(() => verdelingSvg(view, toonReferenties), [view, toonReferenties]),
  );
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
  useSvg(
    vak,
    useCallback(() => trendSvg(view), [view]),
  );
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
