// An uitvraag's status badge and finding counts (Overzicht and Invoer).

import type { UitvraagSummary } from "../bindings/UitvraagSummary";
import { StatusBadge } from "./utrecht";

const statusStijl: Record<string, { badge: "neutral" | "warning" | "valid" | "success" | "danger"; icoon: string }> = {
  leeg: { badge: "neutral", icoon: "○" },
  concept: { badge: "warning", icoon: "✎" },
  gecontroleerd: { badge: "valid", icoon: "✓" },
  ingediend: { badge: "success", icoon: "✉" },
  gewijzigd_na_indiening: { badge: "danger", icoon: "!" },
};

/** The status of an uitvraag: an icon and the Dutch text, so it never depends on colour. */
export function UitvraagStatus({ samenvatting }: { samenvatting: UitvraagSummary }) {
  const stijl = statusStijl[samenvatting.status] ?? { badge: "neutral" as const, icoon: "•" };
  return (
    <StatusBadge
      status={stijl.badge}
      className={`rb-status-badge rb-status-badge--${samenvatting.status}`}
      data-testid={`status-${samenvatting.uitvraag}`}
      data-status={samenvatting.status}
    >
      <span aria-hidden="true" className="rb-status-badge__icoon">
        {stijl.icoon}
      </span>{" "}
      {samenvatting.status_tekst}
    </StatusBadge>
  );
}

export function Tellingen({ s }: { s: UitvraagSummary }) {
  return (
    <ul className="rb-tellingen" data-testid={`tellingen-${s.uitvraag}`}>
      <li>
        <strong data-testid="aantal-fouten">{s.fouten}</strong> {s.fouten === 1 ? "fout" : "fouten"}
      </li>
      <li>
        <strong data-testid="aantal-waarschuwingen">{s.waarschuwingen}</strong>{" "}
        {s.waarschuwingen === 1 ? "waarschuwing" : "waarschuwingen"}
      </li>
      <li>
        <strong data-testid="aantal-signalen">{s.signalen}</strong> {s.signalen === 1 ? "signaal" : "signalen"}
      </li>
    </ul>
  );
}
