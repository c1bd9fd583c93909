import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';
import { login, ME_KEY } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { AuthLayout } from './auth-layout';
import { apiFieldErrors, failureMessage, Field, PasswordField, type FieldErrors } from './fields';
import { looksLikeMobile } from './phone';

const CODE = /^\d{6}$/;
const ORDER = ['phone', 'code', 'name', 'password'] as const;

/** Resident self-registration: mobile number → code → name and password, then straight into the resident pages. */
export default function RegisterPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [values, setValues] = useState({ phone: '', code: '', name: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [codeSent, setCodeSent] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [k]: v }));

  function phoneError(phone: string): string | undefined {
    if (!phone) return t('请输入手机号', 'Enter your mobile number');
    if (!looksLikeMobile(phone)) return t('请输入 11 位手机号', 'Enter an 11-digit mobile number');
    return undefined;
  }

  /** Shows the errors and puts the cursor in the first field that needs attention. */
  function show(errors: FieldErrors) {
    setFieldErrors(errors);
    const first = ORDER.find((k) => errors[k]);
    if (first) document.getElementById(first)?.focus();
  }

  async function sendCode() {
    setError(null);
    const phone = values.phone.trim();
    const bad = phoneError(phone);
    if (bad) return show({ ...fieldErrors, phone: bad });
    setFieldErrors((f) => ({ ...f, phone: undefined }));
    setSending(true);
    try {
      await api('/auth/register/code', { body: { phone }, allow401: true });
      setCodeSent(true);
      document.getElementById('code')?.focus();
    } catch (e) {
      show(apiFieldErrors(e));
      setError(failureMessage(e, t('验证码发送失败，请重试', 'Could not send the code, please retry')));
    } finally {
      setSending(false);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = { phone: values.phone.trim(), code: values.code.trim(), name: values.name.trim(), password: values.password };
    const errors: FieldErrors = { phone: phoneError(v.phone) };
    if (!v.code) errors.code = t('请输入验证码', 'Enter the code');
    else if (!CODE.test(v.code)) errors.code = t('验证码为 6 位数字', 'The code has 6 digits');
    if (!v.name) errors.name = t('请输入姓名', 'Enter your name');
    if (!v.password) errors.password = t('请设置密码', 'Choose a password');
    if (ORDER.some((k) => errors[k])) return show(errors);
    setFieldErrors({});
    setBusy(true);
    setError(null);
    try {
      await api('/auth/register', { body: v, allow401: true });
      const me = await login(v.phone, v.password);
      qc.clear();
      qc.setQueryData(ME_KEY, me);
      navigate('/r', { replace: true });
    } catch (err) {
      show(apiFieldErrors(err));
      setError(failureMessage(err, t('注册失败，请重试', 'Registration failed, please retry')));
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('居民注册', 'Resident registration')}>
      {error && (
        <p className="a-alert a-error" role="alert" data-testid="register-error">
          {error}
        </p>
      )}
      <form noValidate onSubmit={submit}>
        <Field id="phone" label={t('手机号', 'Mobile number')} value={values.phone} onChange={set('phone')} error={fieldErrors.phone} type="tel" inputMode="tel" autoComplete="tel" maxLength={11} />
        <Field
          id="code"
          label={t('短信验证码', 'Verification code')}
          value={values.code}
          onChange={set('code')}
          error={fieldErrors.code}
          hint={codeSent ? undefined : t('先填手机号，再点“获取验证码”', 'Enter your mobile number first, then tap "Get code"')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          after={
            <button type="button" className="a-btn a-secondary" onClick={sendCode} disabled={sending} data-testid="send-code">
              {codeSent ? t('重新发送', 'Send again') : t('获取验证码', 'Get code')}
            </button>
          }
        />
        <div role="status" aria-live="polite">
          {codeSent && (
            <p className="a-alert a-ok" data-testid="code-sent">
              {t('验证码已发送，请查看短信', 'Code sent, please check your messages')}
            </p>
          )}
        </div>
        <Field id="name" label={t('姓名', 'Name')} value={values.name} onChange={set('name')} error={fieldErrors.name} autoComplete="name" maxLength={100} />
        <PasswordField id="password" label={t('设置密码', 'Choose a password')} value={values.password} onChange={set('password')} error={fieldErrors.password} autoComplete="new-password" />
        <button type="submit" className="a-btn" disabled={busy} aria-busy={busy} data-testid="register-submit">
          {busy ? t('正在注册…', 'Registering…') : t('注册并登录', 'Register and sign in')}
        </button>
      </form>
      <p className="a-foot">
        <Link to="/login">{t('已有账号，去登录', 'I have an account: sign in')}</Link>
      </p>
    </AuthLayout>
  );
}
