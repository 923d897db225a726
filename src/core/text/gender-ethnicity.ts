// Gender and the 56 ethnic groups (民族) with their GB 3304-91 codes, in the standard's order.
// The canonical value of an ethnicity is its official Chinese name (汉族, 回族): it is what
// delegate lists print, e.g. the （回族） annotation beside a name.

export type Gender = 'male' | 'female';

const GENDER_ZH: Readonly<Record<Gender, string>> = { male: '男', female: '女' };

/** 男 / 女 */
export function genderZh(gender: Gender): string {
  return GENDER_ZH[gender];
}

/** 男, 女, 男性, 女性, male, female, m, f (any case); undefined for anything else. */
export function parseGender(input: string): Gender | undefined {
  const s = input.trim().toLowerCase();
  if (s === '男' || s === '男性' || s === 'male' || s === 'm') return 'male';
  if (s === '女' || s === '女性' || s === 'female' || s === 'f') return 'female';
  return undefined;
}

export interface EthnicGroup {
  /** GB 3304-91 two-digit code. */
  code: string;
  /** Official Chinese name, the canonical value. */
  zh: Ethnicity;
  /** The English name used by official English publications (Tibetan, Korean, Manchu). */
  en: string;
  /** The standard's own romanisation (Zang, Chosen, Man). */
  roman: string;
}

const GROUPS = [
  ['01', '汉族', 'Han', 'Han'],
  ['02', '蒙古族', 'Mongolian', 'Mongol'],
  ['03', '回族', 'Hui', 'Hui'],
  ['04', '藏族', 'Tibetan', 'Zang'],
  ['05', '维吾尔族', 'Uygur', 'Uygur'],
  ['06', '苗族', 'Miao', 'Miao'],
  ['07', '彝族', 'Yi', 'Yi'],
  ['08', '壮族', 'Zhuang', 'Zhuang'],
  ['09', '布依族', 'Bouyei', 'Buyei'],
  ['10', '朝鲜族', 'Korean', 'Chosen'],
  ['11', '满族', 'Manchu', 'Man'],
  ['12', '侗族', 'Dong', 'Dong'],
  ['13', '瑶族', 'Yao', 'Yao'],
  ['14', '白族', 'Bai', 'Bai'],
  ['15', '土家族', 'Tujia', 'Tujia'],
  ['16', '哈尼族', 'Hani', 'Hani'],
  ['17', '哈萨克族', 'Kazak', 'Kazak'],
  ['18', '傣族', 'Dai', 'Dai'],
  ['19', '黎族', 'Li', 'Li'],
  ['20', '傈僳族', 'Lisu', 'Lisu'],
  ['21', '佤族', 'Va', 'Va'],
  ['22', '畲族', 'She', 'She'],
  ['23', '高山族', 'Gaoshan', 'Gaoshan'],
  ['24', '拉祜族', 'Lahu', 'Lahu'],
  ['25', '水族', 'Shui', 'Sui'],
  ['26', '东乡族', 'Dongxiang', 'Dongxiang'],
  ['27', '纳西族', 'Naxi', 'Naxi'],
  ['28', '景颇族', 'Jingpo', 'Jingpo'],
  ['29', '柯尔克孜族', 'Kirgiz', 'Kirgiz'],
  ['30', '土族', 'Tu', 'Tu'],
  ['31', '达斡尔族', 'Daur', 'Daur'],
  ['32', '仫佬族', 'Mulam', 'Mulao'],
  ['33', '羌族', 'Qiang', 'Qiang'],
  ['34', '布朗族', 'Blang', 'Blang'],
  ['35', '撒拉族', 'Salar', 'Salar'],
  ['36', '毛南族', 'Maonan', 'Maonan'],
  ['37', '仡佬族', 'Gelao', 'Gelao'],
  ['38', '锡伯族', 'Xibe', 'Xibe'],
  ['39', '阿昌族', 'Achang', 'Achang'],
  ['40', '普米族', 'Pumi', 'Pumi'],
  ['41', '塔吉克族', 'Tajik', 'Tajik'],
  ['42', '怒族', 'Nu', 'Nu'],
  ['43', '乌孜别克族', 'Uzbek', 'Uzbek'],
  ['44', '俄罗斯族', 'Russian', 'Russ'],
  ['45', '鄂温克族', 'Ewenki', 'Ewenki'],
  ['46', '德昂族', "De'ang", 'Deang'],
  ['47', '保安族', 'Bonan', 'Bonan'],
  ['48', '裕固族', 'Yugur', 'Yugur'],
  ['49', '京族', 'Gin', 'Gin'],
  ['50', '塔塔尔族', 'Tatar', 'Tatar'],
  ['51', '独龙族', 'Derung', 'Derung'],
  ['52', '鄂伦春族', 'Oroqen', 'Oroqen'],
  ['53', '赫哲族', 'Hezhen', 'Hezhen'],
  ['54', '门巴族', 'Monba', 'Monba'],
  ['55', '珞巴族', 'Lhoba', 'Lhoba'],
  ['56', '基诺族', 'Jino', 'Jino'],
] as const;

export type Ethnicity = (typeof GROUPS)[number][1];

export const ETHNIC_GROUPS: readonly EthnicGroup[] = GROUPS.map(([code, zh, en, roman]) => ({
  code,
  zh,
  en,
  roman,
}));

/** Other spellings seen in lists and English texts, beyond the en and roman names above. */
const EXTRA_SPELLINGS: Readonly<Record<string, Ethnicity>> = {
  uyghur: '维吾尔族',
  uighur: '维吾尔族',
  mongol: '蒙古族',
  buyi: '布依族',
  chaoxian: '朝鲜族',
  kazakh: '哈萨克族',
  wa: '佤族',
  kyrgyz: '柯尔克孜族',
  mulao: '仫佬族',
  xibo: '锡伯族',
  russ: '俄罗斯族',
  evenki: '鄂温克族',
  baoan: '保安族',
  jing: '京族',
  drung: '独龙族',
};

/** Lower case without spaces, apostrophes or hyphens: "De'ang" and "deang" meet. */
const latinKey = (s: string): string => s.toLowerCase().replace(/[\s'’-]/g, '');

const LOOKUP: ReadonlyMap<string, Ethnicity> = (() => {
  const map = new Map<string, Ethnicity>();
  for (const [code, zh, en, roman] of GROUPS) {
    map.set(code, zh);
    map.set(zh, zh);
    map.set(zh.slice(0, -1), zh); // 汉, 蒙古, 土家 — the name without 族
    map.set(latinKey(en), zh);
    map.set(latinKey(roman), zh);
  }
  for (const [spelling, zh] of Object.entries(EXTRA_SPELLINGS)) map.set(spelling, zh);
  return map;
})();

/**
 * The canonical name for 汉, 汉族, Han, han, the GB 3304 code 01, or another known spelling;
 * undefined when the input names no ethnic group.
 */
export function parseEthnicity(input: string): Ethnicity | undefined {
  const s = input.trim().replace(/\s+/g, ' ');
  return LOOKUP.get(s) ?? LOOKUP.get(latinKey(s));
}

/** The group's record (code, English name) for a canonical name. */
export function ethnicGroup(ethnicity: Ethnicity): EthnicGroup {
  return ETHNIC_GROUPS.find((g) => g.zh === ethnicity)!;
}
