"""SIGTERM is remembered, whatever exception the unwinding ends in."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(body: str) -> subprocess.CompletedProcess:
    code = textwrap.dedent(body)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_a_terminated_program_exits_143_even_when_its_interrupt_is_replaced():
    # The flow engine may meet the Terminated interrupt and raise a plain one instead.
    proc = _run("""
        import os, signal, sys
        sys.argv = ["factwatch", "--help"]
        import flows.cli as cli
        from flows import termination

        def replaced(*a, **k):
            termination.arm()
            try:
                os.kill(os.getpid(), signal.SIGTERM)
                while True:
                    pass
            except termination.Terminated:
                raise KeyboardInterrupt from None

        cli.app = replaced
        cli.main()
    """)
    assert proc.returncode == 143, proc.stderr


def test_ctrl_c_without_sigterm_is_still_an_interrupt():
    proc = _run("""
        import sys
        import flows.cli as cli

        def interrupted(*a, **k):
            raise KeyboardInterrupt

        cli.app = interrupted
        cli.main()
    """)
    assert proc.returncode == 130 and "interrupted" in proc.stderr
