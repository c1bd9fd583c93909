import { useI18n } from './i18n';

/**
 * 中文 / EN toggle; a real button so it works with a keyboard and a screen reader.
 * Its accessible name starts with the visible text ("EN – Switch to English") so voice control users
 * can say what they see (WCAG 2.5.3 label in name).
 */
export function LangSwitch({ style, className }: { style?: React.CSSProperties; className?: string }) {
  const { lang, setLang } = useI18n();
  const visible = lang === 'zh' ? 'EN' : '中文';
  return (
    <button
      type="button"
      data-testid="lang-switch"
      className={className}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      aria-label={lang === 'zh' ? `${visible} – Switch to English` : `${visible} – 切换到中文`}
      style={className ? style : { border: '1px solid #ccc', background: 'transparent', borderRadius: 6, padding: '4px 10px', cursor: 'pointer', fontSize: 'inherit', color: 'inherit', ...style }}
    >
      <span lang={lang === 'zh' ? 'en' : 'zh-CN'}>{visible}</span>
    </button>
  );
}
