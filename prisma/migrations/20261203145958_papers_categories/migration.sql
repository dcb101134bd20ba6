-- A category filter finds its papers through this index when they are few (listPapers' hasFewMatches): with no index, a category no
-- paper has (`/?cat=q-bio.SC`, any well-formed name) read every paper in trending order and found none, 6 s at a million papers. About
-- 1 s to build at a million papers.
CREATE INDEX "papers_categories_idx" ON "papers" USING GIN ("categories");
