// Public surface of ranking: the trending score and the snapshot growth it is computed from.
export { trendingScore } from "./trending-score";
export { growthFrom, type TMetricSnapshot } from "./growth-from";
