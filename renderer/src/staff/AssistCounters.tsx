import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffCounters } from '#shared/contract/staffContract';
import { kioskApi } from '../kiosk/kioskApi';
import staffDe from './locales/de.json';
import { ActionButton, AssistRow } from './AssistSections';
import { useStaffStore } from './staffStore';

type CounterName = keyof typeof staffDe.assist.counters.names;
const isKnownCounter = (name: string): name is CounterName => Object.hasOwn(staffDe.assist.counters.names, name);
/** Known counters in the order of the texts (sessions, then help calls, then prints), any others after them. */
const knownOrder = Object.keys(staffDe.assist.counters.names);
const rank = (name: string): number => (isKnownCounter(name) ? knownOrder.indexOf(name) : knownOrder.length);

/** The anonymous counters (how often, never who or what), today and in total. */
export function AssistCounters() {
  const { t } = useTranslation('staff');
  const showOutcome = useStaffStore((s) => s.showOutcome);
  const [counters, setCounters] = useState<StaffCounters | null>(null);
  /** Bumped by "refresh": each value loads the counters once. */
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    let current = true;
    void kioskApi()
      ?.invoke('staff.counters', {})
      .then((result) => {
        if (!current) return;
        if (result.ok) setCounters(result.value);
        else showOutcome({ action: 'counters', status: 'failed', reason: result.error.code });
      });
    return () => {
      current = false;
    };
  }, [loads, showOutcome]);

  const names =
    counters === null
      ? []
      : [...new Set([...Object.keys(counters.today), ...Object.keys(counters.total)])].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const status =
    counters === null ? null : names.length === 0 ? (
      <p>{t('assist.counters.none')}</p>
    ) : (
      <table className="assist-counters" data-counters="">
        <thead>
          <tr>
            <th scope="col">{t('assist.counters.what')}</th>
            <th scope="col">{t('assist.counters.today', { day: counters.day })}</th>
            <th scope="col">{t('assist.counters.total')}</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => (
            <tr key={name} data-counter={name}>
              <th scope="row">{isKnownCounter(name) ? t(`assist.counters.names.${name}`) : name}</th>
              <td>{counters.today[name] ?? 0}</td>
              <td>{counters.total[name] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  return (
    <AssistRow id="counters" title={t('assist.counters.title')} status={status}>
      <ActionButton
        action="refresh-counters"
        label={t('assist.counters.refresh')}
        onClick={() => {
          setLoads((n) => n + 1);
        }}
      />
    </AssistRow>
  );
}
