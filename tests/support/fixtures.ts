import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../fixtures/scenarios/${name}`, import.meta.url));
export const readFixture = (name: string) => readFileSync(fixturePath(name));
