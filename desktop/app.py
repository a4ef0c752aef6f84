"""Composition root: config -> database -> ops -> change feed -> sign-in -> main window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
I18N_DIR = RESOURCES / "i18n"


def prepare_environment() -> None:
    """Before Qt is imported: QtWebEngine refuses to start as root without this."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
    # Results hop worker -> GUI thread -> worker (a live map update makes three hops); at the
    # default 5 ms GIL switch interval each hop may wait that long for a busy thread.
    sys.setswitchinterval(0.001)


def install_font_and_language(app, lang: str = "zh") -> list:
    """Ship the CJK font (no boxes without a system font) and load the translation.

    Returns the translators, which must stay referenced while the app runs."""
    from PySide6.QtCore import QLocale, QTranslator
    from PySide6.QtGui import QFont, QFontDatabase

    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = QFont(families[0], app.font().pointSize())
        app.setFont(font)
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


def run_gui(args: argparse.Namespace) -> int:
    prepare_environment()
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.widgets.map_scheme import register_map_schemes

    register_map_schemes()  # the map's local tile scheme: before the QApplication exists

    from desktop.data.engine import open_database, resolve_url
    from desktop.data.migrate import upgrade
    from desktop.domain.errors import DomainError
    from desktop.views.main_window import MainWindow

    QCoreApplication.setOrganizationName("SafeGrid")
    QCoreApplication.setApplicationName("SafeGrid")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    lang = args.lang or os.environ.get("SAFEGRID_LANG", "zh")
    _translators = install_font_and_language(app, lang)  # noqa: F841 - keep them alive
    try:
        db = open_database(resolve_url(args.db))
        upgrade(db)
        actor = _sign_in(db, args.user)
    except DomainError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "SafeGrid cannot start"), exc.message)
        print(f"safegrid: error: {exc.message}", file=sys.stderr)
        return 1
    if actor is None:
        return 0
    ctx = build_context(db, actor)
    if getattr(args, "screen", None):  # open on it directly: the default screen (the map) is not built
        from PySide6.QtCore import QSettings

        QSettings().setValue("main/screen", args.screen)
    window = MainWindow(ctx)
    if getattr(args, "screen", None):
        from desktop.views.main_window import SCREENS

        if args.screen not in SCREENS:
            print(f"safegrid: error: unknown screen {args.screen!r}; one of {', '.join(SCREENS)}", file=sys.stderr)
            return 2
        window.show_screen(args.screen)
    window.show()
    if getattr(args, "exit_when_ready", False):
        _quit_when_idle(app, ctx, window)
    code = app.exec()
    ctx.sync.stop()
    ctx.ops.cancel_all()
    ctx.ops.wait_idle(5000)
    db.dispose()
    return code
