// One paper in full (/papers/<arXiv id or p-<id>>): a zero-JS page rendered on first request and cached until the feed changes, a 404
// included, so an admin's hide or unhide shows at once (src/server/cache).
import type { GetStaticPaths, GetStaticProps } from "next";
import { truncateText } from "@/core/digest/shorten-text";
import { paperPath } from "@/core/digest/paper-links";
import { PageHead } from "@/components/page-head";
import { PaperView } from "@/components/paper-view";
import { paperPageProps, type TPaperPageProps } from "@/server/feed/feed-page-props";

// unstable_runtimeJS: false ships no framework JS at all; `runtime` is listed because Next's generated page types require a known key.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: "blocking" });

export const getStaticProps: GetStaticProps<TPaperPageProps, { id: string }> = async ({ params }) => paperPageProps(params?.id ?? "");

export default function PaperPage({ appUrl, ...view }: TPaperPageProps) {
  const { paper } = view;
  return (
    <>
      <PageHead
        title={paper.title}
        description={truncateText(paper.abstract, 200)}
        path={paperPath(paper)}
        appUrl={appUrl}
        type="article"
        image={paper.thumbnail ? `${appUrl}${paper.thumbnail.src}` : null}
      />
      <PaperView {...view} />
    </>
  );
}
