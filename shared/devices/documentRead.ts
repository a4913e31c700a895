/**
 * What an ID document read yields. It lives in the core's memory for the current session only:
 * never logged, never written to disk, cleared at every reset.
 */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

/** One check digit of the MRZ and whether it matched. */
export interface MrzCheck {
  readonly field: 'documentNumber' | 'birthDate' | 'expirationDate' | 'optional' | 'composite';
  readonly valid: boolean;
}

export interface MrzDocument {
  readonly format: MrzFormat;
  /** Document code, e.g. "ID", "P", "I<" normalised without fillers ("I"). */
  readonly documentCode: string;
  readonly issuingState: string;
  readonly nationality: string;
  readonly documentNumber: string;
  readonly lastName: string;
  readonly firstNames: string;
  /** ISO date (YYYY-MM-DD) where the century can be decided, else null. */
  readonly birthDate: string | null;
  readonly expirationDate: string | null;
  readonly sex: 'female' | 'male' | 'unspecified';
  readonly checks: readonly MrzCheck[];
  /** True when every check digit matched. */
  readonly valid: boolean;
}

/** Why a read gave no usable document. */
export type DocumentReadError = 'unreadable' | 'truncated' | 'unsupported-document' | 'check-digit-wrong';

export type DocumentRead =
  | { readonly ok: true; readonly document: MrzDocument }
  | { readonly ok: false; readonly error: DocumentReadError; readonly failedChecks?: readonly MrzCheck['field'][] };
