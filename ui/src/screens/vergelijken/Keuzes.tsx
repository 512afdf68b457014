// The choices: category, indicator, year and group (with the hand-picked list).

import type { CompareOptions } from "../../bindings/CompareOptions";
import type { OrganisationView } from "../../bindings/OrganisationView";
import type { PeerListView } from "../../bindings/PeerListView";
import {
  FormField,
  FormFieldDescription,
  FormFieldInput,
  FormFieldLabel,
  FormLabel,
  Heading2,
  Select,
} from "../../components/utrecht";
import { jaarSleutel, type Keuze } from "./keuze";
import { LijstKiezer } from "./LijstKiezer";

/** A select over typed choices: what the element gives back is looked up, never cast. */
function KeuzeVeld<T extends string>(props: {
  id: string;
  label: string;
  waarde: T;
  opties: Array<{ waarde: T; label: string }>;
  wijzig: (waarde: T) => void;
}) {
  return (
    <FormField>
      <FormFieldLabel>
        <FormLabel htmlFor={props.id}>{props.label}</FormLabel>
      </FormFieldLabel>
      <FormFieldInput>
        <Select id={props.id} value={props.waarde} onChange={(e) => {
            const gekozen = props.opties.find((o) => o.waarde === e.target.value);
            if (gekozen) props.wijzig(gekozen.waarde);
          }}
        >
          {props.opties.map((o) => (
            <option key={o.waarde} value={o.waarde}>
              {o.label}
            </option>
          ))}
        </Select>
      </FormFieldInput>
    </FormField>
  );
}
export function Keuzes({
  opties,
  org,
  keuze,
  wijzig,
  lijstenGewijzigd,
}: {
  opties: CompareOptions;
  org: OrganisationView;
  keuze: Keuze;
  wijzig: (deel: Partial<Keuze>) => void;
  lijstenGewijzigd: (lijsten: PeerListView[]) => void;
}) {
  const onbeschikbaar = opties.groepen.filter((g) => !g.beschikbaar);
  return (
    <section aria-labelledby="kop-keuzes" className="rb-blok">
      <Heading2 id="kop-keuzes">Keuzes</Heading2>
      <div className="rb-keuzes">
        <KeuzeVeld
          id="vergelijk-categorie"
          label="Categorie"
          waarde={keuze.categorie}
          opties={opties.categorieen.map((c) => ({ waarde: c.code, label: c.label }))}
          wijzig={(categorie) => wijzig({ categorie })}
        />
        <KeuzeVeld
          id="vergelijk-indicator"
          label="Kengetal"
          waarde={keuze.indicator}
          opties={opties.indicatoren.map((c) => ({ waarde: c.code, label: c.label }))}
          wijzig={(indicator) => wijzig({ indicator })}
        />
        <KeuzeVeld
          id="vergelijk-jaar"
          label="Jaar"
          waarde={jaarSleutel(keuze.jaar, keuze.fase)}
          opties={opties.jaren.map((j) => ({ waarde: jaarSleutel(j.jaar, j.fase), label: j.titel }))}
          wijzig={(sleutel) => {
            const blok = opties.jaren.find((j) => jaarSleutel(j.jaar, j.fase) === sleutel);
            if (blok) wijzig({ jaar: blok.jaar, fase: blok.fase });
          }}
        />
        <FormField className="rb-keuzes__groep">
          <FormFieldLabel>
            <FormLabel htmlFor="vergelijk-groep">Vergelijken met</FormLabel>
          </FormFieldLabel>
          <FormFieldInput>
            <Select
              id="vergelijk-groep"
              value={keuze.groep ?? ""}
              aria-describedby={onbeschikbaar.length > 0 ? "vergelijk-groep-uitleg" : undefined}
              onChange={(e) => {
                const gekozen = opties.groepen.find((g) => g.code === e.target.value);
                if (gekozen) wijzig({ groep: gekozen.code });
              }}
            >
              {keuze.groep === null && <option value="">Geen groep beschikbaar</option>}
              {opties.groepen.map((g) => (
                <option key={g.code} value={g.code} disabled={!g.beschikbaar}>
                  {g.beschikbaar ? g.label : `${g.label} (niet beschikbaar)`}
                </option>
              ))}
            </Select>
          </FormFieldInput>
          {onbeschikbaar.length > 0 && (
            <FormFieldDescription id="vergelijk-groep-uitleg">
              <ul className="rb-groep-redenen">
                {onbeschikbaar.map((g) => (
                  <li key={g.code} data-testid={`groep-reden-${g.code}`}>
                    {g.label}: niet beschikbaar. {g.reden ?? ""}
                  </li>
                ))}
              </ul>
            </FormFieldDescription>
          )}
        </FormField>
      </div>
      {keuze.groep === "lijst" && (
        <LijstKiezer
          organisaties={opties.organisaties}
          eigen={org.code}
          lijsten={opties.lijsten}
          gekozen={keuze.lijst}
          kies={(lijst) => wijzig({ lijst })}
          lijstenGewijzigd={lijstenGewijzigd}
        />
      )}
    </section>
  );
}
