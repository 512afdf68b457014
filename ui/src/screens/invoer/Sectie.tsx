// One section of the form with its kengetallen.

import type { KengetalView } from "../../bindings/KengetalView";
import type { SectionView } from "../../bindings/SectionView";
import { KengetallenBlok } from "../../components/common";
import { Heading2, Paragraph } from "../../components/utrecht";
import { kengetalSleutel } from "./formulier";
import { Post } from "./Post";
import type { VeldContext } from "./veldcontext";

export function KengetallenRij({
  kengetallen,
  voorbeeld,
  label,
}: {
  kengetallen: KengetalView[];
  voorbeeld: Map<string, KengetalView>;
  label: string;
}) {
  if (kengetallen.length === 0) return null;
  return (
    <div className="rb-kengetallen-rij" role="group" aria-label={label}>
      {kengetallen.map((k) => {
        const v = voorbeeld.get(kengetalSleutel(k));
        return <KengetallenBlok key={kengetalSleutel(k)} kengetal={v ?? k} titel={k.titel} voorbeeld={!!v} />;
      })}
    </div>
  );
}

export function Sectie({
  sectie,
  ctx,
  voorbeeld,
  alleDefinities,
}: {
  sectie: SectionView;
  ctx: VeldContext;
  voorbeeld: Map<string, KengetalView>;
  alleDefinities: boolean;
}) {
  const kopId = `sectie-kop-${sectie.code}`;
  return (
    <section className="rb-sectie" aria-labelledby={kopId} data-testid={`sectie-${sectie.code}`} id={`sectie-${sectie.code}`}>
      <Heading2 id={kopId}>{sectie.naam}</Heading2>
      <Paragraph>{sectie.omschrijving}</Paragraph>
      <KengetallenRij
        kengetallen={sectie.kengetallen}
        voorbeeld={voorbeeld}
        label={`Kengetallen ${sectie.naam}`}
      />
      {sectie.posten.map((p) => (
        <Post key={p.code} post={p} kolommen={sectie.kolommen} ctx={ctx} alleDefinities={alleDefinities} />
      ))}
    </section>
  );
}
