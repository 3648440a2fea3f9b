import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { TreeStage } from '@shared/domain/growthTree';
import { TREE_STAGES } from '@shared/domain/growthTree';
import './TreeArt.css';

export interface TreeArtProps {
  stage: TreeStage;
}

interface Blob {
  x: number;
  y: number;
  r: number;
}

const FULL_CROWN: Blob[] = [
  { x: 50, y: 300, r: 96 },
  { x: 33, y: 240, r: 78 },
  { x: 67, y: 240, r: 78 },
  { x: 41, y: 330, r: 66 },
  { x: 60, y: 330, r: 66 },
  { x: 50, y: 215, r: 70 },
];

/** Crown shapes (centre x in % of width, y from the ground in px, radius in px) per stage. */
const CROWNS: Record<TreeStage, Blob[]> = {
  seed: [],
  sprout: [],
  sapling: [
    { x: 50, y: 170, r: 58 },
    { x: 42, y: 140, r: 42 },
    { x: 58, y: 140, r: 42 },
  ],
  tree: [
    { x: 50, y: 270, r: 86 },
    { x: 36, y: 220, r: 70 },
    { x: 64, y: 220, r: 70 },
    { x: 43, y: 300, r: 58 },
    { x: 58, y: 300, r: 58 },
  ],
  blossom: FULL_CROWN,
  // Fruit hangs on the same full crown as the blossom.
  fruit: FULL_CROWN,
};

const TRUNK_HEIGHT: Record<TreeStage, number> = { seed: 0, sprout: 50, sapling: 130, tree: 200, blossom: 220, fruit: 220 };

/** Blossoms / fruit dots (x %, y px from the ground). */
const DOTS = [
  { x: 34, y: 270 },
  { x: 46, y: 340 },
  { x: 60, y: 300 },
  { x: 68, y: 250 },
  { x: 40, y: 220 },
  { x: 55, y: 240 },
  { x: 50, y: 380 },
  { x: 28, y: 230 },
  { x: 72, y: 300 },
];

/** Design px (750-wide) to the platform's unit, as the stylesheet's px are converted. */
function px(n: number): string {
  return Taro.pxTransform(Math.round(n));
}

/** The growth tree drawn with plain shapes: it grows with each stage (seed → fruit). */
export function TreeArt({ stage }: TreeArtProps) {
  const index = TREE_STAGES.indexOf(stage);
  const trunk = TRUNK_HEIGHT[stage];
  return (
    <View className={`tree-art tree-art--${stage}`}>
      <View className="tree-art__sun" />
      <View className="tree-art__cloud tree-art__cloud--a" />
      <View className="tree-art__cloud tree-art__cloud--b" />
      <View className="tree-art__ground" />
      {stage === 'seed' ? (
        <View className="tree-art__seed-wrap">
          <View className="tree-art__mound" />
          <View className="tree-art__seed" />
        </View>
      ) : null}
      {trunk > 0 ? <View className="tree-art__trunk" style={{ height: px(trunk) }} /> : null}
      {stage === 'sprout' ? (
        <View className="tree-art__sprout">
          <View className="tree-art__leaf tree-art__leaf--left" />
          <View className="tree-art__leaf tree-art__leaf--right" />
        </View>
      ) : null}
      {index >= 3 ? (
        <View>
          <View className="tree-art__branch tree-art__branch--left" style={{ bottom: px(trunk * 0.66) }} />
          <View className="tree-art__branch tree-art__branch--right" style={{ bottom: px(trunk * 0.8) }} />
        </View>
      ) : null}
      {CROWNS[stage].map((b, i) => (
        <View
          key={i}
          className="tree-art__crown"
          style={{ left: `${b.x}%`, bottom: px(b.y - b.r), width: px(b.r * 2), height: px(b.r * 2), marginLeft: px(-b.r) }}
        />
      ))}
      {index >= 4
        ? DOTS.map((d, i) => (
            <View
              key={i}
              className={stage === 'fruit' ? 'tree-art__fruit' : 'tree-art__blossom'}
              style={{ left: `${d.x}%`, bottom: px(d.y) }}
            />
          ))
        : null}
    </View>
  );
}
