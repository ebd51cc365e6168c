"""Read document files (.txt, .md, .docx, .html, .htm, .pdf) into plain text.

`read_document` returns the text with newlines normalised to \\n and nothing else changed,
so that character spans index it as stored; it raises `ReadError` with a short reason.
"""

from viewer.text.readers.document import SUPPORTED_SUFFIXES, read_document
from viewer.text.readers.errors import ReadError
from viewer.text.readers.paths import collect_paths

__all__ = ["SUPPORTED_SUFFIXES", "ReadError", "collect_paths", "read_document"]
