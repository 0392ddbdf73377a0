"""``thidua serve [--workspace DIR] [--port 8000]``: the clerk's desk in the browser."""

from __future__ import annotations

import os
import secrets
import threading
from pathlib import Path

import click

from thidua_docs.commands import option, report_errors, verb
from thidua_docs.messages import message


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    import ipaddress  # imported when the verb runs: every --help stays fast

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@verb("serve")
@option("--workspace", type=click.Path(path_type=Path, file_okay=False), default=Path("data"),
        show_default=True)
@option("--host", default="127.0.0.1", show_default=True)
@option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@option("--password", envvar="THIDUA_PASSWORD")
@option("--preview-workers", type=click.IntRange(1, 16), default=2, show_default=True)
@option("--no-browser", is_flag=True)
@report_errors
def command(workspace: Path, host: str, port: int, password: str | None,
            preview_workers: int, no_browser: bool) -> None:
    """Start the clerk's desk: a local web app to make directives without touching YAML."""
    import uvicorn

    from thidua_docs.web import Settings, create_app

    listening = _bound(host, port)
    if not is_loopback(host) and not password:
        password = secrets.token_urlsafe(9)
        click.echo(message("serve_password_made", password=password))
    elif password:
        click.echo(message("serve_password_set"))
    app = create_app(Settings(workspace=workspace, password=password,
                              preview_workers=preview_workers))
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    url = f"http://{shown if ':' not in shown else f'[{shown}]'}:{port}/"
    click.echo(message("serve_started", url=url, folder=workspace.resolve()))
    if not no_browser:
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    from thidua_docs.process import serving

    serving()
    try:
        uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[listening])
    except KeyboardInterrupt:  # Ctrl+C is how the desk is closed: exit 0
        pass


def _bound(host: str, port: int):
    """A socket bound to *host*:*port* for the server, or UsageError saying in words why
    not (the port taken, the host unknown), before anything starts."""
    import errno
    import socket

    from thidua_docs.exceptions import UsageError

    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError):
        raise UsageError("serve_host_unknown", host=host) from None
    listening = socket.socket(family, kind, proto)
    if hasattr(socket, "SO_REUSEADDR") and os.name == "posix":  # restart at once after Ctrl+C
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind(address)
    except OSError as exc:
        listening.close()
        if exc.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", None)):
            raise UsageError("serve_port_busy", port=port) from None
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise UsageError("serve_port_forbidden", port=port) from None
        raise UsageError("serve_host_unusable", host=host) from None
    return listening
