export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The value below which a share `q` of `values` lie (nearest rank). */
export const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!

/** Median, 95th percentile and maximum of a series of delays. */
export const latencies = (times: number[]) => ({ medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95), maxMs: Math.max(...times) })
