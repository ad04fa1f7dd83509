/**
 * Descriptions and shared definitions for the JSON Schema. A registry of our own, not zod's
 * global one, so that loading this module twice (tests, hot reload) never clashes.
 */
import { z } from 'zod';

export const schemaDocs = z.registry<{ id?: string; title?: string; description?: string }>();
