import { View, Text } from '@tarojs/components';
import type { TreeBranchView } from '@shared/domain/growthTree';
import { TREE_STAGES, TREE_STAGE_NAMES } from '@shared/domain/growthTree';
import { Card } from '@/components/Card';
import { EmptyState, PageState } from '@/components/PageState';
import { ProgressBar } from '@/components/ProgressBar';
import { Screen } from '@/components/Screen';
import { StatusTag } from '@/components/StatusTag';
import { TREE_STAGE_ICONS } from '@/copy/tree';
import { usePageData } from '@/hooks/usePageData';
import { useTreeStore } from '@/stores/tree';
import { cx } from '@/utils/cx';
import { formatNumber } from '@/utils/format';
import { TreeArt } from '../../components/TreeArt';
import './index.css';

const BRANCH_COLORS = ['#3A7BD5', '#E8912D', '#2E9E6B', '#8E5BD6'];

function Branch({ branch, color, growth }: { branch: TreeBranchView; color: string; growth: number }) {
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
        {branch.nodes.map((node, i) => {
          const isNext = branch.next?.id === node.id;
          return (
            <View key={node.id} className={cx('tr-node', node.unlocked && 'tr-node--on', isNext && 'tr-node--next')}>
              <View className="tr-node__rail">
                <View className="tr-node__dot" style={node.unlocked ? { background: color, borderColor: color } : undefined}>
                  <Text className="tr-node__icon">{node.icon}</Text>
                </View>
                {i < branch.nodes.length - 1 ? (
                  <View className="tr-node__line" style={node.unlocked ? { background: color } : undefined} />
                ) : null}
              </View>
              <View className="tr-node__body">
                <View className="tr-node__title-row">
                  <Text className="tr-node__title">{node.title}</Text>
                  {node.unlocked ? (
                    <StatusTag tone="success">已点亮</StatusTag>
                  ) : isNext ? (
                    <StatusTag tone="accent">{`还差 ${formatNumber(node.threshold - growth)}`}</StatusTag>
                  ) : (
                    <StatusTag tone="neutral">{`成长值 ${formatNumber(node.threshold)}`}</StatusTag>
                  )}
                </View>
                <Text className="tr-node__desc">{node.description}</Text>
              </View>
            </View>
          );
        })}
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
                  ? `已点亮 ${tree.unlocked}/${tree.total} 个节点，再获得 ${formatNumber(tree.nextStage.growthNeeded)} 成长值长成「${tree.nextStage.stageName}」`
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
                  还差 <Text className="tr-next__num mc-num">{formatNumber(tree.nextNode.distance)}</Text> 成长值 ·
                  签到、邀请好友都能获得成长值
                </Text>
              </Card>
            ) : null}

            {tree.branches.length ? (
              tree.branches.map((b, i) => (
                <Branch key={b.key} branch={b} color={BRANCH_COLORS[i % BRANCH_COLORS.length]} growth={tree.growth} />
              ))
            ) : (
              <EmptyState icon="🌱" title="成长树正在培育中" description="节点即将上线，先去签到积累成长值吧" />
            )}
            <Text className="tr-note">节点按累计成长值点亮，点亮后不会熄灭。</Text>
          </View>
        ) : null}
      </PageState>
    </Screen>
  );
}
