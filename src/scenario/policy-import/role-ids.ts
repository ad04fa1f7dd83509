/**
 * Ids for imported roles and paths, valid by the format's rule (lowercase letters, digits and
 * dashes, starting with a letter or digit), unique, and stable: the same export gives the same
 * ids, so a re-import can be diffed against the scenario it was pasted into.
 */

const maxIdLength = 48;

/** `Platform Primary` → `platform-primary`; `Zoë Ødegård` → `zoe-odegard`; `''` when nothing is left. */
export function slugId(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/gi, 'o')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, maxIdLength)
    .replace(/-+$/, '');
}

/** Hands out ids in order of first request: the second `primary` becomes `primary-2`. */
export class IdAllocator {
  private readonly taken = new Set<string>();

  allocate(base: string, fallback: string): string {
    const stem = slugId(base) || slugId(fallback) || 'imported';
    let id = stem;
    for (let count = 2; this.taken.has(id); count += 1) id = `${stem}-${count}`;
    this.taken.add(id);
    return id;
  }
}
