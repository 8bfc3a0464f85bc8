#!/usr/bin/env python
"""The fanzha benchmark suite: quality, batch throughput, latency, memory, phone-number extraction.

    python benchmarks/run.py                 # everything, writes benchmarks/RESULTS.md
    python benchmarks/run.py --quick         # smaller sizes, writes benchmarks/out/RESULTS.partial.md
    python benchmarks/run.py --only latency  # one benchmark (repeat --only or use commas for several)
    python benchmarks/run.py --only claims --update  # rerun one, in place of its section in RESULTS.md

Every figure is measured next to a peer in the same run, on the same machine and the same inputs:
a plain scikit-learn char-n-gram TF-IDF + logistic regression for the detector, the `phonenumbers`
library (Google's libphonenumber) for phone extraction. See benchmarks/README.md.

The benchmarks live in the `suite` package next to this script; this file only parses the command
line. Only the standard library is imported at module level, here and in the package, so the memory
child process (`--child-memory`) starts from a clean interpreter.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # `suite` is imported from here, however this file is started
    sys.path.insert(0, str(HERE))

from suite.common import PARTIAL_RESULTS, RESULTS, Config  # noqa: E402
from suite.memory import child_memory  # noqa: E402
from suite.runner import BENCHMARKS, run  # noqa: E402


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smaller sizes (about a third of the time)")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help=f"run only these benchmarks (repeatable or comma-separated): {', '.join(BENCHMARKS)}",
    )
    parser.add_argument(
        "--output",
        type=Path,
        help="where to write the report (default: benchmarks/RESULTS.md for a full run, "
        "benchmarks/out/RESULTS.partial.md with --quick or --only)",
    )
    parser.add_argument(
        "--update",
        action="store_true",
        help="with --only: put the rerun sections in place of theirs in benchmarks/RESULTS.md (marked as rerun, "
        "with the commit); the others stay as measured",
    )
    parser.add_argument("--child-memory", choices=("fanzha", "peer"), help=argparse.SUPPRESS)
    parser.add_argument("--child-texts", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.selected = list(BENCHMARKS)
    if args.update and (not args.only or args.quick):
        parser.error("--update reruns some benchmarks at full size: give them with --only, without --quick")
    if args.only:
        wanted = [name.strip() for item in args.only for name in item.split(",") if name.strip()]
        unknown = [name for name in wanted if name not in BENCHMARKS]
        if unknown:
            parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
        args.selected = [name for name in BENCHMARKS if name in wanted]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child_memory:
        child_memory(args.child_memory, args.child_texts)
        return 0
    partial = (args.quick or bool(args.only)) and not args.update
    output = args.output or (PARTIAL_RESULTS if partial else RESULTS)
    shown_argv = sys.argv[1:] if argv is None else argv
    return run(args.selected, Config.make(args.quick), output, shown_argv, update=args.update)


if __name__ == "__main__":
    sys.exit(main())
