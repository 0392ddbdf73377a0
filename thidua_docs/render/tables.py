"""Indicator tables and appendices, written into the rendered body.

The template prints a marker paragraph where a table stands; it is replaced by a
real Word table (header row repeated on each page, rows never split). Appendices
(Phụ lục) follow the signature, each in a section of its own: "Phụ lục" (and its
Roman numeral when there are several), the title in capitals, "(Kèm theo ...)" in
italics, then the content; a section holding a table is landscape, and each
appendix numbers its pages from 1, with none on its first page (Phụ lục I, rule 10).
"""

from __future__ import annotations

from typing import Callable


from thidua_docs import layout, ooxml
from thidua_docs.ooxml import qn
from thidua_docs.render.context import AppendixPages, Paragraph, Table
from thidua_docs.text import Span

#: The text of the paragraph standing where table *n* goes (invisible separators).
TABLE_MARK = "\u2063table {}\u2063"
BLOCK_STYLES = {"heading1": "ND30Heading1", "heading2": "ND30Heading2", "item": "ND30Item",
                "point": "ND30Point", "bullet": "ND30Bullet"}

Runs = Callable[[list[Span]], str]


def place_tables(body, tables: list[Table], runs: Runs, text_twips: int) -> None:
    """Replace each table marker paragraph of *body* by its table."""
    if not tables:
        return
    marks = {TABLE_MARK.format(n): table for n, table in enumerate(tables)}
    for p in list(body.iter(qn("w:p"))):
        text = ooxml.text_of(p)
        if text in marks:
            ooxml.replace_element(p, _table(p, marks[text], runs, text_twips))


def _table(maker, table: Table, runs: Runs, text_twips: int):
    widths = [round(share * text_twips) for share in layout.INDICATOR_TABLE_COLUMNS]
    header = [("ND30TableHeader", runs([Span(cell)])) for cell in table.header]
    rows = [header]
    for row in table.rows:
        styles = ["ND30TableNumber", "ND30TableCell", "ND30TableNumber", "ND30TableNumber",
                  "ND30TableNumber"]
        rows.append([(style, runs(cell)) for style, cell in zip(styles, row.cells)])
    return ooxml.grid_table(maker, widths, rows, header_rows=1,
                            rule_eighths=layout.TABLE_RULE_EIGHTHS)


def add_appendices(body, appendices: list[AppendixPages], runs: Runs) -> None:
    """Append each appendix after the signature, in a section of its own."""
    if not appendices:
        return
    final = body.find(qn("w:sectPr"))  # the last section's properties: the last appendix's
    ended = None  # the pages the next section break ends: the main text, then each appendix
    for appendix in appendices:
        section_end = ooxml.end_section(final)
        if ended is not None:
            ooxml.set_section_pages(section_end.find(qn("w:pPr")).find(qn("w:sectPr")),
                                    landscape=ended.landscape, restart_numbers=True)
        heading = [ooxml.paragraph(final, style_id, runs([Span(text)]), keep_next=True)
                   for style_id, text in (("ND30AppendixLabel", appendix.label),
                                          ("ND30AppendixTitle", appendix.title),
                                          ("ND30AppendixAttached", appendix.attached))]
        tables = [block.table for block in appendix.blocks if block.table is not None]
        numbers = iter(range(len(tables)))
        content = [_block(final, block, runs, next(numbers) if block.table else None)
                   for block in appendix.blocks]
        ooxml.insert_before(final, section_end, *heading, *content)
        place_tables(body, tables, runs, _text_twips(final, appendix.landscape))
        ended = appendix
    ooxml.set_section_pages(final, landscape=ended.landscape, restart_numbers=True)


def _block(maker, block: Paragraph, runs: Runs, table_number: int | None):
    if block.table is not None:
        return ooxml.paragraph(maker, "ND30Body", runs([Span(TABLE_MARK.format(table_number))]))
    return ooxml.paragraph(maker, BLOCK_STYLES.get(block.style, "ND30Body"), runs(block.spans))


def _text_twips(sect_pr, landscape: bool) -> int:
    size, margins = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))
    sides = sorted(int(size.get(qn(f"w:{side}"))) for side in ("w", "h"))
    width = sides[1] if landscape else sides[0]
    return width - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))
