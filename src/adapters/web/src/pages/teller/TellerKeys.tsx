import { useI18n } from '../../i18n/i18n.tsx';

/** The keys of the grid, as the teller's fingers find them: one key per mark, Enter for the next sheet. */
export function TellerKeys() {
  const { t } = useI18n();
  const keys: ReadonlyArray<readonly [readonly string[], string]> = [
    [['1'], t('teller.key.for')],
    [['2'], t('teller.key.against')],
    [['0', t('teller.kbd.space')], t('teller.key.abstain')],
    [['3'], t('teller.key.unreadable')],
    [['←', '→', '↑', '↓'], t('teller.key.move')],
    [[t('teller.kbd.backspace')], t('teller.key.back')],
    [['F'], t('teller.key.fill')],
    [['W'], t('teller.key.writeIn')],
    [['V'], t('teller.key.void')],
    [[t('teller.kbd.enter')], t('teller.key.enter')],
  ];
  return (
    <div className="teller-keys" data-testid="teller-keys">
      {keys.map(([caps, what]) => (
        <span key={what}>
          {caps.map((cap) => (
            <kbd key={cap}>{cap}</kbd>
          ))}{' '}
          {what}
        </span>
      ))}
    </div>
  );
}
