"""Smoke: the main window on the demo district, every screen visited, the status bar, memory."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from desktop.app import build_context, install_font_and_language
from desktop.data.uow import UnitOfWork
from desktop.demo.load import DEMO_PASSWORD
from desktop.services import users
from desktop.views.main_window import SCREENS, MainWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window_on(qtbot, settings):
    opened = []

    def make(db, username: str = "duty") -> MainWindow:
        with UnitOfWork(db, write=False) as uow:
            actor = users.authenticate(uow, username, DEMO_PASSWORD)
        ctx = build_context(db, actor)
        window = MainWindow(ctx, settings)
        qtbot.addWidget(window)
        window.show()
        opened.append(ctx)
        return window

    yield make
    for ctx in opened:
        ctx.sync.stop()
        ctx.ops.cancel_all()
        ctx.ops.wait_idle(5000)


def test_every_screen_opens_on_the_demo_district(qtbot, demo_db, window_on):
    window = window_on(demo_db)
    for key in SCREENS:
        window.show_screen(key)
        assert window.stack.currentWidget() is window.screen(key)
        assert window.stack.currentWidget().objectName() == f"screen_{key}"
        qtbot.waitUntil(lambda: not window.ctx.ops.busy, timeout=10_000)
    grids = window.screen("grids")
    assert grids.model.rowCount() == 1  # the district root


def test_status_bar_names_database_connection_and_user(qtbot, demo_db, window_on):
    window = window_on(demo_db, "duty")
    text = " ".join(label.text() for label in window.statusBar().findChildren(QLabel))
    assert demo_db.describe() in text
    assert "duty" in text or "值班员" in text
    qtbot.waitUntil(lambda: "●" in window.conn_label.text() and window.ctx.sync.connected, timeout=10_000)


def test_window_remembers_size_and_last_screen(qtbot, demo_sqlite, window_on, settings):
    first = window_on(demo_sqlite)
    first.show_screen("admin")
    first.resize(700, 500)  # inside the offscreen screen (800 x 600), clamped to the minimum
    size = first.size()
    assert size.width() == 700
    first.close()
    second = window_on(demo_sqlite)
    assert second.current_screen() == "admin"
    assert second.size() == size


def test_chinese_is_the_default_language(qapp, demo_sqlite, window_on):
    translators = install_font_and_language(qapp, "zh")
    try:
        window = window_on(demo_sqlite)
        assert window.windowTitle().startswith("SafeGrid") and "指挥中心" in window.windowTitle()
        assert window.nav.item(SCREENS.index("map")).text() == "地图"
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_start_up_does_not_import_heavy_libraries_the_first_screen_does_not_need(demo_template, tmp_path):
    import json
    import os
    import shutil
    import subprocess
    import sys

    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    probe = (
        "import json, sys\n"
        "from desktop.__main__ import main\n"
        f"code = main(['--db', {str(path)!r}, '--screen', 'grids', '--exit-when-ready'])\n"
        "print(json.dumps(sorted(m for m in ('folium', 'reportlab', 'pyqtgraph', 'PySide6.QtWebEngineWidgets')"
        " if m in sys.modules)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "ready"
    assert json.loads(lines[-1]) == []
