import { View, Text } from '@tarojs/components';
import type { TeamView } from '@shared/contracts/team';
import { Avatar } from '@/components/Avatar';
import { contributionText } from '@/copy/team';
import './Roster.css';

export interface RosterProps {
  team: TeamView;
}

/** The team's members in join order, each with what their own activity added; open places while the team takes members. */
export function Roster({ team }: RosterProps) {
  const open = team.canInvite ? Math.max(0, team.maxMembers - team.roster.length) : 0;
  return (
    <View className="tm-roster">
      {team.roster.map((m, i) => (
        <View key={`${m.nickname}-${i}`} className="tm-roster__row">
          <Avatar src={m.avatarUrl} name={m.nickname} size="md" />
          <View className="tm-roster__who">
            <View className="tm-roster__name-row">
              <Text className="tm-roster__name">{m.nickname}</Text>
              {m.captain ? <Text className="tm-roster__tag">队长</Text> : null}
              {m.me ? <Text className="tm-roster__tag tm-roster__tag--me">我</Text> : null}
            </View>
          </View>
          <Text className="tm-roster__contribution">{contributionText(team.metric, m.contribution)}</Text>
        </View>
      ))}
      {Array.from({ length: open }, (_v, i) => (
        <View key={`open-${i}`} className="tm-roster__row tm-roster__row--open">
          <View className="tm-roster__slot">
            <Text>+</Text>
          </View>
          <Text className="tm-roster__open">虚位以待</Text>
        </View>
      ))}
    </View>
  );
}
