// Public surface of ranking: the trending score, snapshot growth, and ordering papers by score.
export {
  AGE_OFFSET_HOURS,
  BASE_POINTS,
  GRAVITY,
  STARS_GROWTH_WEIGHT,
  STARS_WEIGHT,
  UPVOTES_GROWTH_WEIGHT,
  ageHours,
  trendingScore,
  type TTrendingInput,
} from "./trending-score";
export { growthFrom, type TGrowth, type TMetricSnapshot } from "./growth-from";
export { rankPapers, type TRankable } from "./rank-papers";
