import { useSyncExternalStore } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { serverNow } from './server-clock';

/**
 * Chinese first, English on request. The choice is remembered in localStorage and sent to the API
 * (Accept-Language) so error messages come back in the same language.
 * Messages live next to the code that shows them: `t('人员', 'People')` — no central dictionary to fight over.
 */
export type Lang = 'zh' | 'en';
export interface ZhEn {
  zh: string;
  en: string;
}

const KEY = 'shuren.lang';
const listeners = new Set<() => void>();

function initial(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    /* private mode: fall back to Chinese */
  }
  return 'zh';
}

let current: Lang = initial();
apply(current);

function apply(lang: Lang) {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang) {
  if (lang === current) return;
  current = lang;
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* not remembered, still switched */
  }
  apply(lang);
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Translate a pair. Also accepts a `{ zh, en }` label object (the core registry labels). */
export function translate(lang: Lang, zh: string | ZhEn, en?: string): string {
  if (typeof zh === 'object') return zh[lang];
  return lang === 'zh' ? zh : (en ?? zh);
}

export function useLang(): Lang {
  return useSyncExternalStore(subscribe, getLang, getLang);
}

export function useI18n() {
  const lang = useLang();
  return {
    lang,
    setLang,
    t: (zh: string | ZhEn, en?: string) => translate(lang, zh, en),
  };
}

// Dates are stored in UTC and always shown on the Shanghai calendar, whatever the browser's zone.
const TZ = 'Asia/Shanghai';
const fmtCache = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: Lang, withTime: boolean) {
  const k = `${lang}|${withTime}`;
  let f = fmtCache.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone: TZ,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    });
    fmtCache.set(k, f);
  }
  return f;
}

export function formatDateTime(iso: string | null | undefined, lang: Lang = current): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : fmt(lang, true).format(d);
}

/** A date-only value (YYYY-MM-DD) is already a Shanghai calendar day: show it as is. */
export function formatDay(day: string | null | undefined): string {
  return day ?? '';
}

/** Today on the Shanghai calendar, YYYY-MM-DD (by the server's clock unless told). */
export function shanghaiToday(now: Date = new Date(serverNow())): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
