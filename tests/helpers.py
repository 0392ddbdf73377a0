"""Small directives built in tests."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

MINIMAL = {
    "issuer": {"name": ["ỦY BAN NHÂN DÂN", "HUYỆN ĐĂK HÀ"], "code": "UBND"},
    "document": {"unit": "VX", "place": "Đăk Hà", "title": "Phát động phong trào thi đua",
                 "subtitle": "Thực hiện nhiệm vụ năm {year}"},
    "year": 2021,
    "theme": "Đoàn kết, sáng tạo",
    "preamble": ["Ủy ban nhân dân huyện phát động phong trào thi đua với chủ đề “{theme}”."],
    "body": [{"section": "Mục tiêu", "content": ["Hoàn thành các chỉ tiêu năm {year}."]}],
    "closing": "Ủy ban nhân dân huyện yêu cầu các cơ quan thực hiện.",
    "signature": {"authority": "TM.", "on_behalf_of": "Ủy ban nhân dân", "title": "Chủ tịch",
                  "name": "Nguyễn Văn A"},
    "recipients": ["UBND tỉnh (b/c)", "Các xã, thị trấn"],
    "archive": ["VT", "VX"],
}


def directive_data(**changes) -> dict:
    """MINIMAL with top-level keys replaced (None removes a key)."""
    data = copy.deepcopy(MINIMAL)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def write_yaml(path: Path, data: dict | str) -> Path:
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True,
                                                             sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path
