// A recording mockIPC: each test names the commands it expects and what they answer.
import { mockIPC } from "@tauri-apps/api/mocks";

export type Handler = (args: Record<string, unknown>) => unknown;

export interface Aanroep {
  cmd: string;
  args: Record<string, unknown>;
}

/**
 * Installs a mock for the given commands and returns the list of calls it receives. A
 * handler that throws (or returns a rejected promise) makes the command reject with that
 * value, like a Rust command returning Err(ErrorView). An unexpected command fails loudly.
 */
export function mockCommands(handlers: Record<string, Handler>): Aanroep[] {
  const aanroepen: Aanroep[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    aanroepen.push({ cmd, args });
    const h = handlers[cmd];
    if (!h) throw { kind: "test", message: `onverwacht commando in de test: ${cmd}`, meldingen: [] };
    return h(args);
  });
  return aanroepen;
}

export function aanroepenVan(aanroepen: Aanroep[], cmd: string): Aanroep[] {
  return aanroepen.filter((a) => a.cmd === cmd);
}

export function laatsteVan(aanroepen: Aanroep[], cmd: string): Aanroep | undefined {
  const lijst = aanroepenVan(aanroepen, cmd);
  return lijst[lijst.length - 1];
}
