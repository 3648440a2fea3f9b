import { EmptyState } from '@/components/PageState';
import { Screen } from '@/components/Screen';

/** What anyone without the ops role sees instead of a back-office page: the functions answered FORBIDDEN before doing anything. */
export function LockedPage() {
  return (
    <Screen>
      <EmptyState icon="🔒" title="仅限运营人员" description="你的账号没有运营权限，如需开通请联系运营负责人在「员工管理」中授予。" />
    </Screen>
  );
}
