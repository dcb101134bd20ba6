// The slice of autocannon's API the benchmarks use (the package ships no types).
declare module "autocannon" {
  type TLatency = { p50: number; p99: number; p97_5: number; average: number };
  type TResult = { requests: { average: number }; latency: TLatency; errors: number; non2xx: number };
  export default function autocannon(opts: { url: string; connections: number; duration: number }): Promise<TResult>;
}
