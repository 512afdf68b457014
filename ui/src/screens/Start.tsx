// Eerste start / organisatie kiezen: find the own gemeente or provincie in the built-in CBS
// register by typing, choose an organisation of the database, add one by hand (a waterschap)
// or from a register file, or open the demo organisation.

import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";

import { api, dialogen } from "../api";
import type { ErrorView } from "../bindings/ErrorView";
import type { OrganisationView } from "../bindings/OrganisationView";
import type { RegisterEntry } from "../bindings/RegisterEntry";
import type { RegisterHit } from "../bindings/RegisterHit";
import type { RegisterSearch } from "../bindings/RegisterSearch";
import { FoutMelding, PadVeld, StatusRegel } from "../components/common";
import { useScherm } from "../components/scherm";
import {
  Button,
  ButtonGroup,
  Fieldset,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormFieldInput,
  FormFieldLabel,
  FormLabel,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  RadioButton,
  Textbox,
} from "../components/utrecht";

const soorten = [
  { soort: "gemeente", label: "Gemeente", voorvoegsel: "GM", uitleg: "GM gevolgd door 4 cijfers, bijvoorbeeld GM0363" },
  { soort: "provincie", label: "Provincie", voorvoegsel: "PV", uitleg: "PV gevolgd door 2 cijfers (PV20 tot en met PV31), bijvoorbeeld PV27" },
  { soort: "waterschap", label: "Waterschap", voorvoegsel: "WS", uitleg: "WS gevolgd door 4 cijfers, bijvoorbeeld WS0155" },
] as const;

type Soort = (typeof soorten)[number]["soort"];

function soortVanCode(code: string): Soort | null {
  const v = code.trim().slice(0, 2).toUpperCase();
  return soorten.find((s) => s.voorvoegsel === v)?.soort ?? null;
}

const MAX_ZICHTBAAR = 50;

export function StartScherm({
  organisaties,
  openen,
  naarBundelen,
}: {
  organisaties: OrganisationView[];
  openen: (o: OrganisationView) => void;
  /** Opens the Bundelen screen (for researchers, who have no organisation). */
  naarBundelen?: () => void;
}) {
  const eerste = organisaties.length === 0;
  const kop = useScherm(eerste ? "Welkom" : "Organisatie kiezen");

  const [soort, setSoort] = useState<Soort>("gemeente");
  const [code, setCode] = useState("");
  const [naam, setNaam] = useState("");
  const [codeFout, setCodeFout] = useState<string | null>(null);
  const [naamFout, setNaamFout] = useState<string | null>(null);
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [bezig, setBezig] = useState<string | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const naamRef = useRef<HTMLInputElement>(null);

  const [registerPad, setRegisterPad] = useState("");
  const [register, setRegister] = useState<RegisterEntry[] | null>(null);
  const [zoek, setZoek] = useState("");
  const [gekozen, setGekozen] = useState<string | null>(null);

  const [zoekTekst, setZoekTekst] = useState("");
  const [zoekUitslag, setZoekUitslag] = useState<RegisterSearch | null>(null);
  const zoekVolgnummer = useRef(0);
  const trefferLijst = useRef<HTMLUListElement>(null);

  const soortInfo = soorten.find((s) => s.soort === soort)!;

  async function zoekInRegister(tekst: string) {
    setZoekTekst(tekst);
    // Only the answer to the latest text counts (answers may arrive out of order).
    const nummer = ++zoekVolgnummer.current;
    if (!tekst.trim()) {
      setZoekUitslag(null);
      return;
    }
    try {
      const uitslag = await api.registerZoeken(tekst);
      if (nummer === zoekVolgnummer.current) setZoekUitslag(uitslag);
    } catch (err) {
      if (nummer === zoekVolgnummer.current) setFout(err as ErrorView);
    }
  }

  async function kiesTreffer(t: RegisterHit) {
    setFout(null);
    setBezig(`treffer-${t.code}`);
    try {
      openen(await api.organisatieUitRegister(t.code));
    } catch (err) {
      setFout(err as ErrorView);
    } finally {
      setBezig(null);
    }
  }

  function zoekToets(e: KeyboardEvent<HTMLInputElement>) {
    const eerste = zoekUitslag?.treffers[0];
    if (e.key === "Enter" && eerste) {
      e.preventDefault();
      void kiesTreffer(eerste);
    } else if (e.key === "ArrowDown" && eerste) {
      e.preventDefault();
      trefferLijst.current?.querySelector("button")?.focus();
    }
  }

  function trefferToets(e: KeyboardEvent<HTMLUListElement>) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const knoppen = [...(trefferLijst.current?.querySelectorAll("button") ?? [])];
    const hier = knoppen.indexOf(document.activeElement as HTMLButtonElement);
    if (hier < 0) return;
    e.preventDefault();
    if (e.key === "ArrowUp" && hier === 0) {
      document.getElementById("org-zoeken")?.focus();
    } else {
      knoppen[Math.min(knoppen.length - 1, e.key === "ArrowDown" ? hier + 1 : hier - 1)]?.focus();
    }
  }

  function kiesSoort(s: Soort) {
    setSoort(s);
    const nieuw = soorten.find((x) => x.soort === s)!;
    // Help with the code: put the prefix in when the field is empty or holds only a prefix.
    if (code.trim() === "" || soorten.some((x) => x.voorvoegsel === code.trim().toUpperCase())) {
      setCode(nieuw.voorvoegsel);
    }
  }

  async function toevoegen(e: FormEvent) {
    e.preventDefault();
    setCodeFout(null);
    setNaamFout(null);
    setFout(null);
    setBezig("toevoegen");
    try {
      const org = await api.organisatieToevoegen(code.trim(), naam.trim());
      openen(org);
    } catch (err) {
      const ev = err as ErrorView;
      const alBekend = ev.kind === "opslag" && /staat al/i.test(ev.message);
      if (ev.kind === "invoer" || alBekend) {
        // The message says which field it is about: the name, or else the code.
        if (!alBekend && /\bnaam\b/i.test(ev.message) && !/organisatiecode/i.test(ev.message)) {
          setNaamFout(ev.message);
          naamRef.current?.focus();
        } else {
          setCodeFout(ev.message);
          codeRef.current?.focus();
        }
      } else {
        setFout(ev);
      }
    } finally {
      setBezig(null);
    }
  }

  async function demo() {
    setFout(null);
    setBezig("demo");
    try {
      openen(await api.demoOrganisatie());
    } catch (err) {
      setFout(err as ErrorView);
    } finally {
      setBezig(null);
    }
  }

  async function kiesRegister() {
    setFout(null);
    try {
      const pad = await dialogen.kiesBestand("CSV", ["csv"], registerPad);
      if (pad) setRegisterPad(pad);
    } catch (err) {
      setFout(err as ErrorView);
    }
  }

  async function inlezen() {
    setFout(null);
    setBezig("register");
    try {
      setRegister(await api.registerLezen(registerPad.trim()));
      setZoek("");
    } catch (err) {
      setRegister(null);
      setFout(err as ErrorView);
    } finally {
      setBezig(null);
    }
  }

  const gevonden = useMemo(() => {
    if (!register) return [];
    const z = zoek.trim().toLowerCase();
    if (!z) return register;
    return register.filter((r) => r.code.toLowerCase().includes(z) || r.naam.toLowerCase().includes(z));
  }, [register, zoek]);

  function kiesUitRegister(r: RegisterEntry) {
    setCode(r.code);
    setNaam(r.naam);
    setCodeFout(null);
    setNaamFout(null);
    setGekozen(`${r.code} ${r.naam}`);
    const s = soortVanCode(r.code);
    if (s) setSoort(s);
    codeRef.current?.focus();
  }

  return (
    <div className="rb-scherm rb-start">
      <Heading1 ref={kop} tabIndex={-1}>
        {eerste ? "Welkom bij Raadsbudget" : "Kies een organisatie"}
      </Heading1>
      {eerste ? (
        <Paragraph lead>
          Met Raadsbudget legt u vast wat uw organisatie uitgeeft aan de griffie, de rekenkamer, de
          fractieondersteuning en het enquêterecht, volgens de gedeelde definities. Voeg eerst uw
          organisatie toe, of bekijk de demo-organisatie.
        </Paragraph>
      ) : (
        <Paragraph lead>Kies de organisatie waarvoor u wilt werken, of voeg er een toe.</Paragraph>
      )}

      <FoutMelding fout={fout} />

      <section aria-labelledby="kop-zoeken" className="rb-blok" data-testid="register-zoeken-blok">
        <Heading2 id="kop-zoeken">{eerste ? "Zoek uw gemeente of provincie" : "Een gemeente of provincie zoeken"}</Heading2>
        <FormField>
          <FormFieldLabel>
            <FormLabel htmlFor="org-zoeken">Naam of CBS-code</FormLabel>
          </FormFieldLabel>
          <FormFieldDescription id="org-zoeken-uitleg">
            Typ een deel van de naam of de code, bijvoorbeeld Amsterdam of GM0363, en kies uw
            organisatie uit de lijst. Een waterschap voegt u hieronder met de hand toe.
          </FormFieldDescription>
          <FormFieldInput>
            <Textbox
              id="org-zoeken"
              type="search"
              value={zoekTekst}
              autoComplete="off"
              spellCheck={false}
              aria-controls="org-zoeken-lijst"
              aria-describedby="org-zoeken-uitleg org-zoeken-aantal"
              onChange={(e) => void zoekInRegister(e.target.value)}
              onKeyDown={zoekToets}
            />
          </FormFieldInput>
        </FormField>
        <Paragraph id="org-zoeken-aantal" aria-live="polite" data-testid="zoek-aantal">
          {zoekUitslag === null
            ? ""
            : zoekUitslag.aantal === 0
              ? `Geen gemeente of provincie gevonden voor '${zoekTekst.trim()}'.`
              : zoekUitslag.aantal > zoekUitslag.treffers.length
                ? `${zoekUitslag.aantal} gevonden; de beste ${zoekUitslag.treffers.length} staan hieronder. Typ verder om te zoeken.`
                : `${zoekUitslag.aantal} gevonden.`}
        </Paragraph>
        <ul className="rb-zoek__lijst" id="org-zoeken-lijst" ref={trefferLijst} onKeyDown={trefferToets} data-testid="zoek-treffers">
          {zoekUitslag?.treffers.map((t) => (
            <li key={t.code}>
              <Button
                appearance="secondary-action-button"
                onClick={() => void kiesTreffer(t)}
                busy={bezig === `treffer-${t.code}`}
                disabled={bezig !== null}
                data-testid={`treffer-${t.code}`}
              >
                {t.naam} ({t.code}, {t.provincie ?? "provincie"}){t.in_database ? " – openen" : ""}
              </Button>
            </li>
          ))}
        </ul>
        {zoekUitslag && <Paragraph className="rb-bron">{zoekUitslag.bron}</Paragraph>}
      </section>

      {!eerste && (
        <section aria-labelledby="kop-organisaties" className="rb-blok">
          <Heading2 id="kop-organisaties">Organisaties in deze database</Heading2>
          <ul className="rb-org-lijst" data-testid="organisatie-lijst">
            {organisaties.map((o) => (
              <li key={o.code}>
                <Button
                  appearance="secondary-action-button"
                  onClick={() => openen(o)}
                  data-testid={`knop-organisatie-openen-${o.code}`}
                >
                  {o.naam} ({o.code})
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="kop-toevoegen" className="rb-blok">
        <Heading2 id="kop-toevoegen">Organisatie toevoegen</Heading2>
        <Paragraph>Voor een waterschap, of een organisatie die niet in het register staat.</Paragraph>
        <form onSubmit={toevoegen} noValidate className="rb-formulier" data-testid="formulier-organisatie">
          <Fieldset legend="Soort organisatie">
            <div className="rb-radio-rij">
              {soorten.map((s) => (
                <FormField type="radio" key={s.soort} className="rb-radio">
                  <RadioButton
                    id={`soort-${s.soort}`}
                    name="soort"
                    value={s.soort}
                    checked={soort === s.soort}
                    onChange={() => kiesSoort(s.soort)}
                  />
                  <FormLabel type="radio" htmlFor={`soort-${s.soort}`}>
                    {s.label}
                  </FormLabel>
                </FormField>
              ))}
            </div>
          </Fieldset>

          <FormField invalid={!!codeFout}>
            <FormFieldLabel>
              <FormLabel htmlFor="org-code">Code</FormLabel>
            </FormFieldLabel>
            <FormFieldDescription id="org-code-uitleg">{soortInfo.uitleg}.</FormFieldDescription>
            {codeFout && (
              <FormFieldErrorMessage id="org-code-fout" data-testid="fout-org-code">
                <strong>Fout:</strong> 
                {codeFout}
              </FormFieldErrorMessage>
            )}
            <FormFieldInput>
              <Textbox
                id="org-code"
                ref={codeRef}
                value={code}
                invalid={!!codeFout}
                aria-describedby={codeFout ? "org-code-uitleg org-code-fout" : "org-code-uitleg"}
                autoComplete="off"
                spellCheck={false}
                className="rb-textbox--kort"
                onChange={(e) => {
                  setCode(e.target.value);
                  const s = soortVanCode(e.target.value);
                  if (s) setSoort(s);
                }}
              />
            </FormFieldInput>
          </FormField>

          <FormField invalid={!!naamFout}>
            <FormFieldLabel>
              <FormLabel htmlFor="org-naam">Naam</FormLabel>
            </FormFieldLabel>
            {naamFout && (
              <FormFieldErrorMessage id="org-naam-fout" data-testid="fout-org-naam">
                <strong>Fout:</strong> 
                {naamFout}
              </FormFieldErrorMessage>
            )}
            <FormFieldInput>
              <Textbox
                id="org-naam"
                ref={naamRef}
                value={naam}
                invalid={!!naamFout}
                aria-describedby={naamFout ? "org-naam-fout" : undefined}
                autoComplete="organization"
                onChange={(e) => setNaam(e.target.value)}
              />
            </FormFieldInput>
          </FormField>

          <ButtonGroup>
            <Button
              type="submit"
              appearance="primary-action-button"
              busy={bezig === "toevoegen"}
              disabled={bezig !== null}
              data-testid="knop-organisatie-toevoegen"
            >
              Toevoegen en openen
            </Button>
          </ButtonGroup>
        </form>

        <section aria-labelledby="kop-register" className="rb-blok rb-register">
          <Heading3 id="kop-register">Of kies uit een register</Heading3>
          <Paragraph>
            Lees een lijst met codes en namen in, bijvoorbeeld het CSV-bestand met de gemeenten van
            het CBS. Kies daarna uw organisatie; de code en de naam worden dan hierboven ingevuld.
          </Paragraph>
          <PadVeld
            id="register-pad"
            label="Registerbestand (CSV)"
            waarde={registerPad}
            onWijzig={setRegisterPad}
            onEnter={() => {
              if (registerPad.trim()) void inlezen();
            }}
            onKies={kiesRegister}
            kiesTekst="Kies bestand…"
            kiesTestId="knop-kies-register"
          >
            <Button
              onClick={inlezen}
              disabled={!registerPad.trim() || bezig !== null}
              busy={bezig === "register"}
              data-testid="knop-register-inlezen"
            >
              Inlezen
            </Button>
          </PadVeld>

          {register && (
            <div className="rb-register__resultaat" data-testid="register-resultaat">
              <FormField>
                <FormFieldLabel>
                  <FormLabel htmlFor="register-zoeken">Zoek op code of naam</FormLabel>
                </FormFieldLabel>
                <FormFieldInput>
                  <Textbox
                    id="register-zoeken"
                    type="search"
                    value={zoek}
                    autoComplete="off"
                    aria-controls="register-lijst"
                    aria-describedby="register-aantal"
                    onChange={(e) => setZoek(e.target.value)}
                  />
                </FormFieldInput>
              </FormField>
              <Paragraph id="register-aantal" aria-live="polite" data-testid="register-aantal">
                {gevonden.length} van {register.length} organisaties
                {gevonden.length > MAX_ZICHTBAAR ? ` (de eerste ${MAX_ZICHTBAAR} staan hieronder; typ om te zoeken)` : ""}
              </Paragraph>
              <ul className="rb-register__lijst" id="register-lijst" data-testid="register-lijst">
                {gevonden.slice(0, MAX_ZICHTBAAR).map((r) => (
                  <li key={r.code}>
                    <Button
                      appearance="subtle-button"
                      onClick={() => kiesUitRegister(r)}
                      data-testid={`register-${r.code}`}
                    >
                      <span className="rb-register__code">{r.code}</span> {r.naam}
                    </Button>
                  </li>
                ))}
              </ul>
              <StatusRegel testId="register-gekozen">
                {gekozen ? `${gekozen} is ingevuld bij Code en Naam.` : ""}
              </StatusRegel>
            </div>
          )}
        </section>
      </section>

      <section aria-labelledby="kop-demo" className="rb-blok">
        <Heading2 id="kop-demo">Eerst rondkijken?</Heading2>
        <Paragraph>
          De demo-organisatie is een verzonnen gemeente met vier jaar aan cijfers. Zo ziet u hoe
          Raadsbudget werkt zonder uw eigen gegevens in te voeren.
        </Paragraph>
        <Button onClick={demo} busy={bezig === "demo"} disabled={bezig !== null} data-testid="knop-demo-organisatie">
          Demo-organisatie openen
        </Button>
      </section>

      {naarBundelen && (
        <section aria-labelledby="kop-bundelen" className="rb-blok">
          <Heading2 id="kop-bundelen">Onderzoeker bij BZK?</Heading2>
          <Paragraph>
            Bundel de ingestuurde benchmarkbestanden van veel organisaties tot één gecontroleerde
            dataset met statistiek. Daarvoor hoeft u geen organisatie te kiezen.
          </Paragraph>
          <Button onClick={naarBundelen} disabled={bezig !== null} data-testid="knop-naar-bundelen">
            Bestanden bundelen
          </Button>
        </section>
      )}
    </div>
  );
}
