/**
 * arXiv identifiers (https://info.arxiv.org/help/arxiv_identifier.html): recognising the new
 * (`2310.02970v3`) and old (`hep-th/9901001`, `math.CA/0611800v2`) schemes, splitting off the
 * version, and the canonical abstract and PDF URLs. Shared by validation, pages, imports and citations.
 */

/** `YYMM.NNNN` (2007–2014) or `YYMM.NNNNN` (2015 on), optional `vN`. */
const NEW_SCHEME = /^(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v([1-9]\d*))?$/;
/** `archive(.SUBJ)?/YYMMNNN`, optional `vN`; archives are lowercase words joined by `-`. */
const OLD_SCHEME = /^([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{2}(?:0[1-9]|1[0-2])\d{3})(?:v([1-9]\d*))?$/;

export interface ArxivId {
  /** The id without version: the paper's identity. */
  id: string;
  /** The version number when one was given. */
  version?: number;
}

/** Parses an arXiv id; returns undefined when `text` is not one. */
export function parseArxivId(text: string): ArxivId | undefined {
  const match = NEW_SCHEME.exec(text) ?? OLD_SCHEME.exec(text);
  if (!match) return undefined;
  const [, id, version] = match as unknown as [string, string, string | undefined];
  if (!id.includes('/') && !hasRightLength(id)) return undefined;
  return version ? { id: id as string, version: Number(version) } : { id: id as string };
}

/** 4-digit numbers ran from 0704 to 1412, 5-digit numbers from 1501 on. */
function hasRightLength(id: string): boolean {
  const yymm = Number(id.slice(0, 4));
  return id.length === 9 ? yymm >= 704 && yymm <= 1412 : yymm >= 1501;
}

/** The abstract page, e.g. `https://arxiv.org/abs/2310.02970`. */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/** The PDF, pinned to a version when one is given, e.g. `https://arxiv.org/pdf/2310.02970v3`. */
export function arxivPdfUrl(id: string, version?: number): string {
  return `https://arxiv.org/pdf/${id}${version ? `v${version}` : ''}`;
}
