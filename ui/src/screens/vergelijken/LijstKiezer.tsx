// Group `lijst`: hand-picked peers, saved lists.

import { useMemo, useState } from "react";

import { api } from "../../api";
import type { ErrorView } from "../../bindings/ErrorView";
import type { OrganisationView } from "../../bindings/OrganisationView";
import type { PeerListView } from "../../bindings/PeerListView";
import { aantalTekst } from "../../components/aantal";
import { FoutMelding, StatusRegel } from "../../components/common";
import {
  Button,
  Checkbox,
  Fieldset,
  FormField,
  FormFieldDescription,
  FormFieldInput,
  FormFieldLabel,
  FormLabel,
  Paragraph,
  Select,
  Textbox,
} from "../../components/utrecht";

export function LijstKiezer({
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
        <FormFieldLabel>
          <FormLabel htmlFor="lijst-opgeslagen">Opgeslagen lijst</FormLabel>
        </FormFieldLabel>
        <FormFieldInput>
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
        </FormFieldInput>
      </FormField>
      <FormField>
        <FormFieldLabel>
          <FormLabel htmlFor="lijst-zoeken">Zoek een organisatie</FormLabel>
        </FormFieldLabel>
        <FormFieldDescription id="lijst-zoeken-uitleg">
          Op naam of code. Vink de organisaties aan om mee te vergelijken; uw eigen organisatie telt altijd mee.
        </FormFieldDescription>
        <FormFieldInput>
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
        </FormFieldInput>
      </FormField>
      <Paragraph role="status" aria-live="polite" data-testid="lijst-aantal">
        {aantal === 1 ? "1 organisatie gekozen" : `${aantalTekst(aantal)} organisaties gekozen`}
        {zoek.trim() !== "" && `; ${aantalTekst(zichtbaar.length)} van ${aantalTekst(anderen.length)} getoond`}
      </Paragraph>
      <ul className="rb-lijst__opties" id="lijst-organisaties" data-testid="lijst-organisaties" aria-label="Organisaties">
        {zichtbaar.map((o) => {
          const id = `lijst-org-${o.code}`;
          return (
            <li key={o.code} className="rb-lijst__optie">
              <Checkbox
                id={id}
               
                checked={gekozen.includes(o.code)}
                onChange={(e) => wissel(o.code, e.target.checked)}
              />
              <FormLabel type="checkbox" htmlFor={id}>
                {o.naam} <span className="rb-register__code">({o.code})</span>
              </FormLabel>
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
        <FormFieldLabel>
          <FormLabel htmlFor="lijst-naam">Naam van de lijst</FormLabel>
        </FormFieldLabel>
        <FormFieldInput className="rb-pad-rij">
          <Textbox id="lijst-naam" autoComplete="off" value={naam} onChange={(e) => setNaam(e.target.value)} />
          <Button onClick={opslaan} disabled={naam.trim() === "" || gekozen.length === 0} data-testid="knop-lijst-opslaan">
            Lijst opslaan
          </Button>
          <Button onClick={verwijderen} disabled={!bestaand} data-testid="knop-lijst-verwijderen">
            Lijst verwijderen
          </Button>
        </FormFieldInput>
      </FormField>
      <StatusRegel testId="lijst-status">{status}</StatusRegel>
    </Fieldset>
  );
}
