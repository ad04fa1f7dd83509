/**
 * The secrets this browser holds: the server's facilitator key (handed over once as
 * `#key=…` in the URL the server prints), drill facilitator tokens (kept by the browser
 * that created the drill, or handed over as `#token=…`), and participant tokens.
 */
const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null; // private modes and locked-down browsers: the app still works for this visit
  }
};

const memory = new Map<string, string>();

function read(name: string): string | null {
  return storage()?.getItem(name) ?? memory.get(name) ?? null;
}

function write(name: string, value: string): void {
  memory.set(name, value);
  storage()?.setItem(name, value);
}

export const serverKey = () => read('firedrill.key');
/** Keeps a facilitator key the server has just accepted (typed in, or from `#key=`). */
export const rememberServerKey = (key: string) => write('firedrill.key', key);
/** The drill's own facilitator token, the one a "share facilitator link" may hand on. */
export const drillFacilitatorToken = (drillId: string) =>
  read(`firedrill.drill.${drillId}.facilitator`);
/**
 * What this browser opens a drill's console and scorecard with: the drill's own token, else
 * the server's key, which api.md v2 makes a facilitator token for every drill (a
 * co-facilitator, or a facilitator on a new laptop, opens any drill from History).
 */
export const facilitatorToken = (drillId: string) => drillFacilitatorToken(drillId) ?? serverKey();
export const participantToken = (drillId: string) => read(`firedrill.drill.${drillId}.participant`);
export const rememberFacilitatorToken = (drillId: string, token: string) =>
  write(`firedrill.drill.${drillId}.facilitator`, token);
export const rememberParticipantToken = (drillId: string, token: string) =>
  write(`firedrill.drill.${drillId}.participant`, token);
export const rememberProjectorKey = (drillId: string, key: string) =>
  write(`firedrill.drill.${drillId}.projector`, key);
export const projectorKey = (drillId: string) => read(`firedrill.drill.${drillId}.projector`);

/** Takes `#key=` and `#token=` out of the address bar into storage, so they are not shared by copy-paste. */
export function absorbFragmentSecrets(drillId: string | null): void {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const key = fragment.get('key');
  const token = fragment.get('token');
  const projector = fragment.get('projector');
  if (key) rememberServerKey(key);
  if (token && drillId) rememberFacilitatorToken(drillId, token);
  if (projector && drillId) rememberProjectorKey(drillId, projector);
  if (key || token || projector)
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
}
