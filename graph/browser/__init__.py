"""Neo4j Browser, the front end: links into it, its neo4j.conf lines, its style and guide."""
