// The invulbestand on Exporteren: make one for a colleague or the finance department, and read a
// filled one back, seeing every field that changes before it is saved.

import { useState } from "react";

import { api, dialogen } from "../../api";
import type { ErrorView } from "../../bindings/ErrorView";
import type { ImportPreviewView } from "../../bindings/ImportPreviewView";
import type { ImportResultView } from "../../bindings/ImportResultView";
import type { InvulbestandResult } from "../../bindings/InvulbestandResult";
import type { OrganisationView } from "../../bindings/OrganisationView";
import { FoutMelding, MeldingenLijst, PadVeld, StatusRegel } from "../../components/common";
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../../components/utrecht";

type Bezig = "maken" | "bekijken" | "opslaan" | null;

export function InvulbestandBlok({
  org,
  uitvraag,
  standaardMap,
}: {
  org: OrganisationView;
  uitvraag: number;
  standaardMap: string;
}) {
  const [map, setMap] = useState(standaardMap);
  const [bestand, setBestand] = useState("");
  const [gemaakt, setGemaakt] = useState<InvulbestandResult | null>(null);
  const [voorbeeld, setVoorbeeld] = useState<ImportPreviewView | null>(null);
  const [opgeslagen, setOpgeslagen] = useState<ImportResultView | null>(null);
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [bezig, setBezig] = useState<Bezig>(null);

  async function doe(wat: Exclude<Bezig, null>, actie: () => Promise<void>) {
    setFout(null);
    setBezig(wat);
    try {
      await actie();
    } catch (e) {
      setFout(e as ErrorView);
    } finally {
      setBezig(null);
    }
  }

  const maken = () =>
    doe("maken", async () => {
      setGemaakt(null);
      setGemaakt(await api.invulbestandMaken(org.code, uitvraag, map.trim()));
    });

  const bekijken = () =>
    doe("bekijken", async () => {
      setVoorbeeld(null);
      setOpgeslagen(null);
      setVoorbeeld(await api.invulbestandVoorbeeld(org.code, bestand.trim()));
    });

  const opslaan = (gezien: ImportPreviewView) =>
    doe("opslaan", async () => {
      const r = await api.invulbestandInlezen(org.code, gezien.bestand, gezien.vingerafdruk);
      setVoorbeeld(null);
      setOpgeslagen(r);
    });

  async function kies(wat: "map" | "bestand") {
    setFout(null);
    try {
      if (wat === "map") {
        const p = await dialogen.kiesMap(map);
        if (p) setMap(p);
      } else {
        const p = await dialogen.kiesBestand("Invulbestand (.xlsx) of benchmarkbestand (.csv)", ["xlsx", "csv"], bestand);
        if (p) setBestand(p);
      }
    } catch (e) {
      setFout(e as ErrorView);
    }
  }

  return (
    <section aria-labelledby="kop-invulbestand" className="rb-blok" aria-busy={bezig !== null}>
      <Heading2 id="kop-invulbestand">Invulbestand</Heading2>
      <Paragraph>
        Kan een collega of de afdeling financiën Raadsbudget niet gebruiken? Maak een invulbestand: een
        Excel-werkmap met dezelfde posten en definities, met de waarden van vorig jaar ter vergelijking.
        Lees het ingevuld weer in; u ziet eerst wat er verandert.
      </Paragraph>
      <FoutMelding fout={fout} testId="invulbestand-fout" />

      <Heading3>Invulbestand maken</Heading3>
      <PadVeld
        id="invulbestand-map"
        label="Map voor het invulbestand"
        uitleg={`Het invulbestand voor uitvraag ${uitvraag} komt in deze map; een eerder invulbestand met dezelfde naam wordt vervangen.`}
        waarde={map}
        onWijzig={setMap}
        onKies={() => kies("map")}
        kiesTekst="Kies map…"
        kiesTestId="knop-invulbestand-kies-map"
      />
      <ButtonGroup>
        <Button
          onClick={maken}
          disabled={bezig !== null || map.trim() === ""}
          busy={bezig === "maken"}
          data-testid="knop-invulbestand-maken"
        >
          Invulbestand maken
        </Button>
      </ButtonGroup>
      <StatusRegel testId="invulbestand-gemaakt">
        {gemaakt && (
          <Alert type="ok" heading="Invulbestand gemaakt">
            <Paragraph>
              <span className="rb-pad" data-testid="invulbestand-pad">
                {gemaakt.pad}
              </span>{" "}
              (definities {gemaakt.definities}). Stuur het naar wie het invult; lees het daarna hieronder in.
            </Paragraph>
          </Alert>
        )}
      </StatusRegel>

      <Heading3>Invulbestand inlezen</Heading3>
      <PadVeld
        id="invulbestand-bestand"
        label="Ingevuld invulbestand"
        uitleg="Een ingevuld invulbestand (.xlsx) van deze organisatie, of een benchmarkbestand (.csv)."
        waarde={bestand}
        onWijzig={(p) => {
          setBestand(p);
          setVoorbeeld(null);
        }}
        onKies={() => kies("bestand")}
        onEnter={bekijken}
        kiesTekst="Kies bestand…"
        kiesTestId="knop-invulbestand-kies-bestand"
      />
      <ButtonGroup>
        <Button
          onClick={bekijken}
          disabled={bezig !== null || bestand.trim() === ""}
          busy={bezig === "bekijken"}
          data-testid="knop-invulbestand-bekijken"
        >
          Bekijken wat er verandert
        </Button>
      </ButtonGroup>

      {voorbeeld && (
        <div data-testid="invulbestand-voorbeeld">
          <Paragraph data-testid="invulbestand-samenvatting">{voorbeeld.samenvatting}</Paragraph>
          {voorbeeld.wijzigingen.length > 0 && (
            <TableContainer>
              <Table data-testid="invulbestand-wijzigingen">
                <TableCaption>Velden die veranderen</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Post</TableHeaderCell>
                    <TableHeaderCell>Blok</TableHeaderCell>
                    <TableHeaderCell>Nu</TableHeaderCell>
                    <TableHeaderCell>Wordt</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {voorbeeld.wijzigingen.map((w) => (
                    <TableRow key={`${w.blok_titel}-${w.post}`} data-testid={`wijziging-${w.post}`}>
                      <TableHeaderCell scope="row">
                        {w.label} <code>{w.post}</code>
                      </TableHeaderCell>
                      <TableCell>{w.blok_titel}</TableCell>
                      <TableCell>{w.oud}</TableCell>
                      <TableCell>{w.nieuw}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
          {voorbeeld.meldingen.length > 0 && (
            <>
              <Paragraph>Meldingen ({voorbeeld.meldingen.length}):</Paragraph>
              <MeldingenLijst meldingen={voorbeeld.meldingen} toonPlaats />
            </>
          )}
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              onClick={() => opslaan(voorbeeld)}
              disabled={bezig !== null || voorbeeld.wijzigingen.length === 0}
              busy={bezig === "opslaan"}
              data-testid="knop-invulbestand-opslaan"
            >
              Opslaan
            </Button>
            <Button onClick={() => setVoorbeeld(null)} disabled={bezig !== null} data-testid="knop-invulbestand-annuleren">
              Annuleren
            </Button>
          </ButtonGroup>
        </div>
      )}
      <StatusRegel testId="invulbestand-resultaat">
        {opgeslagen && (
          <Alert type="ok" heading="Ingelezen">
            <Paragraph>{opgeslagen.tekst}</Paragraph>
          </Alert>
        )}
      </StatusRegel>
    </section>
  );
}
