import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { App } from "../App";
import { amsterdam, appInfo, bron, bron2024, factsheetView, overzicht } from "../test/fixtures";
import { aanroepenVan, benchmarkHandlers, laatsteVan, mockCommands, type Handler } from "../test/ipc";
import { FactsheetScherm, factsheetJaren } from "./Factsheet";

function mock(extra: Record<string, Handler> = {}, bronnen = [bron, bron2024]) {
  return mockCommands({ ...benchmarkHandlers({ bronnen, lijsten: [] }), ...extra });
}

describe("Factsheet", () => {
  it("shows the factsheet's HTML for the chosen uitvraag, years from the loaded data", async () => {
    const user = userEvent.setup();
    const aanroepen = mock();
    render(<FactsheetScherm org={amsterdam} uitvraag={2026} />);
    const fs = await screen.findByTestId("factsheet");
    expect(laatsteVan(aanroepen, "vergelijk_opties")?.args).toEqual({ organisatie: "GM0363" });
    expect(laatsteVan(aanroepen, "factsheet")?.args).toEqual({ organisatie: "GM0363", uitvraag: 2026 });
    expect(fs).toHaveTextContent("Totaal raadsondersteuning: € 12,34 per inwoner");
    expect(within(fs).getByRole("table")).toHaveTextContent("Griffie");
    // One h1 on the screen: the factsheet's title is a level lower in the app.
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    expect(within(fs).getByRole("heading", { level: 2 })).toHaveTextContent(factsheetView.titel);

    const keuze = screen.getByLabelText("Uitvraag");
    expect(keuze).toHaveAttribute("id", "factsheet-uitvraag");
    expect(within(keuze).getAllByRole("option").map((o) => o.textContent)).toEqual(["2026", "2025", "2024"]);
    expect(keuze).toHaveValue("2026");
    await user.selectOptions(keuze, "2025");
    await waitFor(() => expect(laatsteVan(aanroepen, "factsheet")?.args).toEqual({ organisatie: "GM0363", uitvraag: 2025 }));
    expect(screen.queryByTestId("factsheet-geen-bronnen")).toBeNull();
  });

  it("saves a PDF to the typed path, or to the one chosen in the save dialog", async () => {
    const user = userEvent.setup();
    const aanroepen = mock({
      "plugin:dialog|save": (args) => {
        const opties = (args as { options: { filters: Array<{ extensions: string[] }>; defaultPath: string } }).options;
        expect(opties.filters[0].extensions).toEqual(["pdf"]);
        expect(opties.defaultPath).toBe("factsheet-GM0363-2026.pdf");
        return "/home/griffie/factsheet.pdf";
      },
    });
    render(<FactsheetScherm org={amsterdam} uitvraag={2026} />);
    await screen.findByTestId("factsheet");
    await user.click(screen.getByTestId("knop-factsheet-pdf"));
    await waitFor(() => expect(aanroepenVan(aanroepen, "factsheet_pdf")).toHaveLength(1));
    expect(laatsteVan(aanroepen, "factsheet_pdf")?.args).toEqual({
      organisatie: "GM0363",
      uitvraag: 2026,
      pad: "/home/griffie/factsheet.pdf",
    });
    const status = await screen.findByTestId("factsheet-status");
    await waitFor(() => expect(status).toHaveTextContent("Opgeslagen: /home/griffie/factsheet.pdf"));
    expect(status).toHaveAttribute("role", "status");

    await user.type(screen.getByLabelText("Opslaan als (PDF, optioneel)"), "/tmp/fs.pdf");
    await user.click(screen.getByTestId("knop-factsheet-pdf"));
    await waitFor(() => expect(aanroepenVan(aanroepen, "factsheet_pdf")).toHaveLength(2));
    expect(laatsteVan(aanroepen, "factsheet_pdf")?.args).toEqual({ organisatie: "GM0363", uitvraag: 2026, pad: "/tmp/fs.pdf" });
    await waitFor(() => expect(status).toHaveTextContent("Opgeslagen: /tmp/fs.pdf"));
  });

  it("prints with the browser's print dialog", async () => {
    const user = userEvent.setup();
    mock();
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    render(<FactsheetScherm org={amsterdam} uitvraag={2026} />);
    await screen.findByTestId("factsheet");
    await user.click(screen.getByTestId("knop-afdrukken"));
    expect(print).toHaveBeenCalledTimes(1);
    // The controls are marked so print CSS leaves them out.
    expect(screen.getByTestId("knop-afdrukken").closest(".rb-niet-afdrukken")).not.toBeNull();
    expect(screen.getByTestId("factsheet").closest(".rb-niet-afdrukken")).toBeNull();
  });

  it("without loaded data asks nothing and says where to load data", async () => {
    const aanroepen = mock({}, []);
    render(<FactsheetScherm org={amsterdam} uitvraag={2026} />);
    expect(await screen.findByTestId("factsheet-geen-bronnen")).toHaveTextContent("scherm Vergelijken");
    expect(screen.getByLabelText("Uitvraag")).toBeDisabled();
    expect(aanroepenVan(aanroepen, "factsheet")).toHaveLength(0);
    expect(screen.queryByTestId("factsheet")).toBeNull();
    expect(screen.getByTestId("knop-factsheet-pdf")).toBeDisabled();
    expect(screen.getByTestId("knop-afdrukken")).toBeDisabled();
  });

  it("opens on the newest loaded uitvraag when the app's uitvraag is not loaded", async () => {
    const aanroepen = mock({}, [bron2024]);
    render(<FactsheetScherm org={amsterdam} uitvraag={2026} />);
    await screen.findByTestId("factsheet");
    expect(laatsteVan(aanroepen, "factsheet")?.args).toEqual({ organisatie: "GM0363", uitvraag: 2024 });
    expect(screen.getByLabelText("Uitvraag")).toHaveValue("2024");
  });

  it("shows the command's error", async () => {
    mock({
      factsheet: () => {
        throw { kind: "niet_gevonden", kop: "Niet gevonden", message: "geen gegevens voor uitvraag 2026", meldingen: [] };
      },
    });
    render(<FactsheetScherm org={amsterdam} uitvraag={2026} />);
    await waitFor(() => expect(screen.getByTestId("foutmelding")).toHaveTextContent("geen gegevens voor uitvraag 2026"));
    expect(screen.queryByTestId("factsheet")).toBeNull();
    expect(screen.getByTestId("knop-factsheet-pdf")).toBeDisabled();
  });

  it("is reachable from the menu and from Overzicht per uitvraag", async () => {
    const user = userEvent.setup();
    const aanroepen = mockCommands({
      app_info: () => appInfo,
      organisaties: () => [amsterdam],
      overzicht: () => overzicht,
      ...benchmarkHandlers(),
    });
    render(<App />);
    await screen.findByRole("heading", { level: 1, name: "Overzicht" });
    await user.selectOptions(await screen.findByLabelText("Uitvraag"), "2025");
    await user.click(await screen.findByTestId("knop-open-factsheet"));
    expect(await screen.findByRole("heading", { level: 1, name: "Factsheet" })).toHaveFocus();
    await screen.findByTestId("factsheet");
    expect(laatsteVan(aanroepen, "factsheet")?.args).toEqual({ organisatie: "GM0363", uitvraag: 2025 });
    expect(screen.getByTestId("nav-factsheet")).toHaveAttribute("aria-current", "page");
  });

  it("offers the loaded uitvraagjaren, newest first, once each", () => {
    expect(factsheetJaren([{ uitvraagjaren: [2024, 2025] }, { uitvraagjaren: [2026, 2025] }])).toEqual([2026, 2025, 2024]);
  });
});
