import { View, Text } from '@tarojs/components';
import type { Metric } from '@shared/content/ids';
import type { TreeBranchView, TreeNodeView } from '@shared/domain/growthTree';
import { TREE_STAGES, TREE_STAGE_NAMES } from '@shared/domain/growthTree';
import { Card } from '@/components/Card';
import { EmptyState, PageState } from '@/components/PageState';
import { ProgressBar } from '@/components/ProgressBar';
import { Screen } from '@/components/Screen';
import { StatusTag } from '@/components/StatusTag';
import { TREE_STAGE_ICONS } from '@/copy/tree';
import { usePageData } from '@/hooks/usePageData';
import { go, type RouteName } from '@/routes';
import { useTreeStore } from '@/stores/tree';
import { cx } from '@/utils/cx';
import { formatNumber } from '@/utils/format';
import { TreeArt } from '../../components/TreeArt';
import './index.css';

const BRANCH_COLORS = ['#E8912D', '#3A7BD5', '#8E5BD6', '#2E9E6B'];

/**
 * Where a member acts on a metric: donations on the charity page, invites on the invite card, team
 * challenges on their list, events and courses on 我的活动 (what is coming up).
 */
const METRIC_ROUTES: Partial<Record<Metric, { route: RouteName; label: string }>> = {
  pointsDonated: { route: 'charity', label: '去公益同行 ›' },
  invitesActivated: { route: 'invite', label: '去邀请好友 ›' },
  teamChallenges: { route: 'challenges', label: '去组队挑战 ›' },
  checkinDays: { route: 'checkin', label: '去签到 ›' },
  streak: { route: 'checkin', label: '去签到 ›' },
  eventsAttended: { route: 'myEvents', label: '看看近期活动 ›' },
  coursesAttended: { route: 'myEvents', label: '看看近期课程 ›' },
};

function NodeRow({ node, color, isNext, last }: { node: TreeNodeView; color: string; isNext: boolean; last: boolean }) {
  const act = !node.unlocked && isNext ? METRIC_ROUTES[node.metric] : undefined;
  const pack = node.unlocked ? node.unlocks.find((u) => u.kind === 'pack') : undefined;
  return (
    <View className={cx('tr-node', node.unlocked && 'tr-node--on', isNext && 'tr-node--next')}>
      <View className="tr-node__rail">
        <View className="tr-node__dot" style={node.unlocked ? { background: color, borderColor: color } : undefined}>
          <Text className="tr-node__icon">{node.icon}</Text>
        </View>
        {!last ? <View className="tr-node__line" style={node.unlocked ? { background: color } : undefined} /> : null}
      </View>
      <View className="tr-node__body">
        <View className="tr-node__title-row">
          <Text className="tr-node__title">{node.title}</Text>
          {node.unlocked ? (
            <StatusTag tone="success">已点亮</StatusTag>
          ) : (
            <StatusTag tone={isNext ? 'accent' : 'neutral'}>{node.remainingText}</StatusTag>
          )}
        </View>
        <Text className="tr-node__desc">{node.description}</Text>
        <Text className="tr-node__rule">
          点亮条件：{node.ruleText}
          {node.unlocked ? '' : ` · ${formatNumber(node.progress.current)}/${formatNumber(node.progress.target)}`}
        </Text>
        {!node.unlocked ? (
          <View className="tr-node__bar">
            <ProgressBar value={node.progress.target ? node.progress.current / node.progress.target : 0} color={color} size="xs" />
          </View>
        ) : null}
        <Text className={cx('tr-node__unlocks', node.unlocked && 'tr-node__unlocks--on')}>{node.unlocksText}</Text>
        {act ? (
          <Text className="tr-node__act" onClick={() => go(act.route)}>
            {act.label}
          </Text>
        ) : null}
        {pack ? (
          <Text className="tr-node__act" onClick={() => go('benefits')}>
            去兑换「{pack.label}」›
          </Text>
        ) : null}
      </View>
    </View>
  );
}

function Branch({ branch, color }: { branch: TreeBranchView; color: string }) {
  return (
    <Card
      title={
        <Text>
          <Text style={{ color }}>● </Text>
          {branch.name}
        </Text>
      }
      extra={<Text className="mc-num">{`${branch.unlocked}/${branch.nodes.length} 已点亮`}</Text>}
    >
      <View className="tr-nodes">
        {branch.nodes.map((node, i) => (
          <NodeRow key={node.id} node={node} color={color} isNext={branch.next?.id === node.id} last={i === branch.nodes.length - 1} />
        ))}
      </View>
    </Card>
  );
}

export default function GrowthTree() {
  const status = useTreeStore((s) => s.status);
  const error = useTreeStore((s) => s.error);
  const tree = useTreeStore((s) => s.data);
  const load = useTreeStore((s) => s.load);
  usePageData(() => load());

  return (
    <Screen>
      <PageState status={status} error={error} hasData={tree !== null} onRetry={() => void load()}>
        {tree ? (
          <View>
            <View className="tr-hero">
              <TreeArt stage={tree.stage} />
              <View className="tr-hero__badge">
                <Text className="tr-hero__stage">
                  {TREE_STAGE_ICONS[tree.stage]} {tree.stageName}
                </Text>
                <Text className="tr-hero__growth mc-num">累计成长值 {formatNumber(tree.growth)}</Text>
              </View>
            </View>

            <Card>
              <View className="tr-stages">
                {TREE_STAGES.map((s, i) => (
                  <View
                    key={s}
                    className={cx('tr-stage', i <= tree.stageIndex && 'tr-stage--on', i === tree.stageIndex && 'tr-stage--current')}
                  >
                    <View className="tr-stage__icon">
                      <Text>{TREE_STAGE_ICONS[s]}</Text>
                    </View>
                    <Text className="tr-stage__name">{TREE_STAGE_NAMES[s]}</Text>
                  </View>
                ))}
              </View>
              <ProgressBar value={tree.total ? tree.unlocked / tree.total : 0} color="#2E9E6B" size="sm" />
              <Text className="tr-stages__hint">
                {tree.nextStage
                  ? `已点亮 ${tree.unlocked}/${tree.total} 个节点，再点亮 ${tree.nextStage.nodesNeeded} 个长成「${tree.nextStage.stageName}」`
                  : `全部 ${tree.total} 个节点都已点亮，你的树硕果累累！`}
              </Text>
            </Card>

            {tree.nextNode ? (
              <Card tone="tinted" className="tr-next">
                <Text className="tr-next__label">下一个节点</Text>
                <Text className="tr-next__title">
                  {tree.nextNode.branchName} · {tree.nextNode.title}
                </Text>
                <Text className="tr-next__distance">
                  {tree.nextNode.ruleText} · <Text className="tr-next__num">{tree.nextNode.remainingText}</Text>
                </Text>
                <Text className="tr-next__unlocks">{tree.nextNode.unlocksText}</Text>
              </Card>
            ) : null}

            {tree.branches.length ? (
              tree.branches.map((b, i) => <Branch key={b.key} branch={b} color={BRANCH_COLORS[i % BRANCH_COLORS.length]} />)
            ) : (
              <EmptyState icon="🌱" title="成长树正在培育中" description="节点即将上线，先去签到积累成长值吧" />
            )}
            <Text className="tr-note">每个节点写明点亮条件和解锁内容；点亮后不会熄灭，解锁的内容在点亮时当即发放。</Text>
          </View>
        ) : null}
      </PageState>
    </Screen>
  );
}
