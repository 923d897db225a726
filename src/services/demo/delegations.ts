import type { Gender } from '../../core/text/gender-ethnicity.ts';

// The delegations of the demonstration congress (中国共产党示范市第十三次代表大会) and the
// positions their delegates hold. Every place and unit is fictional. A delegation has fixed
// posts (the city's leaders, county heads, discipline officials: the people the elections and
// bodies are built from) and a pool of ordinary posts its other delegates are drawn from.

/** Broad kind of post: sets the age range, the share of women, and who is put forward. */
export type Tier =
  | 'city'
  | 'county'
  | 'department'
  | 'discipline'
  | 'enterprise'
  | 'professional'
  | 'frontline';

/** What the demo builds from a post: offices, bodies and candidacies. */
export type DemoTag =
  | 'secretary'
  | 'mayor'
  | 'deputy-secretary'
  | 'standing'
  | 'discipline-secretary'
  | 'secretary-general'
  | 'npc-chair'
  | 'cppcc-chair'
  | 'committee'
  | 'alternate'
  | 'discipline'
  | 'presidium'
  | 'presidium-standing'
  | 'credentials-chair'
  | 'credentials-deputy'
  | 'credentials';

export interface Post {
  /** May hold {placeholders} filled from the delegation's places (see PLACES). */
  readonly position: string;
  readonly tier: Tier;
  readonly tags?: readonly DemoTag[];
  readonly gender?: Gender;
}

export interface PoolPost {
  readonly position: string;
  readonly tier: Tier;
  readonly weight: number;
  /** Share of women for this post, instead of the tier's. */
  readonly women?: number;
}

export interface DelegationSpec {
  readonly name: string;
  /** Delegates in the 417-delegate demo; other counts scale these. */
  readonly size: number;
  /** ID-number address codes (fictional city 2199xx in a province-21 format). */
  readonly regions: readonly string[];
  readonly posts: readonly Post[];
  readonly pool: readonly PoolPost[];
  /** Place lists that override PLACES for this delegation. */
  readonly places?: Readonly<Record<string, readonly string[]>>;
}

export const TIERS: Readonly<Record<Tier, { born: readonly [number, number]; women: number }>> = {
  city: { born: [1964, 1974], women: 0.15 },
  county: { born: [1967, 1982], women: 0.15 },
  department: { born: [1970, 1988], women: 0.25 },
  discipline: { born: [1966, 1986], women: 0.25 },
  enterprise: { born: [1963, 1982], women: 0.2 },
  professional: { born: [1962, 1990], women: 0.35 },
  frontline: { born: [1960, 1992], women: 0.25 },
};

/** Units and places the {placeholders} of positions are filled from. */
export const PLACES: Readonly<Record<string, readonly string[]>> = {
  village: [
    '前进村',
    '王家堡村',
    '河西村',
    '团结村',
    '光明村',
    '新华村',
    '红星村',
    '胜利村',
    '永安村',
    '丰收村',
    '李家屯村',
    '张家湾村',
    '大庄村',
    '后营村',
    '东沟村',
    '三道岗村',
  ],
  community: [
    '幸福社区',
    '和谐社区',
    '阳光社区',
    '锦绣社区',
    '康乐社区',
    '春晖社区',
    '绿园社区',
    '翠苑社区',
    '丽景社区',
    '华庭社区',
    '安居社区',
    '东苑社区',
  ],
  soe: [
    '示范国有资本投资运营集团有限公司',
    '示范钢铁集团有限公司',
    '示范能源集团有限公司',
    '示范城市建设投资集团有限公司',
    '示范交通发展集团有限公司',
    '示范水务集团有限公司',
    '示范港务集团有限公司',
    '示范农村商业银行股份有限公司',
  ],
  workshop: ['炼铁厂', '炼钢厂', '热电厂', '检修中心', '运营部', '供水厂', '码头作业区', '营业部'],
  tech: [
    '示范智能装备有限公司',
    '示范生物医药股份有限公司',
    '示范半导体科技有限公司',
    '示范软件技术有限公司',
    '示范新材料有限公司',
    '示范光电科技有限公司',
  ],
  school: [
    '示范市第一中学',
    '示范市第二中学',
    '示范市实验中学',
    '示范市实验小学',
    '示范市第三小学',
    '示范职业技术学院',
    '示范市特殊教育学校',
    '示范市第十五中学',
    '示范市育才小学',
    '示范市第八中学',
  ],
  kindergarten: ['示范市机关幼儿园', '示范市第一幼儿园', '示范市实验幼儿园'],
  hospital: [
    '示范市中心医院',
    '示范市人民医院',
    '示范市中医院',
    '示范市妇幼保健院',
    '示范市第二人民医院',
    '示范市传染病医院',
  ],
  department: [
    '市委办公室',
    '市政府办公室',
    '市委组织部',
    '市委宣传部',
    '市发展改革委',
    '市财政局',
    '市商务局',
    '市民政局',
    '市统计局',
    '市信访局',
    '市档案馆',
    '市科技局',
    '市水务局',
    '市文化旅游局',
  ],
  branch: ['河东', '河西', '示范区', '高新区'],
  station: ['东关派出所', '西关派出所', '和平派出所', '科技城派出所', '站前派出所', '长安派出所'],
  lawfirm: ['示范正义律师事务所', '示范明德律师事务所', '示范公信律师事务所'],
  private: [
    '示范现代农业发展有限公司',
    '示范食品集团有限公司',
    '示范物流有限公司',
    '示范建工集团有限公司',
    '示范商贸集团有限公司',
    '示范纺织有限公司',
    '示范电子商务有限公司',
  ],
  social: ['示范市志愿服务联合会', '示范市社会工作协会', '示范市个体劳动者协会'],
  /** Offices of a district or county committee. */
  office: ['办公室主任', '宣传部副部长', '组织部副部长', '政法委副书记', '统战部副部长', '巡察办主任'],
};

const district = (
  name: string,
  committee: string,
  streets: readonly string[],
): Pick<DelegationSpec, 'pool' | 'places'> => ({
  places: { street: streets },
  pool: [
    { position: `${name}{street}街道党工委书记`, tier: 'department', weight: 3 },
    { position: `${name}{street}街道{community}党委书记`, tier: 'frontline', weight: 5, women: 0.45 },
    { position: `${name}{street}街道{community}居委会主任`, tier: 'frontline', weight: 2, women: 0.5 },
    { position: `${name}{street}街道社区卫生服务中心医生`, tier: 'professional', weight: 1 },
    { position: `${name}{school}教师`, tier: 'professional', weight: 2 },
    { position: `{private}党支部书记、总经理`, tier: 'enterprise', weight: 2 },
    { position: `{private}工人`, tier: 'frontline', weight: 2 },
    { position: `${committee}{office}`, tier: 'department', weight: 2 },
  ],
});

const county = (name: string, towns: readonly string[]): Pick<DelegationSpec, 'pool' | 'places'> => ({
  places: { town: towns },
  pool: [
    { position: `${name}{town}党委书记`, tier: 'department', weight: 3 },
    { position: `${name}{town}{village}党支部书记、村委会主任`, tier: 'frontline', weight: 4 },
    { position: `${name}{town}{village}农民`, tier: 'frontline', weight: 3, women: 0.35 },
    { position: `${name}{town}农民专业合作社理事长`, tier: 'frontline', weight: 1 },
    { position: `${name}{town}中心小学教师`, tier: 'professional', weight: 2 },
    { position: `${name}{town}卫生院院长`, tier: 'professional', weight: 1 },
    { position: `${name}{town}{village}乡村医生`, tier: 'professional', weight: 1 },
    { position: `${name}委{office}`, tier: 'department', weight: 2 },
  ],
});

export const DELEGATIONS: readonly DelegationSpec[] = [
  {
    name: '市直机关代表团',
    size: 62,
    regions: ['219902', '219901'],
    posts: [
      {
        position: '市委副书记',
        tier: 'city',
        tags: ['standing', 'deputy-secretary', 'committee', 'presidium', 'presidium-standing'],
      },
      {
        position: '市委常委、市纪委书记、市监委主任',
        tier: 'city',
        tags: [
          'standing',
          'discipline-secretary',
          'committee',
          'discipline',
          'presidium',
          'presidium-standing',
        ],
      },
      {
        position: '市委常委、常务副市长',
        tier: 'city',
        tags: ['standing', 'committee', 'presidium', 'presidium-standing'],
      },
      {
        position: '市委常委、组织部部长',
        tier: 'city',
        tags: ['standing', 'committee', 'presidium', 'presidium-standing', 'credentials-chair'],
      },
      {
        position: '市委常委、宣传部部长',
        tier: 'city',
        gender: 'female',
        tags: ['standing', 'committee', 'presidium', 'presidium-standing'],
      },
      {
        position: '市委常委、政法委书记',
        tier: 'city',
        tags: ['standing', 'committee', 'presidium', 'presidium-standing'],
      },
      {
        position: '市委常委、统战部部长',
        tier: 'city',
        tags: ['standing', 'committee', 'presidium', 'presidium-standing'],
      },
      {
        position: '市委常委、秘书长',
        tier: 'city',
        tags: ['standing', 'secretary-general', 'committee', 'presidium', 'presidium-standing'],
      },
      {
        position: '市人大常委会主任',
        tier: 'city',
        tags: ['npc-chair', 'committee', 'presidium', 'presidium-standing'],
      },
      {
        position: '市政协主席',
        tier: 'city',
        tags: ['cppcc-chair', 'committee', 'presidium', 'presidium-standing'],
      },
      { position: '副市长', tier: 'city', gender: 'female', tags: ['committee', 'presidium'] },
      { position: '副市长', tier: 'city', tags: ['committee', 'presidium'] },
      { position: '市人大常委会副主任', tier: 'city', tags: ['presidium'] },
      { position: '市政协副主席', tier: 'city', gender: 'female', tags: ['presidium'] },
      { position: '市委副秘书长、市委办公室主任', tier: 'county', tags: ['committee'] },
      { position: '市政府秘书长、市政府办公室主任', tier: 'county', tags: ['committee'] },
      { position: '市委组织部常务副部长', tier: 'department', tags: ['alternate', 'credentials-deputy'] },
      {
        position: '市纪委副书记、市监委副主任',
        tier: 'discipline',
        tags: ['discipline', 'credentials-deputy'],
      },
      { position: '市纪委副书记、市监委副主任', tier: 'discipline', gender: 'female', tags: ['discipline'] },
      { position: '市纪委常委、市监委委员', tier: 'discipline', tags: ['discipline'] },
      { position: '市纪委常委、市监委委员', tier: 'discipline', tags: ['discipline'] },
      { position: '市纪委常委、市监委委员', tier: 'discipline', tags: ['discipline'] },
      { position: '市委巡察工作领导小组办公室主任', tier: 'discipline', tags: ['discipline'] },
      { position: '市纪委监委第一监督检查室主任', tier: 'discipline', tags: ['discipline'] },
      { position: '市纪委监委第二监督检查室主任', tier: 'discipline', tags: ['discipline'] },
      { position: '市纪委监委第三监督检查室主任', tier: 'discipline', tags: ['discipline'] },
      { position: '市纪委监委第一审查调查室主任', tier: 'discipline', tags: ['discipline'] },
      { position: '市纪委监委第二审查调查室主任', tier: 'discipline', tags: ['discipline'] },
      { position: '市纪委监委案件审理室主任', tier: 'discipline', tags: ['discipline'] },
      { position: '市委第一巡察组组长', tier: 'discipline', tags: ['discipline'] },
      { position: '市委第二巡察组组长', tier: 'discipline', tags: ['discipline'] },
      { position: '市纪委监委驻市委办公室纪检监察组组长', tier: 'discipline', tags: ['discipline'] },
      { position: '市纪委监委驻市政府办公室纪检监察组组长', tier: 'discipline', tags: ['discipline'] },
      { position: '市纪委监委驻市发展改革委纪检监察组组长', tier: 'discipline', tags: ['discipline'] },
      { position: '市发展改革委主任', tier: 'county', tags: ['committee'] },
      { position: '市财政局局长', tier: 'county', tags: ['committee'] },
      { position: '市工业和信息化局局长', tier: 'county', tags: ['committee'] },
      { position: '市自然资源局局长', tier: 'county', tags: ['committee'] },
      { position: '市审计局局长', tier: 'county', tags: ['committee'] },
      { position: '市总工会常务副主席', tier: 'county', tags: ['committee'] },
      { position: '市妇联主席', tier: 'county', gender: 'female', tags: ['committee'] },
      { position: '团市委书记', tier: 'department', gender: 'female', tags: ['alternate'] },
      { position: '市直机关工委常务副书记', tier: 'department', tags: ['credentials'] },
      { position: '市生态环境局局长', tier: 'county' },
      { position: '市住房城乡建设局局长', tier: 'county' },
      { position: '市交通运输局局长', tier: 'county' },
      { position: '市农业农村局局长', tier: 'county' },
      { position: '市商务局局长', tier: 'county' },
      { position: '市民政局局长', tier: 'county', gender: 'female' },
      { position: '市人力资源社会保障局局长', tier: 'county' },
      { position: '市应急管理局局长', tier: 'county' },
      { position: '市市场监管局局长', tier: 'county' },
      { position: '市委党校常务副校长', tier: 'county' },
    ],
    pool: [
      { position: '{department}副主任', tier: 'department', weight: 3 },
      { position: '{department}机关党委专职副书记', tier: 'department', weight: 2 },
      { position: '{department}综合科科长', tier: 'department', weight: 2, women: 0.5 },
      { position: '{department}四级调研员', tier: 'department', weight: 1 },
    ],
  },
  {
    name: '示范区代表团',
    size: 36,
    regions: ['219903'],
    posts: [
      {
        position: '市委书记',
        tier: 'city',
        gender: 'male',
        tags: ['standing', 'secretary', 'committee', 'presidium', 'presidium-standing'],
      },
      {
        position: '市委常委、示范区党工委书记',
        tier: 'city',
        tags: ['standing', 'committee', 'presidium', 'presidium-standing'],
      },
      { position: '示范区党工委副书记、管委会主任', tier: 'county', tags: ['committee', 'presidium'] },
      { position: '示范区党工委副书记', tier: 'department', tags: ['alternate'] },
      { position: '示范区纪工委书记', tier: 'discipline', tags: ['discipline'] },
      { position: '示范区党工委委员、组织部部长', tier: 'department', gender: 'female' },
    ],
    ...district('示范区', '示范区党工委', ['示范', '未来', '湖畔', '金桥', '创业']),
  },
  {
    name: '高新区代表团',
    size: 26,
    regions: ['219904'],
    posts: [
      {
        position: '市委副书记、市长',
        tier: 'city',
        gender: 'male',
        tags: ['standing', 'mayor', 'deputy-secretary', 'committee', 'presidium', 'presidium-standing'],
      },
      { position: '高新区党工委书记', tier: 'county', tags: ['committee', 'presidium'] },
      { position: '高新区党工委副书记、管委会主任', tier: 'county', tags: ['committee', 'presidium'] },
      { position: '高新区党工委副书记', tier: 'department', tags: ['alternate'] },
      { position: '高新区纪工委书记', tier: 'discipline', tags: ['discipline'] },
    ],
    places: { street: ['科技城', '软件园', '智谷'] },
    pool: [
      { position: '{tech}党委书记、董事长', tier: 'enterprise', weight: 2 },
      { position: '{tech}研发中心主任', tier: 'professional', weight: 2 },
      { position: '{tech}高级工程师', tier: 'professional', weight: 3 },
      { position: '{tech}技术员', tier: 'frontline', weight: 3 },
      { position: '高新区{street}街道党工委书记', tier: 'department', weight: 1 },
      { position: '高新区{street}街道{community}党委书记', tier: 'frontline', weight: 2, women: 0.45 },
    ],
  },
  {
    name: '河东区代表团',
    size: 31,
    regions: ['219905'],
    posts: [
      { position: '河东区委书记', tier: 'county', tags: ['committee', 'presidium', 'presidium-standing'] },
      { position: '河东区委副书记、区长', tier: 'county', tags: ['committee', 'presidium'] },
      { position: '河东区委副书记', tier: 'department', tags: ['alternate'] },
      { position: '河东区纪委书记、区监委主任', tier: 'discipline', tags: ['discipline'] },
      {
        position: '河东区东关街道{community}党委书记',
        tier: 'frontline',
        gender: 'female',
        tags: ['committee'],
      },
    ],
    ...district('河东区', '河东区委', ['东关', '滨河', '新华', '东湖', '朝阳', '站前']),
  },
  {
    name: '河西区代表团',
    size: 31,
    regions: ['219906'],
    posts: [
      { position: '河西区委书记', tier: 'county', tags: ['committee', 'presidium'] },
      { position: '河西区委副书记、区长', tier: 'county', tags: ['committee', 'presidium'] },
      { position: '河西区委副书记', tier: 'department', gender: 'female', tags: ['alternate'] },
      { position: '河西区纪委书记、区监委主任', tier: 'discipline', tags: ['discipline'] },
      { position: '河西区委常委、组织部部长', tier: 'department', tags: ['credentials'] },
      {
        position: '河西区和平街道{community}党委书记',
        tier: 'frontline',
        gender: 'female',
        tags: ['credentials'],
      },
    ],
    ...district('河西区', '河西区委', ['西关', '和平', '长安', '建设', '育才', '文化']),
  },
  {
    name: '北山县代表团',
    size: 31,
    regions: ['219921'],
    posts: [
      { position: '北山县委书记', tier: 'county', tags: ['committee', 'presidium', 'presidium-standing'] },
      { position: '北山县委副书记、县长', tier: 'county', tags: ['committee', 'presidium'] },
      { position: '北山县委副书记', tier: 'department', tags: ['alternate'] },
      { position: '北山县纪委书记、县监委主任', tier: 'discipline', tags: ['discipline'] },
      { position: '北山县委常委、组织部部长', tier: 'department', tags: ['credentials'] },
      {
        position: '北山县东风镇{village}党支部书记、村委会主任',
        tier: 'frontline',
        tags: ['committee', 'presidium'],
      },
    ],
    ...county('北山县', ['东风镇', '青山镇', '柳河镇', '石桥镇', '杏林乡', '白塔镇', '红旗镇', '双河镇']),
  },
  {
    name: '南湖县代表团',
    size: 30,
    regions: ['219922'],
    posts: [
      { position: '南湖县委书记', tier: 'county', tags: ['committee', 'presidium'] },
      {
        position: '南湖县委副书记、县长',
        tier: 'county',
        gender: 'female',
        tags: ['committee', 'presidium'],
      },
      { position: '南湖县委副书记', tier: 'department', tags: ['alternate'] },
      { position: '南湖县纪委书记、县监委主任', tier: 'discipline', tags: ['discipline'] },
      { position: '南湖县委常委、组织部部长', tier: 'department', tags: ['credentials'] },
    ],
    ...county('南湖县', ['湖滨镇', '莲花镇', '新港镇', '桃源镇', '南坪镇', '荷塘乡', '水口镇']),
  },
  {
    name: '清河县代表团',
    size: 28,
    regions: ['219923'],
    posts: [
      { position: '清河县委书记', tier: 'county', tags: ['committee', 'presidium'] },
      { position: '清河县委副书记、县长', tier: 'county', tags: ['committee', 'presidium'] },
      { position: '清河县委副书记', tier: 'department', gender: 'female', tags: ['alternate'] },
      { position: '清河县纪委书记、县监委主任', tier: 'discipline', tags: ['discipline'] },
    ],
    ...county('清河县', ['清泉镇', '平安镇', '永丰镇', '长岭镇', '太平乡', '兴隆镇', '古城镇', '三合镇']),
  },
  {
    name: '国有企业代表团',
    size: 35,
    regions: ['219902', '219903', '219905'],
    posts: [
      { position: '市国资委党委书记、主任', tier: 'county', tags: ['committee', 'presidium'] },
      { position: '市国资委党委副书记', tier: 'department', tags: ['credentials'] },
      {
        position: '示范国有资本投资运营集团有限公司党委书记、董事长',
        tier: 'enterprise',
        tags: ['committee', 'presidium'],
      },
      { position: '示范钢铁集团有限公司党委书记、董事长', tier: 'enterprise', tags: ['committee'] },
      { position: '示范国有资本投资运营集团有限公司纪委书记', tier: 'discipline', tags: ['discipline'] },
      {
        position: '示范钢铁集团有限公司炼钢厂轧钢车间主任',
        tier: 'frontline',
        gender: 'male',
        tags: ['presidium'],
      },
    ],
    pool: [
      { position: '{soe}党委副书记、总经理', tier: 'enterprise', weight: 2 },
      { position: '{soe}党委副书记', tier: 'enterprise', weight: 1 },
      { position: '{soe}{workshop}党支部书记', tier: 'enterprise', weight: 2 },
      { position: '{soe}{workshop}工人', tier: 'frontline', weight: 4 },
      { position: '{soe}{workshop}班组长', tier: 'frontline', weight: 2 },
      { position: '{soe}高级工程师', tier: 'professional', weight: 2 },
    ],
  },
  {
    name: '教育系统代表团',
    size: 30,
    regions: ['219902', '219905', '219906'],
    posts: [
      { position: '市委教育工委书记、市教育局局长', tier: 'county', tags: ['committee', 'presidium'] },
      { position: '示范学院党委书记', tier: 'county', tags: ['committee', 'presidium'] },
      { position: '市纪委监委驻市教育局纪检监察组组长', tier: 'discipline', tags: ['discipline'] },
    ],
    pool: [
      { position: '{school}党委书记、校长', tier: 'professional', weight: 3 },
      { position: '{school}校长', tier: 'professional', weight: 2 },
      { position: '{school}教师', tier: 'professional', weight: 5, women: 0.55 },
      { position: '{school}班主任', tier: 'professional', weight: 2, women: 0.55 },
      { position: '{kindergarten}园长', tier: 'professional', weight: 1, women: 0.95 },
      { position: '示范学院教授', tier: 'professional', weight: 1 },
    ],
  },
  {
    name: '卫生健康系统代表团',
    size: 28,
    regions: ['219902', '219906'],
    posts: [
      { position: '市卫生健康委党组书记、主任', tier: 'county', tags: ['committee', 'presidium'] },
      { position: '市中心医院党委书记', tier: 'county', tags: ['committee', 'presidium'] },
      { position: '市纪委监委驻市卫生健康委纪检监察组组长', tier: 'discipline', tags: ['discipline'] },
      { position: '市疾病预防控制中心主任', tier: 'professional' },
      {
        position: '市卫生健康委党组成员、副主任',
        tier: 'department',
        gender: 'female',
        tags: ['credentials'],
      },
    ],
    pool: [
      { position: '{hospital}院长', tier: 'professional', weight: 2 },
      { position: '{hospital}主任医师', tier: 'professional', weight: 4 },
      { position: '{hospital}护士长', tier: 'professional', weight: 3, women: 0.9 },
      { position: '{hospital}党委书记', tier: 'county', weight: 1 },
      { position: '{hospital}医生', tier: 'professional', weight: 3 },
    ],
  },
  {
    name: '公安政法系统代表团',
    size: 28,
    regions: ['219902', '219905', '219906'],
    posts: [
      { position: '副市长、市公安局局长', tier: 'city', gender: 'male', tags: ['committee', 'presidium'] },
      { position: '市中级人民法院院长', tier: 'county', tags: ['committee', 'presidium'] },
      { position: '市人民检察院检察长', tier: 'county', tags: ['committee', 'presidium'] },
      { position: '市司法局局长', tier: 'county' },
      { position: '市公安局政治部主任', tier: 'department', tags: ['credentials'] },
    ],
    pool: [
      { position: '市公安局{branch}分局局长', tier: 'county', weight: 1 },
      { position: '市公安局{branch}分局{station}所长', tier: 'department', weight: 3 },
      { position: '市公安局{branch}分局{station}民警', tier: 'frontline', weight: 4, women: 0.25 },
      { position: '市中级人民法院审判员', tier: 'professional', weight: 2 },
      { position: '市人民检察院检察官', tier: 'professional', weight: 2 },
      { position: '{lawfirm}主任', tier: 'professional', weight: 1 },
    ],
  },
  {
    name: '非公经济和社会组织代表团',
    size: 21,
    regions: ['219902', '219903', '219904'],
    posts: [
      { position: '市委两新工委书记', tier: 'county' },
      {
        position: '示范新能源科技股份有限公司党委书记、董事长',
        tier: 'enterprise',
        tags: ['committee', 'presidium'],
      },
    ],
    pool: [
      { position: '{private}党委书记、董事长', tier: 'enterprise', weight: 2 },
      { position: '{private}党支部书记', tier: 'enterprise', weight: 2 },
      { position: '{private}员工', tier: 'frontline', weight: 3 },
      { position: '{lawfirm}党支部书记、主任', tier: 'professional', weight: 1 },
      { position: '{social}党支部书记', tier: 'frontline', weight: 1 },
      { position: '示范市邮政分公司快递员', tier: 'frontline', weight: 1 },
    ],
  },
];
