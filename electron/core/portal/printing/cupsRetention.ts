/**
 * What CUPS keeps after a job has printed (README.md, "Privacy"). The kiosk purges the jobs of a
 * session that has ended, but a job that has already printed is out of its reach: CUPS itself keeps
 * the document ("PreserveJobFiles", one day by default) and the job list ("PreserveJobHistory", for
 * ever by default) unless cupsd.conf says "No". The kiosk reads the file and tells staff when either
 * is kept; it never changes the system's CUPS configuration itself.
 */

/** Where Debian's CUPS keeps its configuration. */
export const defaultCupsdConf = '/etc/cups/cupsd.conf';

/** What the scheduler keeps after a job: documents, the job list, both or neither. */
export interface CupsRetention {
  readonly keepsDocuments: boolean;
  readonly keepsHistory: boolean;
}

/**
 * Whether a PreserveJob* value keeps anything: "No", "Off", "False" and 0 keep nothing; "Yes", a
 * number of seconds or a duration ("1d", "12h") keep the job for a while; a missing directive keeps
 * it (CUPS's defaults: 86400 s of documents, the job list for ever).
 */
function keeps(value: string | undefined): boolean {
  if (value === undefined) return true;
  const word = value.trim().toLowerCase();
  if (word === 'no' || word === 'off' || word === 'false') return false;
  const duration = /^(\d+)\s*[smhdw]?$/.exec(word);
  if (duration) return Number(duration[1]) > 0;
  return true;
}

/** Reads cupsd.conf's text: directives are case-insensitive, the last one wins, comments start with "#". */
export function cupsRetention(cupsdConf: string): CupsRetention {
  const values = new Map<string, string>();
  for (const raw of cupsdConf.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(\S+)\s*(.*)$/.exec(line);
    if (match?.[1] !== undefined) values.set(match[1].toLowerCase(), match[2] ?? '');
  }
  return { keepsDocuments: keeps(values.get('preservejobfiles')), keepsHistory: keeps(values.get('preservejobhistory')) };
}
