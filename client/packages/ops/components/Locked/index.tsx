import { EmptyState } from '@/components/PageState';

/** What anyone without the ops role sees: the functions answer FORBIDDEN before doing anything. */
export function Locked() {
  return <EmptyState icon="🔒" title="仅限运营人员" description="你的账号没有运营权限，如需开通请联系运营负责人在「员工管理」中授予。" />;
}
