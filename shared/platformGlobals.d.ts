/**
 * The web platform globals shared/ may use: both runtimes it runs in (Node 24 and the browser)
 * provide them. Declared here because shared/ gets neither Node's nor the DOM's types; only what
 * shared/ needs is listed.
 */
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  toString(): string;
  static canParse(url: string, base?: string): boolean;
}
