import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

/** 中文 ⇄ English: the button names the language it switches to. */
export function LangSwitch({ ghost = false }: { readonly ghost?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type={ghost ? 'text' : 'default'}
      size="small"
      icon={<GlobalOutlined />}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      className={ghost ? 'on-dark' : undefined}
      data-testid="lang-switch"
      lang={lang === 'zh' ? 'en' : 'zh-CN'}
      aria-label={t('lang.switchTo')}
    >
      <span className="lang-label">{t('lang.switchTo')}</span>
    </Button>
  );
}
