import type { UiLanguage } from '#shared/i18n/languages';

/**
 * What citizens type at the lobby terminal, each with the service they mean: the acceptance
 * table of the service search (serviceSearch.test.ts requires the intended service in the top 3
 * for at least 45 of 50 against the real Jena pack).
 *
 * Written on 2026-11-22, BEFORE any search code existed and before any tuning, so the table
 * measures the search instead of being fitted to it. Change a row only when the intended service
 * itself is wrong, never to make a miss go away.
 *
 * `intended` is the German official name of the service in Jena's appointment system
 * (/work/shared/data/jena-appointment-services.json); the test resolves it to the pack's service
 * id through `name.de`, so the table survives id changes. `language` is the UI language the
 * citizen has chosen when typing (not always the language of the words: a visitor may type
 * English on the German screen).
 */
export interface SearchQueryCase {
  readonly query: string;
  readonly language: UiLanguage;
  readonly intended: string;
  readonly kind: 'colloquial' | 'typo' | 'prefix' | 'english' | 'other-language';
}

const idCard = 'Personalausweis für Person ab 16 Jahren';
const passport = 'Reisepass für Person ab 18 Jahren';
const mainResidence = 'Anmeldung einer Hauptwohnung';
const moveWithinJena = 'Umzug innerhalb der Stadt Jena';
const certificateOfConduct = 'Führungszeugnis beantragen';
const registrationCertificate = 'Meldebescheinigung beantragen';
const carRegistration = 'Zulassung eines Kraftfahrzeuges/Anhängers';
const replacementLicence = 'Antrag Ersatzführerschein (Verlust, Diebstahl, Defekt)';
const foreignLicence = 'Antrag Umtausch ausländischer Führerschein';

export const searchQueries: readonly SearchQueryCase[] = [
  // Colloquial German: what people say at the counter, not what the form says.
  { query: 'perso', language: 'de', intended: idCard, kind: 'colloquial' },
  { query: 'ummelden', language: 'de', intended: moveWithinJena, kind: 'colloquial' },
  { query: 'führerschein verloren', language: 'de', intended: replacementLicence, kind: 'colloquial' },
  { query: 'auto anmelden', language: 'de', intended: carRegistration, kind: 'colloquial' },
  { query: 'neuer pass', language: 'de', intended: passport, kind: 'colloquial' },
  { query: 'kinderausweis', language: 'de', intended: 'Personalausweis für Person unter 16 Jahren', kind: 'colloquial' },
  { query: 'wohnung anmelden', language: 'de', intended: mainResidence, kind: 'colloquial' },
  {
    query: 'auto abmelden',
    language: 'de',
    intended: 'Außerbetriebsetzung (Abmeldung) eines in Jena zugelassenen Kraftfahrzeuges/Anhängers',
    kind: 'colloquial',
  },
  { query: 'wegzug ins ausland', language: 'de', intended: 'Abmeldung ins Ausland', kind: 'colloquial' },
  { query: 'zweitwohnsitz anmelden', language: 'de', intended: 'Anmeldung einer Nebenwohnung', kind: 'colloquial' },
  { query: 'polizeiliches führungszeugnis', language: 'de', intended: certificateOfConduct, kind: 'colloquial' },
  { query: 'wohnsitzbescheinigung', language: 'de', intended: registrationCertificate, kind: 'colloquial' },
  { query: 'anwohnerparkausweis', language: 'de', intended: 'Bewohnerparkausweis beantragen/verlängern', kind: 'colloquial' },
  { query: 'überführungskennzeichen', language: 'de', intended: 'Kurzzeitkennzeichen beantragen', kind: 'colloquial' },
  { query: 'ausweis abholen', language: 'de', intended: 'Abholung Personalausweis und/oder Reisepass', kind: 'colloquial' },
  { query: 'pin vergessen', language: 'de', intended: 'Online-Ausweisfunktion einschalten und/oder PIN ändern', kind: 'colloquial' },
  { query: 'kopie beglaubigen', language: 'de', intended: 'Amtliche Beglaubigungen von Dokumenten und Unterschriften', kind: 'colloquial' },
  { query: 'führerschein machen', language: 'de', intended: 'Antrag Ersterteilung einer Fahrerlaubnis', kind: 'colloquial' },
  { query: 'führerschein mit 17', language: 'de', intended: 'Antrag Begleitetes Fahren ab 17 Jahren', kind: 'colloquial' },
  { query: 'ausweis verloren', language: 'de', intended: 'Verlust/Wiederauffinden von Ausweisdokumenten', kind: 'colloquial' },
  { query: 'grauen lappen umtauschen', language: 'de', intended: 'Antrag Umtausch Führerschein altes Recht (bis 18.01.2013)', kind: 'colloquial' },
  { query: 'taxischein', language: 'de', intended: 'Antrag Erteilung/Verlängerung Fahrgastbeförderungsschein', kind: 'colloquial' },
  { query: 'briefwahl', language: 'de', intended: 'Termin Briefwahllokal', kind: 'colloquial' },

  // Typos and spellings without umlauts, as typed in a hurry on the on-screen keyboard.
  { query: 'personalausweiss', language: 'de', intended: idCard, kind: 'typo' },
  { query: 'reisepas', language: 'de', intended: passport, kind: 'typo' },
  { query: 'meldebescheinigun', language: 'de', intended: registrationCertificate, kind: 'typo' },
  { query: 'fürungszeugnis', language: 'de', intended: certificateOfConduct, kind: 'typo' },
  { query: 'fuehrerschein international', language: 'de', intended: 'Antrag Internationaler Führerschein', kind: 'typo' },
  { query: 'umeldung', language: 'de', intended: moveWithinJena, kind: 'typo' },
  { query: 'kfz zulasung', language: 'de', intended: carRegistration, kind: 'typo' },
  { query: 'kinderreisepas', language: 'de', intended: 'Kinderreisepass / Reisepass für Person unter 18 Jahren', kind: 'typo' },

  // Prefixes: the list updates on every keystroke, so half-typed words must already find it.
  { query: 'führersch verlo', language: 'de', intended: replacementLicence, kind: 'prefix' },
  { query: 'meldebesch', language: 'de', intended: registrationCertificate, kind: 'prefix' },
  { query: 'reisep', language: 'de', intended: passport, kind: 'prefix' },
  { query: 'zulass', language: 'de', intended: carRegistration, kind: 'prefix' },

  // English, on the English screen and on the German one.
  { query: 'ID card', language: 'de', intended: idCard, kind: 'english' },
  { query: 'passport', language: 'en', intended: passport, kind: 'english' },
  { query: 'register my address', language: 'en', intended: mainResidence, kind: 'english' },
  { query: 'driving licence exchange', language: 'en', intended: foreignLicence, kind: 'english' },
  { query: 'certificate of good conduct', language: 'en', intended: certificateOfConduct, kind: 'english' },
  { query: 'proof of residence', language: 'en', intended: registrationCertificate, kind: 'english' },

  // Turkish, Russian, Ukrainian, Arabic, Persian: the largest groups of newcomers in Jena.
  { query: 'kimlik kartı', language: 'tr', intended: idCard, kind: 'other-language' },
  { query: 'ehliyet değiştirme', language: 'tr', intended: foreignLicence, kind: 'other-language' },
  { query: 'паспорт', language: 'ru', intended: passport, kind: 'other-language' },
  { query: 'прописка', language: 'ru', intended: mainResidence, kind: 'other-language' },
  { query: 'реєстрація місця проживання', language: 'uk', intended: mainResidence, kind: 'other-language' },
  { query: 'обмін посвідчення водія', language: 'uk', intended: foreignLicence, kind: 'other-language' },
  { query: 'جواز سفر', language: 'ar', intended: passport, kind: 'other-language' },
  { query: 'گذرنامه', language: 'fa', intended: passport, kind: 'other-language' },
  // Typed with the Arabic yeh (ي) that Arabic keyboards produce; Persian texts use ی.
  { query: 'تعويض گواهينامه', language: 'fa', intended: foreignLicence, kind: 'other-language' },
];
