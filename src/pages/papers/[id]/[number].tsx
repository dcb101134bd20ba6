// An old-style arXiv id written with its slash (/papers/hep-th/9901001, as arXiv writes it): a permanent redirect to the paper's one
// address, where the slash is encoded (paperPath), or a 404; never a page of its own.
import type { GetStaticPaths, GetStaticProps } from "next";
import { paperPageProps, type TPaperPageProps } from "@/server/feed/feed-page-props";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: "blocking" });

export const getStaticProps: GetStaticProps<TPaperPageProps, { id: string; number: string }> = async ({ params }) => {
  const segment = `${params?.id ?? ""}/${params?.number ?? ""}`;
  const result = await paperPageProps(segment, `/papers/${segment}`);
  // The paper's own page renders at its own address only.
  return "props" in result ? { notFound: true, revalidate: result.revalidate } : result;
};

export default function OldStylePaperPath() {
  return null;
}
