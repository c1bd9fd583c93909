import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { homeFor, login, ME_KEY, safeNext } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { AuthLayout } from './auth-layout';
import { apiFieldErrors, failureMessage, Field, PasswordField, type FieldErrors } from './fields';

/** Sign in with an account name or mobile number; back to `next` (same site only) or the role's home. */
export default function LoginPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [loginName, setLoginName] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const expired = params.get('expired') === '1';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: FieldErrors = {};
    if (!loginName.trim()) missing.login = t('请输入账号或手机号', 'Enter your account or mobile number');
    if (!password) missing.password = t('请输入密码', 'Enter your password');
    setFieldErrors(missing);
    if (Object.keys(missing).length) {
      document.getElementById(missing.login ? 'login' : 'password')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await login(loginName.trim(), password);
      qc.clear();
      qc.setQueryData(ME_KEY, me);
      navigate(safeNext(params.get('next')) ?? homeFor(me), { replace: true });
    } catch (err) {
      setFieldErrors(apiFieldErrors(err));
      setError(failureMessage(err, t('登录失败，请重试', 'Sign-in failed, please retry')));
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('登录', 'Sign in')}>
      {expired && !error && (
        <p className="a-alert a-warn" role="status">
          {t('登录已过期，请重新登录', 'Your session has expired, please sign in again')}
        </p>
      )}
      {error && (
        <p className="a-alert a-error" role="alert" data-testid="login-error">
          {error}
        </p>
      )}
      <form noValidate onSubmit={submit}>
        <Field
          id="login"
          label={t('账号或手机号', 'Account or mobile number')}
          value={loginName}
          onChange={setLoginName}
          error={fieldErrors.login}
          autoComplete="username"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
        />
        <PasswordField id="password" label={t('密码', 'Password')} value={password} onChange={setPassword} error={fieldErrors.password} autoComplete="current-password" />
        <button type="submit" className="a-btn" disabled={busy} aria-busy={busy} data-testid="login-submit">
          {busy ? t('正在登录…', 'Signing in…') : t('登录', 'Sign in')}
        </button>
      </form>
      <p className="a-foot">
        {t('还没有账号？', 'No account yet?')} <Link to="/register">{t('居民注册', 'Register as a resident')}</Link>
      </p>
    </AuthLayout>
  );
}
