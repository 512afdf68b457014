import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { App } from "../../App";
import type { ComparisonView } from "../../bindings/ComparisonView";
import type { CompareRequest } from "../../bindings/CompareRequest";
import { afbeelding, tekenPng } from "../../components/grafiek";
import {
  amsterdam,
  appInfo,
  bron,
  overzicht,
  standaardVerzoek,
  vergelijking,
  vergelijkRijen,
} from "../../test/fixtures";
import { aanroepenVan, benchmarkHandlers, laatsteVan, mockCommands, uitgesteld, type Handler } from "../../test/ipc";
import { VergelijkenScherm } from ".";
import { sorteerRijen } from "./tabel";

function mock(extra: Record<string, Handler> = {}, staat?: Parameters<typeof benchmarkHandlers>[0]) {
  return mockCommands({ ...benchmarkHandlers(staat), ...extra });
}

const verzoekVan = (a: { args: Record<string, unknown> } | undefined) => a?.args.verzoek as CompareRequest;

async function geladen() {
  return screen.findByTestId("vergelijk-resultaat");
}

function rijCodes(): string[] {
  const tabel = screen.getByTestId("vergelijk-tabel");
  return within(tabel)
    .getAllByRole("row")
    .slice(1)
    .map((tr) => tr.getAttribute("data-code") ?? "");
}

describe("Vergelijken", () => {
  it("asks with the defaults and shows title, rank, chart, statistics and table", async () => {
    const aanroepen = mock();
    render(<VergelijkenScherm org={amsterdam} />);
    await geladen();
    expect(laatsteVan(aanroepen, "vergelijk_opties")?.args).toEqual({ organisatie: "GM0363" });
    // First category, per_inwoner, newest year, first available group.
    expect(aanroepenVan(aanroepen, "vergelijken")).toHaveLength(1);
    expect(verzoekVan(laatsteVan(aanroepen, "vergelijken"))).toEqual(standaardVerzoek);
    expect(screen.getByLabelText("Categorie")).toHaveValue("GRF");
    expect(screen.getByLabelText("Kengetal")).toHaveValue("per_inwoner");
    expect(screen.getByLabelText("Jaar")).toHaveValue("2026-begroting");
    expect(screen.getByLabelText("Vergelijken met")).toHaveValue("grootteklasse");

    const view = vergelijking();
    expect(screen.getByTestId("vergelijk-titel")).toHaveTextContent(view.titel);
    expect(screen.getByRole("heading", { level: 2, name: view.titel })).toBeInTheDocument();
    const positie = screen.getByTestId("positie");
    expect(positie).toHaveTextContent("plaats 4 van 9");
    expect(positie).toHaveTextContent("derde kwart: boven de mediaan, onder het 75e percentiel");
    expect(screen.getByTestId("opmerkingen")).toHaveTextContent(view.opmerkingen[0]);

    // The distribution chart: role img with the text alternative; the own marker and label.
    const figuur = screen.getByTestId("grafiek-verdeling");
    expect(figuur.tagName).toBe("FIGURE");
    expect(within(figuur).getByText(/^Verdeling:/).closest("figcaption")).not.toBeNull();
    const svg = figuur.querySelector("svg")!;
    expect(svg).toHaveAttribute("role", "img");
    expect(svg).toHaveAttribute("aria-label", view.tekstalternatief);
    expect(within(figuur).getByTestId("eigen-markering")).toBeInTheDocument();
    const label = within(figuur).getByTestId("eigen-label");
    expect(label.tagName.toLowerCase()).toBe("text");
    expect(label).toHaveTextContent("Amsterdam: € 1,19");
    expect(label.textContent).toContain(view.eigen.waarde!.tekst);
    // One bar per organisation with a value (Almere has none): 8 grey, 1 black.
    expect(figuur.querySelectorAll("g.rb-g-staaf rect")).toHaveLength(8);
    expect(figuur.querySelectorAll("g.rb-g-eigen-staaf rect")).toHaveLength(1);
    expect(within(figuur).getAllByTestId("statistiek-label").map((t) => t.textContent)).toEqual([
      "25% € 0,98",
      "75% € 1,35",
      "mediaan € 1,12",
    ]);
    expect(within(figuur).getAllByTestId("mediaan-lijn")).toHaveLength(1);
    expect(within(figuur).getAllByTestId("kwartiel-lijn")).toHaveLength(2);
    // No reference lines for the griffie, and no checkbox for them.
    expect(within(figuur).queryAllByTestId("referentielijn")).toHaveLength(0);
    expect(document.getElementById("toon-referenties")).toBeNull();

    // The trend chart and its text.
    const trend = screen.getByTestId("grafiek-trend");
    expect(trend.querySelector("svg")).toHaveAttribute("role", "img");
    expect(trend.querySelector("svg")).toHaveAttribute("aria-label", view.trend_tekst);
    expect(within(trend).getByTestId("trend-tekst")).toHaveTextContent(view.trend_tekst);
    expect(within(trend).getByTestId("trend-eigen")).toBeInTheDocument();
    expect(within(trend).getByTestId("trend-mediaan")).toBeInTheDocument();
    expect(within(trend).getByTestId("trend-band")).toBeInTheDocument();

    // Statistics exactly as formatted by Rust.
    const stat = screen.getByTestId("statistiek");
    expect(within(stat).getByTestId("mediaan")).toHaveTextContent(/^1,12$/);
    expect(stat.querySelector('[data-stat="n"]')).toHaveTextContent("9");
    expect(stat.querySelector('[data-stat="min"]')).toHaveTextContent("0,87");
    expect(stat.querySelector('[data-stat="p25"]')).toHaveTextContent("0,98");
    expect(stat.querySelector('[data-stat="p75"]')).toHaveTextContent("1,35");
    expect(stat.querySelector('[data-stat="max"]')).toHaveTextContent("1,62");
    expect(stat.querySelector('[data-stat="gemiddelde"]')).toHaveTextContent("1,17");

    // The table in the order of the view; the own row marked.
    const tabel = screen.getByTestId("vergelijk-tabel");
    expect(within(tabel).getAllByRole("columnheader").map((th) => th.textContent?.replace(/\s*[▲▼↕]$/, ""))).toEqual([
      "Plaats",
      "Organisatie",
      "Code",
      "Grootteklasse",
      "Provincie",
      "Inwoners",
      "Waarde",
    ]);
    expect(rijCodes()).toEqual(vergelijkRijen.map((r) => r.code));
    const eigen = tabel.querySelector('tr[data-code="GM0363"]')!;
    expect(eigen).toHaveAttribute("data-eigen", "true");
    expect(eigen).toHaveClass("rb-rij--eigen");
    expect(within(eigen as HTMLElement).getByRole("rowheader")).toHaveTextContent("Amsterdam (eigen)");
    expect(eigen.querySelector('[data-kolom="waarde"]')).toHaveTextContent("1,19");
    expect(eigen.querySelector('[data-kolom="plaats"]')).toHaveTextContent("4");
    expect(tabel.querySelectorAll('tr[data-eigen="true"]')).toHaveLength(1);
    const almere = tabel.querySelector('tr[data-code="GM0034"]')!;
    expect(almere.querySelector('[data-kolom="waarde"]')).toHaveTextContent("geen waarde");
    expect(almere.querySelector('[data-kolom="plaats"]')).toHaveTextContent("–");
  });

  it("shows the loaded source", async () => {
    mock();
    render(<VergelijkenScherm org={amsterdam} />);
    const rij = await screen.findByTestId("bron-1");
    expect(rij).toHaveAttribute("data-bron-id", "1");
    expect(within(rij).getByRole("rowheader")).toHaveTextContent("/onderzoek/bundel-2026");
    expect(rij.querySelector('[data-kolom="geladen_op"]')).toHaveTextContent("28-11-2026 14:03");
    expect(rij.querySelector('[data-kolom="geladen_door"]')).toHaveTextContent("J. de Vries");
    expect(rij.querySelector('[data-kolom="uitvraagjaren"]')).toHaveTextContent("2025, 2026");
    expect(rij.querySelector('[data-kolom="organisaties"]')).toHaveTextContent("342");
    expect(rij.querySelector('[data-kolom="waarden"]')).toHaveTextContent("48.210");
    expect(rij.querySelector('[data-kolom="register"]')).toHaveTextContent(
      "/data/gemeenten-2026.csv (provincie bekend van 340 organisaties)",
    );
  });

  it("explains what to do without a source, loads one, and shows the comparison", async () => {
    const user = userEvent.setup();
    const aanroepen = mock({}, { bronnen: [], lijsten: [] });
    render(<VergelijkenScherm org={amsterdam} />);
    const leeg = await screen.findByTestId("vergelijk-leeg");
    expect(leeg).toHaveTextContent("Laad eerst een benchmarkbundel: de uitvoermap van Bundelen of raadsbudget bundel.");
    expect(screen.getByTestId("bronnen-leeg")).toBeInTheDocument();
    expect(aanroepenVan(aanroepen, "vergelijken")).toHaveLength(0);
    expect(screen.getByTestId("knop-bron-laden")).toBeDisabled();

    await user.type(screen.getByLabelText("Bundelmap of waarden.csv"), "/onderzoek/bundel-2026");
    await user.type(screen.getByLabelText("Register met provincies (optioneel)"), "/data/gemeenten-2026.csv");
    await user.click(screen.getByTestId("knop-bron-laden"));
    await waitFor(() => expect(aanroepenVan(aanroepen, "bron_laden")).toHaveLength(1));
    expect(laatsteVan(aanroepen, "bron_laden")?.args).toEqual({
      verzoek: { pad: "/onderzoek/bundel-2026", register: "/data/gemeenten-2026.csv" },
    });
    expect(await screen.findByTestId("bron-status")).toHaveTextContent(
      "Geladen: /onderzoek/bundel-2026 (uitvraag 2025, 2026; 342 organisaties).",
    );
    expect(await screen.findByTestId("bron-1")).toBeInTheDocument();
    await geladen();
    expect(screen.queryByTestId("vergelijk-leeg")).toBeNull();
    expect(screen.getByLabelText("Bundelmap of waarden.csv")).toHaveValue("");
    expect(verzoekVan(laatsteVan(aanroepen, "vergelijken"))).toEqual(standaardVerzoek);
  });

  it("loads without a register (null), picks the folder with the dialog, and shows a refusal", async () => {
    const user = userEvent.setup();
    const melding = "uitvraagjaar 2026 is al geladen (uit /onderzoek/bundel-2026); verwijder die bron eerst";
    const aanroepen = mock({
      "plugin:dialog|open": (args) => {
        expect((args as { options: { directory: boolean } }).options.directory).toBe(true);
        return "/onderzoek/bundel-2026-v2";
      },
      bron_laden: () => {
        throw { kind: "invoer", kop: "De invoer klopt niet", message: melding, meldingen: [] };
      },
    });
    render(<VergelijkenScherm org={amsterdam} />);
    await geladen();
    await user.click(screen.getByTestId("knop-kies-bron-map"));
    expect(screen.getByLabelText("Bundelmap of waarden.csv")).toHaveValue("/onderzoek/bundel-2026-v2");
    await user.click(screen.getByTestId("knop-bron-laden"));
    expect(laatsteVan(aanroepen, "bron_laden")?.args).toEqual({
      verzoek: { pad: "/onderzoek/bundel-2026-v2", register: null },
    });
    const fout = screen.getByTestId("fout-bron");
    await waitFor(() => expect(fout).toHaveTextContent(melding));
    expect(fout).toHaveAttribute("role", "alert");
    expect(fout.firstElementChild).toHaveAttribute("data-kind", "invoer");
    // The typed path stays, to correct it.
    expect(screen.getByLabelText("Bundelmap of waarden.csv")).toHaveValue("/onderzoek/bundel-2026-v2");
  });

  it("asks for confirmation before removing a source", async () => {
    const user = userEvent.setup();
    const aanroepen = mock();
    render(<VergelijkenScherm org={amsterdam} />);
    await geladen();
    const knop = screen.getByTestId("knop-bron-verwijderen-1");
    expect(knop).toHaveAccessibleName("Verwijderen /onderzoek/bundel-2026");
    await user.click(knop);
    const bevestiging = screen.getByTestId("bron-verwijderen-bevestiging");
    expect(bevestiging).toHaveTextContent("Weet u het zeker?");
    expect(bevestiging).toHaveTextContent("/onderzoek/bundel-2026");
    expect(screen.getByTestId("knop-bron-verwijderen-bevestigen")).toHaveFocus();
    expect(aanroepenVan(aanroepen, "bron_verwijderen")).toHaveLength(0);

    await user.click(screen.getByTestId("knop-bron-verwijderen-annuleren"));
    expect(screen.queryByTestId("bron-verwijderen-bevestiging")).toBeNull();
    expect(aanroepenVan(aanroepen, "bron_verwijderen")).toHaveLength(0);
    expect(screen.getByTestId("knop-bron-verwijderen-1")).toHaveFocus();

    await user.click(screen.getByTestId("knop-bron-verwijderen-1"));
    await user.click(screen.getByTestId("knop-bron-verwijderen-bevestigen"));
    await waitFor(() => expect(aanroepenVan(aanroepen, "bron_verwijderen")).toHaveLength(1));
    // ts-rs types the i64 id as bigint; it travels as a number.
    expect(laatsteVan(aanroepen, "bron_verwijderen")?.args).toEqual({ id: 1 });
    expect(await screen.findByTestId("vergelijk-leeg")).toBeInTheDocument();
    expect(screen.queryByTestId("bron-1")).toBeNull();
    expect(screen.getByRole("heading", { level: 2, name: "Benchmarkgegevens" })).toHaveFocus();
    expect(screen.getByTestId("bron-status")).toHaveTextContent("Verwijderd: /onderzoek/bundel-2026.");
    expect(screen.queryByTestId("vergelijk-resultaat")).toBeNull();
  });

  it("sends a new request on every change", async () => {
    const user = userEvent.setup();
    const aanroepen = mock();
    render(<VergelijkenScherm org={amsterdam} />);
    await geladen();

    await user.selectOptions(screen.getByLabelText("Kengetal"), "kernbudget");
    await waitFor(() => expect(aanroepenVan(aanroepen, "vergelijken")).toHaveLength(2));
    expect(verzoekVan(laatsteVan(aanroepen, "vergelijken"))).toEqual({ ...standaardVerzoek, indicator: "kernbudget" });

    await user.selectOptions(screen.getByLabelText("Vergelijken met"), "gemeenten");
    await waitFor(() => expect(aanroepenVan(aanroepen, "vergelijken")).toHaveLength(3));
    expect(verzoekVan(laatsteVan(aanroepen, "vergelijken"))).toEqual({
      ...standaardVerzoek,
      indicator: "kernbudget",
      groep: "gemeenten",
    });

    await user.selectOptions(screen.getByLabelText("Jaar"), "2025-realisatie");
    await user.selectOptions(screen.getByLabelText("Categorie"), "TOTAAL");
    await waitFor(() => expect(aanroepenVan(aanroepen, "vergelijken")).toHaveLength(5));
    expect(verzoekVan(laatsteVan(aanroepen, "vergelijken"))).toEqual({
      organisatie: "GM0363",
      categorie: "TOTAAL",
      indicator: "kernbudget",
      jaar: 2025,
      fase: "realisatie",
      groep: "gemeenten",
      lijst: [],
    });
    await waitFor(() =>
      expect(screen.getByTestId("vergelijk-titel")).toHaveTextContent("Totaal raadsondersteuning: kernbudget, realisatie 2025"),
    );
  });

  it("disables unavailable groups and says why", async () => {
    mock();
    render(<VergelijkenScherm org={amsterdam} />);
    await geladen();
    const groep = screen.getByLabelText("Vergelijken met");
    const provincie = within(groep).getByRole("option", { name: "Zelfde provincie (niet beschikbaar)" });
    expect(provincie).toBeDisabled();
    expect(within(groep).getByRole("option", { name: "Alle gemeenten" })).toBeEnabled();
    const reden = screen.getByTestId("groep-reden-provincie");
    expect(reden).toHaveTextContent(
      "Zelfde provincie: niet beschikbaar. Geen provincie bekend: laad de bundel opnieuw met een register met een provinciekolom.",
    );
    expect(groep).toHaveAccessibleDescription(/Geen provincie bekend/);
  });

  it("compares with a hand-picked list: search, tick, saved lists, save and remove", async () => {
    const user = userEvent.setup();
    const aanroepen = mock();
    render(<VergelijkenScherm org={amsterdam} />);
    await geladen();
    await user.selectOptions(screen.getByLabelText("Vergelijken met"), "lijst");
    // An empty list asks nothing yet, and says what to do.
    expect(await screen.findByTestId("lijst-leeg")).toBeInTheDocument();
    expect(aanroepenVan(aanroepen, "vergelijken")).toHaveLength(1);
    expect(screen.queryByTestId("vergelijk-resultaat")).toBeNull();

    const lijst = screen.getByTestId("lijst-organisaties");
    // The own organisation always counts and is not in the list.
    expect(within(lijst).getAllByRole("checkbox")).toHaveLength(9);
    expect(document.getElementById("lijst-org-GM0363")).toBeNull();
    await user.type(screen.getByLabelText("Zoek een organisatie"), "graven");
    expect(within(lijst).getAllByRole("checkbox")).toHaveLength(1);
    expect(screen.getByTestId("lijst-aantal")).toHaveTextContent("0 organisaties gekozen; 1 van 9 getoond");
    await user.click(screen.getByLabelText("'s-Gravenhage (GM0518)"));
    await waitFor(() => expect(aanroepenVan(aanroepen, "vergelijken")).toHaveLength(2));
    expect(verzoekVan(laatsteVan(aanroepen, "vergelijken"))).toEqual({
      ...standaardVerzoek,
      groep: "lijst",
      lijst: ["GM0518"],
    });
    expect(screen.getByTestId("lijst-aantal")).toHaveTextContent("1 organisatie gekozen");
    await user.clear(screen.getByLabelText("Zoek een organisatie"));
    await user.type(screen.getByLabelText("Zoek een organisatie"), "gm0344");
    await user.click(screen.getByLabelText("Utrecht (GM0344)"));
    await waitFor(() => expect(aanroepenVan(aanroepen, "vergelijken")).toHaveLength(3));
    expect(verzoekVan(laatsteVan(aanroepen, "vergelijken")).lijst).toEqual(["GM0344", "GM0518"]);
    await geladen();

    // Save the list under a name.
    await user.type(screen.getByLabelText("Naam van de lijst"), "Randstad");
    await user.click(screen.getByTestId("knop-lijst-opslaan"));
    await waitFor(() => expect(aanroepenVan(aanroepen, "peerlijst_opslaan")).toHaveLength(1));
    expect(laatsteVan(aanroepen, "peerlijst_opslaan")?.args).toEqual({ naam: "Randstad", codes: ["GM0344", "GM0518"] });
    expect(await screen.findByTestId("lijst-status")).toHaveTextContent("Lijst ‘Randstad’ opgeslagen.");
    const opgeslagen = screen.getByLabelText("Opgeslagen lijst");
    expect(within(opgeslagen).getByRole("option", { name: "Randstad (2 organisaties)" })).toBeInTheDocument();

    // Choose a saved list: its codes are the request's list.
    await user.selectOptions(opgeslagen, "G4");
    await waitFor(() =>
      expect(verzoekVan(laatsteVan(aanroepen, "vergelijken")).lijst).toEqual(["GM0344", "GM0363", "GM0518", "GM0599"]),
    );
    expect(screen.getByLabelText("Naam van de lijst")).toHaveValue("G4");

    // And remove it.
    await user.click(screen.getByTestId("knop-lijst-verwijderen"));
    await waitFor(() => expect(laatsteVan(aanroepen, "peerlijst_verwijderen")?.args).toEqual({ naam: "G4" }));
    await waitFor(() => expect(within(opgeslagen).queryByRole("option", { name: /^G4/ })).toBeNull());
    expect(screen.getByTestId("lijst-status")).toHaveTextContent("Lijst ‘G4’ verwijderd.");
    expect(screen.getByTestId("knop-lijst-verwijderen")).toBeDisabled();
  });

  it("draws the reference lines behind a checkbox, on by default", async () => {
    const user = userEvent.setup();
    mock();
    render(<VergelijkenScherm org={amsterdam} />);
    await geladen();
    await user.selectOptions(screen.getByLabelText("Categorie"), "RKK");
    const vinkje = await screen.findByLabelText(/^Referentielijnen tonen/);
    expect(vinkje).toHaveAttribute("id", "toon-referenties");
    expect(vinkje).toBeChecked();
    const figuur = screen.getByTestId("grafiek-verdeling");
    expect(figuur).toHaveAttribute("data-referenties", "ja");
    const lijnen = within(figuur).getAllByTestId("referentielijn");
    expect(lijnen).toHaveLength(2);
    // Dashed (the dash pattern is set on the mark's group).
    expect(lijnen[0].closest("g")).toHaveAttribute("stroke-dasharray", "8,5");
    expect(within(figuur).getAllByTestId("referentie-label").map((t) => t.textContent)).toEqual([
      "€ 1,00 per inwoner",
      "€ 1,30 per inwoner",
    ]);
    await user.click(vinkje);
    expect(vinkje).not.toBeChecked();
    expect(within(figuur).queryAllByTestId("referentielijn")).toHaveLength(0);
    expect(figuur).toHaveAttribute("data-referenties", "nee");
    // The own marker stays.
    expect(within(figuur).getByTestId("eigen-label")).toHaveTextContent("Amsterdam: € 1,19");
    await user.click(vinkje);
    expect(within(figuur).getAllByTestId("referentielijn")).toHaveLength(2);
  });

  it("sorts the table by column, with aria-sort on the sorted column", async () => {
    const user = userEvent.setup();
    mock();
    render(<VergelijkenScherm org={amsterdam} />);
    await geladen();
    const tabel = screen.getByTestId("vergelijk-tabel");
    const th = (naam: string) => within(tabel).getByRole("button", { name: naam }).closest("th")!;
    expect(th("Waarde")).toHaveAttribute("aria-sort", "descending");
    expect(th("Organisatie")).not.toHaveAttribute("aria-sort");

    await user.click(within(tabel).getByRole("button", { name: "Organisatie" }));
    expect(th("Organisatie")).toHaveAttribute("aria-sort", "ascending");
    expect(th("Waarde")).not.toHaveAttribute("aria-sort");
    // Dutch order, punctuation ignored ('s-Gravenhage under S).
    expect(rijCodes()).toEqual([
      "GM0034", // Almere
      "GM0363", // Amsterdam
      "GM0758", // Breda
      "GM0772", // Eindhoven
      "GM0014", // Groningen
      "GM0268", // Nijmegen
      "GM0599", // Rotterdam
      "GM0518", // 's-Gravenhage
      "GM0855", // Tilburg
      "GM0344", // Utrecht
    ]);
    await user.click(within(tabel).getByRole("button", { name: "Organisatie" }));
    expect(th("Organisatie")).toHaveAttribute("aria-sort", "descending");
    expect(rijCodes()[0]).toBe("GM0344");

    // By value, lowest first; no value stays last.
    await user.click(within(tabel).getByRole("button", { name: "Waarde" }));
    expect(th("Waarde")).toHaveAttribute("aria-sort", "ascending");
    expect(rijCodes()).toEqual([
      "GM0758",
      "GM0855",
      "GM0268",
      "GM0772",
      "GM0014",
      "GM0363",
      "GM0518",
      "GM0344",
      "GM0599",
      "GM0034",
    ]);
    // From the keyboard too.
    within(tabel).getByRole("button", { name: "Waarde" }).focus();
    await user.keyboard("{Enter}");
    expect(th("Waarde")).toHaveAttribute("aria-sort", "descending");
    expect(rijCodes()).toEqual(vergelijkRijen.map((r) => r.code));

    await user.click(within(tabel).getByRole("button", { name: "Inwoners" }));
    expect(rijCodes().slice(0, 3)).toEqual(["GM0268", "GM0758", "GM0034"]);
  });

  it("sorts by rank like by value, empty cells last", () => {
    const rijen = vergelijkRijen;
    expect(sorteerRijen(rijen, "plaats", "oplopend").map((r) => r.code)).toEqual(rijen.map((r) => r.code));
    const omlaag = sorteerRijen(rijen, "plaats", "aflopend").map((r) => r.code);
    expect(omlaag[0]).toBe("GM0758");
    expect(omlaag[omlaag.length - 1]).toBe("GM0034");
  });

  it("saves the chart as SVG: a standalone document with the own label", async () => {
    const user = userEvent.setup();
    const aanroepen = mock();
    render(<VergelijkenScherm org={amsterdam} />);
    await geladen();
    await user.type(screen.getByLabelText("Bestand (optioneel)"), "/home/griffie/vergelijking.svg");
    await user.click(screen.getByTestId("knop-svg"));
    await waitFor(() => expect(aanroepenVan(aanroepen, "grafiek_opslaan")).toHaveLength(1));
    const args = laatsteVan(aanroepen, "grafiek_opslaan")!.args as { pad: string; svg: string; png: null };
    expect(args.pad).toBe("/home/griffie/vergelijking.svg");
    expect(args.png).toBeNull();
    expect(args.svg.startsWith("<svg")).toBe(true);
    expect(args.svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(args.svg.match(/xmlns="/g)).toHaveLength(1);
    expect(args.svg).toContain("Amsterdam: € 1,19");
    expect(args.svg).toContain("font-family");
    expect(args.svg).not.toContain("currentColor");
    // It parses as XML.
    const doc = new DOMParser().parseFromString(args.svg, "image/svg+xml");
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.getAttribute("aria-label")).toBe(vergelijking().tekstalternatief);
    expect(await screen.findByTestId("export-status")).toHaveTextContent("Opgeslagen: /home/griffie/vergelijking.svg");
  });

  it("saves the chart as PNG: base64 without the data: prefix", async () => {
    const user = userEvent.setup();
    const aanroepen = mock();
    const ctx = { fillStyle: "", fillRect: vi.fn(), drawImage: vi.fn() };
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(
      () => ctx as unknown as CanvasRenderingContext2D,
    );
    vi.spyOn(HTMLCanvasElement.prototype, "toDataURL").mockReturnValue("data:image/png;base64,iVBORw0KGgoAAAA=");
    const laden = vi.spyOn(afbeelding, "laden").mockResolvedValue({} as CanvasImageSource);
    render(<VergelijkenScherm org={amsterdam} />);
    await geladen();
    await user.type(screen.getByLabelText("Bestand (optioneel)"), "/home/griffie/vergelijking.png");
    await user.click(screen.getByTestId("knop-png"));
    await waitFor(() => expect(aanroepenVan(aanroepen, "grafiek_opslaan")).toHaveLength(1));
    expect(laatsteVan(aanroepen, "grafiek_opslaan")?.args).toEqual({
      pad: "/home/griffie/vergelijking.png",
      svg: null,
      png: "iVBORw0KGgoAAAA=",
    });
    const src = laden.mock.calls[0][0];
    expect(src.startsWith("data:image/svg+xml;charset=utf-8,")).toBe(true);
    expect(decodeURIComponent(src.slice(src.indexOf(",") + 1))).toContain("Amsterdam: € 1,19");
    // White background first, then the chart at 2×.
    expect(ctx.fillStyle).toBe("#ffffff");
    expect(ctx.fillRect).toHaveBeenCalledWith(0, 0, 1520, 680);
    expect(ctx.drawImage).toHaveBeenCalledWith({}, 0, 0, 1520, 680);
    expect(await screen.findByTestId("export-status")).toHaveTextContent("Opgeslagen: /home/griffie/vergelijking.png");
  });

  it("draws a PNG on a canvas at the given scale (tekenPng)", () => {
    const ctx = { fillStyle: "", fillRect: vi.fn(), drawImage: vi.fn() };
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(
      () => ctx as unknown as CanvasRenderingContext2D,
    );
    vi.spyOn(HTMLCanvasElement.prototype, "toDataURL").mockReturnValue("data:image/png;base64,QUJD");
    expect(tekenPng({} as CanvasImageSource, 100, 50, 3)).toBe("QUJD");
    expect(ctx.fillRect).toHaveBeenCalledWith(0, 0, 300, 150);
    vi.spyOn(HTMLCanvasElement.prototype, "toDataURL").mockReturnValue("data:,");
    expect(() => tekenPng({} as CanvasImageSource, 100, 50)).toThrow("PNG");
  });

  it("saves the table as CSV with the current request, through the save dialog when no path is typed", async () => {
    const user = userEvent.setup();
    const aanroepen = mock({
      "plugin:dialog|save": (args) => {
        const opties = (args as { options: { filters: Array<{ extensions: string[] }>; defaultPath: string } }).options;
        expect(opties.filters[0].extensions).toEqual(["csv"]);
        expect(opties.defaultPath).toBe("vergelijking-GM0363-GRF-kernbudget-2026-begroting.csv");
        return "/home/griffie/vergelijking.csv";
      },
    });
    render(<VergelijkenScherm org={amsterdam} />);
    await geladen();
    await user.selectOptions(screen.getByLabelText("Kengetal"), "kernbudget");
    await waitFor(() => expect(screen.getByTestId("vergelijk-titel")).toHaveTextContent("kernbudget"));
    await user.click(screen.getByTestId("knop-csv"));
    await waitFor(() => expect(aanroepenVan(aanroepen, "vergelijking_exporteren")).toHaveLength(1));
    expect(laatsteVan(aanroepen, "vergelijking_exporteren")?.args).toEqual({
      verzoek: { ...standaardVerzoek, indicator: "kernbudget" },
      pad: "/home/griffie/vergelijking.csv",
    });
    expect(await screen.findByTestId("export-status")).toHaveTextContent("Opgeslagen: /home/griffie/vergelijking.csv");
  });

  it("shows a failed export in its alert, and does nothing when the dialog is cancelled", async () => {
    const user = userEvent.setup();
    const aanroepen = mock({
      "plugin:dialog|save": () => null,
      grafiek_opslaan: () => {
        throw { kind: "bestand", kop: "Probleem met een bestand", message: "kan /alleen-lezen/v.svg niet schrijven: toegang geweigerd", meldingen: [] };
      },
    });
    render(<VergelijkenScherm org={amsterdam} />);
    await geladen();
    await user.click(screen.getByTestId("knop-svg"));
    expect(aanroepenVan(aanroepen, "grafiek_opslaan")).toHaveLength(0);
    await user.type(screen.getByLabelText("Bestand (optioneel)"), "/alleen-lezen/v.svg");
    await user.click(screen.getByTestId("knop-svg"));
    await waitFor(() => expect(screen.getByTestId("fout-export")).toHaveTextContent("toegang geweigerd"));
    expect(screen.getByTestId("export-status")).toBeEmptyDOMElement();
  });

  it("ignores an answer to an older request", async () => {
    const user = userEvent.setup();
    const antwoorden: Array<ReturnType<typeof uitgesteld<ComparisonView>> & { verzoek: CompareRequest }> = [];
    mock({
      vergelijken: ({ verzoek }) => {
        const u = { ...uitgesteld<ComparisonView>(), verzoek: verzoek as CompareRequest };
        antwoorden.push(u);
        return u.promise;
      },
    });
    render(<VergelijkenScherm org={amsterdam} />);
    await waitFor(() => expect(antwoorden).toHaveLength(1));
    act(() => antwoorden[0].klaar(vergelijking(antwoorden[0].verzoek)));
    await geladen();

    await user.selectOptions(screen.getByLabelText("Kengetal"), "kernbudget");
    await user.selectOptions(screen.getByLabelText("Kengetal"), "fte");
    await waitFor(() => expect(antwoorden).toHaveLength(3));
    expect(screen.getByTestId("vergelijk-resultaat")).toHaveAttribute("aria-busy", "true");
    // The newest answers first; the older one arrives late and must not replace it.
    await act(async () => antwoorden[2].klaar({ ...vergelijking(antwoorden[2].verzoek), titel: "Antwoord op fte" }));
    await waitFor(() => expect(screen.getByTestId("vergelijk-titel")).toHaveTextContent("Antwoord op fte"));
    await act(async () => antwoorden[1].klaar({ ...vergelijking(antwoorden[1].verzoek), titel: "Antwoord op kernbudget" }));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByTestId("vergelijk-titel")).toHaveTextContent("Antwoord op fte");
    expect(screen.getByTestId("vergelijk-resultaat")).toHaveAttribute("aria-busy", "false");
  });

  it("says so when the own value cannot be computed", async () => {
    mock({
      vergelijken: ({ verzoek }) => {
        const v = vergelijking(verzoek as CompareRequest);
        const eigen = { ...v.eigen, waarde: null, plaats: null };
        return { ...v, eigen, positie: null, rijen: v.rijen.map((r) => (r.eigen ? eigen : r)) };
      },
    });
    render(<VergelijkenScherm org={amsterdam} />);
    await geladen();
    expect(screen.getByTestId("positie")).toHaveTextContent(
      "Voor Amsterdam is geen waarde te berekenen voor dit kengetal, dus ook geen plaats in de groep.",
    );
    expect(screen.queryByTestId("eigen-markering")).toBeNull();
    expect(screen.queryByTestId("eigen-label")).toBeNull();
  });

  it("shows the command's error in the screen's alert", async () => {
    mock({
      vergelijken: () => {
        throw { kind: "niet_gevonden", kop: "Niet gevonden", message: "geen gegevens voor begroting 2026 in de geladen bundels", meldingen: [] };
      },
    });
    render(<VergelijkenScherm org={amsterdam} />);
    const fout = screen.getByTestId("foutmelding");
    await waitFor(() => expect(fout).toHaveTextContent("geen gegevens voor begroting 2026"));
    expect(fout.firstElementChild).toHaveAttribute("data-kind", "niet_gevonden");
  });

  it("is in the menu with an organisation, with its title, and leads to the factsheet", async () => {
    const user = userEvent.setup();
    mockCommands({
      app_info: () => appInfo,
      organisaties: () => [amsterdam],
      overzicht: () => overzicht,
      ...benchmarkHandlers(),
    });
    render(<App />);
    await screen.findByRole("heading", { level: 1, name: "Overzicht" });
    await user.click(screen.getByTestId("nav-vergelijken"));
    const kop = await screen.findByRole("heading", { level: 1, name: "Vergelijken" });
    expect(kop).toHaveFocus();
    expect(document.title).toBe("Vergelijken — Raadsbudget");
    expect(screen.getByTestId("nav-vergelijken")).toHaveAttribute("aria-current", "page");
    await geladen();
    expect(screen.getByTestId("bron-1")).toHaveTextContent(bron.pad);
    await user.click(screen.getByTestId("knop-naar-factsheet"));
    expect(await screen.findByRole("heading", { level: 1, name: "Factsheet" })).toBeInTheDocument();
    expect(document.title).toBe("Factsheet — Raadsbudget");
    expect(await screen.findByTestId("factsheet")).toBeInTheDocument();
  });
});
