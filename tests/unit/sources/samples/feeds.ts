// Small feeds in arXiv's formats that the captured fixtures do not cover: the Atom twin of the RSS feed,
// the pre-2024 RSS 1.0 (RDF) feed, and the API's error response.

export const RSS_ATOM = `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <id>http://rss.arxiv.org/atom/stat</id>
  <title>stat updates on arXiv.org</title>
  <updated>2024-03-26T04:00:03.000000+00:00</updated>
  <link href="http://rss.arxiv.org/atom/stat" rel="self" type="application/atom+xml"/>
  <subtitle>stat updates on the arXiv.org e-print archive.</subtitle>
  <entry>
    <id>oai:arXiv.org:2403.15527v1</id>
    <title>Conformal online model aggregation</title>
    <updated>2024-03-26T00:00:00-04:00</updated>
    <link href="https://arxiv.org/abs/2403.15527" rel="alternate" type="text/html"/>
    <summary>arXiv:2403.15527v1 Announce Type: new 
Abstract: Conformal prediction equips machine learning models with a reasonable notion of uncertainty.</summary>
    <category term="stat.ML" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <published>2024-03-26T00:00:00-04:00</published>
    <arxiv:announce_type>new</arxiv:announce_type>
    <dc:rights>http://arxiv.org/licenses/nonexclusive-distrib/1.0/</dc:rights>
    <author>
      <name>Matteo Gasparin</name>
    </author>
    <author>
      <name>Aaditya Ramdas</name>
    </author>
  </entry>
  <entry>
    <id>oai:arXiv.org:2403.14050v2</id>
    <title>Extracting Emotion Phrases from Tweets using BART</title>
    <updated>2024-03-26T00:00:00-04:00</updated>
    <link href="https://arxiv.org/abs/2403.14050" rel="alternate" type="text/html"/>
    <summary>arXiv:2403.14050v2 Announce Type: replace-cross 
Abstract: Sentiment analysis is a natural language processing task.</summary>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <category term="stat.AP" scheme="http://arxiv.org/schemas/atom"/>
    <published>2024-03-26T00:00:00-04:00</published>
    <arxiv:announce_type>replace-cross</arxiv:announce_type>
    <dc:creator>Mahdi Rezapour</dc:creator>
  </entry>
</feed>
`;

export const RSS_RDF = `<?xml version="1.0" encoding="UTF-8"?>

<rdf:RDF
 xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:taxo="http://purl.org/rss/1.0/modules/taxonomy/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:syn="http://purl.org/rss/1.0/modules/syndication/"
 xmlns:admin="http://webns.net/mvcb/"
>

<channel rdf:about="http://arxiv.org/">
<title>cs.CL updates on arXiv.org</title>
<link>http://arxiv.org/</link>
<description rdf:parseType="Literal">Computer Science -- Computation and Language (cs.CL) updates on the arXiv.org e-print archive</description>
<dc:language>en-us</dc:language>
<dc:date>2023-06-01T20:30:00-05:00</dc:date>
<dc:publisher>help@arxiv.org</dc:publisher>
<dc:subject>Computer Science -- Computation and Language</dc:subject>
<syn:updateBase>1901-01-01T00:00+00:00</syn:updateBase>
<syn:updateFrequency>1</syn:updateFrequency>
<syn:updatePeriod>daily</syn:updatePeriod>
<items>
 <rdf:Seq>
  <rdf:li rdf:resource="http://arxiv.org/abs/2306.00001" />
  <rdf:li rdf:resource="http://arxiv.org/abs/2306.00123" />
  <rdf:li rdf:resource="http://arxiv.org/abs/2205.09999" />
 </rdf:Seq>
</items>
<image rdf:resource="http://arxiv.org/icons/sfx.gif" />
</channel>
<image rdf:about="http://arxiv.org/icons/sfx.gif">
<title>arXiv.org</title>
<url>http://arxiv.org/icons/sfx.gif</url>
<link>http://arxiv.org/</link>
</image>
<item rdf:about="http://arxiv.org/abs/2306.00001">
<title>Grounded Dialogue Generation with Retrieval. (arXiv:2306.00001v1 [cs.CL])</title>
<link>http://arxiv.org/abs/2306.00001</link>
<description rdf:parseType="Literal">&lt;p&gt;We study &lt;i&gt;grounded&lt;/i&gt; dialogue generation and show that retrieval helps. The
model emits &amp;lt;eos&amp;gt; when done.&lt;/p&gt;
</description>
<dc:creator> &lt;a href="http://arxiv.org/find/cs/1/au:+Smith_J/0/1/0/all/0/1"&gt;John Smith&lt;/a&gt;, &lt;a href="http://arxiv.org/find/cs/1/au:+Doe_J/0/1/0/all/0/1"&gt;Jane Doe&lt;/a&gt;</dc:creator>
</item>
<item rdf:about="http://arxiv.org/abs/2306.00123">
<title>Vision Transformers Need Registers. (arXiv:2306.00123v1 [cs.CV] CROSS LISTED)</title>
<link>http://arxiv.org/abs/2306.00123</link>
<description rdf:parseType="Literal">&lt;p&gt;Registers remove artifacts from attention maps.&lt;/p&gt;
</description>
<dc:creator> &lt;a href="http://arxiv.org/find/cs/1/au:+Roe_R/0/1/0/all/0/1"&gt;Richard Roe&lt;/a&gt;</dc:creator>
</item>
<item rdf:about="http://arxiv.org/abs/2205.09999">
<title>An Older Paper, Revised. (arXiv:2205.09999v3 [cs.CL] UPDATED)</title>
<link>http://arxiv.org/abs/2205.09999</link>
<description rdf:parseType="Literal">&lt;p&gt;Now with more experiments.&lt;/p&gt;
</description>
<dc:creator> &lt;a href="http://arxiv.org/find/cs/1/au:+Poe_E/0/1/0/all/0/1"&gt;Edgar Poe&lt;/a&gt;, &lt;a href="http://arxiv.org/find/cs/1/au:+King_M/0/1/0/all/0/1"&gt;Martin King&lt;/a&gt;, Jr.</dc:creator>
</item>
</rdf:RDF>
`;

export const API_ERROR = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?search_query%3D%26id_list%3D1234.12345%26start%3D0%26max_results%3D10" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=&amp;id_list=1234.12345&amp;start=0&amp;max_results=10</title>
  <id>http://arxiv.org/api/kvuntZ8c9a4Eq5CF7KY03nMug+Q</id>
  <updated>2024-04-08T00:00:00-04:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:itemsPerPage>
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>
    <title>Error</title>
    <summary>incorrect id format for 1234.12345</summary>
    <updated>2024-04-08T00:00:00-04:00</updated>
    <link href="http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345" rel="alternate" type="text/html"/>
    <author>
      <name>arXiv api core</name>
    </author>
  </entry>
</feed>
`;
