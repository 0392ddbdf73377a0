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
    # --- check --------------------------------------------------------------------------
    "check_no_paths": {"vi": "hãy cho ít nhất một tệp .docx hoặc thư mục",
                       "en": "give at least one .docx file or folder"},
    "check_unknown_codes": {
        "vi": "không có quy tắc nào mang mã {codes}; xem danh sách: thidua check --rules",
        "en": "no rule has the code {codes}; see the list: thidua check --rules",
    },
    "check_out_of_scope": {
        "vi": "{path}: ngoài phạm vi Nghị định 30/2020 ({reason}); không chấm thể thức.",
        "en": "{path}: outside Nghị định 30/2020 ({reason}); not scored.",
    },
    "check_scope_party": {
        "vi": "văn bản của Đảng, trình bày theo Hướng dẫn 36-HD/VPTW",
        "en": "a Party document, laid out under Hướng dẫn 36-HD/VPTW",
    },
    "check_scope_qppl": {
        "vi": "văn bản quy phạm pháp luật (số có năm ban hành), theo Luật Ban hành văn bản QPPL",
        "en": "a legal normative text (its number carries the year), under the law on "
              "legal normative texts",
    },
    "check_scope_form": {"vi": "biểu mẫu (Mẫu số …) để điền, chưa phải văn bản",
                         "en": "a form (Mẫu số …) to fill in, not a document"},
    "check_scope_templates": {"vi": "tập mẫu trình bày văn bản (Phụ lục III), không phải "
                                    "một văn bản", "en": "a collection of templates (Phụ lục "
                                                         "III), not one document"},
    "check_scope_routing": {"vi": "phiếu trình nội bộ, không phải loại văn bản hành chính",
                            "en": "an internal routing slip, not an administrative document"},
    "check_scope_annex": {"vi": "biểu thống kê kèm theo, không có phần đầu văn bản",
                          "en": "a statistical annex without a document header"},
    "check_more_places": {"vi": " (và {count} chỗ khác cùng lỗi)",
                          "en": " (and {count} more of the same)"},
    "check_explain_why": {"vi": "Vì sao", "en": "Why"},
    "check_explain_clause": {"vi": "Quy định", "en": "Clause"},
    "check_explain_right": {"vi": "Đúng", "en": "Right"},
    "check_explain_wrong": {"vi": "Sai", "en": "Wrong"},
    "check_where_paragraph": {"vi": "đoạn {place}", "en": "paragraph {place}"},
    "check_where_header_footer": {"vi": "đầu trang / chân trang", "en": "page header or footer"},
    "check_where_headers": {"vi": "đầu trang / chân trang", "en": "headers and footers"},
    "check_where_header": {"vi": "đầu văn bản", "en": "document header"},
    "check_where_end": {"vi": "cuối văn bản", "en": "end of document"},
    "check_where_section": {"vi": "phần (section) {number}", "en": "section {number}"},
    "check_where_margin": {"vi": "phần {number}, {side}", "en": "section {number}, {side}"},
    "check_margin_top": {"vi": "lề trên", "en": "top margin"},
    "check_margin_bottom": {"vi": "lề dưới", "en": "bottom margin"},
    "check_margin_left": {"vi": "lề trái", "en": "left margin"},
    "check_margin_right": {"vi": "lề phải", "en": "right margin"},
    "check_not_found": {"vi": "không thấy", "en": "not found"},
    "check_none": {"vi": "không có", "en": "none"},
    "check_bold": {"vi": "in đậm", "en": "bold"},
    "check_not_bold": {"vi": "không in đậm", "en": "not bold"},
    "check_italic": {"vi": "in nghiêng", "en": "italic"},
    "check_upright": {"vi": "chữ đứng", "en": "upright"},
    "check_capitals": {"vi": "chữ in hoa", "en": "capitals"},
    "check_centred": {"vi": "căn giữa", "en": "centred"},
    "check_justified": {"vi": "căn đều hai lề", "en": "justified"},
    "check_portrait": {"vi": "trang dọc", "en": "portrait"},
    "check_landscape": {"vi": "trang ngang", "en": "landscape"},
    "check_black": {"vi": "màu đen", "en": "black"},
    "check_national": {"vi": "Quốc hiệu", "en": "national name"},
    "check_motto": {"vi": "Tiêu ngữ", "en": "motto"},
    "check_issuer": {"vi": "cơ quan ban hành", "en": "issuer"},
    "check_issuer_missing": {"vi": "tên cơ quan ban hành", "en": "the issuing body"},
    "check_parent": {"vi": "cơ quan chủ quản", "en": "parent body"},
    "check_number": {"vi": "dòng Số", "en": "number line"},
    "check_place_date": {"vi": "địa danh, ngày", "en": "place and date"},
    "check_place_date_missing": {"vi": "địa danh, ngày ... tháng ... năm ...",
                                 "en": "place, ngày ... tháng ... năm ..."},
    "check_place_comma": {"vi": "“Địa danh, ngày ...”", "en": "“Place, ngày ...”"},
    "check_date_zeros": {"vi": "ngày 05 tháng 01; tháng 3 đến 12 không có số 0",
                         "en": "ngày 05 tháng 01; months 3 to 12 without a zero"},
    "check_title": {"vi": "tên văn bản", "en": "title"},
    "check_rule_under": {"vi": "đường kẻ ngang bên dưới", "en": "a line under it"},
    "check_rule_as_long": {"vi": "đường kẻ dài bằng dòng chữ",
                           "en": "a line as long as the text"},
    "check_rule_short": {"vi": "đường kẻ dài 1/3–1/2 dòng chữ",
                         "en": "a line 1/3–1/2 as long as the text"},
    "check_rule_length": {"vi": "đường kẻ {length} cm dưới dòng chữ {text} cm",
                          "en": "a {length} cm line under {text} cm of text"},
    "check_one_size": {"vi": "một cỡ chữ: {size} pt", "en": "one size: {size} pt"},
    "check_label_repeated": {"vi": "{label} lặp lại", "en": "{label} repeated"},
    "check_page_number_top": {"vi": "số trang ở lề trên", "en": "number at the top"},
    "check_page_number_footer": {"vi": "số trang ở chân trang", "en": "number in the footer"},
    "check_page_number_none_first": {"vi": "không đánh số trang 1", "en": "none on page 1"},
    "check_page_number_on_first": {"vi": "trang 1 có số trang", "en": "page 1 is numbered"},
    "check_page_number_from_2": {"vi": "số trang từ trang 2", "en": "numbers from page 2"},
    "check_page_number_none": {"vi": "không có số trang", "en": "no page numbers"},
    "check_signature_block": {"vi": "khối chữ ký", "en": "signature block"},
    "check_signer_title": {"vi": "chức vụ", "en": "title"},
    "check_signer_name": {"vi": "họ tên", "en": "name"},
    "check_name_case": {"vi": "họ tên viết thường (Nguyễn Văn A)",
                        "en": "name in normal case (Nguyễn Văn A)"},
    "check_recipient": {"vi": "nơi nhận", "en": "recipient"},
    "check_starts_dash": {"vi": "bắt đầu “- ”", "en": "starts “- ”"},
    "check_ends_semicolon": {"vi": "kết thúc “;”", "en": "ends “;”"},
    "check_no_archive": {"vi": "không có dòng Lưu", "en": "no Lưu line"},
    # one summary (check_rule_CODE) and one reason (check_why_CODE) per rule of the registry
    "check_rule_PAGE-SIZE": {"vi": "Khổ giấy A4 (210 × 297 mm), trang dọc; phần bảng biểu có "
                                   "thể in ngang", "en": "A4 paper (210 × 297 mm), portrait; "
                                                         "table sections may be landscape"},
    "check_why_PAGE-SIZE": {"vi": "Văn bản in và lưu trên khổ A4; trang ngang chỉ cho bảng, "
                                  "biểu không tách thành phụ lục.",
                            "en": "Documents are printed and filed on A4; landscape only "
                                  "for tables."},
    "check_rule_MARGIN": {"vi": "Lề trên, dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm",
                          "en": "Margins: top and bottom 20–25 mm, left 30–35 mm, right "
                                "15–20 mm"},
    "check_why_MARGIN": {"vi": "Lề trái rộng để đóng hồ sơ; lề đều để văn bản các cơ quan "
                               "giống nhau.", "en": "A wide left margin leaves room to bind "
                                                    "the file; equal margins make documents "
                                                    "alike."},
    "check_rule_FONT": {"vi": "Chỉ dùng phông chữ Times New Roman", "en": "Times New Roman only"},
    "check_why_FONT": {"vi": "Phông Unicode Times New Roman (TCVN 6909:2001) là bắt buộc.",
                       "en": "The Unicode font Times New Roman (TCVN 6909:2001) is "
                             "mandatory."},
    "check_rule_COLOR": {"vi": "Chữ màu đen (trừ dấu mức độ khẩn)",
                         "en": "Black text (except the urgency mark)"},
    "check_why_COLOR": {"vi": "Văn bản in chữ đen; chỉ dấu khẩn in đỏ tươi.",
                        "en": "Text prints black; only the urgency stamp is bright red."},
    "check_rule_QUOC-HIEU": {"vi": "Quốc hiệu: đúng chữ, in hoa, đậm, 12–13 pt",
                             "en": "National name: exact text, capitals, bold, 12–13 pt"},
    "check_why_QUOC-HIEU": {"vi": "Quốc hiệu là thành phần thể thức bắt buộc, chữ do Nghị định "
                                  "quy định.", "en": "The national name is a mandatory part, "
                                                     "worded by the decree."},
    "check_rule_TIEU-NGU": {"vi": "Tiêu ngữ “Độc lập - Tự do - Hạnh phúc” (cách hai bên gạch "
                                  "nối), đậm, 13–14 pt",
                            "en": "Motto “Độc lập - Tự do - Hạnh phúc” (spaces around the "
                                  "hyphens), bold, 13–14 pt"},
    "check_why_TIEU-NGU": {"vi": "Tiêu ngữ đi cùng Quốc hiệu, chữ và dấu do Nghị định quy định.",
                           "en": "The motto goes with the national name; its words and "
                                 "hyphens are fixed."},
    "check_rule_TIEU-NGU-LINE": {"vi": "Dưới Tiêu ngữ có đường kẻ ngang nét liền, dài bằng "
                                       "dòng chữ", "en": "A solid line as long as the motto "
                                                         "under it"},
    "check_why_TIEU-NGU-LINE": {"vi": "Đường kẻ tách Quốc hiệu, Tiêu ngữ khỏi phần dưới; độ dài "
                                      "bằng dòng Tiêu ngữ.",
                                "en": "The line sets the national name apart; it is as long "
                                      "as the motto."},
    "check_rule_CO-QUAN": {"vi": "Tên cơ quan ban hành in hoa, đậm, 12–13 pt",
                           "en": "Issuing body in capitals, bold, 12–13 pt"},
    "check_why_CO-QUAN": {"vi": "Tên cơ quan ban hành cho biết ai chịu trách nhiệm văn bản.",
                          "en": "The issuer's name says who answers for the document."},
    "check_rule_CO-QUAN-LINE": {"vi": "Dưới tên cơ quan ban hành có đường kẻ ngắn (1/3–1/2 "
                                      "dòng chữ)", "en": "A short line (1/3–1/2 of the text) "
                                                         "under the issuing body"},
    "check_why_CO-QUAN-LINE": {"vi": "Đường kẻ ngắn, cân đối dưới tên cơ quan là thể thức "
                                     "bắt buộc.", "en": "A short centred line under the "
                                                        "issuer is part of the layout."},
    "check_rule_CHU-QUAN": {"vi": "Cơ quan chủ quản in hoa, không đậm, 12–13 pt",
                            "en": "Parent body in capitals, not bold, 12–13 pt"},
    "check_why_CHU-QUAN": {"vi": "Cơ quan chủ quản đứng trên, chữ đứng, để tên cơ quan ban "
                                 "hành nổi bật.", "en": "The parent body stands above in "
                                                        "regular type so the issuer stands "
                                                        "out."},
    "check_rule_SO-KY-HIEU": {"vi": "Dòng “Số: 05/UBND-VP”: dấu hai chấm, số có 0 đứng trước "
                                    "nếu dưới 10, ký hiệu nối bằng “-” không cách, cỡ 13 pt",
                              "en": "“Số: 05/UBND-VP” line: colon, leading zero below 10, "
                                    "symbol groups joined by “-” without spaces, 13 pt"},
    "check_why_SO-KY-HIEU": {"vi": "Số và ký hiệu định danh văn bản khi đăng ký, lưu và tra "
                                   "cứu.", "en": "Number and symbol identify the document "
                                                 "in registers and searches."},
    "check_rule_TRICH-YEU-CV": {"vi": "Trích yếu công văn “V/v ...” 12–13 pt, không đậm",
                                "en": "Công văn summary “V/v ...” 12–13 pt, regular"},
    "check_why_TRICH-YEU-CV": {"vi": "Trích yếu công văn tóm tắt việc, đặt dưới số, chữ "
                                     "thường.", "en": "The công văn's summary sits under "
                                                      "the number in regular type."},
    "check_rule_DIA-DANH-NGAY": {"vi": "Địa danh, ngày tháng: nghiêng, 13–14 pt, dấu phẩy sau "
                                       "địa danh, ngày < 10 và tháng 1, 2 có số 0 đứng trước",
                                 "en": "Place and date: italic, 13–14 pt, comma after the "
                                       "place, leading zero for days below 10 and months 1-2"},
    "check_why_DIA-DANH-NGAY": {"vi": "Ngày ban hành viết đầy đủ để không thể sửa thêm chữ số.",
                                "en": "The date is written in full so no digit can be "
                                      "added."},
    "check_rule_TEN-VAN-BAN": {"vi": "Tên loại / tiêu đề văn bản: in hoa, đậm, căn giữa, "
                                     "13–14 pt; trích yếu đậm, căn giữa",
                               "en": "Title: capitals, bold, centred, 13–14 pt; the line(s) "
                                     "under it bold, centred"},
    "check_why_TEN-VAN-BAN": {"vi": "Tên loại cho biết văn bản là gì; trích yếu nói nó về "
                                    "việc gì.", "en": "The kind says what the document is; "
                                                      "the summary what it is about."},
    "check_rule_TRICH-YEU-LINE": {"vi": "Dưới trích yếu văn bản có tên loại có đường kẻ ngắn "
                                        "(1/3–1/2 dòng chữ)",
                                  "en": "A short line (1/3–1/2 of the text) under a typed "
                                        "document's summary"},
    "check_why_TRICH-YEU-LINE": {"vi": "Đường kẻ tách phần tên văn bản khỏi nội dung.",
                                 "en": "The line sets the title block apart from the body."},
    "check_rule_BODY-ALIGN": {"vi": "Nội dung căn đều hai lề", "en": "Body text justified"},
    "check_why_BODY-ALIGN": {"vi": "Căn đều hai lề cho trang văn bản gọn, dễ đọc.",
                             "en": "Justified text keeps the page even and readable."},
    "check_rule_BODY-INDENT": {"vi": "Lùi đầu dòng 1–1,27 cm", "en": "First-line indent "
                                                                     "1–1.27 cm"},
    "check_why_BODY-INDENT": {"vi": "Lùi đầu dòng cho thấy chỗ bắt đầu mỗi đoạn.",
                              "en": "The indent shows where each paragraph begins."},
    "check_rule_BODY-SPACING": {"vi": "Cách đoạn tối thiểu 6 pt",
                                "en": "At least 6 pt between paragraphs"},
    "check_why_BODY-SPACING": {"vi": "Khoảng cách giữa các đoạn giúp đọc và tách ý.",
                               "en": "Space between paragraphs separates the points."},
    "check_rule_BODY-LINE": {"vi": "Giãn dòng từ đơn (single) đến 1,5 dòng",
                             "en": "Line spacing single to 1.5 lines"},
    "check_why_BODY-LINE": {"vi": "Giãn dòng vừa phải: không chật, không tốn giấy.",
                            "en": "Moderate line spacing: not cramped, no wasted paper."},
    "check_rule_BODY-SIZE": {"vi": "Nội dung một cỡ chữ duy nhất, 13–14 pt",
                             "en": "One body size, 13–14 pt"},
    "check_why_BODY-SIZE": {"vi": "Một cỡ chữ 13–14 pt cho toàn bộ nội dung.",
                            "en": "One size of 13–14 pt for the whole body."},
    "check_rule_LABELS": {"vi": "Số thứ tự I, II... → 1, 2... → a), b)... (chữ cái tiếng Việt), "
                                "không thiếu, không lặp",
                          "en": "Labels I, II... → 1, 2... → a), b)... (Vietnamese alphabet), "
                                "no gaps or repeats"},
    "check_why_LABELS": {"vi": "Số thứ tự liên tục để dẫn chiếu đúng mục, khoản, điểm.",
                         "en": "Continuous labels let parts, items and points be cited."},
    "check_rule_KY-QUYEN-HAN": {"vi": "Quyền hạn (TM., KT., Q., TL., TUQ.) và chức vụ người ký: "
                                      "in hoa, đậm, 13–14 pt",
                                "en": "Signing authority (TM., KT., Q., TL., TUQ.) and title: "
                                      "capitals, bold, 13–14 pt"},
    "check_why_KY-QUYEN-HAN": {"vi": "Quyền hạn ký cho biết người ký ký thay ai, theo thẩm "
                                     "quyền nào.", "en": "The authority says for whom and by "
                                                         "what right the signer signs."},
    "check_rule_KY-HO-TEN": {"vi": "Họ tên người ký: đậm, không viết hoa toàn bộ, 13–14 pt",
                             "en": "Signer's name: bold, not all capitals, 13–14 pt"},
    "check_why_KY-HO-TEN": {"vi": "Họ tên viết như tên riêng, in đậm dưới chữ ký.",
                            "en": "The name is written as a name, bold under the signature."},
    "check_rule_NOI-NHAN": {"vi": "“Nơi nhận:” nghiêng đậm, 12 pt",
                            "en": "“Nơi nhận:” bold italic, 12 pt"},
    "check_why_NOI-NHAN": {"vi": "Nơi nhận cho biết văn bản gửi đến đâu để thi hành, báo cáo, "
                                 "lưu.", "en": "Nơi nhận says where the document goes to be "
                                                "acted on, reported and filed."},
    "check_rule_NOI-NHAN-DONG": {"vi": "Mỗi nơi nhận: 11 pt, bắt đầu “- ”, kết thúc “;”",
                                 "en": "Each recipient: 11 pt, starts “- ”, ends “;”"},
    "check_why_NOI-NHAN-DONG": {"vi": "Mỗi nơi nhận một dòng để văn thư gửi đúng, đủ.",
                                "en": "One recipient a line so the clerk sends to each."},
    "check_rule_LUU": {"vi": "Dòng cuối nơi nhận là “- Lưu: VT, ...” kết thúc bằng dấu chấm",
                       "en": "The last recipient line is “- Lưu: VT, ...” ending with a full "
                             "stop"},
    "check_why_LUU": {"vi": "Văn thư lưu bản chính; dòng Lưu ghi VT trước, đơn vị soạn thảo sau.",
                      "en": "The văn thư keeps the original: VT first, then the drafting "
                            "unit."},
    "check_rule_PAGE-NUMBER": {"vi": "Số trang ở giữa lề trên, không đánh số trang 1",
                               "en": "Page number centred in the top margin, none on page 1"},
    "check_why_PAGE-NUMBER": {"vi": "Số trang từ trang 2, giữa lề trên, để không lẫn trang.",
                              "en": "Page numbers from page 2, top centre, keep pages in "
                                    "order."},
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
