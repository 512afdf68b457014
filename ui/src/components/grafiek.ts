// The comparison charts, drawn with Observable Plot (bundled; SVG in the page), and their
// export as standalone SVG or PNG. Every number shown as text comes from the views (`tekst`);
// `Number(getal)` only places marks. Readable in grey-scale: black and greys, dashes and
// shapes, never colour alone.

import * as Plot from "@observablehq/plot";

import type { NumberView } from "../bindings/NumberView";
import type { ComparisonView } from "../bindings/ComparisonView";

const SVG_NS = "http://www.w3.org/2000/svg";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/** Font and colours, set on the SVG itself so an exported file looks the same. */
const LETTER = "'Noto Sans', 'Segoe UI', Arial, sans-serif";
const ZWART = "#1a1a1a";
const GRIJS_STAAF = "#8c8c8c"; // 3.4:1 against white (WCAG 1.4.11 for graphics)
const GRIJS_LIJN = "#4d4d4d";
const GRIJS_VLAK = "#d9d9d9";

const BREEDTE = 760;

/** A view's number as a chart position (never shown). */
function plek(g: NumberView | null): number {
  return g === null ? Number.NaN : Number(g.getal);
}

/** "€ 1,19", "2,5 fte", "12,3 %": the Rust-formatted text with the view's unit. */
export function metEenheid(tekst: string, eenheid: string): string {
  // Rust's texts already carry € and % (`€ 1,23`, `12,50 %`); fte comes bare.
  if (!eenheid || tekst.includes(eenheid)) return tekst;
  if (eenheid === "€") return `€ ${tekst}`;
  return `${tekst} ${eenheid}`;
}

/** Axis ticks in Dutch notation (the ticks are the chart's own, not figures from the data). */
const tickNl = Plot.formatNumber("nl-NL");

function stijl(svg: SVGSVGElement, aria: string) {
  // The SVG is one image (role img) with one text alternative; Plot's aria-labels on the
  // groups inside ("bar", "rule", …) are not allowed on a <g> without a role, and say nothing.
  svg.querySelectorAll("[aria-label], [aria-description]").forEach((el) => {
    el.removeAttribute("aria-label");
    el.removeAttribute("aria-description");
  });
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", aria);
  svg.setAttribute("font-family", LETTER);
  svg.setAttribute("color", ZWART);
  svg.style.color = ZWART;
  svg.style.backgroundColor = "#ffffff";
  svg.style.fontFamily = LETTER;
}

function metTestId(svg: SVGSVGElement, selector: string, testId: string) {
  svg.querySelectorAll(selector).forEach((el) => el.setAttribute("data-testid", testId));
}

/** Room right of the bars for the labels of the lines. */
const LABELRUIMTE = 170;
/** Two line labels closer than this many pixels (centre to centre) would touch. */
export const LABEL_AFSTAND = 15;

/**
 * Moves label positions (pixels from the top, in any order) apart so that no two are closer
 * than `afstand`, each as close to its own line as it can be, within `[boven, onder]` when
 * they fit there. Positions that are not numbers stay as they are. Returns them in input order.
 */
export function spreidLabels(ys: number[], afstand: number, boven: number, onder: number): number[] {
  const uit = [...ys];
  const volgorde = ys
    .map((y, i) => ({ y, i }))
    .filter((p) => Number.isFinite(p.y))
    .sort((a, b) => a.y - b.y || a.i - b.i);
  // Downwards: each label at least `afstand` below the one above it.
  let vorige = Number.NEGATIVE_INFINITY;
  for (const p of volgorde) {
    p.y = Math.max(p.y, boven, vorige + afstand);
    vorige = p.y;
  }
  // Upwards: back inside the bottom edge, keeping the distance.
  let volgende = Number.POSITIVE_INFINITY;
  for (const p of [...volgorde].reverse()) {
    p.y = Math.min(p.y, onder, volgende - afstand);
    volgende = p.y;
  }
  for (const p of volgorde) uit[p.i] = p.y;
  return uit;
}

interface Staaf {
  code: string;
  naam: string;
  y: number;
  eigen: boolean;
}

/**
 * The distribution: one bar per organisation with a value, in the order of `rijen` (highest
 * first); the own bar black with a triangle above it and its name and value; median (solid)
 * and 25 %/75 % (dotted) as rules with labels; the reference lines dashed (when shown).
 */
export function verdelingSvg(view: ComparisonView, toonReferenties: boolean, doc: Document = document): SVGSVGElement {
  const staven: Staaf[] = view.rijen
    .filter((r) => r.waarde !== null)
    .map((r) => ({ code: r.code, naam: r.naam, y: plek(r.waarde), eigen: r.eigen }));
  const eigen = staven.filter((s) => s.eigen);
  const eigenIndex = staven.findIndex((s) => s.eigen);
  const eigenLabel =
    view.eigen.waarde !== null ? `${view.eigen.naam}: ${metEenheid(view.eigen.waarde.tekst, view.eenheid)}` : "";
  const stat = view.statistiek;
  const kwartielen = stat
    ? [
        { naam: "25%", g: stat.p25 },
        { naam: "75%", g: stat.p75 },
      ]
    : [];
  const mediaan = stat ? [{ naam: "mediaan", g: stat.mediaan }] : [];
  const referenties = toonReferenties ? view.referenties : [];

  const lijnen: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: ZWART }),
    Plot.barY(
      staven.filter((s) => !s.eigen),
      { x: "code", y: "y", fill: GRIJS_STAAF, className: "rb-g-staaf" },
    ),
    Plot.barY(eigen, { x: "code", y: "y", fill: ZWART, className: "rb-g-eigen-staaf" }),
    Plot.ruleY(kwartielen, {
      y: (d: { g: NumberView }) => plek(d.g),
      stroke: ZWART,
      strokeWidth: 1.5,
      strokeDasharray: "2,3",
      className: "rb-g-kwartiel",
    }),
    Plot.ruleY(mediaan, { y: (d: { g: NumberView }) => plek(d.g), stroke: ZWART, strokeWidth: 2.5, className: "rb-g-mediaan" }),
    Plot.ruleY(referenties, {
      y: (d: { waarde: NumberView }) => plek(d.waarde),
      stroke: GRIJS_LIJN,
      strokeWidth: 1.5,
      strokeDasharray: "8,5",
      className: "rb-g-referentie",
    }),
    Plot.dot(eigen, {
      x: "code",
      y: "y",
      symbol: "triangle2",
      r: 7,
      rotate: 180,
      fill: ZWART,
      stroke: "#ffffff",
      strokeWidth: 1,
      dy: -11,
      className: "rb-g-eigen",
    }),
    Plot.text(eigen, {
      x: "code",
      y: "y",
      text: () => eigenLabel,
      dy: -26,
      // Keep the label inside the chart: to the right of the bar in the left half, else left.
      textAnchor: eigenIndex < staven.length / 2 ? "start" : "end",
      fontSize: 13,
      fontWeight: "bold",
      fill: ZWART,
      stroke: "#ffffff",
      strokeWidth: 4,
      paintOrder: "stroke",
      className: "rb-g-eigen-label",
    }),
    Plot.text(["Organisaties in de groep, van hoogste naar laagste waarde"], {
      frameAnchor: "bottom",
      dy: 16,
      fill: ZWART,
      className: "rb-g-x-label",
    }),
  ];
  const opties = {
    document: doc,
    width: BREEDTE,
    height: 340,
    marginTop: 48,
    marginRight: LABELRUIMTE,
    marginBottom: 30,
    marginLeft: 56,
    style: { fontFamily: LETTER, fontSize: "12px", color: ZWART, backgroundColor: "#ffffff" },
    x: { domain: staven.map((s) => s.code), axis: null, padding: 0.15 },
  };
  const yOpties = { label: view.indicator_label, tickFormat: tickNl, nice: true, zero: true };

  // The labels of the median, the quartiles and the reference lines stand in the right
  // margin, beside the bars and never over them, each at its line's height or, when two
  // would touch, moved apart just enough (`spreidLabels`). A first drawing without them gives
  // the y scale; the second keeps its domain, so the labels do not change it.
  const schaal = Plot.plot({ ...opties, y: yOpties, marks: lijnen }).scale("y");
  const labels = [
    ...[...kwartielen, ...mediaan].map((d) => ({
      soort: "stat",
      tekst: `${d.naam} ${metEenheid(d.g.tekst, view.eenheid)}`,
      y: plek(d.g),
    })),
    ...referenties.map((d) => ({ soort: "referentie", tekst: d.label, y: plek(d.waarde) })),
  ];
  let geplaatst = labels;
  if (schaal?.apply && schaal.invert && schaal.range) {
    const [onder, boven] = schaal.range as [number, number];
    const pixels = spreidLabels(
      labels.map((l) => Number(schaal.apply(l.y))),
      LABEL_AFSTAND,
      Math.min(boven, onder),
      Math.max(boven, onder),
    );
    geplaatst = labels.map((l, i) => ({ ...l, y: Number(schaal.invert!(pixels[i])) }));
  }
  const labelMark = (soort: string, className: string) =>
    Plot.text(
      geplaatst.filter((l) => l.soort === soort),
      {
        y: "y",
        text: "tekst",
        frameAnchor: "right",
        textAnchor: "start",
        lineAnchor: "middle",
        dx: 6,
        fill: ZWART,
        className,
      },
    );
  const marks = [...lijnen, labelMark("stat", "rb-g-stat-label"), labelMark("referentie", "rb-g-referentie-label")];
  const svg = Plot.plot({
    ...opties,
    y: schaal?.domain ? { ...yOpties, domain: schaal.domain, nice: false } : yOpties,
    marks,
  }) as SVGSVGElement;

  stijl(svg, view.tekstalternatief);
  metTestId(svg, "g.rb-g-eigen", "eigen-markering");
  metTestId(svg, "g.rb-g-eigen-label text", "eigen-label");
  metTestId(svg, "g.rb-g-mediaan line", "mediaan-lijn");
  metTestId(svg, "g.rb-g-kwartiel line", "kwartiel-lijn");
  metTestId(svg, "g.rb-g-stat-label text", "statistiek-label");
  metTestId(svg, "g.rb-g-referentie line", "referentielijn");
  metTestId(svg, "g.rb-g-referentie-label text", "referentie-label");
  return svg;
}

interface TrendRij {
  jaar: number;
  eigen: number;
  mediaan: number;
  p25: number;
  p75: number;
  /** Which stretch of comparable years the point belongs to: lines never join across a break. */
  reeks: number;
}

/**
 * The trend: the own value (solid black line with dots) against the peer median (dashed) and
 * the band from the 25th to the 75th percentile (light grey), one point per loaded year. Where
 * the definitions changed the figure between two years, the lines stop and a dotted vertical
 * line marks the break (its reason is in the trend text).
 */
export function trendSvg(view: ComparisonView, doc: Document = document): SVGSVGElement {
  let reeks = 0;
  const data: TrendRij[] = view.trend.map((t) => ({
    jaar: t.jaar,
    eigen: plek(t.eigen),
    mediaan: plek(t.mediaan),
    p25: plek(t.p25),
    p75: plek(t.p75),
    reeks: t.breuk ? ++reeks : reeks,
  }));
  const breuken = view.trend.filter((t) => t.breuk !== null);
  const laatste = data.length > 0 ? [data[data.length - 1]] : [];
  const label = (tekst: string, veld: keyof TrendRij, dy: number) =>
    Plot.text(
      laatste.filter((d) => Number.isFinite(d[veld])),
      { x: "jaar", y: veld, text: () => tekst, textAnchor: "start", dx: 10, dy, fill: ZWART, className: "rb-g-trend-label" },
    );
  const svg = Plot.plot({
    document: doc,
    width: BREEDTE,
    height: 280,
    marginTop: 28,
    marginRight: 150,
    marginLeft: 56,
    marginBottom: 36,
    style: { fontFamily: LETTER, fontSize: "12px", color: ZWART, backgroundColor: "#ffffff" },
    x: { type: "point", domain: data.map((d) => d.jaar), label: "Jaar", tickFormat: "d", padding: 0.3 },
    y: { label: view.indicator_label, tickFormat: tickNl, nice: true, zero: true },
    marks: [
      Plot.areaY(data, { x: "jaar", y1: "p25", y2: "p75", z: "reeks", fill: GRIJS_VLAK, className: "rb-g-band" }),
      Plot.ruleY([0], { stroke: ZWART }),
      Plot.lineY(data, {
        x: "jaar",
        y: "mediaan",
        z: "reeks",
        stroke: GRIJS_LIJN,
        strokeWidth: 2,
        strokeDasharray: "7,5",
        marker: "circle-stroke",
        className: "rb-g-trend-mediaan",
      }),
      Plot.lineY(data, {
        x: "jaar",
        y: "eigen",
        z: "reeks",
        stroke: ZWART,
        strokeWidth: 3,
        marker: "circle",
        className: "rb-g-trend-eigen",
      }),
      // Years with a value next to missing ones still get their dot.
      Plot.dot(
        data.filter((d) => Number.isFinite(d.eigen)),
        { x: "jaar", y: "eigen", r: 4, fill: ZWART, className: "rb-g-trend-eigen-punt" },
      ),
      Plot.ruleX(breuken, {
        x: "jaar",
        dx: -18,
        stroke: ZWART,
        strokeWidth: 1.5,
        strokeDasharray: "2,4",
        className: "rb-g-trend-breuk",
      }),
      Plot.text(breuken, {
        x: "jaar",
        dx: -18,
        frameAnchor: "top",
        dy: -16,
        text: () => "breuk",
        fill: ZWART,
        className: "rb-g-trend-breuk-label",
      }),
      label(view.eigen.naam, "eigen", -10),
      label("mediaan", "mediaan", 12),
      label("25%–75%", "p25", 14),
    ],
  }) as SVGSVGElement;
  stijl(svg, `${view.trend_tekst}`);
  metTestId(svg, "g.rb-g-trend-eigen", "trend-eigen");
  metTestId(svg, "g.rb-g-trend-mediaan", "trend-mediaan");
  metTestId(svg, "g.rb-g-band", "trend-band");
  metTestId(svg, "g.rb-g-trend-breuk", "trend-breuk");
  return svg;
}

// --- Export ---------------------------------------------------------------------------------

/**
 * The chart as a standalone SVG document: namespace declared, font and colours inline, a white
 * background (so it renders the same in an image viewer, a browser or a word processor).
 */
export function svgTekst(svg: SVGSVGElement): string {
  const kopie = svg.cloneNode(true) as SVGSVGElement;
  kopie.setAttributeNS(XMLNS_NS, "xmlns", SVG_NS);
  kopie.removeAttribute("class");
  kopie.setAttribute("font-family", LETTER);
  kopie.setAttribute("color", ZWART);
  kopie.setAttribute("style", `font-family: ${LETTER}; font-size: 12px; color: ${ZWART}; background-color: #ffffff`);
  const doc = kopie.ownerDocument;
  const achtergrond = doc.createElementNS(SVG_NS, "rect");
  achtergrond.setAttribute("width", "100%");
  achtergrond.setAttribute("height", "100%");
  achtergrond.setAttribute("fill", "#ffffff");
  kopie.insertBefore(achtergrond, kopie.firstChild);
  // Plot's own <style> is scoped to its class; the file does without.
  kopie.querySelectorAll("style").forEach((s) => s.remove());
  // `currentColor` has no `color` to inherit outside the page: spell it out.
  kopie.querySelectorAll("[fill='currentColor']").forEach((el) => el.setAttribute("fill", ZWART));
  kopie.querySelectorAll("[stroke='currentColor']").forEach((el) => el.setAttribute("stroke", ZWART));
  kopie.setAttribute("fill", ZWART);
  return new XMLSerializer().serializeToString(kopie);
}

/** Size of the SVG in CSS pixels (Plot sets width and height). */
export function svgMaat(svg: SVGSVGElement): { breedte: number; hoogte: number } {
  return {
    breedte: Number(svg.getAttribute("width")) || BREEDTE,
    hoogte: Number(svg.getAttribute("height")) || 340,
  };
}

/**
 * Loading an image: separate so tests (jsdom decodes no images) can replace it. The SVG comes
 * in as a `data:` URL, which the CSP allows (`img-src 'self' data:`); nothing is fetched.
 */
export const afbeelding = {
  laden(src: string): Promise<CanvasImageSource> {
    return new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error("De grafiek kon niet als afbeelding worden getekend."));
      img.src = src;
    });
  },
};

/**
 * Draws an image on a canvas at `schaal` (2 = sharp on paper and high-DPI screens) on a white
 * background; the PNG as base64 without the `data:image/png;base64,` prefix.
 */
export function tekenPng(
  img: CanvasImageSource,
  breedte: number,
  hoogte: number,
  schaal = 2,
  doc: Document = document,
): string {
  const canvas = doc.createElement("canvas");
  canvas.width = Math.round(breedte * schaal);
  canvas.height = Math.round(hoogte * schaal);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("Tekenen op een canvas is hier niet mogelijk.");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const url = canvas.toDataURL("image/png");
  const prefix = "data:image/png;base64,";
  if (!url.startsWith(prefix)) throw new Error("De grafiek kon niet als PNG worden gemaakt.");
  return url.slice(prefix.length);
}

/** The chart as PNG (base64, no prefix), via an SVG data URL drawn on a canvas at 2×. */
export async function svgNaarPng(svg: SVGSVGElement): Promise<string> {
  const tekst = svgTekst(svg);
  const { breedte, hoogte } = svgMaat(svg);
  const img = await afbeelding.laden(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(tekst)}`);
  return tekenPng(img, breedte, hoogte, 2, svg.ownerDocument);
}

// Re-exported for the tests.
export { SVG_NS };
