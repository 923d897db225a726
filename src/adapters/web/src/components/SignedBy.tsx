import type { Signature } from '../../../../contract/elections.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { signatureText } from '../lib/officers.ts';

const ROLE_KEY = {
  'chief-scrutineer': 'el.officers.chief',
  'deputy-chief-scrutineer': 'el.officers.deputy',
  scrutineer: 'el.officers.scrutineer',
  teller: 'el.officers.teller',
} as const;

/** [P2] Who signed off the count, by their office and name: 已由总监票人王宁签字确认. */
export function SignedBy({
  signatures,
  message,
}: {
  readonly signatures: readonly Signature[] | undefined;
  readonly message: 'scr.signedBy' | 'pres.signedBy';
}) {
  const { t, lang } = useI18n();
  if (!signatures || signatures.length === 0) return null;
  const names = signatureText(
    signatures,
    (role) => (lang === 'zh' ? t(ROLE_KEY[role]) : `${t(ROLE_KEY[role]).toLowerCase()} `),
    lang === 'zh' ? '、' : ', ',
  );
  return (
    <div className="signed-by" data-testid="signed-by">
      {t(message, { names })}
    </div>
  );
}
