import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import { formatDateTime, useI18n } from '../../../shared/i18n';
import { ErrorBlock, LoadingBlock, Screen } from '../../resident/ui';
import { commandPath, useTrack, type PublicAppeal } from '../appeals-api';
import { eventLabel, FINISHED, SATISFACTION_CHOICES, STATUS_WORDS } from '../appeal-labels';
import { spacedCode } from './report-confirm';
import { MatterHeading, PhotoThumbs } from '../matter-parts';

/**
 * The public timeline of one report (by tracking code): what happened, when, and by which kind of unit
 * (staff by role, never by name; no internal notes). The reporter confirms the fix, rates it, or reopens.
 */
export function TrackPage() {
  const { t } = useI18n();
  const { code } = useParams();
  const [params] = useSearchParams();
  const q = useTrack(code);
  const a = q.data;
  return (
    <Screen title={t('办理进度', 'Progress')} back="/r/appeals" testId="ra-track">
      {q.isPending && <LoadingBlock />}
      {q.isError && <ErrorBlock error={q.error} retry={() => q.refetch()} />}
      {a && (
        <>
          {params.get('followed') && (
            <p className="ra-ok" role="status" data-testid="ra-followed">
              {t('已关注，有进展会通知您。', 'Following: you will be told how it goes.')}
            </p>
          )}
          <section className="r-card" data-testid="ra-track-card">
            <p style={{ margin: 0 }}>
              <span className={`r-badge ${FINISHED.includes(a.status) ? 'r-closed' : 'r-open'}`} data-testid="ra-status">
                {t(STATUS_WORDS[a.status] ?? a.statusName)}
              </span>
            </p>
            <MatterHeading a={a} />
            <dl className="r-dl">
              <dt>{t('查询码', 'Code')}</dt>
              <dd className="ra-code-small">{spacedCode(a.trackingCode)}</dd>
              <dt>{t('地点', 'Where')}</dt>
              <dd>{a.placeName}</dd>
              <dt>{t('现在由', 'Now with')}</dt>
              <dd>{t(a.levelName)}</dd>
              <dt>{t('关注', 'Following')}</dt>
              <dd>{t(`${a.followerCount} 人`, `${a.followerCount}`)}</dd>
              {a.satisfaction && (
                <>
                  <dt>{t('评价', 'Rating')}</dt>
                  <dd data-testid="ra-satisfaction">{t(SATISFACTION_CHOICES.find((s) => s.key === a.satisfaction)?.label ?? a.satisfaction)}</dd>
                </>
              )}
            </dl>
          </section>
          <Actions appeal={a} />
          <h2>{t('办理经过', 'What happened')}</h2>
          <ol className="ra-timeline" data-testid="ra-timeline">
            {[...a.timeline].reverse().map((e, i) => (
              <li key={`${e.at}-${i}`} data-type={e.type}>
                <strong>{t(eventLabel(e.type))}</strong>
                <span className="r-muted">
                  {formatDateTime(e.at)} · {t(e.actorRole)}
                </span>
                {e.note && <p style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{e.note}</p>}
                <PhotoThumbs ids={e.photoRefs} label={t(eventLabel(e.type))} trackingCode={a.trackingCode} testId="ra-timeline-photo" />
              </li>
            ))}
          </ol>
        </>
      )}
    </Screen>
  );
}

/** What the reporter may do now, as the server lists it in `allowedActions`. */
function Actions({ appeal }: { appeal: PublicAppeal }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [mode, setMode] = useState<'not_fixed' | 'reopen' | null>(null);
  const [note, setNote] = useState('');
  const [rating, setRating] = useState<string | null>(null);
  const can = (x: string) => appeal.allowedActions.includes(x);
  const send = useMutation({
    mutationFn: ({ name, body }: { name: string; body?: Record<string, unknown> }) =>
      name === 'follow' ? api(`/appeals/${appeal.id}/follow`, { method: 'POST' }) : api(`/appeals/${appeal.id}/${commandPath(name)}`, { method: 'POST', body: body ?? {} }),
    onSuccess: async () => {
      setMode(null);
      setNote('');
      setRating(null);
      await qc.invalidateQueries({ queryKey: ['appeals'] });
    },
  });
  const withNote = (extra: Record<string, unknown>) => ({ ...extra, ...(note.trim() ? { note: note.trim() } : {}) });
  if (!['verify', 'close', 'reopen', 'resume', 'follow'].some(can)) return null;

  const noteBox = (label: string, required = false) => (
    <>
      <label className="ra-label" htmlFor="ra-note">
        {label}
        {!required && t('（可不填）', ' (optional)')}
      </label>
      <textarea id="ra-note" className="ra-input ra-textarea" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="ra-note" />
    </>
  );

  return (
    <section className="ra-actions" data-testid="ra-actions" aria-label={t('需要您处理', 'Your turn')}>
      {send.isError && <ErrorBlock error={send.error} />}
      {can('verify') && mode === null && (
        <>
          <h2>{t('问题解决了吗？', 'Is it fixed?')}</h2>
          <button type="button" className="r-btn" onClick={() => send.mutate({ name: 'verify', body: { fixed: true } })} disabled={send.isPending} data-testid="ra-fixed">
            <span aria-hidden="true">👍</span> {t('已解决', 'Yes, fixed')}
          </button>
          <button type="button" className="r-btn r-secondary" onClick={() => setMode('not_fixed')} data-testid="ra-not-fixed">
            <span aria-hidden="true">👎</span> {t('没解决', 'No, not fixed')}
          </button>
        </>
      )}
      {can('verify') && mode === 'not_fixed' && (
        <>
          {noteBox(t('哪里还没解决？', 'What is still wrong?'))}
          <button type="button" className="r-btn" onClick={() => send.mutate({ name: 'verify', body: withNote({ fixed: false }) })} disabled={send.isPending} data-testid="ra-not-fixed-send">
            {t('告诉他们没解决', 'Tell them it is not fixed')}
          </button>
          <button type="button" className="r-btn r-secondary" onClick={() => setMode(null)}>
            {t('取消', 'Cancel')}
          </button>
        </>
      )}
      {can('close') && (
        <>
          <h2>{t('请您评价', 'How satisfied are you?')}</h2>
          <div className="ra-choices" role="group" aria-label={t('满意度', 'Satisfaction')}>
            {SATISFACTION_CHOICES.map((s) => (
              <button key={s.key} type="button" className="ra-choice" aria-pressed={rating === s.key} onClick={() => setRating(s.key)} data-testid={`ra-rate-${s.key}`}>
                <span aria-hidden="true">{s.icon}</span> {t(s.label)}
              </button>
            ))}
          </div>
          {noteBox(t('想说的话', 'Anything to add'))}
          <button type="button" className="r-btn" disabled={!rating || send.isPending} aria-disabled={!rating} onClick={() => rating && send.mutate({ name: 'close', body: withNote({ satisfaction: rating }) })} data-testid="ra-rate-send">
            {t('提交评价', 'Send rating')}
          </button>
        </>
      )}
      {can('resume') && (
        <button type="button" className="r-btn" onClick={() => send.mutate({ name: 'resume' })} disabled={send.isPending} data-testid="ra-resume">
          {t('我已补充情况，请继续办理', 'I have replied — please continue')}
        </button>
      )}
      {can('reopen') && mode !== 'reopen' && (
        <button type="button" className="r-btn r-secondary" onClick={() => setMode('reopen')} data-testid="ra-reopen">
          {t('问题又出现了，重新反映', 'It came back — reopen')}
        </button>
      )}
      {can('reopen') && mode === 'reopen' && (
        <>
          {noteBox(t('请说明情况', 'What happened'), true)}
          <button type="button" className="r-btn" disabled={!note.trim() || send.isPending} onClick={() => send.mutate({ name: 'reopen', body: { reason: note.trim() } })} data-testid="ra-reopen-send">
            {t('重新打开', 'Reopen')}
          </button>
        </>
      )}
      {can('follow') && (
        <button type="button" className="r-btn r-secondary" onClick={() => send.mutate({ name: 'follow' })} disabled={send.isPending} data-testid="ra-follow">
          {t('我也遇到了，关注（+1）', 'Me too — follow (+1)')}
        </button>
      )}
    </section>
  );
}
