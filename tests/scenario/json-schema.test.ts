/**
 * The shipped JSON Schema is generated from the loader's zod schema. These tests keep the
 * file in the package identical to what the code generates, and keep schema and loader in
 * agreement on every fixture a schema can judge.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scenarioJsonSchema } from '../../src/scenario/json-schema';
import { fixturePath, repoRoot } from '../support/fixtures';

const shipped = JSON.parse(
  readFileSync(join(repoRoot, 'schema/scenario.schema.json'), 'utf8'),
) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true, strict: false }).compile(shipped);
const scenarioDirectory = join(repoRoot, 'scenarios');

describe('the scenario JSON Schema', () => {
  it('is the one generated from the zod schema (run `npm run schema` after changing it)', () => {
    expect(shipped).toEqual(scenarioJsonSchema());
  });

  it('accepts the minimal fixture', () => {
    expect(validate(parse(readFileSync(fixturePath('minimal.yaml'), 'utf8')))).toBe(true);
  });

  it.each(readdirSync(scenarioDirectory).filter((name) => name.endsWith('.yaml')))(
    'accepts the shipped scenario %s',
    (name) => {
      const valid = validate(parse(readFileSync(join(scenarioDirectory, name), 'utf8')));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    },
  );

  it.each([
    'unknown-field',
    'unknown-nested-field',
    'wrong-type',
    'missing-field',
    'bad-duration',
    'chance-out-of-range',
    'not-a-mapping',
  ])('rejects the error fixture %s, as the loader does', (fixture) => {
    expect(validate(parse(readFileSync(fixturePath(`errors/${fixture}.yaml`), 'utf8')))).toBe(
      false,
    );
  });
});
