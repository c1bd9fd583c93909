import { useI18n } from './i18n';

/** 中文 / EN toggle; a real button so it works with a keyboard and a screen reader. */
export function LangSwitch({ style }: { style?: React.CSSProperties }) {
  const { lang, setLang } = useI18n();
  return (
    <button
      type="button"
      data-testid="lang-switch"
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      aria-label={lang === 'zh' ? 'Switch to English' : '切换到中文'}
      style={{ border: '1px solid #ccc', background: 'transparent', borderRadius: 6, padding: '4px 10px', cursor: 'pointer', fontSize: 'inherit', color: 'inherit', ...style }}
    >
      {lang === 'zh' ? 'EN' : '中文'}
    </button>
  );
}
