"""Document readers: a `.txt`, `.html`/`.htm` or `.pdf` file becomes the text the pipeline reads.

Each reader either returns text or raises `InputError` with a one-line reason,
so a batch run can turn any unreadable file into an error row.

- Text files go through `pipelines.inputs.decode_text` (UTF-8/UTF-16 with BOM).
- HTML is parsed locally by lxml (no network, no DTDs, no entities fetched,
  nothing executed) and its main text is taken by trafilatura, which drops
  scripts, styles, navigation, headers and footers.
- PDF text comes from the text layer (pypdf). A page with no text but with
  images is a scan: it is read by Tesseract (`hin`) where Tesseract and its
  Hindi data are installed; otherwise the document is refused with a message
  saying what to install, rather than silently losing the page.

Offsets in a record made from HTML or PDF refer to the text returned here.
"""
from __future__ import annotations

import functools
import logging
import re
from pathlib import Path
from typing import Optional, Union

from pipelines.errors import InputError
from pipelines.inputs import MAX_BYTES, decode_text

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
PDF_SUFFIXES = frozenset({".pdf"})
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES

# HTML and PDF files carry markup, fonts and images around the text, so the
# raw file may be larger than the 5 MB text limit; the extracted text may not.
MAX_FILE_BYTES = 50 * 1024 * 1024

OCR_LANGUAGE = "hin"
OCR_PAGE_TIMEOUT_S = 120
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_NEVER_TEXT = ("script", "style", "noscript", "template", "nav", "iframe", "object", "embed", "svg")
_SPACE_RUNS = re.compile(r"[ \t\u00a0]{2,}")

for _noisy in ("trafilatura", "pypdf", "htmldate", "readability", "justext"):
    logging.getLogger(_noisy).setLevel(logging.CRITICAL)  # their complaints become our one-line errors


def read_file(path: Union[str, Path], name: Optional[str] = None) -> str:
    """Read one document file as text, choosing the reader by its suffix."""
    file = Path(path)
    name = name or str(path)
    suffix = file.suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        raise InputError(f"{name}: unsupported file type {suffix or '(no suffix)'}; expected one of {', '.join(sorted(DOCUMENT_SUFFIXES))}")
    limit = MAX_BYTES if suffix in TEXT_SUFFIXES else MAX_FILE_BYTES
    try:
        with file.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return text_from_bytes(data, suffix, name)


def text_from_bytes(data: bytes, suffix: str, name: str) -> str:
    """The text of a document given as bytes, read as its suffix says."""
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _limit(html_to_text(data, name), name)
    if suffix in PDF_SUFFIXES:
        return _limit(pdf_to_text(data, name), name)
    if suffix in TEXT_SUFFIXES:
        return decode_text(data, name)
    raise InputError(f"{name}: unsupported file type {suffix or '(no suffix)'}")


def _limit(text: str, name: str) -> str:
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise InputError(f"{name}: its text is {size:,} bytes, over the {MAX_BYTES:,}-byte limit for one document")
    return text


# ---------------------------------------------------------------- HTML


def html_to_text(html: Union[bytes, str], name: str = "input") -> str:
    """The main text of an HTML page: paragraphs on their own lines, no scripts, styles or navigation."""
    if isinstance(html, bytes):
        if len(html) > MAX_FILE_BYTES:
            raise InputError(f"{name}: {len(html):,} bytes is over the {MAX_FILE_BYTES:,}-byte limit for an HTML file")
        html = _decode_html(html, name)
    try:
        import trafilatura
    except ImportError:
        raise InputError(f"{name}: reading HTML needs the trafilatura package (pip install trafilatura)") from None
    tree = _parse_html(html, name)
    text = trafilatura.extract(
        tree, output_format="txt", include_comments=False, include_tables=True,
        include_links=False, include_images=False, favor_recall=True, deduplicate=False, with_metadata=False,
    )
    if not text or not text.strip():
        # very short pages (one paragraph) can fall under trafilatura's thresholds
        text = trafilatura.baseline(tree)[1]
    if not text or not text.strip():
        raise InputError(f"{name}: no main text found in the HTML")
    return text.strip()


def _decode_html(data: bytes, name: str) -> str:
    """UTF-8 unless a BOM or a <meta charset> says otherwise; we never guess silently."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return decode_text(data, name) if len(data) <= MAX_BYTES else data.decode("utf-8-sig", errors="replace")
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: looks binary (contains NUL bytes), not an HTML document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = _CHARSET.search(data[:4096])
        if declared:
            charset = declared.group(1).decode("ascii", "replace")
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass
            raise InputError(f"{name}: cannot decode the HTML as its declared charset {charset!r} or as UTF-8") from None
        raise InputError(
            f"{name}: HTML is not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}) and declares no charset"
        ) from None


def _parse_html(html: str, name: str):
    """A local lxml tree: the HTML parser fetches nothing and expands no external entities."""
    from lxml import etree, html as lxml_html

    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                  collect_ids=False, default_doctype=False)
    # drop any XML declaration: lxml refuses str input that carries an encoding declaration
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1)
    try:
        tree = lxml_html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{name}: cannot parse the HTML ({exc})") from None
    for element in list(tree.iter(*_NEVER_TEXT)):
        if element.getparent() is not None:
            element.drop_tree()
    return tree


# ---------------------------------------------------------------- PDF


def pdf_to_text(data: bytes, name: str = "input") -> str:
    """The text layer of a PDF, page after page; scanned pages are OCR'd when Tesseract (hin) is installed."""
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{name}: {len(data):,} bytes is over the {MAX_FILE_BYTES:,}-byte limit for a PDF file")
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError(f"{name}: not a PDF file (no %PDF header)")
    try:
        import pypdf
        from pypdf.errors import PdfReadError
    except ImportError:
        raise InputError(f"{name}: reading PDF needs the pypdf package (pip install pypdf)") from None
    import io

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: the PDF is encrypted with a password")
        pages = list(reader.pages)
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{name}: not a readable PDF ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # pypdf raises DependencyError for AES without `cryptography`, among others
        raise InputError(f"{name}: cannot open the PDF ({type(exc).__name__}: {exc})") from None
    texts = []
    for number, page in enumerate(pages, start=1):
        text = _page_text(page)
        if not text.strip() and _has_images(page):
            text = _ocr_page(page, number, name)
        texts.append(text.strip())
    joined = "\n\n".join(t for t in texts if t)
    if not joined:
        raise InputError(f"{name}: the PDF has no text layer and no scanned pages ({len(pages)} pages)")
    return joined


def _page_text(page) -> str:
    text = page.extract_text() or ""
    return "\n".join(_SPACE_RUNS.sub(" ", line).strip() for line in text.splitlines())


def _has_images(page) -> bool:
    try:
        return len(page.images) > 0  # walks the page's XObjects, nested forms included, without decoding
    except Exception:  # a malformed resource dictionary: treat as no images
        return False


def ocr_missing() -> Optional[str]:
    """None when Tesseract with Hindi data can be used here, otherwise what is missing."""
    return _ocr_missing()


@functools.lru_cache(maxsize=1)
def _ocr_missing() -> Optional[str]:
    try:
        import pytesseract
    except ImportError:
        return "OCR is not installed: the pytesseract package is missing (pip install pytesseract)"
    try:
        languages = pytesseract.get_languages(config="")
    except Exception:
        return "OCR is not installed: Tesseract was not found (apt-get install tesseract-ocr tesseract-ocr-hin)"
    if OCR_LANGUAGE not in languages:
        return f"OCR is not installed for Hindi: Tesseract has no '{OCR_LANGUAGE}' data (apt-get install tesseract-ocr-hin)"
    return None


def _ocr_page(page, number: int, name: str) -> str:
    missing = ocr_missing()
    if missing:
        raise InputError(f"{name}: page {number} is a scanned image with no text layer and {missing}")
    import pytesseract

    languages = OCR_LANGUAGE + ("+eng" if "eng" in pytesseract.get_languages(config="") else "")
    texts = []
    try:
        for image in page.images:
            texts.append(pytesseract.image_to_string(image.image, lang=languages, timeout=OCR_PAGE_TIMEOUT_S))
    except RuntimeError as exc:  # pytesseract's timeout
        raise InputError(f"{name}: OCR of page {number} failed ({exc})") from None
    except Exception as exc:
        raise InputError(f"{name}: OCR of page {number} failed ({type(exc).__name__}: {exc})") from None
    return "\n".join(t.strip() for t in texts if t.strip())
