"""Page images of a PDF for the in-app preview (no Qt here: the page gets PNG bytes).

pypdfium2 (Apache-2.0/BSD) rather than PyMuPDF (AGPL), which a closed-source desktop
app cannot ship; QtPdf is not part of the PySide6 wheels installed here.
"""

from __future__ import annotations

import io

from app.errors import DlxhError


def page_images(pdf: bytes, dpi: int = 80, progress=None) -> list[bytes]:
    """Every page of `pdf` as PNG bytes, rendered at `dpi`."""
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:
        raise DlxhError("Máy này thiếu thư viện pypdfium2 nên không xem trước được; hãy mở tệp PDF.") from exc
    document = pdfium.PdfDocument(pdf)
    images = []
    try:
        for index in range(len(document)):
            bitmap = document[index].render(scale=dpi / 72)
            buf = io.BytesIO()
            bitmap.to_pil().save(buf, format="PNG")
            images.append(buf.getvalue())
            if progress:
                progress(index + 1, len(document))
    finally:
        document.close()
    return images
