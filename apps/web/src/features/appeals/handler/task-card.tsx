import { useI18n } from '../../../shared/i18n';
import type { Appeal } from '../appeals-api';
import { plainCountdown } from './countdown';

/** The countdown as a big pill: red when overdue, amber within two hours, green otherwise; plain words when no clock runs. */
export function Countdown({ a, now, testId }: { a: Appeal; now: number; testId?: string }) {
  const { t } = useI18n();
  const c = plainCountdown(a, now);
  if (!c.text) {
    const idle = a.paused ? t('已暂停，等居民回复', 'Paused, waiting for the resident') : a.status === 'handled' ? t('等居民确认', 'Waiting for the resident to check') : null;
    return idle ? <span className="rt-pill rt-idle" data-testid={testId}>{idle}</span> : null;
  }
  return (
    <span className={`rt-pill rt-${c.tone}`} data-testid={testId}>
      <span aria-hidden="true">{c.tone === 'overdue' ? '⏰ ' : '⏳ '}</span>
      {t(c.text)}
    </span>
  );
}

/** "可调解" and the resident's answer, where the category offers people's mediation. */
export function MediationTag({ a }: { a: Appeal }) {
  const { t } = useI18n();
  if (!a.mediation.offered) return null;
  return (
    <span className="rt-pill rt-mediation" data-testid="task-mediation-tag">
      <span aria-hidden="true">🤝 </span>
      {a.mediation.accepted ? t('居民同意调解', 'Resident agreed to mediation') : t('可调解', 'Mediation possible')}
    </span>
  );
}

/** Who reported it: the resident, the one a 楼长 wrote it down for, or a hotline caller. */
export function reporterText(a: Appeal, t: (zh: string, en: string) => string): string {
  const r = a.reporter;
  if (r.onBehalfOfName) return t(`${r.onBehalfOfName}（${r.name ?? '楼长'}代为反映）`, `${r.onBehalfOfName} (written down by ${r.name ?? 'the building head'})`);
  if (r.callerName) return t(`${r.callerName}（热线来电）`, `${r.callerName} (hotline caller)`);
  return r.name ?? '—';
}
