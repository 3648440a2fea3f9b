/** Why an invite bind was refused (`invite_attempts.reason`: the error code `invite.bind` answered), as ops read it. */
const REJECTION_LABELS: Record<string, string> = {
  SELF_INVITE: '邀请自己',
  ALREADY_INVITED: '已接受过邀请',
  NOT_NEW_MEMBER: '非新会员',
  NOT_FOUND: '邀请码无效',
  RATE_LIMITED: '操作太频繁',
  UNKNOWN: '未记录原因',
};

export function rejectionLabel(reason: string): string {
  return REJECTION_LABELS[reason] ?? reason;
}
