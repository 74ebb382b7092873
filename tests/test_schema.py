"""The schema applies against the real server, twice without change."""

import neo4j

from graph.schema import SCHEMA, apply_schema


def _names(driver: neo4j.Driver) -> set[str]:
    constraints = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name").records
    indexes = driver.execute_query("SHOW INDEXES YIELD name RETURN name").records
    return {r["name"] for r in constraints} | {r["name"] for r in indexes}


def test_schema_is_idempotent(empty_graph: neo4j.Driver) -> None:
    before = _names(empty_graph)
    apply_schema(empty_graph)
    assert _names(empty_graph) == before
    for statement in SCHEMA:
        assert statement.split()[2] in before


def test_merge_key_is_unique(empty_graph: neo4j.Driver) -> None:
    empty_graph.execute_query("CREATE (:Article {id: 'x'})")
    try:
        empty_graph.execute_query("CREATE (:Article {id: 'x'})")
    except neo4j.exceptions.ConstraintError:
        pass
    else:
        raise AssertionError("a second Article with the same id was accepted")
