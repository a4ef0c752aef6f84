"""Composition root: Qt, the map at once (demo district), database, sign-in, change feed, screens."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
I18N_DIR = RESOURCES / "i18n"


FONTCONFIG_FILE = RESOURCES / "fonts" / "fonts.conf"


def prepare_environment() -> None:
    """Before Qt is imported: QtWebEngine refuses to start as root without this."""
    # The shipped CJK font as a system font (the system's configuration plus resources/fonts):
    # Qt and the map page find it by name, and the page loads no 5 MB web font at start-up.
    if FONTCONFIG_FILE.is_file():
        os.environ.setdefault("FONTCONFIG_FILE", str(FONTCONFIG_FILE))
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
    # Results hop worker -> GUI thread -> worker (a live map update makes three hops); at the
    # default 5 ms GIL switch interval each hop may wait that long for a busy thread.
    sys.setswitchinterval(0.001)


def install_font_and_language(app, lang: str = "zh") -> list:
    """Ship the CJK font (no boxes without a system font) and load the translation.

    Returns the translators, which must stay referenced while the app runs."""
    translators = install_language(app, lang)
    install_font(app)
    return translators


def install_language(app, lang: str = "zh") -> list:
    """The locale and the translation (before any window; the map's snapshot is per language)."""
    from PySide6.QtCore import QLocale, QTranslator

    translators = []
    if lang == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        tr = QTranslator(app)
        if tr.load(str(I18N_DIR / "safegrid_zh_CN.qm")):
            app.installTranslator(tr)
            translators.append(tr)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return translators


def install_font(app) -> None:
    from PySide6.QtGui import QFont, QFontDatabase

    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        app.setFont(QFont(families[0], app.font().pointSize()))


def build_context(db, actor):
    from desktop.context import AppContext
    from desktop.ops import Ops
    from desktop.sync import ChangeSync

    ops = Ops(db, lambda: actor.username)
    sync = ChangeSync(db, ops)
    sync.start()
    return AppContext(db=db, ops=ops, sync=sync, actor=actor)


def _is_demo(db) -> bool:
    from desktop.data.tables import Setting
    from desktop.data.uow import UnitOfWork

    with UnitOfWork(db, write=False) as uow:
        return uow.session.get(Setting, "demo") is not None


DEMO_SIGN_IN = "admin"  # the demo district's own administrator account


def _sign_in(db, username: str | None):
    """The demo district signs in as its administrator; a real database asks."""
    from PySide6.QtWidgets import QDialog

    from desktop.data.uow import UnitOfWork
    from desktop.services import users
    from desktop.views.login import LoginDialog

    if username is None and _is_demo(db):
        with UnitOfWork(db, write=False) as uow:
            return users.actor_for(uow, DEMO_SIGN_IN)
    dialog = LoginDialog(db, username or "")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor


def _quit_when_idle(app, ctx, window) -> None:
    """Print `ready` once the window is up and the first screen's loads have landed, then quit."""
    from PySide6.QtCore import QTimer

    def check() -> None:
        # A screen may say it is still busy too (the map, until it has drawn every layer).
        if ctx.ops.busy or getattr(window.stack.currentWidget(), "busy", False):
            QTimer.singleShot(5, check)
            return
        print("ready", flush=True)
        app.quit()

    QTimer.singleShot(0, check)


# What the GUI needs beyond Qt, imported on a thread while an early map keeps the window painting.
APP_MODULES = ("desktop.data.migrate", "desktop.services.users", "desktop.context", "desktop.sync",
               "desktop.views.map", "desktop.views.tracking")


def _early_map(url: str, args: argparse.Namespace):
    """The map, loading before the rest of the app has, or None.

    Only for a session that opens on the map and signs in by itself (the demo district): a real
    database asks for a password first."""
    from PySide6.QtCore import QSettings

    from desktop.data.location import database_key, glance

    if args.user is not None or (args.screen or QSettings().value("main/screen", "map")) != "map":
        return None
    seen = glance(url)
    if seen is None or not seen.demo:
        return None
    from desktop.views.map_early import EarlyMap

    return EarlyMap(database_key(url), seen.feed_head)


def _load_app_modules(early) -> None:
    """Import APP_MODULES on a thread while the event loop runs (the early map loads and paints).

    The thread starts once the snapshot is drawn (it would slow the drawing down), at once when
    there is none, and after a second at the latest."""
    import importlib
    import threading

    from PySide6.QtCore import QEventLoop, QTimer

    done = threading.Event()

    def work() -> None:
        try:
            for name in APP_MODULES:
                importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - the GUI thread imports it again and reports it
            logging.getLogger("safegrid").debug("loading the app ahead failed: %s", exc)
        finally:
            done.set()

    thread = threading.Thread(target=work, name="safegrid-imports", daemon=True)

    def start() -> None:
        if not thread.is_alive() and not done.is_set():
            thread.start()

    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: done.is_set() and loop.quit())
    poll.start(5)
    if early.snapshot is None or early.is_drawn:
        start()
    else:
        early.drawn.connect(start)
        QTimer.singleShot(1000, start)
    loop.exec()
    start()  # the loop may end early (the window closed): the modules are needed all the same
    thread.join()


def _say_drawn() -> None:
    print("drawn", flush=True)  # --exit-when-ready: every map layer is on screen (benchmarks)


def _show_early(app, early, exit_when_ready: bool):
    """The main window on the early map, shown from the event loop (the page's navigation goes
    first), while the rest of the app loads."""
    from PySide6.QtCore import QTimer

    from desktop.views.main_window import MainWindow

    shown = []

    def show() -> None:
        if shown:
            return
        install_font(app)
        window = MainWindow(early_map=early)
        if exit_when_ready:
            window.map_drawn.connect(_say_drawn)
        window.show()
        shown.append(window)

    QTimer.singleShot(0, show)
    _load_app_modules(early)
    show()
    return shown[0]


def run_gui(args: argparse.Namespace) -> int:
    """Qt, then (for the demo district) the map loading at once and the main window showing it;
    then the database, the sign-in, the change feed, and the window's screens."""
    prepare_environment()
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.widgets.map_scheme import register_map_schemes

    register_map_schemes()  # the map's local tile scheme: before the QApplication exists
    from desktop.data.location import resolve_url

    QCoreApplication.setOrganizationName("SafeGrid")
    QCoreApplication.setApplicationName("SafeGrid")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    _translators = install_language(app, args.lang or os.environ.get("SAFEGRID_LANG", "zh"))  # noqa: F841
    url = resolve_url(args.db)
    early = _early_map(url, args)  # its page loads while the rest is set up
    from desktop.views.main_window import SCREENS, MainWindow

    if args.screen and args.screen not in SCREENS:
        print(f"safegrid: error: unknown screen {args.screen!r}; one of {', '.join(SCREENS)}", file=sys.stderr)
        return 2
    if args.screen:  # open on it directly: the default screen (the map) is not built
        QSettings().setValue("main/screen", args.screen)
    exit_when_ready = getattr(args, "exit_when_ready", False)
    window = None
    if early is not None:
        window = _show_early(app, early, exit_when_ready)
        if not window.isVisible():  # closed while the app was loading
            return 0
    else:
        install_font(app)

    from desktop.data.engine import open_database
    from desktop.data.migrate import upgrade
    from desktop.domain.errors import DomainError

    try:
        db = open_database(url)
        upgrade(db)
        actor = _sign_in(db, args.user)
    except DomainError as exc:
        QMessageBox.critical(window, QCoreApplication.translate("App", "SafeGrid cannot start"), exc.message)
        print(f"safegrid: error: {exc.message}", file=sys.stderr)
        return 1
    if actor is None:
        return 0
    ctx = build_context(db, actor)
    if window is None:
        window = MainWindow(ctx)
        if exit_when_ready:
            window.map_drawn.connect(_say_drawn)
        window.show()
    else:
        window.attach(ctx)
    if exit_when_ready:
        _quit_when_idle(app, ctx, window)
    code = app.exec()
    window.shut_down()
    ctx.sync.stop()
    ctx.ops.cancel_all()
    ctx.ops.wait_idle(5000)
    db.dispose()
    return code
