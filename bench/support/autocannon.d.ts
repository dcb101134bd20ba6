// The slice of autocannon's API the benchmarks use (the package ships no types).
declare module "autocannon" {
  type TLatency = { p50: number; p99: number; p97_5: number; average: number };
  /** `duration`: seconds the run actually took. */
  type TResult = { requests: { average: number; total: number; sent: number }; duration: number; latency: TLatency; errors: number; non2xx: number };
  type TRequest = { method?: string; path?: string; headers?: Record<string, string> };
  export default function autocannon(opts: {
    url: string;
    connections: number;
    duration: number;
    /** Each connection cycles through these; setupRequest may rewrite a request just before it is sent. */
    requests?: { setupRequest?: (req: TRequest) => TRequest }[];
  }): PromiseLike<TResult> & {
    /** Every answer, as it arrives; responseTime in ms. */
    on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
  };
}
