// A reader's follows, feedback and negative keywords reach their digest from the database: the recipient query carries
// them (with the liked papers' text), and the preview, the one selection, orders and explains the digest by them.
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifySubscriberToken } from "../../src/server/subscriptions/subscription-links";
import { previewNextDigest } from "../../src/server/digest/preview-digest";
import { findDigestRecipient } from "../../src/server/repo/digest-recipients";
import { hrefs, seedPapers, seedSubscribers, TEST_APP_URL, TEST_SECRET, testSettings } from "./helpers/digest-fixtures";
import { resetDb, testDb } from "./helpers/db";

const db = testDb();
const NOW = new Date("2026-11-27T07:00:00Z");
let ids: Map<string, number>;

beforeAll(async () => {
  await resetDb(db);
  const graph = "Message passing neural networks over molecular graphs predict binding.";
  const speech = "Acoustic models transcribe noisy speech recordings.";
  ids = await seedPapers(db, [
    { arxivId: "2611.00100", title: "Graph networks for molecules", abstract: graph, listedOn: "2026-11-10", upvotes: 5 },
    { arxivId: "2611.00001", title: "Speech recognition at scale", abstract: speech, categories: ["eess.AS"], listedOn: "2026-11-26", upvotes: 90 },
    { arxivId: "2611.00002", title: "Speech for low-resource languages", abstract: speech, categories: ["eess.AS"], listedOn: "2026-11-26", upvotes: 80 },
    { arxivId: "2611.00003", title: "Graph transformers for molecular property prediction", abstract: graph, listedOn: "2026-11-25", upvotes: 3 },
    { arxivId: "2611.00004", title: "Equivariant graph networks for molecules", abstract: graph, listedOn: "2026-11-25", upvotes: 2 },
    { arxivId: "2611.00005", title: "Crypto graph networks for molecules", abstract: graph, listedOn: "2026-11-25", upvotes: 1 },
    { arxivId: "2611.00006", title: "A survey of weather", abstract: "Clouds.", categories: ["physics.ao-ph"], listedOn: "2026-11-24", upvotes: 0 },
    { arxivId: "2611.00007", title: "Protein folding", abstract: "Structures.", categories: ["q-bio.BM"], listedOn: "2026-11-24", upvotes: 0 },
  ]);
  await db.paper.update({ where: { arxivId: "2611.00006" }, data: { authors: ["Ada  Lovelace", "C. Author"] } });
  await db.paper.update({ where: { arxivId: "2611.00007" }, data: { organization: "TIGER-Lab" } });
});

afterAll(async () => {
  await db.$disconnect();
});

it("puts follows first, orders the rest by the reader's feedback, and leaves out what they excluded", async () => {
  const [id] = await seedSubscribers(db, [{ email: "reader@example.test", frequency: "weekly" }]);
  await db.subscriber.update({ where: { id: id! }, data: { negativeKeywords: ["crypto"], readerGeneration: 2 } });
  await db.follow.createMany({
    data: [
      { subscriberId: id!, kind: "author", key: "ada lovelace", label: "Ada Lovelace" },
      { subscriberId: id!, kind: "organization", key: "tiger lab", label: "TIGER-Lab" },
    ],
  });
  await db.feedback.createMany({
    data: [
      { subscriberId: id!, paperId: ids.get("2611.00100")!, kind: "more", createdAt: new Date("2026-11-20T08:00:00Z") },
      { subscriberId: id!, paperId: ids.get("2611.00001")!, kind: "less", createdAt: new Date("2026-11-26T08:00:00Z") },
    ],
  });

  const recipient = (await findDigestRecipient({ db, email: "reader@example.test", sentSince: new Date("2026-10-01T00:00:00Z") }))!;
  expect(recipient).toMatchObject({ negativeKeywords: ["crypto"], readerGeneration: 2, dislikedPaperIds: [ids.get("2611.00001")] });
  expect(recipient.follows).toEqual([
    { kind: "author", key: "ada lovelace", label: "Ada Lovelace" },
    { kind: "organization", key: "tiger lab", label: "TIGER-Lab" },
  ]);
  expect(recipient.feedback.map((f) => [f.kind, f.title])).toEqual([
    ["less", "Speech recognition at scale"],
    ["more", "Graph networks for molecules"],
  ]);
  expect(recipient.feedback[1]).toMatchObject({
    abstract: expect.stringContaining("molecular graphs"),
    authors: ["A. Author", "B. Author"],
    categories: ["cs.LG"],
  });

  const preview = await previewNextDigest({ db, email: "reader@example.test", now: NOW, settings: testSettings() });
  const items = preview.mail!.items.map((i) => [i.paper.title, i.why]);
  expect(items).toEqual([
    ["Protein folding", "From TIGER-Lab, which you follow"],
    ["A survey of weather", "By Ada Lovelace, whom you follow"],
    // The closer title to the liked paper's ranks first.
    ["Equivariant graph networks for molecules", "Because you liked «Graph networks for molecules»"],
    ["Graph transformers for molecular property prediction", "Because you liked «Graph networks for molecules»"],
    ["Speech for low-resource languages", "Trending"],
  ]);

  const html = String(preview.mail!.mail.html);
  const reader = new URL(hrefs(html).find((h) => h.startsWith(`${TEST_APP_URL}/papers/`))!).searchParams.get("r")!;
  expect(verifySubscriberToken({ secret: TEST_SECRET, purpose: "reader", token: reader, now: NOW })).toEqual({ ok: true, subscriberId: id, generation: 2 });
  expect(html.match(/>More like this</g)).toHaveLength(5);
  expect(String(preview.mail!.mail.text).match(/Less like this: /g)).toHaveLength(5);

  // Undoing the feedback gives the trending order back from the next digest on.
  await db.feedback.deleteMany({ where: { subscriberId: id! } });
  const undone = await previewNextDigest({ db, email: "reader@example.test", now: NOW, settings: testSettings() });
  expect(undone.mail!.items.map((i) => i.paper.arxivId)).toEqual(["2611.00007", "2611.00006", "2611.00001", "2611.00002", "2611.00003", "2611.00004"]);
});
