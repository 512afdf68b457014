// "Wat is er veranderd": the changes of a version of the definities against the one before,
// shown on the Invoer screen (for the uitvraag's version) and on the Definities screen.

import type { ChangesView } from "../bindings/ChangesView";
import { Heading3, Paragraph, UnorderedList, UnorderedListItem } from "./utrecht";

export function WijzigingenLijst({ wijzigingen, kopId }: { wijzigingen: ChangesView; kopId: string }) {
  return (
    <section aria-labelledby={kopId} data-testid="wijzigingen">
      <Heading3 id={kopId}>
        Wat is er veranderd in definities {wijzigingen.versie} ten opzichte van {wijzigingen.vorige}
      </Heading3>
      <UnorderedList className="rb-wijzigingen">
        {wijzigingen.wijzigingen.map((w, i) => (
          <UnorderedListItem key={i} data-testid="wijziging" data-soort={w.soort}>
            <strong>{w.soort_naam}:</strong> {w.kop}
            <Paragraph small className="rb-wijzigingen__toelichting">
              {w.toelichting}
            </Paragraph>
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <Paragraph small>Alle andere posten zijn gelijk gebleven: dezelfde code en dezelfde betekenis.</Paragraph>
    </section>
  );
}
