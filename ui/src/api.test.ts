import { describe, expect, it } from "vitest";

import { api, dialogen, ONBEKEND, toErrorView, type VeldAdres } from "./api";
import type { SetFieldRequest } from "./bindings/SetFieldRequest";
import type { CompareRequest } from "./bindings/CompareRequest";
import { amsterdam, appInfo, formulier } from "./test/fixtures";
import { mockCommands } from "./test/ipc";

describe("api: command names and argument shapes (docs/ipc.md)", () => {
  const adres: VeldAdres = { organisatie: "GM0363", uitvraag: 2026, jaar: 2026, fase: "begroting", post: "GRF.PERSONEEL" };
  const verzoek: SetFieldRequest = { ...adres, invoer: { soort: "waarde", tekst: "812.345,00" }, toelichting: null };
  const vergelijkVerzoek: CompareRequest = {
    organisatie: "GM0363",
    categorie: "RKK",
    indicator: "per_inwoner",
    jaar: 2026,
    fase: "begroting",
    groep: "grootteklasse",
    lijst: [],
  };

  const gevallen: Array<{ naam: string; run: () => Promise<unknown>; cmd: string; args: Record<string, unknown> }> = [
    { naam: "app_info", run: () => api.appInfo(), cmd: "app_info", args: {} },
    { naam: "organisaties", run: () => api.organisaties(), cmd: "organisaties", args: {} },
    {
      naam: "organisatie_toevoegen",
      run: () => api.organisatieToevoegen("GM0363", "Amsterdam"),
      cmd: "organisatie_toevoegen",
      args: { code: "GM0363", naam: "Amsterdam" },
    },
    { naam: "demo_organisatie", run: () => api.demoOrganisatie(), cmd: "demo_organisatie", args: {} },
    { naam: "register_lezen", run: () => api.registerLezen("/tmp/g.csv"), cmd: "register_lezen", args: { pad: "/tmp/g.csv" } },
    { naam: "register_zoeken", run: () => api.registerZoeken("amster"), cmd: "register_zoeken", args: { tekst: "amster" } },
    {
      naam: "organisatie_uit_register",
      run: () => api.organisatieUitRegister("GM0363"),
      cmd: "organisatie_uit_register",
      args: { code: "GM0363" },
    },
    { naam: "overzicht", run: () => api.overzicht("GM0363"), cmd: "overzicht", args: { organisatie: "GM0363" } },
    {
      naam: "formulier",
      run: () => api.formulier("GM0363", 2026),
      cmd: "formulier",
      args: { organisatie: "GM0363", uitvraag: 2026 },
    },
    { naam: "waarde_zetten", run: () => api.waardeZetten(verzoek), cmd: "waarde_zetten", args: { verzoek } },
    { naam: "waarde_wissen", run: () => api.waardeWissen(adres), cmd: "waarde_wissen", args: { ...adres } },
    {
      naam: "voorbeeld",
      run: () => api.voorbeeld(adres, "812.345"),
      cmd: "voorbeeld",
      args: { ...adres, tekst: "812.345" },
    },
    {
      naam: "vorig_jaar_overnemen",
      run: () => api.vorigJaarOvernemen("GM0363", 2026),
      cmd: "vorig_jaar_overnemen",
      args: { organisatie: "GM0363", uitvraag: 2026 },
    },
    {
      naam: "controle",
      run: () => api.controle("GM0363", 2026),
      cmd: "controle",
      args: { organisatie: "GM0363", uitvraag: 2026 },
    },
    {
      naam: "export_voorbeeld",
      run: () => api.exportVoorbeeld("GM0363", 2026),
      cmd: "export_voorbeeld",
      args: { organisatie: "GM0363", uitvraag: 2026 },
    },
    {
      naam: "exporteren",
      run: () => api.exporteren("GM0363", 2026, "/home/griffie/Documenten", true),
      cmd: "exporteren",
      args: { organisatie: "GM0363", uitvraag: 2026, map: "/home/griffie/Documenten", concept: true },
    },
    {
      naam: "geschiedenis (alle posten)",
      run: () => api.geschiedenis("GM0363", null),
      cmd: "geschiedenis",
      args: { organisatie: "GM0363", post: null },
    },
    {
      naam: "geschiedenis (één post)",
      run: () => api.geschiedenis("GM0363", "GRF.PERSONEEL"),
      cmd: "geschiedenis",
      args: { organisatie: "GM0363", post: "GRF.PERSONEEL" },
    },
    { naam: "ongedaan_maken", run: () => api.ongedaanMaken("GM0363"), cmd: "ongedaan_maken", args: { organisatie: "GM0363" } },
    { naam: "backup_maken", run: () => api.backupMaken("/tmp/b.sqlite"), cmd: "backup_maken", args: { pad: "/tmp/b.sqlite" } },
    {
      naam: "backup_terugzetten",
      run: () => api.backupTerugzetten("/tmp/b.sqlite"),
      cmd: "backup_terugzetten",
      args: { pad: "/tmp/b.sqlite" },
    },
    { naam: "bronnen", run: () => api.bronnen(), cmd: "bronnen", args: {} },
    {
      naam: "bron_laden",
      run: () => api.bronLaden({ pad: "/onderzoek/bundel-2026", register: null }),
      cmd: "bron_laden",
      args: { verzoek: { pad: "/onderzoek/bundel-2026", register: null } },
    },
    {
      naam: "bron_verwijderen",
      run: () => api.bronVerwijderen(3),
      cmd: "bron_verwijderen",
      args: { id: 3 },
    },
    {
      naam: "vergelijk_opties",
      run: () => api.vergelijkOpties("GM0363"),
      cmd: "vergelijk_opties",
      args: { organisatie: "GM0363" },
    },
    { naam: "vergelijken", run: () => api.vergelijken(vergelijkVerzoek), cmd: "vergelijken", args: { verzoek: vergelijkVerzoek } },
    {
      naam: "vergelijking_exporteren",
      run: () => api.vergelijkingExporteren(vergelijkVerzoek, "/tmp/v.csv"),
      cmd: "vergelijking_exporteren",
      args: { verzoek: vergelijkVerzoek, pad: "/tmp/v.csv" },
    },
    {
      naam: "grafiek_opslaan",
      run: () => api.grafiekOpslaan("/tmp/g.png", null, "iVBORw0KGgo="),
      cmd: "grafiek_opslaan",
      args: { pad: "/tmp/g.png", svg: null, png: "iVBORw0KGgo=" },
    },
    {
      naam: "peerlijst_opslaan",
      run: () => api.peerlijstOpslaan("G4", ["GM0344", "GM0363"]),
      cmd: "peerlijst_opslaan",
      args: { naam: "G4", codes: ["GM0344", "GM0363"] },
    },
    { naam: "peerlijst_verwijderen", run: () => api.peerlijstVerwijderen("G4"), cmd: "peerlijst_verwijderen", args: { naam: "G4" } },
    {
      naam: "factsheet",
      run: () => api.factsheet("GM0363", 2026),
      cmd: "factsheet",
      args: { organisatie: "GM0363", uitvraag: 2026 },
    },
    {
      naam: "factsheet_pdf",
      run: () => api.factsheetPdf("GM0363", 2026, "/tmp/f.pdf"),
      cmd: "factsheet_pdf",
      args: { organisatie: "GM0363", uitvraag: 2026, pad: "/tmp/f.pdf" },
    },
  ];

  for (const g of gevallen) {
    it(`${g.naam} → invoke("${g.cmd}", …)`, async () => {
      const antwoord = { ok: g.cmd };
      const aanroepen = mockCommands({ [g.cmd]: () => antwoord });
      await expect(g.run()).resolves.toEqual(antwoord);
      expect(aanroepen).toHaveLength(1);
      expect(aanroepen[0].cmd).toBe(g.cmd);
      // Arguments are exactly the documented keys (Tauri matches them by name).
      expect(aanroepen[0].args).toEqual(g.args);
    });
  }

  it("returns the payload unchanged", async () => {
    mockCommands({ app_info: () => appInfo, formulier: () => formulier() });
    await expect(api.appInfo()).resolves.toEqual(appInfo);
    const f = await api.formulier("GM0363", 2026);
    expect(f.organisatie).toEqual(amsterdam);
  });
});

describe("api: errors become ErrorView", () => {
  it("passes an ErrorView from Rust through, with its findings", async () => {
    const fout = {
      kind: "waarde",
      kop: "De waarde past niet",
      message: "waarde past niet bij de eenheid",
      meldingen: [
        {
          code: "F002",
          ernst: "fout",
          melding: "waarde past niet bij de eenheid",
          jaar: 2026,
          fase: "begroting",
          post: "GRF.PERSONEEL",
          bestand: null,
          regel: null,
          kolom: null,
          tekst: "GM0363 2026 begroting GRF.PERSONEEL: F002: waarde past niet bij de eenheid",
        },
      ],
    };
    mockCommands({
      waarde_zetten: () => {
        throw fout;
      },
    });
    await expect(
      api.waardeZetten({
        organisatie: "GM0363",
        uitvraag: 2026,
        jaar: 2026,
        fase: "begroting",
        post: "GRF.PERSONEEL",
        invoer: { soort: "waarde", tekst: "abc" },
        toelichting: null,
      }),
    ).rejects.toEqual(fout);
  });

  it("fills in missing meldingen", async () => {
    mockCommands({
      overzicht: () => Promise.reject({ kind: "niet_gevonden", kop: "Niet gevonden", message: "organisatie GM9999 staat niet in deze database" }),
    });
    await expect(api.overzicht("GM9999")).rejects.toEqual({
      kind: "niet_gevonden",
      kop: "Niet gevonden",
      message: "organisatie GM9999 staat niet in deze database",
      meldingen: [],
    });
  });

  it("turns a plain string (Tauri refusing an argument) into a Dutch ErrorView, never the English text", async () => {
    mockCommands({
      app_info: () => {
        throw "command app_info not found";
      },
    });
    await expect(api.appInfo()).rejects.toEqual({ kind: "onbekend", kop: "Er ging iets mis", message: ONBEKEND, meldingen: [] });
    expect(ONBEKEND).toMatch(/^De app kon deze opdracht niet uitvoeren/);
  });

  it("maps a JavaScript Error and unknown values", () => {
    expect(toErrorView(new Error("stuk"))).toEqual({ kind: "onbekend", kop: "Er ging iets mis", message: ONBEKEND, meldingen: [] });
    expect(toErrorView(42).kind).toBe("onbekend");
  });
});

describe("dialogen", () => {
  it("opens a folder dialog and returns the chosen path", async () => {
    const aanroepen = mockCommands({ "plugin:dialog|open": () => "/home/griffie/Export" });
    await expect(dialogen.kiesMap("/home/griffie")).resolves.toBe("/home/griffie/Export");
    const opties = (aanroepen[0].args as { options: Record<string, unknown> }).options;
    expect(opties.directory).toBe(true);
    expect(opties.defaultPath).toBe("/home/griffie");
  });

  it("filters CSV files and returns null when cancelled", async () => {
    const aanroepen = mockCommands({ "plugin:dialog|open": () => null });
    await expect(dialogen.kiesBestand("CSV", ["csv"])).resolves.toBeNull();
    const opties = (aanroepen[0].args as { options: Record<string, unknown> }).options;
    expect(opties.filters).toEqual([{ name: "CSV", extensions: ["csv"] }]);
  });

  it("uses the save dialog for a new file", async () => {
    const aanroepen = mockCommands({ "plugin:dialog|save": () => "/tmp/x.sqlite" });
    await expect(dialogen.kiesOpslaan("SQLite-database", ["sqlite"], "x.sqlite")).resolves.toBe("/tmp/x.sqlite");
    expect(aanroepen[0].cmd).toBe("plugin:dialog|save");
  });
});
