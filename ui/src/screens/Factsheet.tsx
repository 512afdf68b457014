// Factsheet: one uitvraag of the organisation on one page (the same HTML as
// `raadsbudget factsheet` writes), to print or to save as PDF.

import { useEffect, useState } from "react";

import { api, dialogen } from "../api";
import type { ErrorView } from "../bindings/ErrorView";
import type { FactsheetView } from "../bindings/FactsheetView";
import type { OrganisationView } from "../bindings/OrganisationView";
import { FoutMelding, Laden, PadVeld, StatusRegel } from "../components/common";
import { useNieuwste } from "../components/nieuwste";
import { useScherm } from "../components/scherm";
import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormFieldInput,
  FormFieldLabel,
  FormLabel,
  Heading1,
  Paragraph,
  Select,
} from "../components/utrecht";

/** The uitvraagjaren of the loaded sources, newest first, without duplicates. */
export function factsheetJaren(bronnen: Array<{ uitvraagjaren: number[] }>): number[] {
  return [...new Set(bronnen.flatMap((b) => b.uitvraagjaren))].sort((a, b) => b - a);
}

export function FactsheetScherm({ org, uitvraag }: { org: OrganisationView; uitvraag: number }) {
  const kop = useScherm("Factsheet");
  const [jaren, setJaren] = useState<number[] | null>(null);
  const [gekozen, setGekozen] = useState<number | null>(null);
  const [view, setView] = useState<FactsheetView | null>(null);
  const [laden, setLaden] = useState(true);
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [pad, setPad] = useState("");
  const [bezig, setBezig] = useState(false);
  const [opgeslagen, setOpgeslagen] = useState<string | null>(null);
  const nieuwste = useNieuwste();

  // The years to choose from: those of the loaded benchmark data (a factsheet needs them).
  useEffect(() => {
    let actief = true;
    api
      .vergelijkOpties(org.code)
      .then((o) => {
        if (!actief) return;
        const js = factsheetJaren(o.bronnen);
        setJaren(js);
        // The uitvraag chosen in the app when the loaded data has it, else the newest.
        setGekozen(js.includes(uitvraag) ? uitvraag : (js[0] ?? null));
        if (js.length === 0) setLaden(false);
      })
      .catch((e: ErrorView) => {
        if (!actief) return;
        setFout(e);
        setJaren([]);
        setLaden(false);
      });
    return () => {
      actief = false;
    };
  }, [org.code, uitvraag]);

  // The factsheet of the chosen uitvraag; `kies` marks it as loading (the first choice comes
  // while the screen is still loading).
  useEffect(() => {
    if (gekozen === null) return;
    nieuwste(api.factsheet(org.code, gekozen), {
      ok: (v) => {
        setView(v);
        setFout(null);
      },
      fout: (e) => {
        setView(null);
        setFout(e);
      },
      klaar: () => setLaden(false),
    });
  }, [org.code, gekozen, nieuwste]);

  function kies(jaar: number) {
    setGekozen(jaar);
    setLaden(true);
    setOpgeslagen(null);
  }

  const standaardNaam = () => `factsheet-${org.code}-${gekozen ?? uitvraag}.pdf`;

  async function kiesPad() {
    setFout(null);
    try {
      const p = await dialogen.kiesOpslaan("PDF-document", ["pdf"], pad || standaardNaam());
      if (p) setPad(p);
    } catch (e) {
      setFout(e as ErrorView);
    }
  }

  async function pdfOpslaan() {
    if (gekozen === null) return;
    setFout(null);
    setOpgeslagen(null);
    try {
      let doel = pad.trim();
      if (doel === "") {
        doel = (await dialogen.kiesOpslaan("PDF-document", ["pdf"], standaardNaam())) ?? "";
        if (doel === "") return;
      }
      setBezig(true);
      setOpgeslagen(await api.factsheetPdf(org.code, gekozen, doel));
    } catch (e) {
      setFout(e as ErrorView);
    } finally {
      setBezig(false);
    }
  }

  const keuzes = jaren ?? [];

  return (
    <div className="rb-scherm rb-factsheet-scherm">
      <div className="rb-niet-afdrukken">
        <Heading1 ref={kop} tabIndex={-1}>
          Factsheet
        </Heading1>
        <Paragraph lead>
          De cijfers van {org.naam} voor één uitvraag op één pagina, met de positie tegenover de geladen
          benchmarkgegevens. Druk hem af of sla hem op als PDF.
        </Paragraph>
        <Laden bezig={laden} />
        <FoutMelding fout={fout} />
        {jaren !== null && jaren.length === 0 && !fout && (
          <Alert type="info" heading="Nog geen factsheet mogelijk" data-testid="factsheet-geen-bronnen">
            <Paragraph>
              Er zijn nog geen benchmarkgegevens geladen. Laad eerst een benchmarkbundel op het scherm Vergelijken: de
              factsheet zet uw cijfers naast die van andere organisaties.
            </Paragraph>
          </Alert>
        )}
        <FormField>
          <FormFieldLabel>
            <FormLabel htmlFor="factsheet-uitvraag">Uitvraag</FormLabel>
          </FormFieldLabel>
          <FormFieldInput>
            <Select
              id="factsheet-uitvraag"
              className="rb-textbox--kort"
              value={gekozen ?? ""}
              disabled={keuzes.length === 0}
              onChange={(e) => kies(Number(e.target.value))}
            >
              {keuzes.map((j) => (
                <option key={j} value={j}>
                  {j}
                </option>
              ))}
            </Select>
          </FormFieldInput>
        </FormField>
        <PadVeld
          id="factsheet-pad"
          label="Opslaan als (PDF, optioneel)"
          uitleg="Laat leeg om bij Opslaan als PDF te kiezen waar het bestand komt."
          waarde={pad}
          onWijzig={setPad}
          onKies={kiesPad}
          kiesTestId="knop-kies-factsheet-pad"
        />
        <ButtonGroup>
          <Button onClick={() => window.print()} disabled={!view} data-testid="knop-afdrukken">
            Afdrukken
          </Button>
          <Button
            appearance="primary-action-button"
            onClick={pdfOpslaan}
            disabled={!view || bezig}
            busy={bezig}
            data-testid="knop-factsheet-pdf"
          >
            Opslaan als PDF
          </Button>
        </ButtonGroup>
        <StatusRegel testId="factsheet-status">
          {opgeslagen && (
            <Paragraph>
              Opgeslagen: <span className="rb-pad">{opgeslagen}</span>
            </Paragraph>
          )}
        </StatusRegel>
      </div>
      {view && (
        // The HTML is made by our own Rust code (raadsbudget-formats, factsheet::html) from
        // escaped data only, with no scripts (the CSP forbids inline scripts anyway), and with
        // its title as an h2 under this screen's h1.
        <div
          className="rb-factsheet"
          data-testid="factsheet"
          aria-busy={laden}
          dangerouslySetInnerHTML={{ __html: view.html }}
        />
      )}
    </div>
  );
}
