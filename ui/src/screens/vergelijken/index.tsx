// Vergelijken: the own organisation against peers from loaded benchmark bundels. Everything
// shown (values, statistics, rank, quarter, titles, texts) comes from the views; the UI only
// chooses, draws (Observable Plot) and sorts. The parts live next to this file.

import { useCallback, useEffect, useState } from "react";

import { api } from "../../api";
import type { CompareOptions } from "../../bindings/CompareOptions";
import type { ComparisonView } from "../../bindings/ComparisonView";
import type { ErrorView } from "../../bindings/ErrorView";
import type { OrganisationView } from "../../bindings/OrganisationView";
import { FoutMelding, Laden } from "../../components/common";
import { useNieuwste } from "../../components/nieuwste";
import { useScherm } from "../../components/scherm";
import { Alert, Button, Heading1, Heading2, Paragraph } from "../../components/utrecht";
import { Bronnen } from "./Bronnen";
import { geldigeKeuze, type Keuze, vraagbaar, verzoekVan } from "./keuze";
import { Keuzes } from "./Keuzes";
import { Resultaat } from "./Resultaat";

export function VergelijkenScherm({ org, naarFactsheet }: { org: OrganisationView; naarFactsheet?: () => void }) {
  const kop = useScherm("Vergelijken");
  const [opties, setOpties] = useState<CompareOptions | null>(null);
  const [laden, setLaden] = useState(true);
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [keuze, setKeuze] = useState<Keuze | null>(null);
  const [view, setView] = useState<ComparisonView | null>(null);
  const [rekent, setRekent] = useState(false);
  const nieuwste = useNieuwste();

  // State is only set once the answer is in (the screen starts loading).
  const optiesLaden = useCallback(
    () =>
      api
        .vergelijkOpties(org.code)
        .then(
          (o) => {
            setOpties(o);
            setKeuze((k) => geldigeKeuze(o, k));
          },
          (e: ErrorView) => setFout(e),
        )
        .finally(() => setLaden(false)),
    [org.code],
  );

  useEffect(() => {
    void optiesLaden();
  }, [optiesLaden]);

  // A new choice: busy when it can be asked, else no result (adjusted while rendering, so the
  // effect below only talks to Rust).
  const [vorigeKeuze, setVorigeKeuze] = useState<Keuze | null>(null);
  if (keuze !== vorigeKeuze) {
    setVorigeKeuze(keuze);
    if (vraagbaar(keuze)) {
      setRekent(true);
    } else {
      setView(null);
      setRekent(false);
    }
  }

  // Every change of the choice asks again; an answer to an older request is ignored.
  useEffect(() => {
    if (!vraagbaar(keuze)) {
      nieuwste(null);
      return;
    }
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
  }, [keuze, org.code, nieuwste]);

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
            <Paragraph>
              {opties.bronnen.length === 0
                ? "Laad eerst een benchmarkbundel: de uitvoermap van Bundelen of raadsbudget bundel."
                : "De geladen benchmarkgegevens bevatten geen jaren om te vergelijken. Laad een andere benchmarkbundel: de uitvoermap van Bundelen of raadsbudget bundel."}
            </Paragraph>
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
