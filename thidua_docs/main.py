"""The story of one run: load the YAML, render it, write the .docx.

A library first: the CLI verbs in ``commands/`` are thin shells over these
functions.
"""

from __future__ import annotations

from pathlib import Path

from thidua_docs.loader import load_directive
from thidua_docs.output import write_atomic
from thidua_docs.render.docx import render_docx
from thidua_docs.structure import Directive

OUTPUT_DIR = Path("output")


def default_output(source: Path) -> Path:
    """output/<name>.docx for data/<name>.yaml."""
    return OUTPUT_DIR / f"{source.stem}.docx"


def validate(source: Path) -> Directive:
    """Load and check a directive; raise InvalidInputError listing every problem."""
    return load_directive(source)


def render(source: Path, output: Path | None = None, *, template: Path | None = None,
           force: bool = False) -> Path:
    """Render the directive in *source* to a .docx; return the path written."""
    directive = load_directive(source)
    document = render_docx(directive, template)
    return write_atomic(output or default_output(source), document, force=force)
