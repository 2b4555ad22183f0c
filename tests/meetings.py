"""The cockpit's meeting around a test's PlenoService: its services publish to a Qt change hub
(as in the program, see app.run_gui), one meeting per service so every window of a test shares
the same procedure and hub."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from rekap_desktop.gui.approvals import Approvals
from rekap_desktop.gui.change_hub import CockpitMeeting, QtChangeHub
from rekap_desktop.gui.main_window import MainWindow
from rekap_desktop.services.meeting import Meeting
from rekap_desktop.services.pleno_service import PlenoService

MEETING = "_test_cockpit_meeting"


def cockpit_meeting(service: PlenoService) -> CockpitMeeting:
    # Kept on the service itself: a registry keyed by the service would keep every test's
    # meeting (engine, hub, caches) alive for the whole session, its value holding its key.
    meeting: CockpitMeeting | None = getattr(service, MEETING, None)
    if meeting is None:
        if not isinstance(service.bus, QtChangeHub):
            service.bus = QtChangeHub()
        hub = service.bus
        assert isinstance(hub, QtChangeHub)
        meeting = Meeting(service, hub)
        setattr(service, MEETING, meeting)
    return meeting


def cockpit_window(
    service: PlenoService,
    approvals: Approvals | None = None,
    settings: QSettings | None = None,
    *,
    confirming: bool = False,
    **options: Any,
) -> MainWindow:
    """The cockpit window on ``service``'s meeting (``approvals``: who confirms a PIN;
    ``confirming``: the named commissioner, or the ketua, always confirms)."""
    if confirming:
        from tests.confirming import ConfirmingApprovals

        approvals = ConfirmingApprovals(service)
    return MainWindow(cockpit_meeting(service), approvals, settings=settings, **options)
