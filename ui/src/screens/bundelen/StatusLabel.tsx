// A file's status: an icon and the Dutch label, so it never depends on colour.

import { StatusBadge } from "../../components/utrecht";
import { statussen } from "./teksten";

export function StatusLabel({ status, label }: { status: string; label: string }) {
  const s = statussen.find((x) => x.status === status);
  return (
    <StatusBadge
      status={s?.badge ?? "neutral"}
      className={`rb-status-badge rb-status-badge--${status}`}
      data-status={status}
    >
      <span aria-hidden="true" className="rb-status-badge__icoon">
        {s?.icoon ?? "•"}
      </span>{" "}
      {label}
    </StatusBadge>
  );
}
