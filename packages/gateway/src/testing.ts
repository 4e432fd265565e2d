export {
  type MockBehavior,
  type MockFlavor,
  type MockUpstream,
  type MockUpstreamOptions,
  type RecordedRequest,
  startMockUpstream,
} from './testing/mock-upstream.js';
