import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../shared/api';
import { useI18n, type ZhEn } from '../../../shared/i18n';
import { ErrorBlock, LoadingBlock, Notice, Screen } from '../../resident/ui';
import { runCommand, useAppealDetail, type Appeal, type AppealDetail } from '../appeals-api';
import { categoryIcon, SATISFACTION_CHOICES } from '../appeal-labels';
import { COMMAND_LABELS, commandFields, missingFields } from '../commands';
import { MAX_PHOTOS } from '../photos';
import { PhotoPicker } from '../resident/photo-picker';
import { MediationHint, NotYours, PHONE_COMMANDS } from './task-page';

/** The next rung up, in words (escalating climbs one rung; the server picks the unit on the place's path). */
const NEXT_RUNG: Record<string, ZhEn> = {
  grid: { zh: '小区（网格员）', en: 'the compound (grid worker)' },
  compound: { zh: '社区', en: 'the community' },
  community: { zh: '街道运行中心', en: 'the subdistrict operations centre' },
  subdistrict: { zh: '职能部门', en: 'a functional department' },
};

/** What each step means, said plainly, above its form. */
function explain(command: string, a: Appeal): ZhEn {
  switch (command) {
    case 'accept':
      return { zh: '确认您已收到这件事，会去处理。居民会看到“已受理”。', en: 'Confirm you have it and will deal with it. The resident sees “Accepted”.' };
    case 'start':
      return { zh: '您已经开始处理（比如已经上门了解）。', en: 'You have started on it (for example, you went to see).' };
    case 'handle':
      return { zh: '处理好了：写下做了什么，拍一张处理后的照片。居民会收到通知，再确认是否解决。', en: 'It is dealt with: say what was done and take an after-photo. The resident is told and checks whether it is fixed.' };
    case 'verify':
      return { zh: '您到现场看过了：问题解决了吗？', en: 'You went to look: is it fixed?' };
    case 'return':
      return { zh: '这件事不归您这里管：写明原因，退回给派单的单位重新分派。', en: 'This is not yours: say why, and it goes back to the unit that sent it.' };
    case 'escalate': {
      const up = NEXT_RUNG[a.unit.level] ?? { zh: '上一级', en: 'the next level' };
      return { zh: `自己解决不了：写明原因，上报给${up.zh}。`, en: `You cannot settle it here: say why, and it goes up to ${up.en}.` };
    }
    case 'pause':
      return { zh: '需要等居民补充情况或配合：写明在等什么。等待期间不计时。', en: 'You need the resident to reply or help: say what you are waiting for. The clock stops meanwhile.' };
    case 'resume':
      return { zh: '居民已经回复，继续办理，重新开始计时。', en: 'The resident replied: carry on; the clock runs again.' };
    case 'request_extension':
      return { zh: '需要更多时间：写明延长几个工作日和原因，由上级审批。', en: 'You need more time: say how many working days and why; a supervisor decides.' };
    default:
      return { zh: '请确认。', en: 'Please confirm.' };
  }
}

/**
 * One action on one screen, with exactly the fields it needs (the same table as the console's modal), a big
 * confirm button, and the result said plainly. The version the 楼长 saw goes along: if someone else acted in
 * between, the server answers 409 and the screen says so.
 */
export function TaskActionPage() {
  const { t } = useI18n();
  const { id, command = '' } = useParams();
  const q = useAppealDetail(id);
  const label = COMMAND_LABELS[command] ?? { zh: command, en: command };
  return (
    <Screen title={t(label)} back={`/r/tasks/${id}`} testId="rt-action">
      {q.isPending && <LoadingBlock />}
      {q.isError && (isApiError(q.error, 404) ? <NotYours /> : <ErrorBlock error={q.error} retry={() => q.refetch()} />)}
      {q.data && <ActionForm a={q.data} command={command} />}
    </Screen>
  );
}

function ActionForm({ a, command }: { a: AppealDetail; command: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const fields = commandFields(command, a);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [internalNote, setInternalNote] = useState('');
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [days, setDays] = useState<number | null>(null);
  const [fixed, setFixed] = useState<boolean | null>(null);
  const [satisfaction, setSatisfaction] = useState<string | null>(null);
  const [approved, setApproved] = useState(true);
  const [tried, setTried] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      runCommand(a.id, command, {
        version: a.version,
        ...(fields.reason ? { reason: reason.trim() } : {}),
        ...(fields.note && note.trim() ? { note: note.trim() } : {}),
        ...(fields.photos && photoIds.length ? { photoRefs: photoIds } : {}),
        ...(fields.days ? { days } : {}),
        ...(fields.fixed ? { fixed } : {}),
        ...(fields.satisfaction ? { satisfaction } : {}),
        ...(fields.approved ? { approved } : {}),
        ...(internalNote.trim() ? { internalNote: internalNote.trim() } : {}),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['appeals'] }),
  });

  const label = COMMAND_LABELS[command] ?? { zh: command, en: command };
  if (send.data) return <Done a={send.data} command={command} />;
  if (!a.allowedActions.includes(command) || !PHONE_COMMANDS.has(command) || fields.department) {
    return (
      <Notice icon="ℹ️" title={t('现在不能在手机上做这一步', 'This step is not available here now')} testId="rt-action-unavailable">
        <p>{t('这件事的状态可能已经变了，或这一步要到电脑上的工作台办理。', 'The matter may have moved on, or this step is done in the staff console on a computer.')}</p>
        <Link className="r-btn" to={`/r/tasks/${a.id}`}>
          {t('返回这件事', 'Back to this matter')}
        </Link>
      </Notice>
    );
  }
  const missing = [...missingFields(fields, { reason, note, days, satisfaction }), ...(fields.fixed && fixed === null ? ['fixed'] : [])];
  const fieldError = (key: string) => {
    const server = isApiError(send.error) ? send.error.fieldErrors.find((f) => f.field === `/body/${key}`) : undefined;
    if (server) return server.message;
    return tried && missing.includes(key) ? t('这一项必须填写', 'This is required') : null;
  };
  const submit = () => {
    setTried(true);
    if (missing.length === 0) send.mutate();
  };
  const conflict = isApiError(send.error, 409);

  return (
    <>
      <section className="r-card" aria-label={t('这件事', 'This matter')}>
        <p style={{ margin: 0, fontWeight: 700 }}>
          <span aria-hidden="true">{categoryIcon(a.category.code)} </span>
          {t(a.category.name)} · {a.place.regionName}
        </p>
        <p style={{ margin: '4px 0 0', overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical' }}>{a.description}</p>
      </section>
      <p className="r-lead" style={{ marginTop: 16 }} data-testid="rt-explain">
        {t(explain(command, a))}
      </p>
      {(command === 'handle' || command === 'start') && <MediationHint a={a} />}

      {fields.fixed && (
        <fieldset className="ra-fieldset">
          <legend className="ra-label">{t('核查结果', 'Result')}</legend>
          <div className="ra-choices">
            <button type="button" className="ra-choice" aria-pressed={fixed === true} onClick={() => setFixed(true)} data-testid="rt-fixed-yes">
              <span aria-hidden="true">👍</span> {t('已解决', 'Fixed')}
            </button>
            <button type="button" className="ra-choice" aria-pressed={fixed === false} onClick={() => setFixed(false)} data-testid="rt-fixed-no">
              <span aria-hidden="true">👎</span> {t('没解决，要返工', 'Not fixed: redo it')}
            </button>
          </div>
          {fieldError('fixed') && <p className="ra-error" role="alert">{fieldError('fixed')}</p>}
        </fieldset>
      )}

      {fields.satisfaction && (
        <fieldset className="ra-fieldset">
          <legend className="ra-label">{t('居民满意吗？', 'Is the resident satisfied?')}</legend>
          <div className="ra-choices">
            {SATISFACTION_CHOICES.map((s) => (
              <button key={s.key} type="button" className="ra-choice" aria-pressed={satisfaction === s.key} onClick={() => setSatisfaction(s.key)} data-testid={`rt-rate-${s.key}`}>
                <span aria-hidden="true">{s.icon}</span> {t(s.label)}
              </button>
            ))}
          </div>
          {fieldError('satisfaction') && <p className="ra-error" role="alert">{fieldError('satisfaction')}</p>}
        </fieldset>
      )}

      {fields.approved && (
        <fieldset className="ra-fieldset">
          <legend className="ra-label">{t('是否同意延期', 'Approve the extension?')}</legend>
          <div className="ra-choices">
            <button type="button" className="ra-choice" aria-pressed={approved} onClick={() => setApproved(true)}>
              {t('同意', 'Approve')}
            </button>
            <button type="button" className="ra-choice" aria-pressed={!approved} onClick={() => setApproved(false)}>
              {t('不同意', 'Refuse')}
            </button>
          </div>
        </fieldset>
      )}

      {fields.days && (
        <>
          <label className="ra-label" htmlFor="rt-days">
            {t('延长几个工作日（1–60）', 'How many working days (1–60)')}
          </label>
          <input
            id="rt-days"
            className="ra-input"
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            value={days ?? ''}
            onChange={(e) => setDays(e.target.value === '' ? null : Math.trunc(Number(e.target.value)))}
            aria-invalid={!!fieldError('days')}
            data-testid="rt-days"
          />
          {fieldError('days') && <p className="ra-error" role="alert">{fieldError('days')}</p>}
        </>
      )}

      {fields.reason && (
        <>
          <label className="ra-label" htmlFor="rt-reason">
            {t(fields.reason)}
          </label>
          <textarea id="rt-reason" className="ra-input ra-textarea" rows={4} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!fieldError('reason')} aria-describedby={fieldError('reason') ? 'rt-reason-error' : undefined} data-testid="rt-reason" />
          {fieldError('reason') && (
            <p className="ra-error" id="rt-reason-error" role="alert">
              {fieldError('reason')}
            </p>
          )}
        </>
      )}

      {fields.note && (
        <>
          <label className="ra-label" htmlFor="rt-note">
            {command === 'handle' ? t('做了什么（居民能看到）', 'What was done (the resident sees it)') : t('对居民说的话（可不填）', 'A word to the resident (optional)')}
          </label>
          <textarea id="rt-note" className="ra-input ra-textarea" rows={4} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={!!fieldError('note')} aria-describedby={fieldError('note') ? 'rt-note-error' : undefined} data-testid="rt-note" />
          {fieldError('note') && (
            <p className="ra-error" id="rt-note-error" role="alert">
              {fieldError('note')}
            </p>
          )}
        </>
      )}

      {fields.photos && <PhotoPicker ids={photoIds} onChange={setPhotoIds} title={t(`${t(fields.photos)}（最多 ${MAX_PHOTOS} 张）`, `${t(fields.photos)} (up to ${MAX_PHOTOS})`)} />}

      <label className="ra-label ra-label-small" htmlFor="rt-internal">
        {t('内部备注（只有工作人员能看到，可不填）', 'Internal note (staff only, optional)')}
      </label>
      <textarea id="rt-internal" className="ra-input" rows={2} maxLength={2000} value={internalNote} onChange={(e) => setInternalNote(e.target.value)} data-testid="rt-internal" />

      {tried && missing.length > 0 && (
        <p className="ra-error" role="alert" data-testid="rt-missing">
          {t('还有必填的内容，请看上面标红的地方。', 'Something required is missing: see the items marked above.')}
        </p>
      )}
      {send.isError && conflict && (
        <p className="ra-error" role="alert" data-testid="rt-conflict">
          {t('这件事刚被别人处理过。请返回看看现在的情况。', 'Someone else just acted on this. Go back to see where it stands now.')}
        </p>
      )}
      {send.isError && !conflict && !(isApiError(send.error) && send.error.fieldErrors.length) && <ErrorBlock error={send.error} />}
      <button type="button" className="r-btn" onClick={submit} disabled={send.isPending} aria-disabled={send.isPending} data-testid="rt-confirm">
        {send.isPending ? t('正在提交…', 'Sending…') : t(`确认${label.zh}`, `Confirm: ${label.en}`)}
      </button>
      <Link className="r-btn r-secondary" to={`/r/tasks/${a.id}`}>
        {t('不做了，返回', 'Cancel and go back')}
      </Link>
    </>
  );
}

/** The result, said plainly: what was done and where the matter stands now. */
function Done({ a, command }: { a: Appeal; command: string }) {
  const { t } = useI18n();
  const label = COMMAND_LABELS[command] ?? { zh: command, en: command };
  return (
    <>
      <section className="r-notice" role="status" data-testid="rt-done">
        <div className="r-notice-icon" aria-hidden="true">
          ✅
        </div>
        <h2>{t(`已${label.zh}`, `Done: ${label.en}`)}</h2>
        <p style={{ margin: 0 }}>
          {t('现在：', 'Now: ')}
          <strong data-testid="rt-done-status">{t(a.statusName)}</strong>
        </p>
        {command === 'handle' && <p className="r-muted">{t('居民会收到通知，请他确认是否解决。', 'The resident is told and asked whether it is fixed.')}</p>}
      </section>
      <Link className="r-btn" to={`/r/tasks/${a.id}`} data-testid="rt-back-to-task">
        {t('返回这件事', 'Back to this matter')}
      </Link>
      <Link className="r-btn r-secondary" to="/r/tasks" data-testid="rt-back-to-tasks">
        {t('回到待我处理', 'Back to my tasks')}
      </Link>
    </>
  );
}
