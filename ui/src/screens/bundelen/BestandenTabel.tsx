// The files of a bundle: filtered by status, 100 rows at a time, findings per file.

import { Fragment, useMemo, useState } from "react";

import type { BundledFileView } from "../../bindings/BundledFileView";
import { aantalTekst } from "../../components/aantal";
import { Melding } from "../../components/common";
import {
  Button,
  FormField,
  FormFieldInput,
  FormFieldLabel,
  FormLabel,
  Heading3,
  Select,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../../components/utrecht";
import { StatusLabel } from "./StatusLabel";
import { meervoud, PER_KEER, plaatsTekst, type Status, statussen } from "./teksten";

export function BestandenTabel({ inzendingen }: { inzendingen: BundledFileView[] }) {
  const [filter, setFilter] = useState<Status | "">("");
  const [zichtbaar, setZichtbaar] = useState(PER_KEER);
  const [open, setOpen] = useState<Set<number>>(() => new Set());

  const rijen = useMemo(
    () => inzendingen.map((b, index) => ({ b, index })).filter(({ b }) => filter === "" || b.status === filter),
    [inzendingen, filter],
  );
  const getoond = rijen.slice(0, zichtbaar);

  function wissel(index: number) {
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(index)) n.delete(index);
      else n.add(index);
      return n;
    });
  }

  return (
    <div className="rb-blok">
      <Heading3 id="kop-bundel-bestanden">Bestanden</Heading3>
      <FormField>
        <FormFieldLabel>
          <FormLabel htmlFor="bundel-filter">Toon</FormLabel>
        </FormFieldLabel>
        <FormFieldInput>
          <Select
            id="bundel-filter"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value as Status | "");
              setZichtbaar(PER_KEER);
            }}
          >
            <option value="">Alle bestanden ({aantalTekst(inzendingen.length)})</option>
            {statussen.map((s) => (
              <option key={s.status} value={s.status}>
                Alleen {s.meervoud} ({aantalTekst(inzendingen.filter((b) => b.status === s.status).length)})
              </option>
            ))}
          </Select>
        </FormFieldInput>
      </FormField>
      <TableContainer>
        <Table className="rb-tabel--bundel" data-testid="tabel-bundel-bestanden">
          <TableCaption>
            {rijen.length === inzendingen.length
              ? `Alle ${meervoud(inzendingen.length, "bestand", "bestanden")}`
              : `${meervoud(rijen.length, "bestand", "bestanden")} van ${aantalTekst(inzendingen.length)}`}
            {getoond.length < rijen.length ? `; de eerste ${aantalTekst(getoond.length)} staan hieronder` : ""}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Bestand</TableHeaderCell>
              <TableHeaderCell>Organisatie</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell numeric>Fouten</TableHeaderCell>
              <TableHeaderCell numeric>Waarschuwingen</TableHeaderCell>
              <TableHeaderCell numeric>Signalen</TableHeaderCell>
              <TableHeaderCell>Opmerking</TableHeaderCell>
              <TableHeaderCell>Meldingen</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {getoond.map(({ b, index }) => {
              const isOpen = open.has(index);
              const meldingenId = `bundel-meldingen-${index}`;
              return (
                <Fragment key={index}>
                  <TableRow data-testid={`bestand-${index}`} data-bestand={b.bestand} data-status={b.status}>
                    <TableHeaderCell scope="row" className="rb-pad rb-tabel__bestand">
                      {b.bestand}
                    </TableHeaderCell>
                    <TableCell>{b.organisatie ?? "onbekend"}</TableCell>
                    <TableCell>
                      <StatusLabel status={b.status} label={b.status_label} />
                    </TableCell>
                    <TableCell numeric data-testid="fouten">
                      {b.fouten}
                    </TableCell>
                    <TableCell numeric data-testid="waarschuwingen">
                      {b.waarschuwingen}
                    </TableCell>
                    <TableCell numeric data-testid="signalen">
                      {b.signalen}
                    </TableCell>
                    <TableCell data-testid="opmerking">{b.opmerking}</TableCell>
                    <TableCell>
                      {b.meldingen.length > 0 ? (
                        <Button
                          appearance="subtle-button"
                          aria-expanded={isOpen}
                          aria-controls={isOpen ? meldingenId : undefined}
                          onClick={() => wissel(index)}
                          data-testid={`knop-meldingen-${index}`}
                        >
                          {isOpen ? "Verberg" : "Toon"} {b.meldingen.length}
                          <span className="rb-visually-hidden"> meldingen over {b.bestand}</span>
                        </Button>
                      ) : (
                        "geen"
                      )}
                    </TableCell>
                  </TableRow>
                  {isOpen && (
                    <TableRow className="rb-rij--meldingen">
                      <TableCell colSpan={8} id={meldingenId} data-testid={`meldingen-${index}`}>
                        <ul className="rb-meldingen">
                          {b.meldingen.map((m, i) => {
                            const plaats = plaatsTekst(m);
                            return (
                              <li key={`${m.code}-${i}`} data-regel={m.regel ?? undefined} data-kolom={m.kolom ?? undefined}>
                                {plaats && <span className="rb-bundel-plaats">{plaats}: </span>}
                                <Melding melding={m} />
                              </li>
                            );
                          })}
                        </ul>
                      </TableCell>
                    </TableRow>
                  )}
                </Fragment>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {getoond.length < rijen.length && (
        <Button onClick={() => setZichtbaar((z) => z + PER_KEER)} data-testid="knop-meer-bestanden">
          Toon {aantalTekst(Math.min(PER_KEER, rijen.length - getoond.length))} bestanden meer
        </Button>
      )}
    </div>
  );
}
