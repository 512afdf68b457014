import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { App } from "./App";
import {
  amsterdam,
  appInfo,
  controleMeldingen,
  formulier,
  overzicht,
  register,
  registerZoeken,
  utrecht,
} from "./test/fixtures";
import { aanroepenVan, laatsteVan, mockCommands, type Handler } from "./test/ipc";

function basis(extra: Record<string, Handler> = {}, organisaties = [amsterdam]) {
  return mockCommands({
    app_info: () => appInfo,
    organisaties: () => organisaties,
    overzicht: () => overzicht,
    formulier: () => formulier(),
    controle: () => controleMeldingen,
    ...extra,
  });
}

describe("Eerste start", () => {
  it("shows the welcome screen with landmarks when the store has no organisations", async () => {
    basis({}, []);
    render(<App />);
    expect(await screen.findByRole("heading", { level: 1, name: "Welkom bij Raadsbudget" })).toBeInTheDocument();
    expect(document.title).toBe("Welkom — Raadsbudget");
    expect(screen.getByRole("banner")).toBeInTheDocument();
    expect(screen.getByRole("navigation", { name: "Hoofdmenu" })).toBeInTheDocument();
    expect(screen.getByRole("main")).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    // Without an organisation only Back-up and Bundelen are in the menu.
    expect(screen.queryByTestId("nav-invoer")).toBeNull();
    expect(screen.getByTestId("nav-backup")).toBeInTheDocument();
    expect(screen.getByTestId("nav-bundelen")).toBeInTheDocument();
  });

  it("leads a researcher without an organisation to Bundelen, and back to the start", async () => {
    const user = userEvent.setup();
    const aanroepen = basis({ slepen_volgen: () => null }, []);
    render(<App />);
    await screen.findByRole("heading", { level: 1, name: "Welkom bij Raadsbudget" });
    await user.click(screen.getByTestId("knop-naar-bundelen"));
    const kop = await screen.findByRole("heading", { level: 1, name: "Bundelen" });
    expect(kop).toHaveFocus();
    expect(document.title).toBe("Bundelen — Raadsbudget");
    expect(screen.getByTestId("nav-bundelen")).toHaveAttribute("aria-current", "page");
    await waitFor(() => expect(aanroepenVan(aanroepen, "slepen_volgen")).toHaveLength(1));
    await user.click(screen.getByTestId("knop-naar-start"));
    expect(await screen.findByRole("heading", { level: 1, name: "Welkom bij Raadsbudget" })).toBeInTheDocument();
    await user.click(screen.getByTestId("nav-bundelen"));
    expect(await screen.findByRole("heading", { level: 1, name: "Bundelen" })).toBeInTheDocument();
  });

  it("shows the Dutch error of organisatie_toevoegen next to the code field", async () => {
    const user = userEvent.setup();
    const melding =
      "'GM03' is geen geldige organisatiecode (verwacht GM gevolgd door 4 cijfers, PV gevolgd door 2 cijfers of WS gevolgd door 4 cijfers)";
    const aanroepen = basis(
      {
        organisatie_toevoegen: () => {
          throw { kind: "invoer", kop: "De invoer klopt niet", message: melding, meldingen: [] };
        },
      },
      [],
    );
    render(<App />);
    await screen.findByTestId("formulier-organisatie");
    const code = screen.getByLabelText("Code") as HTMLInputElement;
    expect(code.value).toBe("");
    await user.click(screen.getByLabelText("Provincie"));
    expect(code.value).toBe("PV");
    await user.click(screen.getByLabelText("Gemeente"));
    expect(code.value).toBe("GM");
    await user.type(code, "03");
    await user.type(screen.getByLabelText("Naam"), "Amsterdam");
    await user.click(screen.getByTestId("knop-organisatie-toevoegen"));

    const fout = await screen.findByTestId("fout-org-code");
    expect(fout).toHaveTextContent(melding);
    expect(fout.id).toBe("org-code-fout");
    expect(code).toHaveAttribute("aria-invalid", "true");
    expect(code.getAttribute("aria-describedby")).toContain("org-code-fout");
    expect(document.activeElement).toBe(code);
    expect(aanroepenVan(aanroepen, "organisatie_toevoegen")[0].args).toEqual({ code: "GM03", naam: "Amsterdam" });
    // The name field is fine.
    expect(screen.getByLabelText("Naam")).not.toHaveAttribute("aria-invalid");
  });

  it("shows a name error next to the name field", async () => {
    const user = userEvent.setup();
    basis(
      {
        organisatie_toevoegen: () => {
          throw { kind: "invoer", kop: "De invoer klopt niet", message: "de naam van de organisatie is leeg", meldingen: [] };
        },
      },
      [],
    );
    render(<App />);
    await screen.findByTestId("formulier-organisatie");
    await user.type(screen.getByLabelText("Code"), "GM0363");
    await user.click(screen.getByTestId("knop-organisatie-toevoegen"));
    expect(await screen.findByTestId("fout-org-naam")).toHaveTextContent("de naam van de organisatie is leeg");
    expect(screen.getByLabelText("Naam")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Code")).not.toHaveAttribute("aria-invalid");
  });

  it("adds an organisation and opens its overview", async () => {
    const user = userEvent.setup();
    basis({ organisatie_toevoegen: ({ code, naam }) => ({ code, naam, soort: "gemeente" }) }, []);
    render(<App />);
    await screen.findByTestId("formulier-organisatie");
    await user.type(screen.getByLabelText("Code"), "GM0363");
    await user.type(screen.getByLabelText("Naam"), "Amsterdam");
    await user.click(screen.getByTestId("knop-organisatie-toevoegen"));
    expect(await screen.findByRole("heading", { level: 1, name: "Overzicht" })).toBeInTheDocument();
    expect(screen.getByTestId("organisatie-naam")).toHaveTextContent("Amsterdam");
  });

  it("finds the own gemeente in the built-in register by typing, and opens it", async () => {
    const user = userEvent.setup();
    const aanroepen = basis(
      {
        register_zoeken: registerZoeken,
        organisatie_uit_register: ({ code }) => ({ ...amsterdam, code: String(code) }),
      },
      [],
    );
    render(<App />);
    const zoek = await screen.findByLabelText("Naam of CBS-code");
    await user.type(zoek, "amst");
    const lijst = screen.getByTestId("zoek-treffers");
    await waitFor(() =>
      expect(within(lijst).getAllByRole("button").map((b) => b.textContent)).toEqual([
        "Amsterdam (GM0363, Noord-Holland)",
        "Amstelveen (GM0362, Noord-Holland)",
      ]),
    );
    expect(screen.getByTestId("zoek-aantal")).toHaveTextContent("2 gevonden.");
    expect(screen.getByText(/Bron: CBS/)).toBeInTheDocument();
    expect(laatsteVan(aanroepen, "register_zoeken")?.args).toEqual({ tekst: "amst" });
    // ↓ goes to the first match, ↓ again to the next; Enter on it opens it.
    await user.keyboard("{ArrowDown}");
    expect(within(lijst).getByTestId("treffer-GM0363")).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(within(lijst).getByTestId("treffer-GM0362")).toHaveFocus();
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(zoek).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { level: 1, name: "Overzicht" })).toBeInTheDocument();
    expect(aanroepenVan(aanroepen, "organisatie_uit_register")[0].args).toEqual({ code: "GM0363" });
  });

  it("says so when the register has no match, and marks what is already in the database", async () => {
    const user = userEvent.setup();
    basis({ register_zoeken: registerZoeken }, []);
    render(<App />);
    const zoek = await screen.findByLabelText("Naam of CBS-code");
    await user.type(zoek, "xyz");
    await waitFor(() => expect(screen.getByTestId("zoek-aantal")).toHaveTextContent("Geen gemeente of provincie gevonden voor 'xyz'."));
    await user.clear(zoek);
    await user.type(zoek, "utrecht");
    await waitFor(() =>
      expect(within(screen.getByTestId("zoek-treffers")).getAllByRole("button").map((b) => b.textContent)).toEqual([
        "Utrecht (GM0344, Utrecht) – openen",
        "Utrecht (PV26, provincie)",
      ]),
    );
  });

  it("reads a register and filters it as you type; picking fills code and name", async () => {
    const user = userEvent.setup();
    const aanroepen = basis(
      {
        register_lezen: () => register,
        "plugin:dialog|open": () => "/data/gemeenten_2025.csv",
      },
      [],
    );
    render(<App />);
    await screen.findByTestId("formulier-organisatie");
    await user.click(screen.getByTestId("knop-kies-register"));
    expect(screen.getByLabelText("Registerbestand (CSV)")).toHaveValue("/data/gemeenten_2025.csv");
    await user.click(screen.getByTestId("knop-register-inlezen"));
    expect(aanroepenVan(aanroepen, "register_lezen")[0].args).toEqual({ pad: "/data/gemeenten_2025.csv" });

    const lijst = await screen.findByTestId("register-lijst");
    expect(within(lijst).getAllByRole("button")).toHaveLength(5);
    const zoek = screen.getByLabelText("Zoek op code of naam");
    await user.type(zoek, "utr");
    expect(within(lijst).getAllByRole("button").map((b) => b.textContent)).toEqual([
      "GM0344 Utrecht",
      "PV26 Utrecht (provincie)",
    ]);
    expect(screen.getByTestId("register-aantal")).toHaveTextContent("2 van 5 organisaties");
    await user.clear(zoek);
    await user.type(zoek, "0363");
    expect(within(lijst).getAllByRole("button").map((b) => b.textContent)).toEqual(["GM0363 Amsterdam"]);
    await user.clear(zoek);
    await user.type(zoek, "PV2");
    await user.click(within(lijst).getByTestId("register-PV26"));
    expect(screen.getByLabelText("Code")).toHaveValue("PV26");
    expect(screen.getByLabelText("Naam")).toHaveValue("Utrecht (provincie)");
    expect(screen.getByLabelText("Provincie")).toBeChecked();
  });

  it("opens the demo organisation", async () => {
    const user = userEvent.setup();
    basis({ demo_organisatie: () => ({ code: "GM9901", naam: "Demostad", soort: "gemeente" }) }, []);
    render(<App />);
    await user.click(await screen.findByTestId("knop-demo-organisatie"));
    expect(await screen.findByRole("heading", { level: 1, name: "Overzicht" })).toBeInTheDocument();
    expect(screen.getByTestId("organisatie-naam")).toHaveTextContent("Demostad");
  });

  it("lists the organisations to choose from when there are several", async () => {
    const user = userEvent.setup();
    basis({}, [amsterdam, utrecht]);
    render(<App />);
    expect(await screen.findByRole("heading", { level: 1, name: "Kies een organisatie" })).toBeInTheDocument();
    await user.click(screen.getByTestId("knop-organisatie-openen-GM0363"));
    expect(await screen.findByRole("heading", { level: 1, name: "Overzicht" })).toBeInTheDocument();
    await user.click(screen.getByTestId("knop-organisatie-wisselen"));
    expect(await screen.findByRole("heading", { level: 1, name: "Kies een organisatie" })).toBeInTheDocument();
  });
});

describe("Navigation", () => {
  it("opens the only organisation at once and moves between screens, updating the title", async () => {
    const user = userEvent.setup();
    basis({
      export_voorbeeld: () => ({
        bestandsnaam: "x.csv",
        revisie: 1,
        regels: 0,
        inhoud: "",
        meldingen: [],
        heeft_fouten: false,
        standaard_map: "/home/griffie",
      }),
      geschiedenis: () => [],
    });
    render(<App />);
    expect(await screen.findByRole("heading", { level: 1, name: "Overzicht" })).toBeInTheDocument();
    expect(document.title).toBe("Overzicht — Raadsbudget");
    expect(screen.getByTestId("nav-overzicht")).toHaveAttribute("aria-current", "page");

    await user.click(screen.getByTestId("nav-invoer"));
    expect(await screen.findByRole("heading", { level: 1, name: "Invoer 2026" })).toBeInTheDocument();
    expect(document.title).toBe("Invoer 2026 — Raadsbudget");
    expect(screen.getByTestId("nav-invoer")).toHaveAttribute("aria-current", "page");
    expect(screen.getByTestId("nav-overzicht")).not.toHaveAttribute("aria-current");

    await user.click(screen.getByTestId("nav-controle"));
    const kop = await screen.findByRole("heading", { level: 1, name: "Controle 2026" });
    await waitFor(() => expect(kop).toHaveFocus());
    await user.click(screen.getByTestId("nav-exporteren"));
    expect(await screen.findByRole("heading", { level: 1, name: "Exporteren 2026" })).toBeInTheDocument();
    await user.click(screen.getByTestId("nav-geschiedenis"));
    expect(await screen.findByRole("heading", { level: 1, name: "Geschiedenis" })).toBeInTheDocument();
    await user.click(screen.getByTestId("nav-backup"));
    expect(await screen.findByRole("heading", { level: 1, name: "Back-up" })).toBeInTheDocument();
    expect(document.title).toBe("Back-up — Raadsbudget");
  });

  it("the uitvraag chosen in the overview is the one the other screens open", async () => {
    const user = userEvent.setup();
    const aanroepen = basis();
    render(<App />);
    await screen.findByTestId("uitvraag-detail-2026");
    await user.selectOptions(screen.getByLabelText("Uitvraag"), "2025");
    expect(await screen.findByTestId("uitvraag-detail-2025")).toHaveTextContent("ingediend (revisie 2)");
    await user.click(screen.getByTestId("knop-open-invoer"));
    expect(await screen.findByRole("heading", { level: 1, name: "Invoer 2025" })).toBeInTheDocument();
    await waitFor(() => expect(laatsteVan(aanroepen, "formulier")?.args).toEqual({ organisatie: "GM0363", uitvraag: 2025 }));
  });

  it("shows a start error with a retry", async () => {
    let keer = 0;
    mockCommands({
      app_info: () => {
        keer += 1;
        if (keer === 1) throw { kind: "opslag", kop: "De gegevens konden niet worden opgeslagen of gelezen", message: "database kan niet worden geopend", meldingen: [] };
        return appInfo;
      },
      organisaties: () => [amsterdam],
      overzicht: () => overzicht,
    });
    render(<App />);
    expect(await screen.findByText("database kan niet worden geopend")).toBeInTheDocument();
    // The heading is the ErrorView's kop, as Rust gave it.
    expect(screen.getByText("De gegevens konden niet worden opgeslagen of gelezen")).toBeInTheDocument();
    await userEvent.click(screen.getByTestId("knop-opnieuw"));
    expect(await screen.findByRole("heading", { level: 1, name: "Overzicht" })).toBeInTheDocument();
  });
});

describe("Controle", () => {
  it("groups findings by ernst with counts, and a finding's link focuses its field in Invoer", async () => {
    const user = userEvent.setup();
    const aanroepen = basis();
    render(<App />);
    await screen.findByRole("heading", { level: 1, name: "Overzicht" });
    await user.click(screen.getByTestId("nav-controle"));
    await screen.findByTestId("groep-fout");
    expect(aanroepenVan(aanroepen, "controle")[0].args).toEqual({ organisatie: "GM0363", uitvraag: 2026 });
    expect(screen.getByRole("heading", { level: 2, name: "Fouten (1)" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "Waarschuwingen (2)" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "Signalen (1)" })).toBeInTheDocument();
    expect(screen.getByTestId("aantal-fouten")).toHaveTextContent("1");
    expect(screen.getByTestId("aantal-waarschuwingen")).toHaveTextContent("2");
    expect(within(screen.getByTestId("groep-fout")).getByTestId("melding-F001")).toHaveTextContent("Fout F001");
    // A finding without a post (a whole block) has no link.
    expect(screen.queryByTestId(/naar-veld-2025-realisatie-undefined/)).toBeNull();
    expect(screen.getAllByRole("button", { name: /Naar het veld/ })).toHaveLength(2);

    await user.click(screen.getByTestId("naar-veld-2025-realisatie-GRF_INHUUR"));
    expect(await screen.findByRole("heading", { level: 1, name: "Invoer 2026" })).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement?.id).toBe("veld-2025-realisatie-GRF_INHUUR"));
  });
});
