"""The graph package's errors: one root, small subclasses whose message names the problem."""


class GraphError(Exception):
    """Root of every error raised by graph/."""


class ProvisionError(GraphError):
    """The local server could not be provisioned or started (message is one line)."""


class Neo4jUnavailable(GraphError):
    """Neo4j cannot be reached right now; callers may retry later."""
