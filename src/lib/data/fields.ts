/** One column of the open data: its JSON field, its CSV heading and what it means, for the /data/ page and the schema. */
export interface DataField {
  /** The field in data.json, dotted for nested fields: before.value. */
  key: string;
  /** The column heading in data.csv. */
  column: string;
  description: string;
}

/** The achievement a figure belongs to. */
export const ACHIEVEMENT_FIELDS: readonly DataField[] = [
  { key: 'year', column: '年度', description: '实事所属年度。' },
  { key: 'order', column: '序号', description: '本节在该年度原文中的顺序，从 1 起。' },
  { key: 'slug', column: '篇目', description: '本节网址中的名称：/2022/drunk-driving/ 中的 drunk-driving，永久不变。' },
  { key: 'kicker', column: '引题', description: '本节标题的前半部分，如“持续重拳出击”。' },
  { key: 'title', column: '标题', description: '本节标题的后半部分。' },
];

/** The figure itself: the entry's metric as the editors wrote it, plus how the site prints it and where. */
export const METRIC_FIELDS: readonly DataField[] = [
  { key: 'id', column: '指标编号', description: '指标在本节中的编号，也是网页上的锚点（#drink-cases）。' },
  { key: 'label', column: '指标', description: '统计的是什么，用原文的说法。' },
  { key: 'value', column: '数值', description: '数值本身，不缩写：69万余记为 690000。必须与“限定词”一起读；类型为 change 时是变化的幅度，不是水平值。' },
  { key: 'qualifier', column: '限定词', description: '原文对数字的限定，是数字的一部分：余、多、超过＝多于该数，以上＝不少于该数，不足＝少于该数，近＝接近但不到该数，约＝约数。空白表示原文没有限定。' },
  { key: 'unit', column: '单位', description: '原文的计量单位：起、人次、家、辆、%……' },
  { key: 'scale', column: '书写单位', description: '原文以“万”书写时为“万”（69万余人次）；只影响写法，数值列已是完整数值。' },
  { key: 'period', column: '时间用语', description: '原文写在该数字前、说明统计时间（和范围）的用语，照录原文：2022年、全市累计、累计、目前。空白表示原文没有说明，不代表年度全年；“其中”各项沿用所属指标的时间用语。' },
  { key: 'kind', column: '类型', description: 'count＝数量；share＝比率或占比；change＝上升或下降的幅度（不是水平值，原文未给基数，不能据此推算前后数值）。' },
  { key: 'direction', column: '变化方向', description: '仅 change：down＝下降，up＝上升。' },
  { key: 'wording', column: '用词', description: '仅 change：原文所用的动词，如“减少”；空白时为下降或上升。' },
  { key: 'basis', column: '比较基准', description: '仅 change：“同比”表示与上年同期相比；空白表示原文没有说明与什么相比。' },
  { key: 'partOf', column: '所属指标', description: '本项是另一指标（填其编号）中的一类，如醉驾是酒驾醉驾违法行为中的一类；各类之和不一定等于总数。空白时，若“接续指标”有值，表示原文未说明本项是否属于“其中”。' },
  { key: 'continues', column: '接续指标', description: '原文把本项紧接在该指标（填其编号）的“其中”各项之后列出，以逗号相连，未说明本项是否属于“其中”，如“其中，劝导不戴头盔45万余人次，处罚6.6万余人次”中的处罚。' },
  { key: 'before.value', column: '前值', description: '前后对比的比率中较早的数值，如“由原来的15%提升至90%以上”中的 15。' },
  { key: 'before.qualifier', column: '前值限定词', description: '前值的限定词，含义同“限定词”。' },
  { key: 'before.label', column: '前值时点', description: '原文对前值时点的说法：原来、一度、年初。“一度”是未说明时间的一个高点，不是基数，不能与后值相减。' },
  { key: 'before.verb', column: '前值动词', description: '原文单独陈述前值时所用的动词，如“一度达到26.93%”中的“达到”；空白表示原文写作“由原来的15%……”。' },
  { key: 'before.to', column: '变化用词', description: '原文从前值到后值所用的词：提升至、提升到、降至。' },
  { key: 'display', column: '网页写法', description: '网页上显示的完整写法，含限定词、单位和变化方向，可直接引用：6862起（2022年）、69万余人次（累计）、同比下降33.3%、90%以上（原来15%）。' },
  { key: 'url', column: '链接', description: '该数据在网页上的永久链接，带锚点。' },
];
