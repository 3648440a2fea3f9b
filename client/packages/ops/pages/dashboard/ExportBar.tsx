import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { deliverFileLabel } from '@/platform/fileExport';
import { Button } from '@/components/Button';
import { go } from '@/routes';
import { useOpsDashboard } from '../../stores/dashboard';
import { useOpsExport } from '../../stores/export';

const DELIVERED = { shared: '已发送', copied: '已复制下载链接', downloaded: '已下载' } as const;

/** The range's figures as a CSV file (`ops.export`), and the way to the back office. */
export function ExportBar() {
  const range = useOpsDashboard((s) => s.range);
  const exporting = useOpsExport((s) => s.exporting);
  const last = useOpsExport((s) => s.last);
  const error = useOpsExport((s) => s.error);
  const run = useOpsExport((s) => s.run);
  return (
    <View className="ops-dash__export">
      <Button
        size="sm"
        variant="secondary"
        loading={exporting}
        onClick={() => {
          void run(range.from, range.to).then(() => {
            const { last: done, error: failed } = useOpsExport.getState();
            if (failed) void Taro.showToast({ title: failed.message, icon: 'none' });
            else if (done) void Taro.showToast({ title: DELIVERED[done.delivery], icon: 'success' });
          });
        }}
      >
        {deliverFileLabel}
      </Button>
      <Text className="ops-dash__export-note">
        {error ? `导出失败：${error.message}` : last ? `${last.fileName}（${last.rows} 行）` : 'UTF-8 CSV，Excel / WPS 可直接打开'}
      </Text>
      <Text className="ops-dash__office" onClick={() => go('opsOffice')}>
        运营后台 ›
      </Text>
    </View>
  );
}
