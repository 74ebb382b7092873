# The diplograph API / worker image (Neo4j runs in its own official container).
FROM python:3.11-slim
WORKDIR /srv/diplograph
COPY pyproject.toml README.md ./
COPY app ./app
COPY graph ./graph
COPY ingest ./ingest
COPY reference ./reference
COPY seeds ./seeds
RUN pip install --no-cache-dir . && useradd --system diplograph
USER diplograph
EXPOSE 8000
CMD ["diplograph", "serve", "--host", "0.0.0.0", "--port", "8000"]
