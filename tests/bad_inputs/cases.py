"""The corpus of hostile and broken inputs, generated: each case is its input files, the
command line, and the exit code and message fragments (Vietnamese and English) it must give.

``test_corpus.py`` runs every case as a real ``python -m thidua_docs`` process in a fresh
folder (60 s, 2 GiB) in both languages. A case's files are bytes, or a function of the
``Stock`` (a real rendered .docx, the bundled template) returning bytes.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = REPO / "thidua_docs" / "templates" / "phat_dong.docx"

#: A small valid directive; ``@EXTRA@`` is where a case adds top-level lines, ``@THEME@``
#: the value of ``theme`` (a double-quoted scalar).
BASE = """\
issuer:
  name: [Ủy ban nhân dân, Huyện Đăk Hà]
  code: UBND
document:
  unit: VX
  place: Đăk Hà
  title: Phát động phong trào thi đua
  subtitle: Thực hiện nhiệm vụ năm {year}
year: 2021
theme: "@THEME@"
preamble:
  - Ủy ban nhân dân huyện phát động phong trào thi đua với chủ đề “{theme}”.
body:
  - section: Mục tiêu
    content:
      - Hoàn thành các chỉ tiêu năm {year}.
closing: Ủy ban nhân dân huyện yêu cầu các cơ quan thực hiện.
signature: {authority: TM., on_behalf_of: Ủy ban nhân dân, title: Chủ tịch, name: Nguyễn Văn A}
recipients: [UBND tỉnh (b/c), Các xã, thị trấn]
archive: [VT, VX]
@EXTRA@"""


def directive(theme: str = "Đoàn kết, sáng tạo", extra: str = "", **replace: str) -> bytes:
    """BASE with *theme* (raw text of a double-quoted scalar), *extra* lines, and any
    ``old=new`` line replacements (keys are the text before, values after)."""
    text = BASE.replace("@THEME@", theme).replace("@EXTRA@", extra)
    for old, new in replace.items():
        text = text.replace(old.replace("__", " "), new)
    return text.encode("utf-8")


def line_of(data: bytes, needle: str) -> int:
    """The 1-based line of *data* where *needle* first stands."""
    text = data.decode("utf-8", "replace")
    return text[: text.index(needle)].count("\n") + 1


@dataclass
class Stock:
    """Real documents the cases are made from."""

    docx: bytes      # a directive rendered by thidua
    template: bytes  # templates/phat_dong.docx


@dataclass
class Case:
    name: str
    argv: list[str]
    exit_code: int
    vi: str | list[str]
    en: str | list[str]
    files: dict[str, bytes | Callable[[Stock], bytes]] = field(default_factory=dict)
    #: files the command must write (relative); nothing else may appear
    writes: tuple[str, ...] = ()
    #: the file the message must name (default: the first input on the command line)
    names: str | None = None
    #: "line:column" (or "line:") the message must give
    at: str | None = None
    #: extra set-up: a function of the case folder (symlinks, read-only folders, limits)
    setup: Callable[[Path], None] | None = None
    #: resource limits for the process: name → value (e.g. RLIMIT_FSIZE)
    rlimits: dict[str, int] = field(default_factory=dict)
    #: the document written must contain this text (literal printing)
    prints: str | None = None

    def fragments(self, lang: str) -> list[str]:
        value = self.vi if lang == "vi" else self.en
        return [value] if isinstance(value, str) else list(value)

    def named(self) -> str | None:
        if self.names is not None:
            return self.names or None
        return next((arg for arg in self.argv if arg in self.files), None)


# --- .docx makers -----------------------------------------------------------------------


def repack(source: bytes, replace: dict[str, bytes | None] | None = None,
           add: dict[str, bytes] | None = None, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """A copy of the package *source* with members replaced (None: removed) or added."""
    replace, add = replace or {}, add or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, \
            zipfile.ZipFile(out, "w", compression) as zout:
        for info in zin.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    zout.writestr(info.filename, replace[info.filename])
                continue
            zout.writestr(info, zin.read(info))
        for name, data in add.items():
            zout.writestr(name, data)
    return out.getvalue()


def member(source: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(source)) as package:
        return package.read(name)


def edited(part: str, old: str, new: str, what: str = "docx") -> Callable[[Stock], bytes]:
    """The stock document (or template) with *old* replaced by *new* once in *part*."""

    def make(stock: Stock) -> bytes:
        source = getattr(stock, what)
        xml = member(source, part).decode("utf-8")
        assert old in xml, (part, old)
        return repack(source, {part: xml.replace(old, new, 1).encode("utf-8")})

    return make


def zip_bomb(stock: Stock) -> bytes:
    """A small .docx whose document.xml expands to 1.1 GB (zeros, streamed in)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(stock.docx)) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for info in zin.infolist():
            if info.filename == "word/document.xml":
                with zout.open("word/document.xml", "w", force_zip64=True) as stream:
                    chunk = b"\0" * (1 << 20)
                    for _ in range(1100):
                        stream.write(chunk)
            else:
                zout.writestr(info, zin.read(info))
    return out.getvalue()


def high_ratio(stock: Stock) -> bytes:
    """document.xml padded with 8 MB of one repeated comment: small declared size, ratio
    far beyond real XML."""
    xml = member(stock.docx, "word/document.xml")
    padded = xml.replace(b"<w:body>", b"<w:body><!--" + b"a" * 8_000_000 + b"-->", 1)
    return repack(stock.docx, {"word/document.xml": padded})


def lying_sizes(stock: Stock) -> bytes:
    """document.xml's declared size (central directory) patched to 100 bytes."""
    data = bytearray(stock.docx)
    with zipfile.ZipFile(io.BytesIO(stock.docx)) as package:
        info = package.getinfo("word/document.xml")
    name = b"word/document.xml"
    central = data.rfind(b"PK\x01\x02" + bytes(0), 0)
    position = 0
    while True:
        position = data.find(b"PK\x01\x02", position)
        if position < 0:
            raise AssertionError("central directory entry not found")
        length = int.from_bytes(data[position + 28:position + 30], "little")
        if data[position + 46:position + 46 + length] == name:
            break
        position += 4
    data[position + 24:position + 28] = (100).to_bytes(4, "little")  # uncompressed size
    del central, info
    return bytes(data)


def many_members(stock: Stock) -> bytes:
    return repack(stock.docx, add={f"customXml/item{i}.xml": b"<a/>" for i in range(6000)},
                  compression=zipfile.ZIP_STORED)


def many_paragraphs(count: int) -> Callable[[Stock], bytes]:
    def make(stock: Stock) -> bytes:
        xml = member(stock.docx, "word/document.xml")
        paragraph = b"<w:p><w:r><w:t>M\xe1\xbb\x99t \xc4\x91o\xe1\xba\xa1n.</w:t></w:r></w:p>"
        return repack(stock.docx, {"word/document.xml": xml.replace(
            b"<w:body>", b"<w:body>" + paragraph * count, 1)})

    return make


def entity_bomb(stock: Stock) -> bytes:
    lol = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    xml = member(stock.docx, "word/document.xml").decode("utf-8")
    xml = xml.replace("<w:document", f'<!DOCTYPE w:document [<!ENTITY l0 "lol">{lol}]>'
                      "<w:document", 1).replace("<w:body>", "<w:body><w:p><w:r><w:t>&l9;"
                                                "</w:t></w:r></w:p>", 1)
    xml = re.sub(r"^<\?xml[^>]*\?>", '<?xml version="1.0" encoding="UTF-8"?>', xml)
    return repack(stock.docx, {"word/document.xml": xml.encode("utf-8")})


def xxe(stock: Stock) -> bytes:
    xml = member(stock.docx, "word/document.xml").decode("utf-8")
    xml = re.sub(r"^<\?xml[^>]*\?>", "", xml)
    xml = ('<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY x SYSTEM '
           '"file:///etc/passwd">]>' + xml.replace("<w:body>", "<w:body><w:p><w:r><w:t>&x;"
                                                   "</w:t></w:r></w:p>", 1))
    return repack(stock.docx, {"word/document.xml": xml.encode("utf-8")})


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = OLE + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + \
    "Encryption".encode("utf-16-le") + b"\0" * 1024
LEGACY_DOC = OLE + b"\0" * 2048

# --- YAML makers -----------------------------------------------------------------------


def laughs(depth: int = 9) -> str:
    lines = ['a0: &a0 ["lol"]']
    for i in range(1, depth + 1):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


def _column(data: bytes, byte: int) -> int:
    """The 1-based column of the first *byte* on its line, in characters."""
    line = data[: data.index(bytes([byte]))].rsplit(b"\n", 1)[-1]
    return len(line.decode("utf-8")) + 1


def _long_name(length: int) -> str:
    return "d" * (length - 5) + ".docx"


def _symlink(name: str, target: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).symlink_to(target)


def _hardlink(name: str, target: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).hardlink_to(folder / target)


def _read_only(name: str) -> Callable[[Path], None]:
    """*name*: a folder nobody can write in, root included (a link to /sys)."""
    return _symlink(name, "/sys")


# --- the cases ---------------------------------------------------------------------------

CASES: list[Case] = []


def case(*args, **kwargs) -> None:
    CASES.append(Case(*args, **kwargs))


OK = directive()
OUT = "out.docx"

# Templates that try to run code or are broken (render --template).
_TEMPLATE_TAGS = {
    "template-rce": ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "__init__"),
    "template-mro": ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "__class__"),
    "template-subscript": ("{{ title['__class__'] }}", "__class__"),
    "template-attr-filter": ("{{ title|attr('__class__') }}", "__class__"),
    "template-globals": ("{{ lipsum.__globals__ }}", "__globals__"),
    "template-config": ("{{ self._TemplateReference__context }}", "_TemplateReference__context"),
    "template-mro-name": ("{{ title.mro }}", "mro"),
}
for name, (tag, attribute) in _TEMPLATE_TAGS.items():
    case(name, ["render", "in.yaml", "-o", OUT, "--template", "t.docx"], 1,
         ["phần thân, đoạn", "bị từ chối", attribute], ["body, paragraph", "refused", attribute],
         files={"in.yaml": OK, "t.docx": edited("word/document.xml", "{{ title }}", tag,
                                                "template")}, names="t.docx")
case("template-header-rce", ["render", "in.yaml", "-o", OUT, "--template", "t.docx"], 1,
     ["đầu trang (header", "bị từ chối", "__init__"], ["header (header", "refused"],
     files={"in.yaml": OK, "t.docx": lambda stock: _header_tag(
         stock, "{{ cycler.__init__.__globals__.os.popen('id').read() }}")}, names="t.docx")
case("template-built-attr", ["render", "in.yaml", "-o", OUT, "--template", "t.docx"], 1,
     ["phần thân, đoạn", "bị từ chối", "__cla"], ["body, paragraph", "refused", "__cla"],
     files={"in.yaml": OK, "t.docx": edited("word/document.xml", "{{ title }}",
                                            "{{ title|attr('__cla' ~ 'ss__') }}", "template")},
     names="t.docx")
case("template-formatted-attr", ["render", "in.yaml", "-o", OUT, "--template", "t.docx"], 1,
     ["hộp cát", "__class__", "lint-template"], ["sandbox", "__class__", "lint-template"],
     files={"in.yaml": OK, "t.docx": edited(
         "word/document.xml", "{{ title }}",
         "{{ title|attr('%c%cclass%c%c'|format(95, 95, 95, 95)) }}", "template")},
     names="t.docx")
case("template-huge-repeat", ["render", "in.yaml", "-o", OUT, "--template", "t.docx"], 1,
     ["hộp cát", "* 100000000"], ["sandbox", "* 100000000"],
     files={"in.yaml": OK, "t.docx": edited("word/document.xml", "{{ title }}",
                                            "{{ 'x' * 100000000 }}", "template")},
     names="t.docx")
case("template-huge-power", ["render", "in.yaml", "-o", OUT, "--template", "t.docx"], 1,
     ["hộp cát", "** 100000"], ["sandbox", "** 100000"],
     files={"in.yaml": OK, "t.docx": edited("word/document.xml", "{{ title }}",
                                            "{{ 9 ** 100000 }}", "template")}, names="t.docx")
case("template-syntax", ["render", "in.yaml", "-o", OUT, "--template", "t.docx"], 1,
     ["phần thân, đoạn", "sai cú pháp"], ["body, paragraph", "not valid Jinja"],
     files={"in.yaml": OK, "t.docx": edited("word/document.xml", "{{ title }}", "{{ title | }}",
                                            "template")}, names="t.docx")
case("template-unclosed-if", ["render", "in.yaml", "-o", OUT, "--template", "t.docx"], 1,
     ["không cân", "endif"], ["unbalanced", "endif"],
     files={"in.yaml": OK, "t.docx": edited("word/document.xml", "{%p endif %}", "",
                                            "template")}, names="t.docx")
case("template-stray-endfor", ["render", "in.yaml", "-o", OUT, "--template", "t.docx"], 1,
     ["không cân", "{% endfor %}"], ["unbalanced", "{% endfor %}"],
     files={"in.yaml": OK, "t.docx": edited("word/document.xml", "{{ title }}",
                                            "{{ title }}{% endfor %}", "template")},
     names="t.docx")
case("template-unknown-variable", ["render", "in.yaml", "-o", OUT, "--template", "t.docx"], 1,
     ["'titel'", "phần thân, đoạn"], ["'titel'", "body, paragraph"],
     files={"in.yaml": OK, "t.docx": edited("word/document.xml", "{{ title }}", "{{ titel }}",
                                            "template")}, names="t.docx")
case("template-finished-directive", ["render", "in.yaml", "-o", OUT, "--template", "t.docx"], 1,
     ["không có thẻ mẫu", "văn bản đã hoàn chỉnh"], ["no template tags", "finished document"],
     files={"in.yaml": OK, "t.docx": lambda stock: stock.docx}, names="t.docx")
case("template-zip-bomb", ["render", "in.yaml", "-o", OUT, "--template", "t.docx"], 1,
     ["giới hạn", "word/document.xml"], ["limit", "word/document.xml"],
     files={"in.yaml": OK, "t.docx": zip_bomb}, names="t.docx")
case("template-not-zip", ["render", "in.yaml", "-o", OUT, "--template", "t.docx"], 1,
     "bị hỏng", "damaged", files={"in.yaml": OK, "t.docx": b"PK\x03\x04 broken"},
     names="t.docx")


def _header_tag(stock: Stock, tag: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(stock.template)) as package:
        header = next(n for n in package.namelist() if n.startswith("word/header"))
        xml = package.read(header).decode("utf-8")
    if "<w:t>" in xml:
        xml = xml.replace("<w:t>", f"<w:t>{tag}", 1)
    else:
        xml = xml.replace("</w:hdr>", f"<w:p><w:r><w:t>{tag}</w:t></w:r></w:p></w:hdr>", 1)
    return repack(stock.template, {header: xml.encode("utf-8")})


# Hostile packages for check, import and convert-legacy.
_DOCS: dict[str, tuple[Callable[[Stock], bytes] | bytes, int, list[str], list[str]]] = {
    "zip-bomb": (zip_bomb, 2, ["word/document.xml", "giới hạn", "128 MiB"],
                 ["word/document.xml", "limit", "128 MiB"]),
    "zip-ratio": (high_ratio, 2, ["word/document.xml", "lần"], ["word/document.xml", "times"]),
    "zip-lying-size": (lying_sizes, 2, ["bị hỏng"], ["damaged"]),
    "zip-many-members": (many_members, 2, ["5000"], ["5000"]),
    "many-paragraphs": (many_paragraphs(200_000), 2, ["200", "20000 đoạn"],
                        ["200", "limit of 20000"]),
    "encrypted": (ENCRYPTED, 2, ["mật khẩu"], ["password"]),
    "legacy-doc": (LEGACY_DOC, 2, [".doc"], [".doc"]),
    "text-renamed": ("Đây là văn bản thường.\n".encode("utf-8"), 2, ["không phải tệp .docx"],
                     ["not a .docx"]),
    "empty": (b"", 2, ["trống"], ["empty"]),
    "truncated": (lambda stock: stock.docx[: len(stock.docx) // 2], 2, [".docx"], [".docx"]),
    "no-document-part": (lambda stock: repack(stock.docx, {"word/document.xml": None}), 2,
                         [".docx"], [".docx"]),
    "broken-xml": (lambda stock: repack(stock.docx, {"word/document.xml": b"<w:document"}), 2,
                   ["bị hỏng"], ["damaged"]),
}
_CHECK_MESSAGES = {"empty": (["trống"], ["empty"])}
for name, (make, code, vi, en) in _DOCS.items():
    for verb, extra in (("check", []), ("import", ["-o", "out.yaml"]),
                        ("convert-legacy", ["-o", "out.docx"])):
        if verb != "check" and name in ("zip-lying-size", "broken-xml", "legacy-doc"):
            continue  # the same reader: one command is enough for these
        case(f"{verb}-{name}", [verb, "in.docx", *extra], code, vi, en, files={"in.docx": make})

case("check-entity-bomb", ["check", "in.docx"], 2, ["bị hỏng"], ["damaged"],
     files={"in.docx": entity_bomb})
case("import-xxe", ["import", "in.docx", "-o", "out.yaml"], 0, "out.yaml", "out.yaml",
     files={"in.docx": xxe}, writes=("out.yaml",), names="")

# YAML: control characters, escaped and raw.
for escape, shown in (("\\0", "U+0000"), ("\\x01", "U+0001"), ("\\x08", "U+0008"),
                      ("\\x0b", "U+000B"), ("\\x1b", "U+001B"), ("\\uFFFE", "U+FFFE"),
                      ("\\uFFFF", "U+FFFF"), ("\\e", "ESC")):
    data = directive(theme=f"Đoàn kết{escape}")
    name, shown = shown, "U+001B" if shown == "ESC" else shown
    for verb in ("validate", "render"):
        case(f"{verb}-escaped-{name}", [verb, "in.yaml"] + (["-o", OUT] if verb == "render"
                                                             else []), 2,
             ["ký tự điều khiển", shown, "theme"], ["control character", shown, "theme"],
             files={"in.yaml": data}, at=f"{line_of(data, 'theme:')}:8")
for byte in (0x00, 0x01, 0x07, 0x1B, 0x7F):
    data = directive().replace(b"Nguy\xe1\xbb\x85n", b"Nguy" + bytes([byte]) + b"\xe1\xbb\x85n")
    if byte == 0x7F:  # DEL is a printable character for YAML: it must still not crash
        case("render-raw-del", ["render", "in.yaml", "-o", OUT], 2, ["U+007F"], ["U+007F"],
             files={"in.yaml": data}, at=f"{line_of(data, 'signature:')}:{_column(data, byte)}")
        continue
    case(f"validate-raw-{byte:02X}", ["validate", "in.yaml"], 2,
         ["ký tự điều khiển", f"U+{byte:04X}"], ["control character", f"U+{byte:04X}"],
         files={"in.yaml": data}, at=f"{line_of(data, 'signature:')}:{_column(data, byte)}")
case("validate-utf16-bom", ["validate", "in.yaml"], 0, "in.yaml", "in.yaml",
     files={"in.yaml": directive().decode("utf-8").encode("utf-16")})
case("validate-cp1258-noticed", ["validate", "in.yaml"], 0, "Windows-1258", "Windows-1258",
     files={"in.yaml": unicodedata.normalize("NFD", directive().decode("utf-8")).encode(
         "cp1258", "replace")})
case("validate-undecodable", ["validate", "in.yaml"], 2, "UTF-8", "UTF-8",
     files={"in.yaml": directive().replace(b"Nguy", b"Ng\x81\x8d\x90uy")}, at="18:")
case("validate-bom-ok", ["validate", "in.yaml"], 0, "in.yaml", "in.yaml",
     files={"in.yaml": b"\xef\xbb\xbf" + directive()})

# YAML: tags.
for tag, shown, vi, en in (
        ("!!python/name:os.system", "!!python/name:os.system", "thẻ Python", "Python tags"),
        ("!!python/object/apply:os.system [id]", "!!python/object/apply:os.system",
         "thẻ Python", "Python tags"),
        ("!!python/object/new:os.system [id]", "!!python/object/new:os.system",
         "thẻ Python", "Python tags"),
        ("!!binary AAEC", "!!binary", "không được phép", "not allowed"),
        ("!!set {a: null}", "!!set", "không được phép", "not allowed"),
        ("!!omap [a: 1]", "!!omap", "không được phép", "not allowed"),
        ("!local Đoàn kết", "!local", "không được phép", "not allowed")):
    data = directive().replace(b'theme: "', f'theme: {tag} #"'.encode("utf-8"))
    case(f"validate-tag-{shown.strip('!').replace('/', '-').replace(':', '-')}",
         ["validate", "in.yaml"], 2, [vi, shown, "theme"], [en, shown, "theme"],
         files={"in.yaml": data}, at=f"{line_of(data, 'theme:')}:8")

# YAML: aliases.
case("validate-billion-laughs", ["validate", "in.yaml"], 2, ["bí danh", "20"], ["aliases", "20"],
     files={"in.yaml": laughs().encode()})
case("render-laughs-in-directive", ["render", "in.yaml", "-o", OUT], 2, ["bí danh"], ["aliases"],
     files={"in.yaml": directive(extra="x-extra:\n  " + laughs().replace("\n", "\n  "))})
case("validate-recursive-alias", ["validate", "in.yaml"], 2, ["bí danh"], ["aliases"],
     files={"in.yaml": directive(extra="loop: &l [*l, *l, *l, *l, *l, *l, *l, *l, *l, *l, *l, "
                                       "*l, *l, *l, *l, *l, *l, *l, *l, *l, *l, *l]\n")})
case("validate-few-aliases-still-checked", ["validate", "in.yaml"], 2, ["'x-name'"],
     ["'x-name'"], files={"in.yaml": directive(extra="x-name: &n Nguyễn\nx-other: *n\n")})

# YAML: numbers, dates, syntax, keys, sizes.
case("validate-5000-digit-int", ["validate", "in.yaml"], 2, ["5000 chữ số", "year"],
     ["5000 digits", "year"], files={"in.yaml": directive(**{"year: 2021": "year: " + "9" * 5000})},
     at="9:7")
case("validate-5000-digit-value", ["validate", "in.yaml"], 2, ["5000 chữ số"], ["5000 digits"],
     files={"in.yaml": directive(extra="x: " + "1" * 5000 + "\n")})
case("validate-quoted-huge-year", ["validate", "in.yaml"], 2, ["year"], ["year"],
     files={"in.yaml": directive(**{"year: 2021": 'year: "' + "9" * 5000 + '"'})}, at="9:")
case("validate-year-absurd", ["validate", "in.yaml"], 2, ["year"], ["year"],
     files={"in.yaml": directive(**{"year: 2021": "year: 99999"})}, at="9:")
case("validate-year-negative", ["validate", "in.yaml"], 2, ["year"], ["year"],
     files={"in.yaml": directive(**{"year: 2021": "year: -5"})}, at="9:")
case("validate-impossible-date", ["validate", "in.yaml"], 2, ["2021-13-40"], ["2021-13-40"],
     files={"in.yaml": directive(**{"  place: Đăk Hà": "  place: Đăk Hà\n  date: 2021-13-40"})},
     at="7:")
case("validate-float-inf", ["validate", "in.yaml"], 2, ["year"], ["year"],
     files={"in.yaml": directive(**{"year: 2021": "year: .inf"})}, at="9:")
case("validate-tab-indent", ["validate", "in.yaml"], 2, ["YAML"], ["YAML"],
     files={"in.yaml": directive().replace(b"  code: UBND", b"\tcode: UBND")}, at="3:")
case("validate-unclosed-flow", ["validate", "in.yaml"], 2, ["YAML"], ["YAML"],
     files={"in.yaml": directive().replace(b"[VT, VX]", b"[VT, VX")})
case("validate-unclosed-quote", ["validate", "in.yaml"], 2, ["YAML"], ["YAML"],
     files={"in.yaml": directive(theme="Đoàn kết\\")})
case("validate-duplicate-key", ["validate", "in.yaml"], 2, ["'year'"], ["'year'"],
     files={"in.yaml": directive(extra="year: 2022\n")}, at="21:1")
case("validate-duplicate-nested-key", ["validate", "in.yaml"], 2, ["'unit'"], ["'unit'"],
     files={"in.yaml": directive(**{"  unit: VX": "  unit: VX\n  unit: TH"})}, at="6:3")
case("validate-complex-key", ["validate", "in.yaml"], 2, ["khóa"], ["key"],
     files={"in.yaml": directive(extra="? [a, b]\n: c\n")})
case("validate-not-mapping", ["validate", "in.yaml"], 2, ["bảng khóa"], ["mapping"],
     files={"in.yaml": b"- a\n- b\n"}, at="1:1")
case("validate-empty", ["validate", "in.yaml"], 2, ["trống"], ["empty"], files={"in.yaml": b""})
case("validate-huge-file", ["validate", "in.yaml"], 2, ["4 MiB"], ["4 MiB"],
     files={"in.yaml": directive(extra="# " + "x" * (5 * 1024 * 1024) + "\n")})
case("validate-deep-nesting", ["validate", "in.yaml"], 2, ["YAML"], ["YAML"],
     files={"in.yaml": directive(extra="x: " + "[" * 5000 + "]" * 5000 + "\n")})
case("validate-missing-file", ["validate", "none.yaml"], 2, ["none.yaml"], ["none.yaml"],
     names="none.yaml")
case("validate-folder", ["validate", "dir"], 2, ["dir"], ["dir"],
     setup=lambda folder: (folder / "dir").mkdir(), names="dir")

# Text that looks like XML or Jinja: printed literally, or refused with its place.
for name, text in (("xml", "<w:p>&amp; ]]></w:t> <!-- x -->"),
                   ("escaped-braces", "\\\\{\\\\{ 7*7 \\\\}\\\\}"),
                   ("nfd", unicodedata.normalize("NFD", "Đoàn kết, sáng tạo")),
                   ("long-line", "Đoàn kết " * 20_000)):
    shown = {"escaped-braces": "{{ 7*7 }}", "nfd": "Đoàn kết, sáng tạo",
             "long-line": "Đoàn kết Đoàn kết", "xml": "<w:p>&amp; ]]></w:t> <!-- x -->"}[name]
    case(f"render-literal-{name}", ["render", "in.yaml", "-o", OUT], 0, OUT, OUT,
         files={"in.yaml": directive(theme=text)}, writes=(OUT,), names="", prints=shown)
case("render-jinja-in-value", ["render", "in.yaml", "-o", OUT], 2,
     ["{ 7*7 }", "\\{", "theme"], ["{ 7*7 }", "\\{", "theme"],
     files={"in.yaml": directive(theme="{{ 7*7 }}")}, at="10:8")
case("render-jinja-block-in-value", ["render", "in.yaml", "-o", OUT], 2,
     ["% if true %", "theme"], ["% if true %", "theme"],
     files={"in.yaml": directive(theme="{% if true %}x{% endif %}")}, at="10:8")

# Outputs: never over an input, long names, unwritable folders, existing files.
case("render-over-its-input", ["render", "in.yaml", "-o", "in.yaml", "--force"], 1,
     ["tệp đầu vào", "in.yaml"], ["is the input", "in.yaml"], files={"in.yaml": OK})
case("render-over-input-other-spelling", ["render", "in.yaml", "-o", "./sub/../in.yaml",
                                          "--force"], 1, "tệp đầu vào", "is the input",
     files={"in.yaml": OK}, setup=lambda folder: (folder / "sub").mkdir())
case("render-over-input-symlink", ["render", "in.yaml", "-o", "link.docx", "--force"], 1,
     "tệp đầu vào", "is the input", files={"in.yaml": OK}, setup=_symlink("link.docx", "in.yaml"))
case("render-over-input-hardlink", ["render", "in.yaml", "-o", "hard.docx", "--force"], 1,
     "tệp đầu vào", "is the input", files={"in.yaml": OK}, setup=_hardlink("hard.docx", "in.yaml"))
case("render-over-template", ["render", "in.yaml", "-o", "t.docx", "--template", "t.docx",
                              "--force"], 1, "tệp đầu vào", "is the input",
     files={"in.yaml": OK, "t.docx": lambda stock: stock.template}, names="t.docx")
case("import-over-its-input", ["import", "in.docx", "-o", "in.docx", "--force"], 1,
     "tệp đầu vào", "is the input", files={"in.docx": lambda stock: stock.docx})
case("convert-over-its-input", ["convert-legacy", "in.txt", "-o", "in.txt", "--force"], 1,
     "tệp đầu vào", "is the input",
     files={"in.txt": "Uû ban nh©n d©n huyÖn\n".encode("cp1252")})
case("new-over-its-input", ["new", "in.yaml", "-o", "in.yaml", "--force"], 1,
     "tệp đầu vào", "is the input", files={"in.yaml": OK})
case("render-name-too-long", ["render", "in.yaml", "-o", _long_name(300)], 1,
     ["quá giới hạn 255"], ["limit of 255"], files={"in.yaml": OK}, names="")
case("render-long-stem", ["render", "s" * 236 + ".yaml", "-o", "./"], 0,
     "s" * 236 + ".docx", "s" * 236 + ".docx", files={"s" * 236 + ".yaml": OK},
     writes=("s" * 236 + ".docx",), names="")
case("render-existing-output", ["render", "in.yaml", "-o", "old.docx"], 1, ["old.docx", "--force"],
     ["old.docx", "--force"], files={"in.yaml": OK, "old.docx": b"keep me"}, names="old.docx")
case("render-read-only-folder", ["render", "in.yaml", "-o", "ro/out.docx"], 1,
     ["ro/out.docx"], ["ro/out.docx"], files={"in.yaml": OK}, setup=_read_only("ro"),
     names="ro/out.docx")
case("render-full-disk", ["render", "in.yaml", "-o", OUT], 1, [OUT], [OUT],
     files={"in.yaml": OK}, rlimits={"RLIMIT_FSIZE": 4096}, names=OUT)
case("import-full-disk", ["import", "in.docx", "-o", "out.yaml"], 1, ["out.yaml"], ["out.yaml"],
     files={"in.docx": lambda stock: stock.docx}, rlimits={"RLIMIT_FSIZE": 64}, names="out.yaml")
case("render-output-parent-is-file", ["render", "in.yaml", "-o", "in.yaml/out.docx"], 1,
     ["in.yaml/out.docx"], ["in.yaml/out.docx"], files={"in.yaml": OK},
     names="in.yaml/out.docx")

# The command line itself: Vietnamese usage errors, absurd options.
case("new-year-zero", ["new", "in.yaml", "--year", "0", "-o", "n.yaml"], 2,
     ["Lỗi", "--year", "1945"], ["Error", "--year", "1945"], files={"in.yaml": OK}, names="")
case("new-year-text", ["new", "in.yaml", "--year", "abc", "-o", "n.yaml"], 2,
     ["Lỗi", "'abc'", "không phải một số"], ["Error", "'abc'", "not a valid integer"],
     files={"in.yaml": OK},
     names="")
case("render-no-such-option", ["render", "in.yaml", "--bogus"], 2,
     ["Lỗi", "--bogus", "Cách dùng"], ["Error", "--bogus", "Usage"], files={"in.yaml": OK},
     names="")
case("no-such-command", ["rendr", "in.yaml"], 2, ["Lỗi", "rendr"], ["Error", "rendr"],
     files={"in.yaml": OK}, names="")
case("render-missing-argument", ["render"], 2, ["Lỗi", "Thiếu", "TỆP.yaml"],
     ["Error", "Missing", "FILE.yaml"],
     names="")
case("render-jobs-zero", ["render", "in.yaml", "-j", "0"], 2, ["Lỗi", "-j"], ["Error", "-j"],
     files={"in.yaml": OK}, names="")
case("new-result-invalid-named", ["new", "in.yaml", "-o", "n.yaml"], 2,
     ["n.yaml (chưa ghi", "in.yaml", "2101"], ["n.yaml (not written", "in.yaml", "2101"],
     files={"in.yaml": directive(**{"year: 2021": "year: 2100"})}, names="in.yaml")
case("new-year-too-late", ["new", "in.yaml", "--year", "2500", "-o", "n.yaml"], 2,
     ["Lỗi", "--year", "1945–2100"], ["Error", "--year", "1945-2100"], files={"in.yaml": OK},
     names="")


# --- batches stopped by a signal, and two writers on one output ---------------------------------


@dataclass
class BatchCase:
    """A batch of *inputs* directives rendered with ``-j 2`` into out/, sent *signal* once
    its first output exists: it ends with *exit_code* (None: killed), every output written
    is whole, no temporary file is left, and no worker or LibreOffice outlives it."""

    name: str
    signal: str
    exit_code: int | None
    pdf: bool = False
    #: enough that a quiet machine cannot render them all between the first output and the
    #: signal (a .docx takes a few milliseconds)
    inputs: int = 1000


BATCH_CASES = [
    BatchCase("batch-sigint", "SIGINT", 130),
    BatchCase("batch-sigterm", "SIGTERM", 143),
    BatchCase("batch-sighup", "SIGHUP", 129),
    BatchCase("batch-sigkill", "SIGKILL", None),
    BatchCase("batch-pdf-sigterm", "SIGTERM", 143, pdf=True, inputs=8),
    BatchCase("batch-pdf-sigkill", "SIGKILL", None, pdf=True, inputs=8),
]


@dataclass
class WritersCase:
    """Two processes write the same output at once: the file is whole and one of them
    (without --force) says the output exists."""

    name: str
    argv: list[str]
    exit_codes: list[int]
    files: dict[str, bytes | Callable[[Stock], bytes]]
    output: str


WRITERS_CASES = [
    WritersCase("two-renders-one-output", ["render", "in.yaml", "-o", "out.docx"], [0, 1],
                {"in.yaml": OK}, "out.docx"),
    WritersCase("two-forced-renders-one-output", ["render", "in.yaml", "-o", "out.docx",
                                                  "--force"], [0, 0], {"in.yaml": OK}, "out.docx"),
    WritersCase("two-imports-one-output", ["import", "in.docx", "-o", "out.yaml"], [0, 1],
                {"in.docx": lambda stock: stock.docx}, "out.yaml"),
]
