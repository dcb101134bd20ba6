// Which addresses and URLs the fetcher refuses: private, loopback, link-local and mapped forms, non-allow-listed hosts.
import { describe, expect, it } from "vitest";
import { assertFetchableUrl, forbiddenAddressReason } from "../../../src/server/fetch/address-policy";

const strict = { allowLoopback: false };

describe("forbiddenAddressReason", () => {
  it.each([
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "127.0.0.1",
    "127.8.8.8",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:a9fe:a9fe",
    "64:ff9b::a00:1",
    "2001:db8::1",
    "::7f00:1",
    "192.88.99.1",
    "192.31.196.1",
    "100::1",
    "2001:2::1",
    "3fff::1",
    "64:ff9b:1::a00:1",
    "2002:a00:1::1",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",
  ])("refuses %s", (ip) => {
    expect(forbiddenAddressReason(ip, strict)).not.toBeNull();
  });

  it.each(["8.8.8.8", "151.101.1.1", "172.32.0.1", "2606:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8", "64:ff9b::808:808"])(
    "allows public %s",
    (ip) => {
      expect(forbiddenAddressReason(ip, strict)).toBeNull();
    },
  );

  it("allows IPv4 loopback only with the test-only setting, and never IPv6 loopback", () => {
    expect(forbiddenAddressReason("127.0.0.1", { allowLoopback: true })).toBeNull();
    expect(forbiddenAddressReason("::1", { allowLoopback: true })).not.toBeNull();
    expect(forbiddenAddressReason("10.0.0.1", { allowLoopback: true })).not.toBeNull();
  });
});

describe("assertFetchableUrl", () => {
  it.each([
    "https://huggingface.co/api/daily_papers",
    "https://arxiv.org/list/cs.CL/new",
    "https://export.arxiv.org/api/query?x=1",
    "https://rss.arxiv.org/rss/cs.CL",
    "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2605.05242.png",
  ])("allows %s", (url) => expect(assertFetchableUrl(url, strict).href).toBe(url));

  it.each([
    ["http://huggingface.co/papers", /only https/],
    ["https://huggingface.co:8443/papers", /port 443/],
    ["https://evil.example.com/", /not allow-listed/],
    ["https://huggingface.co.evil.com/", /not allow-listed/],
    ["http://cdn-thumbnails.huggingface.co/x.png", /only https/],
    ["https://cdn.huggingface.co/x.png", /not allow-listed/],
    ["https://user:pw@huggingface.co/", /credentials/],
    ["http://127.0.0.1:3000/", /loopback/],
    ["http://[::1]/", /loopback/],
    ["http://169.254.169.254/", /private|link-local/],
    ["http://8.8.8.8/", /IP addresses are not allow-listed/],
    ["file:///etc/passwd", /not allow-listed/],
    ["not a url", /not an absolute URL/],
  ])("refuses %s", (url, reason) => {
    expect(() => assertFetchableUrl(url, strict)).toThrow(reason);
  });

  it("allows a 127.0.0.1 fixture server only with the test-only setting", () => {
    expect(assertFetchableUrl("http://127.0.0.1:4000/x", { allowLoopback: true }).port).toBe("4000");
    expect(() => assertFetchableUrl("http://localhost:4000/x", { allowLoopback: true })).toThrow(/not allow-listed/);
  });
});
