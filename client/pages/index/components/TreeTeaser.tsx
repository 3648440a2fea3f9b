import { View, Text } from '@tarojs/components';
import type { HomeData } from '@shared/contracts/member';
import { ProgressBar } from '@/components/ProgressBar';
import { TREE_STAGE_ICONS } from '@/copy/tree';
import { go } from '@/routes';

export interface TreeTeaserProps {
  tree: HomeData['tree'];
}

export function TreeTeaser({ tree }: TreeTeaserProps) {
  return (
    <View className="home-tree" hoverClass="home-shortcuts__item--pressed" onClick={() => go('tree')}>
      <View className="home-tree__icon">
        <Text>{TREE_STAGE_ICONS[tree.stage]}</Text>
      </View>
      <View className="home-tree__body">
        <View className="home-tree__row">
          <Text className="home-tree__stage">{tree.stageName}</Text>
          <Text className="home-tree__count mc-num">
            已点亮 {tree.unlocked}/{tree.total}
          </Text>
        </View>
        <ProgressBar value={tree.total ? tree.unlocked / tree.total : 0} color="#2E9E6B" size="xs" />
        <Text className="home-tree__next">
          {tree.nextNode ? `下一个节点「${tree.nextNode.title}」· ${tree.nextNode.remainingText}` : '整棵树都点亮了，硕果累累！'}
        </Text>
      </View>
    </View>
  );
}
