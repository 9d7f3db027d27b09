import { z } from 'astro/zod';

/** Province-level abbreviations that open an ICP or public-security filing number (鲁 for Shandong…). */
const PROVINCE = '[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]';

/** ICP备案号 as the MIIT issues it: 鲁ICP备12345678号, with -1, -2… when one filing covers several sites. */
export const ICP_RECORD = new RegExp(`^${PROVINCE}ICP备\\d+号(?:-\\d+)?$`);
/** 公安机关互联网站备案号: 鲁公网安备37040202000123号 (some sites print a space before the digits). */
export const PUBLIC_SECURITY_RECORD = new RegExp(`^${PROVINCE}公网安备 ?(\\d+)号$`);
/** 政府网站标识码: ten characters, bm + 8 digits for central departments, 10 digits for local ones. */
export const GOVERNMENT_SITE_CODE = /^(?:bm\d{8}|\d{10})$/;

const text = (label: string) => z.string({ error: `${label}必须是文字` }).trim().min(1, { error: `${label}不能为空（不设置就删掉这一行）` });

/**
 * Who runs the site: content/publisher.yaml (every field optional, none of them in the source, so
 * the owners fill them in). A field left out is not shown anywhere.
 */
export const publisherSchema = z.strictObject(
  {
    /** 主办单位: the host organisation, shown first in the footer and the JSON-LD publisher. */
    organizer: text('主办单位').optional(),
    /** 政府网站标识码, for a government site. */
    governmentSiteCode: text('政府网站标识码')
      .regex(GOVERNMENT_SITE_CODE, { error: '政府网站标识码应为 10 位：地方网站 10 位数字，国务院部门 bm 加 8 位数字' })
      .optional(),
    /** ICP备案号, linked to the MIIT filing site. */
    icpRecord: text('ICP备案号')
      .regex(ICP_RECORD, { error: 'ICP备案号应形如“鲁ICP备 + 数字 + 号”，可带“-数字”（与工信部备案系统中的写法一致）' })
      .optional(),
    /** 公安机关互联网站备案号, linked to its record on the public-security filing site. */
    publicSecurityRecord: text('公安机关互联网站备案号')
      .regex(PUBLIC_SECURITY_RECORD, { error: '公安机关互联网站备案号应形如“鲁公网安备 + 数字 + 号”' })
      .optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `不认识的设置项 ${issue.keys.join('、')}（可用的有 organizer、governmentSiteCode、icpRecord、publicSecurityRecord）` : undefined) },
);

export type Publisher = z.infer<typeof publisherSchema>;
