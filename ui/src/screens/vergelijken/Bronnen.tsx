// Benchmarkgegevens: the loaded sources, loading one and removing one.

import { useRef, useState } from "react";

import { api, dialogen } from "../../api";
import type { ErrorView } from "../../bindings/ErrorView";
import type { SourceView } from "../../bindings/SourceView";
import { aantalTekst } from "../../components/aantal";
import { FoutMelding, PadVeld, StatusRegel } from "../../components/common";
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
import { useKies } from "../../components/kies";

export function Bronnen({ bronnen, gewijzigd }: { bronnen: SourceView[]; gewijzigd: () => Promise<void> }) {
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

  const kies = useKies(setFout);

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
      <Heading2 id="kop-bronnen" ref={kop} tabIndex={-1}>
        Benchmarkgegevens
      </Heading2>
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
          <Paragraph>
            De benchmarkgegevens uit <span className="rb-pad">{teVerwijderen.pad}</span> (uitvraag{" "}
            {teVerwijderen.uitvraagjaren.join(", ")}) worden uit Raadsbudget verwijderd. De bundel zelf blijft
            staan; u kunt hem later opnieuw laden.
          </Paragraph>
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
