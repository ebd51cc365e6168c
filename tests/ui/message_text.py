"""The words a message box shows, from the text a pane gave it (plain text as it is, or the
escaped rich text of viewer.ui.tooltips.plain_message)."""

from __future__ import annotations

import html
import re

_WRAPPED = re.compile(r"^<p style='white-space:pre-wrap'>(.*)</p>$", re.S)


def shown_text(text: str) -> str:
    wrapped = _WRAPPED.match(text)
    return html.unescape(wrapped.group(1)) if wrapped else text
