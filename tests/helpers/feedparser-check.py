#!/usr/bin/python3
"""Prints, as JSON, what Python's feedparser reads in each feed file given: bozo flag and exception,
detected version, title, and per entry its id, title, link, published date, authors, tags, summary
and content. Run with Debian's /usr/bin/python3 (python3-feedparser)."""
import json
import sys

import feedparser


def entry(e):
    return {
        'id': e.get('id', ''),
        'title': e.get('title', ''),
        'link': e.get('link', ''),
        'published': e.get('published_parsed') and '%04d-%02d-%02d' % tuple(e['published_parsed'][:3]),
        'authors': [a.get('name', '') for a in e.get('authors', [])],
        'tags': [t.get('term', '') for t in e.get('tags', [])],
        'summary': e.get('summary', ''),
        'content': ''.join(c.get('value', '') for c in e.get('content', [])),
    }


def read(path):
    with open(path, 'rb') as fh:
        d = feedparser.parse(fh.read())
    exc = d.get('bozo_exception')
    return {
        'file': path,
        'bozo': bool(d.bozo),
        'bozoException': '%s: %s' % (type(exc).__name__, exc) if exc is not None else None,
        'version': d.get('version', ''),
        'title': d.feed.get('title', ''),
        'entries': [entry(e) for e in d.entries],
    }


print(json.dumps([read(p) for p in sys.argv[1:]]))
