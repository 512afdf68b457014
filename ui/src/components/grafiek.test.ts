import { describe, expect, it } from "vitest";

import { vergelijking } from "../test/fixtures";
import { metEenheid, svgTekst, trendSvg, verdelingSvg } from "./grafiek";

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

  it("keeps the ARIA of the chart on the svg only", () => {
    const svg = verdelingSvg(vergelijking(), true);
    expect(svg.querySelectorAll("g[aria-label]")).toHaveLength(0);
    expect(svgTekst(svg)).not.toContain("<style");
  });
});
