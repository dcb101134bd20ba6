// The 404 page of App Router paths (the Pages Router's is src/pages/404.tsx).
import { NotFoundView } from "@/components/not-found-view";

export default function NotFound() {
  return <NotFoundView />;
}
