// The five seeds' meetings recorded as the secretariat would record them (/work/shared/seeds):
// 000 the Dalian congress's closing (11月4日至6日), 001 the Panjin congress's closing as its
// commentary states it, 002 the Tongliao congress's opening, 003 the Dalian standing committee
// meeting of 2 February 2021 (the seed is in English; the Chinese here is ours), 004 the Quzhou
// enlarged plenary 八届二次全体（扩大）会议. Facts a seed does not give (the Quzhou plenary's date
// and members due, the Dalian meeting's numbers) are marked as assumed; names the seeds do not
// give (the deputies and members elected) are illustrative.
import type {
  AgendaRecord,
  ConclusionRecord,
  CongressRecord,
  MeetingRecord,
  NewsOrganisation,
  PersonRecord,
  PlenaryRecord,
  SittingRecord,
  TopicRecord,
} from '../../../../src/core/documents/news/index.ts';
import { CONGRESS as TONGLIAO_CONGRESS, OPENING as TONGLIAO_OPENING } from './fixtures.ts';

const org = (locality: string): NewsOrganisation => ({
  locality,
  committeeShortName: '市委',
  disciplineShortName: '市纪委',
});

const adopted = (subject: string, subjectEn?: string): AgendaRecord => ({
  kind: 'adoption-vote',
  title: subject,
  presenter: null,
  body: null,
  vote: { subject, subjectEn, adopted: true, procedural: false },
});

const sitting = (
  kind: SittingRecord['kind'],
  at: SittingRecord['at'],
  agenda: AgendaRecord[],
): SittingRecord => ({
  kind,
  title: kind === 'opening' ? '开幕大会' : '闭幕大会',
  venue: null,
  at,
  presiding: null,
  chairs: [],
  attendance: null,
  agenda,
});

// ---- 000: the Dalian congress closes -------------------------------------------------------------

export const DALIAN = org('大连市');

export const HU_YUTING_SPEECH =
  '对新一届市委加强自身建设提出六个方面要求，强调要把学习宣传贯彻市党代会精神与学习贯彻即将召开的党的十九届六中全会精神结合起来，在全市掀起学习宣传贯彻热潮';

const DALIAN_FIRST_PLENARY: PlenaryRecord = {
  kind: 'plenary',
  organisation: DALIAN,
  term: 13,
  plenaryNumber: 1,
  date: { year: 2021, month: 11, day: 6 },
  venue: null,
  sittings: [],
  elections: [
    {
      office: 'standing-committee',
      title: '常务委员会委员',
      rounds: [
        {
          elected: [
            { name: '胡玉亭', votes: 60 },
            { name: '李明', votes: 60 },
          ],
        },
      ],
      approvedOrder: ['胡玉亭', '李明'],
    },
    {
      office: 'secretary',
      title: '书记',
      rounds: [{ elected: [{ name: '胡玉亭', votes: 60 }] }],
      approvedOrder: ['胡玉亭'],
    },
    {
      office: 'deputy-secretary',
      title: '副书记',
      rounds: [{ elected: [{ name: '李明', votes: 60 }] }],
      approvedOrder: ['李明'],
    },
  ],
  discipline: { standingMembers: [], secretary: '王刚', deputies: [] },
};

export const DALIAN_CONGRESS: CongressRecord = {
  kind: 'congress',
  organisation: DALIAN,
  number: 13,
  theme: '高举习近平新时代中国特色社会主义思想伟大旗帜、加速推进新时代两先区建设，奋力实现振兴发展新突破',
  venue: null,
  startsOn: { year: 2021, month: 11, day: 4 },
  endsOn: { year: 2021, month: 11, day: 6 },
  sittings: [
    sitting('closing', { year: 2021, month: 11, day: 6, hour: 15, minute: 0 }, [adopted('十二届市委报告')]),
  ],
  elections: [],
  firstPlenary: DALIAN_FIRST_PLENARY,
  // The speaker's capacity is left to the record: the first plenary elected him secretary.
  closingSpeeches: [
    {
      speaker: { name: '胡玉亭' },
      subject: null,
      summary: {
        zh: HU_YUTING_SPEECH,
        en: 'setting out requirements in six respects for the new committee to strengthen itself',
      },
      closing: true,
    },
  ],
};

// ---- 001: the Panjin congress, as its commentary states it ---------------------------------------

export const PANJIN = org('盘锦市');

export const PANJIN_CONGRESS: CongressRecord = {
  kind: 'congress',
  organisation: PANJIN,
  number: 8,
  theme: null,
  venue: null,
  startsOn: null,
  endsOn: null,
  // 昨日 in a commentary published on 30 September 2021.
  sittings: [
    sitting('closing', { year: 2021, month: 9, day: 29 }, [
      adopted('七届市委报告', 'the report of the 7th municipal Party committee'),
      adopted('市纪委工作报告', 'the work report of the municipal commission for discipline inspection'),
    ]),
  ],
  elections: [
    {
      office: 'committee-member',
      title: '中国共产党盘锦市第八届委员会委员',
      rounds: [{ elected: [{ name: '赵敏', votes: 300 }] }],
      approvedOrder: [],
    },
    {
      office: 'discipline-member',
      title: '中国共产党盘锦市第八届纪律检查委员会委员',
      rounds: [{ elected: [{ name: '王刚', votes: 300 }] }],
      approvedOrder: [],
    },
  ],
  firstPlenary: null,
};

// ---- 002: the Tongliao congress opens ------------------------------------------------------------

export const TONGLIAO_THEME =
  '高举中国特色社会主义伟大旗帜，以习近平新时代中国特色社会主义思想为指导，动员全市各级党组织和广大党员干部群众，以强烈的使命担当落实习近平总书记和党中央为内蒙古确定的战略定位和行动纲领，落实自治区党委对东部盟市的发展要求，聚焦绿色转型、聚力高质量发展，为加快建设现代化区域中心城市而奋斗';
export const TONGLIAO_MAIN_TASKS =
  '总结市第五次党代表大会以来的工作，科学确定今后五年的目标任务，选举产生中国共产党通辽市第六届委员会、第六届纪律检查委员会和出席中国共产党内蒙古自治区第十一次代表大会代表，动员全市广大党员和各族干部群众守望相助、团结奋斗，振奋精神、真抓实干，以崭新姿态和昂扬状态在新征程上奋力书写通辽发展新篇章';

export const TONGLIAO_OPENING_CONGRESS: CongressRecord = {
  ...TONGLIAO_CONGRESS,
  theme: TONGLIAO_THEME,
  mainTasks: { zh: TONGLIAO_MAIN_TASKS },
  sittings: [TONGLIAO_OPENING],
  guidanceGroups: [
    {
      members: {
        zh: '自治区党委组织部第四现场指导督导组组长、自治区党委组织部副部长张秦同志，指导督导组成员尹存良同志、铁木尔同志',
      },
      action: null,
    },
    {
      members: {
        zh: '自治区换届第四督查指导组组长、自治区总工会副主席、一级巡视员苏日娜同志，成员郭宝柱同志、梁锐同志',
      },
      action: { zh: '督查指导大会', en: 'supervised and guided the congress' },
    },
  ],
  attendeeGroups: [
    {
      kind: 'non-voting',
      category: {
        zh: '不是中国共产党通辽市第六次代表大会代表的中国共产党通辽市第五届委员会委员、候补委员和纪律检查委员会委员',
      },
    },
    { kind: 'non-voting', category: { zh: '党内部分老同志' } },
    {
      kind: 'non-voting',
      category: { zh: '市直部门单位、驻市中区直单位和国有企业的部分党员负责同志' },
    },
    { kind: 'non-voting', category: { zh: '其他需要列席的同志' } },
    { kind: 'invited', category: { zh: '部分党外人士', en: 'some non-Party personages' } },
  ],
};

// ---- 003: the Dalian standing committee meeting ---------------------------------------------------

export const TAN_ZUOJUN: PersonRecord = { name: '谭作钧', capacity: { zh: '省委常委、市委书记' } };

export const XI_SPEECH_ZH =
  '习近平总书记在省部级主要领导干部学习贯彻党的十九届五中全会精神专题研讨班开班式上的重要讲话精神';
export const XI_SPEECH_EN =
  'the important speech delivered by General Secretary Xi Jinping at the opening ceremony of the seminar for leading cadres at the provincial and ministerial levels to study and implement the spirit of the Fifth Plenary Session of the 19th CPC Central Committee';

/** The seed's three paragraphs (its English), with our Chinese. */
export const DALIAN_CONCLUSIONS: readonly ConclusionRecord[] = [
  {
    verb: 'noted',
    text: {
      zh: '习近平总书记在省部级专题研讨班上的重要讲话，从理论和实践、历史和现实、国内和国际相结合的角度，科学分析了进入新发展阶段的理论依据、历史依据、现实依据，系统阐述了深入贯彻新发展理念的新要求，深刻阐明了加快构建新发展格局的主攻方向，对于确保全面建设社会主义现代化国家开好局、起好步具有重大而深远的指导意义。要深入学习贯彻习近平总书记重要讲话精神，旗帜鲜明讲政治，增强“四个意识”、坚定“四个自信”、做到“两个维护”，不断提高政治判断力、政治领悟力、政治执行力，切实把思想和行动统一到习近平总书记重要讲话精神和党中央重大决策部署上来',
      en: `General Secretary Xi Jinping's important speech at the provincial and ministerial seminars, From the perspective of combining theory with practice, history with reality, domestic and international, This paper scientifically analyzes the theoretical basis, historical basis and realistic basis for entering a new stage of development, systematically expounds the new requirements for thoroughly implementing the new development concept, and profoundly clarifies the main direction of accelerating the construction of a new development pattern, which has great and far-reaching guiding significance for ensuring a good start and a good step in building a socialist modernized country in an all-round way. We should thoroughly study and implement the spirit of General Secretary Xi Jinping's important speech, Speak politics with a clear-cut banner, Strengthen the "four consciousnesses", Strengthen "four self-confidences", achieve "two maintenance", scientifically grasp the changes of the situation, accurately identify the essence of phenomena, clearly distinguish right from wrong, effectively resist risks and challenges, continuously improve political judgment, political comprehension and political execution, and effectively unify thoughts and actions with the spirit of General Secretary Xi Jinping's important speech and the major decision-making arrangements of the CPC Central Committee.`,
    },
  },
  {
    verb: 'stressed',
    text: {
      zh: '要从政治上、全局上、战略上贯彻落实习近平总书记重要讲话精神，坚定发展信心，找准主攻方向，加快推动大连“两先区”高质量发展。要准确把握新发展阶段，完整准确全面贯彻新发展理念，服务和融入新发展格局，聚焦“亚太流动枢纽”城市愿景，加快自贸区建设，提升“四个中心”功能',
      en: `it is necessary to implement the spirit of General Secretary Xi Jinping's important speech from a political, overall and strategic perspective, strengthen confidence in development, identify the main direction of attack, and accelerate the high-quality development of Dalian's "two first districts". It is necessary to accurately grasp the new stage of development, recognize the general trend of development and its own advantages, maintain its concentration, take advantage of the situation, do its best to do Dalian's own affairs well, seize the first opportunity and win the initiative in the new round of urban competition, and unswervingly move towards a higher stage.`,
    },
  },
  {
    verb: 'stressed',
    text: {
      zh: '要坚持和加强党的全面领导，充分发挥党总揽全局、协调各方的领导核心作用，更好地把方向、谋大局、定政策、促改革。要提高领导干部能力水平，改进工作作风，解放思想、开拓创新，为“两先区”高质量发展提供坚强保证',
      en: `it is necessary to uphold and strengthen the overall leadership of the Party, give full play to the leading core role of the Party in taking overall care of the overall situation and coordinating all parties, and better set the direction, seek the overall situation, formulate policies and promote reform. It is necessary to improve the work style, emancipate the mind, blaze new trails, work hard and overcome difficulties, so as to provide a strong guarantee for the high-quality development of the "two leading areas".`,
    },
  },
];

export const DALIAN_STANDING_COMMITTEE: MeetingRecord = {
  kind: 'meeting',
  committee: 'standing-committee',
  organisation: DALIAN,
  term: 12,
  // Assumed: the seed gives no numbers.
  number: 150,
  yearNumber: 3,
  enlarged: false,
  heldAt: { year: 2021, month: 2, day: 2 },
  venue: null,
  presidedBy: { kind: 'person', person: TAN_ZUOJUN },
  attendance: { membersDue: 13, membersPresent: 12, onLeave: 1, alternatesPresent: 0 },
  attendeeGroups: [],
  attendingLeaders: [],
  topics: [
    {
      kind: 'study',
      title: { zh: XI_SPEECH_ZH, en: XI_SPEECH_EN },
      presenter: null,
      onBehalfOf: null,
      conclusions: DALIAN_CONCLUSIONS,
    },
    {
      kind: 'other',
      title: { zh: '研究部署我市贯彻落实工作', en: 'study and deploy the implementation work in our city' },
      presenter: null,
      onBehalfOf: null,
      conclusions: [],
    },
  ],
  conclusions: [],
  speeches: [],
  decisions: [],
};

// ---- 004: the Quzhou enlarged plenary ------------------------------------------------------------

export const QUZHOU = org('衢州市');

export const QUZHOU_DECISION =
  '中共衢州市委关于高举习近平新时代中国特色社会主义思想伟大旗帜在建设四省边际中心城市中争当“两个先行”示范窗口的决定';
export const QUZHOU_DECISION_EN =
  'the Decision of the CPC Quzhou Municipal Committee on Holding High the Great Banner of Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era and Striving to Be a Model Window of the “Two Firsts” in Building a Central City on the Border of Four Provinces';

/** The seed's conclusions, in its order, with English of ours. */
export const QUZHOU_CONCLUSIONS: readonly ConclusionRecord[] = [
  {
    verb: 'noted',
    text: {
      zh: '省第十五次党代会是我省迈入高水平全面建设社会主义现代化、高质量发展建设共同富裕示范区新征程，召开的一次具有全局性、历史性、里程碑意义的重要会议。袁家军书记代表十四届省委所作的报告，高举旗帜、主题鲜明、内涵丰富，全面总结了过去五年全省开启系统性变革、实现历史性跨越的生动实践，科学擘画了未来五年浙江发展的宏伟蓝图，标注了浙江新的历史方位和奋斗坐标，是我省坚决拥护“两个确立”、坚决做到“两个维护”的政治宣言，是新征程上浙江推进中国特色社会主义共同富裕先行和省域现代化先行的行动纲领',
      en: 'the 15th Provincial Party Congress was an important meeting of overall, historic and landmark significance, held as the province entered a new journey of building a modern socialist province at a high level and a demonstration zone for common prosperity through high-quality development. The report delivered by Secretary Yuan Jiajun on behalf of the 14th provincial Party committee is the political declaration of the province’s resolve to uphold the “Two Establishments” and the “Two Safeguards”, and the programme of action for Zhejiang to lead in common prosperity and in modernisation',
    },
  },
  {
    verb: 'stressed',
    text: {
      zh: '要把学习领会省党代会精神的过程作为不断深化新认识、把握新要求、形成新成果的过程，作为不断提高政治判断力、政治领悟力、政治执行力的过程，学深悟透、细照笃行，真正统一思想、统一意志、统一行动，切实增强笃行“两个维护”、推进“两个先行”的思想自觉、政治自觉和行动自觉。特别是要深刻领悟习近平总书记的关心厚爱和殷殷嘱托，在感恩奋进中强化政治忠诚；深刻领悟“八八战略”的真理力量和实践伟力，在忠实践行中续写崭新篇章；深刻领悟“两个先行”的奋斗目标和实践路径，在锚定坐标中扛起使命担当；深刻领悟省委“七个新”的更高要求和殷切期望，在实干争先中展现更大作为；深刻领悟自我革命的政治勇气和坚定决心，在管党治党中锻造衢州铁军',
      en: 'studying the guiding principles of the provincial Party congress must be a process of deepening understanding, grasping new requirements and producing new results, and of raising political judgement, understanding and execution, so that thinking, will and action are truly united',
    },
  },
  {
    verb: 'noted',
    text: {
      zh: '习近平总书记在浙江工作期间，对衢州提出了“打造四省边际中心城市”“成为全省经济向中西部临省拓展的一个桥头堡”等一系列重要嘱托，具有很强的战略性、前瞻性、指导性和针对性。省第十五次党代会站在省域统筹的高度，明确提出“支持衢州创新省际合作建设四省边际中心城市”，既是对衢州发展的充分肯定，也为衢州标注了在“两个先行”新征程中的战略方向和目标定位，进一步振奋了精神、鼓舞了士气、凝聚了合力。市第八次党代会描绘了衢州未来五年的发展蓝图，明确了“四省边际中心城市”战略定位，发出了高质量发展建设四省边际共同富裕示范区的动员令。我们要始终牢记习近平总书记的殷殷嘱托，坚定不移沿着总书记指引的路子走下去，对标对表省委的部署要求，加快建设四省边际中心城市，一步一个脚印把美好蓝图变为现实',
      en: 'while working in Zhejiang, General Secretary Xi Jinping entrusted Quzhou with building a central city on the border of four provinces; the 15th Provincial Party Congress expressly supports Quzhou in building it through innovative inter-provincial cooperation, and the 8th Municipal Party Congress has drawn the blueprint of the next five years',
    },
  },
  {
    verb: 'stressed',
    text: {
      zh: '在新时代新征程上，我们要坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平总书记对衢州工作的重要指示精神，全面落实党中央和省委的决策部署，深刻认识“两个确立”决定性意义，忠实践行“八八战略”、坚决做到“两个维护”，坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，服务和融入新发展格局，突出做强自己、服务周边、创新合作、彰显示范，建设四省边际中心城市，争当“两个先行”示范窗口，探索具有普遍意义的山区和省际地区共同富裕和现代化新路径。要聚焦“工业强市”主引擎，在壮大经济实力上展现新作为新气象；聚焦“新型城镇化”主路径，在完善公共服务上展现新作为新气象；聚焦“创新制胜”主方向，在增强创新能力上展现新作为新气象；聚焦“数字化改革”主牵引，在加快变革重塑上展现新作为新气象；聚焦“大花园建设”主场景，在推动绿色发展上展现新作为新气象；聚焦“七张问题清单”主抓手，在强化党建统领上展现新作为新气象。要锚定建设四省边际中心城市战略定位，全力打造四省边际现代产业、人才科创、数字变革、开放开发、交通物流、全域旅游、文化文明、公共服务、社会治理、绿色生态等十个“桥头堡”，全面提升城市服务力、综合竞争力、辐射带动力和区域协同力，奋力走出一条具有衢州特色、普遍意义的共同富裕和现代化之路。要大力培育弘扬“崇贤有礼、开放自信、创新争先”的新时代衢州人文精神，牢牢把握逻辑起点，深刻理解丰富内涵，奋力推进生动实践，汇聚起全市上下共同奋斗的磅礴力量',
      en: 'on the new journey of the new era the city must take Xi Jinping Thought as its guide, build the central city on the border of four provinces, strive to be a model window of the “Two Firsts”, and build ten “bridgeheads” of the border region',
    },
  },
  {
    verb: 'affirmed',
    text: {
      zh: '今年以来市委常委会的工作',
      en: 'the work of the standing committee since the beginning of the year',
    },
  },
  {
    verb: 'held',
    text: {
      zh: '今年以来，面对百年变局和世纪疫情的叠加冲击，市委常委会团结带领全市上下坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平总书记对浙江特别是衢州工作的重要指示精神，全面落实省第十五次党代会、市第八次党代会的决策部署，按照“疫情要防住、经济要稳住、发展要安全”的要求，高效统筹疫情防控和经济社会发展，统筹发展和安全，推动各项工作取得了新进展新成效。特别是重点抓了召开市第八次党代会、谋深做实高质量发展建设共同富裕示范区、打好打赢疫情防控遭遇战阻击战歼灭战、全面实施工业强市十大专项行动、部署开展城市发展十大专项行动、扎实开展“六治六提”作风建设行动等6件大事。同时，围绕省第十五次党代会和市第八次党代会确定的各项目标任务，认真贯彻落实习近平总书记重要指示批示精神，坚决做到“总书记有号令、党中央有部署、省委有要求，衢州率先见行动见实效”；打好经济稳进提质组合拳，全力推动经济企稳回升向好；推进重大改革攻坚突破，加快形成体制机制新优势；扩大全方位对内对外开放，着力塑造区域发展新格局；全面实施乡村振兴战略，充分激发农业农村发展活力；落实绿色低碳发展要求，全力打造诗画浙江大花园最美核心区；广泛凝聚弘扬精神力量，加快打造文化文明双高地；推动公共服务优质共享，不断提升人民群众生活品质；一体推进平安衢州法治衢州建设，切实维护社会平安稳定；加强党的全面领导，不断推动全面从严治党向纵深发展。这些成绩的取得，是以习近平同志为核心的党中央坚强领导的结果，是习近平新时代中国特色社会主义思想科学指引的结果，是全市党员干部和广大群众攻坚克难、团结奋斗的结果',
      en: 'since the beginning of the year, facing the combined shocks of changes unseen in a century and the pandemic, the standing committee has led the whole city in coordinating epidemic control with economic and social development, and has carried out six major undertakings, the 8th Municipal Party Congress among them',
    },
  },
  {
    verb: 'stressed',
    text: {
      zh: '一分部署，九分落实。全市上下要始终保持“总书记有号令、党中央有部署、省委有要求，衢州率先见行动见实效”的高站位，提高政治“三力”，胸怀“国之大者”，坚持与时俱进，不断推动伟大思想在衢州的生动实践；始终保持“心中常常牵挂、时时放心不下”的责任感，知责明责、担责尽责，确保各项工作一抓到底、见到实效；始终保持“不进则退、小进慢进也是退”的进取心，坚持“保五争三拼第一”的高要求，提高衢州在“四省九市”的首位度，增强衢州工作的辨识度，加快追赶跨越步伐；始终保持“勇闯无人区、敢为天下先”的大气魄，把改革作为破解难题的第一选择，把创新作为推动发展的第一动力，敢想敢干、敢闯敢试，加快形成制胜未来的新优势；始终保持“以自我革命引领社会革命”的自觉性，不断完善保障“两个维护”的制度机制，深入实施“红色根脉强基工程”，持续深化“六治六提”作风建设，从严抓好清廉衢州建设，锻造一支堪当“两个先行”重任的衢州铁军',
      en: 'deployment is one part and implementation nine; the whole city must keep a high political stand, a sense of responsibility, an enterprising spirit, the boldness to break new ground and the awareness of self-reform',
    },
  },
  {
    verb: 'called',
    text: {
      zh: '全市党员干部更加紧密地团结在以习近平同志为核心的党中央周围，高举伟大思想旗帜，在中共浙江省委的坚强领导下，忠实践行“八八战略”，坚决做到“两个维护”，牢记殷殷嘱托、加快追赶跨越，在建设四省边际中心城市中争当“两个先行”示范窗口，以优异成绩迎接党的二十大胜利召开',
      en: 'all Party members and cadres of the city to rally more closely around the Party Central Committee with Comrade Xi Jinping at its core and to greet the 20th National Party Congress with outstanding achievements',
    },
  },
];

const STANDING_COMMITTEE_BODY = { zh: '市委常委会' };

const report = (zh: string, en: string): TopicRecord => ({
  kind: 'report',
  title: { zh, en },
  presenter: { name: '高屹', capacity: { zh: '市委书记' } },
  onBehalfOf: STANDING_COMMITTEE_BODY,
  conclusions: [],
});

export const QUZHOU_ENLARGED_PLENARY: MeetingRecord = {
  kind: 'meeting',
  committee: 'plenary',
  organisation: QUZHOU,
  term: 8,
  number: 2,
  yearNumber: null,
  enlarged: true,
  // Assumed: the report was published on 21 July 2022.
  heldAt: { year: 2022, month: 7, day: 20 },
  venue: null,
  presidedBy: { kind: 'body', body: STANDING_COMMITTEE_BODY },
  // Members due and on leave are assumed; 48 and 7 are the seed's.
  attendance: { membersDue: 50, membersPresent: 48, onLeave: 2, alternatesPresent: 7 },
  attendeeGroups: [
    {
      kind: 'non-voting',
      category: {
        zh: '不是市委委员的副厅级以上领导干部',
        en: 'leading cadres at or above the deputy department level who are not members of the municipal Party committee',
      },
    },
    {
      kind: 'non-voting',
      category: { zh: '市纪委委员', en: 'members of the municipal commission for discipline inspection' },
    },
    {
      kind: 'non-voting',
      category: {
        zh: '市四套班子秘书长、副秘书长',
        en: 'the secretaries-general and deputy secretaries-general of the four leading bodies of the city',
      },
    },
    {
      kind: 'non-voting',
      category: {
        zh: '市级机关各单位主要负责人',
        en: 'the principal leaders of the municipal departments',
      },
    },
    {
      kind: 'non-voting',
      category: {
        zh: '市人大常委会、市政协各委室主任',
        en: 'the directors of the committees of the municipal people’s congress standing committee and of the municipal CPPCC',
      },
    },
    {
      kind: 'non-voting',
      category: {
        zh: '各民主党派、工商联负责人',
        en: 'the leaders of the democratic parties and of the federation of industry and commerce',
      },
    },
    { kind: 'non-voting', category: { zh: '部分基层党代表', en: 'some grassroots Party delegates' } },
    { kind: 'invited', category: { zh: '离岗在职领导', en: 'leaders who have left their posts' } },
    {
      kind: 'invited',
      category: {
        zh: '副厅级以上老干部',
        en: 'retired cadres at or above the deputy department level',
      },
    },
  ],
  attendingLeaders: [
    { name: '徐张艳', capacity: { zh: '市委副书记' } },
    { name: '徐良平', capacity: { zh: '市委副书记' } },
  ],
  preamble: {
    zh: '高举习近平新时代中国特色社会主义思想伟大旗帜，深入学习贯彻省第十五次党代会精神，全面落实市第八次党代会部署要求',
    en: 'holding high the great banner of Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era, studying the guiding principles of the 15th Provincial Party Congress and carrying out the plans of the 8th Municipal Party Congress',
  },
  purpose: {
    zh: '进一步动员全市上下笃行“两个维护”、扛起衢州担当，在建设四省边际中心城市中争当“两个先行”示范窗口',
    en: 'so as to mobilise the whole city further to strive to be a model window of the “Two Firsts” in building a central city on the border of four provinces',
  },
  topics: [
    report('工作报告', 'the work report'),
    report(
      '关于学习贯彻省第十五次党代会精神的报告',
      'the report on studying and implementing the guiding principles of the 15th Provincial Party Congress',
    ),
    {
      kind: 'decision',
      title: { zh: QUZHOU_DECISION, en: QUZHOU_DECISION_EN },
      presenter: null,
      onBehalfOf: null,
      conclusions: [],
    },
  ],
  conclusions: QUZHOU_CONCLUSIONS,
  speeches: [
    {
      speaker: { name: '高屹', capacity: { zh: '市委书记' } },
      subject: {
        zh: '贯彻落实省党代会和市委全会精神',
        en: 'implementing the guiding principles of the provincial Party congress and of the plenary session',
      },
      closing: true,
    },
  ],
  decisions: [{ kind: 'decision', title: { zh: QUZHOU_DECISION, en: QUZHOU_DECISION_EN }, adopted: true }],
};
