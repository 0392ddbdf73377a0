"""``thidua serve``: the clerk's desk, a local web app over the same library as the CLI."""

from thidua_docs.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
