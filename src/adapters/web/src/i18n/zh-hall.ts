// Texts of the hall on congress day (Chinese): the big screen's control, the presiding officer's
// script (主持词), the confirmations of steps that cannot be undone, the logins of the officers
// and the signatures under a count. Keys are prefixed by page.

export const zhHall = {
  // ---- 大屏幕控制 ----
  'scr.ctl.title': '大屏幕',
  'scr.ctl.now': '正在显示：',
  'scr.ctl.follow': '自动跟随',
  'scr.ctl.followHint': '依次显示宣布的选举结果和正在进行的会议的出席情况',
  'scr.ctl.result': '选举结果',
  'scr.ctl.attendance': '出席情况',
  'scr.ctl.slide': '文字',
  'scr.ctl.blank': '黑屏',
  'scr.ctl.pickResult': '选择已宣布的结果',
  'scr.ctl.pickSitting': '会议（默认为正在进行的会议）',
  'scr.ctl.slideTitle': '标题',
  'scr.ctl.slideLines': '正文（每行一段，至多8行）',
  'scr.ctl.show': '上屏',
  'scr.ctl.shown': '大屏幕已切换',
  'scr.ctl.open': '打开大屏幕',
  'scr.ctl.noResults': '尚无已宣布的结果',
  'scr.ctl.setBy': '{at}由{name}设置',
  'scr.show.result': '选举结果：{title}',
  'scr.show.voting': '投票进度：{title}',
  'scr.show.attendance': '出席情况：{title}',
  'scr.show.slide': '文字：{title}',
  'scr.show.blank': '黑屏',
  'scr.show.closed': '大会已闭幕',
  'scr.show.welcome': '欢迎画面',
  'screen.closedTitle': '胜利闭幕',
  'screen.welcome': '欢迎各位代表',

  // ---- 主持词 ----
  'script.title': '主持词',
  'script.step': '第{n}步',
  'script.prev': '上一段',
  'script.next': '下一段',
  'script.copy': '复制',
  'script.copied': '已复制',
  'script.empty': '当前没有需要宣读的主持词',
  'script.hint': '按会议进行的顺序宣读，数字和名单随现场情况实时更新',
  'script.step.attendance': '报告出席情况',
  'script.step.method': '表决选举办法',
  'script.step.scrutineers': '通过监票人名单',
  'script.step.open': '宣布投票开始',
  'script.step.close': '宣布投票结束',
  'script.step.counting': '计票',
  'script.step.result': '宣布选举结果',

  // ---- 不可撤销步骤的确认 ----
  'confirm.openRound': '确定开始本轮{kind}？',
  'confirm.openRoundBody':
    '{title}，应选{seats}名，候选人{n}名。投票开始后，选票即行发出，不能撤销；请确认出席人数已符合法定人数、选举办法和监票人名单已经通过。',
  'confirm.openRoundOk': '开始投票',
  'confirm.closeSitting': '确定结束“{title}”？',
  'confirm.closeSittingBody': '会议结束后不能重新开始。',
  'confirm.closeSittingLast': '这是大会的最后一次会议。结束后，大会随即闭幕，不能再召开会议或进行选举。',
  'confirm.closeSittingOk': '结束会议',
  'confirm.closeCongress': '确定宣布大会闭幕？',
  'confirm.closeCongressBody': '闭幕后不能再召开会议、进行表决或选举。',
  'confirm.closeCongressOk': '大会闭幕',
  'confirm.announceBody': '结果宣布后即在大屏幕和公开页面显示，不能撤销。',

  'sit.proposal.scrutineers': '总监票人、副总监票人和监票人名单（通过前不能开始投票）',
  // ---- 监票人、计票人的登录账号；签字 ----
  'el.officers.logins': '登录账号',
  'el.officers.loginsHint':
    '监票人用关联的账号签字确认计票结果，计票人用关联的账号录入选票 [P2]；未关联账号的监票人不能签字',
  'el.officers.scrutineer': '监票人',
  'el.officers.teller': '计票人',
  'el.officers.noLogin': '未关联账号',
  'el.officers.noLinkedScrutineer': '尚无监票人关联登录账号：计票结果将无法签字确认 [P2]',
  'scr.signedBy': '已由{names}签字确认',
  'scr.notYours': '您的账号未关联本次选举的监票人，不能签字确认；请与大会秘书处联系 [P2]',
  'pres.signedBy': '计票结果已由{names}签字确认',
  'scr.keysHelp': '按选票顺序，用与计票人相同的键填写：1 赞成 ○，2 不赞成 ×，0（或空格）弃权，3 无法辨认',
  'ballot.overvote':
    '本票赞成{marked}人（含另选他人），多于应选的{seats}名：按规定为无效票，所画标记均不计入 [B3]',
  'teller.committedInvalid': '第{n}张已提交：赞成人数多于应选名额，为无效票 [B3]',
} as const;
