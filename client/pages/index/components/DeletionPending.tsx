import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@/components/Button';
import type { LoadError } from '@/stores/loadState';
import { useProfileStore } from '@/stores/profile';

export interface DeletionPendingProps {
  /** After the deletion finished: home starts over (a later visit is a new membership). */
  onDone(): void;
}

/**
 * Home when an account deletion was interrupted half way (every call answers ACCOUNT_DELETING
 * until the deletion is asked again): the member can finish it here, since the profile page with
 * its delete button cannot load either.
 */
export function DeletionPending({ onDone }: DeletionPendingProps) {
  const deleting = useProfileStore((s) => s.deleting);
  const error = useProfileStore((s) => s.error);

  const finish = async () => {
    if (await useProfileStore.getState().deleteAccount()) {
      void Taro.showToast({ title: '账号已注销', icon: 'success' });
      onDone();
    }
  };

  return (
    <View className="mc-state mc-state--error">
      <Text className="mc-state__title">账号正在注销</Text>
      <Text className="mc-state__text">
        上次的注销没有完成，你的账号暂时不能使用。点下方按钮完成注销；注销后积分、徽章和邀请记录无法恢复。
      </Text>
      {error ? <Text className="mc-state__text">{error.message}</Text> : null}
      <Button variant="danger" loading={deleting} onClick={() => void finish()} className="mc-state__action">
        完成注销
      </Button>
    </View>
  );
}

/** Home's error view: the deletion screen for ACCOUNT_DELETING, the usual error state otherwise. */
export function deletionPendingView(reload: () => Promise<void>) {
  return (error: LoadError): ReactNode | null =>
    error.code === 'ACCOUNT_DELETING' ? <DeletionPending onDone={() => void reload()} /> : null;
}
