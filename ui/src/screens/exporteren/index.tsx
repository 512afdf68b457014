// Exporteren: what will be sent (file name, revisie, rows, findings, content) and writing it.

import { useCallback, useEffect, useState } from "react";

import { api, dialogen } from "../../api";
import type { ErrorView } from "../../bindings/ErrorView";
import type { ExportPreview } from "../../bindings/ExportPreview";
import type { ExportResult } from "../../bindings/ExportResult";
import type { OrganisationView } from "../../bindings/OrganisationView";
import { FoutMelding, Laden, MeldingenLijst, PadVeld } from "../../components/common";
import { useScherm } from "../../components/scherm";
import { Alert, Button, ButtonGroup, CodeBlock, Heading1, Heading2, Paragraph } from "../../components/utrecht";

import { InvulbestandBlok } from "./Invulbestand";

const MAX_REGELS = 40;

export function ExporterenScherm({ org, uitvraag }: { org: OrganisationView; uitvraag: number }) {
  const kop = useScherm(`Exporteren ${uitvraag}`);
  const [voorbeeld, setVoorbeeld] = useState<ExportPreview | null>(null);
  const [map, setMap] = useState("");
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [bezig, setBezig] = useState<"laden" | "export" | "concept" | null>("laden");
  const [resultaat, setResultaat] = useState<ExportResult | null>(null);

  // State is only set once the answer is in; the screen starts busy (it is keyed by org and
  // uitvraag, so the effect runs once per mount).
  const ophalen = useCallback(
    () =>
      api
        .exportVoorbeeld(org.code, uitvraag)
        .then(
          (v) => {
            setVoorbeeld(v);
            setMap(v.standaard_map);
          },
          (e: ErrorView) => setFout(e),
        )
        .finally(() => setBezig(null)),
    [org.code, uitvraag],
  );

  useEffect(() => {
    void ophalen();
  }, [ophalen]);

  async function kiesMap() {
    setFout(null);
    try {
      const gekozen = await dialogen.kiesMap(map);
      if (gekozen) setMap(gekozen);
    } catch (e) {
      setFout(e as ErrorView);
    }
  }

  async function exporteren(concept: boolean) {
    setFout(null);
    setResultaat(null);
    setBezig(concept ? "concept" : "export");
    try {
      const r = await api.exporteren(org.code, uitvraag, map.trim(), concept);
      setResultaat(r);
      // The next export gets a new revisie: show the state after this one.
      const v = await api.exportVoorbeeld(org.code, uitvraag);
      setVoorbeeld(v);
    } catch (e) {
      setFout(e as ErrorView);
    } finally {
      setBezig(null);
    }
  }

  const regels = voorbeeld ? voorbeeld.inhoud.split(/\r?\n/) : [];
  const zichtbaar = regels.slice(0, MAX_REGELS + 1).join("\n");

  return (
    <div className="rb-scherm" aria-busy={bezig !== null}>
      <Heading1 ref={kop} tabIndex={-1}>
        Exporteren {uitvraag}
      </Heading1>
      <Paragraph lead>
        Maak het benchmarkbestand van {org.naam} voor BZK. Controleer eerst wat er wordt verstuurd.
        Onderaan kunt u ook een invulbestand maken en inlezen.
      </Paragraph>
      <Laden bezig={bezig === "laden"} />
      <FoutMelding fout={fout} />

      <div role="status" aria-live="polite" data-testid="export-resultaat">
        {resultaat && (
          <Alert type={resultaat.concept ? "info" : "ok"} heading={resultaat.concept ? "Concept opgeslagen" : "Bestand gemaakt"}>
            <dl className="rb-gegevens">
              <div>
                <dt>Bestand</dt>
                <dd className="rb-pad" data-testid="export-pad">
                  {resultaat.pad}
                </dd>
              </div>
              <div>
                <dt>Revisie</dt>
                <dd data-testid="export-revisie">{resultaat.revisie}</dd>
              </div>
              <div>
                <dt>SHA-256</dt>
                <dd className="rb-pad" data-testid="export-sha256">
                  {resultaat.sha256}
                </dd>
              </div>
            </dl>
            {resultaat.concept ? (
              <Paragraph>
                Dit is een concept om te bekijken of te bespreken. Stuur het niet naar BZK: maak een
                echt bestand met &lsquo;Exporteren&rsquo; zodra er geen fouten meer zijn.
              </Paragraph>
            ) : (
              <Paragraph data-testid="export-vervolg">
                Stuur dit bestand naar BZK zoals gevraagd in de uitvraag. Wijzigt u daarna nog iets,
                exporteer dan opnieuw: het nieuwe bestand krijgt revisie {resultaat.revisie + 1}.
              </Paragraph>
            )}
          </Alert>
        )}
      </div>

      {voorbeeld && (
        <>
          <section aria-labelledby="kop-bestand" className="rb-blok">
            <Heading2 id="kop-bestand">Wat wordt verstuurd</Heading2>
            <dl className="rb-gegevens" data-testid="export-gegevens">
              <div>
                <dt>Bestandsnaam</dt>
                <dd className="rb-pad" data-testid="export-bestandsnaam">
                  {voorbeeld.bestandsnaam}
                </dd>
              </div>
              <div>
                <dt>Revisie</dt>
                <dd data-testid="export-voorbeeld-revisie">{voorbeeld.revisie}</dd>
              </div>
              <div>
                <dt>Aantal regels</dt>
                <dd data-testid="export-regels">{voorbeeld.regels}</dd>
              </div>
            </dl>
            {voorbeeld.meldingen.length > 0 ? (
              <>
                <Paragraph>Meldingen ({voorbeeld.meldingen.length}):</Paragraph>
                <MeldingenLijst meldingen={voorbeeld.meldingen} toonPlaats />
              </>
            ) : (
              <Paragraph>Er zijn geen meldingen.</Paragraph>
            )}
          </section>

          <section aria-labelledby="kop-opslaan" className="rb-blok">
            <Heading2 id="kop-opslaan">Opslaan</Heading2>
            <PadVeld
              id="export-map"
              label="Map"
              uitleg="Het bestand komt in deze map. Een bestaand bestand wordt niet overschreven."
              waarde={map}
              onWijzig={setMap}
              onKies={kiesMap}
              kiesTekst="Kies map…"
              kiesTestId="knop-kies-map"
            />
            {voorbeeld.heeft_fouten && (
              <Alert type="warning" heading="Exporteren kan nog niet" id="export-uitleg" data-testid="export-geblokkeerd">
                <Paragraph>
                  Er zijn nog fouten. Los ze op via Controle; tot die tijd kunt u alleen een concept
                  opslaan (dat bestand heet &hellip;_concept.csv en is niet voor BZK).
                </Paragraph>
              </Alert>
            )}
            <ButtonGroup>
              <Button
                appearance="primary-action-button"
                onClick={() => exporteren(false)}
                disabled={voorbeeld.heeft_fouten || bezig !== null || map.trim() === ""}
                busy={bezig === "export"}
                aria-describedby={voorbeeld.heeft_fouten ? "export-uitleg" : undefined}
                data-testid="knop-exporteren"
              >
                Exporteren
              </Button>
              <Button
                onClick={() => exporteren(true)}
                disabled={bezig !== null || map.trim() === ""}
                busy={bezig === "concept"}
                data-testid="knop-concept-opslaan"
              >
                Concept opslaan
              </Button>
            </ButtonGroup>
          </section>

          <InvulbestandBlok org={org} uitvraag={uitvraag} standaardMap={voorbeeld.standaard_map} />

          <section aria-labelledby="kop-inhoud" className="rb-blok">
            <Heading2 id="kop-inhoud">Inhoud van het bestand</Heading2>
            <Paragraph>
              {regels.length > MAX_REGELS + 1
                ? `De kopregel en de eerste ${MAX_REGELS} van ${voorbeeld.regels} regels.`
                : `Het hele bestand (${voorbeeld.regels} regels).`}
            </Paragraph>
            <CodeBlock
              className="rb-inhoud"
              tabIndex={0}
              role="region"
              aria-label="Inhoud van het benchmarkbestand"
              data-testid="export-inhoud"
            >
              {zichtbaar}
            </CodeBlock>
          </section>
        </>
      )}
    </div>
  );
}
