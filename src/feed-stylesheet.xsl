<?xml version="1.0" encoding="utf-8"?>
<!-- Shows paperfeed's RSS and Atom feeds as a page when a browser opens them; feed readers ignore it.
     src/feed-stylesheet.ts fills in the placeholders (upper-case names between at signs), escaped.
     Everything from a feed is printed with xsl:value-of: as text, never as markup. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" exclude-result-prefixes="atom dc">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:variable name="rss" select="/rss/channel"/>
  <xsl:variable name="atom" select="/atom:feed"/>
  <xsl:variable name="feedTitle" select="$rss/title | $atom/atom:title"/>
  <xsl:variable name="selfUrl" select="$rss/atom:link[@rel='self']/@href | $atom/atom:link[@rel='self']/@href"/>
  <xsl:variable name="homeUrl" select="$rss/link | $atom/atom:link[@rel='alternate']/@href"/>
  <xsl:variable name="format"><xsl:choose><xsl:when test="$rss">RSS</xsl:when><xsl:otherwise>Atom</xsl:otherwise></xsl:choose></xsl:variable>
  <xsl:template match="/">
    <html lang="{$rss/language | $atom/@xml:lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$feedTitle"/> (<xsl:value-of select="$format"/> feed)</title>
        <link rel="stylesheet" href="@STYLESHEET@"/>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href="/">@SITE_TITLE@</a>
            <nav class="site-nav" aria-label="Main">
              <ul>
                <li><a href="@TOPICS@">Topics</a></li>
                <li><a href="@FEEDS@">Feeds</a></li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap feed-view" tabindex="-1">
          <h1 dir="auto"><xsl:value-of select="$feedTitle"/></h1>
          <section class="feed-about" aria-labelledby="about-heading">
            <h2 id="about-heading">This is a web feed</h2>
            <p>A feed reader (such as NetNewsWire, Feedly, Miniflux, Thunderbird or Zotero) checks this address for you and shows each new paper with its full abstract and formulas. To subscribe, copy the address into your reader’s “add feed” or “subscribe” box:</p>
            <p><code class="feed-url"><xsl:value-of select="$selfUrl"/></code></p>
            <p>This is the <xsl:value-of select="$format"/> version. <a href="@FEEDS@">All feeds, in RSS, Atom and JSON Feed, and how to subscribe</a> · <a href="{$homeUrl}">The papers on the site</a></p>
          </section>
          <h2>Papers in this feed</h2>
          <xsl:choose>
            <xsl:when test="$rss/item | $atom/atom:entry">
              <ol class="cards">
                <xsl:apply-templates select="$rss/item | $atom/atom:entry"/>
              </ol>
            </xsl:when>
            <xsl:otherwise><p class="empty-state">No papers yet.</p></xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>
  <xsl:template match="item">
    <xsl:variable name="link" select="link"/>
    <xsl:variable name="title" select="title"/>
    <xsl:variable name="authors" select="dc:creator"/>
    <xsl:variable name="day" select="substring(pubDate, 6, 11)"/>
        <li>
          <article class="card">
            <h3 class="card-title" dir="auto"><a href="{$link}"><xsl:value-of select="$title"/></a></h3>
            <xsl:if test="$authors"><p class="card-authors" dir="auto"><xsl:for-each select="$authors"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each></p></xsl:if>
            <p class="card-meta">Listed <xsl:value-of select="$day"/></p>
          </article>
        </li>
  </xsl:template>
  <xsl:template match="atom:entry">
    <xsl:variable name="link" select="atom:link[@rel='alternate']/@href"/>
    <xsl:variable name="title" select="atom:title"/>
    <xsl:variable name="authors" select="atom:author/atom:name"/>
    <xsl:variable name="day" select="substring(atom:updated, 1, 10)"/>
        <li>
          <article class="card">
            <h3 class="card-title" dir="auto"><a href="{$link}"><xsl:value-of select="$title"/></a></h3>
            <xsl:if test="$authors"><p class="card-authors" dir="auto"><xsl:for-each select="$authors"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="."/></xsl:for-each></p></xsl:if>
            <p class="card-meta">Listed <xsl:value-of select="$day"/></p>
          </article>
        </li>
  </xsl:template>
</xsl:stylesheet>
