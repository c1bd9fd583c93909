import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { useMe } from '../../../shared/auth';
import { formatDateTime, useI18n } from '../../../shared/i18n';
import { CallButton, ErrorBlock, LoadingBlock, Notice, Screen } from '../../resident/ui';
import { useAppealDetail, useCategories, type Appeal, type AppealDetail, type TimelineEvent } from '../appeals-api';
import { eventLabel, SOURCE_LABELS } from '../appeal-labels';
import { COMMAND_LABELS, DANGER, staffActions } from '../commands';
import { useNow } from '../console/sla';
import { MatterHeading, PhotoThumbs } from '../matter-parts';
import { spacedCode } from '../resident/report-confirm';
import { Countdown, MediationTag, reporterText } from './task-card';
import { revealPhone } from './tasks-api';

/** What the phone offers; dispatching to another unit and merging duplicates stay at the desk (the console). */
export const PHONE_COMMANDS = new Set(['accept', 'start', 'handle', 'verify', 'close', 'return', 'escalate', 'pause', 'resume', 'request_extension', 'approve_extension', 'reject', 'reopen']);

/**
 * One matter for the 楼长 or grid worker: the facts, the clock, the reporter's contact as allowed, the mediation
 * hint, what they may do now as big buttons (one screen each), and the full timeline with internal notes.
 * Someone outside the matter's area gets the server's 404 as "not found or not yours".
 */
export function TaskPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const now = useNow();
  const q = useAppealDetail(id);
  const categories = useCategories();
  const a = q.data;
  if (q.isError && isApiError(q.error, 404)) {
    return (
      <Screen title={t('待我处理', 'My tasks')} back="/r/tasks" testId="rt-task">
        <NotYours />
      </Screen>
    );
  }
  const category = a && categories.data?.find((c) => c.code === a.category.code);
  const actions = a ? staffActions(a) : [];
  const onPhone = actions.filter((c) => PHONE_COMMANDS.has(c));
  const atDesk = actions.filter((c) => !PHONE_COMMANDS.has(c));
  return (
    <Screen title={a ? t(a.category.name) : t('这件事', 'This matter')} back="/r/tasks" testId="rt-task">
      {q.isPending && <LoadingBlock />}
      {q.isError && <ErrorBlock error={q.error} retry={() => q.refetch()} />}
      {a && (
        <>
          <section className="r-card" data-testid="rt-facts">
            <p className="rt-row" style={{ margin: 0 }}>
              <Countdown a={a} now={now} testId="rt-countdown" />
              <span className="r-badge r-open" data-testid="rt-status">
                {t(a.statusName)}
              </span>
            </p>
            <MatterHeading a={a} />
            <dl className="r-dl">
              <dt>{t('地点', 'Where')}</dt>
              <dd>{[a.place.regionName, a.place.locationText].filter(Boolean).join(' · ')}</dd>
              <dt>{t('反映人', 'From')}</dt>
              <dd data-testid="rt-reporter">{reporterText(a, t)}</dd>
              <dt>{t('来源', 'Source')}</dt>
              <dd>{t(SOURCE_LABELS[a.source] ?? { zh: a.source, en: a.source })}</dd>
              <dt>{t('提交', 'Sent')}</dt>
              <dd>{formatDateTime(a.submittedAt)}</dd>
              <dt>{t('现在由', 'Now with')}</dt>
              <dd>{[t(a.unit.levelName), a.unit.regionName].filter(Boolean).join(' · ')}</dd>
              <dt>{t('查询码', 'Code')}</dt>
              <dd className="ra-code-small">{spacedCode(a.trackingCode)}</dd>
              {Object.entries(a.answers).map(([k, v]) => {
                const question = category?.questions.find((x) => x.key === k);
                const choice = question?.choices?.find((c) => c.key === v);
                return (
                  <div key={k} style={{ display: 'contents' }}>
                    <dt>{question ? t(question.label) : k}</dt>
                    <dd>{typeof v === 'boolean' ? (v ? t('是', 'Yes') : t('否', 'No')) : choice ? t(choice) : String(v)}</dd>
                  </div>
                );
              })}
            </dl>
            <PhotoThumbs ids={a.photoRefs} label={t('居民拍的照片', 'Photo from the resident')} testId="rt-photo" />
            <MediationTag a={a} />
          </section>
          <MediationHint a={a} />
          <Contact a={a} />
          <section className="ra-actions" aria-labelledby="rt-actions-title" data-testid="rt-actions">
            <h2 id="rt-actions-title">{onPhone.length ? t('您现在可以', 'What you can do now') : t('您现在无需操作', 'Nothing for you to do now')}</h2>
            {onPhone.map((c, i) => (
              <Link key={c} className={`r-btn${i === 0 && !DANGER.has(c) ? '' : ' r-secondary'}`} to={`/r/tasks/${a.id}/do/${c}`} data-testid={`rt-action-${c}`}>
                {t(COMMAND_LABELS[c])}
              </Link>
            ))}
            {atDesk.length > 0 && (
              <p className="r-muted">
                {t(`「${atDesk.map((c) => COMMAND_LABELS[c]?.zh ?? c).join('、')}」请到电脑上的工作台办理。`, `${atDesk.map((c) => COMMAND_LABELS[c]?.en ?? c).join(', ')}: please use the staff console on a computer.`)}
              </p>
            )}
          </section>
          <h2>{t('办理经过', 'What happened')}</h2>
          <ol className="ra-timeline" data-testid="rt-timeline">
            {[...a.timeline].reverse().map((e) => (
              <Step key={e.id} e={e} />
            ))}
          </ol>
        </>
      )}
    </Screen>
  );
}

/** The server's 404 for a matter outside my building or grid (or none at all), in plain words. */
export function NotYours() {
  const { t } = useI18n();
  return (
    <Notice icon="🔒" title={t('找不到这件事', 'Not found')} testId="rt-not-yours">
      <p>{t('这件事不存在，或者不在您负责的楼栋/网格内。', 'This matter does not exist, or it is outside the building or grid you look after.')}</p>
      <Link className="r-btn" to="/r/tasks">
        {t('回到待我处理', 'Back to my tasks')}
      </Link>
    </Notice>
  );
}

/** Staff see everything: names, reasons, public and internal notes (marked), photos. */
function Step({ e }: { e: TimelineEvent }) {
  const { t } = useI18n();
  const d = e.data as { reason?: string; days?: number; automatic?: string | null };
  return (
    <li data-type={e.type}>
      <strong>{t(eventLabel(e.type))}</strong>
      <span className="r-muted">
        {formatDateTime(e.at)} · {[e.actor.name, t(e.actor.roleName)].filter(Boolean).join(' · ')}
      </span>
      {d.automatic && <span className="rt-pill rt-overdue">{t('超时自动上报', 'Raised automatically: clock ran out')}</span>}
      {d.days ? <p style={{ margin: '4px 0 0' }}>{t(`${d.days} 个工作日`, `${d.days} working days`)}</p> : null}
      {d.reason && <p style={{ margin: '4px 0 0' }}>{t('原因：', 'Reason: ')}{d.reason}</p>}
      {e.publicNote && e.publicNote !== d.reason && <p style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{e.publicNote}</p>}
      {e.internalNote && e.internalNote !== d.reason && (
        <p className="rt-internal" data-testid="rt-internal-note">
          <strong>{t('内部备注：', 'Internal note: ')}</strong>
          {e.internalNote}
        </p>
      )}
      <PhotoThumbs ids={e.photoRefs} label={t(eventLabel(e.type))} testId="rt-photo" />
    </li>
  );
}

/**
 * People's mediation (人民调解, 枫桥经验): for neighbour disputes, noise, pets, parking… a mediator or the 楼长 first
 * hears both sides and helps them agree; what they agree goes into the note when handling.
 */
export function MediationHint({ a }: { a: Pick<Appeal, 'mediation' | 'status'> }) {
  const { t } = useI18n();
  // While the work is owed; once handled the note says what was agreed.
  if (!a.mediation.offered || !['submitted', 'accepted', 'returned', 'dispatched', 'in_progress'].includes(a.status)) return null;
  return (
    <section className="rt-hint" data-testid="rt-mediation-hint" aria-labelledby="rt-mediation-title">
      <h2 id="rt-mediation-title">
        <span aria-hidden="true">🤝 </span>
        {t('调解', 'Mediation')}
      </h2>
      <p style={{ margin: 0 }}>
        {a.mediation.accepted
          ? t('居民同意先调解：请约调解员或您自己上门，分别听双方说，再一起商量办法。', 'The resident agreed to mediation: arrange a visit by a mediator or yourself, hear each side, then agree a way forward together.')
          : t('这类邻里矛盾可以先调解：调解员或楼长上门听双方说，帮他们商量出办法。', 'Disputes like this can be mediated first: a mediator or the building head hears both sides and helps them agree.')}
      </p>
      <p className="r-muted" style={{ margin: '4px 0 0' }}>
        {t('调解不成的，如实写明，再上报社区人民调解委员会。办结时把双方的约定写进处理说明。', 'If it fails, say so and escalate to the community mediation committee. When handling, write down what both sides agreed.')}
      </p>
    </section>
  );
}

/** The reporter's phone: a hotline caller's as sent; a registered resident's revealed on request (audited) when allowed. */
function Contact({ a }: { a: AppealDetail }) {
  const { t } = useI18n();
  const me = useMe();
  const [phone, setPhone] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const [busy, setBusy] = useState(false);
  const personId = a.reporter.onBehalfOfPersonId ?? a.reporter.personId;
  const name = a.reporter.onBehalfOfName ?? a.reporter.name ?? a.reporter.callerName ?? '';
  if (a.reporter.callerPhone && !a.reporter.callerPhone.includes('*')) {
    return <CallButton phone={a.reporter.callerPhone} name={name} testId="rt-call" />;
  }
  if (!personId || personId === me.data?.personId) return null;
  if (phone) return <CallButton phone={phone} name={name} testId="rt-call" />;
  if (refused) return <p className="r-muted" data-testid="rt-phone-refused">{t('您不能查看这位居民的电话，请联系网格员。', 'You may not see this resident’s phone; ask the grid worker.')}</p>;
  return (
    <button
      type="button"
      className="r-btn r-secondary"
      disabled={busy}
      data-testid="rt-reveal-phone"
      onClick={async () => {
        setBusy(true);
        try {
          const r = await revealPhone(personId, a.trackingCode);
          if (r.phone) setPhone(r.phone);
          else setRefused(true);
        } catch {
          setRefused(true);
        } finally {
          setBusy(false);
        }
      }}
    >
      <span aria-hidden="true">📞</span> {t(`查看${name}的电话`, `Show ${name}'s phone`)}
    </button>
  );
}
