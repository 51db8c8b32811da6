/**
 * The wire agencies copydesk recognises, in one table shared by every stage
 * that meets a credit: the dateline ("SEOUL, May 21 (Reuters) -"), the byline
 * ("Par AFP", "Von dpa"), the end-of-story credit ("(Reuters)", "— AFP"), the
 * copyright line and the caption credit ("REUTERS/Jane Doe").
 *
 * Each row gives the name reported in `source.agency`, the abbreviations the
 * agency prints (matched case-sensitively: "AP" is the agency, "ap" is not),
 * and its names in its own language and script (matched as printed, and in
 * capitals for the Latin ones: "Xinhua", "XINHUA", "新华社"). `photo` marks the
 * agencies whose abbreviation alone credits a picture ("... 2024. AFP").
 *
 * This module imports nothing, so every stage may import it without a cycle.
 */

/** One wire agency. */
export interface Agency {
  /** The name reported in `source.agency` ("Reuters", "Yonhap"). */
  readonly name: string;
  /** Abbreviations as printed, case-sensitive ("AFP", "dpa", "ČTK"). */
  readonly abbreviations: readonly string[];
  /** Full names, in the agency's own language and script and in English ("Agence France-Presse", "연합뉴스"). */
  readonly names: readonly string[];
  /** True when the abbreviation alone, at the end of a caption, credits a picture. */
  readonly photo?: boolean;
}

const agency = (name: string, abbreviations: readonly string[], names: readonly string[], photo = false): Agency => ({
  name, abbreviations, names, photo,
});

/** The agencies, global first, then by region. Most specific first where one name contains another ("dpa-AFX"). */
export const AGENCIES: readonly Agency[] = [
  // Global and North American
  agency('Reuters', [], ['Reuters', 'Thomson Reuters', 'ロイター', '路透社', '로이터'], true),
  agency('AP', ['AP'], ['Associated Press', 'The Associated Press', 'AP通信', '美联社'], true),
  agency('AFP', ['AFP'], ['Agence France-Presse', 'Agence France Presse', 'France-Presse', '法新社', 'フランス通信'], true),
  agency('Bloomberg', [], ['Bloomberg', 'Bloomberg News', 'ブルームバーグ'], true),
  agency('Dow Jones', [], ['Dow Jones', 'Dow Jones Newswires']),
  agency('UPI', ['UPI'], ['United Press International'], true),
  agency('Canadian Press', ['CP'], ['Canadian Press', 'The Canadian Press', 'La Presse Canadienne']),
  agency('CNS', ['CNS'], ['Catholic News Service']),
  // Europe
  agency('dpa-AFX', ['dpa-AFX'], []),
  agency('dpa', ['dpa', 'DPA', 'dpa/lnw', 'dpa/lby', 'dpa/tmn'], ['Deutsche Presse-Agentur'], true),
  agency('AFX', ['AFX'], []),
  agency('KNA', ['KNA'], ['Katholische Nachrichten-Agentur'], true),
  agency('epd', ['epd'], ['Evangelischer Pressedienst']),
  agency('ddp', ['ddp', 'dapd'], ['Deutscher Depeschendienst'], true),
  agency('APA', ['APA'], ['Austria Presse Agentur'], true),
  agency('Keystone-SDA', ['Keystone-SDA', 'SDA', 'sda', 'ATS', 'Keystone-ATS'], ['Schweizerische Depeschenagentur', 'Agence Télégraphique Suisse']),
  agency('EFE', ['EFE', 'Efe'], ['Agencia EFE'], true),
  agency('EPA', ['EPA', 'epa', 'EPA-EFE', 'epa-efe'], ['European Pressphoto Agency'], true),
  agency('Europa Press', [], ['Europa Press'], true),
  agency('ANSA', ['ANSA', 'Ansa'], ['Agenzia Nazionale Stampa Associata'], true),
  agency('AGI', ['AGI'], ['Agenzia Italia']),
  agency('Adnkronos', [], ['Adnkronos']),
  agency('Lusa', [], ['Lusa', 'Agência Lusa'], true),
  agency('PA', ['PA'], ['Press Association', 'PA Media', 'PA Wire'], true),
  agency('ANP', ['ANP'], ['Algemeen Nederlands Persbureau'], true),
  agency('Belga', [], ['Belga'], true),
  agency('TT', ['TT'], ['Tidningarnas Telegrambyrå'], true),
  agency('NTB', ['NTB'], ['Norsk Telegrambyrå'], true),
  agency('Ritzau', [], ['Ritzau', 'Ritzaus Bureau'], true),
  agency('STT', ['STT'], ['Suomen Tietotoimisto']),
  agency('PAP', ['PAP'], ['Polska Agencja Prasowa']),
  agency('ČTK', ['ČTK', 'CTK', 'ČTK/ČTK'], ['Česká tisková kancelář']),
  agency('TASR', ['TASR'], ['Tlačová agentúra Slovenskej republiky']),
  agency('MTI', ['MTI'], ['Magyar Távirati Iroda']),
  agency('Agerpres', [], ['Agerpres']),
  agency('BTA', ['BTA'], ['Българска телеграфна агенция']),
  agency('HINA', ['HINA', 'Hina'], []),
  agency('Tanjug', [], ['Tanjug', 'Танјуг']),
  agency('STA', ['STA'], ['Slovenska tiskovna agencija']),
  agency('ANA-MPA', ['ANA-MPA', 'AMNA', 'ΑΠΕ-ΜΠΕ'], ['Athens-Macedonian News Agency']),
  agency('Anadolu', ['AA'], ['Anadolu', 'Anadolu Ajansı', 'Anadolu Agency', 'الأناضول'], true),
  agency('DHA', ['DHA'], ['Demirören Haber Ajansı']),
  agency('TASS', ['TASS', 'ТАСС'], ['ИТАР-ТАСС'], true),
  agency('RIA Novosti', [], ['RIA Novosti', 'РИА Новости']),
  agency('Interfax', [], ['Interfax', 'Интерфакс', 'INTERFAX.RU', 'Інтерфакс-Україна', 'Interfax-Ukraine']),
  agency('Ukrinform', [], ['Ukrinform', 'Укрінформ']),
  agency('UNIAN', ['UNIAN', 'УНІАН'], []),
  agency('BelTA', ['BelTA', 'БелТА'], []),
  // Middle East and Africa
  agency('MENA', ['MENA'], ['Middle East News Agency', 'أ ش أ']),
  agency('WAFA', ['WAFA'], ['Wafa', 'وفا']),
  agency('QNA', ['QNA'], ['Qatar News Agency', 'قنا']),
  agency('SPA', ['SPA'], ['Saudi Press Agency', 'واس']),
  agency('WAM', ['WAM'], ['Emirates News Agency', 'وام']),
  agency('KUNA', ['KUNA'], ['Kuwait News Agency', 'كونا']),
  agency('BNA', ['BNA'], ['Bahrain News Agency', 'بنا']),
  agency('Petra', [], ['Petra', 'بترا']),
  agency('SANA', ['SANA'], ['سانا']),
  agency('MAP', ['MAP'], ['Maghreb Arabe Presse', 'لاماب']),
  agency('APS', ['APS'], ['Algérie Presse Service', 'وأج']),
  agency('TAP', ['TAP'], ['Tunis Afrique Presse', 'وات']),
  agency('IRNA', ['IRNA'], ['ایرنا']),
  agency('ISNA', ['ISNA'], ['ایسنا']),
  agency('Tasnim', [], ['Tasnim', 'تسنیم']),
  agency('Mehr', [], ['Mehr News', 'Mehr News Agency', 'مهر']),
  agency('TPS', ['TPS'], ['Tazpit Press Service']),
  agency('SAPA', ['SAPA'], ['South African Press Association']),
  agency('ANA', ['ANA'], ['African News Agency']),
  agency('NAN', ['NAN'], ['News Agency of Nigeria']),
  agency('KNA (Kenya)', ['KNA Kenya'], ['Kenya News Agency']),
  // Asia and the Pacific
  agency('Xinhua', [], ['Xinhua', '新华社', '新華社'], true),
  agency('China News Service', [], ['China News Service', '中新社', '中国新闻社']),
  agency('CNA', ['CNA'], ['Central News Agency', '中央社']),
  agency('Kyodo', [], ['Kyodo', 'Kyodo News', '共同通信', '共同'], true),
  agency('Jiji', [], ['Jiji', 'Jiji Press', '時事通信', '時事']),
  agency('Yonhap', [], ['Yonhap', 'Yonhap News', '연합뉴스', '연합'], true),
  agency('Newsis', [], ['Newsis', '뉴시스']),
  agency('News1', [], ['News1', '뉴스1']),
  agency('KCNA', ['KCNA'], ['Korean Central News Agency', '조선중앙통신']),
  agency('PTI', ['PTI'], ['Press Trust of India', 'भाषा']),
  agency('IANS', ['IANS'], ['Indo-Asian News Service', 'आईएएनएस']),
  agency('ANI', ['ANI'], ['Asian News International', 'एएनआई']),
  agency('UNI', ['UNI'], ['United News of India', 'यूएनआई', 'वार्ता']),
  agency('APP', ['APP'], ['Associated Press of Pakistan']),
  agency('BSS', ['BSS'], ['Bangladesh Sangbad Sangstha']),
  agency('Bernama', [], ['Bernama'], true),
  agency('Antara', [], ['Antara', 'Antara News', 'Kantor Berita Antara'], true),
  agency('PNA', ['PNA'], ['Philippine News Agency']),
  agency('VNA', ['VNA', 'TTXVN'], ['Vietnam News Agency', 'Thông tấn xã Việt Nam']),
  agency('AKP', ['AKP'], ['Agence Kampuchea Presse']),
  agency('AAP', ['AAP'], ['Australian Associated Press'], true),
  agency('NZPA', ['NZPA'], ['New Zealand Press Association']),
  // Latin America
  agency('Agência Brasil', [], ['Agência Brasil', 'Agencia Brasil']),
  agency('Estadão Conteúdo', [], ['Estadão Conteúdo', 'Agência Estado']),
  agency('Notimex', [], ['Notimex']),
  agency('Télam', [], ['Télam']),
  agency('Prensa Latina', ['PL'], ['Prensa Latina']),
  agency('Andina', [], ['Andina']),
  // Press-release wires
  agency('PR Newswire', [], ['PRNewswire', 'PR Newswire', 'PRNewswire-FirstCall', 'PRNewswire-PRWeb']),
  agency('Business Wire', [], ['Business Wire', 'BUSINESS WIRE', 'BusinessWire']),
  agency('GlobeNewswire', [], ['GlobeNewswire', 'GLOBE NEWSWIRE', 'Globe Newswire']),
  agency('CNW', ['CNW'], ['Canada NewsWire']),
  agency('Accesswire', [], ['ACCESSWIRE', 'Accesswire']),
];

/** Every printed form of an agency: abbreviations as printed, names as printed and (Latin names) in capitals. */
export function printedForms(a: Agency): string[] {
  const forms = new Set<string>([...a.abbreviations, ...a.names]);
  for (const n of a.names) if (/^[\p{Script=Latin}\s.\-'’]+$/u.test(n)) forms.add(n.toUpperCase());
  return [...forms];
}

/** Every printed form of every agency, each with the agency's name, longest first (so "dpa-AFX" wins over "dpa"). */
export const AGENCY_FORMS: ReadonlyArray<readonly [printed: string, name: string]> = AGENCIES
  .flatMap((a) => printedForms(a).map((p) => [p, a.name] as const))
  .sort((x, y) => y[0].length - x[0].length);

const BY_PRINTED = new Map(AGENCY_FORMS.map(([p, n]) => [p, n] as const));
const BY_LOWER = new Map<string, string>();
for (const [p, n] of AGENCY_FORMS) if (!BY_LOWER.has(p.toLowerCase())) BY_LOWER.set(p.toLowerCase(), n);

/** The agency a printed credit names, exactly as printed ("AFP" → "AFP", "REUTERS" → "Reuters"); null for none. */
export function agencyOf(printed: string): string | null {
  return BY_PRINTED.get(printed.trim()) ?? null;
}

/**
 * The agency a credit names, as printed or in one case throughout ("PAR AFP",
 * "reuters"): for text already known to be a credit (a byline's part), never
 * for prose. A name in title case that is not an agency's printed form
 * ("Sana", "Ani") is a person's.
 */
export function agencyOfAnyCase(printed: string): string | null {
  const t = printed.trim();
  const exact = BY_PRINTED.get(t);
  if (exact) return exact;
  const oneCase = t === t.toUpperCase() || t === t.toLowerCase();
  return oneCase ? BY_LOWER.get(t.toLowerCase()) ?? null : null;
}

/**
 * Lower-case forms that alone credit a picture: every form of the agencies
 * marked `photo`, and the names of the others that cannot be a common word or
 * a first name (several words, or a non-Latin script: "Press Trust of India",
 * "연합뉴스"; not "Petra", "Andina" or the Arabic "بنا", which is also a word).
 */
export const PHOTO_AGENCY_FORMS: readonly string[] = [...new Set(AGENCIES.flatMap((a) => (a.photo
  ? printedForms(a)
  : a.names.filter((n) => n.includes(' ') || (n.length >= 4 && !/\p{Script=Latin}/u.test(n))))).map((f) => f.toLowerCase()))];

/** Escapes a string for use inside a regex. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A regex alternation of the printed forms (longest first), case-sensitive, for composing the dateline and credit patterns. */
export const AGENCY_ALTERNATION = AGENCY_FORMS.map(([p]) => escapeRegex(p)).join('|');
