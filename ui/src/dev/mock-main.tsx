// Development only (`npm run dev:mock`, then open /mock.html): the UI in a plain browser,
// with the Tauri commands answered by a small in-memory stand-in made of the test fixtures.
// It does no domain work (no parsing, no kengetallen): values are stored as typed. Not part of
// the production build (vite builds index.html only).

import type { Channel } from "@tauri-apps/api/core";
import { mockIPC } from "@tauri-apps/api/mocks";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import "@utrecht/component-library-css/dist/index.css";
import "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css";
import "../styles.css";

import { App } from "../App";
import type { FormView } from "../bindings/FormView";
import type { OrganisationView } from "../bindings/OrganisationView";
import type { SetFieldRequest } from "../bindings/SetFieldRequest";
import type { BundelVoortgang } from "../api";
import { amsterdam, appInfo, audit, bron, bundelView, controleMeldingen, exportVoorbeeld, formulier, kengetal, overzicht, register, registerZoeken, vergelijkOpties } from "../test/fixtures";
import { benchmarkHandlers } from "../test/ipc";

const params = new URLSearchParams(location.search);
const organisaties: OrganisationView[] = params.get("leeg") !== null ? [] : [amsterdam];
let form: FormView = formulier();
// Vergelijken and Factsheet: loaded sources and saved lists live here; `?geen-bronnen` starts
// without a loaded bundle (then "Bundel laden" with any path loads the fixture's).
const benchmark = benchmarkHandlers({
  bronnen: params.get("geen-bronnen") !== null ? [] : [bron],
  lijsten: structuredClone(vergelijkOpties.lijsten),
});

function zet(v: SetFieldRequest): FormView {
  form = structuredClone(form);
  for (const s of form.secties)
    for (const p of s.posten)
      if (p.code === v.post)
        for (const c of p.cellen)
          if (c.jaar === v.jaar && c.fase === v.fase) {
            if (v.invoer.soort === "waarde") {
              if (!/^[0-9.,]+$/.test(v.invoer.tekst) && p.eenheid !== "code")
                throw { kind: "waarde", kop: "De waarde past niet", message: "geen getal", meldingen: [{ code: "F002", ernst: "fout", melding: `'${v.invoer.tekst}' is geen getal`, jaar: v.jaar, fase: v.fase, post: v.post, bestand: null, regel: null, kolom: null, tekst: "" }] };
              c.invoer = v.invoer.tekst;
              c.reden = null;
            } else if (v.invoer.soort === "reden") {
              c.invoer = "";
              c.reden = v.invoer.reden;
            }
            if (v.toelichting !== null) c.toelichting = v.toelichting;
          }
  return form;
}

mockIPC((cmd, args) => {
  const a = (args ?? {}) as Record<string, unknown>;
  switch (cmd) {
    case "app_info":
      return appInfo;
    case "organisaties":
      return organisaties;
    case "organisatie_toevoegen":
      if (!/^(GM\d{4}|PV\d{2}|WS\d{4})$/.test(String(a.code)))
        throw { kind: "invoer", kop: "De invoer klopt niet", message: `'${String(a.code)}' is geen geldige organisatiecode`, meldingen: [] };
      return { code: a.code, naam: a.naam, soort: "gemeente" };
    case "demo_organisatie":
      return amsterdam;
    case "register_lezen":
      return register;
    case "register_zoeken":
      return registerZoeken(a);
    case "organisatie_uit_register":
      return { ...amsterdam, code: a.code };
    case "overzicht":
      return overzicht;
    case "formulier":
      return form;
    case "waarde_zetten":
      return zet(a.verzoek as SetFieldRequest);
    case "waarde_wissen":
      return form;
    case "voorbeeld":
      return {
        melding: null,
        kengetallen: [kengetal({ jaar: 2026, fase: "begroting", categorie: "GRF", naam: "Griffie", kernbudget: `(voorbeeld) ${String(a.tekst)}` })],
      };
    case "vorig_jaar_overnemen":
      return { aantal: 3, formulier: form };
    case "controle":
      return controleMeldingen;
    case "export_voorbeeld":
      return exportVoorbeeld;
    case "exporteren":
      return { pad: `${String(a.map)}/${exportVoorbeeld.bestandsnaam}`, revisie: 1, sha256: "0f".repeat(32), concept: Boolean(a.concept) };
    case "geschiedenis":
      return [audit({ id: 2, oud: "798.000,00", nieuw: "812.345,00" }), audit({ id: 1, post: null, jaar: null, fase: null, nieuw: "GM0363 Amsterdam" })];
    case "ongedaan_maken":
      return audit({ id: 3, oud: "812.345,00", nieuw: "798.000,00", maakt_ongedaan: 2 });
    case "backup_maken":
      return a.pad;
    case "backup_terugzetten":
      return "/home/griffie/.local/share/nl.raadsbudget.desktop/raadsbudget-voor-terugzetten-20261128T140500Z.sqlite";
    case "slepen_volgen":
      return null;
    case "uitvoermap_openen":
      return null;
    case "bundelen":
      // A slow stand-in, so the progress bar can be seen.
      return (async () => {
        const kanaal = a.voortgang as Channel<BundelVoortgang>;
        for (let gelezen = 0; gelezen <= 4; gelezen++) {
          kanaal.onmessage({ gelezen, totaal: 4 });
          await new Promise((r) => setTimeout(r, 400));
        }
        return { ...bundelView, uit: String((a.verzoek as { uit: string }).uit) };
      })();
    default: {
      const h = benchmark[cmd];
      if (h) return h(a);
      throw { kind: "onbekend", kop: "Er ging iets mis", message: `geen stand-in voor ${cmd}`, meldingen: [] };
    }
  }
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
