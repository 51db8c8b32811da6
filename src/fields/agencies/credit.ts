/**
 * The agency a story credits outside its dateline and byline: the sign-off at
 * the end of the text ("... said on Tuesday. (Reuters)", "— AFP", "/dpa",
 * "Agencia EFE") and the rights line under it ("© 2024 The Associated Press",
 * "<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>").
 */
import { AGENCY_ALTERNATION, agencyOf } from './table.js';

/** Characters of the story's end read for a sign-off. */
const TAIL_CHARS = 120;
/** Longest rights line (chars) read for an agency. */
const MAX_RIGHTS_LINE = 300;

/** A sign-off closing the text: "(Reuters)", "(AFP)", "— AFP", "/dpa", "ANSA", "Agencia EFE", alone or after the last sentence. */
const SIGN_OFF = new RegExp(
  String.raw`(?:^|[.!?"”»\s])\s*(?:[(（](?<a1>${AGENCY_ALTERNATION})(?:/[\p{L}\p{N} .]{1,30})?[)）]|[—–-]{1,2}\s*(?<a2>${AGENCY_ALTERNATION})|/(?<a3>${AGENCY_ALTERNATION})|^(?:agencia\s+|agência\s+)?(?<a4>${AGENCY_ALTERNATION}))\s*\.?$`,
  'u',
);

/** A rights line naming an agency: "© 2024 Reuters", "Copyright 2024 The Associated Press", "(c) 연합뉴스", "저작권자(c) 연합뉴스". */
const RIGHTS = new RegExp(String.raw`(?:©|\([cC]\)|[Cc]opyright)\s*(?:\d{4}\s*)?(?:[-–,]\s*)?(?<agency>${AGENCY_ALTERNATION})(?![\p{L}\p{N}])`, 'u');

/** The agency the story's last paragraph signs off with, or null. */
export function agencyFromSignOff(bodyText: string): string | null {
  const paragraphs = bodyText.trimEnd().split(/\n+/);
  const last = paragraphs[paragraphs.length - 1]?.trim() ?? '';
  const m = SIGN_OFF.exec(last.slice(-TAIL_CHARS));
  const printed = m?.groups?.a1 ?? m?.groups?.a2 ?? m?.groups?.a3 ?? m?.groups?.a4;
  return printed ? agencyOf(printed) : null;
}

/** The agency a rights line names ("© 2024 The Associated Press"), or null. */
export function agencyFromRights(line: string): string | null {
  if (line.length > MAX_RIGHTS_LINE) return null;
  const m = RIGHTS.exec(line);
  return m?.groups?.agency ? agencyOf(m.groups.agency) : null;
}

/**
 * The agency credited at the end of the story: its sign-off first, else the first rights line
 * (among the blocks kept out of the body, in page order) that names one.
 */
export function creditedAgency(bodyText: string, rightsLines: readonly string[]): string | null {
  const signOff = agencyFromSignOff(bodyText);
  if (signOff) return signOff;
  for (const line of rightsLines) {
    const a = agencyFromRights(line);
    if (a) return a;
  }
  return null;
}
