import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { homeFor, login, ME_KEY, safeNext } from '../../shared/auth';
import { formFieldErrors, isApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { AuthLayout } from './auth-layout';

interface Values {
  login: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const expired = params.get('expired') === '1';

  async function submit(v: Values) {
    setBusy(true);
    setError(null);
    try {
      const me = await login(v.login.trim(), v.password);
      qc.clear();
      qc.setQueryData(ME_KEY, me);
      navigate(safeNext(params.get('next')) ?? homeFor(me), { replace: true });
    } catch (e) {
      const fields = formFieldErrors(e);
      if (fields.length) form.setFields(fields as any);
      setError(isApiError(e) ? e.message : t('登录失败，请重试', 'Sign-in failed, please retry'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('登录', 'Sign in')}>
      {expired && !error && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('登录已过期，请重新登录', 'Your session has expired, please sign in again')} />}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} data-testid="login-error" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
        <Form.Item name="login" label={t('账号或手机号', 'Account or mobile number')} rules={[{ required: true, message: t('请输入账号或手机号', 'Enter your account or mobile number') }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('密码', 'Password')} rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {t('登录', 'Sign in')}
        </Button>
      </Form>
      <p style={{ marginTop: 16, textAlign: 'center' }}>
        {t('还没有账号？', 'No account yet?')} <Link to="/register">{t('居民注册', 'Register as a resident')}</Link>
      </p>
    </AuthLayout>
  );
}
