// Back-up: make a copy of the database, or put one back (after a confirmation).

import { useEffect, useState } from "react";

import { api, dialogen } from "../api";
import type { AppInfo } from "../bindings/AppInfo";
import type { ErrorView } from "../bindings/ErrorView";
import type { OrganisationView } from "../bindings/OrganisationView";
import { FoutMelding, PadVeld, datumTekst, mapVan, padSamen } from "../components/common";
import { useScherm } from "../components/scherm";
import { Alert, Button, ButtonGroup, Heading1, Heading2, Paragraph } from "../components/utrecht";

export function backupNaam(d: Date): string {
  return `raadsbudget-back-up-${datumTekst(d)}.sqlite`;
}

export function BackupScherm({
  org,
  uitvraag,
  info,
  herladen,
}: {
  org: OrganisationView | null;
  uitvraag: number;
  info: AppInfo;
  herladen: () => Promise<void>;
}) {
  const kop = useScherm("Back-up");
  const [maakPad, setMaakPad] = useState("");
  const [terugPad, setTerugPad] = useState("");
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [gemaakt, setGemaakt] = useState<string | null>(null);
  const [bevestigen, setBevestigen] = useState(false);
  const [teruggezet, setTeruggezet] = useState<string | null>(null);
  const [bezig, setBezig] = useState<"maken" | "terugzetten" | null>(null);

  // Default file: <standaard_map>/raadsbudget-back-up-<dd-mm-jjjj>.sqlite. The folder comes
  // from export_voorbeeld (the user's documents folder); without an organisation the user
  // chooses a path.
  useEffect(() => {
    if (!org) return;
    let actief = true;
    api
      .exportVoorbeeld(org.code, uitvraag)
      .then((v) => {
        if (actief) setMaakPad((p) => p || padSamen(v.standaard_map, backupNaam(new Date())));
      })
      .catch(() => {
        /* no default then: the field stays empty */
      });
    return () => {
      actief = false;
    };
  }, [org, uitvraag]);

  async function kiesMaakPad() {
    setFout(null);
    try {
      const p = await dialogen.kiesOpslaan("SQLite-database", ["sqlite"], maakPad || backupNaam(new Date()));
      if (p) setMaakPad(p);
    } catch (e) {
      setFout(e as ErrorView);
    }
  }

  async function kiesTerugPad() {
    setFout(null);
    try {
      const p = await dialogen.kiesBestand("SQLite-database", ["sqlite"], terugPad);
      if (p) setTerugPad(p);
    } catch (e) {
      setFout(e as ErrorView);
    }
  }

  async function maken() {
    setFout(null);
    setGemaakt(null);
    setBezig("maken");
    try {
      setGemaakt(await api.backupMaken(maakPad.trim()));
    } catch (e) {
      setFout(e as ErrorView);
    } finally {
      setBezig(null);
    }
  }

  async function terugzetten() {
    setFout(null);
    setTeruggezet(null);
    setBezig("terugzetten");
    try {
      const veiligheidskopie = await api.backupTerugzetten(terugPad.trim());
      setBevestigen(false);
      setTeruggezet(veiligheidskopie);
      await herladen();
    } catch (e) {
      setBevestigen(false);
      setFout(e as ErrorView);
    } finally {
      setBezig(null);
    }
  }

  const databaseMap = mapVan(info.database);

  return (
    <div className="rb-scherm">
      <Heading1 ref={kop} tabIndex={-1}>
        Back-up
      </Heading1>
      <Paragraph lead>
        Alle gegevens staan in één bestand: <span className="rb-pad">{info.database}</span>. Maak
        regelmatig een back-up, bijvoorbeeld na elke export.
      </Paragraph>
      <FoutMelding fout={fout} />

      <section aria-labelledby="kop-maken" className="rb-blok">
        <Heading2 id="kop-maken">Back-up maken</Heading2>
        <PadVeld
          id="backup-pad"
          label="Opslaan als"
          uitleg="Een bestaand bestand wordt niet overschreven."
          waarde={maakPad}
          onWijzig={setMaakPad}
          onKies={kiesMaakPad}
          kiesTestId="knop-kies-backup-pad"
        />
        <Button
          appearance="primary-action-button"
          onClick={maken}
          disabled={maakPad.trim() === "" || bezig !== null}
          busy={bezig === "maken"}
          data-testid="knop-backup-maken"
        >
          Back-up maken
        </Button>
        <div role="status" aria-live="polite" data-testid="backup-resultaat">
          {gemaakt && (
            <Alert type="ok" heading="Back-up gemaakt">
              <Paragraph>
                De back-up staat in <span className="rb-pad">{gemaakt}</span>.
              </Paragraph>
            </Alert>
          )}
        </div>
      </section>

      <section aria-labelledby="kop-terugzetten" className="rb-blok">
        <Heading2 id="kop-terugzetten">Back-up terugzetten</Heading2>
        <Paragraph>
          Zet een eerder gemaakte back-up terug. De huidige gegevens worden eerst bewaard, zodat u
          terug kunt.
        </Paragraph>
        <PadVeld
          id="terugzet-pad"
          label="Back-upbestand"
          waarde={terugPad}
          onWijzig={(pad) => {
            setTerugPad(pad);
            setBevestigen(false);
          }}
          onKies={kiesTerugPad}
          kiesTestId="knop-kies-terugzet-pad"
        />
        {!bevestigen && (
          <Button
            onClick={() => {
              setTeruggezet(null);
              setBevestigen(true);
            }}
            disabled={terugPad.trim() === "" || bezig !== null}
            data-testid="knop-backup-terugzetten"
          >
            Back-up terugzetten…
          </Button>
        )}
        {bevestigen && (
          <Alert type="warning" heading="Weet u het zeker?" data-testid="terugzetten-bevestiging">
            <Paragraph>
              Weet u het zeker? De huidige gegevens worden eerst bewaard in{" "}
              <span className="rb-pad">{databaseMap}</span> (als
              raadsbudget-voor-terugzetten-&lt;tijdstip&gt;.sqlite). Daarna vervangt{" "}
              <span className="rb-pad">{terugPad}</span> alle gegevens.
            </Paragraph>
            <ButtonGroup>
              <Button
                appearance="primary-action-button"
                onClick={terugzetten}
                busy={bezig === "terugzetten"}
                disabled={bezig !== null}
                data-testid="knop-terugzetten-bevestigen"
                autoFocus
              >
                Ja, terugzetten
              </Button>
              <Button onClick={() => setBevestigen(false)} disabled={bezig !== null} data-testid="knop-terugzetten-annuleren">
                Annuleren
              </Button>
            </ButtonGroup>
          </Alert>
        )}
        <div role="status" aria-live="polite" data-testid="terugzetten-resultaat">
          {teruggezet && (
            <Alert type="ok" heading="Back-up teruggezet">
              <Paragraph>
                De gegevens van vóór het terugzetten staan in <span className="rb-pad">{teruggezet}</span>.
              </Paragraph>
            </Alert>
          )}
        </div>
      </section>
    </div>
  );
}
