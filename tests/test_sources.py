"""Article files for `diplograph ingest` (ingest/sources.py): every item read, or why not."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.sources import read_paths


def test_every_format_and_folder_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("Talks in Oslo.", encoding="utf-8")
    (tmp_path / "b" / "c.json").write_text(json.dumps([{"text": "One."}, {"text": "Two."}]))
    (tmp_path / "b" / "d.jsonl").write_text('{"text": "Three."}\n\n{"text": "Four."}\n')
    (tmp_path / "b" / "ignored.csv").write_text("x")
    items = list(read_paths([tmp_path]))
    assert [i.data["text"] for i in items if i.data] == [
        "Talks in Oslo.", "One.", "Two.", "Three.", "Four."]
    assert items[-1].origin.endswith("d.jsonl:3")


def test_bad_items_name_where_and_why(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json")
    (tmp_path / "list.json").write_text(json.dumps([{"text": "ok"}, 7]))
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    items = {i.origin: i for i in read_paths([tmp_path / "bad.json", tmp_path / "list.json",
                                               tmp_path / "latin.txt", tmp_path / "missing.txt"])}
    assert "invalid JSON" in (items[str(tmp_path / "bad.json")].error or "")
    assert items[f"{tmp_path / 'list.json'}[1]"].error == "not a JSON object"
    assert items[f"{tmp_path / 'list.json'}[0]"].data == {"text": "ok"}
    assert "UnicodeDecodeError" in (items[str(tmp_path / "latin.txt")].error or "")
    assert items[str(tmp_path / "missing.txt")].error == "no such file"
