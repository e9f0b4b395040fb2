/**
 * `netlify.toml` read with a real TOML parser (smol-toml) and checked with zod: the build settings,
 * plugins, `[[headers]]` and `[[redirects]]` in the shapes the rest of src/ uses. Shared by the
 * preview server, which applies them like Netlify, and by the tests that hold the deployment to
 * its promises. Reference: https://docs.netlify.com/build/configure-builds/file-based-configuration/
 */
import { parse, TomlError } from 'smol-toml';
import { z } from 'zod';
import { normalizeHeaderValue, type HeaderRule } from './header-rules.ts';
import type { Problem } from './problems.ts';
import type { RedirectRule } from './redirect-rules.ts';

export interface NetlifyConfig {
  build: { command?: string; publish?: string; environment: Record<string, string> };
  plugins: { package: string; inputs: Record<string, unknown> }[];
  headers: HeaderRule[];
  redirects: RedirectRule[];
}

const stringOrList = z.union([z.string(), z.array(z.string())]);

const schema = z.looseObject({
  build: z
    .looseObject({
      command: z.string().optional(),
      publish: z.string().optional(),
      environment: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
  plugins: z.array(z.looseObject({ package: z.string(), inputs: z.record(z.string(), z.unknown()).optional() })).optional(),
  headers: z.array(z.object({ for: z.string(), values: z.record(z.string(), stringOrList) })).optional(),
  redirects: z
    .array(
      z.object({
        from: z.string(),
        to: z.string().optional(),
        status: z.number().int().min(200).max(599).optional(),
        force: z.boolean().optional(),
        query: z.record(z.string(), z.string()).optional(),
        conditions: z.record(z.string(), stringOrList).optional(),
        headers: z.record(z.string(), z.string()).optional(),
        signed: z.string().optional(),
      }),
    )
    .optional(),
});

type RawConfig = z.output<typeof schema>;

export function parseNetlifyConfig(text: string, file = 'netlify.toml'): { config: NetlifyConfig; problems: Problem[] } {
  const empty: NetlifyConfig = { build: { environment: {} }, plugins: [], headers: [], redirects: [] };
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    const line = error instanceof TomlError ? error.line : undefined;
    const message = `is not valid TOML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    return { config: empty, problems: [{ severity: 'error', file, message, ...(line ? { line } : {}) }] };
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue): Problem => ({
      severity: 'error', file, field: issue.path.join('.'), message: issue.message,
    }));
    return { config: empty, problems };
  }
  return { config: toConfig(result.data), problems: [] };
}

function toConfig(raw: RawConfig): NetlifyConfig {
  const headers = (raw.headers ?? []).map((rule, i): HeaderRule => ({
    for: rule.for.trim(),
    values: Object.fromEntries(Object.entries(rule.values).map(([name, value]) => [name.trim(), normalizeHeaderValue(value)])),
    source: `netlify.toml [[headers]] #${i + 1}`,
  }));
  const redirects = (raw.redirects ?? []).map((rule, i): RedirectRule => ({
    from: rule.from,
    to: rule.to ?? rule.from.replace(/\/\*$/, '/:splat'),
    status: rule.status ?? 301,
    force: rule.force ?? false,
    query: rule.query ?? {},
    conditions: Object.fromEntries(Object.entries(rule.conditions ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v])),
    source: `netlify.toml [[redirects]] #${i + 1}`,
  }));
  return {
    build: { command: raw.build?.command, publish: raw.build?.publish, environment: raw.build?.environment ?? {} },
    plugins: (raw.plugins ?? []).map((plugin) => ({ package: plugin.package, inputs: plugin.inputs ?? {} })),
    headers,
    redirects,
  };
}
