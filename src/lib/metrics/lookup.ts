import type { Metric } from '../../schema/metric';

/** Where a reference to a metric was written, for error messages an editor can act on. */
export interface MetricSource {
  file: string;
  field: string;
}

/** The entry's metric with this id, or undefined for a caller that reports its own error. */
export function findMetric(metrics: readonly Metric[], id: string | undefined): Metric | undefined {
  return id === undefined ? undefined : metrics.find((m) => m.id === id);
}

/** The entry's metric with this id; an unknown id is the editor's typo and must stop the build. */
export function metricById(metrics: readonly Metric[], id: string, where: MetricSource): Metric {
  const metric = findMetric(metrics, id);
  if (!metric) {
    const known = metrics.map((m) => m.id).join('、') || '（无）';
    throw new Error(`${where.file}: ${where.field} 指向不存在的指标 “${id}”。该条目的 metrics 有：${known}`);
  }
  return metric;
}
