"""Painting the text scenes: title, agenda text, incident notice, pause card, logo, photo."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainterPath, QPen, QPixmap

from rekap_desktop.domain import clock
from rekap_desktop.gui.projector.canvas import Align, Canvas, fit_px
from rekap_desktop.gui.projector.scenes import (
    AgendaTextScene,
    IncidentScene,
    LogoScene,
    PauseScene,
    PhotoScene,
    TitleScene,
)

CENTRE = Align.AlignHCenter | Align.AlignVCenter


def paint_emblem(canvas: Canvas, centre: QPointF, radius: float) -> None:
    """The KPU logo placeholder: a ring, a five-pointed star and the letters KPU (no image file)."""
    painter, colour = canvas.painter, canvas.palette.accent
    painter.save()
    painter.setRenderHint(painter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, radius * 0.08))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(centre, radius * 0.92, radius * 0.92)
    star = QPainterPath()
    star_centre = QPointF(centre.x(), centre.y() - radius * 0.12)
    for i in range(10):
        r = radius * (0.5 if i % 2 == 0 else 0.2)
        angle = -math.pi / 2 + i * math.pi / 5
        point = QPointF(
            star_centre.x() + r * math.cos(angle), star_centre.y() + r * math.sin(angle)
        )
        star.moveTo(point) if i == 0 else star.lineTo(point)
    star.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    painter.drawPath(star)
    painter.restore()
    letters = QRectF(centre.x() - radius, centre.y() + radius * 0.35, 2 * radius, radius * 0.4)
    canvas.text(letters, "KPU", radius * 0.3, colour, CENTRE, bold=True)


def paint_title(canvas: Canvas, scene: TitleScene) -> None:
    area = canvas.banner(scene.banner)
    h = canvas.height
    paint_emblem(canvas, QPointF(area.center().x(), area.top() + h * 0.21), h * 0.15)
    inner = area.adjusted(canvas.margin * 2, h * 0.4, -canvas.margin * 2, 0)
    lines = [
        ("RAPAT PLENO TERBUKA REKAPITULASI", 0.045, canvas.palette.muted, True),
        (scene.meeting, 0.075, canvas.palette.foreground, True),
        (f"KPU {scene.region}", 0.06, canvas.palette.accent, True),
        (scene.place, 0.04, canvas.palette.foreground, False),
        (scene.date_text, 0.04, canvas.palette.foreground, False),
    ]
    y = inner.top()
    for text, size, colour, bold in lines:
        px = fit_px([text], inner.width(), h * size, bold)
        row = QRectF(inner.left(), y, inner.width(), px * 1.5)
        canvas.text(row, text, px, colour, CENTRE, bold)
        y += px * 1.6


def paint_agenda(canvas: Canvas, scene: AgendaTextScene) -> None:
    area = canvas.banner(scene.banner)
    area = canvas.heading(area, scene.title, f"Acara nomor {scene.number}")
    body = area.adjusted(canvas.margin * 2, canvas.margin, -canvas.margin * 2, -canvas.margin)
    canvas.wrapped(body, scene.text, canvas.height * 0.065, canvas.palette.foreground)


def paint_incident(canvas: Canvas, scene: IncidentScene) -> None:
    area = canvas.banner(scene.banner)
    area = canvas.heading(area, f"{scene.kind} nomor {scene.number}", scene.where)
    inner = area.adjusted(canvas.margin * 2, canvas.margin, -canvas.margin * 2, -canvas.margin)
    px = canvas.height * 0.045
    facts = [("Status", scene.status), ("Diajukan oleh", scene.raised_by)]
    y = inner.top()
    label_width = inner.width() * 0.28
    for label, value in facts:
        canvas.text(QRectF(inner.left(), y, label_width, px * 1.4), label, px, canvas.palette.muted)
        value_rect = QRectF(inner.left() + label_width, y, inner.width() - label_width, px * 1.4)
        canvas.text(value_rect, value, px, canvas.palette.foreground, bold=True, elide=True)
        y += px * 1.5
    body = QRectF(inner.left(), y + px * 0.5, inner.width(), inner.bottom() - y - px * 0.5)
    canvas.wrapped(body, scene.description, px, canvas.palette.foreground)


def paint_pause(canvas: Canvas, scene: PauseScene, now: datetime) -> None:
    area = canvas.banner(scene.banner)
    h = canvas.height
    since = clock.aware(scene.since).astimezone()  # shown in this computer's local time
    minutes = max(0, int((clock.aware(now) - since).total_seconds() // 60))
    hours, minutes = divmod(minutes, 60)
    elapsed = f"{hours} jam {minutes} menit" if hours else f"{minutes} menit"
    lines = [
        ("RAPAT DISKORS", 0.12, canvas.palette.accent, True),
        (f"sejak pukul {since:%H.%M}", 0.07, canvas.palette.foreground, False),
        (f"sudah {elapsed}", 0.06, canvas.palette.foreground, True),
        (scene.reason, 0.045, canvas.palette.muted, False),
    ]
    y = area.top() + h * 0.18
    inner = area.adjusted(canvas.margin * 2, 0, -canvas.margin * 2, 0)
    for text, size, colour, bold in lines:
        if not text:
            continue
        px = fit_px([text], inner.width(), h * size, bold)
        canvas.text(
            QRectF(inner.left(), y, inner.width(), px * 1.5), text, px, colour, CENTRE, bold
        )
        y += px * 1.7


def paint_logo(canvas: Canvas, scene: LogoScene) -> None:
    area = canvas.banner(scene.banner)
    h = canvas.height
    paint_emblem(canvas, QPointF(area.center().x(), area.top() + h * 0.36), h * 0.26)
    text = f"KPU {scene.region}"
    px = fit_px([text], area.width() * 0.9, h * 0.07, True)
    row = QRectF(area.left(), area.top() + h * 0.68, area.width(), px * 1.5)
    canvas.text(row, text, px, canvas.palette.foreground, CENTRE, True)


def paint_photo(canvas: Canvas, scene: PhotoScene, load: Callable[[str], QPixmap | None]) -> None:
    area = canvas.banner(scene.banner)
    area = canvas.footer(area, scene.caption)
    frame = area.adjusted(canvas.margin, canvas.margin * 0.5, -canvas.margin, 0)
    pixmap = load(scene.path)
    if pixmap is None or pixmap.isNull():
        message = f"Foto tidak dapat dibuka: {scene.path.rsplit('/', 1)[-1]}"
        canvas.text(frame, message, canvas.min_px * 1.2, canvas.palette.foreground, CENTRE)
        return
    fit = min(frame.width() / pixmap.width(), frame.height() / pixmap.height())
    scale = fit * max(1.0, scene.zoom)
    width, height = pixmap.width() * scale, pixmap.height() * scale
    target = QRectF(frame.center().x() - width / 2, frame.center().y() - height / 2, width, height)
    canvas.painter.save()
    canvas.painter.setClipRect(frame)
    canvas.painter.setRenderHint(canvas.painter.RenderHint.SmoothPixmapTransform)
    canvas.painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
    canvas.painter.restore()
