// Overzicht: the organisation's uitvragen with status, counts and totals per category.

import { useEffect, useState } from "react";

import type { Scherm } from "../components/scherm";
import { api } from "../api";
import type { ErrorView } from "../bindings/ErrorView";
import type { OrganisationView } from "../bindings/OrganisationView";
import type { Overview } from "../bindings/Overview";
import { FoutMelding, Laden } from "../components/common";
import { useScherm } from "../components/scherm";
import { Tellingen, UitvraagStatus } from "../components/uitvraag";
import {
  Button,
  ButtonGroup,
  FormField,
  FormFieldInput,
  FormFieldLabel,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  Select,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../components/utrecht";

export function OverzichtScherm({
  org,
  uitvraag,
  kiesUitvraag,
  naar,
}: {
  org: OrganisationView;
  uitvraag: number;
  kiesUitvraag: (u: number) => void;
  naar: (s: Scherm, uitvraag: number) => void;
}) {
  const kop = useScherm("Overzicht");
  const [overzicht, setOverzicht] = useState<Overview | null>(null);
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [bezig, setBezig] = useState(true);

  useEffect(() => {
    // The screen starts busy (it is keyed by org, so this runs once per mount).
    let actief = true;
    api
      .overzicht(org.code)
      .then((o) => actief && setOverzicht(o))
      .catch((e: ErrorView) => actief && setFout(e))
      .finally(() => actief && setBezig(false));
    return () => {
      actief = false;
    };
  }, [org.code]);

  const gekozen =
    overzicht?.uitvragen.find((u) => u.uitvraag === uitvraag) ?? overzicht?.uitvragen[0] ?? null;

  return (
    <div className="rb-scherm" aria-busy={bezig}>
      <Heading1 ref={kop} tabIndex={-1}>
        Overzicht
      </Heading1>
      <Paragraph lead>
        {org.naam}: de uitvragen met hun status en het kernbudget per categorie.
      </Paragraph>
      <Laden bezig={bezig} />
      <FoutMelding fout={fout} />

      {overzicht && (
        <>
          <TableContainer>
            <Table data-testid="tabel-uitvragen">
              <TableCaption>Uitvragen</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Uitvraag</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                  <TableHeaderCell numeric>Fouten</TableHeaderCell>
                  <TableHeaderCell numeric>Waarschuwingen</TableHeaderCell>
                  <TableHeaderCell numeric>Signalen</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {overzicht.uitvragen.map((u) => (
                  <TableRow key={u.uitvraag} data-testid={`uitvraag-${u.uitvraag}`}>
                    <TableHeaderCell scope="row">{u.uitvraag}</TableHeaderCell>
                    <TableCell>
                      <UitvraagStatus samenvatting={u} />
                    </TableCell>
                    <TableCell numeric>{u.fouten}</TableCell>
                    <TableCell numeric>{u.waarschuwingen}</TableCell>
                    <TableCell numeric>{u.signalen}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>

          <FormField className="rb-uitvraag-kiezer">
            <FormFieldLabel>
              <FormLabel htmlFor="uitvraag-kiezen">Uitvraag</FormLabel>
            </FormFieldLabel>
            <FormFieldInput>
              <Select
                id="uitvraag-kiezen"
                value={gekozen ? String(gekozen.uitvraag) : ""}
                onChange={(e) => kiesUitvraag(Number(e.target.value))}
              >
                {overzicht.uitvragen.map((u) => (
                  <option key={u.uitvraag} value={u.uitvraag}>
                    {u.uitvraag}
                  </option>
                ))}
              </Select>
            </FormFieldInput>
          </FormField>

          {gekozen && (
            <section
              aria-labelledby="kop-uitvraag"
              className="rb-blok rb-uitvraag"
              data-testid={`uitvraag-detail-${gekozen.uitvraag}`}
            >
              <Heading2 id="kop-uitvraag">Uitvraag {gekozen.uitvraag}</Heading2>
              <Paragraph>
                Status: <UitvraagStatus samenvatting={gekozen} />
              </Paragraph>
              <Tellingen s={gekozen} />
              <TableContainer>
                <Table data-testid={`totalen-${gekozen.uitvraag}`}>
                  <TableCaption>Kernbudget per categorie, uitvraag {gekozen.uitvraag}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Categorie</TableHeaderCell>
                      <TableHeaderCell numeric>Begroting {gekozen.uitvraag} (€)</TableHeaderCell>
                      <TableHeaderCell numeric>Realisatie {gekozen.uitvraag - 1} (€)</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {gekozen.totalen.map((t) => (
                      <TableRow
                        key={t.categorie}
                        data-testid={`totaal-${t.categorie}`}
                        className={t.categorie === "TOTAAL" ? "rb-rij--totaal" : undefined}
                      >
                        <TableHeaderCell scope="row">{t.naam}</TableHeaderCell>
                        <TableCell numeric>{t.begroting ?? "onbekend"}</TableCell>
                        <TableCell numeric>{t.realisatie ?? "onbekend"}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
              <ButtonGroup>
                <Button
                  appearance="primary-action-button"
                  onClick={() => naar("invoer", gekozen.uitvraag)}
                  data-testid="knop-open-invoer"
                >
                  Invoer {gekozen.uitvraag}
                </Button>
                <Button onClick={() => naar("controle", gekozen.uitvraag)} data-testid="knop-open-controle">
                  Controle {gekozen.uitvraag}
                </Button>
                <Button onClick={() => naar("exporteren", gekozen.uitvraag)} data-testid="knop-open-exporteren">
                  Exporteren {gekozen.uitvraag}
                </Button>
                <Button onClick={() => naar("factsheet", gekozen.uitvraag)} data-testid="knop-open-factsheet">
                  Factsheet {gekozen.uitvraag}
                </Button>
              </ButtonGroup>
            </section>
          )}
        </>
      )}
    </div>
  );
}
