import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import type { FormView } from "../../bindings/FormView";
import type { PreviewView } from "../../bindings/PreviewView";
import type { SetFieldRequest } from "../../bindings/SetFieldRequest";
import { amsterdam, finding, formulier, kengetal } from "../../test/fixtures";
import { aanroepenVan, mockCommands } from "../../test/ipc";
import { InvoerScherm } from ".";

const PERSONEEL = "veld-2026-begroting-GRF_PERSONEEL";

async function toonInvoer(handlers: Parameters<typeof mockCommands>[0] = {}) {
  const aanroepen = mockCommands({ formulier: () => formulier(), ...handlers });
  render(<InvoerScherm org={amsterdam} uitvraag={2026} sprong={null} />);
  await screen.findByTestId("sectie-GRF");
  return aanroepen;
}

function veld(id: string): HTMLInputElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`geen element #${id}`);
  return el as HTMLInputElement;
}

describe("Invoer", () => {
  it("loads the form for the organisation and uitvraag and shows sections, labels and definitions", async () => {
    const aanroepen = await toonInvoer();
    expect(aanroepenVan(aanroepen, "formulier")[0].args).toEqual({ organisatie: "GM0363", uitvraag: 2026 });
    expect(document.title).toBe("Invoer 2026 — Raadsbudget");
    expect(screen.getByRole("heading", { level: 1, name: "Invoer 2026" })).toBeInTheDocument();
    expect(screen.getByTestId("sectie-KEN")).toBeInTheDocument();

    // The field is labelled with the post and the column.
    const input = screen.getByLabelText("Loonkosten eigen personeel griffie, Begroting 2026 (in euro)");
    expect(input.id).toBe(PERSONEEL);
    expect(document.getElementById("reden-2026-begroting-GRF_PERSONEEL")).toBeInstanceOf(HTMLSelectElement);
    expect(document.getElementById("toelichting-2026-begroting-GRF_PERSONEEL")).toBeInstanceOf(HTMLTextAreaElement);

    // Definition one click away, with aria-expanded.
    const knop = screen.getByTestId("knop-definitie-GRF_PERSONEEL");
    expect(knop).toHaveAttribute("aria-expanded", "false");
    const definitie = document.getElementById("definitie-GRF_PERSONEEL")!;
    expect(definitie).not.toBeVisible();
    await userEvent.click(knop);
    expect(knop).toHaveAttribute("aria-expanded", "true");
    expect(definitie).toBeVisible();
    expect(definitie).toHaveTextContent("Wel: Wel bij GRF.PERSONEEL.");
    expect(definitie).toHaveTextContent("Niet: Niet bij GRF.PERSONEEL.");

    // Last year's value, the code post as a select, a cell's findings with a text label.
    expect(screen.getByTestId("cel-2026-begroting-GRF_PERSONEEL")).toHaveTextContent("Vorig jaar: 798.000,00");
    expect(screen.getByTestId("cel-2026-kenmerk-KEN_INWONERS")).toHaveTextContent("(+0,4 %)");
    expect(veld("veld-2026-kenmerk-KEN_REKENKAMERVORM").tagName).toBe("SELECT");
    const cel = screen.getByTestId("cel-2025-realisatie-GRF_INHUUR");
    expect(within(cel).getByTestId("melding-F001")).toHaveTextContent("Fout F001: verplichte post ontbreekt");
  });

  it("saves on Enter: sends the Dutch text as typed and moves focus to the next value field", async () => {
    const user = userEvent.setup();
    const aanroepen = await toonInvoer({
      waarde_zetten: () => formulier({ personeel: { invoer: "812.345,00" } }),
      voorbeeld: () => ({ melding: null, kengetallen: [] }) satisfies PreviewView,
    });
    await user.click(veld(PERSONEEL));
    await user.keyboard("812.345,00{Enter}");

    await waitFor(() => expect(aanroepenVan(aanroepen, "waarde_zetten")).toHaveLength(1));
    const verzoek: SetFieldRequest = {
      organisatie: "GM0363",
      uitvraag: 2026,
      jaar: 2026,
      fase: "begroting",
      post: "GRF.PERSONEEL",
      invoer: { soort: "waarde", tekst: "812.345,00" },
      toelichting: null,
    };
    expect(aanroepenVan(aanroepen, "waarde_zetten")[0].args).toEqual({ verzoek });
    await waitFor(() => expect(document.activeElement?.id).toBe("veld-2025-realisatie-GRF_PERSONEEL"));
    expect(veld(PERSONEEL).value).toBe("812.345,00");
    // Leaving the field after Enter does not save a second time.
    await user.tab();
    expect(aanroepenVan(aanroepen, "waarde_zetten")).toHaveLength(1);
    expect(await screen.findByTestId("status-opslaan")).toHaveTextContent(
      "Opgeslagen: Loonkosten eigen personeel griffie, Begroting 2026.",
    );
  });

  it("re-renders from the returned form (the value as Rust formats it)", async () => {
    const user = userEvent.setup();
    await toonInvoer({
      waarde_zetten: () => formulier({ personeel: { invoer: "812.345,00" } }),
      voorbeeld: () => ({ melding: null, kengetallen: [] }),
    });
    await user.click(veld(PERSONEEL));
    await user.keyboard("812345{Enter}");
    await waitFor(() => expect(veld(PERSONEEL).value).toBe("812.345,00"));
  });

  it("shows a rejection of kind 'waarde' inline, keeps the text, marks aria-invalid, keeps focus", async () => {
    const user = userEvent.setup();
    const melding = finding({
      code: "F004",
      ernst: "fout",
      melding: "meer dan 2 decimalen: 812.345,001",
      jaar: 2026,
      fase: "begroting",
      post: "GRF.PERSONEEL",
    });
    const aanroepen = await toonInvoer({
      waarde_zetten: () => {
        throw { kind: "waarde", kop: "De waarde past niet", message: melding.melding, meldingen: [melding] };
      },
      voorbeeld: () => ({ melding, kengetallen: [] }),
    });
    const input = veld(PERSONEEL);
    await user.click(input);
    await user.keyboard("812.345,001{Enter}");

    const fout = await screen.findByTestId("fout-2026-begroting-GRF_PERSONEEL");
    expect(fout).toHaveAttribute("role", "alert");
    expect(within(fout).getByTestId("melding-F004")).toHaveTextContent("Fout F004: meer dan 2 decimalen: 812.345,001");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input.getAttribute("aria-describedby")).toContain("fout-2026-begroting-GRF_PERSONEEL");
    expect(input.value).toBe("812.345,001");
    expect(document.activeElement).toBe(input);
    // Leaving the field does not send the same rejected text again.
    await user.tab();
    expect(aanroepenVan(aanroepen, "waarde_zetten")).toHaveLength(1);
  });

  it("saves when the field loses focus after a change, and clears an emptied field", async () => {
    const user = userEvent.setup();
    const aanroepen = await toonInvoer({
      waarde_zetten: () => formulier(),
      waarde_wissen: () => formulier({ inhuur: { invoer: "" } }),
      voorbeeld: () => ({ melding: null, kengetallen: [] }),
    });
    // Nothing changed: no save.
    await user.click(veld("veld-2026-begroting-GRF_INHUUR"));
    await user.tab();
    expect(aanroepenVan(aanroepen, "waarde_zetten")).toHaveLength(0);
    // Emptied: waarde_wissen.
    await user.clear(veld("veld-2026-begroting-GRF_INHUUR"));
    await user.tab();
    await waitFor(() => expect(aanroepenVan(aanroepen, "waarde_wissen")).toHaveLength(1));
    expect(aanroepenVan(aanroepen, "waarde_wissen")[0].args).toEqual({
      organisatie: "GM0363",
      uitvraag: 2026,
      jaar: 2026,
      fase: "begroting",
      post: "GRF.INHUUR",
    });
  });

  it("sends saves one after the other, so an older answer never overwrites a newer one", async () => {
    const user = userEvent.setup();
    const volgorde: string[] = [];
    let n = 0;
    await toonInvoer({
      waarde_zetten: () => {
        n += 1;
        const mijn = n;
        volgorde.push(`start ${mijn}`);
        return new Promise((klaar) =>
          setTimeout(() => {
            volgorde.push(`klaar ${mijn}`);
            klaar(mijn === 1 ? formulier({ personeel: { invoer: "1,00" } }) : formulier({ personeel: { invoer: "1,00" }, inhuur: { invoer: "2,00" } }));
          }, mijn === 1 ? 150 : 10),
        );
      },
      voorbeeld: () => ({ melding: null, kengetallen: [] }),
    });
    await user.click(veld(PERSONEEL));
    await user.keyboard("1");
    await user.click(veld("veld-2026-begroting-GRF_INHUUR"));
    await user.clear(veld("veld-2026-begroting-GRF_INHUUR"));
    await user.keyboard("2");
    await user.tab();
    await waitFor(() => expect(volgorde).toEqual(["start 1", "klaar 1", "start 2", "klaar 2"]));
    await waitFor(() => expect(veld("veld-2026-begroting-GRF_INHUUR").value).toBe("2,00"));
    expect(veld(PERSONEEL).value).toBe("1,00");
  });

  it("choosing 'nvt' saves a reason", async () => {
    const user = userEvent.setup();
    const aanroepen = await toonInvoer({
      waarde_zetten: () => formulier({ personeel: { reden: "nvt" } }),
    });
    await user.selectOptions(veld("reden-2026-begroting-GRF_PERSONEEL"), "nvt");
    await waitFor(() => expect(aanroepenVan(aanroepen, "waarde_zetten")).toHaveLength(1));
    const { verzoek } = aanroepenVan(aanroepen, "waarde_zetten")[0].args as { verzoek: SetFieldRequest };
    expect(verzoek.invoer).toEqual({ soort: "reden", reden: "nvt" });
    expect(verzoek.post).toBe("GRF.PERSONEEL");
    await waitFor(() => expect(veld("reden-2026-begroting-GRF_PERSONEEL").value).toBe("nvt"));
  });

  it("a code post saves the chosen code", async () => {
    const user = userEvent.setup();
    const aanroepen = await toonInvoer({ waarde_zetten: () => formulier() });
    await user.selectOptions(veld("veld-2026-kenmerk-KEN_REKENKAMERVORM"), "gemeenschappelijk");
    await waitFor(() => expect(aanroepenVan(aanroepen, "waarde_zetten")).toHaveLength(1));
    const { verzoek } = aanroepenVan(aanroepen, "waarde_zetten")[0].args as { verzoek: SetFieldRequest };
    expect(verzoek).toMatchObject({ jaar: 2026, fase: "kenmerk", post: "KEN.REKENKAMERVORM" });
    expect(verzoek.invoer).toEqual({ soort: "waarde", tekst: "gemeenschappelijk" });
  });

  it("saves the toelichting on change, keeping the value", async () => {
    const user = userEvent.setup();
    const aanroepen = await toonInvoer({
      waarde_zetten: () => formulier({ inhuur: { toelichting: "interim-griffier" } }),
    });
    await user.type(veld("toelichting-2026-begroting-GRF_INHUUR"), "interim-griffier");
    expect(aanroepenVan(aanroepen, "waarde_zetten")).toHaveLength(0);
    await user.tab();
    await waitFor(() => expect(aanroepenVan(aanroepen, "waarde_zetten")).toHaveLength(1));
    const { verzoek } = aanroepenVan(aanroepen, "waarde_zetten")[0].args as { verzoek: SetFieldRequest };
    expect(verzoek.invoer).toEqual({ soort: "behouden" });
    expect(verzoek.toelichting).toBe("interim-griffier");
    expect(verzoek.post).toBe("GRF.INHUUR");
  });

  it("previews kengetallen while typing (debounced), showing exactly what Rust returned", async () => {
    const user = userEvent.setup();
    const preview: PreviewView = {
      melding: null,
      kengetallen: [
        kengetal({
          jaar: 2026,
          fase: "begroting",
          categorie: "GRF",
          naam: "Griffie",
          kernbudget: "7.777.777,77 (uit Rust)",
          per_inwoner: "8,31-vreemd",
          per_zetel: "172.839,51",
          fte_per_10000: "0,99 ‰?",
        }),
        kengetal({ jaar: 2026, fase: "begroting", categorie: "TOTAAL", kernbudget: "TOTAAL-XYZ" }),
      ],
    };
    const aanroepen = await toonInvoer({ voorbeeld: () => preview });
    const blok = screen.getByTestId("kengetallen-GRF-2026-begroting");
    expect(blok).toHaveTextContent("1.112.345,00");

    await user.click(veld(PERSONEEL));
    await user.keyboard("7.477.777,77");
    // One call after the typing stopped, with the whole text.
    await waitFor(() => expect(aanroepenVan(aanroepen, "voorbeeld")).toHaveLength(1));
    expect(aanroepenVan(aanroepen, "voorbeeld")[0].args).toEqual({
      organisatie: "GM0363",
      uitvraag: 2026,
      jaar: 2026,
      fase: "begroting",
      post: "GRF.PERSONEEL",
      tekst: "7.477.777,77",
    });
    await waitFor(() =>
      expect(screen.getByTestId("kengetallen-GRF-2026-begroting")).toHaveTextContent("7.777.777,77 (uit Rust)"),
    );
    const nieuw = screen.getByTestId("kengetallen-GRF-2026-begroting");
    expect(nieuw).toHaveTextContent("8,31-vreemd");
    expect(nieuw).toHaveTextContent("172.839,51");
    expect(nieuw).toHaveTextContent("0,99 ‰?");
    expect(nieuw).toHaveAttribute("data-voorbeeld", "ja");
    expect(screen.getByTestId("kengetallen-TOTAAL-2026-begroting")).toHaveTextContent("TOTAAL-XYZ");
    // Columns the preview did not mention keep their stored figures.
    expect(screen.getByTestId("kengetallen-GRF-2025-realisatie")).not.toHaveAttribute("data-voorbeeld");
    // Nothing was saved while typing, and twelve keystrokes gave one preview.
    expect(aanroepenVan(aanroepen, "waarde_zetten")).toHaveLength(0);
    expect(aanroepenVan(aanroepen, "voorbeeld")).toHaveLength(1);
  });

  it("shows the preview's melding when the text does not parse", async () => {
    const user = userEvent.setup();
    await toonInvoer({
      voorbeeld: ({ tekst }) => ({
        melding: finding({ code: "F002", ernst: "fout", melding: `'${String(tekst)}' is geen bedrag` }),
        kengetallen: [],
      }),
    });
    await user.click(veld(PERSONEEL));
    await user.keyboard("12abc");
    const cel = screen.getByTestId("cel-2026-begroting-GRF_PERSONEEL");
    await waitFor(() => expect(within(cel).getByTestId("melding-F002")).toHaveTextContent("'12abc' is geen bedrag"));
    expect(veld(PERSONEEL)).toHaveAttribute("aria-invalid", "true");
    // The stored kengetallen stay.
    expect(screen.getByTestId("kengetallen-GRF-2026-begroting")).toHaveTextContent("1.112.345,00");
  });

  it("'Overnemen van vorig jaar' reports how many fields were filled and shows the new form", async () => {
    const user = userEvent.setup();
    const na: FormView = formulier({ personeel: { invoer: "798.000,00" } });
    const aanroepen = await toonInvoer({ vorig_jaar_overnemen: () => ({ aantal: 7, formulier: na }) });
    await user.click(screen.getByTestId("knop-vorig-jaar-overnemen"));
    expect(await screen.findByTestId("status-overnemen")).toHaveTextContent("7 velden overgenomen van vorig jaar.");
    expect(aanroepenVan(aanroepen, "vorig_jaar_overnemen")[0].args).toEqual({ organisatie: "GM0363", uitvraag: 2026 });
    await waitFor(() => expect(veld(PERSONEEL).value).toBe("798.000,00"));
  });

  it("hides fields that are not asked", async () => {
    const f = formulier();
    f.secties[1].posten[0].cellen[1].gevraagd = false;
    mockCommands({ formulier: () => f });
    render(<InvoerScherm org={amsterdam} uitvraag={2026} sprong={null} />);
    await screen.findByTestId("sectie-GRF");
    expect(document.getElementById("veld-2025-realisatie-GRF_PERSONEEL")).toBeNull();
    expect(document.getElementById(PERSONEEL)).not.toBeNull();
  });

  it("shows an error of the form command in the alert region", async () => {
    mockCommands({
      formulier: () => {
        throw { kind: "opslag", kop: "De gegevens konden niet worden opgeslagen of gelezen", message: "database is vergrendeld", meldingen: [] };
      },
    });
    render(<InvoerScherm org={amsterdam} uitvraag={2026} sprong={null} />);
    const alert = await screen.findByTestId("foutmelding");
    await waitFor(() => expect(alert).toHaveTextContent("database is vergrendeld"));
    expect(alert).toHaveAttribute("role", "alert");
  });
});
