import { useTranslation } from 'react-i18next';
import { useDeviceStore } from '../state/deviceStore';

/** For staff: the content pack in use, and the problems of an edit that was refused. */
export function ContentStatusRow() {
  const { t } = useTranslation();
  const content = useDeviceStore((s) => s.content);
  if (content === null || content.state === 'none') return null;
  return (
    <section className={`content-status content-status--${content.state}`} data-content-state={content.state} aria-labelledby="content-status-title">
      <h3 id="content-status-title">{t('devices.content.title')}</h3>
      <p>{t(`devices.content.states.${content.state}`, { version: content.version ?? '–', count: content.problemCount })}</p>
      {content.problems.length > 0 && (
        <ul className="content-status__problems">
          {content.problems.map((problem) => (
            <li key={`${problem.file}:${problem.path}:${problem.message}`} lang="en" dir="ltr">
              {problem.file}
              {problem.line === null ? '' : `:${String(problem.line)}`} {problem.path}: {problem.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
