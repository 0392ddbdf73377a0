"""Where lines may break: codes and ranges held on one line, titles broken where a person
would break them.

* A hyphen between two non-space characters ("16/3/1975-16/3/2025", "98/2023/NĐ-CP",
  "27-28%", "2025-2030", "UBND-TH") is written as Word's non-breaking hyphen
  (w:noBreakHyphen): Word and LibreOffice never break a line there, the text still
  reads "-" to python-docx, to search and in the PDF. A spaced dash ("kinh tế - xã hội")
  stays an ordinary one.
* The title, trích yếu and V/v lines are broken with w:br where a person breaks them:
  after a comma, before a phrase (a function word, a time adjunct "năm 2025", a verb
  that opens a phrase), else between two words, never inside a word of two or more
  syllables, never before " - " and never before a number; the lines are balanced
  (least squared free room) at the fewest lines the text needs, measured with the
  Times New Roman metrics of ``thidua_docs.layout.metrics``.

Words are found by longest match in a list of the compound words (từ ghép) of
directive titles, and proper names by their capitals (each syllable of a Vietnamese
proper name is capitalised: Nghị định 30/2020/NĐ-CP, Phụ lục II). A boundary between
two syllables the lists do not know is used only when nothing else fits.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from markupsafe import Markup

from thidua_docs.layout.metrics import word_widths_pt
from thidua_docs.ooxml import TWIPS_PER_PT, qn

#: A hyphen with a non-space character on each side, inside a w:t of run XML (the hyphen
#: first, then the look-behind: the engine then only stops at hyphens).
_INNER_HYPHEN = re.compile(r"-(?<=[^\s>]-)(?=[^\s<])")
_NO_BREAK_HYPHEN = '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'
_LINE_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'


def hold_hyphens(xml: str) -> str:
    """*xml* (run XML or escaped w:t text) with its in-word hyphens non-breaking."""
    return _INNER_HYPHEN.sub(_NO_BREAK_HYPHEN, xml) if "-" in xml else xml


def held(text: str) -> Markup:
    """*text* escaped for a w:t, its in-word hyphens non-breaking."""
    return Markup(hold_hyphens(escape(text, quote=False)))


def broken(lines: list[str]) -> Markup:
    """*lines* as the content of one w:t, joined by line breaks (w:br)."""
    return Markup(_LINE_BREAK.join(hold_hyphens(escape(line, quote=False)) for line in lines))


# --- the words of a title ---------------------------------------------------------------------

#: Function words (quan hệ từ: prepositions and conjunctions) that open a phrase.
FUNCTION_WORDS = frozenset(
    "và của cho trong về với tại theo nhằm để đến từ bằng do vì hoặc cùng trên dưới qua "
    "sau trước giữa hay gắn".split())
#: Words that open a phrase of a directive title (its verbs and time adjuncts).
PHRASE_OPENERS = frozenset((
    "thực hiện", "chào mừng", "hướng tới", "tiến tới", "lập thành tích", "phát động",
    "đẩy mạnh", "bảo đảm", "đảm bảo", "xây dựng", "nâng cao", "triển khai", "tăng cường",
    "góp phần", "phấn đấu", "hoàn thành", "giai đoạn", "nhiệm kỳ", "kỷ niệm",
    "phát huy", "khắc phục", "tổ chức", "giữ vững", "thúc đẩy", "phòng, chống", "phòng chống",
))
#: Compound words of directive titles (lower case, syllables separated by one space).
COMPOUNDS = frozenset(PHRASE_OPENERS | frozenset(line.strip() for line in """
phong trào; yêu nước; thắng lợi; nhiệm vụ; phát triển; kinh tế; xã hội; quốc phòng;
an ninh; hệ thống; chính trị; đại hội; đại biểu; toàn quốc; đảng bộ; thành tích; công tác;
nội vụ; ngày sinh; chủ tịch; thành lập; giải phóng; thống nhất; đất nước; cách mạng;
quốc khánh; cộng hòa; cộng hoà; chủ nghĩa; xã hội chủ nghĩa; việt nam; nhân dân; ủy ban;
uỷ ban; ủy ban nhân dân; hội đồng; hội đồng nhân dân; kế hoạch; chỉ thị; quyết định;
thông báo; báo cáo; hướng dẫn; công văn; tờ trình; nghị quyết; nghị định; thông tư;
khen thưởng; thi đua khen thưởng; cải cách; hành chính; chuyển đổi; chuyển đổi số; số hóa;
nông thôn; nông thôn mới; giảm nghèo; bền vững; văn hóa; văn hoá; giáo dục; đào tạo; y tế;
khoa học; công nghệ; đổi mới; sáng tạo; đoàn kết; kỷ cương; trách nhiệm; hiệu quả;
chất lượng; cán bộ; công chức; viên chức; người lao động; lao động; doanh nghiệp;
doanh nhân; cơ quan; đơn vị; địa phương; tỉnh ủy; huyện ủy; thành ủy; thành phố; thị xã;
thị trấn; trật tự; an toàn; giao thông; môi trường; tài nguyên; biên giới; dân tộc;
thiểu số; miền núi; vùng sâu; vùng xa; hội nhập; quốc tế; toàn diện; vượt mức; chỉ tiêu;
mục tiêu; chủ yếu; chủ đề; toàn dân; toàn thể; đảng viên; chiến sĩ; lực lượng; vũ trang;
công an; quân đội; quân sự; tổ quốc; bảo vệ; học tập; làm theo; tư tưởng; đạo đức;
phong cách; hồ chí minh; sản xuất; kinh doanh; xuất sắc; tiên tiến; điển hình; gương mẫu;
nhân rộng; tuyên truyền; vận động; ma túy; ma tuý; tham nhũng; lãng phí; tiêu cực;
thiên tai; dịch bệnh; hậu quả; ổn định; tăng trưởng; đầu tư; ngân sách; thương mại;
dịch vụ; du lịch; công nghiệp; nông nghiệp; lâm nghiệp; đô thị; hạ tầng; kết cấu hạ tầng;
thủy lợi; chính quyền; mặt trận; đoàn thể; chính phủ; thủ tướng; bộ trưởng; giám đốc;
phó giám đốc; phó chủ tịch; trưởng ban; ban chỉ đạo; quản lý; nhà nước; pháp luật;
pháp chế; chuyên môn; nghiệp vụ; sự nghiệp; trực thuộc; thanh tra; kiểm tra; giám sát;
tổng kết; sơ kết; đánh giá; thực tiễn; năm học; hàng năm; hằng năm; cuối năm; đầu năm;
giữa năm; đối với; trở về; bên trong; hội nghị; hội thảo; lần thứ; tập thể; cá nhân;
cộng đồng; gia đình; thanh niên; phụ nữ; cựu chiến binh; nông dân; công đoàn; học sinh;
sinh viên; giáo viên; trường học; bệnh viện; quy chế; quy định; chi tiết; thi hành;
điều lệ; chương trình; mục tiêu quốc gia; đề án; dự án; chiến lược; toàn tỉnh; toàn ngành;
toàn huyện; toàn xã; ngành nghề; việc làm; an sinh; phúc lợi; sức khỏe; sức khoẻ;
chăm sóc; đời sống; vật chất; tinh thần; truyền thống; anh hùng; lịch sử; tri ân;
đền ơn đáp nghĩa; người có công; thương binh; liệt sĩ; đột phá; trọng tâm; trọng điểm;
cấp bách; thường xuyên; định kỳ; đột xuất; tiết kiệm; chống lãng phí; hiện đại; hiện đại hóa;
công nghiệp hóa; số hóa; dữ liệu; chính quyền số; kinh tế số; xã hội số; nhân lực;
nguồn nhân lực; nguồn lực; hợp tác; liên kết; cạnh tranh; năng suất; năng lực; chỉ số;
cải thiện; thu hút; khởi nghiệp; ứng dụng; nghiên cứu; tổng hợp; thống kê; văn bản;
biểu dương; tôn vinh; thành phần; cấp ủy; các cấp; cơ sở; thôn làng; thôn bản; làng xã;
khu dân cư; khối thi đua; cụm thi đua; tỉnh kon tum; tây nguyên; ba năm; năm năm
""".replace("\n", " ").split(";") if line.strip()))
_LONGEST = max(len(word.split()) for word in COMPOUNDS)
_NUMBER = re.compile(r"^[(\"“]?\d")
_DASHES = ("-", "–", "—")
_PUNCTUATION = ",;:"

# Boundary costs, in the unit of the balance cost ((free room / line width) squared).
AFTER_PUNCTUATION = 0.0
BEFORE_PHRASE = 0.1
BETWEEN_WORDS = 0.35
AFTER_DASH = 0.8
UNKNOWN = 2.0  # two syllables the lists do not join or separate: only when nothing else fits
#: The cost of one line more than the text needs (taken when the fewest lines break badly).
EXTRA_LINE = 0.5
MAX_LINES = 12


def _bare(token: str) -> str:
    return token.strip("()\"“”‘’,;:.!?").lower()


def _words(tokens: list[str], bare: list[str]) -> list[int]:
    """Index of the word each token belongs to: compounds by longest match, proper names
    by their capitals (in mixed-case text)."""
    mixed = any(char.islower() for char in "".join(tokens))
    count = len(tokens)
    ends_clause = [token[-1] in _PUNCTUATION for token in tokens]
    owner, position, word = [0] * count, 0, 0
    while position < count:
        size, phrase = 1, bare[position]
        for length in range(2, min(_LONGEST, count - position) + 1):
            if ends_clause[position + length - 2]:
                break  # punctuation ends the word ("kinh tế," | "xã hội")
            phrase = f"{phrase} {bare[position + length - 1]}"
            if phrase in COMPOUNDS:
                size = length
        if size == 1 and mixed and tokens[position][:1].isupper():
            while position + size < count and tokens[position + size][:1].isupper() \
                    and not ends_clause[position + size - 1]:
                size += 1
        owner[position:position + size] = [word] * size
        position += size
        word += 1
    return owner


def _boundary_costs(tokens: list[str]) -> list[float | None]:
    """The cost of breaking before each token (index 0 unused); None: never there."""
    bare = [_bare(token) for token in tokens]
    owner = _words(tokens, bare)
    compound = {word for word, following in zip(owner, owner[1:]) if word == following}
    known = [bare[index] in FUNCTION_WORDS or owner[index] in compound
             or token in _DASHES or bool(_NUMBER.match(token))
             for index, token in enumerate(tokens)]
    costs: list[float | None] = [None]
    for index in range(1, len(tokens)):
        before, token = tokens[index - 1], tokens[index]
        if token in _DASHES or owner[index] == owner[index - 1] or _NUMBER.match(token):
            costs.append(None)  # never before " - ", inside a word or before a number
        elif before[-1] in _PUNCTUATION:
            costs.append(AFTER_PUNCTUATION)
        elif before in _DASHES:
            costs.append(AFTER_DASH)
        elif bare[index] in FUNCTION_WORDS or _opens_phrase(bare, owner, index):
            costs.append(BEFORE_PHRASE)
        elif known[index] or known[index - 1]:
            costs.append(BETWEEN_WORDS)
        else:
            costs.append(UNKNOWN)
    return costs


def _opens_phrase(bare: list[str], owner: list[int], index: int) -> bool:
    end = index
    while end < len(bare) and owner[end] == owner[index]:
        end += 1
    word = " ".join(bare[index:end])
    if word in PHRASE_OPENERS:
        return True
    return word == "năm" and end < len(bare) and bool(_NUMBER.match(bare[end]))


@lru_cache(maxsize=512)
def break_lines(text: str, size_pt: float, bold: bool, width_pt: float) -> tuple[str, ...]:
    """*text* cut into the lines a person would print it on (one line if it fits)."""
    tokens = text.split()
    *widths, space = word_widths_pt(tokens + [" "], size_pt, bold=bold)
    if sum(widths) + space * (len(tokens) - 1) <= width_pt or len(tokens) < 2:
        return (text,)
    costs = _boundary_costs(tokens)
    cuts = [0] + [index for index, cost in enumerate(costs) if cost is not None]
    starts = [0]
    for width in widths:
        starts.append(starts[-1] + width + space)

    # Every line that fits: (first token, token after it) → its balance cost.
    ends = cuts[1:] + [len(tokens)]
    fitting: dict[int, list[tuple[int, float]]] = {}
    for first in cuts:
        fitting[first] = []
        for end in ends:
            if end <= first:
                continue
            used = starts[end] - starts[first] - space
            if used > width_pt:
                if fitting[first]:
                    break
                used = width_pt  # one word wider than the line: it fills the line
            fitting[first].append((end, ((width_pt - used) / width_pt) ** 2
                                   + (costs[end] if end < len(tokens) else 0.0)))
    # best[k][cut] = (cost, previous cut) for k lines ending just before token `cut`
    best: list[dict[int, tuple[float, int]]] = [{0: (0.0, -1)}]
    fewest = None
    while len(best) <= MAX_LINES and (fewest is None or len(best) <= fewest + 1):
        row: dict[int, tuple[float, int]] = {}
        for first, (so_far, _previous) in best[-1].items():
            for end, cost in fitting.get(first, ()):
                total = so_far + cost
                if end not in row or total < row[end][0]:
                    row[end] = (total, first)
        best.append(row)
        if fewest is None and len(tokens) in row:
            fewest = len(best) - 1
    if fewest is None:
        return (text,)
    count = min((k for k in (fewest, fewest + 1) if k < len(best) and len(tokens) in best[k]),
                key=lambda k: best[k][len(tokens)][0] + EXTRA_LINE * (k - fewest))
    lines, end = [], len(tokens)
    for row in reversed(best[1:count + 1]):
        first = row[end][1]
        lines.append(" ".join(tokens[first:end]))
        end = first
    return tuple(reversed(lines))


# --- the template's title lines ---------------------------------------------------------------

#: Context fields printed as broken lines, and the style each is printed in.
TITLE_FIELDS = {"title": "ND30Title", "summary": "ND30Summary"}
SUBTITLE_STYLES = ("ND30Subject", "ND30Subtitle")  # under a typed kind's title, or not


class TitleBreaker:
    """Breaks the title, trích yếu and V/v lines for one template, and holds the hyphens
    of every other text the template prints."""

    def __init__(self, body, facts, body_twips: int) -> None:
        areas: dict[str, int] = {}
        for style in body.iter(qn("w:pStyle")):
            cell = next(style.iterancestors(qn("w:tc")), None)
            width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}") if cell is not None else None
            areas.setdefault(style.get(qn("w:val")),
                             int(width.get(qn("w:w"))) if width is not None else body_twips)
        self._measures = {}
        for style_id in {*TITLE_FIELDS.values(), *SUBTITLE_STYLES}:
            size, bold, left = facts(style_id)
            self._measures[style_id] = (size, bold, (areas.get(style_id, body_twips) - left)
                                        / TWIPS_PER_PT)

    @property
    def measures(self) -> dict[str, tuple[float, bool, float]]:
        """Size, weight and width (pt) of each title style: all the breaker knows."""
        return dict(self._measures)

    @classmethod
    def from_measures(cls, measures: dict) -> "TitleBreaker":
        breaker = cls.__new__(cls)
        breaker._measures = {style: tuple(m) for style, m in measures.items()}
        return breaker

    def lines(self, text: str, style_id: str) -> tuple[str, ...]:
        """*text* broken into the lines it prints on in *style_id*."""
        return break_lines(text, *self._measures[style_id])

    def context(self, values: dict) -> dict:
        """The template *values* with every text held and the title lines broken."""
        result = {}
        subtitle = SUBTITLE_STYLES[0] if values.get("subject_rule") else SUBTITLE_STYLES[1]
        for name, value in values.items():
            style_id = subtitle if name == "subtitle_lines" else TITLE_FIELDS.get(name)
            if isinstance(value, str):
                value = broken(self.lines(value, style_id)) if style_id else held(value)
            elif isinstance(value, list) and value and isinstance(value[0], str):
                value = [broken(self.lines(item, style_id)) if style_id else held(item)
                         for item in value]
            result[name] = value
        return result
