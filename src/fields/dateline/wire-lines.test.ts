/**
 * Table-driven test of wire lines in the world's styles: datelines (place,
 * agency, date, reporters), bylines (names, agency) and caption credits. Each
 * row is a line as a wire or a newsroom prints it.
 */
import { describe, expect, it } from 'vitest';
import { matchDateline } from './dateline.js';
import { cleanByline, splitAuthors } from '../byline/byline.js';
import { splitCredit } from '../captions/credit.js';
import { AGENCIES, agencyOf } from '../agencies/table.js';

// [line, place, agency, date, reporters]
type DatelineRow = [line: string, place: string | null, agency: string | null, date: string | null, reporters?: string[]];

const DATELINES: Record<string, DatelineRow[]> = {
  English: [
    ['SEOUL, May 21 (Reuters) - South Korea said on Tuesday', 'SEOUL', 'Reuters', 'May 21'],
    ['LONDON/NEW YORK, Jan 3 (Reuters) - Oil prices rose', 'LONDON/NEW YORK', 'Reuters', 'Jan 3'],
    ['WASHINGTON (AP) — The Senate voted', 'WASHINGTON', 'AP', null],
    ['FERGUSON, Mo. (AP) — Protesters gathered', 'FERGUSON, Mo.', 'AP', null],
    ['NEW YORK, May 21 (UPI) -- Stocks fell', 'NEW YORK', 'UPI', 'May 21'],
    ['TORONTO (CP) — Ontario will', 'TORONTO', 'Canadian Press', null],
    ['SYDNEY, May 21 (AAP) - Australia', 'SYDNEY', 'AAP', 'May 21'],
    ['LONDON (PA) - Britain', 'LONDON', 'PA', null],
    ['(Bloomberg) -- Stocks fell', null, 'Bloomberg', null],
    ['WASHINGTON — The president said', 'WASHINGTON', null, null],
    ['MILLBROOK -- The Millbrook Board of Education voted', 'MILLBROOK', null, null],
    ['LONDON, May 19 — Britain said', 'LONDON', null, 'May 19'],
    ['NEW DELHI, May 21 (PTI) - The government', 'NEW DELHI', 'PTI', 'May 21'],
    ['New Delhi [India], May 19 (ANI): The government', 'New Delhi', 'ANI', 'May 19'],
    ['MUMBAI, May 21 (IANS) The Sensex', 'MUMBAI', 'IANS', 'May 21'],
    ['KUALA LUMPUR, May 21 (Bernama) -- Malaysia', 'KUALA LUMPUR', 'Bernama', 'May 21'],
    ['MANILA, May 21 (PNA) -- The Senate', 'MANILA', 'PNA', 'May 21'],
    ['HANOI (VNA) - Vietnam', 'HANOI', 'VNA', null],
    ['TAIPEI, May 21 (CNA) Taiwan', 'TAIPEI', 'CNA', 'May 21'],
    ['TOKYO (Kyodo) -- Japan will', 'TOKYO', 'Kyodo', null],
    ['TOKYO, May 21 (Jiji Press) -- Japan', 'TOKYO', 'Jiji', 'May 21'],
    ['SEOUL, May 21 (Yonhap) -- South Korea', 'SEOUL', 'Yonhap', 'May 21'],
    ['BEIJING, May 19 (Xinhua) -- China', 'BEIJING', 'Xinhua', 'May 19'],
    ['ANKARA (AA) - Turkey', 'ANKARA', 'Anadolu', null],
    ['CAIRO, May 21 (MENA) - Egypt', 'CAIRO', 'MENA', 'May 21'],
    ['RAMALLAH, May 21 (WAFA) – The', 'RAMALLAH', 'WAFA', 'May 21'],
    ['DOHA, May 21 (QNA) - Qatar', 'DOHA', 'QNA', 'May 21'],
    ['RIYADH, May 21 (SPA) -- Saudi', 'RIYADH', 'SPA', 'May 21'],
    ['ABU DHABI, 21st May, 2024 (WAM) -- The', 'ABU DHABI', 'WAM', '21st May, 2024'],
    ['JAKARTA (ANTARA) - Indonesia', 'JAKARTA', 'Antara', null],
    ['MOSCOW, May 19. /TASS/. Russia', 'MOSCOW', 'TASS', 'May 19'],
    ['NEW YORK, May 21 (Dow Jones) -- Stocks', 'NEW YORK', 'Dow Jones', 'May 21'],
    ['STOCKHOLM (TT) Regeringen vill', 'STOCKHOLM', 'TT', null],
  ],
  'press releases': [
    ['NEW YORK, May 21, 2024 /PRNewswire/ -- Acme Corp today announced', 'NEW YORK', 'PR Newswire', 'May 21, 2024'],
    ['SAN FRANCISCO--(BUSINESS WIRE)--Acme Corp today announced', 'SAN FRANCISCO', 'Business Wire', null],
    ['BOSTON, May 21, 2024--(BUSINESS WIRE)--Acme Corp today', 'BOSTON', 'Business Wire', 'May 21, 2024'],
    ['TORONTO, May 21, 2024 /CNW/ - Acme today', 'TORONTO', 'CNW', 'May 21, 2024'],
    ['NEW YORK, May 21, 2024 (GLOBE NEWSWIRE) -- Acme today', 'NEW YORK', 'GlobeNewswire', 'May 21, 2024'],
    ['CHICAGO, May 21, 2024 /PRNewswire-PRWeb/ -- Acme', 'CHICAGO', 'PR Newswire', 'May 21, 2024'],
    ['COLUMBUS, Ohio, May 21, 2024 /PRNewswire/ -- Harborline Energy', 'COLUMBUS, Ohio', 'PR Newswire', 'May 21, 2024'],
    ['VANCOUVER, British Columbia, May 21, 2024 (GLOBE NEWSWIRE) -- Acme', 'VANCOUVER, British Columbia', 'GlobeNewswire', 'May 21, 2024'],
    ['VANCOUVER, BC / ACCESSWIRE / May 21, 2024 / Acme', null, null, null],
  ],
  French: [
    ['Paris (AFP) - Le gouvernement a annoncé', 'Paris', 'AFP', null],
    ['PARIS, 19 mai 2024 (AFP) - Le gouvernement', 'PARIS', 'AFP', '19 mai 2024'],
    ['PARIS, 1er juin 2024 (AFP) - Le gouvernement', 'PARIS', 'AFP', '1er juin 2024'],
    ['Bruxelles (Belga) - Le gouvernement', 'Bruxelles', 'Belga', null],
    ['GENÈVE (ATS) - Le Conseil', 'GENÈVE', 'Keystone-SDA', null],
    ['Montréal (La Presse Canadienne) — Le gouvernement', 'Montréal', 'Canadian Press', null],
    ['Alger (APS) - Le président', 'Alger', 'APS', null],
    ['Rabat (MAP) - Le roi', 'Rabat', 'MAP', null],
    ['TUNIS, 21 mai (TAP) - Le gouvernement', 'TUNIS', 'TAP', '21 mai'],
    ['(AFP) - Le gouvernement a annoncé', null, 'AFP', null],
  ],
  Spanish: [
    ['Madrid, 3 jun (EFE).- España recibió', 'Madrid', 'EFE', '3 jun'],
    ['Madrid, 21 de mayo (EFE).- El Gobierno', 'Madrid', 'EFE', '21 de mayo'],
    ['MADRID, 26 Abr. (EUROPA PRESS) - El Gobierno', 'MADRID', 'Europa Press', '26 Abr'],
    ['México, 21 may (EFE).- El presidente', 'México', 'EFE', '21 may'],
    ['Buenos Aires, 21 de mayo de 2024 (Télam) - El Gobierno', 'Buenos Aires', 'Télam', '21 de mayo de 2024'],
    ['La Habana, 21 may (Prensa Latina) El Gobierno', null, null, null],
    ['Lima, 21 mayo (ANDINA).- El Gobierno', 'Lima', 'Andina', '21 mayo'],
    ['Ciudad de México, 21 de mayo (Notimex).- El', 'Ciudad de México', 'Notimex', '21 de mayo'],
  ],
  Portuguese: [
    ['Lisboa, 21 mai (Lusa) - O Governo', 'Lisboa', 'Lusa', '21 mai'],
    ['LISBOA, 21 de maio (LUSA) - O Governo', 'LISBOA', 'Lusa', '21 de maio'],
    ['Brasília (Agência Brasil) - O governo', 'Brasília', 'Agência Brasil', null],
    ['SÃO PAULO, 21 de maio de 2024 (Estadão Conteúdo) - O dólar', 'SÃO PAULO', 'Estadão Conteúdo', '21 de maio de 2024'],
  ],
  Italian: [
    ['(ANSA) - ROMA, 26 APR - Il governo', 'ROMA', 'ANSA', '26 APR'],
    ['ROMA, 21 MAG - Il governo', 'ROMA', null, '21 MAG'],
    ['Roma, 21 maggio (ANSA) - Il governo', 'Roma', 'ANSA', '21 maggio'],
    ['MILANO (AGI) - La Borsa', 'MILANO', 'AGI', null],
    ['Roma, 21 mag. (Adnkronos) - Il governo', 'Roma', 'Adnkronos', '21 mag'],
  ],
  German: [
    ['Berlin (dpa) - Die Bundesregierung', 'Berlin', 'dpa', null],
    ['BERLIN (dpa) - Die Bundesregierung', 'BERLIN', 'dpa', null],
    ['Düsseldorf (dpa/lnw) - Die Landesregierung', 'Düsseldorf', 'dpa', null],
    ['Frankfurt/Main (dpa-AFX) - Der Dax', 'Frankfurt/Main', 'dpa-AFX', null],
    ['Wien (APA) - Die Regierung', 'Wien', 'APA', null],
    ['Bern (sda) - Der Bundesrat', 'Bern', 'Keystone-SDA', null],
    ['Bern/sda. Der Bundesrat', 'Bern', 'Keystone-SDA', null],
    ['Bonn (KNA) - Die Bischöfe', 'Bonn', 'KNA', null],
    ['Frankfurt (epd) - Die Kirche', 'Frankfurt', 'epd', null],
    ['Berlin, 21. Mai (Reuters) - Die Regierung', 'Berlin', 'Reuters', '21. Mai'],
  ],
  'Dutch and Nordic': [
    ['AMSTERDAM (ANP) - Het kabinet', 'AMSTERDAM', 'ANP', null],
    ['Den Haag (ANP) - Het kabinet', 'Den Haag', 'ANP', null],
    ['Stockholm (TT) – Regeringen', 'Stockholm', 'TT', null],
    ['Oslo (NTB): Regjeringen', 'Oslo', 'NTB', null],
    ['København (Ritzau): Regeringen', 'København', 'Ritzau', null],
    ['HELSINKI (STT) – Hallitus', 'HELSINKI', 'STT', null],
  ],
  'Polish, Czech, Slovak, Hungarian': [
    ['Warszawa (PAP) - Rząd', 'Warszawa', 'PAP', null],
    ['Warszawa, 21 maja (PAP) - Rząd', 'Warszawa', 'PAP', '21 maja'],
    ['Praha 21. května (ČTK) - Vláda', 'Praha', 'ČTK', '21. května'],
    ['Praha (ČTK) - Vláda', 'Praha', 'ČTK', null],
    ['Bratislava 21. mája (TASR) - Vláda', null, null, null],
    ['Budapest (MTI) - A kormány', 'Budapest', 'MTI', null],
  ],
  'Russian and Ukrainian': [
    ['МОСКВА, 21 мая. /ТАСС/. Президент', 'МОСКВА', 'TASS', '21 мая'],
    ['Москва. 21 мая. INTERFAX.RU - Президент', 'Москва', 'Interfax', '21 мая'],
    ['МОСКВА, 21 мая (РИА Новости) - Президент', 'МОСКВА', 'RIA Novosti', '21 мая'],
    ['Київ, 21 травня /Укрінформ/. Президент', 'Київ', 'Ukrinform', '21 травня'],
    ['КИЇВ (УНІАН) - Президент', 'КИЇВ', 'UNIAN', null],
    ['МИНСК, 21 мая (БелТА) - Президент', 'МИНСК', 'BelTA', '21 мая'],
  ],
  Turkish: [
    ['ANKARA (AA) - Hükümet', 'ANKARA', 'Anadolu', null],
    ['İSTANBUL (AA) - Hükümet', 'İSTANBUL', 'Anadolu', null],
    ['İstanbul, 21 Mayıs (DHA) - Kent', 'İstanbul', 'DHA', '21 Mayıs'],
  ],
  'Arabic, Persian, Hebrew': [
    ['القدس المحتلة (وفا) - قال', 'القدس المحتلة', 'WAFA', null],
    ['الرياض - واس قال وزير', 'الرياض', 'SPA', null],
    ['الدوحة (قنا) - أكد', 'الدوحة', 'QNA', null],
    ['أبوظبي (وام) - أكد', 'أبوظبي', 'WAM', null],
    ['الكويت (كونا) - أكد', 'الكويت', 'KUNA', null],
    ['عمان (بترا) - قال', 'عمان', 'Petra', null],
    ['أنقرة (الأناضول) - قال', 'أنقرة', 'Anadolu', null],
    ['تهران- ایرنا- رئیس', 'تهران', 'IRNA', null],
    ['القاهرة (أ ش أ) - قال', 'القاهرة', 'MENA', null],
  ],
  Hindi: [
    ['नई दिल्ली, 21 मई (भाषा) सरकार', 'नई दिल्ली', 'PTI', '21 मई'],
    ['मुंबई (आईएएनएस) शेयर', 'मुंबई', 'IANS', null],
  ],
  'Chinese, Japanese, Korean': [
    ['【新华社北京5月21日电】中国国务院', '北京', 'Xinhua', '5月21日'],
    ['新华社北京5月21日电（记者张三）国务院', '北京', 'Xinhua', '5月21日', ['张三']],
    ['中新社上海5月21日电 (记者 李四) 上海', '上海', 'China News Service', '5月21日', ['李四']],
    ['【ワシントン共同】米政府は', 'ワシントン', 'Kyodo', null],
    ['【ロンドン時事】英政府は', 'ロンドン', 'Jiji', null],
    ['【北京=共同】中国政府は', '北京', 'Kyodo', null],
    ['(서울=연합뉴스) 홍길동 기자 = 정부는 21일', '서울', 'Yonhap', null, ['홍길동']],
    ['[서울=뉴시스]김철수 기자 = 정부는', '서울', 'Newsis', null, ['김철수']],
    ['(서울=뉴스1) 이영희 기자 = 정부는', '서울', 'News1', null, ['이영희']],
    ['(워싱턴=연합뉴스) 김동현 특파원 = 미국', '워싱턴', 'Yonhap', null, ['김동현']],
    ['(서울=연합뉴스) 정부는 21일', '서울', 'Yonhap', null, []],
  ],
  'Indonesian and Vietnamese': [
    ['Jakarta (ANTARA) - Pemerintah', 'Jakarta', 'Antara', null],
    ['Jakarta, 21 Mei (ANTARA) - Pemerintah', 'Jakarta', 'Antara', '21 Mei'],
    ['Hà Nội (TTXVN) - Chính phủ', 'Hà Nội', 'VNA', null],
  ],
};

/** Lines that open with something dateline-like but are sentences, kickers or credits. */
const NOT_DATELINES: string[] = [
  'The president said on Tuesday that talks would continue.',
  'The Associated Press (AP) reported that the vote',
  'In Paris (AFP) the minister',
  'Murat Kula/Anadolu Agency via Getty Images',
  'BREAKING: Parliament dissolved',
  'UPDATE 1-Oil rises on supply worries',
  'Sources told Reuters - on condition of anonymity - that',
  'WHO said the outbreak was contained.',
];

describe("datelines of the world's wires", () => {
  for (const [family, rows] of Object.entries(DATELINES)) {
    describe(family, () => {
      for (const [line, place, agency, date, reporters] of rows) {
        if (place === null && agency === null) {
          it(`leaves "${line}" to the text (no supported shape)`, () => {
            const m = matchDateline(line);
            // Either not read, or read without inventing a place or an agency the line does not print.
            if (m) expect(line.startsWith(m.text)).toBe(true);
          });
          continue;
        }
        it(`reads "${line}"`, () => {
          const m = matchDateline(line);
          expect(m).not.toBeNull();
          expect({ place: m!.place, agency: m!.agency, date: m!.date }).toEqual({ place, agency, date });
          if (reporters) expect(m!.reporters).toEqual(reporters);
          // The dateline leaves the text: what follows starts the sentence.
          expect(line.slice(m!.length)).toMatch(/^\S/u);
        });
      }
    });
  }
  for (const s of NOT_DATELINES) {
    it(`leaves "${s}" alone`, () => expect(matchDateline(s)).toBeNull());
  }
});

// [printed byline, cleaned byline, authors, agency]
const BYLINES: Array<[string, string | null, string[], string | null]> = [
  ['By Jane Doe', 'Jane Doe', ['Jane Doe'], null],
  ['Par AFP', 'AFP', [], 'AFP'],
  ['Par AFP Publié le 21/05/2024 à 10h47', 'AFP', [], 'AFP'],
  ['Por EFE', 'EFE', [], 'EFE'],
  ['Von dpa', 'dpa', [], 'dpa'],
  ['Agencia EFE', 'Agencia EFE', [], 'EFE'],
  ['By Reuters', 'Reuters', [], 'Reuters'],
  ['By The Associated Press', 'The Associated Press', [], 'AP'],
  ['Jane Doe | Reuters', 'Jane Doe | Reuters', ['Jane Doe'], 'Reuters'],
  ['Par Marie Dupont', 'Marie Dupont', ['Marie Dupont'], null],
  ['Por María García', 'María García', ['María García'], null],
  ['Von Hans Müller', 'Hans Müller', ['Hans Müller'], null],
  ['Di Giulia Rossi', 'Giulia Rossi', ['Giulia Rossi'], null],
  ['Door Jan de Vries', 'Jan de Vries', ['Jan de Vries'], null],
  ['Av Anna Lindqvist', 'Anna Lindqvist', ['Anna Lindqvist'], null],
  ['Af Mette Hansen', 'Mette Hansen', ['Mette Hansen'], null],
  ['Autor: Jan Kowalski', 'Jan Kowalski', ['Jan Kowalski'], null],
  ['Автор: Иван Петров', 'Иван Петров', ['Иван Петров'], null],
  ['Oleh Budi Santoso', 'Budi Santoso', ['Budi Santoso'], null],
  ['홍길동 기자', '홍길동', ['홍길동'], null],
  ['홍길동 기자 입력 2024.05.21 10:47 수정 2024.05.21 11:20', '홍길동', ['홍길동'], null],
  ['記者 山田太郎', '山田太郎', ['山田太郎'], null],
  ['بقلم محمد أحمد', 'محمد أحمد', ['محمد أحمد'], null],
  ['By Jane Doe, Senior Science Writer', 'Jane Doe', ['Jane Doe'], null],
  ['By Jane Doe, Staff Writer', 'Jane Doe', ['Jane Doe'], null],
  ['Von Hans Müller, Redakteur', 'Hans Müller', ['Hans Müller'], null],
  ['By Jane Doe Updated May 21, 2024', 'Jane Doe', ['Jane Doe'], null],
  ['Por María García Actualizado 21/05/2024', 'María García', ['María García'], null],
  ['Von Hans Müller Aktualisiert am 21.05.2024', 'Hans Müller', ['Hans Müller'], null],
  ['Actualizado 21/05/2024 10:47', null, [], null],
  ['Publié le 21 mai 2024', null, [], null],
  ['By Jane Doe and John Roe', 'Jane Doe and John Roe', ['Jane Doe', 'John Roe'], null],
  ['By Daniel Marans Senior Politics Reporter', 'Daniel Marans', ['Daniel Marans'], null],
  ['Matt Asay Contributor', 'Matt Asay', ['Matt Asay'], null],
  ['Stephen Jesudunsin AI Writer', 'Stephen Jesudunsin', ['Stephen Jesudunsin'], null],
  ['Por Ana López, corresponsal', 'Ana López', ['Ana López'], null],
  ['Von Anna Schmidt, Korrespondentin', 'Anna Schmidt', ['Anna Schmidt'], null],
  ['By AFP', 'AFP', [], 'AFP'],
  ['Agência Lusa', 'Agência Lusa', [], 'Lusa'],
  ['Yonhap News', 'Yonhap News', [], 'Yonhap'],
];

describe("bylines of the world's newsrooms and wires", () => {
  for (const [printed, byline, authors, agency] of BYLINES) {
    it(`reads "${printed}"`, () => {
      const cleaned = cleanByline(printed);
      expect(cleaned).toBe(byline);
      if (cleaned !== null) expect(splitAuthors(cleaned)).toEqual({ authors, agency });
    });
  }
});

// [caption as printed, text, credit]
const CREDITS: Array<[string, string, string]> = [
  ['Le lit asséché de la Têt, le 21 mai 2024. Photo : Jean Martin', 'Le lit asséché de la Têt, le 21 mai 2024.', 'Jean Martin'],
  ['Seit 1974 lernen Kinder hier schwimmen. Foto: Thomas Berger', 'Seit 1974 lernen Kinder hier schwimmen.', 'Thomas Berger'],
  ['Das Hallenbad am Schillerpark. Bild: Stadtwerke', 'Das Hallenbad am Schillerpark.', 'Stadtwerke'],
  ['A volunteer clears mud from a bakery. (AP Photo/Marco Belloni)', 'A volunteer clears mud from a bakery.', 'AP Photo/Marco Belloni'],
  ['A worker walks past containers in Busan. REUTERS/Park Soo-min', 'A worker walks past containers in Busan.', 'REUTERS/Park Soo-min'],
  ['Turistas en la playa de la Malvarrosa. EFE/Ana Escobar', 'Turistas en la playa de la Malvarrosa.', 'EFE/Ana Escobar'],
  ['Il porto di Genova. ANSA/Luca Zennaro', 'Il porto di Genova.', 'ANSA/Luca Zennaro'],
  ['Die Kanzlerin in Berlin. Foto: Kay Nietfeld/dpa', 'Die Kanzlerin in Berlin.', 'Kay Nietfeld/dpa'],
  ['Rescuers search the rubble on Monday. — AFP', 'Rescuers search the rubble on Monday.', 'AFP'],
  ['Rescuers search the rubble on Monday. (Reuters)', 'Rescuers search the rubble on Monday.', 'Reuters'],
  ['Spodumene is mined in Western Australia © Bloomberg', 'Spodumene is mined in Western Australia', 'Bloomberg'],
  ['Buckets catch water in a hallway. Staff photo by Maria Santos', 'Buckets catch water in a hallway.', 'Staff photo by Maria Santos'],
  ['Lava flows near the town on Sunday | AFP', 'Lava flows near the town on Sunday', 'AFP'],
  ['Президент на встрече. Фото: Иван Петров', 'Президент на встрече.', 'Иван Петров'],
  ['Kim Jong-un in Pyongyang in 2019. Xinhua', 'Kim Jong-un in Pyongyang in 2019.', 'Xinhua'],
  ['Officials in Jakarta on Monday. ANTARA FOTO/Budi Santoso', 'Officials in Jakarta on Monday.', 'ANTARA FOTO/Budi Santoso'],
  ['21일 서울의 한 버스정류장에서 시민들이 버스를 기다리고 있다. 사진=연합뉴스', '21일 서울의 한 버스정류장에서 시민들이 버스를 기다리고 있다.', '연합뉴스'],
  ['東京の街並み。写真：共同通信', '東京の街並み。', '共同通信'],
  ['الرئيس في الاجتماع. صورة: وكالة الأنباء', 'الرئيس في الاجتماع.', 'وكالة الأنباء'],
  ['Le maire devant la mairie. Photo : Jean Martin', 'Le maire devant la mairie.', 'Jean Martin'],
  ['Rząd na posiedzeniu. Zdjęcie: PAP/Leszek Szymański', 'Rząd na posiedzeniu.', 'PAP/Leszek Szymański'],
];

describe("caption credits of the world's wires", () => {
  for (const [caption, text, credit] of CREDITS) {
    it(`splits "${caption}"`, () => {
      const split = splitCredit(caption);
      expect({ text: split.text, credit: split.credit }).toEqual({ text, credit });
    });
  }
});

describe('the agencies table', () => {
  it('has at least 60 agencies, each with a name and a printed form', () => {
    expect(AGENCIES.length).toBeGreaterThanOrEqual(60);
    for (const a of AGENCIES) expect(a.abbreviations.length + a.names.length).toBeGreaterThan(0);
  });
  it('names each agency once', () => {
    const names = AGENCIES.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
  });
  it.each([
    ['연합뉴스', 'Yonhap'],
    ['新华社', 'Xinhua'],
    ['共同通信', 'Kyodo'],
    ['ТАСС', 'TASS'],
    ['РИА Новости', 'RIA Novosti'],
    ['Укрінформ', 'Ukrinform'],
    ['ČTK', 'ČTK'],
    ['CTK', 'ČTK'],
    ['REUTERS', 'Reuters'],
    ['Agence France-Presse', 'AFP'],
    ['Deutsche Presse-Agentur', 'dpa'],
    ['وفا', 'WAFA'],
    ['واس', 'SPA'],
    ['Press Trust of India', 'PTI'],
  ])('knows "%s" as %s', (printed, name) => expect(agencyOf(printed)).toBe(name));
  it('does not fold the case of abbreviations ("ap" and "Aa" are no agency)', () => {
    expect(agencyOf('ap')).toBeNull();
    expect(agencyOf('Aa')).toBeNull();
  });
});
