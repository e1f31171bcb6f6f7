const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const MALE = [...'伟强磊军洋勇杰涛明超斌浩鹏辉刚健峰建国华文博宇晨俊凯志鑫鸿亮鹤松海'];
const FEMALE = [...'芳娜敏静丽艳娟霞秀英玲萍红燕婷雪琳颖慧倩洁佳悦蕾欣瑶雯晶岚月'];

export function makeName(rng, gender) {
  const family = rng.pick(SURNAMES);
  const chars = gender === 'male' ? MALE : FEMALE;
  const given = rng.chance(0.7) ? rng.pick(chars) + rng.pick(chars) : rng.pick(chars);
  return { use: 'official', text: family + given, family, given: [given] };
}

export function mobile(rng) {
  return `1${rng.pick(['35', '38', '39', '50', '58', '86', '87', '77', '33', '89'])}${String(rng.int(0, 99999999)).padStart(8, '0')}`;
}

export function maskName(text) {
  return text.length <= 1 ? text : text[0] + '*'.repeat(text.length - 1);
}
