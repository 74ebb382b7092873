"""diplograph's benchmarks: extraction, ingest, writes, queries at scale, memory.

Run them all with `python -m bench` (or `diplograph bench`); each writes
`bench/results/<name>.json` and a table, and the run writes `docs/performance.md`.
"""
