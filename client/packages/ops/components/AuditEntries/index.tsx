import { View, Text } from '@tarojs/components';
import type { AuditEntryView } from '@shared/contracts/ops';
import { StatusTag, type StatusTone } from '@/components/StatusTag';
import { go } from '@/routes';
import { formatDateTime } from '@/utils/format';
import './index.css';

const TONES: Record<string, StatusTone> = {
  'ops.adjust': 'primary',
  'redeem.cancel': 'danger',
  'ops.setBirthday': 'accent',
  'ops.setStaff': 'warning',
  'ops.export': 'neutral',
};

export interface AuditEntriesProps {
  entries: AuditEntryView[];
  /** Names link to the member's page (not on that member's own page). */
  linkTargets?: boolean;
}

/** Audit lines: what (tag), what changed (in words), why, who and when, about whom. */
export function AuditEntries({ entries, linkTargets = true }: AuditEntriesProps) {
  return (
    <View className="ops-audit">
      {entries.map((e) => (
        <View key={e.id} className="ops-audit__row">
          <View className="ops-audit__head">
            <StatusTag tone={TONES[e.action] ?? 'neutral'}>{e.actionName}</StatusTag>
            {e.target ? (
              <Text
                className={
                  linkTargets && !e.target.openid.startsWith('anon_') ? 'ops-audit__target ops-audit__target--link' : 'ops-audit__target'
                }
                onClick={() => {
                  if (linkTargets && e.target && !e.target.openid.startsWith('anon_')) go('opsMember', { openid: e.target.openid });
                }}
              >
                {e.target.name}
              </Text>
            ) : null}
          </View>
          <Text className="ops-audit__summary">{e.summary}</Text>
          {e.reason ? <Text className="ops-audit__reason">{`原因：${e.reason}`}</Text> : null}
          <Text className="ops-audit__meta">{`${e.who.name} · ${formatDateTime(e.at)}`}</Text>
        </View>
      ))}
    </View>
  );
}
