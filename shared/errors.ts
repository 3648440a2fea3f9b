/**
 * The stable error codes every cloud function may answer (SPEC section 5), with the Chinese
 * message a member reads. Codes never change once published: clients branch on them.
 */
export const ERROR_MESSAGES = {
  INVALID_INPUT: '请求参数有误，请检查后重试',
  UNAUTHENTICATED: '无法识别你的身份，请重新进入小程序',
  NOT_FOUND: '没有找到相关内容',
  INSUFFICIENT_POINTS: '积分不足，再攒一攒吧',
  OUT_OF_STOCK: '这份福利已经被领完了',
  TIER_TOO_LOW: '你的会员等级暂时还不能兑换这份福利',
  NODE_REQUIRED: '点亮对应的成长树节点后才能兑换这份福利',
  BADGE_REQUIRED: '获得对应的徽章后才能兑换这份福利',
  NOT_BIRTHDAY_MONTH: '这份福利只在你的生日当月开放',
  ALREADY_SET: '生日设置后不能自行修改，如需更正请联系客服',
  LIMIT_REACHED: '已达到兑换次数上限',
  NOT_AVAILABLE_NOW: '当前不在开放时间内',
  SELF_INVITE: '不能邀请自己哦',
  ALREADY_INVITED: '你已经接受过邀请了',
  NOT_NEW_MEMBER: '邀请仅对新会员有效',
  ALREADY_USED: '这张券已经核销过了',
  LAST_OPS: '至少要保留一位在职的运营人员，这次修改没有执行',
  CANNOT_REMOVE_SELF: '不能撤销自己的运营权限，请由另一位运营人员操作',
  EXPIRED: '这张券已过期',
  CONTENT_REJECTED: '内容包含不合适的信息，请修改后再试',
  RATE_LIMITED: '操作太频繁了，请稍后再试',
  TEAM_FULL: '这支队伍已经满员了，可以自己建一支队伍',
  ALREADY_IN_TEAM: '你已经在这个挑战的一支队伍里了',
  CHALLENGE_CLOSED: '这个挑战现在不能组队或加入了',
  FORBIDDEN: '你没有权限进行这个操作',
  BUSY: '当前人数较多，请稍后再试',
  ACCOUNT_DELETING: '你的账号正在注销，本次操作没有执行',
  MEMBER_CODE_INVALID: '会员码无效，请让会员刷新会员码后重新出示',
  MEMBER_CODE_EXPIRED: '会员码已过期，请让会员刷新会员码后重新出示',
  ALREADY_ATTENDED: '这位会员已经签到过本场活动',
  CONFLICT: '该订单号已上报过不同的内容，本次没有处理',
  REFUND_EXCEEDS_ORDER: '退款金额超过了订单剩余可退金额，本次没有处理',
  INTERNAL: '服务开小差了，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}

/**
 * An expected, member-facing failure. Thrown by domain code and function entries; the entry
 * wrapper turns it into `{ok:false, error}`. `details` carries structured, safe data
 * (e.g. how many points are missing) that the client may render.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}
