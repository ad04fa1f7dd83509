/**
 * The JSON Schema of a scenario file, generated from the zod schema so the two cannot drift
 * apart. Editors use it for completion and hover help; the loader stays the authority
 * (references, cycles and cross-field rules are beyond a schema).
 */
import { z } from 'zod';
import { scenarioFile, schemaDocs } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioFile, { io: 'input', target: 'draft-07', metadata: schemaDocs });
}
