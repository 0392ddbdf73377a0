"""The desk's pages and JSON endpoints: thin handlers over ``thidua_docs.main``.

Every handler turns a request into one library call (load, edit, validate, render, roll over,
import, check) and its result into a page or JSON; errors the library raises on purpose become
messages, anything else is logged and answered with a plain message (never a traceback).
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import tempfile
import threading
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from ruamel.yaml import YAMLError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.middleware import Middleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from thidua_docs import main, roundtrip
from thidua_docs.exceptions import InvalidInputError, ThiduaError
from thidua_docs.messages import Message, catalogs, message, set_language
from thidua_docs.pdf import LIBREOFFICE
from thidua_docs.web.guard import AUTH_COOKIE, BodyTooLarge, Guard
from thidua_docs.web.uploads import saved_upload
from thidua_docs.web.workspace import Conflict, NotInWorkspace, Workspace, pending_indicators

log = logging.getLogger("thidua.web")

LANGUAGES = ("vi", "en")
MAX_UPLOAD = 20 * 2**20
CHECK_SUFFIXES = (".docx",)
#: The library's messages follow one process-wide language: calls that produce messages
#: hold this lock with the request's language set.
_LANGUAGE_LOCK = threading.RLock()


@dataclass
class Settings:
    workspace: Path
    password: str | None = None
    preview_workers: int = 2
    preview_timeout: float = 20.0
    max_upload: int = MAX_UPLOAD
    sample: Path | None = None
    start_preview: bool = True


@dataclass
class _Reports:
    """What a start (rollover, import) reported, shown once in the editor it opens."""

    by_key: dict[tuple[str, str], dict] = field(default_factory=dict)

    def put(self, session: str, name: str, report: dict) -> None:
        if len(self.by_key) > 500:
            self.by_key.clear()
        self.by_key[(session, name)] = report

    def take(self, session: str, name: str) -> dict | None:
        return self.by_key.pop((session, name), None)


def translate(lang: str, key: str, **params) -> str:
    """A catalog message in *lang*, independent of the process-wide language."""
    text = catalogs()[lang]["messages"].get(key, key)
    params = {name: translate(lang, value.key, **value.params)
              if isinstance(value, Message) else value for name, value in params.items()}
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text


def in_language(lang: str, function, *args, **kwargs):
    """Call *function* with the library's messages in *lang*."""
    with _LANGUAGE_LOCK:
        set_language(lang)
        return function(*args, **kwargs)


def default_sample() -> Path:
    """The commented sample directive shipped with the package."""
    from thidua_docs import bundled

    return bundled.path(bundled.SAMPLE)


def create_app(settings: Settings) -> Starlette:
    workspace = Workspace(settings.workspace)
    templates = Environment(loader=PackageLoader("thidua_docs.web", "templates"),
                            autoescape=select_autoescape(default=True, default_for_string=True))
    templates.filters["tojson_safe"] = lambda value: json.dumps(value, ensure_ascii=False) \
        .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    reports = _Reports()
    recent_edits: dict[bytes, str] = {}
    pool_holder: dict = {}

    def lang_of(request: Request) -> str:
        lang = request.cookies.get("thidua_lang", "vi")
        return lang if lang in LANGUAGES else "vi"

    def page(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
        lang = lang_of(request)
        body = templates.get_template(template).render(
            t=lambda key, **params: translate(lang, key, **params), lang=lang,
            csrf=request.scope["state"]["csrf"], request=request,
            workspace=str(workspace.folder), **context)
        return HTMLResponse(body, status_code=status)

    def problem_page(request: Request, key: str, status: int, **params) -> HTMLResponse:
        return page(request, "message.html", status, text=translate(lang_of(request), key,
                                                                      **params))

    def error_text(request: Request, error: ThiduaError) -> str:
        """The error's message; an upload's scratch copy is named by the upload's own name."""
        scratch = str(Path(tempfile.gettempdir()) / "thidua-")
        params = {key: Path(value).name if isinstance(value, str) and value.startswith(scratch)
                  else value for key, value in error.params.items()}
        return in_language(lang_of(request), message, error.message_key, **params)

    async def refuse(scope, receive, send, key, status, **params):
        request = Request(scope, receive)
        lang = lang_of(request)
        text = translate(lang, key, **params)
        if scope.get("path", "").startswith("/api/"):
            response = JSONResponse({"error": text}, status_code=status)
        elif key == "web_login":
            response = RedirectResponse("/login", 303)
        else:
            response = HTMLResponse(templates.get_template("message.html").render(
                t=lambda k, **p: translate(lang, k, **p), lang=lang, csrf="", text=text,
                workspace=str(workspace.folder)), status_code=status)
        await response(scope, receive, send)

    # --- home and starts ----------------------------------------------------------------

    async def home(request: Request):
        entries = await run_in_threadpool(workspace.entries)
        return page(request, "home.html", entries=entries)

    async def set_lang(request: Request):
        lang = request.path_params["lang"]
        back = request.headers.get("referer") or "/"
        response = RedirectResponse(back if back.startswith(("/", str(request.base_url)))
                                    else "/", 303)
        if lang in LANGUAGES:
            response.set_cookie("thidua_lang", lang, samesite="strict", httponly=True)
        return response

    async def start_sample(request: Request):
        sample = settings.sample or default_sample()
        name = workspace.create("van-ban-moi", sample.read_text(encoding="utf-8"))
        return RedirectResponse(f"/edit/{name}", 303)

    async def start_new(request: Request):
        form = await request.form()
        source = workspace.path(str(form.get("source", "")))
        year_text = str(form.get("year", "")).strip()
        year = int(year_text) if year_text.isdigit() else None

        def roll():
            current = main.validate(source, draft=True)
            target_year = year or current.year + 1
            stem = source.stem.replace(str(current.year), str(target_year)) \
                if str(current.year) in source.stem else f"{source.stem}-{target_year}"
            target = workspace.folder / workspace.free_name(stem)
            return main.new_year(source, target_year, target)

        try:
            written, result = await run_in_threadpool(roll)
        except ThiduaError as error:
            return _error_response(request, error)
        reports.put(request.scope["state"]["session"], written.name, {
            "kind": "rollover", "year": year,
            "changes": [{"path": c.path, "before": c.before, "after": c.after}
                        for c in result.changes],
            "kept": [{"path": m.path, "context": m.context,
                      "reason": in_language(lang_of(request), message, "kept_" + m.reason)}
                     for m in result.kept]})
        return RedirectResponse(f"/edit/{written.name}", 303)

    async def start_import(request: Request):
        from thidua_docs.importer.sources import SUFFIXES

        upload = await _upload(request, SUFFIXES)
        if isinstance(upload, Response):
            return upload
        filename, data = upload

        def run():
            from thidua_docs.importer import import_file

            with saved_upload(data, filename) as source:
                result = import_file(source)
            name = workspace.create(Path(filename).stem, result.yaml)
            return name, result

        try:
            name, result = await run_in_threadpool(run)
        except ThiduaError as error:
            return _error_response(request, error)
        from thidua_docs.importer import describe

        notes = in_language(lang_of(request), lambda: [describe(f) for f in result.findings])
        reports.put(request.scope["state"]["session"], name, {
            "kind": "import", "source": filename, "count": len(result.unsure), "notes": notes})
        return RedirectResponse(f"/edit/{name}", 303)

    async def check_upload(request: Request):
        upload = await _upload(request, CHECK_SUFFIXES)
        if isinstance(upload, Response):
            return upload
        filename, data = upload
        from thidua_docs.web.checkpage import check_with_pages

        try:
            lang = lang_of(request)
            result = await run_in_threadpool(check_with_pages, data, filename,
                                             pool_holder.get("pool"),
                                             lambda function: in_language(lang, function))
        except ThiduaError as error:
            return _error_response(request, error)
        return page(request, "check.html", name=filename, result=result)

    async def _upload(request: Request, suffixes: tuple[str, ...]):
        form = await request.form(max_files=1, max_fields=10)
        upload = form.get("file")
        if upload is None or not getattr(upload, "filename", ""):
            return problem_page(request, "web_upload_missing", 400)
        filename = Path(upload.filename).name
        if Path(filename).suffix.lower() not in suffixes:
            return problem_page(request, "web_upload_kind", 400, name=filename,
                                kinds=", ".join(suffixes))
        data = await upload.read()
        if len(data) > settings.max_upload:
            return problem_page(request, "web_too_large", 413,
                                limit=settings.max_upload // 2**20)
        return filename, data

    def _error_response(request: Request, error: ThiduaError):
        lines = [error_text(request, error)]
        if isinstance(error, InvalidInputError):
            lines = in_language(lang_of(request), lambda: [
                f"{p.field}: {p.message}" if p.field else p.message
                for p in error.problems]) + lines
        return page(request, "message.html", 400, text=lines[-1], details=lines[:-1])

    # --- the editor ---------------------------------------------------------------------------

    async def editor(request: Request):
        name = request.path_params["name"]
        data, version = workspace.read(name)
        try:
            text = data.decode("utf-8-sig")
            tree = roundtrip.plain(roundtrip.load(text))
        except (YAMLError, UnicodeDecodeError):  # the form cannot show it: say where and why
            from thidua_docs.loader import parse_directive

            try:
                parse_directive(data, name)
            except InvalidInputError as error:
                return _error_response(request, error)
            raise
        lang = lang_of(request)
        state = await run_in_threadpool(_state, text, name, lang)
        report = reports.take(request.scope["state"]["session"], name)
        return page(request, "editor.html", name=name, doc=tree, version=version.token,
                    state=state, report=report, unsure=roundtrip.unsure_fields(text),
                    suggestions=_suggestions(tree, workspace.folder), kinds=_kinds(),
                    urgencies=_urgencies())

    async def api_validate(request: Request):
        name = request.path_params["name"]
        payload = await request.json()
        base, _ = workspace.read(name)
        text = _edited(base, payload.get("data"))
        state = await run_in_threadpool(_state, text, name, lang_of(request))
        return JSONResponse(state)

    async def api_save(request: Request):
        name = request.path_params["name"]
        payload = await request.json()
        resolve = payload.get("resolve")
        lang = lang_of(request)
        base, current = workspace.read(name)
        text = _edited(base, payload.get("data"))
        try:
            if resolve == "copy":
                saved_name = workspace.create(name, text)
                version = workspace.read(saved_name)[1]
                notice = translate(lang, "web_saved_as", name=saved_name)
                return JSONResponse({"name": saved_name, "version": version.token,
                                     "notice": notice, "redirect": f"/edit/{saved_name}"})
            if resolve == "overwrite":
                backup = workspace.create(f"{Path(name).stem}.ban-tren-dia", base.decode(
                    "utf-8-sig"))
                version = workspace.save(name, text, current.token)
                notice = translate(lang, "web_conflict_kept", backup=backup)
            else:
                version = workspace.save(name, text, payload.get("version"))
                notice = None
        except Conflict as error:
            return JSONResponse({"conflict": True, "error": error_text(request, error),
                                 "overwrite": translate(lang, "web_conflict_overwrite",
                                                        backup=f"{Path(name).stem}"
                                                               f".ban-tren-dia.yaml"),
                                 "copy": translate(lang, "web_conflict_copy")},
                                status_code=409)
        state = await run_in_threadpool(_state, text, name, lang)
        count = len(state["problems"])
        notice = notice or (translate(lang, "web_saved_with_errors", name=name, count=count)
                            if count else translate(lang, "web_saved", name=name))
        return JSONResponse({"version": version.token, "notice": notice, **state})

    async def download(request: Request):
        name, suffix = request.path_params["name"], request.path_params["suffix"]
        if suffix not in ("yaml", "docx", "pdf"):
            raise HTTPException(404)
        path = workspace.path(name)
        data = path.read_bytes()
        stem = path.stem
        if suffix == "yaml":
            return Response(data, media_type="application/yaml", headers=_attachment(
                f"{stem}.yaml"))
        draft = request.query_params.get("draft") == "1"
        try:
            docx = await run_in_threadpool(main.render_text,
                                           data, name, draft=draft)
        except ThiduaError as error:
            return _error_response(request, error)
        if suffix == "docx":
            return Response(docx, media_type="application/vnd.openxmlformats-officedocument."
                                             "wordprocessingml.document",
                            headers=_attachment(f"{stem}.docx"))
        pool = pool_holder.get("pool")
        if pool is None:
            raise HTTPException(404)
        pdf = await run_in_threadpool(pool.pdf, docx)
        return Response(pdf, media_type="application/pdf", headers=_attachment(f"{stem}.pdf"))

    def _edited(base: bytes, data) -> str:
        """*base* with the form's *data* written in; the validation and the preview of one
        edit share the work."""
        text = base.decode("utf-8-sig")
        if not isinstance(data, dict):
            return text
        key = hashlib.sha256(base + json.dumps(data, sort_keys=True).encode()).digest()
        edited = recent_edits.get(key)
        if edited is None:
            edited = main.apply_edits(text, data)
            if len(recent_edits) > 64:
                recent_edits.clear()
            recent_edits[key] = edited
        return edited

    # --- preview -----------------------------------------------------------------------------

    async def api_preview(request: Request):
        name = request.path_params["name"]
        payload = await request.json()
        base, _ = workspace.read(name)
        text = _edited(base, payload.get("data"))
        pool = pool_holder.get("pool")
        lang = lang_of(request)
        if pool is None:
            return JSONResponse({"error": translate(lang, "web_preview_failed", reason=Message(
                "tool_not_ready", program=LIBREOFFICE))}, status_code=503)
        try:
            docx = await run_in_threadpool(main.render_text,
                                           text.encode("utf-8"), name, draft=True)
        except InvalidInputError:
            return JSONResponse({"error": translate(lang, "web_preview_invalid")},
                                status_code=422)
        from thidua_docs.web.preview import PreviewError

        try:
            key, pages = await run_in_threadpool(pool.preview, docx)
        except PreviewError as error:
            return JSONResponse({"error": translate(lang, error.key, **error.params)},
                                status_code=503)
        return JSONResponse({"key": key, "pages": [f"/preview/{key}/{n}.png"
                                                   for n in range(1, pages + 1)]})

    async def preview_page(request: Request):
        pool = pool_holder.get("pool")
        key, number = request.path_params["key"], request.path_params["page"]
        png = await run_in_threadpool(pool.page_png, key, number) if pool else None
        if png is None:
            raise HTTPException(404)
        return Response(png, media_type="image/png", headers={"Cache-Control": "max-age=3600"})

    # --- sign-in (only when a password is set) -------------------------------------------

    async def login(request: Request):
        failed = False
        if request.method == "POST":
            form = await request.form(max_files=0, max_fields=5)
            if guard.password_matches(str(form.get("password", ""))):
                response = RedirectResponse("/", 303)
                response.set_cookie(AUTH_COOKIE, guard.auth_token(), httponly=True,
                                    samesite="strict")
                return response
            failed = True
        return page(request, "login.html", 401 if failed else 200, failed=failed)

    # --- errors ---------------------------------------------------------------------------------

    async def on_error(request: Request, error: Exception):
        if isinstance(error, NotInWorkspace):
            status, text = 404, error_text(request, error)
        elif isinstance(error, ThiduaError):
            status, text = 400, error_text(request, error)
        elif isinstance(error, HTTPException):
            status = error.status_code
            text = translate(lang_of(request), "web_not_found" if status == 404 else
                             "web_error")
        elif isinstance(error, (json.JSONDecodeError, UnicodeDecodeError)):
            status, text = 400, translate(lang_of(request), "web_error")
        else:
            log.exception("unexpected error on %s %s", request.method, request.url.path)
            status, text = 500, translate(lang_of(request), "web_error")
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": text}, status_code=status)
        return page(request, "message.html", status, text=text)

    @asynccontextmanager
    async def lifespan(app):
        if settings.start_preview:
            from thidua_docs.web.preview import PreviewPool

            try:
                sample = (settings.sample or default_sample()).read_bytes()
                pool_holder["pool"] = await run_in_threadpool(
                    PreviewPool, settings.preview_workers, timeout=settings.preview_timeout,
                    warm_up=main.render_text(sample, draft=True))
            except ThiduaError as error:
                log.warning("no preview: %s", message(error.message_key, **error.params))
        yield
        pool = pool_holder.pop("pool", None)
        if pool is not None:
            await run_in_threadpool(pool.close)

    static = Path(__file__).parent / "static"
    routes = [
        Route("/", home),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Route("/lang/{lang}", set_lang),
        Route("/login", login, methods=["GET", "POST"]),
        Route("/start/sample", start_sample, methods=["POST"]),
        Route("/start/new", start_new, methods=["POST"]),
        Route("/start/import", start_import, methods=["POST"]),
        Route("/check", check_upload, methods=["POST"]),
        Route("/edit/{name}", editor),
        Route("/api/validate/{name}", api_validate, methods=["POST"]),
        Route("/api/save/{name}", api_save, methods=["POST"]),
        Route("/api/preview/{name}", api_preview, methods=["POST"]),
        Route("/preview/{key:str}/{page:int}.png", preview_page),
        Route("/download/{name}/{suffix:str}", download),
        Mount("/static", StaticFiles(directory=static), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan,
                    middleware=[Middleware(_Catch, handler=on_error)],
                    exception_handlers={HTTPException: on_error})
    app.state.pool_holder = pool_holder
    app.state.workspace = workspace
    guard = Guard(app, secret=secrets.token_bytes(32), password=settings.password,
                  max_upload=settings.max_upload, refuse=refuse)
    guard.state = app.state
    return guard


class _Catch:
    """Every exception a handler lets out becomes *handler*'s answer (a message; the
    unexpected ones logged with their traceback), never a broken connection or a traceback."""

    def __init__(self, app, handler) -> None:
        self.app = app
        self.handler = handler

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def watched_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched_send)
        except BodyTooLarge:
            raise
        except Exception as error:
            if started:
                log.exception("error after the answer began: %s", scope.get("path"))
                return
            response = await self.handler(Request(scope, receive), error)
            await response(scope, receive, send)


def _attachment(filename: str) -> dict:
    from urllib.parse import quote

    return {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"}


def _state(text: str, name: str, lang: str) -> dict:
    """What the editor shows beside the form: every problem at its field (in *lang*), the
    computed labels, the printed symbol and signature lines, the indicators still to update."""
    from thidua_docs.loader import parse_directive
    from thidua_docs.structure.numbering import label_body

    try:
        directive = parse_directive(text, name)
    except InvalidInputError as error:
        problems = in_language(lang, lambda: [{"field": p.field, "message": p.message}
                                              for p in error.problems])
        return {"problems": problems, "labels": {}, "symbol": None, "signature": None,
                "pending": []}
    labels = {}
    try:
        labels = {_dotted(item.path): item.label for item in label_body(directive)}
    except ThiduaError:
        pass
    return {"problems": [], "labels": labels, "symbol": directive.symbol,
            "signature": directive.signature.lines(),
            "pending": [_dotted(item.path) for item in pending_indicators(directive)]}


def _dotted(path) -> str:
    from thidua_docs.loader import _dotted as dotted

    return dotted(path)


def _suggestions(tree: dict, folder: Path) -> list[str]:
    """The round anniversaries of the directive's year, from the national calendar and the
    directive's own (when it is inside the workspace)."""
    year = str(tree.get("year", ""))
    if not year.isdigit():
        return []
    own = folder / str(tree.get("calendar") or "")
    extra = [own] if tree.get("calendar") and own.resolve().is_relative_to(folder) and \
        own.is_file() else []
    try:
        return [a.wording for a in main.anniversaries(int(year), extra)]
    except ThiduaError:
        return []


def _kinds() -> list[tuple[str, str]]:
    from thidua_docs import decree

    return [(kind, kind) for kind in decree.KIND_CODES]


def _urgencies() -> list[tuple[str, str]]:
    from thidua_docs import decree

    return [(level, level) for level in decree.URGENCY_LEVELS]
