import { View, Text, Image } from '@tarojs/components';
import { SAVE_POSTER_LABEL } from '@/platform/poster';
import { Button } from '../Button';
import { PosterCanvas } from '../PosterCanvas';
import { Sheet } from '../Sheet';

export interface PosterSheetProps {
  /** The page's canvas id (`usePoster`'s). */
  canvasId: string;
  title: string;
  open: boolean;
  src: string | null;
  onSave: () => void;
  onClose: () => void;
}

/** The drawn poster in a sheet with its save button, and the hidden canvas it is drawn on. */
export function PosterSheet({ canvasId, title, open, src, onSave, onClose }: PosterSheetProps) {
  return (
    <>
      <PosterCanvas id={canvasId} />
      <Sheet
        open={open}
        title={title}
        onClose={onClose}
        footer={
          <Button block onClick={onSave} disabled={!src}>
            {SAVE_POSTER_LABEL}
          </Button>
        }
      >
        <View className="mc-poster-sheet">
          {src ? (
            <Image className="mc-poster-sheet__img" src={src} mode="aspectFit" />
          ) : (
            <Text className="mc-poster-sheet__busy">海报生成中…</Text>
          )}
        </View>
      </Sheet>
    </>
  );
}
