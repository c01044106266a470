/** What the operator reads: the metrics, in the Prometheus text format. */
import { z } from 'zod';

/** The metrics as Prometheus text (exposition format 0.0.4). */
export const metricsResponse = z.string();
