"""Ctrl-C and SIGTERM end a command with one line, not a traceback.

Both arrive as exceptions raised where the process was, so ``finally`` blocks
(the writer's clean-up) run; the status is the shell's: 128 + the signal number.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from types import FrameType

INTERRUPTED = 128 + signal.SIGINT
TERMINATED = 128 + signal.SIGTERM


class Terminated(BaseException):
    """SIGTERM, raised like ``KeyboardInterrupt`` (no ``except Exception`` eats it)."""


def _terminate(signal_number: int, frame: FrameType | None) -> None:
    raise Terminated


def guarded(command: Callable[[], int]) -> int:
    """``command()``; on Ctrl-C or SIGTERM, one line on stderr and 130 or 143."""
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return command()
    except KeyboardInterrupt:
        print("codegen: interrupted", file=sys.stderr)
        return INTERRUPTED
    except Terminated:
        print("codegen: terminated", file=sys.stderr)
        return TERMINATED
    finally:
        signal.signal(signal.SIGTERM, previous)
