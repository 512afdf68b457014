// The result of a bundle: counts, response, the CLI's summary, the output folder and the files.

import type { RefObject } from "react";

import type { BundleView } from "../../bindings/BundleView";
import { aantalTekst } from "../../components/aantal";
import { Alert, Button, ButtonGroup, CodeBlock, Heading2, Heading3, Paragraph } from "../../components/utrecht";
import { BestandenTabel } from "./BestandenTabel";
import { meervoud } from "./teksten";

export function Resultaat({
  view,
  kop,
  openen,
}: {
  view: BundleView;
  kop: RefObject<HTMLHeadingElement | null>;
  openen: () => void;
}) {
  const tellingen: Array<{ testId: string; n: number; een: string; meer: string }> = [
    { testId: "aantal-bestanden", n: view.bestanden, een: "bestand gelezen", meer: "bestanden gelezen" },
    { testId: "aantal-geaccepteerd", n: view.geaccepteerd, een: "geaccepteerd", meer: "geaccepteerd" },
    { testId: "aantal-vervangen", n: view.vervangen, een: "vervangen", meer: "vervangen" },
    { testId: "aantal-dubbel", n: view.dubbel, een: "dubbel", meer: "dubbel" },
    { testId: "aantal-afgewezen", n: view.afgewezen, een: "afgewezen", meer: "afgewezen" },
    { testId: "aantal-organisaties", n: view.organisaties, een: "organisatie", meer: "organisaties" },
  ];
  if (view.overgeslagen > 0) {
    tellingen.push({
      testId: "aantal-overgeslagen",
      n: view.overgeslagen,
      een: "overgeslagen (geen .csv of .zip, of een eerdere bundel)",
      meer: "overgeslagen (geen .csv of .zip, of een eerdere bundel)",
    });
  }
  return (
    <section aria-labelledby="kop-bundel-resultaat" className="rb-blok" data-testid="bundel-resultaat">
      <Heading2 id="kop-bundel-resultaat" ref={kop} tabIndex={-1}>
        Resultaat
      </Heading2>
      {view.afgewezen > 0 ? (
        <Alert type="warning" heading="Bundel gemaakt, met afgewezen bestanden">
          <Paragraph>
            {meervoud(view.afgewezen, "bestand is", "bestanden zijn")} afgewezen. Bekijk de meldingen
            in de tabel hieronder of in meldingen.csv.
          </Paragraph>
        </Alert>
      ) : (
        <Alert type="ok" heading="Bundel gemaakt">
          <Paragraph>Alle bestanden zijn verwerkt.</Paragraph>
        </Alert>
      )}
      <ul className="rb-tellingen" data-testid="bundel-tellingen">
        {tellingen.map((t) => (
          <li key={t.testId}>
            <strong data-testid={t.testId}>{aantalTekst(t.n)}</strong> {t.n === 1 ? t.een : t.meer}
          </li>
        ))}
      </ul>
      {view.respons && (
        <Paragraph data-testid="bundel-respons">
          Respons: <strong>{view.respons.percentage}</strong> — {aantalTekst(view.respons.geaccepteerd)} van{" "}
          {aantalTekst(view.respons.register)} uit het register geaccepteerd;{" "}
          {aantalTekst(view.respons.ingediend)} ingediend.
        </Paragraph>
      )}
      <Heading3>Samenvatting</Heading3>
      <CodeBlock className="rb-samenvatting" data-testid="bundel-samenvatting">
        {view.samenvatting.join("\n")}
      </CodeBlock>

      <Heading3>Uitvoerbestanden</Heading3>
      <Paragraph>
        In de map <span className="rb-pad" data-testid="bundel-uitvoermap">{view.uit}</span>:
      </Paragraph>
      <ul className="rb-uitvoerlijst" data-testid="bundel-uitvoer">
        {view.uitvoer.map((naam) => (
          <li key={naam} className="rb-pad" data-bestand={naam}>
            {naam}
          </li>
        ))}
      </ul>
      <ButtonGroup>
        <Button onClick={openen} data-testid="knop-open-uitvoermap">
          Open uitvoermap
        </Button>
      </ButtonGroup>

      <BestandenTabel inzendingen={view.inzendingen} />
    </section>
  );
}
