// axe-core over every screen, in jsdom (no layout: colour contrast and the like are left to
// the end-to-end run in the real webview). Fails on any violation of impact serious/critical,
// and lists the moderate ones too so they are seen.

import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { describe, expect, it } from "vitest";

import { App } from "./App";
import {
  amsterdam,
  appInfo,
  audit,
  bundelView,
  controleMeldingen,
  definitieVersies,
  exportVoorbeeld,
  formulier,
  overzicht,
  register,
  registerZoeken,
  wijzigingen,
} from "./test/fixtures";
import { benchmarkHandlers, mockCommands } from "./test/ipc";

async function ernstigeOvertredingen(): Promise<string[]> {
  const uitslag = await axe.run(document.documentElement, {
    rules: {
      // Needs real layout and rendering; checked in the e2e run.
      "color-contrast": { enabled: false },
    },
  });
  return uitslag.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical" || v.impact === "moderate")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

function mock(organisaties = [amsterdam]) {
  document.documentElement.lang = "nl";
  document.title = "Raadsbudget";
  return mockCommands({
    app_info: () => appInfo,
    organisaties: () => organisaties,
    overzicht: () => overzicht,
    formulier: () => formulier(),
    controle: () => controleMeldingen,
    export_voorbeeld: () => exportVoorbeeld,
    geschiedenis: () => [audit({ id: 1 }), audit({ id: 2, post: null, jaar: null, fase: null })],
    register_lezen: () => register,
    register_zoeken: registerZoeken,
    voorbeeld: () => ({ melding: null, kengetallen: [] }),
    slepen_volgen: () => null,
    bundelen: () => bundelView,
    definities_versies: () => definitieVersies,
    definities_wijzigingen: () => wijzigingen,
    ...benchmarkHandlers(),
  });
}

describe("accessibility (axe-core)", () => {
  it("Eerste start, with matches from the built-in register and a register read", async () => {
    const user = userEvent.setup();
    mock([]);
    render(<App />);
    await screen.findByTestId("formulier-organisatie");
    await user.type(screen.getByLabelText("Naam of CBS-code"), "utrecht");
    await screen.findByTestId("treffer-PV26");
    await user.type(screen.getByLabelText("Registerbestand (CSV)"), "/data/g.csv");
    await user.click(screen.getByTestId("knop-register-inlezen"));
    await screen.findByTestId("register-lijst");
    expect(await ernstigeOvertredingen()).toEqual([]);
  });

  it("Bundelen without an organisation, with a result and a file's findings open", async () => {
    const user = userEvent.setup();
    mock([]);
    render(<App />);
    await screen.findByTestId("formulier-organisatie");
    await user.click(screen.getByTestId("knop-naar-bundelen"));
    await screen.findByRole("heading", { level: 1, name: "Bundelen" });
    expect(await ernstigeOvertredingen()).toEqual([]);
    await user.type(screen.getByLabelText("Bestand, map of zip-archief"), "/in");
    await user.type(screen.getByLabelText("Uitvoermap"), "/uit");
    await user.click(screen.getByTestId("knop-bundelen"));
    await screen.findByTestId("bundel-resultaat");
    await user.click(screen.getByTestId("knop-meldingen-1"));
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    expect(await ernstigeOvertredingen()).toEqual([]);
  });

  it("Vergelijken with a hand-picked list, reference lines, a confirmation and a sorted table", async () => {
    const user = userEvent.setup();
    mock();
    render(<App />);
    await screen.findByRole("heading", { level: 1, name: "Overzicht" });
    await user.click(screen.getByTestId("nav-vergelijken"));
    await screen.findByTestId("vergelijk-resultaat");
    await user.selectOptions(screen.getByLabelText("Categorie"), "RKK");
    await screen.findByLabelText(/^Referentielijnen tonen/);
    await user.click(within(screen.getByTestId("vergelijk-tabel")).getByRole("button", { name: "Organisatie" }));
    await user.click(screen.getByTestId("knop-bron-verwijderen-1"));
    expect(await ernstigeOvertredingen()).toEqual([]);
    await user.click(screen.getByTestId("knop-bron-verwijderen-annuleren"));
    await user.selectOptions(screen.getByLabelText("Vergelijken met"), "lijst");
    await user.selectOptions(screen.getByLabelText("Opgeslagen lijst"), "G4");
    await screen.findByTestId("vergelijk-resultaat");
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    expect(await ernstigeOvertredingen()).toEqual([]);
  });

  it("Vergelijken without loaded data", async () => {
    const user = userEvent.setup();
    document.documentElement.lang = "nl";
    mockCommands({
      app_info: () => appInfo,
      organisaties: () => [amsterdam],
      overzicht: () => overzicht,
      ...benchmarkHandlers({ bronnen: [], lijsten: [] }),
    });
    render(<App />);
    await screen.findByRole("heading", { level: 1, name: "Overzicht" });
    await user.click(screen.getByTestId("nav-vergelijken"));
    await screen.findByTestId("vergelijk-leeg");
    expect(await ernstigeOvertredingen()).toEqual([]);
  });

  for (const scherm of [
    "overzicht",
    "invoer",
    "controle",
    "exporteren",
    "geschiedenis",
    "vergelijken",
    "factsheet",
    "backup",
    "bundelen",
    "definities",
  ]) {
    it(`${scherm}`, async () => {
      const user = userEvent.setup();
      mock();
      render(<App />);
      await screen.findByRole("heading", { level: 1, name: "Overzicht" });
      await user.click(screen.getByTestId(`nav-${scherm}`));
      await screen.findByRole("heading", { level: 1 });
      // Let the screen's command answer.
      await new Promise((r) => setTimeout(r, 50));
      if (scherm === "vergelijken") await screen.findByTestId("vergelijk-resultaat");
      if (scherm === "factsheet") await screen.findByTestId("factsheet");
      if (scherm === "definities") await screen.findByTestId("wijzigingen");
      if (scherm === "invoer") {
        await screen.findByTestId("sectie-GRF");
        await user.click(screen.getByTestId("knop-definitie-GRF_PERSONEEL"));
      }
      expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
      expect(await ernstigeOvertredingen()).toEqual([]);
    });
  }
});
