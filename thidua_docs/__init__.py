"""thidua-docs: Nghị định 30-compliant thi đua directives from YAML."""

__version__ = "0.1.0"
