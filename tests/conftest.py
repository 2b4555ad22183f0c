"""Test-wide set-up.

Qt runs offscreen unless a test asks for a real X window: the suite must pass on a machine with no
display (CI), and no test may open a window on a developer's screen.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
