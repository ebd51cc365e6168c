"""The visible text of an HTML page: block elements become lines, table rows tab-separated."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PageElement, PreformattedString, Tag

from viewer.text.readers.encoding import decode_text
from viewer.text.readers.errors import UnreadableContent

_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_:.-]+)""",
    re.IGNORECASE,
)
_SNIFF_BYTES = 4096
_INVISIBLE = frozenset(
    {"head", "title", "script", "style", "noscript", "template", "iframe", "object", "svg", "canvas"}
)
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
        "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
        "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr",
        "ul",
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


def read_html(data: bytes) -> str:
    """Visible text of an HTML document given as bytes; raises UnreadableContent."""
    text = decode_text(data, declared_charset(data))
    visible = html_to_text(text)
    if not visible:
        raise UnreadableContent("no visible text")
    return visible


def declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    if match is None:
        return None
    label = match.group(1) or match.group(2)
    return label.decode("ascii")


def html_to_text(markup: str) -> str:
    soup = BeautifulSoup(markup, "html.parser")
    builder = _TextBuilder()
    stack: list[tuple[PageElement, bool]] = [(soup, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, Tag):
            if leaving:
                builder.leave(node.name)
            elif not _is_hidden(node):
                builder.enter(node.name)
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(node.contents))
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            builder.text(str(node))
    return builder.result()


def _is_hidden(tag: Tag) -> bool:
    if tag.name in _INVISIBLE or tag.has_attr("hidden"):
        return True
    style = tag.get("style")
    return isinstance(style, str) and _HIDDEN_STYLE.search(style) is not None


class _TextBuilder:
    """Collects text, collapsing HTML white space outside <pre> as a browser does."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._at_line_start = True
        self._pending_space = False
        self._row_has_cell = False
        self._pre_depth = 0

    def enter(self, name: str) -> None:
        if name == "br":
            self._line_break()
        elif name in _BLOCKS:
            self._end_line()
            self._row_has_cell = False
            self._pre_depth += name == "pre"
        elif name in _CELLS:
            if self._row_has_cell:
                self._append("\t")
            self._row_has_cell = True
            self._pending_space = False

    def leave(self, name: str) -> None:
        if name in _BLOCKS:
            self._end_line()
            self._pre_depth -= name == "pre"

    def text(self, text: str) -> None:
        if self._pre_depth:
            self._append(text.replace("\r\n", "\n").replace("\r", "\n"))
            self._at_line_start = text.endswith(("\n", "\r"))
            return
        words = _HTML_SPACE.split(text)
        for index, word in enumerate(words):
            if index > 0:
                self._pending_space = True
            if word:
                if self._pending_space and not self._at_line_start:
                    self._parts.append(" ")
                self._append(word)

    def result(self) -> str:
        lines = (line.rstrip() for line in "".join(self._parts).split("\n"))
        return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._at_line_start = False
        self._pending_space = False

    def _line_break(self) -> None:
        self._parts.append("\n")
        self._at_line_start = True
        self._pending_space = False

    def _end_line(self) -> None:
        if not self._at_line_start:
            self._line_break()
