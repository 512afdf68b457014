import type { Channel } from "@tauri-apps/api/core";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import type { BundelVoortgang, Slepen } from "../../api";
import type { BundleView } from "../../bindings/BundleView";
import { bundelView } from "../../test/fixtures";
import { aanroepenVan, laatsteVan, mockCommands, type Handler } from "../../test/ipc";
import { aantalTekst } from "../../components/aantal";
import { BundelenScherm } from ".";

/** Mocks the bundle commands; `bundelen` answers when the test calls `klaar`. */
function mockBundel(extra: Record<string, Handler> = {}) {
  const state: {
    voortgang: Channel<BundelVoortgang> | null;
    slepen: Channel<Slepen> | null;
    klaar: (v: BundleView) => void;
    mislukt: (e: unknown) => void;
  } = { voortgang: null, slepen: null, klaar: () => {}, mislukt: () => {} };
  const aanroepen = mockCommands({
    slepen_volgen: ({ kanaal }) => {
      state.slepen = kanaal as Channel<Slepen>;
      return null;
    },
    bundelen: ({ voortgang }) => {
      state.voortgang = voortgang as Channel<BundelVoortgang>;
      return new Promise((resolve, reject) => {
        state.klaar = resolve;
        state.mislukt = reject;
      });
    },
    uitvoermap_openen: () => null,
    ...extra,
  });
  return { aanroepen, state };
}

describe("Bundelen", () => {
  it("bundles the typed input into the output folder, shows progress, then the result", async () => {
    const user = userEvent.setup();
    const { aanroepen, state } = mockBundel();
    render(<BundelenScherm />);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Bundelen");
    expect(screen.getByTestId("knop-bundelen")).toBeDisabled();
    expect(screen.getByTestId("bundelen-uitleg")).toHaveTextContent("Kies eerst de invoer en een uitvoermap.");

    await user.type(screen.getByLabelText("Bestand, map of zip-archief"), "/in");
    await user.type(screen.getByLabelText("Uitvoermap"), "/onderzoek/bundel-2026");
    await user.type(screen.getByLabelText("Uitvraagjaar (optioneel)"), "2026");
    await user.click(screen.getByLabelText("Ook bundel.xlsx maken (dezelfde tabellen als werkbladen)"));
    await user.click(screen.getByTestId("knop-bundelen"));

    await waitFor(() => expect(aanroepenVan(aanroepen, "bundelen")).toHaveLength(1));
    expect(laatsteVan(aanroepen, "bundelen")?.args.verzoek).toEqual({
      invoer: ["/in"],
      uit: "/onderzoek/bundel-2026",
      register: null,
      uitvraag: 2026,
      xlsx: true,
    });
    // The typed path moved into the list; the button is busy.
    expect(screen.getByTestId("invoer-0")).toHaveTextContent("/in");
    expect(screen.getByTestId("knop-bundelen")).toBeDisabled();
    expect(screen.getByTestId("knop-bundelen")).toHaveAttribute("aria-busy", "true");

    const balk = screen.getByLabelText("Voortgang van het bundelen");
    expect(balk.tagName).toBe("PROGRESS");
    expect(screen.getByTestId("bundel-voortgang")).toBeVisible();
    expect(screen.getByTestId("bundel-voortgang-melding")).toHaveTextContent("bestanden zoeken");
    act(() => state.voortgang!.onmessage({ gelezen: 0, totaal: 1234 }));
    act(() => state.voortgang!.onmessage({ gelezen: 256, totaal: 1234 }));
    expect(balk).toHaveAttribute("max", "1234");
    expect(balk).toHaveAttribute("value", "256");
    expect(screen.getByTestId("bundel-voortgang-tekst")).toHaveTextContent("256 van 1.234 bestanden gelezen");
    expect(screen.getByTestId("bundel-voortgang-melding")).toHaveAttribute("role", "status");
    expect(screen.getByTestId("bundel-voortgang-melding")).toHaveTextContent("256 van 1.234 bestanden gelezen");

    act(() => state.klaar(bundelView));
    const resultaat = await screen.findByTestId("bundel-resultaat");
    expect(screen.getByTestId("bundel-voortgang")).not.toBeVisible();
    expect(screen.getByTestId("bundel-voortgang-melding")).toHaveTextContent("Klaar: 4 bestanden gebundeld.");
    await waitFor(() => expect(screen.getByRole("heading", { name: "Resultaat" })).toHaveFocus());
    expect(within(resultaat).getByTestId("aantal-bestanden")).toHaveTextContent("4");
    expect(within(resultaat).getByTestId("aantal-geaccepteerd")).toHaveTextContent("2");
    expect(within(resultaat).getByTestId("aantal-dubbel")).toHaveTextContent("1");
    expect(within(resultaat).getByTestId("aantal-afgewezen")).toHaveTextContent("1");
    expect(within(resultaat).getByTestId("aantal-organisaties")).toHaveTextContent("2");
    expect(within(resultaat).queryByTestId("aantal-overgeslagen")).toBeNull();
    expect(within(resultaat).queryByTestId("bundel-respons")).toBeNull();
    expect(screen.getByText("Bundel gemaakt, met afgewezen bestanden")).toBeInTheDocument();
    // The CLI's lines, as they are.
    expect(screen.getByTestId("bundel-samenvatting").textContent).toBe(bundelView.samenvatting.join("\n"));
    expect(screen.getByTestId("bundel-uitvoermap")).toHaveTextContent("/onderzoek/bundel-2026");
    expect(within(screen.getByTestId("bundel-uitvoer")).getAllByRole("listitem").map((li) => li.textContent)).toEqual(
      bundelView.uitvoer,
    );

    // The table: one row per file, with header cells per row.
    const tabel = screen.getByTestId("tabel-bundel-bestanden");
    expect(within(tabel).getAllByRole("columnheader").map((th) => th.textContent)).toEqual([
      "Bestand",
      "Organisatie",
      "Status",
      "Fouten",
      "Waarschuwingen",
      "Signalen",
      "Opmerking",
      "Meldingen",
    ]);
    const kapot = screen.getByTestId("bestand-1");
    expect(kapot).toHaveAttribute("data-status", "afgewezen");
    expect(within(kapot).getByRole("rowheader")).toHaveTextContent("/in/kapot.csv");
    expect(within(kapot).getByTestId("fouten")).toHaveTextContent("1");
    expect(kapot).toHaveTextContent("onbekend");
    expect(kapot).toHaveTextContent("Afgewezen");
    expect(screen.getByTestId("bestand-3")).toHaveTextContent("dubbel van /in/utrecht.csv");
    expect(within(screen.getByTestId("bestand-0")).queryByRole("button")).toBeNull();

    // A file's findings open below it.
    const knop = within(kapot).getByTestId("knop-meldingen-1");
    expect(knop).toHaveAttribute("aria-expanded", "false");
    expect(knop).toHaveAccessibleName("Toon 1 meldingen over /in/kapot.csv");
    await user.click(knop);
    expect(knop).toHaveAttribute("aria-expanded", "true");
    const meldingen = screen.getByTestId("meldingen-1");
    expect(knop).toHaveAttribute("aria-controls", meldingen.id);
    expect(within(meldingen).getByTestId("melding-F102")).toHaveTextContent("Fout F102: de kopregel klopt niet");
    expect(meldingen).toHaveTextContent("regel 1, kolom 1: ");
    await user.click(knop);
    expect(screen.queryByTestId("meldingen-1")).toBeNull();

    // Filter by status.
    await user.selectOptions(screen.getByLabelText("Toon"), "afgewezen");
    expect(screen.getByRole("option", { name: "Alleen afgewezen (1)" })).toBeInTheDocument();
    expect(screen.getByTestId("bestand-1")).toBeInTheDocument();
    expect(screen.queryByTestId("bestand-0")).toBeNull();
    expect(screen.queryByTestId("bestand-3")).toBeNull();
    expect(within(tabel).getByText("1 bestand van 4")).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("Toon"), "");
    expect(screen.getByTestId("bestand-0")).toBeInTheDocument();

    // Open the output folder: the folder the bundle reported.
    await user.click(screen.getByTestId("knop-open-uitvoermap"));
    expect(laatsteVan(aanroepen, "uitvoermap_openen")?.args).toEqual({ map: "/onderzoek/bundel-2026" });
  });

  it("collects input from the dialogs, the text field and dropped files, and removes entries", async () => {
    const user = userEvent.setup();
    let dialoog = 0;
    const { aanroepen, state } = mockBundel({
      "plugin:dialog|open": (args) => {
        dialoog += 1;
        const opties = (args as { options: { directory: boolean; multiple: boolean } }).options;
        if (opties.directory) return dialoog === 1 ? "/in/map" : "/uit";
        expect(opties.multiple).toBe(true);
        return ["/in/a.csv", "/in/b.zip", "/in/map"];
      },
    });
    render(<BundelenScherm />);
    await waitFor(() => expect(state.slepen).not.toBeNull());
    expect(screen.getByTestId("invoer-leeg")).toHaveTextContent("Nog geen invoer gekozen.");

    await user.click(screen.getByTestId("knop-kies-invoer-map"));
    await user.click(screen.getByTestId("knop-kies-invoer-bestanden"));
    const veld = screen.getByLabelText("Bestand, map of zip-archief");
    await user.type(veld, "/in/extra.csv{Enter}");
    expect(veld).toHaveValue("");
    act(() => state.slepen!.onmessage({ soort: "boven" }));
    expect(screen.getByTestId("sleepvak")).toHaveAttribute("data-slepen", "ja");
    expect(screen.getByText("Laat los om toe te voegen aan de invoer.")).toBeInTheDocument();
    act(() => state.slepen!.onmessage({ soort: "los", paden: ["/gesleept/x.csv", "/in/a.csv"] }));
    expect(screen.getByTestId("sleepvak")).not.toHaveAttribute("data-slepen");
    expect(screen.getByTestId("sleep-resultaat")).toHaveTextContent("2 paden gesleept naar de invoer.");

    const lijst = () =>
      within(screen.getByTestId("invoer-lijst"))
        .getAllByRole("listitem")
        .map((li) => li.getAttribute("data-pad"));
    expect(lijst()).toEqual(["/in/map", "/in/a.csv", "/in/b.zip", "/in/extra.csv", "/gesleept/x.csv"]);

    await user.click(screen.getByRole("button", { name: "Verwijderen /in/b.zip uit de invoer" }));
    expect(lijst()).toEqual(["/in/map", "/in/a.csv", "/in/extra.csv", "/gesleept/x.csv"]);

    await user.click(screen.getByTestId("knop-kies-uitvoermap"));
    expect(screen.getByLabelText("Uitvoermap")).toHaveValue("/uit");
    await user.click(screen.getByTestId("knop-bundelen"));
    await waitFor(() => expect(aanroepenVan(aanroepen, "bundelen")).toHaveLength(1));
    expect((laatsteVan(aanroepen, "bundelen")?.args.verzoek as { invoer: string[] }).invoer).toEqual([
      "/in/map",
      "/in/a.csv",
      "/in/extra.csv",
      "/gesleept/x.csv",
    ]);
  });

  it("shows the command's error, and checks the uitvraagjaar before calling it", async () => {
    const user = userEvent.setup();
    const { aanroepen, state } = mockBundel();
    render(<BundelenScherm />);
    await user.type(screen.getByLabelText("Bestand, map of zip-archief"), "/leeg");
    await user.type(screen.getByLabelText("Uitvoermap"), "/uit");
    const jaar = screen.getByLabelText("Uitvraagjaar (optioneel)");
    await user.type(jaar, "26");
    await user.click(screen.getByTestId("knop-bundelen"));
    expect(screen.getByTestId("fout-bundel-uitvraag")).toHaveTextContent("vier cijfers");
    expect(jaar).toHaveAttribute("aria-invalid", "true");
    expect(jaar).toHaveFocus();
    expect(aanroepenVan(aanroepen, "bundelen")).toHaveLength(0);

    await user.clear(jaar);
    await user.click(screen.getByTestId("knop-bundelen"));
    expect(screen.queryByTestId("fout-bundel-uitvraag")).toBeNull();
    await waitFor(() => expect(aanroepenVan(aanroepen, "bundelen")).toHaveLength(1));
    expect((laatsteVan(aanroepen, "bundelen")?.args.verzoek as { uitvraag: unknown }).uitvraag).toBeNull();
    act(() =>
      state.mislukt({ kind: "invoer", kop: "De invoer klopt niet", message: "geen benchmarkbestanden (.csv of .zip) gevonden in /leeg", meldingen: [] }),
    );
    const fout = await screen.findByTestId("foutmelding");
    await waitFor(() => expect(fout).toHaveTextContent("geen benchmarkbestanden (.csv of .zip) gevonden in /leeg"));
    expect(fout.firstElementChild).toHaveAttribute("data-kind", "invoer");
    expect(screen.queryByTestId("bundel-resultaat")).toBeNull();
    expect(screen.getByTestId("knop-bundelen")).toBeEnabled();
  });

  it("shows the response against a register", async () => {
    const user = userEvent.setup();
    const { state } = mockBundel();
    render(<BundelenScherm />);
    await user.type(screen.getByLabelText("Bestand, map of zip-archief"), "/in");
    await user.type(screen.getByLabelText("Uitvoermap"), "/uit");
    await user.type(screen.getByLabelText("Register (optioneel)"), "/data/gemeenten.csv");
    await user.click(screen.getByTestId("knop-bundelen"));
    await waitFor(() => expect(state.voortgang).not.toBeNull());
    act(() =>
      state.klaar({
        ...bundelView,
        afgewezen: 0,
        overgeslagen: 3,
        respons: { register: 342, ingediend: 320, geaccepteerd: 318, percentage: "93,0 %" },
      }),
    );
    const respons = await screen.findByTestId("bundel-respons");
    expect(respons).toHaveTextContent("Respons: 93,0 % — 318 van 342 uit het register geaccepteerd; 320 ingediend.");
    expect(screen.getByTestId("aantal-overgeslagen")).toHaveTextContent("3");
    expect(screen.getByText("Bundel gemaakt")).toBeInTheDocument();
  });

  it("formats counts with a dot per thousand", () => {
    expect(aantalTekst(0)).toBe("0");
    expect(aantalTekst(999)).toBe("999");
    expect(aantalTekst(1234)).toBe("1.234");
    expect(aantalTekst(1234567)).toBe("1.234.567");
  });
});
