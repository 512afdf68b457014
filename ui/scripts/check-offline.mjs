// Fails when the built UI (dist/) could fetch anything from the internet: every http(s) URL
// in it must be a known non-fetched identifier (XML namespaces, React's error-decoder link in
// error texts), and the CSS may not import anything or declare web fonts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const dist = new URL("../dist/", import.meta.url).pathname;
const toegestaan = [
  /^http:\/\/www\.w3\.org\/2000\/svg$/, // SVG namespace (inline data: icons, React DOM)
  /^http:\/\/www\.w3\.org\/1999\/xlink$/, // XLink namespace (React DOM)
  /^http:\/\/www\.w3\.org\/XML\/1998\/namespace$/, // XML namespace (React DOM)
  /^http:\/\/www\.w3\.org\/2000\/xmlns\/$/, // XMLNS namespace (d3-selection in Observable Plot; SVG export)
  /^http:\/\/www\.w3\.org\/1998\/Math\/MathML$/, // MathML namespace (React DOM)
  /^http:\/\/www\.w3\.org\/1999\/xhtml$/, // XHTML namespace
  /^https:\/\/react\.dev\/errors\/$/, // text of React's minified error messages
];

function bestanden(map) {
  return readdirSync(map).flatMap((naam) => {
    const pad = join(map, naam);
    return statSync(pad).isDirectory() ? bestanden(pad) : [pad];
  });
}

const problemen = [];
for (const pad of bestanden(dist)) {
  if (!/\.(html|js|css|json|svg)$/.test(pad)) continue;
  const tekst = readFileSync(pad, "utf8");
  for (const m of tekst.matchAll(/https?:\/\/[^\s"'`)\\<>]*/g)) {
    if (!toegestaan.some((re) => re.test(m[0]))) problemen.push(`${pad}: ${m[0]}`);
  }
  if (pad.endsWith(".css")) {
    if (/@import/.test(tekst)) problemen.push(`${pad}: @import`);
    if (/@font-face/.test(tekst)) problemen.push(`${pad}: @font-face`);
    for (const m of tekst.matchAll(/url\(\s*["']?(?!data:)([^"')]+)/g)) problemen.push(`${pad}: url(${m[1]})`);
  }
  if (pad.endsWith(".html") && /<link[^>]+href=["']https?:/.test(tekst)) problemen.push(`${pad}: external <link>`);
}

if (problemen.length > 0) {
  console.error("dist/ verwijst naar iets buiten de app:\n" + problemen.join("\n"));
  process.exit(1);
}
console.log(`check-offline: ${bestanden(dist).length} files in dist/, no external URLs, imports or web fonts`);
