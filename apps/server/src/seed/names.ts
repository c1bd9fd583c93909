import type { Rng } from './prng.js';

/**
 * Word lists for invented demo data. People are random surname + given-name characters (no real persons);
 * community names are those that appear in the seed reports plus invented ones; compound, lane and
 * organisation names are composed from neutral syllables.
 */
export const SURNAMES = [
  '陈', '李', '黄', '张', '梁', '林', '刘', '吴', '何', '罗', '郑', '谢', '冯', '邓', '麦', '潘', '杨', '王', '周', '朱',
  '区', '关', '苏', '叶', '卢', '蔡', '许', '钟', '曾', '彭', '赵', '余', '邹', '温', '简', '陆', '莫', '招', '霍', '胡',
  '郭', '萧', '钱', '孙', '马', '高', '谭', '方', '石', '姚', '严', '崔', '韦', '骆', '伍', '岑', '甘', '戴', '孔', '龙',
];
export const GIVEN_CHARS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '英', '华', '文', '辉', '玲', '建', '国', '志', '海', '燕', '萍', '红', '鹏', '俊', '慧', '宇', '婷', '浩',
  '嘉', '欣', '梓', '晴', '子', '轩', '诗', '雅', '雨', '琪', '泽', '晨', '博', '思', '颖', '倩', '宏', '荣', '锦', '瑞',
  '德', '润', '耀', '坚', '佩', '凤', '少', '汉', '永', '祥', '添', '丰', '健', '兴', '容', '燊', '乐', '怡', '彤', '铭',
];

export function personName(rng: Rng): string {
  const given = rng.chance(0.75) ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS);
  return rng.pick(SURNAMES) + given;
}

/** Community names found in the seed reports (桂城 communities), urban then rural. */
export const SEED_URBAN_COMMUNITIES = ['同德', '映月', '灯湖', '江滨', '桂二', '大圩', '花苑', '中区', '大新', '怡海', '尖东', '桂南'];
export const SEED_RURAL_COMMUNITIES = ['林岳', '平东', '平西', '石碓', '叠北'];
/** Invented names to reach the seeds' 45 communities. */
export const INVENTED_URBAN_COMMUNITIES = [
  '瑞景', '新桂', '嘉怡', '南华', '锦湖', '翠园', '明珠', '华庭', '金湖', '海悦', '朝晖', '碧波', '雅居', '桂华', '文昌', '凯旋',
  '东湖', '锦绣', '星河', '康乐', '映翠', '澜庭', '云桂', '汇景',
];
export const INVENTED_RURAL_COMMUNITIES = ['禾田', '荷塘', '榕荫', '沙涌', '新基', '龙湾', '河东', '塘尾', '蚬岗', '莲塘'];

const COMPOUND_HEADS = ['锦', '翠', '华', '怡', '嘉', '御', '雅', '瑞', '丽', '碧', '金', '海', '景', '君', '康', '荔', '桂', '雍', '悦', '名'];
const COMPOUND_TAILS = ['湖', '园', '庭', '苑', '轩', '峰', '湾', '景', '城', '居', '府', '廷', '台', '都', '泉', '林'];
const COMPOUND_SUFFIXES = ['花园', '小区', '苑', '家园', '新村', '名苑'];
const LANE_HEADS = ['东', '西', '南', '北', '中', '新', '上', '下', '大', '小', '长', '正', '福', '安', '和', '兴', '仁', '聚', '永', '康'];
const LANE_TAILS = ['坊', '基', '塘', '围', '街', '社', '园', '巷', '庄', '约'];

export function compoundName(rng: Rng): string {
  return rng.pick(COMPOUND_HEADS) + rng.pick(COMPOUND_TAILS) + rng.pick(COMPOUND_SUFFIXES);
}

export function cooperativeName(community: string, n: number): string {
  return `${community}第${n}经济社`;
}

export function areaName(community: string, n: number): string {
  return `${community}${['东', '西', '南', '北', '中'][n % 5]}片区${n > 5 ? Math.ceil(n / 5) : ''}`;
}

/** Level-3 lane names: `street` ones are 街 (held by 街长), the others 巷 (held by 巷长). */
export function laneName(rng: Rng, street: boolean): string {
  return rng.pick(LANE_HEADS) + rng.pick(LANE_TAILS) + (street ? '街' : '巷');
}

export const CLUB_KINDS = ['舞蹈队', '合唱团', '羽毛球协会', '乒乓球队', '象棋社', '书法社', '太极拳队', '粤曲社', '摄影协会', '读书会', '跑步团', '手工坊'];
export const VOLUNTEER_TEAM_KINDS = ['党员志愿服务队', '巡逻队', '环保志愿队', '助老服务队', '亲子志愿队', '文明劝导队', '爱水护河队', '邻里帮帮团'];
export const DEPARTMENTS = ['党建工作办公室', '城市管理办公室', '社会事务局', '综治办', '城市运行中心', '经济发展办公室', '公共服务办公室', '安全生产办公室', '社区建设办公室', '农村工作办公室', '规划建设办公室', '党群工作部'];
export const PROPERTY_TAILS = ['物业服务有限公司', '物业管理有限公司', '物业发展有限公司'];
export const ROOM_NAMES: [string, number][] = [
  ['阅览角', 20],
  ['舞蹈室', 30],
  ['会议室', 40],
  ['书法室', 16],
  ['儿童之家', 25],
  ['居民议事厅', 50],
];
