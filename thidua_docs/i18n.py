"""User-facing messages, Vietnamese by default, English on request.

The language is chosen once per run (``--lang`` or the THIDUA_LANG variable).
"""

from __future__ import annotations

import os

_LANG = {"value": os.environ.get("THIDUA_LANG", "vi").lower()[:2]}

MESSAGES: dict[str, dict[str, str]] = {
    # --- field problems -----------------------------------------------------------------
    "missing": {
        "vi": "thiếu trường bắt buộc '{key}': hãy thêm khóa '{key}' vào đây",
        "en": "required field '{key}' is missing: add the key '{key}' here",
    },
    "extra_forbidden": {
        "vi": "khóa '{key}' không có trong mẫu dữ liệu{hint_vi}; hãy xóa hoặc sửa tên khóa",
        "en": "unknown key '{key}'{hint_en}; remove it or fix its name",
    },
    "duplicate_key": {
        "vi": "khóa '{key}' bị lặp lại: mỗi khóa chỉ được ghi một lần, hãy xóa bản thừa",
        "en": "key '{key}' appears twice: keep only one",
    },
    "complex_key": {
        "vi": "khóa phải là một chuỗi đơn giản",
        "en": "a key must be a plain string",
    },
    "bad_date": {
        "vi": "ngày '{value}' không tồn tại: hãy ghi dạng NĂM-THÁNG-NGÀY, ví dụ 2021-01-05",
        "en": "date '{value}' does not exist: write YEAR-MONTH-DAY, e.g. 2021-01-05",
    },
    "date_type": {
        "vi": "cần một ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2021-01-05",
        "en": "a date YEAR-MONTH-DAY is expected, e.g. 2021-01-05",
    },
    "string_type": {
        "vi": "cần một đoạn văn bản (chuỗi), không phải danh sách hay bảng khóa",
        "en": "text (a string) is expected, not a list or mapping",
    },
    "int_type": {"vi": "cần một số nguyên", "en": "a whole number is expected"},
    "greater_than_equal": {
        "vi": "giá trị quá nhỏ ({detail})", "en": "value too small ({detail})",
    },
    "less_than_equal": {"vi": "giá trị quá lớn ({detail})", "en": "value too large ({detail})"},
    "bool_type": {"vi": "cần có (true) hoặc không (false)", "en": "true or false is expected"},
    "list_type": {
        "vi": "cần một danh sách (mỗi dòng bắt đầu bằng '- ')",
        "en": "a list is expected (one '- ' line per entry)",
    },
    "too_short": {
        "vi": "danh sách không được để trống", "en": "the list must not be empty",
    },
    "model_type": {
        "vi": "cần một bảng khóa (các dòng 'khóa: giá trị')",
        "en": "a mapping ('key: value' lines) is expected",
    },
    "enum": {
        "vi": "giá trị không hợp lệ; chỉ nhận: TM., KT., Q., TL., TUQ.",
        "en": "invalid value; expected one of: TM., KT., Q., TL., TUQ.",
    },
    "literal_error": {"vi": "giá trị không hợp lệ ({detail})", "en": "invalid value ({detail})"},
    "block_kind": {
        "vi": "mỗi khối nội dung là một đoạn văn (chuỗi) hoặc có đúng một trong các khóa: "
              "section, items, bullets, indicators{hint_vi}",
        "en": "a block is a paragraph (a string) or a mapping with one of the keys: "
              "section, items, bullets, indicators{hint_en}",
    },
    "unknown_urgency": {
        "vi": "không hiểu mức độ khẩn '{value}': chỉ nhận khẩn, thượng khẩn hoặc hỏa tốc",
        "en": "unknown urgency '{value}': use khẩn, thượng khẩn or hỏa tốc",
    },
    "summary_of_typed_kind": {
        "vi": "'summary' (dòng V/v) chỉ dùng cho công văn; trích yếu của {kind} là 'title'",
        "en": "'summary' (the V/v line) is for a công văn only; a {kind}'s trích yếu is its 'title'",
    },
    "authority_needs_office": {
        "vi": "'{authority}' cần 'on_behalf_of' (ví dụ Ủy ban nhân dân, Chủ tịch)",
        "en": "'{authority}' needs 'on_behalf_of' (e.g. Ủy ban nhân dân, Chủ tịch)",
    },
    "office_needs_authority": {
        "vi": "'on_behalf_of' cần 'authority' (TM., KT., Q., TL. hoặc TUQ.)",
        "en": "'on_behalf_of' needs 'authority' (TM., KT., Q., TL. or TUQ.)",
    },
    "deputy_needs_tm_or_tl": {
        "vi": "'deputy_for' (dòng KT. ...) chỉ dùng dưới TM. hoặc TL.; cấp phó ký thay người "
              "đứng đầu thì ghi authority: KT., on_behalf_of: Chủ tịch",
        "en": "'deputy_for' (a KT. ... line) goes only under TM. or TL.; a deputy signing for "
              "the head writes authority: KT., on_behalf_of: Chủ tịch",
    },
    "acting_has_no_title": {
        "vi": "'Q.' (quyền) đã ghi chức vụ ở 'on_behalf_of' (Q. CHỦ TỊCH): hãy xóa 'title'",
        "en": "'Q.' (acting) names the office in 'on_behalf_of' (Q. CHỦ TỊCH): remove 'title'",
    },
    "signer_title_missing": {
        "vi": "thiếu chức vụ người ký 'title' (ví dụ Chủ tịch, Phó Chủ tịch)",
        "en": "the signer's 'title' is missing (e.g. Chủ tịch, Phó Chủ tịch)",
    },
    "value_error": {"vi": "giá trị không hợp lệ: {detail}", "en": "invalid value: {detail}"},
    "unknown_placeholder": {
        "vi": "không hiểu chỗ thay thế '{{{name}}}': chỉ dùng {{theme}}, {{year}}, {{year-1}}, "
              "{{year+1}} (và {{value}} trong chỉ tiêu)",
        "en": "unknown placeholder '{{{name}}}': use {{theme}}, {{year}}, {{year-1}}, "
              "{{year+1}} (and {{value}} in an indicator)",
    },
    "placeholder_missing": {
        "vi": "văn bản dùng {{{name}}} nhưng khóa '{name}' chưa có hoặc để trống",
        "en": "the text uses {{{name}}} but the key '{name}' is missing or empty",
    },
    "indicator_pending": {
        "vi": "chỉ tiêu chưa cập nhật cho năm {year}: “{wording}” (năm trước: {previous}); "
              "sửa 'value' rồi xóa dòng 'needs_update', hoặc thêm --draft để in bản nháp",
        "en": "indicator not updated for {year}: “{wording}” (last year: {previous}); "
              "set 'value' and delete 'needs_update', or add --draft for a draft",
    },
    "too_deep": {
        "vi": "đánh số quá {deepest} cấp (I., 1., a)): hãy dùng gạch đầu dòng (bullets) "
              "cho cấp sâu hơn",
        "en": "numbering deeper than {deepest} levels (I., 1., a)): use bullets below that",
    },
    "too_many_points": {
        "vi": "quá 23 điểm a), b), ... trong một khoản ({count}): hãy tách khoản",
        "en": "more than 23 points a), b), ... in one item ({count}): split the item",
    },
    "inline_content": {
        "vi": "mục 'inline: true' chỉ chứa đoạn văn hoặc chỉ tiêu (indicators)",
        "en": "an 'inline: true' section holds only paragraphs or indicators",
    },
    "yaml_syntax": {
        "vi": "lỗi cú pháp YAML ({detail}): kiểm tra thụt lề, dấu ':' và dấu ngoặc kép",
        "en": "YAML syntax error ({detail}): check indentation, ':' and quotes",
    },
    "empty_file": {
        "vi": "tệp trống: hãy bắt đầu từ tệp mẫu data/mau-phat-dong.yaml",
        "en": "the file is empty: start from the sample data/mau-phat-dong.yaml",
    },
    "not_a_mapping": {
        "vi": "tệp phải là một bảng khóa (issuer:, document:, ...)",
        "en": "the file must be a mapping (issuer:, document:, ...)",
    },
    "not_utf8": {
        "vi": "tệp không phải UTF-8: hãy lưu lại với bảng mã UTF-8",
        "en": "the file is not UTF-8: save it again as UTF-8",
    },
    "generic": {"vi": "giá trị không hợp lệ: {detail}", "en": "invalid value: {detail}"},
    # --- run messages ---------------------------------------------------------------------
    "invalid_input": {
        "vi": "Dữ liệu không hợp lệ: {count} lỗi. Sửa các lỗi trên rồi chạy lại.",
        "en": "Invalid input: {count} problem(s). Fix them and run again.",
    },
    "input_missing": {
        "vi": "Không tìm thấy tệp '{path}': kiểm tra lại tên và thư mục.",
        "en": "File '{path}' not found: check its name and folder.",
    },
    "input_unreadable": {
        "vi": "Không đọc được tệp '{path}' ({reason}).",
        "en": "Cannot read '{path}' ({reason}).",
    },
    "output_exists": {
        "vi": "Tệp '{path}' đã có: thêm --force để ghi đè, hoặc chọn tên khác bằng -o.",
        "en": "'{path}' already exists: add --force to replace it, or choose another name with -o.",
    },
    "output_unwritable": {
        "vi": "Không ghi được tệp '{path}' ({reason}).",
        "en": "Cannot write '{path}' ({reason}).",
    },
    "template_missing": {
        "vi": "Không tìm thấy mẫu Word '{path}': kiểm tra --template.",
        "en": "Word template '{path}' not found: check --template.",
    },
    "template_invalid": {
        "vi": "Mẫu Word '{path}' bị hỏng hoặc không đúng: {reason}",
        "en": "Word template '{path}' is damaged or wrong: {reason}",
    },
    "valid": {"vi": "Hợp lệ: {path}", "en": "Valid: {path}"},
    # --- render batches and PDF ------------------------------------------------------
    "pdf_no_libreoffice": {
        "vi": "Cần LibreOffice để tạo PDF nhưng máy chưa cài. Cài bằng: sudo apt-get install "
              "libreoffice-writer-nogui fonts-liberation2 (Debian/Ubuntu), hoặc tải tại "
              "https://www.libreoffice.org (Windows); hoặc chạy lại không có --pdf.",
        "en": "--pdf needs LibreOffice, which is not installed. Install it with: sudo apt-get "
              "install libreoffice-writer-nogui fonts-liberation2 (Debian/Ubuntu), or from "
              "https://www.libreoffice.org (Windows); or run again without --pdf.",
    },
    "pdf_failed": {
        "vi": "{path}: không tạo được PDF ({reason}).", "en": "{path}: no PDF ({reason}).",
    },
    "render_summary": {
        "vi": "Xong {done} tệp, lỗi {failed} tệp.", "en": "{done} done, {failed} failed.",
    },
    "render_stdout_one": {
        "vi": "-o - (ghi ra đầu ra chuẩn) chỉ dùng với đúng một tệp vào và không kèm --pdf.",
        "en": "-o - (standard output) takes exactly one input and no --pdf.",
    },
    "render_stdin_output": {
        "vi": "Đọc từ đầu vào chuẩn (-) cần -o TÊN.docx hoặc -o - và không kèm tệp khác.",
        "en": "Reading standard input (-) needs -o NAME.docx or -o -, and no other input.",
    },
    "render_many_to_file": {
        "vi": "Nhiều tệp vào cần -o là một thư mục, không phải tệp '{path}'.",
        "en": "Several inputs need -o to be a folder, not the file '{path}'.",
    },
    "render_same_name": {
        "vi": "'{first}' và '{second}' cùng ghi ra '{target}': hãy đổi tên một tệp.",
        "en": "'{first}' and '{second}' would both write '{target}': rename one.",
    },
    # --- thidua new / anniversaries / diff -------------------------------------------
    "new_written": {
        "vi": "Đã ghi {path}: {changes} thay đổi.", "en": "Wrote {path}: {changes} change(s).",
    },
    "new_kept": {
        "vi": "Giữ nguyên {count} chỗ nhắc năm cũ, cần rà soát:",
        "en": "Left {count} mention(s) of the old year alone, to review:",
    },
    "new_needs_output": {
        "vi": "Tên tệp '{path}' không chứa năm {year}: hãy chọn tệp ghi ra bằng -o.",
        "en": "'{path}' does not contain the year {year}: choose the output with -o.",
    },
    "new_same_year": {
        "vi": "Năm mới ({year}) trùng năm của tệp nguồn: hãy chọn --year khác.",
        "en": "The new year ({year}) is the source's year: choose another --year.",
    },
    "line": {"vi": "dòng", "en": "line"},
    "kept_range": {"vi": "khoảng năm", "en": "a range"},
    "kept_date": {"vi": "ngày của văn bản khác", "en": "a document's date"},
    "kept_horizon": {"vi": "mốc “đến năm”", "en": "a horizon (“đến năm”)"},
    "kept_other": {"vi": "không đứng sau “năm”", "en": "not after “năm”"},
    "anniversaries_none": {
        "vi": "Không có ngày kỷ niệm tròn năm nào trong năm {year}.",
        "en": "No round anniversary in {year}.",
    },
    "diff_indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "diff_added": {"vi": "Thêm mới", "en": "Added"},
    "diff_removed": {"vi": "Bỏ đi", "en": "Removed"},
    "diff_status_same": {"vi": "giữ nguyên", "en": "same"},
    "diff_status_changed": {"vi": "thay đổi", "en": "changed"},
    "diff_status_added": {"vi": "thêm mới", "en": "added"},
    "diff_status_removed": {"vi": "bỏ đi", "en": "removed"},
    "diff_status_pending": {"vi": "chưa cập nhật", "en": "not updated"},
    # --- thidua check -------------------------------------------------------------------
    "check_missing": {
        "vi": "{path}: không tìm thấy tệp.", "en": "{path}: file not found.",
    },
    "check_empty": {
        "vi": "{path}: tệp trống (0 byte), không phải văn bản Word.",
        "en": "{path}: the file is empty (0 bytes), not a Word document.",
    },
    "check_encrypted": {
        "vi": "{path}: tệp được đặt mật khẩu; hãy gỡ mật khẩu trong Word rồi kiểm tra lại.",
        "en": "{path}: the file is password-protected; remove the password in Word first.",
    },
    "check_legacy_doc": {
        "vi": "{path}: đây là tệp .doc cũ; hãy mở bằng Word và lưu lại dạng .docx.",
        "en": "{path}: this is an old .doc file; save it as .docx in Word first.",
    },
    "check_not_zip": {
        "vi": "{path}: không phải tệp .docx (không đọc được dạng nén); hãy lưu lại dạng .docx.",
        "en": "{path}: not a .docx file (not a zip package); save it as .docx.",
    },
    "check_not_docx": {
        "vi": "{path}: tệp nén này không phải văn bản Word (.docx).",
        "en": "{path}: this zip package is not a Word document (.docx).",
    },
    "check_damaged": {
        "vi": "{path}: tệp .docx bị hỏng ({reason}); hãy mở bằng Word để sửa rồi lưu lại.",
        "en": "{path}: the .docx is damaged ({reason}); open and repair it in Word.",
    },
    "check_clean": {
        "vi": "{path}: đạt thể thức Nghị định 30/2020.",
        "en": "{path}: conforms to Nghị định 30/2020.",
    },
    "check_findings": {
        "vi": "{path}: {count} lỗi thể thức.", "en": "{path}: {count} finding(s).",
    },
    "check_expected": {"vi": "cần", "en": "expected"},
    "check_found": {"vi": "thấy", "en": "found"},
    "check_no_files": {
        "vi": "Không tìm thấy tệp .docx nào trong {path}.", "en": "No .docx file in {path}.",
    },
    "written": {"vi": "{path}", "en": "{path}"},
}


#: pydantic error types that share a message.
ALIASES = {
    "date_from_datetime_parsing": "date_type",
    "date_parsing": "date_type",
    "int_parsing": "int_type",
    "int_from_float": "int_type",
    "bool_parsing": "bool_type",
    "model_attributes_type": "model_type",
}


def set_language(lang: str) -> None:
    """Choose the language of messages: "vi" or "en"."""
    _LANG["value"] = "en" if lang.lower().startswith("en") else "vi"


def language() -> str:
    """The current language of messages: "vi" or "en"."""
    return _LANG["value"]


def message(message_key: str, /, **params: object) -> str:
    """The message *message_key* in the current language, with *params* filled in."""
    texts = MESSAGES.get(ALIASES.get(message_key, message_key), MESSAGES["generic"])
    hint = params.get("hint") or ""
    params = {
        **params,
        "hint_vi": f" (có phải ý bạn là '{hint}'?)" if hint else "",
        "hint_en": f" (did you mean '{hint}'?)" if hint else "",
    }
    return texts[_LANG["value"]].format(**params)
