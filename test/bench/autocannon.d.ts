// the part of autocannon's API the server bench uses (no @types/autocannon is installed).
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      timeout?: number;
      requests?: Record<string, unknown>[];
    }
    interface Histogram { average: number; p50: number; p99: number; max: number }
    interface Result {
      duration: number;
      requests: Histogram;
      latency: Histogram;
      non2xx: number;
      errors: number;
      timeouts: number;
    }
    interface Instance extends Promise<Result> { stop(): void }
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
