"""Labels computed from the body tree: I., II. → 1., 2. → a), b) → -, +.

Sections and numbered items in one container share one counter, so a
sub-section "1. ..." followed by items prints 1., 2., 3. in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Union

from thidua_docs.structure.directive import (
    BulletsBlock,
    Directive,
    Entry,
    Indicator,
    IndicatorsBlock,
    ItemsBlock,
    Section,
)
from thidua_docs.decree import BULLET_MARKS
from thidua_docs.vnformat import point_letter, roman

#: Numbered levels: 1 = mục (I.), 2 = khoản (1.), 3 = điểm (a)).
DEEPEST_LEVEL = 3

Node = Union[str, Section, Entry, Indicator, IndicatorsBlock]
Path = tuple[Union[str, int], ...]


class NumberingError(ValueError):
    """The tree cannot be labelled (too deep, too many points)."""

    def __init__(self, path: Path, message_key: str, **params: object) -> None:
        super().__init__(message_key)
        self.path = path
        self.message_key = message_key
        self.params = params


@dataclass(frozen=True)
class Labelled:
    """One paragraph-to-be of the body, with its computed label.

    ``role`` is heading1, heading2, item, point, bullet, indicator, paragraph, or
    inline_indicators / table (a whole indicator list in one paragraph or one table);
    ``last`` marks the last indicator of its list (it ends "." not ";").
    """

    role: str
    label: str
    node: Node
    path: Path
    last: bool = False


def _numbered_label(level: int, index: int, path: Path) -> str:
    if level == 1:
        return f"{roman(index)}."
    if level == 2:
        return f"{index}."
    if level == 3:
        try:
            return f"{point_letter(index)})"
        except ValueError:
            raise NumberingError(path, "too_many_points", count=index) from None
    raise NumberingError(path, "too_deep", deepest=DEEPEST_LEVEL)


def label_body(directive: Directive) -> Iterator[Labelled]:
    """Every block of the body in reading order, labelled: sections at the top level are
    I., II., ...; items there (a Chỉ thị's points) are 1., 2., ..."""
    yield from _content(directive.body, level=1, bullet_depth=0, path=("body",))


def label_appendix(directive: Directive, index: int) -> Iterator[Labelled]:
    """The content of the *index*-th appendix, labelled like a body."""
    yield from _content(directive.appendices[index].content, level=1, bullet_depth=0,
                        path=("appendices", index, "content"))


def every_indicator(directive: Directive) -> Iterator[tuple[Path, Indicator]]:
    """Every structured indicator of the body and the appendices, with its path."""
    labelled = list(label_body(directive))
    for index in range(len(directive.appendices)):
        labelled += label_appendix(directive, index)
    for item in labelled:
        if isinstance(item.node, IndicatorsBlock):
            for i, indicator in enumerate(item.node.indicators):
                if isinstance(indicator, Indicator):
                    yield item.path + ("indicators", i), indicator
        elif isinstance(item.node, Indicator):
            yield item.path, item.node
        elif isinstance(item.node, Section) and item.node.inline:
            for position, block in enumerate(item.node.content):
                for i, indicator in enumerate(getattr(block, "indicators", [])):
                    if isinstance(indicator, Indicator):
                        yield item.path + ("content", position, "indicators", i), indicator


def _content(blocks: list, *, level: int, bullet_depth: int, path: Path) -> Iterator[Labelled]:
    counter = 0
    top_items = 0  # the top level numbers its sections I., II. and its items 1., 2. apart
    for position, block in enumerate(blocks):
        here = path + (position,)
        if isinstance(block, str):
            yield Labelled("paragraph", "", block, here)
        elif isinstance(block, Section):
            if block.inline and not all(isinstance(b, (str, IndicatorsBlock))
                                        for b in block.content):
                raise NumberingError(here, "inline_content")
            counter += 1
            if level == 1:
                role = "item" if block.inline else "heading1"
            else:
                role = "heading2" if not block.inline else ("item" if level == 2 else "point")
            yield Labelled(role, _numbered_label(level, counter, here), block, here)
            if not block.inline:
                yield from _content(block.content, level=level + 1, bullet_depth=bullet_depth,
                                    path=here + ("content",))
        elif isinstance(block, ItemsBlock):
            # items at the top level are khoản (1., 2.), with their own counter
            item_level = max(level, 2)
            items_counter = counter if level > 1 else top_items
            for i, entry in enumerate(block.items):
                items_counter += 1
                entry_path = here + ("items", i)
                role = "item" if item_level == 2 else "point"
                yield Labelled(role, _numbered_label(item_level, items_counter, entry_path),
                               entry, entry_path)
                yield from _entry_content(entry, item_level + 1, bullet_depth, entry_path)
            if level > 1:
                counter = items_counter
            else:
                top_items = items_counter
        elif isinstance(block, BulletsBlock):
            mark = BULLET_MARKS[min(bullet_depth, len(BULLET_MARKS) - 1)]
            for i, entry in enumerate(block.bullets):
                entry_path = here + ("bullets", i)
                yield Labelled("bullet", mark, entry, entry_path)
                yield from _entry_content(entry, level, bullet_depth + 1, entry_path)
        elif isinstance(block, IndicatorsBlock) and block.form != "list":
            yield Labelled("table" if block.form == "table" else "inline_indicators", "",
                           block, here)
        elif isinstance(block, IndicatorsBlock):
            count = len(block.indicators)
            for i, indicator in enumerate(block.indicators):
                yield Labelled("indicator", "-", indicator, here + ("indicators", i),
                               last=i == count - 1)


def _entry_content(entry: str | Entry, level: int, bullet_depth: int,
                   path: Path) -> Iterator[Labelled]:
    if isinstance(entry, Entry):
        yield from _content(entry.content, level=level, bullet_depth=bullet_depth,
                            path=path + ("content",))
