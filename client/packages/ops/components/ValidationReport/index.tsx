import { Text, View } from '@tarojs/components';
import { CONTENT_COLLECTIONS, type ContentCollection } from '@shared/content/ids';
import type { OpsValidateData } from '@shared/contracts/ops';
import { Button } from '@/components/Button';
import { cx } from '@/utils/cx';
import { COLLECTION_LABELS } from '../../utils/labels';
import './index.css';

export interface ValidationReportProps {
  report: OpsValidateData;
  checking: boolean;
  onRecheck: () => void;
}

/** `ops.validate` as ops read it: a verdict, documents per collection, then each problem by collection, _id and field. */
export function ValidationReport({ report, checking, onRecheck }: ValidationReportProps) {
  const collections = CONTENT_COLLECTIONS.filter((c) => report.counts[c] !== undefined);
  return (
    <View className="ops-check">
      <View className={cx('ops-check__verdict', report.ok ? 'ops-check__verdict--ok' : 'ops-check__verdict--bad')}>
        <Text className="ops-check__verdict-text">
          {report.ok ? '✔ 内容校验通过' : '✖ 内容有错误，出错的文档已被跳过'}
          {report.errors + report.warnings > 0 ? `（${report.errors} 个错误 · ${report.warnings} 个警告）` : ''}
        </Text>
        <Button size="sm" variant="secondary" loading={checking} onClick={onRecheck}>
          重新校验
        </Button>
      </View>
      <View className="ops-check__counts">
        {collections.map((c) => (
          <View key={c} className="ops-check__count">
            <Text className="ops-check__count-name">{COLLECTION_LABELS[c]}</Text>
            <Text className="ops-check__count-value mc-num">{report.counts[c].valid}</Text>
            {report.counts[c].skipped > 0 ? <Text className="ops-check__count-skipped">跳过 {report.counts[c].skipped}</Text> : null}
          </View>
        ))}
      </View>
      {report.problems.map((p, i) => (
        <View key={`${p.collection}-${p.id}-${p.field}-${i}`} className={cx('ops-check__problem', `ops-check__problem--${p.severity}`)}>
          <Text className="ops-check__where">
            {p.severity === 'error' ? '✖' : '⚠'} {COLLECTION_LABELS[p.collection as ContentCollection] ?? p.collection} · {p.id}
            {p.field ? ` · ${p.field}` : ''}
          </Text>
          <Text className="ops-check__message">{p.message_zh}</Text>
        </View>
      ))}
    </View>
  );
}
