"""HTML → PDF through WeasyPrint, with the font shipped in static/fonts/.

The font is Liberation Serif 2 (Times New Roman's metrics, every Vietnamese
letter). Only files in that folder may be loaded: text in a document is never
allowed to make the renderer read other files or reach the network.
"""

from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher


class FontsOnlyFetcher(URLFetcher):
    def __init__(self) -> None:
        super().__init__(allowed_protocols=("file",))
        self.font_dir = Path(settings.PDF_FONT_DIR).resolve()

    def fetch(self, url, headers=None):
        path = Path(unquote(urlparse(url).path)).resolve()
        if not path.is_relative_to(self.font_dir):
            raise ValueError(f"resource outside the font folder refused: {url}")
        return super().fetch(url, headers)


def render_pdf(template_name: str, context: dict) -> bytes:
    html = render_to_string(template_name, context)
    base_url = Path(settings.PDF_FONT_DIR).resolve().as_uri() + "/"
    return HTML(
        string=html, base_url=base_url, url_fetcher=FontsOnlyFetcher()
    ).write_pdf()
