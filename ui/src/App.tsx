// The app shell: header with the organisation and the navigation, and a tiny router (state).

import { useCallback, useEffect, useState, type MouseEvent } from "react";

import { api } from "./api";
import type { AppInfo } from "./bindings/AppInfo";
import type { ErrorView } from "./bindings/ErrorView";
import type { OrganisationView } from "./bindings/OrganisationView";
import { FoutMelding, Laden } from "./components/common";
import type { Scherm } from "./components/scherm";
import type { Sprong } from "./components/sprong";
import {
  Button,
  Heading1,
  NavBar,
  NavBarContent,
  NavList,
  NavListItem,
  NavListLink,
  PageHeader,
  PageHeaderContent,
  Paragraph,
  SkipLink,
} from "./components/utrecht";
import { BackupScherm } from "./screens/Backup";
import { DefinitiesScherm } from "./screens/Definities";
import { BundelenScherm } from "./screens/bundelen";
import { ControleScherm } from "./screens/Controle";
import { ExporterenScherm } from "./screens/exporteren";
import { FactsheetScherm } from "./screens/Factsheet";
import { GeschiedenisScherm } from "./screens/Geschiedenis";
import { InvoerScherm } from "./screens/invoer";
import { OverzichtScherm } from "./screens/Overzicht";
import { StartScherm } from "./screens/Start";
import { VergelijkenScherm } from "./screens/vergelijken";

/** Screens that need no organisation: in the menu also when none is open. */
const zonderOrganisatie: Scherm[] = ["backup", "bundelen", "definities"];

const navItems: Array<{ scherm: Scherm; label: string }> = [
  { scherm: "overzicht", label: "Overzicht" },
  { scherm: "invoer", label: "Invoer" },
  { scherm: "controle", label: "Controle" },
  { scherm: "exporteren", label: "Exporteren" },
  { scherm: "geschiedenis", label: "Geschiedenis" },
  { scherm: "vergelijken", label: "Vergelijken" },
  { scherm: "factsheet", label: "Factsheet" },
  { scherm: "backup", label: "Back-up" },
  { scherm: "bundelen", label: "Bundelen" },
  { scherm: "definities", label: "Definities" },
];

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [organisaties, setOrganisaties] = useState<OrganisationView[] | null>(null);
  const [org, setOrg] = useState<OrganisationView | null>(null);
  const [uitvraag, setUitvraag] = useState<number | null>(null);
  const [scherm, setScherm] = useState<Scherm>("start");
  const [sprong, setSprong] = useState<Sprong | null>(null);
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [bezig, setBezig] = useState(true);

  // Loads app info and organisations; state is only set once the answers are in (the app
  // starts busy). `laden` is the same after a reset, for "Opnieuw proberen" and after a restore.
  const ophalen = useCallback(
    (behoudOrg: string | null) =>
      Promise.all([api.appInfo(), api.organisaties()])
        .then(([i, orgs]) => {
      setInfo(i);
      setOrganisaties(orgs);
      setUitvraag((u) => u ?? i.huidige_uitvraag);
      const gekozen = behoudOrg ? (orgs.find((o) => o.code === behoudOrg) ?? null) : null;
      if (gekozen) {
        setOrg(gekozen);
      } else if (behoudOrg === null && orgs.length === 1) {
        // One organisation (the usual case for a griffie): open it straight away.
        setOrg(orgs[0]);
        setScherm("overzicht");
      } else {
        setOrg(null);
        setScherm((s) => (zonderOrganisatie.includes(s) ? s : "start"));
      }
        }, (e: ErrorView) => setFout(e))
        .finally(() => setBezig(false)),
    [],
  );

  const laden = useCallback(
    (behoudOrg: string | null) => {
      setBezig(true);
      setFout(null);
      return ophalen(behoudOrg);
    },
    [ophalen],
  );

  useEffect(() => {
    void ophalen(null);
  }, [ophalen]);

  const naar = useCallback((s: Scherm) => {
    setSprong(null);
    setScherm(s);
    document.documentElement.scrollTop = 0;
  }, []);

  const openOrganisatie = useCallback(
    (o: OrganisationView) => {
      setOrg(o);
      setOrganisaties((lijst) => (lijst && !lijst.some((x) => x.code === o.code) ? [...lijst, o] : lijst));
      setUitvraag(info?.huidige_uitvraag ?? null);
      naar("overzicht");
    },
    [info, naar],
  );

  const wisselOrganisatie = useCallback(() => {
    setOrg(null);
    naar("start");
    void api
      .organisaties()
      .then(setOrganisaties)
      .catch((e: ErrorView) => setFout(e));
  }, [naar]);

  const naarVeld = useCallback((s: Omit<Sprong, "volgnummer">) => {
    setSprong({ ...s, volgnummer: Date.now() });
    setScherm("invoer");
  }, []);

  const navKlik = (s: Scherm) => (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    naar(s);
  };

  const u = uitvraag ?? info?.huidige_uitvraag ?? new Date().getFullYear();

  let inhoud = null;
  if (info && organisaties) {
    if (scherm === "backup") {
      inhoud = <BackupScherm org={org} uitvraag={u} info={info} herladen={() => laden(org?.code ?? "")} />;
    } else if (scherm === "bundelen") {
      inhoud = <BundelenScherm />;
    } else if (scherm === "definities") {
      inhoud = <DefinitiesScherm />;
    } else if (!org || scherm === "start") {
      inhoud = (
        <StartScherm organisaties={organisaties} openen={openOrganisatie} naarBundelen={() => naar("bundelen")} />
      );
    } else if (scherm === "overzicht") {
      inhoud = (
        <OverzichtScherm
          key={org.code}
          org={org}
          uitvraag={u}
          kiesUitvraag={setUitvraag}
          naar={(s, jaar) => {
            setUitvraag(jaar);
            naar(s);
          }}
        />
      );
    } else if (scherm === "invoer") {
      inhoud = <InvoerScherm key={`${org.code}-${u}`} org={org} uitvraag={u} sprong={sprong} />;
    } else if (scherm === "controle") {
      inhoud = <ControleScherm key={`${org.code}-${u}`} org={org} uitvraag={u} naarVeld={naarVeld} />;
    } else if (scherm === "exporteren") {
      inhoud = <ExporterenScherm key={`${org.code}-${u}`} org={org} uitvraag={u} />;
    } else if (scherm === "geschiedenis") {
      inhoud = <GeschiedenisScherm key={org.code} org={org} />;
    } else if (scherm === "vergelijken") {
      inhoud = <VergelijkenScherm key={org.code} org={org} naarFactsheet={() => naar("factsheet")} />;
    } else if (scherm === "factsheet") {
      inhoud = <FactsheetScherm key={`${org.code}-${u}`} org={org} uitvraag={u} />;
    }
  }

  const zichtbareNav = org ? navItems : navItems.filter((n) => zonderOrganisatie.includes(n.scherm));

  return (
    <div className="rb-app">
      <SkipLink className="rb-skip-link" href="#inhoud">
        Naar de inhoud
      </SkipLink>
      <PageHeader className="rb-header">
        <PageHeaderContent className="rb-header__content">
          <div className="rb-header__merk">
            <span className="rb-header__app">Raadsbudget</span>
            {org ? (
              <span className="rb-header__org" data-testid="organisatie-naam">
                {org.naam}{" "}
                <span className="rb-header__code">
                  ({org.soort_label} {org.code})
                </span>
              </span>
            ) : (
              <span className="rb-header__org rb-header__org--geen">Geen organisatie gekozen</span>
            )}
          </div>
          <div className="rb-header__acties">
            {org && (
              <Button appearance="subtle-button" onClick={wisselOrganisatie} data-testid="knop-organisatie-wisselen">
                Andere organisatie
              </Button>
            )}
            {!org && zonderOrganisatie.includes(scherm) && (
              <Button appearance="subtle-button" onClick={() => naar("start")} data-testid="knop-naar-start">
                Naar de start
              </Button>
            )}
          </div>
        </PageHeaderContent>
        <NavBar className="rb-nav" aria-label="Hoofdmenu">
          <NavBarContent>
            <NavList className="rb-nav__lijst">
              {zichtbareNav.map((n) => {
                const actief = scherm === n.scherm;
                return (
                  <NavListItem key={n.scherm}>
                    <NavListLink
                      href={`#${n.scherm}`}
                      className="rb-nav__link"
                      aria-current={actief ? "page" : undefined}
                      data-testid={`nav-${n.scherm}`}
                      onClick={navKlik(n.scherm)}
                    >
                      {n.label}
                    </NavListLink>
                  </NavListItem>
                );
              })}
            </NavList>
          </NavBarContent>
        </NavBar>
      </PageHeader>
      <main id="inhoud" className="rb-main" aria-busy={bezig} tabIndex={-1}>
        <Laden bezig={bezig} />
        {fout && !info && (
          <>
            <Heading1>Raadsbudget kon niet starten</Heading1>
            <FoutMelding fout={fout} />
            <Button onClick={() => laden(null)} data-testid="knop-opnieuw">
              Opnieuw proberen
            </Button>
          </>
        )}
        {fout && info && <FoutMelding fout={fout} />}
        {inhoud}
      </main>
      {info && (
        <footer className="rb-footer">
          <Paragraph small>
            {info.software} · definities {info.definities} · gebruiker {info.gebruiker} · database{" "}
            <span className="rb-pad">{info.database}</span>
          </Paragraph>
        </footer>
      )}
    </div>
  );
}
