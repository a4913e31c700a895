import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { servicesFileSchema, topicsFileSchema } from '#shared/content/contentPack';
import type { z } from '#shared/zodConfig';
import type { ImportResult } from './importTypes';

export type ServicesFile = z.infer<typeof servicesFileSchema>;
export type TopicsFile = z.infer<typeof topicsFileSchema>;

export type PackFilesOutcome =
  { readonly ok: true; readonly services: ServicesFile; readonly topics: TopicsFile } | { readonly ok: false; readonly error: string };

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue === undefined ? 'invalid' : `${issue.path.join('.')}: ${issue.message}`;
}

/** Duplicates in a list of ids, in first-seen order. */
function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(ids.filter((id) => seen.size === seen.add(id).size))];
}

/**
 * The services and topics files of an import, validated as the kiosk would load them: schemas,
 * unique ids, every topic reference resolvable. A failure here is a bug in an importer, and it
 * must never reach a pack file.
 */
export function packFilesOf(result: ImportResult): PackFilesOutcome {
  const services = servicesFileSchema.safeParse({ services: result.services });
  if (!services.success) return { ok: false, error: `services do not match the content pack schema (${firstIssue(services.error)})` };
  const topics = topicsFileSchema.safeParse({ topics: result.topics });
  if (!topics.success) return { ok: false, error: `topics do not match the content pack schema (${firstIssue(topics.error)})` };
  const serviceDuplicates = duplicates(services.data.services.map((service) => service.id));
  if (serviceDuplicates.length > 0) return { ok: false, error: `duplicate service ids: ${serviceDuplicates.slice(0, 5).join(', ')}` };
  const topicIds = topics.data.topics.map((topic) => topic.id);
  const topicDuplicates = duplicates(topicIds);
  if (topicDuplicates.length > 0) return { ok: false, error: `duplicate topic ids: ${topicDuplicates.slice(0, 5).join(', ')}` };
  const known = new Set(topicIds);
  const dangling = services.data.services.find((service) => service.topics.some((topic) => !known.has(topic)));
  if (dangling !== undefined) return { ok: false, error: `service ${dangling.id} names a topic that is not in the topics file` };
  return { ok: true, services: services.data, topics: topics.data };
}

/** The pack files' JSON text: 2-space indent, trailing newline. */
export function packJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Writes files so that readers see the old or the new content, never half of it: every file goes
 * to a temp file next to it first, and only when all are written are they renamed into place.
 */
export async function writeFilesAtomic(files: readonly { readonly path: string; readonly text: string }[]): Promise<void> {
  // Same folder as the target, so the rename never crosses file systems.
  const staged = files.map((file) => ({ ...file, temp: join(dirname(file.path), `.${basename(file.path)}.${process.pid}.tmp`) }));
  try {
    for (const file of staged) {
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(file.temp, file.text, 'utf8');
    }
    for (const file of staged) await rename(file.temp, file.path);
  } catch (error) {
    await Promise.all(staged.map((file) => rm(file.temp, { force: true })));
    throw error;
  }
}
