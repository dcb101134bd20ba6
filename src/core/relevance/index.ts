// Public surface of relevance: papers as hashed tf-idf vectors, and a reader's model learned from their feedback.
export { buildFeatureSpace } from "./feature-space";
export { mostSimilarLiked, scoreCandidates, trainReaderModel, TREND_WEIGHT, type TFeedbackExample } from "./reader-model";
