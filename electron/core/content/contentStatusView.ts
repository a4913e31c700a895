import type { ContentStatusView } from '#shared/contract/contentContract';
import type { ContentService } from './contentService';

/** What staff see of the content service's state: the first problems, clipped to the contract's sizes. */
export function contentStatusView(content: ContentService | null | undefined): ContentStatusView {
  if (!content) return { state: 'none', version: null, problemCount: 0, problems: [] };
  const status = content.status();
  return {
    state: status.state,
    version: status.version?.slice(0, 40) ?? null,
    problemCount: status.problems.length,
    problems: status.problems
      .slice(0, 10)
      .map((p) => ({ file: p.file.slice(0, 200), path: p.path.slice(0, 300), line: p.line ?? null, message: p.message.slice(0, 300) })),
  };
}
