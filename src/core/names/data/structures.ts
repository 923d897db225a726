/**
 * Reviewed structures for §7 rule 2c (election-rules.md): needed only where two characters have the
 * same stroke count and the same classes stroke by stroke. The build (scripts/names/build-stroke-data.ts)
 * fails unless every character of such a tie has exactly one structure here, and no other character has one.
 *
 *   left-right  左右结构, left-middle-right included (⿰ ⿲)
 *   top-bottom  上下结构, top-middle-bottom included (⿱ ⿳)
 *   other       独体, every enclosure (包围, 半包围), 品字 and overlaid forms
 *
 * Sources: CHISE IDS (the first ideographic description character of the character's sequence, as
 * kept in kitty-panics/unicode-cjk-ids at commit 6bc8773c) and hanzi 3.2.0's cjk-decomp (a, d and
 * their repeats; its d/t, d/m, d/o mark a fused stack such as 下 = 一 + 卜, which is 独体, not
 * top-bottom). AGREED lists the characters where the two agree; REVIEWED the rest, each with the
 * decision and what it changes. 13 of them are extension-block characters hanzi lacks (all ⿰ in IDS).
 */
export type Structure = 'left-right' | 'top-bottom' | 'other';

/** CHISE IDS and hanzi agree. */
export const AGREED: Readonly<Record<Structure, string>> = {
  'left-right':
    '扎什仃化仇仉仍仂从计订讥孔邓邗邘打圢功扔叶叮叭叽叱叫叩叨叻仕外冮汁汀议讱加扛扣托' +
    '圪圫巩圾执扩圹场扬吁吃吒帆屺则刚牝佤件仵次讽驯约级纨玖玓坛抟坏抔抠址扯坝折圻' +
    '扳坂抡扮坋均坍坑抗块抉却抒邯杠杜杖杕极杓盯旰旴呋吠呔呐呗吧吼针钉肛肚冷没沟沈沉' +
    '纲纳驳纵纹𫘜坪抨坦担坥坤押抻拐劼拍拆坼拎坽抵坻垃拉拌坡披拗坳矾矽味昒呻呷钓钒侄' +
    '侣侗侁依佽郃泪沮油沺沿泃沼泇询诣姐妲组驵驶织绎驿挂封持垮挎挡垱按垵标相砍砜哑咺哃' +
    '咱钢钠钡洛洺绕骁骆络捞捕埔捍垾捏埕损埙埚捅埇埃挨桐梠晖钾积秧涡涢谁掩埯捶埵堆' +
    '推捻埝培掊控埪啪啫晚帷铝铜铭铬骑绮维骓绿𫘧堪揕塔搭堰揠堤提揭堨搂𪣻晾釉湘渣骗编塘' +
    '搪酪酩暖骡缧播墦壤攘仫伋讦圩扞扦圲圮圯钇钆汐汲汋沅𣲘汩汨妩妧坫拈佰侑绉驺骀绐珈' +
    '玿挞垯枷柖胛胂埒捋趵趿钽钼钿铀诼埤捭掸掇㙍铤铥绯缇𫘨睢雎嶂幛骠缥幡嶓骧坉扽' +
    '汧汫汭枘㭎垞挓哒昤祏祐骃埼掎绹𫘦塝搒幪㠓䌹',
  'top-bottom':
    '亍卫亓公殳六冗旦号只另尔它宄召圭吉吕岁岌岂丢朵杂旨旮各麦贡汞芜芫苇芭芤旱吴员呙余' +
    '佘幸茂茏英𦭜茄苕昊杲易垈凭采籴录柰查显冒胃胄竿竽晕梦梵冕崔景筒筥番㬊芍芄芨芃芑芎' +
    '苜苴莒茼冢笤笳蛩蛰畲畬苊苉呇',
  other:
    '十丁八人入乂匕九刀力乃干于工土士下寸大丈山巾夕久勺凡丸及己已巳弓子孑刃飞井夫无专' +
    '丐犬太歹友尤匹厄曰日贝冈内水牛手毛风丹匀勾凤文尺夬巴未末示石右戊龙凸目且甲申电田' +
    '由史央矢丘乐处必永尼尻有同网肉廷延旬旭衣疗疖这尿屃果隶迢迦囿隺逮逯氮毯兀尢豕尨訇' +
    '訄疸疽麂麀',
};

/** Decided by review where the sources disagree or hanzi has nothing. */
export const REVIEWED: Readonly<Record<string, Structure>> = {
  儿: 'other', // 独体 (hanzi: 丿 + 乚 side by side) (IDS 儿, hanzi left-right)
  几: 'other', // 独体 (hanzi: 丿 + ㇠ side by side) (IDS 几, hanzi left-right)
  么: 'top-bottom', // 丿 over 厶 (IDS); decides 么 before 夕久勺凡丸及 (IDS ⿱丿厶, hanzi other)
  开: 'top-bottom', // 一 over 廾 (IDS); 亓 and 开 before 井 (IDS ⿱一廾, hanzi other)
  天: 'other', // 独体 as dictionaries have it; no effect (天 U+5929 < 夫 either way) (IDS ⿱一大, hanzi other)
  元: 'top-bottom', // 一 over 兀 (IDS; hanzi has a fused 二 over 儿); no effect (元 < 无 either way) (IDS ⿱一兀, hanzi other)
  云: 'top-bottom', // 二 over 厶: 云 before 专 (IDS ⿱二厶, hanzi other)
  午: 'other', // 独体; no effect (午 has the lowest code point of 午牛手) (IDS ⿱𠂉十, hanzi other)
  气: 'other', // 独体 (半包围 in some analyses; neither is left-right or top-bottom): 毛 before 气 (IDS ⿳𠂉一⺄, hanzi other)
  父: 'other', // 独体 (IDS); no effect (从 is left-right, 父 < 爻 by code point) (IDS 父, hanzi top-bottom)
  爻: 'other', // 独体 (IDS), like 父; no effect (IDS 爻, hanzi top-bottom)
  乏: 'top-bottom', // 丿 over 之 (IDS): 乏 before 公 (IDS ⿱丿之, hanzi other)
  欠: 'other', // 独体 (IDS); no effect (欠 < 风 by code point) (IDS 欠, hanzi top-bottom)
  予: 'other', // 独体 (IDS); no effect (邓 is left-right) (IDS 予, hanzi top-bottom)
  击: 'other', // 独体 / 半包围; no effect (邗 邘 are left-right) (IDS ⿱𰀁凵, hanzi other)
  占: 'top-bottom', // ⺊ over 口: 占 before 凸 (IDS ⿱⺊囗, hanzi other)
  兄: 'top-bottom', // 口 over 儿; no effect (叽 叱 are left-right) (IDS ⿱口儿, hanzi other)
  失: 'other', // 独体 (IDS splits off 丿); no effect (失 < 矢 by code point) (IDS ⿰丿夫, hanzi other)
  主: 'top-bottom', // 丶 over 王; no effect (冮 is left-right) (IDS ⿱丶王, hanzi other)
  考: 'top-bottom', // 耂 over 丂 (IDS); no effect (托 圪 圫 are left-right) (IDS ⿱耂丂, hanzi other)
  百: 'top-bottom', // 一 over 白: 百 before 有 (半包围) (IDS ⿱一白, hanzi other)
  早: 'top-bottom', // 日 over 十; no effect (吁 is left-right) (IDS ⿱日十, hanzi other)
  先: 'top-bottom', // ⺧ over 儿; no effect (牝 is left-right) (IDS ⿱⺧儿, hanzi other)
  名: 'top-bottom', // 夕 over 口; no effect (各 < 名 by code point) (IDS ⿱夕口, hanzi other)
  农: 'other', // 独体; no effect (讽 is left-right) (IDS ⿱&CDP-89E2;&CDP-8CC6;, hanzi other)
  𬘓: 'left-right', // ⿰纟川; not in hanzi
  𫭟: 'left-right', // ⿰土区; not in hanzi
  𫭢: 'left-right', // ⿰土仑; not in hanzi
  邑: 'top-bottom', // 口 over 巴 (hanzi); no effect (吧 吼 are left-right) (IDS 邑, hanzi top-bottom)
  良: 'other', // 独体; no effect (𬣡 is left-right) (IDS ⿱丶艮, hanzi other)
  𬣡: 'left-right', // ⿰讠戋; not in hanzi
  者: 'top-bottom', // 耂 over 日; no effect (拍 is left-right) (IDS ⿱耂日, hanzi other)
  具: 'top-bottom', // 目 over 一八: 具 before 昊 by code point, both top-bottom (IDS ⿱目&GT-K00264;, hanzi other)
  命: 'top-bottom', // 亼 over 一 叩 (hanzi); no effect (郃 is left-right) (IDS ⿹令口, hanzi top-bottom)
  垚: 'other', // 品字 (§7 puts it with every other structure); no effect (IDS ⿱土⿰土土, hanzi other)
  品: 'other', // 品字; no effect (哃 is left-right) (IDS ⿱口吅, hanzi other)
  𫭼: 'left-right', // ⿰土劳; not in hanzi
  𬬹: 'left-right', // ⿰钅申; not in hanzi
  𬣙: 'left-right', // ⿰讠于; not in hanzi
  𫮃: 'left-right', // ⿰土单; not in hanzi
  𬴂: 'left-right', // ⿰马非; not in hanzi
  𬙋: 'left-right', // ⿰纟襄; not in hanzi
  冏: 'other', // enclosure (冂 around 㕣), not left-right: 呇 before 冏 (IDS ⿵&GT-36324;口, hanzi left-right)
  𬇙: 'left-right', // ⿰氵贝; not in hanzi
  𬘡: 'left-right', // ⿰纟因; not in hanzi
  赑: 'other', // 品字: 淼 before 赑 by code point (IDS ⿱贝⿰贝贝, hanzi other)
  淼: 'other', // 品字 (IDS ⿱水沝, hanzi other)
  𬳶: 'left-right', // ⿰马冋; not in hanzi
};

/** Every reviewed structure, as characters per structure. */
export const STRUCTURES: Readonly<Record<Structure, string>> = (() => {
  const merged: Record<Structure, string> = { ...AGREED };
  for (const [character, structure] of Object.entries(REVIEWED)) merged[structure] += character;
  return merged;
})();
