import { describe, expect, it } from "vitest";

import { LABEL_AFSTAND, metEenheid, spreidLabels, svgTekst, trendSvg, verdelingSvg } from "./grafiek";
import { standaardVerzoek, vergelijking } from "../test/fixtures";

describe("grafiek", () => {
  it("formats a value with its unit", () => {
    expect(metEenheid("1,19", "€")).toBe("€ 1,19");
    expect(metEenheid("2,5", "fte")).toBe("2,5 fte");
    expect(metEenheid("12,3", "%")).toBe("12,3 %");
    expect(metEenheid("7", "")).toBe("7");
  });

  it("draws a group where nobody has a value, without marks, statistics or own label", () => {
    const v = vergelijking();
    const leeg = {
      ...v,
      eigen: { ...v.eigen, waarde: null, plaats: null },
      rijen: v.rijen.map((r) => ({ ...r, waarde: null, plaats: null })),
      statistiek: null,
      positie: null,
    };
    const svg = verdelingSvg(leeg, true);
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.querySelectorAll("rect")).toHaveLength(0);
    expect(svg.querySelector('[data-testid="eigen-label"]')).toBeNull();
    expect(svg.querySelector('[data-testid="mediaan-lijn"]')).toBeNull();
  });

  it("draws a trend of one year, and one with gaps", () => {
    const v = vergelijking();
    const een = trendSvg({ ...v, trend: [v.trend[3]] });
    expect(een.querySelectorAll('[data-testid="trend-eigen"]')).toHaveLength(1);
    const gaten = trendSvg(v);
    // 2025 has no own value: the own line breaks there, the dots stay.
    expect(gaten.querySelectorAll("g.rb-g-trend-eigen-punt circle")).toHaveLength(3);
  });

  it("breaks the trend's lines where the definitions changed, and marks the break", () => {
    const v = vergelijking();
    const heel = trendSvg(v);
    expect(heel.querySelectorAll("g.rb-g-trend-breuk line")).toHaveLength(0);
    expect(heel.querySelectorAll("g.rb-g-trend-mediaan path")).toHaveLength(1);
    const trend = v.trend.map((t) => (t.jaar === 2025 ? { ...t, breuk: "GRF.FTE heeft een andere definitie" } : t));
    const gebroken = trendSvg({ ...v, trend });
    expect(gebroken.querySelectorAll("g.rb-g-trend-breuk line")).toHaveLength(1);
    // The median line is drawn in two pieces: 2023–2024 and 2025–2026.
    expect(gebroken.querySelectorAll("g.rb-g-trend-mediaan path")).toHaveLength(2);
    expect(gebroken.querySelector('[data-testid="trend-breuk"]')).not.toBeNull();
  });

  it("spreads line labels apart, each as near its line as it can be", () => {
    expect(spreidLabels([100, 50, 200], 15, 0, 300)).toEqual([100, 50, 200]);
    expect(spreidLabels([100, 105, 104], 15, 0, 300)).toEqual([100, 130, 115]);
    // At the bottom edge they move up instead of out of the chart.
    expect(spreidLabels([298, 299], 15, 0, 300)).toEqual([285, 300]);
    expect(spreidLabels([Number.NaN, 10], 15, 0, 300)).toEqual([Number.NaN, 10]);
  });

  it("puts the labels of the lines beside the bars, never two on top of each other", () => {
    // The rekenkamer per inwoner has reference lines at € 1,00 and € 1,30, next to the
    // 25 % (€ 0,98) and 75 % (€ 1,35) lines.
    const v = vergelijking({ ...standaardVerzoek, categorie: "RKK", indicator: "per_inwoner" });
    const svg = verdelingSvg(v, true);
    const labels = [...svg.querySelectorAll("g.rb-g-stat-label text, g.rb-g-referentie-label text")];
    expect(labels.map((t) => t.textContent)).toEqual([
      "25% € 0,98",
      "75% € 1,35",
      "mediaan € 1,12",
      "€ 1,00 per inwoner",
      "€ 1,30 per inwoner",
    ]);
    const plek = (t: Element) => {
      const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(t.getAttribute("transform") ?? "");
      return { x: Number(m?.[1] ?? Number.NaN), y: Number(m?.[2] ?? Number.NaN) };
    };
    const rechtsVanStaven = Math.max(
      ...[...svg.querySelectorAll("g.rb-g-staaf rect, g.rb-g-eigen-staaf rect")].map(
        (r) => Number(r.getAttribute("x")) + Number(r.getAttribute("width")),
      ),
    );
    const ys = labels.map((t) => plek(t).y).sort((a, b) => a - b);
    for (const t of labels) {
      expect(plek(t).x).toBeGreaterThan(rechtsVanStaven);
    }
    for (let i = 1; i < ys.length; i++) {
      expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(LABEL_AFSTAND - 0.01);
    }
  });

  it("keeps the ARIA of the chart on the svg only", () => {
    const svg = verdelingSvg(vergelijking(), true);
    expect(svg.querySelectorAll("g[aria-label]")).toHaveLength(0);
    expect(svgTekst(svg)).not.toContain("<style");
  });
});
