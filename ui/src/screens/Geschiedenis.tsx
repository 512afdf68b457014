// Geschiedenis: the audit log (newest first), filtered per post, and undo of the last change.

import { useCallback, useEffect, useMemo, useState } from "react";

import { api } from "../api";
import type { AuditView } from "../bindings/AuditView";
import type { ErrorView } from "../bindings/ErrorView";
import type { OrganisationView } from "../bindings/OrganisationView";
import { FoutMelding, Laden } from "../components/common";
import { useScherm } from "../components/scherm";
import {
  Alert,
  Button,
  FormField,
  FormFieldInput,
  FormFieldLabel,
  FormLabel,
  Heading1,
  Paragraph,
  Select,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "../components/utrecht";

function plaats(a: AuditView): string {
  if (a.post === null) return "organisatie";
  const kolom = a.blok_titel !== null ? `, ${a.blok_titel}` : "";
  return `${a.post}${kolom}`;
}

export function GeschiedenisScherm({ org }: { org: OrganisationView }) {
  const kop = useScherm("Geschiedenis");
  const [alle, setAlle] = useState<AuditView[] | null>(null);
  const [lijst, setLijst] = useState<AuditView[] | null>(null);
  const [post, setPost] = useState("");
  const [fout, setFout] = useState<ErrorView | null>(null);
  const [bezig, setBezig] = useState(true);
  const [ongedaan, setOngedaan] = useState<{ entry: AuditView | null } | null>(null);

  // State is only set once the answer is in; the screen starts busy (it is keyed by org, so
  // the effect runs once per mount).
  const ophalen = useCallback(
    (filter: string) =>
      (filter === ""
        ? api.geschiedenis(org.code, null).then((a) => [a, a] as const)
        : Promise.all([api.geschiedenis(org.code, null), api.geschiedenis(org.code, filter)])
      )
        .then(
          ([a, gefilterd]) => {
            setAlle(a);
            setLijst(gefilterd);
          },
          (e: ErrorView) => setFout(e),
        )
        .finally(() => setBezig(false)),
    [org.code],
  );

  useEffect(() => {
    void ophalen("");
  }, [ophalen]);

  async function laden(filter: string) {
    setBezig(true);
    setFout(null);
    await ophalen(filter);
  }

  async function filter(nieuw: string) {
    setPost(nieuw);
    setBezig(true);
    setFout(null);
    try {
      setLijst(await api.geschiedenis(org.code, nieuw === "" ? null : nieuw));
    } catch (e) {
      setFout(e as ErrorView);
    } finally {
      setBezig(false);
    }
  }

  async function ongedaanMaken() {
    setFout(null);
    setOngedaan(null);
    try {
      const entry = await api.ongedaanMaken(org.code);
      setOngedaan({ entry });
      await laden(post);
    } catch (e) {
      setFout(e as ErrorView);
    }
  }

  const posten = useMemo(() => {
    const set = new Set<string>();
    for (const a of alle ?? []) if (a.post) set.add(a.post);
    return Array.from(set).sort();
  }, [alle]);

  return (
    <div className="rb-scherm" aria-busy={bezig}>
      <Heading1 ref={kop} tabIndex={-1}>
        Geschiedenis
      </Heading1>
      <Paragraph lead>
        Elke wijziging in de gegevens van {org.naam}: wie, wanneer, de oude en de nieuwe waarde. Deze
        lijst kan niet worden aangepast; ongedaan maken is zelf ook een wijziging.
      </Paragraph>
      <Laden bezig={bezig} />
      <FoutMelding fout={fout} />

      <div className="rb-geschiedenis__acties">
        <FormField>
          <FormFieldLabel>
            <FormLabel htmlFor="geschiedenis-post">Post</FormLabel>
          </FormFieldLabel>
          <FormFieldInput>
            <Select id="geschiedenis-post" value={post} onChange={(e) => void filter(e.target.value)}>
              <option value="">Alle posten</option>
              {posten.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </Select>
          </FormFieldInput>
        </FormField>
        <Button onClick={ongedaanMaken} disabled={bezig} data-testid="knop-ongedaan-maken">
          Laatste wijziging ongedaan maken
        </Button>
      </div>

      <div role="status" aria-live="polite" data-testid="ongedaan-resultaat">
        {ongedaan &&
          (ongedaan.entry ? (
            <Alert type="ok" heading="Ongedaan gemaakt">
              <Paragraph>
                {plaats(ongedaan.entry)}: <span className="rb-oud">{ongedaan.entry.oud || "leeg"}</span> →{" "}
                <span className="rb-nieuw">{ongedaan.entry.nieuw || "leeg"}</span>
                {ongedaan.entry.reden ? ` (${ongedaan.entry.reden})` : ""}.
              </Paragraph>
            </Alert>
          ) : (
            <Alert type="info" heading="Niets ongedaan gemaakt">
              <Paragraph>Er is geen wijziging om ongedaan te maken.</Paragraph>
            </Alert>
          ))}
      </div>

      {lijst && (
        <TableContainer>
          <Table className="rb-tabel--geschiedenis" data-testid="tabel-geschiedenis">
            <TableCaption>
              Wijzigingen{post ? ` van ${post}` : ""}, nieuwste eerst ({lijst.length})
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Moment (UTC)</TableHeaderCell>
                <TableHeaderCell>Wie</TableHeaderCell>
                <TableHeaderCell>Jaar</TableHeaderCell>
                <TableHeaderCell>Fase</TableHeaderCell>
                <TableHeaderCell>Post</TableHeaderCell>
                <TableHeaderCell>Oud</TableHeaderCell>
                <TableHeaderCell>Nieuw</TableHeaderCell>
                <TableHeaderCell>Reden</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lijst.length === 0 && (
                <TableRow>
                  <TableCell colSpan={8}>Nog geen wijzigingen.</TableCell>
                </TableRow>
              )}
              {lijst.map((a) => (
                <TableRow key={String(a.id)} data-testid={`wijziging-${String(a.id)}`}>
                  <TableCell>{a.moment_tekst}</TableCell>
                  <TableCell>{a.wie}</TableCell>
                  <TableCell>{a.jaar ?? ""}</TableCell>
                  <TableCell>{a.fase ?? ""}</TableCell>
                  <TableCell>{a.post ?? ""}</TableCell>
                  <TableCell className="rb-oud">{a.oud}</TableCell>
                  <TableCell className="rb-nieuw">{a.nieuw}</TableCell>
                  <TableCell>
                    {a.reden ?? ""}
                    {a.maakt_ongedaan !== null && (
                      <span className="rb-ongedaan"> (maakt wijziging {String(a.maakt_ongedaan)} ongedaan)</span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </div>
  );
}
