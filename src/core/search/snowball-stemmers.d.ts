// The slice of snowball-stemmers' API the search highlights use (the package ships no types).
declare module "snowball-stemmers" {
  const snowball: { newStemmer(language: string): { stem(word: string): string } };
  export default snowball;
}
