import type { zhBallotKeys } from './zh-ballot-keys.ts';

// Texts of the sealed electronic ballot [B4] (English); see zh-ballot-keys.ts.

export const enBallotKeys: Readonly<Record<keyof typeof zhBallotKeys, string>> = {
  'key.slips.title': "Shares of this round's ballot key",
  'key.slips.once': 'The key shares are shown this once and never stored: print them now',
  'key.slips.onceDetail':
    '{n} {n|share|shares}, one slip per holder, handed to each in person. After the close, at least {threshold} {threshold|holder|holders} must enter their shares to open and count the ballots. Once you leave or reload this page they cannot be shown again; if they are lost before anyone votes, use "New key".',
  'key.slips.print': 'Print the slips (one per page)',
  'key.slips.done': 'Printed and handed to the scrutineers',
  'key.slips.doneConfirm': 'Are the slips printed and handed to their holders? They will no longer be shown.',
  'key.slip.title': 'Ballot key share',
  'key.slip.index': 'Share {index} of {count}',
  'key.slip.qr': 'QR code of the key share',
  'key.slip.note':
    'Keep it yourself: do not photograph it or hand it on. After the close, type or scan it on the scrutineer page; {threshold} {threshold|share opens|shares open} the ballots.',
  'key.rekey': 'New key',
  'key.rekey.confirm': 'Make a new key for this round?',
  'key.rekey.confirmBody':
    'Only before anyone has voted. The old shares stop working at once; the new ones are shown once, to print and hand to the scrutineers again.',
  'key.card.title': 'Open the sealed ballots',
  'key.state.none': 'Not sealed',
  'key.state.voting': 'Voting: ballots sealed',
  'key.state.waiting': 'Waiting for key shares',
  'key.state.opened': 'Ballots opened',
  'key.holders': 'Share holders',
  'key.threshold': 'Shares needed',
  'key.enteredN': 'Shares entered',
  'key.sealed': 'Sealed ballots',
  'key.holderEntered': 'entered',
  'key.whileVoting':
    'The ballots stay sealed while voting is open; after the close the scrutineers enter their key shares to open them.',
  'key.needed': '{n} more {n|share opens|shares open} the ballots ({threshold} needed)',
  'key.howTo':
    'One share per line, or scan the QR code on the slip. A share has {length} {length|letter or digit|letters and digits}; any case, spaces and dashes are fine.',
  'key.placeholder': 'e.g. K7QH-2M9P-… (one share per line)',
  'key.problem.length': 'wrong length: {n} {n|character|characters}, a share has {length}',
  'key.problem.letters': 'has a character no share has (shares have no 0, O, 1, I or L)',
  'key.submit': 'Enter share',
  'key.submitN': 'Enter {n} {n|share|shares}',
  'key.entered': 'Share entered',
  'key.opened': 'Ballots opened ({at})',
  'key.openedDetail':
    'Every sealed ballot is decrypted and stored in an order unrelated to the casting. The round can be counted.',
  'key.countSealed': 'The ballots are still sealed: the scrutineers enter their key shares before the count',
  'pres.anchor': 'Audit anchor at the close: entry {seq}',
  'pres.reissue.pending': 'New voting code asked for {name} ({code}) during a vote: waiting for a scrutineer',
  'pres.reissue.approved': 'New voting code issued to {name} ({code}) during a vote, approved by {by}',
  'pres.reissue.detail': 'Asked by {by} at {at}; reason: {reason}; votes open then: {votes}',
};
