"""Document readers: HTML main text, PDF text layer and OCR, text files; every failure is one InputError line."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipelines import readers
from pipelines.errors import InputError

from conftest import make_text_pdf

LATIN_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>प्रेस विज्ञप्ति</title>
<script>var contact = "script@example.com"; document.write("स्क्रिप्ट का पाठ");</script>
<style>body { color: red } .x::after { content: "style@example.com" }</style></head><body>
<nav><a href="/">मुखपृष्ठ</a> <a href="/about">हमारे बारे में nav@example.com</a></nav>
<article><h1>लखनऊ में बैठक</h1>
<p>लखनऊ, 6 फरवरी, 2021: जिलाधिकारी ने आज 14 लाख रुपये की योजना की समीक्षा की।</p>
<p>अधिक जानकारी के लिए main@example.com पर संपर्क करें।</p></article>
<footer>कॉपीराइट footer@example.com</footer>
</body></html>"""


def make_scanned_pdf(path: Path) -> None:
    """A PDF whose only page is an image of text: no text layer at all."""
    fpdf = pytest.importorskip("fpdf")
    image_module = pytest.importorskip("PIL.Image")
    from PIL import ImageDraw, ImageFont

    image = image_module.new("L", (1200, 200), 255)
    font = ImageFont.truetype(str(LATIN_FONT), 48) if LATIN_FONT.exists() else ImageFont.load_default()
    ImageDraw.Draw(image).text((40, 60), "Contact: scan@example.com", font=font, fill=0)
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=190)
    pdf.output(str(path))


def test_html_main_text_drops_script_style_nav_and_footer():
    text = readers.html_to_text(PAGE.encode("utf-8"), "page.html")
    assert "लखनऊ, 6 फरवरी, 2021: जिलाधिकारी" in text
    assert "main@example.com" in text
    for unwanted in ("script@example.com", "स्क्रिप्ट", "style@example.com", "nav@example.com", "मुखपृष्ठ", "color: red"):
        assert unwanted not in text


def test_html_paragraphs_stay_on_their_own_lines():
    text = readers.html_to_text(PAGE, "page.html")
    lines = text.splitlines()
    assert any(line.startswith("लखनऊ, 6 फरवरी") for line in lines)
    assert any(line.startswith("अधिक जानकारी") for line in lines)


def test_html_fragment_and_xhtml_declaration_are_read():
    assert readers.html_to_text(b"<p>\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87 world</p>") == "नमस्ते world"
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>पटना में बैठक</p></body></html>'
    assert readers.html_to_text(xhtml.encode("utf-8")) == "पटना में बैठक"


def test_html_never_expands_external_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER", encoding="utf-8")
    hostile = (f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
               '<html><body><p>नमस्ते &xxe; दुनिया, यह एक अनुच्छेद है।</p></body></html>')
    try:
        text = readers.html_to_text(hostile.encode("utf-8"), "hostile.html")
    except InputError:
        return  # refusing the page is as safe as reading it without the entity
    assert "TOP-SECRET-MARKER" not in text


def test_html_declared_charset_is_honoured_and_undeclared_non_utf8_refused():
    declared = '<html><head><meta charset="windows-1252"></head><body><p>café résumé</p></body></html>'
    assert readers.html_to_text(declared.encode("cp1252"), "old.html") == "café résumé"
    with pytest.raises(InputError, match="old.html: HTML is not UTF-8"):
        readers.html_to_text("<html><body><p>café</p></body></html>".encode("cp1252"), "old.html")


def test_html_without_text_is_an_input_error():
    with pytest.raises(InputError, match="empty.html"):
        readers.html_to_text(b"", "empty.html")
    with pytest.raises(InputError, match="no main text"):
        readers.html_to_text(b"<html><body><nav>menu</nav><script>x()</script></body></html>", "nav.html")


def test_pdf_text_layer_is_read(tmp_path):
    path = tmp_path / "release.pdf"
    with_hindi = make_text_pdf(path, "लखनऊ, 6 फरवरी, 2021: जिलाधिकारी ने बैठक की।", "Contact: press@example.com")
    text = readers.read_file(path, "release.pdf")
    assert "press@example.com" in text
    if with_hindi:
        assert "लखनऊ, 6 फरवरी, 2021" in text


def test_scanned_pdf_without_ocr_says_what_to_install(tmp_path, monkeypatch):
    path = tmp_path / "scan.pdf"
    make_scanned_pdf(path)
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract here
    readers._ocr_missing.cache_clear()
    try:
        with pytest.raises(InputError, match=r"scan.pdf: page 1 is a scanned image .* OCR is not installed"):
            readers.read_file(path, "scan.pdf")
    finally:
        readers._ocr_missing.cache_clear()


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_scanned_pdf_is_read_by_ocr_where_installed(tmp_path):
    if readers.ocr_missing():
        pytest.skip(readers.ocr_missing())
    path = tmp_path / "scan.pdf"
    make_scanned_pdf(path)
    assert "scan@example.com" in readers.read_file(path, "scan.pdf")


def test_not_a_pdf_and_unsupported_types_are_input_errors(tmp_path):
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"GIF89a not a pdf")
    with pytest.raises(InputError, match="fake.pdf: not a PDF"):
        readers.read_file(fake)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n garbage without objects")
    with pytest.raises(InputError, match="broken.pdf"):
        readers.read_file(broken, "broken.pdf")
    other = tmp_path / "notes.docx"
    other.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match="unsupported file type .docx"):
        readers.read_file(other)


def test_text_files_use_the_shared_decoder(tmp_path):
    good = tmp_path / "a.txt"
    good.write_bytes("\ufeffनई दिल्ली".encode("utf-8"))
    assert readers.read_file(good) == "नई दिल्ली"
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"caf\xe9")
    with pytest.raises(InputError, match="not UTF-8"):
        readers.read_file(bad, "b.txt")
    with pytest.raises(InputError, match="no such file"):
        readers.read_file(tmp_path / "missing.txt")
