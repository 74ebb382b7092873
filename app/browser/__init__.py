"""Static assets for Neo4j Browser: diplograph's style (.grass) and guide (HTML slides)."""
