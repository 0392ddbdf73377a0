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
    "ambiguous_number": {
        "vi": "số {written} dễ hiểu nhầm: nếu là số nguyên hãy ghi {whole} hoặc \"{written}\" "
              "(trong ngoặc kép, dấu chấm phân cách hàng nghìn); nếu là số thập phân hãy ghi "
              "\"{decimal}\"",
        "en": "{written} is ambiguous: for the whole number write {whole} or \"{written}\" "
              "(in quotes, Vietnamese thousands); for a decimal write \"{decimal}\"",
    },
    "value_error": {"vi": "giá trị không hợp lệ: {detail}", "en": "invalid value: {detail}"},
    "number_vietnamese_form": {
        "vi": "không hiểu số {written}: trong ngoặc kép, số viết kiểu Việt Nam, dấu chấm phân "
              "cách hàng nghìn, dấu phẩy thập phân (\"3.505\", \"62,85\", \"03\"), khoảng "
              "giá trị có gạch nối (\"24-25\"); không có ngoặc kép thì 3505 hoặc 62.85",
        "en": "cannot read the number {written}: in quotes, a number is written the Vietnamese "
              "way, dots grouping thousands and a decimal comma (\"3.505\", \"62,85\", \"03\"),"
              " a range with a hyphen (\"24-25\"); unquoted, write 3505 or 62.85",
    },
    "number_unquoted_form": {
        "vi": "không hiểu số {written}: số không có ngoặc kép chỉ gồm chữ số và có thể một dấu "
              "chấm thập phân (3505, 62.85); số viết kiểu Việt Nam thì đặt trong ngoặc kép "
              "(\"3.505\", \"62,85\")",
        "en": "cannot read the number {written}: an unquoted number is digits with at most one "
              "decimal point (3505, 62.85); a number written the Vietnamese way goes in quotes "
              "(\"3.505\", \"62,85\")",
    },
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
    # --- thidua import / convert-legacy: reading the source ---------------------------------
    "import_unsupported": {
        "vi": "Không nhập được '{path}': chỉ nhận tệp .docx, .txt, .md hoặc .pdf (tệp này là "
              "'{suffix}'). Tệp .doc cũ: mở bằng Word và lưu lại dạng .docx.",
        "en": "Cannot import '{path}': only .docx, .txt, .md or .pdf files are read (this is "
              "'{suffix}'). An old .doc: open it in Word and save it as .docx.",
    },
    "import_empty": {
        "vi": "Tệp '{path}' trống: không có gì để nhập.",
        "en": "'{path}' is empty: nothing to import.",
    },
    "import_binary": {
        "vi": "Tệp '{path}' không phải văn bản thuần (có lẽ là tệp nhị phân bị đổi đuôi): hãy "
              "mở tệp gốc và lưu lại dạng .txt (UTF-8) hoặc .docx.",
        "en": "'{path}' is not a text file (perhaps a binary file renamed): open the original "
              "and save it as .txt (UTF-8) or .docx.",
    },
    "import_no_pdftotext": {
        "vi": "Đọc tệp PDF '{path}' cần chương trình pdftotext (gói poppler-utils): cài bằng "
              "'apt-get install poppler-utils', hoặc mở PDF, chép chữ ra tệp .txt rồi nhập "
              "tệp đó.",
        "en": "Reading the PDF '{path}' needs pdftotext (package poppler-utils): install it "
              "with 'apt-get install poppler-utils', or copy the PDF's text into a .txt file "
              "and import that.",
    },
    "import_pdf_unreadable": {
        "vi": "Không đọc được tệp PDF '{path}' ({reason}): tệp hỏng hoặc có mật khẩu.",
        "en": "Cannot read the PDF '{path}' ({reason}): it is damaged or password-protected.",
    },
    "import_pdf_no_text": {
        "vi": "Tệp PDF '{path}' không có lớp chữ (bản quét ảnh): cần nhận dạng chữ (OCR) trước.",
        "en": "The PDF '{path}' has no text layer (a scanned image): run OCR on it first.",
    },
    "import_not_directive": {
        "vi": "'{path}' không giống một văn bản phát động thi đua: không thấy phần đầu (Quốc "
              "hiệu, Số, ngày), các mục I., II., ..., đoạn kết \"./.\", \"Nơi nhận\" hay chữ "
              "ký. Không ghi tệp nào.",
        "en": "'{path}' does not look like a directive: no header (Quốc hiệu, Số, date), no "
              "sections I., II., ..., no closing \"./.\", no \"Nơi nhận\", no signature. "
              "Nothing was written.",
    },
    "import_invalid": {
        "vi": "Không dựng được văn bản từ '{path}': {detail}",
        "en": "Could not build a directive from '{path}': {detail}",
    },
    "import_where_line": {"vi": "dòng {number}", "en": "line {number}"},
    "import_where_paragraph": {"vi": "đoạn {number}", "en": "paragraph {number}"},
    "import_preface_source": {
        "vi": "Nhập từ {path} bằng 'thidua import' ngày {date}.",
        "en": "Imported from {path} by 'thidua import' on {date}.",
    },
    "import_preface_marks": {
        "vi": "Rà soát các chú thích \"# ?\" (chưa chắc chắn) và \"# !\" (sẽ in khác bản gốc), "
              "sửa rồi xóa chú thích.",
        "en": "Review the \"# ?\" (unsure) and \"# !\" (printed differently from the source) "
              "comments, fix, then delete them.",
    },
    "import_preface_computed": {
        "vi": "Số thứ tự (I., 1., a), -), dấu cuối chỉ tiêu, \"./.\" và dòng Lưu do chương "
              "trình tự tạo khi in.",
        "en": "Labels (I., 1., a), -), the end marks of indicators, \"./.\" and the Lưu line "
              "are computed on render.",
    },
    # --- thidua import: findings --------------------------------------------------------------
    "import_no_header": {
        "vi": "không thấy phần đầu văn bản (cơ quan ban hành, số, ký hiệu, địa danh, ngày): "
              "đã ghi chỗ trống trong ngoặc vuông, hãy điền",
        "en": "no header block (issuer, number, ký hiệu, place, date): placeholders in square "
              "brackets, fill them in",
    },
    "import_issuer_split": {
        "vi": "tách cơ quan chủ quản (parent) và cơ quan ban hành (name) theo chữ, không theo "
              "chữ đậm: kiểm tra",
        "en": "parent body and issuer told apart by wording, not by bold: check",
    },
    "import_no_issuer": {
        "vi": "không thấy tên cơ quan ban hành: hãy điền",
        "en": "no issuer name found: fill it in",
    },
    "import_no_number": {
        "vi": "không thấy dòng \"Số: .../...\": ký hiệu là chỗ trống 'CQ', hãy sửa",
        "en": "no \"Số: .../...\" line: the ký hiệu is the placeholder 'CQ', fix it",
    },
    "import_no_code": {
        "vi": "không đọc được ký hiệu trong \"{line}\": hãy điền 'code' (và 'unit')",
        "en": "cannot read the ký hiệu in \"{line}\": fill in 'code' (and 'unit')",
    },
    "import_symbol_kind": {
        "vi": "ký hiệu gõ là '{symbol}', thiếu mã loại văn bản {code}: sẽ in {code}-...",
        "en": "the ký hiệu typed '{symbol}' lacks the kind's code {code}: printed {code}-...",
    },
    "import_symbol_parts": {
        "vi": "ký hiệu '{symbol}' có phần không đọc được hoặc quá ba phần: kiểm tra 'code' và "
              "'unit'",
        "en": "the ký hiệu '{symbol}' has unreadable parts or more than three: check 'code' "
              "and 'unit'",
    },
    "import_no_place": {
        "vi": "không thấy địa danh, ngày tháng: hãy điền 'place'",
        "en": "no place and date found: fill in 'place'",
    },
    "import_bad_date": {
        "vi": "ngày không tồn tại trong \"{line}\": để trống",
        "en": "impossible date in \"{line}\": left blank",
    },
    "import_summary_of_typed_kind": {
        "vi": "dòng V/v \"{text}\" chỉ dùng cho công văn: không giữ lại",
        "en": "the V/v line \"{text}\" is for a công văn only: not kept",
    },
    "import_no_title": {
        "vi": "không thấy tên văn bản / trích yếu: hãy điền 'title'",
        "en": "no title found: fill in 'title'",
    },
    "import_year": {
        "vi": "năm thi đua {year} suy ra từ nội dung (không có ở tên văn bản): kiểm tra",
        "en": "the year {year} was inferred from the text (not in the title): check",
    },
    "import_no_sections": {
        "vi": "không thấy mục I., II., ...: nội dung đặt trong một mục tạm \"[Nội dung]\"",
        "en": "no sections I., II., ...: the content sits in a placeholder section "
              "\"[Nội dung]\"",
    },
    "import_unplaced_header": {
        "vi": "đoạn này ở phần đầu văn bản, không xếp được vào đâu: giữ nguyên làm đoạn mở đầu",
        "en": "this text stood in the header and fits nowhere: kept as an opening paragraph",
    },
    "import_unplaced_body": {
        "vi": "đoạn này nằm ngoài dòng chữ chính (ví dụ trong bảng): giữ nguyên làm đoạn văn",
        "en": "this text stood outside the running text (e.g. in a table): kept as a paragraph",
    },
    "import_unplaced_end": {
        "vi": "đoạn này ở cuối văn bản (sau chữ ký hoặc nơi nhận), không xếp được vào đâu: giữ "
              "nguyên làm đoạn văn",
        "en": "this text stood at the end (after the signature or recipients) and fits "
              "nowhere: kept as a paragraph",
    },
    "import_label": {
        "vi": "số thứ tự gõ là '{typed}', khi in sẽ là '{printed}'",
        "en": "label typed '{typed}', printed '{printed}'",
    },
    "import_indicator_end": {
        "vi": "chỉ tiêu \"{text}\" kết thúc bằng '{typed}', khi in sẽ là '{printed}'",
        "en": "indicator \"{text}\" ends with '{typed}', printed '{printed}'",
    },
    "import_inline_list": {
        "vi": "danh sách viết liền trên một dòng (1) ...; (2) ... ({count} mục): khi in mỗi mục "
              "một dòng, đầu dòng là gạch ngang",
        "en": "a list written inline (1) ...; (2) ... ({count} entries): printed one per line, "
              "each after a dash",
    },
    "import_bare_label": {
        "vi": "số thứ tự '{label}' đứng một mình, không có nội dung: bỏ qua",
        "en": "the label '{label}' stands alone, without text: left out",
    },
    "import_signed_note": {
        "vi": "dòng \"{text}\" ở chữ ký không in lại",
        "en": "the line \"{text}\" of the signature block is not printed",
    },
    "import_braces": {
        "vi": "dấu ngoặc nhọn {{ }} dành cho chỗ thay thế: đã đổi thành ( )",
        "en": "braces {{ }} mark placeholders: printed as ( )",
    },
    "import_no_signer": {
        "vi": "không thấy họ tên người ký: hãy điền 'name'",
        "en": "no signer's name found: fill in 'name'",
    },
    "import_no_signer_title": {
        "vi": "không thấy chức vụ người ký: hãy điền 'title'",
        "en": "no signer's title found: fill in 'title'",
    },
    "import_acting_title": {
        "vi": "quyền (Q.) không có dòng chức vụ riêng: đã ghép vào 'on_behalf_of'",
        "en": "an acting head (Q.) has no title line: joined into 'on_behalf_of'",
    },
    "import_no_recipients": {
        "vi": "không thấy \"Nơi nhận\": hãy điền danh sách 'recipients'",
        "en": "no \"Nơi nhận\" found: fill in 'recipients'",
    },
    "import_no_archive": {
        "vi": "không thấy dòng \"Lưu:\": sẽ in \"- Lưu: VT.\"",
        "en": "no \"Lưu:\" line: \"- Lưu: VT.\" is printed",
    },
    "import_archive_form": {
        "vi": "dòng Lưu gõ là \"{typed}\", khi in sẽ là \"{printed}\" (đúng mẫu Nghị định 30)",
        "en": "the Lưu line typed \"{typed}\" is printed \"{printed}\" (the Nghị định 30 "
              "form)",
    },
    "import_archive_unread": {
        "vi": "dòng Lưu \"{typed}\": không đọc được \"{dropped}\" (không phải ký hiệu đơn vị), "
              "bỏ qua",
        "en": "the Lưu line \"{typed}\": \"{dropped}\" is not a unit code, left out",
    },
    # --- thidua import / convert-legacy: summary ------------------------------------------
    "import_written": {"vi": "Đã ghi {path}.", "en": "Wrote {path}."},
    "import_found": {"vi": "Tìm thấy: {parts}.", "en": "Found: {parts}."},
    "import_found_header": {"vi": "phần đầu ({issuer})", "en": "header ({issuer})"},
    "import_found_no_header": {"vi": "KHÔNG có phần đầu", "en": "NO header"},
    "import_found_title": {"vi": "{kind} “{title}”", "en": "{kind} “{title}”"},
    "import_found_body": {
        "vi": "{preamble} đoạn mở đầu, {roman} mục, {sections} mục con, {items} khoản/điểm, "
              "{bullets} gạch đầu dòng, {indicators} chỉ tiêu ({structured} tách được giá trị), "
              "{paragraphs} đoạn văn",
        "en": "{preamble} opening paragraph(s), {roman} part(s), {sections} sub-heading(s), "
              "{items} numbered item(s), {bullets} dash item(s), {indicators} indicator(s) "
              "({structured} with their value read), {paragraphs} paragraph(s)",
    },
    "import_found_closing": {"vi": "đoạn kết", "en": "closing paragraph"},
    "import_found_signature": {"vi": "chữ ký {form}", "en": "signature {form}"},
    "import_found_recipients": {
        "vi": "{count} nơi nhận, Lưu: {archive}", "en": "{count} recipient(s), Lưu: {archive}",
    },
    "import_legacy": {
        "vi": "Bảng mã cũ đã chuyển sang Unicode: {counts}{mixed}.",
        "en": "Legacy encodings converted to Unicode: {counts}{mixed}.",
    },
    "import_legacy_count": {"vi": "{count} đoạn {encoding}", "en": "{count} {encoding} "
                                                                   "paragraph(s)"},
    "import_legacy_mixed": {
        "vi": " (văn bản trộn nhiều bảng mã, xử lý từng đoạn)",
        "en": " (a mixed document, converted paragraph by paragraph)",
    },
    "import_unsure": {
        "vi": "Chưa chắc chắn, cần xem lại ({count}):", "en": "Unsure, to review ({count}):",
    },
    "import_warnings": {
        "vi": "Sẽ in khác bản gốc ({count}):", "en": "Printed differently from the source "
                                                     "({count}):",
    },
    "import_clean": {
        "vi": "Không có gì chưa chắc chắn.", "en": "Nothing unsure.",
    },
    "convert_written": {
        "vi": "Đã ghi {path}: {counts}.", "en": "Wrote {path}: {counts}.",
    },
    "convert_pdf": {
        "vi": "'{path}': convert-legacy đọc tệp .docx, .txt, .md; chữ trong PDF được chuyển "
              "bảng mã khi nhập bằng 'thidua import'.",
        "en": "'{path}': convert-legacy reads .docx, .txt and .md files; a PDF's text is "
              "converted when imported with 'thidua import'.",
    },
    "convert_nothing": {
        "vi": "'{path}' không có đoạn nào ở bảng mã TCVN3 hay VNI: không ghi tệp nào.",
        "en": "'{path}' has no TCVN3 or VNI paragraph: nothing written.",
    },
    # --- web: the clerk's desk (thidua serve) ---------------------------------------------
    "serve_started": {
        "vi": "Bàn làm việc văn thư đang chạy tại {url} (thư mục {folder}); Ctrl+C để dừng.",
        "en": "The clerk's desk is running at {url} (folder {folder}); Ctrl+C stops it."},
    "serve_password_made": {
        "vi": "Máy chủ mở cho mạng nội bộ: đăng nhập bằng mật khẩu {password}",
        "en": "The server is open to the network: sign in with the password {password}"},
    "serve_password_set": {"vi": "Cần đăng nhập bằng mật khẩu đã đặt.",
                           "en": "Clerks sign in with the password given."},
    "web_title": {"vi": "Bàn làm việc văn thư", "en": "Clerk's desk"},
    "web_home": {"vi": "Danh sách văn bản", "en": "Directives"},
    "web_workspace": {"vi": "Thư mục làm việc: {folder}", "en": "Workspace folder: {folder}"},
    "web_empty": {"vi": "Chưa có văn bản nào trong thư mục.", "en": "No directive in the folder yet."},
    "web_col_title": {"vi": "Tiêu đề", "en": "Title"},
    "web_col_year": {"vi": "Năm / giai đoạn", "en": "Year / period"},
    "web_col_kind": {"vi": "Loại văn bản", "en": "Kind"},
    "web_col_status": {"vi": "Tình trạng", "en": "Status"},
    "web_col_file": {"vi": "Tệp", "en": "File"},
    "web_status_valid": {"vi": "Hợp lệ", "en": "Valid"},
    "web_status_errors": {"vi": "Có lỗi ({count})", "en": "Has errors ({count})"},
    "web_status_pending": {"vi": "Còn {count} chỉ tiêu cần cập nhật",
                           "en": "{count} indicator(s) to update"},
    "web_open": {"vi": "Mở", "en": "Open"},
    "web_start": {"vi": "Bắt đầu", "en": "Start"},
    "web_start_new": {"vi": "Năm mới từ văn bản năm trước", "en": "New year from last year's"},
    "web_start_new_help": {
        "vi": "Chọn văn bản năm trước: chương trình chuyển sang năm mới, đánh dấu các chỉ tiêu "
              "cần cập nhật.",
        "en": "Pick last year's directive: it is rolled over and every indicator to update "
              "is marked."},
    "web_start_import": {"vi": "Nhập văn bản cũ", "en": "Import an old document"},
    "web_start_import_help": {
        "vi": "Tải lên tệp .docx, .doc, .odt, .pdf hoặc .txt của năm trước.",
        "en": "Upload last year's .docx, .doc, .odt, .pdf or .txt."},
    "web_start_sample": {"vi": "Từ mẫu", "en": "From the sample"},
    "web_start_sample_help": {"vi": "Bắt đầu từ văn bản mẫu có chú thích.",
                              "en": "Start from the commented sample."},
    "web_start_check": {"vi": "Kiểm tra thể thức", "en": "Check the layout"},
    "web_start_check_help": {
        "vi": "Tải lên một tệp .docx bất kỳ để kiểm tra theo Nghị định 30/2020.",
        "en": "Upload any .docx to check it against Decree 30/2020."},
    "web_year": {"vi": "Năm mới", "en": "New year"},
    "web_file": {"vi": "Tệp", "en": "File"},
    "web_go": {"vi": "Thực hiện", "en": "Go"},
    "web_lang_switch": {"vi": "English", "en": "Tiếng Việt"},
    "web_save": {"vi": "Lưu", "en": "Save"},
    "web_saved": {"vi": "Đã lưu {name}.", "en": "Saved {name}."},
    "web_saved_with_errors": {"vi": "Đã lưu {name}; văn bản còn {count} lỗi cần sửa.",
                              "en": "Saved {name}; it still has {count} problem(s) to fix."},
    "web_unsaved": {"vi": "Có thay đổi chưa lưu.", "en": "Unsaved changes."},
    "web_download": {"vi": "Tải về", "en": "Download"},
    "web_preview": {"vi": "Xem trước", "en": "Preview"},
    "web_preview_wait": {"vi": "Đang tạo bản xem trước…", "en": "Making the preview…"},
    "web_preview_failed": {"vi": "Không tạo được bản xem trước: {reason}",
                           "en": "The preview could not be made: {reason}"},
    "web_preview_timeout": {
        "vi": "LibreOffice không xử lý xong văn bản trong {seconds} giây.",
        "en": "LibreOffice did not finish the document within {seconds} s."},
    "web_preview_busy": {"vi": "Máy đang bận, hãy thử lại sau ít giây.",
                         "en": "The server is busy; try again in a few seconds."},
    "web_preview_invalid": {"vi": "Sửa các lỗi được đánh dấu để xem trước.",
                            "en": "Fix the marked problems to see the preview."},
    "web_problems": {"vi": "Các lỗi cần sửa ({count})", "en": "Problems to fix ({count})"},
    "web_no_problems": {"vi": "Không có lỗi.", "en": "No problems."},
    "web_conflict": {
        "vi": "Tệp {name} vừa được sửa ở nơi khác (một thẻ hoặc người khác) sau khi bạn mở nó.",
        "en": "{name} was changed elsewhere (another tab or person) after you opened it."},
    "web_conflict_gone": {"vi": "Tệp {name} đã bị xóa hoặc đổi tên sau khi bạn mở nó.",
                          "en": "{name} was removed or renamed after you opened it."},
    "web_conflict_overwrite": {
        "vi": "Ghi bản của tôi (bản trên đĩa được giữ thành {backup})",
        "en": "Save mine (the version on disk is kept as {backup})"},
    "web_conflict_copy": {"vi": "Lưu bản của tôi thành tệp mới",
                          "en": "Save mine as a new file"},
    "web_conflict_kept": {"vi": "Đã lưu bản của bạn; bản kia được giữ thành {backup}.",
                          "en": "Saved yours; the other version is kept as {backup}."},
    "web_saved_as": {"vi": "Đã lưu bản của bạn thành {name}.",
                     "en": "Saved yours as {name}."},
    "web_bad_name": {"vi": "Tên tệp '{name}' không hợp lệ.", "en": "'{name}' is not a valid file name."},
    "web_no_such_file": {"vi": "Không có tệp '{name}' trong thư mục làm việc.",
                         "en": "There is no '{name}' in the workspace."},
    "web_not_found": {"vi": "Không có trang này.", "en": "No such page."},
    "web_error": {
        "vi": "Đã có lỗi ngoài dự kiến; chi tiết được ghi ở máy chủ. Dữ liệu của bạn không bị "
              "thay đổi.",
        "en": "Something unexpected went wrong; the details are in the server's log. Your data "
              "was not changed."},
    "web_csrf": {"vi": "Yêu cầu bị từ chối (thiếu mã bảo vệ); hãy tải lại trang.",
                 "en": "Request refused (missing protection code); reload the page."},
    "web_too_large": {"vi": "Tệp quá lớn: tối đa {limit} MB.",
                      "en": "The file is too large: {limit} MB at most."},
    "web_upload_missing": {"vi": "Hãy chọn một tệp để tải lên.", "en": "Choose a file to upload."},
    "web_upload_kind": {"vi": "Tệp '{name}' không phải loại được nhận ({kinds}).",
                        "en": "'{name}' is not one of the accepted kinds ({kinds})."},
    "web_login": {"vi": "Đăng nhập", "en": "Sign in"},
    "web_password": {"vi": "Mật khẩu", "en": "Password"},
    "web_login_failed": {"vi": "Mật khẩu không đúng.", "en": "Wrong password."},
    "web_back": {"vi": "Về danh sách", "en": "Back to the list"},
    "web_rollover_report": {"vi": "Đã chuyển sang năm {year}: {count} chỗ được đổi",
                            "en": "Rolled over to {year}: {count} change(s)"},
    "web_rollover_kept": {"vi": "Cần xem lại ({count})", "en": "To review ({count})"},
    "web_import_report": {"vi": "Đã nhập {source}: {count} chỗ chưa chắc chắn (đánh dấu ?)",
                          "en": "Imported {source}: {count} unsure field(s) (marked ?)"},
    "web_unsure": {"vi": "Chưa chắc chắn: {note}", "en": "Unsure: {note}"},
    "web_check_title": {"vi": "Kiểm tra thể thức: {name}", "en": "Layout check: {name}"},
    "web_check_clean": {"vi": "Văn bản đúng thể thức: không có sai lệch.",
                        "en": "The document conforms: no deviation."},
    "web_check_count": {"vi": "{count} sai lệch so với Nghị định 30/2020",
                        "en": "{count} deviation(s) from Decree 30/2020"},
    "web_check_page": {"vi": "Trang {page}", "en": "Page {page}"},
    "web_expected": {"vi": "Quy định", "en": "Expected"},
    "web_found": {"vi": "Thực tế", "en": "Found"},
    "web_rule": {"vi": "Quy tắc", "en": "Rule"},
    "web_where": {"vi": "Vị trí", "en": "Where"},
    "web_sec_issuer": {"vi": "Cơ quan ban hành", "en": "Issuer"},
    "web_sec_document": {"vi": "Văn bản", "en": "Document"},
    "web_sec_campaign": {"vi": "Năm thi đua và chủ đề", "en": "Year and theme"},
    "web_sec_preamble": {"vi": "Mở đầu", "en": "Preamble"},
    "web_sec_body": {"vi": "Nội dung", "en": "Body"},
    "web_sec_signature": {"vi": "Chữ ký", "en": "Signature"},
    "web_sec_recipients": {"vi": "Nơi nhận", "en": "Recipients"},
    "web_f_parent": {"vi": "Cơ quan chủ quản (mỗi dòng một dòng in)",
                     "en": "Parent body (one printed line per line)"},
    "web_f_issuer_name": {"vi": "Tên cơ quan (mỗi dòng một dòng in)",
                          "en": "Name (one printed line per line)"},
    "web_f_code": {"vi": "Chữ viết tắt", "en": "Abbreviation"},
    "web_f_kind": {"vi": "Loại văn bản", "en": "Kind"},
    "web_f_number": {"vi": "Số", "en": "Number"},
    "web_f_unit": {"vi": "Đơn vị soạn thảo", "en": "Drafting unit"},
    "web_f_symbol": {"vi": "Ký hiệu in ra", "en": "Printed symbol"},
    "web_f_place": {"vi": "Địa danh", "en": "Place"},
    "web_f_date": {"vi": "Ngày ký (để trống nếu là bản nháp)",
                   "en": "Date signed (blank for a draft)"},
    "web_f_urgency": {"vi": "Độ khẩn", "en": "Urgency"},
    "web_f_none": {"vi": "(không)", "en": "(none)"},
    "web_f_summary": {"vi": "Trích yếu (V/v)", "en": "Subject (V/v)"},
    "web_f_title": {"vi": "Tên văn bản", "en": "Title"},
    "web_f_subtitle": {"vi": "Tiêu đề phụ", "en": "Subtitle"},
    "web_f_addressees": {"vi": "Kính gửi (mỗi dòng một nơi)", "en": "To (one per line)"},
    "web_f_year": {"vi": "Năm thi đua", "en": "Year"},
    "web_f_period": {"vi": "Giai đoạn", "en": "Period"},
    "web_f_theme": {"vi": "Chủ đề", "en": "Theme"},
    "web_f_anniversaries": {"vi": "Ngày kỷ niệm (đánh dấu để đưa vào)",
                            "en": "Anniversaries (tick to include)"},
    "web_f_preamble": {"vi": "Các đoạn mở đầu (mỗi dòng một đoạn)",
                       "en": "Opening paragraphs (one per line)"},
    "web_f_closing": {"vi": "Đoạn kết", "en": "Closing"},
    "web_f_authority": {"vi": "Hình thức ký", "en": "Signing form"},
    "web_f_authority_direct": {"vi": "Ký trực tiếp", "en": "Signed directly"},
    "web_f_on_behalf_of": {"vi": "Thay mặt / thừa lệnh (tập thể, chức vụ)",
                           "en": "On behalf of (body or office)"},
    "web_f_deputy_for": {"vi": "Ký thay (KT.) cho", "en": "Deputy for (KT.)"},
    "web_f_signer_title": {"vi": "Chức vụ người ký", "en": "Signer's title"},
    "web_f_signer_name": {"vi": "Họ tên người ký", "en": "Signer's name"},
    "web_f_signature_lines": {"vi": "Các dòng in ra", "en": "Printed lines"},
    "web_f_recipients": {"vi": "Nơi nhận (mỗi dòng một nơi)", "en": "Recipients (one per line)"},
    "web_f_archive": {"vi": "Lưu", "en": "Archive (Lưu)"},
    "web_b_section": {"vi": "Mục", "en": "Section"},
    "web_b_paragraph": {"vi": "Đoạn văn", "en": "Paragraph"},
    "web_b_items": {"vi": "Các điểm đánh số", "en": "Numbered points"},
    "web_b_bullets": {"vi": "Các gạch đầu dòng", "en": "Bullets"},
    "web_b_indicators": {"vi": "Các chỉ tiêu", "en": "Indicators"},
    "web_b_other": {"vi": "Khối khác (giữ nguyên)", "en": "Other block (kept as is)"},
    "web_b_inline": {"vi": "In liền sau tên mục", "en": "Printed right after the title"},
    "web_b_add": {"vi": "Thêm", "en": "Add"},
    "web_b_up": {"vi": "Lên", "en": "Up"},
    "web_b_down": {"vi": "Xuống", "en": "Down"},
    "web_b_indent": {"vi": "Thụt vào", "en": "Indent"},
    "web_b_outdent": {"vi": "Lùi ra", "en": "Outdent"},
    "web_b_remove": {"vi": "Xóa", "en": "Remove"},
    "web_b_entry": {"vi": "Mục con", "en": "Entry"},
    "web_i_name": {"vi": "Tên chỉ tiêu", "en": "Name"},
    "web_i_qualifier": {"vi": "Từ nối", "en": "Qualifier"},
    "web_i_value": {"vi": "Giá trị", "en": "Value"},
    "web_i_unit": {"vi": "Đơn vị", "en": "Unit"},
    "web_i_previous": {"vi": "Năm trước", "en": "Last year"},
    "web_i_needs_update": {"vi": "Cần cập nhật", "en": "To update"},
    "web_i_text": {"vi": "Câu chỉ tiêu", "en": "Wording"},
    "web_i_parts": {"vi": "Các phần", "en": "Parts"},
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
