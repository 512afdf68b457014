// Controle: every finding of the uitvraag, grouped by ernst, each with a jump to its field.

import { useCallback, useEffect, useState } from "react";

import { api } from "../api";
import type { ErrorView } from "../bindings/ErrorView";
import type { FindingView } from "../bindings/FindingView";
import type { OrganisationView } from "../bindings/OrganisationView";
import { FoutMelding, Laden, Melding } from "../components/common";
import { useScherm } from "../components/scherm";
import { Alert, Button, Heading1, Heading2, LinkButton, Paragraph } from "../components/utrecht";
import { veldSleutel } from "../ids";
import type { Sprong } from "../components/sprong";

const groepen = [
  { ernst: "fout", kop: "Fouten", enkel: "fout", teller: "aantal-fouten", uitleg: "Deze moeten worden opgelost voordat u kunt exporteren." },
  { ernst: "waarschuwing", kop: "Waarschuwingen", enkel: "waarschuwing", teller: "aantal-waarschuwingen", uitleg: "Kijk of deze cijfers kloppen; ze mogen blijven staan." },
  { ernst: "signaal", kop: "Signalen", enkel: "signaal", teller: "aantal-signalen", uitleg: "Informatie voor wie de cijfers leest." },
] as const;

export function ControleScherm({
  org,
  uitvraag,
  naarVeld,
}: {
  org: OrganisationView;
  uitvraag: number;
  naarVeld: (s: Omit<Sprong, "volgnummer">) => void;
}) {
  const kop = useScherm(`Controle ${uitvraag}`);
  const [meldingen, setMeldingen] = useState<FindingView[] | null>(null);
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [bezig, setBezig] = useState(true);

  // State is only set once the answer is in; the screen starts busy (it is keyed by org and
  // uitvraag, so this runs once per mount).
  const ophalen = useCallback(
    () =>
      api
        .controle(org.code, uitvraag)
        .then(
          (m) => setMeldingen(m),
          (e: ErrorView) => setFout(e),
        )
        .finally(() => setBezig(false)),
    [org.code, uitvraag],
  );

  useEffect(() => {
    void ophalen();
  }, [ophalen]);

  function laden() {
    setBezig(true);
    setFout(null);
    void ophalen();
  }

  return (
    <div className="rb-scherm" aria-busy={bezig}>
      <Heading1 ref={kop} tabIndex={-1}>
        Controle {uitvraag}
      </Heading1>
      <Paragraph lead>
        Alle meldingen over de uitvraag {uitvraag} van {org.naam}. Kies &lsquo;Naar het veld&rsquo; om het
        veld te openen in de invoer.
      </Paragraph>
      <Laden bezig={bezig} />
      <FoutMelding fout={fout} />
      <Button onClick={laden} disabled={bezig} data-testid="knop-opnieuw-controleren">
        Opnieuw controleren
      </Button>

      {meldingen && (
        <>
          <ul className="rb-tellingen" data-testid="controle-tellingen">
            {groepen.map((g) => {
              const n = meldingen.filter((m) => m.ernst === g.ernst).length;
              return (
                <li key={g.ernst}>
                  <strong data-testid={g.teller}>{n}</strong> {n === 1 ? g.enkel : g.kop.toLowerCase()}
                </li>
              );
            })}
          </ul>
          {meldingen.length === 0 && (
            <Alert type="ok" role="status" heading="Geen meldingen">
              <Paragraph>Er zijn geen fouten, waarschuwingen of signalen.</Paragraph>
            </Alert>
          )}
          {groepen.map((g) => {
            const lijst = meldingen.filter((m) => m.ernst === g.ernst);
            if (lijst.length === 0) return null;
            return (
              <section
                key={g.ernst}
                aria-labelledby={`kop-${g.ernst}`}
                className={`rb-blok rb-controle-groep rb-controle-groep--${g.ernst}`}
                data-testid={`groep-${g.ernst}`}
              >
                <Heading2 id={`kop-${g.ernst}`}>
                  {g.kop} ({lijst.length})
                </Heading2>
                <Paragraph>{g.uitleg}</Paragraph>
                <ul className="rb-controle-lijst">
                  {lijst.map((m, i) => (
                    <li key={`${m.code}-${i}`} className="rb-controle-item">
                      <Melding melding={m} />
                      {(m.jaar !== null || m.post !== null) && (
                        <span className="rb-controle-item__plaats">
                          {" "}
                          — {m.post ?? "hele blok"}
                          {m.blok_titel !== null ? `, ${m.blok_titel}` : ""}
                        </span>
                      )}
                      {m.post && m.jaar !== null && m.fase && m.blok_titel !== null && (
                        <>
                          {" "}
                          <LinkButton
                            className="rb-controle-item__link"
                            data-testid={`naar-veld-${veldSleutel(m.jaar, m.fase, m.post)}`}
                            onClick={() => naarVeld({ jaar: m.jaar!, fase: m.fase!, post: m.post!, blokTitel: m.blok_titel! })}
                          >
                            Naar het veld<span className="rb-visually-hidden"> {m.post}, {m.blok_titel}</span>
                          </LinkButton>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
