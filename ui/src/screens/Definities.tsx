// Definities: the versions of the shared definitions this program knows, what changed in the
// newest, and adding a newer version from a file that BZK publishes (a TOML file). An added
// version is checked exactly as a built-in one and kept in the database with its sha256.

import { useEffect, useState } from "react";

import { api, dialogen } from "../api";
import type { AddedCatalogueView } from "../bindings/AddedCatalogueView";
import type { CatalogueView } from "../bindings/CatalogueView";
import type { ChangesView } from "../bindings/ChangesView";
import type { ErrorView } from "../bindings/ErrorView";
import { FoutMelding, PadVeld } from "../components/common";
import { useScherm } from "../components/scherm";
import {
  Alert,
  Button,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../components/utrecht";
import { WijzigingenLijst } from "../components/wijzigingen";

export function DefinitiesScherm() {
  const kop = useScherm("Definities");
  const [versies, setVersies] = useState<CatalogueView[] | null>(null);
  const [wijzigingen, setWijzigingen] = useState<ChangesView | null>(null);
  const [pad, setPad] = useState("");
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [toegevoegd, setToegevoegd] = useState<AddedCatalogueView | null>(null);
  const [bezig, setBezig] = useState(false);

  useEffect(() => {
    let actief = true;
    Promise.all([api.definitiesVersies(), api.definitiesWijzigingen(null)])
      .then(([v, w]) => {
        if (!actief) return;
        setVersies(v);
        setWijzigingen(w);
      })
      .catch((e: ErrorView) => {
        if (actief) setFout(e);
      });
    return () => {
      actief = false;
    };
  }, []);

  async function kies() {
    setFout(null);
    try {
      const p = await dialogen.kiesBestand("Definitiebestand", ["toml"], pad);
      if (p) setPad(p);
    } catch (e) {
      setFout(e as ErrorView);
    }
  }

  async function toevoegen() {
    setFout(null);
    setToegevoegd(null);
    setBezig(true);
    try {
      const r = await api.definitiesToevoegen(pad.trim());
      setToegevoegd(r);
      setVersies(r.versies);
      setWijzigingen(await api.definitiesWijzigingen(null));
    } catch (e) {
      setFout(e as ErrorView);
    } finally {
      setBezig(false);
    }
  }

  return (
    <>
      <Heading1 ref={kop} tabIndex={-1}>
        Definities
      </Heading1>
      <Paragraph>
        Elke uitvraag wordt ingevuld onder één versie van de gedeelde definities. Een nieuwere versie die BZK uitgeeft,
        voegt u hier toe zonder een nieuwe versie van het programma te installeren.
      </Paragraph>

      <Heading2>Bekende versies</Heading2>
      {versies && (
        <Table data-testid="definities-versies">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Versie</TableHeaderCell>
              <TableHeaderCell scope="col">Vanaf uitvraag</TableHeaderCell>
              <TableHeaderCell scope="col">Herkomst</TableHeaderCell>
              <TableHeaderCell scope="col">sha256</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {versies.map((v) => (
              <TableRow key={v.versie} data-testid={`versie-${v.versie}`}>
                <TableHeaderCell scope="row">{v.versie}</TableHeaderCell>
                <TableCell>{v.uitvraag_vanaf}</TableCell>
                <TableCell>{v.ingebouwd ? "ingebouwd" : "toegevoegd"}</TableCell>
                <TableCell className="rb-sha256">{v.sha256}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <Heading2>Een nieuwere versie toevoegen</Heading2>
      <PadVeld
        id="definities-pad"
        label="Definitiebestand (TOML)"
        uitleg="Het bestand wordt gecontroleerd zoals een ingebouwde versie, ook de wijzigingen ten opzichte van de vorige versie."
        waarde={pad}
        onWijzig={setPad}
        onKies={kies}
        onEnter={() => void toevoegen()}
        kiesTestId="knop-kies-definities"
      />
      <Button
        appearance="primary-action-button"
        onClick={() => void toevoegen()}
        disabled={pad.trim() === "" || bezig}
        data-testid="knop-definities-toevoegen"
      >
        Toevoegen
      </Button>
      {toegevoegd && (
        <Alert type="ok" heading="Definities" data-testid="definities-toegevoegd">
          <Paragraph>{toegevoegd.bericht}</Paragraph>
          <Paragraph small>
            sha256: <span className="rb-sha256">{toegevoegd.sha256}</span>
          </Paragraph>
        </Alert>
      )}
      <FoutMelding fout={fout} />

      {wijzigingen && <WijzigingenLijst wijzigingen={wijzigingen} kopId="kop-wijzigingen-nieuwste" />}
    </>
  );
}
