/**
 * Certificate errors in a portal view are always refused, with no "continue anyway". The citizen
 * types personal data and identifies with the eID card; an invalid certificate on a government
 * portal means an intercepted or misconfigured connection, and a citizen at a public terminal can
 * neither judge that nor should be asked to. There is no per-tile override either: a portal with a
 * broken certificate is an outage the city has to fix, not something to configure around.
 */

export type CertificateDecision = { readonly action: 'refuse'; readonly reason: 'certificate' };

/** Decides a certificate error: always refused (see the module comment for why there is no override). */
export function decideCertificateError(): CertificateDecision {
  return { action: 'refuse', reason: 'certificate' };
}
