"""`python -m bench [--quick] [--only NAME …] [--articles N] [--seed N] [--keep-server]`."""

from __future__ import annotations

import argparse
import logging
from dataclasses import replace

from bench.scale import Size
from bench.suite import ALL, QUICK, Plan, command_line, run


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small smoke run")
    parser.add_argument("--only", action="append", choices=ALL, help="repeatable")
    parser.add_argument("--articles", type=int, help=(
        "articles in the queries-at-scale graph (meetings and people in proportion); "
        "default 100000, --quick 5000"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep-server", action="store_true",
                        help="leave the benchmark Neo4j running at the end")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    plan = QUICK if args.quick else Plan()
    if args.articles:
        plan = replace(plan, scale=Size.of(args.articles))
    run(plan, tuple(args.only or ALL), args.seed, args.keep_server, command_line())


main()
