/**
 * Address lists for the digest: the subscribers file given to `npm run digest -- send --to`, and the
 * optional unsubscribed file. One address a line, bare (`ada@example.org`) or with a name
 * (`Ada Lovelace <ada@example.org>`); blank lines and lines starting with `#` are ignored. A line
 * that is not one usable address is reported with its line number and skipped, never guessed at.
 */
import addressparser from 'nodemailer/lib/addressparser';

export interface Recipient {
  address: string;
  /** The display name given on the line, if any. */
  name?: string;
  /** 1-based line in the file. */
  line: number;
}

export interface AddressProblem {
  line: number;
  message: string;
}

export interface AddressList {
  recipients: Recipient[];
  /** Lines skipped because they are not one usable address. */
  problems: AddressProblem[];
  /** Later lines with an address already listed (compared as {@link addressKey}). */
  duplicates: Recipient[];
}

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/** The form an address is compared in: lower case, so `Ada@Example.org` and `ada@example.org` are one subscriber. */
export function addressKey(address: string): string {
  return address.normalize('NFC').toLowerCase();
}

/**
 * Why `address` cannot be sent to, or undefined when it can: an ASCII local part (SMTPUTF8 is not
 * assumed of every server) and a domain of at least two labels (international names allowed).
 */
export function addressError(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return 'is not an email address (name@domain)';
  if (address.length > 254) return 'is longer than the 254 characters an address may have';
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  if (local.length > 64 || !LOCAL_PART.test(local)) return 'has a part before "@" that mail servers do not accept';
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || /^\d+$/.test(labels.at(-1) as string)) {
    return 'has no valid domain after "@"';
  }
  return undefined;
}

/** Reads one line: undefined for blank and comment lines. */
function parseLine(text: string, line: number): Recipient | AddressProblem | undefined {
  const trimmed = text.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  const parsed = addressparser(trimmed, { flatten: true });
  const only = parsed.length === 1 ? parsed[0] : undefined;
  if (!only?.address) {
    return { line, message: `"${trimmed}" ${parsed.length > 1 ? 'holds more than one address: put one a line' : 'is not an email address (name@domain)'}` };
  }
  const problem = addressError(only.address);
  if (problem) return { line, message: `"${trimmed}" ${problem}` };
  return only.name ? { address: only.address, name: only.name, line } : { address: only.address, line };
}

/** Parses an address list file's text. */
export function parseAddressList(text: string): AddressList {
  const list: AddressList = { recipients: [], problems: [], duplicates: [] };
  const seen = new Set<string>();
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((lineText, i) => {
    const result = parseLine(lineText, i + 1);
    if (!result) return;
    if (!('address' in result)) return void list.problems.push(result);
    const key = addressKey(result.address);
    if (seen.has(key)) list.duplicates.push(result);
    else {
      seen.add(key);
      list.recipients.push(result);
    }
  });
  return list;
}
