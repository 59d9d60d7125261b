"""Lists at 1366x768: dates, times and short codes are never cut, long text elides with the
whole text in its tooltip, and numbers stand right-aligned in the Vietnamese way (1.234)."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _fits(view, col: int) -> bool:
    """The column is at least as wide as its widest shown text needs."""
    return view.horizontalHeader().sectionSize(col) >= view.sizeHintForColumn(col)


def test_opinions_audit_catalog_columns(main_window):
    main_window.resize(1366, 768)
    opinions = main_window.show_page("opinions")
    view = opinions.view
    for col in (0, 4, 8):                       # Ngày, Mức độ, Nguy cơ
        assert _fits(view, col), view.model().headerData(col, Qt.Orientation.Horizontal)
    # The content comes right after the date and is the widest column; the label columns
    # gave it their room down to their headers' width, never cutting a header.
    assert view.model().headerData(1, Qt.Orientation.Horizontal) == "Nội dung"
    assert view.columnWidth(1) == max(view.columnWidth(c) for c in range(view.model().columnCount()))
    assert view.columnWidth(1) > 0.25 * view.viewport().width()
    for col in opinions.content_share.natural:
        assert view.columnWidth(col) >= opinions.content_share._least(col)
    first = view.model().index(0, 1)
    summary = view.model().data(first, Qt.ItemDataRole.DisplayRole)
    assert summary and view.model().data(first, Qt.ItemDataRole.ToolTipRole) == summary

    audit = main_window.show_page("audit")
    assert _fits(audit.view, 0)                  # "03/12/2026 10:38:01" whole
    assert len(audit.view.model().index(0, 0).data()) == 19

    catalog = main_window.show_page("catalog")
    views = [v for v in catalog.findChildren(type(view)) if v.model() and v.model().columnCount() >= 3]
    hamlets = next(v for v in views if v.model().headerData(v.model().columnCount() - 1,
                                                               Qt.Orientation.Horizontal) == "Từ 18 tuổi")
    last = hamlets.model().columnCount() - 1
    header = hamlets.horizontalHeader()
    names = [hamlets.model().headerData(c, Qt.Orientation.Horizontal) for c in range(last + 1)].index("Tên")
    assert header.sectionSize(names) > header.sectionSize(last)        # the name gets the room
    population = hamlets.model().index(0, last)
    assert "." in population.data() and population.data().replace(".", "").isdigit()     # 1.550 aged 18+
    assert hamlets.model().data(population, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_the_opinions_list_shows_short_labels_whole_and_the_full_ones_in_tooltips(main_window):
    """'Văn hó…', 'Bức xúc, …' and 'Mới …' at 1366 px: field, tendency and handling show the
    short labels offices write themselves (catalog.SHORT), the tooltip and the export the whole."""
    from app import catalog

    page = main_window.show_page("opinions")
    model = page.model
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    for head in ("Lĩnh vực", "Xu hướng", "Xử lý"):
        col = heads.index(head)
        for r in range(min(model.rowCount(), 50)):
            cell = model.index(r, col)
            assert cell.data() == catalog.short(cell.data(Qt.ItemDataRole.ToolTipRole))
    assert "VH – XH: Văn hóa – xã hội" in model.headerData(heads.index("Lĩnh vực"), Qt.Orientation.Horizontal,
                                                          Qt.ItemDataRole.ToolTipRole)
    shown = {model.index(r, heads.index("Lĩnh vực")).data() for r in range(model.rowCount())}
    assert "VH – XH" in shown and "Văn hóa – xã hội" not in shown
