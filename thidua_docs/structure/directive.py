"""The domain model of a "Phát động phong trào thi đua" directive.

A directive is the issuer, the document's identity (kind, number, date,
title), a preamble, a body that is a tree of sections and blocks, a closing
paragraph, a signature block and the recipients. Labels (I., 1., a), -) are
not part of the model: they follow from the tree and are computed on render.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from thidua_docs import decree
from thidua_docs.structure.quantity import Quantity
from thidua_docs.vnformat import clean_text


def _non_empty_text(value: str) -> str:
    text = clean_text(value)
    if not text:
        raise invalid("empty_text")
    return text


def invalid(message_key: str, **context: object) -> PydanticCustomError:
    """A validation error whose type is a message key of thidua_docs.messages: the loader
    shows it in the language of the run."""
    return PydanticCustomError(message_key, message_key, context)


def _urgency(value: str) -> str:
    level = decree.urgency_level(clean_text(value))
    if level is None:
        raise invalid("unknown_urgency", value=value)
    return level


def _kind(value: str) -> str:
    try:
        return decree.normalise_kind(value)
    except ValueError:
        allowed = ", ".join(f"{name} ({code})" if code else name
                            for name, code in decree.KIND_CODES.items())
        raise invalid("unknown_kind", value=value, allowed=allowed) from None


def _as_lines(value: object) -> object:
    return [value] if isinstance(value, str) else value


def _symbol_part(value: str) -> str:
    text = clean_text(value)
    if not decree.patterns.SYMBOL_PART.fullmatch(text):
        raise invalid("symbol_part", value=value)
    return text


Text = Annotated[str, AfterValidator(_non_empty_text)]
Lines = Annotated[list[Text], BeforeValidator(_as_lines, json_schema_input_type=str | list[str]),
                  Field(min_length=1)]
SymbolPart = Annotated[str, AfterValidator(_symbol_part)]
Kind = Annotated[str, AfterValidator(_kind)]
Urgency = Annotated[str, AfterValidator(_urgency)]


class Model(BaseModel):
    """Common configuration: unknown keys are errors, models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- issuer and document ---------------------------------------------------------


class Issuer(Model):
    """Cơ quan ban hành, with its optional parent body (cơ quan chủ quản)."""

    parent: Lines | None = None
    name: Lines
    code: SymbolPart


class Document(Model):
    """The document's identity: kind, number, symbol parts, place, date, title.

    ``summary`` is a công văn's trích yếu, printed "V/v ..." under its number
    (a typed kind's trích yếu is its title, which it must have; a công văn may have
    none); ``urgency`` is its mức độ khẩn.
    """

    kind: Kind = "công văn"
    number: Annotated[int, Field(ge=1, le=99999)] | None = None
    unit: SymbolPart | None = None
    place: Text
    date: dt.date | None = None
    title: Text | None = None
    subtitle: Text | None = None
    summary: Text | None = None
    urgency: Urgency | None = None
    #: An unsigned draft's date: "year" keeps the year ("ngày   tháng   năm 2025"),
    #: "full" leaves day, month and year blank.
    blank_date: Literal["year", "full"] = "year"

    @model_validator(mode="after")
    def _summary_of_a_cong_van(self) -> "Document":
        if self.summary is not None and self.kind_code is not None:
            raise invalid("summary_of_typed_kind", kind=self.kind)
        if self.title is None and self.kind_code is not None:
            raise invalid("title_of_typed_kind", kind=self.kind)
        return self

    @property
    def kind_code(self) -> str | None:
        return decree.KIND_CODES[self.kind]


# --- body ------------------------------------------------------------------------------


def with_unit(value: Quantity, unit: str | None) -> str:
    """"12%", "45 triệu đồng": "%" attaches to the number, other units take a space."""
    if not unit:
        return str(value)
    return f"{value}{unit}" if unit == "%" else f"{value} {unit}"


def _phrase(name: str, qualifier: str | None, value_text: str | None) -> str:
    """name [qualifier] value; a ":" qualifier attaches to the name."""
    text = name
    if qualifier:
        text += qualifier if qualifier == ":" else f" {qualifier}"
    if value_text:
        text += f" {value_text}"
    return text


class IndicatorPart(Model):
    """One component of a composite indicator (one sector of the economy), or one more
    target of an indicator after "trong đó" ("3.800 người được hỗ trợ")."""

    name: Text | None = None
    qualifier: Text | None = None
    value: Quantity
    unit: Text | None = None
    suffix: Text | None = None
    #: Last year's value, kept for reference when rolling over to a new year.
    previous: Quantity | None = None

    def wording(self) -> str:
        text = _phrase(self.name or "", self.qualifier, with_unit(self.value, self.unit))
        text = f"{text} {self.suffix}" if self.suffix else text
        return text.strip()


#: The words before an indicator's further targets: "đạt 54%, trong đó ... đạt 38%".
OF_WHICH = ", trong đó "


class Indicator(Model):
    """A chỉ tiêu: name, qualifier ("đạt", "trên", "khoảng"), value or range, unit.

    ``text`` replaces the structured sentence when the wording is unusual; it
    may hold ``{value}`` where the value (with its unit) is printed.
    """

    text: Text | None = None
    name: Text | None = None
    qualifier: Text | None = None
    value: Quantity | None = None
    unit: Text | None = None
    suffix: Text | None = None
    #: Last year's value, kept by ``thidua new`` beside the target to update.
    previous: Quantity | None = None
    #: Set by ``thidua new``: the value is last year's until the clerk updates it.
    needs_update: bool = False
    note: Text | None = None
    parts: list[IndicatorPart] | None = None
    joiner: Literal[", ", "; "] = ", "
    #: Further targets printed after "trong đó", each a structured value of its own.
    of_which: Annotated[list[IndicatorPart], Field(min_length=1)] | None = None

    @model_validator(mode="after")
    def _has_wording(self) -> "Indicator":
        if (self.text is None) == (self.name is None):
            raise invalid("indicator_name_and_text")
        if self.text is not None and "{value}" in self.text and self.value is None:
            raise invalid("indicator_placeholder_without_value")
        if self.text is not None and self.value is not None and "{value}" not in self.text:
            raise invalid("indicator_value_without_placeholder")
        if self.parts and self.value is not None:
            raise invalid("indicator_value_and_parts")
        return self

    @property
    def targets(self) -> list["Indicator | IndicatorPart"]:
        """Every structured value a clerk updates: the value (or each part), then each
        target after "trong đó"."""
        own = list(self.parts or []) or ([self] if self.value is not None else [])
        return own + list(self.of_which or [])

    def wording(self) -> str:
        """The indicator as the directives print it, without its note and end mark."""
        value_text = with_unit(self.value, self.unit) if self.value is not None else None
        if self.text is not None:
            return self.text.replace("{value}", value_text or "")
        if self.parts:
            text = f"{self.name}: " + self.joiner.join(part.wording() for part in self.parts)
        else:
            text = _phrase(self.name, self.qualifier, value_text)
        text = f"{text} {self.suffix}" if self.suffix else text
        if self.of_which:
            text += OF_WHICH + ", ".join(part.wording() for part in self.of_which)
        return text


class Entry(Model):
    """A numbered item or a bullet that carries nested content."""

    text: Text
    content: list["Block"] = []


EntryLike = Annotated[
    Union[Annotated[Text, Tag("text")], Annotated[Entry, Tag("entry")]],
    Discriminator(lambda v: "text" if isinstance(v, str) else "entry"),
]
IndicatorLike = Annotated[
    Union[Annotated[Text, Tag("text")], Annotated[Indicator, Tag("indicator")]],
    Discriminator(lambda v: "text" if isinstance(v, str) else "indicator"),
]


class ItemsBlock(Model):
    """Numbered entries (1., 2., ... or a), b), ... by depth)."""

    items: Annotated[list[EntryLike], Field(min_length=1)]


class BulletsBlock(Model):
    """Entries introduced by a dash."""

    bullets: Annotated[list[EntryLike], Field(min_length=1)]


class IndicatorsBlock(Model):
    """A list of chỉ tiêu and how it is printed: ``list``, dash lines ending ";" and the
    last one "."; ``inline``, one paragraph "(1) ...; (2) ...; (3) ..."; ``table``, a
    table STT / chỉ tiêu / đơn vị tính / thực hiện năm trước / kế hoạch."""

    indicators: Annotated[list[IndicatorLike], Field(min_length=1)]
    form: Literal["list", "inline", "table"] = "list"

    @model_validator(mode="after")
    def _table_rows_are_structured(self) -> "IndicatorsBlock":
        if self.form == "table" and any(isinstance(i, str) or i.name is None
                                        for i in self.indicators):
            raise invalid("table_needs_names")
        return self


class Section(Model):
    """A titled, numbered part of the body; nests to any depth the labels allow.

    ``inline`` prints the content right after the title in the same paragraph,
    as in "3. Các chỉ tiêu về môi trường: Tỷ lệ độ che phủ rừng 62,8%; ...".
    """

    section: Text
    content: list["Block"] = []
    inline: bool = False


BLOCK_KEYS = ("section", "items", "bullets", "indicators")


def block_kind(value: object) -> str | None:
    """Which kind of block a YAML value is: a string is a paragraph; a mapping holds
    exactly one of BLOCK_KEYS."""
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, dict):
        keys = [key for key in BLOCK_KEYS if key in value]
        return keys[0] if len(keys) == 1 else None
    kinds = {Section: "section", ItemsBlock: "items", BulletsBlock: "bullets",
             IndicatorsBlock: "indicators"}
    return kinds.get(type(value))


Block = Annotated[
    Union[
        Annotated[Text, Tag("paragraph")],
        Annotated[Section, Tag("section")],
        Annotated[ItemsBlock, Tag("items")],
        Annotated[BulletsBlock, Tag("bullets")],
        Annotated[IndicatorsBlock, Tag("indicators")],
    ],
    Discriminator(
        block_kind,
        custom_error_type="block_kind",
        custom_error_message="a block is a paragraph (text) or a mapping with one of: "
        + ", ".join(BLOCK_KEYS),
    ),
]

Entry.model_rebuild()
Section.model_rebuild()
Blocks = Annotated[list[Block], Field(min_length=1)]


class Appendix(Model):
    """A Phụ lục after the signature: its title and content (most often an indicator
    table). ``landscape`` turns its pages (by default: when it holds a table)."""

    title: Text
    content: Blocks
    landscape: bool | None = None

    @property
    def is_landscape(self) -> bool:
        if self.landscape is not None:
            return self.landscape
        return any(isinstance(b, IndicatorsBlock) and b.form == "table" for b in self.content)


def _period(value: object) -> object:
    if isinstance(value, str):
        match = re.fullmatch(r"\s*((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\s*", value)
        if match is None or int(match[1]) >= int(match[2]):
            raise invalid("period_form", value=value)
        return f"{match[1]}-{match[2]}"
    raise invalid("period_form", value=value)


Period = Annotated[str, BeforeValidator(_period)]


# --- signature ---------------------------------------------------------------------


class Authority(str, Enum):
    """Quyền hạn ký: the prefix of the signature block's first line."""

    TM = decree.AUTHORITY_PREFIXES[0]
    KT = decree.AUTHORITY_PREFIXES[1]
    Q = decree.AUTHORITY_PREFIXES[2]
    TL = decree.AUTHORITY_PREFIXES[3]
    TUQ = decree.AUTHORITY_PREFIXES[4]


class Signature(Model):
    """Signature block: "TM. ỦY BAN NHÂN DÂN" / ["KT. CHỦ TỊCH"] / "CHỦ TỊCH" / name.

    ``authority`` and ``on_behalf_of`` make the first line ("TM. ỦY BAN NHÂN
    DÂN", "KT. CHỦ TỊCH", "Q. CHỦ TỊCH", "TL. CHỦ TỊCH", "TUQ. GIÁM ĐỐC");
    ``deputy_for`` adds a "KT. ..." line under a TM. or TL. line; ``title`` is the
    signer's own title, the last line (an acting head, "Q.", has none).
    """

    authority: Authority | None = None
    on_behalf_of: Text | None = None
    deputy_for: Text | None = None
    title: Text | None = None
    name: Text

    @field_validator("authority", mode="before")
    @classmethod
    def _with_dot(cls, value: object) -> object:
        if isinstance(value, str) and value and not value.endswith("."):
            return value.strip().upper() + "."
        return value.strip().upper() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _complete(self) -> "Signature":
        authority = self.authority
        if authority and not self.on_behalf_of:
            raise invalid("authority_needs_office", authority=authority.value)
        if self.on_behalf_of and not authority:
            raise invalid("office_needs_authority")
        if self.deputy_for and authority not in (Authority.TM, Authority.TL):
            raise invalid("deputy_needs_tm_or_tl")
        if authority is Authority.Q and self.title:
            raise invalid("acting_has_no_title")
        if authority is not Authority.Q and not self.title:
            raise invalid("signer_title_missing")
        return self

    def lines(self) -> list[str]:
        """The upper-case lines above the signature."""
        lines = []
        if self.authority:
            lines.append(f"{self.authority.value} {self.on_behalf_of}")
        if self.deputy_for:
            lines.append(f"{Authority.KT.value} {self.deputy_for}")
        if self.title:
            lines.append(self.title)
        return [line.upper() for line in lines]


# --- the directive -------------------------------------------------------------------


class Directive(Model):
    """A whole "Phát động phong trào thi đua" document."""

    issuer: Issuer
    document: Document
    #: The year of the movement; optional for a plan over a period.
    year: Annotated[int, Field(ge=1945, le=2100)] | None = None
    #: A plan over several years ("2021-2025"), printed by {period}.
    period: Period | None = None
    theme: Text | None = None
    #: The Government's motto of the year (chủ đề năm, phương châm điều hành), {government_motto}.
    government_motto: Text | None = None
    #: Round anniversaries the preamble cites through {anniversaries}.
    anniversaries: list[Text] = []
    #: Round anniversaries of the coming years the movement is "hướng tới", {upcoming}.
    upcoming: list[Text] = []
    #: The issuer's own anniversary calendar, relative to this file.
    calendar: Text | None = None
    addressees: list[Text] = []
    #: The legal basis: "Căn cứ ..." lines (the words "Căn cứ" and the end marks are printed).
    basis: list[Text] = []
    preamble: list[Text] = []
    #: Sections, or straight away the blocks of a section's content (items, paragraphs...).
    body: Blocks
    closing: Text | None = None
    signature: Signature
    recipients: Annotated[list[Text], Field(min_length=1)]
    archive: Annotated[list[SymbolPart], Field(min_length=1)] = [decree.ARCHIVE_DEFAULT]
    appendices: list[Appendix] = []

    @model_validator(mode="after")
    def _year_or_period(self) -> "Directive":
        if self.year is None and self.period is None:
            raise invalid("year_or_period")
        return self

    @property
    def period_years(self) -> tuple[int, int] | None:
        if self.period is None:
            return None
        start, end = self.period.split("-")
        return int(start), int(end)

    @property
    def symbol(self) -> str:
        """Ký hiệu: "UBND-KTTH" for a công văn, "CT-UBND" for a Chỉ thị."""
        document, code = self.document, self.issuer.code
        parts = [code] if document.kind_code is None else [document.kind_code, code]
        if document.unit:
            parts.append(document.unit)
        return "-".join(parts)
