"""The rules of Phụ lục I by area; importing this package registers them all, in the
order a văn thư reads a page: page, text, header, body, signature."""

from thidua_docs.check.rules import page, text  # noqa: F401,I001
from thidua_docs.check.rules import header, body, signature  # noqa: F401,I001
