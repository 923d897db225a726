/**
 * The order of the turning strokes (折笔) for the last stroke-shape tie-break of §7 rule 2.
 *
 * Source: GF 2001-2001 《GB13000.1字符集汉字折笔规范》 (教育部、国家语委, 2001-12-19), its table of
 * turning-stroke shapes, as quoted in this order by https://youfanx.com/gonglue/202407/913945.html
 * (all 26) and http://cihai.yiduiyi.net.cn/bishun/ (25, without 卧钩). We could read only the
 * standard's opening pages (https://m.wenke99.com/p-2123254.html), not its table; the two
 * quotations agree on every position they share.
 *
 *   横折 横撇 横钩 横折钩 横折提 横折弯 横折折 横斜钩 横折弯钩 横撇弯钩 横折折撇 横折折折钩 横折折折
 *   竖提 竖折 竖钩 竖弯 竖弯钩 竖折撇 竖折折 竖折折钩 撇点 撇折 斜钩 弯钩 卧钩
 *
 * 竖钩 is listed among them by GF 2001, but for ordering §7 (and GF 3003-1999) count it with 竖
 * (丨), so its place here is never used; it stays for fidelity to the quoted table.
 *
 * cnchar-order does not tell apart 横撇/横钩, 横折弯/横折折, 横撇弯钩/横折折折钩, 竖折撇/竖折折,
 * 斜钩/卧钩 (one letter each, named "A|B"); such a stroke takes the earlier of the two places. It
 * also has no 竖折 (it writes 竖弯) and no 横折弯钩 (it writes 横斜钩), so those places are never
 * reached from its data. This is "as far as the data allows".
 */
export const GF_2001_TURNING_ORDER: readonly string[] = [
  '横折',
  '横撇',
  '横钩',
  '横折钩',
  '横折提',
  '横折弯',
  '横折折',
  '横斜钩',
  '横折弯钩',
  '横撇弯钩',
  '横折折撇',
  '横折折折钩',
  '横折折折',
  '竖提',
  '竖折',
  '竖钩',
  '竖弯',
  '竖弯钩',
  '竖折撇',
  '竖折折',
  '竖折折钩',
  '撇点',
  '撇折',
  '斜钩',
  '弯钩',
  '卧钩',
];
