import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import type { ExportPreview } from "../bindings/ExportPreview";
import { amsterdam, appInfo, audit, exportVoorbeeld, finding, overzicht } from "../test/fixtures";
import { aanroepenVan, laatsteVan, mockCommands } from "../test/ipc";
import { BackupScherm, backupNaam } from "./Backup";
import { ExporterenScherm } from "./exporteren";
import { GeschiedenisScherm } from "./Geschiedenis";
import { OverzichtScherm } from "./Overzicht";

describe("Geschiedenis", () => {
  const lijst = [
    audit({ id: 12, post: "GRF.PERSONEEL", oud: "798.000,00", nieuw: "812.345,00", reden: "begroting vastgesteld" }),
    audit({ id: 11, post: "ENQ.EXTERN", oud: "", nieuw: "nvt" }),
    audit({ id: 10, post: null, jaar: null, fase: null, oud: "", nieuw: "GM0363 Amsterdam" }),
  ];

  it("shows the changes in a table and filters per post through the command", async () => {
    const user = userEvent.setup();
    const aanroepen = mockCommands({
      geschiedenis: ({ post }) => (post ? lijst.filter((a) => a.post === post) : lijst),
    });
    render(<GeschiedenisScherm org={amsterdam} />);
    const tabel = await screen.findByTestId("tabel-geschiedenis");
    expect(aanroepenVan(aanroepen, "geschiedenis")[0].args).toEqual({ organisatie: "GM0363", post: null });
    expect(within(tabel).getAllByRole("columnheader").map((th) => th.textContent)).toEqual([
      "Moment (UTC)",
      "Wie",
      "Jaar",
      "Fase",
      "Post",
      "Oud",
      "Nieuw",
      "Reden",
    ]);
    expect(within(tabel).getAllByRole("columnheader")[0]).toHaveAttribute("scope", "col");
    const rij = screen.getByTestId("wijziging-12");
    expect(rij).toHaveTextContent("28-11-2026 14:05");
    expect(rij).toHaveTextContent("798.000,00");
    expect(rij).toHaveTextContent("812.345,00");
    expect(rij).toHaveTextContent("begroting vastgesteld");

    await user.selectOptions(screen.getByLabelText("Post"), "ENQ.EXTERN");
    await waitFor(() => expect(screen.queryByTestId("wijziging-12")).toBeNull());
    expect(laatsteVan(aanroepen, "geschiedenis")?.args).toEqual({ organisatie: "GM0363", post: "ENQ.EXTERN" });
    expect(screen.getByTestId("wijziging-11")).toBeInTheDocument();
  });

  it("undoes the last change, confirms what was undone and reloads", async () => {
    const user = userEvent.setup();
    let ongedaan = false;
    const undo = audit({ id: 13, post: "GRF.PERSONEEL", oud: "812.345,00", nieuw: "798.000,00", maakt_ongedaan: 12 });
    const aanroepen = mockCommands({
      geschiedenis: () => (ongedaan ? [undo, ...lijst] : lijst),
      ongedaan_maken: () => {
        ongedaan = true;
        return undo;
      },
    });
    render(<GeschiedenisScherm org={amsterdam} />);
    await screen.findByTestId("tabel-geschiedenis");
    await user.click(screen.getByTestId("knop-ongedaan-maken"));
    const resultaat = await screen.findByTestId("ongedaan-resultaat");
    await waitFor(() => expect(resultaat).toHaveTextContent("Ongedaan gemaakt"));
    expect(resultaat).toHaveTextContent("GRF.PERSONEEL, Begroting 2026: 812.345,00 → 798.000,00");
    expect(resultaat).toHaveAttribute("role", "status");
    expect(aanroepenVan(aanroepen, "ongedaan_maken")[0].args).toEqual({ organisatie: "GM0363" });
    expect(await screen.findByTestId("wijziging-13")).toHaveTextContent("maakt wijziging 12 ongedaan");
  });

  it("says so when there is nothing to undo", async () => {
    const user = userEvent.setup();
    mockCommands({ geschiedenis: () => [], ongedaan_maken: () => null });
    render(<GeschiedenisScherm org={amsterdam} />);
    await screen.findByText("Nog geen wijzigingen.");
    await user.click(screen.getByTestId("knop-ongedaan-maken"));
    expect(await screen.findByText("Er is geen wijziging om ongedaan te maken.")).toBeInTheDocument();
  });
});

describe("Exporteren", () => {
  it("shows what will be sent and exports into the chosen folder", async () => {
    const user = userEvent.setup();
    let revisie = 1;
    const aanroepen = mockCommands({
      export_voorbeeld: () => ({ ...exportVoorbeeld, revisie }),
      exporteren: ({ map }) => {
        revisie = 2;
        return {
          pad: `${String(map)}/raadsondersteuning_2026_GM0363_r1.csv`,
          revisie: 1,
          sha256: "ab12cd34",
          concept: false,
        };
      },
      "plugin:dialog|open": () => "/home/griffie/BZK",
    });
    render(<ExporterenScherm org={amsterdam} uitvraag={2026} />);
    expect(await screen.findByTestId("export-bestandsnaam")).toHaveTextContent("raadsondersteuning_2026_GM0363_r1.csv");
    expect(screen.getByTestId("export-voorbeeld-revisie")).toHaveTextContent("1");
    expect(screen.getByTestId("export-regels")).toHaveTextContent("2");
    expect(screen.getByTestId("export-inhoud")).toHaveTextContent("GRF.PERSONEEL,812345.00");
    const map = screen.getByLabelText("Map") as HTMLInputElement;
    expect(map.value).toBe("/home/griffie/Documenten");
    await user.click(screen.getByTestId("knop-kies-map"));
    expect(map.value).toBe("/home/griffie/BZK");

    await user.click(screen.getByTestId("knop-exporteren"));
    const resultaat = await screen.findByTestId("export-pad");
    expect(resultaat).toHaveTextContent("/home/griffie/BZK/raadsondersteuning_2026_GM0363_r1.csv");
    expect(screen.getByTestId("export-revisie")).toHaveTextContent("1");
    expect(screen.getByTestId("export-sha256")).toHaveTextContent("ab12cd34");
    expect(screen.getByTestId("export-vervolg")).toHaveTextContent(
      "Stuur dit bestand naar BZK zoals gevraagd in de uitvraag. Wijzigt u daarna nog iets, exporteer dan opnieuw: het nieuwe bestand krijgt revisie 2.",
    );
    expect(aanroepenVan(aanroepen, "exporteren")[0].args).toEqual({
      organisatie: "GM0363",
      uitvraag: 2026,
      map: "/home/griffie/BZK",
      concept: false,
    });
    await waitFor(() => expect(screen.getByTestId("export-voorbeeld-revisie")).toHaveTextContent("2"));
  });

  it("disables Exporteren with an explanation while there are errors; a concept is allowed", async () => {
    const user = userEvent.setup();
    const metFouten: ExportPreview = {
      ...exportVoorbeeld,
      heeft_fouten: true,
      meldingen: [finding({ code: "F001", ernst: "fout", melding: "verplichte post ontbreekt" })],
    };
    const aanroepen = mockCommands({
      export_voorbeeld: () => metFouten,
      exporteren: () => ({ pad: "/home/griffie/Documenten/x_concept.csv", revisie: 1, sha256: "ff", concept: true }),
    });
    render(<ExporterenScherm org={amsterdam} uitvraag={2026} />);
    const knop = await screen.findByTestId("knop-exporteren");
    expect(knop).toBeDisabled();
    expect(knop).toHaveAttribute("aria-describedby", "export-uitleg");
    expect(screen.getByTestId("export-geblokkeerd")).toHaveTextContent("Er zijn nog fouten");
    expect(screen.getByTestId("melding-F001")).toBeInTheDocument();
    await user.click(screen.getByTestId("knop-concept-opslaan"));
    expect(await screen.findByText("Concept opgeslagen")).toBeInTheDocument();
    expect(aanroepenVan(aanroepen, "exporteren")[0].args).toMatchObject({ concept: true });
  });

  it("shows a refused export's findings in the alert region", async () => {
    const user = userEvent.setup();
    mockCommands({
      export_voorbeeld: () => exportVoorbeeld,
      exporteren: () => {
        throw {
          kind: "meldingen",
          kop: "Geweigerd vanwege fouten",
          message: "export geweigerd: 1 fout",
          meldingen: [finding({ code: "F001", ernst: "fout", melding: "verplichte post ontbreekt", tekst: "GM0363 2026 begroting GRF.PERSONEEL: F001: verplichte post ontbreekt" })],
        };
      },
    });
    render(<ExporterenScherm org={amsterdam} uitvraag={2026} />);
    await user.click(await screen.findByTestId("knop-exporteren"));
    const alert = await screen.findByTestId("foutmelding");
    await waitFor(() => expect(alert).toHaveTextContent("export geweigerd: 1 fout"));
    expect(alert).toHaveTextContent("GM0363 2026 begroting GRF.PERSONEEL: F001: verplichte post ontbreekt");
  });
});

describe("Back-up", () => {
  it("suggests a file in the default folder and makes the backup", async () => {
    const user = userEvent.setup();
    const aanroepen = mockCommands({
      export_voorbeeld: () => exportVoorbeeld,
      backup_maken: ({ pad }) => pad,
    });
    render(<BackupScherm org={amsterdam} uitvraag={2026} info={appInfo} herladen={async () => {}} />);
    const pad = screen.getByLabelText("Opslaan als") as HTMLInputElement;
    await waitFor(() => expect(pad.value).toBe(`/home/griffie/Documenten/${backupNaam(new Date())}`));
    expect(backupNaam(new Date(2026, 10, 28))).toBe("raadsbudget-back-up-28-11-2026.sqlite");
    await user.click(screen.getByTestId("knop-backup-maken"));
    expect(await screen.findByText("Back-up gemaakt")).toBeInTheDocument();
    expect(aanroepenVan(aanroepen, "backup_maken")[0].args).toEqual({ pad: pad.value });
  });

  it("asks for confirmation before restoring, then reports the safety copy and reloads", async () => {
    const user = userEvent.setup();
    let herladen = 0;
    const aanroepen = mockCommands({
      export_voorbeeld: () => exportVoorbeeld,
      backup_terugzetten: () => "/home/griffie/.local/share/nl.raadsbudget.desktop/raadsbudget-voor-terugzetten-20261128T140500Z.sqlite",
    });
    render(
      <BackupScherm
        org={amsterdam}
        uitvraag={2026}
        info={appInfo}
        herladen={async () => {
          herladen += 1;
        }}
      />,
    );
    await user.type(screen.getByLabelText("Back-upbestand"), "/media/usb/oud.sqlite");
    await user.click(screen.getByTestId("knop-backup-terugzetten"));
    const vraag = screen.getByTestId("terugzetten-bevestiging");
    expect(vraag).toHaveTextContent("Weet u het zeker? De huidige gegevens worden eerst bewaard in");
    expect(vraag).toHaveTextContent("/home/griffie/.local/share/nl.raadsbudget.desktop");
    // Cancel does nothing.
    await user.click(screen.getByTestId("knop-terugzetten-annuleren"));
    expect(aanroepenVan(aanroepen, "backup_terugzetten")).toHaveLength(0);

    await user.click(screen.getByTestId("knop-backup-terugzetten"));
    await user.click(screen.getByTestId("knop-terugzetten-bevestigen"));
    const resultaat = await screen.findByTestId("terugzetten-resultaat");
    await waitFor(() => expect(resultaat).toHaveTextContent("raadsbudget-voor-terugzetten-20261128T140500Z.sqlite"));
    expect(aanroepenVan(aanroepen, "backup_terugzetten")[0].args).toEqual({ pad: "/media/usb/oud.sqlite" });
    expect(herladen).toBe(1);
  });
});

describe("Overzicht", () => {
  it("shows the uitvragen with a status badge (icon + text), counts and totals", async () => {
    const aanroepen = mockCommands({ overzicht: () => overzicht });
    render(<OverzichtScherm org={amsterdam} uitvraag={2025} kiesUitvraag={() => {}} naar={() => {}} />);
    const detail = await screen.findByTestId("uitvraag-detail-2025");
    expect(aanroepenVan(aanroepen, "overzicht")[0].args).toEqual({ organisatie: "GM0363" });
    const badge = within(detail).getByTestId("status-2025");
    expect(badge).toHaveTextContent("✉ ingediend (revisie 2)");
    expect(badge).toHaveAttribute("data-status", "ingediend");
    expect(within(detail).getByTestId("tellingen-2025")).toHaveTextContent("0 fouten2 waarschuwingen1 signaal");
    const totalen = within(detail).getByTestId("totalen-2025");
    expect(within(totalen).getByText("Kernbudget per categorie, uitvraag 2025").tagName).toBe("CAPTION");
    expect(within(totalen).getByTestId("totaal-TOTAAL")).toHaveTextContent("Totaal raadsondersteuning1.500.000,001.480.000,00");
    expect(within(screen.getByTestId("tabel-uitvragen")).getByTestId("status-2026")).toHaveTextContent("concept");
  });

  it("shows 'onbekend' for an unknown total", async () => {
    mockCommands({ overzicht: () => overzicht });
    render(<OverzichtScherm org={amsterdam} uitvraag={2026} kiesUitvraag={() => {}} naar={() => {}} />);
    const detail = await screen.findByTestId("uitvraag-detail-2026");
    expect(within(detail).getByTestId("totaal-GRF")).toHaveTextContent("Griffie1.112.345,00onbekend");
  });
});
