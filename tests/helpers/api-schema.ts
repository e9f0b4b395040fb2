/**
 * The JSON API's schema (tests/fixtures/api.schema.json) compiled with ajv: `paper` and `daily`
 * are paperfeed's files, `hfEntry` the part of Hugging Face's daily entry both APIs share.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/api.schema.json'), 'utf8')) as { $id: string };
const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addSchema(schema);

const compile = (name: string): ValidateFunction => ajv.getSchema(`${schema.$id}#/definitions/${name}`) as ValidateFunction;

export const validators = {
  paper: compile('paper'),
  daily: compile('daily'),
  hfEntry: compile('hfEntry'),
};

/** ajv's errors as one line each, or [] when `value` is valid. */
export function schemaErrors(validate: ValidateFunction, value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
