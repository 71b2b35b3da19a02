/**
 * @module llm/json-schema
 * One zod schema is both the validator of a model's reply and the `format` Ollama constrains the
 * model with; this turns the first into the second.
 */
import { z } from 'zod';

/** The JSON schema for Ollama's `format` (no $schema key: the grammar converter needs none). */
export function jsonSchemaOf(schema: z.ZodType): object {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}
