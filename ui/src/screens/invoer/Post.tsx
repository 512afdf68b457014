// One post: its label, definition and a field per column.

import { useState } from "react";

import type { ColumnView } from "../../bindings/ColumnView";
import type { PostRow } from "../../bindings/PostRow";
import { Button, Heading3, Paragraph } from "../../components/utrecht";
import { postSleutel } from "../../ids";
import { Veld } from "./Veld";
import { eenheidTekst, type VeldContext } from "./veldcontext";

export function Post({
  post,
  kolommen,
  ctx,
  alleDefinities,
}: {
  post: PostRow;
  kolommen: ColumnView[];
  ctx: VeldContext;
  alleDefinities: boolean;
}) {
  const [open, setOpen] = useState(false);
  const definitieId = `definitie-${postSleutel(post.code)}`;
  const heeftDefinitie = post.wel.trim() !== "" || post.niet.trim() !== "";
  const toon = open || alleDefinities;
  return (
    <div className="rb-post" data-testid={`post-${postSleutel(post.code)}`}>
      <div className="rb-post__info">
        <Heading3 className="rb-post__label" id={`post-kop-${postSleutel(post.code)}`}>
          {post.label}
        </Heading3>
        <Paragraph small className="rb-post__meta">
          <span className="rb-post__code">{post.code}</span> · eenheid: {eenheidTekst[post.eenheid] ?? post.eenheid}
          {post.eenheid === "euro" && (post.kernbudget ? " · telt mee in het kernbudget" : " · telt niet mee in het kernbudget")}
        </Paragraph>
        <Paragraph className="rb-post__omschrijving">{post.omschrijving}</Paragraph>
        {heeftDefinitie && (
          <>
            {!alleDefinities && (
              <Button
                appearance="subtle-button"
                className="rb-post__definitie-knop"
                aria-expanded={open}
                aria-controls={definitieId}
                onClick={() => setOpen((o) => !o)}
                data-testid={`knop-definitie-${postSleutel(post.code)}`}
              >
                Definitie<span className="rb-visually-hidden"> van {post.label}</span>
                <span aria-hidden="true">{open ? " ▲" : " ▼"}</span>
              </Button>
            )}
            <div id={definitieId} className="rb-post__definitie" hidden={!toon}>
              {post.wel.trim() !== "" && (
                <Paragraph>
                  <strong>Wel:</strong> {post.wel}
                </Paragraph>
              )}
              {post.niet.trim() !== "" && (
                <Paragraph>
                  <strong>Niet:</strong> {post.niet}
                </Paragraph>
              )}
            </div>
          </>
        )}
      </div>
      {kolommen.map((k, i) => {
        const cel = post.cellen.find((c) => c.jaar === k.jaar && c.fase === k.fase) ?? post.cellen[i];
        if (!cel || !cel.gevraagd) {
          return <div key={`${k.jaar}-${k.fase}`} className="rb-cel rb-cel--niet-gevraagd" aria-hidden="true" />;
        }
        return <Veld key={`${k.jaar}-${k.fase}`} post={post} cel={cel} kolom={k} ctx={ctx} />;
      })}
    </div>
  );
}
