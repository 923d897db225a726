import type { Ethnicity, Gender } from '../../core/text/gender-ethnicity.ts';
import { makeIdNumber } from '../../core/text/id-number.ts';
import type { SeededRandom } from './seeded-random.ts';

// Fictional people for the demonstration congress: names drawn by surname frequency, one- and
// two-character given names, about three in ten women and one in ten from an ethnic minority,
// with a birth date, a date of joining the Party after the 18th birthday, and a valid ID number.

/** Surnames with their approximate frequency (per 10,000 people, 2020 census order). */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 712],
  ['李', 700],
  ['张', 674],
  ['刘', 510],
  ['陈', 461],
  ['杨', 322],
  ['黄', 245],
  ['赵', 219],
  ['吴', 200],
  ['周', 195],
  ['徐', 145],
  ['孙', 138],
  ['马', 129],
  ['朱', 128],
  ['胡', 116],
  ['郭', 113],
  ['何', 106],
  ['林', 102],
  ['高', 100],
  ['罗', 95],
  ['郑', 87],
  ['梁', 84],
  ['谢', 76],
  ['宋', 69],
  ['唐', 68],
  ['许', 64],
  ['韩', 63],
  ['邓', 62],
  ['冯', 62],
  ['曹', 58],
  ['彭', 57],
  ['曾', 56],
  ['肖', 54],
  ['田', 53],
  ['董', 52],
  ['潘', 50],
  ['袁', 50],
  ['蔡', 47],
  ['蒋', 47],
  ['余', 46],
  ['于', 46],
  ['杜', 44],
  ['叶', 44],
  ['程', 43],
  ['魏', 42],
  ['苏', 42],
  ['吕', 41],
  ['丁', 41],
  ['任', 40],
  ['卢', 38],
  ['姚', 37],
  ['沈', 36],
  ['钟', 35],
  ['姜', 35],
  ['崔', 34],
  ['谭', 33],
  ['陆', 32],
  ['范', 31],
  ['汪', 30],
  ['廖', 30],
  ['石', 29],
  ['金', 28],
  ['韦', 28],
  ['贾', 27],
  ['夏', 26],
  ['付', 26],
  ['方', 25],
  ['邹', 25],
  ['熊', 25],
  ['白', 24],
  ['孟', 24],
  ['秦', 24],
  ['邱', 23],
  ['侯', 23],
  ['江', 23],
  ['尹', 22],
  ['薛', 21],
  ['闫', 21],
  ['段', 20],
  ['雷', 20],
  ['龙', 19],
  ['黎', 19],
  ['史', 19],
  ['陶', 18],
  ['贺', 18],
  ['毛', 17],
  ['郝', 17],
  ['顾', 17],
  ['龚', 16],
  ['邵', 16],
  ['万', 16],
  ['武', 15],
  ['钱', 15],
  ['戴', 14],
  ['严', 14],
  ['孔', 13],
  ['向', 13],
  ['常', 12],
  ['汤', 12],
  ['康', 12],
  ['易', 11],
  ['乔', 11],
  ['文', 11],
  ['施', 10],
  ['洪', 10],
  ['牛', 10],
  ['樊', 10],
  ['葛', 10],
  ['邢', 9],
  ['安', 9],
  ['齐', 9],
  ['欧阳', 5],
  ['司马', 1],
  ['上官', 1],
];

const MALE_SINGLE = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞波宁健峰林亮成东海岩锋毅松博凯洋力彬坤鑫浩宇晨'];
const FEMALE_SINGLE = [...'芳娜敏静丽艳娟霞燕玲婷雪琳颖萍红梅莉洁慧倩琴蕾晶岚妍莹欣悦璐丹薇'];
const MALE_FIRST = [...'志建国海文明永家学德宏立新天金晓春俊振庆长世光大子浩宇成卫红兴'];
const MALE_SECOND = [...'伟强军勇杰涛斌超明刚平辉鹏华飞波宁健峰林亮成东海龙民军锋斌涛宇杰新生祥荣昌胜利忠'];
const FEMALE_FIRST = [...'晓丽秀玉春海雅思佳雨美亚淑桂红慧静梦欣文立晶婉'];
const FEMALE_SECOND = [...'芳娜敏静丽艳娟霞燕玲婷雪琳颖萍红梅莉洁慧倩琴蕾晶岚妍莹欣悦璐丹薇华英兰凤玲'];

/** Minorities as a share of minority delegates, and the names each group's members commonly carry. */
interface MinorityNames {
  readonly ethnicity: Ethnicity;
  readonly weight: number;
  /** Surnames the group commonly carries (Han-style given names follow). */
  readonly surnames: readonly string[];
  /** Names without a separate surname (Mongolian), chosen this often. */
  readonly ownNames?: {
    readonly share: number;
    readonly male: readonly string[];
    readonly female: readonly string[];
  };
  /** Given names of the group's own style (Korean), used instead of the Han ones. */
  readonly given?: { readonly male: readonly string[]; readonly female: readonly string[] };
}

const MINORITIES: readonly MinorityNames[] = [
  {
    ethnicity: '蒙古族',
    weight: 30,
    surnames: ['包', '白', '韩', '吴', '宝', '鲍', '敖', '那'],
    ownNames: {
      share: 0.5,
      male: [
        '巴特尔',
        '额尔敦',
        '朝鲁',
        '孟和',
        '宝音',
        '特木尔',
        '布和',
        '巴雅尔',
        '哈斯',
        '乌力吉',
        '满都拉',
        '莫日根',
      ],
      female: ['苏日娜', '乌兰', '其其格', '萨仁', '图雅', '斯琴', '娜仁', '高娃', '乌云', '塔娜'],
    },
  },
  {
    ethnicity: '回族',
    weight: 25,
    surnames: ['马', '马', '马', '白', '杨', '丁', '沙', '海', '穆', '纳', '哈'],
  },
  { ethnicity: '满族', weight: 25, surnames: ['关', '佟', '那', '赵', '金', '富', '傅', '依', '肇', '王'] },
  {
    ethnicity: '朝鲜族',
    weight: 10,
    surnames: ['金', '朴', '崔', '李', '郑', '姜', '权', '全'],
    given: {
      male: ['永哲', '成浩', '明哲', '光日', '东春', '哲洙', '英男', '正浩'],
      female: ['顺姬', '英爱', '美兰', '春花', '贞淑', '明玉', '惠英'],
    },
  },
  { ethnicity: '锡伯族', weight: 3, surnames: ['关', '吴', '佟', '韩', '何'] },
  { ethnicity: '达斡尔族', weight: 3, surnames: ['敖', '郭', '何', '孟', '鄂'] },
  { ethnicity: '土家族', weight: 2, surnames: ['田', '向', '彭', '覃'] },
  { ethnicity: '壮族', weight: 2, surnames: ['韦', '黄', '覃', '莫'] },
];

export interface PersonTraits {
  /** Earliest and latest birth year (the demo's delegates are born 1960–1992). */
  readonly born: readonly [number, number];
  /** Probability of a woman, unless `gender` is given. */
  readonly women: number;
  readonly gender?: Gender;
  /** Address codes (6 digits) for the ID number: where the person was registered at birth. */
  readonly regions: readonly string[];
}

export interface Person {
  readonly name: string;
  readonly gender: Gender;
  readonly ethnicity: Ethnicity;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  /** YYYY-MM-DD, after the 18th birthday. */
  readonly joinedDate: string;
  /** Valid for the birth date and gender (GB 11643). */
  readonly idNumber: string;
}

/** Minorities are one delegate in ten. */
const MINORITY_SHARE = 0.1;
/** Nobody in the demo joined the Party after this (a full member by the congress). */
const LATEST_JOINING = 2024;

/**
 * Draws people who differ by name and ID number from everyone in `taken` (and adds them to it).
 * With a very large count the name space runs out; a name is then allowed to repeat rather than
 * looping for ever (only benchmarks ask for that many).
 */
export class PersonGenerator {
  private readonly names = new Set<string>();
  private readonly ids = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  /** Reserves a name drawn elsewhere, so no generated person gets it. */
  reserve(name: string): void {
    this.names.add(name);
  }

  person(traits: PersonTraits): Person {
    const random = this.random;
    const gender: Gender = traits.gender ?? (random.chance(traits.women) ? 'female' : 'male');
    const minority = random.chance(MINORITY_SHARE)
      ? random.weighted(MINORITIES.map((group) => [group, group.weight] as const))
      : undefined;
    let name = '';
    for (let attempt = 0; attempt < 60; attempt++) {
      name = minority ? minorityName(random, minority, gender) : hanName(random, gender);
      if (!this.names.has(name)) break;
    }
    this.names.add(name);
    const birth = {
      year: random.int(traits.born[0], traits.born[1]),
      month: random.int(1, 12),
      day: random.int(1, 28),
    };
    const birthDate = isoDate(birth.year, birth.month, birth.day);
    // Joined between the 18th birthday and the age of 35 (or 2024, whichever comes first).
    const firstYear = birth.year + 18;
    const lastYear = Math.max(firstYear + 1, Math.min(birth.year + 35, LATEST_JOINING));
    const joinedYear = random.int(firstYear, lastYear);
    const joinedMonth =
      joinedYear === firstYear ? random.int(Math.min(birth.month + 1, 12), 12) : random.int(1, 12);
    const joinedDay =
      joinedYear === firstYear && joinedMonth === birth.month ? random.int(birth.day, 28) : random.int(1, 28);
    const joinedDate = isoDate(joinedYear, joinedMonth, joinedDay);
    let idNumber = '';
    for (let attempt = 0; attempt < 1000; attempt++) {
      // The sequence code's last digit is odd for a man, even for a woman.
      const sequence = random.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
      idNumber = makeIdNumber(random.pick(traits.regions), birthDate, sequence);
      if (!this.ids.has(idNumber)) break;
    }
    this.ids.add(idNumber);
    return { name, gender, ethnicity: minority?.ethnicity ?? '汉族', birthDate, joinedDate, idNumber };
  }
}

function hanName(random: SeededRandom, gender: Gender): string {
  return random.weighted(SURNAMES) + hanGivenName(random, gender);
}

function hanGivenName(random: SeededRandom, gender: Gender): string {
  // About a third of the given names of this generation have one character.
  if (random.chance(0.32)) return random.pick(gender === 'male' ? MALE_SINGLE : FEMALE_SINGLE);
  return gender === 'male'
    ? random.pick(MALE_FIRST) + random.pick(MALE_SECOND)
    : random.pick(FEMALE_FIRST) + random.pick(FEMALE_SECOND);
}

function minorityName(random: SeededRandom, group: MinorityNames, gender: Gender): string {
  if (group.ownNames && random.chance(group.ownNames.share)) {
    return random.pick(gender === 'male' ? group.ownNames.male : group.ownNames.female);
  }
  const given = group.given
    ? random.pick(gender === 'male' ? group.given.male : group.given.female)
    : hanGivenName(random, gender);
  return random.pick(group.surnames) + given;
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
