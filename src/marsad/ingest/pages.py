"""Fetched or archived web documents: decoding, canonical URLs, what kind of document it is.

Pure functions shared by `marsad fetch`, `marsad watch` and the WARC reader; no network here.

Decoding follows the order a browser uses: the HTTP header's charset, then the page's own
`<meta charset>`, then detection (`marsad.arabic.charsets.decode_bytes`, which prefers the
Arabic code pages). A header that names a Latin code page is not trusted on its own: many
servers send `ISO-8859-1` by default for windows-1256 pages, and every byte decodes as Latin-1,
so obeying it would turn Arabic into mojibake.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import zlib
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import lxml.etree
import lxml.html

from marsad.arabic.charsets import arabic_share, decode_bytes
from marsad.errors import InputError
from marsad.ingest.files import derive_id

DocumentKind = Literal["feed", "sitemap", "page"]

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_ROOT_RE = re.compile(rb"<\s*([A-Za-z][\w.:-]*)")
_LATIN = frozenset({"latin-1", "iso8859-1", "cp1252", "ascii"})
#: Query parameters that only track where a reader came from; they never select content.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "ocid",
        "_ga",
        "_gl",
        "cmpid",
        "ito",
        "ncid",
        "sr_share",
        "at_medium",
        "at_campaign",
    }
)
_GZIP_MAGIC = b"\x1f\x8b"


def header_charset(content_type: str | None) -> str | None:
    """The charset named in a Content-Type header.

    >>> header_charset("text/html; charset=Windows-1256")
    'Windows-1256'
    """
    match = _HEADER_CHARSET_RE.search(content_type or "")
    return match.group(1) if match else None


def decode_page(data: bytes, content_type: str | None, name: str) -> str:
    """Text of a fetched document: header charset, then meta/XML declaration, then detection.

    >>> page = '<meta charset="windows-1256"><p>مرحبا</p>'.encode("cp1256")
    >>> decode_page(page, "text/html", "page.html")
    '<meta charset="windows-1256"><p>مرحبا</p>'
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data, name)
    head = data[:4096]
    declared = _XML_ENCODING_RE.match(head) or _CHARSET_RE.search(head)
    for charset in (header_charset(content_type), declared.group(1).decode("ascii") if declared else None):
        text = _decode_declared(data, charset)
        if text is not None:
            return text
    return decode_bytes(data, name)


def _decode_declared(data: bytes, charset: str | None) -> str | None:
    """`data` decoded as `charset` when that is a real encoding that decodes it cleanly."""
    if not charset:
        return None
    try:
        encoding = codecs.lookup(charset).name
    except LookupError:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if encoding in _LATIN and not text.isascii():
        # Declared Latin, yet non-ASCII bytes: trust it only if the bytes are not Arabic
        # in an Arabic code page (detection decides).
        try:
            if arabic_share(data.decode("cp1256")) > 0.5:
                return None
        except UnicodeDecodeError:
            pass
    return text


def normalize_url(url: str) -> str:
    """The URL without fragment, default port and tracking parameters (utm_*, fbclid, ...).

    >>> normalize_url("HTTPS://Www.Example.com:443/news/1?utm_source=tw&id=5&fbclid=x#top")
    'https://www.example.com/news/1?id=5'
    >>> normalize_url("http://[::1]:8080/a"), normalize_url("http://127.0.0.1:8080/a")
    ('http://[::1]:8080/a', 'http://127.0.0.1:8080/a')
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal
    if parts.port and (scheme, parts.port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{parts.port}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMS
    ]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def canonical_url(html: str, url: str) -> str:
    """The page's `<link rel="canonical">` (http(s) only), else `url`; normalized either way.

    >>> canonical_url('<link rel="canonical" href="/news/7">', "https://example.com/news/7?utm_medium=rss")
    'https://example.com/news/7'
    """
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return normalize_url(url)
    for link in tree.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rels and href:
            candidate = urljoin(url, href)
            if urlsplit(candidate).scheme in ("http", "https"):
                return normalize_url(candidate)
    return normalize_url(url)


def url_id(url: str) -> str:
    """The article id for a canonical URL: stable while the article is edited."""
    return derive_id(url=url, text="")


def content_hash(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def maybe_gunzip(data: bytes, name: str, max_bytes: int) -> bytes:
    """Gzipped bytes (a `sitemap.xml.gz`) inflated, at most `max_bytes` of them."""
    if not data.startswith(_GZIP_MAGIC):
        return data
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise InputError(name, f"broken gzip data ({exc})") from exc
    if len(out) > max_bytes:
        raise InputError(name, f"inflates to over the {max_bytes:,}-byte limit")
    return out


def document_kind(data: bytes) -> DocumentKind:
    """What a fetched document is, from its root element: a feed, a sitemap or a page.

    >>> document_kind(b'<?xml version="1.0"?><rss version="2.0">'), document_kind(b"<!DOCTYPE html><html>")
    ('feed', 'page')
    """
    head = data[:8192].lstrip(codecs.BOM_UTF8)
    # Skip the XML declaration, comments, doctype and processing instructions before the root.
    head = re.sub(rb"<\?.*?\?>|<!--.*?-->|<![^>]*>", b"", head, flags=re.DOTALL)
    match = _ROOT_RE.search(head)
    root = match.group(1).decode("ascii", "replace").lower().split(":")[-1] if match else ""
    if root in ("rss", "feed", "rdf"):
        return "feed"
    if root in ("urlset", "sitemapindex"):
        return "sitemap"
    return "page"


def select_content(html: str, xpath: str, name: str) -> str:
    """The page reduced to its `<head>` and the elements `xpath` selects (a source's selector)."""
    try:
        tree = lxml.html.document_fromstring(html)
        found = tree.xpath(xpath)
    except (lxml.etree.ParserError, lxml.etree.XPathError, ValueError) as exc:
        raise InputError(name, f"selector {xpath!r} cannot be applied: {exc}") from exc
    elements = [node for node in found if isinstance(node, lxml.html.HtmlElement)]
    if not elements:
        raise InputError(name, f"selector {xpath!r} matches nothing on the page")
    head = tree.find("head")
    parts = [lxml.html.tostring(node, encoding="unicode") for node in elements]
    head_html = lxml.html.tostring(head, encoding="unicode") if head is not None else ""
    return f"<html>{head_html}<body>{''.join(parts)}</body></html>"
