import type { z } from '#shared/zodConfig';

/** One thing wrong with a file: where (JSON path, and line when known) and what. */
export interface SchemaProblem {
  readonly path: string;
  readonly message: string;
  readonly line?: number;
}

/** `terminal.id`, `services[3].name.de`; `(root)` for the whole document. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  if (segments.length === 0) return '(root)';
  return segments
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${String(segment)}]`;
      const key = String(segment);
      return index === 0 ? key : `.${key}`;
    })
    .join('');
}

/** Every issue of a failed zod parse as a readable problem, with its path segments for line lookup. */
export function schemaProblems(error: z.ZodError): (SchemaProblem & { readonly segments: readonly PropertyKey[] })[] {
  const problems: (SchemaProblem & { segments: readonly PropertyKey[] })[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: jsonPath([...issue.path, key]), segments: issue.path, message: 'unknown key (is it misspelt?)' });
    } else if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
      problems.push({ path: jsonPath(issue.path), segments: issue.path, message: `missing (required ${issue.expected})` });
    } else {
      problems.push({ path: jsonPath(issue.path), segments: issue.path, message: issue.message });
    }
  }
  return problems;
}
