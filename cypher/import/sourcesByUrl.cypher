// Sources already in the graph for these URLs (curated or imported): reused, never duplicated.
UNWIND $urls AS url
MATCH (s:Source {url: url})
RETURN url, min(s.id) AS id
