"""Descriptions as a tool list gives them: Markdown, without what a model cannot use.

OpenAPI descriptions are CommonMark, and CommonMark lets them be HTML: AWS's documents
write every description as ``<p>`` paragraphs with ``<code>`` and ``<a href>``, and many
others mix tags into Markdown. A model reads Markdown well and HTML as noise, and a tool
list or a description budget spent on tags and URLs holds less of what the operation does.
So known HTML tags become their Markdown (paragraphs, line breaks, list items, code spans),
other known tags leave their text, links keep their text (and their URL only with
``--keep-links``), and entities become characters. What is not a known HTML tag (the
``<bucket-name>`` of a placeholder) and whatever is in code spans or fenced code blocks
stays as written.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

_LINK = re.compile(r"\[([^\[\]]+)\]\((?:https?://|/)[^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)")
_FENCES = r"```.*?(?:```|$)|~~~.*?(?:~~~|$)"
_FENCE = re.compile(rf"({_FENCES})", re.DOTALL)
_CODE = re.compile(rf"({_FENCES}|`[^`\n]*`)", re.DOTALL)
_BLOCK = "p|div|section|article|blockquote|pre|h[1-6]|hr|ul|ol|dl|table|thead|tbody|note"
_BLOCK += "|important|caution|warning|tip"
_INLINE = "b|strong|i|em|u|s|span|sup|sub|small|big|font|fullname|abbr|cite|mark|ins|del|img"
_NAMES = f"{_BLOCK}|{_INLINE}|br|li|dt|dd|tr|td|th|code|tt|kbd|samp|var|a"
_TAG = re.compile(rf"<(/?)({_NAMES})\b((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)/?>", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_HTML = re.compile(rf"</(?:{_NAMES})\s*>|<(?:p|br|li|ul|ol)\b", re.IGNORECASE)
"""Whether a text is HTML: a known tag that ends, or a paragraph, break or list."""
_BLOCKS = re.compile(rf"^(?:{_BLOCK})$", re.IGNORECASE)
_SPACES = re.compile(r"[ \t]*\n[ \t]*")
_ITEM = re.compile(r"(^|\n)-[ \t]*\n+")
_LOOSE = re.compile(r"^(- [^\n]*)\n\n(?=- )", re.MULTILINE)
_BLANKS = re.compile(r"\n{3,}")
_CODES = frozenset({"code", "tt", "kbd", "samp", "var"})


def compact_links(text: str) -> str:
    """Markdown links keep their text and lose their URL: a tool list is read by a model,
    which cannot follow them, and on large APIs the URLs are a tenth of the list."""
    return _LINK.sub(r"\1", text) if "](" in text else text


@lru_cache(maxsize=1 << 13)
def prose(text: str, keep_links: bool = False) -> str:
    """``text`` with its HTML as Markdown, and its links' URLs dropped unless ``keep_links``
    (kept: a document repeats its parameters' descriptions)."""
    if "<" in text and _HTML.search(text):
        text = "".join(
            part if i % 2 else _markdown(part, keep_links)
            for i, part in enumerate(_CODE.split(text))
        )
        text = _tidy(text)
    return text if keep_links else compact_links(text)


def _markdown(text: str, keep_links: bool) -> str:
    links: list[str] = []  # the URL of each open link, for its end

    def tag(match: re.Match[str]) -> str:
        closing, name, attributes = match.group(1) == "/", match.group(2).lower(), match.group(3)
        if name == "a":
            if not closing:
                href = _HREF.search(attributes)
                url = next((g for g in href.groups() if g is not None), "") if href else ""
                links.append(html.unescape(url).strip() if keep_links else "")
                return "[" if links[-1] else ""
            url = links.pop() if links else ""
            return f"]({url})" if url else ""
        if name in _CODES:
            return "`"
        if name in ("br", "tr", "dt", "dd"):
            return "\n"
        if name == "li":
            return "" if closing else "\n- "
        if name in ("td", "th"):
            return " "
        if _BLOCKS.match(name):
            return "\n\n"
        return ""

    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), _TAG.sub(tag, text))


def _tidy(text: str) -> str:
    """What tags left, tidied outside fenced code: no spaces at the ends of lines, at most
    one blank line at a time, and a list item's text on its marker's line."""
    parts = _FENCE.split(text)
    for i in range(0, len(parts), 2):
        part = _SPACES.sub("\n", parts[i])
        part = _ITEM.sub(r"\1- ", part)
        part = _BLANKS.sub("\n\n", part)
        parts[i] = _LOOSE.sub(r"\1\n", part)
    return "".join(parts).strip()
