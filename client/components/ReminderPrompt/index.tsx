import { useEffect, useMemo } from 'react';
import { View, Text } from '@tarojs/components';
import type { ReminderPurpose } from '@shared/content/ids';
import type { ReminderTemplateView } from '@shared/contracts/member';
import { DECLINED_TEXT, grantedText } from '@/copy/reminders';
import { useMemberStore } from '@/stores/member';
import { useRemindersStore } from '@/stores/reminders';
import { Button } from '../Button';

export interface ReminderPromptProps {
  /** One prompt per place and moment (`checkin:<day>`, `redeem:<requestId>`…): its answer stays shown there. */
  promptKey: string;
  /** What the tap asks for, the prompt's own purpose first (at most 3: one WeChat sheet). */
  purposes: readonly ReminderPurpose[];
  /** "明天提醒我签到". */
  label: string;
  campaignId?: string;
  className?: string;
}

/** The templates ops set for these purposes: from home (no call), else from the member's subscriptions. */
function useTemplates(purposes: readonly ReminderPurpose[]): ReminderTemplateView[] | null {
  const fromHome = useMemberStore((s) => s.home?.reminderTemplates);
  const fromCredits = useRemindersStore((s) => s.data?.reminders);
  const status = useRemindersStore((s) => s.status);
  const load = useRemindersStore((s) => s.load);
  const known = fromHome ?? fromCredits;
  useEffect(() => {
    if (!known && status === 'idle') void load({ quiet: true });
  }, [known, status, load]);
  return useMemo(() => {
    if (!known) return null;
    return purposes.flatMap((p) =>
      known.filter((t) => t.purpose === p).map(({ purpose, templateId, title }) => ({ purpose, templateId, title })),
    );
  }, [known, purposes]);
}

/**
 * A reminder the member may ask for at this moment: a tap opens WeChat's subscription sheet, then
 * records one credit per template allowed. Nothing is shown for a purpose without a template.
 */
export function ReminderPrompt({ promptKey, purposes, label, campaignId, className }: ReminderPromptProps) {
  const templates = useTemplates(purposes);
  const prompt = useRemindersStore((s) => s.prompts[promptKey]);
  const ask = useRemindersStore((s) => s.ask);
  if (!templates || templates.length === 0) return null;
  if (prompt?.status === 'granted') {
    return (
      <View className={`mc-reminder mc-reminder--granted ${className ?? ''}`}>
        <Text>🔔 {grantedText(prompt.granted)}</Text>
      </View>
    );
  }
  return (
    <View className={`mc-reminder ${className ?? ''}`}>
      <Button
        variant="secondary"
        size="sm"
        loading={prompt?.status === 'asking'}
        onClick={() => void ask(promptKey, templates, campaignId)}
      >
        {`🔔 ${label}`}
      </Button>
      {prompt?.status === 'declined' ? <Text className="mc-reminder__note">{DECLINED_TEXT}</Text> : null}
      {prompt?.status === 'error' ? (
        <Text className="mc-reminder__note mc-reminder__note--error">{`${prompt.error?.message ?? ''} 点按钮重试`}</Text>
      ) : null}
    </View>
  );
}
