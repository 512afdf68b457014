// The comparison table, sortable by column.

import { useMemo, useState } from "react";

import type { ComparisonView } from "../../bindings/ComparisonView";
import { Heading3, Table, TableBody, TableCaption, TableCell, TableContainer, TableHeader, TableHeaderCell, TableRow } from "../../components/utrecht";
import { type Kolom, type Richting, sorteerRijen } from "./tabel";

const kolommen: Array<{ kolom: Kolom; label: string; numeric?: boolean }> = [
  { kolom: "plaats", label: "Plaats", numeric: true },
  { kolom: "naam", label: "Organisatie" },
  { kolom: "code", label: "Code" },
  { kolom: "grootteklasse", label: "Grootteklasse", numeric: true },
  { kolom: "provincie", label: "Provincie" },
  { kolom: "inwoners", label: "Inwoners", numeric: true },
  { kolom: "waarde", label: "Waarde", numeric: true },
];
export function VergelijkTabel({ view }: { view: ComparisonView }) {
  const [sortering, setSortering] = useState<{ kolom: Kolom; richting: Richting }>({ kolom: "waarde", richting: "aflopend" });
  const rijen = useMemo(() => sorteerRijen(view.rijen, sortering.kolom, sortering.richting), [view.rijen, sortering]);

  function sorteer(kolom: Kolom) {
    setSortering((s) =>
      s.kolom === kolom
        ? { kolom, richting: s.richting === "oplopend" ? "aflopend" : "oplopend" }
        : { kolom, richting: "oplopend" },
    );
  }

  const richtingTekst = sortering.richting === "oplopend" ? "oplopend" : "aflopend";
  const kolomLabel = kolommen.find((k) => k.kolom === sortering.kolom)?.label ?? "";

  return (
    <div>
      <Heading3>Alle organisaties in de groep</Heading3>
      <TableContainer>
        <Table className="rb-tabel--vergelijk" data-testid="vergelijk-tabel">
          <TableCaption>
            {view.titel}; {view.groep_naam}. Waarde in {view.eenheid}. Gesorteerd op {kolomLabel.toLowerCase()}, {richtingTekst}.
            Kies een kolomkop om anders te sorteren.
          </TableCaption>
          <TableHeader>
            <TableRow>
              {kolommen.map((k) => {
                const actief = sortering.kolom === k.kolom;
                return (
                  <TableHeaderCell
                    key={k.kolom}
                    numeric={k.numeric}
                    aria-sort={actief ? (sortering.richting === "oplopend" ? "ascending" : "descending") : undefined}
                  >
                    <button
                      type="button"
                      className="rb-sorteerknop"
                      onClick={() => sorteer(k.kolom)}
                      data-testid={`sorteer-${k.kolom}`}
                    >
                      {k.label}
                      <span aria-hidden="true" className="rb-sorteerknop__pijl">
                        {actief ? (sortering.richting === "oplopend" ? " ▲" : " ▼") : " ↕"}
                      </span>
                    </button>
                  </TableHeaderCell>
                );
              })}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rijen.map((r) => (
              <TableRow
                key={r.code}
                className={r.eigen ? "rb-rij--eigen" : undefined}
                data-testid={`vergelijk-rij-${r.code}`}
                data-code={r.code}
                data-eigen={r.eigen ? "true" : undefined}
              >
                <TableCell numeric data-kolom="plaats">
                  {r.plaats ?? "–"}
                </TableCell>
                <TableHeaderCell scope="row" data-kolom="naam" className="rb-tabel__naam">
                  {r.naam}
                  {r.eigen && <strong className="rb-eigen-merk"> (eigen)</strong>}
                </TableHeaderCell>
                <TableCell data-kolom="code">{r.code}</TableCell>
                <TableCell numeric data-kolom="grootteklasse">
                  {r.grootteklasse ?? "onbekend"}
                </TableCell>
                <TableCell data-kolom="provincie">{r.provincie ?? "onbekend"}</TableCell>
                <TableCell numeric data-kolom="inwoners">
                  {r.inwoners?.tekst ?? "onbekend"}
                </TableCell>
                <TableCell numeric data-kolom="waarde">
                  {r.waarde?.tekst ?? "geen waarde"}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </div>
  );
}
