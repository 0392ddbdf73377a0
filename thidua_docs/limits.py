"""The bounds on what thidua-docs reads: one place for every number README states.

Inputs come from many hands; each bound is far above any real directive and far
below what would exhaust a machine (every case must finish in 60 s and 2 GiB).
"""

MIB = 1024 * 1024

#: A directive YAML file (bytes). Real directives are 5-30 KB.
MAX_YAML_BYTES = 4 * MIB
#: YAML aliases (``*name``) in one file: a directive has no use for them.
MAX_YAML_ALIASES = 20
#: Nodes (values, keys, list entries) built from one YAML file.
MAX_YAML_NODES = 200_000
#: Digits of a number written in YAML (budgets stay far below).
MAX_NUMBER_DIGITS = 40

#: Members of a .docx package, the uncompressed size of one member and of all.
MAX_ZIP_MEMBERS = 5_000
MAX_ZIP_MEMBER_BYTES = 128 * MIB
MAX_ZIP_TOTAL_BYTES = 256 * MIB
#: Uncompressed / compressed size of a member larger than 1 MiB (real XML: 5-30×,
#: the most repetitive generated ones ~300×).
MAX_ZIP_RATIO = 500
RATIO_FROM_BYTES = 1 * MIB
#: Paragraphs of a document read by check, import and convert-legacy (directives: 50-500).
MAX_PARAGRAPHS = 20_000
