import { useState } from 'react';
import { Alert, Button, Form, Input, Space } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { CN_MOBILE_PATTERN } from '@shuren/core';
import { api, formFieldErrors, isApiError } from '../../shared/api';
import { login, ME_KEY } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { AuthLayout } from './auth-layout';

interface Values {
  phone: string;
  code: string;
  name: string;
  password: string;
}

/** Resident self-registration: mobile number → code → name and password, then straight into the resident pages. */
export default function RegisterPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [codeSent, setCodeSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mobile = new RegExp(CN_MOBILE_PATTERN);

  function fail(e: unknown) {
    const fields = formFieldErrors(e);
    if (fields.length) form.setFields(fields as any);
    setError(isApiError(e) ? e.message : String(e));
  }

  async function sendCode() {
    setError(null);
    try {
      const { phone } = await form.validateFields(['phone']);
      await api('/auth/register/code', { body: { phone: phone.trim() }, allow401: true });
      setCodeSent(true);
    } catch (e) {
      if (isApiError(e)) fail(e);
    }
  }

  async function submit(v: Values) {
    setBusy(true);
    setError(null);
    try {
      await api('/auth/register', { body: { phone: v.phone.trim(), code: v.code.trim(), name: v.name.trim(), password: v.password }, allow401: true });
      const me = await login(v.phone.trim(), v.password);
      qc.clear();
      qc.setQueryData(ME_KEY, me);
      navigate('/r', { replace: true });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout title={t('居民注册', 'Resident registration')}>
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
        <Form.Item name="phone" label={t('手机号', 'Mobile number')} rules={[{ required: true, message: t('请输入手机号', 'Enter your mobile number') }, { pattern: mobile, message: t('请输入 11 位手机号', 'Enter an 11-digit mobile number') }]}>
          <Input inputMode="tel" autoComplete="tel" maxLength={11} />
        </Form.Item>
        <Form.Item label={t('验证码', 'Verification code')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="code" noStyle rules={[{ required: true, message: t('请输入验证码', 'Enter the code') }, { pattern: /^\d{6}$/, message: t('验证码为 6 位数字', 'The code has 6 digits') }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
            </Form.Item>
            <Button onClick={sendCode}>{codeSent ? t('重新发送', 'Send again') : t('获取验证码', 'Get code')}</Button>
          </Space.Compact>
        </Form.Item>
        {codeSent && <Alert type="success" style={{ marginBottom: 16 }} title={t('验证码已发送，请查看短信', 'Code sent, please check your messages')} />}
        <Form.Item name="name" label={t('姓名', 'Name')} rules={[{ required: true, message: t('请输入姓名', 'Enter your name') }, { max: 100 }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="password" label={t('设置密码', 'Choose a password')} rules={[{ required: true, message: t('请设置密码', 'Choose a password') }, { max: 200 }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('注册并登录', 'Register and sign in')}
        </Button>
      </Form>
      <p style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/login">{t('已有账号，去登录', 'I have an account: sign in')}</Link>
      </p>
    </AuthLayout>
  );
}
