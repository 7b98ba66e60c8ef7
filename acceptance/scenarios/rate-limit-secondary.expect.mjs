// Faults on the way (5xx / rate limits): retried, and the outcome is exactly that of report-changed.
import { recoveredAsReportChanged } from '../lib/expect.mjs';

export default recoveredAsReportChanged;
