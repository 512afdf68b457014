// Building blocks shared by the screens: error alerts, finding lists, kengetallen summaries.

import type { ReactNode } from "react";

import type { ErrorView } from "../bindings/ErrorView";
import type { FindingView } from "../bindings/FindingView";
import type { KengetalView } from "../bindings/KengetalView";
import { kengetallenTestId } from "../ids";
import {
  Alert,
  Button,
  FormField,
  FormFieldDescription,
  FormFieldInput,
  FormFieldLabel,
  FormLabel,
  Paragraph,
  Textbox,
} from "./utrecht";

// --- Findings -------------------------------------------------------------------------------

const ernstIcon: Record<string, string> = {
  fout: "✕",
  waarschuwing: "!",
  signaal: "i",
};

export function ernstVan(f: FindingView): string {
  return ernstIcon[f.ernst] ? f.ernst : "signaal";
}

/** One finding: a text label for its severity (never colour alone), its code and message. */
export function Melding({ melding, toonPlaats = false }: { melding: FindingView; toonPlaats?: boolean }) {
  const ernst = ernstVan(melding);
  return (
    <span className={`rb-melding rb-melding--${ernst}`} data-testid={`melding-${melding.code}`}>
      <span className="rb-melding__icoon" aria-hidden="true">
        {ernstIcon[ernst]}
      </span>
      <strong className="rb-melding__ernst">{melding.ernst_label}</strong>{" "}
      <span className="rb-melding__code">{melding.code}</span>:{" "}
      {toonPlaats ? melding.tekst : melding.melding}
    </span>
  );
}

export function MeldingenLijst({
  meldingen,
  id,
  toonPlaats = false,
}: {
  meldingen: FindingView[];
  id?: string;
  toonPlaats?: boolean;
}) {
  if (meldingen.length === 0) return null;
  return (
    <ul className="rb-meldingen" id={id}>
      {meldingen.map((m, i) => (
        <li key={`${m.code}-${i}`}>
          <Melding melding={m} toonPlaats={toonPlaats} />
        </li>
      ))}
    </ul>
  );
}

// --- Errors ---------------------------------------------------------------------------------

/**
 * The alert region of a screen. It is always in the DOM (so screen readers pick up what is
 * put into it) and shows the ErrorView of the last failed command, if any.
 */
export function FoutMelding({ fout, testId = "foutmelding" }: { fout: ErrorView | null; testId?: string }) {
  return (
    <div role="alert" className="rb-alert-region" data-testid={testId}>
      {fout && (
        <Alert type="error" heading={fout.kop} data-kind={fout.kind}>
          <Paragraph>{fout.message}</Paragraph>
          <MeldingenLijst meldingen={fout.meldingen} toonPlaats />
        </Alert>
      )}
    </div>
  );
}

/** A polite live region for results ("Opgeslagen", "3 velden overgenomen"). */
export function StatusRegel({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div role="status" aria-live="polite" className="rb-status" data-testid={testId}>
      {children}
    </div>
  );
}

export function Laden({ bezig, tekst = "Bezig met laden…" }: { bezig: boolean; tekst?: string }) {
  return (
    <div role="status" aria-live="polite" className="rb-laden">
      {bezig ? <Paragraph className="rb-laden__tekst">{tekst}</Paragraph> : null}
    </div>
  );
}

// --- Kengetallen ----------------------------------------------------------------------------

const kengetalRegels: Array<{ veld: keyof KengetalView; label: string; eenheid: string }> = [
  { veld: "kernbudget", label: "Kernbudget", eenheid: "€" },
  { veld: "per_inwoner", label: "Per inwoner", eenheid: "€" },
  { veld: "per_zetel", label: "Per zetel", eenheid: "€" },
  { veld: "per_fractie", label: "Per fractie", eenheid: "€" },
  { veld: "fte", label: "Fte", eenheid: "" },
  { veld: "fte_per_10000", label: "Fte per 10.000 inwoners", eenheid: "" },
  { veld: "aandeel_totale_lasten", label: "Aandeel totale lasten", eenheid: "%" },
  { veld: "uitputting", label: "Uitputting", eenheid: "%" },
];

/**
 * The kengetallen of one category in one column, exactly as the Rust side formatted them.
 * The kernbudget is always listed ("onbekend" when null); the others only when present.
 */
export function KengetallenBlok({
  kengetal,
  titel,
  voorbeeld = false,
}: {
  kengetal: KengetalView;
  titel: string;
  voorbeeld?: boolean;
}) {
  const regels = kengetalRegels.filter((r) => r.veld === "kernbudget" || kengetal[r.veld] !== null);
  return (
    <div
      className={`rb-kengetallen${voorbeeld ? " rb-kengetallen--voorbeeld" : ""}`}
      data-testid={kengetallenTestId(kengetal.categorie, kengetal.jaar, kengetal.fase)}
      data-voorbeeld={voorbeeld ? "ja" : undefined}
    >
      <Paragraph className="rb-kengetallen__titel">
        <strong>{titel}</strong>
        {voorbeeld && <span className="rb-kengetallen__voorbeeld"> (voorbeeld, nog niet opgeslagen)</span>}
      </Paragraph>
      <dl className="rb-kengetallen__lijst">
        {regels.map((r) => {
          const waarde = kengetal[r.veld] as string | null;
          return (
            <div key={r.veld} className="rb-kengetallen__regel">
              <dt>
                {r.label}
                {r.eenheid && <span className="rb-kengetallen__eenheid"> ({r.eenheid})</span>}
              </dt>
              <dd data-kengetal={r.veld}>{waarde ?? "onbekend"}</dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}

/** dd-mm-jjjj of a date (local time). */
export function datumTekst(d: Date): string {
  const dd = String(d.getDate()).padStart(2, "0");
  const mm = String(d.getMonth() + 1).padStart(2, "0");
  return `${dd}-${mm}-${d.getFullYear()}`;
}

/** Joins a folder and a file name with the folder's own separator. */
export function padSamen(map: string, naam: string): string {
  if (!map) return naam;
  const sep = map.includes("\\") && !map.includes("/") ? "\\" : "/";
  return map.endsWith(sep) ? `${map}${naam}` : `${map}${sep}${naam}`;
}

/** The folder of a path (for showing where a file goes). */
export function mapVan(pad: string): string {
  const i = Math.max(pad.lastIndexOf("/"), pad.lastIndexOf("\\"));
  return i > 0 ? pad.slice(0, i) : pad;
}

/**
 * A file or folder path: typed, or chosen with the native dialog behind the "Kies…" button (so
 * every flow works from the keyboard and in the end-to-end tests). `children` are extra buttons.
 */
export function PadVeld({
  id,
  label,
  uitleg,
  waarde,
  onWijzig,
  onKies,
  onEnter,
  kiesTekst = "Kies…",
  kiesTestId,
  children,
}: {
  id: string;
  label: string;
  uitleg?: string;
  waarde: string;
  onWijzig: (pad: string) => void;
  onKies: () => void;
  onEnter?: () => void;
  kiesTekst?: string;
  kiesTestId: string;
  children?: ReactNode;
}) {
  const uitlegId = uitleg ? `${id}-uitleg` : undefined;
  return (
    <FormField>
      <FormFieldLabel>
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </FormFieldLabel>
      {uitleg && <FormFieldDescription id={uitlegId}>{uitleg}</FormFieldDescription>}
      <FormFieldInput className="rb-pad-rij">
        <Textbox
          id={id}
          value={waarde}
          spellCheck={false}
          aria-describedby={uitlegId}
          onChange={(e) => onWijzig(e.target.value)}
          onKeyDown={(e) => {
            if (onEnter && e.key === "Enter") {
              e.preventDefault();
              onEnter();
            }
          }}
        />
        <Button onClick={onKies} data-testid={kiesTestId}>
          {kiesTekst}
        </Button>
        {children}
      </FormFieldInput>
    </FormField>
  );
}
