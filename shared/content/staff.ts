import { z } from 'zod';
import { described, fieldDoc, type FieldDocs } from './fieldDoc';
import { STAFF_ROLES } from './ids';
import { openid, optionalText } from './primitives';

export const STAFF_FIELDS: FieldDocs = {
  _id: fieldDoc(
    '员工 OPENID',
    'Staff OPENID',
    '员工本人在小程序中的 OPENID（在「我的」页长按版本号可复制）',
    "the staff member's OPENID in this mini-program",
  ),
  roles: fieldDoc(
    '角色',
    'Roles',
    '["verifier"] 门店核销（也可为线下活动扫码签到）/ ["ops"] 运营后台 / ["host"] 线下活动扫码签到，可同时拥有',
    '["verifier"] verifies vouchers (and may check members in at events) / ["ops"] sees the ops dashboard / ["host"] checks members in at offline events; several allowed',
  ),
  storeId: fieldDoc(
    '门店编号',
    'Store id',
    '可选，核销员所属门店，记录在核销记录中',
    'optional store of a verifier, recorded with each verification',
  ),
  active: fieldDoc(
    '是否在职',
    'Active',
    '必须填写；false 或缺失、格式错误都视为无权限',
    'required; false, missing or broken means no access',
  ),
  name: fieldDoc('备注名', 'Name', '可选，方便运营辨认', 'optional label for ops'),
};

export const staffSchema = z.object({
  _id: described(openid, STAFF_FIELDS._id),
  roles: described(z.array(z.enum(STAFF_ROLES)).min(1).max(STAFF_ROLES.length), STAFF_FIELDS.roles).superRefine((roles, ctx) => {
    if (new Set(roles).size !== roles.length) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'uniqueRoles' });
  }),
  storeId: described(z.string().max(32).nullable().optional(), STAFF_FIELDS.storeId).transform((v) => v ?? null),
  active: described(z.boolean(), STAFF_FIELDS.active),
  name: described(optionalText(20), STAFF_FIELDS.name),
});

export type StaffDoc = z.output<typeof staffSchema>;
