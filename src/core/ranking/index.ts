// Public surface of ranking: the trending score and the snapshot growth it is computed from.
export { trendingScore, type TTrendingInput } from "./trending-score";
export { growthFrom, type TGrowth, type TMetricSnapshot } from "./growth-from";
