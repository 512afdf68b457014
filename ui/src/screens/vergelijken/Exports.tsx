// Exports of a comparison: SVG, PNG (the distribution chart) and CSV.

import { useState, type RefObject } from "react";

import { api, dialogen, toErrorView } from "../../api";
import type { ComparisonView } from "../../bindings/ComparisonView";
import type { ErrorView } from "../../bindings/ErrorView";
import type { OrganisationView } from "../../bindings/OrganisationView";
import { FoutMelding, StatusRegel } from "../../components/common";
import { svgNaarPng, svgTekst } from "../../components/grafiek";
import {
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldInput,
  FormFieldLabel,
  FormLabel,
  Heading3,
  Paragraph,
  Textbox,
} from "../../components/utrecht";
import { standaardNaam } from "./keuze";

type Soort = "svg" | "png" | "csv";

const exportFilter: Record<Soort, { naam: string; ext: string }> = {
  svg: { naam: "SVG-afbeelding", ext: "svg" },
  png: { naam: "PNG-afbeelding", ext: "png" },
  csv: { naam: "CSV-bestand", ext: "csv" },
};

export function Exports({
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
        <FormFieldLabel>
          <FormLabel htmlFor="export-pad">Bestand (optioneel)</FormLabel>
        </FormFieldLabel>
        <FormFieldDescription id="export-pad-uitleg">
          Typ het volledige pad van het nieuwe bestand, of laat dit leeg: dan vraagt Raadsbudget bij elke knop waar
          het bestand moet komen.
        </FormFieldDescription>
        <FormFieldInput className="rb-pad-rij">
          <Textbox
            id="export-pad"
            value={pad}
            spellCheck={false}
            aria-describedby="export-pad-uitleg"
            onChange={(e) => setPad(e.target.value)}
          />
        </FormFieldInput>
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
