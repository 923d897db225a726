import type { zhHall } from './zh-hall.ts';

// Texts of the hall on congress day (English), key for key as in zh-hall.ts.

export const enHall: Readonly<Record<keyof typeof zhHall, string>> = {
  'scr.ctl.title': 'Big screen',
  'scr.ctl.now': 'Showing: ',
  'scr.ctl.follow': 'Follow',
  'scr.ctl.followHint': 'Each result as it is announced, and the attendance of the sitting under way',
  'scr.ctl.result': 'Result',
  'scr.ctl.attendance': 'Attendance',
  'scr.ctl.slide': 'Text',
  'scr.ctl.blank': 'Blank',
  'scr.ctl.pickResult': 'An announced result',
  'scr.ctl.pickSitting': 'Sitting (default: the one under way)',
  'scr.ctl.slideTitle': 'Title',
  'scr.ctl.slideLines': 'Text (one paragraph a line, at most 8)',
  'scr.ctl.show': 'Show',
  'scr.ctl.shown': 'The big screen has changed',
  'scr.ctl.open': 'Open the big screen',
  'scr.ctl.noResults': 'No result announced yet',
  'scr.ctl.setBy': 'set by {name} at {at}',
  'scr.show.result': 'Result: {title}',
  'scr.show.voting': 'Voting: {title}',
  'scr.show.attendance': 'Attendance: {title}',
  'scr.show.slide': 'Text: {title}',
  'scr.show.blank': 'Blank',
  'scr.show.closed': 'The congress has closed',
  'scr.show.welcome': 'Welcome',
  'screen.closedTitle': 'The congress has closed',
  'screen.welcome': 'Welcome, delegates',

  'script.title': 'Presiding script',
  'script.step': 'Step {n}',
  'script.prev': 'Previous',
  'script.next': 'Next',
  'script.copy': 'Copy',
  'script.copied': 'Copied',
  'script.empty': 'Nothing to read out now',
  'script.hint': 'In the order the sitting runs; figures and names follow the hall live',
  'script.step.attendance': 'Attendance',
  'script.step.method': 'The election method',
  'script.step.scrutineers': 'The scrutineers',
  'script.step.open': 'Voting opens',
  'script.step.close': 'Voting closes',
  'script.step.counting': 'The count',
  'script.step.result': 'The result',

  'confirm.openRound': 'Open this {kind}?',
  'confirm.openRoundBody':
    '{title}: {seats} {seats|seat|seats}, {n} {n|candidate|candidates}. Once voting opens the ballots are issued and it cannot be undone: check that a quorum is present and that the election method and the scrutineers have been adopted.',
  'confirm.openRoundOk': 'Open voting',
  'confirm.closeSitting': 'Close “{title}”?',
  'confirm.closeSittingBody': 'A closed sitting cannot be opened again.',
  'confirm.closeSittingLast':
    'This is the congress’s last sitting. Closing it closes the congress: no sitting or election can follow.',
  'confirm.closeSittingOk': 'Close the sitting',
  'confirm.closeCongress': 'Close the congress?',
  'confirm.closeCongressBody': 'No sitting, vote or election can be held after the close.',
  'confirm.closeCongressOk': 'Close the congress',
  'confirm.announceBody':
    'Once announced the result is on the big screen and the public pages; it cannot be undone.',

  'sit.proposal.scrutineers': 'The scrutineers’ list (no ballot before it is adopted)',
  'el.officers.logins': 'Logins',
  'el.officers.loginsHint':
    'Scrutineers sign off the count with their linked login, tellers key ballots with theirs [P2]; a scrutineer without a login cannot sign',
  'el.officers.scrutineer': 'Scrutineer',
  'el.officers.teller': 'Teller',
  'el.officers.noLogin': 'No login',
  'el.officers.noLinkedScrutineer': 'No scrutineer is linked to a login: the count cannot be signed off [P2]',
  'scr.signedBy': 'Signed off by {names}',
  'scr.notYours':
    'Your login is not linked to a scrutineer of this election, so you cannot sign off; ask the secretariat [P2]',
  'pres.signedBy': 'Count signed off by {names}',
  'scr.keysHelp':
    'In ballot order, with the tellers’ keys: 1 for ○, 2 against ×, 0 (or space) abstain, 3 unreadable',
  'ballot.overvote':
    'This ballot marks {marked} {marked|name|names} for (write-ins included), more than the {seats} {seats|seat|seats}: it is invalid and none of its marks count [B3]',
  'teller.committedInvalid': 'Sheet {n} keyed: it marks more names for than the seats and is invalid [B3]',
};
