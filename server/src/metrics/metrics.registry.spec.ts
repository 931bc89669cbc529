import { countMergePatchFailures, countRefusal, durableWindow } from '../collaboration/collab-metrics';
import { MetricsRegistry } from './metrics.registry';

describe('MetricsRegistry (prom-client, a registry per app)', () => {
  let a: MetricsRegistry;
  let b: MetricsRegistry;
  beforeEach(() => {
    a = new MetricsRegistry();
    b = new MetricsRegistry();
  });
  afterEach(() => {
    a.onModuleDestroy();
    b.onModuleDestroy();
  });

  it('renders our series beside the default process metrics, each registry counting on its own', async () => {
    countMergePatchFailures(a, 0);
    countMergePatchFailures(a, 2);
    countRefusal(a, 'oversized');
    countRefusal(a, 'oversized');
    countRefusal(a, 'malformed_frame');
    durableWindow(a).observe(12);
    durableWindow(a).observe(3000);
    a.gauge('omnibus_collab_rooms', 'Drafts open.', () => 4);
    const text = await a.render();
    expect(text).toContain('omnibus_collab_merge_patch_failures_total 2\n');
    expect(text).toContain('omnibus_collab_refusals_total{reason="oversized"} 2\n');
    expect(text).toContain('omnibus_collab_refusals_total{reason="malformed_frame"} 1\n');
    expect(text).toContain('omnibus_collab_durable_ms_bucket{le="20"} 1\n');
    expect(text).toContain('omnibus_collab_durable_ms_bucket{le="5000"} 2\n');
    expect(text).toContain('omnibus_collab_durable_ms_count 2\n');
    expect(text).toContain('omnibus_collab_rooms 4\n');
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(text).toMatch(/^omnibus_event_loop_delay_p99_ms [\d.e+-]+$/m);

    const other = await b.render();
    expect(other).not.toContain('omnibus_collab_merge_patch_failures_total');
    expect(other).toMatch(/^process_resident_memory_bytes \d+$/m);
  });

  it('refuses a label that is not name="value"', () => {
    expect(() => a.inc('omnibus_x_total', 'x', 'reason=oops')).toThrow(/name="value"/);
  });
});
