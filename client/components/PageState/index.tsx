import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import type { LoadError, LoadStatus } from '@/stores/loadState';
import { Button } from '../Button';

export interface LoadingProps {
  /** Skeleton rows to draw. */
  rows?: number;
  text?: string;
}

/** A calm skeleton while a page's first answer is on its way. */
export function Loading({ rows = 3, text = '加载中…' }: LoadingProps) {
  return (
    <View className="mc-state mc-state--loading">
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className="mc-state__skeleton">
          <View className="mc-state__bone mc-state__bone--title" />
          <View className="mc-state__bone" />
          <View className="mc-state__bone mc-state__bone--short" />
        </View>
      ))}
      <Text className="mc-state__hint">{text}</Text>
    </View>
  );
}

export interface ErrorStateProps {
  /** The envelope's Chinese message. */
  message: string;
  onRetry?: () => void;
}

export function ErrorState({ message, onRetry }: ErrorStateProps) {
  return (
    <View className="mc-state mc-state--error">
      <View className="mc-state__icon mc-state__icon--error">
        <Text>!</Text>
      </View>
      <Text className="mc-state__title">出了点小问题</Text>
      <Text className="mc-state__text">{message}</Text>
      {onRetry ? (
        <Button variant="secondary" onClick={onRetry} className="mc-state__action">
          重试
        </Button>
      ) : null}
    </View>
  );
}

export interface EmptyStateProps {
  icon?: string;
  title: string;
  description?: string;
  action?: ReactNode;
}

export function EmptyState({ icon = '🌿', title, description, action }: EmptyStateProps) {
  return (
    <View className="mc-state mc-state--empty">
      <View className="mc-state__icon">
        <Text>{icon}</Text>
      </View>
      <Text className="mc-state__title">{title}</Text>
      {description ? <Text className="mc-state__text">{description}</Text> : null}
      {action ? <View className="mc-state__action">{action}</View> : null}
    </View>
  );
}

export interface PageStateProps {
  status: LoadStatus;
  error?: LoadError | null;
  /** Data is already shown: keep it on screen while refreshing, even if a refresh failed. */
  hasData: boolean;
  onRetry?: () => void;
  loading?: ReactNode;
  /** A page's own screen for an error it knows how to resolve (null: the usual error state). */
  errorView?: (error: LoadError) => ReactNode | null;
  children: ReactNode;
}

/** Loading, error (Chinese message + 重试) or the page itself. Empty states are the page's own. */
export function PageState({ status, error, hasData, onRetry, loading, errorView, children }: PageStateProps) {
  if (hasData) return <>{children}</>;
  if (status === 'error') {
    const own = error && errorView ? errorView(error) : null;
    return own ? <>{own}</> : <ErrorState message={error?.message ?? '加载失败'} onRetry={onRetry} />;
  }
  return <>{loading ?? <Loading />}</>;
}
