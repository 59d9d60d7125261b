"""Print a PDF we render ourselves (report, minutes, survey form) or an HTML sheet (contact
list) through Qt's print preview. The PDF stays in memory: pages are rasterised by pypdfium2
straight onto the printer, so no unencrypted temporary file is written."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

MAX_DPI = 200  # sharp on paper, quick enough for a 20-page report


def paint_pdf(printer: QPrinter, pdf: bytes) -> int:
    """Draw every page of `pdf` on `printer`, fitted to the paper; returns the page count."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        for number in range(len(document)):
            if number:
                printer.newPage()
            page = document[number]
            bitmap = page.render(scale=dpi / 72)
            pil = bitmap.to_pil().convert("RGB")
            image = QImage(pil.tobytes(), pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
        return len(document)
    finally:
        painter.end()
        document.close()


def preview_pdf(parent: QWidget | None, pdf: bytes, title: str) -> bool:
    """Show the print preview of `pdf`; True when the user printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Xem trước khi in – {title}")
    dialog.paintRequested.connect(lambda p: paint_pdf(p, pdf))
    dialog.resize(1000, 760)
    return bool(dialog.exec())


def preview_html(parent: QWidget | None, html: str, title: str) -> bool:
    """Print preview of a simple HTML sheet (tables of names and phone numbers)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    document = QTextDocument()
    document.setHtml(html)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Xem trước khi in – {title}")
    dialog.paintRequested.connect(document.print_)
    dialog.resize(1000, 760)
    return bool(dialog.exec())
