// Texts of the sealed electronic ballot [B4] (Chinese): the key-share slips shown once at the
// opening of an electronic round, a new key, the scrutineers' opening of the sealed ballots after
// the close, the audit anchor at each close and the credentials reissued during a vote.

export const zhBallotKeys = {
  // ---- 密钥分片（主持人、秘书处：开启电子投票时） ----
  'key.slips.title': '本轮选票密钥分片',
  'key.slips.once': '密钥分片只显示这一次，服务器不保存，请立即打印',
  'key.slips.onceDetail':
    '共{n}片，每位持有人一张，当面交给本人。投票结束后，须至少{threshold}名持有人输入各自的分片才能开启本轮选票并计票。离开或刷新本页后将无法再次查看；若在有人投票之前遗失，可“重新生成密钥”。',
  'key.slips.print': '打印分片（每张一页）',
  'key.slips.done': '已打印并交给监票人',
  'key.slips.doneConfirm': '确认分片已打印并交给持有人？确认后本页不再显示分片。',
  'key.slip.title': '选票密钥分片',
  'key.slip.index': '第{index}片 / 共{count}片',
  'key.slip.qr': '密钥分片二维码',
  'key.slip.note':
    '请本人妥善保管，勿拍照、勿转交他人。投票结束后在监票人页面输入或扫描本分片；须{threshold}片才能开启选票。',
  'key.rekey': '重新生成密钥',
  'key.rekey.confirm': '重新生成本轮密钥？',
  'key.rekey.confirmBody':
    '仅在尚无人投票时可用。原分片立即作废，新的分片将显示一次，须重新打印并交给监票人。',
  // ---- 开启密封选票（监票人：投票结束后） ----
  'key.card.title': '开启密封选票',
  'key.state.none': '未加密',
  'key.state.voting': '投票中，选票已加密',
  'key.state.waiting': '待输入密钥分片',
  'key.state.opened': '选票已开启',
  'key.holders': '分片持有人',
  'key.threshold': '开启所需分片',
  'key.enteredN': '已输入分片',
  'key.sealed': '密封选票',
  'key.holderEntered': '已输入',
  'key.whileVoting': '投票进行中选票保持加密，投票结束后由监票人输入密钥分片开启。',
  'key.needed': '还须输入{n}片（共须{threshold}片）才能开启本轮选票',
  'key.howTo':
    '每行输入一片，可用扫码枪扫描分片上的二维码。分片为{length}位字母和数字，大小写、空格和连字符均可。',
  'key.placeholder': '例如：K7QH-2M9P-…（每行一片）',
  'key.problem.length': '位数不对：{n}位，应为{length}位',
  'key.problem.letters': '含有分片中没有的字符（分片不含 0、O、1、I、L）',
  'key.submit': '输入分片',
  'key.submitN': '输入{n}片',
  'key.entered': '分片已输入',
  'key.opened': '选票已开启（{at}）',
  'key.openedDetail': '密封选票已全部解密，并按与投票顺序无关的顺序保存。现在可以计票。',
  'key.countSealed': '选票仍处于加密状态：计票前须由监票人输入密钥分片',
  // ---- 主持人页面 ----
  'pres.anchor': '结束投票时的审计链锚点：第{seq}条',
  'pres.reissue.pending': '{name}（{code}）投票期间申请补发投票凭证，待监票人确认',
  'pres.reissue.approved': '{name}（{code}）投票期间补发了投票凭证，已由{by}确认',
  'pres.reissue.detail': '{by}于{at}申请，理由：{reason}；申请时进行中的投票：{votes}',
} as const;
